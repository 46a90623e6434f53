//! One single-line text field for every place the console reads typed text (the org switcher's filter,
//! the call-list and board filters, the transcript search, the `:` command line, the calendar's date,
//! on call's instant, the overview's range, the profile's typed confirmation).
//!
//! The keys are readline's, the same in every field:
//!
//! | key | does |
//! |---|---|
//! | `ctrl-a` `home` / `ctrl-e` `end` | start / end of the line |
//! | `ctrl-b` `←` / `ctrl-f` `→` | one character back / forward |
//! | `alt-b` `ctrl-←` / `alt-f` `ctrl-→` | one word back / forward |
//! | `backspace` `ctrl-h` / `delete` `ctrl-d` | delete the character before / under the cursor |
//! | `ctrl-u` | delete to the start of the line (the whole line when the cursor is at its end) |
//! | `ctrl-k` | delete to the end of the line |
//! | `ctrl-w` | delete the word before the cursor (up to the previous space, like readline) |
//! | `alt-backspace` `ctrl-backspace` / `alt-d` `ctrl-delete` | delete the word (letters and digits) before / after the cursor |
//! | `ctrl-y` | put back the text the last of those deleted |
//! | `enter` `ctrl-m` `ctrl-j` | submit |
//! | `esc` `ctrl-g` | cancel |
//!
//! Nothing else edits: tui-textarea's other bindings (`ctrl-u` undo, `ctrl-r` redo, `ctrl-m` new line, `ctrl-v`
//! scrolling, `tab` inserting a tab, ...) never reach it, so a field stays one line. A character a terminal
//! would interpret (C0 and C1 controls, ESC, DEL, bidi controls, line and paragraph separators: what
//! `core::sanitize` marks in text from the database) is not inserted; every other character is, of any
//! script, emoji included. A field holds at most [`MAX_CHARS`] characters: what a paste brings beyond that
//! is not typed (the reducer says so), so that a huge paste cannot stall the console key by key. The text is
//! kept and drawn by a [`TextArea`] (cursor, placeholder, scrolling of a line longer than its box).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, Input, Key, TextArea};

/// The most characters a field holds: far more than any filter, search or command needs.
pub const MAX_CHARS: usize = 1000;

/// What one key did to a field. The view that owns the field decides what `Submit` and `Cancel` mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldEvent {
    /// The text changed.
    Edited,
    /// The text did not change (the cursor moved, or the key means nothing to a field).
    Unchanged,
    /// Enter: the text as it is.
    Submit(String),
    /// Esc.
    Cancel,
}

/// A single-line text field with readline keys.
#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    placeholder: String,
    /// The text the field was opened with (what a cancel may restore).
    initial: String,
    /// How many characters it holds.
    chars: usize,
}

impl Default for TextField {
    fn default() -> Self {
        TextField::new("")
    }
}

impl TextField {
    /// An empty field showing `placeholder` until something is typed.
    pub fn new(placeholder: &str) -> TextField {
        TextField::with_text(placeholder, "")
    }

