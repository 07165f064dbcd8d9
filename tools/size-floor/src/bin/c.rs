//! Size floor, step C: B plus serde/serde_json — one record with ten fields read and written as
//! JSON text, and a `serde_json::Value` parse — the storage format the app needs.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
#[serde(rename_all = "snake_case")]
enum Status { #[default] Planned, InProgress, Done }
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
struct Rec { id: String, name: String, municipality: String, created_at: u64, updated_at: u64,
  level: Option<u8>, comment: Option<String>, tags: Vec<String>, status: Status, score: f64,
  items: std::collections::BTreeMap<String, u32> }
fn roundtrip(s: &str) -> String {
  let v: serde_json::Value = serde_json::from_str(s).unwrap_or_default();
  let r: Rec = serde_json::from_str(s).unwrap_or_default();
  format!("{} {} {}", serde_json::to_string(&r).unwrap_or_default(), v.is_object(), r.score)
}
use leptos_router::{components::*, hooks::*, path};
#[component]
fn Home() -> impl IntoView {
    let n = RwSignal::new(0);
    let text = RwSignal::new(String::from("{\"id\":\"x\",\"name\":\"n\",\"municipality\":\"m\",\"created_at\":1,\"updated_at\":2,\"level\":3,\"comment\":null,\"tags\":[],\"status\":\"done\",\"score\":1.5,\"items\":{}}"));
    let nav = use_navigate();
    view! { <button on:click=move |_| n.update(|n| *n += 1)>"Klick: " {move || n.get()}</button>
      <button on:click=move |_| nav("/a/1", Default::default())>"gå"</button>
      <textarea prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea><p>{move || roundtrip(&text.get())}</p><A href="/a/2">"a2"</A> <A href="/b">"b"</A> }
}
#[component]
fn Item() -> impl IntoView {
    let p = use_params_map();
    view! { <p>"Id " {move || p.read().get("id").unwrap_or_default()}</p> <A href="/">"hem"</A> }
}
#[component]
fn Two() -> impl IntoView {
    let p = use_params_map();
    view! { <p>{move || p.read().get("x").unwrap_or_default()} " " {move || p.read().get("y").unwrap_or_default()}</p> }
}
#[component]
fn App() -> impl IntoView {
    view! { <Router><main><Routes fallback=|| "Saknas">
        <Route path=path!("/") view=Home/>
        <Route path=path!("/a/:id") view=Item/>
        <Route path=path!("/b") view=|| view!{<p>"b"</p>}/>
        <Route path=path!("/c/:x/:y") view=Two/>
    </Routes></main></Router> }
}
fn main() { leptos::mount::mount_to_body(App) }
