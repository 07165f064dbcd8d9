//! The sections the results page and the printable report share: the total, the profile (chart
//! and table), the largest gaps, published totals and the scoring rule.

use leptos::prelude::*;

use crate::charts;
use crate::domain::compare::TARGETS_KEY;
use crate::domain::format::{self, Answered};
use crate::domain::rubric::Rubric;
use crate::state::AppState;
use crate::ui::chart::EChart;
use crate::ui::result_data::ResultData;
use crate::ui::table_region::TableRegion;

/// The scoring rule in one paragraph, for users (also on the rubric page).
pub const SCORING_RULE: &str = "Råpoäng: varje delområde har ett fast maxpoäng. Delområdets poäng är maxpoängen \
gånger det vägda medelvärdet av de valda nivåernas andelar, räknat över de frågor som är besvarade och aktuella. \
Områdets poäng är summan av delområdena, och totalen är summan av de åtta områdena, högst 800. \
”Vet ej” räknas som obesvarad och ”Ej aktuellt” tas bort ur beräkningen – inget av dem räknas som noll. Är \
ett helt delområde ej aktuellt, till exempel koncernstyrning i en kommun utan bolag, räknas området på de \
delområden som gäller och räknas om till 100, så att det aldrig kostar poäng. Därför visas alltid hur stor \
del som är besvarad: poäng som bygger på få svar är osäkra.";

/// Where the expected evaluation result comes from and how far to trust it (or, for a rubric
/// version without a calibration, that there is none).
#[component]
pub fn ExpectedNote(data: ResultData) -> impl IntoView {
    let rubric = data.rubric;
    let Some(c) = data.calibration else {
        return view! {
            <p class="kk-privacy" data-testid="expected-note">
                <strong>"Förväntat resultat: "</strong>
                "räknas bara för den nuvarande versionen av frågorna, som har prövats mot publicerade utvärderingar. "
                "Poängen här är självskattningens råpoäng. Utvärderarna ger bara poäng för sådant som går att visa i "
                "dokument, på webbplatsen och i intervjuer."
            </p>
        }
        .into_any();
    };
    let references = &AppState::expect().catalog().references;
    view! {
        <div class="kk-privacy" data-testid="expected-note">
            <p><strong>"Så räknas det förväntade resultatet. "</strong>{c.basis(references)}</p>
            <p>{c.accuracy()}</p>
            <p>{c.what_measurements_show(&rubric.scale)}</p>
        </div>
    }
    .into_any()
}

