//! The command line as clap reads it: the connection flags every command takes, the console's own flags, and
//! the subcommands.

use clap::{Parser, Subcommand};

use crate::export::Format;

/// A terminal console for AI voice-call platforms on PostgreSQL.
#[derive(Parser, Debug)]
#[command(name = "switchboard", version, about)]
pub struct Cli {
    /// Database URL (postgres://user:password@host:port/database). Overrides DATABASE_URL and profiles.
    #[arg(long, global = true)]
    pub url: Option<String>,
    /// A profile of the config file.
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// The config file (default: the user's config directory, or SWITCHBOARD_CONFIG).
    #[arg(long, global = true)]
    pub config: Option<std::path::PathBuf>,
    /// Statement timeout in milliseconds.
    #[arg(long, global = true)]
    pub statement_timeout_ms: Option<u64>,
    /// Use this dialect instead of detecting it (retell, serviceai, voxanne, prisma, quinite); with `demo`,
    /// the platform of the demo database.
    #[arg(long, global = true)]
    pub dialect: Option<String>,
    /// Behind a pooler: `transaction` (PgBouncer pool_mode=transaction, Supabase's port 6543) or `none`.
    /// Detected from the URL when absent (port 6543, `pgbouncer=true`).
    #[arg(long, global = true)]
    pub pooler: Option<String>,
    /// The instant the on-call view (and `export oncall`) looks at: `2026-11-21 22:30` in the org's
    /// zone, or `2026-11-22T03:30:00Z`.
    #[arg(long, global = true)]
    pub at: Option<String>,
    #[command(flatten)]
    pub console: ConsoleFlags,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// The console's own flags: given before the subcommand, or after `tui` or `demo`; `export`, `check` and
/// `bench` neither take nor list them.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ConsoleFlags {
    /// No colors (also: NO_COLOR=1).
    #[arg(long)]
    pub no_color: bool,
    /// Open on the attention board (the orgs that need a look) instead of the org switcher.
    #[arg(long)]
    pub board: bool,
    /// Mouse support: click to select, wheel to scroll (off by default so terminal selection works).
    #[arg(long)]
    pub mouse: bool,
    /// Write mode: allows acknowledging notifications (each after a confirmation). Read-only otherwise.
    #[arg(long)]
    pub write: bool,
    /// Open the console on this org's calls: its id, slug, exact name, the first characters of its id, or a
    /// name fragment only one org has. The org list stays whole (a profile's `org` limits it instead).
    #[arg(long)]
    pub org: Option<String>,
}

impl ConsoleFlags {
    /// The flags given either side of `tui` / `demo`: `switchboard --board demo` and `switchboard demo --board`
    /// mean the same.
    /// The switches given, by name (`--org` aside).
    pub fn given(&self) -> Vec<&'static str> {
        [("--no-color", self.no_color), ("--board", self.board), ("--mouse", self.mouse), ("--write", self.write)]
            .into_iter()
            .filter_map(|(name, on)| on.then_some(name))
            .collect()
    }

    pub fn or(self, other: ConsoleFlags) -> ConsoleFlags {
        ConsoleFlags {
            no_color: self.no_color || other.no_color,
            board: self.board || other.board,
            mouse: self.mouse || other.mouse,
            write: self.write || other.write,
            org: self.org.or(other.org),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Open the console (the default).
    Tui {
        #[command(flatten)]
        console: ConsoleFlags,
    },
    /// Open the console on a demo database with generated data (embedded PostgreSQL, nothing to install).
    Demo {
        /// Throw the demo database away and build it again.
        #[arg(long)]
        reset: bool,
        /// Run the demo on a private server from the system's PostgreSQL binaries instead.
        #[arg(long)]
        server: bool,
        #[command(flatten)]
        console: ConsoleFlags,
    },
    /// Connect, report the server, the detected schema and what the console can show for it.
    Check,
    /// Generate platform-scale data, measure, and print a table (see BENCHMARKS.md).
    Bench(crate::bench::BenchArgs),
    /// Print what a view shows, as JSON or CSV, for scripts (exit 0 ok, 1 connection, 2 usage or unknown org).
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportWhat {
    /// Every organization.
    Orgs {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// One page of an org's calls, newest first; JSON carries the cursor of the next page.
    Calls {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// Rows per page.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// The `next_cursor` of the previous page.
        #[arg(long)]
        cursor: Option<String>,
        /// Filters, as typed in the console: `status:failed dir:inbound from:2026-01-01 to:2026-01-31
        /// agent:ava phone:415555 urgent "burst pipe"` (dates in the org's zone).
        #[arg(long)]
        filter: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// The attention board: every org with its 24 h / 7 d figures and why it needs a look.
    Board {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// An org's figures over a range of local dates (default: the last 7 days).
    Overview {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// First local date (default: 6 days ago).
        #[arg(long)]
        from: Option<String>,
        /// Last local date, included (default: today).
        #[arg(long)]
        to: Option<String>,
        /// JSON, or CSV with one figure per row (section, key, value).
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// One call with its details, summary and transcript.
    Call {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// The call's id.
        #[arg(long)]
        id: String,
        /// JSON has everything; CSV is the transcript alone, one speaker turn per row.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// The org profile (identity, people, voice setup, integrations, money, campaigns), never a secret.
    Org {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// JSON, or CSV with one value per row (section, row, field, value).
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Who is on call (now, or at --at), the escalation chain, and the open notifications of one org.
    Oncall {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Everything about one caller in one org: their records, counts, and one timeline of calls,
    /// appointments, SMS, transfers and notifications, newest first (times in UTC and the org's zone).
    Caller {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// A phone number in any format: +14155550123, (415) 555-0123, 0044 20 7946 0958...
        #[arg(long, required_unless_present = "name", conflicts_with = "name")]
        phone: Option<String>,
        /// A customer, contact or lead name, or a part of it.
        #[arg(long)]
        name: Option<String>,
        /// JSON has everything; CSV is the timeline alone.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Appointments of one org whose local date is in FROM..=TO (the org's own time zone).
    Appointments {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// First local date, e.g. 2026-03-01.
        #[arg(long)]
        from: String,
        /// Last local date (included).
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
}
