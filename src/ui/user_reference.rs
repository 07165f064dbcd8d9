//! Comparisons the user adds: the municipality's own official result (typed in from the SKR
//! report) or a reference file (for example new national averages) in the format of
//! `rubrics/references/`. Stored only in this browser.

use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::domain::import::check_size;
use crate::domain::reference::{Reference, ReferenceFileError, UserEntry};
use crate::domain::rubric::Rubric;
use crate::state::AppState;
use crate::workspace::Change;

/// Form and list of user-added comparisons.
#[component]
pub fn UserReferences(rubric: &'static Rubric) -> impl IntoView {
    let state = AppState::expect();
    let label = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let values: Vec<RwSignal<String>> = rubric.areas.iter().map(|_| RwSignal::new(String::new())).collect();
    let error = RwSignal::new(None::<String>);
    let file_error = RwSignal::new(None::<String>);
    let inputs = rubric
        .areas
        .iter()
        .zip(values.iter().copied())
        .map(|(area, value)| {
            let id = format!("kk-own-area-{}", area.id);
            view! {
                <div class="kk-field">
                    <label for=id.clone()>{format!("{}. {}", area.id, area.name)}</label>
                    <input id=id type="text" inputmode="decimal" size="5" prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                </div>
            }
        })
        .collect_view();
    let submit = {
        let values = values.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let entry = UserEntry {
                label: label.get_untracked(),
                date: date.get_untracked(),
                areas: values.iter().map(|v| v.get_untracked()).collect(),
            };
            let id = format!("egen-{}", clock::new_id());
            let today = clock::iso_date(clock::now());
            match Reference::from_entry(&entry, rubric, &state.catalog().rubrics, id, today) {
                Ok(reference) => {
                    state.change(Change::AddReference(Box::new(reference)));
                    error.set(None);
                    label.set(String::new());
                    for v in &values {
                        v.set(String::new());
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let result = match check_size(file.size() as u64) {
                Err(too_large) => Err(ReferenceFileError::from(too_large)),
                Ok(()) => match files::read_bytes(&file).await {
                    Ok(bytes) => Reference::from_file(&bytes, &state.catalog().rubrics),
                    Err(_) => Err(ReferenceFileError::Unreadable),
                },
            };
            match result {
                Ok(r) => {
                    file_error.set(None);
                    state.change(Change::AddReference(Box::new(r)));
                }
                Err(e) => file_error.set(Some(e.message())),
            }
        });
    };
    let list = move || {
        state.with(|w| {
            w.references()
                .iter()
                .map(|r| {
                    let id = r.id.clone();
                    view! {
                        <li>
                            {format!("{} ({}, {}) ", r.label, r.rubric, r.date)}
                            <button type="button" class="kk-button kk-small kk-danger" on:click=move |_| state.change(Change::RemoveReference(id.clone()))>"Ta bort"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="kk-card kk-own-ref">
            <summary><h2 class="kk-inline-h">"Lägg till egen jämförelse"</h2></summary>
            <p>"Har kommunen utvärderats officiellt? Skriv in poängen per område från rapporten, så kan ni lägga dem bredvid självskattningen. Uppgifterna sparas bara i den här webbläsaren."</p>
            <ul>{list}</ul>
            <form class="kk-form" on:submit=submit novalidate>
                <div class="kk-field">
                    <label for="kk-own-label">"Namn på jämförelsen"</label>
                    <input id="kk-own-label" type="text" maxlength="200" prop:value=label on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <div class="kk-field">
                    <label for="kk-own-date">"Utvärderingens datum eller år"</label>
                    <input id="kk-own-date" type="text" maxlength="20" placeholder="2023" prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <fieldset class="kk-area-inputs">
                    <legend>{format!("Poäng per område (0–100), enligt {}", rubric.title)}</legend>
                    {inputs}
                </fieldset>
                <Show when=move || error.get().is_some()><p class="kk-error" role="alert">{move || error.get()}</p></Show>
                <button type="submit" class="kk-button kk-primary">"Spara jämförelsen"</button>
            </form>
            <h3>"Öppna jämförelsedata från fil"</h3>
            <p>"En JSON-fil i samma format som verktygets egna jämförelser, till exempel nya snittvärden från SKR."</p>
            <label for="kk-ref-file" class="kk-file-label">"Välj fil (.json)"</label>
            <input id="kk-ref-file" type="file" accept=".json,application/json" on:change=on_file/>
            <Show when=move || file_error.get().is_some()><p class="kk-error" role="alert">{move || file_error.get()}</p></Show>
        </details>
    }
}