/// The expected evaluation result with its likely range beside the raw self-assessment, and how
/// much is answered.
#[component]
pub fn TotalScore(data: ResultData) -> impl IntoView {
    let expected = move || {
        data.expected.with(|e| {
            let e = e.as_ref()?;
            Some(match e.total {
                Some(t) => view! {
                    <p class="kk-bigscore" data-testid="expected-total">
                        "Förväntat vid en utvärdering: "<span class="kk-bignum">{format::points(t.points)}</span>
                        {format!(" av {} poäng", format::points(e.score.max))}
                        <span class="kk-range">{format!(" (troligen {}–{})", format::points(t.low), format::points(t.high))}</span>
                    </p>
                }
                .into_any(),
                None => {
                    let missing: Vec<String> = e.areas.iter().flat_map(|a| a.missing.clone()).collect();
                    view! {
                        <p class="kk-hint" data-testid="expected-total">
                            {format!(
                                "Förväntat resultat vid en utvärdering visas när varje delområde har minst ett svar med en nivå. Saknas: {}.",
                                missing.join(", ")
                            )}
                        </p>
                    }
                    .into_any()
                }
            })
        })
    };
    move || {
        data.score.with(|s| {
            let answered = format!("{}.", format::answered_with_share(&s.completeness, Answered::ApplicableAnswered));
            view! {
                {expected}
                <p class="kk-rawscore" data-testid="results-total">
                    "Självskattning (råpoäng): "<strong>{format::points_of(s.total, s.max)}</strong>" poäng"
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
    view! {
        <section aria-labelledby="kk-total-h">
            <h2 id="kk-total-h">"Totalpoäng jämfört med publicerade resultat"</h2>
            <PublishedTotalsTable data=data/>
        </section>
    }
}

/// The published totals as a table, each with its source and caveats.
#[component]
pub fn PublishedTotalsTable(data: ResultData) -> impl IntoView {
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
        <TableRegion label="Publicerade totalpoäng att jämföra med">
            <table class="kk-table kk-sources-table">
                <caption>"Publicerade totalpoäng att jämföra med"</caption>
                <thead><tr><th scope="col">"Jämförelse"</th><th scope="col" class="kk-num">"Totalpoäng"</th><th scope="col">"Källa och anmärkning"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableRegion>
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

/// The profile chart and its caption, then the table with the same numbers.
#[component]
pub fn Profile(data: ResultData, print: bool) -> impl IntoView {
    view! {
        <ProfileChart data=data print=print/>
        <ProfileTable data=data/>
    }
}

/// The profile chart with its caption (the sources of every line drawn).
#[component]
pub fn ProfileChart(
    data: ResultData,
    print: bool,
    /// Height in CSS pixels (default 480 on screen, 430 in print).
    #[prop(optional)]
    height: Option<u32>,
) -> impl IntoView {
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
    view! {
        <figure class="kk-figure">
            <EChart chart=chart label=label height=height.unwrap_or(if print { 430 } else { 480 }) svg=print class="kk-radar"/>
            <figcaption>
                "Poäng per område (0–100). ”Förväntat vid utvärdering” är det resultat en extern utvärdering troligen skulle ge för era svar; det är den linjen som går att jämföra med utvärderade kommuner och snittet. Råpoängen är självskattningen räknad med verktygets skala. Ett område som inte är färdigbesvarat visar hur stor andel som är besvarad och ska läsas med försiktighet."
                <ul class="kk-sources">{caption}</ul>
            </figcaption>
        </figure>
    }
}

/// The profile's numbers: every line of the chart per area, the likely range of the expected
/// result, and how much is answered.
#[component]
pub fn ProfileTable(data: ResultData) -> impl IntoView {
    let rubric = data.rubric;
    let series = Memo::new(move |_| data.series());
    let with_range = move || data.expected.with(|e| e.as_ref().is_some_and(|e| e.total.is_some()));
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
                    // The assessment's own columns show "–" for an area with no answers: 0 would read as a result.
                    let cells = list
                        .iter()
                        .map(|s| {
                            let text = if s.own && completeness.answered == 0 {
                                "–".to_string()
                            } else {
                                format::points(s.values[i])
                            };
                            view! { <td class="kk-num">{text}</td> }
                        })
                        .collect_view();
                    let range = data.expected.with(|e| {
                        e.as_ref().and_then(|e| e.areas.get(i)).and_then(|a| a.estimate).map(|x| {
                            format!("{}–{}", format::points(x.low), format::points(x.high))
                        })
                    });
                    view! {
                        <tr>
                            <th scope="row">{format!("{}. {}", area.id, area.name)}</th>
                            {cells}
                            {with_range().then(|| view! { <td class="kk-num">{range.unwrap_or_else(|| "–".into())}</td> })}
                            <td class="kk-num">{format!("{} %", completeness.percent())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <TableRegion label="Profilen i siffror: poäng per område">
            <table class="kk-table" data-testid="profile-table">
                <caption>"Profilen i siffror: poäng per område"</caption>
                <thead><tr>
                    <th scope="col">"Område"</th>{head}
                    {move || with_range().then(|| view! { <th scope="col" class="kk-num">"Troligt intervall vid utvärdering"</th> })}
                    <th scope="col" class="kk-num">"Besvarat"</th>
                </tr></thead>
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
                    <h3>{move || if data.expected.with(|e| e.is_some()) {
                        "Längst under jämförelsesnittet (förväntat resultat)"
                    } else {
                        "Längst under jämförelsesnittet"
                    }}</h3>
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

/// The scoring rule, the expected-result model and where the criteria come from.
#[component]
pub fn ScoringNote(rubric: &'static Rubric) -> impl IntoView {
    let catalog = AppState::expect().catalog();
    let model = catalog.calibration_for(&rubric.id).map(|c| c.paragraph(&rubric.scale, &catalog.references));
    view! {
        <section aria-labelledby="kk-rule-h">
            <h2 id="kk-rule-h">"Så räknas poängen"</h2>
            <p>{SCORING_RULE}</p>
            <p>{rubric.scale.rationale.clone()}</p>
            {model.map(|m| view! { <p data-testid="model-paragraph">{m}</p> })}
            <p>{format!("Kriterierna: {}. Källa: {}.", rubric.title, rubric.source.describe())}</p>
        </section>
    }
}
