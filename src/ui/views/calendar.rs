//! The appointment calendar: a month grid (weeks as rows) and the cursor day's agenda, in the org's zone.

use chrono::{Datelike, Duration};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::core::calendar::{self, Appointment, DayCount, StatusKind};
use crate::core::state::{ApptView, State};
use crate::core::time::{OrgZone, format_duration};
use crate::ui::cells;
use crate::ui::theme::Theme;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let cal = &state.calendar;
    let zone = &state.calls.zone;
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("—");
    let month = cal.month();
    let title = format!(" {org} · {} · {} ", month.format("%B %Y"), zone.label());
    let block = Block::default().borders(Borders::ALL).title(cells::title(title, theme.title(), area));
    if let Some(d) = state.dialect().filter(|_| !state.caps().appointments) {
        let msg = vec![
            Line::styled("No calendar for this platform", theme.warn()),
            Line::raw(""),
            Line::raw(format!(
                "The {} schema ({}) stores no appointments, so there is nothing to show here.",
                d.name(),
                d.platform()
            )),
            Line::raw("Calendars are available for serviceai (appointments) and voxanne (appointments)."),
        ];
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }).block(block), area);
        return;
    }
    let legend: String = StatusKind::ALL[..5].iter().map(|k| format!("{} {} ", k.symbol(), k.word())).collect();
    let block = block.title_bottom(Span::styled(format!(" {legend}⚠ emergency [n] today "), theme.dim()));
    let wide = area.width >= 110;
    let (grid_area, agenda_area) = if wide {
        let [g, a] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(area);
        (g, a)
    } else {
        let grid_h = (6 * 2 + 3).min(area.height.saturating_sub(5));
        let [g, a] = Layout::vertical([Constraint::Length(grid_h), Constraint::Min(4)]).areas(area);
        (g, a)
    };
    let inner = block.inner(grid_area);
    frame.render_widget(block, grid_area);
    grid(state, theme, frame, inner);
    agenda(state, theme, frame, agenda_area);
    if let Some(field) = &cal.goto {
        let r = Rect { x: inner.x, y: inner.y, width: inner.width.min(50), height: 3 };
        frame.render_widget(Clear, r);
        let b = Block::default().borders(Borders::ALL).title(Span::styled(" Go to date ", theme.title()));
        let fi = b.inner(r);
        frame.render_widget(b, r);
        frame.render_widget(field, fi);
    }
    if let Some(view) = &cal.detail {
        detail(view, zone, theme, frame, area);
    }
}

fn grid(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let cal = &state.calendar;
    let start = cal.grid_start();
    let counts: Vec<DayCount> =
        (0..calendar::GRID_DAYS).map(|i| cal.count_of(start + Duration::days(i)).unwrap_or_default()).collect();
    let today = state.today();
    let month = cal.month().month();
    let cell_w = (area.width / 7).max(4);
    let cell_h = (area.height.saturating_sub(1) / 6).max(1);
    for (i, name) in WEEKDAYS.iter().enumerate() {
        let r = Rect { x: area.x + i as u16 * cell_w, y: area.y, width: cell_w, height: 1 };
        frame.render_widget(Paragraph::new(format!(" {name}")).style(theme.header()), r);
    }
    for i in 0..calendar::GRID_DAYS {
        let day = start + Duration::days(i);
        let (row, col) = ((i / 7) as u16, (i % 7) as u16);
        let r = Rect { x: area.x + col * cell_w, y: area.y + 1 + row * cell_h, width: cell_w, height: cell_h };
        if r.bottom() > area.bottom() {
            continue;
        }
        let c = counts[i as usize];
        let mut head = if day == today { format!("[{:>2}]", day.day()) } else { format!(" {:>2} ", day.day()) };
        if c.emergency > 0 {
            head.push_str(&format!("⚠{}", c.emergency));
        }
        let mut style = Style::default();
        if day.month() != month {
            style = style.patch(theme.dim());
        }
        if day == today {
            style = style.patch(theme.title());
        }
        if day == cal.cursor {
            style = style.patch(theme.selected());
        }
        // The column between two cells is used too when the no-shows would not fit without it (the "…"
        // that then ends the cell sets it apart from the next).
        let no_show = format!("{}{}", StatusKind::NoShow.symbol(), c.of(StatusKind::NoShow));
        let mut text_w = cell_w.saturating_sub(1);
        let mut lines = day_lines(&head, &c, text_w.into(), cell_h.into());
        if c.of(StatusKind::NoShow) > 0 && !lines.iter().any(|l| l.contains(&no_show)) {
            text_w = cell_w;
            lines = day_lines(&head, &c, text_w.into(), cell_h.into());
        }
        let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines).style(style), Rect { width: text_w, ..r });
    }
    if cal.pending.is_some() && !cal.covers_grid() {
        let r = Rect { x: area.x, y: area.bottom().saturating_sub(1), width: area.width, height: 1 };
        frame.render_widget(Paragraph::new(" loading appointments…").style(theme.warn()), r);
    }
    if let Some(e) = &cal.error {
        let r = Rect { x: area.x, y: area.bottom().saturating_sub(1), width: area.width, height: 1 };
        frame.render_widget(Paragraph::new(format!(" ✖ {e}")).style(theme.danger()), r);
    }
}

