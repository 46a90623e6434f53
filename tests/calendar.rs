//! The calendar without a database: the reducer's moves and loads, and snapshots of the views.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::calendar::{Appointment, AppointmentDetail, DayCount, day_counts};
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::{Dialect, Key};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};
use switchboard::core::time::OrgZone;

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
        urgency: if i.is_multiple_of(5) { Some(0.9) } else { None },
        urgency_label: None,
        emergency: Some(i.is_multiple_of(7)),
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

/// The grid's counts as the database computes them (tested against SQL in data_calendar.rs).
fn counts_of(from: NaiveDate) -> Vec<DayCount> {
    day_counts(&month_of_appointments(), &OrgZone::from_name(Some("America/New_York")), from)
}

/// The rows of one local day, as the day query returns them (in no particular order).
fn rows_of(day: NaiveDate) -> Vec<Appointment> {
    month_of_appointments().into_iter().rev().filter(|a| a.local.unwrap().date() == day).collect()
}

/// Answers the month load among `fx` with the fixture's counts; returns what the reducer asks next.
fn answer_month(s: &mut State, fx: &[Effect]) -> Vec<Effect> {
    let Some(Effect::LoadMonth { req, from, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadMonth { .. })) else {
        panic!("no month load in {fx:?}")
    };
    update(s, Action::MonthLoaded { req: *req, from: *from, result: Ok(counts_of(*from)), ms: 2.0 })
}

/// Answers the day load among `fx` with that day's rows.
fn answer_day(s: &mut State, fx: &[Effect]) {
    let Some(Effect::LoadDay { req, day, .. }) = fx.iter().find(|e| matches!(e, Effect::LoadDay { .. })) else {
        panic!("no day load in {fx:?}")
    };
    assert!(update(s, Action::DayLoaded { req: *req, day: *day, result: Ok(rows_of(*day)), ms: 2.0 }).is_empty());
}

fn loaded(w: u16, h: u16) -> State {
    let (mut s, fx) = on_calendar(w, h);
    let fx = answer_month(&mut s, &fx);
    answer_day(&mut s, &fx);
    s
}

