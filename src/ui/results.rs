//! Results: the profile against the national average and chosen comparisons (chart and table),
//! the total against published totals, and per area the sub-areas, strengths, improvement
//! areas and action plan. The report view reuses these sections for print.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::base::href;
use leptos_router::hooks::use_params_map;

use crate::adapters::{clock, files};
use crate::charts;
use crate::domain::csv::scores_csv;
use crate::domain::format;
use crate::domain::rubric::Rubric;
use crate::state::AppState;
use crate::ui::area_results::AreaResults;
use crate::ui::assessment::{MissingAssessment, UnknownVersion};
use crate::ui::chart::EChart;
use crate::ui::result_data::{ResultData, TARGETS_KEY};
use crate::ui::table_region::TableRegion;
use crate::ui::user_reference::UserReferences;

/// A route showing assessment `:id` through `page`, or a notice when this browser lacks it.
pub fn for_assessment(page: fn(String, ResultData) -> AnyView) -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match ResultData::new(id.clone()) {
            Some(data) => page(id, data),
            None => match state.get(&id) {
                Some(a) => view! { <UnknownVersion version=a.rubric/> }.into_any(),
                None => view! { <MissingAssessment/> }.into_any(),
            },
        }
    }
}

/// The results page for `/bedomning/:id/resultat`.
#[component]
pub fn ResultsPage() -> impl IntoView {
    for_assessment(|id, data| view! { <Results id=id data=data/> }.into_any())
}

#[component]
fn Results(id: String, data: ResultData) -> impl IntoView {
    let name = move || data.assessment.with(|a| a.as_ref().map(|a| a.name.clone())).unwrap_or_default();
    crate::app::set_title(&format!("Resultat: {}", name()));
    let rubric = data.rubric;
    let export_csv = move |_| {
        if let (Some(s), Some(a)) = (data.score.get_untracked(), data.assessment.get_untracked()) {
            let file =
                format!("kommunkompass-{}-{}.csv", files::safe_file_name(&a.name), clock::iso_date(clock::now()));
            let _ = files::download(&file, "text/csv;charset=utf-8", &scores_csv(rubric, &s));
        }
    };
    let areas = rubric.areas.iter().map(|area| view! { <AreaResults data=data area=area print=false/> }).collect_view();
    view! {
        <h1 tabindex="-1">{move || format!("Resultat: {}", name())}</h1>
        <p class="kk-context-line">
            {move || data.assessment.with(|a| a.as_ref().map(|a| format!("{} · {} · senast ändrad {}", a.municipality, rubric.title, clock::date_time(a.updated_at))))}
        </p>
        <div class="kk-toolbar">
            <A href=href(&format!("/bedomning/{id}")) attr:class="kk-button">"Tillbaka till frågorna"</A>
            <A href=href(&format!("/bedomning/{id}/rapport")) attr:class="kk-button">"Rapport för utskrift"</A>
            <button type="button" class="kk-button" on:click=export_csv>"Exportera poäng (CSV för Excel)"</button>
        </div>
        <SelfAssessmentNote/>
        <section aria-labelledby="kk-profile-h">
            <h2 id="kk-profile-h">"Profil per område"</h2>
            <TotalScore data=data/>
            <ComparisonPicker data=data/>
            <Profile data=data print=false/>
        </section>
        <LargestGaps data=data/>
        <PublishedTotals data=data/>
        <UserReferences rubric=rubric/>
        <section aria-labelledby="kk-areas-h">
            <h2 id="kk-areas-h">"Område för område"</h2>
            <p>"För varje område visas delområdenas poäng, styrkor och förbättringsområden, och er handlingsplan."</p>
            {areas}
        </section>
        <ScoringNote rubric=rubric/>
    }
}

