//! The action plan: what the municipality will do about an improvement area, who is
//! responsible, by when, its status and which goal in its own steering documents it serves
//! (for example a nämndmål or riktningsmål in a nämndplan).

use serde::{Deserialize, Serialize};

use super::assessment::Millis;
use super::rubric::is_child;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Decided but not started.
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Dropped.
    Cancelled,
}

impl ActionStatus {
    /// Every status, in display order.
    pub const ALL: [ActionStatus; 4] =
        [ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Cancelled];

    /// Swedish label.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "Planerad",
            ActionStatus::InProgress => "Pågår",
            ActionStatus::Done => "Klar",
            ActionStatus::Cancelled => "Avbruten",
        }
    }

    /// Stable key used in forms.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    /// The status for a form key.
    pub fn from_key(key: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One action in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Action {
    /// Stable id.
    pub id: String,
    /// The area ("4") or sub-area ("4.3") the action improves.
    pub target: String,
    /// Åtgärd: what will be done.
    pub what: String,
    /// Ansvarig: who is responsible.
    pub who: String,
    /// Klart senast: a date (YYYY-MM-DD) or free text such as "T2 2026".
    pub due: String,
    /// Status.
    pub status: ActionStatus,
    /// Koppling till mål: the goal in the municipality's own plans the action serves.
    pub goal_link: String,
    /// Deleted actions stay as tombstones so that a deletion wins over an older copy in another tab.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// When the action last changed.
    pub changed_at: Millis,
}

impl Action {
    /// True when the action is for area `area` as a whole or for one of its sub-areas.
    pub fn is_for_area(&self, area: &str) -> bool {
        self.target == area || is_child(area, &self.target)
    }
}
