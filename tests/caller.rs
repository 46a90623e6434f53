//! The caller view without a database: what `C` looks up on each screen, the timeline's keys, opening a
//! call from it and coming back, and snapshots at 120×40 and 80×24.

mod common;

use chrono::{TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::caller::{
    CallerHistory, CallerQuery, Country, Event, EventKind, NameMatch, OtherOrg, Record, parse_phone,
};
use switchboard::core::effect::{Effect, SaveWhat};
use switchboard::core::keymap::Command;
use switchboard::core::model::{Anchor, Key};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};

/// The call list of the first org, at a fixed "now".
fn calls_state(w: u16, h: u16) -> State {
    let mut s = common::model::calls_state(w, h);
    s.now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    s
}

fn at(d: u32, h: u32, m: u32) -> Option<chrono::DateTime<Utc>> {
    Some(Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap())
}

fn event(kind: EventKind, id: u32, when: Option<chrono::DateTime<Utc>>, status: &str, call: Option<u32>) -> Event {
    Event {
        kind,
        key: Key::parse(&format!("c0000000-0000-0000-0000-{id:012}")),
        at: when,
        title: Some(match kind {
            EventKind::Call => "Ava".to_string(),
            EventKind::Appointment => "cleaning".to_string(),
            EventKind::Sms => "confirmation · appointment_confirmation".to_string(),
            EventKind::Transfer => "to +15550100001".to_string(),
            EventKind::Notification => "sms high to Dana".to_string(),
        }),
        status: Some(status.to_string()),
        direction: (kind == EventKind::Sms).then(|| "outbound".to_string()),
        duration_s: (kind == EventKind::Call).then_some(185),
        detail: Some(format!("{} detail with 東京 and مرحبا", kind.word())),
        call: call.map(|c| Key::parse(&format!("10000000-0000-0000-0000-{c:012}"))),
        // What the platform's SQL decides; a completed or transferred call reached someone here.
        connected: (kind == EventKind::Call).then(|| ["completed", "transferred"].contains(&status)),
    }
}

fn history() -> CallerHistory {
    let mut h = CallerHistory {
        phone: Some(parse_phone("(415) 555-0123", &[Country::org("US").unwrap()]).unwrap()),
        records: vec![
            Record {
                kind: "customer".into(),
                key: Key::parse("c1000000-0000-0000-0000-000000000001"),
                name: Some("María García".into()),
                phone: Some("+14155550123".into()),
                facts: vec![("Email".into(), "maria@example.com".into()), ("Notes".into(), "prefers mornings".into())],
            },
            Record {
                kind: "customer".into(),
                key: Key::parse("c1000000-0000-0000-0000-000000000002"),
                name: Some("M. Garcia".into()),
                phone: Some("(415) 555-0123".into()),
                facts: vec![],
            },
        ],
        events: vec![
            event(
                EventKind::Appointment,
                1,
                Some(Utc.with_ymd_and_hms(2026, 12, 1, 14, 0, 0).unwrap()),
                "pending",
                None,
            ),
            event(EventKind::Appointment, 2, at(8, 7, 30), "confirmed", Some(1)),
            event(EventKind::Notification, 3, at(8, 7, 1), "pending", Some(2)),
            event(EventKind::Call, 4, at(8, 7, 0), "failed", Some(2)),
            event(EventKind::Sms, 5, at(6, 15, 6), "delivered", None),
            event(EventKind::Call, 6, at(6, 15, 0), "completed", Some(1)),
            event(EventKind::Appointment, 7, at(2, 14, 0), "no_show", None),
            event(EventKind::Call, 8, None, "completed", Some(3)),
        ],
        other_orgs: Some(vec![OtherOrg {
            key: Key::parse(common::ORG_B),
            name: "Bright Smiles Dental".into(),
            records: 1,
        }]),
        notes: vec![],
        truncated: false,
        matches: vec![],
    };
    h.notes.push(h.phone.as_ref().unwrap().note.clone().unwrap());
    h.sort();
    h
}

