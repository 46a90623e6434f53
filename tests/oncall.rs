//! The on-call view without a database: refresh, stale data, panes, acknowledge only in write mode after
//! a yes, and snapshots.

mod common;

use chrono::{Duration, NaiveTime, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::{Anchor, Key};
use switchboard::core::oncall::{Contact, Notification, OnCallData, Transfer};
use switchboard::core::reducer::update;
use switchboard::core::state::{OnCallPane, Screen, State};

fn contact(i: u32, name: &str, prio: i32, days: Option<&[&str]>, hours: Option<(u32, u32)>, primary: bool) -> Contact {
    Contact {
        key: Key::parse(&format!("c0000000-0000-0000-0000-{i:012}")),
        name: name.into(),
        phone: Some(format!("+1555000{i:04}")),
        email: None,
        role: Some(["dispatcher", "technician", "owner"][i as usize % 3].into()),
        is_primary: Some(primary),
        is_active: Some(i != 9),
        days: days.map(|d| d.iter().map(|s| s.to_string()).collect()),
        hours_start: hours.map(|h| NaiveTime::from_hms_opt(h.0, 0, 0).unwrap()),
        hours_end: hours.map(|h| NaiveTime::from_hms_opt(h.1, 0, 0).unwrap()),
        priority: Some(prio),
        escalation_timeout_s: Some(30 + i as i32 * 15),
        call: Some(true),
        sms: Some(i.is_multiple_of(2)),
        email_enabled: Some(false),
    }
}

fn data() -> OnCallData {
    let t = |h: i64| Some(Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap() - Duration::hours(h));
    let n = |i: u32, status: &str, urgency: &str, h: i64| Notification {
        key: Key::parse(&format!("d0000000-0000-0000-0000-{i:012}")),
        created_at: t(h),
        contact: Some("Night Nick".into()),
        kind: Some(["sms", "call", "email"][i as usize % 3].into()),
        urgency: Some(urgency.into()),
        message: Some(format!("Emergency {i}: burst pipe reported\nCaller waiting on the line")),
        status: Some(status.into()),
        sent_at: if status == "pending" { None } else { t(h) },
        delivered_at: if status == "delivered" || status == "acknowledged" { t(h) } else { None },
        acknowledged_at: if status == "acknowledged" { t(h - 1) } else { None },
        call: (i == 1).then(|| Key::parse("10000000-0000-0000-0000-000000000003")),
        call_ref: None,
    };
    OnCallData {
        contacts: vec![
            contact(
                1,
                "Day Dana",
                1,
                Some(&["monday", "tuesday", "wednesday", "thursday", "friday"]),
                Some((8, 18)),
                false,
            ),
            contact(
                2,
                "Night Nick",
                1,
                Some(&["monday", "tuesday", "wednesday", "thursday", "friday"]),
                Some((22, 6)),
                false,
            ),
            contact(3, "Weekend Wes", 2, Some(&["saturday", "sunday"]), None, true),
            contact(4, "Backup Bea", 2, Some(&["saturday", "sunday"]), None, false),
            contact(9, "Retired Rita", 1, None, None, false),
        ],
        notifications: vec![
            n(1, "pending", "critical", 1),
            n(2, "failed", "high", 3),
            n(3, "delivered", "high", 5),
            n(4, "acknowledged", "low", 30),
        ],
        transfers: vec![Transfer {
            key: Key::parse("e0000000-0000-0000-0000-000000000001"),
            created_at: t(2),
            customer: Some("Jane Roe".into()),
            reason: Some("gas smell".into()),
            urgency: Some("critical".into()),
            to: Some("+15550001234".into()),
            status: Some("connected".into()),
            connected_at: t(2),
            completed_at: None,
            summary: None,
            call: Some(Key::parse("10000000-0000-0000-0000-000000000004")),
            call_ref: None,
        }],
        urgent_calls: vec![row(9), row(18)],
        fallback_phone: Some("+15550009999".into()),
        transfer_to: None,
        ..OnCallData::default()
    }
}

/// Acme's on-call view at Tuesday 2026-11-24 07:00 UTC = 02:00 in New York (Monday's night window).
fn on_call(w: u16, h: u16, read_only: bool) -> State {
    on_call_with(w, h, read_only, data())
}

fn on_call_with(w: u16, h: u16, read_only: bool, data: OnCallData) -> State {
    let mut s = connected(w, h);
    s.read_only = read_only;
    s.now = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCalls { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 5, false, false)), ms: 1.0 });
    let fx = cmd(&mut s, Command::OnCall);
    let [Effect::LoadOnCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::OnCallLoaded { req: *req, result: Ok(data), ms: 2.0 });
    s
}

