//! Native tests of the pure domain core, one themed module per file. Run with `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod calibration;
mod catalog_files;
mod comparing;
mod editing;
mod evidence_items;
mod exports;
mod fetched_data;
mod import_files;
mod merging;
mod own_figures;
mod persisting;
mod preparing;
mod references;
mod results;
mod retired;
mod scoring_rule;
mod sync;
mod tidy;
mod wording;
mod workshop_storage;
mod workshops;
mod workspace;
