//! On call at every supported size (120×40, 80×24, 60×16) with long numbers and names: who is on call and
//! the number to dial are never cut (the header wraps, the tables drop other columns first), nobody
//! available names the org's emergency phone whole, values of `available_days` that are not day names are
//! flagged in the header and the roster, the platform's own function's answer sits beside the console's
//! pick (agreeing, disagreeing, failed), and ages count from the instant looked at.

mod common;

use chrono::{Duration, NaiveTime, TimeZone, Utc};
use common::model::*;
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::Key;
use switchboard::core::oncall::{At, Contact, Notification, OnCallData, PickedContact, PlatformPick};
use switchboard::core::reducer::update;
use switchboard::core::state::State;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

/// Tuesday 2026-11-24 07:00 UTC: 02:00 in New York.
fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap()
}

fn contact(i: u32, name: &str, phone: &str, days: Option<&[&str]>, hours: Option<(u32, u32)>) -> Contact {
    Contact {
        key: Key::parse(&format!("c0000000-0000-0000-0000-{i:012}")),
        name: name.into(),
        phone: Some(phone.into()),
        email: None,
        role: Some("after-hours emergency dispatcher".into()),
        is_primary: Some(i == 1),
        is_active: Some(true),
        days: days.map(|d| d.iter().map(|s| s.to_string()).collect()),
        hours_start: hours.map(|h| NaiveTime::from_hms_opt(h.0, 0, 0).unwrap()),
        hours_end: hours.map(|h| NaiveTime::from_hms_opt(h.1, 0, 0).unwrap()),
        priority: Some(i as i32),
        escalation_timeout_s: Some(45),
        call: Some(true),
        sms: Some(true),
        email_enabled: Some(true),
    }
}

fn notification(i: u32, contact: &str, status: &str, hours_ago: i64) -> Notification {
    let t = Some(now() - Duration::hours(hours_ago));
    Notification {
        key: Key::parse(&format!("d0000000-0000-0000-0000-{i:012}")),
        created_at: t,
        contact: Some(contact.into()),
        kind: Some("sms".into()),
        urgency: Some("critical".into()),
        message: Some("Burst pipe".into()),
        status: Some(status.into()),
        sent_at: t,
        delivered_at: t,
        acknowledged_at: if status == "acknowledged" { t } else { None },
        call: None,
        call_ref: None,
    }
}

const LONG_NAME: &str = "Maximiliana Bartholomew-Featherstonehaugh";
const LONG_PHONE: &str = "+919876543210";
const FALLBACK: &str = "+919876543210";

/// Someone on call with a long name and number, a long chain behind them.
fn on_call_data() -> OnCallData {
    OnCallData {
        contacts: vec![
            contact(1, LONG_NAME, "+44 20 7946 0958 ext 1234", None, None),
            contact(2, "Dr. Aurelio Benedetto Castellammare", "+39 06 6982 1234", None, None),
            contact(3, "Saoirse Ní Bhriain-Ó Súilleabháin", "+353 1 555 0199", None, None),
        ],
        notifications: vec![
            notification(1, LONG_NAME, "pending", 1),
            notification(2, "Dr. Aurelio Benedetto Castellammare", "acknowledged", 744),
        ],
        fallback_phone: Some(FALLBACK.into()),
        ..OnCallData::default()
    }
}

/// Nobody available at 02:00 on a Tuesday: day people, and a night person whose days are misspelled.
fn nobody_data() -> OnCallData {
    OnCallData {
        contacts: vec![
            contact(1, LONG_NAME, LONG_PHONE, Some(&["Monday", "tues", "SUNDAY", "funday"]), Some((0, 6))),
            contact(2, "Dr. Aurelio Benedetto Castellammare", "+39 06 6982 1234", None, Some((8, 18))),
        ],
        notifications: vec![notification(1, LONG_NAME, "failed", 744)],
        fallback_phone: Some(FALLBACK.into()),
        ..OnCallData::default()
    }
}

fn state(w: u16, h: u16, data: OnCallData) -> State {
    let mut s = calls_state(w, h);
    s.now = now();
    let fx = cmd(&mut s, Command::OnCall);
    let [Effect::LoadOnCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::OnCallLoaded { req: *req, result: Ok(data), ms: 2.0 });
    s
}

fn roster(s: &mut State) {
    for _ in 0..3 {
        cmd(s, Command::Details);
    }
}

/// The screen with its rows joined: a word wrapped onto the next row reads on.
fn joined(screen: &str) -> String {
    screen.lines().map(|l| l.trim_matches('"').trim_matches('│').trim()).collect::<Vec<_>>().join(" ")
}

