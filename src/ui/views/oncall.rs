//! On call: who answers now and who is tried next, then notifications, transfers, urgent calls and the
//! roster, one pane at a time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use crate::core::oncall::{self, STATUS_FILTERS};
use crate::core::reducer::ago;
use crate::core::state::{OnCallPane, State};
use crate::core::time::OrgZone;
use crate::ui::theme::Theme;
use crate::ui::views::calls::{status_cell, urgency_cell};

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let oc = &state.oncall;
    let zone = &state.calls.zone;
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("—");
    if let Some(d) = state.dialect().filter(|_| !state.caps().oncall) {
        let block =
            Block::default().borders(Borders::ALL).title(Span::styled(format!(" {org} · on call "), theme.title()));
        let msg = vec![
            Line::styled("No on-call data for this platform", theme.warn()),
            Line::raw(""),
            Line::raw(format!(
                "The {} schema ({}) has no emergency contacts, escalation rules, alerts or transfers.",
                d.name(),
                d.platform()
            )),
        ];
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }).block(block), area);
        return;
    }
    let [head, body] = Layout::vertical([Constraint::Length(header_rows(state, area)), Constraint::Min(3)]).areas(area);
    header(state, zone, org, theme, frame, head);
    pane(state, zone, theme, frame, body);
    if let Some(input) = &oc.time_input {
        let r = Rect { x: head.x + 2, y: head.y + 1, width: head.width.saturating_sub(4).min(70), height: 3 };
        frame.render_widget(Clear, r);
        let b =
            Block::default().borders(Borders::ALL).title(Span::styled(" Look at (org time or UTC) ", theme.title()));
        let inner = b.inner(r);
        frame.render_widget(b, r);
        frame.render_widget(input, inner);
    }
    if let Some(key) = &oc.confirm {
        let n = oc.data.as_ref().and_then(|d| d.notifications.iter().find(|n| &n.key == key));
        let what = n
            .map(|n| {
                format!(
                    "{} · {} · to {} · {}",
                    n.kind.as_deref().unwrap_or("notification"),
                    n.urgency.as_deref().unwrap_or("—"),
                    n.contact.as_deref().unwrap_or("—"),
                    n.created_at.map(|t| zone.format(t, "%Y-%m-%d %H:%M")).unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let lines = vec![
            Line::styled("Acknowledge this notification? This writes to the database.", theme.danger()),
            Line::raw(what),
            Line::raw(format!("id {key}")),
            Line::styled("y: acknowledge · any other key: cancel", theme.key()),
        ];
        let w = area.width.saturating_sub(8).min(90);
        let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + area.height / 3, width: w, height: 6 };
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::default().borders(Borders::ALL).title(Span::styled(" WRITE ", theme.danger()))),
            r,
        );
    }
    if let Some(key) = &oc.detail {
        detail(state, key, zone, theme, frame, body);
    }
}

/// The header's height: three lines in a border, more when the reason the chain cannot be read wraps
/// (so that the instant it describes still shows), at most half the area.
fn header_rows(state: &State, area: Rect) -> u16 {
    let Some(why) = state.oncall.data.as_ref().and_then(|d| d.unavailable("chain")) else { return 5 };
    let text = format!("{CHAIN_UNREADABLE}{why}");
    let width = area.width.saturating_sub(2).max(1) as usize;
    let rows = crate::core::transcript::wrap_paragraph(&text, width).len().max(1) as u16;
    (rows + 4).clamp(5, (area.height / 2).max(5))
}

const CHAIN_UNREADABLE: &str = "⚠ The escalation chain cannot be read here: ";

