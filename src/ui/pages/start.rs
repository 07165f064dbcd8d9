//! The start page, `/`: every assessment in this browser, creating, renaming, copying, deleting,
//! saving to and opening from files, and clearing the browser.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::base::href;
use crate::adapters::clock;
use crate::domain::assessment::{Assessment, Edit};
use crate::domain::catalog::Catalog;
use crate::domain::format::{self, Answered};
use crate::domain::scoring::score;
use crate::state::{AppState, DataLoad};
use crate::ui::confirm::ConfirmRemove;
use crate::ui::data::DataStatus;
use crate::ui::deferred::Deferred;
use crate::ui::focus::{FocusTarget, focus_id_next_frame, focus_main_heading, on_escape};
use crate::ui::import_file::ImportForm;
use crate::ui::page::set_title;
use crate::ui::rubric_choice::RubricChoice;
use crate::ui::save_file;
use crate::ui::table_region::TableRegion;
use crate::ui::workshop_list::WorkshopSection;
use crate::workspace::{Change, Save};

/// The start page.
#[component]
pub fn StartPage() -> impl IntoView {
    set_title("Mina självskattningar");
    let state = AppState::expect();
    let has_any = move || state.with(|w| w.count() > 0);
    view! {
        <h1 tabindex="-1">"Självskattning enligt Kommunkompassen"</h1>
        <p class="kk-lead">
            "Bedöm hur kommunen styrs och leds enligt samma åtta områden och poäng som SKR:s "
            "Kommunkompassen, och jämför profilen med det nationella snittet och med kommuner som "
            "utvärderats. Använd den inför en utvärdering eller i en workshop om förbättringsområden."
        </p>
        <p class="kk-privacy">
            <strong>"Sparas bara i den här webbläsaren — ingenting skickas någonstans."</strong>
            " Vill du fortsätta på en annan dator, spara självskattningen som fil och öppna filen där."
        </p>
        <UnreadableEntries/>
        <section aria-labelledby="kk-list-h">
            <h2 id="kk-list-h">"Mina självskattningar"</h2>
            <Show when=has_any fallback=|| view! { <p>"Här finns ännu ingen självskattning. Skapa en nedan eller öppna en sparad fil."</p> }>
                <AssessmentList/>
            </Show>
        </section>
        <CreateForm/>
        // Below the first screen, each drawn in a task of its own (ui::deferred): the start page
        // is the first view, built while the page is starting, and one long task would keep
        // taps waiting meanwhile.
        <Deferred><ImportForm/></Deferred>
        <Deferred><WorkshopSection/></Deferred>
        <Deferred><ClearAll/></Deferred>
    }
}

/// The table of stored assessments.
#[component]
fn AssessmentList() -> impl IntoView {
    let state = AppState::expect();
    // An assessment on an older version is scored once that version has been fetched (the
    // rows are drawn again then); the list does not wait for it.
    let rows = move || {
        let _ = state.data();
        state.with(|w| w.newest_first().into_iter().map(|a| Row::of(a, state)).collect::<Vec<_>>())
    };
    let needs_older = move || {
        state.with(|w| {
            w.assessments()
                .any(|a| state.catalog().rubric(&a.rubric).is_none() && Catalog::is_fetched_version(&a.rubric))
        })
    };
    Effect::new(move |_| {
        if needs_older() && state.data() == DataLoad::Idle {
            state.load_data();
        }
    });
    view! {
        <TableRegion label="Självskattningar sparade i den här webbläsaren">
            <table class="kk-table">
                <caption class="kk-sr">"Självskattningar sparade i den här webbläsaren"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Namn"</th>
                        <th scope="col">"Kommun"</th>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Senast ändrad"</th>
                        <th scope="col">"Besvarat"</th>
                        <th scope="col">"Råpoäng"</th>
                        <th scope="col">"Förväntat vid utvärdering"</th>
                        <th scope="col">"Åtgärder"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=Row::clone let:row>
                        <AssessmentRow row=row/>
                    </For>
                </tbody>
            </table>
        </TableRegion>
        <Show when=needs_older>
            <DataStatus/>
        </Show>
    }
}

/// What a row of the list shows; the row is drawn again when any of it changes.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    municipality: String,
    version: String,
    changed: String,
    answered: String,
    points: String,
    expected: String,
}

impl Row {
    fn of(a: &Assessment, state: AppState) -> Row {
        let rubric = state.catalog().rubric(&a.rubric);
        let (answered, points) = match rubric {
            Some(r) => {
                let s = score(r, &a.answers);
                (format::answered(&s.completeness, Answered::Questions), format::points_of(s.total, s.max))
            }
            None => ("–".into(), "–".into()),
        };
        let expected = rubric
            .zip(rubric.and_then(|r| state.catalog().calibration_for(&r.id)))
            .and_then(|(r, c)| c.expected(r, &a.answers).total)
            .map(|t| format::estimate(&t))
            .unwrap_or_else(|| "–".into());
        Row {
            id: a.id.clone(),
            name: a.name.clone(),
            municipality: a.municipality.clone(),
            version: Catalog::version_title(&a.rubric).unwrap_or_else(|| a.rubric.clone()),
            changed: clock::date_time(a.updated_at),
            answered,
            points,
            expected,
        }
    }
}

