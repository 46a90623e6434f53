//! The org profile: identity, people, voice setup, integrations, money, campaigns, as sections.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::core::profile::{OrgProfile, hex_color};
use crate::core::state::State;
use crate::ui::cells::{self, Want};
use crate::ui::theme::Theme;

/// The profile as screen lines (sections one after the other), for a width.
pub fn lines<'a>(p: &OrgProfile, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut out: Vec<Line> = Vec::new();
    for s in &p.sections {
        out.push(Line::styled(s.title.clone(), theme.header()));
        if let Some(why) = &s.unavailable {
            // Never cut: the reason wraps.
            let text = format!("not available here: {why}");
            for (a, b) in crate::core::transcript::wrap_paragraph(&text, width.saturating_sub(2).max(10)) {
                out.push(Line::styled(format!("  {}", &text[a..b]), theme.warn()));
            }
            out.push(Line::raw(""));
            continue;
        }
        if s.pairs.is_empty() && s.columns.is_empty() {
            out.push(Line::styled("  none", theme.dim()));
        }
        for (k, v) in &s.pairs {
            let mut spans = vec![Span::styled(format!("  {} ", cells::pad(k, 21)), theme.key())];
            let mut room = width.saturating_sub(25);
            if let (Some((r, g, b)), false) = (hex_color(v), theme.mono) {
                spans.push(Span::styled("██ ", Style::default().fg(Color::Rgb(r, g, b))));
                room = room.saturating_sub(3);
            }
            spans.push(Span::raw(cells::cut(v, room).into_owned()));
            out.push(Line::from(spans));
        }
        if !s.columns.is_empty() {
            if s.rows.is_empty() {
                out.push(Line::styled("  none", theme.dim()));
            } else {
                // Every column is shown: columns as wide as their content while they fit, otherwise the
                // widest are cut first ("…"), each keeping at least 3 columns while it can; the last takes
                // what is left.
                let n = s.columns.len();
                let wants: Vec<Want> = (0..n)
                    .map(|i| {
                        let w = s.rows.iter().filter_map(|r| r.get(i)).chain([&s.columns[i]]).map(|c| cells::width(c));
                        let w = u16::try_from(w.max().unwrap_or(0)).unwrap_or(u16::MAX);
                        Want::flex(3, w)
                    })
                    .collect();
                let room = u16::try_from(width.saturating_sub(2)).unwrap_or(u16::MAX);
                let widths = cells::share(&wants, room, cells::SPACING);
                let row_line = |cells: &[String], style: Style| {
                    let mut spans = vec![Span::raw("  ")];
                    for (i, &cw) in widths.iter().enumerate() {
                        let c = cells.get(i).map(String::as_str).unwrap_or("");
                        let text =
                            if i + 1 == n { cells::cut(c, cw.into()).into_owned() } else { cells::pad(c, cw.into()) };
                        let sep = if i + 1 == n { "" } else { " " };
                        spans.push(Span::styled(format!("{text}{sep}"), style));
                    }
                    Line::from(spans)
                };
                out.push(row_line(&s.columns, theme.dim()));
                for r in &s.rows {
                    out.push(row_line(r, Style::default()));
                }
            }
        }
        out.push(Line::raw(""));
    }
    out
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let p = &state.profile;
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("—");
    let status =
        p.profile.as_ref().and_then(|x| x.status.clone()).map(|s| format!(" · status: {s}")).unwrap_or_default();
    let hint =
        if state.caps().org_status { " S: suspend / reactivate (write mode) · j/k scroll " } else { " j/k scroll " };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(cells::title(format!(" {org} · profile{status} "), theme.title(), area))
        .title_bottom(Span::styled(hint, theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let body: Vec<Line> = match (&p.profile, &p.error) {
        (_, Some(e)) => vec![Line::styled(format!("✖ {e}"), theme.danger())],
        (None, None) => vec![Line::styled("Loading the profile…", theme.dim())],
        (Some(prof), None) => lines(prof, theme, inner.width as usize),
    };
    let h = inner.height as usize;
    let scroll = p.scroll.min(body.len().saturating_sub(h));
    let visible: Vec<Line> = body.into_iter().skip(scroll).take(h).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if let Some(field) = &p.confirm {
        let next = crate::core::profile::next_status(p.profile.as_ref().and_then(|x| x.status.as_deref()));
        let w = area.width.saturating_sub(8).min(80);
        let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + area.height / 3, width: w, height: 5 };
        frame.render_widget(Clear, r);
        let b = Block::default().borders(Borders::ALL).title(Span::styled(" WRITE ", theme.danger()));
        let bi = b.inner(r);
        frame.render_widget(b, r);
        let [l1, l2, l3] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(bi);
        frame.render_widget(
            Paragraph::new(Span::styled(format!("Set {org} to {next}? Type its name to confirm:"), theme.danger())),
            l1,
        );
        frame.render_widget(field, l2);
        frame.render_widget(Paragraph::new(Span::styled("enter: change · esc: cancel", theme.key())), l3);
    }
}
