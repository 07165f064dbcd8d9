//! A workshop: several participants' self-assessments laid together to find where they disagree
//! and to agree a common answer. Participants answer alone and save files; the facilitator opens
//! them all in a workshop. Each participant's answers are a read-only copy of their file —
//! changing them means opening a new file from that participant. The agreed answers form an
//! ordinary assessment ("Gemensam bedömning – <workshop>").

pub mod merge;
pub mod persist;
pub mod stats;
pub mod wording;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::assessment::{Answer, Assessment, Millis, Origin, Response};
use super::error::ImportError;
use super::import::validate_import;
use super::rubric::Rubric;

/// Most participants in one workshop.
pub const MAX_PARTICIPANTS: usize = 100;
/// Longest note on an agreed answer.
pub const MAX_NOTE_CHARS: usize = 20_000;

/// One participant's answers, copied from their file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The id of the participant's own assessment (a second file with the same id is the same
    /// participant).
    pub assessment: String,
    /// The name in their file (the assessment's name, e.g. "Ekonomichefen").
    pub name: String,
    /// The file it came from, as the facilitator chose it.
    pub file_name: String,
    /// When it was added to the workshop.
    pub added_at: Millis,
    /// Their answers, as in the file.
    pub answers: BTreeMap<String, Answer>,
    /// The sub-areas they marked as prioritised improvement areas (at most three).
    #[serde(default)]
    pub priorities: Vec<String>,
    /// Removed from the workshop; kept as a tombstone so that a removal wins over an older copy
    /// in another tab.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// When added or removed.
    pub changed_at: Millis,
}

/// The answer the group agreed on for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreed {
    /// The agreed answer; `None` once cleared (kept, so that clearing wins over an older copy).
    #[serde(default)]
    pub response: Option<Response>,
    /// Why, in the facilitator's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was last set, to merge two tabs.
    pub changed_at: Millis,
}

/// A workshop and everything decided in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    /// Stable id (also part of the storage key).
    pub id: String,
    /// Name given by the facilitator.
    pub name: String,
    /// The rubric version every participant answered.
    pub rubric: String,
    /// Show participants as "Deltagare A, B, …" instead of by name.
    #[serde(default)]
    pub anonymous: bool,
    /// When created.
    pub created_at: Millis,
    /// When name or anonymity last changed.
    #[serde(default)]
    pub meta_changed_at: Millis,
    /// When anything last changed.
    pub updated_at: Millis,
    /// The participants, in the order they were added.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Agreed answers by question id.
    #[serde(default)]
    pub agreed: BTreeMap<String, Agreed>,
}

/// Why one opened file was not added to a workshop.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AddError {
    /// The file is not a readable self-assessment.
    #[error("{0}")]
    Invalid(ImportError),
    /// The file is on another version of the criteria than the workshop.
    #[error("självskattningen gäller en annan version av kriterierna ({found}) än workshoppen ({expected})")]
    OtherRubric {
        /// The file's rubric id.
        found: String,
        /// The workshop's rubric id.
        expected: String,
    },
    /// The same assessment is already in the workshop.
    #[error("självskattningen ”{0}” finns redan i workshoppen")]
    AlreadyAdded(String),
    /// The workshop is full.
    #[error("workshoppen har redan {0} deltagare, vilket är det högsta antalet")]
    Full(usize),
    /// The browser could not read the file from the computer.
    #[error("filen kunde inte läsas från datorn")]
    Unreadable,
}

impl AddError {
    /// The full message for one file: its name, the reason, and what to do.
    pub fn message(&self, file_name: &str) -> String {
        let advice = match self {
            AddError::Invalid(e) => return format!("”{file_name}”: {}", e.message()),
            AddError::OtherRubric { .. } => {
                "Be deltagaren svara i en självskattning på samma version och spara den som fil igen."
            }
            AddError::AlreadyAdded(_) => "Filen hoppades över; den som redan finns behålls.",
            AddError::Full(_) => "Skapa en ny workshop för fler deltagare.",
            AddError::Unreadable => "Försök igen, eller spara filen på nytt och välj den igen.",
        };
        format!("”{file_name}” lades inte till: {self}. {advice}")
    }
}

/// What happened to each file opened into a workshop.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddReport {
    /// Names (as shown) of the participants added.
    pub added: Vec<String>,
    /// Files not added: file name and why.
    pub rejected: Vec<(String, AddError)>,
}

impl Workshop {
    /// A new, empty workshop on `rubric`.
    pub fn new(id: String, name: String, rubric: String, now: Millis) -> Workshop {
        Workshop {
            id,
            name,
            rubric,
            anonymous: false,
            created_at: now,
            meta_changed_at: now,
            updated_at: now,
            participants: Vec::new(),
            agreed: BTreeMap::new(),
        }
    }