fn header(state: &State, zone: &OrgZone, org: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let oc = &state.oncall;
    let local = state.oncall_local();
    let mut lines: Vec<Line> = Vec::new();
    match &oc.data {
        None => lines.push(Line::styled(
            if oc.error.is_some() { "On-call data could not be read." } else { "Loading the on-call roster…" },
            theme.dim(),
        )),
        Some(d) if d.unavailable("chain").is_some() => {
            // Without the contacts nobody can say who is on call: never "nobody is on call".
            lines.push(Line::styled(
                format!("{CHAIN_UNREADABLE}{}", d.unavailable("chain").unwrap_or_default()),
                theme.danger(),
            ));
            lines.push(Line::raw(format!(
                "the org's emergency phone: {}",
                d.fallback_phone.as_deref().unwrap_or("(none recorded)")
            )));
        }
        Some(d) => {
            let chain = oncall::chain(&d.contacts, local);
            match chain.first() {
                Some(first) => {
                    let c = &first.contact;
                    lines.push(Line::from(vec![
                        Span::styled("ON CALL NOW ▶ ", theme.ok()),
                        Span::styled(c.name.clone(), theme.title()),
                        Span::raw(format!(
                            " ({}) {} · {} · priority {}",
                            c.role.as_deref().unwrap_or("—"),
                            c.phone.as_deref().unwrap_or("no phone"),
                            c.channels(),
                            c.priority.map(|p| p.to_string()).unwrap_or_else(|| "—".into())
                        )),
                    ]));
                    let mut next: Vec<String> = chain
                        .iter()
                        .skip(1)
                        .map(|e| {
                            let tie = if e.tie_note.is_some() { " (tie)" } else { "" };
                            format!("{} after {} s{tie}", e.contact.name, e.after_s)
                        })
                        .collect();
                    let total: i64 = chain
                        .last()
                        .map(|e| e.after_s + e.contact.escalation_timeout_s.unwrap_or(oncall::DEFAULT_TIMEOUT_S) as i64)
                        .unwrap_or(0);
                    next.push(format!(
                        "org phone {} after {total} s",
                        d.fallback_phone.as_deref().unwrap_or("(none set)")
                    ));
                    lines.push(Line::raw(format!("then: {}", next.join(" → "))));
                }
                None => {
                    lines.push(Line::styled(
                        format!(
                            "⚠ NOBODY IS ON CALL at this time — fallback: the org's emergency phone {}",
                            d.fallback_phone.as_deref().unwrap_or("(NONE SET)")
                        ),
                        theme.danger(),
                    ));
                    let active = d.contacts.iter().filter(|c| c.is_active == Some(true)).count();
                    lines
                        .push(Line::raw(format!("{active} active contacts, none available now (see the roster: tab)")));
                }
            }
        }
    }
    let at = match oc.at {
        Some(_) => {
            format!("at {} {} (i: change, 'now' to follow the clock)", local.format("%a %Y-%m-%d %H:%M"), zone.label())
        }
        None => format!("now: {} {}", local.format("%a %Y-%m-%d %H:%M"), zone.label()),
    };
    let fresh = match (&oc.error, oc.last_ok) {
        (Some(e), Some(t)) => Span::styled(format!(" · STALE: last good {} ({e})", ago(t, state.now)), theme.danger()),
        (Some(e), None) => Span::styled(format!(" · ✖ {e}"), theme.danger()),
        (None, Some(t)) => Span::styled(format!(" · updated {}", ago(t, state.now)), theme.dim()),
        (None, None) => Span::raw(""),
    };
    lines.push(Line::from(vec![Span::raw(at), fresh]));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(format!(" {org} · on call "), theme.title()));
    // A reason why the chain cannot be read is wrapped, never cut.
    let chain_refused = oc.data.as_ref().is_some_and(|d| d.unavailable("chain").is_some());
    let p = Paragraph::new(lines).block(block);
    let p = if chain_refused { p.wrap(ratatui::widgets::Wrap { trim: false }) } else { p };
    frame.render_widget(p, area);
}

/// The data section a pane shows.
fn section_of(p: OnCallPane) -> &'static str {
    match p {
        OnCallPane::Notifications => "notifications",
        OnCallPane::Transfers => "transfers",
        OnCallPane::Urgent => "urgent calls",
        OnCallPane::Roster => "chain",
    }
}