/// The call list, `C` on the selected call, and its history loaded.
fn caller_state(w: u16, h: u16) -> State {
    let mut s = calls_state(w, h);
    let fx = cmd(&mut s, Command::Caller);
    let Effect::LoadCaller { req, query, cross_org, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(query, CallerQuery::Phone(s.calls.page.rows[0].phone.clone().unwrap()));
    assert!(cross_org);
    update(&mut s, Action::CallerLoaded { req, result: Ok(history()), ms: 4.0 });
    s
}

#[test]
fn c_on_the_call_list_looks_up_the_selected_callers_number() {
    let mut s = caller_state(120, 40);
    assert_eq!(s.screen, Screen::Caller);
    assert_eq!(s.caller.rows(), 8);
    // The selection moves along the timeline, clamped.
    cmd(&mut s, Command::Bottom);
    assert_eq!(s.caller.selected, 7);
    cmd(&mut s, Command::Down);
    assert_eq!(s.caller.selected, 7);
    cmd(&mut s, Command::Top);
    // The upcoming appointment has no call: Enter says so.
    assert!(cmd(&mut s, Command::Open).is_empty());
    assert!(s.message.as_deref().unwrap().contains("no call is linked"));
    // The notification opens its call; Back comes back to the caller.
    cmd(&mut s, Command::Down);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCall { call, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(call.to_string(), "10000000-0000-0000-0000-000000000002");
    assert_eq!(s.screen, Screen::Call);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Caller);
    assert_eq!(s.caller.selected, 2, "the selection is kept");
    // y copies the number in E.164; S saves the history as JSON.
    let fx = cmd(&mut s, Command::Copy);
    assert!(matches!(&fx[0], Effect::Copy { text, .. } if text == "+14155550123"));
    let fx = cmd(&mut s, Command::SaveJson);
    assert!(matches!(&fx[0], Effect::Save(SaveWhat::Caller { .. })));
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calls);
}

#[test]
fn a_late_answer_to_a_replaced_lookup_is_dropped_and_errors_keep_the_last_history() {
    let mut s = caller_state(120, 40);
    let fx = cmd(&mut s, Command::Refresh);
    let Effect::LoadCaller { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallerLoaded { req: req - 1, result: Err("late".into()), ms: 1.0 });
    assert_eq!(s.caller.error, None);
    update(&mut s, Action::CallerLoaded { req, result: Err("the server is gone".into()), ms: 1.0 });
    assert_eq!(s.caller.error.as_deref(), Some("the server is gone"));
    assert_eq!(s.caller.rows(), 8, "the last history stays on screen");
    assert!(draw(&s).contains("the server is gone"));
}

