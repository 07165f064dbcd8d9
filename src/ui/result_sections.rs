//! The sections the results page and the printable report share: the total, the profile (chart
//! and table), the largest gaps, published totals and the scoring rule.

use leptos::prelude::*;

use crate::charts;
use crate::domain::compare::TARGETS_KEY;
use crate::domain::format::{self, Answered};
use crate::domain::rubric::Rubric;
use crate::ui::chart::EChart;
use crate::ui::result_data::ResultData;
use crate::ui::table_region::TableRegion;

/// The scoring rule in one paragraph, for users (also on the rubric page).
pub const SCORING_RULE: &str = "Varje delområde har ett fast maxpoäng. Delområdets poäng är maxpoängen gånger \
det vägda medelvärdet av de valda nivåernas andelar, räknat över de frågor som är besvarade och aktuella. \
Områdets poäng är summan av delområdena, och totalen är summan av de åtta områdena, högst 800. \
”Vet ej” räknas som obesvarad och ”Ej aktuellt” tas bort ur beräkningen – inget av dem räknas som noll. \
Därför visas alltid hur stor del som är besvarad: poäng som bygger på få svar är osäkra.";

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
        data.score.with(|s| {
            let answered = format!("{}.", format::answered_with_share(&s.completeness, Answered::ApplicableAnswered));
            view! {
                <p class="kk-bigscore" data-testid="results-total">
                    "Totalt "<span class="kk-bignum">{format::points(s.total)}</span>" av "{format::points(s.max)}" poäng"
                </p>
                <p>{answered}
                    {(!s.completeness.is_complete()).then_some(" Obesvarade frågor ger inga poäng, så totalen blir högre när ni svarat på allt.")}
                </p>
            }
        })
    }
}

/// The total against published totals.
#[component]
pub fn PublishedTotals(data: ResultData) -> impl IntoView {
    let rows = move || {
        data.comparisons.with(|list| {
            list.iter()
                .filter_map(|c| c.total.map(|total| (c, total)))
                .map(|(c, total)| {
                    let notes = c.notes.join(" ");
                    view! {
                        <tr>
                            <th scope="row">{c.label.clone()}</th>
                            <td class="kk-num">{format::points(total)}</td>
                            <td>{c.source.clone()}{(!notes.is_empty()).then(|| view! { <span class="kk-hint">{notes}</span> })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
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
pub fn ComparisonPicker(data: ResultData) -> impl IntoView {
    let boxes = move || {
        let mut items: Vec<(String, String)> = data
            .comparisons
            .with(|list| list.iter().filter(|c| c.areas.is_some()).map(|c| (c.key.clone(), c.label.clone())).collect());
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
                            on:change=move |ev| data.choose(key.clone(), event_target_checked(&ev))/>
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
    let chart = Signal::derive(move || data.score.with(|s| series.with(|list| charts::profile(rubric, s, list))));
    let label = Signal::derive(move || series.with(|list| charts::profile_summary(rubric, list)));
    let caption = move || {
        data.comparisons.with(|list| {
            data.chosen.with(|chosen| {
                list.iter()
                    .filter(|c| chosen.contains(&c.key) && c.areas.is_some())
                    .map(|c| {
                        let notes = c.notes.join(" ");
                        view! { <li><strong>{c.label.clone()}</strong>{format!(": {}. ", c.source)}{notes}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let head = move || {
        series.with(|list| {
            list.iter().map(|s| view! { <th scope="col" class="kk-num">{s.name.clone()}</th> }).collect_view()
        })
    };
    let body = move || {
        let list = series.get();
        data.score.with(|score| {
            rubric
                .areas
                .iter()
                .enumerate()
                .map(|(i, area)| {
                    let completeness = score.areas.get(i).map(|a| a.completeness).unwrap_or_default();
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
                            <td class="kk-num">{format!("{} %", completeness.percent())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
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
    let list = move |items: &[(String, f64)], below: bool| {
        if items.is_empty() {
            let empty = if below {
                "Inget besvarat område ligger under jämförelsesnittet."
            } else {
                "Inga målnivåer över nuvarande svar."
            };
            return view! { <p class="kk-hint">{empty}</p> }.into_any();
        }
        let lis =
            items.iter().take(3).map(|(id, gap)| view! { <li>{format::gap_item(&name(id), *gap)}</li> }).collect_view();
        view! { <ol>{lis}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="kk-gaps-h">
            <h2 id="kk-gaps-h">"Största skillnader"</h2>
            <div class="kk-insights">
                <div>
                    <h3>"Längst under jämförelsesnittet"</h3>
                    {move || insights.with(|i| list(&i.below_comparison, true))}
                </div>
                <div>
                    <h3>"Längst kvar till era målnivåer"</h3>
                    {move || insights.with(|i| list(&i.furthest_from_target, false))}
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
            <p>{SCORING_RULE}</p>
            <p>{rubric.scale.rationale.clone()}</p>
            <p>{format!("Kriterierna: {}. Källa: {}.", rubric.title, rubric.source.describe())}</p>
        </section>
    }
}
