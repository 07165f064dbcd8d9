//! The workspace: every assessment in this browser and everything the app remembers about
//! storing them, behind one door, [`Workspace::apply`]. It is the app's view-model: the UI reads
//! it and hands it [`Change`]s; it decides with the pure `domain` (edits, merging, the
//! [`sync`](crate::domain::sync) decisions, which `arrivals` carries out when another tab writes)
//! and writes through a [`Store`]. No Leptos and no browser here, so every rule about never
//! losing an answer is tested natively, with two workspaces on one [`MemoryStore`] standing in
//! for two browser tabs.
//!
//! Saving: a click is written at once ([`Save::Now`]); typing is kept in memory and marked
//! unsaved ([`Save::Later`]) until a [`Change::Flush`], which the app sends shortly after the
//! typing stops, when a field loses focus and when the page is hidden or left. Any write of an
//! assessment also writes its unsaved text. The schema of every stored entry written by a newer
//! version of the app is remembered from loading and from storage events, so a save never reads
//! or parses the stored entry first.

mod arrivals;
pub mod store;
pub mod workshops;

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use crate::domain::assessment::{Assessment, Edit, Millis};
use crate::domain::error::DecodeError;
use crate::domain::evidence::EvidenceItem;
use crate::domain::merge::merge;
use crate::domain::persist;
use crate::domain::reference::Reference;
use crate::domain::sync;
use crate::domain::workshop::{self, AddReport, Workshop};

pub use store::{MemoryStore, Mode, Refusal, SaveError, Store};
pub use workshops::{WORKSHOP_PREFIX, WorkshopChange, workshop_key};

/// Prefix of every key this app writes.
pub const PREFIX: &str = "kommunkompass.";
/// Prefix of assessment keys; the rest of the key is the assessment id.
pub const ASSESSMENT_PREFIX: &str = "kommunkompass.bedomning.";
/// Prefix of comparison figures the user added (e.g. the municipality's own official result).
pub const REFERENCE_PREFIX: &str = "kommunkompass.referens.";
/// Key of the "show level descriptions" preference.
pub const SHOW_LEVELS_KEY: &str = "kommunkompass.installning.visa-nivabeskrivningar";

/// Version of this build, written into every stored entry.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The key an assessment is stored under.
pub fn key_for(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

fn reference_key(id: &str) -> String {
    format!("{REFERENCE_PREFIX}{id}")
}

/// When an edit is written to storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    /// At once (a click, a choice).
    Now,
    /// With the next [`Change::Flush`] (typing): kept in memory and marked unsaved until then.
    Later,
}

/// The outcome of the latest write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing written yet in this visit.
    Idle,
    /// Written at this time.
    Saved(Millis),
    /// The latest write failed; the changes are only in this window.
    Failed(SaveError),
}

/// A stored entry that could not be read; kept as it is and offered for download.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The storage key.
    pub key: String,
    /// The raw text, exactly as stored.
    pub raw: String,
    /// What is wrong.
    pub reason: DecodeError,
}

/// Why a file could not be offered for download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DownloadError {
    /// The page is not (or no longer) shown, so there is nowhere to start a download from.
    #[error("sidan är inte färdigladdad")]
    NoPage,
    /// The browser refused to create the file.
    #[error("webbläsaren kunde inte skapa filen")]
    Refused,
}

/// A short message for the status area.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Another tab changed an assessment and its changes were merged in.
    MergedFromOtherTab(String),
    /// Another tab deleted an assessment.
    DeletedInOtherTab(String),
    /// An assessment was deleted here; [`Change::Undo`] restores it.
    Deleted(Box<Assessment>),
    /// A file was added as a new assessment.
    Imported(String),
    /// A file was merged into the assessment with the same identity.
    Merged(String),
    /// An action was deleted from an assessment's plan; [`Change::Undo`] restores it.
    ActionDeleted {
        /// The assessment.
        assessment: String,
        /// The action's id.
        action: String,
        /// What the action said, to name it.
        what: String,
    },
    /// An evidence item was deleted from a question; [`Change::Undo`] restores it.
    ItemDeleted {
        /// The assessment.
        assessment: String,
        /// The question.
        question: String,
        /// The item's id.
        item: String,
        /// The item's name ("Dokument: Budget 2025").
        name: String,
    },
    /// A file could not be offered for download.
    NotDownloaded {
        /// The file's name.
        file: String,
        /// Why.
        error: DownloadError,
    },
    /// A workshop was deleted here; [`Change::Undo`] restores it.
    WorkshopDeleted(Box<Workshop>),
    /// The agreed answers were brought over to the common assessment of this name.
    CommonUpdated(String),
}

