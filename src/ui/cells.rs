//! Text cut to the width it is drawn in, always ending in "…" when cut, and table columns sized to it.
//!
//! ratatui's `Table` clips a cell wider than its column without a mark. A view builds a [`Grid`] from the
//! table's column constraints and area: it resolves the widths exactly as the `Table` will (ratatui's own
//! layout solver, with the table's flex, column spacing and highlight column) and cuts every cell to its
//! column ([`cut`], [`cut_line`]). Widths are display widths: CJK and most emoji take two columns, and a
//! grapheme (a letter with its combining marks, an emoji sequence) is never split. [`share`] turns what
//! each column's content wants into widths that fit, so that a column gives up room only when it must.

use std::borrow::Cow;

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Row, Table};
use unicode_truncate::UnicodeTruncateStr;

/// What ends a cut text.
pub const ELLIPSIS: &str = "…";

/// The columns between two of a table's columns (ratatui's default, which every table here keeps).
pub const SPACING: u16 = 1;

/// The display width of `s`, as the cutting counts it: the sum of its graphemes' widths.
pub fn width(s: &str) -> usize {
    s.unicode_truncate(usize::MAX).1
}

/// The display width of a line: the sum of its spans'.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// `s` whole when it fits in `columns`, otherwise as much of it as fits before a "…" (whole graphemes
/// only; spaces before the "…" are dropped). Nothing fits in 0 columns; a text wider than 1 column is "…"
/// there.
pub fn cut(s: &str, columns: usize) -> Cow<'_, str> {
    let (head, _) = s.unicode_truncate(columns);
    if head.len() == s.len() {
        return Cow::Borrowed(s);
    }
    if columns == 0 {
        return Cow::Borrowed("");
    }
    let (head, _) = s.unicode_truncate(columns - 1);
    Cow::Owned(format!("{}{ELLIPSIS}", head.trim_end()))
}

/// `s` cut to `columns` and padded with spaces to exactly that display width (`format!`'s padding
/// counts characters, not columns).
pub fn pad(s: &str, columns: usize) -> String {
    let c = cut(s, columns);
    let w = width(&c);
    format!("{c}{}", " ".repeat(columns.saturating_sub(w)))
}

/// As [`pad`], the spaces before the text (right-aligned).
pub fn pad_left(s: &str, columns: usize) -> String {
    let c = cut(s, columns);
    let w = width(&c);
    format!("{}{c}", " ".repeat(columns.saturating_sub(w)))
}

