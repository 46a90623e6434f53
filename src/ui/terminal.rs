//! The terminal is put back whole on every way out: normal exit, error, panic (in the event loop or in any
//! task), Ctrl-C, SIGTERM, SIGHUP. When the terminal itself is gone (a dropped SSH link, a killed tmux),
//! nothing here panics or complains: every write to it fails, and each failure is ignored.

use std::mem::ManuallyDrop;
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
    /// Never dropped. ratatui's Terminal shows a hidden cursor when it drops, and when that fails (the
    /// terminal is gone: EIO) says so with `eprintln!`, which panics when stderr is that same gone terminal.
    /// [`restore`] shows the cursor instead; the Terminal holds only memory, freed with the process (there
    /// is one guard per run).
    pub terminal: ManuallyDrop<DefaultTerminal>,
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
            Ok(terminal) => Ok(TerminalGuard { terminal: ManuallyDrop::new(terminal) }),
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

/// Whether a failed write to the terminal means it is gone: a hung-up pty answers EIO (5; ENXIO, 6, on some
/// systems; both numbers are the same on every Unix), a closed pipe EPIPE.
pub fn gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe || matches!(e.raw_os_error(), Some(5 | 6))
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

/// Resolves when the terminal hangs up (its pty closed: a dropped SSH link, a killed tmux); never when it
/// cannot be watched. SIGHUP is not enough: the kernel sends it to the session leader (the shell) only,
/// which does not always pass it on, and crossterm's reader then spins on the dead terminal without ever
/// reporting it, so the console would sit there, drawing nothing and burning a core. A hung-up terminal's
/// descriptor answers every poll with an error: that is watched here, with no wakeup before it.
pub async fn hung_up() {
    use std::os::fd::AsFd;
    use tokio::io::Interest;
    use tokio::io::unix::AsyncFd;
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else { return std::future::pending().await };
    // SAFETY: an OwnedFd is a valid descriptor that stays open, and always answers the same number, for as
    // long as it lives, and the AsyncFd owns it (what `register_with_interest` asks of its argument).
    let Ok(watched) = (unsafe { AsyncFd::register_with_interest(fd, Interest::ERROR) }) else {
        return std::future::pending().await;
    };
    loop {
        match watched.ready(Interest::ERROR).await {
            Ok(guard) if guard.ready().is_error() => return,
            Ok(mut guard) => guard.clear_ready(),
            Err(_) => return std::future::pending().await,
        }
    }
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
                crate::logging::stderr_line(
                    "switchboard: internal error (a bug), the terminal was restored; details follow:",
                );
            }
            // The standard message: where and why, a backtrace only when RUST_BACKTRACE asks for one (it ignores
            // a failed write, so a closed stderr costs only the message).
            previous(info);
            PANICKED.notify_one();
        }));
    });
}
