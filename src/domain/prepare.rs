//! "Förbered utvärderingen": what the evaluators will look at and whether it can be shown. Built
//! from each question's evidence kinds (documents, website, interviews) and the evidence items the
//! team recorded: the documents to collect, what to check on the website, the interviews to book,
//! the answers that will be hard to show ("Svårt att visa") and the questions still to find out
//! ("Ta reda på").
//!
//! The risk rule: a question answered at "Etablerat och följs upp" or higher, whose evaluators look
//! in documents or on the website, with no document or web page recorded that exists now. Such an
//! answer is at risk of not being credited; its effect is shown as the points it carries and as the
//! change in the expected evaluation result if it were counted as "Påbörjat".

use std::collections::{BTreeMap, BTreeSet};

use super::assessment::{Assessment, Response};
use super::calibration::Calibration;
use super::evidence::{EvidenceItem, ItemKind};
use super::rubric::{Evidence, Question, Rubric};
use super::scoring::score;

/// The level from which an answer claims something is in place across the organisation.
pub const CLAIMS_IN_PLACE: u8 = 3;
/// The level an answer that cannot be shown is counted as, for its effect.
pub const UNSHOWN_COUNTS_AS: u8 = 1;

/// Where a question sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Area id.
    pub area: String,
    /// Sub-area id.
    pub subarea: String,
    /// Question id.
    pub question: String,
}

/// An answer that may not be credited because nothing shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    /// The question.
    pub place: Place,
    /// The level answered.
    pub level: u8,
    /// The sources the evaluators use for it that need something in writing.
    pub needs: Vec<Evidence>,
    /// The raw points the answer carries in its sub-area.
    pub points: f64,
    /// How much lower the expected evaluation result would be if the answer were counted as
    /// "Påbörjat" (`None` without a calibration).
    pub expected_drop: Option<f64>,
}

/// A question not yet answered, or answered "Vet ej".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToFindOut {
    /// The question.
    pub place: Place,
    /// True for "Vet ej", false for no answer.
    pub dont_know: bool,
}

/// One line of a list: a question and the items recorded for it of the kind the list is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The question.
    pub place: Place,
    /// The live items of the list's kind.
    pub items: Vec<EvidenceItem>,
}

/// A role to interview and what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    /// The role as recorded ("Ekonomichef").
    pub role: String,
    /// How many questions name it.
    pub questions: usize,
    /// The areas it covers.
    pub areas: BTreeSet<String>,
}

/// Everything the preparation view shows, per area in rubric order where it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Preparation {
    /// Questions whose evaluators read documents, with the documents recorded.
    pub documents: Vec<Line>,
    /// Questions whose evaluators look at the website, with the pages recorded.
    pub web_pages: Vec<Line>,
    /// Roles to interview, most questions first (then by name).
    pub interviews: Vec<Interview>,
    /// Questions whose evaluators interview someone, with no role recorded yet.
    pub interviews_missing: Vec<Place>,
    /// "Svårt att visa", most points at stake first.
    pub risks: Vec<Risk>,
    /// "Ta reda på", in rubric order.
    pub to_find_out: Vec<ToFindOut>,
}

fn places(rubric: &Rubric) -> impl Iterator<Item = (Place, &Question)> {
    rubric.areas.iter().flat_map(|a| {
        a.subareas.iter().flat_map(move |s| {
            s.questions
                .iter()
                .map(move |q| (Place { area: a.id.clone(), subarea: s.id.clone(), question: q.id.clone() }, q))
        })
    })
}

