//! Phone numbers by libphonenumber's rules (the `phonenumber` crate): its own example numbers for many
//! countries, typed nationally and internationally; numbers typed without a country code read in the
//! org's country, then in the countries of its own numbers and recent callers (a New Zealand org looking
//! up a US caller); the spellings lookups match; and, against PostgreSQL, that cross-country lookup and
//! what each platform counts as an answered call.

mod common;

use phonenumber::Mode;
use phonenumber::metadata::DATABASE;
use switchboard::core::caller::{
    Because, CallerHistory, CallerQuery, Country, countries_to_try, parse_phone, region_of_international,
    region_of_zone, variants,
};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::time::OrgZone;
use switchboard::data::source::caller::CallerScope;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

fn org(iso: &str) -> Vec<Country> {
    vec![Country::org(iso).unwrap()]
}

const REGIONS: &[&str] =
    &["US", "CA", "GB", "IE", "NZ", "AU", "DE", "FR", "IT", "ES", "NL", "SE", "CH", "JP", "IN", "SG", "BR", "MX", "ZA"];

#[test]
fn libphonenumbers_example_numbers_read_the_same_typed_nationally_or_internationally() {
    let mut checked = 0;
    for iso in REGIONS {
        let meta = DATABASE.by_id(*iso).unwrap();
        let d = meta.descriptors();
        for example in [d.fixed_line(), d.mobile()].into_iter().flatten().filter_map(|x| x.example()) {
            let n = phonenumber::parse(Some(iso.parse().unwrap()), example).unwrap();
            assert!(n.is_valid(), "{iso} {example}");
            let e164 = n.format().mode(Mode::E164).to_string();
            let national = n.format().mode(Mode::National).to_string();
            let international = n.format().mode(Mode::International).to_string();
            // Typed as the country writes it, in an org of that country.
            let p = parse_phone(&national, &org(iso)).unwrap_or_else(|e| panic!("{iso} {national}: {e}"));
            assert_eq!(p.e164().as_deref(), Some(e164.as_str()), "{iso} {national}");
            assert_eq!(p.region.as_deref(), Some(*iso), "{iso} {national}");
            assert!(p.note.as_deref().unwrap().contains("the org's country"), "{:?}", p.note);
            // Typed with its country code, anywhere: the same number, no note.
            for typed in [international.clone(), e164.clone(), format!("00{}", &e164[1..])] {
                let q = parse_phone(&typed, None).unwrap_or_else(|e| panic!("{iso} {typed}: {e}"));
                assert_eq!(q.e164().as_deref(), Some(e164.as_str()), "{iso} {typed}");
                assert_eq!(q.note, None, "{iso} {typed}");
            }
            // Stored in any of libphonenumber's formats, the lookup's spellings match it.
            let v = variants(&p);
            for stored in [&e164, &national, &international, &e164[1..].to_string()] {
                assert!(v.iter().any(|s| s == stored), "{iso}: {stored} missing from {} spellings", v.len());
            }
            assert!(v.len() < 2500, "{iso}: {}", v.len());
            assert_eq!(region_of_international(&e164).as_deref(), Some(*iso), "{e164}");
            checked += 1;
        }
    }
    assert!(checked >= 2 * 10, "{checked}");
}

