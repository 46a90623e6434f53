//! The whole state of the console. Views render from it and nothing else.

use chrono::{DateTime, Utc};

use crate::core::effect::ReqId;
use crate::core::keymap::{Context, Keymap};
use crate::core::model::{CallDetail, CallRow, Caps, DbInfo, Key, Org, Page};
use crate::core::textfield::TextField;
use crate::core::time::OrgZone;
use crate::core::transcript::{self, Line, Match, Turn};

mod views;
pub use views::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Orgs,
    Calls,
    Call,
    Calendar,
    OnCall,
    Profile,
    Board,
    Overview,
    Caller,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Conn {
    Connecting,
    Ready(DbInfo),
    Failed(String),
}

/// Rows of chrome around the call table: borders (2), header row (1), status bar (1), footer (1).
pub const CALLS_CHROME_ROWS: u16 = 5;
/// Rows of the call detail header block, borders included.
pub const CALL_HEADER_ROWS: u16 = 7;
/// Rows around the transcript text: header, transcript borders (2), status bar, footer.
pub const CALL_CHROME_ROWS: u16 = CALL_HEADER_ROWS + 4;
/// From this width the call list shows the selected call beside it.
pub const WIDE: u16 = 160;
/// The call list's width when the selected call is shown beside it.
pub const LIST_WIDTH: u16 = 100;
/// Below this size the console shows a "too small" screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// How many of the last messages `:messages` keeps.
pub const MESSAGE_LOG_LEN: usize = 50;

pub struct State {
    pub screen: Screen,
    pub help: bool,
    pub conn: Conn,
    /// Where we are connected, without password (e.g. "postgres@db.example.com:5432/app", "demo").
    pub target: String,
    pub read_only: bool,
    pub width: u16,
    pub height: u16,
    pub keymap: Keymap,
    pub orgs: OrgsState,
    pub calls: CallsState,
    pub call: Option<CallView>,
    pub calendar: CalendarState,
    pub oncall: OnCallState,
    pub profile: ProfileState,
    pub board: BoardState,
    pub overview: OverviewState,
    pub caller: CallerState,
    /// The current time, set by the event loop (tests set it): "today" is its date in the org's zone.
    pub now: DateTime<Utc>,
    pub last_query_ms: Option<f64>,
    pub message: Option<String>,
    pub quit: bool,
    /// Open on the attention board instead of the org switcher (super-admins).
    pub start_on_board: bool,
    /// The next page and the selected call, read while the user reads.
    pub prefetch: crate::core::reducer::prefetch::Prefetch,
    /// The one organization (id, slug or exact name) a profile limits the console to.
    pub only_org: Option<String>,
    /// The org the console opens on (`--org`), once, when the org list first loads; the list stays whole.
    pub start_org: Option<String>,
    /// The `:` command line while it is open.
    pub cmdline: Option<TextField>,
    /// Command lines entered, oldest first, and where up/down is in them.
    pub cmd_history: Vec<String>,
    pub cmd_history_pos: Option<usize>,
    /// Whether the database answers; while it does not, a banner, stale data and retries with backoff.
    pub link: LinkState,
    /// The last messages shown (at most `MESSAGE_LOG_LEN`), oldest first, each with when it was shown: what
    /// `:messages` lists. Kept by the reducer's entry point alone (`reducer::update`).
    pub message_log: std::collections::VecDeque<(DateTime<Utc>, String)>,
    /// The `:messages` overlay while it is open: the first of its rows shown.
    pub messages_view: Option<usize>,
    /// The first row of the key help shown, when it is taller than the screen.
    pub help_scroll: usize,
    pub(crate) next_req: ReqId,
}

/// The link to the database (see `reducer::link`): up, or down since an instant with retries on a backoff.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkState {
    /// When a query failed and the server did not answer a ping either; None while the link is up.
    pub down_since: Option<DateTime<Utc>>,
    /// Retries made since the link went down.
    pub attempt: u32,
    /// When the next retry is due (None while one runs).
    pub next_retry: Option<DateTime<Utc>>,
    /// The retry ping in flight.
    pub pending: Option<ReqId>,
    /// Why the last attempt failed.
    pub error: Option<String>,
}