fn pane(state: &State, zone: &OrgZone, theme: &Theme, frame: &mut Frame, area: Rect) {
    let oc = &state.oncall;
    let Some(d) = &oc.data else {
        frame.render_widget(Block::default().borders(Borders::ALL), area);
        return;
    };
    let pending = d.notifications.iter().filter(|n| n.status.as_deref() == Some("pending")).count();
    let filter = STATUS_FILTERS[oc.filter % STATUS_FILTERS.len()].unwrap_or("all");
    let tab = |p: OnCallPane, label: String| {
        if oc.pane == p {
            Span::styled(format!("[{label}]"), theme.selected())
        } else {
            Span::raw(format!(" {label} "))
        }
    };
    let title = Line::from(vec![
        Span::raw(" "),
        tab(
            OnCallPane::Notifications,
            format!("Notifications {} ({pending} pending, f: {filter})", oc.notifications().len()),
        ),
        Span::raw(" "),
        tab(OnCallPane::Transfers, format!("Transfers {}", d.transfers.len())),
        Span::raw(" "),
        tab(OnCallPane::Urgent, format!("Urgent calls {}", d.urgent_calls.len())),
        Span::raw(" "),
        tab(OnCallPane::Roster, format!("Roster {}", d.contacts.len())),
        Span::raw(" "),
    ]);
    let block = Block::default().borders(Borders::ALL).title(title);
    if let Some(why) = d.unavailable(section_of(oc.pane)) {
        // This section cannot be read here; the others can. The reason, whole.
        let mut lines = vec![Line::styled(format!("Not available here: {why}"), theme.warn())];
        if !d.row_security.is_empty() {
            lines.push(Line::raw(format!("row security filters {} for this role", d.row_security.join(", "))));
        }
        frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }).block(block), area);
        return;
    }
    let sel = Some(oc.sel);
    let when = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| zone.format(t, "%m-%d %H:%M")).unwrap_or_else(|| "—".into())
    };
    let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    let (header, widths, rows): (Vec<&str>, Vec<Constraint>, Vec<Row>) = match oc.pane {
        OnCallPane::Notifications => (
            vec!["Age", "Urgency", "Type", "Contact", "Status", "Sent", "Delivered", "Acked"],
            vec![
                Constraint::Length(11),
                Constraint::Length(9),
                Constraint::Length(12),
                Constraint::Fill(1),
                Constraint::Length(15),
                Constraint::Length(11),
                Constraint::Length(11),
                Constraint::Length(11),
            ],
            oc.notifications()
                .into_iter()
                .map(|n| {
                    let status = match n.status.as_deref() {
                        Some("pending") => Cell::from(Span::styled("○ PENDING", theme.warn())),
                        Some("failed") => Cell::from(Span::styled("✖ FAILED", theme.danger())),
                        Some("acknowledged") => Cell::from(Span::styled("✓ acknowledged", theme.ok())),
                        s => Cell::from(format!("· {}", s.unwrap_or("—"))),
                    };
                    Row::new(vec![
                        Cell::from(n.created_at.map(|t| ago(t, state.now)).unwrap_or_else(|| "—".into())),
                        Cell::from(dash(&n.urgency)),
                        Cell::from(dash(&n.kind)),
                        Cell::from(dash(&n.contact)),
                        status,
                        Cell::from(when(n.sent_at)),
                        Cell::from(when(n.delivered_at)),
                        Cell::from(when(n.acknowledged_at)),
                    ])
                })
                .collect(),
        ),
        OnCallPane::Transfers => (
            vec!["Time", "Customer", "Reason", "Urgency", "To", "Status", "Connected", "Completed"],
            vec![
                Constraint::Length(11),
                Constraint::Length(16),
                Constraint::Fill(1),
                Constraint::Length(9),
                Constraint::Length(14),
                Constraint::Length(12),
                Constraint::Length(11),
                Constraint::Length(11),
            ],
            d.transfers
                .iter()
                .map(|t| {
                    Row::new(vec![
                        Cell::from(when(t.created_at)),
                        Cell::from(dash(&t.customer)),
                        Cell::from(dash(&t.reason)),
                        Cell::from(dash(&t.urgency)),
                        Cell::from(dash(&t.to)),
                        status_cell(t.status.as_deref(), theme),
                        Cell::from(when(t.connected_at)),
                        Cell::from(when(t.completed_at)),
                    ])
                })
                .collect(),
        ),
        OnCallPane::Urgent => (
            vec!["Time", "Phone", "Status", "Flag", "Caller / agent"],
            vec![
                Constraint::Length(16),
                Constraint::Length(16),
                Constraint::Length(14),
                Constraint::Length(13),
                Constraint::Fill(1),
            ],
            d.urgent_calls
                .iter()
                .map(|c| {
                    Row::new(vec![
                        Cell::from(
                            c.created_at.map(|t| zone.format(t, "%Y-%m-%d %H:%M")).unwrap_or_else(|| "—".into()),
                        ),
                        Cell::from(dash(&c.phone)),
                        status_cell(c.status.as_deref(), theme),
                        urgency_cell(c, theme),
                        Cell::from(c.caller.clone().or_else(|| c.assistant.clone()).unwrap_or_else(|| "—".into())),
                    ])
                })
                .collect(),
        ),
        OnCallPane::Roster => {
            let local = state.oncall_local();
            let (active, inactive) = oncall::roster(&d.contacts);
            let mut rows: Vec<Row> = active
                .iter()
                .chain(inactive.iter())
                .map(|c| {
                    let now = if c.available_at(local) {
                        "● now"
                    } else if c.is_active == Some(true) {
                        "○"
                    } else {
                        "inactive"
                    };
                    let style = if c.is_active == Some(true) { ratatui::style::Style::default() } else { theme.dim() };
                    Row::new(vec![
                        Cell::from(c.priority.map(|p| p.to_string()).unwrap_or_else(|| "—".into())),
                        Cell::from(format!("{}{}", c.name, if c.is_primary == Some(true) { " ★" } else { "" })),
                        Cell::from(dash(&c.role)),
                        Cell::from(dash(&c.phone)),
                        Cell::from(c.channels()),
                        Cell::from(c.availability()),
                        Cell::from(format!("{} s", c.escalation_timeout_s.unwrap_or(oncall::DEFAULT_TIMEOUT_S))),
                        Cell::from(now),
                    ])
                    .style(style)
                })
                .collect();
            if rows.is_empty() {
                rows.push(Row::new(vec![Cell::from("—"), Cell::from("no contacts in this schema or org")]));
            }
            (
                vec!["Prio", "Name", "Role", "Phone", "Channels", "Availability", "Escalate", "Now"],
                vec![
                    // As wide as the widest priority (2147483647 is one), never cut.
                    Constraint::Length(
                        d.contacts
                            .iter()
                            .filter_map(|c| c.priority)
                            .map(|p| p.to_string().len() as u16)
                            .max()
                            .unwrap_or(0)
                            .max(4),
                    ),
                    Constraint::Fill(2),
                    Constraint::Fill(1),
                    Constraint::Length(15),
                    Constraint::Length(22),
                    Constraint::Fill(3),
                    Constraint::Length(8),
                    Constraint::Length(8),
                ],
                rows,
            )
        }
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .block(block.title_bottom(Span::styled(
            " tab: pane · enter: open · a: acknowledge · f: filter · i: instant · r: refresh ",
            theme.dim(),
        )))
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶");
    let lost = d.not_recorded(section_of(oc.pane));
    let notes = if lost.is_empty() {
        Vec::new()
    } else {
        vec![Line::styled(format!("Not recorded in this database: {}", lost.join("; ")), theme.dim())]
    };
    let area = crate::ui::views::notes_below(notes, frame, area);
    let mut ts = TableState::default().with_selected(sel);
    frame.render_stateful_widget(table, area, &mut ts);
}

