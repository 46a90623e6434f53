//! Org names that can be told apart, and `--org` / `:org` finding the org meant, without a database: the
//! match order of `find_org`, the name marks kept in the org list's state, `:org` and `--org` in the reducer,
//! and the exports' name fields.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::{Key, Org, find_org, find_visible_org};
use switchboard::core::reducer::{init, update};
use switchboard::core::state::{Screen, State};

fn o(id: &str, name: &str, slug: Option<&str>) -> Org {
    Org {
        key: Key::parse(id),
        name: name.to_string(),
        industry: Some("plumbing".into()),
        status: Some("active".into()),
        slug: slug.map(str::to_string),
        timezone: Some("America/New_York".into()),
    }
}

/// The orgs: four "Rapid Rooter Plumbing" that look the same (a Cyrillic і, a trailing space, two
/// exact duplicates), "Test Org" among three names that contain it, and plain neighbours.
fn lookalikes() -> Vec<Org> {
    vec![
        o("3f2a61c0-0000-4000-8000-000000000001", "Rapid Rooter Plumb\u{456}ng", Some("rapid-rooter-3")),
        o("9b1c7d20-0000-4000-8000-000000000002", "Rapid Rooter Plumbing ", Some("rapid-rooter-2")),
        o("9b1d0e30-0000-4000-8000-000000000003", "Rapid Rooter Plumbing", Some("rapid-rooter")),
        o("c0de4f40-0000-4000-8000-000000000004", "Rapid Rooter Plumbing", Some("rapid-rooter-4")),
        o("5e5e0000-0000-4000-8000-000000000005", "Test Org", Some("test-org")),
        o("5e5e1111-0000-4000-8000-000000000006", "Test Organization", Some("test-organization")),
        o("5e5e2222-0000-4000-8000-000000000007", "Test Org (staging)", Some("test-org-staging")),
        o("5e5e3333-0000-4000-8000-000000000008", "Pre-Test Org", Some("pre-test-org")),
        o("cafe0000-0000-4000-8000-000000000009", "Bistro Plumbing", Some("bistro")),
        o("a11c0000-0000-4000-8000-00000000000a", "Cafe Heating", Some("cafe-heating")),
    ]
}

fn name<'a>(orgs: &'a [Org], q: &str) -> Result<&'a str, String> {
    find_org(orgs, q).map(|o| o.name.as_str()).map_err(|e| e.message)
}

#[test]
fn an_exact_id_slug_or_name_wins_over_fragments() {
    let orgs = lookalikes();
    // The issue: "matches 4 organizations" though exactly one org has that name.
    assert_eq!(name(&orgs, "Test Org"), Ok("Test Org"));
    assert_eq!(name(&orgs, "  Test Org "), Ok("Test Org"), "what is typed is trimmed");
    assert_eq!(name(&orgs, "test org"), Ok("Test Org"), "then any case");
    assert_eq!(name(&orgs, "test-org-staging"), Ok("Test Org (staging)"), "a slug");
    assert_eq!(name(&orgs, "TEST-ORG"), Ok("Test Org"), "a slug in any case");
    assert_eq!(name(&orgs, "5e5e1111-0000-4000-8000-000000000006"), Ok("Test Organization"));
    assert_eq!(name(&orgs, "5E5E1111-0000-4000-8000-000000000006"), Ok("Test Organization"));
    // The name with the Cyrillic і is not the Latin one.
    assert_eq!(find_org(&orgs, "Rapid Rooter Plumb\u{456}ng").unwrap().key.short(), "3f2a61c0");
    // Fragments still work when only one org has them.
    assert_eq!(name(&orgs, "staging"), Ok("Test Org (staging)"));
    assert_eq!(name(&orgs, "heat"), Ok("Cafe Heating"));
}

#[test]
fn a_unique_id_prefix_finds_its_org() {
    let orgs = lookalikes();
    assert_eq!(find_org(&orgs, "3f2a").unwrap().key.short(), "3f2a61c0");
    assert_eq!(find_org(&orgs, "#3f2a").unwrap().key.short(), "3f2a61c0");
    assert_eq!(find_org(&orgs, "#9B1C").unwrap().name, "Rapid Rooter Plumbing ");
    assert_eq!(find_org(&orgs, "9b1d0").unwrap().key.short(), "9b1d0e30");
    // After '#' any length counts, and only ids are looked at.
    assert_eq!(find_org(&orgs, "#c0").unwrap().key.short(), "c0de4f40");
    assert!(find_org(&orgs, "#c").unwrap_err().message.contains("matches 2 organizations"));
    let e = find_org(&orgs, "#9b1").unwrap_err();
    assert!(e.message.contains("matches 2 organizations") && !e.none, "{e}");
    assert!(find_org(&orgs, "#zzzz").unwrap_err().none);
    // Without '#', fewer than 4 characters are a name fragment only.
    assert!(find_org(&orgs, "3f2").unwrap_err().none);
}

