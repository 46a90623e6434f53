//! On call: who answers now and who is tried next, then notifications, transfers, urgent calls and the
//! roster, one pane at a time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use crate::core::oncall::{self, STATUS_FILTERS};
use crate::core::state::{OnCallPane, State};
use crate::core::time::OrgZone;
use crate::ui::theme::Theme;

mod header;
use header::{header, header_rows};

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
    // The header takes what it needs (wrapped, never cut), leaving the pane five rows at least.
    let width = area.width.saturating_sub(2) as usize;
    let rows = header_rows(state, zone, theme, width, area.height.saturating_sub(9).max(1) as usize);
    let height = u16::try_from(rows.len()).unwrap_or(u16::MAX).saturating_add(2);
    let [head, body] = Layout::vertical([Constraint::Length(height), Constraint::Min(3)]).areas(area);
    header(org, theme, frame, head, rows);
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

/// The data section a pane shows.
fn section_of(p: OnCallPane) -> &'static str {
    match p {
        OnCallPane::Notifications => "notifications",
        OnCallPane::Transfers => "transfers",
        OnCallPane::Urgent => "urgent calls",
        OnCallPane::Roster => "chain",
    }
}

/// A table column: its header, its cells' width (the widest, so that nothing kept is cut), whether it
/// takes the room left (`fill`, by weight), when it goes on a narrow terminal (`drop`: the highest first;
/// 0 never: who to call and their number) and whether its text may wrap onto more rows rather than be
/// cut when even the columns that stay do not fit (`wrap`: a name; never a number).
struct Col {
    title: &'static str,
    width: u16,
    fill: u16,
    drop: u8,
    wrap: bool,
}

/// A cell: its text and style.
type Text = (String, ratatui::style::Style);

fn text_width(s: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(s)).unwrap_or(u16::MAX)
}

/// The columns kept at `avail` columns (one between columns), dropping the least needed first, and each
/// one's width: the fill columns share what is left; when the columns that stay are still too wide, the
/// wrapping ones narrow (to 10 at the least).
fn fit_columns(cols: &[Col], avail: u16) -> Vec<(usize, u16)> {
    let mut keep: Vec<usize> = (0..cols.len()).collect();
    let mut widths: Vec<u32> = cols.iter().map(|c| u32::from(c.width)).collect();
    let used = |keep: &[usize], widths: &[u32]| -> u32 {
        keep.iter().map(|&i| widths[i]).sum::<u32>() + keep.len().saturating_sub(1) as u32
    };
    // First the columns that matter least go; then a name wraps (down to 16 columns) rather than the
    // age or the status go; then those go too; then the name narrows to 10.
    for (least_drop, narrow_to) in [(3u8, 16u32), (1, 10)] {
        while used(&keep, &widths) > u32::from(avail) {
            let Some(pos) = keep
                .iter()
                .enumerate()
                .filter(|(_, i)| cols[**i].drop >= least_drop)
                .max_by_key(|(_, i)| cols[**i].drop)
                .map(|(p, _)| p)
            else {
                break;
            };
            keep.remove(pos);
        }
        let mut over = used(&keep, &widths).saturating_sub(u32::from(avail));
        while over > 0 {
            let Some(&i) = keep.iter().filter(|&&i| cols[i].wrap && widths[i] > narrow_to).max_by_key(|&&i| widths[i])
            else {
                break;
            };
            let cut = over.min(widths[i] - narrow_to);
            widths[i] -= cut;
            over -= cut;
        }
    }
    let spare = u32::from(avail).saturating_sub(used(&keep, &widths));
    let fills: Vec<usize> = keep.iter().copied().filter(|&i| cols[i].fill > 0).collect();
    let weights: u32 = fills.iter().map(|&i| u32::from(cols[i].fill)).sum();
    let mut given = 0u32;
    keep.iter()
        .map(|&i| {
            let mut w = widths[i];
            if cols[i].fill > 0 && weights > 0 {
                let share =
                    if Some(&i) == fills.last() { spare - given } else { spare * u32::from(cols[i].fill) / weights };
                given += share;
                w += share;
            }
            (i, u16::try_from(w).unwrap_or(u16::MAX))
        })
        .collect()
}

