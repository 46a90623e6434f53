//! The calendar without a database: the reducer's moves and loads, and snapshots of the views.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::model::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::calendar::{Appointment, AppointmentDetail};
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::{Dialect, Key};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn appt(i: u32, day: NaiveDate, hour: u32, status: &str) -> Appointment {
    Appointment {
        key: Key::parse(&format!("a0000000-0000-0000-0000-{i:012}")),
        at: None,
        local: Some(day.and_hms_opt(hour, (i % 4) * 15, 0).unwrap()),
        duration_min: Some(30 + (i % 3) as i32 * 30),
        customer: Some(format!("Customer {i}")),
        phone: Some(format!("+1415555{i:04}")),
        title: Some(["repair", "estimate", "inspection"][i as usize % 3].to_string()),
        status: Some(status.to_string()),
        urgency: if i % 5 == 0 { Some(0.9) } else { None },
        urgency_label: None,
        emergency: Some(i % 7 == 0),
    }
}

/// A console on Acme's calendar, "now" being 2026-03-10 15:00 UTC (11:00 in New York).
fn on_calendar(w: u16, h: u16) -> (State, Vec<Effect>) {
    let mut s = connected(w, h);
    s.now = Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap();
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!() };
    update(
        &mut s,
        Action::CallsLoaded {
            req,
            anchor: switchboard::core::model::Anchor::First,
            result: Ok(page(0, limit as u32, false, true)),
            ms: 1.0,
        },
    );
    let fx = cmd(&mut s, Command::Calendar);
    (s, fx)
}

fn month_of_appointments() -> Vec<Appointment> {
    let mut v = Vec::new();
    let statuses = ["confirmed", "pending", "completed", "cancelled", "no_show"];
    for i in 0..60u32 {
        let day = d(2026, 2, 23) + chrono::Duration::days((i * 7 % 41) as i64);
        v.push(appt(i, day, 8 + i % 9, statuses[i as usize % 5]));
    }
    v
}

fn loaded(w: u16, h: u16) -> State {
    let (mut s, fx) = on_calendar(w, h);
    let Effect::LoadMonth { req, from, .. } = fx[0].clone() else { panic!("{fx:?}") };
    update(&mut s, Action::MonthLoaded { req, from, result: Ok(month_of_appointments()), ms: 2.0 });
    s
}

fn draw(s: &State) -> String {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| switchboard::ui::views::render(s, &switchboard::ui::theme::Theme::from_name("ansi"), f)).unwrap();
    t.backend().to_string()
}

