//! One area of the workshop, `/workshop/:id/omrade/:area`: per sub-area every participant's
//! points with median and spread, and per question how the group answered (who chose what, the
//! distribution, median, spread, comments) with the agreed level — the proposal is the median —
//! and a note on why.

use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::domain::assessment::{Part, Response};
use crate::domain::rubric::{Area, Question};
use crate::domain::workshop::stats::MEDIAN_RULE;
use crate::domain::workshop::wording;
use crate::ui::focus::focus_id_next_frame;
use crate::ui::page::set_title;
use crate::ui::question::dom_id;
use crate::ui::workshop_open::OpenWorkshop;
use crate::ui::workshop_parts::{GroupAnswers, SubareaPoints};
use crate::workspace::WorkshopChange;

/// The parameters of `/workshop/:id/omrade/:area`.
#[derive(Params, Clone, PartialEq)]
pub struct WorkshopAreaParams {
    /// The area id, "1" to "8".
    pub area: Option<String>,
}

/// The questions of one area, laid out for the group to agree on.
#[component]
pub fn WorkshopAreaPage() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let params = use_params::<WorkshopAreaParams>();
    let area = Memo::new(move |_| {
        let id = params.with(|p| p.as_ref().ok().and_then(|p| p.area.clone())).unwrap_or_default();
        rubric.area(&id).unwrap_or(&rubric.areas[0]).id.clone()
    });
    let nav = rubric
        .areas
        .iter()
        .map(|a| {
            let done = move || {
                let n = open.with(|w| a.questions().filter(|q| w.agreed(&q.id).is_some()).count()).unwrap_or(0);
                format!("{n} av {} överenskomna", a.questions().count())
            };
            view! {
                <li><A href=open.href(&format!("omrade/{}", a.id))>
                    <span class="kk-nav-name">{format!("{}. {}", a.id, a.name)}</span>
                    <span class="kk-nav-progress">{done}</span>
                </A></li>
            }
        })
        .collect_view();
    let name = move || open.with(|w| w.name.clone()).unwrap_or_default();
    view! {
        <div class="kk-answer-layout">
            <nav class="kk-sidenav" aria-label="Områden i workshoppen">
                <p class="kk-context">{move || format!("Workshop: {}", name())}</p>
                <ol>{nav}</ol>
                <A href=open.href("") attr:class="kk-button">"Till workshoppens översikt"</A>
                <A href=open.href("presentation") attr:class="kk-button">"Presentationsläge"</A>
            </nav>
            <div class="kk-area-content">
                {move || rubric.area(&area.get()).map(|a| view! { <AreaView area=a/> })}
            </div>
        </div>
    }
}

