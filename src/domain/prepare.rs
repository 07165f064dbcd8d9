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

use super::assessment::{Answer, Assessment, Response};
use super::calibration::Calibration;
use super::evidence::{EvidenceItem, ItemKind, ItemStatus};
use super::format;
use super::rubric::{Area, Evidence, Question, Rubric, Scale};
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
#[derive(Debug, Clone, PartialEq, Default)]
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
    /// How much lower the expected evaluation result would be if none of the risks were
    /// credited, all counted as "Påbörjat" together (`None` without a calibration or risks).
    pub risks_drop: Option<f64>,
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

/// Where a question of `rubric` sits, if it has it.
pub fn place_of(rubric: &Rubric, question: &str) -> Option<Place> {
    places(rubric).find(|(_, q)| q.id == question).map(|(p, _)| p)
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
        let answer = assessment.answer(&q.id);
        match answer.and_then(|a| a.response) {
            None => to_find_out.push(ToFindOut { place, dont_know: false }),
            Some(Response::DontKnow) => to_find_out.push(ToFindOut { place, dont_know: true }),
            Some(Response::Level(level)) => {
                let Some(needs) = hard_to_show(q, answer) else { continue };
                let points = question_points(rubric, &raw, assessment, &place, q, level);
                let expected_drop = calibration
                    .zip(expected_total)
                    .map(|(c, before)| drop_if_unshown(rubric, c, assessment, before, [q.id.as_str()]));
                risks.push(Risk { place, level, needs, points, expected_drop });
            }
            Some(Response::NotApplicable) => {}
        }
    }
    risks.sort_by(|a, b| b.points.total_cmp(&a.points).then_with(|| a.place.question.cmp(&b.place.question)));
    let mut interviews: Vec<Interview> = interviews.into_values().collect();
    interviews.sort_by(|a, b| b.questions.cmp(&a.questions).then_with(|| a.role.cmp(&b.role)));
    let risks_drop = calibration.zip(expected_total).filter(|_| !risks.is_empty()).map(|(c, before)| {
        drop_if_unshown(rubric, c, assessment, before, risks.iter().map(|r| r.place.question.as_str()))
    });
    Preparation { documents, web_pages, interviews, interviews_missing, risks, risks_drop, to_find_out }
}

/// The rule of "Svårt att visa" for one answer: at "Etablerat och följs upp" or higher, to a
/// question whose evaluators look in documents or on the website, with no document or web page
/// recorded that exists now. Returns those sources, or `None` when the answer is not at risk.
pub fn hard_to_show(q: &Question, answer: Option<&Answer>) -> Option<Vec<Evidence>> {
    let answer = answer?;
    if !matches!(answer.response, Some(Response::Level(level)) if level >= CLAIMS_IN_PLACE) {
        return None;
    }
    let needs: Vec<Evidence> = q.evidence.iter().copied().filter(|e| *e != Evidence::Intervjuer).collect();
    let shown = answer.items.iter().any(EvidenceItem::shows_in_writing);
    (!needs.is_empty() && !shown).then_some(needs)
}

/// How much lower the expected total would be with `questions` counted as "Påbörjat".
fn drop_if_unshown<'q>(
    rubric: &Rubric,
    calibration: &Calibration,
    assessment: &Assessment,
    before: f64,
    questions: impl IntoIterator<Item = &'q str>,
) -> f64 {
    let mut answers = assessment.answers.clone();
    for q in questions {
        if let Some(a) = answers.get_mut(q) {
            a.response = Some(Response::Level(UNSHOWN_COUNTS_AS));
        }
    }
    before - calibration.expected(rubric, &answers).score.total
}

/// `items` under the areas they belong to, in rubric order; areas with none are left out.
pub fn by_area<T>(
    rubric: &Rubric,
    items: impl IntoIterator<Item = T>,
    area_of: impl Fn(&T) -> &str,
) -> Vec<(&Area, Vec<T>)> {
    let mut groups: Vec<(&Area, Vec<T>)> = rubric.areas.iter().map(|a| (a, Vec::new())).collect();
    for item in items {
        let area = area_of(&item);
        if let Some((_, list)) = groups.iter_mut().find(|(a, _)| a.id == area) {
            list.push(item);
        }
    }
    groups.retain(|(_, list)| !list.is_empty());
    groups
}

/// One document or web page recorded, with the question it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded<'a> {
    /// Where the question sits.
    pub place: Place,
    /// The question.
    pub question: &'a Question,
    /// The document or page.
    pub item: &'a EvidenceItem,
}

/// Every live document and web page recorded, by area and question in rubric order — what the
/// underlagsförteckning lists. Interview roles are not part of it.
pub fn recorded<'a>(rubric: &'a Rubric, assessment: &'a Assessment) -> Vec<Recorded<'a>> {
    places(rubric)
        .flat_map(|(place, question)| {
            let items = assessment.answer(&question.id).into_iter().flat_map(Answer::live_items);
            items.filter(|i| i.kind != ItemKind::Interview).map(move |item| Recorded {
                place: place.clone(),
                question,
                item,
            })
        })
        .collect()
}

