//! Statistics over the participants' answers, for ordinal levels: how many chose each level, the
//! median, the quartiles and the spread, per question and per sub-area, and the ranking of where
//! the group disagrees most.
//!
//! Rules (stated to users where the numbers are shown):
//! - Only graded levels enter the median, quartiles and spread. "Vet ej", "Ej aktuellt" and no
//!   answer are counted apart and are never a zero.
//! - **Median** of an even number of levels: the lower of the two middle levels (the cautious
//!   choice, in line with evaluators who credit only what is in place).
//! - **Quartiles** by nearest rank on the sorted levels: Q1 is the level at rank ⌈n/4⌉, Q3 the
//!   level at rank ⌈3n/4⌉; the interquartile range is Q3 − Q1.
//! - **Disagreement** ranks by spread (highest − lowest level), then interquartile range, then the
//!   number of graded answers (more voices first), then id. For sub-areas the same rule is applied
//!   to the participants' sub-area points as a share of the maximum.
//! - **Areas** (the radar): the median, lowest and highest of the participants' area points,
//!   over the participants who answered anything in the area.

use std::collections::BTreeMap;

/// How the middle is chosen, as users read it.
pub const MEDIAN_RULE: &str = "Medianen är den mittersta av de valda nivåerna. Vid ett jämnt antal svar \
används den lägre av de två mittersta – det försiktiga valet, i linje med utvärderare som bara ger poäng för \
det som finns på plats. ”Vet ej”, ”Ej aktuellt” och obesvarade räknas för sig och aldrig som noll.";

/// How the spread is measured, as users read it.
pub const SPREAD_RULE: &str = "Spridningen är skillnaden mellan högsta och lägsta nivå. Kvartilerna tas med \
närmaste rang: den nedre är nivån på plats ⌈n/4⌉ och den övre på plats ⌈3n/4⌉ bland de n sorterade svaren; \
kvartilavståndet är skillnaden mellan dem.";

/// How the disagreement list is ordered, as users read it.
pub const DISAGREEMENT_RULE: &str = "Listan sorteras efter spridningen (högsta minus lägsta nivå), sedan \
efter kvartilavståndet och sedan efter antalet svar med en nivå – fler röster först. Delområden jämförs på \
deltagarnas poäng i delområdet som andel av maxpoängen. Bara frågor och delområden där deltagarna skiljer sig \
åt finns med.";

use super::super::assessment::{Answer, Response};
use super::super::rubric::Rubric;
use super::super::scoring::{Score, score};

/// How the participants answered one question.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    /// Count per level value, in scale order (every level present, zero when nobody chose it).
    pub levels: Vec<(u8, usize)>,
    /// "Vet ej".
    pub dont_know: usize,
    /// "Ej aktuellt".
    pub not_applicable: usize,
    /// No answer at all.
    pub unanswered: usize,
}

/// Order statistics of graded values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread<T> {
    /// Lowest.
    pub min: T,
    /// First quartile (nearest rank).
    pub q1: T,
    /// Median (the lower middle one for an even count).
    pub median: T,
    /// Third quartile (nearest rank).
    pub q3: T,
    /// Highest.
    pub max: T,
    /// How many values.
    pub n: usize,
}

/// The order statistics of `values` (sorted here); `None` when there are none.
pub fn spread<T: Copy + PartialOrd>(values: &[T]) -> Option<Spread<T>> {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = v.len();
    if n == 0 {
        return None;
    }
    // Nearest rank: the value at 1-based rank ⌈p·n⌉ (at least 1).
    let rank = |num: usize, den: usize| v[(num * n).div_ceil(den).max(1) - 1];
    Some(Spread { min: v[0], q1: rank(1, 4), median: v[(n - 1) / 2], q3: rank(3, 4), max: v[n - 1], n })
}

/// Per-area statistics of the participants' area points (0–100).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaStats {
    /// Area id.
    pub area: String,
    /// Order statistics of the points of the participants who answered anything in the area.
    pub spread: Option<Spread<f64>>,
}

/// Per-question statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    /// Question id.
    pub question: String,
    /// Counts per answer.
    pub distribution: Distribution,
    /// Order statistics of the graded levels.
    pub spread: Option<Spread<u8>>,
}

impl QuestionStats {
    /// Highest minus lowest level (0 with one or no graded answer).
    pub fn range(&self) -> u8 {
        self.spread.map_or(0, |s| s.max - s.min)
    }

    /// Q3 − Q1.
    pub fn iqr(&self) -> u8 {
        self.spread.map_or(0, |s| s.q3 - s.q1)
    }
}

/// Per-sub-area statistics of the participants' sub-area points.
#[derive(Debug, Clone, PartialEq)]
pub struct SubareaStats {
    /// Sub-area id.
    pub subarea: String,
    /// The sub-area's maximum.
    pub max: f64,
    /// Order statistics of the participants' points (those with at least one graded answer).
    pub spread: Option<Spread<f64>>,
}

