//! Cut text always ends in "…", and columns without data give their width away: the call list per platform,
//! the org switcher, the caller's matches, a call's header, the calendar's day cells and the profile's
//! columns, with long values (a phone with its extension, "not_connected", 40-character agent ids, CJK and
//! emoji names) at 120×40, 80×24 and 60×16. No database.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::calendar::{DayCount, StatusKind};
use switchboard::core::effect::Effect;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::{Anchor, CallRow, Dialect, Org, Page};
use switchboard::core::profile::{OrgProfile, ProfileSection};
use switchboard::core::reducer::{init, update};
use switchboard::core::state::{Conn, State};
use switchboard::data::dialects::{platform, selects};
use switchboard::ui::cells::{ELLIPSIS, width};
use switchboard::ui::views::calendar::day_lines;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];
const PHONE_EXT: &str = "+1 415-555-0100 ext. 2345";
const AGENT_ID: &str = "agent_6d7c9b1a2f3e4d5c6b7a8f9e0d1c2b3a4f";

fn type_text(s: &mut State, text: &str) -> Vec<Effect> {
    for c in text.chars() {
        update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }))
}

/// `connected`, as the platform `d` (its caps, so its columns).
fn connected_as(d: Dialect, w: u16, h: u16) -> State {
    let mut s = connected(w, h);
    if let Conn::Ready(info) = &mut s.conn {
        info.dialect = d;
        info.caps = platform(d).caps();
    }
    s
}

/// One call row with what platform `d` records, and long values where it records them.
fn long_row(d: Dialect, i: u32) -> CallRow {
    let mut r = row(i);
    let caps = platform(d).caps().calls;
    r.phone = Some(if i.is_multiple_of(2) { PHONE_EXT.to_string() } else { format!("+1415555{i:04}") });
    r.status = Some(["not_connected", "ended", "error", "registered"][i as usize % 4].to_string());
    r.direction = caps.direction.then(|| if i.is_multiple_of(3) { "outbound" } else { "inbound" }.to_string());
    let (emergency, urgency, label) = match d {
        Dialect::ServiceAi => (Some(i.is_multiple_of(5)), Some(f64::from(i % 10) / 10.0), None),
        Dialect::Voxanne => (Some(i.is_multiple_of(4)), None, Some(["critical", "high", "low"][i as usize % 3].into())),
        Dialect::Quinite => (None, None, i.is_multiple_of(2).then(|| "transferred".to_string())),
        _ => (None, None, None),
    };
    (r.emergency, r.urgency, r.urgency_label) = (emergency, urgency, label);
    r.caller =
        caps.caller.then(|| ["山田太郎 (東京都港区)", "María José 🎉 Ortega-Núñez", "Lee"][i as usize % 3].to_string());
    r.language = caps.language.then(|| ["en-US", "pt-BR", "ja"][i as usize % 3].to_string());
    r.assistant =
        caps.agent.then(|| if i.is_multiple_of(2) { AGENT_ID.to_string() } else { "Ava 🤖 front desk".into() });
    r
}

/// The call list of Acme on platform `d`, its page of long rows.
fn calls_as(d: Dialect, w: u16, h: u16) -> State {
    let mut s = connected_as(d, w, h);
    let fx = type_text(&mut s, "acme");
    let Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!("{fx:?}") };
    let rows = (0..limit as u32).map(|i| long_row(d, i)).collect();
    let page = Page { rows, has_before: false, has_after: true };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page), ms: 1.0 });
    s
}

/// The drawn screen as its lines (each a quoted string in `draw`'s output).
fn screen_lines(s: &State) -> Vec<String> {
    draw(s).lines().map(|l| l.split('"').nth(1).unwrap_or("").to_string()).collect()
}

/// Whether `line` holds `value` whole, or a start of it (whole characters) followed by "…".
fn whole_or_marked(line: &str, value: &str) -> bool {
    if line.contains(value) {
        return true;
    }
    value.char_indices().skip(1).any(|(i, _)| line.contains(&format!("{}{ELLIPSIS}", value[..i].trim_end())))
}

