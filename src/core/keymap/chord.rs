//! Key presses as the config writes them and the help prints them.

use std::fmt;

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub key: KeyName,
    pub ctrl: bool,
    pub alt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

impl Chord {
    pub const fn plain(key: KeyName) -> Chord {
        Chord { key, ctrl: false, alt: false }
    }

    pub const fn ch(c: char) -> Chord {
        Chord::plain(KeyName::Char(c))
    }

    pub const fn ctrl(c: char) -> Chord {
        Chord { key: KeyName::Char(c), ctrl: true, alt: false }
    }

    /// Parses "q", "G", "?", "ctrl-c", "alt-x", "enter", "pgdn", "f1", "space".
    pub fn parse(s: &str) -> Result<Chord, String> {
        let mut chord = Chord::plain(KeyName::Esc);
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+")) {
                chord.ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 2 && (lower.starts_with("alt-") || lower.starts_with("alt+")) {
                chord.alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        chord.key = match lower.as_str() {
            "enter" | "return" => KeyName::Enter,
            "esc" | "escape" => KeyName::Esc,
            "backspace" | "bs" => KeyName::Backspace,
            "tab" => KeyName::Tab,
            "up" => KeyName::Up,
            "down" => KeyName::Down,
            "left" => KeyName::Left,
            "right" => KeyName::Right,
            "pgup" | "pageup" => KeyName::PageUp,
            "pgdn" | "pagedown" => KeyName::PageDown,
            "home" => KeyName::Home,
            "end" => KeyName::End,
            "space" => KeyName::Char(' '),
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyName::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyName::Char(if chord.ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => return Err(format!("unknown key {s:?}")),
                }
            }
        };
        Ok(chord)
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::Enter => f.write_str("enter"),
            KeyName::Esc => f.write_str("esc"),
            KeyName::Backspace => f.write_str("backspace"),
            KeyName::Tab => f.write_str("tab"),
            KeyName::Up => f.write_str("↑"),
            KeyName::Down => f.write_str("↓"),
            KeyName::Left => f.write_str("←"),
            KeyName::Right => f.write_str("→"),
            KeyName::PageUp => f.write_str("pgup"),
            KeyName::PageDown => f.write_str("pgdn"),
            KeyName::Home => f.write_str("home"),
            KeyName::End => f.write_str("end"),
            KeyName::F(n) => write!(f, "f{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print() {
        assert_eq!(Chord::parse("ctrl-c").unwrap(), Chord::ctrl('c'));
        assert_eq!(Chord::parse("G").unwrap(), Chord::ch('G'));
        assert_eq!(Chord::parse("pgdn").unwrap(), Chord::plain(KeyName::PageDown));
        assert_eq!(Chord::parse("space").unwrap(), Chord::ch(' '));
        assert!(Chord::parse("nope").is_err());
        assert_eq!(Chord::ctrl('f').to_string(), "ctrl-f");
    }
}
