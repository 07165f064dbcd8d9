//! The browser's localStorage as the workspace's [`Store`]. Every call is guarded: a browser
//! without storage, or one that throws when it is touched (storage blocked by policy), reads as
//! empty and refuses writes with [`SaveError::Unavailable`], so the app keeps working in memory.

use wasm_bindgen::JsCast;

use crate::workspace::{Refusal, SaveError, Store};

/// localStorage of this site.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

/// The storage object, when the browser hands one out (it may throw instead).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Touches this site's localStorage once, so that the browser has loaded it before the app
/// reads it (a first access waits for the browser to load the site's whole storage).
pub fn warm_up() {
    if let Some(storage) = storage() {
        let _ = storage.length();
    }
}

/// Names a failed write by the browser's exception.
fn classify(error: &wasm_bindgen::JsValue) -> SaveError {
    let name = error.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Full,
        "SecurityError" => SaveError::Unavailable,
        "" => SaveError::Refused(Refusal { name: "okänt fel".into() }),
        _ => SaveError::Refused(Refusal { name }),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let storage = storage().ok_or(SaveError::Unavailable)?;
        storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = storage() else { return Vec::new() };
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}
