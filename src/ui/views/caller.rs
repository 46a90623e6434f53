//! The caller history: who the number belongs to, counts, and one timeline newest first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, TableState, Wrap};

use crate::core::calendar::StatusKind;
use crate::core::caller::{CallerHistory, Event, EventKind};
use crate::core::state::State;
use crate::core::time::ago;
use crate::core::time::format_duration;
use crate::ui::cells::{self, Grid, Want};
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let c = &state.caller;
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("");
    let asked = c.query.as_ref().map(|q| q.describe()).unwrap_or_default();
    let Some(h) = &c.history else {
        let title = Line::styled(format!(" Caller {asked} "), theme.title());
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(cells::cut_line(title, usize::from(area.width.saturating_sub(2))));
        let msg = match &c.error {
            Some(e) => {
                block = block.title_bottom(Span::styled(" esc: back ", theme.dim()));
                Line::styled(format!("✖ {e}"), theme.danger())
            }
            None => Line::styled(format!("Looking up {asked} in {org}…"), theme.dim()),
        };
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }).block(block), area);
        return;
    };
    if h.phone.is_none() {
        return render_matches(state, h, theme, frame, area);
    }
    let header = header_lines(state, h, theme, area.width.saturating_sub(2) as usize);
    let header_h = (header.len() as u16 + 2).min(area.height / 2).max(3);
    let [top, rest] = Layout::vertical([Constraint::Length(header_h), Constraint::Min(3)]).areas(area);
    let number = h.phone.as_ref().map(|p| p.display()).unwrap_or_default();
    let title = format!(" Caller {number} · {org} · {} ", state.calls.zone.label());
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(cells::cut_line(Line::styled(title, theme.title()), usize::from(area.width.saturating_sub(2))));
    if c.pending.is_some() {
        block = block.title_bottom(Span::styled(" reloading… ", theme.dim()));
    }
    if let Some(e) = &c.error {
        block = block.title_bottom(Span::styled(format!(" ✖ {e} "), theme.danger()));
    }
    frame.render_widget(Paragraph::new(header).block(block), top);
    render_timeline(state, h, theme, frame, rest);
}

