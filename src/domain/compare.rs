//! What a self-assessment can be laid beside: published references (averages and official
//! results) and the team's own other rounds, each expressed on the areas of the assessment's
//! rubric version, with a flag and a note when the comparison is only approximate.

use super::mapping::Mappings;
use super::reference::{Reference, ReferenceKind};
use super::rubric::Rubric;

/// What a comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonKind {
    /// An average over evaluated municipalities.
    Average,
    /// A published official result of a municipality.
    Official,
    /// Figures the user entered or opened (e.g. the municipality's own official result).
    UserEntered,
}

/// One thing to compare with.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Sort rank: averages first, then published results, then the user's own.
    pub order: u8,
    /// Stable key: `ref:<reference id>`.
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
                order: match kind {
                    ComparisonKind::Average => 0,
                    ComparisonKind::Official => 1,
                    ComparisonKind::UserEntered => 2,
                },
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
    list.sort_by(|a, b| a.order.cmp(&b.order).then(a.label.cmp(&b.label)));
    list
}

/// The comparison drawn by default: the first average with figures for every area.
pub fn default_key(list: &[Comparison]) -> Option<String> {
    list.iter().find(|c| c.kind == ComparisonKind::Average && c.areas.is_some()).map(|c| c.key.clone())
}
