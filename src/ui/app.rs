//! The event loop: terminal events and query results in, state updated by the reducer, effects handed to
//! the runner, and a redraw only when something changed (an idle console sleeps).

use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use crate::core::action::Action;
use crate::core::effect::Effect;
use crate::core::keymap::Keymap;
use crate::core::model::Dialect;
use crate::core::reducer;
use crate::core::state::{Screen, State};
use crate::data::Source;
use crate::ui::keys::action_for;
use crate::ui::runner::Runner;
use crate::ui::terminal::TerminalGuard;
use crate::ui::theme::Theme;
use crate::ui::views;

pub struct AppOptions {
    pub target: String,
    pub read_only: bool,
    pub dialect: Option<Dialect>,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The instant the on-call view looks at (None: now).
    pub oncall_at: Option<crate::core::oncall::At>,
    pub oncall_refresh_secs: u64,
    /// Open on the attention board.
    pub start_on_board: bool,
    /// Mouse support: click to select, wheel to scroll.
    pub mouse: bool,
    /// Read ahead the next page and the selected call while the user reads.
    pub prefetch: bool,
    /// The one organization a profile is limited to.
    pub only_org: Option<String>,
    /// The org to open at start (`--org`), without limiting the list.
    pub start_org: Option<String>,
}

/// Runs the console until the user quits or a signal asks it to stop.
pub async fn run(source: Source, opts: AppOptions) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!("the console needs an interactive terminal; for scripts use `switchboard check`");
    }
    // Signals first: from here on SIGTERM, SIGHUP (a dropped SSH link) and SIGINT end the loop and the
    // terminal is restored on the way out.
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut guard = TerminalGuard::enter(opts.mouse)?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    let mut runner = Runner::new(source, opts.dialect, tx);
    let mut state = State::new(opts.target, opts.read_only, opts.keymap);
    state.oncall.at = opts.oncall_at;
    state.oncall.refresh_every_s = opts.oncall_refresh_secs.max(1);
    state.start_on_board = opts.start_on_board;
    state.prefetch.enabled = opts.prefetch;
    state.limit_to_org(opts.only_org);
    state.start_org = opts.start_org;
    let size = guard.terminal.size()?;
    reducer::update(&mut state, Action::Resize { width: size.width, height: size.height });
    let mut pending: Vec<Effect> = reducer::init(&mut state);

    let mut events = EventStream::new();
    let mut dirty = true;
    let mut panic_test = std::env::var("SWITCHBOARD_PANIC_AFTER_START").ok();
    // Ticks only matter on views that refresh themselves and while the database link is down (retries and
    // the banner's clock); otherwise the loop sleeps until an event.
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(1));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let hung_up = crate::ui::terminal::hung_up();
    tokio::pin!(hung_up);

    loop {
        for effect in std::mem::take(&mut pending) {
            match effect {
                // Terminal I/O stays in the event loop: the runner only talks to the database.
                Effect::Copy { what, text } => {
                    let notice = crate::ui::clipboard::copy(&what, &text);
                    pending.extend(reducer::update(&mut state, Action::Notice(notice)));
                    dirty = true;
                }
                Effect::Save(what) => {
                    let notice = crate::ui::files::save(&what);
                    pending.extend(reducer::update(&mut state, Action::Notice(notice)));
                    dirty = true;
                }
                other => runner.run(other),
            }
        }
        if state.quit {
            break;
        }
        if dirty {
            if let Err(e) = guard.terminal.draw(|f| views::render(&state, &opts.theme, f)) {
                // The terminal went away (a dropped SSH link, a killed tmux) before its hangup arrived: the
                // same clean end as the hangup, with nothing more written to it.
                if crate::ui::terminal::gone(&e) {
                    tracing::info!("the terminal is gone ({e}); leaving");
                    break;
                }
                return Err(e.into());
            }
            dirty = false;
        }
        if let Some(where_) = panic_test.take() {
            panic_on_purpose(&where_);
        }
        let link_wake = reducer::link::next_wake(&state.link, chrono::Utc::now());
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(key))) => action_for(&state, key),
                Some(Ok(Event::Resize(width, height))) => Some(Action::Resize { width, height }),
                Some(Ok(Event::Mouse(m))) => crate::ui::keys::mouse_action(&state, m),
                Some(Ok(_)) => None,
                // The terminal is gone (e.g. the SSH link dropped): leave quietly.
                Some(Err(e)) => {
                    tracing::info!("the terminal is gone ({e}); leaving");
                    break;
                }
                None => break,
            },
            Some(action) = rx.recv() => Some(action),
            _ = ticks.tick(), if state.screen == Screen::OnCall => Some(Action::Tick),
            _ = tokio::time::sleep(link_wake.unwrap_or_default()), if link_wake.is_some() => Some(Action::Tick),
            _ = sigterm.recv() => break,
            _ = sighup.recv() => {
                tracing::info!("SIGHUP: the terminal hung up; leaving");
                break;
            }
            () = &mut hung_up => {
                tracing::info!("the terminal hung up; leaving");
                break;
            }
            _ = sigint.recv() => break,
            // A task panicked: the hook restored the terminal and printed why; stop rather than draw on.
            _ = crate::ui::terminal::panicked() => {
                runner.abort_all();
                anyhow::bail!("an internal task failed (see the message above)");
            }
        };
        if let Some(action) = action {
            state.now = chrono::Utc::now();
            pending = reducer::update(&mut state, action);
            dirty = true;
        }
    }
    runner.abort_all();
    drop(guard);
    Ok(())
}

/// A diagnostic for the tests of terminal restoration, never a feature: with SWITCHBOARD_PANIC_AFTER_START set,
/// the console panics right after its first frame, in the event loop, or in a tokio task when the value is
/// `task`.
fn panic_on_purpose(where_: &str) {
    if where_ == "task" {
        tokio::spawn(async { panic!("SWITCHBOARD_PANIC_AFTER_START=task: a deliberate panic in a task") });
    } else {
        panic!("SWITCHBOARD_PANIC_AFTER_START: a deliberate panic in the event loop");
    }
}
