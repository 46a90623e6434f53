//! The org profile without a database: sections, scrolling, the typed confirmation of a status change,
//! and snapshots.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::{Anchor, Dialect};
use switchboard::core::profile::{OrgProfile, ProfileSection};
use switchboard::core::reducer::update;
use switchboard::core::state::{Conn, Screen, State};

fn profile() -> OrgProfile {
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    OrgProfile {
        sections: vec![
            ProfileSection {
                title: "Identity".into(),
                pairs: pairs(&[
                    ("Name", "Acme Plumbing"),
                    ("Slug", "acme-plumbing"),
                    ("Status", "active"),
                    ("Created", "2025-10-02T01:27:10+00:00"),
                ]),
                ..Default::default()
            },
            ProfileSection {
                title: "Branding".into(),
                pairs: pairs(&[("Primary color", "#3B82F6"), ("Secondary color", "#1E40AF"), ("Logo", "—")]),
                ..Default::default()
            },
            ProfileSection {
                title: "Money".into(),
                pairs: pairs(&[("Billing rate / min", "0.40"), ("Cost (COGS) / min", "0.20"), ("Margin", "50.0 %")]),
                ..Default::default()
            },
            ProfileSection {
                title: "People".into(),
                columns: strings(&["Email", "Role", "Since"]),
                rows: vec![
                    strings(&["ana@acme.example", "org_admin", "2025-10-02"]),
                    strings(&["bo@acme.example", "viewer", "2025-11-01"]),
                ],
                ..Default::default()
            },
            ProfileSection {
                title: "Billing history".into(),
                columns: strings(&["Period", "Cost"]),
                ..Default::default()
            },
        ],
        status: Some("active".into()),
    }
}

fn on_profile(w: u16, h: u16, read_only: bool, dialect: Dialect) -> State {
    on_profile_with(w, h, read_only, dialect, profile())
}

fn on_profile_with(w: u16, h: u16, read_only: bool, dialect: Dialect, p: OrgProfile) -> State {
    let mut s = connected(w, h);
    s.read_only = read_only;
    if let Conn::Ready(info) = &mut s.conn {
        info.dialect = dialect;
        info.caps = switchboard::data::dialects::platform(dialect).caps();
    }
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCalls { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 5, false, false)), ms: 1.0 });
    let fx = cmd(&mut s, Command::Profile);
    let [Effect::LoadProfile { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::ProfileLoaded { req: *req, result: Ok(Some(p)), ms: 1.0 });
    s
}

fn type_line(s: &mut State, text: &str) -> Vec<Effect> {
    for c in text.chars() {
        update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }))
}

#[test]
fn a_status_change_needs_write_mode_and_the_typed_name() {
    let mut s = on_profile(120, 40, true, Dialect::Retell);
    cmd(&mut s, Command::SetStatus);
    assert!(s.profile.confirm.is_none());
    assert!(s.message.as_deref().unwrap().contains("--write"));
    let mut s = on_profile(120, 40, false, Dialect::ServiceAi);
    cmd(&mut s, Command::SetStatus);
    assert!(s.message.as_deref().unwrap().contains("no organization status"));
    let mut s = on_profile(120, 40, false, Dialect::Retell);
    cmd(&mut s, Command::SetStatus);
    assert!(s.text_focus());
    assert!(draw(&s).contains("Set Acme Plumbing to suspended? Type its name to confirm"));
    assert!(type_line(&mut s, "Acme").is_empty(), "a wrong name changes nothing");
    assert!(s.message.as_deref().unwrap().contains("did not match"));
    cmd(&mut s, Command::SetStatus);
    let fx = type_line(&mut s, "Acme Plumbing");
    let [Effect::SetOrgStatus { req, status, previous, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((status.as_str(), previous.as_deref()), ("suspended", Some("active")));
    let fx = update(&mut s, Action::StatusChanged { req: *req, result: Ok(()), ms: 1.0 });
    assert!(matches!(fx.as_slice(), [Effect::LoadProfile { .. }]));
    assert_eq!(s.message.as_deref(), Some("✓ status changed"));
}

#[test]
fn scrolling_and_back() {
    let mut s = on_profile(80, 24, true, Dialect::Retell);
    for _ in 0..100 {
        cmd(&mut s, Command::Down);
    }
    let screen = draw(&s);
    assert!(screen.contains("Billing history") && !screen.contains("Identity"), "{screen}");
    // The scroll stops at the end: one step up shows a line more at the top.
    let lines = profile().line_count();
    assert_eq!(s.profile.scroll, lines - 20);
    cmd(&mut s, Command::Up);
    assert_eq!(s.profile.scroll, lines - 21);
    cmd(&mut s, Command::Top);
    assert!(draw(&s).contains("Identity"));
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calls);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let s = on_profile(w, h, false, Dialect::Retell);
        insta::assert_snapshot!(format!("profile_{w}x{h}"), draw(&s));
    }
}

/// A profile with a section the database refuses: it says why, wrapped, and the others show.
#[test]
fn an_unavailable_section_snapshots() {
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let mut p = profile();
        let sec = &mut p.sections[1];
        sec.pairs.clear();
        sec.rows.clear();
        sec.unavailable =
            Some("no SELECT on organization_members (row security hides organization_members from this role)".into());
        let s = on_profile_with(w, h, true, Dialect::ServiceAi, p);
        insta::assert_snapshot!(format!("profile_unavailable_{w}x{h}"), draw(&s));
    }
}
