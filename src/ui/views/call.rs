//! One call: its facts and summary, then the transcript in speaker turns, scrollable and searchable.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::core::state::{CALL_HEADER_ROWS, CallTab, CallView, DETAIL_LABEL_WIDTH, State};
use crate::core::time::format_duration;
use crate::core::transcript::{Role, label_width, wrap_paragraph};
use crate::ui::cells;
use crate::ui::theme::Theme;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(view) = state.call.as_ref() else {
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(CALL_HEADER_ROWS), Constraint::Min(3)]).areas(area);
    header(view, theme, frame, head);
    match view.tab {
        CallTab::Transcript => transcript(view, theme, frame, body),
        CallTab::Details => details(view, theme, frame, body),
    }
}

fn header(view: &CallView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let r = &view.row;
    let sep = Span::styled(" · ", theme.dim());
    let when = match r.created_at {
        // Without a valid zone the label already says UTC: not "UTC UTC (no valid timezone)".
        Some(t) if view.zone.fallback => format!("{} {}", view.zone.format(t, "%Y-%m-%d %H:%M:%S"), view.zone.label()),
        Some(t) => format!("{} {}", view.zone.format(t, "%Y-%m-%d %H:%M:%S %Z"), view.zone.label()),
        None => "no time recorded".to_string(),
    };
    let mut l1 = vec![Line::styled(when, theme.title())];
    if let Some(d) = &r.direction {
        l1.push(Line::raw(d.clone()));
    }
    l1.push(Line::raw(r.phone.clone().unwrap_or_else(|| "no number".into())));
    l1.push(Line::raw(r.status.clone().unwrap_or_else(|| "no status".into())));
    l1.push(Line::raw(format_duration(r.duration_s)));
    let mut l2 = Vec::new();
    if r.emergency == Some(true) {
        l2.push(Line::styled("⚠ EMERGENCY", theme.danger()));
    }
    if let Some(u) = r.urgency {
        l2.push(Line::styled(format!("urgency {u:.2}"), if u >= 0.7 { theme.warn() } else { Style::default() }));
    }
    l2.push(Line::raw(format!("assistant {}", r.assistant.as_deref().unwrap_or("—"))));
    if let Some(c) = &r.caller {
        l2.push(Line::raw(format!("caller {c}")));
    }
    if let Some(l) = &r.language {
        l2.push(Line::raw(format!("language {l}")));
    }
    let mut summary = String::from("Summary: ");
    match &view.detail {
        Some(d) => {
            l2.push(Line::styled(format!("tab: {} more details", d.facts.len()), theme.dim()));
            // Only what fits in the header is needed; never wrap a huge summary every frame.
            let s = d.summary.as_deref().unwrap_or("—");
            summary.extend(s.chars().take(CALL_HEADER_ROWS as usize * area.width as usize + 1));
        }
        None => summary.push_str(if view.error.is_some() { "—" } else { "loading…" }),
    }
    let title = format!(" Call {} ", view.row.key.short());
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    let (width, rows) = (usize::from(inner.width), usize::from(inner.height));
    // The facts whole, as many on a line as fit (a fact wider than a line is cut, "…"), then the summary
    // in the rows left (at least one), its last row ending in "…" when there is more.
    let facts_rows = rows.saturating_sub(1).max(1);
    let mut lines = cells::flow(l1, sep.clone(), width, facts_rows);
    if lines.len() < facts_rows {
        let left = facts_rows - lines.len();
        lines.extend(cells::flow(l2, sep, width, left));
    } else if let Some(last) = lines.pop() {
        // No row left for the second line of facts: the first ends in "…".
        lines.push(cells::mark_more(last, width));
    }
    let summary = summary.replace('\n', " ");
    let summary_rows = rows.saturating_sub(lines.len());
    let wrapped = wrap_paragraph(&summary, width.max(1));
    for (i, &(a, b)) in wrapped.iter().enumerate().take(summary_rows) {
        let line = Line::raw(summary[a..b].to_string());
        lines.push(if i + 1 == summary_rows && wrapped.len() > summary_rows {
            cells::mark_more(line, width)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn transcript(view: &CallView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = view.lines.len();
    let mut title = format!(" Transcript · {} turns ", view.turns.len());
    let s = &view.search;
    let search_info = if !s.query.is_empty() {
        match (s.matches.len(), s.current) {
            (0, _) => format!(" /{} no match ", s.query),
            (n, Some(i)) => format!(" /{} {}/{} ", s.query, i + 1, n),
            (n, None) => format!(" /{} {} matches ", s.query, n),
        }
    } else {
        String::new()
    };
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    let (text_area, input_area) = if s.input.is_some() {
        let [a, b] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        (a, Some(b))
    } else {
        (inner, None)
    };
    let height = text_area.height as usize;
    let scroll = view.scroll.min(total.saturating_sub(height));
    if let Some(pct) = ((scroll + height).min(total) * 100).checked_div(total) {
        title.push_str(&format!("· lines {}-{} of {total} ({pct}%) ", scroll + 1, (scroll + height).min(total)));
    }
    let mut block = block.title(Span::styled(title, theme.title()));
    if !search_info.is_empty() {
        let style = if s.matches.is_empty() { theme.danger() } else { theme.key() };
        block = block.title_bottom(Span::styled(search_info, style));
    }
    frame.render_widget(block, area);

    if let Some(input_area) = input_area
        && let Some(field) = &s.input
    {
        let [p, f] = Layout::horizontal([Constraint::Length(1), Constraint::Min(1)]).areas(input_area);
        frame.render_widget(Paragraph::new(Span::styled("/", theme.key())), p);
        frame.render_widget(field, f);
    }

    if view.detail.is_none() {
        let msg = match &view.error {
            Some(e) => Line::styled(format!("✖ {e}"), theme.danger()),
            None => Line::styled("Loading transcript…", theme.dim()),
        };
        frame.render_widget(Paragraph::new(msg), text_area);
        return;
    }
    if view.turns.is_empty() {
        frame.render_widget(Paragraph::new("This call has no transcript.").style(theme.dim()), text_area);
        return;
    }
    let lw = label_width(&view.turns);
    let current = s.current.map(|i| s.matches[i]);
    let lines: Vec<Line> = view.lines[scroll..(scroll + height).min(total)]
        .iter()
        .map(|l| {
            if l.spacer {
                return Line::raw("");
            }
            let turn = &view.turns[l.turn as usize];
            let (label_style, label) = match turn.role {
                Role::Agent => (theme.agent(), turn.label.as_str()),
                Role::Caller => (theme.caller(), turn.label.as_str()),
                Role::Unlabelled => (theme.dim(), ""),
            };
            let label = if l.first { cells::cut(label, lw - 3).into_owned() } else { String::new() };
            let mut spans =
                vec![Span::styled(format!("{label:>w$}", w = lw - 3), label_style), Span::styled(" │ ", theme.dim())];
            let text = &turn.text[l.start as usize..l.end as usize];
            // Matches overlapping this line, highlighted.
            let mut pos = l.start as usize;
            let first_match = s.matches.partition_point(|m| (m.turn, m.end) <= (l.turn, l.start));
            for m in &s.matches[first_match..] {
                if m.turn != l.turn || m.start >= l.end {
                    break;
                }
                let ms = (m.start as usize).max(pos);
                let me = (m.end as usize).min(l.end as usize);
                if ms > pos {
                    spans.push(Span::raw(turn.text[pos..ms].to_string()));
                }
                if me > ms {
                    let style = if Some(*m) == current { theme.current_match() } else { theme.matched() };
                    spans.push(Span::styled(turn.text[ms..me].to_string(), style));
                }
                pos = me.max(pos);
            }
            if pos < l.end as usize {
                spans.push(Span::raw(turn.text[pos..l.end as usize].to_string()));
            }
            if text.is_empty() && spans.len() == 2 {
                spans.push(Span::raw(""));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
}

fn details(view: &CallView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    let total = view.details.len();
    let height = inner.height as usize;
    let scroll = view.details_scroll.min(total.saturating_sub(height));
    let title = format!(" Details · lines {}-{} of {total} ", (scroll + 1).min(total), (scroll + height).min(total));
    frame.render_widget(block.title(Span::styled(title, theme.title())), area);
    if view.detail.is_none() {
        frame.render_widget(Paragraph::new("Loading…").style(theme.dim()), inner);
        return;
    }
    let lines: Vec<Line> = view.details[scroll..(scroll + height).min(total)]
        .iter()
        .map(|l| {
            let label = l.label.as_deref().map(|s| cells::cut(s, DETAIL_LABEL_WIDTH)).unwrap_or_default();
            Line::from(vec![
                Span::styled(format!("{label:<w$} ", w = DETAIL_LABEL_WIDTH), theme.key()),
                Span::raw(l.text.clone()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
