//! The status bar (org, dialect, connection, mode, last query time), the message line above it and the key
//! hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::core::keymap::Command;
use crate::core::state::{Conn, Screen, State};
use crate::ui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// What may become of a part of the status bar when the bar is too narrow for all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Always shown (in its shortest form if need be): the mode and the link state.
    Keep,
    /// Dropped whole.
    Drop,
    /// Cut with a trailing "…" when its turn comes, but to no fewer than `MIN_CUT` columns while parts of a
    /// higher rank can still give way (the org's name: cut last but the mode and the link state); dropped
    /// only when the `Keep` parts leave it no room.
    Cut,
    /// Cut with a trailing "…" when its turn comes, dropped when fewer than `MIN_CUT` columns are left.
    Trim,
}

/// One part of the status bar: its texts from the longest to the shortest, its rank (lower ranks give way
/// first) and what may become of it.
#[derive(Debug, Clone)]
pub struct Part {
    pub forms: Vec<String>,
    pub rank: u8,
    pub fit: Fit,
    pub style: Style,
}

impl Part {
    fn new(form: impl Into<String>, rank: u8, fit: Fit, style: Style) -> Part {
        Part { forms: vec![form.into()], rank, fit, style }
    }
}

/// Between two parts.
const SEP: &str = " │ ";

/// Columns of the bar with these texts shown: a leading space, the texts, the separators between them.
fn used(texts: &[Option<String>]) -> usize {
    let shown: Vec<&String> = texts.iter().flatten().collect();
    1 + shown.iter().map(|t| t.width()).sum::<usize>() + SEP.width() * shown.len().saturating_sub(1)
}

/// Which parts fit in `width` columns, and as what: for each part its text, or None when dropped. Lower ranks
/// give way first: each takes its shorter forms, then is dropped (`Drop`), cut with a "…" (`Cut`, `Trim`)
/// or kept (`Keep`). Then, from the highest rank down, each part takes back the longest form (or, cut, the most of
/// itself) that the room left allows, so that nothing is smaller than it needs to be. Only when the `Keep`
/// parts alone are wider than `width` is the result wider.
pub fn fit_parts(parts: &[Part], width: usize) -> Vec<Option<String>> {
    let mut texts: Vec<Option<String>> = parts.iter().map(|p| p.forms.first().cloned()).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|i| parts[*i].rank);
    for &i in &order {
        for f in parts[i].forms.iter().skip(1) {
            if used(&texts) <= width {
                break;
            }
            texts[i] = Some(f.clone());
        }
        let over = used(&texts).saturating_sub(width);
        if over == 0 {
            break;
        }
        texts[i] = match parts[i].fit {
            Fit::Keep => texts[i].take(),
            Fit::Drop => None,
            Fit::Cut => texts[i].take().and_then(|t| cut(&t, t.width().saturating_sub(over).max(MIN_CUT))),
            Fit::Trim => texts[i].take().and_then(|t| cut(&t, t.width().saturating_sub(over))),
        };
    }
    // Still too wide: the cut parts kept at their least give way too, the lowest rank first.
    for &i in &order {
        if used(&texts) <= width {
            break;
        }
        if parts[i].fit == Fit::Cut {
            texts[i] = None;
        }
    }
    for &i in order.iter().rev() {
        let mut without = texts.clone();
        without[i] = None;
        let others = used(&without);
        let room = width.saturating_sub(others + if others > 1 { SEP.width() } else { 0 });
        let best = parts[i].forms.iter().find(|f| f.width() <= room).cloned();
        texts[i] = match (best, parts[i].fit) {
            (Some(f), _) => Some(f),
            (None, Fit::Cut | Fit::Trim) => parts[i].forms.first().and_then(|f| cut(f, room)).or(texts[i].take()),
            (None, _) => texts[i].take(),
        };
    }
    texts
}

/// The fewest columns a cut part is worth showing in (when it is not shorter whole).
const MIN_CUT: usize = 6;

/// `text` cut to `room` columns with a trailing "…"; None when fewer than `MIN_CUT` columns are left.
fn cut(text: &str, room: usize) -> Option<String> {
    if text.width() <= room {
        return Some(text.to_string());
    }
    let c = super::fit(text, room);
    let kept = c.strip_suffix('…').unwrap_or(&c).trim_end();
    (room >= MIN_CUT && !kept.is_empty()).then(|| format!("{kept}…"))
}