#[test]
fn a_us_number_typed_in_a_new_zealand_org_is_read_as_the_us_number_its_callers_have() {
    let callers = vec!["+13105550100".to_string(); 4];
    let nz = countries_to_try(Country::org("NZ"), &[], &callers);
    assert_eq!(
        nz.iter().map(|c| (c.iso.as_str(), c.because)).collect::<Vec<_>>(),
        [("NZ", Because::Org), ("US", Because::Callers(4))]
    );
    for typed in ["(310) 555-0100", "310-555-0100", "13105550100", "1 (310) 555-0100"] {
        let p = parse_phone(typed, &nz).unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert_eq!(p.e164().as_deref(), Some("+13105550100"), "{typed}");
        assert_eq!(p.region.as_deref(), Some("US"));
        let note = p.note.unwrap();
        assert!(note.contains("read as +1 310-555-0100, a US number: not valid in NZ"), "{note}");
        assert!(note.contains("4 recent callers"), "{note}");
    }
    // Without a US caller on record nothing valid is left: refused, never searched as +64 3105550100.
    let e = parse_phone("(310) 555-0100", &org("NZ")).unwrap_err();
    assert!(e.contains("not valid in NZ") && e.contains("country code"), "{e}");
    assert!(parse_phone("13105550100", &org("NZ")).is_err());
    // A New Zealand number stays New Zealand's, even with US callers on record.
    let p = parse_phone("09 300 1234", &nz).unwrap();
    assert_eq!(p.e164().as_deref(), Some("+6493001234"));
    assert!(p.note.unwrap().contains("(the org's country)"));
    // The org's own numbers come before its callers; the callers' countries by how many called.
    let own = vec!["+61 2 9374 4000".to_string()];
    let callers: Vec<String> =
        ["+447700900123", "+13105550100", "+447700900124", "anonymous", "0207 946 0958"].map(String::from).into();
    let order = countries_to_try(None, &own, &callers);
    assert_eq!(
        order.iter().map(|c| (c.iso.as_str(), c.because)).collect::<Vec<_>>(),
        [("AU", Because::OwnNumber), ("GB", Because::Callers(2)), ("US", Because::Callers(1))]
    );
    // Valid in two of them: the first is looked up and the other is named.
    let p = parse_phone("0412 345 678", &order).unwrap();
    assert_eq!(p.e164().as_deref(), Some("+61412345678"));
}

#[test]
fn typed_numbers_in_every_format_mean_the_same_number() {
    let us = org("US");
    for typed in [
        "+14155550123",
        "+1 (415) 555-0123",
        "(415) 555-0123",
        "415-555-0123",
        "415.555.0123",
        "1-415-555-0123",
        "0014155550123",
        "00 1 415 555 0123",
        "4155550123",
        "14155550123",
        "+1.415.555.0123",
    ] {
        assert_eq!(parse_phone(typed, &us).unwrap().e164().as_deref(), Some("+14155550123"), "{typed}");
    }
    let uk = parse_phone("020 7946 0958", &org("gb")).unwrap();
    assert_eq!(uk.e164().as_deref(), Some("+442079460958"));
    assert_eq!(parse_phone("+44 (0)20 7946 0958", None).unwrap().e164().as_deref(), Some("+442079460958"));
    // Italy keeps its leading 0 after the country code.
    assert_eq!(parse_phone("02 1234 5678", &org("IT")).unwrap().e164().as_deref(), Some("+390212345678"));
    // A number the rules do not know but of a possible length, typed with its country code: looked up
    // as typed, and said so (test and fictional ranges).
    let odd = parse_phone("+1 555 010 0000", None).unwrap();
    assert_eq!(odd.e164().as_deref(), Some("+15550100000"));
    assert!(odd.note.unwrap().contains("not a valid number"));
    // No country to try at all: national digits only, said so.
    let bare = parse_phone("0207 946 0958", None).unwrap();
    assert_eq!((bare.country_code, bare.national.as_str()), (None, "2079460958"));
    assert!(bare.note.unwrap().contains("unknown"));
}

#[test]
fn malformed_numbers_are_refused_with_a_reason() {
    for bad in
        ["", "   ", "anonymous", "restricted", "+", "123", "+1 415 555", "123456789012345678", "41+5", "+999 1234"]
    {
        let e = parse_phone(bad, &org("US")).unwrap_err();
        assert!(!e.is_empty(), "{bad}");
    }
    assert!(parse_phone("anonymous", None).unwrap_err().contains("not a phone number"));
}