/// The honest reminder that self-assessments come out high.
#[component]
pub fn SelfAssessmentNote() -> impl IntoView {
    view! {
        <p class="kk-privacy">
            <strong>"Tänk på: "</strong>
            "en självskattning brukar ge högre poäng än en extern utvärdering. Utvärderarna ger bara poäng för "
            "sådant som är beslutat, infört i hela organisationen och följs upp – och de kontrollerar det i "
            "dokument, på webbplatsen och i intervjuer. Se skillnaden mot snittet som en fingervisning, inte som ett betyg."
        </p>
    }
}

/// The total score and how much is answered.
#[component]
pub fn TotalScore(data: ResultData) -> impl IntoView {
    move || {
        data.score.get().map(|s| view! {
        <p class="kk-bigscore" data-testid="results-total">
            "Totalt "<span class="kk-bignum">{format::points(s.total)}</span>" av "{format::points(s.max)}" poäng"
        </p>
        <p>{format!("{} av {} aktuella frågor besvarade ({} %).", s.completeness.answered, s.completeness.applicable, s.completeness.percent())}
            {(!s.completeness.is_complete()).then_some(" Obesvarade frågor ger inga poäng, så totalen blir högre när ni svarat på allt.")}
        </p>
    })
    }
}

/// The total against published totals.
#[component]
pub fn PublishedTotals(data: ResultData) -> impl IntoView {
    let rows = move || {
        data.comparisons.get().into_iter().filter(|c| c.total.is_some()).map(|c| {
            let notes = c.notes.join(" ");
            view! {
                <tr>
                    <th scope="row">{c.label.clone()}</th>
                    <td class="kk-num">{format::points(c.total.unwrap_or_default())}</td>
                    <td>{c.source.clone()}{(!notes.is_empty()).then(|| view! { <span class="kk-hint">{notes}</span> })}</td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <section aria-labelledby="kk-total-h">
            <h2 id="kk-total-h">"Totalpoäng jämfört med publicerade resultat"</h2>
            <TableRegion label="Publicerade totalpoäng att jämföra med">
                <table class="kk-table">
                    <caption>"Publicerade totalpoäng att jämföra med"</caption>
                    <thead><tr><th scope="col">"Jämförelse"</th><th scope="col" class="kk-num">"Totalpoäng"</th><th scope="col">"Källa och anmärkning"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        </section>
    }
}

/// Checkboxes choosing what the profile shows.
#[component]
fn ComparisonPicker(data: ResultData) -> impl IntoView {
    let state = AppState::expect();
    let toggle = move |key: String, on: bool| {
        let mut set = data.chosen.get_untracked();
        if on {
            set.insert(key)
        } else {
            set.remove(&key)
        };
        state.comparisons.set(Some(set));
    };
    let boxes = move || {
        let mut items: Vec<(String, String)> =
            data.comparisons.get().into_iter().filter(|c| c.areas.is_some()).map(|c| (c.key, c.label)).collect();
        items.push((TARGETS_KEY.to_string(), "Era målnivåer".to_string()));
        items
            .into_iter()
            .map(|(key, label)| {
                let input_id = format!("kk-cmp-{}", key.replace([':', '.'], "-"));
                let k = key.clone();
                let checked = move || data.chosen.with(|c| c.contains(&k));
                view! {
                    <div class="kk-check">
                        <input type="checkbox" id=input_id.clone() prop:checked=checked
                            on:change=move |ev| toggle(key.clone(), event_target_checked(&ev))/>
                        <label for=input_id>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="kk-picker">
            <legend>"Jämför med"</legend>
            {boxes}
        </fieldset>
    }
}

/// The profile chart, its caption and the table with the same numbers.
#[component]
pub fn Profile(data: ResultData, print: bool) -> impl IntoView {
    let rubric = data.rubric;
    let series = Memo::new(move |_| data.series());
    let chart = Signal::derive(move || {
        data.score.with(|s| s.as_ref().map(|s| charts::profile(rubric, s, &series.get()))).unwrap_or_default()
    });
    let label = Signal::derive(move || charts::profile_summary(rubric, &series.get()));
    let caption = move || {
        let chosen = data.chosen.get();
        data.comparisons
            .get()
            .into_iter()
            .filter(|c| chosen.contains(&c.key) && c.areas.is_some())
            .map(|c| {
                let notes = c.notes.join(" ");
                view! { <li><strong>{c.label.clone()}</strong>{format!(": {}. ", c.source)}{notes}</li> }
            })
            .collect_view()
    };
    let head =
        move || series.get().into_iter().map(|s| view! { <th scope="col" class="kk-num">{s.name}</th> }).collect_view();
    let body = move || {
        let list = series.get();
        let score = data.score.get();
        rubric
            .areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let completeness =
                    score.as_ref().and_then(|s| s.areas.get(i)).map(|a| a.completeness).unwrap_or_default();
                let done = completeness.percent();
                // The assessment's own column shows "–" for an area with no answers: 0 would read as a result.
                let cells = list
                    .iter()
                    .enumerate()
                    .map(|(j, s)| {
                        let text = if j == 0 && completeness.answered == 0 {
                            "–".to_string()
                        } else {
                            format::points(s.values[i])
                        };
                        view! { <td class="kk-num">{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{format!("{}. {}", area.id, area.name)}</th>
                        {cells}
                        <td class="kk-num">{format!("{done} %")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="kk-figure">
            <EChart chart=chart label=label height=if print { 430 } else { 480 } svg=print class="kk-radar"/>
            <figcaption>
                "Poäng per område (0–100). Ett område som inte är färdigbesvarat visar hur stor andel som är besvarad och ska läsas med försiktighet."
                <ul class="kk-sources">{caption}</ul>
            </figcaption>
        </figure>
        <TableRegion label="Profilen i siffror: poäng per område">
            <table class="kk-table" data-testid="profile-table">
                <caption>"Profilen i siffror: poäng per område"</caption>
                <thead><tr><th scope="col">"Område"</th>{head}<th scope="col" class="kk-num">"Besvarat"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </TableRegion>
    }
}

/// The areas furthest below the comparison average and furthest from the team's targets.
#[component]
pub fn LargestGaps(data: ResultData) -> impl IntoView {
    let rubric = data.rubric;
    let insights = data.insights;
    let name = move |id: &str| rubric.area(id).map(|a| format!("{}. {}", a.id, a.name)).unwrap_or_default();
    let list = move |items: Vec<(String, f64)>, below: bool| {
        if items.is_empty() {
            let empty = if below {
                "Inget besvarat område ligger under jämförelsesnittet."
            } else {
                "Inga målnivåer över nuvarande svar."
            };
            return view! { <p class="kk-hint">{empty}</p> }.into_any();
        }
        let lis = items
            .into_iter()
            .take(3)
            .map(|(id, gap)| view! { <li>{format!("{} – {} poäng", name(&id), format::points(gap.abs()))}</li> })
            .collect_view();
        view! { <ol>{lis}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="kk-gaps-h">
            <h2 id="kk-gaps-h">"Största skillnader"</h2>
            <div class="kk-insights">
                <div>
                    <h3>"Längst under jämförelsesnittet"</h3>
                    {move || insights.get().map(|i| list(i.below_comparison, true))}
                </div>
                <div>
                    <h3>"Längst kvar till era målnivåer"</h3>
                    {move || insights.get().map(|i| list(i.furthest_from_target, false))}
                </div>
            </div>
        </section>
    }
}

/// The scoring rule and where reference figures come from.
#[component]
pub fn ScoringNote(rubric: &'static Rubric) -> impl IntoView {
    view! {
        <section aria-labelledby="kk-rule-h">
            <h2 id="kk-rule-h">"Så räknas poängen"</h2>
            <p>{crate::ui::rubric_view::SCORING_RULE}</p>
            <p>{rubric.scale.rationale.clone()}</p>
            <p>{format!("Kriterierna: {}. Källa: {}.", rubric.title, rubric.source.describe())}</p>
        </section>
    }
}