    /// A field holding `text` (what a field cannot hold dropped), the cursor at its end.
    pub fn with_text(placeholder: &str, text: &str) -> TextField {
        let text = insertable(text);
        let chars = text.chars().count();
        TextField { area: area(placeholder, &text), placeholder: placeholder.to_string(), initial: text, chars }
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        self.area.lines().first().map(String::as_str).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// Whether it holds [`MAX_CHARS`] characters: nothing more can be typed.
    pub fn is_full(&self) -> bool {
        self.chars >= MAX_CHARS
    }

    /// The text the field was opened with.
    pub fn initial(&self) -> &str {
        &self.initial
    }

    /// The cursor's position, in characters from the start of the line.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    /// Replaces the text (what a field cannot hold dropped), the cursor at its end.
    pub fn set_text(&mut self, text: &str) {
        let text = insertable(text);
        self.chars = text.chars().count();
        self.area = area(&self.placeholder, &text);
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.set_text("");
    }

    /// Applies one key: an edit, a move, a submit or a cancel.
    pub fn handle(&mut self, input: Input) -> FieldEvent {
        let Input { key, ctrl, alt, .. } = input;
        let room = MAX_CHARS.saturating_sub(self.chars);
        let t = &mut self.area;
        let edited = match (key, ctrl, alt) {
            (Key::Enter, _, _) | (Key::Char('m' | 'j'), true, false) | (Key::Char('\n' | '\r'), false, false) => {
                return FieldEvent::Submit(self.text().to_string());
            }
            (Key::Esc, _, _) | (Key::Char('g'), true, false) => return FieldEvent::Cancel,
            // Ctrl and Alt together: AltGr on some terminals (a character of the keyboard's layout).
            (Key::Char(c), false, false) | (Key::Char(c), true, true) if may_insert(c) => {
                if room > 0 {
                    t.insert_char(c);
                }
                room > 0
            }
            (Key::Backspace, false, false) | (Key::Char('h'), true, false) => t.delete_char(),
            (Key::Delete, false, false) | (Key::Char('d'), true, false) => t.delete_next_char(),
            (Key::Backspace, _, _) => delete_to(t, word_back),
            (Key::Delete, _, _) | (Key::Char('d'), false, true) => delete_to(t, word_forward),
            (Key::Char('u'), true, false) => t.delete_line_by_head(),
            (Key::Char('k'), true, false) => t.delete_line_by_end(),
            (Key::Char('w'), true, false) => delete_to(t, space_word_back),
            (Key::Char('y'), true, false) => t.yank_text().chars().count() <= room && t.paste(),
            (Key::Char('a'), true, false) | (Key::Home, false, false) => moved(t, CursorMove::Head),
            (Key::Char('e'), true, false) | (Key::End, false, false) => moved(t, CursorMove::End),
            (Key::Char('b'), true, false) | (Key::Left, false, false) => moved(t, CursorMove::Back),
            (Key::Char('f'), true, false) | (Key::Right, false, false) => moved(t, CursorMove::Forward),
            (Key::Char('b'), false, true) | (Key::Left, _, _) => move_to(t, word_back),
            (Key::Char('f'), false, true) | (Key::Right, _, _) => move_to(t, word_forward),
            _ => false,
        };
        if !edited {
            return FieldEvent::Unchanged;
        }
        self.chars = self.text().chars().count();
        FieldEvent::Edited
    }
}

impl Widget for &TextField {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self.area).render(area, buf);
    }
}

fn area(placeholder: &str, text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_string()]);
    t.set_placeholder_text(placeholder.to_string());
    t.set_cursor_line_style(ratatui::style::Style::default());
    // Nothing is undone, so nothing is remembered.
    t.set_max_histories(0);
    t.move_cursor(CursorMove::End);
    t
}

fn moved(t: &mut TextArea<'static>, m: CursorMove) -> bool {
    t.move_cursor(m);
    false
}

/// Whether a typed character goes into a field: not one a terminal would act on.
fn may_insert(c: char) -> bool {
    !c.is_control() && crate::core::sanitize::is_inert(c.encode_utf8(&mut [0; 4]))
}

/// `text` without what a field cannot hold.
fn insertable(text: &str) -> String {
    text.chars().filter(|&c| may_insert(c)).take(MAX_CHARS).collect()
}

/// Where a word move goes from `col` in `line` (both in characters).
type WordMove = fn(&[char], usize) -> usize;

/// Readline's words are letters and digits.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Alt-b: back to the start of this word, or of the previous one.
fn word_back(line: &[char], col: usize) -> usize {
    let mut i = col.min(line.len());
    while i > 0 && !is_word(line[i - 1]) {
        i -= 1;
    }
    while i > 0 && is_word(line[i - 1]) {
        i -= 1;
    }
    i
}

/// Alt-f: forward to the end of this word, or of the next one.
fn word_forward(line: &[char], col: usize) -> usize {
    let mut i = col.min(line.len());
    while i < line.len() && !is_word(line[i]) {
        i += 1;
    }
    while i < line.len() && is_word(line[i]) {
        i += 1;
    }
    i
}

