//! Model values for tests that need no database.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use switchboard::core::action::Action;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::{CallDetail, CallRow, DbInfo, Dialect, Key, Org, Page};
use switchboard::core::reducer::{init, update};
use switchboard::core::state::State;

pub fn org(i: u32, name: &str, tz: Option<&str>) -> Org {
    Org {
        key: Key::parse(&format!("00000000-0000-0000-0000-{i:012}")),
        name: name.to_string(),
        industry: Some("plumbing".to_string()),
        status: None,
        slug: None,
        timezone: tz.map(str::to_string),
    }
}

pub fn row(i: u32) -> CallRow {
    CallRow {
        key: Key::parse(&format!("10000000-0000-0000-0000-{i:012}")),
        created_at: Some(
            Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap() - chrono::Duration::minutes(i as i64 * 7),
        ),
        direction: None,
        phone: Some(format!("+1415555{:04}", i % 10000)),
        status: Some(if i.is_multiple_of(5) { "failed" } else { "completed" }.to_string()),
        duration_s: if i.is_multiple_of(4) { None } else { Some(30 + i as i32 * 11) },
        emergency: Some(i.is_multiple_of(9)),
        urgency: if i.is_multiple_of(3) { None } else { Some((i % 10) as f64 / 10.0) },
        urgency_label: None,
        assistant: Some("Ava".to_string()),
        caller: None,
        language: Some("en".to_string()),
    }
}

pub fn page(from: u32, n: u32, has_before: bool, has_after: bool) -> Page {
    Page { rows: (from..from + n).map(row).collect(), has_before, has_after }
}

pub const TRANSCRIPT: &str = "AI: Thank you for calling Acme Plumbing, this is Ava. How can I help?\n\
Customer: Hi, my kitchen pipe burst and water is everywhere. It's an emergency.\n\
AI: I'm sorry to hear that. First, please turn off the main water valve if you can reach it safely.\n\
Customer: Okay, I did it. The pipe is still dripping though.\n\
AI: Thank you. I can send a technician within the hour. May I have your address?\n\
Customer: 42 Wallaby Way, Springfield.\n\
AI: A technician will be there by 3:30 pm. You'll get a text confirmation shortly.\n\
Customer: Thank you so much!";

pub fn detail(i: u32) -> CallDetail {
    CallDetail {
        row: row(i),
        external_id: Some(format!("vapi-call-{i}")),
        updated_at: None,
        summary: Some("Burst kitchen pipe; technician dispatched for 3:30 pm.".to_string()),
        transcript: Some(TRANSCRIPT.to_string()),
        facts: vec![("Language".into(), "en".into()), ("Tools used".into(), "book_appointment, transfer_call".into())],
        not_recorded: Vec::new(),
    }
}

pub fn info() -> DbInfo {
    DbInfo {
        role: "support".to_string(),
        row_security: Vec::new(),
        board_not_recorded: Vec::new(),
        caps: switchboard::data::dialects::platform(Dialect::ServiceAi).caps(),
        server_version: "15.18".into(),
        dialect: Dialect::ServiceAi,
        detection_note: None,
        tls: false,
        tls_fallback: false,
    }
}

/// A console connected, with orgs loaded, at the given size.
pub fn connected(width: u16, height: u16) -> State {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Keymap::default());
    update(&mut s, Action::Resize { width, height });
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    let req = s.orgs.pending.expect("orgs requested after detection");
    let orgs = vec![
        org(1, "Acme Plumbing", Some("America/New_York")),
        org(2, "Bright Smiles Dental", Some("America/Chicago")),
        org(3, "Clínica San José", Some("America/Los_Angeles")),
        org(4, "Kolkata Cooling Co", Some("Asia/Kolkata")),
        org(5, "No Zone Roofing", None),
    ];
    update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs), ms: 1.5 });
    s
}

pub fn cmd(s: &mut State, c: Command) -> Vec<switchboard::core::effect::Effect> {
    update(s, Action::Command(c))
}

/// The whole screen drawn on ratatui's `TestBackend` with the ANSI theme, as text.
pub fn draw(s: &State) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| switchboard::ui::views::render(s, &switchboard::ui::theme::Theme::from_name("ansi"), f)).unwrap();
    t.backend().to_string()
}

/// `connected`, then "acme" typed in the switcher and its first page of calls loaded.
pub fn calls_state(w: u16, h: u16) -> State {
    use ratatui_textarea::{Input, Key as TKey};
    let mut s = connected(w, h);
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let switchboard::core::effect::Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!("{fx:?}") };
    let page = page(0, limit as u32, false, true);
    let anchor = switchboard::core::model::Anchor::First;
    update(&mut s, Action::CallsLoaded { req, anchor, result: Ok(page), ms: 1.25 });
    s
}
