//! CSV exports that Swedish Excel opens correctly: UTF-8 with a byte order mark, semicolons
//! between fields, decimal commas, CRLF line ends. Text cells are safe to open: a cell that would
//! start a formula (=, +, -, @, tab or carriage return, as OWASP describes for CSV injection) is
//! prefixed with an apostrophe, and cells with separators, quotes or line breaks are quoted.
//!
//! Two exports: the points per area and sub-area (with the expected evaluation result when the
//! questionnaire is calibrated), and every question with its answer, comment, evidence and target,
//! so that a team can work on the answers in a spreadsheet.

use super::assessment::{Assessment, Response};
use super::calibration::{Estimate, Expected};
use super::rubric::{Question, Rubric};
use super::scoring::Score;
use super::workshop::Workshop;
use super::workshop::stats::question_stats;

/// A CSV document being written.
struct Sheet {
    out: String,
}

/// One cell: text (neutralised and quoted as needed) or a number (decimal comma, never text).
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(Option<f64>),
}

impl Sheet {
    fn new(header: &[&str]) -> Sheet {
        let mut sheet = Sheet { out: String::from("\u{feff}") };
        sheet.row(header.iter().map(|h| Cell::Text(h)));
        sheet
    }

    fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| match c {
                Cell::Text(t) => text(t),
                Cell::Owned(t) => text(&t),
                Cell::Number(n) => number(n),
            })
            .collect();
        self.out.push_str(&cells.join(";"));
        self.out.push_str("\r\n");
    }
}

/// A number with a decimal comma and at most one decimal; empty when absent.
fn number(value: Option<f64>) -> String {
    value.map(super::format::points).unwrap_or_default()
}

/// A text cell: a leading formula character is neutralised with an apostrophe (OWASP), and the
/// cell is quoted when it holds a separator, quote or line break.
pub fn text(value: &str) -> String {
    let neutral =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if neutral.contains([';', '"', '\n', '\r']) { format!("\"{}\"", neutral.replace('"', "\"\"")) } else { neutral }
}

/// The points CSV (with BOM) for one scored assessment; `expected` adds the expected evaluation
/// result and its likely range for the areas and the total that have one.
pub fn scores_csv(rubric: &Rubric, score: &Score, expected: Option<&Expected>) -> String {
    let mut sheet = Sheet::new(&[
        "Nivå",
        "Id",
        "Namn",
        "Poäng",
        "Max",
        "Andel av max (%)",
        "Besvarade",
        "Aktuella frågor",
        "Målpoäng",
        "Förväntat resultat vid utvärdering",
        "Troligt intervall, lägst",
        "Troligt intervall, högst",
    ]);
    let estimate_cells = |e: Option<Estimate>| {
        [Cell::Number(e.map(|e| e.points)), Cell::Number(e.map(|e| e.low)), Cell::Number(e.map(|e| e.high))]
    };
    for (area, s) in rubric.areas.iter().zip(&score.areas) {
        let c = s.completeness;
        let points = (c.answered > 0).then_some(s.points);
        let estimate = expected.and_then(|e| e.area(&area.id)).and_then(|a| a.estimate);
        sheet.row(
            [
                Cell::Text("Område"),
                Cell::Text(&area.id),
                Cell::Text(&area.name),
                Cell::Number(points),
                Cell::Number(Some(100.0)),
                Cell::Number(points),
                Cell::Owned(c.answered.to_string()),
                Cell::Owned(c.applicable.to_string()),
                Cell::Number(s.target),
            ]
            .into_iter()
            .chain(estimate_cells(estimate)),
        );
        for (sub, x) in area.subareas.iter().zip(&s.subareas) {
            let name = if x.is_not_applicable() {
                format!("{} (ej aktuellt, räknas inte)", sub.name)
            } else {
                sub.name.clone()
            };
            let expected_points = expected.and_then(|e| e.score.subarea(&sub.id)).and_then(|e| e.points);
            sheet.row([
                Cell::Text("Delområde"),
                Cell::Text(&sub.id),
                Cell::Owned(name),
                Cell::Number(x.points),
                Cell::Number(Some(x.max)),
                Cell::Number(x.share().map(|s| s * 100.0)),
                Cell::Owned(x.completeness.answered.to_string()),
                Cell::Owned(x.completeness.applicable.to_string()),
                Cell::Number(x.target),
                Cell::Number(expected_points),
                Cell::Number(None),
                Cell::Number(None),
            ]);
        }
    }
    let c = score.completeness;
    let total = expected.and_then(|e| e.total);
    sheet.row(
        [
            Cell::Text("Totalt"),
            Cell::Text(""),
            Cell::Text("Hela kommunen"),
            Cell::Number(Some(score.total)),
            Cell::Number(Some(score.max)),
            Cell::Number(Some(score.total / score.max * 100.0)),
            Cell::Owned(c.answered.to_string()),
            Cell::Owned(c.applicable.to_string()),
            Cell::Number(score.target),
        ]
        .into_iter()
        .chain(estimate_cells(total)),
    );
    sheet.out
}

/// The answer to a question as a label ("3 – Etablerat och följs upp", "Vet ej", …; empty when
/// unanswered). Also what the workshop views show.
pub fn answer_label(rubric: &Rubric, response: Option<Response>) -> String {
    match response {
        Some(Response::Level(v)) => {
            rubric.scale.level(v).map(|l| format!("{} – {}", l.value, l.label)).unwrap_or_else(|| v.to_string())
        }
        Some(Response::DontKnow) => rubric.scale.dont_know.label.clone(),
        Some(Response::NotApplicable) => rubric.scale.not_applicable.label.clone(),
        None => String::new(),
    }
}

