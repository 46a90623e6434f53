//! Settings: command line > environment > config file > defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::model::Dialect;
use crate::data::pool::Pooler;

pub const DEFAULT_STATEMENT_TIMEOUT_MS: u64 = 5_000;

/// The config file (see config.example.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when neither --profile, --url, DATABASE_URL nor SWITCHBOARD_PROFILE says otherwise.
    pub default_profile: Option<String>,
    /// "ansi" (the 16 terminal colors, the default), "mono", or "truecolor" (only used when the terminal
    /// says it supports it, COLORTERM=truecolor).
    pub theme: Option<String>,
    /// Seconds between refreshes of the on-call view (default 30).
    pub oncall_refresh_secs: Option<u64>,
    /// The first screen: "orgs" (the switcher, the default) or "board" (the attention board).
    pub start: Option<String>,
    /// Mouse support: click to select, wheel to scroll (off by default, so that the terminal's own text
    /// selection keeps working).
    pub mouse: Option<bool>,
    /// Read the next page and the selected call while the user reads (default true).
    pub prefetch: Option<bool>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// Key bindings to change: `[keys.<screen>] <action> = "key"` or `["key", ...]`.
    #[serde(default)]
    pub keys: BTreeMap<String, BTreeMap<String, Keys>>,
}

/// One key or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub url: Option<String>,
    /// Read-only sessions (default true).
    pub read_only: Option<bool>,
    pub statement_timeout_ms: Option<u64>,
    /// Connections the console holds at most (default 2).
    pub max_connections: Option<u32>,
    /// An idle connection is closed after this many seconds (default 5), so that an idle console holds
    /// nothing a session-mode pooler could give another client.
    pub idle_timeout_secs: Option<f64>,
    /// Force a dialect instead of detecting it.
    pub dialect: Option<String>,
    /// "transaction" behind a transaction-mode pooler (PgBouncer, Supabase's port 6543), "none" for a direct
    /// connection; detected from the URL when absent (port 6543, `pgbouncer=true`).
    pub pooler: Option<String>,
    /// A read replica: every read goes there; writes go to `url`.
    pub replica_url: Option<String>,
    /// The root certificate (PEM) for `sslmode=verify-ca|verify-full`, unless the URL names one
    /// (`sslrootcert=`).
    pub ssl_root_cert: Option<PathBuf>,
    /// Limits the console to one organization (id, slug or exact name): only it is listed and on the board,
    /// and caller lookups do not look across orgs.
    pub org: Option<String>,
}

/// What the command line said (None = not given).
#[derive(Debug, Clone, Default)]
pub struct CliSettings {
    pub config: Option<PathBuf>,
    pub url: Option<String>,
    pub profile: Option<String>,
    pub statement_timeout_ms: Option<u64>,
    pub dialect: Option<String>,
    pub theme: Option<String>,
    /// --write: allow writes (acknowledging a notification), each after a confirmation.
    pub write: bool,
    /// --board: open on the attention board.
    pub board: bool,
    /// --mouse: mouse support.
    pub mouse: bool,
    /// --pooler transaction|none.
    pub pooler: Option<String>,
}

/// The environment, as read at start (passed in so that tests can set it).
#[derive(Debug, Clone, Default)]
pub struct EnvSettings {
    pub config: Option<PathBuf>,
    pub database_url: Option<String>,
    pub profile: Option<String>,
    pub statement_timeout_ms: Option<String>,
    pub no_color: bool,
}

impl EnvSettings {
    pub fn from_process() -> EnvSettings {
        let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        EnvSettings {
            config: get("SWITCHBOARD_CONFIG").map(PathBuf::from),
            database_url: get("DATABASE_URL"),
            profile: get("SWITCHBOARD_PROFILE"),
            statement_timeout_ms: get("SWITCHBOARD_STATEMENT_TIMEOUT_MS"),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Settings {
    pub url: Option<String>,
    /// Where the URL came from, for messages ("--url", "DATABASE_URL", "profile prod").
    pub url_source: String,
    pub read_only: bool,
    pub statement_timeout_ms: u64,
    pub max_connections: u32,
    pub idle_timeout_ms: u64,
    pub dialect: Option<Dialect>,
    /// The pooler mode; None detects it from the URL.
    pub pooler: Option<Pooler>,
    /// The profile's read replica (only with the profile's own URL).
    pub replica_url: Option<String>,
    /// The profile's root certificate (only with the profile's own URL).
    pub ssl_root_cert: Option<PathBuf>,
    /// The profile's one organization, when it is limited to one.
    pub only_org: Option<String>,
    pub theme: String,
    pub oncall_refresh_secs: u64,
    pub start_on_board: bool,
    pub mouse: bool,
    /// Read ahead the next page and the selected call.
    pub prefetch: bool,
    /// The keymap: the defaults patched by the config's `[keys]`.
    pub keymap: crate::core::keymap::Keymap,
}

pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("dev", "switchboard", "switchboard").map(|d| d.config_dir().join("config.toml"))
}

pub fn load_file(path: &Path) -> Result<ConfigFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("bad config {}: {}", path.display(), e.to_string().trim()))
}

