//! The status bar (org, dialect, connection, mode, last query time, message) and the key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::core::keymap::Command;
use crate::core::state::{Conn, Screen, State};
use crate::ui::theme::Theme;

pub fn render_status(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    if state.link.is_down() {
        return render_link_lost(state, theme, frame, area);
    }
    let mut spans: Vec<Span> = Vec::new();
    let sep = || Span::styled(" │ ", theme.dim());
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("no organization");
    spans.push(Span::styled(format!(" {org}"), theme.title()));
    spans.push(sep());
    match &state.conn {
        Conn::Connecting => spans.push(Span::styled("○ connecting…", theme.warn())),
        Conn::Ready(info) => {
            spans.push(Span::raw(info.dialect.name()));
            spans.push(sep());
            spans.push(Span::styled("● connected", theme.ok()));
            spans.push(Span::raw(format!(" PG {}", short_version(&info.server_version))));
            spans.push(match (info.tls, info.tls_fallback) {
                (true, _) => Span::raw(" · TLS"),
                (false, true) => Span::styled(" · no TLS (prefer fell back)", theme.warn()),
                (false, false) => Span::raw(" · no TLS"),
            });
        }
        Conn::Failed(_) => spans.push(Span::styled("✖ not connected", theme.danger())),
    }
    spans.push(sep());
    if state.read_only {
        spans.push(Span::raw("RO"));
    } else {
        spans.push(Span::styled("WRITE", theme.danger()));
    }
    if let Some(ms) = state.last_query_ms {
        spans.push(sep());
        spans.push(Span::raw(format!("{ms:.1} ms")));
    }
    if busy(state) {
        spans.push(sep());
        spans.push(Span::styled("loading…", theme.warn()));
    }
    if let Some(msg) = &state.message {
        spans.push(sep());
        spans.push(Span::styled(msg.clone(), theme.warn()));
    }
    spans.push(sep());
    spans.push(Span::styled(state.target.clone(), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar()), area);
}

/// The banner of a lost database link, on every screen, in place of the usual status: since when, the next
/// retry, that what is shown is stale, and why the last attempt failed.
fn render_link_lost(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let link = &state.link;
    let since = link.down_since.unwrap_or(state.now);
    let secs = (state.now - since).num_seconds().max(0);
    let retry = match link.next_retry {
        _ if link.pending.is_some() => format!("retry #{} now…", link.attempt + 1),
        Some(t) => {
            let ms = (t - state.now).num_milliseconds().max(0);
            format!("retry #{} in {} s", link.attempt + 1, (ms + 999) / 1000)
        }
        None => "retrying…".to_string(),
    };
    let sep = || Span::styled(" │ ", theme.dim());
    let mut spans = vec![
        Span::styled(
            format!(" ✖ CONNECTION LOST since {} UTC ({secs} s) · {retry} · data is stale", since.format("%H:%M:%S")),
            theme.danger(),
        ),
        sep(),
        if state.read_only { Span::raw("RO") } else { Span::styled("WRITE", theme.danger()) },
    ];
    if let Some(msg) = &state.message {
        spans.push(sep());
        spans.push(Span::styled(msg.clone(), theme.warn()));
    }
    if let Some(e) = &link.error {
        spans.push(sep());
        spans.push(Span::styled(e.clone(), theme.dim()));
    }
    spans.push(sep());
    spans.push(Span::styled(state.target.clone(), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar()), area);
}

fn busy(state: &State) -> bool {
    state.orgs.pending.is_some()
        || state.calls.pending.is_some()
        || state.call.as_ref().is_some_and(|c| c.pending.is_some())
        || state.calendar.pending.is_some()
        || state.oncall.pending.is_some()
        || state.profile.pending.is_some()
        || state.board.pending.is_some()
        || state.overview.pending.is_some()
        || state.conn == Conn::Connecting
}

fn short_version(v: &str) -> &str {
    v.split_whitespace().next().unwrap_or(v)
}

pub fn render_footer(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let hints: Vec<(String, &str)> = if state.text_focus() {
        match state.screen {
            _ if state.cmdline.is_some() => vec![],
            Screen::Orgs => vec![
                ("type".into(), "filter"),
                ("↑↓".into(), "select"),
                ("enter".into(), "open"),
                ("tab".into(), "board"),
                ("esc".into(), "back"),
                ("ctrl-c".into(), "quit"),
            ],
            Screen::Calendar => vec![("type".into(), "a date"), ("enter".into(), "go"), ("esc".into(), "cancel")],
            Screen::OnCall => vec![("type".into(), "a time"), ("enter".into(), "look"), ("esc".into(), "cancel")],
            Screen::Profile => {
                vec![("type".into(), "the org's name"), ("enter".into(), "confirm"), ("esc".into(), "cancel")]
            }
            Screen::Calls => vec![("type".into(), "a filter"), ("enter".into(), "apply"), ("esc".into(), "cancel")],
            Screen::Board => vec![("type".into(), "words"), ("enter".into(), "keep"), ("esc".into(), "close")],
            Screen::Overview => vec![("type".into(), "from..to"), ("enter".into(), "count"), ("esc".into(), "cancel")],
            _ => vec![("type".into(), "search"), ("enter".into(), "done"), ("esc".into(), "cancel")],
        }
    } else {
        let ctx = state.context();
        let cmds: &[Command] = match state.screen {
            Screen::Calls => &[
                Command::Down,
                Command::PageDown,
                Command::Top,
                Command::Open,
                Command::Orgs,
                Command::Help,
                Command::Quit,
            ],
            Screen::Call => &[
                Command::Down,
                Command::PageDown,
                Command::Search,
                Command::NextMatch,
                Command::Back,
                Command::Help,
                Command::Quit,
            ],
            Screen::Orgs => &[Command::Help, Command::Quit],
            Screen::Profile => &[Command::Down, Command::PageDown, Command::SetStatus, Command::Back, Command::Help],
            Screen::Board => {
                &[Command::Down, Command::Open, Command::Filter, Command::Refresh, Command::Back, Command::Help]
            }
            Screen::Overview => &[Command::Filter, Command::GoTo, Command::Refresh, Command::Back, Command::Help],
            Screen::Caller => {
                &[Command::Down, Command::Open, Command::Copy, Command::SaveJson, Command::Back, Command::Help]
            }
            Screen::OnCall => &[
                Command::Down,
                Command::Details,
                Command::Open,
                Command::Acknowledge,
                Command::Filter,
                Command::SetTime,
                Command::Back,
                Command::Help,
            ],
            Screen::Calendar => &[
                Command::Right,
                Command::Down,
                Command::NextMonth,
                Command::Today,
                Command::GoTo,
                Command::Details,
                Command::Open,
                Command::Back,
                Command::Help,
            ],
        };
        cmds.iter().filter_map(|c| state.keymap.key_for(ctx, *c).map(|k| (k.to_string(), c.hint()))).collect()
    };
    let mut spans = Vec::new();
    for (k, what) in hints {
        spans.push(Span::styled(format!(" {k}"), theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
