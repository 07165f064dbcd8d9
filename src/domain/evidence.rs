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

    /// The label of the button that adds one.
    pub fn add_label(self) -> &'static str {
        match self {
            ItemKind::Document => "Lägg till dokument",
            ItemKind::WebPage => "Lägg till webbsida",
            ItemKind::Interview => "Lägg till intervjuroll",
        }
    }

    /// The legend of the form that adds a new one.
    pub fn new_label(self) -> &'static str {
        match self {
            ItemKind::Document => "Nytt dokument",
            ItemKind::WebPage => "Ny webbsida",
            ItemKind::Interview => "Ny intervjuroll",
        }
    }

    /// The label of the title field: a document's title, a page's name, or the role.
    pub fn title_label(self) -> &'static str {
        match self {
            ItemKind::Document => "Dokumentets titel",
            ItemKind::WebPage => "Sidans namn",
            ItemKind::Interview => "Roll",
        }
    }

    /// The fields this kind has (the title always; a reference only for documents; a link for
    /// documents and pages — an interview names a role, not a person or an address).
    pub fn has(self, field: ItemField) -> bool {
        match field {
            ItemField::Title => true,
            ItemField::Reference => self == ItemKind::Document,
            ItemField::Link => self != ItemKind::Interview,
        }
    }
}

/// A field of an evidence item, as the form shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemField {
    /// Title, page name or role.
    Title,
    /// Date or diarienummer.
    Reference,
    /// Link.
    Link,
}

impl ItemField {
    /// Every field, in form order.
    pub const ALL: [ItemField; 3] = [ItemField::Title, ItemField::Reference, ItemField::Link];

    /// Stable key used in element ids.
    pub fn key(self) -> &'static str {
        match self {
            ItemField::Title => "title",
            ItemField::Reference => "reference",
            ItemField::Link => "link",
        }
    }

    /// The field's name inside a sentence ("texten i titeln …").
    fn in_sentence(self) -> &'static str {
        match self {
            ItemField::Title => "titeln",
            ItemField::Reference => "datum eller diarienummer",
            ItemField::Link => "länken",
        }
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
    /// An item without a title (or role), when it is entered in the form.
    #[error("{} saknas", .0.title_label().to_lowercase())]
    NoTitle(ItemKind),
}

impl ItemError {
    /// What to do about it, as a sentence shown beside the field.
    pub fn at_field(&self) -> String {
        match self {
            ItemError::BadLink(_) => {
                "Länken måste börja med https://, http:// eller mailto: och får inte innehålla mellanslag.".to_string()
            }
            ItemError::TooLong { max, .. } => format!("Texten får vara högst {max} tecken."),
            ItemError::TooMany(_) => format!("En fråga kan ha högst {MAX_ITEMS_PER_QUESTION} underlag."),
            ItemError::NoTitle(ItemKind::Document) => "Skriv dokumentets titel.".to_string(),
            ItemError::NoTitle(ItemKind::WebPage) => "Skriv sidans namn.".to_string(),
            ItemError::NoTitle(ItemKind::Interview) => {
                "Skriv vilken roll som kan berätta om det, till exempel kanslichef.".to_string()
            }
        }
    }
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
    /// The text of one field.
    pub fn field(&self, field: ItemField) -> &str {
        match field {
            ItemField::Title => &self.title,
            ItemField::Reference => &self.reference,
            ItemField::Link => &self.link,
        }
    }

    /// What is wrong with each field that cannot be stored: lengths and the link's scheme.
    fn field_problems(&self) -> impl Iterator<Item = (ItemField, ItemError)> + '_ {
        ItemField::ALL.into_iter().filter_map(|field| {
            let text = self.field(field);
            if text.chars().count() > MAX_FIELD_CHARS {
                return Some((field, ItemError::TooLong { field: field.in_sentence(), max: MAX_FIELD_CHARS }));
            }
            (field == ItemField::Link).then(|| check_link(text).err()).flatten().map(|e| (field, e))
        })
    }

    /// Checks the item's fields: lengths and the link's scheme. Text is always shown as text.
    pub fn validate(&self) -> Result<(), ItemError> {
        self.field_problems().next().map_or(Ok(()), |(_, e)| Err(e))
    }

    /// What the form says before an item is saved: every field's problem, and a title (or role)
    /// is required. Check the item after [`EvidenceItem::normalized`].
    pub fn form_problems(&self) -> Vec<(ItemField, ItemError)> {
        let missing = self.title.trim().is_empty().then_some((ItemField::Title, ItemError::NoTitle(self.kind)));
        missing.into_iter().chain(self.field_problems()).collect()
    }

    /// The item as it is stored from the form: fields trimmed, and the fields its kind does not
    /// have emptied (an interview keeps only its role).
    pub fn normalized(mut self) -> EvidenceItem {
        let kind = self.kind;
        for field in ItemField::ALL {
            let slot = match field {
                ItemField::Title => &mut self.title,
                ItemField::Reference => &mut self.reference,
                ItemField::Link => &mut self.link,
            };
            *slot = if kind.has(field) { slot.trim().to_string() } else { String::new() };
        }
        self
    }

    /// A short name for the item in buttons and notices: "Dokument: Budget 2025".
    pub fn name(&self) -> String {
        format!("{}: {}", self.kind.label(), self.title.trim())
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