impl Notice {
    /// What the user is told, in Swedish.
    pub fn text(&self) -> String {
        match self {
            Notice::Deleted(a) => format!("”{}” togs bort.", a.name),
            Notice::MergedFromOtherTab(name) => {
                format!(
                    "”{name}” ändrades i en annan flik. Ändringarna har lagts till här; inga svar har gått förlorade."
                )
            }
            Notice::DeletedInOtherTab(name) => format!("”{name}” togs bort i en annan flik."),
            Notice::Imported(name) => format!("”{name}” öppnades från fil och finns nu i listan."),
            Notice::Merged(name) => {
                format!("Filen har slagits ihop med ”{name}”; för varje svar gäller nu den senaste ändringen.")
            }
            Notice::ActionDeleted { what, .. } if what.trim().is_empty() => "Åtgärden togs bort.".to_string(),
            Notice::ActionDeleted { what, .. } => format!("Åtgärden ”{}” togs bort.", what.trim()),
            Notice::ItemDeleted { name, question, .. } => {
                format!("Underlaget ”{name}” togs bort från fråga {question}.")
            }
            Notice::NotDownloaded { file, error } => {
                format!("Filen {file} kunde inte sparas: {error}. Ladda om sidan och försök igen.")
            }
            Notice::WorkshopDeleted(w) => format!("Workshoppen ”{}” togs bort.", w.name),
            Notice::CommonUpdated(name) => {
                format!("De överenskomna svaren har förts över till ”{name}”; handlingsplanen och resten finns kvar.")
            }
        }
    }

    /// True when [`Change::Undo`] can take it back.
    pub fn can_undo(&self) -> bool {
        matches!(
            self,
            Notice::Deleted(_) | Notice::ActionDeleted { .. } | Notice::WorkshopDeleted(_) | Notice::ItemDeleted { .. }
        )
    }
}

/// Everything that can change in the workspace. Ids and times come from outside.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A new assessment; written at once.
    Create(Assessment),
    /// A validated file. Added under its own id; under `fresh_id` when its key holds an entry
    /// this build cannot read (which is never overwritten); merged when this browser already has
    /// it (the UI asks the user first, so this only guards against a race).
    Import {
        /// The assessment in the file.
        assessment: Assessment,
        /// An unused id, for when the file's own id cannot be used.
        fresh_id: String,
    },
    /// A validated file merged into the assessment with the same id, per answer and action.
    MergeFile(Assessment),
    /// A validated file added as a new assessment under `id`.
    AddCopy {
        /// The assessment in the file.
        assessment: Assessment,
        /// Its new id.
        id: String,
    },
    /// One edit of assessment `id`.
    Edit {
        /// The assessment.
        id: String,
        /// What changes.
        edit: Edit,
        /// When it is written.
        save: Save,
    },
    /// A copy of assessment `id` under `new_id` and `name`.
    Duplicate {
        /// The original.
        id: String,
        /// The copy's id.
        new_id: String,
        /// The copy's name.
        name: String,
    },
    /// Deletes an assessment; [`Change::Undo`] brings it back while the notice is shown.
    Delete(String),
    /// Takes back the deletion the notice names.
    Undo,
    /// Closes the notice.
    Dismiss,
    /// Probes storage again and writes everything unsaved ("Försök spara igen").
    Retry,
    /// Writes everything unsaved now.
    Flush,
    /// Removes everything this app stored in this browser.
    Clear,
    /// Another tab (or program on the site) changed `key`; `None` when it was removed.
    StorageEvent {
        /// The key.
        key: String,
        /// Its new text.
        value: Option<String>,
    },
    /// Storage may have changed without events (the page was frozen or restored from the
    /// back/forward cache, or another tab cleared everything): every entry is read again.
    Resync,
    /// Adds or replaces a comparison the user entered or opened.
    AddReference(Box<Reference>),
    /// Removes a comparison the user added.
    RemoveReference(String),
    /// Removes an unreadable entry (after the user downloaded it or chose to remove it).
    RemoveUnreadable(String),
    /// Shows or hides the level descriptions at every question (remembered).
    ShowLevels(bool),
    /// The comparisons chosen for the profile (shared by the results and the report).
    Compare(BTreeSet<String>),
    /// The assessment on screen, if any ("Spara som fil" in a storage warning saves that one).
    Open(Option<String>),
    /// A file could not be offered for download.
    DownloadFailed {
        /// The file's name.
        file: String,
        /// Why.
        error: DownloadError,
    },
    /// A new workshop; written at once.
    CreateWorkshop(Box<Workshop>),
    /// A validated workshop file: added, or merged into the workshop with the same id.
    ImportWorkshop {
        /// The workshop in the file.
        workshop: Box<Workshop>,
        /// An unused id, for when the file's own id cannot be used.
        fresh_id: String,
    },
    /// One change to workshop `id`.
    Workshop {
        /// The workshop.
        id: String,
        /// What changes.
        change: WorkshopChange,
        /// When it is written.
        save: Save,
    },
    /// Deletes a workshop; [`Change::Undo`] brings it back while the notice is shown.
    DeleteWorkshop(String),
    /// Brings the agreed answers of workshop `id` over to its common assessment.
    UpdateCommon(String),
    /// The workshop on screen, if any ("Spara som fil" in a storage warning saves it too).
    OpenWorkshop(Option<String>),
}

