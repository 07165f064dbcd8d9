//! Adding participants' files to the open workshop: many at once with the file dialog, or dropped
//! anywhere on the page. Every file is checked exactly like an ordinary import
//! (`workshop::open_file`); what happened to each — added, or not added and why — is shown by
//! file name, and a bad file never stops the others.

use leptos::prelude::*;

use crate::adapters::files;
use crate::domain::assessment::Assessment;
use crate::domain::error::ImportError;
use crate::domain::import::check_size;
use crate::domain::rubric::Rubric;
use crate::domain::workshop::{AddError, open_file};
use crate::state::AppState;
use crate::ui::workshop_open::OpenWorkshop;
use crate::workspace::WorkshopChange;

/// The file input; focus returns here when a participant is removed.
pub const INPUT_ID: &str = "kk-workshop-files";

/// Reads the chosen files (refusing those over the size limit before reading), then opens each
/// one. A mark `kk-workshop-files-read` is set when every file has been read (the benchmark
/// measures from there).
async fn open_all(chosen: Vec<web_sys::File>, rubrics: &[Rubric]) -> Vec<(String, Result<Assessment, AddError>)> {
    let mut read = Vec::with_capacity(chosen.len());
    for file in chosen {
        let bytes = match check_size(file.size() as u64) {
            Err(too_large) => Err(AddError::Invalid(ImportError::from(too_large))),
            Ok(()) => files::read_bytes(&file).await.map_err(|_| AddError::Unreadable),
        };
        read.push((file.name(), bytes));
    }
    if let Some(p) = window().performance() {
        let _ = p.mark("kk-workshop-files-read");
    }
    read.into_iter().map(|(name, bytes)| (name, bytes.and_then(|b| open_file(&b, rubrics)))).collect()
}

fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// The file input (several files at once), the drop target (the whole page while this is shown)
/// and what happened to the files last added.
#[component]
pub fn AddFiles() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let state = AppState::expect();
    let busy = RwSignal::new(false);
    let add = move |chosen: Vec<web_sys::File>| {
        if chosen.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let opened = open_all(chosen, &state.catalog().rubrics).await;
            open.change(WorkshopChange::Add(opened));
            busy.set(false);
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = list(input.files());
        input.set_value("");
        add(chosen);
    };
    // Files dragged from the file manager may be dropped anywhere on the page.
    let over = window_event_listener(leptos::ev::dragover, |ev: web_sys::DragEvent| ev.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        add(list(ev.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    let id = open.id();
    let report = Memo::new(move |_| state.with(|w| w.added_report(&id).cloned()));
    view! {
        <div class="kk-dropzone">
            <label for=INPUT_ID class="kk-file-label">"Lägg till deltagarnas filer (.json)"</label>
            <span class="kk-hint" id="kk-workshop-files-hint">
                "Välj alla filer på en gång, eller dra dem hit och släpp dem var som helst på sidan. Varje fil kontrolleras som när en självskattning öppnas; filer som inte går att använda räknas upp med skälet, och de andra läggs till."
            </span>
            <input id=INPUT_ID type="file" multiple accept=".json,application/json" aria-describedby="kk-workshop-files-hint" on:change=on_change/>
            <Show when=move || busy.get()>
                <p class="kk-hint" role="status">"Läser filerna …"</p>
            </Show>
        </div>
        {move || report.get().map(|r| {
            let added = (!r.added.is_empty()).then(|| {
                let text = if r.added.len() == 1 {
                    "1 deltagare lades till.".to_string()
                } else {
                    format!("{} deltagare lades till.", r.added.len())
                };
                view! { <p role="status" data-testid="added">{text}</p> }
            });
            let rejected = (!r.rejected.is_empty()).then(|| {
                let items = r.rejected.iter().map(|(name, e)| view! { <li>{e.message(name)}</li> }).collect_view();
                view! {
                    <div class="kk-alert kk-warning" role="alert" data-testid="rejected">
                        <p><strong>{format!("{} av filerna lades inte till:", r.rejected.len())}</strong></p>
                        <ul>{items}</ul>
                    </div>
                }
            });
            view! { {added}{rejected} }
        })}
    }
}
