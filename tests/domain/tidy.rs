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

/// Selectors of every style rule in a stylesheet, with the at-rule they sit in (if any).
fn selectors(css: &str) -> Vec<(Option<String>, String)> {
    let mut text = css.to_string();
    while let Some(start) = text.find("/*") {
        let end = text[start..].find("*/").map(|e| start + e + 2).unwrap_or(text.len());
        text.replace_range(start..end, "");
    }
    let mut out = Vec::new();
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut prelude = String::new();
    for c in text.chars() {
        match c {
            '{' => {
                let p = prelude.trim().to_string();
                prelude.clear();
                if p.starts_with('@') {
                    stack.push(Some(p));
                } else {
                    let inside = stack.iter().rev().flatten().next().cloned();
                    for sel in p.split(',') {
                        out.push((inside.clone(), sel.trim().to_string()));
                    }
                    stack.push(None);
                }
            }
            '}' => {
                stack.pop();
                prelude.clear();
            }
            ';' => prelude.clear(),
            _ => prelude.push(c),
        }
    }
    out
}

#[test]
fn the_stylesheet_styles_only_the_app_so_it_can_sit_on_a_host_page() {
    let css = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/app.css")).unwrap();
    let rules = selectors(&css);
    assert!(rules.len() > 50, "parsed {} selectors", rules.len());
    for (at, sel) in rules {
        if at.as_deref().is_some_and(|a| a.starts_with("@page")) {
            continue; // print page size: applies when the report is printed
        }
        // boot-guard.js marks <html> before the first paint (`data-kk-deep` on a deep link); a
        // rule that reads the mark still styles only the app's own elements.
        let own = ["html[data-kk-deep] ", "html:not([data-kk-deep]) "]
            .iter()
            .find_map(|m| sel.strip_prefix(m))
            .unwrap_or(&sel);
        assert!(own.starts_with(".kk-") || own.starts_with("#kommunkompass"), "unscoped selector {sel:?} (in {at:?})");
    }
}

#[test]
fn the_selector_reader_sees_rules_inside_media_queries() {
    let found = selectors("/* x { } */ .kk-a, p { color: red } @media print { body { margin: 0 } }");
    assert_eq!(
        found,
        [(None, ".kk-a".to_string()), (None, "p".to_string()), (Some("@media print".to_string()), "body".to_string())]
    );
}