#[test]
fn the_command_line_looks_up_a_number_or_a_name_and_needs_an_org() {
    let mut s = connected(120, 40);
    cmd(&mut s, Command::CommandLine);
    for c in "caller +1 415 555 0123".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert!(fx.is_empty());
    assert!(s.message.as_deref().unwrap().contains("choose an organization first"));

    let mut s = calls_state(120, 40);
    cmd(&mut s, Command::CommandLine);
    for c in "caller garcía".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCaller { req, query, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(query, CallerQuery::Name("garcía".into()));
    // Several people: Enter opens the chosen one's number.
    let matches = vec![
        NameMatch {
            name: "María García".into(),
            stored: Some("+14155550123".into()),
            number: Some("+14155550123".into()),
        },
        NameMatch { name: "Mario Garcia".into(), stored: Some("unknown".into()), number: None },
    ];
    update(&mut s, Action::CallerLoaded { req, result: Ok(CallerHistory { matches, ..Default::default() }), ms: 1.0 });
    insta::assert_snapshot!("caller_matches_120x40", draw(&s));
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCaller { query, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(query, &CallerQuery::Phone("+14155550123".into()));
}

#[test]
fn c_on_a_notification_looks_up_the_caller_of_its_call() {
    use switchboard::core::oncall::{Notification, OnCallData};
    let mut s = calls_state(120, 40);
    let fx = cmd(&mut s, Command::OnCall);
    let Some(Effect::LoadOnCall { req, .. }) = fx.into_iter().find(|e| matches!(e, Effect::LoadOnCall { .. })) else {
        panic!()
    };
    let n = Notification {
        key: Key::parse("c6000000-0000-0000-0000-000000000001"),
        created_at: at(8, 7, 1),
        contact: Some("Dana".into()),
        kind: Some("sms".into()),
        urgency: Some("high".into()),
        message: Some("flooded basement".into()),
        status: Some("pending".into()),
        sent_at: None,
        delivered_at: None,
        acknowledged_at: None,
        call: Some(Key::parse("10000000-0000-0000-0000-000000000009")),
        call_ref: None,
    };
    let data = OnCallData { notifications: vec![n], ..Default::default() };
    update(&mut s, Action::OnCallLoaded { req, result: Ok(data), ms: 1.0 });
    let fx = cmd(&mut s, Command::Caller);
    let Effect::LoadCaller { query, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(query, &CallerQuery::Call(Key::parse("10000000-0000-0000-0000-000000000009")));
    assert_eq!(s.caller.back, Screen::OnCall);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = caller_state(w, h);
        insta::assert_snapshot!(format!("caller_{w}x{h}"), draw(&s));
        cmd(&mut s, Command::Down);
        cmd(&mut s, Command::Down);
        insta::assert_snapshot!(format!("caller_selected_{w}x{h}"), draw(&s));
    }
}

#[test]
fn a_number_typed_in_the_org_switcher_finds_its_orgs_then_opens_the_caller_there() {
    let mut s = connected(120, 40);
    s.now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    for c in "+1 415 555 0123".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    assert!(draw(&s).contains("enter: find the orgs that have this number on record"));
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::FindCallerOrgs { req, number, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(number, "+1 415 555 0123");
    let found = vec![
        OtherOrg { key: org(2, "", None).key, name: "Bright Smiles Dental".into(), records: 3 },
        OtherOrg { key: org(4, "", None).key, name: "Kolkata Cooling Co".into(), records: 1 },
    ];
    update(&mut s, Action::CallerOrgsFound { req, number: "+14155550123".into(), result: Ok(found), ms: 2.0 });
    assert_eq!(s.orgs.matches, vec![1, 3]);
    insta::assert_snapshot!("caller_orgs_found_120x40", draw(&s));
    update(&mut s, Action::Input(Input { key: TKey::Down, ..Default::default() }));
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadCalls { .. })), "{fx:?}");
    let Some(Effect::LoadCaller { query, org: o, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadCaller { .. }))
    else {
        panic!("{fx:?}")
    };
    assert_eq!(query, &CallerQuery::Phone("+14155550123".into()));
    assert_eq!(o, &org(4, "", None).key);
    assert_eq!(s.screen, Screen::Caller);
    assert_eq!(s.caller.back, Screen::Calls);

    // Typing again filters org names again; nobody with the number is said so.
    let mut s = connected(120, 40);
    for c in "0044 20 7946 0958".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::FindCallerOrgs { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallerOrgsFound { req, number: "+442079460958".into(), result: Ok(vec![]), ms: 2.0 });
    assert_eq!(s.message.as_deref(), Some("no organization has +442079460958 on record"));
    assert_eq!(s.orgs.caller, None);
    // A pasted org id is an org, not a number.
    let mut s = connected(120, 40);
    for c in "00000000-0000-0000-0000-000000000002".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert!(fx.iter().all(|e| !matches!(e, Effect::FindCallerOrgs { .. })), "{fx:?}");
}

