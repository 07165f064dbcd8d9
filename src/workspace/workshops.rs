//! Workshops in the workspace: one key per workshop (`kommunkompass.workshop.<id>`), read at load,
//! written through the door like an assessment (a click at once, a typed note a moment later),
//! merged when another tab writes it, never overwritten when a newer version of the app wrote
//! it, and never lost: a deleted workshop can be taken back with "Ångra". A participant's answers
//! are read-only copies of their file: nothing here changes them, only adding (a new file) or
//! removing a participant.

use crate::domain::assessment::{Assessment, Millis, Part, Response};
use crate::domain::workshop::{AddError, AddReport, Workshop};

use super::{Notice, Save, Store, Workspace};

/// Prefix of workshop keys; the rest of the key is the workshop id.
pub const WORKSHOP_PREFIX: &str = "kommunkompass.workshop.";

/// The key a workshop is stored under.
pub fn workshop_key(id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

/// One change to a workshop, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopChange {
    /// Participants' files, each already opened with `workshop::open_file` (or the reason it
    /// could not be read), by file name. The good ones are added; what happened to each is kept
    /// for the page ([`Workspace::added_report`]).
    Add(Vec<(String, Result<Assessment, AddError>)>),
    /// Removes the participant whose self-assessment has this id.
    Remove(String),
    /// Renames the workshop or changes anonymity.
    Meta {
        /// The name.
        name: String,
        /// Show participants as "Deltagare A, B, …".
        anonymous: bool,
    },
    /// Sets (or with `None` clears) the agreed answer to a question; its note is kept.
    Agree {
        /// Question id.
        question: String,
        /// The agreed answer.
        response: Option<Response>,
    },
    /// Replaces the note on why (typed text: saved a moment later).
    Note {
        /// Question id.
        question: String,
        /// The whole text.
        text: String,
    },
    /// Sets several agreed answers at once (the proposals for every question not agreed yet).
    AgreeMany(Vec<(String, Response)>),
}

impl WorkshopChange {
    /// What the change touches, for the readers of one part: a question's agreed answer, or
    /// the workshop as a whole ([`Part::Meta`]).
    pub fn part(&self) -> Part {
        match self {
            WorkshopChange::Agree { question, .. } | WorkshopChange::Note { question, .. } => {
                Part::Answer(question.clone())
            }
            _ => Part::Meta,
        }
    }

    /// True for typed text, which is written a moment later rather than at every keystroke.
    pub fn is_typing(&self) -> bool {
        matches!(self, WorkshopChange::Note { .. })
    }
}

impl<S: Store> Workspace<S> {
    /// One workshop.
    pub fn workshop(&self, id: &str) -> Option<&Workshop> {
        self.workshops.get(id)
    }

    /// Every workshop, the latest changed first.
    pub fn workshops_newest_first(&self) -> Vec<&Workshop> {
        let mut all: Vec<&Workshop> = self.workshops.values().collect();
        all.sort_by_key(|w| std::cmp::Reverse(w.updated_at));
        all
    }

    /// The common assessment agreed in workshop `id`, if it has been created.
    pub fn common_of(&self, workshop: &str) -> Option<&Assessment> {
        use crate::domain::assessment::Origin;
        self.assessments
            .values()
            .find(|a| matches!(&a.origin, Some(Origin::Workshop { workshop: w, .. }) if w == workshop))
    }

    /// What happened to the files last added to workshop `id` (in this tab).
    pub fn added_report(&self, id: &str) -> Option<&AddReport> {
        self.added.as_ref().filter(|(w, _)| w == id).map(|(_, r)| r)
    }

    /// What "Spara som fil" in a storage warning saves besides assessments: the workshop on
    /// screen, if any.
    pub fn workshop_to_save_as_file(&self) -> Option<&Workshop> {
        self.open_workshop.as_deref().and_then(|id| self.workshops.get(id))
    }

    /// Keeps a new (or opened) workshop and writes it at once.
    pub(super) fn put_workshop(&mut self, w: Workshop, now: Millis) {
        let key = workshop_key(&w.id);
        self.workshops.insert(w.id.clone(), w);
        self.unsaved.insert(key.clone());
        self.write_key(&key, now);
    }

    /// A validated workshop file: added under its own id, or merged into the workshop with the
    /// same id (the same merge as for two tabs: nothing is lost on either side). A file whose key
    /// holds an entry this build must not overwrite is added under `fresh_id`.
    pub(super) fn import_workshop(&mut self, mut w: Workshop, fresh_id: String, now: Millis) {
        let name = w.name.clone();
        if let Some(local) = self.workshops.get(&w.id) {
            let merged = crate::domain::workshop::merge::merge(local, &w);
            self.put_workshop(merged, now);
            self.notice = Some(Notice::Merged(name));
            return;
        }
        if self.is_blocked(&workshop_key(&w.id)) {
            w.id = fresh_id;
        }
        self.put_workshop(w, now);
        self.notice = Some(Notice::Imported(name));
    }

    /// Applies one change to workshop `id`.
    pub(super) fn change_workshop(&mut self, id: &str, change: WorkshopChange, save: Save, now: Millis) -> bool {
        let Some(w) = self.workshops.get_mut(id) else { return false };
        let changed = match change {
            WorkshopChange::Add(opened) => {
                let report = w.add_opened(opened, now);
                let added = !report.added.is_empty();
                self.added = Some((id.to_string(), report));
                if !added {
                    // Nothing to store; the page shows why each file was not added.
                    return true;
                }
                true
            }
            WorkshopChange::Remove(participant) => {
                if !w.participants().any(|p| p.assessment == participant) {
                    return false;
                }
                w.remove_participant(&participant, now);
                true
            }
            WorkshopChange::Meta { name, anonymous } => {
                if w.name == name && w.anonymous == anonymous {
                    return false;
                }
                w.set_meta(name, anonymous, now);
                true
            }
            WorkshopChange::Agree { question, response } => w.agree_level(&question, response, now),
            WorkshopChange::Note { question, text } => w.note(&question, text, now),
            WorkshopChange::AgreeMany(list) => {
                let mut any = false;
                for (question, response) in list {
                    any |= w.agree_level(&question, Some(response), now);
                }
                any
            }
        };
        if !changed {
            return false;
        }
        let key = workshop_key(id);
        self.unsaved.insert(key.clone());
        if save == Save::Now {
            self.write_key(&key, now);
        }
        true
    }

    /// Deletes a workshop; "Ångra" brings it back while the notice is shown.
    pub(super) fn delete_workshop(&mut self, id: &str) -> bool {
        let Some(w) = self.workshops.remove(id) else { return false };
        let key = workshop_key(id);
        self.unsaved.remove(&key);
        self.newer.remove(&key);
        self.store.remove(&key);
        self.notice = Some(Notice::WorkshopDeleted(Box::new(w)));
        true
    }

    /// Brings the agreed answers of workshop `id` over to its common assessment (created earlier):
    /// the answers that differ are set now, everything else in the assessment is kept.
    pub(super) fn update_common(&mut self, id: &str, now: Millis) -> bool {
        let (Some(w), Some(common)) = (self.workshops.get(id), self.common_of(id)) else { return false };
        let updated = w.update_common(common, now);
        if updated == *common {
            return false;
        }
        let name = updated.name.clone();
        self.put_and_write(updated, now);
        self.notice = Some(Notice::CommonUpdated(name));
        true
    }
}
