//! "Kriterierna": every rubric version with its areas, sub-areas, maxima, questions and
//! guidance, plus the answer scale and the scoring rule.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::base::href;
use leptos_router::hooks::use_params_map;

use crate::domain::rubric::Rubric;
use crate::state::AppState;
use crate::ui::table_region::TableRegion;

/// The scoring rule in one paragraph, for users.
pub const SCORING_RULE: &str = "Varje delområde har ett fast maxpoäng. Delområdets poäng är maxpoängen gånger \
det vägda medelvärdet av de valda nivåernas andelar, räknat över de frågor som är besvarade och aktuella. \
Områdets poäng är summan av delområdena, och totalen är summan av de åtta områdena, högst 800. \
”Vet ej” räknas som obesvarad och ”Ej aktuellt” tas bort ur beräkningen – inget av dem räknas som noll. \
Därför visas alltid hur stor del som är besvarad: poäng som bygger på få svar är osäkra.";

/// The rubric browser for `/kriterier` and `/kriterier/:version`.
#[component]
pub fn RubricPage() -> impl IntoView {
    crate::app::set_title("Kriterierna");
    let state = AppState::expect();
    let params = use_params_map();
    let chosen = move || {
        let id = params.read().get("version");
        id.and_then(|id| state.catalog.rubric(&id)).unwrap_or_else(|| state.catalog.current())
    };
    let tabs = state
        .catalog
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
    let levels = rubric
        .scale
        .levels
        .iter()
        .map(|l| view! { <tr><th scope="row">{format!("{} – {}", l.value, l.label)}</th><td>{format!("{} %", (l.fraction * 100.0).round())}</td><td>{l.description.clone()}</td></tr> })
        .collect_view();
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
                                            {state.catalog.derived_from(&q.source).map(|d| view! { <p class="kk-hint">{d}</p> })}
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
                <thead><tr><th scope="col">"Nivå"</th><th scope="col">"Andel av maxpoäng"</th><th scope="col">"Betydelse"</th></tr></thead>
                <tbody>
                    {levels}
                    <tr><th scope="row">{rubric.scale.dont_know.label.clone()}</th><td>"räknas inte"</td><td>{rubric.scale.dont_know.description.clone()}</td></tr>
                    <tr><th scope="row">{rubric.scale.not_applicable.label.clone()}</th><td>"räknas inte"</td><td>{rubric.scale.not_applicable.description.clone()}</td></tr>
                </tbody>
            </table>
        </TableRegion>
        <p>{rubric.scale.rationale.clone()}</p>
        <h3>"Så räknas poängen"</h3>
        <p>{SCORING_RULE}</p>
        <h2>"Områden, delområden och frågor"</h2>
        {areas}
    }
}