impl LinkState {
    pub fn is_down(&self) -> bool {
        self.down_since.is_some()
    }
}

pub struct OrgsState {
    pub all: Vec<Org>,
    /// What the fuzzy filter scores for each org ("name id slug"), built once when the orgs load.
    pub haystacks: Vec<nucleo_matcher::Utf32String>,
    pub loaded: bool,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    pub filter: TextField,
    /// Indexes into `all` of the orgs matching the filter, best first.
    pub matches: Vec<usize>,
    pub selected: usize,
    /// A phone number typed in the filter and looked up across orgs: `matches` lists the orgs that have
    /// it on record, and Enter opens its caller history in the chosen one.
    pub caller: Option<String>,
    pub caller_pending: Option<ReqId>,
    /// How each org's name is drawn where it could be taken for another's (`core::names`), by org key: only
    /// the orgs that need a mark. Built once when the orgs load.
    pub names: std::collections::HashMap<Key, crate::core::names::NameMark>,
}

impl OrgsState {
    /// Takes a loaded org list, with the fuzzy filter's haystacks built once.
    pub fn set(&mut self, orgs: Vec<Org>) {
        self.haystacks = orgs
            .iter()
            .map(|o| format!("{} {} {}", o.name, o.key, o.slug.as_deref().unwrap_or("")).as_str().into())
            .collect();
        self.names = crate::core::names::marks(&orgs);
        self.all = orgs;
        self.loaded = true;
    }
}

/// Where the selection lands when a requested page arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    FirstRow,
    LastRow,
    Row(usize),
}

/// Where the pending page request of the call list goes, so that keys pressed before it arrives move on
/// from there and none is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageTarget {
    /// This many pages from the page drawn (negative: before it; never 0 while pending).
    Drawn(i64),
    /// This many pages after the first page.
    First(u64),
    /// This many pages before the last page.
    Last(u64),
}

pub struct CallsState {
    pub org: Option<Org>,
    /// The filter every page of the list is read with.
    pub filter: crate::core::filter::CallFilter,
    /// The filter field while it is open.
    pub filter_input: Option<TextField>,
    pub zone: OrgZone,
    pub page: Page,
    pub selected: usize,
    /// 1-based page number when known (counting from the newest calls).
    pub page_no: Option<u64>,
    pub pending: Option<(ReqId, Landing)>,
    /// Where the pending request goes, while there is one (the landing row is `pending`'s).
    pub target: Option<PageTarget>,
    pub error: Option<String>,
    pub loaded: bool,
    /// The filter the rows shown were read with: when a new filter cannot be used here (a `dir:` on a
    /// platform that records no direction), the list goes back to it rather than keep old rows under the new
    /// filter's name.
    pub shown_filter: crate::core::filter::CallFilter,
}

/// What the call view shows under its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallTab {
    Transcript,
    Details,
}

/// One screen line of the details pane: a fact's label on its first line, then its wrapped value.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailLine {
    pub label: Option<String>,
    pub text: String,
}

/// Width of the label column of the details pane.
pub const DETAIL_LABEL_WIDTH: usize = 18;

pub struct CallView {
    /// Where Back goes: the call list, or the calendar when opened from an appointment.
    pub back: Screen,
    pub zone: OrgZone,
    pub tab: CallTab,
    pub details: Vec<DetailLine>,
    pub details_scroll: usize,
    pub row: CallRow,
    pub detail: Option<CallDetail>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    pub turns: Vec<Turn>,
    pub lines: Vec<Line>,
    pub wrap_width: u16,
    pub scroll: usize,
    pub search: Search,
}

#[derive(Default)]
pub struct Search {
    /// The search field while it is open. `/` opens it empty: what is typed is a new search (incremental),
    /// enter on an empty field repeats the last one, esc brings the last one back.
    pub input: Option<TextField>,
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// While the field is open: the search in effect when it opened, and where the transcript was.
    pub before: Option<SearchBefore>,
}