/// The order in which a day's counts give way when its cell cannot show them all: the no-shows and the
/// cancellations last.
const KEEP_FIRST: [StatusKind; 6] = [
    StatusKind::NoShow,
    StatusKind::Cancelled,
    StatusKind::Pending,
    StatusKind::Confirmed,
    StatusKind::Completed,
    StatusKind::Other,
];

/// A day cell's text in `w` columns and `h` rows: the day (with its emergencies), then how many
/// appointments and each status's count. When the cell is too narrow for the full text the labels
/// shorten ("12 appts", then "12"; then no spaces between the counts; then no total), never the counts;
/// only when even that does not fit do counts give way, the no-shows last, and the cell ends in "…".
pub fn day_lines(head: &str, c: &DayCount, w: usize, h: usize) -> Vec<String> {
    let compact: String = head.chars().filter(|&ch| ch != ' ').collect();
    let head = if cells::width(head) <= w { head.to_string() } else { cells::cut(&compact, w).into_owned() };
    let tokens: Vec<(StatusKind, String)> =
        StatusKind::ALL.iter().filter(|k| c.of(**k) > 0).map(|k| (*k, format!("{}{}", k.symbol(), c.of(*k)))).collect();
    if c.total == 0 || tokens.is_empty() {
        return vec![head];
    }
    // What comes before the counts on their first row, in order of preference, the rows they have, and
    // the rows above them.
    let (mut lines, prefixes, seps, rows): (Vec<String>, Vec<String>, &[&str], usize) = match h {
        0 | 1 => (Vec::new(), vec![format!("{head} "), compact.clone()], &[" ", ""], 1),
        2 => (vec![head], vec![format!(" {} ", c.total), " ".to_string(), String::new()], &[""], 1),
        _ => {
            let label = [format!(" {}", plural(c.total as usize, "appt")), format!(" {}", c.total)]
                .into_iter()
                .find(|l| cells::width(l) <= w)
                .unwrap_or_else(|| cells::cut(&c.total.to_string(), w).into_owned());
            (vec![head, label], vec![" ".to_string(), String::new()], &[" ", ""], h - 2)
        }
    };
    let all: Vec<&str> = tokens.iter().map(|(_, t)| t.as_str()).collect();
    for &sep in seps {
        for prefix in &prefixes {
            if let Some(packed) = pack(prefix, &all, sep, w, rows) {
                lines.extend(packed);
                return lines;
            }
        }
    }
    // Not all of them fit: the counts kept first, in their usual order, and "…" for the others.
    let prefix = prefixes.last().map(String::as_str).unwrap_or("");
    for keep in (1..tokens.len()).rev() {
        let kept: Vec<StatusKind> = KEEP_FIRST.iter().copied().filter(|k| c.of(*k) > 0).take(keep).collect();
        let shown: Vec<&str> = tokens.iter().filter(|(k, _)| kept.contains(k)).map(|(_, t)| t.as_str()).collect();
        if let Some(mut packed) = pack(prefix, &shown, "", w.saturating_sub(1), rows) {
            if let Some(last) = packed.last_mut() {
                last.push_str(cells::ELLIPSIS);
            }
            lines.extend(packed);
            return lines;
        }
    }
    // Not even one count beside the "…": only the "…", never a count cut short (a wrong number).
    lines.push(if prefix.is_empty() {
        cells::cut(cells::ELLIPSIS, w).into_owned()
    } else {
        cells::mark_more(Line::raw(prefix.to_string()), w).to_string()
    });
    lines
}