#[test]
fn the_platform_says_which_columns_its_calls_have() {
    // The Flag column exists where the call-list statement selects an emergency, score or label.
    let flag = |d| platform(d).caps().calls.flag;
    assert!(!flag(Dialect::Retell) && !flag(Dialect::Prisma));
    assert!(flag(Dialect::ServiceAi) && flag(Dialect::Voxanne) && flag(Dialect::Quinite));
    assert!(!platform(Dialect::Voxanne).caps().calls.agent);
    assert!(platform(Dialect::Retell).caps().calls.agent && platform(Dialect::Retell).caps().calls.direction);
    // Each answer agrees with the statement itself.
    for &d in Dialect::ALL {
        let sql = platform(d).sql.calls.select;
        let c = platform(d).caps().calls;
        assert_eq!(c.agent, !sql.contains("NULL::text AS assistant"), "{d}");
        assert_eq!(c.language, !sql.contains("NULL::text AS language"), "{d}");
        assert_eq!(c.caller, !sql.contains("NULL::text AS caller"), "{d}");
    }
    assert!(selects("SELECT {c.x?text} AS urgency_label, NULL::float8 AS urgency FROM t", "urgency_label"));
    assert!(!selects("SELECT {c.x?text} AS urgency_label, NULL::float8 AS urgency FROM t", "urgency"));
    assert!(selects("SELECT CASE WHEN {c.t?bool} THEN 'x' END AS urgency_label FROM t", "urgency_label"));
    assert!(!selects("SELECT 1 AS other FROM t", "urgency"));
}

#[test]
fn call_lists_per_platform() {
    for &d in Dialect::ALL {
        let caps = platform(d).caps().calls;
        for (w, h) in SIZES {
            let s = calls_as(d, w, h);
            let lines = screen_lines(&s);
            insta::assert_snapshot!(format!("calls_{d}_{w}x{h}"), draw(&s));
            let header = &lines[1];
            // A column the platform does not record is not drawn at all.
            assert_eq!(header.contains("Flag"), caps.flag, "{d} {w}: {header}");
            // (At 60 columns the agent gives way first: its header may be cut to "A…".)
            assert_eq!(header.contains("Agent") || header.contains(" A…"), caps.agent, "{d} {w}: {header}");
            // Every value is whole or visibly cut.
            for (k, r) in s.calls.page.rows.iter().enumerate().take(lines.len().saturating_sub(5)) {
                let line = &lines[2 + k];
                for v in [r.phone.as_deref(), r.status.as_deref(), r.assistant.as_deref()].into_iter().flatten() {
                    assert!(whole_or_marked(line, v), "{d} {w}x{h}: {v:?} neither whole nor cut with … in {line:?}");
                }
            }
            // Wide enough, the phone's extension and "not_connected" are whole: at 80 columns where the
            // platform records no flag, whose width goes to them.
            if w >= 120 || (w >= 80 && !caps.flag) {
                assert!(lines.iter().any(|l| l.contains(PHONE_EXT)), "{d} {w}: the extension is cut");
                assert!(lines.iter().any(|l| l.contains("not_connected")), "{d} {w}");
            }
            // Where the flag is not recorded (Retell), its width lets a 40-character agent id show whole.
            if w >= 120 && caps.agent && !caps.caller && !caps.flag {
                assert!(lines.iter().any(|l| l.contains(AGENT_ID)), "{d} {w}: the agent id is cut");
            }
        }
    }
}

#[test]
fn the_org_switcher_with_long_cjk_and_emoji_names() {
    let names = [
        "株式会社東京配管サービス・港区本社営業所",
        "🔧🚿 Plumbing Heroes 🦸 of the Greater Springfield Area",
        "שירותי אינסטלציה תל אביב",
        "Acme Plumbing",
    ];
    for (w, h) in SIZES {
        let orgs: Vec<Org> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut o = org(i as u32 + 1, n, Some("America/Argentina/ComodRivadavia"));
                o.industry = Some("residential & commercial plumbing".into());
                o
            })
            .collect();
        let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Keymap::default());
        update(&mut s, Action::Resize { width: w, height: h });
        init(&mut s);
        update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
        let req = s.orgs.pending.expect("orgs requested after detection");
        update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs.clone()), ms: 1.5 });
        insta::assert_snapshot!(format!("orgs_long_{w}x{h}"), draw(&s));
        let lines = screen_lines(&s);
        for o in &orgs {
            let line = lines.iter().find(|l| l.contains(&o.name[..o.name.char_indices().nth(4).map_or(0, |x| x.0)]));
            let line = line.unwrap_or_else(|| panic!("{} not listed at {w}", o.name));
            assert!(whole_or_marked(line, &o.name), "{w}: {line}");
            for l in &lines {
                assert!(width(l) <= w as usize, "{l}");
            }
        }
    }
}

