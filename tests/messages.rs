//! The message history and the overlays in the reducer and the key translation, no terminal, no database:
//! every message shown is kept once, with its time, at most 50; `:messages` and the help scroll and close.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::model::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::reducer::update;
use switchboard::core::state::{MESSAGE_LOG_LEN, State};
use switchboard::ui::keys::action_for;

fn typed(s: &mut State, text: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in text.chars() {
        fx = update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    fx
}

fn enter(s: &mut State) -> Vec<Effect> {
    update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }))
}

fn command_line(s: &mut State, line: &str) -> Vec<Effect> {
    cmd(s, Command::CommandLine);
    typed(s, line);
    enter(s)
}

fn texts(s: &State) -> Vec<&str> {
    s.message_log.iter().map(|(_, m)| m.as_str()).collect()
}

fn key(s: &State, code: KeyCode) -> Option<Action> {
    action_for(s, KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn each_message_shown_is_kept_once_with_its_time() {
    let mut s = calls_state(120, 40);
    let t0 = Utc.with_ymd_and_hms(2026, 1, 15, 14, 2, 11).unwrap();
    s.now = t0;
    assert!(s.message_log.is_empty(), "{:?}", texts(&s));
    // Up at the top of the first page: "top of the list", twice from two presses, each kept.
    cmd(&mut s, Command::Up);
    s.now = t0 + Duration::seconds(3);
    cmd(&mut s, Command::Up);
    assert_eq!(texts(&s), ["top of the list", "top of the list"]);
    assert_eq!(s.message_log[1].0, t0 + Duration::seconds(3));
    // A message that stays up while other actions arrive is not kept again.
    update(&mut s, Action::Tick);
    update(&mut s, Action::Resize { width: 100, height: 30 });
    assert_eq!(s.message_log.len(), 2);
    // The command line's mistake, through its nested reduce, kept once.
    command_line(&mut s, "fly away");
    assert_eq!(s.message_log.len(), 3);
    assert!(texts(&s)[2].starts_with("unknown command :fly"), "{:?}", texts(&s));
    // A notice (a file saved, a copy) is kept too.
    update(&mut s, Action::Notice("saved to /srv/exports/calls.csv".into()));
    assert_eq!(texts(&s)[3], "saved to /srv/exports/calls.csv");
}

#[test]
fn the_history_keeps_the_last_fifty() {
    let mut s = connected(80, 24);
    for i in 0..MESSAGE_LOG_LEN + 7 {
        update(&mut s, Action::Notice(format!("message {i}")));
    }
    assert_eq!(s.message_log.len(), MESSAGE_LOG_LEN);
    assert_eq!(texts(&s)[0], "message 7");
    assert_eq!(texts(&s)[MESSAGE_LOG_LEN - 1], format!("message {}", MESSAGE_LOG_LEN + 6));
}

#[test]
fn messages_opens_from_the_command_line_and_its_key_scrolls_and_closes_with_esc_or_q() {
    let mut s = calls_state(80, 24);
    for i in 0..40 {
        update(&mut s, Action::Notice(format!("message {i}")));
    }
    assert!(command_line(&mut s, "messages").is_empty());
    assert_eq!(s.messages_view, Some(0));
    assert!(!s.text_focus(), "keys go to the overlay");
    // j scrolls (the call list's key, on any screen), G goes to the end, k back up.
    let Some(Action::Command(c)) = key(&s, KeyCode::Char('j')) else { panic!() };
    cmd(&mut s, c);
    assert_eq!(s.messages_view, Some(1));
    cmd(&mut s, Command::Bottom);
    let end = s.messages_view.unwrap();
    assert_eq!(end, 40 - 20, "40 rows, 20 on screen");
    cmd(&mut s, Command::Down);
    assert_eq!(s.messages_view, Some(end), "not past the end");
    cmd(&mut s, Command::Up);
    assert_eq!(s.messages_view, Some(end - 1));
    // q closes it rather than quitting; the selection of the list underneath never moved.
    let Some(Action::Command(c)) = key(&s, KeyCode::Char('q')) else { panic!() };
    assert_eq!(c, Command::Back);
    assert!(cmd(&mut s, c).is_empty());
    assert_eq!((s.messages_view, s.quit, s.calls.selected), (None, false, 0));
    // M opens it too; esc closes it; ctrl-c still quits from it.
    let Some(Action::Command(c)) = key(&s, KeyCode::Char('M')) else { panic!() };
    cmd(&mut s, c);
    assert!(s.messages_view.is_some());
    let Some(Action::Command(c)) = key(&s, KeyCode::Esc) else { panic!() };
    cmd(&mut s, c);
    assert_eq!(s.messages_view, None);
    cmd(&mut s, Command::Messages);
    let Some(Action::Command(c)) = action_for(&s, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)) else {
        panic!()
    };
    assert_eq!(cmd(&mut s, c), vec![Effect::Quit]);
}

#[test]
fn messages_opens_from_the_org_switcher_too() {
    let mut s = connected(60, 16);
    cmd(&mut s, Command::CommandLine);
    typed(&mut s, "mes");
    enter(&mut s);
    assert_eq!(s.messages_view, Some(0));
    assert!(!s.text_focus(), "the switcher's filter does not take the keys");
    let Some(Action::Command(c)) = key(&s, KeyCode::Char('k')) else { panic!() };
    assert_eq!(c, Command::Up);
}

#[test]
fn the_help_scrolls_where_it_is_taller_than_the_screen_and_closes_on_any_other_key() {
    let mut s = calls_state(60, 16);
    cmd(&mut s, Command::Help);
    cmd(&mut s, Command::Down);
    cmd(&mut s, Command::PageDown);
    assert!(s.help);
    assert_eq!(s.help_scroll, 1 + 12);
    cmd(&mut s, Command::Top);
    assert_eq!(s.help_scroll, 0);
    // A key that does not scroll closes it.
    let Some(Action::Command(c)) = key(&s, KeyCode::Char('x')) else { panic!() };
    cmd(&mut s, c);
    assert!(!s.help);
    // Where it fits, any key closes it, as it says.
    let mut s = calls_state(200, 120);
    cmd(&mut s, Command::Help);
    cmd(&mut s, Command::Down);
    assert!(!s.help);
    assert_eq!(s.calls.selected, 0);
}