/// `tokens` on at most `rows` lines of `w` columns, `sep` between two on a line, the first line starting
/// with `prefix`: None when they do not fit.
fn pack(prefix: &str, tokens: &[&str], sep: &str, w: usize, rows: usize) -> Option<Vec<String>> {
    let mut lines = vec![prefix.to_string()];
    let mut fresh = true;
    for t in tokens {
        let cur = lines.last_mut()?;
        let joined = if fresh { format!("{cur}{t}") } else { format!("{cur}{sep}{t}") };
        if cells::width(&joined) <= w {
            *cur = joined;
        } else {
            if cells::width(t) > w || lines.len() == rows {
                return None;
            }
            lines.push((*t).to_string());
        }
        fresh = false;
    }
    Some(lines)
}

fn status_span<'a>(a: &Appointment, theme: &Theme) -> Span<'a> {
    let k = a.kind();
    let s = format!("{} {}", k.symbol(), a.status.as_deref().unwrap_or("—"));
    match k {
        StatusKind::Cancelled | StatusKind::NoShow => Span::styled(s, theme.danger()),
        StatusKind::Completed => Span::styled(s, theme.ok()),
        StatusKind::Pending => Span::styled(s, theme.warn()),
        _ => Span::raw(s),
    }
}

fn urgency_text(a: &Appointment) -> String {
    let mut s = String::new();
    if a.emergency == Some(true) {
        s.push_str("⚠ EMERG ");
    }
    if let Some(u) = a.urgency {
        s.push_str(&format!("urg {u:.2}"));
    }
    if let Some(l) = &a.urgency_label {
        s.push_str(l);
    }
    s
}

