//! The attention board: which orgs need a look now, most urgent first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, TableState, Wrap};

use crate::core::board::{LastCall, Reason};
use crate::core::state::{Conn, State};
use crate::core::time::ago;
use crate::ui::cells::Grid;
use crate::ui::theme::Theme;

fn pct(failed: i64, total: i64) -> String {
    if total == 0 { "—".into() } else { format!("{:.0}%", 100.0 * failed as f64 / total as f64) }
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let b = &state.board;
    let view = state.board_view();
    let flagged = view.iter().filter(|(_, r)| !r.is_empty()).count();
    let title = if b.loaded {
        let more = if b.pending.is_some() { " · still reading…" } else { "" };
        format!(" Attention board · {flagged} of {} orgs need a look{more} ", b.rows.len())
    } else {
        " Attention board ".to_string()
    };
    let mut block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.title()));
    let mut notes: Vec<Line> = Vec::new();
    if let Conn::Ready(info) = &state.conn
        && !info.board_not_recorded.is_empty()
    {
        notes.push(Line::styled(
            format!("Not recorded in this database, so not weighed here: {}", info.board_not_recorded.join("; ")),
            theme.warn(),
        ));
    }
    block = block.title_bottom(Span::styled(
        if b.filter.is_empty() {
            " enter: open the org · f: filter · r: reload · 24 h and 7 d from the calls (retell: daily rollups) "
                .to_string()
        } else {
            format!(" filter: {} (x clears) ", b.filter)
        },
        if b.filter.is_empty() { theme.dim() } else { theme.warn() },
    ));
    let (area, input_area) = match &b.filter_input {
        Some(_) => {
            let [a, i] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
            (a, Some(i))
        }
        None => (area, None),
    };
    if let (Some(ia), Some(field)) = (input_area, &b.filter_input) {
        let bl = Block::default().borders(Borders::ALL).title(Span::styled(" Filter the board ", theme.title()));
        let inner = bl.inner(ia);
        frame.render_widget(bl, ia);
        frame.render_widget(field, inner);
    }
    if !b.loaded {
        // Why the board cannot be read, whole (wrapped), never cut off in a title.
        let msg = match &b.error {
            Some(e) => Line::styled(format!("✖ The board cannot be read: {e}"), theme.danger()),
            None => Line::styled("Reading every org's last 7 days…", theme.dim()),
        };
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }).block(block), area);
        return;
    }
    if let Some(e) = &b.error {
        block = block.title_bottom(Span::styled(" ✖ see below ", theme.danger()));
        notes.insert(0, Line::styled(format!("✖ Reading the board again failed: {e}"), theme.danger()));
    }
    // Names that could be taken for another's are marked (`core::names`): what the marks mean.
    let marked = view.iter().any(|(i, _)| state.orgs.names.contains_key(&b.rows[*i].key));
    if marked {
        notes.push(Line::styled(crate::ui::views::orgs::LEGEND, theme.dim()));
    }
    // What this database does not record, and so which reasons the board cannot give.
    let area = crate::ui::views::notes_below(notes, frame, area);
    let wide = area.width >= 110;
    // Below 80 columns the status gives way to the name (a suspension is a reason in the first column).
    let show_status = area.width >= 80;
    let mut header = vec!["Why", "Organization"];
    let mut widths = vec![Constraint::Fill(2), Constraint::Fill(2)];
    if show_status {
        header.push("Status");
        widths.push(Constraint::Length(10));
    }
    header.extend(["24 h", "fail"]);
    widths.extend([Constraint::Length(6), Constraint::Length(5)]);
    if wide {
        header.extend(["7 d", "fail", "emerg"]);
        widths.extend([Constraint::Length(7), Constraint::Length(5), Constraint::Length(5)]);
    }
    header.push("Last call");
    widths.push(Constraint::Length(11));
    let grid = Grid::new(widths, area, Some(&block), "▶", true);
    let rows = view.iter().map(|(i, reasons)| {
        let r = &b.rows[*i];
        let mut reason_text = if reasons.is_empty() {
            "ok".to_string()
        } else {
            reasons.iter().map(Reason::text).collect::<Vec<_>>().join(" · ")
        };
        if let Some(why) = &r.figures_unread {
            // Its calls are unknown, not zero: say so rather than "ok".
            reason_text = if reasons.is_empty() {
                format!("? no figures: {why}")
            } else {
                format!("{reason_text} · ? no figures")
            };
        }
        let count =
            |n: i64, w: usize| if r.figures_unread.is_some() { format!("{:>w$}", "?") } else { format!("{n:>w$}") };
        let share = |f: i64, t: i64| {
            if r.figures_unread.is_some() { format!("{:>5}", "?") } else { format!("{:>5}", pct(f, t)) }
        };
        let reason_style = match reasons.first() {
            Some(Reason::PendingEmergency(_)) | Some(Reason::FailureSpike { .. }) => theme.danger(),
            Some(_) => theme.warn(),
            None => theme.dim(),
        };
        let mut cells = vec![
            Line::from(Span::styled(reason_text, reason_style)),
            crate::ui::views::orgs::name_line(&r.name, state.orgs.names.get(&r.key), theme),
        ];
        if show_status {
            cells.push(Line::raw(r.status.clone().unwrap_or_else(|| "—".into())));
        }
        cells.extend([Line::raw(count(r.calls_24h, 6)), Line::raw(share(r.failed_24h, r.calls_24h))]);
        if wide {
            cells.push(Line::raw(count(r.calls_7d, 7)));
            cells.push(Line::raw(share(r.failed_7d, r.calls_7d)));
            cells.push(Line::raw(r.open_emergencies.map(|n| format!("{n:>5}")).unwrap_or_else(|| "    —".into())));
        }
        cells.push(Line::raw(match r.last_call {
            LastCall::At(t) => ago(t, state.now),
            LastCall::Undated => "no time".to_string(),
            LastCall::Never => "no calls".to_string(),
            LastCall::Unknown => "?".to_string(),
        }));
        grid.row(cells)
    });
    let table = grid
        .table(grid.row(header.into_iter().map(Line::raw).collect()).style(theme.header()), rows.collect())
        .block(block)
        .row_highlight_style(theme.selected());
    let mut ts = TableState::default().with_selected(Some(b.selected));
    frame.render_stateful_widget(table, area, &mut ts);
}
