//! The data behind the results view and the report, derived once per page from the open
//! assessment: every comparison that can be laid beside it, which ones are chosen, and the
//! insights. The rules (ordering, defaults, what is measured against what) are in
//! `domain::compare`, `domain::insights` and `charts`.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::adapters::clock;
use crate::charts::{self, ProfileSeries};
use crate::domain::calibration::{Calibration, Expected};
use crate::domain::compare::{self, Comparison, default_key};
use crate::domain::insights::{Insights, derive_against};
use crate::domain::rubric::Rubric;
use crate::domain::scoring::Score;
use crate::state::AppState;
use crate::ui::open::Open;
use crate::workspace::Change;

/// Everything the result sections need. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ResultData {
    /// The open assessment.
    pub open: Open,
    /// Its rubric.
    pub rubric: &'static Rubric,
    /// Its score.
    pub score: Memo<Score>,
    /// Every available comparison, in display order.
    pub comparisons: Memo<Vec<Comparison>>,
    /// The chosen comparison keys.
    pub chosen: Memo<BTreeSet<String>>,
    /// Strengths, improvement areas and gaps, against the chosen (or first) average.
    pub insights: Memo<Insights>,
    /// The calibration of this rubric's questionnaire, if it has one.
    pub calibration: Option<&'static Calibration>,
    /// The expected evaluation result (`None` without a calibration).
    pub expected: Memo<Option<Expected>>,
    state: AppState,
}

impl ResultData {
    /// Derives the data for the open assessment.
    pub fn from_context() -> ResultData {
        let state = AppState::expect();
        let open = Open::expect();
        let rubric = open.rubric;
        let catalog = state.catalog();
        let comparisons = Memo::new(move |_| {
            let own = open.id();
            state.with(|w| {
                let rounds = compare::own_rounds(rubric, &own, w.assessments(), &clock::iso_date);
                compare::everything(&catalog.references, w.references(), &catalog.mappings, rubric, rounds)
            })
        });
        let chosen = Memo::new(move |_| {
            state
                .with(|w| w.compare().cloned())
                .unwrap_or_else(|| comparisons.with(|l| default_key(l).into_iter().collect()))
        });
        let calibration = catalog.calibration_for(&rubric.id);
        let expected = Memo::new(move |_| {
            // The score changes exactly when the answers that count change.
            open.score.track();
            calibration.and_then(|c| open.with_untracked(|a| c.expected(rubric, &a.answers)))
        });
        let insights = Memo::new(move |_| {
            let average = comparisons.with(|l| chosen.with(|c| compare::chosen_average(rubric, l, c)));
            // Gaps to the average are measured on the expected result where there is one.
            expected.with(|e| open.score.with(|s| derive_against(s, e.as_ref().map(|e| &e.score), &average)))
        });
        ResultData { open, rubric, score: open.score, comparisons, chosen, insights, calibration, expected, state }
    }

    /// The series drawn on the profile: the assessment first, then the chosen comparisons.
    pub fn series(&self) -> Vec<ProfileSeries> {
        let name = self.open.with(|a| a.name.clone()).unwrap_or_default();
        self.expected.with(|e| {
            self.score.with(|s| {
                self.comparisons.with(|l| self.chosen.with(|c| charts::profile_series(&name, s, e.as_ref(), l, c)))
            })
        })
    }

    /// Shows or hides comparison `key` on the profile.
    pub fn choose(&self, key: String, on: bool) {
        let mut chosen = self.chosen.get_untracked();
        if on {
            chosen.insert(key);
        } else {
            chosen.remove(&key);
        }
        self.state.change(Change::Compare(chosen));
    }
}
