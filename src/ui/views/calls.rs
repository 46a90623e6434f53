//! The call list of the chosen organization, one keyset page at a time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, TableState, Wrap};

use crate::core::model::{CallCols, CallRow};
use crate::core::state::State;
use crate::core::time::{OrgZone, format_duration};
use crate::ui::cells::{self, Grid, Want};
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
    let mut block = Block::default().borders(Borders::ALL).title(cells::title(title, theme.title(), area));
    if !c.filter.is_empty() {
        let mut f = format!(" filter: {} (x clears) ", c.filter.describe());
        if c.filter.text.is_some() {
            f.push_str("· words are searched in transcripts and summaries, bounded by the statement timeout ");
        }
        block = block.title_bottom(cells::title(f, theme.warn(), area));
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
        let block =
            block.title_bottom(cells::title(format!(" ✖ {e} (showing the last loaded page) "), theme.danger(), area));
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
    // Per platform, not per page: a column the platform records stays while paging, one it does not
    // record (Retell's and Prisma's flag, Voxanne's agent) is never drawn as a column of "—".
    let records = if state.dialect().is_some() { state.caps().calls } else { CallCols::ALL };
    let cols = Cols {
        dir: width >= 110 && records.direction,
        flag: records.flag,
        lang: width >= 100 && records.language,
        caller: width >= 100 && records.caller,
        agent: records.agent,
    };
    let cells: Vec<Vec<Line>> = c.page.rows.iter().map(|r| row(r, &c.zone, theme, cols)).collect();
    let mut header = vec!["Time", "Phone", "Status", "Duration"];
    // What each column keeps while others can give way, and what it wants: the width it has always had or
    // its widest cell on the page (a phone with its extension, "✖ not_connected"), within a cap.
    let mut wants =
        vec![(Want::fixed(16, 16), 16), (Want::fixed(12, 16), 28), (Want::fixed(9, 14), 24), (Want::fixed(6, 8), 8)];
    if cols.dir {
        header.insert(1, "Dir");
        wants.insert(1, (Want::fixed(3, 3), 9));
    }
    if cols.flag {
        header.push("Flag");
        wants.push((Want::fixed(7, 7), 16));
    }
    if cols.lang {
        header.push("Lang");
        wants.push((Want::fixed(2, 4), 8));
    }
    if cols.caller {
        header.push("Caller");
        wants.push((Want::flex(8, 0), 40));
    }
    if cols.agent {
        header.push("Agent");
        wants.push((Want::flex(8, 0), 48));
    }
    let wants = cells::wants(&wants, &header, &cells);
    const SYMBOL: &str = "▶";
    let selection = cells::width(SYMBOL) as u16;
    let widths = cells::share(&wants, width.saturating_sub(selection), cells::SPACING);
    // A narrow duration column says so in a shorter word rather than a cut one.
    if let Some(i) = header.iter().position(|h| *h == "Duration")
        && widths.get(i).is_some_and(|&w| w < 8)
    {
        header[i] = "Length";
    }
    let grid = Grid::new(widths.into_iter().map(Constraint::Length).collect(), area, Some(&block), SYMBOL, true);
    let rows = cells.into_iter().map(|r| grid.row(r)).collect();
    let table = grid
        .table(grid.row(header.into_iter().map(Line::raw).collect()).style(theme.header()), rows)
        .block(block)
        .row_highlight_style(theme.selected());
    let mut ts = TableState::default().with_selected(Some(c.selected));
    frame.render_stateful_widget(table, area, &mut ts);
}

#[derive(Clone, Copy)]
struct Cols {
    dir: bool,
    flag: bool,
    lang: bool,
    caller: bool,
    agent: bool,
}

fn row<'a>(r: &'a CallRow, zone: &OrgZone, theme: &Theme, cols: Cols) -> Vec<Line<'a>> {
    let time = match r.created_at {
        Some(t) => zone.format(t, "%Y-%m-%d %H:%M"),
        None => "— no time —".to_string(),
    };
    let text = |v: &'a Option<String>| Line::raw(v.as_deref().unwrap_or("—"));
    let mut cells = vec![
        Line::raw(time),
        text(&r.phone),
        status_cell(r.status.as_deref(), theme),
        Line::raw(format_duration(r.duration_s)),
    ];
    if cols.dir {
        cells.insert(1, text(&r.direction));
    }
    if cols.flag {
        cells.push(urgency_cell(r, theme));
    }
    if cols.lang {
        cells.push(text(&r.language));
    }
    if cols.caller {
        cells.push(text(&r.caller));
    }
    if cols.agent {
        cells.push(text(&r.assistant));
    }
    cells
}

/// "⚠ EMERG" for an emergency, "! 0.85" for a high urgency, the score otherwise.
pub fn urgency_cell<'a>(r: &CallRow, theme: &Theme) -> Line<'a> {
    if r.emergency == Some(true) {
        return Line::styled("⚠ EMERG", theme.danger());
    }
    if let Some(label) = &r.urgency_label {
        let lower = label.to_ascii_lowercase();
        return if ["critical", "high", "urgent"].contains(&lower.as_str()) {
            Line::styled(format!("! {label}"), theme.warn())
        } else if lower == "transferred" {
            Line::raw(format!("↪ {label}"))
        } else {
            Line::raw(format!("  {label}"))
        };
    }
    match r.urgency {
        Some(u) if u >= 0.7 => Line::styled(format!("! {u:.2}"), theme.warn()),
        Some(u) => Line::raw(format!("  {u:.2}")),
        None => Line::raw("  —"),
    }
}

/// Failed statuses get a mark as well as a color.
pub fn status_cell<'a>(status: Option<&str>, theme: &Theme) -> Line<'a> {
    let s = status.unwrap_or("—").to_string();
    let lower = s.to_ascii_lowercase();
    if ["failed", "error", "busy", "no-answer", "no_answer", "missed", "canceled", "cancelled"]
        .iter()
        .any(|f| lower.contains(f))
    {
        Line::styled(format!("✖ {s}"), theme.danger())
    } else if ["completed", "ended", "success"].iter().any(|f| lower.contains(f)) {
        Line::styled(format!("✓ {s}"), theme.ok())
    } else {
        Line::raw(format!("· {s}"))
    }
}
