//! Views that need the rubric data the build does not embed (the current rubric's texts, older
//! versions, references, mappings, website checks): they start the fetch (`AppState::load_data`) and show "Hämtar …"
//! until it has arrived, then their content; a failed fetch says what happened in Swedish, that
//! the answers are untouched, and offers "Försök igen". Answers are never read or written here.

use leptos::prelude::*;

use crate::domain::catalog::LoadError;
use crate::state::{AppState, DataLoad};
use crate::ui::focus::focus_navigation_target;
use crate::ui::page::set_title;

/// A whole page that needs the fetched data: its children once the data is here; until then a
/// page of its own (heading, "Hämtar …" or the failure with "Försök igen").
#[component]
pub fn NeedsData(children: ChildrenFn) -> impl IntoView {
    let state = AppState::expect();
    state.load_data();
    // The heading the user was put on goes when the content comes: put them on the new one.
    let waited = StoredValue::new(false);
    move || match state.data() {
        DataLoad::Ready => {
            if waited.get_value() {
                focus_navigation_target();
            }
            children().into_any()
        }
        DataLoad::Failed(error) => {
            waited.set_value(true);
            set_title("Uppgifterna kunde inte hämtas");
            view! {
                <h1 tabindex="-1">"Uppgifterna kunde inte hämtas"</h1>
                <Failure error=error/>
            }
            .into_any()
        }
        DataLoad::Idle | DataLoad::Loading => {
            waited.set_value(true);
            set_title("Hämtar uppgifter");
            view! {
                <h1 tabindex="-1" class="kk-data-wait">"Hämtar uppgifter …"</h1>
                <p role="status" class="kk-hint">"Hämtar kriterierna och jämförelseuppgifterna."</p>
            }
            .into_any()
        }
    }
}

/// Within a page (the start page's list): where the fetched data stands, when it is not here.
/// Does not start the fetch; the page decides when it needs it.
#[component]
pub fn DataStatus() -> impl IntoView {
    let state = AppState::expect();
    move || match state.data() {
        DataLoad::Ready | DataLoad::Idle => None,
        DataLoad::Loading => Some(
            view! { <p role="status" class="kk-hint">"Hämtar de äldre versionerna av kriterierna …"</p> }.into_any(),
        ),
        DataLoad::Failed(error) => Some(view! { <Failure error=error/> }.into_any()),
    }
}

/// What went wrong, that nothing is lost, and "Försök igen".
#[component]
fn Failure(error: LoadError) -> impl IntoView {
    let state = AppState::expect();
    let retry = move |_| state.load_data();
    view! {
        <div class="kk-alert kk-warning" role="alert" data-testid="data-failed">
            <p><strong>"Uppgifterna som behövs här kunde inte hämtas."</strong>" "{error.to_string()}</p>
            <p>"Era svar påverkas inte: de finns kvar i webbläsaren. Försök igen, eller kom tillbaka när datorn har kontakt med nätverket."</p>
            <button type="button" class="kk-button" on:click=retry>"Försök igen"</button>
        </div>
    }
}
