//! Leptos components. The pages the router shows are in `pages/`, one per file; the pieces they
//! share are beside them here. Components read the workspace through
//! [`crate::state::AppState`] (or the open assessment through [`open::Open`]), change it only
//! with [`crate::workspace::Change`]s, and leave scoring, validation, wording and formats to the
//! domain core. Nothing in `ui` imports `app`, and no page imports another.

pub mod actions;
pub mod area_results;
pub mod chart;
pub mod confirm;
pub mod data;
pub mod deferred;
pub mod evidence;
pub mod focus;
pub mod import_file;
pub mod lazy;
pub mod open;
pub mod page;
pub mod pages;
pub mod preparation;
pub mod priorities;
pub mod question;
pub mod result_data;
pub mod result_sections;
pub mod retired;
pub mod rubric_choice;
pub mod save_file;
pub mod save_workshop;
pub mod status;
pub mod table_region;
pub mod update_banner;
pub mod user_reference;
pub mod workshop_files;
pub mod workshop_list;
pub mod workshop_open;
pub mod workshop_parts;
