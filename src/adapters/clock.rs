//! Time and ids from the browser, formatted the Swedish way.

use crate::domain::assessment::Millis;

/// Milliseconds since the epoch, from the browser clock.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A fresh id: time plus randomness, unique enough for assessments in one browser.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{:08x}", now(), random)
}

fn date(ms: Millis) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
}

/// "14:32" in local time.
pub fn time_of_day(ms: Millis) -> String {
    let d = date(ms);
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// "2025-03-14" in local time.
pub fn iso_date(ms: Millis) -> String {
    let d = date(ms);
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// "2025-03-14 14:32" in local time.
pub fn date_time(ms: Millis) -> String {
    format!("{} {}", iso_date(ms), time_of_day(ms))
}