#[test]
fn opening_loads_the_six_week_grid_around_today_in_the_org_zone() {
    let (s, fx) = on_calendar(120, 40);
    assert_eq!(s.screen, Screen::Calendar);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
    let [Effect::LoadMonth { from, to, zone, dialect, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((*from, *to), (d(2026, 2, 23), d(2026, 4, 6)));
    assert_eq!(zone.label(), "America/New_York");
    assert_eq!(*dialect, Dialect::ServiceAi);
}

#[test]
fn moving_by_day_week_and_month_loads_only_new_grids() {
    let mut s = loaded(120, 40);
    assert!(cmd(&mut s, Command::Right).is_empty());
    assert_eq!(s.calendar.cursor, d(2026, 3, 11));
    assert!(cmd(&mut s, Command::Down).is_empty());
    assert_eq!(s.calendar.cursor, d(2026, 3, 18));
    cmd(&mut s, Command::Up);
    cmd(&mut s, Command::Left);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
    let fx = cmd(&mut s, Command::NextMonth);
    assert_eq!(s.calendar.cursor, d(2026, 4, 10));
    let [Effect::LoadMonth { req, from, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*from, d(2026, 3, 30));
    // Going back before the answer: March is still loaded, and April's late answer is dropped.
    let fx2 = cmd(&mut s, Command::PrevMonth);
    assert!(fx2.is_empty(), "{fx2:?}");
    update(&mut s, Action::MonthLoaded { req: *req, from: *from, result: Ok(vec![]), ms: 1.0 });
    assert!(s.calendar.covers_grid());
    assert_eq!(s.calendar.appts.len(), 60);
    // Two months on, then the answer: it lands.
    cmd(&mut s, Command::NextMonth);
    let fx = cmd(&mut s, Command::NextMonth);
    let Effect::LoadMonth { req, from, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(from, d(2026, 4, 27));
    update(&mut s, Action::MonthLoaded { req, from, result: Ok(vec![]), ms: 1.0 });
    assert!(s.calendar.covers_grid() && s.calendar.appts.is_empty());
    cmd(&mut s, Command::Today);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
}

#[test]
fn go_to_a_typed_date_or_say_why_not() {
    let mut s = loaded(120, 40);
    cmd(&mut s, Command::GoTo);
    assert!(s.text_focus());
    for c in "2026-11-01".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert_eq!(s.calendar.cursor, d(2026, 11, 1));
    assert!(matches!(fx.as_slice(), [Effect::LoadMonth { .. }]));
    cmd(&mut s, Command::GoTo);
    for c in "soon".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert_eq!(s.calendar.cursor, d(2026, 11, 1));
    assert!(s.message.as_deref().unwrap().starts_with("not a date"));
}

#[test]
fn agenda_detail_and_the_linked_call() {
    let mut s = loaded(120, 40);
    // 2026-03-02 holds appointments 1 (08:15) and... pick the first day that has some.
    s.calendar.cursor = d(2026, 3, 11);
    let n = switchboard::core::reducer::calendar_agenda(&s).len();
    assert!(n >= 1);
    cmd(&mut s, Command::Open);
    assert!(s.calendar.agenda_focus);
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadAppointment { req, appt, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let first = switchboard::core::reducer::calendar_agenda(&s)[0].clone();
    assert_eq!(appt, &first.key);
    let call = Key::parse("10000000-0000-0000-0000-000000000007");
    let detail = AppointmentDetail {
        appt: first,
        facts: vec![("Service".into(), "Burst pipe".into())],
        call: Some(call.clone()),
    };
    update(&mut s, Action::AppointmentLoaded { req: *req, result: Ok(Some(detail)), ms: 1.0 });
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCall { call: c, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(c, &call);
    assert_eq!(s.screen, Screen::Call);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calendar, "back from the call returns to the calendar");
    cmd(&mut s, Command::Back);
    assert!(s.calendar.detail.is_none());
    cmd(&mut s, Command::Back);
    assert!(!s.calendar.agenda_focus);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calls);
}

#[test]
fn a_platform_without_appointments_asks_nothing_and_says_why() {
    let (mut s, _) = on_calendar(80, 24);
    if let switchboard::core::state::Conn::Ready(info) = &mut s.conn {
        info.dialect = Dialect::Retell;
    }
    s.calendar = Default::default();
    let fx = cmd(&mut s, Command::Calendar);
    assert!(fx.is_empty());
    let screen = draw(&s);
    assert!(screen.contains("No calendar for this platform"), "{screen}");
    insta::assert_snapshot!("calendar_retell_80x24", screen);
}

#[test]
fn snapshots_of_the_grid_agenda_and_detail() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = loaded(w, h);
        insta::assert_snapshot!(format!("calendar_{w}x{h}"), draw(&s));
        let day = d(2026, 3, 10);
        s.calendar.cursor = day;
        cmd(&mut s, Command::Details);
        let fx = cmd(&mut s, Command::Open);
        let Effect::LoadAppointment { req, .. } = fx[0].clone() else { panic!("{fx:?}") };
        let a = switchboard::core::reducer::calendar_agenda(&s)[0].clone();
        let detail = AppointmentDetail {
            appt: a,
            facts: vec![
                ("Service".into(), "Water heater replacement".into()),
                ("Address".into(), "42 Wallaby Way".into()),
                ("Notes".into(), "Gate code 1234\nDog in the yard".into()),
            ],
            call: Some(Key::parse("10000000-0000-0000-0000-000000000007")),
        };
        update(&mut s, Action::AppointmentLoaded { req, result: Ok(Some(detail)), ms: 1.0 });
        insta::assert_snapshot!(format!("calendar_detail_{w}x{h}"), draw(&s));
    }
}