/// The records, a note on duplicates and other orgs, the counts, and the notes.
fn header_lines<'a>(state: &State, h: &'a CallerHistory, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if h.records.is_empty() {
        lines.push(Line::styled("No customer, contact or lead record has this number.", theme.dim()));
    }
    for r in h.records.iter().take(3) {
        let facts: Vec<String> = r.facts.iter().take(4).map(|(k, v)| format!("{k}: {}", first_line(v))).collect();
        let text = format!(
            "{} · {} · {}{}{}",
            r.name.as_deref().unwrap_or("(no name)"),
            r.kind,
            r.phone.as_deref().unwrap_or("—"),
            if facts.is_empty() { "" } else { " · " },
            facts.join(" · ")
        );
        lines.push(Line::raw(cells::cut(&text, width).into_owned()));
    }
    if h.records.len() > 3 {
        lines.push(Line::styled(format!("… and {} more records", h.records.len() - 3), theme.dim()));
    }
    let mut names: Vec<&str> = h.records.iter().filter_map(|r| r.name.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() > 1 {
        lines.push(Line::styled(
            cells::cut(
                &format!("⚠ this number is on record under {} different names: {}", names.len(), names.join(", ")),
                width,
            )
            .into_owned(),
            theme.warn(),
        ));
    }
    if let Some(others) = h.other_orgs.as_ref().filter(|o| !o.is_empty()) {
        let list: Vec<String> = others.iter().map(|o| format!("{} ({})", o.name, o.records)).collect();
        lines.push(Line::styled(
            cells::cut(&format!("⚠ also on record in {} other org(s): {}", others.len(), list.join(", ")), width)
                .into_owned(),
            theme.warn(),
        ));
    }
    let n = h.counts(state.now);
    let last = match n.last_contact {
        Some(t) => format!("{} ({})", state.calls.zone.format(t, "%Y-%m-%d %H:%M"), ago(t, state.now)),
        None => "never".to_string(),
    };
    let mut parts: Vec<[Span; 2]> =
        vec![[Span::styled("Calls ", theme.dim()), Span::raw(format!("{} ({} answered)", n.calls, n.answered))]];
    if h.events.iter().any(|e| e.kind == EventKind::Appointment) || state.caps().appointments {
        parts.push([
            Span::styled("Appointments ", theme.dim()),
            Span::raw(format!(
                "{}: {} kept, {} missed, {} cancelled, {} upcoming",
                n.appointments, n.kept, n.missed, n.cancelled, n.upcoming
            )),
        ]);
    }
    if n.sms > 0 {
        parts.push([Span::styled("SMS ", theme.dim()), Span::raw(n.sms.to_string())]);
    }
    parts.push([Span::styled("Last contact ", theme.dim()), Span::raw(last)]);
    // As many parts on a line as fit, " · " between them; a part wider than the line is cut.
    let parts = parts.into_iter().map(|p| Line::from(p.to_vec())).collect();
    lines.extend(cells::flow(parts, Span::styled(" · ", theme.dim()), width, usize::MAX));
    for note in &h.notes {
        lines.push(Line::styled(cells::cut(&format!("· {note}"), width).into_owned(), theme.dim()));
    }
    lines
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn status_span<'a>(e: &'a Event, theme: &Theme) -> Span<'a> {
    let (kind, status, answered) = (e.kind, e.status.as_deref(), e.answered());
    let text = status.unwrap_or("—");
    let style = match kind {
        EventKind::Call if e.ongoing() => theme.key(),
        EventKind::Call if answered => theme.ok(),
        EventKind::Call => theme.warn(),
        EventKind::Appointment => match StatusKind::of(status) {
            StatusKind::Completed => theme.ok(),
            StatusKind::NoShow | StatusKind::Cancelled => theme.warn(),
            _ => theme.dim(),
        },
        _ => match text {
            "failed" | "undelivered" | "no_answer" | "pending" => theme.warn(),
            _ => theme.dim(),
        },
    };
    let mark = match kind {
        EventKind::Appointment => format!("{} ", StatusKind::of(status).symbol()),
        EventKind::Call if e.ongoing() => "… ".to_string(),
        EventKind::Call if answered => "✓ ".to_string(),
        EventKind::Call => "✗ ".to_string(),
        _ => String::new(),
    };
    Span::styled(format!("{mark}{text}"), style)
}

fn render_timeline(state: &State, h: &CallerHistory, theme: &Theme, frame: &mut Frame, area: Rect) {
    let c = &state.caller;
    let zone = &state.calls.zone;
    let wide = area.width >= 100;
    let selected = h.events.get(c.selected);
    let detail_h = if selected.and_then(|e| e.detail.as_ref()).is_some() && area.height > 10 { 4 } else { 0 };
    let [table_area, detail_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(area);
    // The history is one read, not pages: a column no event has a value for gives its width away.
    let show_dir = wide && h.events.iter().any(|e| e.direction.is_some());
    let show_len = wide && h.events.iter().any(|e| e.kind == EventKind::Call && e.duration_s.is_some());
    let cells: Vec<Vec<Line>> = h
        .events
        .iter()
        .map(|e| {
            let when = match e.at {
                Some(t) => zone.format(t, "%Y-%m-%d %H:%M"),
                None => "—".to_string(),
            };
            let upcoming = e.kind == EventKind::Appointment && e.at.is_some_and(|t| t > state.now);
            let mut cells = vec![
                Line::raw(when),
                Line::styled(e.kind.word(), if upcoming { theme.key() } else { theme.agent() }),
                Line::from(status_span(e, theme)),
            ];
            if show_dir {
                cells.push(Line::raw(e.direction.clone().unwrap_or_default()));
            }
            if show_len {
                cells.push(Line::raw(if e.kind == EventKind::Call {
                    format_duration(e.duration_s)
                } else {
                    String::new()
                }));
            }
            let mut what = e.title.clone().unwrap_or_default();
            if let Some(d) = &e.detail {
                if !what.is_empty() {
                    what.push_str(" · ");
                }
                what.push_str(first_line(d));
            }
            if e.call.is_some() && e.kind != EventKind::Call {
                what.push_str(" ↗");
            }
            cells.push(Line::raw(what));
            cells
        })
        .collect();
    let mut wants = vec![(Want::fixed(16, 16), 16), (Want::fixed(4, 8), 12), (Want::fixed(8, 14), 24)];
    let mut header = vec!["When (org time)", "What", "Status"];
    if show_dir {
        wants.push((Want::fixed(3, 9), 12));
        header.push("Dir");
    }
    if show_len {
        wants.push((Want::fixed(6, 8), 8));
        header.push("Length");
    }
    wants.push((Want::flex(10, 0), u16::MAX));
    header.push("Title · detail");
    let wants = cells::wants(&wants, &header, &cells);
    let title = format!(" Timeline, newest first · {} ", h.events.len());
    let hint = " enter: open the call · y: copy the number · S: save JSON · esc: back ";
    let room = usize::from(table_area.width.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(cells::cut_line(Line::styled(title, theme.title()), room))
        .title_bottom(cells::cut_line(Line::styled(hint, theme.dim()), room));
    if h.events.is_empty() {
        let msg = Line::styled("No calls, appointments or messages with this number.", theme.dim());
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }).block(block), table_area);
    } else {
        let widths = cells::share(&wants, table_area.width.saturating_sub(2), cells::SPACING);
        let grid = Grid::new(widths.into_iter().map(Constraint::Length).collect(), table_area, Some(&block), "", false);
        let rows = cells.into_iter().map(|r| grid.row(r)).collect();
        let table = grid
            .table(grid.row(header.into_iter().map(Line::raw).collect()).style(theme.header()), rows)
            .block(block)
            .row_highlight_style(theme.selected());
        let mut ts = TableState::default().with_selected(Some(c.selected.min(h.events.len() - 1)));
        frame.render_stateful_widget(table, table_area, &mut ts);
    }
    if let (Some(e), true) = (selected, detail_h > 0) {
        let text = e.detail.clone().unwrap_or_default();
        let b = Block::default().borders(Borders::TOP).title(Span::styled(format!(" {} ", e.kind.word()), theme.dim()));
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(b), detail_area);
    }
}