/// Every assessment in this browser and what the app knows about storing them.
pub struct Workspace<S: Store> {
    store: S,
    assessments: BTreeMap<String, Assessment>,
    unreadable: Vec<Unreadable>,
    references: Vec<Reference>,
    /// Keys whose changes are not written yet.
    unsaved: BTreeSet<String>,
    /// Keys whose stored entry a newer version of the app wrote, with its schema.
    newer: BTreeMap<String, u64>,
    status: SaveStatus,
    available: bool,
    notice: Option<Notice>,
    show_levels: bool,
    compare: Option<BTreeSet<String>>,
    open: Option<String>,
    /// Every workshop, by id.
    workshops: BTreeMap<String, Workshop>,
    /// The workshop on screen, if any.
    open_workshop: Option<String>,
    /// What happened to the files last added to a workshop (workshop id and report).
    added: Option<(String, AddReport)>,
    /// Counts the changes that may have changed what scores are computed from.
    scoring_revision: u64,
}

impl<S: Store> Workspace<S> {
    /// Reads everything this app stored. Never fails: entries that cannot be read are kept and
    /// listed, not dropped; nothing is written.
    pub fn load(mut store: S) -> Self {
        let available = store.probe();
        let mut ws = Workspace {
            store,
            assessments: BTreeMap::new(),
            unreadable: Vec::new(),
            references: Vec::new(),
            unsaved: BTreeSet::new(),
            newer: BTreeMap::new(),
            status: SaveStatus::Idle,
            available,
            notice: None,
            show_levels: true,
            compare: None,
            open: None,
            workshops: BTreeMap::new(),
            open_workshop: None,
            added: None,
            scoring_revision: 0,
        };
        ws.read_all();
        ws
    }

    fn read_all(&mut self) {
        for key in self.store.keys() {
            if let Some(id) = key.strip_prefix(ASSESSMENT_PREFIX) {
                let Some(text) = self.store.get(&key) else { continue };
                match persist::decode(&text) {
                    Ok(envelope) => {
                        self.assessments.insert(id.to_string(), envelope.assessment);
                    }
                    Err(reason) => {
                        if let DecodeError::TooNew(schema) = reason {
                            self.newer.insert(key.clone(), schema);
                        }
                        self.unreadable.push(Unreadable { key, raw: text, reason });
                    }
                }
            } else if let Some(id) = key.strip_prefix(WORKSHOP_PREFIX) {
                let Some(text) = self.store.get(&key) else { continue };
                match workshop::persist::decode(&text) {
                    Ok(w) => {
                        self.workshops.insert(id.to_string(), w);
                    }
                    Err(reason) => {
                        if let DecodeError::TooNew(schema) = reason {
                            self.newer.insert(key.clone(), schema);
                        }
                        self.unreadable.push(Unreadable { key, raw: text, reason });
                    }
                }
            } else if key.starts_with(REFERENCE_PREFIX) {
                if let Some(r) = self.store.get(&key).and_then(|t| Reference::parse(&t).ok()) {
                    self.references.push(r);
                }
            } else if key == SHOW_LEVELS_KEY {
                self.show_levels = self.store.get(&key).is_none_or(|t| t.trim() != "false");
            }
        }
        self.references.sort_by(|a, b| a.label.cmp(&b.label));
    }