/// One row of the list, with its actions.
#[component]
fn AssessmentRow(
    /// What the row shows.
    row: Row,
) -> impl IntoView {
    let state = AppState::expect();
    let Row { id, name, municipality, version, changed, answered, points, expected } = row;
    let id = StoredValue::new(id);
    let renaming = RwSignal::new(false);
    let open_href = id.with_value(|id| href(&format!("/bedomning/{id}/omrade/1")));
    let results_href = id.with_value(|id| href(&format!("/bedomning/{id}/resultat")));
    let save_file = move |_| {
        id.with_value(|id| state.with_untracked(|w| w.assessment(id).map(|a| save_file::save_assessment(state, a))));
    };
    let duplicate = move |_| {
        let original = id.with_value(|id| state.with_untracked(|w| w.assessment(id).map(|a| a.name.clone())));
        if let Some(original) = original {
            let change =
                Change::Duplicate { id: id.get_value(), new_id: clock::new_id(), name: format!("{original} (kopia)") };
            state.change(change);
        }
    };
    let question = format!("Ta bort ”{name}” med alla svar? ");
    view! {
        <tr>
            <th scope="row">
                {
                    let name = name.clone();
                    move || if renaming.get() {
                        view! { <RenameForm id=id.get_value() done=renaming/> }.into_any()
                    } else {
                        let (href, text) = (open_href.clone(), name.clone());
                        view! { <A href=href>{text}</A> }.into_any()
                    }
                }
            </th>
            <td>{municipality}</td>
            <td>{version}</td>
            <td>{changed}</td>
            <td>{answered}</td>
            <td>{points}</td>
            <td>{expected}</td>
            <td class="kk-actions">
                <A href=results_href attr:class="kk-button kk-small">"Resultat"</A>
                <button type="button" class="kk-button kk-small" id=id.with_value(|id| rename_button_id(id)) on:click=move |_| renaming.set(true)>"Byt namn"</button>
                <button type="button" class="kk-button kk-small" on:click=duplicate>"Kopiera"</button>
                <button type="button" class="kk-button kk-small" on:click=save_file>"Spara som fil"</button>
                <ConfirmRemove question=question confirmed=Callback::new(move |()| state.change(Change::Delete(id.get_value())))/>
            </td>
        </tr>
    }
}

/// The id of a row's "Byt namn" button, where focus returns when renaming ends.
fn rename_button_id(assessment: &str) -> String {
    format!("kk-rename-btn-{assessment}")
}

/// Inline form to rename an assessment and change its municipality.
#[component]
fn RenameForm(
    /// Assessment id.
    id: String,
    /// Set to false when done.
    done: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let (current_name, current_municipality) = state
        .with_untracked(|w| w.assessment(&id).map(|a| (a.name.clone(), a.municipality.clone())))
        .unwrap_or_default();
    let name = RwSignal::new(current_name);
    let municipality = RwSignal::new(current_municipality);
    let name_field = FocusTarget::<leptos::html::Input>::on_mount();
    let field_id = format!("kk-rename-{id}");
    let muni_id = format!("kk-remuni-{id}");
    let cancel = {
        let id = id.clone();
        move || {
            done.set(false);
            focus_id_next_frame(rename_button_id(&id));
        }
    };
    let escape = on_escape(cancel.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, m) = (name.get_untracked().trim().to_string(), municipality.get_untracked().trim().to_string());
        if !n.is_empty() {
            let edit = Edit::Meta { name: n, municipality: m };
            state.change(Change::Edit { id: id.clone(), edit, save: Save::Now });
            done.set(false);
            // Saving re-creates the row (its data changed): focus its new "Byt namn" button.
            focus_id_next_frame(rename_button_id(&id));
        }
    };
    view! {
        <form class="kk-inline-form" on:submit=submit on:keydown=escape>
            <label for=field_id.clone()>"Namn"</label>
            <input id=field_id node_ref=name_field.node() type="text" required maxlength="200" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for=muni_id.clone()>"Kommun"</label>
            <input id=muni_id type="text" maxlength="200" prop:value=municipality on:input=move |ev| municipality.set(event_target_value(&ev))/>
            <button type="submit" class="kk-button kk-small">"Spara"</button>
            <button type="button" class="kk-button kk-small" on:click=move |_| cancel()>"Avbryt"</button>
        </form>
    }
}