/// Resolves the settings. A config file named explicitly must exist; the default one may be absent.
pub fn resolve(cli: &CliSettings, env: &EnvSettings) -> Result<Settings, String> {
    let file = match cli.config.clone().or_else(|| env.config.clone()) {
        Some(p) => load_file(&p)?,
        None => match default_config_path() {
            Some(p) if p.exists() => load_file(&p)?,
            _ => ConfigFile::default(),
        },
    };
    resolve_with(cli, env, &file)
}

pub fn resolve_with(cli: &CliSettings, env: &EnvSettings, file: &ConfigFile) -> Result<Settings, String> {
    let profile_named = |name: &str| -> Result<Profile, String> {
        file.profiles.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
            if known.is_empty() {
                format!("unknown profile {name:?}: the config file defines no profiles")
            } else {
                format!("unknown profile {name:?}; known profiles: {}", known.join(", "))
            }
        })
    };
    // The profile in force: --profile, then SWITCHBOARD_PROFILE, then the file's default.
    let (profile, profile_name) = if let Some(p) = &cli.profile {
        (profile_named(p)?, Some(p.clone()))
    } else if let Some(p) = &env.profile {
        (profile_named(p)?, Some(p.clone()))
    } else if let Some(p) = &file.default_profile {
        (profile_named(p)?, Some(p.clone()))
    } else {
        (Profile::default(), None)
    };
    let from_profile =
        || profile.url.clone().map(|u| (u, format!("profile {}", profile_name.clone().unwrap_or_default())));
    let (url, url_source) = if let Some(u) = &cli.url {
        (Some(u.clone()), "--url".to_string())
    } else if cli.profile.is_some() {
        from_profile().map(|(u, s)| (Some(u), s)).unwrap_or((None, String::new()))
    } else if let Some(u) = &env.database_url {
        (Some(u.clone()), "DATABASE_URL".to_string())
    } else {
        from_profile().map(|(u, s)| (Some(u), s)).unwrap_or((None, String::new()))
    };
    let env_timeout = match &env.statement_timeout_ms {
        Some(s) => Some(
            s.trim()
                .parse::<u64>()
                .map_err(|_| format!("SWITCHBOARD_STATEMENT_TIMEOUT_MS must be milliseconds, got {s:?}"))?,
        ),
        None => None,
    };
    let statement_timeout_ms = cli
        .statement_timeout_ms
        .or(env_timeout)
        .or(profile.statement_timeout_ms)
        .unwrap_or(DEFAULT_STATEMENT_TIMEOUT_MS);
    let dialect = match cli.dialect.clone().or(profile.dialect.clone()) {
        Some(name) => Some(Dialect::from_name(&name).ok_or_else(|| {
            let known: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
            format!("unknown dialect {name:?}; known: {}", known.join(", "))
        })?),
        None => None,
    };
    // The profile's connection settings (replica, root certificate, pooler) describe its own server, so
    // they apply only when the URL is the profile's.
    let profile_url = url_source.starts_with("profile ");
    let pooler_name = cli.pooler.clone().or(if profile_url { profile.pooler.clone() } else { None });
    let pooler = match pooler_name {
        Some(name) => Some(
            Pooler::from_name(&name)
                .ok_or_else(|| format!("unknown pooler mode {name:?}; known: transaction, none"))?,
        ),
        None => None,
    };
    let theme = if env.no_color {
        "mono".to_string()
    } else {
        cli.theme.clone().or(file.theme.clone()).unwrap_or_else(|| "ansi".to_string())
    };
    if !["ansi", "mono", "truecolor"].contains(&theme.as_str()) {
        return Err(format!("unknown theme {theme:?}; known: ansi, mono, truecolor"));
    }
    Ok(Settings {
        url,
        url_source,
        read_only: !cli.write && profile.read_only.unwrap_or(true),
        statement_timeout_ms,
        max_connections: profile.max_connections.unwrap_or(crate::data::pool::DEFAULT_MAX_CONNECTIONS).max(1),
        idle_timeout_ms: match profile.idle_timeout_secs {
            Some(s) if s.is_finite() && s > 0.0 => (s * 1000.0).min(86_400_000.0) as u64,
            Some(s) => return Err(format!("idle_timeout_secs must be a positive number of seconds, not {s}")),
            None => crate::data::pool::DEFAULT_IDLE_TIMEOUT_MS,
        },
        dialect,
        pooler,
        replica_url: if profile_url { profile.replica_url.clone() } else { None },
        ssl_root_cert: if profile_url { profile.ssl_root_cert.clone() } else { None },
        only_org: profile.org.clone().filter(|o| !o.trim().is_empty()),
        theme,
        oncall_refresh_secs: file.oncall_refresh_secs.unwrap_or(30).max(1),
        mouse: cli.mouse || file.mouse.unwrap_or(false),
        prefetch: file.prefetch.unwrap_or(true),
        keymap: {
            let overrides: Vec<(String, String, Vec<String>)> = file
                .keys
                .iter()
                .flat_map(|(ctx, actions)| {
                    actions.iter().map(move |(a, k)| {
                        let keys = match k {
                            Keys::One(s) => vec![s.clone()],
                            Keys::Many(v) => v.clone(),
                        };
                        (ctx.clone(), a.clone(), keys)
                    })
                })
                .collect();
            crate::core::keymap::Keymap::with_overrides(&overrides)
                .map_err(|e| format!("bad keymap in the config: {e}"))?
        },
        start_on_board: match (cli.board, file.start.as_deref()) {
            (true, _) | (false, Some("board")) => true,
            (false, None | Some("orgs")) => false,
            (false, Some(other)) => return Err(format!("unknown start screen {other:?}; known: orgs, board")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> ConfigFile {
        toml::from_str(
            r#"
            default_profile = "staging"
            [profiles.staging]
            url = "postgres://s@staging/app"
            statement_timeout_ms = 2000
            [profiles.prod]
            url = "postgres://p@prod/app"
            read_only = true
            dialect = "serviceai"
            "#,
        )
        .unwrap()
    }

    #[test]
    fn command_line_beats_environment_beats_file() {
        let f = file();
        let env = EnvSettings { database_url: Some("postgres://env/app".into()), ..Default::default() };
        let s = resolve_with(&CliSettings::default(), &EnvSettings::default(), &f).unwrap();
        assert_eq!(s.url.as_deref(), Some("postgres://s@staging/app"));
        assert_eq!(s.statement_timeout_ms, 2000);
        let s = resolve_with(&CliSettings::default(), &env, &f).unwrap();
        assert_eq!(s.url.as_deref(), Some("postgres://env/app"));
        assert_eq!(s.url_source, "DATABASE_URL");
        let cli =
            CliSettings { url: Some("postgres://cli/app".into()), statement_timeout_ms: Some(9), ..Default::default() };
        let s = resolve_with(&cli, &env, &f).unwrap();
        assert_eq!(s.url.as_deref(), Some("postgres://cli/app"));
        assert_eq!(s.statement_timeout_ms, 9);
        let cli = CliSettings { profile: Some("prod".into()), ..Default::default() };
        let s = resolve_with(&cli, &env, &f).unwrap();
        assert_eq!(s.url.as_deref(), Some("postgres://p@prod/app"));
        assert_eq!(s.dialect, Some(Dialect::ServiceAi));
    }

    #[test]
    fn unknown_profile_dialect_and_bad_file_are_clear() {
        let f = file();
        let cli = CliSettings { profile: Some("nope".into()), ..Default::default() };
        let e = resolve_with(&cli, &EnvSettings::default(), &f).unwrap_err();
        assert!(e.contains("known profiles: prod, staging"), "{e}");
        let cli = CliSettings { dialect: Some("oracle".into()), ..Default::default() };
        assert!(resolve_with(&cli, &EnvSettings::default(), &f).unwrap_err().contains("unknown dialect"));
        assert!(toml::from_str::<ConfigFile>("[profiles.x]\nurll = 1").is_err());
    }

    #[test]
    fn the_example_config_is_valid() {
        let f: ConfigFile = toml::from_str(include_str!("../config.example.toml")).expect("config.example.toml parses");
        let s = resolve_with(&CliSettings::default(), &EnvSettings::default(), &f).unwrap();
        assert_eq!(
            s.url.as_deref(),
            Some("postgres://support:password@staging-db.example.com:5432/postgres?sslmode=require")
        );
        assert_eq!(s.oncall_refresh_secs, 30);
        let cli = CliSettings { profile: Some("prod".into()), ..Default::default() };
        let prod = resolve_with(&cli, &EnvSettings::default(), &f).unwrap();
        assert_eq!(prod.dialect, Some(Dialect::ServiceAi));
        assert_eq!(prod.only_org, None);
        let cli = CliSettings { profile: Some("acme-desk".into()), ..Default::default() };
        let desk = resolve_with(&cli, &EnvSettings::default(), &f).unwrap();
        assert_eq!(desk.only_org.as_deref(), Some("acme-plumbing"));
    }

    #[test]
    fn keys_in_the_config_patch_the_keymap_and_bad_ones_are_named() {
        use crate::core::keymap::{Chord, Command, Context};
        let f: ConfigFile =
            toml::from_str("[keys.calls]\ndown = [\"n\", \"down\"]\n[keys.global]\nhelp = \"f1\"\n").unwrap();
        let s = resolve_with(&CliSettings::default(), &EnvSettings::default(), &f).unwrap();
        assert_eq!(s.keymap.lookup(Context::Calls, Chord::ch('n')), Some(Command::Down));
        assert_eq!(s.keymap.lookup(Context::Calls, Chord::ch('?')), None);
        let f: ConfigFile = toml::from_str("[keys.calls]\nfly = \"x\"\n").unwrap();
        let e = resolve_with(&CliSettings::default(), &EnvSettings::default(), &f).unwrap_err();
        assert!(e.starts_with("bad keymap in the config: [keys.calls] fly: unknown action"), "{e}");
    }

    #[test]
    fn connection_settings_of_a_profile_follow_its_url() {
        let f: ConfigFile = toml::from_str(
            r#"
            [profiles.prod]
            url = "postgres://p@db:5432/app"
            replica_url = "postgres://p@replica:5432/app"
            ssl_root_cert = "certs/ca.pem"
            pooler = "transaction"
            "#,
        )
        .unwrap();
        let cli = CliSettings { profile: Some("prod".into()), ..Default::default() };
        let s = resolve_with(&cli, &EnvSettings::default(), &f).unwrap();
        assert_eq!(s.replica_url.as_deref(), Some("postgres://p@replica:5432/app"));
        assert_eq!(s.ssl_root_cert, Some(PathBuf::from("certs/ca.pem")));
        assert_eq!(s.pooler, Some(Pooler::Transaction));
        // Another URL on the command line: the profile's replica, root and pooler describe another server.
        let cli = CliSettings { url: Some("postgres://x@elsewhere/app".into()), ..cli };
        let s = resolve_with(&cli, &EnvSettings::default(), &f).unwrap();
        assert_eq!((s.replica_url, s.ssl_root_cert, s.pooler), (None, None, None));
        // --pooler applies to any URL; a mode that does not exist is named.
        let cli = CliSettings { pooler: Some("none".into()), ..cli };
        assert_eq!(resolve_with(&cli, &EnvSettings::default(), &f).unwrap().pooler, Some(Pooler::None));
        let cli = CliSettings { pooler: Some("statement".into()), ..cli };
        let e = resolve_with(&cli, &EnvSettings::default(), &f).unwrap_err();
        assert_eq!(e, "unknown pooler mode \"statement\"; known: transaction, none");
    }

    #[test]
    fn a_console_holds_two_connections_and_lets_idle_ones_go_unless_configured() {
        let s = resolve_with(&CliSettings::default(), &EnvSettings::default(), &ConfigFile::default()).unwrap();
        assert_eq!((s.max_connections, s.idle_timeout_ms), (2, 5_000));
        let f: ConfigFile =
            toml::from_str("[profiles.p]\nurl = \"postgres://h/db\"\nmax_connections = 1\nidle_timeout_secs = 0.5\n")
                .unwrap();
        let cli = CliSettings { profile: Some("p".into()), ..Default::default() };
        let s = resolve_with(&cli, &EnvSettings::default(), &f).unwrap();
        assert_eq!((s.max_connections, s.idle_timeout_ms), (1, 500));
        let f: ConfigFile =
            toml::from_str("[profiles.p]\nurl = \"postgres://h/db\"\nidle_timeout_secs = -1\n").unwrap();
        let e = resolve_with(&cli, &EnvSettings::default(), &f).unwrap_err();
        assert!(e.contains("idle_timeout_secs must be a positive number"), "{e}");
    }

    #[test]
    fn no_color_forces_mono() {
        let env = EnvSettings { no_color: true, ..Default::default() };
        let s = resolve_with(&CliSettings::default(), &env, &ConfigFile::default()).unwrap();
        assert_eq!(s.theme, "mono");
        assert_eq!(s.url, None);
        assert!(s.read_only);
        let cli = CliSettings { write: true, ..Default::default() };
        assert!(!resolve_with(&cli, &EnvSettings::default(), &ConfigFile::default()).unwrap().read_only);
    }
}
