//! Org names that can be told apart on screen.
//!
//! Tenants name themselves, and two names may look the same while being different strings: a Cyrillic `і`
//! among Latin letters, a trailing space, an invisible zero-width space, or simply two orgs with the same
//! name. Each org gets a [`NameMark`], computed once when the org list loads ([`marks`]):
//!
//! - **mixed scripts** (UTS #39 mixed-script detection, `unicode-security`): a name whose letters come
//!   from scripts that are not normally written together. Latin with Han, Kana or Hangul (Highly
//!   Restrictive) and Latin with one other recommended script that is not Cyrillic or Greek (Moderately
//!   Restrictive) are fine; Latin with Cyrillic or Greek, or two non-Latin scripts, is marked.
//! - **look-alike** and **duplicate**: names that collide once their whitespace is normalized and their
//!   characters are mapped to UTS #39 confusable prototypes (the *skeleton*: `rn` ~ `m`, `l` ~ `I`, Cyrillic
//!   `а` ~ Latin `a`). Identical names are duplicates; different strings with the same skeleton look alike.
//!   Every org of such a group gets a short distinguishing **key**: the shortest prefix of its id (at least
//!   [`MIN_KEY`] characters) that no other org's id starts with, so that `:org 3f2a` opens it.
//! - **whitespace** made visible ([`visible`]): spaces at either edge and runs of spaces as `␣`, other
//!   spaces (no-break, ideographic...) and invisible characters (zero-width space, word joiner, BOM,
//!   Hangul fillers) as their code point, `⟨A0⟩`, as the sanitizer shows C1 controls.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;
use unicode_script::Script;
use unicode_security::mixed_script::AugmentedScriptSet;

use crate::core::model::{Key, Org};

/// The shortest distinguishing id prefix shown.
pub const MIN_KEY: usize = 4;

/// How a name differs from a plain, unique one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NameFlags {
    /// Letters of scripts not normally written together (a Cyrillic `і` in a Latin name).
    pub mixed_script: bool,
    /// Another org's name is a different string that looks the same (same UTS #39 skeleton).
    pub look_alike: bool,
    /// Another org has exactly this name.
    pub duplicate: bool,
    /// Spaces at an edge, runs of spaces, unusual spaces or invisible characters (shown visibly).
    pub whitespace: bool,
}

impl NameFlags {
    pub fn any(&self) -> bool {
        self.mixed_script || self.look_alike || self.duplicate || self.whitespace
    }

    /// The flags' names, as exports give them (`name_flags`).
    pub fn labels(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.mixed_script {
            out.push("mixed-script");
        }
        if self.look_alike {
            out.push("look-alike");
        }
        if self.duplicate {
            out.push("duplicate");
        }
        if self.whitespace {
            out.push("whitespace");
        }
        out
    }

    /// The marks drawn before the name, so that a narrow column cuts the name and not them: `⚠` mixed
    /// scripts, `≈` looks like (or is) another org's name, `␣` spaces or invisible characters shown in it.
    pub fn glyphs(&self) -> String {
        let mut out = String::new();
        if self.mixed_script {
            out.push('⚠');
        }
        if self.look_alike || self.duplicate {
            out.push('≈');
        }
        if self.whitespace {
            out.push('␣');
        }
        out
    }
}

/// What the switcher and the board draw for one org's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameMark {
    /// The name with its whitespace made visible ([`visible`]).
    pub shown: String,
    pub flags: NameFlags,
    /// The shortest unique id prefix, where the name collides with another org's on screen.
    pub key: Option<String>,
    /// What is drawn before the name: the glyphs, then `#key`; empty when neither applies.
    lead: String,
}

impl NameMark {
    pub fn new(shown: String, flags: NameFlags, key: Option<String>) -> NameMark {
        let mut lead = flags.glyphs();
        if let Some(k) = &key {
            lead.push('#');
            lead.push_str(k);
        }
        NameMark { shown, flags, key, lead }
    }

