//! Native tests of the pure domain core, one themed module per file. Run with `cargo test`.

mod support;

mod catalog_files;
mod import_files;
mod merging;
mod persisting;
mod references;
mod scoring_rule;
