//! The pure domain core: rubric, answers, scoring, storage format, import and merging. Nothing
//! here touches the browser (no web-sys, Leptos, gloo or charming), so all of it is tested
//! natively with `cargo test`.

pub mod action;
pub mod assessment;
pub mod calibration;
pub mod catalog;
pub mod compare;
pub mod csv;
pub mod error;
pub mod evidence;
pub mod format;
pub mod import;
pub mod insights;
pub mod json_error;
pub mod mapping;
pub mod merge;
pub mod persist;
pub mod prepare;
pub mod reference;
pub mod rubric;
pub mod rubric_texts;
pub mod scoring;
pub mod summary;
pub mod sync;
pub mod timeline;
pub mod webcheck;
pub mod workshop;
