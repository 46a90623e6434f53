//! Styles. The default uses the 16 ANSI colors, so it follows the user's terminal scheme; `mono` (NO_COLOR,
//! --no-color) uses only bold, reverse and underline; `truecolor` uses 24-bit colors, and only when the
//! terminal says it supports them (COLORTERM=truecolor or 24bit), the 16 colors otherwise. Meaning is never carried by color alone: every state
//! also has a symbol or a word.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
    pub truecolor: bool,
}

impl Theme {
    pub fn from_name(name: &str) -> Theme {
        let colorterm = std::env::var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        Theme::with(name, colorterm == "truecolor" || colorterm == "24bit")
    }

    /// The theme named, given whether the terminal supports 24-bit colors.
    pub fn with(name: &str, terminal_truecolor: bool) -> Theme {
        Theme { mono: name == "mono", truecolor: name == "truecolor" && terminal_truecolor }
    }

    fn fg(&self, c: Color) -> Style {
        if self.mono {
            return Style::default();
        }
        if !self.truecolor {
            return Style::default().fg(c);
        }
        // A calmer palette for terminals that take any color.
        let rgb = match c {
            Color::Cyan => Color::Rgb(0x5f, 0xd7, 0xd7),
            Color::Yellow => Color::Rgb(0xff, 0xc8, 0x57),
            Color::Red => Color::Rgb(0xff, 0x6b, 0x6b),
            Color::Green => Color::Rgb(0x7b, 0xd8, 0x8f),
            Color::DarkGray => Color::Rgb(0x8a, 0x8f, 0x98),
            other => other,
        };
        Style::default().fg(rgb)
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn header(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn agent(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn caller(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn matched(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::default().fg(Color::Black).bg(Color::Yellow)
        }
    }
    pub fn current_match(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn bar(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truecolor_only_when_the_terminal_says_so() {
        assert_eq!(Theme::with("truecolor", true).ok().fg, Some(Color::Rgb(0x7b, 0xd8, 0x8f)));
        assert_eq!(Theme::with("truecolor", false).ok().fg, Some(Color::Green));
        assert_eq!(Theme::with("mono", true).ok().fg, None);
        assert_eq!(Theme::with("ansi", true).ok().fg, Some(Color::Green));
    }
}