/// A line cut as [`cut`] cuts text, its spans keeping their styles; the "…" takes the style of the span
/// it cuts.
pub fn cut_line(line: Line<'_>, columns: usize) -> Line<'_> {
    if line_width(&line) <= columns {
        return line;
    }
    let Line { spans, style, alignment, .. } = line;
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    if columns > 0 {
        let room = columns - 1;
        let mut used = 0;
        let mut last_style = style;
        for span in spans {
            let w = width(&span.content);
            last_style = span.style;
            if used + w <= room {
                used += w;
                out.push(span);
                continue;
            }
            let (head, _) = span.content.unicode_truncate(room - used);
            let head = head.trim_end();
            if !head.is_empty() {
                out.push(Span::styled(head.to_string(), span.style));
            }
            break;
        }
        // Spaces left at the end of the kept spans go too, so that the "…" follows the text.
        while let Some(last) = out.last_mut() {
            let trimmed = last.content.trim_end();
            if trimmed.is_empty() {
                out.pop();
            } else {
                if trimmed.len() < last.content.len() {
                    last.content = Cow::Owned(trimmed.to_string());
                }
                break;
            }
        }
        out.push(Span::styled(ELLIPSIS, last_style));
    }
    let mut l = Line::from(out).style(style);
    l.alignment = alignment;
    l
}

/// A block's title for a block drawn in `area`, cut to fit between its corners.
pub fn title<'a>(text: String, style: ratatui::style::Style, area: Rect) -> Line<'a> {
    cut_line(Line::styled(text, style), usize::from(area.width.saturating_sub(2)))
}

/// The widths a `Table` gives its columns: `constraints` laid out by ratatui's solver in `width` columns
/// (the table's inner width), after the highlight column of `selection` columns, with `spacing` between
/// columns, as `Table` lays them out (its default `Flex::Start`).
pub fn widths(constraints: &[Constraint], width: u16, selection: u16, spacing: u16) -> Vec<u16> {
    let [_, columns] =
        Layout::horizontal([Constraint::Length(selection), Constraint::Fill(0)]).areas(Rect::new(0, 0, width, 1));
    Layout::horizontal(constraints.iter().copied())
        .flex(Flex::Start)
        .spacing(spacing)
        .split(columns)
        .iter()
        .map(|r| r.width)
        .collect()
}

/// A table's columns resolved for its area: build the rows with [`Grid::row`] (every cell cut to its
/// column) and the table with [`Grid::table`] (the same constraints, spacing and highlight symbol).
pub struct Grid {
    constraints: Vec<Constraint>,
    widths: Vec<u16>,
    symbol: &'static str,
}

impl Grid {
    /// The columns of a table drawn in `area` (inside `block`, when it has one), its rows highlighted with
    /// `symbol` when `selected` (the table then keeps the symbol's width before its columns).
    pub fn new(
        constraints: Vec<Constraint>,
        area: Rect,
        block: Option<&Block<'_>>,
        symbol: &'static str,
        selected: bool,
    ) -> Grid {
        let inner = block.map_or(area, |b| b.inner(area));
        let selection = if selected { u16::try_from(width(symbol)).unwrap_or(u16::MAX) } else { 0 };
        let widths = widths(&constraints, inner.width, selection, SPACING);
        Grid { constraints, widths, symbol }
    }

    /// The width of column `i` (0 past the last).
    pub fn width(&self, i: usize) -> usize {
        self.widths.get(i).copied().map_or(0, usize::from)
    }

    /// A row whose cells are cut to their columns (a cell past the last column is dropped).
    pub fn row<'a>(&self, cells: Vec<Line<'a>>) -> Row<'a> {
        Row::new(cells.into_iter().enumerate().map(|(i, c)| cut_line(c, self.width(i))).collect::<Vec<_>>())
    }

    /// The table of these columns: `header` and `rows` made with [`Grid::row`].
    pub fn table<'a>(&self, header: Row<'a>, rows: Vec<Row<'a>>) -> Table<'a> {
        Table::new(rows, self.constraints.clone()).header(header).column_spacing(SPACING).highlight_symbol(self.symbol)
    }
}

/// What one column asks of [`share`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// What it keeps while the others can give way.
    pub min: u16,
    /// What its content (and header) needs whole.
    pub want: u16,
    /// It shares what is left after the others have what they want (a name, an agent, a title), and
    /// gives way first when even the mins do not fit.
    pub flex: bool,
}

impl Want {
    /// A column that grows towards its want before the flex columns grow past their mins.
    pub fn fixed(min: u16, want: u16) -> Want {
        Want { min, want, flex: false }
    }

    /// A column that shares the rest.
    pub fn flex(min: u16, want: u16) -> Want {
        Want { min, want, flex: true }
    }
}

