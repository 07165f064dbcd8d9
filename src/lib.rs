//! Kommunkompass självskattning: a client-side app in which a municipality assesses itself
//! against SKR's Kommunkompassen. See ARCHITECTURE.md for the map.
//!
//! `domain` is pure and `workspace` (the state behind one door, over a storage trait) is free of
//! Leptos and the browser: both compile and are tested natively. The browser parts compile only
//! for wasm32.

pub mod charts;
pub mod domain;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Installs the panic screen and mounts the app into its host element.
///
/// Start-up runs as a few short tasks instead of one long one: the first touch of localStorage and
/// mounting each hand the main thread back to the browser first (and the start page draws its
/// lower sections in tasks of their own, `ui::deferred`).
/// On a slow phone one long start-up task blocks every tap for several hundred milliseconds; the
/// served start page stays on screen meanwhile, so splitting it changes nothing the user sees.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    adapters::panic_screen::install();
    let Some(host) = adapters::panic_screen::host_element() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        adapters::tasks::next_task().await;
        adapters::storage::warm_up();
        adapters::tasks::next_task().await;
        if host.id() == "kommunkompass" {
            // Remove the served start page and its "Laddar…" text: the app shows the same.
            host.set_inner_html("");
        }
        leptos::mount::mount_to(host, app::App).forget();
    });
}
