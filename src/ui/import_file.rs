//! "Öppna fil": opening a saved self-assessment, validated completely before anything is stored,
//! with a choice to merge or add when this browser already has the same assessment.

use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::domain::error::ImportError;
use crate::domain::import::{check_size, validate_import};
use crate::state::AppState;
use crate::ui::focus::{FocusTarget, focus_id_next_frame, on_escape};
use crate::workspace::Change;

/// The file input; focus returns here when the merge-or-add question is answered.
const INPUT_ID: &str = "kk-import";

/// Opening a saved file. A file keeps its assessment's identity, so work carried between
/// computers can come back: if this browser already has that assessment, the user chooses to
/// merge (per answer, the later change wins) or to add the file as a new assessment. Nothing is
/// overwritten without that choice.
#[component]
pub fn ImportForm() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Assessment>);
    let choice = FocusTarget::<leptos::html::Div>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        error.set(None);
        pending.set(None);
        leptos::task::spawn_local(async move {
            // Too large to read at all: refused before reading, with the same message as after.
            if let Err(too_large) = check_size(file.size() as u64) {
                error.set(Some(ImportError::from(too_large).message()));
                return;
            }
            let bytes = match files::read_bytes(&file).await {
                Ok(b) => b,
                Err(_) => {
                    error.set(Some("Filen kunde inte läsas. Försök igen eller välj en annan fil.".into()));
                    return;
                }
            };
            let mut checked = validate_import(&bytes, &state.catalog().rubrics);
            // A file on an older version: fetch that version (once per session) and check again.
            if let Err(ImportError::UnknownRubric(version)) = &checked
                && Catalog::is_fetched_version(version)
            {
                checked = match state.whole_catalog().await {
                    Ok(catalog) => validate_import(&bytes, &catalog.rubrics),
                    Err(e) => {
                        error.set(Some(format!("Filen gäller en äldre version av kriterierna, och den kunde inte hämtas. {e} Välj filen igen för att försöka på nytt.")));
                        return;
                    }
                };
            }
            match checked {
                Ok(a) if state.with_untracked(|w| w.assessment(&a.id).is_some()) => {
                    choice.arm();
                    pending.set(Some(a));
                }
                Ok(assessment) => state.change(Change::Import { assessment, fresh_id: clock::new_id() }),
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    let answer = move |choose: fn(Assessment) -> Change| {
        if let Some(incoming) = pending.try_update(Option::take).flatten() {
            state.change(choose(incoming));
            focus_id_next_frame(INPUT_ID.into());
        }
    };
    let merge_in = move |_| answer(Change::MergeFile);
    let add_new = move |_| answer(|assessment| Change::AddCopy { assessment, id: clock::new_id() });
    let cancel = move || {
        pending.set(None);
        focus_id_next_frame(INPUT_ID.into());
    };
    view! {
        <section aria-labelledby="kk-import-h" class="kk-card">
            <h2 id="kk-import-h">"Öppna fil"</h2>
            <p>"Öppna en självskattning som sparats med ”Spara som fil”, till exempel på en annan dator. Finns den redan här får ni välja om filen ska slås ihop med den eller läggas till som en ny; ingenting skrivs över utan att ni valt det."</p>
            <label for=INPUT_ID class="kk-file-label">"Välj fil (.json)"</label>
            <input id=INPUT_ID type="file" accept=".json,application/json" on:change=on_change/>
            <Show when=move || error.get().is_some()>
                <p class="kk-error" role="alert">{move || error.get()}</p>
            </Show>
            {move || pending.get().map(|a| view! {
                <div class="kk-alert kk-warning" role="group" aria-labelledby="kk-import-choice" tabindex="-1" node_ref=choice.node() on:keydown=on_escape(cancel)>
                    <p id="kk-import-choice">
                        {format!("”{}” ({}) finns redan i den här webbläsaren. Vill ni slå ihop filen med den som finns här, eller lägga till filen som en ny självskattning?", a.name, a.municipality)}
                    </p>
                    <p class="kk-hint">"Slå ihop: för varje fråga och åtgärd behålls det som ändrades senast, i filen eller här."</p>
                    <button type="button" class="kk-button kk-primary" on:click=merge_in>"Slå ihop"</button>
                    <button type="button" class="kk-button" on:click=add_new>"Lägg till som ny"</button>
                    <button type="button" class="kk-button" on:click=move |_| cancel()>"Avbryt"</button>
                </div>
            })}
        </section>
    }
}
