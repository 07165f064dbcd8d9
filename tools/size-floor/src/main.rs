//! The size floor: the least a Leptos 0.8 CSR app weighs on this stack, in three steps chosen by
//! features (see README.md and measure.sh).
//!
//! - no features — step A: one component with a signal and a button;
//! - `router` — step B: A plus leptos_router with four routes (two with parameters), links and
//!   programmatic navigation, the routing the app needs;
//! - `json` — step C: B plus serde_json, one ten-field record read and written as JSON text and
//!   a `serde_json::Value` parse, the storage format the app needs.

use leptos::prelude::*;

/// The counter every step has.
#[component]
fn Counter() -> impl IntoView {
    let n = RwSignal::new(0);
    view! { <button on:click=move |_| n.update(|n| *n += 1)>"Klick: " {move || n.get()}</button> }
}

#[cfg(not(feature = "router"))]
fn main() {
    leptos::mount::mount_to_body(Counter)
}

#[cfg(feature = "router")]
fn main() {
    leptos::mount::mount_to_body(routes::App)
}

#[cfg(feature = "router")]
mod routes {
    use leptos::prelude::*;
    use leptos_router::components::{A, Route, Router, Routes};
    use leptos_router::hooks::{use_navigate, use_params_map};
    use leptos_router::path;

    #[component]
    fn Home() -> impl IntoView {
        let navigate = use_navigate();
        view! {
            <super::Counter/>
            <button on:click=move |_| navigate("/a/1", Default::default())>"Gå"</button>
            <A href="/a/2">"a2"</A>
            <A href="/b">"b"</A>
            {super::json_view()}
        }
    }

    #[component]
    fn Item() -> impl IntoView {
        let params = use_params_map();
        view! { <p>"Id " {move || params.read().get("id").unwrap_or_default()}</p> <A href="/">"Hem"</A> }
    }

    #[component]
    fn Two() -> impl IntoView {
        let params = use_params_map();
        let get = move |key: &str| params.read().get(key).unwrap_or_default();
        view! { <p>{move || get("x")} " " {move || get("y")}</p> }
    }

    #[component]
    pub fn App() -> impl IntoView {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Saknas">
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/a/:id") view=Item/>
                        <Route path=path!("/b") view=|| view! { <p>"b"</p> }/>
                        <Route path=path!("/c/:x/:y") view=Two/>
                    </Routes>
                </main>
            </Router>
        }
    }
}

#[cfg(all(feature = "router", not(feature = "json")))]
fn json_view() -> impl IntoView {}

#[cfg(feature = "json")]
fn json_view() -> impl IntoView {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Clone, Debug, Default)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        #[default]
        Planned,
        InProgress,
        Done,
    }

    #[derive(Serialize, Deserialize, Clone, Debug, Default)]
    struct Record {
        id: String,
        name: String,
        municipality: String,
        created_at: u64,
        updated_at: u64,
        level: Option<u8>,
        comment: Option<String>,
        tags: Vec<String>,
        status: Status,
        score: f64,
        items: std::collections::BTreeMap<String, u32>,
    }

    fn round_trip(text: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let record: Record = serde_json::from_str(text).unwrap_or_default();
        format!("{} {} {}", serde_json::to_string(&record).unwrap_or_default(), value.is_object(), record.score)
    }

    let text = RwSignal::new(String::from(
        r#"{"id":"x","name":"n","municipality":"m","created_at":1,"updated_at":2,"level":3,"comment":null,"tags":[],"status":"done","score":1.5,"items":{}}"#,
    ));
    view! {
        <textarea prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea>
        <p>{move || round_trip(&text.get())}</p>
    }
}
