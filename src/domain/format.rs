//! Swedish number formatting and the sentences about points and answered questions, shared by
//! the answering view, the results, the report, the start page and the CSV export. Every "3 av 5
//! besvarade" and "56 av 100 poäng" in the app is written here.

use super::calibration::Estimate;
use super::rubric::AREA_MAX;
use super::scoring::{AreaScore, Completeness, Score, SubareaScore};

/// Points with a decimal comma: whole numbers as "56", others with one decimal, "13,3".
pub fn points(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{}", rounded.round() as i64)
    } else {
        format!("{rounded:.1}").replace('.', ",")
    }
}

/// A share as whole percent, "75 %".
pub fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}

/// Parses "56", "56,5" or "56.5" as points between 0 and `max`.
pub fn parse_points(text: &str, max: f64) -> Option<f64> {
    let v: f64 = text.trim().replace(',', ".").parse().ok()?;
    (0.0..=max).contains(&v).then_some(v)
}

/// The name of a saved file: "kommunkompass-<name>-<date>.<extension>", with the name made safe
/// for every operating system (letters, digits, dash and underscore; at most 60 characters).
pub fn file_name(name: &str, date: &str, extension: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let trimmed = cleaned.trim_matches('-');
    let safe: String =
        if trimmed.is_empty() { "sjalvskattning".to_string() } else { trimmed.chars().take(60).collect() };
    format!("kommunkompass-{safe}-{date}.{extension}")
}

/// How an answered count is worded; the words follow the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// "3 av 5" (table cells, the sub-area list of the side menu).
    Count,
    /// "3 av 5 besvarade".
    Answered,
    /// "3 av 5 frågor".
    Questions,
    /// "3 av 5 frågor besvarade".
    QuestionsAnswered,
    /// "3 av 5 aktuella frågor besvarade".
    ApplicableAnswered,
}

/// How much is answered: answered of applicable questions, worded as `form` says.
pub fn answered(c: &Completeness, form: Answered) -> String {
    let words = match form {
        Answered::Count => "",
        Answered::Answered => " besvarade",
        Answered::Questions => " frågor",
        Answered::QuestionsAnswered => " frågor besvarade",
        Answered::ApplicableAnswered => " aktuella frågor besvarade",
    };
    format!("{} av {}{words}", c.answered, c.applicable)
}

/// [`answered`] followed by the share, "3 av 5 frågor (60 %)".
pub fn answered_with_share(c: &Completeness, form: Answered) -> String {
    format!("{} ({} %)", answered(c, form), c.percent())
}

/// The share answered alone: "60 % besvarat" (the profile's axis labels).
pub fn share_answered(c: &Completeness) -> String {
    format!("{} % besvarat", c.percent())
}

/// "56 av 800".
pub fn points_of(points_: f64, max: f64) -> String {
    format!("{} av {}", points(points_), points(max))
}

/// "56 av 800 poäng".
pub fn points_line(points_: f64, max: f64) -> String {
    format!("{} poäng", points_of(points_, max))
}

/// A sub-area under its heading: "13,3 av 20 poäng · 2 av 4 besvarade", or "Inte bedömt ännu (max
/// 20 poäng) · 0 av 4 besvarade" before anything applicable is answered.
pub fn subarea_line(s: &SubareaScore) -> String {
    if s.is_not_applicable() {
        return format!(
            "Ej aktuellt: räknas inte, och området räknas om så att det ändå kan nå 100 (max {} poäng)",
            points(s.max)
        );
    }
    let head = match s.points {
        Some(p) => points_line(p, s.max),
        None => format!("Inte bedömt ännu (max {} poäng)", points(s.max)),
    };
    format!("{head} · {}", answered(&s.completeness, Answered::Answered))
}

/// An area in the answering view: "Området: 56 av 100 poäng · 12 av 30 besvarade".
pub fn area_line(a: &AreaScore) -> String {
    format!(
        "Området: {} · {}",
        points_line(a.points, f64::from(AREA_MAX)),
        answered(&a.completeness, Answered::Answered)
    )
}

