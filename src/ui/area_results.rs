//! One area in the results and the report: sub-area bars with a table of the same numbers,
//! strengths and improvement areas with the team's comments, gaps, and the action plan.

use leptos::prelude::*;

use crate::charts;
use crate::domain::format;
use crate::domain::insights::{AreaInsight, Highlight};
use crate::domain::rubric::Area;
use crate::ui::actions::ActionPlan;
use crate::ui::chart::EChart;
use crate::ui::result_data::ResultData;
use crate::ui::table_region::TableRegion;

/// Results for one area.
#[component]
pub fn AreaResults(data: ResultData, area: &'static Area, print: bool) -> impl IntoView {
    let area_id = area.id.clone();
    let area_score = Memo::new(move |_| data.score.with(|s| s.as_ref().and_then(|s| s.area(&area_id)).cloned()));
    let insight = {
        let area_id = area.id.clone();
        Memo::new(move |_| {
            data.insights.with(|i| i.as_ref().and_then(|i| i.areas.iter().find(|a| a.area == area_id).cloned()))
        })
    };
    let chart = Signal::derive(move || area_score.get().map(|s| charts::subareas(area, &s)).unwrap_or_default());
    let label = Signal::derive(move || {
        area_score
            .get()
            .map(|s| {
                let parts: Vec<String> = s
                    .subareas
                    .iter()
                    .map(|x| match x.points {
                        Some(p) => format!("{} {} av {}", x.id, format::points(p), x.max),
                        None => format!("{} inte bedömt (max {})", x.id, x.max),
                    })
                    .collect();
                format!("Stapeldiagram över delområdena i område {}: {}.", area.id, parts.join(", "))
            })
            .unwrap_or_default()
    });
    let rows = move || {
        let Some(s) = area_score.get() else { return Vec::new() };
        area.subareas
            .iter()
            .zip(s.subareas)
            .map(|(sub, x)| {
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", sub.id, sub.name)}</th>
                        <td class="kk-num">{x.points.map(format::points).unwrap_or_else(|| "–".into())}</td>
                        <td class="kk-num">{sub.max}</td>
                        <td class="kk-num">{x.share().map(format::percent).unwrap_or_else(|| "–".into())}</td>
                        <td class="kk-num">{x.target.map(format::points).unwrap_or_else(|| "–".into())}</td>
                        <td class="kk-num">{format!("{} av {}", x.completeness.answered, x.completeness.applicable)}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let heading_id = format!("kk-res-{}", area.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="kk-area-result" aria-labelledby=labelled_by data-area=area.id.clone()>
            <h3 id=heading_id>{format!("{}. {}", area.id, area.name)}</h3>
            <p class="kk-areascore">
                {move || area_score.get().map(|s| {
                    let mut text = format!("{} av 100 poäng · {} av {} frågor besvarade", format::points(s.points), s.completeness.answered, s.completeness.applicable);
                    if !s.completeness.is_complete() { text.push_str(" · inte färdigbesvarat"); }
                    text
                })}
            </p>
            <div class="kk-area-grid">
                <EChart chart=chart label=label height=260 svg=print lazy=!print class="kk-bars"/>
                <TableRegion label={format!("Delområden i område {}", area.id)}>
                    <table class="kk-table">
                        <caption>{format!("Delområden i område {}", area.id)}</caption>
                        <thead><tr>
                            <th scope="col">"Delområde"</th><th scope="col" class="kk-num">"Poäng"</th><th scope="col" class="kk-num">"Max"</th>
                            <th scope="col" class="kk-num">"Andel"</th><th scope="col" class="kk-num">"Mål"</th><th scope="col" class="kk-num">"Besvarat"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableRegion>
            </div>
            {move || insight.get().map(|i| view! { <InsightView data=data area=area insight=i/> })}
            <ActionPlan data=data area=area print=print/>
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
                let comments = sub.map(|s| comments_for(&data, s)).unwrap_or_default();
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
    let gap_avg = insight.gap_to_comparison.map(|g| {
        if g >= 0.0 {
            format!("{} poäng över jämförelsesnittet.", format::points(g))
        } else {
            format!("{} poäng under jämförelsesnittet.", format::points(-g))
        }
    });
    let gap_target = insight.gap_to_target.map(|g| format!("{} poäng kvar till er målnivå.", format::points(g)));
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

/// The team's comments on the questions of a sub-area, as "1.2.3: text".
fn comments_for(data: &ResultData, sub: &crate::domain::rubric::Subarea) -> Vec<String> {
    data.assessment.with_untracked(|a| {
        let Some(a) = a else { return Vec::new() };
        sub.questions
            .iter()
            .filter_map(|q| {
                a.answers
                    .get(&q.id)
                    .filter(|x| !x.comment.trim().is_empty())
                    .map(|x| format!("{}: {}", q.id, x.comment.trim()))
            })
            .collect()
    })
}
