//! Terminal keys to commands or text input.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use crate::core::action::Action;
use crate::core::keymap::{Chord, Command, KeyName};
use crate::core::state::State;

pub fn chord(ev: &KeyEvent) -> Option<Chord> {
    let key = match ev.code {
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    };
    Some(Chord {
        key,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

/// The action for a key press in the current state, if any.
pub fn action_for(state: &State, ev: KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let Some(chord) = chord(&ev) else {
        // Keys no binding can name (delete) still edit a text field.
        return (!state.help && state.text_focus()).then(|| Action::Input(ev.into()));
    };
    if chord == Chord::ctrl('c') {
        return Some(Action::Command(Command::Quit));
    }
    if state.overlay() {
        return Some(Action::Command(overlay_command(state, chord)));
    }
    if state.text_focus() {
        return Some(Action::Input(ev.into()));
    }
    state.keymap.lookup(state.context(), chord).map(Action::Command)
}

/// A key in the help or `:messages`: a key that scrolls somewhere (the screen's own, else the call list's)
/// scrolls them, and any other closes them, bound or not; `q` quits from the help but closes `:messages`.
fn overlay_command(state: &State, chord: Chord) -> Command {
    use crate::core::keymap::Context;
    let scrolls = |c: &Command| {
        matches!(c, Command::Up | Command::Down | Command::PageUp | Command::PageDown | Command::Top | Command::Bottom)
    };
    let here = state.keymap.lookup(state.context(), chord);
    match here.filter(scrolls).or_else(|| state.keymap.lookup(Context::Calls, chord).filter(scrolls)) {
        Some(c) => c,
        None if here == Some(Command::Quit) && state.messages_view.is_some() => Command::Back,
        None => here.unwrap_or(Command::Help),
    }
}

/// The action for a mouse event (when mouse support is on): the wheel scrolls, a click selects.
pub fn mouse_action(state: &State, m: MouseEvent) -> Option<Action> {
    if state.overlay() || state.text_focus() && state.screen != crate::core::state::Screen::Orgs {
        return None;
    }
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Command(Command::Down)),
        MouseEventKind::ScrollUp => Some(Action::Command(Command::Up)),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x: m.column, y: m.row }),
        _ => None,
    }
}
