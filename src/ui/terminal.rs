//! The terminal is put back whole on every way out: normal exit, error, panic (in the event loop or in any
//! task), Ctrl-C, SIGTERM, SIGHUP.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Once};

use crossterm::{cursor, event, execute, terminal};
use ratatui::DefaultTerminal;
use ratatui::backend::CrosstermBackend;

/// Raw mode and the alternate screen are on (so there is something to restore).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Woken by the panic hook, so that a panic in a task (which tokio would swallow) ends the event loop too.
static PANICKED: LazyLock<tokio::sync::Notify> = LazyLock::new(tokio::sync::Notify::new);

/// Raw mode and the alternate screen for as long as it lives, with a panic hook that restores the terminal
/// before the panic message is printed.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    pub fn enter(mouse: bool) -> std::io::Result<TerminalGuard> {
        install_panic_hook();
        MOUSE.store(mouse, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        let entered = (|| {
            terminal::enable_raw_mode()?;
            execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
            if mouse {
                execute!(std::io::stdout(), event::EnableMouseCapture)?;
            }
            ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))
        })();
        match entered {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, turns raw mode and mouse capture off and shows the cursor, once: a second
/// call does nothing (leaving the alternate screen twice would move the cursor back over what was printed).
/// Errors are ignored: the terminal may be gone (a dropped SSH link).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = std::io::stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = terminal::disable_raw_mode();
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
}

/// Resolves once any thread has panicked (the terminal is already restored by then).
pub async fn panicked() {
    PANICKED.notified().await
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let was_active = ACTIVE.load(Ordering::SeqCst);
            restore();
            tracing::error!("panic: {info}");
            if was_active {
                eprintln!("switchboard: internal error (a bug), the terminal was restored; details follow:");
            }
            // The standard message: where and why, a backtrace only when RUST_BACKTRACE asks for one.
            previous(info);
            PANICKED.notify_one();
        }));
    });
}