    /// What is drawn before the name: the glyphs, then `#key`; empty when neither applies.
    pub fn prefix(&self) -> &str {
        &self.lead
    }
}

/// The marks of the orgs that need one (any flag or a key), by org key. Orgs with plain, unique names are
/// absent, so a list without look-alikes costs one skeleton per name and an empty map.
pub fn marks(orgs: &[Org]) -> HashMap<Key, NameMark> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        groups.entry(collision_key(&o.name)).or_default().push(i);
    }
    let mut flags: Vec<NameFlags> = orgs
        .iter()
        .map(|o| NameFlags {
            mixed_script: mixes_scripts(&o.name),
            whitespace: matches!(visible(&o.name), Cow::Owned(_)),
            ..Default::default()
        })
        .collect();
    let mut keyed = vec![false; orgs.len()];
    for members in groups.values().filter(|m| m.len() > 1) {
        for &i in members {
            keyed[i] = true;
            for &j in members.iter().filter(|&&j| j != i) {
                if orgs[i].name == orgs[j].name {
                    flags[i].duplicate = true;
                } else {
                    flags[i].look_alike = true;
                }
            }
        }
    }
    let prefixes = if keyed.iter().any(|k| *k) { unique_prefixes(orgs) } else { Vec::new() };
    orgs.iter()
        .enumerate()
        .filter(|(i, _)| flags[*i].any() || keyed[*i])
        .map(|(i, o)| {
            let key = keyed[i].then(|| prefixes.get(i).cloned().unwrap_or_default());
            let mark = NameMark::new(visible(&o.name).into_owned(), flags[i], key);
            (o.key.clone(), mark)
        })
        .collect()
}

/// What two names must share to be told apart by a key: whitespace normalized (trimmed, every kind of
/// space one plain space, invisible characters dropped), then the UTS #39 skeleton.
pub fn collision_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || invisible(c))
        .filter(|w| !w.is_empty())
        .map(|w| unicode_security::skeleton(w).collect())
        .collect();
    words.join(" ")
}

/// Whether the name mixes scripts beyond what UTS #39's Moderately Restrictive level allows. Common
/// characters (digits, punctuation, spaces, emoji) belong to every script and never count.
pub fn mixes_scripts(name: &str) -> bool {
    let mut all = AugmentedScriptSet::default();
    let mut not_latin = AugmentedScriptSet::default();
    for c in name.chars() {
        let set = AugmentedScriptSet::for_char(c);
        all.intersect_with(set);
        if !set.base.contains_script(Script::Latin) {
            not_latin.intersect_with(set);
        }
    }
    if !all.is_empty() || not_latin.hanb || not_latin.jpan || not_latin.kore {
        // Single script, or Latin with Chinese, Japanese or Korean.
        return false;
    }
    let mut others = not_latin.base.iter();
    match (others.next(), others.next()) {
        (Some(s), None) => !s.is_recommended() || s == Script::Cyrillic || s == Script::Greek,
        _ => true,
    }
}

/// Characters that draw as nothing, or as a blank that is not a space, and so hide a difference.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}' | '\u{2800}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
    )
}

/// The visible mark of a space or an invisible character: `␣` for a plain space, `⟨A0⟩` otherwise.
fn push_mark(out: &mut String, c: char) {
    if c == ' ' {
        out.push('␣');
    } else {
        out.push_str(&format!("⟨{:02X}⟩", c as u32));
    }
}

