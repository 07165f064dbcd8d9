//! Entries that another tab changed (a storage event) or that differ when storage is read
//! again: [`sync`] decides what each one means, [`Workspace::arrived`] and
//! [`Workspace::resync`] carry it out for assessments, workshops, references and the
//! level-description preference.

use std::collections::BTreeSet;

use crate::domain::assessment::{Assessment, Millis};
use crate::domain::error::DecodeError;
use crate::domain::merge::equivalent;
use crate::domain::reference::Reference;
use crate::domain::sync::{self, Arrival};
use crate::domain::workshop::Workshop;

use super::{
    ASSESSMENT_PREFIX, Notice, PREFIX, REFERENCE_PREFIX, SHOW_LEVELS_KEY, SaveError, SaveStatus, Store, Unreadable,
    WORKSHOP_PREFIX, Workspace, key_for, reference_key, workshop_key,
};

impl<S: Store> Workspace<S> {
    /// Another tab changed `key`.
    pub(super) fn arrived(&mut self, key: &str, value: Option<String>, now: Millis) -> bool {
        if let Some(id) = key.strip_prefix(REFERENCE_PREFIX) {
            self.references.retain(|r| r.id != id);
            if let Some(r) = value.as_deref().and_then(|t| Reference::parse(t).ok()) {
                self.references.push(r);
                self.references.sort_by(|a, b| a.label.cmp(&b.label));
            }
            return true;
        }
        if key == SHOW_LEVELS_KEY {
            let on = value.is_none_or(|t| t.trim() != "false");
            let changed = self.show_levels != on;
            self.show_levels = on;
            return changed;
        }
        if let Some(id) = key.strip_prefix(WORKSHOP_PREFIX) {
            let decision = sync::workshop_arrival(self.workshops.get(id), value.as_deref());
            return self.settle(key, id, value, decision, now);
        }
        let Some(id) = key.strip_prefix(ASSESSMENT_PREFIX) else { return false };
        let decision = sync::arrival(self.assessments.get(id), value.as_deref());
        self.settle(key, id, value, decision, now)
    }

    /// Carries out what [`sync`] decided for another tab's copy of entry `id` under `key`.
    fn settle<T: Entry>(
        &mut self,
        key: &str,
        id: &str,
        value: Option<String>,
        decision: Arrival<T>,
        now: Millis,
    ) -> bool {
        if !matches!(decision, Arrival::Newer(_)) {
            self.newer.remove(key);
        }
        let listed = self.unreadable.iter().position(|u| u.key == key);
        if let Some(i) = listed {
            self.unreadable.remove(i);
        }
        let here = T::is_here(self, id);
        match decision {
            Arrival::Ignore => listed.is_some(),
            Arrival::Newer(schema) if !here => {
                self.newer.insert(key.to_string(), schema);
                self.list_unreadable(key, value, DecodeError::TooNew(schema));
                true
            }
            Arrival::Unreadable(reason) if !here => {
                self.list_unreadable(key, value, reason);
                true
            }
            Arrival::Unreadable(_) => listed.is_some(),
            Arrival::Removed => {
                let name = T::take(self, id).unwrap_or_default();
                self.unsaved.remove(key);
                self.notice = Some(Notice::DeletedInOtherTab(name));
                true
            }
            Arrival::Adopt(a) => {
                // Storage holds everything this tab had, unsaved text included.
                self.unsaved.remove(key);
                T::keep(self, a);
                true
            }
            Arrival::AdoptAndWriteBack(a) => {
                T::keep(self, a);
                self.unsaved.insert(key.to_string());
                self.write_key(key, now);
                true
            }
            Arrival::Newer(schema) => {
                self.newer.insert(key.to_string(), schema);
                self.status = SaveStatus::Failed(SaveError::NewerVersion);
                true
            }
        }
    }

    fn list_unreadable(&mut self, key: &str, value: Option<String>, reason: DecodeError) {
        let raw = value.unwrap_or_default();
        self.unreadable.push(Unreadable { key: key.to_string(), raw, reason });
        self.unreadable.sort_by(|a, b| a.key.cmp(&b.key));
    }

    /// Reads every entry again and treats each difference as a storage event.
    pub(super) fn resync(&mut self, now: Millis) -> bool {
        let keys: BTreeSet<String> = self.store.keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect();
        let mut changed = false;
        let gone: Vec<String> = self
            .assessments
            .keys()
            .map(|id| key_for(id))
            .chain(self.unreadable.iter().map(|u| u.key.clone()))
            .chain(self.references.iter().map(|r| reference_key(&r.id)))
            .chain(self.workshops.keys().map(|id| workshop_key(id)))
            .filter(|k| !keys.contains(k))
            .collect();
        for key in gone {
            changed |= self.arrived(&key, None, now);
        }
        for key in keys {
            let value = self.store.get(&key);
            changed |= self.arrived(&key, value, now);
        }
        changed
    }
}

/// What the workspace keeps under one key each and merges when another tab writes it:
/// assessments and workshops.
trait Entry: Sized {
    /// Whether this tab has the entry.
    fn is_here<S: Store>(ws: &Workspace<S>, id: &str) -> bool;
    /// Removes it (another tab deleted it); returns its name.
    fn take<S: Store>(ws: &mut Workspace<S>, id: &str) -> Option<String>;
    /// Keeps another tab's (merged) copy, saying so when it differs from this tab's.
    fn keep<S: Store>(ws: &mut Workspace<S>, item: Self);
}

impl Entry for Assessment {
    fn is_here<S: Store>(ws: &Workspace<S>, id: &str) -> bool {
        ws.assessments.contains_key(id)
    }

    fn take<S: Store>(ws: &mut Workspace<S>, id: &str) -> Option<String> {
        ws.assessments.remove(id).map(|a| a.name)
    }

    fn keep<S: Store>(ws: &mut Workspace<S>, a: Self) {
        if ws.assessments.get(&a.id).is_some_and(|local| !equivalent(local, &a)) {
            ws.notice = Some(Notice::MergedFromOtherTab(a.name.clone()));
        }
        ws.assessments.insert(a.id.clone(), a);
    }
}

impl Entry for Workshop {
    fn is_here<S: Store>(ws: &Workspace<S>, id: &str) -> bool {
        ws.workshops.contains_key(id)
    }

    fn take<S: Store>(ws: &mut Workspace<S>, id: &str) -> Option<String> {
        ws.workshops.remove(id).map(|w| w.name)
    }

    fn keep<S: Store>(ws: &mut Workspace<S>, w: Self) {
        if ws.workshops.get(&w.id).is_some_and(|local| *local != w) {
            ws.notice = Some(Notice::MergedFromOtherTab(w.name.clone()));
        }
        ws.workshops.insert(w.id.clone(), w);
    }
}
