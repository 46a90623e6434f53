//! The org overview: totals, durations, billed minutes and margin over a range, calls per day, and
//! breakdowns by status, direction and agent.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Wrap};

use crate::core::overview::{Money, amount, percent};
use crate::core::state::State;
use crate::core::time::format_secs;
use crate::ui::theme::Theme;
use crate::ui::views::fit;

fn breakdown<'a>(title: &str, rows: &[(String, i64)], total: i64, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut out = vec![Line::styled(title.to_string(), theme.header())];
    for (k, n) in rows.iter().take(8) {
        let pct = if total > 0 { 100.0 * *n as f64 / total as f64 } else { 0.0 };
        out.push(Line::raw(format!(
            " {:<w$} {n:>7} {pct:>5.1}%",
            fit(k, width.saturating_sub(16).max(4)),
            w = width.saturating_sub(16).max(4)
        )));
    }
    if rows.is_empty() {
        out.push(Line::styled(" none", theme.dim()));
    }
    out
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let o = &state.overview;
    let org = state.calls.org.as_ref().map(|x| x.name.as_str()).unwrap_or("—");
    let title = format!(" {org} · overview · {} · {} ", o.range.label(), state.calls.zone.label());
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()))
        .title_bottom(Span::styled(" f: today / 7 d / 30 d · g: a range · r: reload ", theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [top, body] =
        Layout::vertical([Constraint::Length(if o.range_input.is_some() { 1 } else { 0 }), Constraint::Min(1)])
            .areas(inner);
    if let Some(field) = &o.range_input {
        let [p, f] = Layout::horizontal([Constraint::Length(8), Constraint::Min(1)]).areas(top);
        frame.render_widget(Paragraph::new(Span::styled("Range: ", theme.key())), p);
        frame.render_widget(field, f);
    }
    let Some(d) = &o.data else {
        let msg = match &o.error {
            Some(e) => Line::styled(format!("✖ {e}"), theme.danger()),
            None => Line::styled("Counting…", theme.dim()),
        };
        frame.render_widget(Paragraph::new(msg), body);
        return;
    };
    let pct = |n: i64| if d.total > 0 { format!("{:.1}%", 100.0 * n as f64 / d.total as f64) } else { "—".into() };
    let calls = |n: i64| if n == 1 { "1 call".to_string() } else { format!("{n} calls") };
    let avg_secs = match d.avg_whole_secs() {
        Some(s) => format!("avg {} over {} with a duration", format_secs(s), calls(d.with_duration)),
        None => "avg — (no call recorded a duration)".to_string(),
    };
    let avg_billed = match d.avg_billed {
        Some(m) => format!("avg {:.2} min over {} billed", m.round_dp(2), calls(d.with_billed)),
        None => "avg — (no call billed)".to_string(),
    };
    let mut figures = vec![
        Line::from(vec![
            Span::styled("Calls ", theme.key()),
            Span::styled(d.total.to_string(), theme.title()),
            Span::raw(format!("   successful {} ({})   ", d.successful, pct(d.successful))),
            Span::styled(
                format!("failed {} ({})", d.failed, pct(d.failed)),
                if d.failed > 0 { theme.danger() } else { theme.dim() },
            ),
        ]),
        Line::raw(format!("Duration {} · {avg_secs}", format_secs(d.total_secs))),
        Line::raw(format!(
            "Billed {} min ({}) · {avg_billed}",
            d.billed_minutes.normalize(),
            if d.billed_recorded { "as recorded per call" } else { "each call rounded up" },
        )),
    ];
    match (&d.rates, &d.money) {
        (Some(r), Money::Figures { revenue, cost, margin, margin_pct }) => figures.push(Line::raw(format!(
            "Margin {} ({} of revenue) · revenue {} at {}/min · cost {} at {}/min",
            amount(*margin),
            percent(*margin_pct),
            amount(*revenue),
            r.rate.map(amount).unwrap_or_default(),
            amount(*cost),
            r.cost.map(amount).unwrap_or_default(),
        ))),
        (_, Money::Withheld { why }) => {
            figures.push(Line::styled(format!("Margin not shown: {why}"), theme.warn()));
        }
        _ => figures.push(Line::styled("Margin: this platform records no per-minute rate and cost", theme.dim())),
    }
    if d.negative_calls > 0 {
        figures.push(Line::styled(
            format!(
                "⚠ {} with a negative duration or billed minutes (in these sums as recorded)",
                calls(d.negative_calls)
            ),
            theme.warn(),
        ));
    }
    for n in &d.notes {
        figures.push(Line::styled(n.clone(), theme.dim()));
    }
    let width = body.width.max(1) as usize;
    let fig_rows: usize =
        figures.iter().map(|l| crate::core::transcript::wrap_paragraph(&l.to_string(), width).len().max(1)).sum();
    let fig_rows = u16::try_from(fig_rows).unwrap_or(u16::MAX);
    let series = d.daily_series();
    // The figures, their warnings and notes come first: on a short screen the chart gives way, then the
    // breakdowns.
    let spark_rows = if body.height >= fig_rows + 1 + 5 + 3 { 5 } else { 0 };
    let [fig, spark, rest] =
        Layout::vertical([Constraint::Length(fig_rows + 1), Constraint::Length(spark_rows), Constraint::Min(0)])
            .areas(body);
    frame.render_widget(Paragraph::new(figures).wrap(Wrap { trim: false }), fig);
    let max = series.iter().max().copied().unwrap_or(0);
    let spark_block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " calls per day (max {max}) {} → {} ",
            d.from.map(|x| x.to_string()).unwrap_or_default(),
            d.to.map(|x| (x - chrono::Duration::days(1)).to_string()).unwrap_or_default()
        ),
        theme.dim(),
    ));
    // A short range gets wider bars, so that a week does not sit in a corner.
    let per = (spark.width as usize / series.len().max(1)).clamp(1, 6);
    let bars: Vec<u64> = series.iter().flat_map(|v| std::iter::repeat_n(*v, per)).collect();
    frame.render_widget(Sparkline::default().data(&bars).block(spark_block).style(theme.key()), spark);
    let cols = if rest.width >= 100 { 3 } else { 1 };
    if cols == 3 {
        let [a, b, c] =
            Layout::horizontal([Constraint::Percentage(34), Constraint::Percentage(33), Constraint::Percentage(33)])
                .areas(rest);
        frame.render_widget(Paragraph::new(breakdown("By status", &d.by_status, d.total, theme, a.width as usize)), a);
        frame.render_widget(
            Paragraph::new(breakdown("By direction", &d.by_direction, d.total, theme, b.width as usize)),
            b,
        );
        frame.render_widget(Paragraph::new(breakdown("By agent", &d.by_agent, d.total, theme, c.width as usize)), c);
    } else {
        let mut lines = breakdown("By status", &d.by_status, d.total, theme, rest.width as usize);
        lines.extend(breakdown("By agent", &d.by_agent, d.total, theme, rest.width as usize));
        frame.render_widget(Paragraph::new(lines), rest);
    }
}
