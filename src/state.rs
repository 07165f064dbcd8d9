//! App-wide state, created once in [`crate::app::App`] and shared through context. Every change
//! to an assessment goes through [`AppState::update`], which saves it at once; a failed save
//! keeps the change in memory and raises a visible warning.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::adapters::{clock, storage};
use crate::domain::assessment::{Assessment, Millis};
use crate::domain::catalog::Catalog;
use crate::domain::error::DecodeError;
use crate::domain::merge::merge;
use crate::domain::persist;
use crate::domain::reference::Reference;

/// The outcome of the latest save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing saved yet in this visit.
    Idle,
    /// Saved at this time.
    Saved(Millis),
    /// The latest save failed; the answers are only in this window.
    Failed(storage::SaveError),
}

/// A short message for the status area.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Another tab changed an assessment and its changes were merged in.
    MergedFromOtherTab(String),
    /// Another tab deleted an assessment.
    DeletedInOtherTab(String),
    /// An assessment was deleted here; it can be restored.
    Deleted(Assessment),
    /// A file was imported as a new assessment.
    Imported(String),
    /// A file was merged into the assessment with the same identity.
    Merged(String),
    /// An action was deleted from an assessment's plan; it can be restored.
    ActionDeleted {
        /// The assessment.
        assessment: String,
        /// The action's id.
        action: String,
        /// What the action said, to name it.
        what: String,
    },
}

/// Shared state; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Rubric versions, references and mappings.
    pub catalog: &'static Catalog,
    /// Every assessment in this browser.
    pub assessments: RwSignal<Vec<Assessment>>,
    /// Stored entries that could not be read.
    pub unreadable: RwSignal<Vec<storage::Unreadable>>,
    /// Whether the browser's storage could be used when the app started.
    pub storage_available: RwSignal<bool>,
    /// Result of the latest save.
    pub save_status: RwSignal<SaveStatus>,
    /// Latest notice for the status area.
    pub notice: RwSignal<Option<Notice>>,
    /// Comparison figures the user added (own official results, new averages).
    pub user_references: RwSignal<Vec<Reference>>,
    /// Which comparisons are drawn on the profile (`Comparison::key`s and `TARGETS_KEY`), shared by the
    /// results view and the report.
    pub comparisons: RwSignal<Option<BTreeSet<String>>>,
}

impl AppState {
    /// Loads everything from storage.
    pub fn load(catalog: &'static Catalog) -> Self {
        let loaded = storage::load_all();
        AppState {
            catalog,
            assessments: RwSignal::new(loaded.assessments),
            unreadable: RwSignal::new(loaded.unreadable),
            storage_available: RwSignal::new(storage::available()),
            save_status: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(None),
            user_references: RwSignal::new(storage::load_references()),
            comparisons: RwSignal::new(None),
        }
    }

    /// The state provided by `App`.
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// A copy of one assessment (tracked).
    pub fn get(&self, id: &str) -> Option<Assessment> {
        self.assessments.with(|all| all.iter().find(|a| a.id == id).cloned())
    }

