//! The call list of the chosen organization, one keyset page at a time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::core::model::CallRow;
use crate::core::state::State;
use crate::core::time::{OrgZone, format_duration};
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    if state.side_by_side() {
        // Wide terminals: the list, and the selected call beside it.
        let [list, detail] = ratatui::layout::Layout::horizontal([
            Constraint::Length(crate::core::state::LIST_WIDTH),
            Constraint::Min(20),
        ])
        .areas(area);
        list_pane(state, theme, frame, list);
        if state.call.is_some() {
            crate::ui::views::call::render(state, theme, frame, detail);
        } else {
            frame.render_widget(Block::default().borders(Borders::ALL).title(" Call "), detail);
        }
        return;
    }
    list_pane(state, theme, frame, area);
}

fn list_pane(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let c = &state.calls;
    let org = c.org.as_ref().map(|o| o.name.as_str()).unwrap_or("—");
    let page = match c.page_no {
        Some(n) => format!("page {n}"),
        None if !c.page.has_after && c.loaded => "last page".to_string(),
        None => "page ?".to_string(),
    };
    let more = match (c.page.has_before, c.page.has_after) {
        (true, true) => " ↑↓",
        (true, false) => " ↑",
        (false, true) => " ↓",
        (false, false) => "",
    };
    let title = format!(" {org} · calls, newest first · {page}{more} · {} ", c.zone.label());
    let mut block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.title()));
    if !c.filter.is_empty() {
        let mut f = format!(" filter: {} (x clears) ", c.filter.describe());
        if c.filter.text.is_some() {
            f.push_str("· words are searched in transcripts and summaries, bounded by the statement timeout ");
        }
        block = block.title_bottom(Span::styled(f, theme.warn()));
    }
    if let Some(field) = &c.filter_input {
        let [list, input] = ratatui::layout::Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
        let b = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(" Filter (enter: apply · esc: cancel) ", theme.title()));
        let inner = b.inner(input);
        frame.render_widget(b, input);
        frame.render_widget(field, inner);
        return table(state, theme, frame, list, block);
    }
    if let Some(e) = &c.error {
        if !c.loaded {
            // Nothing was ever read: the reason, whole (wrapped), instead of a page that does not exist.
            frame.render_widget(
                Paragraph::new(format!("✖ The calls cannot be read: {e}"))
                    .style(theme.danger())
                    .wrap(ratatui::widgets::Wrap { trim: false })
                    .block(block),
                area,
            );
            return;
        }
        let block = block.title_bottom(Span::styled(format!(" ✖ {e} (showing the last loaded page) "), theme.danger()));
        return table(state, theme, frame, area, block);
    }
    if !c.loaded {
        frame.render_widget(Paragraph::new("Loading calls…").style(theme.dim()).block(block), area);
        return;
    }
    if c.page.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![Line::raw(if c.filter.is_empty() {
                "This organization has no calls."
            } else {
                "No calls match the filter (f edits it, x clears it)."
            })])
            .wrap(Wrap { trim: false })
            .block(block),
            area,
        );
        return;
    }
    table(state, theme, frame, area, block);
}

fn table(state: &State, theme: &Theme, frame: &mut Frame, area: Rect, block: Block) {
    let c = &state.calls;
    let width = area.width.saturating_sub(2);
    let any = |f: fn(&CallRow) -> bool| c.page.rows.iter().any(f);
    let cols = Cols {
        dir: width >= 110 && any(|r| r.direction.is_some()),
        lang: width >= 100 && any(|r| r.language.is_some()),
        caller: width >= 100 && any(|r| r.caller.is_some()),
    };
    let mut header = vec!["Time", "Phone", "Status", "Duration", "Flag"];
    let mut widths = vec![
        Constraint::Length(16),
        Constraint::Length(16),
        Constraint::Length(14),
        Constraint::Length(8),
        Constraint::Length(13),
    ];
    if cols.dir {
        header.insert(1, "Dir");
        widths.insert(1, Constraint::Length(8));
    }
    if cols.lang {
        header.push("Lang");
        widths.push(Constraint::Length(4));
    }
    if cols.caller {
        header.push("Caller");
        widths.push(Constraint::Fill(1));
    }
    header.push("Agent");
    widths.push(Constraint::Fill(1));
    let rows = c.page.rows.iter().map(|r| row(r, &c.zone, theme, cols));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .block(block)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶");
    let mut ts = TableState::default().with_selected(Some(c.selected));
    frame.render_stateful_widget(table, area, &mut ts);
}

#[derive(Clone, Copy)]
struct Cols {
    dir: bool,
    lang: bool,
    caller: bool,
}

fn row<'a>(r: &'a CallRow, zone: &OrgZone, theme: &Theme, cols: Cols) -> Row<'a> {
    let time = match r.created_at {
        Some(t) => zone.format(t, "%Y-%m-%d %H:%M"),
        None => "— no time —".to_string(),
    };
    let dash = || "—".to_string();
    let mut cells = vec![
        Cell::from(time),
        Cell::from(r.phone.clone().unwrap_or_else(dash)),
        status_cell(r.status.as_deref(), theme),
        Cell::from(format_duration(r.duration_s)),
        urgency_cell(r, theme),
    ];
    if cols.dir {
        cells.insert(1, Cell::from(r.direction.clone().unwrap_or_else(dash)));
    }
    if cols.lang {
        cells.push(Cell::from(r.language.clone().unwrap_or_else(dash)));
    }
    if cols.caller {
        cells.push(Cell::from(r.caller.clone().unwrap_or_else(dash)));
    }
    cells.push(Cell::from(r.assistant.clone().unwrap_or_else(dash)));
    Row::new(cells)
}

/// "⚠ EMERG" for an emergency, "! 0.85" for a high urgency, the score otherwise.
pub fn urgency_cell<'a>(r: &CallRow, theme: &Theme) -> Cell<'a> {
    if r.emergency == Some(true) {
        return Cell::from(Line::from(Span::styled("⚠ EMERG", theme.danger())));
    }
    if let Some(label) = &r.urgency_label {
        let lower = label.to_ascii_lowercase();
        return if ["critical", "high", "urgent"].contains(&lower.as_str()) {
            Cell::from(Line::from(Span::styled(format!("! {label}"), theme.warn())))
        } else if lower == "transferred" {
            Cell::from(format!("↪ {label}"))
        } else {
            Cell::from(format!("  {label}"))
        };
    }
    match r.urgency {
        Some(u) if u >= 0.7 => Cell::from(Line::from(Span::styled(format!("! {u:.2}"), theme.warn()))),
        Some(u) => Cell::from(format!("  {u:.2}")),
        None => Cell::from("  —"),
    }
}

/// Failed statuses get a mark as well as a color.
pub fn status_cell<'a>(status: Option<&str>, theme: &Theme) -> Cell<'a> {
    let s = status.unwrap_or("—").to_string();
    let lower = s.to_ascii_lowercase();
    if ["failed", "error", "busy", "no-answer", "no_answer", "missed", "canceled", "cancelled"]
        .iter()
        .any(|f| lower.contains(f))
    {
        Cell::from(Line::from(Span::styled(format!("✖ {s}"), theme.danger())))
    } else if ["completed", "ended", "success"].iter().any(|f| lower.contains(f)) {
        Cell::from(Line::from(Span::styled(format!("✓ {s}"), theme.ok())))
    } else {
        Cell::from(format!("· {s}"))
    }
}
