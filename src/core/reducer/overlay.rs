//! The key help and `:messages` while open: the scrolling keys scroll them, quit quits, and any other key
//! closes them (`ui::keys` turns `q` into Back in `:messages`, so that there it closes rather than quits).

use crate::core::effect::Effect;
use crate::core::keymap::Command;
use crate::core::state::State;

/// Rows of an overlay's text on screen: the rows above the status bar and the key hints, borders not counted.
fn visible(state: &State) -> usize {
    state.height.saturating_sub(4) as usize
}

/// Where a scrolling key moves `pos` in `0..=max`; None for any other command.
fn scrolled(cmd: Command, pos: usize, max: usize, page: usize) -> Option<usize> {
    let pos = pos.min(max);
    Some(match cmd {
        Command::Down => (pos + 1).min(max),
        Command::Up => pos.saturating_sub(1),
        Command::PageDown => (pos + page.max(1)).min(max),
        Command::PageUp => pos.saturating_sub(page.max(1)),
        Command::Top => 0,
        Command::Bottom => max,
        _ => return None,
    })
}

pub fn help_max_scroll(state: &State) -> usize {
    let area_h = state.height.saturating_sub(2);
    crate::core::overlay::help(&state.keymap, state.context(), state.width, area_h).max_scroll(visible(state))
}

pub fn messages_max_scroll(state: &State) -> usize {
    let width = state.width.saturating_sub(2) as usize;
    crate::core::overlay::messages(&state.message_log, width).len().saturating_sub(visible(state))
}

pub fn open_messages(state: &mut State) -> Vec<Effect> {
    state.help = false;
    state.messages_view = Some(0);
    Vec::new()
}

/// A command while the help or `:messages` is open.
pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    state.message = None;
    if cmd == Command::Quit {
        return super::quit(state);
    }
    let page = visible(state);
    if let Some(pos) = state.messages_view {
        state.messages_view = scrolled(cmd, pos, messages_max_scroll(state), page);
        return Vec::new();
    }
    // The help: it scrolls only when taller than the screen; else any key closes it, as it says.
    let max = help_max_scroll(state);
    match scrolled(cmd, state.help_scroll, max, page) {
        Some(pos) if max > 0 => state.help_scroll = pos,
        _ => {
            state.help = false;
            state.help_scroll = 0;
        }
    }
    Vec::new()
}