/// The parts of the status bar, in their order on screen.
pub fn parts(state: &State, theme: &Theme) -> Vec<Part> {
    let mode = if state.read_only {
        Part::new("RO", 9, Fit::Keep, Style::default())
    } else {
        Part::new("WRITE", 9, Fit::Keep, theme.danger())
    };
    let target = Part { forms: target_forms(&state.target), rank: 0, fit: Fit::Drop, style: theme.dim() };
    if state.link.is_down() {
        let link = &state.link;
        let since = link.down_since.unwrap_or(state.now);
        let secs = (state.now - since).num_seconds().max(0);
        let (retry, short_retry) = match link.next_retry {
            _ if link.pending.is_some() => (format!("retry #{} now…", link.attempt + 1), "retry now…".to_string()),
            Some(t) => {
                let s = ((t - state.now).num_milliseconds().max(0) + 999) / 1000;
                (format!("retry #{} in {s} s", link.attempt + 1), format!("retry in {s} s"))
            }
            None => ("retrying…".to_string(), "retrying…".to_string()),
        };
        let since = since.format("%H:%M:%S");
        let banner = Part {
            forms: vec![
                format!("✖ CONNECTION LOST since {since} UTC ({secs} s) · {retry} · data is stale"),
                format!("✖ CONNECTION LOST since {since} UTC ({secs} s) · {retry} · stale"),
                format!("✖ CONNECTION LOST ({secs} s) · {retry} · data is stale"),
                format!("✖ CONNECTION LOST ({secs} s) · {retry} · stale"),
                format!("✖ LOST {secs} s · {short_retry} · stale"),
            ],
            rank: 8,
            fit: Fit::Keep,
            style: theme.danger(),
        };
        let mut out = vec![banner, mode];
        if let Some(e) = &link.error {
            out.push(Part::new(e.clone(), 1, Fit::Trim, theme.dim()));
        }
        out.push(target);
        return out;
    }
    let org = state.calls.org.as_ref().map(|o| o.name.as_str()).unwrap_or("no organization");
    let mut out = vec![Part::new(org, 6, Fit::Cut, theme.title())];
    match &state.conn {
        Conn::Connecting => out.push(Part::new("○ connecting…", 8, Fit::Keep, theme.warn())),
        Conn::Ready(info) => {
            out.push(Part::new(info.dialect.name(), 4, Fit::Drop, Style::default()));
            out.push(Part::new(format!("PG {}", short_version(&info.server_version)), 3, Fit::Drop, Style::default()));
            out.push(match (info.tls, info.tls_fallback) {
                (true, _) => Part::new("● connected · TLS", 8, Fit::Keep, theme.ok()),
                (false, true) => Part {
                    forms: vec![
                        "● connected · no TLS (prefer fell back)".into(),
                        "● connected · no TLS (fell back)".into(),
                        "● no TLS (fell back)".into(),
                    ],
                    rank: 8,
                    fit: Fit::Keep,
                    style: theme.warn(),
                },
                (false, false) => Part::new("● connected · no TLS", 8, Fit::Keep, theme.ok()),
            });
        }
        Conn::Failed(_) => out.push(Part::new("✖ not connected", 8, Fit::Keep, theme.danger())),
    }
    out.push(mode);
    if let Some(ms) = state.last_query_ms {
        out.push(Part::new(format!("{ms:.1} ms"), 2, Fit::Drop, Style::default()));
    }
    if busy(state) {
        out.push(Part::new("loading…", 7, Fit::Drop, theme.warn()));
    }
    out.push(target);
    out
}

/// Where the console is connected, then without the URL's scheme and user ("db.example.com:5432/app").
fn target_forms(target: &str) -> Vec<String> {
    let mut forms = vec![target.to_string()];
    let short = target.split_once("://").map_or(target, |(_, rest)| rest);
    let short = short.rsplit_once('@').map_or(short, |(_, host)| host);
    if short != target && !short.is_empty() {
        forms.push(short.to_string());
    }
    forms
}

