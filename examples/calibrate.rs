//! The calibration study, end to end: reads every blind reading in
//! `rubrics/calibration/readings/`, validates each candidate model leave-one-report-out, prints
//! the held-out errors per area and in total, and (with `--write`) stores the chosen model in
//! `rubrics/calibration/model.json` and the printed results in `rubrics/calibration/results.md`.
//!
//!     cargo run --example calibrate            # print only
//!     cargo run --example calibrate -- --write # print and store
//!
//! See `rubrics/calibration/README.md`.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use kommunkompass::domain::calibration::{report, study};
use kommunkompass::domain::catalog::{self, Catalog};

fn main() -> ExitCode {
    let write = std::env::args().any(|a| a == "--write");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics/calibration");
    // The whole catalog, as the app has it once it has fetched what it does not embed.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fetched: Vec<(&str, String)> = match catalog::FETCHED
        .iter()
        .map(|p| fs::read_to_string(root.join(p)).map(|t| (*p, t)))
        .collect::<Result<_, _>>()
    {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot read the rubric data: {e}");
            return ExitCode::FAILURE;
        }
    };
    let catalog = match Catalog::with_fetched(fetched.iter().map(|(p, t)| (*p, t.as_str()))) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let catalog = &catalog;
    let rubric = catalog.current();
    let files = match read_readings(&dir.join("readings")) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("cannot read the readings: {e}");
            return ExitCode::FAILURE;
        }
    };
    let readings = match study::load(files.iter().map(|(n, t)| (n.as_str(), t.as_str())), rubric, catalog) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match study::run(rubric, &readings) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let text = report::render(rubric, &result);
    print!("{text}");
    if write {
        let model = serde_json::to_string_pretty(&result.calibration).expect("a calibration serializes") + "\n";
        for (name, contents) in [("model.json", model), ("results.md", text)] {
            if let Err(e) = fs::write(dir.join(name), contents) {
                eprintln!("cannot write {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
        eprintln!("wrote rubrics/calibration/model.json and results.md");
    }
    ExitCode::SUCCESS
}

/// `(file name, contents)` of every `.json` file in `dir`, sorted by name.
fn read_readings(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push((
                path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                fs::read_to_string(&path)?,
            ));
        }
    }
    files.sort();
    Ok(files)
}
