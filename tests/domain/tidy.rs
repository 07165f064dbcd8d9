//! Project habits checked as tests: every source file says what it holds; the domain core (and
//! the chart builders) stay free of browser and UI crates, clocks and I/O; the workspace stays
//! free of Leptos and the browser; and the UI has no import cycles (nothing in `ui` imports `app`,
//! no page imports another).

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
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(sub);
    if path.is_file() {
        files.push(path);
    } else {
        rust_files(&path, &mut files);
    }
    files.into_iter().map(|p| (p.clone(), fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    for (path, text) in sources("src") {
        assert!(text.starts_with("//!"), "{} lacks a //! doc comment", path.display());
    }
}

/// The code of a source file without its comments (so that docs may name what code may not).
fn code(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Fails naming every file under `subs` whose code contains one of `banned`.
fn assert_none_use(subs: &[&str], banned: &[&str], what: &str) {
    let mut found = Vec::new();
    for sub in subs {
        for (path, text) in sources(sub) {
            let code = code(&text);
            for b in banned {
                if code.contains(b) {
                    found.push(format!("{} uses {b}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{what}:\n  {}", found.join("\n  "));
}

const BROWSER_AND_UI: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"];
const CLOCK_AND_IO: &[&str] =
    &["std::fs", "std::time", "SystemTime", "Instant", "std::net", "std::env", "std::io", "std::process", "thread_rng"];

#[test]
fn the_domain_core_and_the_chart_builders_name_no_browser_or_ui_crate() {
    assert_none_use(&["src/domain", "src/charts.rs"], BROWSER_AND_UI, "the pure core must compile and run natively");
    assert_none_use(&["src/domain"], &["charming"], "the domain knows nothing of charts");
}

#[test]
fn the_domain_core_and_the_chart_builders_read_no_clock_and_do_no_io() {
    assert_none_use(&["src/domain", "src/charts.rs"], CLOCK_AND_IO, "times and data are passed in, never fetched");
}

#[test]
fn the_workspace_is_free_of_leptos_the_browser_and_the_clock() {
    let mut banned = BROWSER_AND_UI.to_vec();
    banned.extend_from_slice(CLOCK_AND_IO);
    banned.push("charming");
    assert_none_use(&["src/workspace"], &banned, "the workspace is tested natively with times passed in");
}

#[test]
fn nothing_in_ui_imports_app_and_no_page_imports_another() {
    assert_none_use(&["src/ui"], &["crate::app", "app::"], "app imports the UI, never the other way round");
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/pages");
    let names: Vec<String> = fs::read_dir(&pages)
        .unwrap()
        .flatten()
        .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| n != "mod")
        .collect();
    assert!(names.len() >= 5, "pages found: {names:?}");
    let mut found = Vec::new();
    for (path, text) in sources("src/ui") {
        let code = code(&text);
        let is_pages_mod = path.ends_with("pages/mod.rs");
        if !is_pages_mod && (code.contains("pages::") || code.contains("ui::pages")) {
            found.push(format!("{} imports a page", path.display()));
        }
        if path.parent().is_some_and(|p| p.ends_with("pages")) {
            for name in &names {
                if code.contains(&format!("super::{name}")) {
                    found.push(format!("{} imports page {name}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "only app imports pages:\n  {}", found.join("\n  "));
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