/// The status bar: what fits of the org, the platform, the server, the link, the mode, the last query's time,
/// whether something loads and where the console is connected; the mode and the link state always. While the
/// link is lost, a banner in place of the usual status: since when, the next retry, that what is shown is
/// stale, and why the last attempt failed. Messages have a line of their own above it ([`message_rows`]).
pub fn render_status(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let parts = parts(state, theme);
    let texts = fit_parts(&parts, area.width as usize);
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    for (p, t) in parts.iter().zip(texts) {
        let Some(t) = t else { continue };
        if spans.len() > 1 {
            spans.push(Span::styled(SEP, theme.dim()));
        }
        spans.push(Span::styled(t, p.style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar()), area);
}

/// What ends a message cut at the height of its line, pointing to where it is whole.
pub const MORE: &str = "… (:messages)";

/// The most rows a message takes above the status bar on a screen `height` rows tall.
pub fn message_cap(height: u16) -> usize {
    (height as usize / 8).max(3)
}

/// A message wrapped to `width` columns (one column of inset), on at most `cap` rows: whole when they hold
/// it, else its first rows and [`MORE`] at the end of the last.
pub fn message_rows(message: &str, width: usize, cap: usize) -> Vec<String> {
    let inner = width.saturating_sub(1).max(1);
    let mut rows = crate::core::overlay::wrap(message, inner);
    if rows.len() > cap.max(1) {
        rows.truncate(cap.max(1));
        let last = rows.pop().unwrap_or_default();
        let room = inner.saturating_sub(MORE.width());
        let kept = if last.width() <= room {
            last
        } else {
            let f = super::fit(&last, room + 1);
            f.strip_suffix('…').unwrap_or(&f).to_string()
        };
        rows.push(format!("{}{MORE}", kept.trim_end()));
    }
    rows.into_iter().map(|r| format!(" {r}")).collect()
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
    let hints: Vec<(String, &str)> = if state.messages_view.is_some() {
        vec![
            ("j k".into(), "scroll"),
            ("pgdn pgup".into(), "page"),
            ("g G".into(), "top/end"),
            ("esc q".into(), "close"),
        ]
    } else if state.help {
        let help =
            crate::core::overlay::help(&state.keymap, state.context(), state.width, state.height.saturating_sub(2));
        if help.max_scroll(state.height.saturating_sub(4) as usize) > 0 {
            vec![("j k pgdn pgup g G".into(), "scroll"), ("q".into(), "quit"), ("any other key".into(), "close")]
        } else {
            vec![("q".into(), "quit"), ("any other key".into(), "close")]
        }
    } else if state.text_focus() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str, rank: u8, fit: Fit) -> Part {
        Part::new(text, rank, fit, Style::default())
    }

    /// The bar as drawn: a leading space, the parts shown, separators.
    fn bar(parts: &[Part], width: usize) -> String {
        let shown: Vec<String> = fit_parts(parts, width).into_iter().flatten().collect();
        format!(" {}", shown.join(SEP))
    }

    fn usual(org: &str, mode: &str) -> Vec<Part> {
        vec![
            part(org, 6, Fit::Cut),
            part("serviceai", 4, Fit::Drop),
            part("PG 15.18", 3, Fit::Drop),
            part("● connected · TLS", 8, Fit::Keep),
            part(mode, 9, Fit::Keep),
            part("1.2 ms", 2, Fit::Drop),
            part("postgres://support@db.example.com:5432/platform", 0, Fit::Drop),
        ]
    }

    #[test]
    fn everything_shows_when_it_fits() {
        let p = usual("Acme Plumbing", "RO");
        let all = " Acme Plumbing │ serviceai │ PG 15.18 │ ● connected · TLS │ RO │ 1.2 ms │ \
                   postgres://support@db.example.com:5432/platform";
        assert_eq!(bar(&p, 200), all);
        assert_eq!(bar(&p, all.width()), all);
    }

    #[test]
    fn the_lowest_ranks_go_first_and_whole() {
        let p = usual("Acme Plumbing", "WRITE");
        // One column short of everything: the target goes, whole, and nothing else.
        let all = bar(&p, 200);
        assert_eq!(
            bar(&p, all.width() - 1),
            " Acme Plumbing │ serviceai │ PG 15.18 │ ● connected · TLS │ WRITE │ 1.2 ms"
        );
        assert_eq!(bar(&p, 70), " Acme Plumbing │ serviceai │ PG 15.18 │ ● connected · TLS │ WRITE");
        assert_eq!(bar(&p, 60), " Acme Plumbing │ serviceai │ ● connected · TLS │ WRITE");
        // Then the org is cut, with its mark, and the mode and the link state stay.
        assert_eq!(bar(&p, 40), " Acme Plumb… │ ● connected · TLS │ WRITE");
    }

    #[test]
    fn a_255_character_org_name_is_cut_with_a_mark_and_the_mode_and_link_stay() {
        let long = "Acme Plumbing & Heating of the Greater Springfield Area ".repeat(5);
        let long = &long[..255];
        for mode in ["RO", "WRITE"] {
            for width in [60, 80, 120, 160] {
                let b = bar(&usual(long, mode), width);
                assert!(b.width() <= width, "{width}: {b}");
                assert!(b.ends_with(&format!("● connected · TLS │ {mode}")), "{width}: {b}");
                let org = b.trim_start().split(SEP).next().unwrap();
                assert!(org.ends_with('…') && org.starts_with("Acme Plumbing"), "{width}: {b}");
                // The org takes all the room left: the bar is full to the column.
                assert!(b.width() >= width - 1, "{width}: {b}");
            }
        }
    }

    #[test]
    fn the_org_outranks_loading_and_the_link_states_longer_forms() {
        let long = "Acme Plumbing & Heating of the Greater Springfield Area ".repeat(5);
        let link = Part {
            forms: vec!["● connected · no TLS (prefer fell back)".into(), "● connected · no TLS (fell back)".into()],
            rank: 8,
            fit: Fit::Keep,
            style: Style::default(),
        };
        let p = vec![part(&long, 6, Fit::Cut), link, part("WRITE", 9, Fit::Keep), part("loading…", 7, Fit::Drop)];
        assert_eq!(bar(&p, 60), " Acme Plu… │ ● connected · no TLS (prefer fell back) │ WRITE");
        assert_eq!(bar(&p, 52), " Acme Pl… │ ● connected · no TLS (fell back) │ WRITE");
        // Narrower still: the name goes, the mode and the link state stay.
        assert_eq!(bar(&p, 44), " ● connected · no TLS (fell back) │ WRITE");
    }

    #[test]
    fn wide_characters_are_counted_in_columns() {
        let org = "東京デンタル 🦷 ".repeat(20);
        for width in [60, 61, 80] {
            let b = bar(&usual(&org, "RO"), width);
            assert!(b.width() <= width, "{width}: {b} is {} wide", b.width());
            assert!(b.contains("…") && b.ends_with("│ RO"), "{b}");
        }
    }

    #[test]
    fn kept_parts_take_their_shorter_forms_and_the_rest_comes_back_into_the_room_left() {
        let banner = Part {
            forms: vec![
                "✖ CONNECTION LOST since 14:02:11 UTC (35 s) · retry #4 in 3 s · data is stale".into(),
                "✖ CONNECTION LOST since 14:02:11 UTC (35 s) · retry #4 in 3 s · stale".into(),
                "✖ CONNECTION LOST (35 s) · retry #4 in 3 s · data is stale".into(),
                "✖ CONNECTION LOST (35 s) · retry #4 in 3 s · stale".into(),
                "✖ LOST 35 s · retry in 3 s · stale".into(),
            ],
            rank: 8,
            fit: Fit::Keep,
            style: Style::default(),
        };
        let p = vec![
            banner,
            part("RO", 9, Fit::Keep),
            part("cannot reach the database server: Connection refused (os error 111)", 1, Fit::Trim),
            part("demo", 0, Fit::Drop),
        ];
        let b = bar(&p, 60);
        assert_eq!(b, " ✖ CONNECTION LOST (35 s) · retry #4 in 3 s · stale │ RO");
        // Too little room for the reason to say anything: dropped rather than cut to a letter.
        assert_eq!(bar(&p, 80), " ✖ CONNECTION LOST since 14:02:11 UTC (35 s) · retry #4 in 3 s · stale │ RO");
        let b = bar(&p, 100);
        assert!(b.starts_with(" ✖ CONNECTION LOST since 14:02:11 UTC (35 s) · retry #4 in 3 s · data is stale"), "{b}");
        assert!(b.contains("│ RO │ cannot reach") && b.ends_with('…') && b.width() <= 100, "{b}");
        let b = bar(&p, 120);
        assert!(b.starts_with(" ✖ CONNECTION LOST since 14:02:11"), "{b}");
        assert!(b.contains("│ RO │ cannot reach the database") && b.width() <= 120, "{b}");
        // Narrower than the kept parts' shortest forms: only they, the bar then wider than asked.
        assert_eq!(bar(&p, 20), " ✖ LOST 35 s · retry in 3 s · stale │ RO");
    }

    #[test]
    fn a_message_wraps_whole_or_ends_with_where_to_read_it_whole() {
        let msg = "saved to /home/someone/exports/acme-plumbing/calls-2026-01-15-page-1-status-failed.csv (30 rows)";
        let rows = message_rows(msg, 60, 3);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows.iter().all(|r| r.width() <= 60 && r.starts_with(' ')));
        let joined: String = rows.iter().map(|r| r.trim()).collect();
        assert_eq!(
            joined.replace(' ', ""),
            msg.replace(' ', ""),
            "every character is there, only spaces became breaks"
        );
        assert_eq!(message_rows(msg, 120, 3).len(), 1);
        let long = "matches 4 organizations: ".to_string() + &"Acme Plumbing & Heating, ".repeat(12);
        let rows = message_rows(&long, 60, 3);
        assert_eq!(rows.len(), 3);
        assert!(rows[2].ends_with(MORE) && rows.iter().all(|r| r.width() <= 60), "{rows:?}");
        assert_eq!(message_rows("end of the list", 60, 3), vec![" end of the list"]);
        assert_eq!((message_cap(16), message_cap(24), message_cap(40)), (3, 3, 5));
    }
}
