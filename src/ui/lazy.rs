//! Pages whose code is loaded when they are first shown, so that the start page does not wait
//! for it. In release builds (feature `split`, scripts/build-wasm.mjs) each function that
//! [`lazy_page!`] defines (in `app`) is a split point: wasm-split-cli moves the page and whatever only it needs into a WebAssembly chunk
//! of its own, and code shared by several of them into shared chunks. Without the feature (tests,
//! `trunk serve`) they are ordinary async functions in the one module.
//!
//! [`Lazy`] shows such a page: "Laddar …" while its chunk loads, and if the chunk cannot be
//! loaded (offline before the service worker has it, a new version deployed meanwhile) a
//! message with "Försök igen", which loads it anew.

use leptos::prelude::*;

use crate::ui::focus;

/// A page's chunk could not be loaded.
pub type LoadError = leptos::wasm_split::SplitLoaderError;

/// `lazy_page!(fn_name, chunk_name, Page)` (used by `app`, which alone names the pages):
/// `async fn fn_name() -> Result<AnyView, LoadError>` builds `<Page/>`; with the feature `split`
/// its code goes into the chunk `chunk_name`.
macro_rules! lazy_page {
    ($name:ident, $chunk:ident, $page:ident) => {
        #[doc = concat!("`<", stringify!($page), "/>`, once its code has been loaded.")]
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<::leptos::prelude::AnyView, $crate::ui::lazy::LoadError> {
            Ok(::leptos::prelude::IntoAny::into_any(::leptos::view! { <$page/> }))
        }
        #[doc = concat!("`<", stringify!($page), "/>` (in release builds its code is loaded when first shown).")]
        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<::leptos::prelude::AnyView, $crate::ui::lazy::LoadError> {
            Ok(::leptos::prelude::IntoAny::into_any(::leptos::view! { <$page/> }))
        }
    };
}
pub(crate) use lazy_page;

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
