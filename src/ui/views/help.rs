//! The key help, generated from the active keymap. One column when it fits, two otherwise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::core::keymap::Context;
use crate::core::state::State;
use crate::ui::theme::Theme;

fn section<'a>(state: &State, theme: &Theme, ctx: Context, key_width: usize) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(ctx.title(), theme.header())];
    for (cmd, keys) in state.keymap.help(ctx) {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<key_width$} ", keys.join(" ")), theme.key()),
            Span::raw(cmd.describe()),
        ]));
    }
    lines.push(Line::raw(""));
    lines
}

fn fields<'a>(theme: &Theme) -> Vec<Line<'a>> {
    vec![
        Line::styled("Org switcher, search field", theme.header()),
        Line::raw(" type to filter · a number: its orgs"),
        Line::raw(" ↑ ↓ ctrl-p ctrl-n select · enter done"),
        Line::raw(" tab  (switcher) the attention board"),
        Line::raw(" esc  back / cancel"),
        Line::styled("any key closes this help", theme.dim()),
    ]
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    // Every screen's keys, in the keymap's own order of screens.
    let one: Vec<Line> =
        Context::ALL.iter().copied().flat_map(|c| section(state, theme, c, 20)).chain(fields(theme)).collect();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(" Keys ", theme.title()));
    if one.len() as u16 + 2 <= area.height {
        let h = one.len() as u16 + 2;
        let w = 64.min(area.width);
        let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
        frame.render_widget(Clear, r);
        frame.render_widget(Paragraph::new(one).block(block), r);
        return;
    }
    // Too tall for one column: the keys of everywhere and of this screen, side by side.
    let current = match state.context() {
        Context::Global => Context::Calls,
        c => c,
    };
    let mut left: Vec<Line> = section(state, theme, Context::Global, 17);
    let mut right: Vec<Line> = section(state, theme, current, 17);
    // The text-field keys go under the shorter column, so that both fit as often as they can.
    if left.len() <= right.len() {
        left.extend(fields(theme));
    } else {
        right.extend(fields(theme));
    }
    let h = (left.len().max(right.len()) as u16 + 2).min(area.height);
    let w = area.width.min(100);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
    frame.render_widget(Clear, r);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [a, b] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    frame.render_widget(Paragraph::new(left), a);
    frame.render_widget(Paragraph::new(right), b);
}