/// How many documents and web pages are recorded, and how many of them need updating or are
/// missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Documents recorded.
    pub documents: usize,
    /// Web pages recorded.
    pub web_pages: usize,
    /// Of them, marked "Behöver uppdateras".
    pub needs_update: usize,
    /// Of them, marked "Saknas".
    pub missing: usize,
}

impl Tally {
    /// Counts what [`recorded`] lists.
    pub fn of(recorded: &[Recorded<'_>]) -> Tally {
        let mut t = Tally::default();
        for r in recorded {
            match r.item.kind {
                ItemKind::Document => t.documents += 1,
                _ => t.web_pages += 1,
            }
            match r.item.status {
                ItemStatus::NeedsUpdate => t.needs_update += 1,
                ItemStatus::Missing => t.missing += 1,
                ItemStatus::Exists => {}
            }
        }
        t
    }

    /// The counts in one sentence: "3 dokument och 1 webbsida; 1 behöver uppdateras och 1 saknas."
    pub fn sentence(&self) -> String {
        if self.documents + self.web_pages == 0 {
            return "Inga dokument eller webbsidor är angivna ännu.".to_string();
        }
        let pages = if self.web_pages == 1 { "webbsida" } else { "webbsidor" };
        let mut s = format!("{} dokument och {} {pages}", self.documents, self.web_pages);
        let status: Vec<String> = [(self.needs_update, "behöver uppdateras"), (self.missing, "saknas")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        if status.is_empty() {
            s.push_str(", alla finns.");
        } else {
            s.push_str(&format!("; {}.", status.join(" och ")));
        }
        s
    }
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

/// "1 fråga", "3 frågor".
pub fn questions(n: usize) -> String {
    if n == 1 { "1 fråga".to_string() } else { format!("{n} frågor") }
}

/// A level's label on `scale` ("Etablerat och följs upp"), or its number.
fn level_label(scale: &Scale, value: u8) -> String {
    scale.level(value).map_or_else(|| value.to_string(), |l| l.label.clone())
}

/// The risk rule in words, with the scale's own labels.
pub fn risk_rule(scale: &Scale) -> String {
    format!(
        "Här står svar på ”{}” eller högre där utvärderarna letar i dokument eller på webbplatsen, men där inget \
         dokument och ingen webbsida som finns är angiven. Utvärderarna ger bara poäng för det som går att visa, så \
         sådana svar riskerar att inte godtas. Störst poäng först; sista kolumnen visar hur mycket lägre det \
         förväntade resultatet blir om svaret bara räknas som ”{}”. En intervju räknas inte som något i skrift. \
         Listan blir kortare när ni anger ett dokument eller en webbsida som finns (eller behöver uppdateras).",
        level_label(scale, CLAIMS_IN_PLACE),
        level_label(scale, UNSHOWN_COUNTS_AS)
    )
}

/// What a question card says when its answer is hard to show.
pub fn risk_note(scale: &Scale) -> String {
    format!(
        "Svårt att visa: svaret är ”{}” eller högre, men inget dokument och ingen webbsida som finns är angiven. \
         Utvärderarna ger bara poäng för det som går att visa.",
        level_label(scale, CLAIMS_IN_PLACE)
    )
}

impl Preparation {
    /// What not crediting any of the risks would cost, in one sentence (`None` without one).
    pub fn drop_sentence(&self, scale: &Scale) -> Option<String> {
        let start = level_label(scale, UNSHOWN_COUNTS_AS);
        self.risks_drop.map(|d| {
            let which = match self.risks.len() {
                1 => format!("Räknas svaret bara som ”{start}”"),
                n => format!("Räknas inget av de {n} svaren som mer än ”{start}”"),
            };
            format!("{which} blir det förväntade resultatet {} poäng lägre.", format::points(d))
        })
    }

    /// Where the preparation stands, as (heading, sentence) pairs: the risks, what to find out,
    /// documents, the website (with `web_checks` = (done, all) when the version has checks),
    /// interviews and the underlagsförteckning.
    pub fn status_lines(&self, tally: Tally, web_checks: Option<(usize, usize)>) -> Vec<(&'static str, String)> {
        let with = |lines: &[Line]| lines.iter().filter(|l| !l.items.is_empty()).count();
        let dont_know = self.to_find_out.iter().filter(|t| t.dont_know).count();
        let answers = |n: usize| if n == 1 { "1 svar".to_string() } else { format!("{n} svar") };
        let mut web = format!("webbsidor angivna för {} av {}", with(&self.web_pages), questions(self.web_pages.len()));
        if let Some((done, all)) = web_checks {
            web = format!("{done} av {all} kontroller gjorda; {web}");
        }
        let roles = if self.interviews.len() == 1 {
            "1 roll angiven".to_string()
        } else {
            format!("{} roller angivna", self.interviews.len())
        };
        vec![
            ("Svårt att visa", answers(self.risks.len())),
            ("Ta reda på", format!("{}, varav {dont_know} med ”Vet ej”", questions(self.to_find_out.len()))),
            (
                "Dokument att samla",
                format!("dokument angivna för {} av {}", with(&self.documents), questions(self.documents.len())),
            ),
            ("Webbplatsen", web),
            ("Intervjuer att boka", format!("{roles}; {} utan roll", questions(self.interviews_missing.len()))),
            ("Underlagsförteckningen", tally.sentence()),
        ]
    }
}
