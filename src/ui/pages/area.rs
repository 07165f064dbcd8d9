//! The answering view, `/bedomning/:id/omrade/:area`: areas in a side menu with progress, the
//! chosen area's sub-areas with live points and completeness, and their questions.

use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::domain::format::{self, Answered};
use crate::domain::rubric::Area;
use crate::state::AppState;
use crate::ui::open::Open;
use crate::ui::page::set_title;
use crate::ui::question::{QuestionCard, dom_id};
use crate::workspace::Change;

/// The parameters of `/bedomning/:id/omrade/:area`.
#[derive(Params, Clone, PartialEq)]
pub struct AreaParams {
    /// The area id, "1" to "8".
    pub area: Option<String>,
}

/// The answering view of the open assessment.
#[component]
pub fn AreaPage() -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let rubric = open.rubric;
    let params = use_params::<AreaParams>();
    let area_id = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.area.clone())).unwrap_or_default());
    // An unknown area number shows the first area.
    let area = Memo::new(move |_| area_id.with(|id| rubric.area(id).unwrap_or(&rubric.areas[0]).id.clone()));
    let score = open.score;
    let name = move || open.with(|a| format!("{} – {}", a.name, a.municipality));
    let nav = rubric
        .areas
        .iter()
        .map(|ar| {
            let aid = ar.id.as_str();
            let progress = move || score.with(|s| s.area(aid).map(format::area_progress));
            let subnav = move || {
                area.with(|current| current == aid).then(|| {
                    let links = ar
                        .subareas
                        .iter()
                        .map(|sub| {
                            let sid = sub.id.as_str();
                            let done = move || {
                                score.with(|s| {
                                    s.subarea(sid).map(|x| format::answered(&x.completeness, Answered::Count))
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
                    <A href=open.href(&format!("omrade/{}", ar.id))>
                        <span class="kk-nav-name">{format!("{}. {}", ar.id, ar.name)}</span>
                        <span class="kk-nav-progress">{progress}</span>
                    </A>
                    {subnav}
                </li>
            }
        })
        .collect_view();
    // Once the team knows the scale, the descriptions can be hidden to shorten the page; they
    // stay the radios' accessible descriptions either way.
    let show_levels = Memo::new(move |_| state.with(|w| w.show_levels()));
    let total = move || score.with(format::total_line);
    view! {
        <div class="kk-answer-layout">
            <nav class="kk-sidenav" aria-label="Områden">
                <p class="kk-context">{name}</p>
                <ol>{nav}</ol>
                <p class="kk-total" data-testid="total">{total}</p>
                <A href=open.href("resultat") attr:class="kk-button kk-primary">"Visa resultat"</A>
                <A href=open.href("forbered") attr:class="kk-button">"Förbered utvärderingen"</A>
            </nav>
            <div class="kk-area-content" class:kk-compact=move || !show_levels.get()>
                <div class="kk-check kk-levels-toggle">
                    <input type="checkbox" id="kk-show-levels" prop:checked=move || show_levels.get()
                        on:change=move |ev| state.change(Change::ShowLevels(event_target_checked(&ev)))/>
                    <label for="kk-show-levels">"Visa nivåernas beskrivningar vid varje fråga"</label>
                </div>
                {move || {
                    let id = area.get();
                    rubric.area(&id).map(|a| view! { <AreaView area=a/> })
                }}
            </div>
        </div>
    }
}

#[component]
fn AreaView(area: &'static Area) -> impl IntoView {
    let open = Open::expect();
    let rubric = open.rubric;
    let score = open.score;
    set_title(&format!("{}. {}", area.id, area.name));
    let aid = area.id.as_str();
    let area_score = Memo::new(move |_| score.with(|s| s.area(aid).cloned()));
    let position = rubric.areas.iter().position(|a| a.id == area.id).unwrap_or(0);
    let prev = position.checked_sub(1).map(|i| &rubric.areas[i]);
    let next = rubric.areas.get(position + 1);
    let subareas = area
        .subareas
        .iter()
        .map(|sub| {
            let sid = sub.id.as_str();
            let line = move || score.with(|s| s.subarea(sid).map(format::subarea_line));
            let heading_id = format!("kk-sub-{}", dom_id(&sub.id));
            let questions = sub.questions.iter().map(|q| view! { <QuestionCard question=q/> }).collect_view();
            view! {
                <section class="kk-subarea" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{format!("{} {}", sub.id, sub.name)}</h2>
                    {sub.description.clone().map(|d| view! { <p class="kk-desc">{d}</p> })}
                    <p class="kk-subscore" data-subarea=sub.id.clone()>{line}</p>
                    {questions}
                </section>
            }
        })
        .collect_view();
    let link = move |a: &Area, text: &str| {
        view! { <A href=open.href(&format!("omrade/{}", a.id)) attr:class="kk-button">{format!("{text}: {}. {}", a.id, a.name)}</A> }
    };
    view! {
        <h1 tabindex="-1">{format!("{}. {}", area.id, area.name)}</h1>
        <p class="kk-desc">{area.description.clone()}</p>
        <p class="kk-areascore" data-testid="area-score">{move || area_score.with(|a| a.as_ref().map(format::area_line))}</p>
        {move || area_score.with(|a| a.as_ref().map(|a| view! {
            <progress class="kk-progress" max=a.completeness.applicable.max(1) value=a.completeness.answered aria-label="Andel besvarade frågor i området"></progress>
        }))}
        {subareas}
        <nav class="kk-pager" aria-label="Föregående och nästa område">
            {prev.map(|a| link(a, "Föregående"))}
            {next.map(|a| link(a, "Nästa"))}
        </nav>
    }
}
