//! The key help and the `:messages` list as rows of text wrapped to a width, never cut: laid out here, drawn
//! by `ui::views::help` and `ui::views::messages`, and scrolled by the reducer, which needs their height.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use unicode_width::UnicodeWidthStr;

use crate::core::keymap::{Context, Keymap};
use crate::core::transcript::wrap_paragraph;

/// What a row of an overlay is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section's title.
    Title,
    /// A command: its keys (on its first row only) and its description.
    Entry,
    /// Plain text (the text-field keys, a message).
    Text,
    /// A dim note (how to close).
    Note,
    Blank,
}

/// One screen row of an overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// The keys of an entry, or a message's time, on its first row; empty on the rows it wraps onto.
    pub keys: String,
    pub text: String,
}

impl Row {
    fn new(kind: RowKind, keys: impl Into<String>, text: impl Into<String>) -> Row {
        Row { kind, keys: keys.into(), text: text.into() }
    }
}

/// One column of the help: its rows and the width of its key column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub key_width: usize,
    pub rows: Vec<Row>,
}

/// The help laid out for an area: its box's outer width and one or two columns side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    pub width: u16,
    pub columns: Vec<Column>,
}

impl HelpLayout {
    /// Rows of text (the taller column's), borders not counted.
    pub fn rows(&self) -> usize {
        self.columns.iter().map(|c| c.rows.len()).max().unwrap_or(0)
    }

    /// How far it scrolls in `visible` rows of text.
    pub fn max_scroll(&self, visible: usize) -> usize {
        self.rows().saturating_sub(visible)
    }
}

/// The widest box of one column.
const ONE_COLUMN: u16 = 80;
/// The widest box of two columns.
const TWO_COLUMNS: u16 = 110;
/// The narrowest column worth putting beside another.
const MIN_COLUMN: usize = 44;
/// The key column's widest (longer keys get a row of their own).
const MAX_KEYS: usize = 18;

/// Wraps `text` at `width` columns (at least 1), each paragraph of it on rows of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    text.split('\n').flat_map(|p| wrap_paragraph(p, width).into_iter().map(move |(s, e)| p[s..e].to_string())).collect()
}

/// The commands of one screen: its title, then each command with its keys, the description wrapped beside them.
fn section(keymap: &Keymap, ctx: Context, width: usize, key_width: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = wrap(ctx.title(), width).into_iter().map(|t| Row::new(RowKind::Title, "", t)).collect();
    let desc_width = width.saturating_sub(key_width + 2).max(1);
    for (cmd, keys) in keymap.help(ctx) {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let keys = keys.join(" ");
        let mut lines = wrap(cmd.describe(), desc_width).into_iter();
        if keys.width() > key_width {
            // Keys too long for the column: on a row of their own, wrapped at the column's whole width.
            for k in wrap(&keys, width.saturating_sub(1)) {
                rows.push(Row::new(RowKind::Entry, k, ""));
            }
        } else {
            rows.push(Row::new(RowKind::Entry, keys, lines.next().unwrap_or_default()));
        }
        rows.extend(lines.map(|l| Row::new(RowKind::Entry, "", l)));
    }
    rows.push(Row::new(RowKind::Blank, "", ""));
    rows
}

/// The keys of the text fields, which the keymap does not hold, and how to close the help.
fn fields(width: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = wrap("Org switcher, search and text fields", width)
        .into_iter()
        .map(|t| Row::new(RowKind::Title, "", t))
        .collect();
    for t in [
        "type to filter · a number: its orgs",
        "↑ ↓ ctrl-p ctrl-n select · enter done",
        "tab  (switcher) the attention board",
        "esc  back / cancel",
        "every text field: ctrl-a/e start/end · ctrl-u/k delete to start/end · ctrl-w a word · ctrl-y put back · alt-b/f by word",
    ] {
        rows.extend(wrap(t, width.saturating_sub(1)).into_iter().map(|l| Row::new(RowKind::Text, "", l)));
    }
    rows
}

fn note(scrolls: bool, width: usize) -> Vec<Row> {
    let text = if scrolls { "j k pgdn pgup g G scroll · any other key closes" } else { "any key closes this help" };
    wrap(text, width).into_iter().map(|t| Row::new(RowKind::Note, "", t)).collect()
}

/// The widest keys of the contexts' commands, within `MAX_KEYS` and leaving a description room.
fn key_width(keymap: &Keymap, ctxs: &[Context], width: usize) -> usize {
    let widest = ctxs
        .iter()
        .flat_map(|c| keymap.help(*c))
        .map(|(_, keys)| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" ").width())
        .filter(|w| *w <= MAX_KEYS)
        .max()
        .unwrap_or(1);
    widest.min(width.saturating_sub(14).max(1))
}

fn column(keymap: &Keymap, ctxs: &[Context], width: usize) -> Column {
    let key_width = key_width(keymap, ctxs, width);
    Column { key_width, rows: ctxs.iter().flat_map(|c| section(keymap, *c, width, key_width)).collect() }
}