/// Form for a new assessment.
#[component]
fn CreateForm() -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let municipality = RwSignal::new(String::new());
    let rubric = RwSignal::new(Catalog::current_id().to_string());
    let error = RwSignal::new(None::<&'static str>);
    let navigate = leptos_router::hooks::use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        let m = municipality.get_untracked().trim().to_string();
        if n.is_empty() || m.is_empty() {
            error.set(Some("Fyll i både namn och kommun."));
            return;
        }
        let id = clock::new_id();
        state.change(Change::Create(Assessment::new(id.clone(), n, m, rubric.get_untracked(), clock::now())));
        navigate(&format!("/bedomning/{id}"), Default::default());
    };
    view! {
        <section aria-labelledby="kk-new-h" class="kk-card">
            <h2 id="kk-new-h">"Ny självskattning"</h2>
            <form on:submit=submit class="kk-form" novalidate>
                <div class="kk-field">
                    <label for="kk-new-name">"Namn på självskattningen"</label>
                    <span class="kk-hint" id="kk-new-name-hint">"Till exempel ”Ledningsgruppens workshop mars”."</span>
                    <input id="kk-new-name" type="text" required maxlength="200" aria-describedby="kk-new-name-hint"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="kk-field">
                    <label for="kk-new-muni">"Kommun"</label>
                    <input id="kk-new-muni" type="text" required maxlength="200" autocomplete="organization"
                        prop:value=municipality on:input=move |ev| municipality.set(event_target_value(&ev))/>
                </div>
                <RubricChoice id="kk-new-rubric" label="Version av Kommunkompassen" value=rubric/>
                <Show when=move || error.get().is_some()>
                    <p class="kk-error" role="alert">{move || error.get()}</p>
                </Show>
                <button type="submit" class="kk-button kk-primary">"Skapa och börja svara"</button>
            </form>
        </section>
    }
}

/// Stored entries that could not be read: kept, offered for download, removable.
#[component]
fn UnreadableEntries() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Show when=move || state.with(|w| !w.unreadable().is_empty())>
            <section class="kk-alert kk-warning" aria-labelledby="kk-unreadable-h">
                <h2 id="kk-unreadable-h">"En sparad självskattning kunde inte läsas"</h2>
                <p>
                    "Något i webbläsarens lagring är skadat. Resten fungerar som vanligt och den skadade posten "
                    "ligger kvar orörd. Ladda ner den som fil och spara den, så kan den som ansvarar för "
                    "verktyget försöka rädda innehållet."
                </p>
                <ul>
                    <For each=move || state.with(|w| w.unreadable().to_vec()) key=|u| u.key.clone() let:entry>
                        <li>
                            {format!("Post {} – {}. ", entry.key, entry.reason)}
                            <button type="button" class="kk-button kk-small" on:click={
                                let raw = entry.raw.clone();
                                move |_| save_file::offer(state, "kommunkompass-skadad-post.txt".into(), "text/plain", &raw)
                            }>"Ladda ner innehållet"</button>
                            <button type="button" class="kk-button kk-small kk-danger" on:click={
                                let key = entry.key.clone();
                                move |_| state.change(Change::RemoveUnreadable(key.clone()))
                            }>"Ta bort posten"</button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// "Rensa all data på den här datorn", with a confirmation that says what is lost.
#[component]
fn ClearAll() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let count = move || state.with(|w| w.count());
    let clear_button = FocusTarget::<leptos::html::Button>::new();
    let confirm_button = FocusTarget::<leptos::html::Button>::new();
    let cancel = move || {
        clear_button.arm();
        confirming.set(false);
    };
    view! {
        <section aria-labelledby="kk-clear-h" class="kk-card">
            <h2 id="kk-clear-h">"Använder du en delad dator?"</h2>
            <p>"Ta bort allt som verktyget har sparat i den här webbläsaren när ni är klara."</p>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="kk-button kk-danger" node_ref=clear_button.node() on:click=move |_| {
                    confirm_button.arm();
                    confirming.set(true);
                }>"Rensa all data på den här datorn"</button>
            }>
                <div class="kk-alert kk-warning" role="alert" on:keydown=on_escape(cancel)>
                    <p>{move || format!("Alla {} självskattningar i den här webbläsaren tas bort för gott, med svar, kommentarer och underlag. Spara dem som filer först om ni vill behålla dem.", count())}</p>
                    <button type="button" class="kk-button kk-danger" node_ref=confirm_button.node() on:click=move |_| {
                        state.change(Change::Clear);
                        confirming.set(false);
                        focus_main_heading();
                    }>"Ja, rensa allt"</button>
                    <button type="button" class="kk-button" on:click=move |_| cancel()>"Avbryt"</button>
                </div>
            </Show>
        </section>
    }
}
