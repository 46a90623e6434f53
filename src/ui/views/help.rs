//! The key help, generated from the active keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::core::keymap::Context;
use crate::core::state::State;
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    for ctx in [Context::Global, Context::Calls, Context::Call] {
        lines.push(Line::styled(ctx.title(), theme.header()));
        for (cmd, keys) in state.keymap.help(ctx) {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), theme.key()),
                Span::raw(cmd.describe()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Org switcher and search fields", theme.header()));
    lines.push(Line::raw("  type to filter · ↑↓ ctrl-n ctrl-p to select · enter to choose · esc to leave"));
    lines.push(Line::raw(""));
    lines.push(Line::styled("any key closes this help", theme.dim()));
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = 76.min(area.width);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(Span::styled(" Keys ", theme.title()))),
        r,
    );
}
