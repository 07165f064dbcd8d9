//! Fetching the rubric data the build does not embed (`domain::catalog::FETCHED`, the current
//! rubric's texts among them): the text of
//! each file, from next to the app's own files (`base::asset`), for the domain to parse and
//! validate. Every request starts at once; the answers are read in order. Failures are typed
//! (`LoadError`), never a panic.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::adapters::base;
use crate::domain::catalog::LoadError;

/// The `(path, text)` of every file in `paths`, or why one could not be had.
pub async fn fetch_texts(paths: &[&'static str]) -> Result<Vec<(&'static str, String)>, LoadError> {
    let unreachable = |file: &str| LoadError::Unreachable { file: file.to_string() };
    let window = web_sys::window().ok_or_else(|| unreachable(paths.first().copied().unwrap_or("rubrics/")))?;
    let pending: Vec<_> = paths.iter().map(|p| (*p, JsFuture::from(window.fetch_with_str(&base::asset(p))))).collect();
    let mut texts = Vec::with_capacity(pending.len());
    for (path, request) in pending {
        let response: web_sys::Response =
            request.await.map_err(|_| unreachable(path))?.dyn_into().map_err(|_| unreachable(path))?;
        if !response.ok() {
            return Err(LoadError::Status { file: path.to_string(), status: response.status() });
        }
        let text =
            JsFuture::from(response.text().map_err(|_| unreachable(path))?).await.map_err(|_| unreachable(path))?;
        texts.push((path, text.as_string().unwrap_or_default()));
    }
    Ok(texts)
}
