//! Copying over SSH: OSC 52 asks the user's own terminal to set its clipboard, wrapped in tmux's
//! passthrough when running inside tmux. Text too long for a terminal clipboard is saved to a file.

use std::io::Write;
use std::path::PathBuf;

use base64::Engine;

/// Terminals commonly drop OSC 52 payloads beyond about 100 kB of base64.
pub const MAX_OSC52_BYTES: usize = 74_000;

/// The OSC 52 sequence that sets the clipboard to `text`; inside tmux, wrapped in its DCS passthrough
/// (every ESC doubled).
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    if in_tmux { format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b")) } else { seq }
}

/// Where copies too long for the clipboard go.
pub fn fallback_path() -> PathBuf {
    let t = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    crate::demo::data_dir().join("copies").join(format!("copy-{t}.txt"))
}

/// Copies `text` (what it is, for the message); returns the message to show.
pub fn copy(what: &str, text: &str) -> String {
    if text.len() <= MAX_OSC52_BYTES {
        let seq = osc52(text, std::env::var_os("TMUX").is_some());
        let mut out = std::io::stdout();
        if out.write_all(seq.as_bytes()).and_then(|_| out.flush()).is_ok() {
            return format!("copied the {what} ({} chars, OSC 52)", text.chars().count());
        }
    }
    let path = fallback_path();
    let saved = path.parent().map(std::fs::create_dir_all).transpose().and_then(|_| std::fs::write(&path, text));
    match saved {
        Ok(()) => format!("the {what} is too long for the terminal clipboard: saved to {}", path.display()),
        Err(e) => format!("could not copy the {what}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_plain_and_wrapped_for_tmux() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }
}
