//! Presentation mode, `/workshop/:id/presentation`: for a projector, one sub-area at a time in
//! large type — the participants' points in it, and per question the distribution and the
//! comments — with nothing else on the screen. The right and left arrow keys (and Page Down /
//! Page Up, as presenters' clickers send) go to the next and previous sub-area, Home and End to
//! the first and last, Escape back to the workshop; the same is on buttons. `?ordning=oenighet`
//! shows the sub-areas where the group disagrees most first.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::rubric::Subarea;
use crate::ui::focus::focus_main_heading;
use crate::ui::page::set_title;
use crate::ui::workshop_open::OpenWorkshop;
use crate::ui::workshop_parts::{GroupAnswers, SubareaPoints};

/// The presentation.
#[component]
pub fn PresentationPage() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let query = use_query_map();
    let by_disagreement = Memo::new(move |_| query.with(|q| q.get("ordning").as_deref() == Some("oenighet")));
    // The sub-areas in the order shown: the criteria's, or where the group disagrees most first
    // (then the rest in the criteria's order).
    let order = Memo::new(move |_| {
        let all: Vec<&'static Subarea> = rubric.areas.iter().flat_map(|a| a.subareas.iter()).collect();
        if !by_disagreement.get() {
            return all;
        }
        let ranked: Vec<String> = open.stats.with(|s| s.overview.subareas_by_disagreement.clone());
        let mut out: Vec<&'static Subarea> = ranked.iter().filter_map(|id| rubric.subarea(id)).collect();
        out.extend(all.into_iter().filter(|s| !ranked.contains(&s.id)));
        out
    });
    let index = RwSignal::new(0usize);
    let count = move || order.with(Vec::len);
    let navigate = use_navigate();
    let back = open.path("");
    let go = move |to: usize| {
        let last = count().saturating_sub(1);
        let to = to.min(last);
        if to != index.get_untracked() {
            index.set(to);
            focus_main_heading();
        }
    };
    let leave = {
        let back = back.clone();
        move || navigate(&back, Default::default())
    };
    let keys = window_event_listener(leptos::ev::keydown, {
        let leave = leave.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let i = index.get_untracked();
            match ev.key().as_str() {
                "ArrowRight" | "PageDown" => go(i + 1),
                "ArrowLeft" | "PageUp" => go(i.saturating_sub(1)),
                "Home" => go(0),
                "End" => go(usize::MAX),
                "Escape" => leave(),
                _ => return,
            }
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    let slide = move || {
        let sub = order.with(|o| o.get(index.get()).copied())?;
        let area = rubric.areas.iter().find(|a| a.subareas.iter().any(|s| s.id == sub.id))?;
        set_title(&format!("Presentation: {} {}", sub.id, sub.name));
        let questions = sub
            .questions
            .iter()
            .map(|q| {
                view! {
                    <section class="kk-pres-question" aria-labelledby=format!("kk-pres-q-{}", q.id.replace('.', "-"))>
                        <h2 id=format!("kk-pres-q-{}", q.id.replace('.', "-"))><span class="kk-qid">{q.id.clone()}</span>" "{q.text.clone()}</h2>
                        <GroupAnswers question=q large=true/>
                    </section>
                }
            })
            .collect_view();
        Some(view! {
            <p class="kk-pres-position" data-testid="position">
                {format!("Delområde {} av {} · Område {}. {}", index.get() + 1, count(), area.id, area.name)}
            </p>
            <h1 tabindex="-1" data-subarea=sub.id.clone()>{format!("{} {}", sub.id, sub.name)}</h1>
            <SubareaPoints subarea=sub/>
            {questions}
        })
    };
    let leave_click = leave.clone();
    view! {
        <div class="kk-presentation" data-testid="presentation">
            {slide}
            <nav class="kk-pres-nav" aria-label="Bläddra i presentationen">
                <button type="button" class="kk-button" disabled=move || index.get() == 0 on:click=move |_| go(index.get_untracked().saturating_sub(1))>"← Föregående"</button>
                <button type="button" class="kk-button kk-primary" disabled=move || index.get() + 1 >= count() on:click=move |_| go(index.get_untracked() + 1)>"Nästa →"</button>
                <button type="button" class="kk-button" on:click=move |_| leave_click()>"Avsluta presentationen"</button>
                <span class="kk-hint">"Piltangenterna höger och vänster byter delområde, Esc avslutar."</span>
            </nav>
        </div>
    }
}
