//! What `core::sanitize` promises, checked on one input, and what transcript wrapping and search promise
//! over sanitized text. Used by the fuzz targets (`fuzz/fuzz_targets/`) and by `tests/sanitize_props.rs`,
//! which replays the committed corpus and a few thousand generated inputs on the stable toolchain.
//!
//! The checks are written against the documented promises, not against the implementation: the set of
//! forbidden characters is listed here again, tab stops are recomputed from the output, and lines and
//! characters are mapped one by one.

use super::sanitize::{self, Mode, TAB_WIDTH};
use super::transcript;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must never reach the terminal: C0 controls (tab, newline and CR included), DEL, C1
/// controls, the bidi embeddings, overrides, isolates and marks, and the Unicode line and paragraph
/// separators. Only `\n` survives, and only in multi-line mode.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// Display width as unicode-width measures a whole string (it knows emoji presentation selectors, ZWJ
/// sequences and some ligatures). Only used to check that marks are visible.
pub fn drawn_width(s: &str) -> usize {
    s.width()
}

/// Display width as the sanitizer's tab stops, `transcript::wrap` and `ui::views::fit` measure it: the sum
/// of the characters' widths.
pub fn char_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Every promise of `core::sanitize` for one input, in both modes.
pub fn check_sanitize(input: &str) {
    let multi = sanitize::multi_line(input);
    let single = sanitize::single_line(input);
    assert_eq!(multi, sanitize::sanitize(input, Mode::MultiLine));
    assert_eq!(single, sanitize::sanitize(input, Mode::SingleLine));
    assert_eq!(sanitize::opt(Some(input.to_string())), Some(single.clone()));
    assert_eq!(sanitize::opt(None), None);

    check_output(input, &multi, Mode::MultiLine);
    check_output(input, &single, Mode::SingleLine);
    // A one-line result is also a valid multi-line text.
    assert_eq!(sanitize::multi_line(&single), single, "multi_line(single_line(x)) changed it");

    check_single_line_map(input, &single);
    check_multi_line_map(input, &multi);
}

/// Safe output, idempotence, and plain text passing through unchanged.
fn check_output(input: &str, out: &str, mode: Mode) {
    for c in out.chars() {
        let allowed = c == '\n' && mode == Mode::MultiLine;
        assert!(allowed || !is_forbidden(c), "{mode:?}: {c:?} survived in {out:?} (from {input:?})");
        assert!(allowed || c.width().is_some(), "{mode:?}: {c:?} has no width in {out:?}");
    }
    assert!(sanitize::is_inert(out), "{mode:?}: is_inert({out:?}) is false");
    assert_eq!(sanitize::sanitize(out, mode), out, "{mode:?}: not idempotent on {input:?}");
    let plain = !input.chars().any(|c| is_forbidden(c) && !(c == '\n' && mode == Mode::MultiLine));
    if plain {
        assert_eq!(out, input, "{mode:?}: plain text was changed");
    }
    assert_eq!(sanitize::is_inert(input), !input.chars().any(|c| c != '\n' && is_forbidden(c)), "is_inert({input:?})");
}

/// The mark one character becomes in a one-line field, with what every mark must be.
fn single_mark(c: char) -> String {
    let mark = sanitize::single_line(c.encode_utf8(&mut [0; 4]));
    if is_forbidden(c) {
        assert!(!mark.is_empty(), "{c:?} vanished");
        assert!(mark.chars().all(|m| !is_forbidden(m)), "{c:?} became {mark:?}");
        assert!(drawn_width(&mark) >= 1 && char_width(&mark) >= 1, "{c:?} became the invisible {mark:?}");
        if c == '\t' {
            assert_eq!(mark, " ", "a tab in a one-line field is one space");
        }
    } else {
        assert_eq!(mark, c.to_string(), "{c:?} is harmless and must be kept");
    }
    mark
}

/// One-line mode maps character by character (CR LF counts as one line break, and every line break
/// becomes the same mark).
fn check_single_line_map(input: &str, single: &str) {
    let expected: String = input.replace("\r\n", "\n").chars().map(single_mark).collect();
    assert_eq!(single, expected, "single_line({input:?})");
    for brk in ["\r\n", "\u{2028}", "\u{2029}"] {
        assert_eq!(sanitize::single_line(brk), sanitize::single_line("\n"), "{brk:?} is a line break");
    }
}

