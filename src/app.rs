//! The root component: state and context, the storage listener, layout and routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::adapters::base::href;
use crate::domain::catalog::Catalog;
use crate::state::AppState;
use crate::ui::{
    assessment::AssessmentPage, not_found::NotFound, report::ReportPage, results::ResultsPage, rubric_view::RubricPage,
    start::StartPage, status::StatusArea, update_banner::UpdateBanner,
};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(Catalog::embedded());
    provide_context(state);

    // Another tab saved: merge its copy so that neither tab's answers are lost.
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            state.on_storage_event(&key, ev.new_value());
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <Router base=crate::adapters::base::route_base()>
            <div class="kk-app">
                <a class="kk-skip" href="#kk-main">"Hoppa till innehållet"</a>
                <header class="kk-header">
                    <A href=href("/") attr:class="kk-brand">"Kommunkompass – självskattning"</A>
                    <nav aria-label="Huvudmeny" class="kk-topnav">
                        <A href=href("/") exact=true>"Mina självskattningar"</A>
                        <A href=href("/kriterier")>"Kriterierna"</A>
                    </nav>
                </header>
                <StatusArea/>
                <UpdateBanner/>
                <main id="kk-main" class="kk-main" tabindex="-1">
                    <FocusOnNavigate/>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=StartPage/>
                        <Route path=path!("/kriterier") view=RubricPage/>
                        <Route path=path!("/kriterier/:version") view=RubricPage/>
                        <Route path=path!("/bedomning/:id") view=AssessmentPage/>
                        <Route path=path!("/bedomning/:id/omrade/:area") view=AssessmentPage/>
                        <Route path=path!("/bedomning/:id/resultat") view=ResultsPage/>
                        <Route path=path!("/bedomning/:id/rapport") view=ReportPage/>
                    </Routes>
                </main>
                <footer class="kk-footer">
                    <p>
                        "Sparas bara i den här webbläsaren — ingenting skickas någonstans. "
                        "Verktyget är fristående och inte en officiell utvärdering från SKR."
                    </p>
                </footer>
            </div>
        </Router>
    }
}

/// Moves keyboard focus to the new page's heading after navigation, so screen reader and
/// keyboard users start at the top of the new content.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _path = location.pathname.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        crate::ui::focus::focus_main_heading();
    });
}

/// Sets the document title for a page.
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} – Kommunkompass självskattning"));
}
