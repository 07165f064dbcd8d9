//! A self-assessment: who made it, against which rubric version, and every answer with its
//! comment, evidence and target. Times are milliseconds since the Unix epoch, passed in by the
//! caller; the domain has no clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::action::Action;

/// Milliseconds since 1970-01-01 UTC.
pub type Millis = u64;

/// The answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// A graded level of the rubric's scale.
    Level(u8),
    /// "Vet ej": counted as not yet answered, never as zero.
    DontKnow,
    /// "Ej aktuellt": the question is left out of the calculation.
    NotApplicable,
}

/// Everything a team recorded for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Answer {
    /// The chosen answer, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// Free comment (why this level, what was discussed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// Evidence: document names, links, notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The level the team aims for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// When any field of this answer last changed; used to merge edits from two tabs.
    pub changed_at: Millis,
}

impl Answer {
    /// True when nothing has been recorded.
    pub fn is_blank(&self) -> bool {
        self.response.is_none() && self.comment.is_empty() && self.evidence.is_empty() && self.target.is_none()
    }
}

/// One self-assessment round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Stable id (also part of the storage key).
    pub id: String,
    /// Name given by the team, e.g. "Workshop våren 2025".
    pub name: String,
    /// The municipality assessed.
    pub municipality: String,
    /// Rubric version id, e.g. `kk-2022`.
    pub rubric: String,
    /// When created.
    pub created_at: Millis,
    /// When name or municipality last changed.
    #[serde(default)]
    pub meta_changed_at: Millis,
    /// When anything last changed.
    pub updated_at: Millis,
    /// Answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The action plan, including deleted actions kept as tombstones.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl Assessment {
    /// A new, empty assessment.
    pub fn new(id: String, name: String, municipality: String, rubric: String, now: Millis) -> Self {
        Assessment {
            id,
            name,
            municipality,
            rubric,
            created_at: now,
            meta_changed_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            actions: Vec::new(),
        }
    }

    /// The answer to a question, if anything was recorded.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }

    /// Changes one answer through `edit` and stamps the time. A cleared answer stays as a
    /// blank entry with its time, so that clearing wins over an older copy from another tab.
    pub fn edit_answer(&mut self, question: &str, now: Millis, edit: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(question.to_string()).or_default();
        edit(answer);
        answer.changed_at = now;
        self.touch(now);
    }

    /// Renames the assessment and/or changes the municipality.
    pub fn set_meta(&mut self, name: String, municipality: String, now: Millis) {
        self.name = name;
        self.municipality = municipality;
        self.meta_changed_at = now;
        self.touch(now);
    }

    /// The actions that are not deleted, in the order they were added.
    pub fn live_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| !a.deleted)
    }

    /// Adds an action or replaces the one with the same id, stamping the time.
    pub fn upsert_action(&mut self, mut action: Action, now: Millis) {
        action.changed_at = now;
        match self.actions.iter_mut().find(|a| a.id == action.id) {
            Some(slot) => *slot = action,
            None => self.actions.push(action),
        }
        self.touch(now);
    }

    /// Marks an action deleted.
    pub fn delete_action(&mut self, id: &str, now: Millis) {
        if let Some(a) = self.actions.iter_mut().find(|a| a.id == id) {
            a.deleted = true;
            a.changed_at = now;
        }
        self.touch(now);
    }

    /// Brings a deleted action back.
    pub fn restore_action(&mut self, id: &str, now: Millis) {
        if let Some(a) = self.actions.iter_mut().find(|a| a.id == id) {
            a.deleted = false;
            a.changed_at = now;
        }
        self.touch(now);
    }

    /// A copy under a new id and name, e.g. to start a new round from the last one.
    pub fn duplicate(&self, id: String, name: String, now: Millis) -> Assessment {
        Assessment { id, name, created_at: now, meta_changed_at: now, updated_at: now, ..self.clone() }
    }

    fn touch(&mut self, now: Millis) {
        self.updated_at = self.updated_at.max(now);
    }
}