/// Multi-line mode keeps the lines (`\n`, CR LF, U+2028, U+2029 each end one), maps the characters of a line
/// as one-line mode does, and expands each tab to the next multiple of `TAB_WIDTH` columns (measured as the
/// views measure, `char_width`), so columns line up after wide characters, combining marks and marks.
fn check_multi_line_map(input: &str, multi: &str) {
    let norm = input.replace("\r\n", "\n").replace(['\u{2028}', '\u{2029}'], "\n");
    let in_lines: Vec<&str> = norm.split('\n').collect();
    let out_lines: Vec<&str> = multi.split('\n').collect();
    assert_eq!(in_lines.len(), out_lines.len(), "multi_line({input:?}) has {multi:?}");
    for (il, ol) in in_lines.iter().zip(&out_lines) {
        let mut expected = String::new();
        for (k, seg) in il.split('\t').enumerate() {
            if k > 0 {
                let n = TAB_WIDTH - char_width(&expected) % TAB_WIDTH;
                expected.extend(std::iter::repeat_n(' ', n));
                assert_eq!(char_width(&expected) % TAB_WIDTH, 0, "tab stop missed in {expected:?}");
            }
            expected.extend(seg.chars().map(single_mark));
        }
        assert_eq!(*ol, expected, "line {il:?} of multi_line({input:?})");
    }
}

/// How many columns a wrapped line may exceed the text column by: none. (The `transcript` target once found
/// lines one column too wide after a break on a space that followed a zero-width start; see
/// `wrap_after_a_zero_width_start_stays_in_the_column` in `tests/sanitize_props.rs`.)
pub const WRAP_SLACK: usize = 0;

/// The transcript target's input: one byte of width, one byte choosing a search query, then the text.
pub fn check_transcript_bytes(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let text = sanitize::multi_line(&String::from_utf8_lossy(&data[2..]));
    check_transcript(&text, u16::from(data[0]), data[1]);
}

/// Parsing, wrapping, search and `line_of` over sanitized text.
pub fn check_transcript(text: &str, width: u16, pick: u8) {
    let turns = transcript::parse(text);
    for t in &turns {
        assert_eq!(t.label.is_empty(), t.role == transcript::Role::Unlabelled, "{t:?}");
        assert!(!t.text.ends_with(['\n', ' ']), "turn text not trimmed: {:?}", t.text);
    }
    let text_width = usize::from(width).saturating_sub(transcript::label_width(&turns)).max(8);
    let lines = transcript::wrap(&turns, width);
    let spacers = lines.iter().filter(|l| l.spacer).count();
    assert_eq!(spacers, turns.len().saturating_sub(1), "one spacer between turns");

    for (ti, turn) in turns.iter().enumerate() {
        let own: Vec<&transcript::Line> = lines.iter().filter(|l| l.turn as usize == ti && !l.spacer).collect();
        assert!(!own.is_empty(), "turn {ti} has no line");
        let t = &turn.text;
        let mut pos = 0usize;
        for (k, l) in own.iter().enumerate() {
            assert_eq!(l.first, k == 0, "first flag of line {k} of turn {ti}");
            let (s, e) = (l.start as usize, l.end as usize);
            assert!(s <= e && e <= t.len(), "{l:?} out of {}", t.len());
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e), "{l:?} cuts a character of {t:?}");
            // Lines follow each other; between two, at most the space or line break they were split on.
            let gap_ok = s == pos || (k > 0 && s == pos + 1 && matches!(t.as_bytes()[pos], b' ' | b'\n'));
            assert!(gap_ok, "turn {ti}: line {k} {l:?} does not continue at {pos} in {t:?}");
            let slice = &t[s..e];
            assert!(!slice.contains('\n'), "{slice:?} spans a line break");
            assert!(
                char_width(slice) <= text_width + WRAP_SLACK,
                "{slice:?} is {} columns wide, the text column is {text_width} (width {width})",
                char_width(slice)
            );
            pos = e;
        }
        assert_eq!(pos, t.len(), "turn {ti}: text after the last line");
    }

    // Search for a piece of one turn's text: it is found, where it is, on a line that shows it.
    if turns.is_empty() {
        return;
    }
    let t = &turns[usize::from(pick) % turns.len()].text;
    let chars: Vec<char> = t.chars().collect();
    let skip = usize::from(pick / 8) % (chars.len() + 1);
    let query: String = chars[skip..].iter().take(1 + usize::from(pick % 8)).collect();
    let matches = transcript::search(&turns, &query);
    assert_eq!(query.is_empty(), matches.is_empty(), "{query:?} not found in {t:?}");
    let needle = query.to_ascii_lowercase();
    let mut prev: Option<(u32, u32)> = None;
    for m in &matches {
        let hay = &turns[m.turn as usize].text;
        let (s, e) = (m.start as usize, m.end as usize);
        assert!(hay.is_char_boundary(s) && hay.is_char_boundary(e), "{m:?} cuts a character");
        assert_eq!(hay[s..e].to_ascii_lowercase(), needle, "{m:?}");
        if let Some(p) = prev {
            assert!((m.turn, m.start) >= p, "matches out of order");
        }
        prev = Some((m.turn, m.end));
        let l = lines[transcript::line_of(&lines, *m)];
        let on_line = l.start <= m.start && m.start < l.end;
        let at_break = m.start + 1 == l.start; // the match begins with the space a line was split on
        assert!(l.turn == m.turn && !l.spacer && (on_line || at_break), "{m:?} mapped to {l:?}");
    }
}
