//! The `:` command line: `:org <name>`, `:calls <filter>`, `:call <id>`, `:cal <date>`, `:oncall`,
//! `:board`, `:overview`, `:profile`, `:caller <number or name>`, `:messages`, `:help`, `:q`.

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    Org(String),
    Calls(String),
    Call(String),
    Cal(Option<String>),
    OnCall,
    Board,
    Overview,
    Profile,
    /// A phone number in any format, or a name.
    Caller(String),
    /// The last messages shown.
    Messages,
    Help,
    Quit,
}

/// The commands, for completion and the error message.
pub const NAMES: &[&str] =
    &["org", "calls", "call", "cal", "oncall", "board", "overview", "profile", "caller", "messages", "help", "q"];

pub fn parse(line: &str) -> Result<Cmd, String> {
    let line = line.trim().trim_start_matches(':').trim();
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((w, r)) => (w, r.trim()),
        None => (line, ""),
    };
    let need = |what: &str| if rest.is_empty() { Err(format!(":{word} needs {what}")) } else { Ok(rest.to_string()) };
    Ok(match word {
        "org" | "o" => Cmd::Org(need("an organization name or id")?),
        "calls" => Cmd::Calls(rest.to_string()),
        "call" => Cmd::Call(need("a call id")?),
        "cal" | "calendar" => Cmd::Cal((!rest.is_empty()).then(|| rest.to_string())),
        "oncall" | "on-call" => Cmd::OnCall,
        "board" => Cmd::Board,
        "overview" => Cmd::Overview,
        "profile" => Cmd::Profile,
        "caller" | "who" => Cmd::Caller(need("a phone number or a name")?),
        "messages" | "mes" => Cmd::Messages,
        "help" | "h" => Cmd::Help,
        "q" | "quit" => Cmd::Quit,
        "" => return Err("type a command: ".to_string() + &NAMES.join(", ")),
        other => return Err(format!("unknown command :{other}; known: {}", NAMES.join(", "))),
    })
}

/// Completes the line: the command word, or an org name after `org `. `orgs` are the org names.
pub fn complete(line: &str, orgs: &[&str]) -> Option<String> {
    let trimmed = line.trim_start();
    match trimmed.split_once(' ') {
        None => {
            let m: Vec<&&str> = NAMES.iter().filter(|n| n.starts_with(trimmed) && **n != trimmed).collect();
            m.first().map(|n| format!("{n} "))
        }
        Some(("org", prefix)) => {
            let p = prefix.to_lowercase();
            let starts = orgs.iter().find(|o| o.to_lowercase().starts_with(&p));
            let contains = orgs.iter().find(|o| o.to_lowercase().contains(&p));
            starts.or(contains).map(|o| format!("org {o}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_command_and_names_mistakes() {
        assert_eq!(parse(":org Acme Plumbing").unwrap(), Cmd::Org("Acme Plumbing".into()));
        assert_eq!(parse("calls status:failed urgent").unwrap(), Cmd::Calls("status:failed urgent".into()));
        assert_eq!(parse("cal 2026-03-08").unwrap(), Cmd::Cal(Some("2026-03-08".into())));
        assert_eq!(parse("cal").unwrap(), Cmd::Cal(None));
        assert_eq!(parse("q").unwrap(), Cmd::Quit);
        assert!(parse("call").unwrap_err().contains("needs a call id"));
        assert_eq!(parse(":caller +1 (415) 555-0123").unwrap(), Cmd::Caller("+1 (415) 555-0123".into()));
        assert!(parse("caller").unwrap_err().contains("needs a phone number or a name"));
        assert!(parse("fly away").unwrap_err().contains("unknown command :fly"));
    }

    #[test]
    fn completes_commands_and_org_names() {
        let orgs = ["Acme Plumbing", "Bright Smiles Dental"];
        assert_eq!(complete("ov", &orgs).as_deref(), Some("overview "));
        assert_eq!(complete("org bri", &orgs).as_deref(), Some("org Bright Smiles Dental"));
        assert_eq!(complete("org smiles", &orgs).as_deref(), Some("org Bright Smiles Dental"));
        assert_eq!(complete("org zzz", &orgs), None);
    }
}
