//! `switchboard bench`: generates platform-scale data, measures the console's paths, prints a table.

use std::process::ExitCode;

/// Options of `switchboard bench`.
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// A PostgreSQL server to create the benchmark databases on (an admin URL).
    #[arg(long)]
    pub server: Option<String>,
}

pub async fn run(_args: BenchArgs) -> ExitCode {
    eprintln!("switchboard bench: not implemented yet");
    ExitCode::from(2)
}
