//! The terminal is put back whole on every way out: normal exit, error, panic, Ctrl-C, SIGTERM, SIGHUP.

use ratatui::DefaultTerminal;

/// Raw mode and the alternate screen for as long as it lives. `ratatui::init` also installs a panic hook
/// that restores the terminal before the panic message is printed.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    pub fn enter() -> std::io::Result<TerminalGuard> {
        let terminal = ratatui::try_init()?;
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}
