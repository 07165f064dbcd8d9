//! The sentences the workshop views show about the statistics: the middle and the spread of a
//! question or a sub-area, a gap to the average, a proposal, and how many are agreed.

use super::super::assessment::Response;
use super::super::csv::answer_label;
use super::super::format;
use super::super::rubric::Rubric;
use super::stats::{QuestionStats, SubareaStats};

/// "Median 2 – Delvis · lägst 1, högst 4 (spridning 3) · kvartiler 1–3 (kvartilavstånd 2) · 5 svar
/// med nivå", or that nobody chose a level.
pub fn question_line(rubric: &Rubric, s: &QuestionStats) -> String {
    let Some(x) = s.spread else { return "Ingen har valt en nivå.".to_string() };
    let median = answer_label(rubric, Some(Response::Level(x.median)));
    format!(
        "Median {median} · lägst {}, högst {} (spridning {}) · kvartiler {}–{} (kvartilavstånd {}) · {} svar med nivå",
        x.min,
        x.max,
        x.max - x.min,
        x.q1,
        x.q3,
        x.q3 - x.q1,
        x.n
    )
}

/// "Median 12,5 av 20 poäng · lägst 5, högst 20 · kvartilavstånd 7,5 · 5 deltagare med svar", or
/// that nobody has answered.
pub fn subarea_line(s: &SubareaStats) -> String {
    let Some(x) = s.spread else { return "Ingen deltagare har valt en nivå i delområdet.".to_string() };
    format!(
        "Median {} av {} poäng · lägst {}, högst {} · kvartilavstånd {} · {} deltagare med svar",
        format::points(x.median),
        format::points(s.max),
        format::points(x.min),
        format::points(x.max),
        format::points(x.q3 - x.q1),
        x.n
    )
}

/// The proposal for a question, with the rule for an even number of answers.
pub fn proposal_line(rubric: &Rubric, s: &QuestionStats) -> String {
    match s.spread {
        Some(x) if x.n % 2 == 0 => format!(
            "Förslag: {} – medianen av {} svar; vid jämnt antal svar den lägre av de två mittersta.",
            answer_label(rubric, Some(Response::Level(x.median))),
            x.n
        ),
        Some(x) => {
            format!("Förslag: {} – medianen av {} svar.", answer_label(rubric, Some(Response::Level(x.median))), x.n)
        }
        None if s.distribution.not_applicable + s.distribution.dont_know > 0 => {
            "Förslag: det vanligaste av ”Ej aktuellt” och ”Vet ej”, eftersom ingen valt en nivå.".to_string()
        }
        None => "Inget förslag: ingen deltagare har svarat.".to_string(),
    }
}

/// "Område 3: median 42, snittet 55 (13 poäng under)".
pub fn gap_line(area: &str, name: &str, median: f64, average: f64) -> String {
    format!(
        "{area}. {name}: gruppens median {}, snittet {} ({} poäng under)",
        format::points(median),
        format::points(average),
        format::points(average - median)
    )
}

/// "180 av 227 frågor har en överenskommen nivå."
pub fn agreed_line(agreed: usize, questions: usize) -> String {
    format!("{agreed} av {questions} frågor har en överenskommen nivå.")
}

/// "spridning 4 (lägst 0, högst 4), kvartilavstånd 2" for the disagreement list.
pub fn question_spread_short(s: &QuestionStats) -> String {
    match s.spread {
        Some(x) => {
            format!("spridning {} (lägst {}, högst {}), kvartilavstånd {}", x.max - x.min, x.min, x.max, x.q3 - x.q1)
        }
        None => "ingen spridning".to_string(),
    }
}

/// "spridning 60 % av maxpoängen, kvartilavstånd 25 %" for the disagreement list.
pub fn subarea_spread_short(s: &SubareaStats) -> String {
    format!(
        "spridning {} av maxpoängen, kvartilavstånd {}",
        format::percent(s.range_share()),
        format::percent(s.iqr_share())
    )
}

/// "4 av 5 deltagare" for the priorities list.
pub fn priority_count(count: usize, participants: usize) -> String {
    format!("{count} av {participants} deltagare")
}
