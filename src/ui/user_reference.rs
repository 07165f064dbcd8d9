//! Comparisons the user adds: the municipality's own official result (typed in from the SKR
//! report) or a reference file (for example new national averages) in the format of
//! `rubrics/references/`. Stored only in this browser.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::domain::reference::{Reference, ReferenceKind};
use crate::domain::rubric::{Rubric, Source};
use crate::state::AppState;

/// Parses "56", "56,5" or "56.5" as points between 0 and `max`.
pub fn parse_points(text: &str, max: f64) -> Option<f64> {
    let v: f64 = text.trim().replace(',', ".").parse().ok()?;
    (0.0..=max).contains(&v).then_some(v)
}

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
            let name = label.get_untracked().trim().to_string();
            if name.is_empty() {
                error.set(Some("Ge jämförelsen ett namn, till exempel ”Vårt officiella resultat 2023”.".into()));
                return;
            }
            let mut areas = BTreeMap::new();
            for (area, value) in rubric.areas.iter().zip(&values) {
                match parse_points(&value.get_untracked(), 100.0) {
                    Some(v) => {
                        areas.insert(area.id.clone(), v);
                    }
                    None => {
                        error.set(Some(format!("Fyll i poängen för område {} som ett tal mellan 0 och 100.", area.id)));
                        return;
                    }
                }
            }
            let when = date.get_untracked().trim().to_string();
            let reference = Reference {
                schema: None,
                format: 1,
                id: format!("egen-{}", clock::new_id()),
                kind: ReferenceKind::OfficialResult,
                label: name,
                municipality: None,
                rubric: rubric.id.clone(),
                date: if when.is_empty() { clock::iso_date(clock::now()) } else { when },
                source: Source {
                    title: Some("Inmatat i den här webbläsaren från kommunens utvärderingsrapport".into()),
                    ..Source::default()
                },
                group: None,
                caveat: Some("Siffrorna är inmatade av en användare och har inte kontrollerats av verktyget.".into()),
                total: Some(areas.values().sum()),
                areas: Some(areas),
                subareas: None,
                distribution: None,
            };
            state.add_reference(reference);
            error.set(None);
            label.set(String::new());
            for v in &values {
                v.set(String::new());
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let result = files::read_bytes(&file)
                .await
                .map_err(|_| "filen kunde inte läsas".to_string())
                .and_then(|b| String::from_utf8(b).map_err(|_| "filen är inte en textfil".to_string()))
                .and_then(|t| Reference::parse(&t).map_err(|e| e.to_string()))
                .and_then(|r| r.validate(&state.catalog.rubrics).map(|_| r).map_err(|e| e.to_string()));
            match result {
                Ok(r) => {
                    file_error.set(None);
                    state.add_reference(r);
                }
                Err(e) => file_error.set(Some(format!(
                    "Jämförelsen kunde inte öppnas: {e}. Ingenting har ändrats. Kontrollera att filen innehåller jämförelsedata i verktygets format, eller skriv in siffrorna i formuläret."
                ))),
            }
        });
    };
    let list = move || {
        state
            .user_references
            .get()
            .into_iter()
            .map(|r| {
                let id = r.id.clone();
                view! {
                    <li>
                        {format!("{} ({}, {}) ", r.label, r.rubric, r.date)}
                        <button type="button" class="kk-button kk-small kk-danger" on:click=move |_| state.remove_reference(&id)>"Ta bort"</button>
                    </li>
                }
            })
            .collect_view()
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
