//! App-wide state, created once in [`crate::app::App`] and shared through context: the
//! [`Workspace`] (every assessment and what the app knows about storing them) in one private
//! signal. Components read it with [`AppState::with`] and change it only through
//! [`AppState::change`], which stamps the time, applies the change and, when typed text is
//! waiting, schedules its write. The decisions live in the workspace and are tested natively.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::adapters::storage::LocalStore;
use crate::domain::assessment::Millis;
use crate::domain::catalog::Catalog;
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

/// Shared state; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    catalog: &'static Catalog,
    workspace: RwSignal<AppWorkspace>,
    pending: StoredValue<Option<Pending>>,
}

impl AppState {
    /// Loads everything from storage.
    pub fn load(catalog: &'static Catalog) -> Self {
        AppState { catalog, workspace: RwSignal::new(Workspace::load(LocalStore)), pending: StoredValue::new(None) }
    }

    /// The state provided by `App`.
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Rubric versions, references and mappings.
    pub fn catalog(&self) -> &'static Catalog {
        self.catalog
    }

    /// Reads the workspace; the caller re-runs when it changes.
    pub fn with<R>(&self, read: impl FnOnce(&AppWorkspace) -> R) -> R {
        self.workspace.with(read)
    }

    /// Reads the workspace without subscribing to its changes (in event handlers).
    pub fn with_untracked<R>(&self, read: impl FnOnce(&AppWorkspace) -> R) -> R {
        self.workspace.with_untracked(read)
    }

    /// The one door: applies `change` now. Readers are notified only when something they could
    /// see changed. Typed text left unwritten is written [`FLUSH_DELAY_MS`] after the typing
    /// pauses (at the latest [`FLUSH_MAX_DELAY_MS`] after it began), or earlier by
    /// [`AppState::flush`]. A write that fails is not repeated on a timer: the storage warning
    /// offers "Försök spara igen".
    pub fn change(&self, change: Change) {
        let now = clock::now();
        let typing = matches!(change, Change::Edit { save: Save::Later, .. });
        self.workspace.maybe_update(|w| w.apply(change, now));
        let unsaved = self.workspace.with_untracked(|w| w.has_unsaved());
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
