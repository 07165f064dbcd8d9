//! Pages whose code is loaded when they are first shown, so that the start page does not wait
//! for it. In release builds (feature `split`, scripts/build-wasm.mjs) each function below is a
//! split point: wasm-split-cli moves the page and whatever only it needs into a WebAssembly chunk
//! of its own, and code shared by several of them into shared chunks. Without the feature (tests,
//! `trunk serve`) they are ordinary async functions in the one module.
//!
//! [`Lazy`] shows such a page: "Laddar …" while its chunk loads, and if the chunk cannot be
//! loaded (offline before the service worker has it, a new version deployed meanwhile) a
//! message with "Försök igen", which loads it anew.

use leptos::prelude::*;

use crate::ui::focus;
use crate::ui::pages::{
    area::AreaPage, evidence_list::EvidenceListPage, prepare::PreparePage, presentation::PresentationPage,
    report::ReportPage, results::ResultsPage, rubric::RubricPage, timeline::TimelinePage, workshop::WorkshopPage,
    workshop_area::WorkshopAreaPage,
};

/// A page's chunk could not be loaded.
pub type LoadError = leptos::wasm_split::SplitLoaderError;

/// `lazy_page!(fn_name, chunk_name, Page)`: `async fn fn_name() -> Result<AnyView, LoadError>`
/// builds `<Page/>`, its code in the chunk `chunk_name` when split.
macro_rules! lazy_page {
    ($name:ident, $chunk:ident, $page:ident) => {
        #[doc = concat!("`<", stringify!($page), "/>`, once its code has been loaded.")]
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<AnyView, LoadError> {
            Ok(view! { <$page/> }.into_any())
        }
        #[doc = concat!("`<", stringify!($page), "/>` (in release builds its code is loaded when first shown).")]
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<AnyView, LoadError> {
            Ok(view! { <$page/> }.into_any())
        }
    };
}

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

/// Shows the page `load` builds once its code is there (at once when it already is).
#[component]
pub fn Lazy<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, LoadError>> + 'static,
{
    // "Försök igen" counts up, which runs the load again.
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <p class="kk-page-loading">"Laddar sidan …"</p> }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let page = send_wrapper::SendWrapper::new(load()).await;
                    focus::page_arrived();
                    match page {
                        Ok(page) => page,
                        Err(_) => view! { <LoadFailed retry=move || attempt.update(|n| *n += 1)/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The page's code could not be loaded.
#[component]
fn LoadFailed(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="kk-load-failed" role="alert">
            <h1>"Sidan kunde inte laddas"</h1>
            <p>
                "Den här delen av verktyget hämtas när den behövs, och det gick inte nu. "
                "Kontrollera anslutningen och försök igen. Dina sparade svar är kvar i webbläsaren. "
                "Hjälper det inte, ladda om sidan: verktyget kan ha uppdaterats under tiden."
            </p>
            <p>
                <button type="button" class="kk-button" on:click=move |_| retry()>"Försök igen"</button>
            </p>
        </div>
    }
}
