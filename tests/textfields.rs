//! Every text field of the console, without a terminal or a database: the same readline keys in each
//! (`core::textfield`), keys that must not edit, submit and cancel, a second `/` in a transcript, the org
//! switcher reopened, and hostile input typed or pasted into each field.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::{Anchor, Dialect};
use switchboard::core::reducer::update;
use switchboard::core::state::{Conn, Screen, State};
use switchboard::core::textfield::{FieldEvent, MAX_CHARS, TextField};

fn plain(key: TKey) -> Input {
    Input { key, ..Default::default() }
}

fn ctrl(c: char) -> Input {
    Input { key: TKey::Char(c), ctrl: true, ..Default::default() }
}

fn alt(key: TKey) -> Input {
    Input { key, alt: true, ..Default::default() }
}

fn ch(c: char) -> Input {
    plain(TKey::Char(c))
}

fn press(s: &mut State, input: Input) -> Vec<Effect> {
    update(s, Action::Input(input))
}

fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        press(s, ch(c));
    }
}

/// A screen with one text field open, and where that field is.
struct Field {
    name: &'static str,
    open: fn() -> State,
    get: fn(&State) -> Option<&TextField>,
}

/// The call list of Acme with a call's transcript open.
fn on_call() -> State {
    let mut s = calls_state(120, 40);
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::CallLoaded { req: *req, result: Ok(Some(detail(0))), ms: 1.0 });
    assert_eq!(s.screen, Screen::Call);
    s
}

fn opened(mut s: State, cmds: &[Command]) -> State {
    for c in cmds {
        cmd(&mut s, *c);
    }
    s
}

