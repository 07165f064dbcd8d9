//! The answering view: areas in a side menu with progress, the chosen area's sub-areas with
//! live points and completeness, and their questions.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::base::href;
use leptos_router::hooks::use_params_map;

use crate::domain::format;
use crate::domain::rubric::{Area, Rubric};
use crate::domain::scoring::{Completeness, Score, score};
use crate::state::AppState;
use crate::ui::question::{QuestionCard, dom_id};

/// "3 av 5 besvarade".
pub fn answered_text(c: &Completeness) -> String {
    format!("{} av {} besvarade", c.answered, c.applicable)
}

/// The answering view for `/bedomning/:id` and `/bedomning/:id/omrade/:area`.
#[component]
pub fn AssessmentPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let area_id = move || params.read().get("area").unwrap_or_else(|| "1".to_string());
    // `/bedomning/:id` opens the first area under its own address, so the side menu marks it.
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        let p = params.read();
        if let (Some(id), None) = (p.get("id"), p.get("area")) {
            navigate(
                &format!("/bedomning/{id}/omrade/1"),
                leptos_router::NavigateOptions { replace: true, ..Default::default() },
            );
        }
    });
    move || {
        let id = id();
        let Some(a) = state.assessments.with_untracked(|all| all.iter().find(|a| a.id == id).cloned()) else {
            return view! { <MissingAssessment/> }.into_any();
        };
        let Some(rubric) = state.catalog.rubric(&a.rubric) else {
            return view! { <UnknownVersion version=a.rubric/> }.into_any();
        };
        let score = {
            let id = id.clone();
            Memo::new(move |_| {
                state.assessments.with(|all| all.iter().find(|a| a.id == id).map(|a| score(rubric, &a.answers)))
            })
        };
        view! { <AnswerLayout id=id rubric=rubric area_id=Signal::derive(area_id) score=score/> }.into_any()
    }
}

/// Shown when the address names an assessment this browser does not have.
#[component]
pub fn MissingAssessment() -> impl IntoView {
    crate::app::set_title("Självskattningen finns inte");
    view! {
        <h1 tabindex="-1">"Självskattningen finns inte här"</h1>
        <p>"Den finns inte i den här webbläsaren. Den kan ha tagits bort, eller sparats i en annan webbläsare eller på en annan dator. Öppna den sparade filen från startsidan om ni har en."</p>
        <p><A href=href("/")>"Till mina självskattningar"</A></p>
    }
}

/// Shown when this browser has the assessment but this version of the tool does not know its
/// version of the criteria (it was saved by a newer version). Nothing is changed or lost.
#[component]
pub fn UnknownVersion(
    /// The rubric id the assessment names.
    version: String,
) -> impl IntoView {
    crate::app::set_title("Självskattningen kan inte visas");
    view! {
        <h1 tabindex="-1">"Självskattningen kan inte visas"</h1>
        <p>{format!("Den gäller en version av Kommunkompassens kriterier (”{version}”) som den här versionen av verktyget inte känner till. Den har troligen sparats med en nyare version av verktyget.")}</p>
        <p>"Ingenting har ändrats och svaren finns kvar i webbläsaren. Ladda om sidan för att få den senaste versionen av verktyget. Vill ni ha en kopia, spara självskattningen som fil från startsidan."</p>
        <p><A href=href("/")>"Till mina självskattningar"</A></p>
    }
}

