//! The service worker (`sw.js`, written by `scripts/post-build.mjs`): registers it once the page
//! has loaded, and tells the app when a newer version of the app is ready. It never reloads the
//! page by itself: the user decides, through the banner in `ui::update_banner`.
//!
//! - The page registers `<files>/sw.js` with the files' directory as scope. On an intranet page
//!   that embeds the app (no `data-kk-shell` on the host element) it registers `sw.js?sida=vard`,
//!   so that the worker leaves that page's HTML to the network (it only falls back to its copy
//!   when offline) instead of answering with the app's own `index.html`.
//! - A new version is "ready" when a new worker has installed (its files are cached) while this
//!   page is controlled by an older one, or when another tab switched to it under this page.
//! - [`reload_into_new_version`] asks the waiting worker to take over and reloads this tab once it
//!   has; every answer is already in localStorage (saved on each change).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the server whether a new version exists (also on becoming visible).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;
/// Waiting time after the page's `load` before registering, so that the worker's own downloads
/// never compete with the first view.
const REGISTER_AFTER_LOAD_MS: i32 = 1_000;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Not offered outside secure contexts (http to a host other than localhost) and in some
    // private modes: the app then simply works online.
    if !Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    let sw = Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!sw.is_undefined() && !sw.is_null()).then(|| sw.unchecked_into())
}

/// True when the page is the app's own `index.html` (its host element carries `data-kk-shell`).
fn is_own_page() -> bool {
    crate::adapters::panic_screen::host_element().is_some_and(|h| h.has_attribute("data-kk-shell"))
}

/// Registers the service worker after the page has loaded; `on_new_version` is called (once or
/// more) when a newer version is ready to be used.
pub fn start(on_new_version: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let Some(window) = web_sys::window() else { return };
    let scope = super::base::asset_base();
    let path = window.location().pathname().unwrap_or_default();
    if !path.starts_with(&scope) {
        // A page outside the worker's reach (an intranet page elsewhere that embeds the app).
        return;
    }
    let on_new_version: Rc<dyn Fn()> = Rc::new(on_new_version);
    let had_controller = container.controller().is_some();

    // Another tab let a new worker take over: this page still runs the older app.
    {
        let notify = on_new_version.clone();
        let cb = Closure::<dyn Fn()>::new(move || {
            if RELOAD_REQUESTED.get() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else if had_controller {
                notify();
            }
        });
        container.set_oncontrollerchange(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
    }

    let register = {
        let container = container.clone();
        Closure::once(move || {
            let script =
                if is_own_page() { super::base::asset("sw.js") } else { super::base::asset("sw.js?sida=vard") };
            let options = web_sys::RegistrationOptions::new();
            options.set_scope(&scope);
            let promise = container.register_with_options(&script, &options);
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(reg) => watch(reg.unchecked_into(), on_new_version),
                    Err(e) => leptos::logging::warn!("Service worker kunde inte registreras: {e:?}"),
                }
            });
        })
    };
    let document_ready = window.document().is_some_and(|d| d.ready_state() == "complete");
    let delayed = Closure::once(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                register.as_ref().unchecked_ref(),
                REGISTER_AFTER_LOAD_MS,
            );
        }
        register.forget();
    });
    if document_ready {
        let _ = delayed.as_ref().unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL);
    } else {
        let _ = window.add_event_listener_with_callback("load", delayed.as_ref().unchecked_ref());
    }
    delayed.forget();
}

/// Watches a registration for a newer worker, and checks for one now and then.
fn watch(reg: ServiceWorkerRegistration, on_new_version: Rc<dyn Fn()>) {
    // A waiting worker always has an older active one beside it: a newer version than this page.
    if reg.waiting().is_some() {
        on_new_version();
    }
    {
        let reg2 = reg.clone();
        let notify = on_new_version.clone();
        let cb = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg2.installing() else { return };
            let worker = installing.clone();
            let notify = notify.clone();
            let reg = reg2.clone();
            let state_cb = Closure::<dyn Fn()>::new(move || {
                // The first worker of a registration is not a new version of anything; a worker
                // that installs beside an active one is.
                if worker.state() == ServiceWorkerState::Installed && reg.active().is_some() {
                    notify();
                }
            });
            installing.set_onstatechange(Some(state_cb.as_ref().unchecked_ref()));
            state_cb.forget();
        });
        reg.set_onupdatefound(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
    }
    // A page the worker controls was checked by the browser when it was opened; one it does not
    // control (opened before the worker was active) is checked now.
    let controlled = container().is_some_and(|c| c.controller().is_some());
    let check_now = !controlled && reg.active().is_some();
    REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    if check_now {
        check_for_update();
    }

    let Some(window) = web_sys::window() else { return };
    let check = Closure::<dyn Fn()>::new(check_for_update);
    let _ =
        window.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
    if let Some(document) = window.document() {
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
            {
                check_for_update();
            }
        });
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
        on_visible.forget();
    }
    check.forget();
}

/// Asks the server whether `sw.js` changed (a failure, e.g. offline, is of no consequence).
fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(reg) = r.borrow().as_ref()
            && let Ok(promise) = reg.update()
        {
            // Swallow the rejection (offline): there is simply no news.
            IGNORE.with(|ignore| {
                let _ = promise.catch(ignore);
            });
        }
    });
}

/// Switches this tab to the new version: the waiting worker takes over, then the page reloads.
/// When no worker is waiting (another tab already switched), the page reloads at once.
pub fn reload_into_new_version() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    match waiting {
        Some(worker) => {
            RELOAD_REQUESTED.set(true);
            if container().is_some_and(|c| c.controller().is_none()) {
                // A page opened before any worker was active gets no `controllerchange`: reload
                // once the new worker is active.
                let w = worker.clone();
                let cb = Closure::<dyn Fn()>::new(move || {
                    if w.state() == ServiceWorkerState::Activated {
                        reload();
                    }
                });
                worker.set_onstatechange(Some(cb.as_ref().unchecked_ref()));
                cb.forget();
            }
            if worker.post_message(&"kk-skip-waiting".into()).is_err() {
                reload();
            }
        }
        None => reload(),
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