impl SubareaStats {
    /// Highest minus lowest points, as a share of the maximum.
    pub fn range_share(&self) -> f64 {
        self.spread.map_or(0.0, |s| (s.max - s.min) / self.max)
    }

    /// Interquartile range as a share of the maximum.
    pub fn iqr_share(&self) -> f64 {
        self.spread.map_or(0.0, |s| (s.q3 - s.q1) / self.max)
    }
}

/// Statistics for one question over the participants' answer sets.
pub fn question_stats(rubric: &Rubric, question: &str, answers: &[&BTreeMap<String, Answer>]) -> QuestionStats {
    let mut d =
        Distribution { levels: rubric.scale.levels.iter().map(|l| (l.value, 0)).collect(), ..Default::default() };
    let mut graded = Vec::new();
    for set in answers {
        match set.get(question).and_then(|a| a.response) {
            Some(Response::Level(v)) => {
                if let Some(slot) = d.levels.iter_mut().find(|(value, _)| *value == v) {
                    slot.1 += 1;
                    graded.push(v);
                }
            }
            Some(Response::DontKnow) => d.dont_know += 1,
            Some(Response::NotApplicable) => d.not_applicable += 1,
            None => d.unanswered += 1,
        }
    }
    QuestionStats { question: question.to_string(), distribution: d, spread: spread(&graded) }
}

/// Every question's and sub-area's statistics, and both disagreement rankings.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Per question, in rubric order.
    pub questions: Vec<QuestionStats>,
    /// Per sub-area, in rubric order.
    pub subareas: Vec<SubareaStats>,
    /// Per area, in rubric order.
    pub areas: Vec<AreaStats>,
    /// Question ids, most disagreement first (only those with a spread above zero).
    pub questions_by_disagreement: Vec<String>,
    /// Sub-area ids, most disagreement first (only those with a spread above zero).
    pub subareas_by_disagreement: Vec<String>,
}

/// Computes the whole overview for the participants' answer sets (order does not matter).
pub fn overview(rubric: &Rubric, answers: &[&BTreeMap<String, Answer>]) -> Overview {
    // Score every participant once, then read the sub-areas and areas from those scores.
    overview_with_scores(rubric, answers, &participant_scores(rubric, answers))
}

/// Every participant's score, in the order of `answers` (what the tables per participant show).
pub fn participant_scores(rubric: &Rubric, answers: &[&BTreeMap<String, Answer>]) -> Vec<Score> {
    answers.iter().map(|a| score(rubric, a)).collect()
}

/// [`overview`] when the participants' scores (in the same order) are already computed.
pub fn overview_with_scores(rubric: &Rubric, answers: &[&BTreeMap<String, Answer>], scores: &[Score]) -> Overview {
    let questions: Vec<QuestionStats> = rubric.questions().map(|q| question_stats(rubric, &q.id, answers)).collect();
    let areas: Vec<AreaStats> = rubric
        .areas
        .iter()
        .map(|area| {
            let points: Vec<f64> = scores
                .iter()
                .filter_map(|s| s.area(&area.id).filter(|a| a.completeness.answered > 0).map(|a| a.points))
                .collect();
            AreaStats { area: area.id.clone(), spread: spread(&points) }
        })
        .collect();
    let subareas: Vec<SubareaStats> = rubric
        .areas
        .iter()
        .flat_map(|a| &a.subareas)
        .map(|sub| {
            let points: Vec<f64> = scores.iter().filter_map(|s| s.subarea(&sub.id).and_then(|x| x.points)).collect();
            SubareaStats { subarea: sub.id.clone(), max: f64::from(sub.max), spread: spread(&points) }
        })
        .collect();
    let mut q_rank: Vec<&QuestionStats> = questions.iter().filter(|q| q.range() > 0).collect();
    q_rank.sort_by(|a, b| {
        b.range()
            .cmp(&a.range())
            .then(b.iqr().cmp(&a.iqr()))
            .then(b.spread.map_or(0, |s| s.n).cmp(&a.spread.map_or(0, |s| s.n)))
            .then_with(|| id_order(&a.question, &b.question))
    });
    let mut s_rank: Vec<&SubareaStats> = subareas.iter().filter(|s| s.range_share() > 1e-9).collect();
    s_rank.sort_by(|a, b| {
        b.range_share()
            .total_cmp(&a.range_share())
            .then(b.iqr_share().total_cmp(&a.iqr_share()))
            .then(b.spread.map_or(0, |s| s.n).cmp(&a.spread.map_or(0, |s| s.n)))
            .then_with(|| id_order(&a.subarea, &b.subarea))
    });
    Overview {
        questions_by_disagreement: q_rank.iter().map(|q| q.question.clone()).collect(),
        subareas_by_disagreement: s_rank.iter().map(|s| s.subarea.clone()).collect(),
        questions,
        subareas,
        areas,
    }
}

/// Compares dotted ids numerically ("1.3.10" after "1.3.9").
fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| s.split('.').map(|p| p.parse::<u32>().unwrap_or(u32::MAX)).collect::<Vec<_>>();
    parts(a).cmp(&parts(b))
}