    // --- reading -------------------------------------------------------------------------

    /// One assessment.
    pub fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.assessments.get(id)
    }

    /// Every assessment, by id.
    pub fn assessments(&self) -> impl Iterator<Item = &Assessment> {
        self.assessments.values()
    }

    /// Every assessment, the latest changed first.
    pub fn newest_first(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.assessments.values().collect();
        all.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
        all
    }

    /// How many assessments there are.
    pub fn count(&self) -> usize {
        self.assessments.len()
    }

    /// Stored entries that could not be read, by key.
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// Comparison figures the user added, by label.
    pub fn references(&self) -> &[Reference] {
        &self.references
    }

    /// The outcome of the latest write.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// Why the latest changes are not in storage, if they are not: the latest write failed, or
    /// storage could not be used at all.
    pub fn warning(&self) -> Option<SaveError> {
        match &self.status {
            SaveStatus::Failed(e) => Some(e.clone()),
            _ if !self.available => Some(SaveError::Unavailable),
            _ => None,
        }
    }

    /// The latest notice.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// True when some change is only in memory.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }

    /// Whether every question shows the scale's level descriptions.
    pub fn show_levels(&self) -> bool {
        self.show_levels
    }

    /// The comparisons chosen for the profile, if the user chose any.
    pub fn compare(&self) -> Option<&BTreeSet<String>> {
        self.compare.as_ref()
    }

    /// What "Spara som fil" in a storage warning saves: the assessment on screen, or every one.
    pub fn to_save_as_files(&self) -> Vec<&Assessment> {
        match self.open.as_deref().and_then(|id| self.assessments.get(id)) {
            Some(a) => vec![a],
            None => self.assessments.values().collect(),
        }
    }

    /// Changes whenever a change may have changed a response or target of any assessment (or
    /// which assessments there are); stays the same while text is typed. A score computed at one
    /// revision is still right at the same revision.
    pub fn scoring_revision(&self) -> u64 {
        self.scoring_revision
    }

    /// The store (for tests).
    pub fn store(&self) -> &S {
        &self.store
    }

    // --- the door ------------------------------------------------------------------------

    /// Applies one change at time `now`, writing what it decides. Returns false when nothing
    /// anyone could see changed (the UI need not redraw).
    pub fn apply(&mut self, change: Change, now: Millis) -> bool {
        let scores_kept = match &change {
            Change::Edit { edit, .. } => edit.is_typing() || matches!(edit, Edit::Meta { .. }),
            Change::Flush
            | Change::Retry
            | Change::Dismiss
            | Change::AddReference(_)
            | Change::RemoveReference(_)
            | Change::RemoveUnreadable(_)
            | Change::ShowLevels(_)
            | Change::Compare(_)
            | Change::Open(_)
            | Change::DownloadFailed { .. }
            | Change::CreateWorkshop(_)
            | Change::ImportWorkshop { .. }
            | Change::Workshop { .. }
            | Change::DeleteWorkshop(_)
            | Change::OpenWorkshop(_) => true,
            _ => false,
        };
        let changed = self.apply_change(change, now);
        if changed && !scores_kept {
            self.scoring_revision += 1;
        }
        changed
    }

    fn apply_change(&mut self, change: Change, now: Millis) -> bool {
        match change {
            Change::Create(a) => {
                self.put_and_write(a, now);
                true
            }
            Change::Import { assessment, fresh_id } => {
                if self.assessments.contains_key(&assessment.id) {
                    return self.apply(Change::MergeFile(assessment), now);
                }
                let blocked = self.is_blocked(&key_for(&assessment.id));
                let id = if blocked { fresh_id } else { assessment.id.clone() };
                self.apply(Change::AddCopy { assessment, id }, now)
            }
            Change::MergeFile(incoming) => {
                let name = incoming.name.clone();
                let merged = match self.assessments.get(&incoming.id) {
                    Some(local) => merge(local, &incoming),
                    None => incoming,
                };
                self.put_and_write(merged, now);
                self.notice = Some(Notice::Merged(name));
                true
            }
            Change::AddCopy { mut assessment, id } => {
                assessment.id = id;
                let name = assessment.name.clone();
                self.put_and_write(assessment, now);
                self.notice = Some(Notice::Imported(name));
                true
            }
            Change::Edit { id, edit, save } => self.edit(&id, edit, save, now),
            Change::Duplicate { id, new_id, name } => {
                let Some(copy) = self.assessments.get(&id).map(|a| a.duplicate(new_id, name, now)) else {
                    return false;
                };
                self.put_and_write(copy, now);
                true
            }
            Change::Delete(id) => {
                let Some(a) = self.assessments.remove(&id) else { return false };
                let key = key_for(&id);
                self.unsaved.remove(&key);
                self.newer.remove(&key);
                self.store.remove(&key);
                self.notice = Some(Notice::Deleted(Box::new(a)));
                true
            }
            Change::Undo => match self.notice.take() {
                Some(Notice::Deleted(a)) => {
                    self.put_and_write(*a, now);
                    true
                }
                Some(Notice::ActionDeleted { assessment, action, .. }) => {
                    self.edit(&assessment, Edit::RestoreAction(action), Save::Now, now);
                    true
                }
                Some(Notice::WorkshopDeleted(w)) => {
                    self.put_workshop(*w, now);
                    true
                }
                Some(Notice::ItemDeleted { assessment, question, item, .. }) => {
                    let restored = self
                        .assessments
                        .get(&assessment)
                        .and_then(|a| a.answer(&question))
                        .and_then(|x| x.items.iter().find(|i| i.id == item && i.deleted))
                        .map(|i| EvidenceItem { deleted: false, ..i.clone() });
                    if let Some(item) = restored {
                        self.edit(&assessment, Edit::UpsertItem { question, item }, Save::Now, now);
                    }
                    true
                }
                other => {
                    self.notice = other;
                    false
                }
            },
            Change::Dismiss => self.notice.take().is_some(),
            Change::Retry => {
                self.available = self.store.probe();
                if !self.flush(now) && self.unsaved.is_empty() && self.available {
                    self.status = SaveStatus::Idle;
                }
                true
            }
            Change::Flush => self.flush(now),
            Change::Clear => {
                for key in self.store.keys().into_iter().filter(|k| k.starts_with(PREFIX)) {
                    self.store.remove(&key);
                }
                self.assessments.clear();
                self.workshops.clear();
                self.added = None;
                self.unreadable.clear();
                self.references.clear();
                self.unsaved.clear();
                self.newer.clear();
                self.notice = None;
                self.status = SaveStatus::Idle;
                self.show_levels = true;
                true
            }
            Change::StorageEvent { key, value } => self.arrived(&key, value, now),
            Change::Resync => self.resync(now),
            Change::AddReference(reference) => {
                let key = reference_key(&reference.id);
                self.references.retain(|r| r.id != reference.id);
                self.references.push(*reference);
                self.references.sort_by(|a, b| a.label.cmp(&b.label));
                self.unsaved.insert(key.clone());
                self.write_key(&key, now);
                true
            }
            Change::RemoveReference(id) => {
                let key = reference_key(&id);
                self.references.retain(|r| r.id != id);
                self.unsaved.remove(&key);
                self.store.remove(&key);
                true
            }
            Change::RemoveUnreadable(key) => {
                self.store.remove(&key);
                self.newer.remove(&key);
                self.unreadable.retain(|u| u.key != key);
                true
            }
            Change::ShowLevels(on) => {
                self.show_levels = on;
                // Only a preference: when it cannot be stored it is simply not remembered.
                let _ = self.store.set(SHOW_LEVELS_KEY, if on { "true" } else { "false" });
                true
            }
            Change::Compare(chosen) => {
                self.compare = Some(chosen);
                true
            }
            Change::Open(id) => {
                let changed = self.open != id;
                self.open = id;
                changed
            }
            Change::DownloadFailed { file, error } => {
                self.notice = Some(Notice::NotDownloaded { file, error });
                true
            }
            Change::CreateWorkshop(w) => {
                self.put_workshop(*w, now);
                true
            }
            Change::ImportWorkshop { workshop, fresh_id } => {
                self.import_workshop(*workshop, fresh_id, now);
                true
            }
            Change::Workshop { id, change, save } => self.change_workshop(&id, change, save, now),
            Change::DeleteWorkshop(id) => self.delete_workshop(&id),
            Change::UpdateCommon(id) => self.update_common(&id, now),
            Change::OpenWorkshop(id) => {
                let changed = self.open_workshop != id;
                self.open_workshop = id;
                changed
            }
        }
    }

    fn edit(&mut self, id: &str, edit: Edit, save: Save, now: Millis) -> bool {
        let Some(a) = self.assessments.get_mut(id) else { return false };
        let deleted = match &edit {
            Edit::DeleteAction(action) => Some(Notice::ActionDeleted {
                assessment: id.to_string(),
                action: action.clone(),
                what: a.action(action).map(|x| x.what.clone()).unwrap_or_default(),
            }),
            Edit::DeleteItem { question, item } => Some(Notice::ItemDeleted {
                assessment: id.to_string(),
                question: question.clone(),
                item: item.clone(),
                name: a
                    .answer(question)
                    .and_then(|x| x.items.iter().find(|i| i.id == *item))
                    .map(EvidenceItem::name)
                    .unwrap_or_default(),
            }),
            _ => None,
        };
        if !a.apply(edit, now) {
            return false;
        }
        let key = key_for(id);
        self.unsaved.insert(key.clone());
        if save == Save::Now {
            self.write_key(&key, now);
        }
        if deleted.is_some() {
            self.notice = deleted;
        }
        true
    }

    /// Keeps `a` and writes it at once.
    fn put_and_write(&mut self, a: Assessment, now: Millis) {
        let key = key_for(&a.id);
        self.assessments.insert(a.id.clone(), a);
        self.unsaved.insert(key.clone());
        self.write_key(&key, now);
    }

    /// True when `key` holds an entry this build must not overwrite: one it cannot read, or one
    /// a newer version wrote.
    fn is_blocked(&self, key: &str) -> bool {
        self.newer.contains_key(key) || self.unreadable.iter().any(|u| u.key == key)
    }

    /// Writes every unsaved key; true when anything was attempted.
    fn flush(&mut self, now: Millis) -> bool {
        let keys: Vec<String> = self.unsaved.iter().cloned().collect();
        let mut failed = None;
        for key in &keys {
            if let Err(e) = self.try_write(key, now) {
                failed.get_or_insert(e);
            }
        }
        match failed {
            Some(e) => self.status = SaveStatus::Failed(e),
            None if !keys.is_empty() => self.status = SaveStatus::Saved(now),
            None => {}
        }
        !keys.is_empty()
    }

    /// Writes one unsaved key and records the outcome in the status.
    fn write_key(&mut self, key: &str, now: Millis) {
        self.status = match self.try_write(key, now) {
            Ok(()) => SaveStatus::Saved(now),
            Err(e) => SaveStatus::Failed(e),
        };
    }

    /// Writes what `key` holds in memory. The one place the app writes an entry.
    fn try_write(&mut self, key: &str, now: Millis) -> Result<(), SaveError> {
        let newer = self.newer.get(key).copied();
        let allowed = if key.starts_with(WORKSHOP_PREFIX) {
            sync::may_overwrite_workshop(newer)
        } else {
            sync::may_overwrite(newer)
        };
        if !allowed {
            return Err(SaveError::NewerVersion);
        }
        let text = if let Some(id) = key.strip_prefix(ASSESSMENT_PREFIX) {
            self.assessments.get(id).map(|a| persist::encode(a, APP_VERSION, now))
        } else if let Some(id) = key.strip_prefix(WORKSHOP_PREFIX) {
            self.workshops.get(id).map(|w| workshop::persist::encode(w, APP_VERSION, now, false))
        } else if let Some(id) = key.strip_prefix(REFERENCE_PREFIX) {
            self.references
                .iter()
                .find(|r| r.id == id)
                .map(|r| serde_json::to_string(r).expect("a reference always serializes"))
        } else {
            None
        };
        if let Some(text) = text {
            self.store.set(key, &text)?;
            self.available = true;
        }
        self.unsaved.remove(key);
        Ok(())
    }
}
