//! The commands: one declaration each, from which the list of commands, their config names, the help's
//! descriptions, the footer's hints and the default keys are all generated, so none of them can drift from
//! another. A `macro_rules!` table rather than derives (`strum`): the default keys are part of a command's
//! declaration, checked by the compiler, which attributes could only hold as strings parsed at run time.
//!
//! A declaration is
//!
//! ```text
//! Variant {
//!     name: "config_name",        // the action in the config's [keys.<screen>] tables
//!     describe: "what it does",   // the help's description
//!     hint: "word",               // the footer's word
//!     keys: { Context: [key, ...], ... },
//! }
//! ```
//!
//! A key is a character (`'q'`), a character with control (`(ctrl 'c')`) or a named key (`Enter`, `Esc`, `Tab`,
//! `Backspace`, `Up`, `Down`, `Left`, `Right`, `PageUp`, `PageDown`, `Home`, `End`), in the order the help lists
//! them (the first is the footer's). The order of the commands in a screen's help is the screen's
//! (`Context::help_order`), since no one order of the commands suits every screen.

use super::{Chord, Context, KeyName};

/// One key of the table below.
macro_rules! key {
    ((ctrl $c:literal)) => {
        Chord::ctrl($c)
    };
    ($c:literal) => {
        Chord::ch($c)
    };
    ($k:ident) => {
        Chord::plain(KeyName::$k)
    };
}

macro_rules! commands {
    ($(
        $cmd:ident {
            name: $name:literal,
            describe: $describe:literal,
            hint: $hint:literal,
            keys: { $($ctx:ident: [$($key:tt),* $(,)?]),* $(,)? } $(,)?
        }
    )+) => {
        /// What a key asks for. Small and `Copy`; the reducer decides what it means on the current screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $($cmd,)+
        }

        impl Command {
            /// Every command, in the order of their declarations (the order a bad config's message lists them in).
            pub const ALL: &'static [Command] = &[$(Command::$cmd,)+];

            /// The name used in the config's `[keys.<context>]` tables.
            pub fn name(self) -> &'static str {
                match self {
                    $(Command::$cmd => $name,)+
                }
            }

            /// What the help says it does.
            pub fn describe(self) -> &'static str {
                match self {
                    $(Command::$cmd => $describe,)+
                }
            }

            /// Short word for the footer hints.
            pub fn hint(self) -> &'static str {
                match self {
                    $(Command::$cmd => $hint,)+
                }
            }

            /// The keys it has by default in each context that has it, in the order the help lists them.
            pub fn default_keys(self) -> &'static [(Context, &'static [Chord])] {
                match self {
                    $(Command::$cmd => {
                        const KEYS: &[(Context, &[Chord])] = &[$((Context::$ctx, &[$(key!($key)),*]),)*];
                        KEYS
                    })+
                }
            }
        }
    };
}

