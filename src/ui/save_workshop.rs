//! Saving a workshop as files: the whole workshop as one re-openable file, and the table per
//! question as CSV for Swedish Excel.

use crate::adapters::clock;
use crate::domain::csv::workshop_csv;
use crate::domain::format;
use crate::domain::rubric::Rubric;
use crate::domain::workshop::{Workshop, persist};
use crate::state::AppState;
use crate::ui::save_file;
use crate::workspace::APP_VERSION;

/// "Spara workshoppen som fil": participants' answers and the agreed answers, re-openable.
pub fn save_workshop(state: AppState, w: &Workshop) {
    let now = clock::now();
    let text = persist::encode(w, APP_VERSION, now, true);
    let file = format::file_name(&format!("workshop {}", w.name), &clock::iso_date(now), "json");
    save_file::offer(state, file, "application/json", &text);
}

/// "Exportera (CSV för Excel)": per question each participant, median, spread and agreed level.
pub fn save_workshop_csv(state: AppState, rubric: &Rubric, w: &Workshop) {
    let now = clock::now();
    let file = format::file_name(&format!("workshop {}", w.name), &clock::iso_date(now), "csv");
    save_file::offer(state, file, "text/csv;charset=utf-8", &workshop_csv(rubric, w));
}
