//! Report (filled in by the results work).

use leptos::prelude::*;

/// Report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Rapport"</h1> }
}
