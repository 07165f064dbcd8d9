//! A self-assessment: who made it, against which rubric version, and every answer with its
//! comment, evidence and target. Times are milliseconds since the Unix epoch, passed in by the
//! caller; the domain has no clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::action::{Action, ActionStatus};
use super::evidence::EvidenceItem;
use super::rubric::Question;

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
    /// When any field above last changed; used to merge edits from two tabs.
    pub changed_at: Millis,
    /// The documents, web pages and interview roles that show the answer (schema 3). Each item
    /// carries its own change time and merges on its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<EvidenceItem>,
}

impl Answer {
    /// True when nothing has been recorded.
    pub fn is_blank(&self) -> bool {
        self.response.is_none()
            && self.comment.is_empty()
            && self.evidence.is_empty()
            && self.target.is_none()
            && self.live_items().next().is_none()
    }

    /// The evidence items that are not deleted.
    pub fn live_items(&self) -> impl Iterator<Item = &EvidenceItem> {
        self.items.iter().filter(|i| !i.deleted)
    }
}

/// The sub-areas a participant marks as their prioritised improvement areas (at most
/// [`MAX_PRIORITIES`]), with one change time for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Priorities {
    /// Sub-area ids, in the order chosen.
    pub subareas: Vec<String>,
    /// When the list last changed.
    pub changed_at: Millis,
}

/// Most prioritised improvement areas one participant may mark.
pub const MAX_PRIORITIES: usize = 3;

/// A website check ticked (or unticked) while preparing for an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Tick {
    /// Whether the check is done.
    pub done: bool,
    /// When it last changed.
    pub changed_at: Millis,
}

/// What is recorded to prepare for an evaluation: its planned date and the website checks done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Preparation {
    /// The planned evaluation date, "YYYY-MM-DD", or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evaluation_date: String,
    /// When the date last changed.
    pub date_changed_at: Millis,
    /// Website checks by id (see `rubrics/webchecks.json`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub web_checks: BTreeMap<String, Tick>,
}

/// Where an assessment came from, when not from answering it directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    /// Agreed in a workshop.
    Workshop {
        /// The workshop's id.
        workshop: String,
        /// How many participants' answers it was agreed from.
        participants: usize,
    },
}

/// One change to an assessment, as data: what the UI asks for, what a test replays. Applied with
/// [`Assessment::apply`], which stamps the time on what it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Chooses (or with `None` clears) the answer to a question.
    Response {
        /// Question id.
        question: String,
        /// The new answer.
        response: Option<Response>,
    },
    /// Replaces the comment of a question.
    Comment {
        /// Question id.
        question: String,
        /// The whole text.
        text: String,
    },
    /// Replaces the evidence of a question.
    Evidence {
        /// Question id.
        question: String,
        /// The whole text.
        text: String,
    },
    /// Sets (or with `None` clears) the target level of a question.
    Target {
        /// Question id.
        question: String,
        /// The level aimed for.
        level: Option<u8>,
    },
    /// Renames the assessment and/or changes the municipality.
    Meta {
        /// New name.
        name: String,
        /// New municipality.
        municipality: String,
    },
    /// Adds an action, or replaces the one with the same id.
    UpsertAction(Action),
    /// Changes one field of an action.
    ActionField {
        /// The action's id.
        action: String,
        /// The field and its new value.
        field: ActionField,
    },
    /// Marks an action deleted (a tombstone, so that the deletion wins over older copies).
    DeleteAction(String),
    /// Brings a deleted action back.
    RestoreAction(String),
    /// Adds an evidence item to a question, or replaces the one with the same id.
    UpsertItem {
        /// Question id.
        question: String,
        /// The item (its change time is stamped).
        item: EvidenceItem,
    },
    /// Marks an evidence item deleted (a tombstone).
    DeleteItem {
        /// Question id.
        question: String,
        /// The item's id.
        item: String,
    },
    /// Sets the prioritised improvement areas (sub-area ids, at most three).
    Priorities(Vec<String>),
    /// Sets the planned evaluation date ("YYYY-MM-DD" or empty).
    EvaluationDate(String),
    /// Ticks or unticks a website check.
    WebCheck {
        /// The check's id.
        check: String,
        /// Done or not.
        done: bool,
    },
    /// Copies the answer kept under a retired question (level, comment, note on evidence and
    /// target) to a question that replaced it, as the team's starting point. The retired answer
    /// stays where it is.
    AdoptRetired {
        /// The retired question's id.
        from: String,
        /// The live question.
        to: String,
    },
}

