//! Driving the console's core the way the event loop does: reducer → effects → the real effect runner
//! (sqlx) → actions → reducer, and drawing with the real views on a ratatui TestBackend.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key as TKey};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use crate::core::action::Action;
use crate::core::effect::Effect;
use crate::core::keymap::{Command, Keymap};
use crate::core::model::{Dialect, Key};
use crate::core::reducer::{init, update};
use crate::core::state::{Screen, State};
use crate::data::Source;
use crate::ui::runner::Runner;
use crate::ui::theme::Theme;
use crate::ui::views;

pub const WIDTH: u16 = 240;
pub const HEIGHT: u16 = 70;

pub struct Console {
    pub state: State,
    pub runner: Runner,
    rx: UnboundedReceiver<Action>,
    pub term: Terminal<TestBackend>,
    pub theme: Theme,
}

pub fn key(c: char) -> Action {
    Action::Input(Input { key: TKey::Char(c), ctrl: false, alt: false, shift: false })
}

pub fn special(k: TKey) -> Action {
    Action::Input(Input { key: k, ctrl: false, alt: false, shift: false })
}

impl Console {
    /// A console at 240×70 on `source`, connected and with the org list loaded.
    pub async fn start(source: Source, dialect: Dialect) -> Result<Console, String> {
        let (tx, rx) = unbounded_channel();
        let runner = Runner::new(source, Some(dialect), tx);
        let mut state = State::new("bench", true, Keymap::default());
        let _ = update(&mut state, Action::Resize { width: WIDTH, height: HEIGHT });
        let term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).map_err(|e| e.to_string())?;
        let mut c = Console { state, runner, rx, term, theme: Theme::from_name("default") };
        let effects = init(&mut c.state);
        c.run(effects).await?;
        if let Some(e) = &c.state.orgs.error {
            return Err(format!("org list: {e}"));
        }
        Ok(c)
    }

    /// Runs effects and feeds their answers back until nothing is pending.
    pub async fn run(&mut self, effects: Vec<Effect>) -> Result<(), String> {
        let mut pending = 0usize;
        for e in effects {
            if e.slot().is_some() {
                self.runner.run(e);
                pending += 1;
            }
        }
        while pending > 0 {
            let action = tokio::time::timeout(Duration::from_secs(60), self.rx.recv())
                .await
                .map_err(|_| "no answer from the effect runner within 60 s".to_string())?
                .ok_or("the effect runner stopped")?;
            pending -= 1;
            for e in update(&mut self.state, action) {
                if e.slot().is_some() {
                    self.runner.run(e);
                    pending += 1;
                }
            }
        }
        Ok(())
    }

    /// One key as the event loop takes it: its effects started, answers fed back until what the key asked
    /// for is on screen (reads ahead go on behind it), then drawn. The milliseconds from the key to the frame.
    pub async fn key_shown(&mut self, action: Action) -> Result<f64, String> {
        let start = Instant::now();
        let effects = update(&mut self.state, action);
        self.spawn(effects);
        while self.state.calls.pending.is_some() || self.state.call.as_ref().is_some_and(|v| v.pending.is_some()) {
            let action = self.next().await?;
            let effects = update(&mut self.state, action);
            self.spawn(effects);
        }
        self.draw()?;
        Ok(start.elapsed().as_secs_f64() * 1000.0)
    }

    /// The user reads for `d`: answers arriving meanwhile (reads ahead) are taken as the event loop does.
    pub async fn read_for(&mut self, d: Duration) -> Result<(), String> {
        let until = tokio::time::Instant::now() + d;
        while let Ok(action) = tokio::time::timeout_at(until, self.rx.recv()).await {
            let action = action.ok_or("the effect runner stopped")?;
            let effects = update(&mut self.state, action);
            self.spawn(effects);
        }
        Ok(())
    }

    /// A new terminal size, as a resize event gives it.
    pub fn resize(&mut self, width: u16, height: u16) -> Result<(), String> {
        let _ = update(&mut self.state, Action::Resize { width, height });
        self.term = Terminal::new(TestBackend::new(width, height)).map_err(|e| e.to_string())?;
        Ok(())
    }

    fn spawn(&mut self, effects: Vec<Effect>) {
        for e in effects.into_iter().filter(|e| e.slot().is_some()) {
            self.runner.run(e);
        }
    }

    async fn next(&mut self) -> Result<Action, String> {
        tokio::time::timeout(Duration::from_secs(60), self.rx.recv())
            .await
            .map_err(|_| "no answer from the effect runner within 60 s".to_string())?
            .ok_or_else(|| "the effect runner stopped".to_string())
    }

    /// One action, its effects run to completion.
    pub async fn act(&mut self, action: Action) -> Result<(), String> {
        let effects = update(&mut self.state, action);
        self.run(effects).await
    }

    pub fn draw(&mut self) -> Result<(), String> {
        let (state, theme) = (&self.state, &self.theme);
        self.term.draw(|f| views::render(state, theme, f)).map(|_| ()).map_err(|e| e.to_string())
    }

    /// Opens the call list of one org, as choosing it in the switcher does.
    pub async fn choose_org(&mut self, org: &Key) -> Result<(), String> {
        let idx = self.state.orgs.all.iter().position(|o| &o.key == org).ok_or("the org is not in the org list")?;
        self.state.orgs.matches = vec![idx];
        self.state.orgs.selected = 0;
        self.state.screen = Screen::Orgs;
        self.act(special(TKey::Enter)).await?;
        if let Some(e) = &self.state.calls.error {
            return Err(format!("call list: {e}"));
        }
        Ok(())
    }

    /// A key press that loads a page, timed until the next frame is drawn.
    pub async fn timed_command(&mut self, cmd: Command) -> Result<f64, String> {
        let start = Instant::now();
        self.act(Action::Command(cmd)).await?;
        self.draw()?;
        Ok(start.elapsed().as_secs_f64() * 1000.0)
    }
}
