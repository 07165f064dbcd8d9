//! One area in the results and the report: sub-area bars with a table of the same numbers,
//! strengths and improvement areas with the team's comments, gaps, and the action plan.

use leptos::prelude::*;

use crate::charts;
use crate::domain::format::{self, Answered};
use crate::domain::insights::{AreaInsight, Highlight};
use crate::domain::rubric::Area;
use crate::ui::actions::ActionPlan;
use crate::ui::chart::EChart;
use crate::ui::result_data::ResultData;
use crate::ui::table_region::TableRegion;

/// Results for one area.
#[component]
pub fn AreaResults(data: ResultData, area: &'static Area, print: bool) -> impl IntoView {
    let aid = area.id.as_str();
    let area_score = Memo::new(move |_| data.score.with(|s| s.area(aid).cloned()));
    let insight = Memo::new(move |_| data.insights.with(|i| i.areas.iter().find(|a| a.area == aid).cloned()));
    let chart =
        Signal::derive(move || area_score.with(|s| s.as_ref().map(|s| charts::subareas(area, s))).unwrap_or_default());
    let label = Signal::derive(move || {
        area_score.with(|s| s.as_ref().map(|s| charts::subareas_summary(area, s))).unwrap_or_default()
    });
    let expected_area = Memo::new(move |_| {
        data.expected.with(|e| e.as_ref().map(|e| (e.area(aid).and_then(|a| a.estimate), e.score.area(aid).cloned())))
    });
    let rows = move || {
        area_score.with(|s| {
            let Some(s) = s else { return Vec::new() };
            area.subareas
                .iter()
                .zip(&s.subareas)
                .map(|(sub, x)| {
                    let expected = expected_area.with(|e| {
                        e.as_ref().map(|(_, score)| {
                            score.as_ref().and_then(|a| a.subareas.iter().find(|y| y.id == sub.id)).and_then(|y| y.points)
                        })
                    });
                    let points = if x.is_not_applicable() {
                        "Ej aktuellt".to_string()
                    } else {
                        x.points.map(format::points).unwrap_or_else(|| "–".into())
                    };
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", sub.id, sub.name)}</th>
                            <td class="kk-num">{points}</td>
                            {expected.map(|e| view! { <td class="kk-num">{e.map(format::points).unwrap_or_else(|| "–".into())}</td> })}
                            <td class="kk-num">{sub.max}</td>
                            <td class="kk-num">{x.share().map(format::percent).unwrap_or_else(|| "–".into())}</td>
                            <td class="kk-num">{x.target.map(format::points).unwrap_or_else(|| "–".into())}</td>
                            <td class="kk-num">{format::answered(&x.completeness, Answered::Count)}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let heading_id = format!("kk-res-{}", area.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="kk-area-result" aria-labelledby=labelled_by data-area=area.id.clone()>
            <h3 id=heading_id>{format!("{}. {}", area.id, area.name)}</h3>
            <p class="kk-areascore">{move || area_score.with(|s| s.as_ref().map(format::area_result_line))}</p>
            {move || expected_area.with(|e| e.as_ref().map(|(estimate, _)| {
                let text = match estimate {
                    Some(x) => format!("Förväntat vid en utvärdering: {} poäng.", format::estimate(x)),
                    None => "Förväntat vid en utvärdering: visas när varje delområde har minst ett svar med en nivå.".to_string(),
                };
                view! { <p class="kk-areascore" data-testid="area-expected">{text}</p> }
            }))}
            {move || area_score.with(|s| {
                s.as_ref()
                    .and_then(|s| format::not_applicable_note(s, |id| area.subareas.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default()))
                    .map(|note| view! { <p class="kk-hint" data-testid="not-applicable-note">{note}</p> })
            })}
            <div class="kk-area-grid">
                <EChart chart=chart label=label height=260 svg=print lazy=!print class="kk-bars"/>
                <TableRegion label={format!("Delområden i område {}", area.id)}>
                    <table class="kk-table">
                        <caption>{format!("Delområden i område {}", area.id)}</caption>
                        <thead><tr>
                            <th scope="col">"Delområde"</th><th scope="col" class="kk-num">"Poäng"</th>
                            {move || expected_area.with(Option::is_some).then(|| view! { <th scope="col" class="kk-num">"Förväntat"</th> })}
                            <th scope="col" class="kk-num">"Max"</th>
                            <th scope="col" class="kk-num">"Andel"</th><th scope="col" class="kk-num">"Mål"</th><th scope="col" class="kk-num">"Besvarat"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableRegion>
            </div>
            {move || insight.get().map(|i| view! { <InsightView data=data area=area insight=i/> })}
            <ActionPlan area=area print=print/>
        </section>
    }
}

#[component]
fn InsightView(data: ResultData, area: &'static Area, insight: AreaInsight) -> impl IntoView {
    let list = move |items: Vec<Highlight>, empty: &'static str| {
        if items.is_empty() {
            return view! { <p class="kk-hint">{empty}</p> }.into_any();
        }
        let lis = items
            .into_iter()
            .map(|h| {
                let sub = area.subareas.iter().find(|s| s.id == h.subarea);
                let name = sub.map(|s| s.name.clone()).unwrap_or_default();
                let comments =
                    sub.and_then(|s| data.open.with_untracked(|a| a.comments(&s.questions))).unwrap_or_default();
                view! {
                    <li>
                        {format!("{} {} – {} av maxpoängen", h.subarea, name, format::percent(h.share))}
                        {(!comments.is_empty()).then(|| view! {
                            <ul class="kk-comments">{comments.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{lis}</ul> }.into_any()
    };
    let measured_on_expected = data.expected.with_untracked(Option::is_some);
    let gap_avg = insight.gap_to_comparison.map(|g| {
        let text = format::gap_to_comparison(g);
        if measured_on_expected { format!("Förväntat resultat: {text}") } else { text }
    });
    let gap_target = insight.gap_to_target.map(format::gap_to_target);
    view! {
        <div class="kk-insights">
            <div>
                <h4>"Styrkor"</h4>
                {list(insight.strengths.clone(), "Inget delområde når ännu hälften av maxpoängen.")}
            </div>
            <div>
                <h4>"Förbättringsområden"</h4>
                {list(insight.improvements.clone(), "Besvara fler frågor för att se förbättringsområden.")}
            </div>
        </div>
        {(gap_avg.is_some() || gap_target.is_some()).then(|| view! { <p class="kk-gaps">{gap_avg.unwrap_or_default()}" "{gap_target.unwrap_or_default()}</p> })}
    }
}