/// The search (and scroll position) a new search replaces until it is entered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchBefore {
    pub query: String,
    pub current: Option<usize>,
    pub scroll: usize,
}

impl State {
    pub fn new(target: impl Into<String>, read_only: bool, keymap: Keymap) -> State {
        State {
            screen: Screen::Orgs,
            help: false,
            conn: Conn::Connecting,
            target: target.into(),
            read_only,
            width: 120,
            height: 40,
            keymap,
            orgs: OrgsState {
                all: Vec::new(),
                haystacks: Vec::new(),
                loaded: false,
                pending: None,
                error: None,
                filter: new_input("type to filter by name or id, or a phone number to find its orgs"),
                matches: Vec::new(),
                selected: 0,
                caller: None,
                caller_pending: None,
                names: Default::default(),
            },
            calls: CallsState {
                org: None,
                filter: Default::default(),
                filter_input: None,
                zone: OrgZone::from_name(None),
                page: Page::default(),
                selected: 0,
                page_no: None,
                pending: None,
                target: None,
                error: None,
                loaded: false,
                shown_filter: Default::default(),
            },
            call: None,
            calendar: CalendarState::default(),
            oncall: OnCallState::default(),
            profile: ProfileState::default(),
            board: BoardState::default(),
            overview: OverviewState::default(),
            caller: CallerState::default(),
            only_org: None,
            start_org: None,
            now: Utc::now(),
            last_query_ms: None,
            message: None,
            quit: false,
            start_on_board: false,
            prefetch: Default::default(),
            cmdline: None,
            cmd_history: Vec::new(),
            cmd_history_pos: None,
            link: LinkState::default(),
            message_log: Default::default(),
            messages_view: None,
            help_scroll: 0,
            next_req: 1,
        }
    }

    pub(crate) fn req(&mut self) -> ReqId {
        let r = self.next_req;
        self.next_req += 1;
        r
    }

    /// Limits the console to one org (a profile's `org`): the org list and the board keep only it, and
    /// caller lookups stay in it.
    pub fn limit_to_org(&mut self, org: Option<String>) {
        self.caller.cross_org = org.is_none();
        self.only_org = org;
    }

    /// The keymap context of the current screen.
    pub fn context(&self) -> Context {
        match self.screen {
            Screen::Orgs => Context::Global,
            Screen::Calls => Context::Calls,
            Screen::Call => Context::Call,
            Screen::Calendar => Context::Calendar,
            Screen::OnCall => Context::OnCall,
            Screen::Profile => Context::Profile,
            Screen::Board => Context::Board,
            Screen::Overview => Context::Overview,
            Screen::Caller => Context::Caller,
        }
    }

    /// The text field that has the keys, if any (the switcher's filter while the switcher is shown).
    pub fn focused_field(&self) -> Option<&TextField> {
        if self.overlay() {
            return None;
        }
        if let Some(c) = &self.cmdline {
            return Some(c);
        }
        match self.screen {
            Screen::Orgs => matches!(self.conn, Conn::Ready(_)).then_some(&self.orgs.filter),
            Screen::Call => self.call.as_ref().and_then(|c| c.search.input.as_ref()),
            Screen::Calendar => self.calendar.goto.as_ref(),
            Screen::OnCall => self.oncall.time_input.as_ref(),
            Screen::Profile => self.profile.confirm.as_ref(),
            Screen::Board => self.board.filter_input.as_ref(),
            Screen::Overview => self.overview.range_input.as_ref(),
            Screen::Calls => self.calls.filter_input.as_ref(),
            Screen::Caller => None,
        }
    }

    /// True while a text field has the keyboard (the org filter, the transcript search, ...).
    pub fn text_focus(&self) -> bool {
        self.focused_field().is_some()
    }

    pub fn dialect(&self) -> Option<crate::core::model::Dialect> {
        match &self.conn {
            Conn::Ready(info) => Some(info.dialect),
            _ => None,
        }
    }

