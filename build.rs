//! Splits the data files under `rubrics/` (not the schemas, not the calibration study's readings)
//! into what is embedded in the WebAssembly and what the app fetches when a view needs it, so
//! that adding a rubric version or a reference stays a data change only.
//!
//! Embedded (`$OUT_DIR/embedded_rubrics.rs`, `(path, contents)` pairs): what the start page and
//! the questionnaire need — the current rubric (the one with `"current": true`) and
//! `calibration/model.json` (the expected result in the start page's list and on the questions).
//!
//! Fetched (`$OUT_DIR/fetched_rubrics.rs`): every other file — the older rubric versions, the
//! references, the mappings and the website checks. `scripts/post-build.mjs` copies the same files
//! into the build (same rule: every `.json` outside `schema/` and `calibration/` but the current
//! rubric). Beside their paths, two small indexes so that the first views need none of them: each
//! older version's id, title and period (the version choice, the lists of the start page), and the
//! document each source seed names (where a question comes from, in the questionnaire).

use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            // The JSON Schemas are for authors and the test suite, and the calibration study's
            // readings for the study and its tests; neither is for the app.
            if path.file_name().is_some_and(|n| n != "schema" && n != "readings") {
                collect(&path, root, out);
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, path.display().to_string()));
        }
    }
}

fn text(v: &serde_json::Value, key: &str) -> String {
    v.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().to_string()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rubrics = root.join("rubrics");
    println!("cargo:rerun-if-changed=rubrics");
    let mut files = Vec::new();
    collect(&rubrics, root, &mut files);

    let mut embedded = Vec::new();
    let mut fetched = Vec::new();
    // (id, title, period) of every version that is not embedded; (seed, document) pairs of the
    // fetched rubrics' and references' sources.
    let mut versions = Vec::new();
    let mut rubric_seeds = Vec::new();
    let mut reference_seeds = Vec::new();
    for (rel, abs) in files {
        let json: serde_json::Value = match fs::read_to_string(&abs).map(|t| serde_json::from_str(&t)) {
            Ok(Ok(v)) => v,
            // Left to the domain's validation (the test suite), which says what is wrong.
            _ => serde_json::Value::Null,
        };
        let is_rubric = !rel.contains("/references/")
            && !rel.contains("/calibration/")
            && !rel.ends_with("mappings.json")
            && !rel.ends_with("webchecks.json");
        let current = is_rubric && json.get("current").and_then(serde_json::Value::as_bool) == Some(true);
        if current || rel.ends_with("calibration/model.json") {
            embedded.push(format!("({rel:?}, include_str!({abs:?})),"));
            continue;
        }
        if rel.contains("/calibration/") {
            continue;
        }
        println!("cargo:rerun-if-changed={abs}");
        fetched.push(format!("{rel:?},"));
        let source = json.get("source").cloned().unwrap_or_default();
        let seed = text(&source, "seed");
        let document =
            Some(text(&source, "document")).filter(|d| !d.is_empty()).unwrap_or_else(|| text(&source, "title"));
        if is_rubric {
            versions.push((text(&json, "id"), text(&json, "title"), text(&json, "period")));
            if !seed.is_empty() && !document.is_empty() {
                rubric_seeds.push((text(&json, "id"), seed, document));
            }
        } else if rel.contains("/references/") && !seed.is_empty() && !document.is_empty() {
            reference_seeds.push((seed, document));
        }
    }
    // The order the catalog looks sources up in: rubric versions newest first, then references.
    versions.sort_by(|a, b| b.0.cmp(&a.0));
    rubric_seeds.sort_by(|a, b| b.0.cmp(&a.0));
    let seeds = rubric_seeds.into_iter().map(|(_, s, d)| (s, d)).chain(reference_seeds);

    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    fs::write(out.join("embedded_rubrics.rs"), format!("&[\n{}\n]\n", embedded.join("\n"))).unwrap();
    let versions: Vec<String> = versions.iter().map(|(i, t, p)| format!("({i:?}, {t:?}, {p:?}),")).collect();
    let seeds: Vec<String> = seeds.map(|(s, d)| format!("({s:?}, {d:?}),")).collect();
    let code = format!(
        "/// Paths of the files fetched when a view needs them.\npub static FETCHED: &[&str] = &[\n{}\n];\n\
         /// `(id, title, period)` of the rubric versions that are fetched, newest first.\n\
         pub static FETCHED_VERSIONS: &[(&str, &str, &str)] = &[\n{}\n];\n\
         /// `(seed, document)` of the fetched files' sources, in the order the catalog looks them up.\n\
         pub static FETCHED_SEEDS: &[(&str, &str)] = &[\n{}\n];\n",
        fetched.join("\n"),
        versions.join("\n"),
        seeds.join("\n"),
    );
    fs::write(out.join("fetched_rubrics.rs"), code).unwrap();
}
