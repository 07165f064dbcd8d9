//! The status area under the header: when answers were last saved, warnings when the browser
//! cannot store them, and notices such as merged changes from another tab or an undo. What it
//! says comes from the workspace ([`SaveError`] and [`Notice`] texts).

use leptos::prelude::*;

use crate::adapters::clock;
use crate::state::AppState;
use crate::ui::evidence::edit_button_id;
use crate::ui::focus::{FocusTarget, focus_id_next_frame, focus_main_heading};
use crate::ui::save_file;
use crate::workspace::{Change, Notice, SaveError, SaveStatus};

/// Save status, storage warnings and the latest notice.
#[component]
pub fn StatusArea() -> impl IntoView {
    let state = AppState::expect();
    let saved = Memo::new(move |_| match state.with(|w| w.status().clone()) {
        SaveStatus::Saved(at) => Some(at),
        _ => None,
    });
    let saved_text = move || saved.get().map(|at| format!("Sparat {}", clock::time_of_day(at))).unwrap_or_default();
    let warning = Memo::new(move |_| state.with(|w| w.warning()));
    let notice = Memo::new(move |_| state.with(|w| w.notice().cloned()));
    view! {
        <div class="kk-status">
            <p class="kk-saved" role="status" aria-live="polite" data-testid="save-status">{saved_text}</p>
            {move || warning.get().map(|e| view! { <StorageWarning error=e/> })}
            <div role="status" aria-live="polite">{move || notice.get().map(|n| view! { <NoticeView notice=n/> })}</div>
        </div>
    }
}

/// Warning when answers cannot be stored in the browser.
#[component]
fn StorageWarning(
    /// What went wrong.
    error: SaveError,
) -> impl IntoView {
    let state = AppState::expect();
    let newer = error == SaveError::NewerVersion;
    let lead = if newer { "Den här fliken sparar inte längre. " } else { "Svaren är inte sparade i webbläsaren. " };
    let advice = if newer {
        "Gör så här: spara som fil nu. Ladda sedan om sidan, så får ni den nya versionen, och öppna filen från startsidan med ”Slå ihop” – då kommer ändringarna härifrån med."
    } else {
        "Gör så här: spara som fil nu, så förlorar ni ingenting. Frigör sedan utrymme (ta bort gamla självskattningar) eller tillåt lagring, och välj ”Försök spara igen”."
    };
    let save_files = move |_| {
        state.with_untracked(|w| {
            for a in w.to_save_as_files() {
                save_file::save_assessment(state, a);
            }
            if let Some(x) = w.workshop_to_save_as_file() {
                crate::ui::save_workshop::save_workshop(state, x);
            }
        })
    };
    view! {
        <div class="kk-alert kk-error-box" role="alert" data-testid="storage-warning">
            <p><strong>{lead}</strong>{error.to_string()}</p>
            <p>{advice}</p>
            <button type="button" class="kk-button kk-primary" on:click=save_files>"Spara som fil"</button>
            {if newer {
                // A reload the browser refuses leaves the page as it is, with this warning still shown.
                let reload = move |_| { let _ = window().location().reload(); };
                view! { <button type="button" class="kk-button" on:click=reload>"Ladda om sidan"</button> }.into_any()
            } else {
                view! { <button type="button" class="kk-button" on:click=move |_| state.change(Change::Retry)>"Försök spara igen"</button> }.into_any()
            }}
        </div>
    }
}

/// One notice.
#[component]
fn NoticeView(
    /// The notice.
    notice: Notice,
) -> impl IntoView {
    let state = AppState::expect();
    // After an undoable deletion the control the user was on is gone: focus goes to "Ångra", and
    // after undoing, to what came back (the restored action) or to the page heading.
    let undo_button = FocusTarget::<leptos::html::Button>::on_mount();
    let restored_focus = match &notice {
        Notice::ActionDeleted { action, .. } => Some(format!("kk-act-{action}-what")),
        Notice::ItemDeleted { question, item, .. } => Some(edit_button_id(question, item)),
        _ => None,
    };
    let undo = move |_| {
        state.change(Change::Undo);
        match restored_focus.clone() {
            Some(id) => focus_id_next_frame(id),
            None => focus_main_heading(),
        }
    };
    view! {
        <p class="kk-notice">
            {notice.text()}" "
            {notice.can_undo().then(|| view! {
                <button type="button" class="kk-button kk-small" node_ref=undo_button.node() on:click=undo.clone()>"Ångra"</button>
            })}
            <button type="button" class="kk-button kk-small" on:click=move |_| state.change(Change::Dismiss)>"Stäng"</button>
        </p>
    }
}
