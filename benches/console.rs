//! In-process parts of the benchmark (divan): the fuzzy org filter over 10,000 orgs, a 2 MB transcript
//! (parse + wrap, search) and full-frame renders at 240×70. No database: `switchboard bench` measures the
//! paths that touch one. Run with `cargo bench --bench console`.

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::{CallDetail, CallRow, Key, Org};
use switchboard::core::reducer::update;
use switchboard::core::state::{CallView, Screen, State};
use switchboard::core::time::OrgZone;
use switchboard::core::transcript;
use switchboard::ui::theme::Theme;
use switchboard::ui::views;

fn main() {
    divan::main();
}

fn transcript_2mb() -> String {
    let mut s = String::with_capacity(2_100_000);
    let mut i = 0u64;
    while s.len() < 2 * 1024 * 1024 {
        s.push_str(&format!(
            "AI: Reference {i:032x}: I can send a technician to look at the pipe under the sink, tell me more about it.\n\
             Customer: It started {} days ago, the pipe drips near the valve {:08x} and water pools under the cabinet.\n",
            i % 30,
            i.wrapping_mul(2654435761)
        ));
        i += 1;
    }
    s
}

fn orgs(n: usize) -> Vec<Org> {
    let a = ["Acme", "Bright", "Summit", "Harbor", "Pioneer", "Evergreen", "Blue Sky", "Metro", "Golden", "Riverside"];
    let b = ["Dental", "Plumbing", "Law Office", "HVAC", "Veterinary", "Roofing", "Realty", "Clinic", "Electric"];
    (1..=n)
        .map(|i| Org {
            key: Key::Uuid(uuid::Uuid::from_u128(i as u128 * 0x9e37_79b9_7f4a_7c15)),
            name: format!("{} {} {i}", a[i % a.len()], b[(i / 10) % b.len()]),
            industry: None,
            status: Some("active".into()),
            slug: None,
            timezone: None,
        })
        .collect()
}

fn row(i: u32) -> CallRow {
    CallRow {
        key: Key::Uuid(uuid::Uuid::from_u128(i as u128 + 1)),
        created_at: Some(chrono::Utc::now() - chrono::Duration::seconds(61 * i as i64)),
        direction: Some("inbound".into()),
        phone: Some(format!("+1555{:07}", i * 7919 % 10_000_000)),
        status: Some("completed".into()),
        duration_s: Some(20 + (i % 900) as i32),
        emergency: Some(i.is_multiple_of(97)),
        urgency: Some((i % 100) as f64 / 100.0),
        urgency_label: None,
        assistant: Some("Scale Receptionist 1".into()),
        caller: None,
        language: Some("en".into()),
    }
}

fn state(w: u16, h: u16) -> State {
    let mut s = State::new("bench", true, Keymap::default());
    let _ = update(&mut s, Action::Resize { width: w, height: h });
    s
}

fn char_key(c: char) -> Action {
    Action::Input(Input { key: TKey::Char(c), ctrl: false, alt: false, shift: false })
}

#[divan::bench]
fn fuzzy_filter_key_10k_orgs(b: Bencher) {
    let mut s = state(240, 70);
    s.orgs.set(orgs(10_000));
    switchboard::core::reducer::refilter(&mut s);
    let _ = update(&mut s, char_key('d'));
    let _ = update(&mut s, char_key('e'));
    // Each iteration: one key that changes the filter and one that changes it back.
    b.bench_local(|| {
        let _ = update(&mut s, char_key('n'));
        let _ = update(&mut s, Action::Input(Input { key: TKey::Backspace, ctrl: false, alt: false, shift: false }));
    });
}

#[divan::bench]
fn transcript_2mb_parse_and_wrap(b: Bencher) {
    let text = transcript_2mb();
    b.bench_local(|| {
        let turns = transcript::parse(divan::black_box(&text));
        transcript::wrap(&turns, 238).len()
    });
}

#[divan::bench]
fn transcript_2mb_search(b: Bencher) {
    let turns = transcript::parse(&transcript_2mb());
    b.bench_local(|| transcript::search(&turns, divan::black_box("pipe")).len());
}

fn call_state() -> State {
    let mut s = state(240, 70);
    let text = transcript_2mb();
    let mut view = CallView::new(OrgZone::from_name(None), row(1), 1);
    view.turns = transcript::parse(&text);
    view.detail = Some(CallDetail {
        row: row(1),
        external_id: None,
        updated_at: None,
        summary: Some("A long call".into()),
        transcript: Some(text),
        facts: Vec::new(),
        not_recorded: Vec::new(),
    });
    view.pending = None;
    view.rewrap(s.transcript_width());
    s.call = Some(view);
    s.screen = Screen::Call;
    s
}

#[divan::bench]
fn render_240x70_transcript(b: Bencher) {
    let s = call_state();
    let theme = Theme::from_name("default");
    let mut t = Terminal::new(TestBackend::new(240, 70)).unwrap();
    b.bench_local(|| {
        t.draw(|f| views::render(&s, &theme, f)).unwrap();
    });
}

#[divan::bench]
fn scroll_step_240x70_transcript(b: Bencher) {
    let mut s = call_state();
    let theme = Theme::from_name("default");
    let mut t = Terminal::new(TestBackend::new(240, 70)).unwrap();
    b.bench_local(|| {
        let _ = update(&mut s, Action::Command(Command::Down));
        t.draw(|f| views::render(&s, &theme, f)).unwrap();
    });
}

#[divan::bench]
fn render_240x70_call_list(b: Bencher) {
    let mut s = state(240, 70);
    s.screen = Screen::Calls;
    s.calls.org = Some(orgs(1).remove(0));
    s.calls.loaded = true;
    s.calls.page.rows = (0..s.page_size() as u32).map(row).collect();
    s.calls.page.has_after = true;
    let theme = Theme::from_name("default");
    let mut t = Terminal::new(TestBackend::new(240, 70)).unwrap();
    b.bench_local(|| {
        t.draw(|f| views::render(&s, &theme, f)).unwrap();
    });
}
