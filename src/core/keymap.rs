//! Commands and the keys bound to them. The key help and the footer hints are generated from this table,
//! so there is no second list to keep in sync.

use std::fmt;

/// What a key asks for. Small and `Copy`; the reducer decides what it means on the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Orgs,
    Refresh,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Details,
    Calendar,
    Left,
    Right,
    PrevMonth,
    NextMonth,
    Today,
    GoTo,
    OnCall,
    Acknowledge,
    Yes,
    Filter,
    SetTime,
    Profile,
    SetStatus,
    ClearFilter,
    Board,
    Overview,
    Copy,
    CopyMore,
    CopyUrl,
    CommandLine,
    Save,
    SaveJson,
    Search,
    NextMatch,
    PrevMatch,
    Caller,
    Messages,
}

impl Command {
    pub const ALL: &'static [Command] = &[
        Command::Quit,
        Command::Help,
        Command::Orgs,
        Command::Refresh,
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::Top,
        Command::Bottom,
        Command::Open,
        Command::Back,
        Command::Details,
        Command::Calendar,
        Command::Left,
        Command::Right,
        Command::PrevMonth,
        Command::NextMonth,
        Command::Today,
        Command::GoTo,
        Command::OnCall,
        Command::Acknowledge,
        Command::Yes,
        Command::Filter,
        Command::SetTime,
        Command::Profile,
        Command::SetStatus,
        Command::ClearFilter,
        Command::Board,
        Command::Overview,
        Command::Copy,
        Command::CopyMore,
        Command::CopyUrl,
        Command::CommandLine,
        Command::Save,
        Command::SaveJson,
        Command::Search,
        Command::NextMatch,
        Command::PrevMatch,
        Command::Caller,
        Command::Messages,
    ];

    /// The name used in the config's `[keys.<context>]` tables.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "help",
            Command::Orgs => "orgs",
            Command::Refresh => "refresh",
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page_up",
            Command::PageDown => "page_down",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Back => "back",
            Command::Details => "details",
            Command::Calendar => "calendar",
            Command::Left => "left",
            Command::Right => "right",
            Command::PrevMonth => "prev_month",
            Command::NextMonth => "next_month",
            Command::Today => "today",
            Command::GoTo => "go_to",
            Command::OnCall => "on_call",
            Command::Acknowledge => "acknowledge",
            Command::Yes => "yes",
            Command::Filter => "filter",
            Command::SetTime => "set_time",
            Command::Profile => "profile",
            Command::SetStatus => "set_status",
            Command::ClearFilter => "clear_filter",
            Command::Board => "board",
            Command::Overview => "overview",
            Command::Copy => "copy",
            Command::CopyMore => "copy_more",
            Command::CopyUrl => "copy_url",
            Command::CommandLine => "command_line",
            Command::Save => "save",
            Command::SaveJson => "save_json",
            Command::Search => "search",
            Command::NextMatch => "next_match",
            Command::PrevMatch => "prev_match",
            Command::Caller => "caller",
            Command::Messages => "messages",
        }
    }

    pub fn from_name(s: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == s.trim())
    }

    pub fn describe(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "show this help",
            Command::Orgs => "switch organization",
            Command::Refresh => "reload the view",
            Command::Up => "up one row / line",
            Command::Down => "down one row / line",
            Command::PageUp => "previous page",
            Command::PageDown => "next page",
            Command::Top => "first page / top",
            Command::Bottom => "last page / bottom",
            Command::Open => "open selected",
            Command::Back => "back",
            Command::Details => "transcript / details; grid / agenda",
            Command::Calendar => "appointment calendar",
            Command::Left => "previous day",
            Command::Right => "next day",
            Command::PrevMonth => "previous month",
            Command::NextMonth => "next month",
            Command::Today => "today",
            Command::GoTo => "go to a date",
            Command::OnCall => "on-call view",
            Command::Acknowledge => "acknowledge the notification (write mode)",
            Command::Yes => "yes, do it (in a confirmation)",
            Command::Filter => {
                "filter (calls: status: dir: from: to: agent: phone: urgent, words; notifications: by status)"
            }
            Command::ClearFilter => "clear the filter",
            Command::Board => "attention board: orgs that need a look",
            Command::Overview => "org overview: figures, calls per day, breakdowns",
            Command::Copy => "copy (list: the call id; call: the whole transcript)",
            Command::CopyMore => "copy (list: the phone number; call: the turn at the top)",
            Command::CopyUrl => "copy the recording URL",
            Command::CommandLine => "command line (:org :calls :call :cal :oncall :board :caller :messages :q)",
            Command::Save => "save to a file (list: CSV; call: the transcript as text)",
            Command::SaveJson => "save the transcript as JSON with its turns",
            Command::SetTime => "look at another instant",
            Command::Profile => "org profile",
            Command::SetStatus => "suspend / reactivate the org (write mode)",
            Command::Search => "search transcript",
            Command::NextMatch => "next match",
            Command::PrevMatch => "previous match",
            Command::Caller => "caller history of the selected call, appointment or notification",
            Command::Messages => "the last messages, with when each was shown (:messages)",
        }
    }

    /// Short word for the footer hints.
    pub fn hint(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "help",
            Command::Orgs => "orgs",
            Command::Refresh => "reload",
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page up",
            Command::PageDown => "page down",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Back => "back",
            Command::Details => "details",
            Command::Calendar => "calendar",
            Command::Left => "day",
            Command::Right => "day",
            Command::PrevMonth => "month",
            Command::NextMonth => "month",
            Command::Today => "today",
            Command::GoTo => "go to",
            Command::OnCall => "on call",
            Command::Acknowledge => "ack",
            Command::Yes => "yes",
            Command::Filter => "filter",
            Command::ClearFilter => "clear filter",
            Command::Board => "board",
            Command::Overview => "overview",
            Command::SetTime => "at time",
            Command::Profile => "profile",
            Command::SetStatus => "suspend/reactivate",
            Command::Copy => "copy",
            Command::CopyMore => "copy",
            Command::CopyUrl => "copy url",
            Command::CommandLine => "command",
            Command::Save => "save",
            Command::SaveJson => "save json",
            Command::Search => "search",
            Command::NextMatch => "next",
            Command::PrevMatch => "prev",
            Command::Caller => "caller",
            Command::Messages => "messages",
        }
    }
}

