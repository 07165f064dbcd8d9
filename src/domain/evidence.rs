//! Evidence recorded per answer: the documents, web pages and interview roles that show it, each
//! with a status. The evaluators score from exactly these three sources, so a level that cannot be
//! shown will not earn points. Items merge per item across tabs and files, like answers.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::assessment::Millis;

/// Longest title, reference, role or link accepted.
pub const MAX_FIELD_CHARS: usize = 500;
/// Most evidence items on one question.
pub const MAX_ITEMS_PER_QUESTION: usize = 30;

/// What kind of evidence an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A decided document (policy, plan, report, minutes).
    #[default]
    Document,
    /// A page on the municipality's website or social media.
    WebPage,
    /// Someone who can speak to it in an interview (a role, not a personal name).
    Interview,
}

impl ItemKind {
    /// Every kind, in display order.
    pub const ALL: [ItemKind; 3] = [ItemKind::Document, ItemKind::WebPage, ItemKind::Interview];

    /// Swedish label.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Document => "Dokument",
            ItemKind::WebPage => "Webbsida",
            ItemKind::Interview => "Intervju",
        }
    }

    /// Stable key used in forms.
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Document => "document",
            ItemKind::WebPage => "web_page",
            ItemKind::Interview => "interview",
        }
    }

    /// The kind for a form key.
    pub fn from_key(key: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Whether the evidence is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// It exists and is current.
    #[default]
    Exists,
    /// It exists but is out of date.
    NeedsUpdate,
    /// It does not exist yet.
    Missing,
}

impl ItemStatus {
    /// Every status, in display order.
    pub const ALL: [ItemStatus; 3] = [ItemStatus::Exists, ItemStatus::NeedsUpdate, ItemStatus::Missing];

    /// Swedish label.
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Exists => "Finns",
            ItemStatus::NeedsUpdate => "Behöver uppdateras",
            ItemStatus::Missing => "Saknas",
        }
    }

    /// Stable key used in forms.
    pub fn key(self) -> &'static str {
        match self {
            ItemStatus::Exists => "exists",
            ItemStatus::NeedsUpdate => "needs_update",
            ItemStatus::Missing => "missing",
        }
    }

    /// The status for a form key.
    pub fn from_key(key: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether an evaluator could be shown it now (it exists, even if it needs updating).
    pub fn can_be_shown(self) -> bool {
        self != ItemStatus::Missing
    }
}

/// One piece of evidence for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct EvidenceItem {
    /// Stable id.
    pub id: String,
    /// Document, web page or interview.
    pub kind: ItemKind,
    /// Title of the document or page, or the role to interview ("Ekonomichef").
    pub title: String,
    /// Date or diarienummer of a document.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// Link (http, https or mailto).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub link: String,
    /// Finns, behöver uppdateras or saknas.
    pub status: ItemStatus,
    /// Deleted items stay as tombstones so that a deletion wins over an older copy in another tab.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// When the item last changed.
    pub changed_at: Millis,
}

/// An evidence item that cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ItemError {
    /// A link with a scheme other than http, https or mailto (or no scheme).
    #[error("länken ”{0}” måste börja med https://, http:// eller mailto:")]
    BadLink(String),
    /// A field over the length cap.
    #[error("texten i {field} är längre än {max} tecken")]
    TooLong {
        /// Which field, in Swedish.
        field: &'static str,
        /// The cap.
        max: usize,
    },
    /// More items on one question than accepted.
    #[error("fråga {0} har fler än {MAX_ITEMS_PER_QUESTION} underlag")]
    TooMany(String),
}

/// The link schemes accepted: the evaluators' three sources are documents, web pages and people,
/// and none of them needs anything else (no javascript:, data: or file: links).
const SCHEMES: [&str; 3] = ["https://", "http://", "mailto:"];

/// Checks a link: empty, or starting with an accepted scheme (case-insensitive), with no spaces
/// or control characters.
pub fn check_link(link: &str) -> Result<(), ItemError> {
    let link = link.trim();
    if link.is_empty() {
        return Ok(());
    }
    let lower = link.to_ascii_lowercase();
    let scheme_ok = SCHEMES.iter().any(|s| lower.starts_with(s) && lower.len() > s.len());
    if !scheme_ok || link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ItemError::BadLink(link.chars().take(80).collect()));
    }
    Ok(())
}

impl EvidenceItem {
    /// Checks the item's fields: lengths and the link's scheme. Text is always shown as text.
    pub fn validate(&self) -> Result<(), ItemError> {
        for (field, text) in
            [("titeln", &self.title), ("datum eller diarienummer", &self.reference), ("länken", &self.link)]
        {
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(ItemError::TooLong { field, max: MAX_FIELD_CHARS });
            }
        }
        check_link(&self.link)
    }

    /// True for a live item that shows the answer in an evaluation now: a document or web page
    /// that exists (even if it needs updating).
    pub fn shows_in_writing(&self) -> bool {
        !self.deleted && self.kind != ItemKind::Interview && self.status.can_be_shown()
    }
}

/// Merges two copies of one question's items: per item id, the later change wins (a deletion is a
/// change). Commutative; order by id.
pub fn merge_items(ours: &[EvidenceItem], theirs: &[EvidenceItem]) -> Vec<EvidenceItem> {
    let mut by_id: std::collections::BTreeMap<&str, &EvidenceItem> = std::collections::BTreeMap::new();
    for item in ours.iter().chain(theirs) {
        by_id
            .entry(&item.id)
            .and_modify(|slot| {
                let newer = (item.changed_at, item.deleted, serde_json::to_string(item).unwrap_or_default())
                    > (slot.changed_at, slot.deleted, serde_json::to_string(*slot).unwrap_or_default());
                if newer {
                    *slot = item;
                }
            })
            .or_insert(item);
    }
    by_id.into_values().cloned().collect()
}
