//! The key help, generated from the active keymap and laid out by `core::overlay::help`: every screen's keys
//! in one column when they fit, else the keys of everywhere and of this screen, in two columns when wide
//! enough. Descriptions wrap, never cut; taller than the screen, it scrolls.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::core::overlay::{Column, RowKind};
use crate::core::state::State;
use crate::ui::theme::Theme;

fn lines<'a>(col: &'a Column, theme: &Theme, from: usize, n: usize) -> Vec<Line<'a>> {
    let kw = col.key_width;
    col.rows
        .iter()
        .skip(from)
        .take(n)
        .map(|r| match r.kind {
            RowKind::Title => Line::styled(r.text.as_str(), theme.header()),
            RowKind::Entry if r.text.is_empty() => Line::styled(format!(" {}", r.keys), theme.key()),
            RowKind::Entry => Line::from(vec![
                Span::styled(format!(" {}{} ", r.keys, pad(&r.keys, kw)), theme.key()),
                Span::raw(r.text.as_str()),
            ]),
            RowKind::Text => Line::raw(format!(" {}", r.text)),
            RowKind::Note => Line::styled(r.text.as_str(), theme.dim()),
            RowKind::Blank => Line::raw(""),
        })
        .collect()
}

/// Spaces that bring `s` to `width` columns.
fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(unicode_width::UnicodeWidthStr::width(s)))
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let layout = crate::core::overlay::help(&state.keymap, state.context(), area.width, area.height);
    let visible = area.height.saturating_sub(2) as usize;
    let rows = layout.rows();
    let scroll = state.help_scroll.min(layout.max_scroll(visible));
    let h = (rows.min(visible) as u16 + 2).min(area.height);
    let w = layout.width.min(area.width);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
    let mut block = Block::default().borders(Borders::ALL).title(Span::styled(" Keys ", theme.title()));
    if rows > visible {
        let last = (scroll + visible).min(rows);
        let more = if last < rows { " ↓" } else { "" };
        let hint = format!(" rows {}-{last} of {rows}{more} · j/k scroll ", scroll + 1);
        block = block.title_bottom(Span::styled(super::fit(&hint, w.saturating_sub(2) as usize), theme.dim()));
    }
    frame.render_widget(Clear, r);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let n = inner.height as usize;
    match layout.columns.as_slice() {
        [one] => frame.render_widget(Paragraph::new(lines(one, theme, scroll, n)), inner),
        [left, right] => {
            let [a, _, b] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            frame.render_widget(Paragraph::new(lines(left, theme, scroll, n)), a);
            frame.render_widget(Paragraph::new(lines(right, theme, scroll, n)), b);
        }
        _ => {}
    }
}
