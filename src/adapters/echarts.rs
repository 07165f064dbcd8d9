//! ECharts in the page: loads our reduced ECharts build on first use (never on the start page
//! or the questionnaire), draws charming charts through its `WasmRenderer`, and adds the three
//! calls charming lacks — replacing an option instead of merging, choosing the SVG renderer
//! for print, and disposing of a chart.

use std::cell::RefCell;

use charming::Chart;
use charming::renderer::WasmRenderer;
use js_sys::{Promise, Reflect};
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Why a chart was not drawn. The page then says so beside the table with the same numbers.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChartError {
    /// The ECharts script could not be loaded.
    #[error("ECharts kunde inte laddas")]
    Load,
    /// The chart's element is not in the page (any more).
    #[error("inget element med id {0}")]
    NoElement(String),
    /// The chart option could not be handed to JavaScript.
    #[error("diagrammets data kunde inte föras över till ECharts")]
    Option,
    /// ECharts refused to draw.
    #[error("ECharts kunde inte rita diagrammet")]
    Draw,
}

/// Where the reduced ECharts build is served from (built by tools/echarts/build.mjs), relative to
/// the app's files.
pub const SCRIPT_FILE: &str = "vendor/echarts/echarts.kk.min.js";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance, as returned by `echarts.init`.
    pub type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init_with_opts(el: &web_sys::Element, theme: JsValue, opts: JsValue) -> Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn instance_by_dom(el: &web_sys::Element) -> Option<Instance>;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_replacing(this: &Instance, option: JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);
}

thread_local! {
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// True when the ECharts global exists.
pub fn is_loaded() -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w, &"echarts".into()).unwrap_or(false))
}

/// Loads the ECharts script once; later calls wait for the same load.
pub async fn load() -> Result<(), ChartError> {
    if is_loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                Promise::new(&mut |resolve, reject| {
                    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                        let _ = reject.call1(&JsValue::NULL, &"no document".into());
                        return;
                    };
                    let script: web_sys::HtmlScriptElement = match document.create_element("script") {
                        Ok(el) => el.unchecked_into(),
                        Err(e) => {
                            let _ = reject.call1(&JsValue::NULL, &e);
                            return;
                        }
                    };
                    script.set_src(&super::base::asset(SCRIPT_FILE));
                    script.set_onload(Some(&resolve));
                    script.set_onerror(Some(&reject));
                    if let Some(head) = document.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    let result = JsFuture::from(promise).await.map(|_| ()).map_err(|_| ChartError::Load);
    if result.is_err() {
        // Allow a later attempt (e.g. after the network came back).
        LOADING.with(|slot| slot.borrow_mut().take());
    }
    result
}

/// Which ECharts renderer to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// Canvas, through charming's `WasmRenderer` (on screen).
    Canvas,
    /// SVG, for crisp printing.
    Svg,
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
}

/// Draws `chart` into the element with `id` as soon as that element is in the page: a page's view
/// is built before the router shows it. Waits at most about a second (60 frames).
pub async fn draw_when_shown(id: &str, height: u32, chart: &Chart, renderer: Renderer) -> Result<(), ChartError> {
    for _ in 0..60 {
        if element(id).is_some() {
            break;
        }
        // Without a frame (a page never shown) this waits, and nothing is drawn.
        crate::adapters::tasks::next_frame().await;
    }
    draw(id, height, chart, renderer)
}

/// Draws `chart` into the element with `id`, replacing whatever that element showed before.
pub fn draw(id: &str, height: u32, chart: &Chart, renderer: Renderer) -> Result<(), ChartError> {
    let element = element(id).ok_or_else(|| ChartError::NoElement(id.to_string()))?;
    let option = serde_wasm_bindgen::to_value(chart).map_err(|_| ChartError::Option)?;
    if let Some(existing) = instance_by_dom(&element) {
        existing.set_option_replacing(option, true);
        return Ok(());
    }
    match renderer {
        Renderer::Canvas => {
            WasmRenderer::new_opt(None, Some(height)).render(id, chart).map_err(|_| ChartError::Draw)?;
        }
        Renderer::Svg => {
            let opts = js_sys::Object::new();
            Reflect::set(&opts, &"renderer".into(), &"svg".into()).map_err(|_| ChartError::Option)?;
            Reflect::set(&opts, &"height".into(), &height.into()).map_err(|_| ChartError::Option)?;
            init_with_opts(&element, JsValue::NULL, opts.into()).set_option_replacing(option, true);
        }
    }
    Ok(())
}

/// Re-fits the chart in `id` to its container.
pub fn resize(id: &str) {
    if !is_loaded() {
        return;
    }
    if let Some(el) = element(id)
        && let Some(instance) = instance_by_dom(&el)
    {
        instance.resize();
    }
}

/// Frees the chart drawn into `element`, if any.
pub fn dispose(element: &web_sys::Element) {
    if is_loaded()
        && let Some(instance) = instance_by_dom(element)
    {
        instance.dispose();
    }
}
