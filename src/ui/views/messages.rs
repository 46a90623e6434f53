//! `:messages`: the last messages shown, newest first, each with when it was shown, wrapped whole; it
//! scrolls, and Esc or q closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::core::overlay::{RowKind, TIME_WIDTH};
use crate::core::state::State;
use crate::ui::theme::Theme;

pub fn render(state: &State, scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = crate::core::overlay::messages(&state.message_log, area.width.saturating_sub(2) as usize);
    let visible = area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(rows.len().saturating_sub(visible));
    let n = state.message_log.len();
    let last = (scroll + visible).min(rows.len());
    let title =
        format!(" Messages · the last {n} (at most {}), newest first, UTC ", crate::core::state::MESSAGE_LOG_LEN);
    let hint = if rows.len() > visible {
        format!(" rows {}-{last} of {} · j k pgdn pgup scroll · esc q close ", scroll + 1, rows.len())
    } else {
        " esc q close ".to_string()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(crate::ui::views::fit(&title, area.width.saturating_sub(2) as usize), theme.title()))
        .title_bottom(Span::styled(crate::ui::views::fit(&hint, area.width.saturating_sub(2) as usize), theme.dim()));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|r| match r.kind {
            RowKind::Note => Line::styled(format!(" {}", r.text), theme.dim()),
            _ => Line::from(vec![
                Span::styled(format!("{:<TIME_WIDTH$} ", r.keys), theme.dim()),
                Span::raw(r.text.as_str()),
            ]),
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