/// A name lookup that found several people (or none): choose one.
fn render_matches(state: &State, h: &CallerHistory, theme: &Theme, frame: &mut Frame, area: Rect) {
    let c = &state.caller;
    let asked = c.query.as_ref().map(|q| q.describe()).unwrap_or_default();
    let title = format!(" Caller lookup: {asked} · {} match(es) ", h.matches.len());
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(cells::cut_line(Line::styled(title, theme.title()), usize::from(area.width.saturating_sub(2))))
        .title_bottom(Span::styled(" enter: open this person's history · esc: back ", theme.dim()));
    if let Some(e) = &c.error {
        block = block.title_bottom(Span::styled(format!(" ✖ {e} "), theme.danger()));
    }
    if h.matches.is_empty() {
        let lines: Vec<Line> = h.notes.iter().map(|n| Line::styled(n.clone(), theme.dim())).collect();
        frame.render_widget(Paragraph::new(lines).block(block), area);
        return;
    }
    let cells: Vec<Vec<Line>> = h
        .matches
        .iter()
        .map(|m| {
            vec![
                Line::raw(m.name.clone()),
                Line::raw(m.stored.clone().unwrap_or_else(|| "—".into())),
                match &m.number {
                    Some(n) => Line::raw(n.clone()),
                    None => Line::styled("cannot be understood", theme.warn()),
                },
            ]
        })
        .collect();
    let header = ["Name", "Number as stored", "Number"];
    let wants = [(Want::flex(12, 20), u16::MAX), (Want::fixed(12, 22), 32), (Want::fixed(12, 22), 24)];
    let wants = cells::wants(&wants, &header, &cells);
    let widths = cells::share(&wants, area.width.saturating_sub(2), cells::SPACING);
    let grid = Grid::new(widths.into_iter().map(Constraint::Length).collect(), area, Some(&block), "", false);
    let rows = cells.into_iter().map(|r| grid.row(r)).collect();
    let table = grid
        .table(grid.row(header.into_iter().map(Line::raw).collect()).style(theme.header()), rows)
        .block(block)
        .row_highlight_style(theme.selected());
    let mut ts = TableState::default().with_selected(Some(c.selected.min(h.matches.len() - 1)));
    frame.render_stateful_widget(table, area, &mut ts);
}
