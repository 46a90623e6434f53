//! Transcripts: split into speaker turns, wrapped to a width, searched.
//!
//! The transcript text is sanitized before it gets here. Wrapping is done once per width (in the reducer,
//! on load and on resize), so drawing only slices the lines it shows.

use unicode_width::UnicodeWidthChar;

/// Who speaks a turn. The label the transcript used is kept for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agent,
    Caller,
    /// Text before the first speaker label, or a transcript without labels.
    Unlabelled,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub role: Role,
    pub label: String,
    pub text: String,
}

const AGENT_LABELS: &[&str] = &["ai", "agent", "assistant", "bot", "receptionist", "system"];
const CALLER_LABELS: &[&str] = &["user", "customer", "caller", "human", "client", "patient", "lead"];

/// Recognises `Label: text` at the start of a line for the labels platforms use.
fn speaker_of(line: &str) -> Option<(Role, &str, &str)> {
    let trimmed = line.trim_start();
    let colon = trimmed.find(':')?;
    if colon == 0 || colon > 24 {
        return None;
    }
    let label = &trimmed[..colon];
    let lower = label.to_ascii_lowercase();
    let role = if AGENT_LABELS.contains(&lower.as_str()) {
        Role::Agent
    } else if CALLER_LABELS.contains(&lower.as_str()) {
        Role::Caller
    } else {
        return None;
    };
    let rest = trimmed[colon + 1..].strip_prefix(' ').unwrap_or(&trimmed[colon + 1..]);
    Some((role, label, rest))
}

/// A call with its transcript's speaker turns, as every JSON of one call has it (`export call`, a saved
/// transcript): `{"call": ..., "turns": [{"speaker", "text"}]}`.
pub fn call_json<T: serde::Serialize>(call: &T, turns: &[Turn]) -> serde_json::Value {
    serde_json::json!({
        "call": call,
        "turns": turns.iter().map(|t| serde_json::json!({"speaker": t.label, "text": t.text})).collect::<Vec<_>>(),
    })
}

/// Splits a transcript into turns. Lines without a label continue the turn before them.
pub fn parse(text: &str) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for line in text.split('\n') {
        match speaker_of(line) {
            Some((role, label, rest)) => turns.push(Turn { role, label: label.to_string(), text: rest.to_string() }),
            None => match turns.last_mut() {
                Some(t) => {
                    t.text.push('\n');
                    t.text.push_str(line);
                }
                None => {
                    if !line.trim().is_empty() {
                        turns.push(Turn { role: Role::Unlabelled, label: String::new(), text: line.to_string() })
                    }
                }
            },
        }
    }
    for t in &mut turns {
        let trimmed = t.text.trim_end_matches(['\n', ' ']).len();
        t.text.truncate(trimmed);
    }
    turns
}

/// One screen line of a wrapped transcript: a byte range of one turn's text, or a blank spacer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub turn: u32,
    pub start: u32,
    pub end: u32,
    /// The first line of its turn (where the speaker label is drawn).
    pub first: bool,
    pub spacer: bool,
}

/// Width of the speaker column ("Customer │ ").
pub fn label_width(turns: &[Turn]) -> usize {
    turns.iter().map(|t| t.label.chars().count()).max().unwrap_or(0).clamp(0, 12) + 3
}

/// Wraps every turn to `width` columns (including the label column). Greedy, on spaces; words longer than
/// a line are broken. Returns the lines in order, with a spacer between turns.
pub fn wrap(turns: &[Turn], width: u16) -> Vec<Line> {
    let text_width = (width as usize).saturating_sub(label_width(turns)).max(8);
    let mut lines = Vec::new();
    for (ti, turn) in turns.iter().enumerate() {
        if ti > 0 {
            lines.push(Line { turn: ti as u32, start: 0, end: 0, first: false, spacer: true });
        }
        let mut first = true;
        let mut para_start = 0usize;
        for para in turn.text.split('\n') {
            for (s, e) in wrap_paragraph(para, text_width) {
                lines.push(Line {
                    turn: ti as u32,
                    start: (para_start + s) as u32,
                    end: (para_start + e) as u32,
                    first,
                    spacer: false,
                });
                first = false;
            }
            para_start += para.len() + 1;
        }
    }
    lines
}

/// Byte ranges of the lines of one paragraph wrapped at `width` columns.
pub fn wrap_paragraph(p: &str, width: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut col = 0usize;
    let mut last_space: Option<usize> = None; // byte index of a space within the current line
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let w = c.width().unwrap_or(0);
        if col + w > width && i > start {
            let (end, next) = match last_space {
                Some(sp) if sp > start => (sp, sp + 1),
                _ => (i, i),
            };
            out.push((start, end));
            start = next;
            last_space = None;
            col = p[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            // The words carried over may still leave no room for this character (a wide one after a
            // zero-width start): break before it too.
            if col + w > width && i > start {
                out.push((start, i));
                start = i;
                col = 0;
            }
        }
        if c == ' ' {
            last_space = Some(i);
        }
        col += w;
        if iter.peek().is_none() {
            break;
        }
    }
    out.push((start, p.len()));
    out
}