/// A Retell org's profile in write mode, its status change asked for: the typed confirmation.
fn profile_confirm() -> State {
    let mut s = connected(120, 40);
    s.read_only = false;
    if let Conn::Ready(info) = &mut s.conn {
        info.dialect = Dialect::Retell;
        info.caps = switchboard::data::dialects::platform(Dialect::Retell).caps();
    }
    type_text(&mut s, "acme");
    let fx = press(&mut s, plain(TKey::Enter));
    let [Effect::LoadCalls { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(
        &mut s,
        Action::CallsLoaded { req: *req, anchor: Anchor::First, result: Ok(page(0, 5, false, false)), ms: 1.0 },
    );
    let fx = cmd(&mut s, Command::Profile);
    let [Effect::LoadProfile { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let profile = switchboard::core::profile::OrgProfile { sections: Vec::new(), status: Some("active".into()) };
    update(&mut s, Action::ProfileLoaded { req: *req, result: Ok(Some(profile)), ms: 1.0 });
    cmd(&mut s, Command::SetStatus);
    s
}

fn fields() -> Vec<Field> {
    vec![
        Field { name: "org switcher", open: || connected(120, 40), get: |s| Some(&s.orgs.filter) },
        Field {
            name: "call-list filter",
            open: || opened(calls_state(120, 40), &[Command::Filter]),
            get: |s| s.calls.filter_input.as_ref(),
        },
        Field {
            name: "transcript search",
            open: || opened(on_call(), &[Command::Search]),
            get: |s| s.call.as_ref()?.search.input.as_ref(),
        },
        Field {
            name: "command line",
            open: || opened(calls_state(120, 40), &[Command::CommandLine]),
            get: |s| s.cmdline.as_ref(),
        },
        Field {
            name: "board filter",
            open: || opened(calls_state(120, 40), &[Command::Board, Command::Filter]),
            get: |s| s.board.filter_input.as_ref(),
        },
        Field {
            name: "calendar date",
            open: || opened(calls_state(120, 40), &[Command::Calendar, Command::GoTo]),
            get: |s| s.calendar.goto.as_ref(),
        },
        Field {
            name: "on-call instant",
            open: || opened(calls_state(120, 40), &[Command::OnCall, Command::SetTime]),
            get: |s| s.oncall.time_input.as_ref(),
        },
        Field {
            name: "overview range",
            open: || opened(calls_state(120, 40), &[Command::Overview, Command::GoTo]),
            get: |s| s.overview.range_input.as_ref(),
        },
        Field { name: "profile confirmation", open: profile_confirm, get: |s| s.profile.confirm.as_ref() },
    ]
}

/// The field's text and cursor, or a panic naming the field when it is not open.
fn field_of(f: &Field, s: &State) -> (String, usize) {
    assert!(s.text_focus(), "{}: the field has the keys", f.name);
    let t = (f.get)(s).unwrap_or_else(|| panic!("{}: the field is open", f.name));
    (t.text().to_string(), t.cursor())
}

const START: &str = "alpha beta gamma";

/// Each case starts from `START` typed into an empty field, the cursor at its end.
fn cases() -> Vec<(&'static str, Vec<Input>, &'static str, usize)> {
    vec![
        ("ctrl-a goes to the start", vec![ctrl('a'), ch('X')], "Xalpha beta gamma", 1),
        ("home goes to the start", vec![plain(TKey::Home), ch('X')], "Xalpha beta gamma", 1),
        ("ctrl-e goes to the end", vec![ctrl('a'), ctrl('e'), ch('Y')], "alpha beta gammaY", 17),
        ("end goes to the end", vec![plain(TKey::Home), plain(TKey::End), ch('Y')], "alpha beta gammaY", 17),
        ("ctrl-b moves back", vec![ctrl('b'), ctrl('b'), ch('X')], "alpha beta gamXma", 15),
        ("left moves back", vec![plain(TKey::Left), plain(TKey::Left), ch('X')], "alpha beta gamXma", 15),
        ("ctrl-f moves forward", vec![ctrl('a'), ctrl('f'), ch('X')], "aXlpha beta gamma", 2),
        ("right moves forward", vec![ctrl('a'), plain(TKey::Right), ch('X')], "aXlpha beta gamma", 2),
        ("right stops at the end", vec![plain(TKey::Right), ch('Y')], "alpha beta gammaY", 17),
        ("left stops at the start", vec![ctrl('a'), plain(TKey::Left), ch('X')], "Xalpha beta gamma", 1),
        ("alt-b moves a word back", vec![alt(TKey::Char('b')), alt(TKey::Char('b')), ch('X')], "alpha Xbeta gamma", 7),
        ("alt-f moves a word forward", vec![ctrl('a'), alt(TKey::Char('f')), ch('X')], "alphaX beta gamma", 6),
        ("ctrl-left moves a word back", vec![Input { key: TKey::Left, ctrl: true, ..Default::default() }], START, 11),
        ("backspace deletes before the cursor", vec![plain(TKey::Backspace)], "alpha beta gamm", 15),
        ("ctrl-h deletes before the cursor", vec![ctrl('b'), ctrl('h')], "alpha beta gama", 14),
        ("backspace at the start does nothing", vec![ctrl('a'), plain(TKey::Backspace)], START, 0),
        ("delete deletes under the cursor", vec![ctrl('a'), plain(TKey::Delete)], "lpha beta gamma", 0),
        ("ctrl-d deletes under the cursor", vec![ctrl('a'), ctrl('f'), ctrl('d')], "apha beta gamma", 1),
        ("delete at the end does nothing", vec![plain(TKey::Delete)], START, 16),
        ("ctrl-u at the end clears the line", vec![ctrl('u')], "", 0),
        ("ctrl-u deletes to the start", vec![alt(TKey::Char('b')), ctrl('u')], "gamma", 0),
        ("ctrl-u at the start does nothing", vec![ctrl('a'), ctrl('u')], START, 0),
        ("ctrl-k deletes to the end", vec![ctrl('a'), alt(TKey::Char('f')), ctrl('k')], "alpha", 5),
        ("ctrl-k at the end does nothing", vec![ctrl('k')], START, 16),
        ("ctrl-w deletes the word before", vec![ctrl('w')], "alpha beta ", 11),
        ("ctrl-w twice deletes two words", vec![ctrl('w'), ctrl('w')], "alpha ", 6),
        ("ctrl-w in a word keeps its end", vec![ctrl('b'), ctrl('b'), ctrl('w')], "alpha beta ma", 11),
        ("ctrl-w at the start does nothing", vec![ctrl('a'), ctrl('w')], START, 0),
        ("alt-backspace deletes the word before", vec![alt(TKey::Backspace)], "alpha beta ", 11),
        ("alt-d deletes the word after", vec![ctrl('a'), alt(TKey::Char('d'))], " beta gamma", 0),
        ("ctrl-y puts back what ctrl-u deleted", vec![ctrl('u'), ctrl('y')], START, 16),
        ("ctrl-y puts back what ctrl-w deleted", vec![ctrl('w'), ctrl('a'), ctrl('y')], "gammaalpha beta ", 5),
        ("ctrl-y puts back what ctrl-k deleted", vec![ctrl('a'), ctrl('k'), ctrl('y')], START, 16),
    ]
}

#[test]
fn every_readline_key_in_every_field() {
    for f in fields() {
        for (what, keys, text, cursor) in cases() {
            let mut s = (f.open)();
            assert_eq!(field_of(&f, &s), (String::new(), 0), "{}: opens empty", f.name);
            type_text(&mut s, START);
            assert_eq!(field_of(&f, &s), (START.to_string(), 16), "{}: typed", f.name);
            for k in keys {
                press(&mut s, k);
            }
            assert_eq!(field_of(&f, &s), (text.to_string(), cursor), "{}: {what}", f.name);
        }
    }
}

/// Keys tui-textarea binds by default (undo, redo, new line, scrolling, moving by line or paragraph, tabs)
/// and others no field gives a meaning: none edits, none moves the cursor, none adds a line.
#[test]
fn keys_that_mean_nothing_to_a_field_change_nothing() {
    let mut keys: Vec<(String, Input)> = "rvoxtzlsq_"
        .chars()
        .map(|c| (format!("ctrl-{c}"), ctrl(c)))
        .chain("vu<>{}npclt".chars().map(|c| (format!("alt-{c}"), alt(TKey::Char(c)))))
        .collect();
    keys.push(("F2".into(), plain(TKey::F(2))));
    keys.push(("mouse wheel down".into(), plain(TKey::MouseScrollDown)));
    keys.push(("mouse wheel up".into(), plain(TKey::MouseScrollUp)));
    keys.push(("copy".into(), plain(TKey::Copy)));
    keys.push(("cut".into(), plain(TKey::Cut)));
    keys.push(("paste".into(), plain(TKey::Paste)));
    keys.push(("null".into(), plain(TKey::Null)));
    for f in fields() {
        for (name, k) in &keys {
            let mut s = (f.open)();
            type_text(&mut s, "ab cd");
            press(&mut s, ctrl('b'));
            let before = field_of(&f, &s);
            press(&mut s, k.clone());
            assert_eq!(field_of(&f, &s), before, "{}: {name}", f.name);
            // Still one line: what is typed next lands on it.
            press(&mut s, ctrl('e'));
            type_text(&mut s, "!");
            assert_eq!(field_of(&f, &s).0, "ab cd!", "{}: {name}", f.name);
        }
    }
}

/// Tab inserts nothing: the switcher opens the board with it and the command line completes; every other
/// field ignores it. Up and down move no cursor in a field that does not use them.
#[test]
fn tab_inserts_nothing_and_up_down_move_no_cursor() {
    for f in fields().into_iter().filter(|f| !matches!(f.name, "org switcher" | "command line")) {
        let mut s = (f.open)();
        type_text(&mut s, "ab");
        for k in [TKey::Tab, TKey::Up, TKey::Down, TKey::PageUp, TKey::PageDown] {
            press(&mut s, plain(k));
            assert_eq!(field_of(&f, &s), ("ab".to_string(), 2), "{}: {k:?}", f.name);
        }
    }
    let mut s = connected(120, 40);
    type_text(&mut s, "ab");
    press(&mut s, plain(TKey::Tab));
    assert_eq!(s.screen, Screen::Board, "tab in the switcher: the board");
}

/// Enter submits and esc cancels in every field; what they then do is the field's own (a filter applies,
/// a command runs, a date moves the calendar, ...). Ctrl-m and ctrl-j submit as enter, ctrl-g cancels.
#[test]
fn enter_submits_and_esc_cancels_everywhere() {
    for f in fields() {
        for cancel in [plain(TKey::Esc), ctrl('g')] {
            let mut s = (f.open)();
            type_text(&mut s, "x");
            press(&mut s, cancel.clone());
            if f.name == "org switcher" {
                // Esc in the switcher goes back to the open org, when there is one.
                assert_eq!(s.screen, Screen::Orgs, "org switcher: {cancel:?}");
                let mut s = calls_state(120, 40);
                cmd(&mut s, Command::Orgs);
                press(&mut s, cancel.clone());
                assert_eq!(s.screen, Screen::Calls, "org switcher: {cancel:?}");
            } else {
                assert!((f.get)(&s).is_none(), "{}: {cancel:?} closes the field", f.name);
            }
        }
        for submit in [plain(TKey::Enter), ctrl('m'), ctrl('j')] {
            let mut s = (f.open)();
            type_text(&mut s, "zz-nothing");
            press(&mut s, submit.clone());
            let closed = (f.get)(&s).is_none();
            match f.name {
                // A filter that cannot be applied keeps its field open and says why.
                "org switcher" => assert_eq!(s.message.as_deref(), Some("no organization matches"), "{submit:?}"),
                "call-list filter" => assert!(closed || s.message.is_some(), "{submit:?}"),
                _ => assert!(closed, "{}: {submit:?} submits", f.name),
            }
        }
    }
}

#[test]
fn what_submit_means_is_each_fields_own() {
    // The call-list filter applies from the first page.
    let mut s = opened(calls_state(120, 40), &[Command::Filter]);
    type_text(&mut s, "status:failed");
    let fx = press(&mut s, ctrl('m'));
    let [Effect::LoadCalls { filter, anchor: Anchor::First, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(filter.describe(), "status:failed");
    // Reopened, it holds the filter in effect; ctrl-u clears it, and enter then applies no filter.
    cmd(&mut s, Command::Filter);
    assert_eq!(s.calls.filter_input.as_ref().unwrap().text(), "status:failed");
    press(&mut s, ctrl('u'));
    let fx = press(&mut s, plain(TKey::Enter));
    let [Effect::LoadCalls { filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert!(filter.is_empty());

    // The command line runs what it holds, and remembers it.
    let mut s = opened(calls_state(120, 40), &[Command::CommandLine]);
    type_text(&mut s, "board");
    let fx = press(&mut s, plain(TKey::Enter));
    assert!(matches!(fx.as_slice(), [Effect::LoadBoard { .. }]), "{fx:?}");
    assert_eq!(s.cmd_history, vec!["board".to_string()]);
    // ctrl-p recalls it, as up does.
    cmd(&mut s, Command::CommandLine);
    press(&mut s, ctrl('p'));
    assert_eq!(s.cmdline.as_ref().unwrap().text(), "board");
    press(&mut s, ctrl('n'));
    assert_eq!(s.cmdline.as_ref().unwrap().text(), "");

    // The board filters as it is typed; esc puts back the filter it had, enter keeps the new one.
    let mut s = opened(calls_state(120, 40), &[Command::Board, Command::Filter]);
    type_text(&mut s, "acme");
    assert_eq!(s.board.filter, "acme");
    press(&mut s, plain(TKey::Enter));
    cmd(&mut s, Command::Filter);
    assert_eq!(s.board.filter_input.as_ref().unwrap().text(), "acme");
    press(&mut s, ctrl('w'));
    type_text(&mut s, "dental");
    assert_eq!(s.board.filter, "dental");
    press(&mut s, plain(TKey::Esc));
    assert_eq!(s.board.filter, "acme");

    // The calendar goes to the date typed.
    let mut s = opened(calls_state(120, 40), &[Command::Calendar, Command::GoTo]);
    type_text(&mut s, "2026-03-08");
    press(&mut s, plain(TKey::Enter));
    assert_eq!(s.calendar.cursor.to_string(), "2026-03-08");
}

// ---- the transcript search: a second `/` ------------------------------------------------------------

fn search(s: &State) -> &switchboard::core::state::Search {
    &s.call.as_ref().unwrap().search
}

#[test]
fn a_second_slash_starts_a_new_search() {
    let mut s = opened(on_call(), &[Command::Search]);
    type_text(&mut s, "pipe");
    press(&mut s, plain(TKey::Enter));
    assert_eq!(search(&s).query, "pipe");
    assert_eq!(search(&s).matches.len(), 2);

    // The second `/` opens empty; the search in effect stays until something is typed.
    cmd(&mut s, Command::Search);
    assert_eq!(search(&s).input.as_ref().unwrap().text(), "");
    assert_eq!(search(&s).query, "pipe");
    type_text(&mut s, "water");
    assert_eq!(search(&s).query, "water", "a new search, not \"pipewater\"");
    let water = search(&s).matches.len();
    assert!(water >= 2, "{water}");
    press(&mut s, plain(TKey::Enter));
    assert!(search(&s).input.is_none());
    assert_eq!(search(&s).query, "water");
    // n and N go on through the new search's matches.
    cmd(&mut s, Command::NextMatch);
    assert_eq!(search(&s).current, Some(1));
    cmd(&mut s, Command::PrevMatch);
    assert_eq!(search(&s).current, Some(0));
}

#[test]
fn enter_on_an_empty_search_repeats_the_last_one() {
    let mut s = opened(on_call(), &[Command::Search]);
    type_text(&mut s, "pipe");
    press(&mut s, plain(TKey::Enter));
    assert_eq!(search(&s).current, Some(0));
    cmd(&mut s, Command::Search);
    press(&mut s, plain(TKey::Enter));
    assert_eq!(search(&s).query, "pipe");
    assert_eq!(search(&s).current, Some(1), "as n: the next match");
    cmd(&mut s, Command::Search);
    press(&mut s, plain(TKey::Enter));
    assert_eq!(search(&s).current, Some(0), "round to the first");

    // Typed, then all deleted: the last search again.
    cmd(&mut s, Command::Search);
    type_text(&mut s, "valve");
    assert_eq!(search(&s).query, "valve");
    press(&mut s, ctrl('u'));
    assert_eq!(search(&s).query, "pipe");
    assert_eq!(search(&s).matches.len(), 2);

    // With no search before, enter on an empty field closes it and searches nothing.
    let mut s = opened(on_call(), &[Command::Search]);
    press(&mut s, plain(TKey::Enter));
    assert!(search(&s).input.is_none());
    assert!(search(&s).query.is_empty() && search(&s).matches.is_empty());
    cmd(&mut s, Command::NextMatch);
    assert!(s.message.as_deref().unwrap().contains("press /"), "{:?}", s.message);
}

#[test]
fn esc_brings_back_the_search_and_the_place_from_before_the_slash() {
    let mut s = calls_state(80, 24);
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::CallLoaded { req: *req, result: Ok(Some(detail(0))), ms: 1.0 });
    cmd(&mut s, Command::Search);
    type_text(&mut s, "pipe");
    press(&mut s, plain(TKey::Enter));
    cmd(&mut s, Command::NextMatch);
    let scroll = s.call.as_ref().unwrap().scroll;
    cmd(&mut s, Command::Search);
    type_text(&mut s, "confirmation");
    assert_eq!(search(&s).query, "confirmation");
    press(&mut s, plain(TKey::Esc));
    assert!(search(&s).input.is_none());
    assert_eq!(search(&s).query, "pipe");
    assert_eq!(search(&s).matches.len(), 2);
    assert_eq!(search(&s).current, Some(1));
    assert_eq!(s.call.as_ref().unwrap().scroll, scroll);
}

// ---- the org switcher reopened ------------------------------------------------------------------------

#[test]
fn the_switcher_opens_with_an_empty_filter_and_the_open_org_selected() {
    let mut s = connected(120, 40);
    type_text(&mut s, "kolkata");
    press(&mut s, plain(TKey::Enter));
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Kolkata Cooling Co");

    // Reopened with `o`: the whole list, the open org selected.
    cmd(&mut s, Command::Orgs);
    assert_eq!(s.screen, Screen::Orgs);
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.matches.len(), 5);
    assert_eq!(s.orgs.all[s.orgs.matches[s.orgs.selected]].name, "Kolkata Cooling Co");

    // Something typed, then esc: reopened, the filter is gone again.
    type_text(&mut s, "bright");
    assert_eq!(s.orgs.matches.len(), 1);
    press(&mut s, plain(TKey::Esc));
    assert_eq!(s.screen, Screen::Calls);
    cmd(&mut s, Command::Orgs);
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.matches.len(), 5);
    assert_eq!(s.orgs.all[s.orgs.matches[s.orgs.selected]].name, "Kolkata Cooling Co");

    // Back from the call list opens it the same way.
    type_text(&mut s, "acme");
    press(&mut s, plain(TKey::Esc));
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Orgs);
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.all[s.orgs.matches[s.orgs.selected]].name, "Kolkata Cooling Co");

    // The selection keys still move in the list; ctrl-u clears the filter (not one character).
    type_text(&mut s, "co");
    press(&mut s, ctrl('u'));
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.matches.len(), 5);
    press(&mut s, ctrl('n'));
    assert_eq!(s.orgs.selected, 1);
    press(&mut s, ctrl('p'));
    assert_eq!(s.orgs.selected, 0);
    // ctrl-k is the field's (delete to the end), not a selection key.
    type_text(&mut s, "dental");
    press(&mut s, ctrl('a'));
    press(&mut s, ctrl('k'));
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.matches.len(), 5);
}

#[test]
fn the_switcher_opened_before_any_org_selects_the_first() {
    let mut s = connected(120, 40);
    cmd(&mut s, Command::Board);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Orgs);
    assert!(s.orgs.filter.is_empty());
    assert_eq!(s.orgs.selected, 0);
}