/// Where a binding applies. Screen bindings win over global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Calls,
    Call,
    Calendar,
    OnCall,
    Profile,
    Board,
    Overview,
    Caller,
}

impl Context {
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Calls,
        Context::Call,
        Context::Calendar,
        Context::OnCall,
        Context::Profile,
        Context::Board,
        Context::Overview,
        Context::Caller,
    ];

    /// The name used in the config's `[keys.<context>]` tables.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Calls => "calls",
            Context::Call => "call",
            Context::Calendar => "calendar",
            Context::OnCall => "oncall",
            Context::Profile => "profile",
            Context::Board => "board",
            Context::Overview => "overview",
            Context::Caller => "caller",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Calls => "Call list",
            Context::Call => "Call and transcript",
            Context::Calendar => "Calendar",
            Context::OnCall => "On call",
            Context::Profile => "Org profile",
            Context::Board => "Attention board",
            Context::Overview => "Org overview (f: today / 7 d / 30 d, g: a range)",
            Context::Caller => "Caller history",
        }
    }
}

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

/// The active bindings, in the order the help shows them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Context, Chord, Command)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Command::*;
        use Context::*;
        use KeyName as K;
        let p = Chord::plain;
        let c = Chord::ch;
        let bindings = vec![
            (Global, c('q'), Quit),
            (Global, Chord::ctrl('c'), Quit),
            (Global, c('?'), Help),
            (Global, c('o'), Orgs),
            (Global, c('r'), Refresh),
            (Global, c('c'), Command::Calendar),
            (Global, c('e'), Command::OnCall),
            (Global, c('p'), Command::Profile),
            (Global, c('b'), Command::Board),
            (Global, c('v'), Command::Overview),
            (Global, c(':'), Command::CommandLine),
            (Global, c('C'), Command::Caller),
            (Global, c('M'), Command::Messages),
            (Calls, c('k'), Up),
            (Calls, p(K::Up), Up),
            (Calls, c('j'), Down),
            (Calls, p(K::Down), Down),
            (Calls, p(K::PageUp), PageUp),
            (Calls, Chord::ctrl('b'), PageUp),
            (Calls, p(K::PageDown), PageDown),
            (Calls, Chord::ctrl('f'), PageDown),
            (Calls, c(' '), PageDown),
            (Calls, c('g'), Top),
            (Calls, p(K::Home), Top),
            (Calls, c('G'), Bottom),
            (Calls, p(K::End), Bottom),
            (Calls, p(K::Enter), Open),
            (Calls, c('l'), Open),
            (Calls, c('f'), Filter),
            (Calls, p(K::Backspace), Back),
            (Calls, c('y'), Copy),
            (Calls, c('Y'), CopyMore),
            (Calls, c('s'), Save),
            (Calls, c('x'), ClearFilter),
            (Calls, p(K::Right), Open),
            (Call, c('k'), Up),
            (Call, p(K::Up), Up),
            (Call, c('j'), Down),
            (Call, p(K::Down), Down),
            (Call, p(K::PageUp), PageUp),
            (Call, Chord::ctrl('b'), PageUp),
            (Call, p(K::PageDown), PageDown),
            (Call, Chord::ctrl('f'), PageDown),
            (Call, c(' '), PageDown),
            (Call, c('g'), Top),
            (Call, p(K::Home), Top),
            (Call, c('G'), Bottom),
            (Call, p(K::End), Bottom),
            (Call, p(K::Tab), Details),
            (Call, c('d'), Details),
            (Call, c('y'), Copy),
            (Call, c('Y'), CopyMore),
            (Call, c('u'), CopyUrl),
            (Call, c('s'), Save),
            (Call, c('S'), SaveJson),
            (Call, c('/'), Search),
            (Call, c('n'), NextMatch),
            (Call, c('N'), PrevMatch),
            (Call, c('h'), Back),
            (Call, p(K::Left), Back),
            (Call, p(K::Backspace), Back),
            (Call, p(K::Esc), Back),
            (Context::Calendar, c('h'), Left),
            (Context::Calendar, p(K::Left), Left),
            (Context::Calendar, c('l'), Right),
            (Context::Calendar, p(K::Right), Right),
            (Context::Calendar, c('k'), Up),
            (Context::Calendar, p(K::Up), Up),
            (Context::Calendar, c('j'), Down),
            (Context::Calendar, p(K::Down), Down),
            (Context::Calendar, c('['), PrevMonth),
            (Context::Calendar, p(K::PageUp), PrevMonth),
            (Context::Calendar, c(']'), NextMonth),
            (Context::Calendar, p(K::PageDown), NextMonth),
            (Context::Calendar, c('t'), Today),
            (Context::Calendar, c('g'), GoTo),
            (Context::Calendar, p(K::Tab), Details),
            (Context::Calendar, p(K::Enter), Open),
            (Context::Calendar, p(K::Esc), Back),
            (Context::Calendar, p(K::Backspace), Back),
            (Context::OnCall, c('k'), Up),
            (Context::OnCall, p(K::Up), Up),
            (Context::OnCall, c('j'), Down),
            (Context::OnCall, p(K::Down), Down),
            (Context::OnCall, p(K::Tab), Details),
            (Context::OnCall, p(K::Enter), Open),
            (Context::OnCall, c('a'), Acknowledge),
            (Context::OnCall, c('y'), Yes),
            (Context::OnCall, c('f'), Filter),
            (Context::OnCall, c('i'), SetTime),
            (Context::OnCall, p(K::Esc), Back),
            (Context::OnCall, p(K::Backspace), Back),
            (Context::Profile, c('k'), Up),
            (Context::Profile, p(K::Up), Up),
            (Context::Profile, c('j'), Down),
            (Context::Profile, p(K::Down), Down),
            (Context::Profile, p(K::PageUp), PageUp),
            (Context::Profile, p(K::PageDown), PageDown),
            (Context::Profile, c('g'), Top),
            (Context::Profile, c('G'), Bottom),
            (Context::Profile, c('S'), SetStatus),
            (Context::Caller, c('k'), Up),
            (Context::Caller, p(K::Up), Up),
            (Context::Caller, c('j'), Down),
            (Context::Caller, p(K::Down), Down),
            (Context::Caller, p(K::PageUp), PageUp),
            (Context::Caller, p(K::PageDown), PageDown),
            (Context::Caller, c('g'), Top),
            (Context::Caller, c('G'), Bottom),
            (Context::Caller, p(K::Enter), Open),
            (Context::Caller, c('y'), Copy),
            (Context::Caller, c('S'), SaveJson),
            (Context::Caller, p(K::Esc), Back),
            (Context::Caller, p(K::Backspace), Back),
            (Context::Overview, c('f'), Filter),
            (Context::Overview, c('t'), Today),
            (Context::Overview, c('g'), GoTo),
            (Context::Overview, p(K::Esc), Back),
            (Context::Overview, p(K::Backspace), Back),
            (Context::Board, c('k'), Up),
            (Context::Board, p(K::Up), Up),
            (Context::Board, c('j'), Down),
            (Context::Board, p(K::Down), Down),
            (Context::Board, p(K::PageUp), PageUp),
            (Context::Board, p(K::PageDown), PageDown),
            (Context::Board, p(K::Enter), Open),
            (Context::Board, c('f'), Filter),
            (Context::Board, c('x'), ClearFilter),
            (Context::Board, p(K::Esc), Back),
            (Context::Board, p(K::Backspace), Back),
            (Context::Profile, p(K::Esc), Back),
            (Context::Profile, p(K::Backspace), Back),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// Rebinds the keys of one action in one context (the other actions keep theirs). A key the action
    /// now takes is removed from whatever other action of that context had it.
    pub fn rebind(&mut self, ctx: Context, cmd: Command, keys: &[Chord]) {
        self.bindings.retain(|(c, ch, x)| !(*c == ctx && (*x == cmd || keys.contains(ch))));
        for k in keys {
            self.bindings.push((ctx, *k, cmd));
        }
    }

    /// The default keymap patched with `[keys.<context>] <action> = "key" | ["key", ...]` from the config.
    /// Every context, action and key is checked; the first bad one is the error.
    pub fn with_overrides(overrides: &[(String, String, Vec<String>)]) -> Result<Keymap, String> {
        let mut km = Keymap::default();
        for (ctx, action, keys) in overrides {
            let c = Context::ALL.iter().copied().find(|c| c.name() == ctx.as_str()).ok_or_else(|| {
                let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                format!("[keys.{ctx}]: unknown screen; known: {}", known.join(", "))
            })?;
            let cmd = Command::from_name(action).ok_or_else(|| {
                let known: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                format!("[keys.{ctx}] {action}: unknown action; known: {}", known.join(", "))
            })?;
            if keys.is_empty() {
                return Err(format!("[keys.{ctx}] {action}: give at least one key"));
            }
            let chords = keys
                .iter()
                .map(|k| Chord::parse(k).map_err(|e| format!("[keys.{ctx}] {action}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            km.rebind(c, cmd, &chords);
        }
        Ok(km)
    }

    /// The command for a chord on a screen: the screen's binding, else the global one.
    pub fn lookup(&self, ctx: Context, chord: Chord) -> Option<Command> {
        let find = |c: Context| self.bindings.iter().find(|(bc, ch, _)| *bc == c && *ch == chord).map(|b| b.2);
        find(ctx).or_else(|| find(Context::Global))
    }

    /// Every command of a context with its keys, in table order (for the help screen).
    pub fn help(&self, ctx: Context) -> Vec<(Command, Vec<Chord>)> {
        let mut out: Vec<(Command, Vec<Chord>)> = Vec::new();
        for (c, chord, cmd) in &self.bindings {
            if *c != ctx {
                continue;
            }
            match out.iter_mut().find(|(x, _)| x == cmd) {
                Some((_, keys)) => keys.push(*chord),
                None => out.push((*cmd, vec![*chord])),
            }
        }
        out
    }

    /// The first key of a command in a context (or globally), for footer hints.
    pub fn key_for(&self, ctx: Context, cmd: Command) -> Option<Chord> {
        self.bindings
            .iter()
            .find(|(c, _, x)| *c == ctx && *x == cmd)
            .or_else(|| self.bindings.iter().find(|(c, _, x)| *c == Context::Global && *x == cmd))
            .map(|b| b.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_bindings_win_and_global_ones_apply_everywhere() {
        let km = Keymap::default();
        assert_eq!(km.lookup(Context::Calls, Chord::ch('j')), Some(Command::Down));
        assert_eq!(km.lookup(Context::Call, Chord::ch('q')), Some(Command::Quit));
        assert_eq!(km.lookup(Context::Calls, Chord::ch('/')), None);
        assert_eq!(km.lookup(Context::Call, Chord::plain(KeyName::Esc)), Some(Command::Back));
    }

    #[test]
    fn chords_parse_and_print() {
        assert_eq!(Chord::parse("ctrl-c").unwrap(), Chord::ctrl('c'));
        assert_eq!(Chord::parse("G").unwrap(), Chord::ch('G'));
        assert_eq!(Chord::parse("pgdn").unwrap(), Chord::plain(KeyName::PageDown));
        assert_eq!(Chord::parse("space").unwrap(), Chord::ch(' '));
        assert!(Chord::parse("nope").is_err());
        assert_eq!(Chord::ctrl('f').to_string(), "ctrl-f");
    }

    #[test]
    fn the_config_patches_only_what_it_names() {
        let o =
            |c: &str, a: &str, k: &[&str]| (c.to_string(), a.to_string(), k.iter().map(|s| s.to_string()).collect());
        let km = Keymap::with_overrides(&[o("calls", "down", &["n", "ctrl-n"]), o("global", "quit", &["Q"])]).unwrap();
        assert_eq!(km.lookup(Context::Calls, Chord::ch('n')), Some(Command::Down));
        assert_eq!(km.lookup(Context::Calls, Chord::ch('j')), None, "j no longer moves down");
        assert_eq!(km.lookup(Context::Calls, Chord::plain(KeyName::Down)), None);
        assert_eq!(km.lookup(Context::Calls, Chord::ch('k')), Some(Command::Up), "the rest keep their keys");
        assert_eq!(km.lookup(Context::Call, Chord::ch('j')), Some(Command::Down), "other screens keep theirs");
        assert_eq!(km.lookup(Context::Calls, Chord::ch('Q')), Some(Command::Quit));
        assert_eq!(km.lookup(Context::Calls, Chord::ch('q')), None);
        // A key taken from another action leaves that action.
        let km = Keymap::with_overrides(&[o("call", "search", &["n"])]).unwrap();
        assert_eq!(km.lookup(Context::Call, Chord::ch('n')), Some(Command::Search));
        assert!(km.help(Context::Call).iter().all(|(c, _)| *c != Command::NextMatch));
    }

    #[test]
    fn bad_keymaps_say_what_is_wrong() {
        let o =
            |c: &str, a: &str, k: &[&str]| (c.to_string(), a.to_string(), k.iter().map(|s| s.to_string()).collect());
        assert!(Keymap::with_overrides(&[o("callz", "down", &["j"])]).unwrap_err().contains("unknown screen"));
        assert!(Keymap::with_overrides(&[o("calls", "dwn", &["j"])]).unwrap_err().contains("unknown action"));
        assert!(Keymap::with_overrides(&[o("calls", "down", &["hyper-j"])]).unwrap_err().contains("unknown key"));
        assert!(Keymap::with_overrides(&[o("calls", "down", &[])]).unwrap_err().contains("at least one key"));
        for c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(*c));
        }
    }

    #[test]
    fn every_back_is_reachable_without_esc_which_tmux_delays() {
        let km = Keymap::default();
        for ctx in Context::ALL.iter().filter(|c| **c != Context::Global) {
            let backs = km.help(*ctx).into_iter().find(|(c, _)| *c == Command::Back).map(|x| x.1).unwrap_or_default();
            assert!(backs.iter().any(|k| k.key != KeyName::Esc), "{ctx:?}: {backs:?}");
        }
    }

    #[test]
    fn help_lists_every_key_of_a_command() {
        let km = Keymap::default();
        let help = km.help(Context::Calls);
        let down = help.iter().find(|(c, _)| *c == Command::Down).unwrap();
        assert_eq!(down.1.len(), 2);
    }
}