/// A match of the search query: a byte range of one turn's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub turn: u32,
    pub start: u32,
    pub end: u32,
}

/// Every match of `query` in the turns, ASCII-case-insensitive, in reading order. Searches the turn text
/// and the speaker labels are not part of it.
pub fn search(turns: &[Turn], query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let needle = query.to_ascii_lowercase();
    let mut out = Vec::new();
    for (ti, t) in turns.iter().enumerate() {
        let hay = t.text.to_ascii_lowercase();
        let mut from = 0;
        while let Some(pos) = hay[from..].find(&needle) {
            let s = from + pos;
            out.push(Match { turn: ti as u32, start: s as u32, end: (s + needle.len()) as u32 });
            from = s + needle.len().max(1);
        }
    }
    out
}

/// The index of the wrapped line that holds the start of a match.
pub fn line_of(lines: &[Line], m: Match) -> usize {
    let i = lines.partition_point(|l| l.turn < m.turn || (l.turn == m.turn && (l.spacer || l.end <= m.start)));
    i.min(lines.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "AI: Hello, thanks for calling Acme Plumbing.\nCustomer: My pipe burst!\nIt is flooding.\nagent: Stay calm.\nUser: ok";

    #[test]
    fn splits_turns_and_keeps_continuations() {
        let turns = parse(T);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[0].role, Role::Agent);
        assert_eq!(turns[0].label, "AI");
        assert_eq!(turns[1].role, Role::Caller);
        assert_eq!(turns[1].text, "My pipe burst!\nIt is flooding.");
        assert_eq!(turns[2].role, Role::Agent);
        assert_eq!(turns[3].role, Role::Caller);
    }

    #[test]
    fn unlabelled_text_is_one_turn_and_unknown_labels_are_text() {
        let turns = parse("just text\nNote: more text");
        assert_eq!(turns.len(), 1);
        assert_eq!(turns[0].role, Role::Unlabelled);
        assert_eq!(turns[0].text, "just text\nNote: more text");
        assert!(parse("").is_empty());
    }

    #[test]
    fn wraps_on_spaces_within_width() {
        let turns = parse("AI: aaaa bbbb cccc dddd eeee");
        let lw = label_width(&turns);
        let lines = wrap(&turns, (lw + 10) as u16);
        let texts: Vec<&str> = lines.iter().map(|l| &turns[0].text[l.start as usize..l.end as usize]).collect();
        assert_eq!(texts, vec!["aaaa bbbb", "cccc dddd", "eeee"]);
        assert!(lines[0].first && !lines[1].first);
    }

    #[test]
    fn breaks_long_words_and_wide_characters() {
        let turns = parse("AI: 配管が破裂しました配管が破裂しました");
        let lw = label_width(&turns);
        let lines = wrap(&turns, (lw + 8) as u16);
        for l in &lines {
            let s = &turns[0].text[l.start as usize..l.end as usize];
            let w: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(w <= 8, "{s:?} is {w} wide");
        }
        let joined: String = lines.iter().map(|l| &turns[0].text[l.start as usize..l.end as usize]).collect();
        assert_eq!(joined, turns[0].text);
    }

    #[test]
    fn spacer_between_turns() {
        let turns = parse("AI: a\nUser: b");
        let lines = wrap(&turns, 80);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].spacer);
    }

    #[test]
    fn search_is_case_insensitive_and_maps_to_lines() {
        let turns = parse(T);
        let ms = search(&turns, "PIPE");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].turn, 1);
        let lines = wrap(&turns, 80);
        let li = line_of(&lines, ms[0]);
        assert_eq!(lines[li].turn, 1);
        let ms = search(&turns, "flooding");
        let li = line_of(&lines, ms[0]);
        let l = lines[li];
        assert!(l.start <= ms[0].start && ms[0].start < l.end, "{l:?} {:?}", ms[0]);
        assert!(search(&turns, "").is_empty());
    }

    #[test]
    fn line_of_finds_matches_on_wrapped_lines() {
        let text = format!("AI: {}", "word ".repeat(200));
        let turns = parse(&text);
        let lines = wrap(&turns, 40);
        for m in search(&turns, "word") {
            let l = lines[line_of(&lines, m)];
            assert!(l.start <= m.start && m.start < l.end, "{l:?} {m:?}");
        }
    }
}
