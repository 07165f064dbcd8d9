//! Pure chart builders: a score and its comparisons in, a `charming::Chart` (the ECharts
//! option) out. No browser code, so the exact data every chart draws is tested natively.

use charming::Chart;
use charming::component::{Axis, Grid, Legend, RadarAxisName, RadarCoordinate, RadarIndicator};
use charming::element::{AreaStyle, AxisType, Color, LineStyle, LineStyleType, Symbol, Tooltip, Trigger};
use charming::series::{Bar, Radar};

use std::collections::BTreeSet;

use crate::domain::calibration::Expected;
use crate::domain::compare::{Comparison, ComparisonKind, TARGETS_KEY};
use crate::domain::format;
use crate::domain::rubric::{Area, Rubric};
use crate::domain::scoring::{AreaScore, Score};
use crate::domain::workshop::stats::{AreaStats, Spread};

/// Okabe–Ito colours: distinguishable with the common forms of colour blindness.
pub const PALETTE: [&str; 7] = ["#0072B2", "#000000", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

/// How a comparison line is drawn, so that series differ by more than colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// The self-assessment: solid and filled.
    Main,
    /// An average: dashed.
    Dashed,
    /// Targets: dotted.
    Dotted,
    /// A published result or another round: solid, thinner, distinct symbol.
    Thin,
    /// The raw self-assessment beside the expected result: thin, dashed, rounded squares and
    /// unfilled, so that the expected result reads as the main line.
    Raw,
}

/// One line on the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSeries {
    /// Legend name.
    pub name: String,
    /// Points per area in rubric order (0–100).
    pub values: Vec<f64>,
    /// Line style.
    pub stroke: Stroke,
    /// The assessment's own figures (expected or raw), as opposed to a comparison.
    pub own: bool,
}

/// Axis label of an area on the radar; incomplete areas are marked so the shape is never read
/// as final.
pub fn area_label(area: &Area, score: &AreaScore) -> String {
    let mut label = format!("{}. {}", area.id, area.name);
    if !score.completeness.is_complete() {
        label.push_str(&format!(" ({})", format::share_answered(&score.completeness)));
    }
    label
}

/// The series of the self-assessment itself.
pub fn own_series(name: &str, score: &Score) -> ProfileSeries {
    ProfileSeries {
        name: name.to_string(),
        values: score.areas.iter().map(|a| round1(a.points)).collect(),
        stroke: Stroke::Main,
        own: true,
    }
}

/// Legend name of the expected evaluation result.
pub const EXPECTED_NAME: &str = "Förväntat vid utvärdering";

/// The expected evaluation result per area, when every area has one.
pub fn expected_series(expected: &Expected) -> Option<ProfileSeries> {
    let values: Option<Vec<f64>> = expected.areas.iter().map(|a| a.estimate.map(|e| round1(e.points))).collect();
    Some(ProfileSeries { name: EXPECTED_NAME.to_string(), values: values?, stroke: Stroke::Main, own: true })
}

/// The series of the team's targets, if any target or answer exists.
pub fn target_series(score: &Score) -> ProfileSeries {
    ProfileSeries {
        name: "Målnivå".to_string(),
        values: score.areas.iter().map(|a| round1(a.target.unwrap_or(a.points))).collect(),
        stroke: Stroke::Dotted,
        own: true,
    }
}