fn detail(state: &State, key: &crate::core::model::Key, zone: &OrgZone, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(n) = state.oncall.data.as_ref().and_then(|d| d.notifications.iter().find(|n| &n.key == key)) else {
        return;
    };
    let w = area.width.saturating_sub(4);
    let r = Rect { x: area.x + 2, y: area.y + 1, width: w, height: area.height.saturating_sub(2) };
    frame.render_widget(Clear, r);
    let when = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| format!("{} {}", zone.format(t, "%Y-%m-%d %H:%M:%S"), zone.label())).unwrap_or_else(|| "—".into())
    };
    let mut lines = vec![
        Line::raw(format!(
            "Type: {} · urgency {} · status {}",
            n.kind.as_deref().unwrap_or("—"),
            n.urgency.as_deref().unwrap_or("—"),
            n.status.as_deref().unwrap_or("—")
        )),
        Line::raw(format!("To: {}", n.contact.as_deref().unwrap_or("—"))),
        Line::raw(format!(
            "Created {} · sent {} · delivered {} · acknowledged {}",
            when(n.created_at),
            when(n.sent_at),
            when(n.delivered_at),
            when(n.acknowledged_at)
        )),
        Line::raw(""),
    ];
    for l in n.message.as_deref().unwrap_or("(no message)").split('\n') {
        lines.push(Line::raw(l.to_string()));
    }
    let hint = if n.call.is_some() {
        " enter: open the call's transcript · a: acknowledge · esc: close "
    } else {
        " a: acknowledge · esc: close "
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Notification ", theme.title()))
                .title_bottom(Span::styled(hint, theme.key())),
        ),
        r,
    );
}
