//! The sanitizer's fuzzing properties on the stable toolchain: every file of the committed fuzz corpus
//! (`fuzz/corpus/<target>/`) and a few thousand generated inputs go through the same checks as the fuzz
//! targets (`fuzz/src/props.rs`). No database, no nightly, no cargo-fuzz.

use std::path::PathBuf;

use switchboard::core::{sanitize, transcript};

#[path = "../fuzz/src/props.rs"]
mod props;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{}: only {} files; was the corpus removed?", dir.display(), files.len());
    files
}

/// Runs a check and names the input it failed on.
fn each(target: &str, check: fn(&[u8])) {
    for (path, bytes) in corpus(target) {
        if let Err(e) = std::panic::catch_unwind(|| check(&bytes)) {
            panic!("{} failed: {}", path.display(), panic_text(&e));
        }
    }
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
}

#[test]
fn sanitize_corpus_replays() {
    each("sanitize", |b| props::check_sanitize(&String::from_utf8_lossy(b)));
}

#[test]
fn transcript_corpus_replays() {
    each("transcript", props::check_transcript_bytes);
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces hostile text is made of: escape sequences, C0/C1 controls, DEL, line breaks of every kind, bidi
/// controls, tabs, wide, combining and zero-width characters, emoji sequences, ligatures, speaker labels.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "  ",
    ":",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x1b]0;title\x07",
    "\x1b]52;c;",
    "\x1bP",
    "\x1b\\",
    "\x07",
    "\0",
    "\x08",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{9c}",
    "\u{9d}",
    "\u{90}",
    "[2J",
    "31m",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{2028}",
    "\u{2029}",
    "\u{301}",
    "\u{20dd}",
    "\u{200b}",
    "\u{200d}",
    "\u{fe0f}",
    "\u{fe0e}",
    "東",
    "配管",
    "ｶﾞ",
    "\u{ff9e}",
    "\u{3099}",
    "é",
    "مرحبا",
    "\u{644}\u{627}",
    "א",
    "🔥",
    "👍🏽",
    "❤️",
    "🏳️‍🌈",
    "👨‍👩‍👧",
    "🇺🇸",
    "\u{fffd}",
    "\u{feff}",
    "␛",
    "⟨9B⟩",
    "AI: ",
    "Customer: ",
    "agent:",
    "\nUser: ",
];

fn generate(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(48) {
        match rng.below(10) {
            // Any scalar value, mostly from the first planes.
            0 => {
                let top = if rng.below(4) == 0 { 0x11_0000 } else { 0x3000 };
                s.extend(char::from_u32(rng.below(top) as u32));
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

#[test]
fn generated_inputs_keep_the_properties() {
    let mut rng = Rng(0x005e_ed0f_5a71_712e);
    for i in 0..4000 {
        let s = generate(&mut rng);
        let (width, pick) = (rng.below(100) as u16, rng.below(256) as u8);
        let r = std::panic::catch_unwind(|| {
            props::check_sanitize(&s);
            props::check_transcript(&sanitize::multi_line(&s), width, pick);
        });
        if let Err(e) = r {
            panic!("input {i} {s:?} (width {width}, pick {pick}): {}", panic_text(&e));
        }
    }
}

#[test]
fn generated_bytes_keep_the_properties() {
    let mut rng = Rng(0xb17e_5b17_e5b1_7e5b);
    for i in 0..2000 {
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let r = std::panic::catch_unwind(|| {
            props::check_sanitize(&String::from_utf8_lossy(&bytes));
            props::check_transcript_bytes(&bytes);
        });
        if let Err(e) = r {
            panic!("input {i} {bytes:?}: {}", panic_text(&e));
        }
    }
}

/// `transcript::wrap_paragraph` used to recompute the column after breaking on a space without checking it
/// again: when the text before that space started with a zero-width character, the next line was one column
/// too wide. Found by the `transcript` fuzz target.
#[test]
fn wrap_after_a_zero_width_start_stays_in_the_column() {
    let turns = transcript::parse("\u{301} 1234567東");
    for l in transcript::wrap(&turns, 0) {
        let s = &turns[0].text[l.start as usize..l.end as usize];
        assert!(props::char_width(s) <= 8, "{s:?} is {} columns wide, the column is 8", props::char_width(s));
    }
}