commands! {
    Quit {
        name: "quit",
        describe: "quit",
        hint: "quit",
        keys: { Global: ['q', (ctrl 'c')] },
    }
    Help {
        name: "help",
        describe: "show this help",
        hint: "help",
        keys: { Global: ['?'] },
    }
    Orgs {
        name: "orgs",
        describe: "switch organization",
        hint: "orgs",
        keys: { Global: ['o'] },
    }
    Refresh {
        name: "refresh",
        describe: "reload the view",
        hint: "reload",
        keys: { Global: ['r'] },
    }
    Up {
        name: "up",
        describe: "up one row / line",
        hint: "up",
        keys: {
            Calls: ['k', Up],
            Call: ['k', Up],
            Calendar: ['k', Up],
            OnCall: ['k', Up],
            Profile: ['k', Up],
            Caller: ['k', Up],
            Board: ['k', Up],
        },
    }
    Down {
        name: "down",
        describe: "down one row / line",
        hint: "down",
        keys: {
            Calls: ['j', Down],
            Call: ['j', Down],
            Calendar: ['j', Down],
            OnCall: ['j', Down],
            Profile: ['j', Down],
            Caller: ['j', Down],
            Board: ['j', Down],
        },
    }
    PageUp {
        name: "page_up",
        describe: "previous page",
        hint: "page up",
        keys: {
            Calls: [PageUp, (ctrl 'b')],
            Call: [PageUp, (ctrl 'b')],
            Profile: [PageUp],
            Caller: [PageUp],
            Board: [PageUp],
        },
    }
    PageDown {
        name: "page_down",
        describe: "next page",
        hint: "page down",
        keys: {
            Calls: [PageDown, (ctrl 'f'), ' '],
            Call: [PageDown, (ctrl 'f'), ' '],
            Profile: [PageDown],
            Caller: [PageDown],
            Board: [PageDown],
        },
    }
    Top {
        name: "top",
        describe: "first page / top",
        hint: "top",
        keys: { Calls: ['g', Home], Call: ['g', Home], Profile: ['g'], Caller: ['g'] },
    }
    Bottom {
        name: "bottom",
        describe: "last page / bottom",
        hint: "bottom",
        keys: { Calls: ['G', End], Call: ['G', End], Profile: ['G'], Caller: ['G'] },
    }
    Open {
        name: "open",
        describe: "open selected",
        hint: "open",
        keys: {
            Calls: [Enter, 'l', Right],
            Calendar: [Enter],
            OnCall: [Enter],
            Caller: [Enter],
            Board: [Enter],
        },
    }
    Back {
        name: "back",
        describe: "back",
        hint: "back",
        keys: {
            Calls: [Backspace],
            Call: ['h', Left, Backspace, Esc],
            Calendar: [Esc, Backspace],
            OnCall: [Esc, Backspace],
            Caller: [Esc, Backspace],
            Overview: [Esc, Backspace],
            Board: [Esc, Backspace],
            Profile: [Esc, Backspace],
        },
    }
    Details {
        name: "details",
        describe: "transcript / details; grid / agenda",
        hint: "details",
        keys: { Call: [Tab, 'd'], Calendar: [Tab], OnCall: [Tab] },
    }
    Calendar {
        name: "calendar",
        describe: "appointment calendar",
        hint: "calendar",
        keys: { Global: ['c'] },
    }
    Left {
        name: "left",
        describe: "previous day",
        hint: "day",
        keys: { Calendar: ['h', Left] },
    }
    Right {
        name: "right",
        describe: "next day",
        hint: "day",
        keys: { Calendar: ['l', Right] },
    }
    PrevMonth {
        name: "prev_month",
        describe: "previous month",
        hint: "month",
        keys: { Calendar: ['[', PageUp] },
    }
    NextMonth {
        name: "next_month",
        describe: "next month",
        hint: "month",
        keys: { Calendar: [']', PageDown] },
    }
    Today {
        name: "today",
        describe: "today",
        hint: "today",
        keys: { Calendar: ['t'], Overview: ['t'] },
    }
    GoTo {
        name: "go_to",
        describe: "go to a date",
        hint: "go to",
        keys: { Calendar: ['g'], Overview: ['g'] },
    }
    OnCall {
        name: "on_call",
        describe: "on-call view",
        hint: "on call",
        keys: { Global: ['e'] },
    }
    Acknowledge {
        name: "acknowledge",
        describe: "acknowledge the notification (write mode)",
        hint: "ack",
        keys: { OnCall: ['a'] },
    }
    Yes {
        name: "yes",
        describe: "yes, do it (in a confirmation)",
        hint: "yes",
        keys: { OnCall: ['y'] },
    }
    Filter {
        name: "filter",
        describe: "filter (calls: status: dir: from: to: agent: phone: urgent, words; notifications: by status)",
        hint: "filter",
        keys: { Calls: ['f'], OnCall: ['f'], Overview: ['f'], Board: ['f'] },
    }
    SetTime {
        name: "set_time",
        describe: "look at another instant",
        hint: "at time",
        keys: { OnCall: ['i'] },
    }
    Profile {
        name: "profile",
        describe: "org profile",
        hint: "profile",
        keys: { Global: ['p'] },
    }
    SetStatus {
        name: "set_status",
        describe: "suspend / reactivate the org (write mode)",
        hint: "suspend/reactivate",
        keys: { Profile: ['S'] },
    }
    ClearFilter {
        name: "clear_filter",
        describe: "clear the filter",
        hint: "clear filter",
        keys: { Calls: ['x'], Board: ['x'] },
    }
    Board {
        name: "board",
        describe: "attention board: orgs that need a look",
        hint: "board",
        keys: { Global: ['b'] },
    }
    Overview {
        name: "overview",
        describe: "org overview: figures, calls per day, breakdowns",
        hint: "overview",
        keys: { Global: ['v'] },
    }
    Copy {
        name: "copy",
        describe: "copy (list: the call id; call: the whole transcript)",
        hint: "copy",
        keys: { Calls: ['y'], Call: ['y'], Caller: ['y'] },
    }
    CopyMore {
        name: "copy_more",
        describe: "copy (list: the phone number; call: the turn at the top)",
        hint: "copy",
        keys: { Calls: ['Y'], Call: ['Y'] },
    }
    CopyUrl {
        name: "copy_url",
        describe: "copy the recording URL",
        hint: "copy url",
        keys: { Call: ['u'] },
    }
    CommandLine {
        name: "command_line",
        describe: "command line (:org :calls :call :cal :oncall :board :caller :messages :q)",
        hint: "command",
        keys: { Global: [':'] },
    }
    Save {
        name: "save",
        describe: "save to a file (list: CSV; call: the transcript as text)",
        hint: "save",
        keys: { Calls: ['s'], Call: ['s'] },
    }
    SaveJson {
        name: "save_json",
        describe: "save the transcript as JSON with its turns",
        hint: "save json",
        keys: { Call: ['S'], Caller: ['S'] },
    }
    Search {
        name: "search",
        describe: "search transcript",
        hint: "search",
        keys: { Call: ['/'] },
    }
    NextMatch {
        name: "next_match",
        describe: "next match",
        hint: "next",
        keys: { Call: ['n'] },
    }
    PrevMatch {
        name: "prev_match",
        describe: "previous match",
        hint: "prev",
        keys: { Call: ['N'] },
    }
    Caller {
        name: "caller",
        describe: "caller history of the selected call, appointment or notification",
        hint: "caller",
        keys: { Global: ['C'] },
    }
    Messages {
        name: "messages",
        describe: "the last messages, with when each was shown (:messages)",
        hint: "messages",
        keys: { Global: ['M'] },
    }
}
