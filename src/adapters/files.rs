//! Saving text as a downloaded file and reading a file the user picked.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::workspace::DownloadError;

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), DownloadError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DownloadError::NoPage)?;
    let body = document.body().ok_or(DownloadError::NoPage)?;
    let refused = |_: JsValue| DownloadError::Refused;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(refused)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "").map_err(refused)?;
    body.append_child(&a).map_err(refused)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url).map_err(refused)?;
    Ok(())
}

/// Reads the bytes of a picked file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