/// An area in the side menu: "12 av 30 besvarade · 56 p".
pub fn area_progress(a: &AreaScore) -> String {
    format!("{} · {} p", answered(&a.completeness, Answered::Answered), points(a.points))
}

/// An area in the results: "56 av 100 poäng · 12 av 30 frågor besvarade", marked when not
/// every applicable question is answered.
pub fn area_result_line(a: &AreaScore) -> String {
    let mut text = format!(
        "{} · {}",
        points_line(a.points, f64::from(AREA_MAX)),
        answered(&a.completeness, Answered::QuestionsAnswered)
    );
    if !a.completeness.is_complete() {
        text.push_str(" · inte färdigbesvarat");
    }
    text
}

/// The whole assessment under the side menu: "Totalt 420 av 800 poäng · 150 av 227 frågor besvarade".
pub fn total_line(s: &Score) -> String {
    format!("Totalt {} · {}", points_line(s.total, s.max), answered(&s.completeness, Answered::QuestionsAnswered))
}

/// An area's distance to the comparison average: "4 poäng över jämförelsesnittet."
pub fn gap_to_comparison(gap: f64) -> String {
    if gap >= 0.0 {
        format!("{} poäng över jämförelsesnittet.", points(gap))
    } else {
        format!("{} poäng under jämförelsesnittet.", points(-gap))
    }
}

/// An area's distance to the team's targets: "12 poäng kvar till er målnivå."
pub fn gap_to_target(gap: f64) -> String {
    format!("{} poäng kvar till er målnivå.", points(gap))
}

/// A line of the largest gaps: "3. Ledning – 12 poäng".
pub fn gap_item(name: &str, gap: f64) -> String {
    format!("{name} – {} poäng", points(gap.abs()))
}

/// The caution that goes with a round that is not fully answered: "Bara 40 % av frågorna är
/// besvarade."
pub fn only_partly_answered(c: &Completeness) -> Option<String> {
    (!c.is_complete()).then(|| format!("Bara {} % av frågorna är besvarade.", c.percent()))
}

/// An expected result with its likely range: "62 (troligen 47–77)".
pub fn estimate(e: &Estimate) -> String {
    format!("{} (troligen {}–{})", points(e.points), points(e.low), points(e.high))
}

/// Why an area is scaled, when some sub-area does not apply: "3.5 Koncernstyrning är inte
/// aktuellt. Området räknas på 85 poäng, omräknat till 100." `name` gives a sub-area's name.
pub fn not_applicable_note(a: &AreaScore, name: impl Fn(&str) -> String) -> Option<String> {
    let out: Vec<String> = a.not_applicable().map(|s| format!("{} {}", s.id, name(&s.id))).collect();
    if out.is_empty() || a.applicable_max <= 0.0 {
        return None;
    }
    Some(format!(
        "{} är inte aktuellt. Området räknas på {} poäng, omräknat till 100.",
        out.join(" och "),
        points(a.applicable_max)
    ))
}

#[cfg(test)]
mod tests {
    use super::{file_name, points};

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name("Rundresa", "2025-03-14", "json"), "kommunkompass-Rundresa-2025-03-14.json");
        assert_eq!(file_name("Å/ä: <ö>", "d", "csv"), "kommunkompass-Å-ä---ö-d.csv");
        assert_eq!(file_name("///", "d", "json"), "kommunkompass-sjalvskattning-d.json");
        assert_eq!(file_name(&"x".repeat(100), "d", "json").len(), "kommunkompass--d.json".len() + 60);
    }

    #[test]
    fn points_use_a_decimal_comma_only_when_needed() {
        assert_eq!(points(56.0), "56");
        assert_eq!(points(13.333), "13,3");
        assert_eq!(points(0.04), "0");
        assert_eq!(points(19.96), "20");
    }
}