// ---- hostile input ------------------------------------------------------------------------------------

/// Escape sequences (as their characters), controls, bidi overrides and line separators are not inserted;
/// emoji, CJK, RTL letters and combining marks are. Nothing panics, and the screen draws.
#[test]
fn hostile_text_typed_into_every_field() {
    let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\r\n\t\u{7f}\u{0}\u{202e}\u{2066}\u{200f}\u{2028}\u{2029}";
    let kept = "🚒👩🏽‍🚒 東京都 مرحبا שלום é\u{301} ";
    for f in fields() {
        let mut s = (f.open)();
        // Typed one character at a time, as a terminal delivers a paste.
        for c in hostile.chars().filter(|c| !matches!(c, '\r' | '\n')) {
            press(&mut s, ch(c));
        }
        type_text(&mut s, kept);
        let (text, cursor) = field_of(&f, &s);
        assert_eq!(text, format!("[2J]0;pwned31m{kept}"), "{}", f.name);
        assert_eq!(cursor, text.chars().count(), "{}", f.name);
        assert!(switchboard::core::sanitize::is_inert(&text), "{}", f.name);
        // Words and moves over wide and combining characters.
        press(&mut s, ctrl('w'));
        press(&mut s, alt(TKey::Char('b')));
        press(&mut s, alt(TKey::Char('f')));
        press(&mut s, ctrl('a'));
        press(&mut s, plain(TKey::Delete));
        press(&mut s, ctrl('e'));
        press(&mut s, plain(TKey::Backspace));
        for (w, h) in [(120, 40), (80, 24), (60, 16)] {
            update(&mut s, Action::Resize { width: w, height: h });
            let screen = draw(&s);
            assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'), "{}", f.name);
        }
    }
}

