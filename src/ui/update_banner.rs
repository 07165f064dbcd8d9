//! "En ny version finns – ladda om": shown when a newer version of the app has been deployed
//! while this tab is open (see `adapters::service_worker`). It never takes focus and never
//! reloads by itself, so nobody loses what they are typing; the user reloads when it suits them.

use leptos::prelude::*;

use crate::adapters::service_worker;

/// The banner; mounted once, under the save status.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let available = RwSignal::new(false);
    service_worker::start(move || available.set(true));
    view! {
        <div role="status" aria-live="polite" class="kk-update-slot">
            <Show when=move || available.get()>
                <p class="kk-alert kk-update" data-testid="new-version">
                    <strong>"En ny version finns – ladda om"</strong>
                    " när det passar. Allt som är sparat finns kvar efter omladdningen."
                    " "
                    <button type="button" class="kk-button kk-small" on:click=move |_| service_worker::reload_into_new_version()>
                        "Ladda om"
                    </button>
                </p>
            </Show>
        </div>
    }
}
