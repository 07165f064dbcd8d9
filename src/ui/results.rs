//! Results (filled in by the results work).

use leptos::prelude::*;

/// Results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Resultat"</h1> }
}