    /// What the connected platform gives beyond orgs and calls; nothing when not connected.
    pub fn caps(&self) -> Caps {
        match &self.conn {
            Conn::Ready(info) => info.caps,
            _ => Caps::default(),
        }
    }

    /// Rows of calls that fit on one screen: the page size.
    pub fn page_size(&self) -> usize {
        (self.height.saturating_sub(CALLS_CHROME_ROWS) as usize).max(1)
    }

    /// Lines of transcript visible at once.
    pub fn transcript_height(&self) -> usize {
        (self.height.saturating_sub(CALL_CHROME_ROWS) as usize).max(1)
    }

    /// Whether the call list shows the selected call beside it.
    pub fn side_by_side(&self) -> bool {
        self.screen == Screen::Calls && self.width >= WIDE
    }

    /// Columns available to the transcript text (inside the borders): the whole width, or the part beside
    /// the call list.
    pub fn transcript_width(&self) -> u16 {
        let w = if self.side_by_side() { self.width.saturating_sub(LIST_WIDTH) } else { self.width };
        w.saturating_sub(2).max(10)
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Keeps a message shown, with the time, for `:messages`; the oldest goes beyond `MESSAGE_LOG_LEN`.
    pub fn log_message(&mut self, text: String) {
        if self.message_log.len() >= MESSAGE_LOG_LEN {
            self.message_log.pop_front();
        }
        self.message_log.push_back((self.now, text));
    }

    /// Whether an overlay (the key help, `:messages`) has the keyboard.
    pub fn overlay(&self) -> bool {
        self.help || self.messages_view.is_some()
    }
}

impl CallView {
    pub fn new(zone: OrgZone, row: CallRow, pending: ReqId) -> CallView {
        CallView {
            back: Screen::Calls,
            zone,
            tab: CallTab::Transcript,
            details: Vec::new(),
            details_scroll: 0,
            row,
            detail: None,
            pending: Some(pending),
            error: None,
            turns: Vec::new(),
            lines: Vec::new(),
            wrap_width: 0,
            scroll: 0,
            search: Search::default(),
        }
    }

    /// Re-wraps the transcript and the details for a new width, keeping the first visible turn in view.
    pub fn rewrap(&mut self, width: u16) {
        if width == self.wrap_width && !self.lines.is_empty() {
            return;
        }
        self.details = self.detail.as_ref().map(|d| detail_lines(d, width)).unwrap_or_default();
        let top_turn = self.lines.get(self.scroll).map(|l| l.turn);
        self.lines = transcript::wrap(&self.turns, width);
        self.wrap_width = width;
        self.scroll = match top_turn {
            Some(t) => self.lines.iter().position(|l| l.turn == t).unwrap_or(0),
            None => 0,
        };
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height)
    }
}

/// An empty text field (see `core::textfield`).
pub fn new_input(placeholder: &str) -> TextField {
    TextField::new(placeholder)
}

/// The text of a field.
pub fn input_text(t: &TextField) -> String {
    t.text().to_string()
}

/// The details pane: the summary, then every fact of the call, wrapped to `width`.
pub fn detail_lines(d: &CallDetail, width: u16) -> Vec<DetailLine> {
    let value_width = (width as usize).saturating_sub(DETAIL_LABEL_WIDTH + 1).max(10);
    let mut out = Vec::new();
    let mut push = |label: &str, value: &str| {
        let mut first = true;
        for para in value.split('\n') {
            for (s, e) in transcript::wrap_paragraph(para, value_width) {
                out.push(DetailLine { label: first.then(|| label.to_string()), text: para[s..e].to_string() });
                first = false;
            }
        }
    };
    push("Summary", d.summary.as_deref().unwrap_or("—"));
    if let Some(x) = &d.external_id {
        push("External id", x);
    }
    push("Call id", &d.row.key.to_string());
    for (k, v) in &d.facts {
        push(k, v);
    }
    if !d.not_recorded.is_empty() {
        push("Not recorded", &d.not_recorded.join("; "));
    }
    out
}