/// The series drawn on the profile: the expected evaluation result first when every area has
/// one (it is what compares with evaluated municipalities), then the raw self-assessment named
/// `name`, then every chosen comparison with area figures (averages dashed, the rest thin), then
/// the targets if chosen. Without an expected result the raw self-assessment is the main line.
pub fn profile_series(
    name: &str,
    score: &Score,
    expected: Option<&Expected>,
    comparisons: &[Comparison],
    chosen: &BTreeSet<String>,
) -> Vec<ProfileSeries> {
    let raw = own_series(&format!("Självskattning (råpoäng): {name}"), score);
    let mut out = match expected.and_then(expected_series) {
        Some(e) => vec![e, ProfileSeries { stroke: Stroke::Raw, ..raw }],
        None => vec![raw],
    };
    for c in comparisons.iter().filter(|c| chosen.contains(&c.key)) {
        if let Some(values) = &c.areas {
            let stroke = if c.kind == ComparisonKind::Average { Stroke::Dashed } else { Stroke::Thin };
            out.push(ProfileSeries { name: c.label.clone(), values: values.clone(), stroke, own: false });
        }
    }
    if chosen.contains(TARGETS_KEY) {
        out.push(target_series(score));
    }
    out
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn styled(series: &ProfileSeries, color: &str) -> Radar {
    let (line, symbol, fill) = match series.stroke {
        Stroke::Main => (LineStyle::new().width(3).color(color), Symbol::Circle, Some(0.12)),
        Stroke::Dashed => (LineStyle::new().width(2).type_(LineStyleType::Dashed).color(color), Symbol::Rect, None),
        Stroke::Dotted => (LineStyle::new().width(2).type_(LineStyleType::Dotted).color(color), Symbol::Diamond, None),
        Stroke::Thin => (LineStyle::new().width(1.5).color(color), Symbol::Triangle, None),
        Stroke::Raw => (LineStyle::new().width(1.5).type_(LineStyleType::Dashed).color(color), Symbol::RoundRect, None),
    };
    let radar = Radar::new()
        .name(series.name.clone())
        .symbol(symbol)
        .symbol_size(7)
        .line_style(line)
        .data(vec![(series.values.clone(), series.name.as_str())]);
    match fill {
        Some(opacity) => radar.area_style(AreaStyle::new().opacity(opacity).color(color)),
        None => radar,
    }
}

/// The profile: every area on a fixed 0–100 scale, one line per series.
pub fn profile(rubric: &Rubric, score: &Score, series: &[ProfileSeries]) -> Chart {
    let labels: Vec<String> = rubric.areas.iter().zip(&score.areas).map(|(area, s)| area_label(area, s)).collect();
    radar(&labels, series)
}

/// The workshop's profile: the group's median per area with the lowest and highest participant
/// in that area, beside the national average (or another average) when there is one. Areas where
/// nobody answered anything are drawn at 0 and named so in the label.
pub fn workshop_profile(rubric: &Rubric, areas: &[AreaStats], average: Option<(&str, &[f64])>) -> Chart {
    let labels: Vec<String> = rubric
        .areas
        .iter()
        .zip(areas)
        .map(|(a, s)| match s.spread {
            Some(_) => format!("{}. {}", a.id, a.name),
            None => format!("{}. {} (inga svar)", a.id, a.name),
        })
        .collect();
    radar(&labels, &workshop_series(areas, average))
}

/// The lines of [`workshop_profile`], also for its text alternative and table.
pub fn workshop_series(areas: &[AreaStats], average: Option<(&str, &[f64])>) -> Vec<ProfileSeries> {
    let line = |name: &str, pick: fn(&Spread<f64>) -> f64, stroke: Stroke| ProfileSeries {
        name: name.to_string(),
        values: areas.iter().map(|a| a.spread.as_ref().map_or(0.0, |s| round1(pick(s)))).collect(),
        stroke,
        own: true,
    };
    let mut out = vec![
        line("Gruppens median", |s| s.median, Stroke::Main),
        line("Lägsta deltagare", |s| s.min, Stroke::Thin),
        line("Högsta deltagare", |s| s.max, Stroke::Raw),
    ];
    if let Some((name, values)) = average {
        out.push(ProfileSeries { name: name.to_string(), values: values.to_vec(), stroke: Stroke::Dashed, own: false });
    }
    out
}

/// A radar on the fixed 0–100 scale with one axis per label and one line per series.
fn radar(labels: &[String], series: &[ProfileSeries]) -> Chart {
    let indicators: Vec<RadarIndicator> =
        labels.iter().map(|label| RadarIndicator::from((label.as_str(), 0.0, 100.0))).collect();
    let mut chart = Chart::new()
        .animation(false)
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect::<Vec<_>>())
        .tooltip(Tooltip::new())
        .legend(Legend::new().bottom(0).data(series.iter().map(|s| s.name.clone()).collect::<Vec<_>>()))
        .radar(
            RadarCoordinate::new()
                .radius("62%")
                .center(vec!["50%", "48%"])
                .axis_name(RadarAxisName::new().color("#1b1f24").font_size(12))
                .indicator(indicators),
        );
    for (i, s) in series.iter().enumerate() {
        chart = chart.series(styled(s, PALETTE[i % PALETTE.len()]));
    }
    chart
}

/// Sub-area bars of one area: points against the maximum, and the target.
pub fn subareas(area: &Area, score: &AreaScore) -> Chart {
    let names: Vec<String> = area.subareas.iter().map(|s| s.id.clone()).collect();
    let points: Vec<Option<f64>> = score.subareas.iter().map(|s| s.points.map(round1)).collect();
    let max: Vec<f64> = score.subareas.iter().map(|s| s.max).collect();
    let targets: Vec<Option<f64>> = score.subareas.iter().map(|s| s.target.map(round1)).collect();
    let top = max.iter().copied().fold(0.0, f64::max);
    Chart::new()
        .animation(false)
        .color(vec![Color::from(PALETTE[0]), Color::from(PALETTE[3]), Color::from("#B8C2CC")])
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(40).right(16).top(36).bottom(56))
        .x_axis(Axis::new().type_(AxisType::Category).data(names))
        .y_axis(Axis::new().type_(AxisType::Value).min(0).max(top).name("poäng"))
        .series(Bar::new().name("Poäng").data(points))
        .series(Bar::new().name("Målpoäng").data(targets))
        .series(Bar::new().name("Maxpoäng").data(max))
}

/// A one-sentence text alternative for the profile chart.
pub fn profile_summary(rubric: &Rubric, series: &[ProfileSeries]) -> String {
    let describe = |s: &ProfileSeries| {
        let parts: Vec<String> = rubric
            .areas
            .iter()
            .zip(&s.values)
            .map(|(a, v)| format!("område {} {}", a.id, format::points(*v)))
            .collect();
        format!("{}: {}", s.name, parts.join(", "))
    };
    let lines: Vec<String> = series.iter().map(describe).collect();
    format!(
        "Profildiagram över de åtta områdena på skalan 0–100. {}. Samma siffror finns i tabellen.",
        lines.join(". ")
    )
}

/// A one-sentence text alternative for an area's sub-area bars.
pub fn subareas_summary(area: &Area, score: &AreaScore) -> String {
    let parts: Vec<String> = score
        .subareas
        .iter()
        .map(|x| match x.points {
            Some(p) => format!("{} {}", x.id, format::points_of(p, x.max)),
            None if x.is_not_applicable() => format!("{} ej aktuellt (räknas inte)", x.id),
            None => format!("{} inte bedömt (max {})", x.id, format::points(x.max)),
        })
        .collect();
    format!("Stapeldiagram över delområdena i område {}: {}.", area.id, parts.join(", "))
}
