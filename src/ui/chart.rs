//! A chart on the page: draws a `charming::Chart` once ECharts has loaded, redraws when the
//! data changes, and frees it when the view goes away. The element carries a text alternative;
//! callers always put the same numbers in a table beside it.

use std::sync::atomic::{AtomicUsize, Ordering};

use charming::Chart;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::adapters::echarts::{self, Renderer};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// An ECharts chart.
#[component]
pub fn EChart(
    /// The chart option to draw.
    #[prop(into)]
    chart: Signal<Chart>,
    /// Text alternative read by screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// Height in pixels.
    height: u32,
    /// Draw with the SVG renderer (for print).
    #[prop(optional)]
    svg: bool,
    /// Extra class for layout.
    #[prop(optional, into)]
    class: String,
    /// Draw only once the chart comes near the viewport (charts further down a long page).
    #[prop(optional)]
    lazy: bool,
) -> impl IntoView {
    let id = format!("kk-chart-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let failed = RwSignal::new(false);
    let node = NodeRef::<leptos::html::Div>::new();
    let renderer = if svg { Renderer::Svg } else { Renderer::Canvas };
    let near = RwSignal::new(!lazy);
    let observer = StoredValue::new_local(None::<(web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    if lazy {
        Effect::new(move |_| {
            let Some(el) = node.get() else { return };
            if observer.with_value(Option::is_some) {
                return;
            }
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let seen =
                    entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if seen {
                    near.set(true);
                }
            });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("300px");
            match web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) {
                Ok(o) => {
                    o.observe(&el);
                    observer.set_value(Some((o, callback)));
                }
                // No observer (very old browser): draw at once.
                Err(_) => near.set(true),
            }
        });
    }
    {
        let id = id.clone();
        Effect::new(move |_| {
            if !near.get() {
                return;
            }
            if let Some((o, _)) = observer.try_update_value(Option::take).flatten() {
                o.disconnect();
            }
            let option = chart.get();
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let drawn = match echarts::load().await {
                    Ok(()) => echarts::draw_when_shown(&id, height, &option, renderer).await,
                    Err(e) => Err(e),
                };
                match drawn {
                    Ok(()) => failed.set(false),
                    Err(e) => {
                        leptos::logging::warn!("diagram {id}: {e}");
                        failed.set(true);
                    }
                }
            });
        });
    }
    let resize_id = id.clone();
    let handle = window_event_listener(leptos::ev::resize, move |_| echarts::resize(&resize_id));
    // Printing the page (Ctrl+P) must not show blank boxes for charts that were never scrolled
    // near: draw them now, synchronously, before the browser lays the page out for print.
    let print_id = id.clone();
    let print_handle = window_event_listener(leptos::ev::beforeprint, move |_| {
        if near.get_untracked() {
            return;
        }
        near.set(true);
        if echarts::is_loaded() && echarts::draw(&print_id, height, &chart.get_untracked(), renderer).is_err() {
            failed.set(true);
        }
    });
    on_cleanup(move || {
        handle.remove();
        print_handle.remove();
        if let Some((o, _)) = observer.try_update_value(Option::take).flatten() {
            o.disconnect();
        }
        if let Some(el) = node.get_untracked() {
            echarts::dispose(&el);
        }
    });
    view! {
        <div class=format!("kk-chart-box {class}")>
            <div id=id class="kk-chart" node_ref=node role="img" aria-label=move || label.get() style:height=format!("{height}px")></div>
            <Show when=move || failed.get()>
                <p class="kk-hint">"Diagrammet kunde inte visas. Samma siffror finns i tabellen."</p>
            </Show>
        </div>
    }
}