#[component]
fn AnswerLayout(
    id: String,
    rubric: &'static Rubric,
    area_id: Signal<String>,
    score: Memo<Option<Score>>,
) -> impl IntoView {
    let state = AppState::expect();
    let name = {
        let id = id.clone();
        move || state.get(&id).map(|a| format!("{} – {}", a.name, a.municipality)).unwrap_or_default()
    };
    let area = move || rubric.area(&area_id.get()).unwrap_or(&rubric.areas[0]);
    let nav = rubric
        .areas
        .iter()
        .map(|ar| {
            let href = href(&format!("/bedomning/{id}/omrade/{}", ar.id));
            let aid = ar.id.clone();
            let progress = move || {
                score.with(|s| {
                    s.as_ref()
                        .and_then(|s| s.area(&aid))
                        .map(|a| format!("{} · {} p", answered_text(&a.completeness), format::points(a.points)))
                })
            };
            let this_area = ar.id.clone();
            let subnav = move || {
                (area_id.get() == this_area).then(|| {
                    let links = ar
                        .subareas
                        .iter()
                        .map(|sub| {
                            let sid = sub.id.clone();
                            let done = move || {
                                score.with(|s| {
                                    s.as_ref().and_then(|s| s.subarea(&sid)).map(|x| {
                                        format!("{} av {}", x.completeness.answered, x.completeness.applicable)
                                    })
                                })
                            };
                            view! {
                                <li><a href=format!("#kk-sub-{}", dom_id(&sub.id))>
                                    <span>{format!("{} {}", sub.id, sub.name)}</span>
                                    <span class="kk-nav-progress">{done}</span>
                                </a></li>
                            }
                        })
                        .collect_view();
                    view! { <ol class="kk-subnav" aria-label=format!("Delområden i område {}", ar.id)>{links}</ol> }
                })
            };
            view! {
                <li>
                    <A href=href>
                        <span class="kk-nav-name">{format!("{}. {}", ar.id, ar.name)}</span>
                        <span class="kk-nav-progress">{progress}</span>
                    </A>
                    {subnav}
                </li>
            }
        })
        .collect_view();
    let results_href = href(&format!("/bedomning/{id}/resultat"));
    // Once the team knows the scale, the descriptions can be hidden to shorten the page; they
    // stay the radios' accessible descriptions either way.
    let show_levels = RwSignal::new(crate::adapters::storage::show_level_descriptions());
    let set_show_levels = move |on: bool| {
        show_levels.set(on);
        crate::adapters::storage::set_show_level_descriptions(on);
    };
    let total = move || {
        score.with(|s| {
            s.as_ref().map(|s| {
                format!(
                    "Totalt {} av {} poäng · {} av {} frågor besvarade",
                    format::points(s.total),
                    format::points(s.max),
                    s.completeness.answered,
                    s.completeness.applicable
                )
            })
        })
    };
    view! {
        <div class="kk-answer-layout">
            <nav class="kk-sidenav" aria-label="Områden">
                <p class="kk-context">{name.clone()}</p>
                <ol>{nav}</ol>
                <p class="kk-total" data-testid="total">{total}</p>
                <A href=results_href attr:class="kk-button kk-primary">"Visa resultat"</A>
            </nav>
            <div class="kk-area-content" class:kk-compact=move || !show_levels.get()>
                <div class="kk-check kk-levels-toggle">
                    <input type="checkbox" id="kk-show-levels" prop:checked=move || show_levels.get()
                        on:change=move |ev| set_show_levels(event_target_checked(&ev))/>
                    <label for="kk-show-levels">"Visa nivåernas beskrivningar vid varje fråga"</label>
                </div>
                {move || {
                    let a = area();
                    view! { <AreaView id=id.clone() rubric=rubric area=a score=score/> }
                }}
            </div>
        </div>
    }
}

#[component]
fn AreaView(id: String, rubric: &'static Rubric, area: &'static Area, score: Memo<Option<Score>>) -> impl IntoView {
    let state = AppState::expect();
    crate::app::set_title(&format!("{}. {}", area.id, area.name));
    let area_id = area.id.clone();
    let area_score = Memo::new(move |_| score.with(|s| s.as_ref().and_then(|s| s.area(&area_id)).cloned()));
    let position = rubric.areas.iter().position(|a| a.id == area.id).unwrap_or(0);
    let prev = position.checked_sub(1).map(|i| &rubric.areas[i]);
    let next = rubric.areas.get(position + 1);
    let subareas = area
        .subareas
        .iter()
        .map(|sub| {
            let sid = sub.id.clone();
            let sub_score = move || score.with(|s| s.as_ref().and_then(|s| s.subarea(&sid)).cloned());
            let heading_id = format!("kk-sub-{}", dom_id(&sub.id));
            let questions = sub
                .questions
                .iter()
                .map(|q| view! { <QuestionCard assessment=id.clone() question=q scale=&rubric.scale/> })
                .collect_view();
            view! {
                <section class="kk-subarea" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{format!("{} {}", sub.id, sub.name)}</h2>
                    {sub.description.clone().map(|d| view! { <p class="kk-desc">{d}</p> })}
                    <p class="kk-subscore" data-subarea=sub.id.clone()>
                        {move || sub_score().map(|s| match s.points {
                            Some(p) => format!("{} av {} poäng · {}", format::points(p), s.max, answered_text(&s.completeness)),
                            None => format!("Inte bedömt ännu (max {} poäng) · {}", s.max, answered_text(&s.completeness)),
                        })}
                    </p>
                    {questions}
                </section>
            }
        })
        .collect_view();
    let _ = state;
    let link = |a: &Area, text: &str| view! { <A href=href(&format!("/bedomning/{id}/omrade/{}", a.id)) attr:class="kk-button">{format!("{text}: {}. {}", a.id, a.name)}</A> };
    view! {
        <h1 tabindex="-1">{format!("{}. {}", area.id, area.name)}</h1>
        <p class="kk-desc">{area.description.clone()}</p>
        <p class="kk-areascore" data-testid="area-score">
            {move || area_score.get().map(|a| format!("Området: {} av 100 poäng · {}", format::points(a.points), answered_text(&a.completeness)))}
        </p>
        {move || area_score.get().map(|a| view! {
            <progress class="kk-progress" max=a.completeness.applicable.max(1) value=a.completeness.answered aria-label="Andel besvarade frågor i området"></progress>
        })}
        {subareas}
        <nav class="kk-pager" aria-label="Föregående och nästa område">
            {prev.map(|a| link(a, "Föregående"))}
            {next.map(|a| link(a, "Nästa"))}
        </nav>
    }
}
