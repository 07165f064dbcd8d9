//! The pages the router shows, one per file. Only `app` imports them (most of
//! them through `ui::lazy`, loaded when first shown); a page never imports
//! another page (what two pages share lives beside them in `ui/`).

pub mod area;
pub mod evidence_list;
pub mod not_found;
pub mod prepare;
pub mod presentation;
pub mod report;
pub mod results;
pub mod rubric;
pub mod start;
pub mod timeline;
pub mod workshop;
pub mod workshop_area;
