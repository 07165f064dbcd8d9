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

/// Resolves at the browser's next animation frame. A tab that paints nothing (hidden) has no
/// frames: there it waits until the tab is shown.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted what the page shows now: in the task after the next
/// animation frame. A tab that paints nothing (hidden) has no frames; there it resolves after
/// 100 ms instead.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match web_sys::window() {
        Some(w) => {
            // Whichever comes first (the frame of `next_frame`, or the time limit); resolving
            // twice does nothing.
            let _ = w.request_animation_frame(&resolve);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        }
        None => {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    next_task().await;
}