#[test]
fn who_is_on_call_and_their_number_are_never_cut() {
    for (w, h) in SIZES {
        let mut s = state(w, h, on_call_data());
        let screen = draw(&s);
        let text = joined(&screen);
        for part in LONG_NAME.split(' ').chain("+44 20 7946 0958 ext 1234".split(' ')) {
            assert!(text.contains(part), "{w}x{h}: {part}\n{screen}");
        }
        assert!(text.contains("ON CALL NOW ▶ Maximiliana"), "{w}x{h}\n{screen}");
        // The number is on one row, its spaces no-break ones.
        assert!(screen.contains("+44\u{a0}20\u{a0}7946\u{a0}0958\u{a0}ext\u{a0}1234"), "{w}x{h}\n{screen}");
        // The notifications keep their Contact column.
        assert!(screen.contains("Contact"), "{w}x{h}\n{screen}");
        assert!(screen.contains(LONG_NAME), "{w}x{h}: the contact's name whole\n{screen}");
        insta::assert_snapshot!(format!("oncall_long_{w}x{h}"), screen);
        roster(&mut s);
        let screen = draw(&s);
        // Every name whole (wrapped onto a second row where it must be) and every number on one row, as
        // far as the pane holds rows (60×16: the first, its name on three rows).
        let shown = if h < 20 { 1 } else { 3 };
        for c in &on_call_data().contacts[..shown] {
            assert!(screen.contains(c.phone.as_deref().unwrap()), "{w}x{h}: {:?}\n{screen}", c.phone);
            for part in c.name.split(' ') {
                assert!(screen.contains(part), "{w}x{h}: {part}\n{screen}");
            }
        }
        insta::assert_snapshot!(format!("oncall_long_roster_{w}x{h}"), screen);
    }
}

#[test]
fn nobody_on_call_names_the_fallback_whole_and_says_why() {
    for (w, h) in SIZES {
        let mut s = state(w, h, nobody_data());
        let screen = draw(&s);
        let text = joined(&screen);
        assert!(text.contains("NOBODY IS ON CALL"), "{w}x{h}\n{screen}");
        assert!(screen.contains(FALLBACK), "{w}x{h}: the number to dial, whole\n{screen}");
        assert!(text.contains("'tues' is not a day name: never available on Tuesdays"), "{w}x{h}\n{screen}");
        insta::assert_snapshot!(format!("oncall_nobody_{w}x{h}"), screen);
        roster(&mut s);
        let screen = draw(&s);
        if w >= 120 {
            assert!(screen.contains("⚠'tues'"), "{w}x{h}: flagged in the availability\n{screen}");
        }
        assert!(joined(&screen).contains("Featherstonehaugh ★ ⚠"), "{w}x{h}: flagged in the roster\n{screen}");
        assert!(!screen.contains(" tue "), "{w}x{h}: never shown as if it were a day\n{screen}");
        assert!(joined(&screen).contains("'funday' is not a day name"), "{w}x{h}\n{screen}");
        assert!(screen.contains(LONG_PHONE), "{w}x{h}\n{screen}");
        insta::assert_snapshot!(format!("oncall_nobody_roster_{w}x{h}"), screen);
    }
}

fn pick(contact: Option<&Contact>, error: Option<&str>) -> PlatformPick {
    PlatformPick {
        call: "get_on_call_contact(org, 'high')".into(),
        at: Some(now()),
        contact: contact.map(|c| PickedContact {
            key: Some(c.key.clone()),
            name: Some(c.name.clone()),
            phone: c.phone.clone(),
        }),
        error: error.map(str::to_string),
    }
}

#[test]
fn the_platform_function_beside_the_pick() {
    // Agreeing: the same contact.
    let mut d = on_call_data();
    d.platform_pick = Some(pick(Some(&d.contacts[0]), None));
    let screen = joined(&draw(&state(120, 40, d)));
    assert!(screen.contains("✓ the platform's get_on_call_contact(org, 'high') agrees now: Maximiliana"), "{screen}");
    // Nobody, both ways.
    let mut d = nobody_data();
    d.platform_pick = Some(pick(None, None));
    let screen = joined(&draw(&state(120, 40, d)));
    assert!(screen.contains("agrees now: nobody"), "{screen}");
    // Disagreeing, loudly, at every size.
    for (w, h) in SIZES {
        let mut d = nobody_data();
        d.platform_pick = Some(pick(Some(&d.contacts[0]), None));
        let screen = draw(&state(w, h, d));
        let text = joined(&screen);
        assert!(text.contains("DISAGREEMENT"), "{w}x{h}\n{screen}");
        assert!(text.contains("the console's rules pick nobody"), "{w}x{h}\n{screen}");
        assert!(screen.contains(FALLBACK), "{w}x{h}\n{screen}");
        insta::assert_snapshot!(format!("oncall_disagree_{w}x{h}"), screen);
    }
    // Failed: only its line says so; the rest is there.
    let mut d = on_call_data();
    d.platform_pick = Some(pick(None, Some("boom: the rota service is down")));
    let screen = joined(&draw(&state(120, 40, d)));
    assert!(screen.contains("✖ the platform's get_on_call_contact(org, 'high') failed: boom"), "{screen}");
    assert!(screen.contains("ON CALL NOW ▶ Maximiliana"), "{screen}");
}

#[test]
fn ages_count_from_the_instant_looked_at() {
    let mut s = state(120, 40, on_call_data());
    assert!(draw(&s).contains("31 d ago"), "744 h before now");
    // Looking at 30 days ago: that notification was 1 d old then, the newer one still to come.
    s.oncall.at = Some(At::Instant(now() - Duration::days(30)));
    let screen = draw(&s);
    assert!(screen.contains("1 d ago"), "{screen}");
    assert!(screen.contains("in 29 d"), "{screen}");
    assert!(!screen.contains("31 d ago"), "{screen}");
    // The data's own freshness still counts from the clock.
    assert!(screen.contains("updated 0 s ago"), "{screen}");
}