#[test]
fn opening_loads_the_six_week_grid_around_today_in_the_org_zone() {
    let (mut s, fx) = on_calendar(120, 40);
    assert_eq!(s.screen, Screen::Calendar);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
    let [Effect::LoadMonth { from, to, zone, dialect, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((*from, *to), (d(2026, 2, 23), d(2026, 4, 6)));
    assert_eq!(zone.label(), "America/New_York");
    assert_eq!(*dialect, Dialect::ServiceAi);
    // The counts first, then the rows of the cursor day only.
    let fx = answer_month(&mut s, &fx);
    let [Effect::LoadDay { day, zone, dialect, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((*day, zone.label(), *dialect), (d(2026, 3, 10), "America/New_York".to_string(), Dialect::ServiceAi));
    let screen = draw(&s);
    assert!(
        screen.contains("Tue 10 Mar 2026 · 2 appointments") && screen.contains("loading appointments…"),
        "{screen}"
    );
    answer_day(&mut s, &fx);
    let screen = draw(&s);
    assert!(!screen.contains("loading") && screen.contains("Customer 49"), "{screen}");
}

#[test]
fn moving_within_the_grid_shows_counts_at_once_and_loads_only_the_day() {
    let mut s = loaded(120, 40);
    // 2026-03-11 has appointments: its counts are drawn at once, its rows are asked for.
    let fx = cmd(&mut s, Command::Right);
    let [Effect::LoadDay { req: first, day, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*day, d(2026, 3, 11));
    assert!(s.calendar_agenda().is_empty());
    let screen = draw(&s);
    assert!(
        screen.contains("Wed 11 Mar 2026 · 2 appointments") && screen.contains("loading appointments…"),
        "{screen}"
    );
    assert!(screen.contains("[10]⚠1"), "the grid keeps its counts: {screen}");
    cmd(&mut s, Command::Open);
    assert!(s.message.as_deref().unwrap().contains("still loading"), "{:?}", s.message);
    // Latest wins: the next day is asked for, and the late answer for the 11th is dropped.
    let fx = cmd(&mut s, Command::Right);
    let [Effect::LoadDay { req: second, day, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*day, d(2026, 3, 12));
    assert_ne!(first, second);
    update(
        &mut s,
        Action::DayLoaded { req: *first, day: d(2026, 3, 11), result: Ok(rows_of(d(2026, 3, 11))), ms: 1.0 },
    );
    assert!(!s.calendar.day_loaded());
    assert!(s.calendar_agenda().is_empty());
    answer_day(&mut s, &fx);
    let agenda = s.calendar_agenda();
    assert_eq!(agenda.len(), 1);
    assert!(agenda.iter().all(|a| a.local.unwrap().date() == d(2026, 3, 12)));
    // A day the counts say is empty needs no query (the fixture has none in March: empty the 20th's cell).
    let empty = d(2026, 3, 20);
    let i = (empty - s.calendar.grid_start()).num_days() as usize;
    s.calendar.counts[i] = DayCount::default();
    let fx = switchboard::core::reducer::update(&mut s, Action::Command(Command::GoTo));
    assert!(fx.is_empty());
    for c in empty.format("%Y-%m-%d").to_string().chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(draw(&s).contains("No appointments."));
    // Back on a day already loaded: nothing asked.
    cmd(&mut s, Command::Today);
    let fx = cmd(&mut s, Command::Right);
    assert!(matches!(fx.as_slice(), [Effect::LoadDay { .. }]), "{fx:?}");
}

#[test]
fn moving_by_month_loads_only_new_grids_and_their_day_after_the_counts() {
    let mut s = loaded(120, 40);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
    let fx = cmd(&mut s, Command::NextMonth);
    assert_eq!(s.calendar.cursor, d(2026, 4, 10));
    let [Effect::LoadMonth { req, from, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*from, d(2026, 3, 30));
    assert!(draw(&s).contains("loading appointments…"));
    // Going back before the answer: March and its 10th are still loaded, and April's late answer is dropped.
    let fx2 = cmd(&mut s, Command::PrevMonth);
    assert!(fx2.is_empty(), "{fx2:?}");
    let late = update(&mut s, Action::MonthLoaded { req: *req, from: *from, result: Ok(vec![]), ms: 1.0 });
    assert!(late.is_empty());
    assert!(s.calendar.covers_grid() && s.calendar.day_loaded());
    assert_eq!(s.calendar_agenda().len(), 2);
    assert_eq!(s.calendar.counts.iter().map(|c| c.total).sum::<u32>(), 60);
    // Two months on, then the answer: it lands, and the cursor day is asked for then.
    cmd(&mut s, Command::NextMonth);
    let fx = cmd(&mut s, Command::NextMonth);
    let Effect::LoadMonth { req, from, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert_eq!(from, d(2026, 4, 27));
    let mut counts = vec![DayCount::default(); 42];
    counts[(d(2026, 5, 10) - from).num_days() as usize].total = 3;
    let fx = update(&mut s, Action::MonthLoaded { req, from, result: Ok(counts), ms: 1.0 });
    assert!(s.calendar.covers_grid());
    let [Effect::LoadDay { day, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*day, d(2026, 5, 10));
    // A short answer is read as empty days, never as a day still loading.
    let fx = cmd(&mut s, Command::NextMonth);
    let Effect::LoadMonth { req, from, .. } = fx[0].clone() else { panic!("{fx:?}") };
    assert!(update(&mut s, Action::MonthLoaded { req, from, result: Ok(vec![]), ms: 1.0 }).is_empty());
    assert!(draw(&s).contains("No appointments."));
    // Today is back on March: its counts and day are asked for again.
    let fx = cmd(&mut s, Command::Today);
    assert_eq!(s.calendar.cursor, d(2026, 3, 10));
    assert!(matches!(fx.as_slice(), [Effect::LoadMonth { .. }]), "{fx:?}");
}

#[test]
fn failures_of_the_counts_and_of_the_day_are_shown_where_they_belong() {
    let (mut s, fx) = on_calendar(120, 40);
    let Effect::LoadMonth { req, from, .. } = fx[0].clone() else { panic!("{fx:?}") };
    let fx = update(&mut s, Action::MonthLoaded { req, from, result: Err("statement timeout".into()), ms: 1.0 });
    assert!(fx.is_empty());
    let screen = draw(&s);
    assert!(screen.contains("✖ statement timeout") && screen.contains("Could not load appointments."), "{screen}");
    // r asks for both again; the day fails this time.
    let fx = cmd(&mut s, Command::Refresh);
    let fx = answer_month(&mut s, &fx);
    let [Effect::LoadDay { req, day, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::DayLoaded { req: *req, day: *day, result: Err("connection reset".into()), ms: 1.0 });
    let screen = draw(&s);
    assert!(screen.contains("✖ connection reset") && screen.contains("[10]⚠1"), "{screen}");
    // Elsewhere and back: the day is asked for again.
    let fx = cmd(&mut s, Command::Right);
    answer_day(&mut s, &fx);
    let fx = cmd(&mut s, Command::Left);
    answer_day(&mut s, &fx);
    assert_eq!(s.calendar_agenda().len(), 2);
    // A reload reads the counts and the day again.
    let fx = cmd(&mut s, Command::Refresh);
    assert!(matches!(fx.as_slice(), [Effect::LoadMonth { .. }]), "{fx:?}");
    let fx = answer_month(&mut s, &fx);
    assert!(matches!(fx.as_slice(), [Effect::LoadDay { .. }]), "{fx:?}");
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
    assert!(matches!(fx.as_slice(), [Effect::LoadMonth { .. }]), "{fx:?}");
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
    let fx = cmd(&mut s, Command::Right);
    answer_day(&mut s, &fx);
    assert_eq!(s.calendar.cursor, d(2026, 3, 11));
    let n = s.calendar_agenda().len();
    assert!(n >= 1);
    cmd(&mut s, Command::Open);
    assert!(s.calendar.agenda_focus);
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadAppointment { req, appt, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let first = s.calendar_agenda()[0].clone();
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
        info.caps = switchboard::data::dialects::platform(Dialect::Retell).caps();
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
        let (mut s, fx) = on_calendar(w, h);
        let fx = answer_month(&mut s, &fx);
        // The counts are in, the day's rows are on their way.
        insta::assert_snapshot!(format!("calendar_day_loading_{w}x{h}"), draw(&s));
        answer_day(&mut s, &fx);
        insta::assert_snapshot!(format!("calendar_{w}x{h}"), draw(&s));
        let day = d(2026, 3, 10);
        s.calendar.cursor = day;
        cmd(&mut s, Command::Details);
        let fx = cmd(&mut s, Command::Open);
        let Effect::LoadAppointment { req, .. } = fx[0].clone() else { panic!("{fx:?}") };
        let a = s.calendar_agenda()[0].clone();
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

#[test]
fn local_times_a_dst_change_skips_or_repeats_are_marked() {
    let mut s = loaded(120, 40);
    cmd(&mut s, Command::Left);
    let fx = cmd(&mut s, Command::Left);
    let [Effect::LoadDay { req, day, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*day, d(2026, 3, 8), "New York springs forward at 02:00 that day");
    let skipped = appt(900, d(2026, 3, 8), 2, "confirmed");
    update(&mut s, Action::DayLoaded { req: *req, day: *day, result: Ok(vec![skipped]), ms: 1.0 });
    let screen = draw(&s);
    assert!(screen.contains("02:00") && screen.contains("no such time (DST)"), "{screen}");
    let zone = OrgZone::from_name(Some("America/New_York"));
    use switchboard::core::calendar::DstOddity;
    assert_eq!(appt(901, d(2026, 11, 1), 1, "confirmed").dst_oddity(&zone), Some(DstOddity::Twice));
    assert_eq!(appt(902, d(2026, 11, 1), 3, "confirmed").dst_oddity(&zone), None);
    assert_eq!(appt(903, d(2026, 3, 8), 3, "confirmed").dst_oddity(&zone), None);
}
