//! The status area under the header: when answers were last saved, warnings when the browser
//! cannot store them, and notices such as merged changes from another tab or an undo.

use leptos::prelude::*;

use crate::adapters::{clock, storage::SaveError};
use crate::state::{AppState, Notice, SaveStatus};
use crate::ui::focus::{FocusTarget, focus_id_next_frame, focus_main_heading};

/// Save status, storage warnings and the latest notice.
#[component]
pub fn StatusArea() -> impl IntoView {
    let state = AppState::expect();
    let saved_text = move || match state.save_status.get() {
        SaveStatus::Saved(at) => format!("Sparat {}", clock::time_of_day(at)),
        _ => String::new(),
    };
    let failure = move || match state.save_status.get() {
        SaveStatus::Failed(e) => Some(e),
        _ if !state.storage_available.get() => Some(SaveError::Unavailable),
        _ => None,
    };
    view! {
        <div class="kk-status">
            <p class="kk-saved" role="status" aria-live="polite" data-testid="save-status">{saved_text}</p>
            {move || failure().map(|e| view! { <StorageWarning error=e/> })}
            <div role="status" aria-live="polite">{move || state.notice.get().map(|n| view! { <NoticeView notice=n/> })}</div>
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
    let text = match &error {
        SaveError::Full => {
            "Webbläsarens lagring är full, så de senaste ändringarna är inte sparade. De finns kvar i det här fönstret så länge det är öppet."
        }
        SaveError::Unavailable => {
            "Webbläsaren tillåter inte att verktyget sparar något (till exempel i privat läge eller genom en inställning). Svaren finns bara i det här fönstret och försvinner när det stängs."
        }
        SaveError::NewerVersion => {
            "En nyare version av verktyget har sparat den här självskattningen i en annan flik. Den här fliken har en äldre version och skriver därför inte över det som sparats där. Ändringar som gjorts här finns kvar i det här fönstret så länge det är öppet."
        }
        SaveError::Other(_) => {
            "De senaste ändringarna kunde inte sparas i webbläsaren. De finns kvar i det här fönstret så länge det är öppet."
        }
    };
    let newer = error == SaveError::NewerVersion;
    let lead = if newer { "Den här fliken sparar inte längre. " } else { "Svaren är inte sparade i webbläsaren. " };
    let advice = if newer {
        "Gör så här: spara som fil nu. Ladda sedan om sidan, så får ni den nya versionen, och öppna filen från startsidan med ”Slå ihop” – då kommer ändringarna härifrån med."
    } else {
        "Gör så här: spara som fil nu, så förlorar ni ingenting. Frigör sedan utrymme (ta bort gamla självskattningar) eller tillåt lagring, och välj ”Försök spara igen”."
    };
    let open_id = move || {
        let path = crate::adapters::base::route_of(&leptos_router::hooks::use_location().pathname.get_untracked());
        path.strip_prefix("/bedomning/").map(|rest| rest.split('/').next().unwrap_or_default().to_string())
    };
    let save_files = move |_| {
        let wanted = open_id();
        for a in state.assessments.get_untracked() {
            if wanted.as_deref().is_none_or(|id| id == a.id) {
                crate::ui::start::save_to_file(&a);
            }
        }
    };
    view! {
        <div class="kk-alert kk-error-box" role="alert" data-testid="storage-warning">
            <p><strong>{lead}</strong>{text}</p>
            <p>{advice}</p>
            <button type="button" class="kk-button kk-primary" on:click=save_files>"Spara som fil"</button>
            {if newer {
                view! { <button type="button" class="kk-button" on:click=move |_| { let _ = window().location().reload(); }>"Ladda om sidan"</button> }.into_any()
            } else {
                view! { <button type="button" class="kk-button" on:click=move |_| state.retry_save()>"Försök spara igen"</button> }.into_any()
            }}
            {match error { SaveError::Other(msg) => Some(view! { <p class="kk-hint">{format!("Webbläsarens felmeddelande: {msg}")}</p> }), _ => None }}
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
    let dismiss = move |_| state.notice.set(None);
    // After an undoable deletion the control the user was on is gone: focus goes to "Ångra", and
    // after undoing, to what came back (the restored action) or to the page heading.
    let undo_button = FocusTarget::<leptos::html::Button>::on_mount();
    let restored_focus = match &notice {
        Notice::ActionDeleted { action, .. } => Some(format!("kk-act-{action}-what")),
        _ => None,
    };
    let undo = move |_| {
        state.undo_delete();
        match restored_focus.clone() {
            Some(id) => focus_id_next_frame(id),
            None => focus_main_heading(),
        }
    };
    let (text, can_undo) = match notice {
        Notice::Deleted(a) => (format!("”{}” togs bort.", a.name), true),
        Notice::MergedFromOtherTab(name) => (
            format!("”{name}” ändrades i en annan flik. Ändringarna har lagts till här; inga svar har gått förlorade."),
            false,
        ),
        Notice::DeletedInOtherTab(name) => (format!("”{name}” togs bort i en annan flik."), false),
        Notice::Imported(name) => (format!("”{name}” öppnades från fil och finns nu i listan."), false),
        Notice::Merged(name) => {
            (format!("Filen har slagits ihop med ”{name}”; för varje svar gäller nu den senaste ändringen."), false)
        }
        Notice::ActionDeleted { what, .. } if what.trim().is_empty() => ("Åtgärden togs bort.".to_string(), true),
        Notice::ActionDeleted { what, .. } => (format!("Åtgärden ”{}” togs bort.", what.trim()), true),
    };
    view! {
        <p class="kk-notice">
            {text}" "
            {can_undo.then(|| view! {
                <button type="button" class="kk-button kk-small" node_ref=undo_button.node() on:click=undo.clone()>"Ångra"</button>
            })}
            <button type="button" class="kk-button kk-small" on:click=dismiss>"Stäng"</button>
        </p>
    }
}