#[test]
fn it_refreshes_itself_and_keeps_stale_data_when_the_database_is_gone() {
    let mut s = on_call(120, 40, true);
    assert_eq!(s.screen, Screen::OnCall);
    assert!(update(&mut s, Action::Tick).is_empty(), "fresh data: no refresh yet");
    s.now += Duration::seconds(31);
    let fx = update(&mut s, Action::Tick);
    let [Effect::LoadOnCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert!(update(&mut s, Action::Tick).is_empty(), "one refresh at a time");
    update(&mut s, Action::OnCallLoaded { req: *req, result: Err("cannot reach the database server".into()), ms: 1.0 });
    assert!(s.oncall.data.is_some(), "the last data stays");
    let screen = draw(&s);
    assert!(screen.contains("STALE: last good 31 s ago"), "{screen}");
    s.now += Duration::seconds(31);
    let fx = update(&mut s, Action::Tick);
    let [Effect::LoadOnCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::OnCallLoaded { req: *req, result: Ok(data()), ms: 1.0 });
    assert!(!draw(&s).contains("STALE"));
}

#[test]
fn acknowledging_needs_write_mode_and_a_yes() {
    let mut s = on_call(120, 40, true);
    assert!(cmd(&mut s, Command::Acknowledge).is_empty());
    assert!(s.message.as_deref().unwrap().contains("--write"));
    let mut s = on_call(120, 40, false);
    assert!(cmd(&mut s, Command::Acknowledge).is_empty());
    assert!(s.oncall.confirm.is_some());
    assert!(draw(&s).contains("Acknowledge this notification?"));
    // Anything but y cancels.
    assert!(cmd(&mut s, Command::Down).is_empty());
    assert!(s.oncall.confirm.is_none());
    assert_eq!(s.oncall.sel, 0);
    cmd(&mut s, Command::Acknowledge);
    let fx = cmd(&mut s, Command::Yes);
    let [Effect::Acknowledge { req, notification, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(notification, &Key::parse("d0000000-0000-0000-0000-000000000001"));
    let fx = update(&mut s, Action::Acknowledged { req: *req, result: Ok(()), ms: 1.0 });
    assert!(matches!(fx.as_slice(), [Effect::LoadOnCall { .. }]), "reloads to show the outcome");
    assert_eq!(s.message.as_deref(), Some("✓ acknowledged"));
    // A refusal from the database is shown.
    cmd(&mut s, Command::Acknowledge);
    let fx = cmd(&mut s, Command::Yes);
    let [Effect::Acknowledge { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::Acknowledged { req: *req, result: Err("permission denied: no UPDATE".into()), ms: 1.0 });
    assert!(s.message.as_deref().unwrap().contains("not acknowledged: permission denied"));
}

#[test]
fn panes_filter_detail_and_linked_calls() {
    let mut s = on_call(120, 40, true);
    cmd(&mut s, Command::Filter);
    assert_eq!(s.oncall.notifications().len(), 1, "pending only");
    cmd(&mut s, Command::Filter);
    assert_eq!(s.oncall.notifications()[0].status.as_deref(), Some("failed"));
    for _ in 0..4 {
        cmd(&mut s, Command::Filter);
    }
    assert_eq!(s.oncall.notifications().len(), 4, "back to all");
    cmd(&mut s, Command::Open);
    assert!(s.oncall.detail.is_some());
    assert!(draw(&s).contains("Caller waiting on the line"));
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCall { call, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(call, &Key::parse("10000000-0000-0000-0000-000000000003"));
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::OnCall);
    cmd(&mut s, Command::Details);
    assert_eq!(s.oncall.pane, OnCallPane::Transfers);
    let fx = cmd(&mut s, Command::Open);
    assert!(matches!(fx.as_slice(), [Effect::LoadCall { .. }]));
}

/// A notification or a transfer naming a call that is not in the database says so with the id it names; one
/// naming none says no call is linked.
#[test]
fn a_row_whose_call_is_missing_names_the_id() {
    for (pane_steps, what) in [(0, "notification"), (1, "transfer")] {
        for named in [Some("vapi-gone-\u{1b}[31m7"), None] {
            let mut s = on_call(120, 40, true);
            let d = s.oncall.data.as_mut().unwrap();
            d.notifications.iter_mut().for_each(|n| (n.call, n.call_ref) = (None, named.map(String::from)));
            d.transfers.iter_mut().for_each(|t| (t.call, t.call_ref) = (None, named.map(String::from)));
            for _ in 0..pane_steps {
                cmd(&mut s, Command::Details);
            }
            cmd(&mut s, Command::Open);
            if what == "notification" {
                cmd(&mut s, Command::Open);
            }
            let msg = s.message.clone().unwrap_or_default();
            match named {
                Some(_) => {
                    assert!(msg.contains(&format!("the call this {what} names (vapi-gone-")), "{msg}");
                    assert!(msg.contains("not in the database") && !msg.contains('\u{1b}'), "{msg}");
                }
                None => assert_eq!(msg, format!("no call is linked to this {what}")),
            }
        }
    }
}

#[test]
fn looking_at_another_instant() {
    let mut s = on_call(120, 40, true);
    assert!(draw(&s).contains("ON CALL NOW ▶ Night Nick"));
    cmd(&mut s, Command::SetTime);
    for c in "2026-11-24 19:00".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let screen = draw(&s);
    assert!(screen.contains("NOBODY IS ON CALL"), "{screen}");
    assert!(screen.contains("+15550009999"), "the fallback is named");
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = on_call(w, h, false);
        insta::assert_snapshot!(format!("oncall_{w}x{h}"), draw(&s));
        cmd(&mut s, Command::Details);
        cmd(&mut s, Command::Details);
        cmd(&mut s, Command::Details);
        insta::assert_snapshot!(format!("oncall_roster_{w}x{h}"), draw(&s));
    }
}

/// On call where the database refuses the contacts and records no delivery times: the header says the
/// chain cannot be read (never "nobody is on call"), the notifications show with what they lack named, and
/// the roster pane says why it is empty; whole, at every supported size.
#[test]
fn refused_and_not_recorded_sections_snapshots() {
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let mut d = data();
        d.contacts.clear();
        d.unavailable = vec![("chain".into(), "no SELECT on emergency_contacts".into())];
        d.lost = vec![
            ("notifications".into(), "no column sent_at in emergency_notifications".into()),
            ("notifications".into(), "no column delivered_at in emergency_notifications".into()),
        ];
        let mut s = on_call_with(w, h, true, d);
        let screen = draw(&s);
        assert!(!screen.contains("NOBODY IS ON CALL"), "{screen}");
        insta::assert_snapshot!(format!("oncall_refused_{w}x{h}"), screen);
        for _ in 0..3 {
            cmd(&mut s, Command::Details);
        }
        insta::assert_snapshot!(format!("oncall_refused_roster_{w}x{h}"), draw(&s));
    }
}

/// A priority as large as the column's type allows is shown whole in the roster, not cut to "2147".
#[test]
fn the_largest_priority_is_shown_whole() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = data();
        d.contacts.push(contact(9, "Last Resort", i32::MAX, None, None, false));
        let mut s = on_call_with(w, h, true, d);
        for _ in 0..3 {
            cmd(&mut s, Command::Details);
        }
        let screen = draw(&s);
        assert!(screen.contains("2147483647"), "{w}x{h}\n{screen}");
    }
}
