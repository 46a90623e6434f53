//! Views render from the state only: no I/O, no waiting, no locks.

pub mod board;
pub mod calendar;
pub mod call;
pub mod caller;
pub mod calls;
pub mod help;
pub mod messages;
pub mod oncall;
pub mod orgs;
pub mod overview;
pub mod profile;
pub mod status;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::core::state::{MIN_HEIGHT, MIN_WIDTH, Screen, State};
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, theme, frame);
        return;
    }
    // A message has rows of its own above the status bar, wrapped, so that it is read whole.
    let message = match &state.message {
        Some(m) => status::message_rows(m, area.width as usize, status::message_cap(area.height)),
        None => Vec::new(),
    };
    let rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
    let [main, message_rows, status_row, footer_row] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(rows), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    match state.screen {
        Screen::Orgs => orgs::render(state, theme, frame, main),
        Screen::Calls => calls::render(state, theme, frame, main),
        Screen::Call => call::render(state, theme, frame, main),
        Screen::Calendar => calendar::render(state, theme, frame, main),
        Screen::OnCall => oncall::render(state, theme, frame, main),
        Screen::Profile => profile::render(state, theme, frame, main),
        Screen::Board => board::render(state, theme, frame, main),
        Screen::Overview => overview::render(state, theme, frame, main),
        Screen::Caller => caller::render(state, theme, frame, main),
    }
    if !message.is_empty() {
        let lines: Vec<Line> = message.into_iter().map(|r| Line::styled(r, theme.warn())).collect();
        frame.render_widget(Paragraph::new(lines).style(theme.bar()), message_rows);
    }
    status::render_status(state, theme, frame, status_row);
    match &state.cmdline {
        // The command line takes the footer's row, like vim's.
        Some(field) => {
            let [p, f] = Layout::horizontal([Constraint::Length(1), Constraint::Min(1)]).areas(footer_row);
            frame.render_widget(Paragraph::new(":").style(theme.key()), p);
            frame.render_widget(field, f);
        }
        None => status::render_footer(state, theme, frame, footer_row),
    }
    if state.help {
        help::render(state, theme, frame, main);
    }
    if let Some(scroll) = state.messages_view {
        messages::render(state, scroll, theme, frame, main);
    }
}

fn too_small(area: Rect, theme: &Theme, frame: &mut Frame) {
    let text = vec![
        Line::styled("Terminal too small", theme.title()),
        Line::raw(format!("{}×{}, needs at least {MIN_WIDTH}×{MIN_HEIGHT}", area.width, area.height)),
        Line::raw("q quits"),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let r = Rect { x: area.x, y: area.y + y, width: area.width, height: area.height.min(3) };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), r);
}

/// Renders `notes` wrapped at the foot of `area` (inset to line up with a bordered block's text, at most
/// half its height) and returns the rest of `area`, for what the notes explain. Nothing when there are
/// none. Below rather than above, so that the rows of a table above keep their place on screen.
pub fn notes_below(notes: Vec<Line<'_>>, frame: &mut Frame, area: Rect) -> Rect {
    if notes.is_empty() {
        return area;
    }
    let width = area.width.saturating_sub(2).max(1) as usize;
    let rows: usize =
        notes.iter().map(|l| crate::core::transcript::wrap_paragraph(&l.to_string(), width).len().max(1)).sum();
    let rows = u16::try_from(rows).unwrap_or(u16::MAX).min(area.height / 2);
    let [rest, n] = Layout::vertical([Constraint::Min(3), Constraint::Length(rows)]).areas(area);
    let n = Rect { x: n.x + 1, width: n.width.saturating_sub(2), ..n };
    frame.render_widget(Paragraph::new(notes).wrap(ratatui::widgets::Wrap { trim: false }), n);
    rest
}

/// Truncates to a display width, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut w = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}
