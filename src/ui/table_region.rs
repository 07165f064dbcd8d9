//! A data table that may scroll sideways on a narrow screen. The scrolling box is a labelled
//! region in the tab order, so keyboard users can reach it and scroll it with the arrow keys
//! (WCAG 2.1.1 and 1.4.10; axe's `scrollable-region-focusable`).

use leptos::prelude::*;

/// Wraps one `<table>`; `label` names the region for screen readers (usually the caption).
#[component]
pub fn TableRegion(
    /// What the table shows, e.g. its caption.
    #[prop(into)]
    label: String,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! { <div class="kk-table-wrap" role="region" aria-label=label tabindex="0">{children()}</div> }
}
