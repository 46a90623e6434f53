//! On call's header: who is on call now (or nobody, and the number to dial instead), the chain, the day
//! names that are not days and the platform's own pick; wrapped, never cut, the number whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::core::oncall;
use crate::core::state::{OnCallPane, State};
use crate::core::time::OrgZone;
use crate::core::time::ago;
use crate::ui::theme::Theme;

const CHAIN_UNREADABLE: &str = "⚠ The escalation chain cannot be read here: ";

/// A header line and how much it matters: when the header cannot hold every line, the least important
/// go first (they are in the roster too). `MUST` lines are never dropped.
struct HeadLine {
    spans: Vec<Span<'static>>,
    keep: u8,
}

const MUST: u8 = u8::MAX;

/// A number to dial as one word: its spaces become no-break spaces, so that wrapping never splits it.
fn whole(number: &str) -> String {
    number.replace(' ', "\u{a0}")
}

fn head(keep: u8, spans: Vec<Span<'static>>) -> HeadLine {
    HeadLine { spans, keep }
}

/// `spans` as one paragraph wrapped at `width` columns between words (a word wider than the line is
/// broken, never cut), styles kept: the rows as drawn, so that the header's height is exact.
fn wrap_spans(spans: &[Span<'static>], width: usize) -> Vec<Line<'static>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let mut bounds = Vec::with_capacity(spans.len());
    let mut at = 0usize;
    for s in spans {
        bounds.push((at, at + s.content.len(), s.style));
        at += s.content.len();
    }
    crate::core::transcript::wrap_paragraph(&text, width.max(1))
        .into_iter()
        .map(|(a, b)| {
            let parts: Vec<Span<'static>> = bounds
                .iter()
                .filter(|(s, e, _)| *e > a && *s < b)
                .map(|(s, e, style)| Span::styled(text[(*s).max(a)..(*e).min(b)].to_string(), *style))
                .collect();
            Line::from(parts)
        })
        .collect()
}

/// The header's rows at `width`: every line wrapped, never cut; when they are more than `max_rows`, the
/// least important lines are left out (never who is on call, the number to dial or the instant).
pub(super) fn header_rows(
    state: &State,
    zone: &OrgZone,
    theme: &Theme,
    width: usize,
    max_rows: usize,
) -> Vec<Line<'static>> {
    let mut lines = header_lines(state, zone, theme, width);
    loop {
        let rows: usize = lines.iter().map(|l| wrap_spans(&l.spans, width).len()).sum();
        let weakest =
            lines.iter().enumerate().filter(|(_, l)| l.keep != MUST).min_by_key(|(i, l)| (l.keep, usize::MAX - i));
        match weakest {
            Some((i, _)) if rows > max_rows => {
                lines.remove(i);
            }
            _ => break,
        }
    }
    lines.iter().flat_map(|l| wrap_spans(&l.spans, width)).collect()
}

