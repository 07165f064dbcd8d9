//! Where the workspace keeps its entries: a small key–value [`Store`] (the browser's localStorage
//! in the app, [`MemoryStore`] in tests), and the typed reasons a write can fail.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use thiserror::Error;

/// A key the app writes and removes at once to find out whether storage accepts writes.
pub const PROBE_KEY: &str = "kommunkompass.test";

/// Why a write did not reach the browser's storage. The texts are what the user is told.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The storage quota is used up.
    #[error(
        "Webbläsarens lagring är full, så de senaste ändringarna är inte sparade. De finns kvar i det här fönstret så länge det är öppet."
    )]
    Full,
    /// Storage is disabled or not offered (private mode, policy, sandbox).
    #[error(
        "Webbläsaren tillåter inte att verktyget sparar något (till exempel i privat läge eller genom en inställning). Svaren finns bara i det här fönstret och försvinner när det stängs."
    )]
    Unavailable,
    /// A newer version of the app (in another tab) has saved this assessment or workshop; this
    /// older copy must not overwrite it.
    #[error(
        "En nyare version av verktyget har sparat samma självskattning eller workshop i en annan flik. Den här fliken har en äldre version och skriver därför inte över det som sparats där. Ändringar som gjorts här finns kvar i det här fönstret så länge det är öppet."
    )]
    NewerVersion,
    /// The browser refused the write for another reason.
    #[error(
        "De senaste ändringarna kunde inte sparas i webbläsaren ({0}). De finns kvar i det här fönstret så länge det är öppet."
    )]
    Refused(Refusal),
}

/// A refusal the app has no specific advice for, named by the browser's exception name (such as
/// `InvalidStateError`), which is what a support person needs.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("webbläsarens felkod: {name}")]
pub struct Refusal {
    /// The DOMException name, or "okänt fel" when the browser gave none.
    pub name: String,
}

/// The key–value storage the workspace reads and writes. Methods never panic; a store that cannot
/// be used reads as empty and refuses writes with [`SaveError::Unavailable`].
pub trait Store {
    /// The text stored under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    /// Removes `key` (nothing happens when it is absent or storage cannot be used).
    fn remove(&mut self, key: &str);
    /// Every key, this app's and others'.
    fn keys(&self) -> Vec<String>;
    /// True when storage accepts a write now; leaves nothing behind.
    fn probe(&mut self) -> bool {
        let ok = self.set(PROBE_KEY, "1").is_ok();
        self.remove(PROBE_KEY);
        ok
    }
}

/// How a [`MemoryStore`] behaves, to test what the browser may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Reads and writes work.
    #[default]
    Working,
    /// Every write fails as with a used-up quota, except the one-byte probe (as in a real full
    /// browser, where that may still fit).
    Full,
    /// Storage is switched off: nothing can be read, every write fails.
    Disabled,
}

/// One change another tab made, as the browser's `storage` event reports it.
pub type Event = (String, Option<String>);

#[derive(Default)]
struct Shared {
    entries: BTreeMap<String, String>,
    mode: Mode,
    /// Every change, with the tab that made it.
    log: Vec<(usize, Event)>,
    tabs: usize,
    reads: usize,
}

/// An in-memory [`Store`] for tests. [`MemoryStore::second_tab`] gives another handle on the same
/// entries, as a second browser tab of the same site has; [`MemoryStore::events`] returns what
/// the other tabs changed, like the browser's `storage` events.
#[derive(Clone)]
pub struct MemoryStore {
    shared: Rc<RefCell<Shared>>,
    tab: usize,
    seen: Rc<Cell<usize>>,
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryStore {
    /// An empty, working store: the first tab.
    pub fn new() -> Self {
        let shared = Shared { tabs: 1, ..Shared::default() };
        MemoryStore { shared: Rc::new(RefCell::new(shared)), tab: 0, seen: Rc::new(Cell::new(0)) }
    }

    /// Another tab on the same entries; it sees only the changes made after it opened.
    pub fn second_tab(&self) -> Self {
        let mut shared = self.shared.borrow_mut();
        let tab = shared.tabs;
        shared.tabs += 1;
        MemoryStore { shared: self.shared.clone(), tab, seen: Rc::new(Cell::new(shared.log.len())) }
    }

    /// Makes the storage full, switched off or working again (for every tab).
    pub fn set_mode(&self, mode: Mode) {
        self.shared.borrow_mut().mode = mode;
    }

    /// What other tabs (or [`MemoryStore::write_elsewhere`]) changed since the last call.
    pub fn events(&self) -> Vec<Event> {
        let shared = self.shared.borrow();
        let from = self.seen.replace(shared.log.len());
        shared.log[from..].iter().filter(|(tab, _)| *tab != self.tab).map(|(_, e)| e.clone()).collect()
    }

    /// Writes as some other program on the same site would (e.g. a newer version of the app);
    /// every tab sees the change as an event.
    pub fn write_elsewhere(&self, key: &str, value: Option<&str>) {
        let mut shared = self.shared.borrow_mut();
        match value {
            Some(v) => shared.entries.insert(key.to_string(), v.to_string()),
            None => shared.entries.remove(key),
        };
        shared.log.push((usize::MAX, (key.to_string(), value.map(str::to_string))));
    }

    /// The stored text, without counting as a read by the app.
    pub fn peek(&self, key: &str) -> Option<String> {
        self.shared.borrow().entries.get(key).cloned()
    }

    /// How many entries the app has read through [`Store::get`] so far (all tabs).
    pub fn reads(&self) -> usize {
        self.shared.borrow().reads
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        let mut shared = self.shared.borrow_mut();
        if shared.mode == Mode::Disabled {
            return None;
        }
        shared.reads += 1;
        shared.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let mut shared = self.shared.borrow_mut();
        match shared.mode {
            Mode::Disabled => return Err(SaveError::Unavailable),
            Mode::Full if key != PROBE_KEY => return Err(SaveError::Full),
            _ => {}
        }
        shared.entries.insert(key.to_string(), value.to_string());
        let tab = self.tab;
        shared.log.push((tab, (key.to_string(), Some(value.to_string()))));
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        let mut shared = self.shared.borrow_mut();
        if shared.mode == Mode::Disabled || shared.entries.remove(key).is_none() {
            return;
        }
        let tab = self.tab;
        shared.log.push((tab, (key.to_string(), None)));
    }

    fn keys(&self) -> Vec<String> {
        let shared = self.shared.borrow();
        if shared.mode == Mode::Disabled {
            return Vec::new();
        }
        shared.entries.keys().cloned().collect()
    }
}