/// Ctrl-w: the spaces before the cursor, then back to the previous space (readline's unix-word-rubout).
fn space_word_back(line: &[char], col: usize) -> usize {
    let mut i = col.min(line.len());
    while i > 0 && line[i - 1].is_whitespace() {
        i -= 1;
    }
    while i > 0 && !line[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

fn chars_and_col(t: &TextArea<'static>) -> (Vec<char>, usize) {
    (t.lines().first().map(|l| l.chars().collect()).unwrap_or_default(), t.cursor().1)
}

/// Puts the cursor on column `col` of the line.
fn jump(t: &mut TextArea<'static>, col: usize) {
    match u16::try_from(col) {
        Ok(c) => t.move_cursor(CursorMove::Jump(0, c)),
        Err(_) => {
            // Past what a jump can name: walk there.
            t.move_cursor(CursorMove::Head);
            for _ in 0..col {
                t.move_cursor(CursorMove::Forward);
            }
        }
    }
}

fn move_to(t: &mut TextArea<'static>, to: WordMove) -> bool {
    let (line, col) = chars_and_col(t);
    jump(t, to(&line, col));
    false
}

/// Deletes from the cursor to where `to` goes (either way); ctrl-y puts it back.
fn delete_to(t: &mut TextArea<'static>, to: WordMove) -> bool {
    let (line, col) = chars_and_col(t);
    let end = to(&line, col);
    let (from, n) = if end < col { (end, col - end) } else { (col, end - col) };
    if n == 0 {
        return false;
    }
    jump(t, from);
    t.delete_str(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Input {
        Input { key, ..Default::default() }
    }

    fn ctrl(c: char) -> Input {
        Input { key: Key::Char(c), ctrl: true, ..Default::default() }
    }

    #[test]
    fn ctrl_w_deletes_back_to_the_previous_space() {
        let mut f = TextField::with_text("", "status:failed  urgent  ");
        assert_eq!(f.handle(ctrl('w')), FieldEvent::Edited);
        assert_eq!(f.text(), "status:failed  ");
        f.handle(ctrl('w'));
        assert_eq!(f.text(), "");
        assert_eq!(f.handle(ctrl('w')), FieldEvent::Unchanged);
        f.handle(ctrl('y'));
        assert_eq!(f.text(), "status:failed  ");
    }

    #[test]
    fn ctrl_u_keeps_what_follows_the_cursor() {
        let mut f = TextField::with_text("", "abc def");
        for _ in 0..3 {
            f.handle(key(Key::Left));
        }
        f.handle(ctrl('u'));
        assert_eq!((f.text(), f.cursor()), ("def", 0));
    }

    #[test]
    fn words_are_letters_and_digits() {
        let mut f = TextField::with_text("", "from:2026-01-01 agent:ava");
        let alt = |c| Input { key: Key::Char(c), alt: true, ..Default::default() };
        f.handle(alt('b'));
        assert_eq!(f.cursor(), 22);
        f.handle(alt('b'));
        assert_eq!(f.cursor(), 16);
        f.handle(alt('f'));
        assert_eq!(f.cursor(), 21);
        assert_eq!(f.handle(key(Key::Backspace)), FieldEvent::Edited);
        f.handle(Input { key: Key::Backspace, alt: true, ..Default::default() });
        assert_eq!((f.text(), f.cursor()), ("from:2026-01-01 :ava", 16));
        f.handle(ctrl('a'));
        f.handle(alt('d'));
        assert_eq!((f.text(), f.cursor()), (":2026-01-01 :ava", 0));
        f.handle(ctrl('y'));
        assert_eq!((f.text(), f.cursor()), ("from:2026-01-01 :ava", 4));
    }

    #[test]
    fn a_field_holds_at_most_max_chars() {
        let long = "x".repeat(MAX_CHARS + 5);
        let mut f = TextField::with_text("", &long);
        assert_eq!(f.text().len(), MAX_CHARS);
        assert!(f.is_full());
        assert_eq!(f.handle(key(Key::Char('y'))), FieldEvent::Unchanged);
        f.handle(ctrl('u'));
        assert!(f.is_empty() && !f.is_full());
        f.handle(key(Key::Char('a')));
        // The text ctrl-u took would not fit beside the "a": not put back.
        assert_eq!(f.handle(ctrl('y')), FieldEvent::Unchanged);
        f.handle(key(Key::Backspace));
        assert_eq!(f.handle(ctrl('y')), FieldEvent::Edited);
        assert!(f.is_full());
    }

    #[test]
    fn with_text_drops_controls() {
        let f = TextField::with_text("", "a\u{1b}[2Jb\u{202e}c\nd");
        assert_eq!(f.text(), "a[2Jbcd");
        assert_eq!(f.cursor(), 7);
    }
}
