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
//!
//! The current rubric is split in two (see [`split_texts`]): its structure — ids, names, maxima,
//! weights, evidence kinds, the scale's values, labels and fractions, retired ids and their
//! replacements: what the start page scores and lists with and what opening a file checks — is
//! embedded as `rubrics/<id>.structure.json`, with every text left empty; the texts (questions,
//! guidance, question sources, descriptions, the scale's descriptions and rationale, the retired
//! questions' wording and notes) become `rubrics/<id>.texts.json`, fetched with the other files.
//! `domain::catalog` joins them again and checks that they fit. The texts file is written to
//! `<profile dir>/kommunkompass-rubrics/` (e.g. `target/wasm32-unknown-unknown/release/…`), where
//! `scripts/post-build.mjs` takes it from, and to `$OUT_DIR` for the native tests.
//!
//! Also passes `--emit-relocs` to the linker for split builds (feature `split`, see
//! `scripts/build-wasm.mjs`).

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

/// Splits a rubric into its structure (every text emptied, so that it still has the rubric's
/// shape) and its texts keyed by id, the shape of `domain::rubric_texts::RubricTexts`.
fn split_texts(rubric: &serde_json::Value) -> (serde_json::Value, serde_json::Value) {
    use serde_json::{Map, Value, json};
    // A file of the wrong shape is split as far as it goes; the domain's validation says what is
    // wrong (the test suite reads the file whole).
    fn take(v: &mut Value, key: &str, blank: Value) -> Value {
        v.get_mut(key).map(|f| std::mem::replace(f, blank)).unwrap_or_default()
    }
    fn remove(v: &mut Value, key: &str) -> Option<Value> {
        v.as_object_mut().and_then(|o| o.remove(key))
    }
    fn items<'a>(v: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
        v.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten()
    }
    let mut structure = rubric.clone();
    let (mut areas, mut subareas, mut questions, mut retired) = (Map::new(), Map::new(), Map::new(), Map::new());
    let description = take(&mut structure, "description", json!(""));
    let mut no_scale = Value::Null;
    let scale = structure.get_mut("scale").unwrap_or(&mut no_scale);
    let rationale = take(scale, "rationale", json!(""));
    let levels: Vec<Value> = items(scale, "levels").map(|l| take(l, "description", json!(""))).collect();
    let dont_know = scale.get_mut("dont_know").map(|d| take(d, "description", json!(""))).unwrap_or_default();
    let not_applicable = scale.get_mut("not_applicable").map(|d| take(d, "description", json!(""))).unwrap_or_default();
    for area in items(&mut structure, "areas") {
        areas.insert(text(area, "id"), take(area, "description", json!("")));
        for sub in items(area, "subareas") {
            if let Some(d) = remove(sub, "description") {
                subareas.insert(text(sub, "id"), d);
            }
            for q in items(sub, "questions") {
                let mut texts = Map::new();
                texts.insert("text".into(), take(q, "text", json!("")));
                if let Some(g) = remove(q, "guidance") {
                    texts.insert("guidance".into(), g);
                }
                texts.insert("source".into(), take(q, "source", json!({})));
                questions.insert(text(q, "id"), Value::Object(texts));
            }
        }
    }
    for r in items(&mut structure, "retired") {
        let (t, note) = (take(r, "text", json!("")), take(r, "note", json!("")));
        retired.insert(text(r, "id"), json!({ "text": t, "note": note }));
    }
    let texts = json!({
        "rubric": text(rubric, "id"),
        "description": description,
        "scale": { "rationale": rationale, "levels": levels, "dont_know": dont_know, "not_applicable": not_applicable },
        "areas": areas,
        "subareas": subareas,
        "questions": questions,
        "retired": retired,
    });
    (structure, texts)
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

    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    // out → <package>-<hash> → build → the profile directory (target/<triple>/<profile>).
    let profile_dir = out.ancestors().nth(3).expect("OUT_DIR lies under the target directory").to_path_buf();
    let mut embedded = Vec::new();
    let mut fetched = Vec::new();
    let mut generated = Vec::new();
    // (id, title, period) of every version that is not embedded; (seed, document) pairs of the
    // fetched rubrics' and references' sources.
    let mut versions = Vec::new();
    // (id, title, period) of the current version, embedded: the start page lists the versions
    // without parsing any rubric.
    let mut current_version = (String::new(), String::new(), String::new());
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
        if current {
            current_version = (text(&json, "id"), text(&json, "title"), text(&json, "period"));
            // Split: the structure embedded, the texts fetched (both named after the file).
            let stem = rel.trim_end_matches(".json");
            let (structure, texts) = split_texts(&json);
            let structure_file = out.join("current.structure.json");
            fs::write(&structure_file, serde_json::to_string(&structure).unwrap()).unwrap();
            let structure_path = format!("{stem}.structure.json");
            embedded.push(format!("({structure_path:?}, include_str!({:?})),", structure_file.display().to_string()));
            let texts_path = format!("{stem}.texts.json");
            let texts = serde_json::to_string(&texts).unwrap();
            let name = texts_path.rsplit('/').next().unwrap();
            fs::write(out.join(name), &texts).unwrap();
            let for_post_build = profile_dir.join("kommunkompass-rubrics");
            fs::create_dir_all(&for_post_build).unwrap();
            fs::write(for_post_build.join(name), &texts).unwrap();
            generated.push(format!("({texts_path:?}, include_str!({:?})),", out.join(name).display().to_string()));
            fetched.push(format!("{texts_path:?},"));
            continue;
        }
        if rel.ends_with("calibration/model.json") {
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

    fs::write(out.join("embedded_rubrics.rs"), format!("&[\n{}\n]\n", embedded.join("\n"))).unwrap();
    let versions: Vec<String> = versions.iter().map(|(i, t, p)| format!("({i:?}, {t:?}, {p:?}),")).collect();
    let seeds: Vec<String> = seeds.map(|(s, d)| format!("({s:?}, {d:?}),")).collect();
    let code = format!(
        "/// Paths of the files fetched when a view needs them.\npub static FETCHED: &[&str] = &[\n{}\n];\n\
         /// `(id, title, period)` of the current rubric version (embedded).\n\
         pub static CURRENT_VERSION: (&str, &str, &str) = ({:?}, {:?}, {:?});\n\
         /// `(id, title, period)` of the rubric versions that are fetched, newest first.\n\
         pub static FETCHED_VERSIONS: &[(&str, &str, &str)] = &[\n{}\n];\n\
         /// `(seed, document)` of the fetched files' sources, in the order the catalog looks them up.\n\
         pub static FETCHED_SEEDS: &[(&str, &str)] = &[\n{}\n];\n\
         /// `(path, contents)` of the fetched files the build makes (the current rubric's texts),\n\
         /// for the native tests; the app fetches them like the others.\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub static GENERATED: &[(&str, &str)] = &[\n{}\n];\n",
        fetched.join("\n"),
        current_version.0,
        current_version.1,
        current_version.2,
        versions.join("\n"),
        seeds.join("\n"),
        generated.join("\n"),
    );
    fs::write(out.join("fetched_rubrics.rs"), code).unwrap();

    // The `split` feature (release builds, scripts/build-wasm.mjs): wasm-split-cli needs the
    // linker's relocations to cut the module into the main module and the lazily loaded chunks.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
