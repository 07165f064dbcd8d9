//! Offering something as a downloaded file. A download the browser refuses is said in the status
//! area, never dropped silently.

use crate::adapters::{clock, files};
use crate::domain::assessment::Assessment;
use crate::domain::format;
use crate::domain::persist;
use crate::state::AppState;
use crate::workspace::{APP_VERSION, Change};

/// Offers `contents` as a download named `file`; says so when the browser refuses.
pub fn offer(state: AppState, file: String, mime: &str, contents: &str) {
    if let Err(error) = files::download(&file, mime, contents) {
        state.change(Change::DownloadFailed { file, error });
    }
}

/// "Spara som fil": the assessment as a JSON file in the stored format.
pub fn save_assessment(state: AppState, a: &Assessment) {
    let now = clock::now();
    let text = persist::encode_pretty(a, APP_VERSION, now);
    offer(state, format::file_name(&a.name, &clock::iso_date(now), "json"), "application/json", &text);
}