/// The name with what would hide a difference made visible: spaces at the edges and in runs as `␣`, other
/// spaces and invisible characters as `⟨code⟩`. Borrowed when there is nothing to show.
pub fn visible(name: &str) -> Cow<'_, str> {
    let blank = |c: char| c.is_whitespace() || invisible(c);
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    let start = chars.iter().position(|&c| !blank(c)).unwrap_or(n);
    let end = chars.iter().rposition(|&c| !blank(c)).map_or(start, |e| e + 1);
    let inner_run = |i: usize| {
        chars[i] == ' '
            && ((i > 0 && chars[i - 1] == ' ') || chars.get(i + 1) == Some(&' ') || (i > 0 && blank(chars[i - 1])))
    };
    let marked = |i: usize| {
        let c = chars[i];
        if i < start || i >= end {
            return blank(c);
        }
        (c != ' ' && blank(c)) || inner_run(i)
    };
    if !(0..n).any(marked) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if marked(i) { push_mark(&mut out, c) } else { out.push(c) }
    }
    Cow::Owned(out)
}

/// Per org, the shortest prefix of its id (at least [`MIN_KEY`] characters, at most the whole id) that no
/// other org's id starts with, compared without regard to case. Ids that another id extends keep their
/// whole text.
pub fn unique_prefixes(orgs: &[Org]) -> Vec<String> {
    let ids: Vec<Vec<char>> = orgs.iter().map(|o| o.key.to_string().to_lowercase().chars().collect()).collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let common = |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut need = vec![MIN_KEY; ids.len()];
    for w in order.windows(2) {
        let (a, b) = (w[0], w[1]);
        let c = common(&ids[a], &ids[b]) + 1;
        need[a] = need[a].max(c);
        need[b] = need[b].max(c);
    }
    orgs.iter()
        .zip(need)
        .map(|(o, n)| {
            let id = o.key.to_string();
            let prefix: String = id.chars().take(n).collect();
            crate::core::sanitize::single_line(&prefix)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str, name: &str) -> Org {
        Org { key: Key::parse(id), name: name.into(), industry: None, status: None, slug: None, timezone: None }
    }

    fn rapid() -> Vec<Org> {
        vec![
            org("3f2a0000-0000-4000-8000-000000000001", "Rapid Rooter Plumb\u{456}ng"),
            org("9b1c0000-0000-4000-8000-000000000002", "Rapid Rooter Plumbing "),
            org("9b1d0000-0000-4000-8000-000000000003", "Rapid Rooter Plumbing"),
            org("c0de0000-0000-4000-8000-000000000004", "Rapid Rooter Plumbing"),
            org("d00d0000-0000-4000-8000-000000000005", "Acme Plumbing"),
        ]
    }

    #[test]
    fn look_alikes_duplicates_and_edge_spaces_are_marked_with_keys() {
        let orgs = rapid();
        let m = marks(&orgs);
        assert_eq!(m.len(), 4, "Acme is plain and unique: {m:?}");
        let get = |i: usize| &m[&orgs[i].key];
        assert_eq!(get(0).flags, NameFlags { mixed_script: true, look_alike: true, ..Default::default() });
        assert_eq!(get(0).key.as_deref(), Some("3f2a"));
        assert_eq!(get(0).prefix(), "⚠≈#3f2a");
        assert_eq!(get(1).flags, NameFlags { look_alike: true, whitespace: true, ..Default::default() });
        assert_eq!(get(1).shown, "Rapid Rooter Plumbing␣");
        assert_eq!(get(1).key.as_deref(), Some("9b1c"));
        assert_eq!(get(1).prefix(), "≈␣#9b1c");
        assert_eq!(get(2).flags, NameFlags { look_alike: true, duplicate: true, ..Default::default() });
        assert_eq!(get(2).key.as_deref(), Some("9b1d"));
        assert_eq!(get(3).key.as_deref(), Some("c0de"));
        assert_eq!(get(3).prefix(), "≈#c0de");
        assert_eq!(get(3).flags.labels(), vec!["look-alike", "duplicate"]);
    }

    #[test]
    fn keys_grow_until_unique_among_all_orgs() {
        let orgs = vec![
            org("abcdef00-0000-4000-8000-000000000001", "Same"),
            org("abcdef11-0000-4000-8000-000000000002", "Same"),
            org("abcd0000-0000-4000-8000-000000000003", "Other"),
        ];
        let m = marks(&orgs);
        assert_eq!(m[&orgs[0].key].key.as_deref(), Some("abcdef0"));
        assert_eq!(m[&orgs[1].key].key.as_deref(), Some("abcdef1"));
        assert!(!m.contains_key(&orgs[2].key));
        // Text ids: one extends another, so the shorter keeps its whole text.
        let orgs = vec![org("12", "X"), org("123", "X"), org("cm0abc", "Y")];
        assert_eq!(unique_prefixes(&orgs), vec!["12", "123", "cm0a"]);
    }

    #[test]
    fn mixed_scripts_per_uts39_moderate_restriction() {
        assert!(mixes_scripts("Rapid Rooter Plumb\u{456}ng"), "Latin with a Cyrillic і");
        assert!(mixes_scripts("\u{391}cme"), "Latin with a Greek Alpha");
        assert!(!mixes_scripts("Rapid Rooter Plumbing & Drain 24/7 🚰"));
        assert!(!mixes_scripts("Сантехника Москва"), "Cyrillic alone");
        assert!(!mixes_scripts("東京デンタル"), "Japanese: Han with Katakana");
        assert!(!mixes_scripts("Tokyo 東京 Dental"), "Latin with Han");
        assert!(!mixes_scripts("Clínica San José"));
        assert!(!mixes_scripts("Pizza مطعم"), "Latin with Arabic is moderately restrictive");
        assert!(mixes_scripts("Сантехника Αθήνα"), "Cyrillic with Greek");
        assert!(!mixes_scripts(""));
    }

    #[test]
    fn whole_script_confusables_share_a_skeleton() {
        // All Cyrillic "Асме" against Latin "Acme": neither mixes scripts, but they look alike.
        let orgs = vec![
            org("11110000-0000-4000-8000-000000000001", "Acme"),
            org("22220000-0000-4000-8000-000000000002", "\u{410}\u{441}\u{43C}\u{435}"),
        ];
        let m = marks(&orgs);
        assert!(m.values().all(|x| x.flags.look_alike && !x.flags.mixed_script), "{m:?}");
        // rn looks like m.
        assert_eq!(collision_key("Modern"), collision_key("Modem"));
        assert_eq!(collision_key("  Acme\u{A0} Plumbing\u{200B} "), collision_key("Acme Plumbing"));
    }

    #[test]
    fn whitespace_is_made_visible() {
        assert!(matches!(visible("Acme Plumbing"), Cow::Borrowed(_)));
        assert_eq!(visible("Acme Plumbing "), "Acme Plumbing␣");
        assert_eq!(visible(" Acme"), "␣Acme");
        assert_eq!(visible("Acme  Plumbing"), "Acme␣␣Plumbing");
        assert_eq!(visible("Acme\u{A0}Plumbing"), "Acme⟨A0⟩Plumbing");
        assert_eq!(visible("Acme\u{200B}"), "Acme⟨200B⟩");
        assert_eq!(visible("Acme\u{3000}Plumbing"), "Acme⟨3000⟩Plumbing");
        assert_eq!(visible("   "), "␣␣␣");
        assert_eq!(visible(""), "");
        // Emoji sequences joined by ZWJ stay as they are.
        assert!(matches!(visible("Family 👨\u{200D}👩\u{200D}👧 Dental"), Cow::Borrowed(_)));
    }

    #[test]
    fn hostile_names_never_panic() {
        let names = ["\u{202E}evil", "\u{1b}]0;x\u{7}", "", " ", "\u{FEFF}", "a\u{0301}\u{0301}", "𝔄𝔠𝔪𝔢", "\u{10FFFF}"];
        let orgs: Vec<Org> =
            names.iter().enumerate().map(|(i, n)| org(&format!("{i:08}-0000-4000-8000-000000000000"), n)).collect();
        let _ = marks(&orgs);
        for n in names {
            let _ = (visible(n), mixes_scripts(n), collision_key(n));
        }
    }
}
