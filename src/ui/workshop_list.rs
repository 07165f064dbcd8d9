//! The workshops on the start page: the list (open, save as file, delete with "Ångra"), "Ny
//! workshop" (name and version of the criteria) and opening a saved workshop file, which is
//! checked completely before anything is stored and merged into the workshop with the same id
//! when this browser has it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::{clock, files};
use crate::domain::catalog::Catalog;
use crate::domain::error::ImportError;
use crate::domain::import::check_size;
use crate::domain::workshop::{Workshop, persist};
use crate::state::AppState;
use crate::ui::confirm::ConfirmRemove;
use crate::ui::rubric_choice::RubricChoice;
use crate::ui::save_workshop::save_workshop;
use crate::ui::table_region::TableRegion;
use crate::workspace::Change;

/// Workshops: the list, a new one, and opening a file.
#[component]
pub fn WorkshopSection() -> impl IntoView {
    let state = AppState::expect();
    let has_any = move || state.with(|w| !w.workshops_newest_first().is_empty());
    view! {
        <section aria-labelledby="kk-ws-list-h" class="kk-workshops">
            <h2 id="kk-ws-list-h">"Workshoppar"</h2>
            <p>
                "I en workshop lägger ni deltagarnas självskattningar bredvid varandra, ser var ni är oeniga och kommer "
                "överens om ett gemensamt svar. Varje deltagare svarar först på egen hand och sparar sin självskattning som fil."
            </p>
            <Show when=has_any fallback=|| view! { <p class="kk-hint">"Här finns ännu ingen workshop."</p> }>
                <WorkshopList/>
            </Show>
            <NewWorkshop/>
            <OpenWorkshopFile/>
        </section>
    }
}

/// What a row shows; the row is drawn again when any of it changes.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    version: String,
    participants: usize,
    agreed: usize,
    changed: String,
}

#[component]
fn WorkshopList() -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        state.with(|w| {
            w.workshops_newest_first()
                .into_iter()
                .map(|x| Row {
                    id: x.id.clone(),
                    name: x.name.clone(),
                    version: Catalog::version_title(&x.rubric).unwrap_or_else(|| x.rubric.clone()),
                    participants: x.participants().count(),
                    agreed: x.agreed.values().filter(|a| a.response.is_some()).count(),
                    changed: clock::date_time(x.updated_at),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <TableRegion label="Workshoppar i den här webbläsaren">
            <table class="kk-table" data-testid="workshops">
                <caption class="kk-sr">"Workshoppar i den här webbläsaren"</caption>
                <thead><tr>
                    <th scope="col">"Workshop"</th><th scope="col">"Version"</th>
                    <th scope="col" class="kk-num">"Deltagare"</th><th scope="col" class="kk-num">"Överenskomna frågor"</th>
                    <th scope="col">"Senast ändrad"</th><th scope="col">"Åtgärder"</th>
                </tr></thead>
                <tbody>
                    <For each=rows key=Row::clone let:row>
                        <WorkshopRow row=row/>
                    </For>
                </tbody>
            </table>
        </TableRegion>
    }
}

#[component]
fn WorkshopRow(row: Row) -> impl IntoView {
    let state = AppState::expect();
    let id = StoredValue::new(row.id.clone());
    let save = move |_| {
        id.with_value(|id| state.with_untracked(|w| w.workshop(id).map(|x| save_workshop(state, x))));
    };
    let question = format!("Ta bort workshoppen ”{}” med deltagarnas svar och det ni kommit överens om? ", row.name);
    view! {
        <tr>
            <th scope="row"><A href=crate::adapters::base::href(&format!("/workshop/{}", row.id))>{row.name.clone()}</A></th>
            <td>{row.version}</td>
            <td class="kk-num">{row.participants}</td>
            <td class="kk-num">{row.agreed}</td>
            <td>{row.changed}</td>
            <td class="kk-actions">
                <button type="button" class="kk-button kk-small" on:click=save>"Spara som fil"</button>
                <ConfirmRemove question=question confirmed=Callback::new(move |()| state.change(Change::DeleteWorkshop(id.get_value())))/>
            </td>
        </tr>
    }
}

/// "Ny workshop": a name and the version of the criteria every participant answered.
#[component]
fn NewWorkshop() -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let rubric = RwSignal::new(Catalog::current_id().to_string());
    let error = RwSignal::new(None::<&'static str>);
    let navigate = leptos_router::hooks::use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some("Ge workshoppen ett namn."));
            return;
        }
        let id = clock::new_id();
        let w = Workshop::new(id.clone(), n, rubric.get_untracked(), clock::now());
        state.change(Change::CreateWorkshop(Box::new(w)));
        navigate(&format!("/workshop/{id}"), Default::default());
    };
    view! {
        <div class="kk-card">
            <h3>"Ny workshop"</h3>
            <form on:submit=submit class="kk-form" novalidate>
                <div class="kk-field">
                    <label for="kk-ws-new-name">"Namn på workshoppen"</label>
                    <span class="kk-hint" id="kk-ws-new-name-hint">"Till exempel ”Ledningsgruppen maj”."</span>
                    <input id="kk-ws-new-name" type="text" required maxlength="200" aria-describedby="kk-ws-new-name-hint"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <RubricChoice id="kk-ws-new-rubric" label="Version av Kommunkompassen som deltagarna svarat på" value=rubric/>
                <Show when=move || error.get().is_some()>
                    <p class="kk-error" role="alert">{move || error.get()}</p>
                </Show>
                <button type="submit" class="kk-button kk-primary">"Skapa workshoppen"</button>
            </form>
        </div>
    }
}

/// Opening a saved workshop file.
#[component]
fn OpenWorkshopFile() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        error.set(None);
        leptos::task::spawn_local(async move {
            if let Err(too_large) = check_size(file.size() as u64) {
                error.set(Some(ImportError::from(too_large).message()));
                return;
            }
            let Ok(bytes) = files::read_bytes(&file).await else {
                error.set(Some("Filen kunde inte läsas. Försök igen eller välj en annan fil.".into()));
                return;
            };
            // A workshop is shown with the whole catalog (the average, every version): have it first.
            let catalog = match state.whole_catalog().await {
                Ok(c) => c,
                Err(e) => {
                    error.set(Some(format!("Filen kunde inte öppnas: uppgifterna som behövs kunde inte hämtas. {e} Välj filen igen för att försöka på nytt.")));
                    return;
                }
            };
            match persist::open_file(&bytes, &catalog.rubrics) {
                Ok(w) => state.change(Change::ImportWorkshop { workshop: Box::new(w), fresh_id: clock::new_id() }),
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    view! {
        <div class="kk-card">
            <h3>"Öppna sparad workshop"</h3>
            <p>"Öppna en workshop som sparats med ”Spara workshoppen som fil”. Finns samma workshop redan här slås filen ihop med den: ingenting som finns här försvinner."</p>
            <label for="kk-ws-import" class="kk-file-label">"Välj workshopfil (.json)"</label>
            <input id="kk-ws-import" type="file" accept=".json,application/json" on:change=on_change/>
            <Show when=move || error.get().is_some()>
                <p class="kk-error" role="alert">{move || error.get()}</p>
            </Show>
        </div>
    }
}
