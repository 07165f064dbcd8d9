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
    let rows = move || {
        area_score.with(|s| {
            let Some(s) = s else { return Vec::new() };
            area.subareas
                .iter()
                .zip(&s.subareas)
                .map(|(sub, x)| {
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", sub.id, sub.name)}</th>
                            <td class="kk-num">{x.points.map(format::points).unwrap_or_else(|| "–".into())}</td>
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
    let gap_avg = insight.gap_to_comparison.map(format::gap_to_comparison);
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