/// One field of an action with its new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionField {
    /// Åtgärd.
    What(String),
    /// Ansvarig.
    Who(String),
    /// Klart senast.
    Due(String),
    /// Koppling till mål.
    GoalLink(String),
    /// Gäller: the area or sub-area id.
    Target(String),
    /// Status.
    Status(ActionStatus),
}

/// The part of an assessment an edit changes, as finely as a view shows it: one question's
/// answer, one action, or the name and municipality.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The answer to this question.
    Answer(String),
    /// This action.
    Action(String),
    /// The name and municipality.
    Meta,
    /// The prioritised improvement areas.
    Priorities,
    /// The evaluation date and website checks.
    Preparation,
}

impl Edit {
    /// What the edit changes.
    pub fn part(&self) -> Part {
        match self {
            Edit::Response { question, .. }
            | Edit::Comment { question, .. }
            | Edit::Evidence { question, .. }
            | Edit::Target { question, .. } => Part::Answer(question.clone()),
            Edit::Meta { .. } => Part::Meta,
            Edit::UpsertAction(action) => Part::Action(action.id.clone()),
            Edit::ActionField { action, .. } | Edit::DeleteAction(action) | Edit::RestoreAction(action) => {
                Part::Action(action.clone())
            }
            Edit::UpsertItem { question, .. } | Edit::DeleteItem { question, .. } => Part::Answer(question.clone()),
            Edit::AdoptRetired { to, .. } => Part::Answer(to.clone()),
            Edit::Priorities(_) => Part::Priorities,
            Edit::EvaluationDate(_) | Edit::WebCheck { .. } => Part::Preparation,
        }
    }

