//! Leptos components, one view per file. They read state through [`crate::state::AppState`]
//! and leave scoring, validation and formats to the domain core.

pub mod actions;
pub mod area_results;
pub mod assessment;
pub mod chart;
pub mod focus;
pub mod import_file;
pub mod not_found;
pub mod question;
pub mod report;
pub mod result_data;
pub mod results;
pub mod rubric_view;
pub mod start;
pub mod status;
pub mod table_region;
pub mod update_banner;
pub mod user_reference;
