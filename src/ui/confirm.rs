//! "Ta bort" behind a confirmation: the button turns into the question with "Ja, ta bort" and
//! "Avbryt" in its place. Focus follows (to "Ja, ta bort" when the question opens, back to the
//! button when it is cancelled, also with Escape); what follows a confirmed removal (an "Ångra"
//! notice, or another control) takes focus from there.

use leptos::prelude::*;

use crate::ui::focus::{FocusTarget, on_escape};

/// A small "Ta bort" button that asks `question` before `confirmed` runs.
#[component]
pub fn ConfirmRemove(
    /// The question, e.g. "Ta bort ”Workshop mars” med alla svar? ".
    question: String,
    /// What "Ja, ta bort" does.
    confirmed: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let remove_button = FocusTarget::<leptos::html::Button>::new();
    let confirm_button = FocusTarget::<leptos::html::Button>::new();
    let cancel = move || {
        remove_button.arm();
        confirming.set(false);
    };
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class="kk-button kk-small kk-danger" node_ref=remove_button.node() on:click=move |_| {
                confirm_button.arm();
                confirming.set(true);
            }>"Ta bort"</button>
        }>
            <span class="kk-confirm" role="group" aria-label="Bekräfta borttagning" on:keydown=on_escape(cancel)>
                {question.clone()}
                <button type="button" class="kk-button kk-small kk-danger" node_ref=confirm_button.node()
                    on:click=move |_| confirmed.run(())>"Ja, ta bort"</button>
                <button type="button" class="kk-button kk-small" on:click=move |_| cancel()>"Avbryt"</button>
            </span>
        </Show>
    }
}
