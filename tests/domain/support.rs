//! Shared helpers: the embedded catalog and answer sets built by hand.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Assessment, Response};
use kommunkompass::domain::catalog::Catalog;
use kommunkompass::domain::rubric::Rubric;
use kommunkompass::workspace::{Change, MemoryStore, Workspace};

pub fn catalog() -> &'static Catalog {
    Catalog::embedded()
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