/// Builds the preparation lists for an assessment.
pub fn prepare(rubric: &Rubric, assessment: &Assessment, calibration: Option<&Calibration>) -> Preparation {
    let items_of = |q: &str, kind: ItemKind| -> Vec<EvidenceItem> {
        assessment.answer(q).map(|a| a.live_items().filter(|i| i.kind == kind).cloned().collect()).unwrap_or_default()
    };
    let mut documents = Vec::new();
    let mut web_pages = Vec::new();
    let mut interviews: BTreeMap<String, Interview> = BTreeMap::new();
    let mut interviews_missing = Vec::new();
    let mut to_find_out = Vec::new();
    let mut risks = Vec::new();
    let raw = score(rubric, &assessment.answers);
    let expected_total = calibration.map(|c| c.expected(rubric, &assessment.answers).score.total);
    for (place, q) in places(rubric) {
        if q.evidence.contains(&Evidence::Styrdokument) {
            documents.push(Line { place: place.clone(), items: items_of(&q.id, ItemKind::Document) });
        }
        if q.evidence.contains(&Evidence::Webbplats) {
            web_pages.push(Line { place: place.clone(), items: items_of(&q.id, ItemKind::WebPage) });
        }
        // Every role recorded counts, also on a question the evaluators would not ask about in
        // interviews; a question they would ask about without a role is listed as missing one.
        let roles = items_of(&q.id, ItemKind::Interview);
        if q.evidence.contains(&Evidence::Intervjuer) && roles.is_empty() {
            interviews_missing.push(place.clone());
        }
        {
            let distinct: BTreeSet<String> =
                roles.iter().map(|r| r.title.trim().to_string()).filter(|r| !r.is_empty()).collect();
            for role in distinct {
                let entry = interviews.entry(role.to_lowercase()).or_insert_with(|| Interview {
                    role: role.clone(),
                    questions: 0,
                    areas: BTreeSet::new(),
                });
                entry.questions += 1;
                entry.areas.insert(place.area.clone());
            }
        }
        match assessment.answer(&q.id).and_then(|a| a.response) {
            None => to_find_out.push(ToFindOut { place, dont_know: false }),
            Some(Response::DontKnow) => to_find_out.push(ToFindOut { place, dont_know: true }),
            Some(Response::Level(level)) if level >= CLAIMS_IN_PLACE => {
                let needs: Vec<Evidence> = q.evidence.iter().copied().filter(|e| *e != Evidence::Intervjuer).collect();
                let shown =
                    assessment.answer(&q.id).is_some_and(|a| a.items.iter().any(EvidenceItem::shows_in_writing));
                if needs.is_empty() || shown {
                    continue;
                }
                let points = question_points(rubric, &raw, assessment, &place, q, level);
                let expected_drop = calibration.zip(expected_total).map(|(c, before)| {
                    let mut answers = assessment.answers.clone();
                    if let Some(a) = answers.get_mut(&q.id) {
                        a.response = Some(Response::Level(UNSHOWN_COUNTS_AS));
                    }
                    before - c.expected(rubric, &answers).score.total
                });
                risks.push(Risk { place, level, needs, points, expected_drop });
            }
            Some(_) => {}
        }
    }
    risks.sort_by(|a, b| b.points.total_cmp(&a.points).then_with(|| a.place.question.cmp(&b.place.question)));
    let mut interviews: Vec<Interview> = interviews.into_values().collect();
    interviews.sort_by(|a, b| b.questions.cmp(&a.questions).then_with(|| a.role.cmp(&b.role)));
    Preparation { documents, web_pages, interviews, interviews_missing, risks, to_find_out }
}

/// The raw points one answer carries: its share of the sub-area's weights times the level's
/// fraction times the sub-area's maximum, over the questions answered with a level.
fn question_points(
    rubric: &Rubric,
    raw: &super::scoring::Score,
    assessment: &Assessment,
    place: &Place,
    q: &Question,
    level: u8,
) -> f64 {
    let Some(sub) = rubric.subarea(&place.subarea) else { return 0.0 };
    let graded: f64 = sub
        .questions
        .iter()
        .filter(|x| matches!(assessment.answer(&x.id).and_then(|a| a.response), Some(Response::Level(_))))
        .map(Question::weight)
        .sum();
    let fraction = rubric.scale.level(level).map_or(0.0, |l| l.fraction);
    let max = raw.subarea(&sub.id).map_or(f64::from(sub.max), |s| s.max);
    if graded > 0.0 { max * q.weight() / graded * fraction } else { 0.0 }
}
