//! Shared helpers: the catalog of every data file (read from disk, as the app's build embeds or
//! fetches it) and answer sets built by hand.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Assessment, Response};
use kommunkompass::domain::catalog::Catalog;
use kommunkompass::domain::rubric::Rubric;
use kommunkompass::workspace::{Change, MemoryStore, Workspace};

/// Every `.json` under `rubrics/` as `(path from the project root, contents)`, sorted; the
/// catalog itself skips the schemas and the calibration study's readings.
pub fn files_on_disk() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join("rubrics"), root, &mut out);
    out.sort();
    out
}

/// Every rubric version, reference, mapping, check and the calibration, from the files on disk
/// (what the app has once it has fetched what it does not embed).
pub fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        let files = files_on_disk();
        Catalog::from_files(files.iter().map(|(p, t)| (p.as_str(), t.as_str()))).expect("the data in rubrics/ is valid")
    })
}

pub fn rubric(id: &str) -> &'static Rubric {
    catalog().rubric(id).unwrap_or_else(|| panic!("rubric {id} missing"))
}

/// Every question of `rubric` answered with `response`.
pub fn all(rubric: &Rubric, response: Response) -> BTreeMap<String, Answer> {
    rubric.questions().map(|q| (q.id.clone(), Answer { response: Some(response), ..Answer::default() })).collect()
}

pub fn top(rubric: &Rubric) -> Response {
    Response::Level(rubric.scale.top().value)
}

pub fn assessment(rubric: &str) -> Assessment {
    Assessment::new("a1".into(), "Workshop".into(), "Testkommun".into(), rubric.into(), 1_700_000_000_000)
}

/// Delivers to `tab` what the other tabs wrote, as the browser's storage events do.
pub fn deliver(tab: &mut Workspace<MemoryStore>, now: u64) -> usize {
    let events = tab.store().events();
    let n = events.len();
    for (key, value) in events {
        tab.apply(Change::StorageEvent { key, value }, now);
    }
    n
}

/// Delivers events back and forth until no tab writes anything more.
pub fn settle(tabs: &mut [&mut Workspace<MemoryStore>], now: u64) {
    for _ in 0..20 {
        let mut any = 0;
        for tab in tabs.iter_mut() {
            any += deliver(tab, now);
        }
        if any == 0 {
            return;
        }
    }
    panic!("the tabs keep writing to each other");
}
