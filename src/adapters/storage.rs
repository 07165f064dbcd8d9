//! localStorage through gloo-storage, guarded so that a disabled or full storage never stops the
//! app. Each assessment lives under its own key, so one damaged entry cannot take the others
//! with it; an entry that cannot be read is left untouched and reported.

use gloo_storage::{LocalStorage, Storage, errors::StorageError};

use crate::domain::assessment::{Assessment, Millis};
use crate::domain::persist::{self, Envelope};
use crate::domain::reference::Reference;

/// Prefix of every key this app writes.
pub const PREFIX: &str = "kommunkompass.";
/// Prefix of assessment keys; the rest of the key is the assessment id.
pub const ASSESSMENT_PREFIX: &str = "kommunkompass.bedomning.";
/// Prefix of comparison figures the user added (e.g. the municipality's own official result).
pub const REFERENCE_PREFIX: &str = "kommunkompass.referens.";
const PROBE_KEY: &str = "kommunkompass.test";

/// Version of this build, written into every stored entry.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why a write did not reach the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The storage quota is used up.
    Full,
    /// Storage is disabled or not offered (private mode, policy, sandbox).
    Unavailable,
    /// A newer version of the app (in another tab) has saved this assessment; this older copy
    /// must not overwrite it.
    NewerVersion,
    /// Any other failure, with the browser's message.
    Other(String),
}

/// A stored entry that could not be read; kept as it is and offered for download.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The storage key.
    pub key: String,
    /// The raw text, exactly as stored.
    pub raw: String,
    /// What is wrong, in Swedish.
    pub reason: String,
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// Readable assessments, newest change first.
    pub assessments: Vec<Assessment>,
    /// Entries that could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// True when localStorage exists and accepts a write. gloo-storage panics when the storage
/// object itself cannot be had, so this must be checked before any other call.
pub fn available() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let ok = storage.set_item(PROBE_KEY, "1").is_ok();
    let _ = storage.remove_item(PROBE_KEY);
    ok
}

/// True when the browser hands out a localStorage object at all. gloo-storage panics without
/// one, so every call goes through this cheap check; [`available`] also tries a write.
fn has_storage() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// Every key in the storage, ours and others'.
fn all_keys(raw: &web_sys::Storage) -> Vec<String> {
    (0..raw.length().unwrap_or(0)).filter_map(|i| raw.key(i).ok().flatten()).collect()
}

/// The key an assessment is stored under.
pub fn key_for(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// Reads every stored assessment. Never fails: unreadable entries are reported, not dropped.
pub fn load_all() -> Loaded {
    let mut loaded = Loaded::default();
    if !has_storage() {
        return loaded;
    }
    let raw = LocalStorage::raw();
    let keys = all_keys(&raw);
    for key in keys.into_iter().filter(|k| k.starts_with(ASSESSMENT_PREFIX)) {
        let Ok(Some(text)) = raw.get_item(&key) else { continue };
        match decode_entry(&text) {
            Ok(a) => loaded.assessments.push(a),
            Err(reason) => loaded.unreadable.push(Unreadable { key, raw: text, reason }),
        }
    }
    loaded.assessments.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
    loaded
}

/// Decodes one stored entry (any known schema version).
fn decode_entry(text: &str) -> Result<Assessment, String> {
    persist::decode(text).map(|e: Envelope| e.assessment).map_err(|e| e.to_string())
}

/// Writes one assessment. On failure the caller keeps the state in memory and warns.
pub fn save(assessment: &Assessment, now: Millis) -> Result<(), SaveError> {
    if !has_storage() {
        return Err(SaveError::Unavailable);
    }
    let key = key_for(&assessment.id);
    if let Ok(Some(existing)) = LocalStorage::raw().get_item(&key)
        && persist::is_newer_than_this_app(&existing)
    {
        return Err(SaveError::NewerVersion);
    }
    let envelope = persist::envelope(assessment, APP_VERSION, now);
    LocalStorage::set(key, &envelope).map_err(classify)
}

fn classify(error: StorageError) -> SaveError {
    match error {
        StorageError::JsError(e) if e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            SaveError::Full
        }
        StorageError::JsError(e) if e.name == "SecurityError" => SaveError::Unavailable,
        other => SaveError::Other(other.to_string()),
    }
}

/// Removes one assessment (or unreadable entry) by key.
pub fn remove_key(key: &str) {
    if has_storage() {
        LocalStorage::delete(key);
    }
}

/// Removes everything this app stored in this browser.
pub fn clear_all() {
    if !has_storage() {
        return;
    }
    let raw = LocalStorage::raw();
    let keys = all_keys(&raw);
    for key in keys.into_iter().filter(|k| k.starts_with(PREFIX)) {
        let _ = raw.remove_item(&key);
    }
}

/// Comparison figures the user added. Unreadable ones are skipped (and left in place).
pub fn load_references() -> Vec<Reference> {
    if !has_storage() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let keys = all_keys(&raw);
    let mut refs: Vec<Reference> = keys
        .iter()
        .filter(|k| k.starts_with(REFERENCE_PREFIX))
        .filter_map(|k| LocalStorage::get::<Reference>(k).ok())
        .collect();
    refs.sort_by(|a, b| a.label.cmp(&b.label));
    refs
}

/// Stores a comparison the user added.
pub fn save_reference(reference: &Reference) -> Result<(), SaveError> {
    if !has_storage() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(format!("{REFERENCE_PREFIX}{}", reference.id), reference).map_err(classify)
}

/// Removes a comparison the user added.
pub fn remove_reference(id: &str) {
    remove_key(&format!("{REFERENCE_PREFIX}{id}"));
}

/// Key of the "show level descriptions" preference.
const SHOW_LEVELS_KEY: &str = "kommunkompass.installning.visa-nivabeskrivningar";

/// Whether every question shows the scale's level descriptions (default yes).
pub fn show_level_descriptions() -> bool {
    !has_storage() || LocalStorage::get::<bool>(SHOW_LEVELS_KEY).unwrap_or(true)
}

/// Remembers the preference; a failure only means it is not remembered.
pub fn set_show_level_descriptions(on: bool) {
    if has_storage() {
        let _ = LocalStorage::set(SHOW_LEVELS_KEY, on);
    }
}
