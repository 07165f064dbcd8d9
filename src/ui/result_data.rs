//! The data behind the results view and the report, derived once per assessment: its score,
//! every comparison that can be laid beside it, and which ones are chosen.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::adapters::clock;
use crate::charts::{self, ProfileSeries, Stroke};
use crate::domain::assessment::Assessment;
use crate::domain::compare::{Comparison, ComparisonKind, comparisons, default_key};
use crate::domain::insights::{Insights, derive};
use crate::domain::rubric::Rubric;
use crate::domain::scoring::{Score, score};
use crate::state::AppState;

/// Key of the targets overlay.
pub const TARGETS_KEY: &str = "targets";

/// Everything the result sections need, derived once per assessment.
#[derive(Clone, Copy)]
pub struct ResultData {
    /// The assessment (tracked).
    pub assessment: Memo<Option<Assessment>>,
    /// Its rubric.
    pub rubric: &'static Rubric,
    /// Its score.
    pub score: Memo<Option<Score>>,
    /// Every available comparison.
    pub comparisons: Memo<Vec<Comparison>>,
    /// The chosen comparison keys.
    pub chosen: Memo<BTreeSet<String>>,
    /// Strengths, improvement areas and gaps, against the chosen (or first) average.
    pub insights: Memo<Option<Insights>>,
}

impl ResultData {
    /// Builds the derived data for assessment `id`, or `None` when it does not exist here.
    pub fn new(id: String) -> Option<ResultData> {
        let state = AppState::expect();
        let rubric_id =
            state.assessments.with_untracked(|all| all.iter().find(|a| a.id == id).map(|a| a.rubric.clone()))?;
        let rubric = state.catalog.rubric(&rubric_id)?;
        let assessment = {
            let id = id.clone();
            Memo::new(move |_| state.assessments.with(|all| all.iter().find(|a| a.id == id).cloned()))
        };
        let score = Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| score(rubric, &a.answers))));
        let comparisons = Memo::new(move |_| {
            let own_id = assessment.with(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
            let mut list = comparisons(&state.catalog.references, false, &state.catalog.mappings, rubric);
            state.user_references.with(|refs| list.extend(comparisons(refs, true, &state.catalog.mappings, rubric)));
            list.extend(own_rounds(&state, rubric, &own_id));
            list
        });
        let chosen = Memo::new(move |_| {
            state.comparisons.get().unwrap_or_else(|| comparisons.with(|l| default_key(l).into_iter().collect()))
        });
        let insights = Memo::new(move |_| {
            let average = chosen_average(rubric, &comparisons.get(), &chosen.get());
            score.with(|s| s.as_ref().map(|s| derive(s, &average)))
        });
        Some(ResultData { assessment, rubric, score, comparisons, chosen, insights })
    }

    /// The series drawn on the profile: the assessment first, then the chosen comparisons.
    pub fn series(&self) -> Vec<ProfileSeries> {
        let Some(score) = self.score.get() else { return Vec::new() };
        let name = self.assessment.with(|a| a.as_ref().map(|a| a.name.clone())).unwrap_or_default();
        let chosen = self.chosen.get();
        let mut out = vec![charts::own_series(&format!("Självskattning: {name}"), &score)];
        for c in self.comparisons.get() {
            if let (true, Some(values)) = (chosen.contains(&c.key), c.areas.clone()) {
                let stroke = if c.kind == ComparisonKind::Average { Stroke::Dashed } else { Stroke::Thin };
                out.push(ProfileSeries { name: c.label.clone(), values, stroke });
            }
        }
        if chosen.contains(TARGETS_KEY) {
            out.push(charts::target_series(&score));
        }
        out
    }
}

/// The team's other assessments on a comparable rubric, as comparisons.
fn own_rounds(state: &AppState, rubric: &'static Rubric, own_id: &str) -> Vec<Comparison> {
    state.assessments.with(|all| {
        all.iter()
            .filter(|a| a.id != own_id && a.rubric == rubric.id)
            .map(|a| {
                let s = score(rubric, &a.answers);
                let mut notes = vec![format!("Egen självskattning, senast ändrad {}.", clock::iso_date(a.updated_at))];
                if !s.completeness.is_complete() {
                    notes.push(format!("Bara {} % av frågorna är besvarade.", s.completeness.percent()));
                }
                Comparison {
                    order: 3,
                    key: format!("own:{}", a.id),
                    label: format!("Egen omgång: {}", a.name),
                    kind: ComparisonKind::UserEntered,
                    areas: Some(s.areas.iter().map(|x| (x.points * 10.0).round() / 10.0).collect()),
                    total: Some(s.total),
                    approximate: false,
                    source: "Självskattning i den här webbläsaren".into(),
                    notes,
                }
            })
            .collect()
    })
}

/// Area id → points of the first chosen average, else of the first average with area figures;
/// the comparison that strengths, improvement areas and gaps are measured against.
fn chosen_average(rubric: &Rubric, list: &[Comparison], chosen: &BTreeSet<String>) -> BTreeMap<String, f64> {
    let averages = || list.iter().filter(|c| c.kind == ComparisonKind::Average && c.areas.is_some());
    averages()
        .find(|c| chosen.contains(&c.key))
        .or_else(|| averages().next())
        .map(|c| rubric.areas.iter().map(|a| a.id.clone()).zip(c.areas.clone().unwrap_or_default()).collect())
        .unwrap_or_default()
}