#[test]
fn a_calls_header_with_a_long_number_and_status() {
    for (w, h) in SIZES {
        let mut s = calls_as(Dialect::Retell, w, h);
        let fx = cmd(&mut s, Command::Open);
        let Some(Effect::LoadCall { req, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadCall { .. })).cloned()
        else {
            panic!("{fx:?}")
        };
        let mut d = detail(0);
        d.row = long_row(Dialect::Retell, 0);
        d.summary = Some("The caller 山田太郎 asked about a leak 🚰 under the sink, ".repeat(12));
        update(&mut s, Action::CallLoaded { req, result: Ok(Some(d)), ms: 1.0 });
        insta::assert_snapshot!(format!("call_header_{w}x{h}"), draw(&s));
        let lines = screen_lines(&s);
        // The header's facts: the number whole, the summary's last row ending in "…".
        assert!(lines.iter().take(7).any(|l| l.contains(PHONE_EXT)), "{w}: {lines:#?}");
        assert!(lines.iter().take(7).any(|l| l.contains("not_connected")), "{w}");
        let last_summary = lines.iter().take(6).rev().find(|l| !l.trim_matches(|c| c == '│' || c == ' ').is_empty());
        assert!(
            last_summary.is_some_and(|l| l.trim_end_matches(['│', ' ']).ends_with(ELLIPSIS)),
            "{w}: {last_summary:?}"
        );
    }
}

fn day(total_each: u32, emergency: u32) -> DayCount {
    let mut c = DayCount::default();
    for k in StatusKind::ALL {
        c.add(k, total_each, 0);
    }
    c.emergency = emergency;
    c
}

#[test]
fn a_day_cell_never_hides_its_no_shows() {
    for each in [1, 12, 345] {
        let c = day(each, 3);
        let no_show = format!("{}{each}", StatusKind::NoShow.symbol());
        for w in 0..16usize {
            for h in 1..5usize {
                let lines = day_lines("[10]⚠3", &c, w, h);
                assert!(lines.len() <= h.max(1), "{w}x{h}: {lines:?}");
                for l in &lines {
                    assert!(width(l) <= w, "{w}x{h}: {l:?} too wide");
                }
                let text = lines.join("\n");
                // Whenever the cell can hold the count beside a "…", it shows it.
                // (A cell of one row holds the day and its emergencies before it: "[10]⚠3".)
                if (h > 1 && w > width(&no_show)) || w > width("[10]⚠3") + width(&no_show) {
                    assert!(text.contains(&no_show), "{each} at {w}x{h}: {lines:?}");
                }
                // A count is shown whole or not at all: never a number cut short.
                for k in StatusKind::ALL {
                    for (at, _) in text.match_indices(k.symbol()) {
                        let digits: String =
                            text[at + k.symbol().len_utf8()..].chars().take_while(char::is_ascii_digit).collect();
                        assert!(digits.is_empty() || digits == each.to_string(), "{each} at {w}x{h}: {lines:?}");
                    }
                }
                // Counts left out are marked.
                let shown = StatusKind::ALL.iter().filter(|k| text.contains(&format!("{}{each}", k.symbol()))).count();
                if shown < StatusKind::ALL.len() && w > 0 {
                    assert!(text.contains(ELLIPSIS), "{each} at {w}x{h}: {lines:?}");
                }
            }
        }
    }
    // Room for everything: the full labels.
    assert_eq!(day_lines(" 10 ", &day(1, 0), 30, 3), [" 10 ", " 6 appts", " ○1 ●1 ✓1 ✗1 ⊘1 ·1"]);
    // Narrower: the labels shorten before any count goes.
    assert_eq!(day_lines(" 10 ", &day(1, 0), 13, 3), [" 10 ", " 6 appts", " ○1●1✓1✗1⊘1·1"]);
    assert_eq!(day_lines(" 10 ", &day(1, 0), 8, 3), [" 10 ", " 6 appts", "○1✗1⊘1…"]);
}