/// Each column's want raised to what its header and its widest cell in `rows` need, never past its
/// `cap`: `cols` are (the column's min and usual width, its cap).
pub fn wants(cols: &[(Want, u16)], header: &[&str], rows: &[Vec<Line<'_>>]) -> Vec<Want> {
    cols.iter()
        .enumerate()
        .map(|(i, &(w, cap))| {
            let content = rows.iter().map(|r| r.get(i).map_or(0, line_width)).max().unwrap_or(0);
            let content = content.max(header.get(i).map_or(0, |h| width(h)));
            let content = u16::try_from(content).unwrap_or(u16::MAX).min(cap);
            Want { want: w.want.max(content), ..w }
        })
        .collect()
}

/// Widths for columns side by side in `room` columns with `spacing` between them: first every column's
/// min (or its want, when smaller), then the fixed columns grow towards their wants, then the flex columns
/// share what is left; columns growing together grow alike, so the widest is the one cut; what nobody wants
/// goes to the last flex column (or the last column). When even the mins do not fit, the flex columns give
/// way first (down to one column, for the "…"), then all alike.
pub fn share(cols: &[Want], room: u16, spacing: u16) -> Vec<u16> {
    let n = cols.len();
    if n == 0 {
        return Vec::new();
    }
    let gaps = spacing.saturating_mul(u16::try_from(n - 1).unwrap_or(u16::MAX));
    let mut avail = room.saturating_sub(gaps);
    let mut floors: Vec<u16> = cols.iter().map(|c| c.min.min(c.want)).collect();
    let mut got = vec![0u16; n];
    let sum = |f: &[u16]| f.iter().map(|&x| u32::from(x)).sum::<u32>();
    if sum(&floors) > u32::from(avail) {
        // The flex columns (names, agents) give way first, down to one column ("…"), the widest first;
        // then every column, alike.
        while sum(&floors) > u32::from(avail) {
            let widest = (0..n).filter(|&i| cols[i].flex && floors[i] > 1).max_by_key(|&i| (floors[i], i));
            let Some(i) = widest else { break };
            floors[i] -= 1;
        }
        if sum(&floors) > u32::from(avail) {
            level(&mut got, &floors, &(0..n).collect::<Vec<_>>(), &mut avail);
            return got;
        }
    }
    for (g, f) in got.iter_mut().zip(&floors) {
        *g = *f;
        avail -= f;
    }
    let wants: Vec<u16> = cols.iter().map(|c| c.want).collect();
    let fixed: Vec<usize> = (0..n).filter(|&i| !cols[i].flex).collect();
    level(&mut got, &wants, &fixed, &mut avail);
    let flex: Vec<usize> = (0..n).filter(|&i| cols[i].flex).collect();
    level(&mut got, &wants, &flex, &mut avail);
    let last = flex.last().copied().unwrap_or(n - 1);
    got[last] += avail;
    got
}

/// Raises the columns `which` of `got` one column at a time, in turn, towards `to`, while `avail` lasts.
fn level(got: &mut [u16], to: &[u16], which: &[usize], avail: &mut u16) {
    while *avail > 0 {
        let mut any = false;
        for &i in which {
            if *avail == 0 {
                break;
            }
            if got[i] < to[i] {
                got[i] += 1;
                *avail -= 1;
                any = true;
            }
        }
        if !any {
            break;
        }
    }
}

/// `parts` laid out on lines of `columns`, as many on a line as fit with `sep` between them; a part
/// wider than a line is cut ("…"). At most `max_lines` lines: when parts are left out, the last line
/// ends in "…".
pub fn flow<'a>(parts: Vec<Line<'a>>, sep: Span<'a>, columns: usize, max_lines: usize) -> Vec<Line<'a>> {
    let sep_w = width(&sep.content);
    let mut lines: Vec<Line> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    let mut left_out = false;
    for part in parts {
        let w = line_width(&part);
        if !spans.is_empty() && used + sep_w + w > columns {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if lines.len() >= max_lines {
            left_out = true;
            break;
        }
        if !spans.is_empty() {
            spans.push(sep.clone());
            used += sep_w;
        }
        let part = cut_line(part, columns.saturating_sub(used));
        used += line_width(&part);
        spans.extend(part.spans);
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    if left_out && let Some(last) = lines.pop() {
        lines.push(mark_more(last, columns));
    }
    lines
}

/// `line` within `columns`, ending in "…": something follows that is not shown.
pub fn mark_more(line: Line<'_>, columns: usize) -> Line<'_> {
    if line.spans.last().is_some_and(|s| s.content.ends_with(ELLIPSIS)) && line_width(&line) <= columns {
        return line;
    }
    let w = line_width(&line);
    let style = line.spans.last().map(|s| s.style).unwrap_or_default();
    let mut line = line;
    if w + 2 <= columns {
        line.spans.push(Span::styled(format!(" {ELLIPSIS}"), style));
        return line;
    }
    if w < columns {
        line.spans.push(Span::styled(ELLIPSIS, style));
        return line;
    }
    // Wider than it may be once marked: two spaces more make it too wide, so that it is cut ("…").
    line.spans.push(Span::raw("  "));
    cut_line(line, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    const PHONE: &str = "+1 415-555-0100 ext. 2345";

    fn text(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn text_that_fits_is_kept_whole() {
        assert_eq!(cut("not_connected", 13), "not_connected");
        assert!(matches!(cut("abc", 10), Cow::Borrowed("abc")));
        assert_eq!(cut("", 0), "");
        assert_eq!(cut("", 3), "");
    }

    #[test]
    fn cut_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(cut("not_connected", 12), "not_connect…");
        assert_eq!(cut("+1 415-555-0100 ext. 2345", 16), "+1 415-555-0100…");
        for w in 0..30 {
            let c = cut("+1 415-555-0100 ext. 2345", w);
            assert!(width(&c) <= w, "{c:?} wider than {w}");
            if w < 25 && w > 0 {
                assert!(c.ends_with(ELLIPSIS), "{c:?} at {w}");
            }
        }
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("東京", 6), "東京  ");
        assert_eq!(pad_left("東京", 6), "  東京");
        assert_eq!(pad("not_connected", 6), "not_c…");
        assert_eq!(pad("東京都", 5), "東京…");
        assert_eq!(pad("東京都", 4), "東… ");
        assert_eq!(pad("", 2), "  ");
        assert_eq!(pad("abc", 0), "");
    }

    #[test]
    fn widths_of_zero_one_and_two() {
        assert_eq!(cut("abc", 0), "");
        assert_eq!(cut("abc", 1), "…");
        assert_eq!(cut("abc", 2), "a…");
        assert_eq!(cut("ab", 2), "ab");
        assert_eq!(cut("a", 1), "a");
        // A wide character does not fit beside the "…" in 2 columns.
        assert_eq!(cut("東京都", 2), "…");
        assert_eq!(cut("東", 2), "東");
        assert_eq!(cut("東", 1), "…");
        assert_eq!(cut("😀x", 2), "…");
    }

    #[test]
    fn cjk_counts_two_columns_and_is_never_split() {
        // 東京都港区 is 10 columns.
        assert_eq!(width("東京都港区"), 10);
        assert_eq!(cut("東京都港区", 10), "東京都港区");
        assert_eq!(cut("東京都港区", 9), "東京都港…");
        // 8 columns: 東京都 (6) and "…" (1), one column left empty rather than half a character.
        assert_eq!(cut("東京都港区", 8), "東京都…");
        assert_eq!(width(&cut("東京都港区", 8)), 7);
        assert_eq!(cut("김민준 고객", 6), "김민…");
    }

    #[test]
    fn emoji_are_whole_graphemes() {
        // A family (ZWJ sequence), a flag (two regional indicators), a thumb with a skin tone: 2 columns.
        for e in ["👨‍👩‍👧", "🇳🇿", "👍🏽"] {
            assert_eq!(width(e), 2, "{e}");
            let s = format!("{e}{e}{e}");
            let c = cut(&s, 5);
            assert_eq!(c, format!("{e}{e}…"), "{e}");
            assert!(s.starts_with(c.trim_end_matches(ELLIPSIS)));
        }
        assert_eq!(cut("Ava 🤖 agent", 7), "Ava 🤖…");
        // The robot and the "…" need 3 columns after "Ava ": only "…" is left room for.
        assert_eq!(cut("Ava 🤖 agent", 6), "Ava…");
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        // "é" as e + U+0301: one column, one grapheme.
        let s = "Cafe\u{301} Ame\u{301}lie";
        assert_eq!(width(s), 11);
        assert_eq!(cut(s, 5), "Cafe\u{301}…");
        assert_eq!(cut(s, 4), "Caf…");
    }

    #[test]
    fn right_to_left_text_is_cut_in_logical_order() {
        // Hebrew and Arabic (with its vowel marks): the first letters read are kept.
        assert_eq!(cut("שלום עולם", 6), "שלום…");
        let arabic = "مَرْحَبًا بِكُمْ";
        let c = cut(arabic, 6);
        assert!(arabic.starts_with(c.trim_end_matches(ELLIPSIS)) && c.ends_with(ELLIPSIS));
        assert!(width(&c) <= 6 && width(&c) >= 5, "{c:?}");
        // The vowel marks are parts of their letters' graphemes: the cut never leaves a letter without them.
        let rest = &arabic[c.trim_end_matches(ELLIPSIS).len()..];
        assert!(!rest.starts_with(|ch: char| unicode_width::UnicodeWidthChar::width(ch) == Some(0)), "{rest:?}");
        // A bidi override, as the sanitizer shows it, is plain text.
        assert_eq!(cut("⟨RLO⟩evil", 7), "⟨RLO⟩e…");
    }

    #[test]
    fn lines_keep_their_styles_and_the_ellipsis_takes_the_cut_spans() {
        let l = Line::from(vec![
            Span::styled("✖ ", Style::new().red()),
            Span::styled("not_connected", Style::new().bold()),
        ]);
        let c = cut_line(l.clone(), 10);
        assert_eq!(text(&c), "✖ not_con…");
        assert_eq!(c.spans.last().map(|s| s.style), Some(Style::new().bold()));
        assert_eq!(c.spans[0].style, Style::new().red());
        assert_eq!(cut_line(l.clone(), 15), l);
        // Cut right after the first span: its trailing space goes, the "…" follows the mark.
        assert_eq!(text(&cut_line(l.clone(), 3)), "✖…");
        assert_eq!(text(&cut_line(l.clone(), 1)), "…");
        assert_eq!(text(&cut_line(l, 0)), "");
    }

    #[test]
    fn widths_are_the_tables_own() {
        use ratatui::buffer::Buffer;
        use ratatui::widgets::{StatefulWidget, TableState};
        let constraints = vec![
            Constraint::Length(16),
            Constraint::Min(5),
            Constraint::Fill(1),
            Constraint::Fill(2),
            Constraint::Length(3),
        ];
        for (w, selection) in [(78u16, "▶"), (58, "▶ "), (118, "▶"), (20, "▶"), (3, "▶"), (0, "▶")] {
            let area = Rect::new(0, 0, w, 3);
            let grid = Grid::new(constraints.clone(), area, None, selection, true);
            // Each column's header is a run of its letter as wide as the column: the table draws it whole
            // exactly when the widths agree.
            let letters = ['a', 'b', 'c', 'd', 'e'];
            let header: Vec<Line> = (0..5).map(|i| Line::raw(letters[i].to_string().repeat(grid.width(i)))).collect();
            let table = grid.table(grid.row(header), vec![Row::new(vec!["x"])]);
            let mut buf = Buffer::empty(area);
            StatefulWidget::render(&table, area, &mut buf, &mut TableState::default().with_selected(Some(0)));
            let drawn: String = (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect();
            for (i, l) in letters.iter().enumerate() {
                assert_eq!(drawn.matches(*l).count(), grid.width(i), "column {i} at {w}: {drawn:?}");
            }
            let total: usize = (0..5).map(|i| grid.width(i)).sum();
            assert!(total <= usize::from(w), "{total} > {w}");
        }
    }

    #[test]
    fn rows_are_cut_to_their_columns() {
        let grid =
            Grid::new(vec![Constraint::Length(5), Constraint::Length(4)], Rect::new(0, 0, 10, 1), None, "▶", false);
        assert_eq!((grid.width(0), grid.width(1), grid.width(2)), (5, 4, 0));
        let cells = vec![Line::raw("not_connected"), Line::raw("abcd"), Line::raw("dropped")];
        let cut: Vec<String> = cells.into_iter().enumerate().map(|(i, c)| text(&cut_line(c, grid.width(i)))).collect();
        assert_eq!(cut, ["not_…", "abcd", ""]);
    }

    #[test]
    fn share_gives_wants_when_they_fit_and_the_rest_to_the_flex_column() {
        let cols = [Want::fixed(16, 16), Want::fixed(12, 25), Want::flex(8, 20)];
        // Room for all: the flex column takes what is left over.
        assert_eq!(share(&cols, 70, 1), vec![16, 25, 27]);
        // Tight: the fixed column keeps its want before the flex one grows past its min.
        assert_eq!(share(&cols, 52, 1), vec![16, 25, 9]);
        // Tighter: the fixed one gives way down to its min, the flex one keeps its min.
        assert_eq!(share(&cols, 40, 1), vec![16, 14, 8]);
        // Mins that do not fit: the flex column gives way first, then all alike from the narrowest up.
        assert_eq!(share(&cols, 32, 1), vec![16, 12, 2]);
        assert_eq!(share(&cols, 20, 1), vec![9, 8, 1]);
        assert_eq!(share(&cols, 0, 1), vec![0, 0, 0]);
        assert!(share(&[], 10, 1).is_empty());
        // Fixed columns that cannot all have their wants: the widest is cut, the narrower ones are whole.
        let cols = [Want::fixed(12, 25), Want::fixed(9, 15), Want::fixed(6, 8), Want::flex(8, 40)];
        assert_eq!(share(&cols, 52, 1), vec![18, 15, 8, 8]);
        // A column that wants less than its min gets its want.
        assert_eq!(share(&[Want::fixed(4, 4), Want::flex(8, 5)], 30, 1), vec![4, 25]);
        assert_eq!(share(&[Want::fixed(20, 20), Want::flex(8, 5)], 26, 1), vec![20, 5]);
    }

    #[test]
    fn flex_columns_share_fairly_and_the_widest_is_cut_first() {
        let cols = [Want::flex(4, 40), Want::flex(4, 6), Want::flex(4, 20)];
        let got = share(&cols, 42, 1);
        assert_eq!(got, vec![17, 6, 17]);
        assert_eq!(got.iter().sum::<u16>() + 2, 42);
        // Everything fits: the last flex column gets what is left over.
        assert_eq!(share(&cols, 80, 1), vec![40, 6, 32]);
        // No flex column: the last column takes the rest.
        assert_eq!(share(&[Want::fixed(3, 3), Want::fixed(3, 5)], 20, 1), vec![3, 16]);
    }

    #[test]
    fn wants_are_the_widest_cell_or_the_header_within_the_cap() {
        let rows = vec![
            vec![Line::raw("+14155550000"), Line::raw("41s"), Line::raw("東京都港区のエージェント")],
            vec![Line::raw(PHONE), Line::raw("1h 02m"), Line::raw("Ava")],
        ];
        let cols = [(Want::fixed(12, 16), 30), (Want::fixed(6, 0), 30), (Want::flex(8, 0), 10)];
        let got = wants(&cols, &["Phone", "Duration", "Agent"], &rows);
        // The phone with its extension (25) over the usual 16; the header (8) over the cells; the cap (10).
        assert_eq!(got.iter().map(|w| w.want).collect::<Vec<_>>(), [25, 8, 10]);
        assert_eq!((got[0].min, got[2].flex), (12, true));
    }

    #[test]
    fn flow_puts_parts_on_lines_and_marks_what_is_left_out() {
        let parts = || {
            ["2026-01-15 07:00:00 EST", "+1 415-555-0100 ext. 2345", "not_connected", "1m 03s"].map(Line::raw).to_vec()
        };
        let texts = |ls: Vec<Line>| ls.iter().map(text).collect::<Vec<_>>();
        assert_eq!(
            texts(flow(parts(), Span::raw(" · "), 100, 5)),
            ["2026-01-15 07:00:00 EST · +1 415-555-0100 ext. 2345 · not_connected · 1m 03s"]
        );
        assert_eq!(
            texts(flow(parts(), Span::raw(" · "), 42, 5)),
            ["2026-01-15 07:00:00 EST", "+1 415-555-0100 ext. 2345 · not_connected", "1m 03s"]
        );
        // Two lines only: the second ends in "…" for the part left out.
        assert_eq!(
            texts(flow(parts(), Span::raw(" · "), 42, 2)),
            ["2026-01-15 07:00:00 EST", "+1 415-555-0100 ext. 2345 · not_connected…"]
        );
        assert_eq!(texts(flow(parts(), Span::raw(" · "), 30, 1)), ["2026-01-15 07:00:00 EST …"]);
        // A part wider than a line is cut.
        assert_eq!(texts(flow(parts(), Span::raw(" · "), 12, 1)), ["2026-01-15…"]);
        assert_eq!(texts(flow(parts(), Span::raw(" · "), 12, 9))[1], "+1 415-555-…");
        assert!(flow(parts(), Span::raw(" · "), 12, 0).is_empty());
        for w in 0..60 {
            for l in flow(parts(), Span::raw(" · "), w, 3) {
                assert!(line_width(&l) <= w, "{:?} wider than {w}", text(&l));
            }
        }
    }
}