    /// Validates every file exactly like an ordinary import and adds the good ones; each bad
    /// one is reported by name with its reason, and never stops the others.
    pub fn add_files(&mut self, files: &[(String, Vec<u8>)], rubrics: &[Rubric], now: Millis) -> AddReport {
        let opened = files.iter().map(|(name, bytes)| (name.clone(), open_file(bytes, rubrics))).collect();
        self.add_opened(opened, now)
    }

    /// Adds the files already opened with [`open_file`] (the app reads and opens them before it
    /// hands them over); a file that could not be opened, is on another rubric version or is
    /// already in the workshop is reported by name with its reason, and never stops the others.
    /// Participants are kept in the order the merge of two tabs gives (when added, then id), so
    /// that "Deltagare A, B, …" name the same people in every tab.
    pub fn add_opened(&mut self, opened: Vec<(String, Result<Assessment, AddError>)>, now: Millis) -> AddReport {
        let mut report = AddReport::default();
        for (file_name, result) in opened {
            match result.and_then(|a| self.check(a)) {
                Ok(a) => {
                    report.added.push(a.name.clone());
                    let participant = Participant {
                        assessment: a.id,
                        name: a.name,
                        file_name,
                        added_at: now,
                        answers: a.answers,
                        priorities: a.priorities.subareas,
                        removed: false,
                        changed_at: now,
                    };
                    // A participant removed earlier comes back in their own place: one entry per
                    // assessment id, as the merge keeps it.
                    match self.participants.iter_mut().find(|p| p.assessment == participant.assessment) {
                        Some(slot) => *slot = participant,
                        None => self.participants.push(participant),
                    }
                }
                Err(e) => report.rejected.push((file_name, e)),
            }
        }
        if !report.added.is_empty() {
            self.participants.sort_by(|a, b| a.added_at.cmp(&b.added_at).then_with(|| a.assessment.cmp(&b.assessment)));
            self.updated_at = self.updated_at.max(now);
        }
        report
    }

    fn check(&self, a: Assessment) -> Result<Assessment, AddError> {
        if self.participants().count() >= MAX_PARTICIPANTS {
            return Err(AddError::Full(MAX_PARTICIPANTS));
        }
        if a.rubric != self.rubric {
            return Err(AddError::OtherRubric { found: a.rubric, expected: self.rubric.clone() });
        }
        if self.participants().any(|p| p.assessment == a.id) {
            return Err(AddError::AlreadyAdded(a.name));
        }
        Ok(a)
    }