/// Every question with its answer, comment, evidence and target (with BOM), in rubric order;
/// answers kept under retired questions follow at the end, marked as such.
pub fn questions_csv(rubric: &Rubric, assessment: &Assessment) -> String {
    let mut sheet = Sheet::new(&[
        "Område",
        "Delområde",
        "Fråga",
        "Frågetext",
        "Svar",
        "Nivå (0–4)",
        "Kommentar",
        "Underlag",
        "Målnivå",
    ]);
    let mut row = |area: &str, sub: &str, id: &str, question: &str| {
        let answer = assessment.answer(id);
        let response = answer.and_then(|a| a.response);
        let level = match response {
            Some(Response::Level(v)) => Some(f64::from(v)),
            _ => None,
        };
        let target = answer.and_then(|a| a.target).and_then(|t| rubric.scale.level(t));
        sheet.row([
            Cell::Text(area),
            Cell::Text(sub),
            Cell::Text(id),
            Cell::Text(question),
            Cell::Owned(answer_label(rubric, response)),
            Cell::Number(level),
            Cell::Text(answer.map_or("", |a| a.comment.as_str())),
            Cell::Text(answer.map_or("", |a| a.evidence.as_str())),
            Cell::Owned(target.map(|l| format!("{} – {}", l.value, l.label)).unwrap_or_default()),
        ]);
    };
    for area in &rubric.areas {
        for sub in &area.subareas {
            for Question { id, text, .. } in &sub.questions {
                row(&area.id, &sub.id, id, text);
            }
        }
    }
    for old in rubric.retired.iter().filter(|r| assessment.answer(&r.id).is_some_and(|a| !a.is_blank())) {
        let area = old.subarea.split('.').next().unwrap_or_default();
        row(area, &old.subarea, &old.id, &format!("Ersatt fråga (räknas inte): {}", old.text));
    }
    sheet.out
}

/// A level as a short label for a workshop table ("3", "Vet ej", "Ej aktuellt", empty).
fn short(rubric: &Rubric, response: Option<Response>) -> String {
    match response {
        Some(Response::Level(v)) => v.to_string(),
        other => answer_label(rubric, other),
    }
}

/// The workshop per question (with BOM): each participant's answer (by name, or "Deltagare A, B,
/// …" when the workshop is anonymous), the distribution's median, quartiles and spread, and the
/// agreed level with its note.
pub fn workshop_csv(rubric: &Rubric, workshop: &Workshop) -> String {
    let names: Vec<String> = (0..workshop.participants().count()).map(|i| workshop.display_name(i)).collect();
    let mut header: Vec<&str> = vec!["Område", "Delområde", "Fråga", "Frågetext"];
    header.extend(names.iter().map(String::as_str));
    header.extend([
        "Median",
        "Lägst",
        "Högst",
        "Nedre kvartil",
        "Övre kvartil",
        "Vet ej",
        "Ej aktuellt",
        "Överenskommen nivå",
        "Motivering",
    ]);
    let mut sheet = Sheet::new(&header);
    let sets = workshop.answer_sets();
    for area in &rubric.areas {
        for sub in &area.subareas {
            for q in &sub.questions {
                let stats = question_stats(rubric, &q.id, &sets);
                let s = stats.spread;
                let level = |f: fn(&super::workshop::stats::Spread<u8>) -> u8| {
                    Cell::Number(s.as_ref().map(|x| f64::from(f(x))))
                };
                let agreed = workshop.agreed(&q.id);
                let mut cells = vec![Cell::Text(&area.id), Cell::Text(&sub.id), Cell::Text(&q.id), Cell::Text(&q.text)];
                cells.extend(
                    workshop
                        .participants()
                        .map(|p| Cell::Owned(short(rubric, p.answers.get(&q.id).and_then(|a| a.response)))),
                );
                cells.extend([
                    level(|x| x.median),
                    level(|x| x.min),
                    level(|x| x.max),
                    level(|x| x.q1),
                    level(|x| x.q3),
                    Cell::Owned(stats.distribution.dont_know.to_string()),
                    Cell::Owned(stats.distribution.not_applicable.to_string()),
                    Cell::Owned(answer_label(rubric, agreed.and_then(|a| a.response))),
                    Cell::Text(agreed.map_or("", |a| a.note.as_str())),
                ]);
                sheet.row(cells);
            }
        }
    }
    sheet.out
}

/// The underlagsförteckning (with BOM): every document and web page recorded, by area and
/// question, with its date or diarienummer, link and status — the list to send before an
/// evaluation. Deleted items and interview roles are left out.
pub fn evidence_csv(rubric: &Rubric, assessment: &Assessment) -> String {
    let mut sheet = Sheet::new(&[
        "Område",
        "Delområde",
        "Fråga",
        "Frågetext",
        "Typ",
        "Titel",
        "Datum eller diarienummer",
        "Länk",
        "Status",
    ]);
    for r in super::prepare::recorded(rubric, assessment) {
        sheet.row([
            Cell::Text(&r.place.area),
            Cell::Text(&r.place.subarea),
            Cell::Text(&r.question.id),
            Cell::Text(&r.question.text),
            Cell::Text(r.item.kind.label()),
            Cell::Text(&r.item.title),
            Cell::Text(&r.item.reference),
            Cell::Text(&r.item.link),
            Cell::Text(r.item.status.label()),
        ]);
    }
    sheet.out
}