#[test]
fn set_text_and_with_text_hold_only_what_a_field_may() {
    let f = TextField::with_text("", "a\u{1b}[31mb\u{202e}c\u{7}\nd\u{85}e");
    assert_eq!((f.text(), f.cursor()), ("a[31mbcde", 9));
    let mut f = TextField::new("placeholder");
    f.set_text("東京\u{9b}都");
    assert_eq!((f.text(), f.cursor()), ("東京都", 3));
    assert_eq!(f.handle(ch('\u{1b}')), FieldEvent::Unchanged);
    assert_eq!(f.handle(ch('\n')), FieldEvent::Submit("東京都".into()));
    assert_eq!(f.handle(plain(TKey::Esc)), FieldEvent::Cancel);
}

/// A 10,000-character paste, typed key by key into each field: the field keeps the first `MAX_CHARS` and
/// says the rest was not typed; then it is edited, drawn and submitted.
#[test]
fn a_ten_thousand_character_paste_in_every_field() {
    let words = ["urgent", "東京", "🚒", "ل", "a-b", "x"];
    let mut paste = String::new();
    let mut i = 0;
    while paste.chars().count() < 10_000 {
        paste.push_str(words[i % words.len()]);
        paste.push(' ');
        i += 1;
    }
    let paste: String = paste.chars().take(10_000).collect();
    let kept: String = paste.chars().take(MAX_CHARS).collect();
    for f in fields() {
        let mut s = (f.open)();
        for c in paste.chars() {
            press(&mut s, ch(c));
        }
        assert_eq!(field_of(&f, &s), (kept.clone(), MAX_CHARS), "{}", f.name);
        let m = s.message.clone().unwrap_or_default();
        assert!(m.contains(&format!("at most {MAX_CHARS} characters")), "{}: {m}", f.name);
        for k in [ctrl('w'), alt(TKey::Char('b')), ctrl('b'), ctrl('k'), ctrl('a'), alt(TKey::Char('d'))] {
            press(&mut s, k);
        }
        let n = field_of(&f, &s).0.chars().count();
        assert!(n < MAX_CHARS && n > MAX_CHARS - 30, "{}: {n}", f.name);
        assert_eq!(s.message, None, "{}: not full any more", f.name);
        draw(&s);
        press(&mut s, plain(TKey::End));
        draw(&s);
        press(&mut s, ctrl('u'));
        assert_eq!(field_of(&f, &s), (String::new(), 0), "{}", f.name);
        press(&mut s, ctrl('y'));
        assert_eq!(field_of(&f, &s).0.chars().count(), n, "{}", f.name);
        // Submitting it panics nowhere (most fields say it is not what they expect).
        press(&mut s, plain(TKey::Enter));
        draw(&s);
    }
}

/// Delete (a key no binding names) reaches every field from the terminal; outside a field it does nothing.
#[test]
fn delete_from_the_terminal_reaches_every_field() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use switchboard::ui::keys::action_for;
    let delete = KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE);
    for f in fields() {
        let mut s = (f.open)();
        type_text(&mut s, "ab");
        press(&mut s, ctrl('a'));
        let a = action_for(&s, delete).unwrap_or_else(|| panic!("{}: delete is typed", f.name));
        update(&mut s, a);
        assert_eq!(field_of(&f, &s), ("b".to_string(), 0), "{}", f.name);
    }
    let s = calls_state(120, 40);
    assert!(action_for(&s, delete).is_none());
}
