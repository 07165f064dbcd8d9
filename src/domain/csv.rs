//! CSV export of sub-area and area scores that Swedish Excel opens correctly: UTF-8 with a byte
//! order mark, semicolons between fields, decimal commas, CRLF line ends.

use super::rubric::Rubric;
use super::scoring::Score;

/// Formats a number with a decimal comma and at most one decimal; empty when absent.
fn number(value: Option<f64>) -> String {
    value.map(super::format::points).unwrap_or_default()
}

/// Quotes a field when it holds a separator, quote or line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The CSV text (with BOM) for one scored assessment.
pub fn scores_csv(rubric: &Rubric, score: &Score) -> String {
    let mut out = String::from("\u{feff}");
    let header = ["Nivå", "Id", "Namn", "Poäng", "Max", "Andel av max (%)", "Besvarade", "Aktuella frågor", "Målpoäng"];
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    let mut row = |kind: &str,
                   id: &str,
                   name: &str,
                   points: Option<f64>,
                   max: f64,
                   answered: usize,
                   applicable: usize,
                   target: Option<f64>| {
        let share = points.map(|p| p / max * 100.0);
        let cells = [
            kind.to_string(),
            field(id),
            field(name),
            number(points),
            number(Some(max)),
            number(share),
            answered.to_string(),
            applicable.to_string(),
            number(target),
        ];
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    for (area, area_score) in rubric.areas.iter().zip(&score.areas) {
        let c = area_score.completeness;
        let points = (c.answered > 0).then_some(area_score.points);
        row("Område", &area.id, &area.name, points, 100.0, c.answered, c.applicable, area_score.target);
        for (sub, s) in area.subareas.iter().zip(&area_score.subareas) {
            row(
                "Delområde",
                &sub.id,
                &sub.name,
                s.points,
                s.max,
                s.completeness.answered,
                s.completeness.applicable,
                s.target,
            );
        }
    }
    let c = score.completeness;
    row("Totalt", "", "Hela kommunen", Some(score.total), score.max, c.answered, c.applicable, score.target);
    out
}