fn header_lines(state: &State, zone: &OrgZone, theme: &Theme, width: usize) -> Vec<HeadLine> {
    let oc = &state.oncall;
    let local = state.oncall_local();
    let mut lines: Vec<HeadLine> = Vec::new();
    match &oc.data {
        None => lines.push(head(
            MUST,
            vec![Span::styled(
                if oc.error.is_some() { "On-call data could not be read." } else { "Loading the on-call roster…" },
                theme.dim(),
            )],
        )),
        Some(d) if d.unavailable("chain").is_some() => {
            // Without the contacts nobody can say who is on call: never "nobody is on call".
            lines.push(head(
                MUST,
                vec![Span::styled(
                    format!("{CHAIN_UNREADABLE}{}", d.unavailable("chain").unwrap_or_default()),
                    theme.danger(),
                )],
            ));
            lines.push(head(
                MUST,
                vec![Span::raw(format!(
                    "the org's emergency phone: {}",
                    d.fallback_phone.as_deref().map(whole).unwrap_or_else(|| "(none recorded)".into())
                ))],
            ));
            lines.extend(platform_line(state, d, zone, theme));
        }
        Some(d) => {
            let chain = oncall::chain(&d.contacts, local);
            match chain.first() {
                Some(first) => {
                    let c = &first.contact;
                    // The name and the number to dial first: a narrow terminal wraps what follows.
                    lines.push(head(
                        MUST,
                        vec![
                            Span::styled("ON CALL NOW ▶ ", theme.ok()),
                            Span::styled(c.name.clone(), theme.title()),
                            Span::raw(" "),
                            Span::styled(
                                c.phone.as_deref().map(whole).unwrap_or_else(|| "(no phone)".into()),
                                theme.title(),
                            ),
                            Span::raw(format!(
                                " · {} · {} · priority {}",
                                c.role.as_deref().unwrap_or("—"),
                                c.channels(),
                                c.priority.map(|p| p.to_string()).unwrap_or_else(|| "—".into())
                            )),
                        ],
                    ));
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
                        d.fallback_phone.as_deref().map(whole).unwrap_or_else(|| "(none set)".into())
                    ));
                    lines.push(head(3, vec![Span::raw(format!("then: {}", next.join(" → ")))]));
                    lines.extend(day_lines(state, d, theme, 1));
                }
                None => {
                    lines.push(head(
                        MUST,
                        vec![
                            Span::styled(
                                "⚠ NOBODY IS ON CALL at this time — fallback: the org's emergency phone ",
                                theme.danger(),
                            ),
                            Span::styled(
                                d.fallback_phone.as_deref().map(whole).unwrap_or_else(|| "(NONE SET)".into()),
                                theme.danger(),
                            ),
                        ],
                    ));
                    let active = d.contacts.iter().filter(|c| c.is_active == Some(true)).count();
                    if oc.pane != OnCallPane::Roster {
                        lines.push(head(
                            2,
                            vec![Span::raw(format!(
                                "{active} active contacts, none available now (see the roster: tab)"
                            ))],
                        ));
                    }
                    // Why nobody is: a day that is not a day name first.
                    lines.extend(day_lines(state, d, theme, 4));
                }
            }
            lines.extend(platform_line(state, d, zone, theme));
        }
    }
    // Narrow terminals: the date without its year, so that the line still fits on one row.
    let day = if width < 70 { "%a %m-%d %H:%M" } else { "%a %Y-%m-%d %H:%M" };
    let at = match oc.at {
        Some(_) => format!("at {} {} (i: change, 'now' to follow the clock)", local.format(day), zone.label()),
        None => format!("now: {} {}", local.format(day), zone.label()),
    };
    let fresh = match (&oc.error, oc.last_ok) {
        (Some(e), Some(t)) => Span::styled(format!(" · STALE: last good {} ({e})", ago(t, state.now)), theme.danger()),
        (Some(e), None) => Span::styled(format!(" · ✖ {e}"), theme.danger()),
        (None, Some(t)) => Span::styled(format!(" · updated {}", ago(t, state.now)), theme.dim()),
        (None, None) => Span::raw(""),
    };
    lines.push(head(MUST, vec![Span::raw(at), fresh]));
    lines
}

/// The active contacts' values of `available_days` that are not day names, one line each (the first
/// matters as much as `keep`, the others less); inactive contacts are in the roster. None over the
/// roster pane, whose notes give them all.
fn day_lines(state: &State, d: &oncall::OnCallData, theme: &Theme, keep: u8) -> Vec<HeadLine> {
    if state.oncall.pane == OnCallPane::Roster {
        return Vec::new();
    }
    d.contacts
        .iter()
        .filter(|c| c.is_active == Some(true))
        .flat_map(|c| {
            c.day_issues()
                .into_iter()
                .map(move |i| format!("⚠ {}: {}", c.name, i.note.replace(": this contact is", ":")))
        })
        .enumerate()
        .map(|(i, text)| head(if i == 0 { keep } else { 1 }, vec![Span::styled(text, theme.warn())]))
        .collect()
}

/// The platform's own function's answer for now, beside the console's pick: agreeing, disagreeing
/// (loudly), or failed (only this line).
fn platform_line(state: &State, d: &oncall::OnCallData, zone: &OrgZone, theme: &Theme) -> Option<HeadLine> {
    let p = d.platform_pick.as_ref()?;
    let who = |c: Option<&oncall::PickedContact>| match c {
        Some(c) => format!(
            "{}{}",
            c.name.as_deref().unwrap_or("(no name)"),
            c.phone.as_deref().map(|p| format!(" {}", whole(p))).unwrap_or_default()
        ),
        None => "nobody".to_string(),
    };
    let now = if state.oncall.at.is_some() { " for now (not the instant looked at)" } else { " now" };
    if let Some(e) = &p.error {
        return Some(head(2, vec![Span::styled(format!("✖ the platform's {} failed: {e}", p.call), theme.warn())]));
    }
    let theirs = who(p.contact.as_ref());
    Some(match p.verdict(d, zone) {
        Some(v) if v.agrees => {
            head(2, vec![Span::styled(format!("✓ the platform's {} agrees{now}: {theirs}", p.call), theme.dim())])
        }
        // A disagreement is never left out.
        Some(v) => head(
            MUST,
            vec![Span::styled(
                format!(
                    "⚠ DISAGREEMENT: the platform's {} says {theirs}{now}; the console's rules pick {}",
                    p.call,
                    v.console.as_deref().unwrap_or("nobody")
                ),
                theme.danger(),
            )],
        ),
        None => head(2, vec![Span::raw(format!("the platform's {} says{now}: {theirs}", p.call))]),
    })
}

pub(super) fn header(org: &str, theme: &Theme, frame: &mut Frame, area: Rect, rows: Vec<Line<'static>>) {
    let block = Block::default().borders(Borders::ALL).title(Span::styled(format!(" {org} · on call "), theme.title()));
    frame.render_widget(Paragraph::new(rows).block(block), area);
}
