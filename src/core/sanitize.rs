//! Untrusted text from the database made safe to draw, once, when a row is loaded.
//!
//! Nothing that reaches the terminal may move the cursor, retitle the window, clear the screen or reorder
//! the text: C0 and C1 controls, ESC (and so every CSI/OSC/DCS sequence), DEL, lone CR and bidi controls
//! are replaced by visible marks; tabs are expanded to spaces. Ordinary letters of every script, emoji and
//! combining marks are kept as they are.

use unicode_width::UnicodeWidthChar;

/// Tab stops every this many columns. Columns are counted as the views count them (`transcript::wrap`,
/// `ui::views::fit`): the sum of unicode-width's per-character widths, marks included.
pub const TAB_WIDTH: usize = 4;

/// Whether line breaks are kept (transcripts, summaries) or shown as a mark (names, one-line fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    MultiLine,
    SingleLine,
}

/// Sanitizes text that may span several lines (transcripts, summaries, notes).
pub fn multi_line(s: &str) -> String {
    sanitize(s, Mode::MultiLine)
}

/// Sanitizes a one-line field (names, phone numbers, statuses).
pub fn single_line(s: &str) -> String {
    sanitize(s, Mode::SingleLine)
}

/// Sanitizes an optional field.
pub fn opt(s: Option<String>) -> Option<String> {
    s.map(|s| single_line(&s))
}

fn needs_work(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7f..=0x9f).contains(&u) || bidi_name(c).is_some() || u == 0x2028 || u == 0x2029
}

pub fn sanitize(s: &str, mode: Mode) -> String {
    if !s.chars().any(needs_work) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => newline(&mut out, &mut col, mode),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                    newline(&mut out, &mut col, mode);
                } else {
                    push(&mut out, &mut col, '␍');
                }
            }
            '\t' => {
                let n = match mode {
                    Mode::MultiLine => TAB_WIDTH - (col % TAB_WIDTH),
                    Mode::SingleLine => 1,
                };
                for _ in 0..n {
                    push(&mut out, &mut col, ' ');
                }
            }
            '\u{1b}' => push(&mut out, &mut col, '␛'),
            '\u{7f}' => push(&mut out, &mut col, '␡'),
            c if (c as u32) < 0x20 => {
                // Control Pictures block: U+2400 + code.
                let pic = char::from_u32(0x2400 + c as u32).unwrap_or('�');
                push(&mut out, &mut col, pic);
            }
            c if (0x80..=0x9f).contains(&(c as u32)) => {
                for m in format!("⟨{:02X}⟩", c as u32).chars() {
                    push(&mut out, &mut col, m);
                }
            }
            c => match bidi_name(c) {
                Some(name) => {
                    for m in format!("⟨{name}⟩").chars() {
                        push(&mut out, &mut col, m);
                    }
                }
                None => push(&mut out, &mut col, c),
            },
        }
    }
    out
}

fn newline(out: &mut String, col: &mut usize, mode: Mode) {
    match mode {
        Mode::MultiLine => {
            out.push('\n');
            *col = 0;
        }
        Mode::SingleLine => push(out, col, '␤'),
    }
}

fn push(out: &mut String, col: &mut usize, c: char) {
    out.push(c);
    *col += c.width().unwrap_or(0);
}

/// Bidirectional formatting characters that could reorder what surrounds them.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{061C}' => "ALM",
        _ => return None,
    })
}

/// True when the text holds nothing a terminal would interpret (used by tests and debug assertions).
pub fn is_inert(s: &str) -> bool {
    !s.chars().any(|c| c != '\n' && needs_work(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Customer: my pipe burst 🔥 配管が破裂しました مرحبا é";
        assert_eq!(multi_line(s), s);
    }

    #[test]
    fn escape_sequences_become_visible_marks() {
        let s = "a\x1b]0;pwned\x07b\x1b[2Jc\x1bP1$r\x1b\\d";
        let out = multi_line(s);
        assert_eq!(out, "a␛]0;pwned␇b␛[2Jc␛P1$r␛\\d");
        assert!(is_inert(&out));
    }

    #[test]
    fn c1_del_and_bidi_are_marked() {
        let s = "x\u{9b}31my\u{7f}z\u{202e}evil\u{2066}";
        assert_eq!(multi_line(s), "x⟨9B⟩31my␡z⟨RLO⟩evil⟨LRI⟩");
    }

    #[test]
    fn carriage_returns_and_tabs() {
        assert_eq!(multi_line("a\r\nb\rc"), "a\nb␍c");
        assert_eq!(multi_line("ab\tc\n\td"), "ab  c\n    d");
        assert_eq!(single_line("a\nb\tc"), "a␤b c");
    }

    #[test]
    fn nul_and_other_c0() {
        assert_eq!(single_line("a\0b\x08c"), "a␀b␈c");
    }

    #[test]
    fn tab_stops_count_wide_characters() {
        // "東" is two columns wide: the tab after it fills to column 4.
        assert_eq!(multi_line("東\tx"), "東  x");
    }

    #[test]
    fn tab_stops_count_marks_and_combining_characters() {
        // Combining marks are zero columns; a mark counts as the columns it is drawn in.
        assert_eq!(multi_line("e\u{301}\tx"), "e\u{301}   x");
        assert_eq!(multi_line("\x1b\tx"), "␛   x");
        assert_eq!(multi_line("\u{9b}\tx"), "⟨9B⟩    x");
        assert_eq!(multi_line("a\u{2028}\tb\u{2029}c"), "a\n    b\nc");
    }
}
