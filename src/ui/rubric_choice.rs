//! Choosing a version of the criteria (new assessment, new workshop): every version, the current
//! one preselected and recommended, the others with their period.

use leptos::prelude::*;

use crate::domain::catalog::Catalog;

/// A labelled select of the rubric versions, writing the chosen id into `value`.
#[component]
pub fn RubricChoice(
    /// The select's id.
    id: &'static str,
    /// The label.
    label: &'static str,
    /// The chosen rubric id.
    value: RwSignal<String>,
) -> impl IntoView {
    // Every version, also those fetched only when a view needs them (their titles are embedded).
    let options = Catalog::versions()
        .into_iter()
        .map(|r| {
            let label = if r.current {
                format!("{} (rekommenderas)", r.title)
            } else {
                format!("{} – {}", r.title, r.period)
            };
            view! { <option value=r.id selected=r.current>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="kk-field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}
