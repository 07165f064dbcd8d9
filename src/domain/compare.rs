//! What a self-assessment can be laid beside: published references (averages and official
//! results) and the team's own other rounds, each expressed on the areas of the assessment's
//! rubric version, with a flag and a note when the comparison is only approximate.

use std::collections::{BTreeMap, BTreeSet};

use super::assessment::{Assessment, Millis};
use super::format;
use super::mapping::Mappings;
use super::reference::{Reference, ReferenceKind};
use super::rubric::Rubric;
use super::scoring::score;

/// Key of the team's own targets, drawn on the profile like a comparison.
pub const TARGETS_KEY: &str = "targets";

/// What a comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonKind {
    /// An average over evaluated municipalities.
    Average,
    /// A published official result of a municipality.
    Official,
    /// Figures the user entered or opened (e.g. the municipality's own official result).
    UserEntered,
    /// Another self-assessment round of the team, in this browser.
    OwnRound,
}

impl ComparisonKind {
    /// Display rank: averages first, then published results, the user's own figures, and the
    /// team's other rounds last.
    pub fn rank(self) -> u8 {
        match self {
            ComparisonKind::Average => 0,
            ComparisonKind::Official => 1,
            ComparisonKind::UserEntered => 2,
            ComparisonKind::OwnRound => 3,
        }
    }
}

/// One thing to compare with.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Stable key: `ref:<reference id>`, or `own:<assessment id>` for another round.
    pub key: String,
    /// Legend label.
    pub label: String,
    /// What it is.
    pub kind: ComparisonKind,
    /// Points per area in the rubric's area order, when all areas are known.
    pub areas: Option<Vec<f64>>,
    /// Total of 800, when known.
    pub total: Option<f64>,
    /// Whether the figures come from another rubric version and only roughly correspond.
    pub approximate: bool,
    /// Where the figures come from.
    pub source: String,
    /// Caveats and mapping notes, in Swedish.
    pub notes: Vec<String>,
}

/// Every reference that can be compared with an assessment on `rubric`.
pub fn comparisons<'a>(
    references: impl IntoIterator<Item = &'a Reference>,
    user_entered: bool,
    mappings: &Mappings,
    rubric: &Rubric,
) -> Vec<Comparison> {
    let mut list: Vec<Comparison> = references
        .into_iter()
        .filter_map(|r| {
            let mapped = mappings.areas_on(r, &rubric.id);
            let same = r.rubric == rubric.id;
            let connected = same || mappings.area_mapping(&r.rubric, &rubric.id).is_some();
            if !connected {
                return None;
            }
            let approximate = !same && mappings.area_mapping(&r.rubric, &rubric.id).is_some_and(|m| m.approximate);
            let areas = mapped
                .as_ref()
                .and_then(|m| rubric.areas.iter().map(|a| m.values.get(&a.id).copied()).collect::<Option<Vec<f64>>>());
            let mut notes = Vec::new();
            if approximate {
                notes.push(
                    format!(
                        "Ungefärlig jämförelse: resultatet gäller en äldre version av Kommunkompassen. {}",
                        mapped.as_ref().and_then(|m| m.note.clone()).unwrap_or_default()
                    )
                    .trim()
                    .to_string(),
                );
            }
            if let Some(c) = &r.caveat {
                notes.push(c.clone());
            }
            if let Some(g) = &r.group {
                notes.push(format!("Snittet gäller {g}."));
            }
            let kind = match (user_entered, r.kind) {
                (true, _) => ComparisonKind::UserEntered,
                (false, ReferenceKind::Average) => ComparisonKind::Average,
                (false, ReferenceKind::OfficialResult) => ComparisonKind::Official,
            };
            let label = if approximate { format!("{} (ungefärlig jämförelse)", r.label) } else { r.label.clone() };
            Some(Comparison {
                key: format!("ref:{}", r.id),
                label,
                kind,
                areas,
                total: r.total,
                approximate,
                source: r.source.describe(),
                notes,
            })
        })
        .collect();
    sort(&mut list);
    list
}

/// Display order: by [`ComparisonKind::rank`], then by label.
fn sort(list: &mut [Comparison]) {
    list.sort_by(|a, b| a.kind.rank().cmp(&b.kind.rank()).then_with(|| a.label.cmp(&b.label)));
}

/// The team's other rounds on the same rubric version as comparisons (never `own` itself).
/// `date` formats a time as a date in the user's time zone.
pub fn own_rounds<'a>(
    rubric: &Rubric,
    own: &str,
    rounds: impl IntoIterator<Item = &'a Assessment>,
    date: &dyn Fn(Millis) -> String,
) -> Vec<Comparison> {
    rounds
        .into_iter()
        .filter(|a| a.id != own && a.rubric == rubric.id)
        .map(|a| {
            let s = score(rubric, &a.answers);
            let mut notes = vec![format!("Egen självskattning, senast ändrad {}.", date(a.updated_at))];
            notes.extend(format::only_partly_answered(&s.completeness));
            Comparison {
                key: format!("own:{}", a.id),
                label: format!("Egen omgång: {}", a.name),
                kind: ComparisonKind::OwnRound,
                areas: Some(s.areas.iter().map(|x| (x.points * 10.0).round() / 10.0).collect()),
                total: Some(s.total),
                approximate: false,
                source: "Självskattning i den här webbläsaren".into(),
                notes,
            }
        })
        .collect()
}

/// Everything an assessment on `rubric` can be laid beside, in display order: the published
/// references, the figures the user added, and the team's other rounds.
pub fn everything(
    published: &[Reference],
    user_added: &[Reference],
    mappings: &Mappings,
    rubric: &Rubric,
    own_rounds: Vec<Comparison>,
) -> Vec<Comparison> {
    let mut list = comparisons(published, false, mappings, rubric);
    list.extend(comparisons(user_added, true, mappings, rubric));
    list.extend(own_rounds);
    sort(&mut list);
    list
}

/// Area id → points of the first chosen average, else of the first average with area figures:
/// the comparison that strengths, improvement areas and gaps are measured against.
pub fn chosen_average(rubric: &Rubric, list: &[Comparison], chosen: &BTreeSet<String>) -> BTreeMap<String, f64> {
    let averages = || list.iter().filter(|c| c.kind == ComparisonKind::Average && c.areas.is_some());
    averages()
        .find(|c| chosen.contains(&c.key))
        .or_else(|| averages().next())
        .map(|c| rubric.areas.iter().map(|a| a.id.clone()).zip(c.areas.clone().unwrap_or_default()).collect())
        .unwrap_or_default()
}

/// The comparison drawn by default: the first average with figures for every area.
pub fn default_key(list: &[Comparison]) -> Option<String> {
    list.iter().find(|c| c.kind == ComparisonKind::Average && c.areas.is_some()).map(|c| c.key.clone())
}
