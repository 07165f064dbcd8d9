//! Shared helpers: the embedded catalog and answer sets built by hand.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Assessment, Response};
use kommunkompass::domain::catalog::Catalog;
use kommunkompass::domain::rubric::Rubric;

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
