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
#[cfg(target_arch = "wasm32")]
pub fn start() {
    adapters::panic_screen::install();
    let Some(host) = adapters::panic_screen::host_element() else { return };
    if host.id() == "kommunkompass" {
        // Remove the static "Laddar…" text that shows until the app is ready.
        host.set_inner_html("");
    }
    leptos::mount::mount_to(host, app::App).forget();
}
