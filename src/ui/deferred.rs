//! Drawing the lower part of a page one browser task after the rest, so that a first view is
//! built in two short tasks instead of one long one (see `crate::start`).

use leptos::prelude::*;

use crate::adapters::tasks;

/// Renders `children` one task after the page around it: the browser may handle input (and
/// paint, if a frame is due) in between. For sections below the first screen only, which nothing
/// on the page waits for.
#[component]
pub fn Deferred(
    /// Wait until the page around has been painted, not just for the next task: what is above
    /// is on screen before the rest is built. Only where the first screen is full without the
    /// rest (otherwise the footer would be seen to move down).
    #[prop(optional)]
    after_paint: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    wasm_bindgen_futures::spawn_local(async move {
        if after_paint {
            tasks::after_paint().await;
        } else {
            tasks::next_task().await;
        }
        // The page may have been left meanwhile: then there is nothing to draw.
        let _ = ready.try_set(true);
    });
    view! { <Show when=move || ready.get()>{children()}</Show> }
}
