//! Prints the questionnaire a blind reader of the calibration study answers (the current rubric's
//! questions, guidance and level descriptions; nothing about points).
//!
//!     cargo run --example questionnaire > questionnaire.md
//!
//! See `rubrics/calibration/README.md`.

use kommunkompass::domain::calibration::study;
use kommunkompass::domain::catalog::Catalog;

fn main() {
    print!("{}", study::questionnaire(Catalog::embedded().current()));
}
