//! What every page does the same way: its document title.

/// Sets the document title for a page: "<page> – Kommunkompass självskattning".
pub fn set_title(page: &str) {
    leptos::prelude::document().set_title(&format!("{page} – Kommunkompass självskattning"));
}