#[test]
fn a_profile_limited_to_one_org_lists_only_it_opens_it_and_never_looks_across_orgs() {
    use switchboard::core::board::BoardRow;
    use switchboard::core::keymap::Keymap;
    use switchboard::core::reducer::init;
    let mut s = State::new("postgres://desk@db.example.com/platform", true, Keymap::default());
    s.limit_to_org(Some("Bright Smiles Dental".into()));
    update(&mut s, Action::Resize { width: 120, height: 40 });
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 1.0 });
    let req = s.orgs.pending.unwrap();
    let orgs = vec![org(1, "Acme Plumbing", None), org(2, "Bright Smiles Dental", Some("America/Chicago"))];
    let fx = update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs.clone()), ms: 1.0 });
    assert_eq!(s.orgs.all.len(), 1);
    assert_eq!(s.screen, Screen::Calls, "the one org opens at once");
    let Effect::LoadCalls { req, limit, org: o, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(o, orgs[1].key);
    update(
        &mut s,
        Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, limit as u32, false, true)), ms: 1.0 },
    );
    let fx = cmd(&mut s, Command::Caller);
    let Effect::LoadCaller { cross_org, .. } = &fx[0] else { panic!("{fx:?}") };
    assert!(!cross_org, "a limited profile does not look across orgs");
    // The board keeps only the org's row.
    let fx = cmd(&mut s, Command::Board);
    let Some(Effect::LoadBoard { req, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadBoard { .. })).cloned() else {
        panic!("{fx:?}")
    };
    let row = |o: &switchboard::core::model::Org| BoardRow {
        key: o.key.clone(),
        name: o.name.clone(),
        status: None,
        calls_24h: 1,
        failed_24h: 0,
        calls_7d: 1,
        failed_7d: 0,
        open_emergencies: None,
        last_call: switchboard::core::board::LastCall::Never,
        figures_unread: None,
    };
    update(&mut s, Action::BoardLoaded { req, result: Ok(orgs.iter().map(row).collect()), ms: 1.0, partial: false });
    assert_eq!(s.board.rows.len(), 1);
    assert_eq!(s.board.rows[0].key, orgs[1].key);

    // An org the database does not have: said, nothing listed.
    let mut s = State::new("postgres://desk@db.example.com/platform", true, Keymap::default());
    s.limit_to_org(Some("Nowhere Inc".into()));
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 1.0 });
    let req = s.orgs.pending.unwrap();
    update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs), ms: 1.0 });
    assert!(s.orgs.all.is_empty());
    assert!(s.orgs.error.as_deref().unwrap().contains("limited to the org \"Nowhere Inc\""));
}

#[test]
fn c_on_the_calendar_looks_up_the_selected_appointments_number_and_comes_back() {
    use switchboard::core::calendar::{Appointment, DayCount};
    let mut s = calls_state(120, 40);
    let fx = cmd(&mut s, Command::Calendar);
    let Some(Effect::LoadMonth { req, from, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadMonth { .. })).cloned()
    else {
        panic!("{fx:?}")
    };
    // One appointment on every day of the grid, so that the cursor's day is read.
    let counts = vec![DayCount { total: 1, by_kind: [0, 1, 0, 0, 0, 0], emergency: 0 }; 42];
    let fx = update(&mut s, Action::MonthLoaded { req, from, result: Ok(counts), ms: 1.0 });
    let Some(Effect::LoadDay { req, day, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadDay { .. })).cloned()
    else {
        panic!("{fx:?}")
    };
    let appt = Appointment {
        key: Key::parse("c3000000-0000-0000-0000-000000000001"),
        at: None,
        local: day.and_hms_opt(9, 30, 0),
        duration_min: Some(60),
        customer: Some("María García".into()),
        phone: Some("+1 415 555 0123".into()),
        title: Some("cleaning".into()),
        status: Some("confirmed".into()),
        urgency: None,
        urgency_label: None,
        emergency: None,
    };
    update(&mut s, Action::DayLoaded { req, day, result: Ok(vec![appt]), ms: 1.0 });
    let fx = cmd(&mut s, Command::Caller);
    let Effect::LoadCaller { query, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(query, &CallerQuery::Phone("+1 415 555 0123".into()));
    assert_eq!(s.screen, Screen::Caller);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calendar);
}