    /// Changes one assessment and saves it immediately.
    pub fn update(&self, id: &str, edit: impl FnOnce(&mut Assessment, Millis)) {
        let now = clock::now();
        let mut changed = None;
        self.assessments.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                edit(a, now);
                changed = Some(a.clone());
            }
        });
        if let Some(a) = changed {
            self.persist(&a, now);
        }
    }

    /// Adds a new assessment (created or imported) and saves it.
    pub fn add(&self, assessment: Assessment) {
        let now = clock::now();
        self.persist(&assessment, now);
        self.assessments.update(|all| all.insert(0, assessment));
    }

    /// Deletes an assessment; it can be restored with [`AppState::undo_delete`].
    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.assessments.update(|all| {
            if let Some(pos) = all.iter().position(|a| a.id == id) {
                removed = Some(all.remove(pos));
            }
        });
        if let Some(a) = removed {
            storage::remove_key(&storage::key_for(&a.id));
            self.notice.set(Some(Notice::Deleted(a)));
        }
    }

    /// Restores the assessment deleted last.
    pub fn undo_delete(&self) {
        match self.notice.get_untracked() {
            Some(Notice::Deleted(a)) => {
                self.notice.set(None);
                self.add(a);
            }
            Some(Notice::ActionDeleted { assessment, action, .. }) => {
                self.notice.set(None);
                self.update(&assessment, |a, now| a.restore_action(&action, now));
            }
            _ => {}
        }
    }

    /// Deletes an action from an assessment's plan; it can be restored with
    /// [`AppState::undo_delete`].
    pub fn delete_action(&self, assessment: &str, action: &str) {
        let what = self.get(assessment).and_then(|a| a.actions.iter().find(|x| x.id == action).map(|x| x.what.clone()));
        self.update(assessment, |a, now| a.delete_action(action, now));
        self.notice.set(Some(Notice::ActionDeleted {
            assessment: assessment.to_string(),
            action: action.to_string(),
            what: what.unwrap_or_default(),
        }));
    }

    /// Saves every assessment again (after storage was freed or enabled).
    pub fn retry_save(&self) {
        let now = clock::now();
        self.storage_available.set(storage::available());
        for a in self.assessments.get_untracked() {
            if !self.persist(&a, now) {
                break;
            }
        }
    }

    /// Adds or replaces a comparison the user entered or opened from a file.
    pub fn add_reference(&self, reference: Reference) {
        if let Err(e) = storage::save_reference(&reference) {
            self.save_status.set(SaveStatus::Failed(e));
        }
        self.user_references.update(|all| {
            all.retain(|r| r.id != reference.id);
            all.push(reference);
        });
    }

    /// Removes a comparison the user added.
    pub fn remove_reference(&self, id: &str) {
        storage::remove_reference(id);
        self.user_references.update(|all| all.retain(|r| r.id != id));
    }

    /// Removes every trace of the app from this browser.
    pub fn clear_all(&self) {
        storage::clear_all();
        self.assessments.set(Vec::new());
        self.user_references.set(Vec::new());
        self.unreadable.set(Vec::new());
        self.notice.set(None);
        self.save_status.set(SaveStatus::Idle);
    }

    /// Forgets an unreadable entry (after the user downloaded or dismissed it).
    pub fn remove_unreadable(&self, key: &str) {
        storage::remove_key(key);
        self.unreadable.update(|u| u.retain(|e| e.key != key));
    }

    /// Reacts to another tab writing `key`: merges its copy into ours so no edit is lost.
    pub fn on_storage_event(&self, key: &str, new_value: Option<String>) {
        if key.starts_with(storage::REFERENCE_PREFIX) {
            self.user_references.set(storage::load_references());
            return;
        }
        let Some(id) = key.strip_prefix(storage::ASSESSMENT_PREFIX) else { return };
        let Some(text) = new_value else {
            let name = self.get(id).map(|a| a.name);
            self.assessments.update(|all| all.retain(|a| a.id != id));
            if let Some(name) = name {
                self.notice.set(Some(Notice::DeletedInOtherTab(name)));
            }
            return;
        };
        let incoming = match persist::decode(&text) {
            Ok(envelope) => envelope.assessment,
            // A newer version of the app saved this assessment in another tab. Say so now, before
            // more is typed here; saving from this tab is refused (see `storage::save`).
            Err(DecodeError::TooNew(_)) if self.get(id).is_some() => {
                self.save_status.set(SaveStatus::Failed(storage::SaveError::NewerVersion));
                return;
            }
            Err(_) => return,
        };
        let local = self.assessments.with_untracked(|all| all.iter().find(|a| a.id == id).cloned());
        let merged = match &local {
            Some(local) => merge(local, &incoming),
            None => incoming.clone(),
        };
        if local.as_ref() == Some(&merged) {
            return;
        }
        if merged != incoming {
            // Our copy had edits the other tab had not seen: write the union back.
            self.persist(&merged, clock::now());
        }
        let name = merged.name.clone();
        self.assessments.update(|all| match all.iter_mut().find(|a| a.id == id) {
            Some(slot) => *slot = merged,
            None => all.insert(0, merged),
        });
        if local.is_some() {
            self.notice.set(Some(Notice::MergedFromOtherTab(name)));
        }
    }

    /// Saves one assessment and records the outcome; returns whether it reached storage.
    fn persist(&self, assessment: &Assessment, now: Millis) -> bool {
        match storage::save(assessment, now) {
            Ok(()) => {
                self.save_status.set(SaveStatus::Saved(now));
                true
            }
            Err(e) => {
                self.save_status.set(SaveStatus::Failed(e));
                false
            }
        }
    }
}