/// A column of [`fitted`]: title, fill weight, drop rank, whether it wraps (see [`Col`]).
type Spec = (&'static str, u16, u8, bool);

/// A table of `rows` under `specs`, its columns fitted to `avail` (see [`fit_columns`]): a fill column
/// that does not wrap asks for `min_fill` columns at least (it is cut past that), one that wraps for its
/// whole text; a wrapped cell makes its row taller.
fn fitted<'a>(
    specs: &[Spec],
    rows: Vec<Vec<Text>>,
    avail: u16,
    min_fill: u16,
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let cols: Vec<Col> = specs
        .iter()
        .enumerate()
        .map(|(i, (title, fill, drop, wrap))| {
            let content = rows.iter().filter_map(|r| r.get(i)).map(|(t, _)| text_width(t)).max().unwrap_or(0);
            let width = content.max(text_width(title));
            let width = if *fill > 0 && !*wrap { width.min(min_fill.max(text_width(title))) } else { width };
            Col { title, width, fill: *fill, drop: *drop, wrap: *wrap }
        })
        .collect();
    let kept = fit_columns(&cols, avail);
    let header = kept.iter().map(|(i, _)| cols[*i].title).collect();
    let widths = kept.iter().map(|(_, w)| Constraint::Length(*w)).collect();
    let rows = rows
        .into_iter()
        .map(|r| {
            let mut height = 1usize;
            let cells: Vec<Cell> = kept
                .iter()
                .map(|(i, w)| {
                    let Some((t, st)) = r.get(*i).cloned() else { return Cell::default() };
                    if cols[*i].wrap && text_width(&t) > *w {
                        let lines: Vec<Line> = crate::core::transcript::wrap_paragraph(&t, usize::from(*w))
                            .into_iter()
                            .map(|(a, b)| Line::styled(t[a..b].to_string(), st))
                            .collect();
                        height = height.max(lines.len());
                        Cell::from(ratatui::text::Text::from(lines))
                    } else {
                        Cell::from(Span::styled(t, st))
                    }
                })
                .collect();
            Row::new(cells).height(u16::try_from(height).unwrap_or(1))
        })
        .collect();
    (header, widths, rows)
}

fn status_text(status: Option<&str>, theme: &Theme) -> Text {
    let s = status.unwrap_or("—").to_string();
    let lower = s.to_ascii_lowercase();
    if ["failed", "error", "busy", "no-answer", "no_answer", "missed", "canceled", "cancelled"]
        .iter()
        .any(|f| lower.contains(f))
    {
        (format!("✖ {s}"), theme.danger())
    } else if ["completed", "ended", "success"].iter().any(|f| lower.contains(f)) {
        (format!("✓ {s}"), theme.ok())
    } else {
        (format!("· {s}"), ratatui::style::Style::default())
    }
}