    /// True for edits of free text, which the app writes a moment later rather than on every
    /// keystroke.
    pub fn is_typing(&self) -> bool {
        matches!(
            self,
            Edit::Comment { .. }
                | Edit::Evidence { .. }
                | Edit::ActionField {
                    field: ActionField::What(_) | ActionField::Who(_) | ActionField::Due(_) | ActionField::GoalLink(_),
                    ..
                }
        )
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
    /// Prioritised improvement areas (schema 3).
    #[serde(default, skip_serializing_if = "is_default")]
    pub priorities: Priorities,
    /// Evaluation date and website checks (schema 3).
    #[serde(default, skip_serializing_if = "is_default")]
    pub preparation: Preparation,
    /// Where the assessment came from, e.g. agreed in a workshop (schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
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
            priorities: Priorities::default(),
            preparation: Preparation::default(),
            origin: None,
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

    /// Applies one edit and stamps `now` on what changed. Returns false, and changes nothing, when
    /// the edit would not change anything (the same text again, an unknown action): an edit that
    /// changes nothing must not win over another tab's real change.
    pub fn apply(&mut self, edit: Edit, now: Millis) -> bool {
        match edit {
            Edit::Response { question, response } => self.set_answer(&question, now, |a| {
                let changed = a.response != response;
                a.response = response;
                changed
            }),
            Edit::Comment { question, text } => self.set_answer(&question, now, |a| replace(&mut a.comment, text)),
            Edit::Evidence { question, text } => self.set_answer(&question, now, |a| replace(&mut a.evidence, text)),
            Edit::Target { question, level } => self.set_answer(&question, now, |a| {
                let changed = a.target != level;
                a.target = level;
                changed
            }),
            Edit::Meta { name, municipality } => {
                if self.name == name && self.municipality == municipality {
                    return false;
                }
                self.set_meta(name, municipality, now);
                true
            }
            Edit::UpsertAction(action) => {
                if self.actions.iter().any(|a| a == &action) {
                    return false;
                }
                self.upsert_action(action, now);
                true
            }
            Edit::ActionField { action, field } => {
                let Some(a) = self.actions.iter_mut().find(|a| a.id == action) else { return false };
                let changed = match field {
                    ActionField::What(v) => replace(&mut a.what, v),
                    ActionField::Who(v) => replace(&mut a.who, v),
                    ActionField::Due(v) => replace(&mut a.due, v),
                    ActionField::GoalLink(v) => replace(&mut a.goal_link, v),
                    ActionField::Target(v) => replace(&mut a.target, v),
                    ActionField::Status(v) => {
                        let changed = a.status != v;
                        a.status = v;
                        changed
                    }
                };
                if changed {
                    a.changed_at = now;
                    self.touch(now);
                }
                changed
            }
            Edit::DeleteAction(id) => self.set_deleted(&id, true, now),
            Edit::RestoreAction(id) => self.set_deleted(&id, false, now),
            Edit::UpsertItem { question, mut item } => {
                let answer = self.answers.entry(question).or_default();
                if answer
                    .items
                    .iter()
                    .any(|i| i.id == item.id && *i == EvidenceItem { changed_at: i.changed_at, ..item.clone() })
                {
                    return false;
                }
                item.changed_at = now;
                match answer.items.iter_mut().find(|i| i.id == item.id) {
                    Some(slot) => *slot = item,
                    None => answer.items.push(item),
                }
                self.touch(now);
                true
            }
            Edit::DeleteItem { question, item } => {
                let Some(i) = self
                    .answers
                    .get_mut(&question)
                    .and_then(|a| a.items.iter_mut().find(|i| i.id == item && !i.deleted))
                else {
                    return false;
                };
                i.deleted = true;
                i.changed_at = now;
                self.touch(now);
                true
            }
            Edit::Priorities(list) => {
                if self.priorities.subareas == list {
                    return false;
                }
                self.priorities = Priorities { subareas: list, changed_at: now };
                self.touch(now);
                true
            }
            Edit::EvaluationDate(date) => {
                if self.preparation.evaluation_date == date {
                    return false;
                }
                self.preparation.evaluation_date = date;
                self.preparation.date_changed_at = now;
                self.touch(now);
                true
            }
            Edit::WebCheck { check, done } => {
                if self.preparation.web_checks.get(&check).is_some_and(|t| t.done == done) {
                    return false;
                }
                self.preparation.web_checks.insert(check, Tick { done, changed_at: now });
                self.touch(now);
                true
            }
            Edit::AdoptRetired { from, to } => {
                let Some(old) = self.answers.get(&from).cloned() else { return false };
                self.set_answer(&to, now, |a| {
                    let before = a.clone();
                    a.response = old.response;
                    a.comment = old.comment;
                    a.evidence = old.evidence;
                    a.target = old.target;
                    *a != before
                })
            }
        }
    }

    fn set_answer(&mut self, question: &str, now: Millis, change: impl FnOnce(&mut Answer) -> bool) -> bool {
        let changed = match self.answers.get_mut(question) {
            Some(answer) => change(answer),
            None => {
                let mut answer = Answer::default();
                let changed = change(&mut answer);
                if changed {
                    self.answers.insert(question.to_string(), answer);
                }
                changed
            }
        };
        if changed {
            if let Some(answer) = self.answers.get_mut(question) {
                answer.changed_at = now;
            }
            self.touch(now);
        }
        changed
    }

    fn set_deleted(&mut self, id: &str, deleted: bool, now: Millis) -> bool {
        let Some(a) = self.actions.iter_mut().find(|a| a.id == id && a.deleted != deleted) else { return false };
        a.deleted = deleted;
        a.changed_at = now;
        self.touch(now);
        true
    }

    /// The team's comments on `questions`, as "1.2.3: text", in their order (blank ones left out).
    pub fn comments<'a>(&self, questions: impl IntoIterator<Item = &'a Question>) -> Vec<String> {
        questions
            .into_iter()
            .filter_map(|q| {
                let comment = self.answers.get(&q.id)?.comment.trim();
                (!comment.is_empty()).then(|| format!("{}: {comment}", q.id))
            })
            .collect()
    }

    /// An action by id (deleted or not).
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
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
        self.set_deleted(id, true, now);
    }

    /// Brings a deleted action back.
    pub fn restore_action(&mut self, id: &str, now: Millis) {
        self.set_deleted(id, false, now);
    }

    /// A copy under a new id and name, e.g. to start a new round from the last one.
    pub fn duplicate(&self, id: String, name: String, now: Millis) -> Assessment {
        Assessment { id, name, created_at: now, meta_changed_at: now, updated_at: now, ..self.clone() }
    }

    fn touch(&mut self, now: Millis) {
        self.updated_at = self.updated_at.max(now);
    }
}

/// Replaces `slot` with `value`; true when that changed it.
fn replace(slot: &mut String, value: String) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}