#[test]
fn ambiguous_results_list_the_candidates_with_their_keys() {
    let orgs = lookalikes();
    // Two orgs with exactly this name: the exact step is ambiguous, and says which keys tell them apart.
    let e = find_org(&orgs, "Rapid Rooter Plumbing").unwrap_err();
    assert!(!e.none);
    assert!(e.message.contains("matches 2 organizations"), "{e}");
    assert!(e.message.contains("Rapid Rooter Plumbing (#9b1d)") && e.message.contains("(#c0de)"), "{e}");
    // Fragments: the trailing space is shown.
    let e = find_org(&orgs, "rooter").unwrap_err();
    assert!(e.message.contains("matches 4 organizations"), "{e}");
    assert!(e.message.contains("Rapid Rooter Plumbing␣ (#9b1c)"), "{e}");
    // An id prefix of one org that is a name fragment of another is not silently either.
    let e = find_org(&orgs, "cafe").unwrap_err();
    assert!(e.message.contains("Bistro Plumbing (#cafe)") && e.message.contains("Cafe Heating (#a11c)"), "{e}");
    assert_eq!(find_org(&orgs, "#cafe").unwrap().name, "Bistro Plumbing");
    // More than five: the rest are counted.
    let many: Vec<Org> = (0..8).map(|i| o(&format!("{i:08}-0000-4000-8000-000000000000"), "Same", None)).collect();
    let e = find_org(&many, "Same").unwrap_err();
    assert!(e.message.contains("matches 8 organizations") && e.message.contains("and 3 more"), "{e}");
    assert!(find_org(&many, "").is_err() && find_org(&many, "   ").is_err());
}

#[test]
fn row_security_handling_is_unchanged() {
    let orgs = lookalikes();
    let mut i = info();
    i.row_security = vec!["organizations".into()];
    let (e, refused) = find_visible_org(&orgs, "Nobody Here", &i).unwrap_err();
    assert!(refused && e.message.contains("may be there, hidden"), "{e}");
    let (e, refused) = find_visible_org(&orgs, "rooter", &i).unwrap_err();
    assert!(!refused && e.message.contains("matches 4"), "{e}");
    assert_eq!(find_visible_org(&orgs, "Test Org", &i).unwrap().name, "Test Org");
}

/// A console connected with `orgs` loaded (and `start_org` set before it starts, as `--org` does).
fn console_with(orgs: Vec<Org>, start_org: Option<&str>, w: u16, h: u16) -> (State, Vec<Effect>) {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Keymap::default());
    s.start_org = start_org.map(str::to_string);
    update(&mut s, Action::Resize { width: w, height: h });
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    let req = s.orgs.pending.expect("orgs requested after detection");
    let fx = update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs), ms: 1.5 });
    (s, fx)
}

#[test]
fn the_org_list_keeps_the_marks_computed_once() {
    let (s, _) = console_with(lookalikes(), None, 120, 40);
    let marks = &s.orgs.names;
    assert_eq!(marks.len(), 4, "only the Rapid Rooters need a mark: {:?}", marks.keys());
    let cyr = &marks[&s.orgs.all[0].key];
    assert!(cyr.flags.mixed_script && cyr.flags.look_alike);
    assert_eq!(cyr.prefix(), "⚠≈#3f2a");
    assert_eq!(marks[&s.orgs.all[1].key].shown, "Rapid Rooter Plumbing␣");
    assert_eq!(marks[&s.orgs.all[2].key].prefix(), "≈#9b1d");
}

fn command_line(s: &mut State, line: &str) -> Vec<Effect> {
    cmd(s, Command::CommandLine);
    for c in line.chars() {
        update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }))
}

#[test]
fn colon_org_takes_the_exact_name_and_the_key_shown() {
    let (mut s, _) = console_with(lookalikes(), None, 120, 40);
    let fx = command_line(&mut s, "org Test Org");
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]), "{fx:?} {:?}", s.message);
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Test Org");
    // The key the switcher shows beside a look-alike name.
    let fx = command_line(&mut s, "org #c0de");
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]), "{fx:?} {:?}", s.message);
    assert_eq!(s.calls.org.as_ref().unwrap().key.short(), "c0de4f40");
    let fx = command_line(&mut s, "org 3f2a");
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]), "{fx:?}");
    assert_eq!(s.calls.org.as_ref().unwrap().key.short(), "3f2a61c0");
    let fx = command_line(&mut s, "org Rapid Rooter Plumbing");
    assert!(fx.is_empty());
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains("matches 2 organizations") && m.contains("#9b1d") && m.contains("#c0de"), "{m}");
}

