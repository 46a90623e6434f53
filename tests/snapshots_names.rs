//! Look-alike org names in the switcher and on the board, at 120×40, 80×24 and 60×16: the marks and the
//! distinguishing keys come before the name, so a narrow column cuts the name and not them.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::board::BoardRow;
use switchboard::core::keymap::Keymap;
use switchboard::core::model::{Key, Org};
use switchboard::core::reducer::{init, update};
use switchboard::core::state::{Screen, State};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

fn o(id: &str, name: &str, status: &str) -> Org {
    Org {
        key: Key::parse(id),
        name: name.to_string(),
        industry: Some("plumbing".into()),
        status: Some(status.into()),
        slug: None,
        timezone: Some("America/New_York".into()),
    }
}

/// The four "Rapid Rooter Plumbing" (a Cyrillic і, a trailing space, two exact duplicates), a
/// whole-script Cyrillic look-alike of "Acme", a name with a no-break space, and plain neighbours.
fn lookalikes() -> Vec<Org> {
    vec![
        o("3f2a61c0-0000-4000-8000-000000000001", "Rapid Rooter Plumb\u{456}ng", "active"),
        o("9b1c7d20-0000-4000-8000-000000000002", "Rapid Rooter Plumbing ", "active"),
        o("9b1d0e30-0000-4000-8000-000000000003", "Rapid Rooter Plumbing", "active"),
        o("c0de4f40-0000-4000-8000-000000000004", "Rapid Rooter Plumbing", "suspended"),
        o("a11c0000-0000-4000-8000-000000000005", "Acme Heating", "active"),
        o("a11d0000-0000-4000-8000-000000000006", "\u{410}\u{441}m\u{435} Heating", "active"),
        o("5e5e0000-0000-4000-8000-000000000007", "Bright\u{A0}Smiles Dental", "active"),
        o("77770000-0000-4000-8000-000000000008", "Kolkata Cooling Co", "active"),
    ]
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap()
}

fn switcher(w: u16, h: u16) -> State {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Keymap::default());
    s.now = now();
    update(&mut s, Action::Resize { width: w, height: h });
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    let req = s.orgs.pending.expect("orgs requested after detection");
    update(&mut s, Action::OrgsLoaded { req, result: Ok(lookalikes()), ms: 1.5 });
    s
}

/// The board with every org's figures: the three identical-looking rows have different counts.
fn board(w: u16, h: u16) -> State {
    let mut s = switcher(w, h);
    update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
    assert_eq!(s.screen, Screen::Board);
    let req = s.board.pending.expect("the board is asked for");
    let rows: Vec<BoardRow> = s
        .orgs
        .all
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let i = i as i64;
            BoardRow {
                key: o.key.clone(),
                name: o.name.clone(),
                status: o.status.clone(),
                calls_24h: 10 + i * 7,
                failed_24h: if i == 1 { 9 } else { i % 3 },
                calls_7d: (10 + i * 7) * 7,
                failed_7d: i % 3,
                open_emergencies: Some(if i == 2 { 1 } else { 0 }),
                last_call: switchboard::core::board::LastCall::At(now() - Duration::hours(1 + i)),
                figures_unread: None,
            }
        })
        .collect();
    update(&mut s, Action::BoardLoaded { req, result: Ok(rows), ms: 4.0, partial: false });
    s
}

#[test]
fn look_alike_names_in_the_switcher() {
    for (w, h) in SIZES {
        let screen = draw(&switcher(w, h));
        for must in ["⚠≈#3f2a", "≈␣#9b1c", "≈#9b1d", "≈#c0de", "≈#a11c", "⚠≈#a11d", "␣ Bright", ":org #key"]
        {
            assert!(screen.contains(must), "{must} at {w}x{h}:\n{screen}");
        }
        insta::assert_snapshot!(format!("names_switcher_{w}x{h}"), screen);
    }
    // Unusual whitespace, where there is room for the name.
    let screen = draw(&switcher(120, 40));
    assert!(screen.contains("Bright⟨A0⟩Smiles"), "{screen}");
}

#[test]
fn look_alike_names_on_the_board() {
    for (w, h) in SIZES {
        let screen = draw(&board(w, h));
        for must in ["⚠≈#3f2a", "≈␣#9b1c", "≈#9b1d", "≈#c0de", ":org #key"] {
            assert!(screen.contains(must), "{must} at {w}x{h}:\n{screen}");
        }
        insta::assert_snapshot!(format!("names_board_{w}x{h}"), screen);
    }
    // The trailing space, where there is room for the name.
    let screen = draw(&board(120, 40));
    assert!(screen.contains("Rapid Rooter Plumbing␣"), "{screen}");
}

#[test]
fn an_ambiguous_dash_dash_org_in_the_switcher() {
    for (w, h) in SIZES {
        let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Keymap::default());
        s.start_org = Some("Rapid Rooter Plumbing".into());
        update(&mut s, Action::Resize { width: w, height: h });
        init(&mut s);
        update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
        let req = s.orgs.pending.unwrap();
        update(&mut s, Action::OrgsLoaded { req, result: Ok(lookalikes()), ms: 1.5 });
        let screen = draw(&s);
        assert!(screen.contains("--org: \"Rapid Rooter Plumbing\" matches 2"), "{w}x{h}:\n{screen}");
        insta::assert_snapshot!(format!("names_start_org_ambiguous_{w}x{h}"), screen);
    }
}
