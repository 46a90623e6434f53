//! The terminal is put back whole on every way out: normal exit, error, panic, Ctrl-C, SIGTERM, SIGHUP.

use ratatui::DefaultTerminal;

/// Raw mode and the alternate screen for as long as it lives. `ratatui::init` also installs a panic hook
/// that restores the terminal before the panic message is printed.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
    mouse: bool,
}

impl TerminalGuard {
    pub fn enter(mouse: bool) -> std::io::Result<TerminalGuard> {
        let terminal = ratatui::try_init()?;
        if mouse {
            crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
        }
        Ok(TerminalGuard { terminal, mouse })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        }
        ratatui::restore();
    }
}