#[test]
fn dash_dash_org_opens_the_console_on_that_orgs_calls() {
    let (s, fx) = console_with(lookalikes(), Some("Test Org"), 120, 40);
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]), "{fx:?} {:?}", s.message);
    assert_eq!(s.screen, Screen::Calls);
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Test Org");
    assert_eq!(s.orgs.all.len(), 10, "the list is not limited");
    assert_eq!(s.start_org, None, "used once");

    // Matching several: the switcher says so, with the query in its filter and the candidates listed.
    let (s, fx) = console_with(lookalikes(), Some("rooter"), 120, 40);
    assert!(fx.is_empty());
    assert_eq!(s.screen, Screen::Orgs);
    let m = s.message.clone().unwrap_or_default();
    assert!(m.starts_with("--org: \"rooter\" matches 4 organizations"), "{m}");
    assert_eq!(switchboard::core::state::input_text(&s.orgs.filter), "rooter");
    assert_eq!(s.orgs.matches.len(), 4);
    let screen = draw(&s);
    assert!(screen.contains("--org: \"rooter\" matches 4"), "{screen}");

    // Matching nothing: said, and the whole list shown.
    let (s, fx) = console_with(lookalikes(), Some("Nobody Here"), 60, 16);
    assert!(fx.is_empty());
    assert_eq!(s.screen, Screen::Orgs);
    assert_eq!(s.message.as_deref(), Some("--org: no organization matches \"Nobody Here\""));
    assert_eq!(s.orgs.matches.len(), 10);

    // Hostile text never panics.
    for q in ["\u{1b}]0;pwned\u{7}", "\u{202E}", "#", "####", "💥", "-"] {
        let (s, _) = console_with(lookalikes(), Some(q), 60, 16);
        let _ = draw(&s);
    }
}

#[test]
fn dash_dash_org_wins_over_a_board_start_and_leaves_a_one_org_profile_alone() {
    // `--board --org X`: the board is asked for at once, then X opens when the org list is in.
    let mut s = State::new("t", true, Keymap::default());
    s.start_on_board = true;
    s.start_org = Some("#5e5e0".into());
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    assert_eq!(s.screen, Screen::Board);
    let req = s.orgs.pending.unwrap();
    let fx = update(&mut s, Action::OrgsLoaded { req, result: Ok(lookalikes()), ms: 1.5 });
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]), "{fx:?}");
    assert_eq!((s.screen, s.calls.org.as_ref().unwrap().name.as_str()), (Screen::Calls, "Test Org"));

    // With a one-org profile, `--org` is not what decides.
    let mut s = State::new("t", true, Keymap::default());
    s.limit_to_org(Some("Test Org (staging)".into()));
    s.start_org = Some("Test Org".into());
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    let req = s.orgs.pending.unwrap();
    update(&mut s, Action::OrgsLoaded { req, result: Ok(lookalikes()), ms: 1.5 });
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Test Org (staging)");
    assert_eq!(s.orgs.all.len(), 1);
}

#[test]
fn exports_carry_the_name_flags_beside_the_fields_they_had() {
    use switchboard::export::{Format, orgs};
    let list = lookalikes();
    let json: serde_json::Value = serde_json::from_str(&orgs(&list, Format::Json).unwrap()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 10);
    let first = &rows[0];
    for field in ["key", "name", "industry", "status", "slug", "timezone", "name_flags", "name_key"] {
        assert!(first.get(field).is_some(), "{field} in {first}");
    }
    assert_eq!(first["name"], "Rapid Rooter Plumb\u{456}ng", "the name is as stored");
    assert_eq!(first["name_flags"], "mixed-script; look-alike");
    assert_eq!(first["name_key"], "3f2a");
    assert_eq!(rows[1]["name_flags"], "look-alike; whitespace");
    assert_eq!(rows[3]["name_flags"], "look-alike; duplicate");
    assert!(rows[4]["name_flags"].is_null() && rows[4]["name_key"].is_null());
    let csv = orgs(&list, Format::Csv).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(header, "key,name,industry,status,slug,timezone,name_flags,name_key");
    assert!(csv.contains(",look-alike; duplicate,c0de"), "{csv}");
}