#[test]
fn the_stored_spellings_include_each_common_format_and_nothing_short() {
    let v = variants(&parse_phone("+14155550123", None).unwrap());
    for stored in [
        "+14155550123",
        "14155550123",
        "4155550123",
        "(415) 555-0123",
        "(415)555-0123",
        "415-555-0123",
        "415.555.0123",
        "415 555 0123",
        "+1 415 555 0123",
        "+1 415-555-0123",
        "+1 (415) 555-0123",
        "+1-415-555-0123",
        "+1.415.555.0123",
        "1-415-555-0123",
        "0014155550123",
        "001 415 555 0123",
    ] {
        assert!(v.iter().any(|s| s == stored), "{stored} missing");
    }
    assert!(v.iter().all(|s| s.chars().filter(char::is_ascii_digit).count() >= 10));
    let uk = variants(&parse_phone("+447700900123", None).unwrap());
    for stored in
        ["+447700900123", "07700 900123", "07700900123", "+44 7700 900123", "00447700900123", "+44 (0)7700 900123"]
    {
        assert!(uk.iter().any(|s| s == stored), "{stored} missing");
    }
    let fr = variants(&parse_phone("+33123456789", None).unwrap());
    assert!(fr.iter().any(|s| s == "01 23 45 67 89"));
    assert!(uk.len() < 2500, "{}", uk.len());
}

#[test]
fn zones_name_their_country() {
    assert_eq!(region_of_zone("America/Chicago"), Some("US"));
    assert_eq!(region_of_zone("America/Indiana/Knox"), Some("US"));
    assert_eq!(region_of_zone("Pacific/Auckland"), Some("NZ"));
    assert_eq!(region_of_zone("Australia/Sydney"), Some("AU"));
    assert_eq!(region_of_zone("Mars/Olympus"), None);
    assert_eq!(Country::org("UK").map(|c| c.iso), Some("GB".to_string()));
    assert_eq!(Country::org("XX"), None);
}

// Against PostgreSQL.

const KIWI: &str = "00000000-0000-0000-0000-0000000000e1";

/// A plumber in Auckland (ServiceAI) that a US number called four times, and a local caller.
const KIWI_SQL: &str = "
INSERT INTO organizations (id, name, industry, timezone)
VALUES ('00000000-0000-0000-0000-0000000000e1', 'Kiwi Plumbing', 'plumbing', 'Pacific/Auckland');
INSERT INTO call_logs (id, organization_id, vapi_call_id, customer_phone_number, call_duration, call_status, created_at)
VALUES
  ('e2000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000e1', 'kiwi-1', '+13105550100', 60, 'completed', '2026-03-01 01:00:00+00'),
  ('e2000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000e1', 'kiwi-2', '+13105550100', 0, 'no-answer', '2026-03-02 01:00:00+00'),
  ('e2000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-0000000000e1', 'kiwi-3', '+13105550100', 95, 'completed', '2026-03-03 01:00:00+00'),
  ('e2000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-0000000000e1', 'kiwi-4', '+13105550100', 30, 'voicemail', '2026-03-04 01:00:00+00'),
  ('e2000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-0000000000e1', 'kiwi-5', '+6493001234', 40, 'completed', '2026-03-05 01:00:00+00'),
  -- Never the US caller: the same digits as a New Zealand number.
  ('e2000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-0000000000e1', 'kiwi-6', '+643105550100', 40, 'completed', '2026-03-05 02:00:00+00');
";

