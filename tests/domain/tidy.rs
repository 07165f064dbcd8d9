//! Project habits checked as tests: every source file says what it holds, and the domain core
//! stays free of browser and UI crates.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources(sub: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(sub), &mut files);
    files.into_iter().map(|p| (p.clone(), fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    for (path, text) in sources("src") {
        assert!(text.starts_with("//!"), "{} lacks a //! doc comment", path.display());
    }
}

#[test]
fn the_domain_core_names_no_browser_or_ui_crate() {
    for (path, text) in sources("src/domain") {
        for banned in ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo", "charming"] {
            let code: String =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            assert!(!code.contains(banned), "{} uses {banned}", path.display());
        }
    }
}

#[test]
fn no_test_hides_behind_should_panic_or_ignore() {
    for (path, text) in sources("tests") {
        for banned in ["#[should_panic", "#[ignore"] {
            assert!(!text.contains(banned) || path.ends_with("tidy.rs"), "{} uses {banned}", path.display());
        }
    }
}