/// The help for an area of `area_w`×`area_h` (borders included): every screen's keys in one column when they
/// fit; else the keys of everywhere and of `current`, side by side when the area is wide enough, one above the
/// other otherwise, and then taller than the area (it scrolls). Descriptions wrap; nothing is cut.
pub fn help(keymap: &Keymap, current: Context, area_w: u16, area_h: u16) -> HelpLayout {
    let visible = area_h.saturating_sub(2) as usize;
    let one_w = area_w.min(ONE_COLUMN);
    let inner = one_w.saturating_sub(2) as usize;
    let mut all = column(keymap, Context::ALL, inner);
    all.rows.extend(fields(inner));
    if all.rows.len() < visible {
        all.rows.extend(note(false, inner));
        return HelpLayout { width: one_w, columns: vec![all] };
    }
    let current = match current {
        Context::Global => Context::Calls,
        c => c,
    };
    let two_w = area_w.min(TWO_COLUMNS);
    let col_w = (two_w.saturating_sub(3) / 2) as usize;
    if col_w >= MIN_COLUMN {
        let key_width = key_width(keymap, &[Context::Global, current], col_w);
        let mut left = Column { key_width, rows: section(keymap, Context::Global, col_w, key_width) };
        let mut right = Column { key_width, rows: section(keymap, current, col_w, key_width) };
        // The text-field keys and the note go under the shorter column, so that both fit as often as they can.
        let (short, tall) = if left.rows.len() <= right.rows.len() { (&mut left, &right) } else { (&mut right, &left) };
        short.rows.extend(fields(col_w));
        let scrolls = short.rows.len().max(tall.rows.len()) + note(false, col_w).len() > visible;
        short.rows.extend(note(scrolls, col_w));
        return HelpLayout { width: (col_w * 2 + 3) as u16, columns: vec![left, right] };
    }
    let mut one = column(keymap, &[Context::Global, current], inner);
    one.rows.extend(fields(inner));
    let scrolls = one.rows.len() + note(false, inner).len() > visible;
    one.rows.extend(note(scrolls, inner));
    HelpLayout { width: one_w, columns: vec![one] }
}

/// The rows of `:messages` at `width` columns, newest first: each message's time (UTC) on its first row, its
/// text wrapped beside it.
pub fn messages(log: &VecDeque<(DateTime<Utc>, String)>, width: usize) -> Vec<Row> {
    if log.is_empty() {
        return vec![Row::new(RowKind::Note, "", "no messages yet")];
    }
    let text_width = width.saturating_sub(TIME_WIDTH + 1).max(1);
    let mut rows = Vec::new();
    for (at, text) in log.iter().rev() {
        let mut first = true;
        for l in wrap(text, text_width) {
            let time = if first { at.format("%H:%M:%S").to_string() } else { String::new() };
            rows.push(Row::new(RowKind::Text, time, l));
            first = false;
        }
    }
    rows
}

/// Columns of a message's time ("14:02:11").
pub const TIME_WIDTH: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(l: &HelpLayout) -> String {
        l.columns
            .iter()
            .flat_map(|c| c.rows.iter())
            .map(|r| format!("{} {}", r.keys, r.text))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_description_is_there_whole_at_every_size() {
        let km = Keymap::default();
        for (w, h) in [(120, 38), (80, 22), (60, 14), (200, 120)] {
            let l = help(&km, Context::Calls, w, h);
            assert!(l.width <= w);
            // Joined back, the wrapped rows hold every word of every description of the screens shown.
            let words: String = text_of(&l).split_whitespace().collect::<Vec<_>>().join(" ");
            for ctx in [Context::Global, Context::Calls] {
                for (cmd, _) in km.help(ctx) {
                    let want: String = cmd.describe().split_whitespace().collect::<Vec<_>>().join(" ");
                    assert!(words.contains(&want), "{w}x{h}: {want:?} is not whole in:\n{}", text_of(&l));
                }
            }
            for c in &l.columns {
                for r in &c.rows {
                    let used = if r.kind == RowKind::Entry { c.key_width + 2 + r.text.width() } else { r.text.width() };
                    let col = if l.columns.len() == 2 { (l.width as usize - 3) / 2 } else { l.width as usize - 2 };
                    assert!(used <= col, "{w}x{h}: {r:?} is wider than its column of {col}");
                }
            }
        }
    }

    #[test]
    fn all_screens_in_one_column_when_they_fit_else_two_then_it_scrolls() {
        let km = Keymap::default();
        let tall = help(&km, Context::Calls, 200, 200);
        assert_eq!(tall.columns.len(), 1);
        assert!(text_of(&tall).contains("Attention board"));
        assert_eq!(tall.max_scroll(198), 0);
        let wide = help(&km, Context::Call, 120, 38);
        assert_eq!(wide.columns.len(), 2);
        assert!(text_of(&wide).contains("search transcript"));
        assert!(!text_of(&wide).contains("Attention board"), "only everywhere and this screen");
        let small = help(&km, Context::Calls, 60, 14);
        assert_eq!(small.columns.len(), 1);
        assert!(small.max_scroll(12) > 0, "at 60×16 the help scrolls");
        assert!(text_of(&small).contains("any other key closes"));
    }

    #[test]
    fn messages_are_newest_first_wrapped_with_their_time() {
        let t = |s: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 15, 14, 2, s).unwrap();
        let long = "saved to /home/someone/a/very/long/path/that/goes/on/and/on/calls-acme-plumbing-page-1.csv";
        let log: VecDeque<_> = [(t(1), "end of the list".to_string()), (t(9), long.to_string())].into();
        let rows = messages(&log, 40);
        assert_eq!(rows[0].keys, "14:02:09");
        assert!(rows.len() > 2, "the long one wraps");
        let last = rows.last().unwrap();
        assert_eq!((last.keys.as_str(), last.text.as_str()), ("14:02:01", "end of the list"));
        let joined: String = rows[..rows.len() - 1].iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined.replace(' ', ""), long.replace(' ', ""));
        assert!(rows.iter().all(|r| r.text.width() < 40 - TIME_WIDTH));
        assert_eq!(messages(&VecDeque::new(), 40)[0].text, "no messages yet");
    }
}