fn urgency_text(c: &crate::core::model::CallRow, theme: &Theme) -> Text {
    if c.emergency == Some(true) {
        return ("⚠ EMERG".into(), theme.danger());
    }
    if let Some(label) = &c.urgency_label {
        let lower = label.to_ascii_lowercase();
        return if ["critical", "high", "urgent"].contains(&lower.as_str()) {
            (format!("! {label}"), theme.warn())
        } else if lower == "transferred" {
            (format!("↪ {label}"), ratatui::style::Style::default())
        } else {
            (format!("  {label}"), ratatui::style::Style::default())
        };
    }
    match c.urgency {
        Some(u) if u >= 0.7 => (format!("! {u:.2}"), theme.warn()),
        Some(u) => (format!("  {u:.2}"), ratatui::style::Style::default()),
        None => ("  —".into(), ratatui::style::Style::default()),
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
    let plain = ratatui::style::Style::default();
    let when = |t: Option<chrono::DateTime<chrono::Utc>>| -> Text {
        (t.map(|t| zone.format(t, "%m-%d %H:%M")).unwrap_or_else(|| "—".into()), plain)
    };
    let dash = |s: &Option<String>| -> Text { (s.clone().unwrap_or_else(|| "—".into()), plain) };
    // Ages count from the instant looked at (`--at`, `i`), not from the clock.
    let instant = oncall::instant(oc.at, zone, state.now);
    // Inside the borders, less the selection mark.
    let avail = area.width.saturating_sub(3);
    let mut notes: Vec<Line> = Vec::new();
    let (header, widths, rows): (Vec<&str>, Vec<Constraint>, Vec<Row>) = match oc.pane {
        OnCallPane::Notifications => fitted(
            &[
                ("Age", 0, 2, false),
                ("Urgency", 0, 3, false),
                ("Type", 0, 4, false),
                ("Contact", 1, 0, true),
                ("Status", 0, 1, false),
                ("Sent", 0, 5, false),
                ("Delivered", 0, 6, false),
                ("Acked", 0, 7, false),
            ],
            oc.notifications()
                .into_iter()
                .map(|n| {
                    let status = match n.status.as_deref() {
                        Some("pending") => ("○ PENDING".to_string(), theme.warn()),
                        Some("failed") => ("✖ FAILED".to_string(), theme.danger()),
                        Some("acknowledged") => ("✓ acknowledged".to_string(), theme.ok()),
                        s => (format!("· {}", s.unwrap_or("—")), plain),
                    };
                    vec![
                        (n.created_at.map(|t| oncall::age(t, instant)).unwrap_or_else(|| "—".into()), plain),
                        dash(&n.urgency),
                        dash(&n.kind),
                        dash(&n.contact),
                        status,
                        when(n.sent_at),
                        when(n.delivered_at),
                        when(n.acknowledged_at),
                    ]
                })
                .collect(),
            avail,
            12,
        ),
        OnCallPane::Transfers => fitted(
            &[
                ("Time", 0, 2, false),
                ("Customer", 0, 3, false),
                ("Reason", 1, 4, false),
                ("Urgency", 0, 5, false),
                ("To", 0, 0, false),
                ("Status", 0, 1, false),
                ("Connected", 0, 6, false),
                ("Completed", 0, 7, false),
            ],
            d.transfers
                .iter()
                .map(|t| {
                    vec![
                        when(t.created_at),
                        dash(&t.customer),
                        dash(&t.reason),
                        dash(&t.urgency),
                        dash(&t.to),
                        status_text(t.status.as_deref(), theme),
                        when(t.connected_at),
                        when(t.completed_at),
                    ]
                })
                .collect(),
            avail,
            8,
        ),
        OnCallPane::Urgent => fitted(
            &[
                ("Time", 0, 1, false),
                ("Phone", 0, 0, false),
                ("Status", 0, 2, false),
                ("Flag", 0, 4, false),
                ("Caller / agent", 1, 3, false),
            ],
            d.urgent_calls
                .iter()
                .map(|c| {
                    vec![
                        (c.created_at.map(|t| zone.format(t, "%Y-%m-%d %H:%M")).unwrap_or_else(|| "—".into()), plain),
                        dash(&c.phone),
                        status_text(c.status.as_deref(), theme),
                        urgency_text(c, theme),
                        (c.caller.clone().or_else(|| c.assistant.clone()).unwrap_or_else(|| "—".into()), plain),
                    ]
                })
                .collect(),
            avail,
            10,
        ),
        OnCallPane::Roster => {
            let local = state.oncall_local();
            let (active, inactive) = oncall::roster(&d.contacts);
            let mut rows: Vec<Vec<Text>> = active
                .iter()
                .chain(inactive.iter())
                .map(|c| {
                    let issues = !c.day_issues().is_empty();
                    let now = if c.available_at(local) {
                        "● now"
                    } else if c.is_active == Some(true) {
                        "○"
                    } else {
                        "inactive"
                    };
                    let style = if c.is_active == Some(true) { plain } else { theme.dim() };
                    let flagged = if issues { theme.warn() } else { style };
                    vec![
                        (c.priority.map(|p| p.to_string()).unwrap_or_else(|| "—".into()), style),
                        // ⚠: a value of its days is not a day name (the notes below say which).
                        (
                            format!(
                                "{}{}{}",
                                c.name,
                                if c.is_primary == Some(true) { " ★" } else { "" },
                                if issues { " ⚠" } else { "" }
                            ),
                            flagged,
                        ),
                        (c.role.clone().unwrap_or_else(|| "—".into()), style),
                        (c.phone.clone().unwrap_or_else(|| "—".into()), style),
                        (c.channels(), style),
                        (c.availability(), flagged),
                        (format!("{} s", c.escalation_timeout_s.unwrap_or(oncall::DEFAULT_TIMEOUT_S)), style),
                        (now.to_string(), style),
                    ]
                })
                .collect();
            if rows.is_empty() {
                rows.push(vec![("—".into(), plain), ("no contacts in this schema or org".into(), plain)]);
            }
            // Every value of available_days that is not a day name, whole, below the table.
            for c in active.iter().chain(inactive.iter()) {
                let issues: Vec<String> = c.day_issues().into_iter().map(|i| i.note).collect();
                if !issues.is_empty() {
                    notes.push(Line::styled(format!("⚠ {}: {}", c.name, issues.join("; ")), theme.warn()));
                }
            }
            fitted(
                &[
                    ("Prio", 0, 0, false),
                    ("Name", 0, 0, true),
                    ("Role", 0, 5, false),
                    ("Phone", 0, 0, false),
                    ("Channels", 0, 6, false),
                    ("Availability", 1, 4, false),
                    ("Escalate", 0, 7, false),
                    ("Now", 0, 3, false),
                ],
                rows,
                avail,
                12,
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
        .highlight_symbol("▶")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let lost = d.not_recorded(section_of(oc.pane));
    if !lost.is_empty() {
        notes.push(Line::styled(format!("Not recorded in this database: {}", lost.join("; ")), theme.dim()));
    }
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
