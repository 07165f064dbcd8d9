//! The one-page summary a management group can read alone: the clearest strengths and
//! improvement areas over the whole assessment, and the actions due next.

use super::action::{Action, ActionStatus};
use super::assessment::Assessment;
use super::scoring::Score;

/// How many strengths, improvement areas and actions the summary names.
pub const SUMMARY_ITEMS: usize = 3;

/// A sub-area picked for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// Sub-area id.
    pub subarea: String,
    /// Points earned.
    pub points: f64,
    /// The sub-area's maximum.
    pub max: f64,
}

impl Pick {
    /// Points as a share of the maximum.
    pub fn share(&self) -> f64 {
        self.points / self.max
    }
}

/// Strengths, improvement areas and the next actions.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Highest share of the maximum first (only sub-areas at half or more).
    pub strengths: Vec<Pick>,
    /// Lowest share first; on a tie, the one with more points left to gain.
    pub improvements: Vec<Pick>,
    /// Planned or ongoing actions, earliest "klart senast" first (dates before free text).
    pub next_actions: Vec<Action>,
}

/// Picks the clearest strengths and improvement areas among the sub-areas that have points, and
/// the actions due next. A sub-area is never both.
pub fn summarize(score: &Score, assessment: &Assessment) -> Summary {
    let mut scored: Vec<Pick> = score
        .areas
        .iter()
        .flat_map(|a| &a.subareas)
        .filter_map(|s| s.points.map(|points| Pick { subarea: s.id.clone(), points, max: s.max }))
        .collect();
    // Highest share first; on a tie the bigger sub-area (more points behind the share), then id.
    scored.sort_by(|a, b| {
        b.share().total_cmp(&a.share()).then(b.max.total_cmp(&a.max)).then_with(|| a.subarea.cmp(&b.subarea))
    });
    let strengths: Vec<Pick> = scored.iter().filter(|p| p.share() >= 0.5).take(SUMMARY_ITEMS).cloned().collect();
    let mut rest: Vec<Pick> = scored.into_iter().filter(|p| !strengths.contains(p)).collect();
    rest.sort_by(|a, b| {
        a.share()
            .total_cmp(&b.share())
            .then((b.max - b.points).total_cmp(&(a.max - a.points)))
            .then_with(|| a.subarea.cmp(&b.subarea))
    });
    rest.truncate(SUMMARY_ITEMS);
    let mut next_actions: Vec<Action> = assessment
        .live_actions()
        .filter(|a| matches!(a.status, ActionStatus::Planned | ActionStatus::InProgress))
        .cloned()
        .collect();
    next_actions.sort_by_key(due_key);
    next_actions.truncate(SUMMARY_ITEMS);
    Summary { strengths, improvements: rest, next_actions }
}

/// Sort key for "klart senast": ISO dates (YYYY-MM-DD, YYYY-MM) first in date order, then free
/// text, then empty.
fn due_key(action: &Action) -> (u8, String, String) {
    let due = action.due.trim();
    let is_date = due.len() >= 7
        && due.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && due.as_bytes()[4] == b'-'
        && due.as_bytes()[5..7].iter().all(u8::is_ascii_digit);
    let rank = if is_date {
        0
    } else if due.is_empty() {
        2
    } else {
        1
    };
    (rank, due.to_string(), action.id.clone())
}
