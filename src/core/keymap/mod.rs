//! Commands and the keys bound to them. Each command is declared once (`commands.rs`): its config name, its
//! description, its footer hint and its default keys. The key help, the footer hints, the config's names and
//! the default keymap are all generated from that table, so there is no second list to keep in sync.

mod chord;
mod commands;

pub use chord::{Chord, KeyName};
pub use commands::Command;

macro_rules! contexts {
    ($(
        $ctx:ident {
            name: $name:literal,
            title: $title:literal,
            help: [$($cmd:ident),* $(,)?] $(,)?
        }
    )+) => {
        /// Where a binding applies. Screen bindings win over global ones.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Context {
            $($ctx,)+
        }

        impl Context {
            pub const ALL: &'static [Context] = &[$(Context::$ctx,)+];

            /// The name used in the config's `[keys.<context>]` tables.
            pub fn name(self) -> &'static str {
                match self {
                    $(Context::$ctx => $name,)+
                }
            }

            /// The heading of its section in the help.
            pub fn title(self) -> &'static str {
                match self {
                    $(Context::$ctx => $title,)+
                }
            }

            /// The order its section of the help lists the commands with default keys here in. The keys
            /// themselves are in the commands' declarations; a command with keys here that this list forgets
            /// still shows, after these (and `tests/keymap_tables.rs` fails).
            pub fn help_order(self) -> &'static [Command] {
                match self {
                    $(Context::$ctx => &[$(Command::$cmd),*],)+
                }
            }
        }
    };
}

contexts! {
    Global {
        name: "global",
        title: "Everywhere",
        help: [Quit, Help, Orgs, Refresh, Calendar, OnCall, Profile, Board, Overview, CommandLine, Caller, Messages],
    }
    Calls {
        name: "calls",
        title: "Call list",
        help: [Up, Down, PageUp, PageDown, Top, Bottom, Open, Filter, Back, Copy, CopyMore, Save, ClearFilter],
    }
    Call {
        name: "call",
        title: "Call and transcript",
        help: [
            Up, Down, PageUp, PageDown, Top, Bottom, Details, Copy, CopyMore, CopyUrl, Save, SaveJson, Search,
            NextMatch, PrevMatch, Back,
        ],
    }
    Calendar {
        name: "calendar",
        title: "Calendar",
        help: [Left, Right, Up, Down, PrevMonth, NextMonth, Today, GoTo, Details, Open, Back],
    }
    OnCall {
        name: "oncall",
        title: "On call",
        help: [Up, Down, Details, Open, Acknowledge, Yes, Filter, SetTime, Back],
    }
    Profile {
        name: "profile",
        title: "Org profile",
        help: [Up, Down, PageUp, PageDown, Top, Bottom, SetStatus, Back],
    }
    Board {
        name: "board",
        title: "Attention board",
        help: [Up, Down, PageUp, PageDown, Open, Filter, ClearFilter, Back],
    }
    Overview {
        name: "overview",
        title: "Org overview (f: today / 7 d / 30 d, g: a range)",
        help: [Filter, Today, GoTo, Back],
    }
    Caller {
        name: "caller",
        title: "Caller history",
        help: [Up, Down, PageUp, PageDown, Top, Bottom, Open, Copy, SaveJson, Back],
    }
}

impl Context {
    /// The context a config's `[keys.<name>]` table names.
    pub fn from_name(s: &str) -> Option<Context> {
        Context::ALL.iter().copied().find(|c| c.name() == s)
    }
}

impl Command {
    /// The command a config's action name names (spaces around it ignored).
    pub fn from_name(s: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == s.trim())
    }
}

/// The active bindings, in the order the help shows them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Context, Chord, Command)>,
}

impl Default for Keymap {
    /// Every command's default keys, each context's commands in its help order.
    fn default() -> Self {
        let mut bindings = Vec::new();
        for &ctx in Context::ALL {
            let order = ctx.help_order();
            let forgotten = Command::ALL.iter().filter(|c| !order.contains(c));
            for &cmd in order.iter().chain(forgotten) {
                for (_, keys) in cmd.default_keys().iter().filter(|(c, _)| *c == ctx) {
                    bindings.extend(keys.iter().map(|k| (ctx, *k, cmd)));
                }
            }
        }
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
            let c = Context::from_name(ctx).ok_or_else(|| {
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
