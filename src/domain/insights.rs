//! Strengths and improvement areas derived from a score: per area the highest and lowest
//! sub-areas as a share of their maximum, and the gaps to a comparison (such as the national
//! average) and to the team's own targets.

use std::collections::BTreeMap;

use super::scoring::Score;

/// A sub-area singled out, with its share of the maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// Sub-area id.
    pub subarea: String,
    /// Points / max, 0.0–1.0.
    pub share: f64,
}

/// What stands out in one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaInsight {
    /// Area id.
    pub area: String,
    /// Sub-areas at the area's highest share (a strength when at least half).
    pub strengths: Vec<Highlight>,
    /// Sub-areas at the area's lowest share (an improvement area).
    pub improvements: Vec<Highlight>,
    /// Area points minus the comparison's points (negative = below).
    pub gap_to_comparison: Option<f64>,
    /// Target points minus area points (positive = distance still to go).
    pub gap_to_target: Option<f64>,
}

/// Insights for every area, plus the areas with the largest gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    /// One entry per area, in rubric order.
    pub areas: Vec<AreaInsight>,
    /// Areas furthest below the comparison, largest gap first (only those below).
    pub below_comparison: Vec<(String, f64)>,
    /// Areas furthest from their targets, largest first (only those with a gap).
    pub furthest_from_target: Vec<(String, f64)>,
}

/// Shares closer than this are treated as equal, so ties are all listed.
const TIE: f64 = 1e-9;

/// Derives insights; `comparison` maps area id to the comparison's points (e.g. the average).
pub fn derive(score: &Score, comparison: &BTreeMap<String, f64>) -> Insights {
    derive_against(score, None, comparison)
}

/// Like [`derive`], but measures the gap to the comparison with `comparable`'s area points when
/// given: the expected evaluation result is what compares with evaluated municipalities, not the
/// raw self-assessment. Strengths, improvement areas and targets stay on `score`.
pub fn derive_against(score: &Score, comparable: Option<&Score>, comparison: &BTreeMap<String, f64>) -> Insights {
    let areas: Vec<AreaInsight> = score
        .areas
        .iter()
        .map(|area| {
            let scored: Vec<Highlight> = area
                .subareas
                .iter()
                .filter_map(|s| s.share().map(|share| Highlight { subarea: s.id.clone(), share }))
                .collect();
            let best = scored.iter().map(|h| h.share).fold(f64::NAN, f64::max);
            let worst = scored.iter().map(|h| h.share).fold(f64::NAN, f64::min);
            let pick = |edge: f64| scored.iter().filter(|h| (h.share - edge).abs() < TIE).cloned().collect::<Vec<_>>();
            let (strengths, improvements) = if scored.len() < 2 || (best - worst).abs() < TIE {
                // One scored sub-area, or all equal: nothing stands out above the rest.
                let all = scored.clone();
                if best >= 0.5 { (all, Vec::new()) } else { (Vec::new(), all) }
            } else {
                (if best >= 0.5 { pick(best) } else { Vec::new() }, pick(worst))
            };
            let answered = area.completeness.answered > 0;
            let points = comparable.and_then(|s| s.area(&area.id)).map_or(area.points, |a| a.points);
            AreaInsight {
                area: area.id.clone(),
                strengths,
                improvements,
                gap_to_comparison: comparison.get(&area.id).filter(|_| answered).map(|c| points - c),
                gap_to_target: area.target.map(|t| t - area.points).filter(|g| *g > TIE),
            }
        })
        .collect();
    let mut below: Vec<(String, f64)> =
        areas.iter().filter_map(|a| a.gap_to_comparison.filter(|g| *g < -TIE).map(|g| (a.area.clone(), g))).collect();
    below.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut target: Vec<(String, f64)> =
        areas.iter().filter_map(|a| a.gap_to_target.map(|g| (a.area.clone(), g))).collect();
    target.sort_by(|a, b| b.1.total_cmp(&a.1));
    Insights { areas, below_comparison: below, furthest_from_target: target }
}
