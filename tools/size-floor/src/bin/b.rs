//! Size floor, step B: A plus leptos_router with four routes (two with parameters), links and
//! programmatic navigation — the routing the app needs.
use leptos::prelude::*;
use leptos_router::{components::*, hooks::*, path};
#[component]
fn Home() -> impl IntoView {
    let n = RwSignal::new(0);
    let nav = use_navigate();
    view! { <button on:click=move |_| n.update(|n| *n += 1)>"Klick: " {move || n.get()}</button>
      <button on:click=move |_| nav("/a/1", Default::default())>"gå"</button>
      <A href="/a/2">"a2"</A> <A href="/b">"b"</A> }
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
