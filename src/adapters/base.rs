//! Where the app lives, so that it works from any path (`https://intranat.kommun.se/styrning/kommunkompassen/`).
//!
//! - **Files** (ECharts, the service worker) are next to the app's own JavaScript module, whose
//!   address `import.meta.url` already carries Trunk's `public_url`: nothing to configure.
//! - **Routes** live under the same path, unless the element the app mounts into says otherwise
//!   with `data-base` (a widget on an intranet page at another address than the files).
//!
//! Router links and `navigate` are given paths like `/bedomning/…`; [`href`] puts the route base
//! in front for `<A href>` (leptos_router prefixes only `navigate`, not absolute link targets).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `import.meta.url` of the wasm-bindgen module (`…/kommunkompass-<hash>.js`).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

thread_local! {
    static ASSET_BASE: String = MODULE_URL.with(|url| directory_of(url));
    static ROUTE_BASE: String = route_base_from_host().unwrap_or_else(|| ASSET_BASE.with(|b| trim_slash(b)));
}

/// The directory part of a URL's path, with its trailing slash: `https://h/a/b/x.js` → `/a/b/`.
fn directory_of(url: &str) -> String {
    let path = web_sys::Url::new(url).map(|u| u.pathname()).unwrap_or_else(|_| "/".into());
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => "/".into(),
    }
}

/// `/a/b/` → `/a/b`; `/` → `` (leptos_router's form of a base).
fn trim_slash(path: &str) -> String {
    path.trim_end_matches('/').to_string()
}

/// The `data-base` of the host element, when a page that embeds the app sets one.
fn route_base_from_host() -> Option<String> {
    let base = crate::adapters::panic_screen::host_element()?.get_attribute("data-base")?;
    let base = base.trim();
    (!base.is_empty()).then(|| trim_slash(&format!("/{}", base.trim_start_matches('/'))))
}

/// The path the app's files are served from, ending in `/` (`/` at the root of a host).
pub fn asset_base() -> String {
    ASSET_BASE.with(String::clone)
}

/// The address of one of the app's own files, e.g. `asset("sw.js")`.
pub fn asset(file: &str) -> String {
    format!("{}{}", asset_base(), file.trim_start_matches('/'))
}

/// The route base for leptos_router: `/styrning/kommunkompassen`, or empty at the root.
pub fn route_base() -> String {
    ROUTE_BASE.with(String::clone)
}

/// A link target for an app route given from the app's root: `href("/kriterier")`.
pub fn href(route: &str) -> String {
    let base = route_base();
    if route == "/" && !base.is_empty() { format!("{base}/") } else { format!("{base}{route}") }
}
