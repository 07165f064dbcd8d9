//! The root component: state and context, the browser events that reach the workspace (another
//! tab's `storage` event; the page being hidden, left or restored), layout and routes.

use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::adapters::base::href;
use crate::state::AppState;
use crate::ui::data::NeedsData;
use crate::ui::lazy::{Lazy, lazy_page};
use crate::ui::open::{AssessmentRoute, ToFirstArea};
use crate::ui::pages::{
    area::AreaPage, evidence_list::EvidenceListPage, not_found::NotFound, prepare::PreparePage,
    presentation::PresentationPage, report::ReportPage, results::ResultsPage, rubric::RubricPage, start::StartPage,
    timeline::TimelinePage, workshop::WorkshopPage, workshop_area::WorkshopAreaPage,
};
use crate::ui::status::StatusArea;
use crate::ui::update_banner::UpdateBanner;
use crate::ui::workshop_open::WorkshopRoute;
use crate::workspace::Change;

// Every page but the start page (and "not found") is loaded when first shown (ui::lazy): the
// start page, the first view, does not wait for their code.
lazy_page!(rubric_page, rubric, RubricPage);
lazy_page!(area_page, area, AreaPage);
lazy_page!(results_page, results, ResultsPage);
lazy_page!(report_page, report, ReportPage);
lazy_page!(prepare_page, prepare, PreparePage);
lazy_page!(evidence_list_page, evidence_list, EvidenceListPage);
lazy_page!(timeline_page, timeline, TimelinePage);
lazy_page!(workshop_page, workshop, WorkshopPage);
lazy_page!(workshop_area_page, workshop_area, WorkshopAreaPage);
lazy_page!(presentation_page, presentation, PresentationPage);

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);

    // Another tab saved: merge its copy so that neither tab's answers are lost.
    let storage = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        state.change(match ev.key() {
            Some(key) => Change::StorageEvent { key, value: ev.new_value() },
            // Another tab cleared the whole storage.
            None => Change::Resync,
        });
    });
    // Typed text is written before the page may be frozen, discarded or closed.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            state.flush();
        }
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    // Back from the back/forward cache: storage events were missed meanwhile.
    let back = window_event_listener(leptos::ev::pageshow, move |ev: web_sys::PageTransitionEvent| {
        if ev.persisted() {
            state.change(Change::Resync);
        }
    });
    on_cleanup(move || {
        storage.remove();
        hidden.remove();
        leaving.remove();
        back.remove();
    });

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
                        // The start page works with what the build embeds; /kriterier and everything under an
                        // assessment or a workshop fetch the rest of the rubric data first (ui::data:
                        // here, in AssessmentRoute and in WorkshopRoute), and their pages' code (ui::lazy).
                        <Route path=path!("/kriterier") view=|| view! { <NeedsData><Lazy load=rubric_page/></NeedsData> }/>
                        <Route path=path!("/kriterier/:version") view=|| view! { <NeedsData><Lazy load=rubric_page/></NeedsData> }/>
                        <ParentRoute path=path!("/bedomning/:id") view=AssessmentRoute>
                            <Route path=path!("") view=ToFirstArea/>
                            <Route path=path!("omrade/:area") view=|| view! { <Lazy load=area_page/> }/>
                            <Route path=path!("resultat") view=|| view! { <Lazy load=results_page/> }/>
                            <Route path=path!("rapport") view=|| view! { <Lazy load=report_page/> }/>
                            <Route path=path!("forbered") view=|| view! { <Lazy load=prepare_page/> }/>
                            <Route path=path!("underlag") view=|| view! { <Lazy load=evidence_list_page/> }/>
                            <Route path=path!("tidsplan") view=|| view! { <Lazy load=timeline_page/> }/>
                        </ParentRoute>
                        <ParentRoute path=path!("/workshop/:id") view=WorkshopRoute>
                            <Route path=path!("") view=|| view! { <Lazy load=workshop_page/> }/>
                            <Route path=path!("omrade/:area") view=|| view! { <Lazy load=workshop_area_page/> }/>
                            <Route path=path!("presentation") view=|| view! { <Lazy load=presentation_page/> }/>
                        </ParentRoute>
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
        crate::ui::focus::focus_navigation_target();
    });
}