#[component]
fn AreaView(area: &'static Area) -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    set_title(&format!("Workshop: {}. {}", area.id, area.name));
    let position = rubric.areas.iter().position(|a| a.id == area.id).unwrap_or(0);
    let link = move |a: &Area, text: &str| {
        view! { <A href=open.href(&format!("omrade/{}", a.id)) attr:class="kk-button">{format!("{text}: {}. {}", a.id, a.name)}</A> }
    };
    let subareas = area
        .subareas
        .iter()
        .map(|sub| {
            let heading = format!("kk-ws-sub-{}", dom_id(&sub.id));
            let labelled_by = heading.clone();
            let questions = sub.questions.iter().map(|q| view! { <AgreeQuestion question=q/> }).collect_view();
            view! {
                <section class="kk-subarea" aria-labelledby=labelled_by>
                    <h2 id=heading>{format!("{} {}", sub.id, sub.name)}</h2>
                    <SubareaPoints subarea=sub with_table=true/>
                    {questions}
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{format!("{}. {}", area.id, area.name)}</h1>
        <p class="kk-desc">{MEDIAN_RULE}</p>
        {subareas}
        <nav class="kk-pager" aria-label="Föregående och nästa område">
            {position.checked_sub(1).map(|i| link(&rubric.areas[i], "Föregående"))}
            {rubric.areas.get(position + 1).map(|a| link(a, "Nästa"))}
        </nav>
    }
}

/// One question: how the group answered, and the agreed level with the note on why.
#[component]
fn AgreeQuestion(question: &'static Question) -> impl IntoView {
    let open = OpenWorkshop::expect();
    let scale = &open.rubric.scale;
    let rubric = open.rubric;
    let qid = question.id.as_str();
    let key = dom_id(qid);
    let part = StoredValue::new(Part::Answer(question.id.clone()));
    let agreed = Memo::new(move |_| {
        part.with_value(|p| open.with_part(p, |w| w.agreed.get(qid).and_then(|a| a.response))).flatten()
    });
    let note = Memo::new(move |_| {
        part.with_value(|p| open.with_part(p, |w| w.agreed.get(qid).map(|a| a.note.clone())))
            .flatten()
            .unwrap_or_default()
    });
    let proposal = Memo::new(move |_| {
        open.stats.track();
        open.with_untracked(|w| w.proposal(rubric, qid)).flatten()
    });
    let proposal_text = move || {
        open.stats.with(|s| {
            s.overview.questions.iter().find(|x| x.question == qid).map(|x| wording::proposal_line(rubric, x))
        })
    };
    let agree =
        move |response: Option<Response>| open.change(WorkshopChange::Agree { question: qid.to_string(), response });
    // The buttons below disable themselves once used: focus goes to the level now chosen (or to
    // the first level when cleared), never to the top of the page.
    let radio_id = move |response: Option<Response>| {
        let suffix = match response {
            Some(Response::Level(v)) => format!("lvl{v}"),
            Some(Response::DontKnow) => "vetej".into(),
            Some(Response::NotApplicable) => "ejakt".into(),
            None => format!("lvl{}", rubric.scale.levels[0].value),
        };
        format!("kk-ws-q-{}-{suffix}", dom_id(qid))
    };
    let agree_and_focus = move |response: Option<Response>| {
        agree(response);
        focus_id_next_frame(radio_id(response));
    };
    let name = format!("kk-ws-q-{key}");
    let options = scale
        .levels
        .iter()
        .map(|l| (format!("{} – {}", l.value, l.label), format!("lvl{}", l.value), Response::Level(l.value)))
        .chain([
            (scale.dont_know.label.clone(), "vetej".to_string(), Response::DontKnow),
            (scale.not_applicable.label.clone(), "ejakt".to_string(), Response::NotApplicable),
        ])
        .map(|(label, suffix, value)| {
            let id = format!("kk-ws-q-{key}-{suffix}");
            view! {
                <div class="kk-option" class:kk-special=!matches!(value, Response::Level(_))>
                    <input type="radio" id=id.clone() name=name.clone() value=suffix
                        prop:checked=move || agreed.get() == Some(value) on:change=move |_| agree(Some(value))/>
                    <label for=id><span class="kk-option-label">{label}</span></label>
                </div>
            }
        })
        .collect_view();
    let note_id = format!("kk-ws-q-{key}-note");
    let on_note =
        move |ev| open.change(WorkshopChange::Note { question: qid.to_string(), text: event_target_value(&ev) });
    view! {
        <section class="kk-question kk-ws-question" id=format!("kk-ws-q-{key}") aria-labelledby=format!("kk-ws-q-{key}-h") data-question=qid>
            <h3 id=format!("kk-ws-q-{key}-h")><span class="kk-qid">{qid}</span>" "{question.text.clone()}</h3>
            <GroupAnswers question=question/>
            <fieldset class="kk-agree">
                <legend>{format!("Överenskommen nivå för fråga {qid}")}</legend>
                <p class="kk-hint" data-testid="proposal">{proposal_text}</p>
                <div class="kk-options">{options}</div>
                <button type="button" class="kk-button kk-small" disabled=move || proposal.get().is_none() || proposal.get() == agreed.get()
                    on:click=move |_| agree_and_focus(proposal.get_untracked())>"Använd förslaget"</button>
                <button type="button" class="kk-link-button" disabled=move || agreed.get().is_none() on:click=move |_| agree_and_focus(None)>"Rensa den överenskomna nivån"</button>
            </fieldset>
            <div class="kk-field">
                <label for=note_id.clone()>"Motivering: varför ni landade där"</label>
                <textarea id=note_id rows="2" maxlength="20000" prop:value=move || note.get() on:input=on_note
                    on:change=move |_| open.flush() on:blur=move |_| open.flush()></textarea>
            </div>
        </section>
    }
}
