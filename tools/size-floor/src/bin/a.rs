//! Size floor, step A: Leptos alone — one component with a signal and a button.
use leptos::prelude::*;
#[component]
fn App() -> impl IntoView {
    let n = RwSignal::new(0);
    view! { <button on:click=move |_| n.update(|n| *n += 1)>"Klick: " {move || n.get()}</button> }
}
fn main() { leptos::mount::mount_to_body(App) }
