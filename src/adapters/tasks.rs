//! Handing the main thread back to the browser between steps of a long piece of work, so that a
//! tap or a keypress is handled in between instead of waiting for all of it.

use wasm_bindgen::JsValue;

/// Resolves in a new task of the browser's event loop (a `setTimeout` of 0): whatever the browser
/// has queued meanwhile (input, a paint) runs first. Without a window it resolves at once.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !scheduled {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