#[tokio::test(flavor = "multi_thread")]
async fn a_new_zealand_org_finds_its_us_caller_typed_without_a_country_code() {
    let d = Dialect::ServiceAi;
    let url = common::fresh_db("phonekiwi", &[schema_sql(d), KIWI_SQL]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let zone = OrgZone::from_name(Some("Pacific/Auckland"));
    let org = Key::parse(KIWI);
    for typed in ["(310) 555-0100", "13105550100", "+1 310 555 0100"] {
        let h = src.caller(d, &org, &CallerQuery::Phone(typed.into()), &zone, CallerScope::default()).await.unwrap();
        assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+13105550100"), "{typed}");
        assert_eq!(h.events.len(), 4, "{typed}: {:?}", h.events);
        if !typed.starts_with('+') {
            assert!(h.notes.iter().any(|n| n.contains("a US number: not valid in NZ")), "{typed}: {:?}", h.notes);
        }
        // Completed calls reached someone; no answer and voicemail did not.
        assert_eq!((h.counts(chrono::Utc::now()).calls, h.counts(chrono::Utc::now()).answered), (4, 2));
    }
    let h =
        src.caller(d, &org, &CallerQuery::Phone("09 300 1234".into()), &zone, CallerScope::default()).await.unwrap();
    assert_eq!(h.events.len(), 1);
    assert!(h.notes.iter().any(|n| n.contains("a NZ number (the org's country)")), "{:?}", h.notes);
}

/// Retell records a connection in `connected_at`: a `not_connected` call of 850 s without one was not
/// answered, one with it was, and so was a voicemail's connection not.
const RETELL_EXTRA: &str = "
INSERT INTO org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.calls (
    id, external_call_id, direction, from_e164, to_e164, status, duration_seconds, connected_at, created_at,
    organization_id)
VALUES
  ('c2000000-0000-0000-0000-0000000000a1', 'ans-1', 'inbound', '+14155550123', '+15550100000', 'not_connected', 850,
   NULL, '2026-03-09 10:00:00+00', '00000000-0000-0000-0000-00000000000a'),
  ('c2000000-0000-0000-0000-0000000000a2', 'ans-2', 'inbound', '+14155550123', '+15550100000', 'ended', 120,
   '2026-03-09 11:00:05+00', '2026-03-09 11:00:00+00', '00000000-0000-0000-0000-00000000000a'),
  ('c2000000-0000-0000-0000-0000000000a3', 'ans-3', 'inbound', '+14155550123', '+15550100000', 'voicemail', 25,
   '2026-03-09 12:00:09+00', '2026-03-09 12:00:00+00', '00000000-0000-0000-0000-00000000000a');
";

#[tokio::test(flavor = "multi_thread")]
async fn each_platform_counts_answered_calls_from_its_own_fields() {
    for d in Dialect::ALL.iter().copied() {
        let [hostile, caller] = common::caller_fixtures(d);
        let extra = if d == Dialect::Retell { RETELL_EXTRA } else { "SELECT 1" };
        let url = common::fresh_db(&format!("phoneans{}", d.name()), &[schema_sql(d), hostile, caller, extra]).await;
        let src = Source::new(DbOptions::new(&url)).unwrap();
        let org = Key::parse(if d == Dialect::Prisma { "ckorga000000000000000000a" } else { common::ORG_A });
        let h: CallerHistory = src
            .caller(
                d,
                &org,
                &CallerQuery::Phone("+14155550123".into()),
                &OrgZone::from_name(None),
                CallerScope::default(),
            )
            .await
            .unwrap_or_else(|e| panic!("{d}: {e}"));
        let answered: Vec<(String, Option<&str>)> =
            h.events.iter().filter(|e| e.answered()).map(|e| (e.key.to_string(), e.status.as_deref())).collect();
        let c = h.counts(chrono::Utc::now());
        let want = match d {
            // call_status: completed (185 s, 42 s, 10 s) are answered; failed and no_answer are not.
            Dialect::ServiceAi => (5, 3),
            // status: three completed calls; the failed one is not.
            Dialect::Voxanne => (4, 3),
            // status: COMPLETED only; MISSED and FAILED are not.
            Dialect::Prisma => (3, 1),
            // call_status: transferred; no_answer and voicemail are not.
            Dialect::Quinite => (3, 1),
            // connected_at: only ans-2; the fixture's calls and the 850 s not_connected one have none,
            // and a voicemail's connection is not an answer.
            Dialect::Retell => (6, 1),
        };
        assert_eq!((c.calls, c.answered), want, "{d}: answered {answered:?}");
        if d == Dialect::Retell {
            assert_eq!(answered, [("c2000000-0000-0000-0000-0000000000a2".to_string(), Some("ended"))]);
        }
    }
}