fn agenda(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let cal = &state.calendar;
    let zone = &state.calls.zone;
    let items = state.calendar_agenda();
    let focus = if cal.agenda_focus { " · tab: back to grid" } else { " · tab/enter: select" };
    // Until the day's rows arrive, its count comes from the grid.
    let n = if cal.day_loaded() { Some(items.len()) } else { cal.count_of(cal.cursor).map(|c| c.total as usize) };
    let title = match n {
        Some(n) => format!(" {} · {} ", cal.cursor.format("%a %-d %b %Y"), plural(n, "appointment")),
        None => format!(" {} ", cal.cursor.format("%a %-d %b %Y")),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()))
        .title_bottom(Span::styled(focus, theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !cal.day_loaded() {
        let msg = match (&cal.day_error, &cal.error) {
            (Some((day, e)), _) if *day == cal.cursor => Line::styled(format!("✖ {e}"), theme.danger()),
            (_, Some(_)) if !cal.covers_grid() => Line::styled("Could not load appointments.", theme.dim()),
            _ => Line::styled("loading appointments…", theme.dim()),
        };
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: false }), inner);
        return;
    }
    if items.is_empty() {
        frame.render_widget(Paragraph::new("No appointments.").style(theme.dim()), inner);
        return;
    }
    let per = if inner.width >= 60 { 1 } else { 2 };
    let visible = (inner.height as usize / per).max(1);
    let first = cal.agenda_sel.saturating_sub(visible - 1);
    let mut lines: Vec<Line> = Vec::new();
    for (i, a) in items.iter().enumerate().skip(first).take(visible) {
        let time = a.local_in(zone).map(|l| l.format("%H:%M").to_string()).unwrap_or_else(|| "--:--".into());
        let dur = a.duration_min.map(|m| format_duration(Some(m * 60))).unwrap_or_else(|| "—".into());
        let who = a.customer.clone().unwrap_or_else(|| "—".into());
        let phone = a.phone.clone().unwrap_or_default();
        let what = a.title.clone().unwrap_or_default();
        let selected = cal.agenda_focus && i == cal.agenda_sel;
        let style = if selected { theme.selected() } else { Style::default() };
        let mut first_line = vec![
            Span::styled(if selected { "▶" } else { " " }, style),
            Span::styled(format!("{time} {dur:>7} "), style),
            status_span(a, theme),
            Span::styled(format!("  {who}"), style),
        ];
        let urg = urgency_text(a);
        if !urg.is_empty() {
            first_line.push(Span::styled(format!("  {urg}"), theme.warn()));
        }
        let odd = a.dst_oddity(zone).map(|o| Span::styled(format!("⚠ {}  ", o.short()), theme.warn()));
        if per == 1 {
            first_line.extend(odd.map(|o| Span::styled(format!("  {}", o.content.trim_end()), o.style)));
            first_line.push(Span::raw(format!("  {phone}  {what}")));
            lines.push(Line::from(first_line));
        } else {
            // Two lines a row: the mark leads the second, so a narrow agenda does not cut it.
            lines.push(Line::from(first_line));
            let mut second = vec![Span::raw("   ")];
            second.extend(odd);
            second.push(Span::styled(format!("{phone}  {what}"), theme.dim()));
            lines.push(Line::from(second));
        }
    }
    let lines: Vec<Line> = lines.into_iter().map(|l| cells::cut_line(l, usize::from(inner.width))).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn detail(view: &ApptView, zone: &OrgZone, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + 1, width: w, height: h };
    frame.render_widget(Clear, r);
    let a = view.detail.as_ref().map(|d| &d.appt).unwrap_or(&view.appt);
    let when = match (a.local_in(zone), a.dst_oddity(zone)) {
        (Some(l), None) => format!("{} ({})", l.format("%a %-d %b %Y %H:%M"), zone.label()),
        (Some(l), Some(odd)) => format!("{} ({}; {})", l.format("%a %-d %b %Y %H:%M"), zone.label(), odd.explain()),
        _ => "no time".to_string(),
    };
    let mut lines = vec![
        Line::from(vec![Span::styled(format!("{:<16}", "When"), theme.key()), Span::raw(when)]),
        Line::from(vec![
            Span::styled(format!("{:<16}", "Duration"), theme.key()),
            Span::raw(a.duration_min.map(|m| format!("{m} min")).unwrap_or_else(|| "—".into())),
        ]),
        Line::from(vec![Span::styled(format!("{:<16}", "Status"), theme.key()), status_span(a, theme)]),
        Line::from(vec![
            Span::styled(format!("{:<16}", "Customer"), theme.key()),
            Span::raw(format!("{}  {}", a.customer.as_deref().unwrap_or("—"), a.phone.as_deref().unwrap_or(""))),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<16}", "Type"), theme.key()),
            Span::raw(a.title.clone().unwrap_or_else(|| "—".into())),
        ]),
    ];
    let urg = urgency_text(a);
    if !urg.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<16}", "Urgency"), theme.key()),
            Span::styled(urg, theme.warn()),
        ]));
    }
    match (&view.detail, &view.error) {
        (_, Some(e)) => lines.push(Line::styled(format!("✖ {e}"), theme.danger())),
        (None, None) => lines.push(Line::styled("loading…", theme.dim())),
        (Some(d), None) => {
            for (k, v) in &d.facts {
                let mut first = true;
                for part in v.split('\n') {
                    let label = if first { cells::pad(k, 15) } else { " ".repeat(15) };
                    lines.push(Line::from(vec![
                        Span::styled(format!("{label} "), theme.key()),
                        Span::raw(part.to_string()),
                    ]));
                    first = false;
                }
            }
        }
    }
    let hint = match view.detail.as_ref().map(|d| d.call.is_some()) {
        Some(true) => " enter: open the call that booked it · esc: close ",
        _ => " esc: close ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Appointment ", theme.title()))
        .title_bottom(Span::styled(hint, theme.key()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), r);
}
