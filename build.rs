//! Embeds every JSON data file under `rubrics/` (not the schemas) so that adding a rubric version or a reference is a
//! data change only. Generates `$OUT_DIR/embedded_rubrics.rs`, a slice of `(path, contents)`. Also passes
//! `--emit-relocs` to the linker for split builds (feature `split`).

use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
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
            out.push(format!("({rel:?}, include_str!({:?})),", path.display().to_string()));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rubrics = root.join("rubrics");
    println!("cargo:rerun-if-changed=rubrics");
    let mut entries = Vec::new();
    collect(&rubrics, root, &mut entries);
    let code = format!("&[\n{}\n]\n", entries.join("\n"));
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_rubrics.rs"), code).unwrap();

    // The `split` feature (release builds, scripts/build-wasm.mjs): wasm-split-cli needs the
    // linker's relocations to cut the module into the main module and the lazily loaded chunks.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
