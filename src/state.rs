//! App-wide state, created once in [`crate::app::App`] and shared through context: the
//! [`Workspace`] (every assessment and what the app knows about storing them), private, with the
//! triggers that tell its readers it changed. Components read it with [`AppState::with`] (or one
//! part of one assessment with [`AppState::with_part`]) and change it only through
//! [`AppState::change`], which stamps the time, applies the change, notifies and, when typed text
//! is waiting, schedules its write. The decisions live in the workspace and are tested natively.
//!
//! Who is told what: an edit of one part of an assessment (a question's answer, an action) runs
//! the readers of that part, and — unless it is typing — the readers of the whole workspace (the
//! score, the save status, lists). A keystroke therefore runs only the readers of the field being
//! typed in; everyone else hears of the text with the write that follows ([`Change::Flush`]). Any
//! other change (a merge, an import, an undo, another tab's copy) runs every reader.
//!
//! It also holds the catalog: at first what the build embeds ([`Catalog::embedded`], parsed when
//! first asked for, which the start page without assessments never does), and once a view has
//! asked for it ([`AppState::load_data`]) the whole catalog with the fetched files, for
//! the rest of the session ([`DataLoad`] says where that stands).

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::adapters::clock;
use crate::adapters::storage::LocalStore;
use crate::domain::assessment::{Millis, Part};
use crate::domain::catalog::{Catalog, FETCHED, LoadError};
use crate::workspace::{Change, Save, Workspace};

/// Milliseconds after the last keystroke before typed text is written.
pub const FLUSH_DELAY_MS: u64 = 400;
/// Typing without a pause is still written at least this often.
pub const FLUSH_MAX_DELAY_MS: u64 = 2_000;

/// The workspace the app works with.
pub type AppWorkspace = Workspace<LocalStore>;

/// A scheduled write of typed text.
#[derive(Clone, Copy)]
struct Pending {
    timer: TimeoutHandle,
    /// When the oldest unwritten keystroke was made.
    since: Millis,
}

/// The readers of one part of one assessment.
type Parts = BTreeMap<(String, Part), ArcTrigger>;

/// Where the rubric data the build does not embed stands.
#[derive(Debug, Clone, PartialEq)]
pub enum DataLoad {
    /// No view has needed it yet.
    Idle,
    /// Being fetched.
    Loading,
    /// Fetched and validated: [`AppState::catalog`] has everything, for the rest of the session.
    Ready,
    /// The last attempt failed; [`AppState::load_data`] tries again.
    Failed(LoadError),
}

/// Shared state; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The whole catalog once fetched; until then the embedded one.
    catalog: StoredValue<Option<&'static Catalog>>,
    data: RwSignal<DataLoad>,
    workspace: StoredValue<AppWorkspace>,
    /// Readers of the whole workspace.
    all: StoredValue<ArcTrigger>,
    /// Readers of parts: told of edits of their part, and of every change that is not an edit.
    parts: StoredValue<Parts>,
    not_edits: StoredValue<ArcTrigger>,
    pending: StoredValue<Option<Pending>>,
}

impl AppState {
    /// Loads everything from storage.
    pub fn load() -> Self {
        AppState {
            catalog: StoredValue::new(None),
            data: RwSignal::new(DataLoad::Idle),
            workspace: StoredValue::new(Workspace::load(LocalStore)),
            all: StoredValue::new(ArcTrigger::new()),
            parts: StoredValue::new(BTreeMap::new()),
            not_edits: StoredValue::new(ArcTrigger::new()),
            pending: StoredValue::new(None),
        }
    }

    /// The state provided by `App`.
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Rubric versions, references and mappings: what is embedded (the current rubric without its
    /// texts), and once [`DataLoad::Ready`] everything (not tracked: read [`AppState::data`] to run again when that changes).
    pub fn catalog(&self) -> &'static Catalog {
        self.catalog.get_value().unwrap_or_else(Catalog::embedded)
    }

    /// Where the fetched data stands; the caller runs again when it changes.
    pub fn data(&self) -> DataLoad {
        self.data.get()
    }

    /// Fetches the rubric data the build does not embed, validates it with the embedded files
    /// ([`Catalog::with_fetched`]) and makes the catalog whole, unless that is done or under way.
    /// Each file is thus fetched once per session; after a failure, calling it again tries again.
    pub fn load_data(&self) {
        if matches!(self.data.get_untracked(), DataLoad::Idle | DataLoad::Failed(_)) {
            let state = *self;
            leptos::task::spawn_local(async move {
                let _ = state.fetch().await;
            });
        }
    }

