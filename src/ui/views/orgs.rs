//! The org switcher: a fuzzy filter over every organization, shown at start and on `o`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, TableState, Wrap};

use crate::core::names::NameMark;
use crate::core::state::{Conn, State};
use crate::ui::cells::{self, Grid, Want};
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let o = &state.orgs;
    let title = match (&o.caller, o.loaded) {
        (Some(n), _) => format!(" Organizations with {n} on record ({}) ", o.matches.len()),
        (None, true) => format!(" Organizations ({} of {}) ", o.matches.len(), o.all.len()),
        (None, false) => " Organizations ".to_string(),
    };
    let mut block = Block::default().borders(Borders::ALL).title(cells::title(title, theme.title(), area));
    let typed = crate::core::state::input_text(&o.filter);
    if o.caller.is_some() {
        block = block.title_bottom(Span::styled(
            " enter: this caller's history in the org · type to filter again ",
            theme.key(),
        ));
    } else if crate::core::caller::looks_like_phone(&typed) && uuid::Uuid::parse_str(typed.trim()).is_err() {
        block = block.title_bottom(Span::styled(" enter: find the orgs that have this number on record ", theme.key()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input_row, rule, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let [prompt, field] = Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(input_row);
    frame.render_widget(Paragraph::new(Span::styled("› ", theme.key())), prompt);
    frame.render_widget(&o.filter, field);
    frame.render_widget(Paragraph::new("─".repeat(rule.width as usize)).style(theme.dim()), rule);

    if let Conn::Failed(e) = &state.conn {
        let text = vec![
            Line::styled("Cannot use this database", theme.danger()),
            Line::raw(""),
            Line::raw(e.clone()),
            Line::raw(""),
            Line::raw(format!("Target: {}", state.target)),
            Line::raw(
                "r retries · q quits · `switchboard check` tells more · `switchboard demo` opens a demo database",
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), body);
        return;
    }
    if let Some(e) = &o.error {
        frame.render_widget(
            Paragraph::new(vec![Line::styled("Could not load organizations", theme.danger()), Line::raw(e.clone())])
                .wrap(Wrap { trim: false }),
            body,
        );
        return;
    }
    if !o.loaded {
        frame.render_widget(Paragraph::new("Loading organizations…").style(theme.dim()), body);
        return;
    }
    if o.matches.is_empty() {
        let hidden = match &state.conn {
            Conn::Ready(info) if !info.row_security.is_empty() => Some(info),
            _ => None,
        };
        let msg = match (o.all.is_empty(), hidden) {
            (true, Some(info)) => format!(
                "No organization is visible to role {}: row security is on for {} and this role does not bypass it, \
                 so only the rows its policies allow are shown (auth.uid() is NULL on a direct connection). \
                 The organizations may be there: connect as a role that bypasses row security, or see `switchboard check`.",
                info.role,
                info.row_security.join(", ")
            ),
            (true, None) => "This database has no organizations.".to_string(),
            (false, _) => "No organization matches.".to_string(),
        };
        frame.render_widget(Paragraph::new(msg).style(theme.dim()).wrap(Wrap { trim: false }), body);
        return;
    }
    // Names that could be taken for another's: what the marks mean, below the list.
    let body = if o.names.is_empty() || body.height < 3 {
        body
    } else {
        let [list, legend] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(body);
        frame.render_widget(Paragraph::new(Line::styled(LEGEND, theme.dim())), legend);
        list
    };
    // A message about the switcher (`--org` that matched nothing or several), whole, above the list.
    let body = match &state.message {
        Some(m) if body.height > 4 => {
            let width = body.width.max(1) as usize;
            let rows = crate::core::transcript::wrap_paragraph(m, width).len().clamp(1, 3);
            let rows = u16::try_from(rows).unwrap_or(3);
            let [msg, list] = Layout::vertical([Constraint::Length(rows), Constraint::Min(1)]).areas(body);
            frame.render_widget(Paragraph::new(Line::styled(m.clone(), theme.warn())).wrap(Wrap { trim: false }), msg);
            list
        }
        _ => body,
    };
    let wide = body.width >= 100;
    // Columns that no org has a value for give their width away (Retell records no industry or zone).
    let show_industry = o.all.iter().any(|x| x.industry.is_some());
    let show_status = o.all.iter().any(|x| x.status.is_some());
    // Below 80 columns the zone gives way to the name (the calls' title names the zone).
    let show_zone = body.width >= 76 && o.all.iter().any(|x| x.timezone.is_some());
    let cells: Vec<Vec<Line>> = o
        .matches
        .iter()
        .map(|&i| {
            let org = &o.all[i];
            let mut cells = vec![name_line(&org.name, o.names.get(&org.key), theme)];
            if show_industry {
                cells.push(Line::raw(org.industry.as_deref().unwrap_or("—")));
            }
            if show_status {
                cells.push(status_cell(org.status.as_deref(), theme));
            }
            if show_zone {
                cells.push(Line::raw(org.timezone.as_deref().unwrap_or("— (UTC)")));
            }
            if wide {
                cells.push(Line::styled(org.key.to_string(), theme.dim()));
            }
            cells
        })
        .collect();
    // The list is read whole, so columns as wide as their content (within caps) stay put while
    // filtering; the name shares what the others leave, and they give way down to their mins while the
    // name has 20.
    let mut wants = vec![(Want::flex(20, 0), u16::MAX)];
    let mut header = vec!["Name"];
    if show_industry {
        wants.push((Want::fixed(6, 0), 16));
        header.push("Industry/plan");
    }
    if show_status {
        wants.push((Want::fixed(8, 0), 16));
        header.push("Status");
    }
    if show_zone {
        wants.push((Want::fixed(10, 0), 22));
        header.push("Timezone");
    }
    if wide {
        wants.push((Want::fixed(36, 36), 36));
        header.push("Id");
    }
    let wants = cells::wants(&wants, &header, &cells);
    const SYMBOL: &str = "▶ ";
    let selection = cells::width(SYMBOL) as u16;
    let widths = cells::share(&wants, body.width.saturating_sub(selection), cells::SPACING);
    let grid = Grid::new(widths.into_iter().map(Constraint::Length).collect(), body, None, SYMBOL, true);
    let rows = cells.into_iter().map(|r| grid.row(r)).collect();
    let table = grid
        .table(grid.row(header.into_iter().map(Line::raw).collect()).style(theme.header()), rows)
        .row_highlight_style(theme.selected());
    let mut ts = TableState::default().with_selected(Some(o.selected));
    frame.render_stateful_widget(table, body, &mut ts);
}

/// What the marks before a name mean.
pub const LEGEND: &str = "⚠ mixed scripts · ≈ look-alike · ␣ odd spaces · :org #key";

/// An org's name as the switcher and the board draw it: its marks (mixed scripts, look-alike) and the key
/// that tells it from names that look the same first, so that a narrow column cuts the name and not them,
/// then the name with edge and unusual whitespace made visible.
pub fn name_line<'a>(name: &'a str, mark: Option<&'a NameMark>, theme: &Theme) -> Line<'a> {
    let Some(mark) = mark else {
        return Line::raw(name);
    };
    let prefix = mark.prefix();
    let mut spans = Vec::with_capacity(3);
    if !prefix.is_empty() {
        spans.push(Span::styled(prefix, theme.warn()));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(mark.shown.as_str()));
    Line::from(spans)
}

/// Suspended and deleted orgs are marked by a symbol as well as a color.
fn status_cell<'a>(status: Option<&str>, theme: &Theme) -> Line<'a> {
    match status {
        Some(s) if s.eq_ignore_ascii_case("active") => Line::raw(format!("● {s}")),
        Some(s) => Line::styled(format!("⏸ {s}"), theme.warn()),
        None => Line::raw("—"),
    }
}
