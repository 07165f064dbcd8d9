//! "Kriterierna", `/kriterier[/:version]`: every rubric version with its areas, sub-areas, maxima,
//! questions and guidance, plus the answer scale and the scoring rule.

use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::adapters::base::href;

use crate::domain::format;
use crate::domain::rubric::Rubric;
use crate::state::AppState;
use crate::ui::page::set_title;
use crate::ui::result_sections::SCORING_RULE;
use crate::ui::table_region::TableRegion;

/// The parameters of `/kriterier/:version`.
#[derive(Params, Clone, PartialEq)]
pub struct RubricParams {
    /// A rubric version id, e.g. `kk-2020`; the current version when absent or unknown.
    pub version: Option<String>,
}

/// The rubric browser for `/kriterier` and `/kriterier/:version`.
#[component]
pub fn RubricPage() -> impl IntoView {
    set_title("Kriterierna");
    let state = AppState::expect();
    let catalog = state.catalog();
    let params = use_params::<RubricParams>();
    let chosen = move || {
        let id = params.with(|p| p.as_ref().ok().and_then(|p| p.version.clone()));
        id.and_then(|id| catalog.rubric(&id)).unwrap_or_else(|| catalog.current())
    };
    let tabs = catalog
        .rubrics
        .iter()
        .map(|r| {
            let rid = r.id.clone();
            let current = move || if chosen().id == rid { "page" } else { "false" };
            view! {
                <li><A href=href(&format!("/kriterier/{}", r.id)) attr:aria-current=current>
                    {r.title.clone()}
                </A></li>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">"Kommunkompassens kriterier"</h1>
        <p>"Här finns de tre versioner av Kommunkompassen som verktyget känner till. Nya självskattningar görs mot den aktuella versionen; de äldre behövs för att kunna lägga gamla resultat bredvid en ny självskattning."</p>
        <nav aria-label="Versioner"><ul class="kk-tabs">{tabs}</ul></nav>
        {move || view! { <RubricDetails rubric=chosen()/> }}
    }
}

#[component]
fn RubricDetails(rubric: &'static Rubric) -> impl IntoView {
    let state = AppState::expect();
    let calibration = state.catalog().calibration_for(&rubric.id);
    let model = calibration.map(|c| c.paragraph(&rubric.scale, &state.catalog().references));
    let levels = rubric
        .scale
        .levels
        .iter()
        .map(|l| {
            let expected = calibration.map(|c| view! { <td>{format::percent(c.share(l.value))}</td> });
            view! { <tr><th scope="row">{format!("{} – {}", l.value, l.label)}</th><td>{format::percent(l.fraction)}</td>{expected}<td>{l.description.clone()}</td></tr> }
        })
        .collect_view();
    let special = move |label: String, description: String| {
        let expected = calibration.map(|_| view! { <td>"räknas inte"</td> });
        view! { <tr><th scope="row">{label}</th><td>"räknas inte"</td>{expected}<td>{description}</td></tr> }
    };
    let areas = rubric
        .areas
        .iter()
        .map(|area| {
            let subs = area
                .subareas
                .iter()
                .map(|sub| {
                    let questions = sub
                        .questions
                        .iter()
                        .map(|q| {
                            view! {
                                <li>
                                    <p><span class="kk-qid">{q.id.clone()}</span>" "{q.text.clone()}</p>
                                    {q.guidance.as_ref().map(|g| view! {
                                        <details class="kk-guidance"><summary>"Vägledning"</summary>
                                            <p><strong>"Full poäng: "</strong>{g.full.clone()}</p>
                                            <p><strong>"Saknas ofta: "</strong>{g.often_missing.clone()}</p>
                                            {state.catalog().derived_from(&q.source).map(|d| view! { <p class="kk-hint">{d}</p> })}
                                        </details>
                                    })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <details class="kk-rubric-sub">
                            <summary>{format!("{} {} – max {} poäng ({} frågor)", sub.id, sub.name, sub.max, sub.questions.len())}</summary>
                            {sub.description.clone().map(|d| view! { <p>{d}</p> })}
                            <ol class="kk-plain">{questions}</ol>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <section class="kk-rubric-area">
                    <h3>{format!("{}. {}", area.id, area.name)}</h3>
                    <p>{area.description.clone()}</p>
                    {subs}
                </section>
            }
        })
        .collect_view();
    view! {
        <h2>{rubric.title.clone()}</h2>
        <p>{format!("{}. {}", rubric.period, rubric.description)}</p>
        <p class="kk-hint">{format!("Källa: {}", rubric.source.describe())}</p>
        <h3>"Svarsskalan"</h3>
        <TableRegion label="Nivåer och hur stor del av delområdets poäng de ger">
            <table class="kk-table">
                <caption>"Nivåer och hur stor del av delområdets poäng de ger"</caption>
                <thead><tr>
                    <th scope="col">"Nivå"</th><th scope="col">"Andel av maxpoäng (råpoäng)"</th>
                    {calibration.map(|_| view! { <th scope="col">"Förväntad andel vid utvärdering"</th> })}
                    <th scope="col">"Betydelse"</th>
                </tr></thead>
                <tbody>
                    {levels}
                    {special(rubric.scale.dont_know.label.clone(), rubric.scale.dont_know.description.clone())}
                    {special(rubric.scale.not_applicable.label.clone(), rubric.scale.not_applicable.description.clone())}
                </tbody>
            </table>
        </TableRegion>
        <p>{rubric.scale.rationale.clone()}</p>
        <h3>"Så räknas poängen"</h3>
        <p>{SCORING_RULE}</p>
        {model.map(|m| view! { <p data-testid="model-paragraph">{m}</p> })}
        <h2>"Områden, delområden och frågor"</h2>
        {areas}
    }
}