    /// The whole catalog, fetching what is missing first (an opened file on an older version).
    /// While a view's fetch is under way this fetches too (the browser's cache answers).
    pub async fn whole_catalog(&self) -> Result<&'static Catalog, LoadError> {
        match self.data.get_untracked() {
            DataLoad::Ready => Ok(self.catalog()),
            _ => self.fetch().await,
        }
    }

    async fn fetch(self) -> Result<&'static Catalog, LoadError> {
        self.data.set(DataLoad::Loading);
        let result = crate::adapters::data::fetch_texts(FETCHED)
            .await
            .and_then(|texts| Ok(Catalog::with_fetched(texts.iter().map(|(path, text)| (*path, text.as_str())))?));
        match result {
            Ok(whole) => {
                // Made once per session and kept for it, like the embedded catalog.
                let whole: &'static Catalog = Box::leak(Box::new(whole));
                self.catalog.set_value(Some(whole));
                self.data.set(DataLoad::Ready);
                Ok(whole)
            }
            Err(e) => {
                self.data.set(DataLoad::Failed(e.clone()));
                Err(e)
            }
        }
    }

    /// Reads the workspace; the caller runs again when it changes (typing excepted, until it is
    /// written).
    pub fn with<R>(&self, read: impl FnOnce(&AppWorkspace) -> R) -> R {
        self.all.with_value(ArcTrigger::track);
        self.workspace.with_value(read)
    }

    /// Reads one part of assessment `id` (e.g. one question's answer); the caller runs again when
    /// that part is edited (also at every keystroke) and at every change that is not an edit, not
    /// when another part is edited.
    pub fn with_part<R>(&self, id: &str, part: &Part, read: impl FnOnce(&AppWorkspace) -> R) -> R {
        let key = (id.to_string(), part.clone());
        if let Some(trigger) = self.parts.try_update_value(|parts| parts.entry(key).or_default().clone()) {
            trigger.track();
        }
        self.not_edits.with_value(ArcTrigger::track);
        self.workspace.with_value(read)
    }

    /// Reads the workspace without subscribing to its changes (in event handlers).
    pub fn with_untracked<R>(&self, read: impl FnOnce(&AppWorkspace) -> R) -> R {
        self.workspace.with_value(read)
    }

    /// The one door: applies `change` now. Readers are notified only when something they could
    /// see changed. Typed text left unwritten is written [`FLUSH_DELAY_MS`] after the typing
    /// pauses (at the latest [`FLUSH_MAX_DELAY_MS`] after it began), or earlier by
    /// [`AppState::flush`]. A write that fails is not repeated on a timer: the storage warning
    /// offers "Försök spara igen".
    pub fn change(&self, change: Change) {
        let now = clock::now();
        let edited = match &change {
            Change::Edit { id, edit, save } => Some(((id.clone(), edit.part()), *save == Save::Later)),
            // A workshop's agreed answer is a part of it like a question's answer of an
            // assessment (workshop and assessment ids never collide: both are fresh ids).
            Change::Workshop { id, change, save } => Some(((id.clone(), change.part()), *save == Save::Later)),
            _ => None,
        };
        let typing = edited.as_ref().is_some_and(|(_, typing)| *typing);
        let changed = self.workspace.try_update_value(|w| w.apply(change, now)).unwrap_or(false);
        if changed {
            match edited {
                Some((key, typing)) => {
                    if let Some(part) = self.parts.try_with_value(|parts| parts.get(&key).cloned()).flatten() {
                        part.notify();
                    }
                    if !typing {
                        self.all.with_value(ArcTrigger::notify);
                    }
                }
                None => {
                    self.all.with_value(ArcTrigger::notify);
                    self.not_edits.with_value(ArcTrigger::notify);
                }
            }
        }
        // The app may be unmounting (a route's clean-up); then there is nothing left to write.
        let unsaved = self.workspace.try_with_value(|w| w.has_unsaved()).unwrap_or(false);
        if typing && unsaved {
            self.schedule_flush(now);
        } else if !unsaved && let Some(p) = self.pending.try_update_value(Option::take).flatten() {
            // Written by something else first (a click, a blur): no need to write again.
            p.timer.clear();
        }
    }

    /// Writes typed text now (a field lost focus, the page is hidden or left).
    pub fn flush(&self) {
        self.change(Change::Flush);
    }

    fn schedule_flush(&self, now: Millis) {
        let since = match self.pending.get_value() {
            Some(p) if now.saturating_sub(p.since) >= FLUSH_MAX_DELAY_MS => return,
            Some(p) => {
                p.timer.clear();
                p.since
            }
            None => now,
        };
        let state = *self;
        let timer = set_timeout_with_handle(
            move || {
                state.pending.set_value(None);
                state.flush();
            },
            std::time::Duration::from_millis(FLUSH_DELAY_MS),
        );
        match timer {
            Ok(timer) => self.pending.set_value(Some(Pending { timer, since })),
            // No timer (should not happen in a browser): write at once rather than never.
            Err(_) => self.flush(),
        }
    }
}