    /// The participants who are in the workshop (not removed), in the order they were added.
    pub fn participants(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| !p.removed)
    }

    /// Removes a participant: their answers leave every statistic. A file from them can be
    /// opened again later.
    pub fn remove_participant(&mut self, assessment: &str, now: Millis) {
        for p in self.participants.iter_mut().filter(|p| p.assessment == assessment) {
            p.removed = true;
            p.changed_at = now;
        }
        self.updated_at = self.updated_at.max(now);
    }

    /// How the `index`-th participant (of [`Workshop::participants`]) is shown: their name, or
    /// "Deltagare A", "B", … when anonymous.
    pub fn display_name(&self, index: usize) -> String {
        if self.anonymous {
            format!("Deltagare {}", letters(index))
        } else {
            self.participants().nth(index).map(|p| p.name.clone()).unwrap_or_default()
        }
    }

    /// The participants' answer sets, for the statistics.
    pub fn answer_sets(&self) -> Vec<&BTreeMap<String, Answer>> {
        self.participants().map(|p| &p.answers).collect()
    }

    /// The proposed common answer for a question: the median of the graded levels (the lower
    /// middle one for an even count); when nobody graded it, the most common of "Ej aktuellt" and
    /// "Vet ej"; `None` when nobody answered.
    pub fn proposal(&self, rubric: &Rubric, question: &str) -> Option<Response> {
        let s = stats::question_stats(rubric, question, &self.answer_sets());
        if let Some(spread) = s.spread {
            return Some(Response::Level(spread.median));
        }
        let d = s.distribution;
        if d.not_applicable == 0 && d.dont_know == 0 {
            None
        } else if d.not_applicable >= d.dont_know {
            Some(Response::NotApplicable)
        } else {
            Some(Response::DontKnow)
        }
    }

    /// Sets (or with `None` clears) the agreed answer to a question, with the note on why.
    pub fn agree(&mut self, question: &str, response: Option<Response>, note: String, now: Millis) {
        self.agreed.insert(question.to_string(), Agreed { response, note, changed_at: now });
        self.updated_at = self.updated_at.max(now);
    }

    /// Sets (or with `None` clears) the agreed level of a question and keeps its note. Returns
    /// false, changing nothing, when it is already so (a change that changes nothing must not
    /// win over another tab's real change).
    pub fn agree_level(&mut self, question: &str, response: Option<Response>, now: Millis) -> bool {
        let current = self.agreed.get(question);
        if current.map_or(response.is_none(), |a| a.response == response) {
            return false;
        }
        let note = current.map(|a| a.note.clone()).unwrap_or_default();
        self.agree(question, response, note, now);
        true
    }

    /// Replaces the note on why the group agreed as it did, keeping the level. Returns false when
    /// the text is the same.
    pub fn note(&mut self, question: &str, text: String, now: Millis) -> bool {
        let current = self.agreed.get(question);
        if current.map_or(text.is_empty(), |a| a.note == text) {
            return false;
        }
        let response = current.and_then(|a| a.response);
        self.agree(question, response, text, now);
        true
    }

    /// The proposals for every question that has no agreed answer yet (and has a proposal), in
    /// rubric order: what "Använd förslagen" sets.
    pub fn open_proposals(&self, rubric: &Rubric) -> Vec<(String, Response)> {
        rubric
            .questions()
            .filter(|q| self.agreed(&q.id).is_none())
            .filter_map(|q| self.proposal(rubric, &q.id).map(|r| (q.id.clone(), r)))
            .collect()
    }

    /// The agreed answer to a question, if one is set.
    pub fn agreed(&self, question: &str) -> Option<&Agreed> {
        self.agreed.get(question).filter(|a| a.response.is_some())
    }

    /// Renames the workshop or changes anonymity.
    pub fn set_meta(&mut self, name: String, anonymous: bool, now: Millis) {
        self.name = name;
        self.anonymous = anonymous;
        self.meta_changed_at = now;
        self.updated_at = self.updated_at.max(now);
    }

    /// How many participants named each sub-area as a priority, most first (ties by id).
    pub fn priority_counts(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for p in self.participants() {
            for s in &p.priorities {
                *counts.entry(s.as_str()).or_default() += 1;
            }
        }
        let mut list: Vec<(String, usize)> = counts.into_iter().map(|(s, n)| (s.to_string(), n)).collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    }

    /// The agreed answers as an ordinary assessment, "Gemensam bedömning – <workshop>", which
    /// records that it was agreed in this workshop from so many participants.
    pub fn common_assessment(&self, id: String, municipality: String, now: Millis) -> Assessment {
        let mut a =
            Assessment::new(id, format!("Gemensam bedömning – {}", self.name), municipality, self.rubric.clone(), now);
        a.origin = Some(Origin::Workshop { workshop: self.id.clone(), participants: self.participants().count() });
        for (question, agreed) in self.agreed.iter().filter(|(_, x)| x.response.is_some()) {
            a.answers.insert(
                question.clone(),
                Answer {
                    response: agreed.response,
                    comment: agreed.note.clone(),
                    changed_at: now,
                    ..Answer::default()
                },
            );
        }
        a
    }
}

impl Workshop {
    /// `common` (the workshop's common assessment, created earlier) with the agreed answers as
    /// they are now: each question whose agreed level or note differs is set and stamped `now`
    /// (so that it wins a merge with an older copy), a cleared agreement clears the answer, and
    /// the number of participants is brought up to date. Everything else — name, action plan,
    /// targets, evidence — is kept.
    pub fn update_common(&self, common: &Assessment, now: Millis) -> Assessment {
        let mut a = common.clone();
        a.origin = Some(Origin::Workshop { workshop: self.id.clone(), participants: self.participants().count() });
        for (question, agreed) in &self.agreed {
            let (response, note) = (agreed.response, if agreed.response.is_some() { agreed.note.as_str() } else { "" });
            let same = a
                .answer(question)
                .map_or(response.is_none() && note.is_empty(), |x| x.response == response && x.comment == note);
            if !same {
                a.edit_answer(question, now, |x| {
                    x.response = response;
                    x.comment = note.to_string();
                });
            }
        }
        a
    }
}

/// Reads one participant's file exactly like an ordinary import (size, text, format, rubric, ids,
/// ranges, lengths).
pub fn open_file(bytes: &[u8], rubrics: &[Rubric]) -> Result<Assessment, AddError> {
    validate_import(bytes, rubrics).map_err(AddError::Invalid)
}

/// "A", "B", …, "Z", "AA", "AB", … for 0, 1, ….
fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn participants_are_lettered_like_spreadsheet_columns() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(26 + 26 * 26), "AAA");
    }
}