fn on_calendar_with(w: u16, h: u16, counts: Vec<DayCount>) -> State {
    let mut s = connected(w, h);
    s.now = Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap();
    let fx = type_text(&mut s, "acme");
    let Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!() };
    update(
        &mut s,
        Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, limit as u32, false, true)), ms: 1.0 },
    );
    let fx = cmd(&mut s, Command::Calendar);
    let Some(Effect::LoadMonth { req, from, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadMonth { .. })).cloned()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(from, NaiveDate::from_ymd_opt(2026, 2, 23).unwrap());
    let fx = update(&mut s, Action::MonthLoaded { req, from, result: Ok(counts), ms: 1.0 });
    if let Some(Effect::LoadDay { req, day, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadDay { .. })).cloned() {
        update(&mut s, Action::DayLoaded { req, day, result: Ok(Vec::new()), ms: 1.0 });
    }
    s
}

#[test]
fn calendar_days_full_of_appointments() {
    // Every day of the grid has every status, double-digit counts and emergencies.
    let counts: Vec<DayCount> = (0..42).map(|i| day(10 + i % 5, i % 3)).collect();
    for (w, h) in SIZES {
        let s = on_calendar_with(w, h, counts.clone());
        insta::assert_snapshot!(format!("calendar_full_{w}x{h}"), draw(&s));
        // Every one of the 42 day cells shows its no-shows, whole.
        let text = draw(&s);
        let whole = (10..15).map(|each| text.matches(&format!("⊘{each}")).count()).sum::<usize>();
        assert_eq!(whole, 42, "{w}x{h}: {text}");
    }
}

fn prisma_profile() -> OrgProfile {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let columns = ["Name", "Type", "Status", "Caller", "STT", "LLM", "TTS / voice", "Number", "Calls", "Success"];
    OrgProfile {
        sections: vec![ProfileSection {
            title: "Agents".into(),
            columns: strings(&columns),
            rows: vec![
                strings(&[
                    "Front desk (English) 🤖",
                    "inbound",
                    "active",
                    "human",
                    "deepgram nova-2",
                    "openai gpt-4o-mini",
                    "elevenlabs rachel",
                    PHONE_EXT,
                    "1234",
                    "97.5%",
                ]),
                strings(&[
                    "受付エージェント（日本語）",
                    "outbound",
                    "paused",
                    "ai",
                    "google chirp-2",
                    "anthropic claude-3-5-sonnet",
                    "azure ja-JP-NanamiNeural",
                    "+81 3-1234-5678",
                    "56",
                    "not a number (NaN)",
                ]),
            ],
            ..Default::default()
        }],
        status: Some("active".into()),
    }
}

#[test]
fn prisma_profile_agents_show_every_column() {
    for (w, h) in SIZES {
        let mut s = connected_as(Dialect::Prisma, w, h);
        let fx = type_text(&mut s, "acme");
        let Effect::LoadCalls { req, .. } = fx[0].clone() else { panic!() };
        update(
            &mut s,
            Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 3, false, false)), ms: 1.0 },
        );
        let fx = cmd(&mut s, Command::Profile);
        let [Effect::LoadProfile { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
        update(&mut s, Action::ProfileLoaded { req: *req, result: Ok(Some(prisma_profile())), ms: 1.0 });
        insta::assert_snapshot!(format!("profile_prisma_agents_{w}x{h}"), draw(&s));
        let lines = screen_lines(&s);
        let p = prisma_profile();
        let sec = &p.sections[0];
        let header = lines.iter().find(|l| l.contains("Name")).expect("the header");
        // The last column is there, whole or cut, at every size.
        assert!(whole_or_marked(header, "Success") || header.contains("S…"), "{w}: {header}");
        for (k, r) in sec.rows.iter().enumerate() {
            let line = &lines[lines.iter().position(|l| l.contains("Name")).unwrap() + 1 + k];
            for v in r {
                assert!(whole_or_marked(line, v) || line.contains(ELLIPSIS), "{w}: {v} in {line}");
            }
            if w >= 120 {
                assert!(line.contains(&r[9]) || line.contains(ELLIPSIS), "{w}: {line}");
            }
        }
    }
}
