//! The page for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::page::set_title;

/// Shown for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Sidan finns inte");
    view! {
        <h1 tabindex="-1">"Sidan finns inte"</h1>
        <p>"Adressen leder inte till någon sida i verktyget. Dina sparade svar påverkas inte."</p>
        <p><A href=crate::adapters::base::href("/")>"Till mina självskattningar"</A></p>
    }
}
