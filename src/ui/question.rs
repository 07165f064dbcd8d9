//! One question: the scale as a radio group with level descriptions, "Vet ej" and
//! "Ej aktuellt", guidance, comment, a note on evidence, target level, and the evidence items
//! (`ui::evidence`). A choice is saved at once; typed text a moment after the typing pauses, and
//! at the latest when the field loses focus. The card takes focus when a link names it
//! (`…/omrade/1#kk-q-1-1-1`, from Förbered utvärderingen).

use leptos::prelude::*;

use crate::domain::assessment::{Answer, Edit, Part, Response};
use crate::domain::format;
use crate::domain::rubric::Question;
use crate::state::AppState;
use crate::ui::evidence::EvidenceItems;
use crate::ui::open::Open;
use crate::ui::retired::RetiredAnswers;

/// Turns an id such as "1.2.3" into a string usable in element ids.
pub fn dom_id(id: &str) -> String {
    id.replace('.', "-")
}

/// One question of the open assessment with everything that can be recorded for it.
#[component]
pub fn QuestionCard(
    /// The question.
    question: &'static Question,
) -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let scale = &open.rubric.scale;
    let qid = question.id.as_str();
    let key = dom_id(qid);
    // One small memo per field: a change elsewhere re-runs a lookup, never a copy of the whole
    // assessment, and redraws nothing here.
    // One small memo per field, reading only this question's answer: typing elsewhere does not
    // run them, and a change elsewhere copies nothing here.
    let part = StoredValue::new(Part::Answer(question.id.clone()));
    let answer = move |read: fn(&Answer) -> Option<String>| {
        Memo::new(move |_| part.with_value(|p| open.with_part(p, |a| a.answer(qid).and_then(read))).flatten())
    };
    let response = Memo::new(move |_| {
        part.with_value(|p| open.with_part(p, |a| a.answer(qid).and_then(|x| x.response))).flatten()
    });
    let target =
        Memo::new(move |_| part.with_value(|p| open.with_part(p, |a| a.answer(qid).and_then(|x| x.target))).flatten());
    let comment = answer(|x| Some(x.comment.clone()));
    let evidence = answer(|x| Some(x.evidence.clone()));
    let name = format!("kk-q-{key}");
    let options: Vec<(String, String, String, Response)> = scale
        .levels
        .iter()
        .map(|l| {
            (
                format!("{} – {}", l.value, l.label),
                l.description.clone(),
                format!("lvl{}", l.value),
                Response::Level(l.value),
            )
        })
        .chain([
            (
                scale.dont_know.label.clone(),
                scale.dont_know.description.clone(),
                "vetej".to_string(),
                Response::DontKnow,
            ),
            (
                scale.not_applicable.label.clone(),
                scale.not_applicable.description.clone(),
                "ejakt".to_string(),
                Response::NotApplicable,
            ),
        ])
        .collect();
    let respond = move |response: Option<Response>| open.edit(Edit::Response { question: qid.to_string(), response });
    let radios = options
        .into_iter()
        .map(|(label, description, suffix, value)| {
            let input_id = format!("kk-q-{key}-{suffix}");
            let desc_id = format!("{input_id}-d");
            let special = !matches!(value, Response::Level(_));
            view! {
                <div class="kk-option" class:kk-special=special>
                    <input type="radio" id=input_id.clone() name=name.clone() value=suffix aria-describedby=desc_id.clone()
                        prop:checked=move || response.get() == Some(value)
                        on:change=move |_| respond(Some(value))/>
                    <label for=input_id>
                        <span class="kk-option-label">{label}</span>
                        <span class="kk-option-desc" id=desc_id>{description}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let comment_id = format!("kk-q-{key}-comment");
    let evidence_id = format!("kk-q-{key}-evidence");
    let target_id = format!("kk-q-{key}-target");
    let on_comment = move |ev| open.edit(Edit::Comment { question: qid.to_string(), text: event_target_value(&ev) });
    let on_evidence = move |ev| open.edit(Edit::Evidence { question: qid.to_string(), text: event_target_value(&ev) });
    let on_target = move |ev| {
        let level = event_target_value(&ev).parse::<u8>().ok();
        open.edit(Edit::Target { question: qid.to_string(), level })
    };
    let target_options = scale
        .levels
        .iter()
        .map(|l| {
            let v = l.value;
            view! { <option value=v.to_string() selected=move || target.get() == Some(v)>{format!("{} – {}", l.value, l.label)}</option> }
        })
        .collect_view();
    let derived = state.catalog().derived_from(&question.source);
    let evidence_kinds = question.evidence.iter().map(|e| e.label()).collect::<Vec<_>>().join(", ");
    let weight_note = (question.weight() != 1.0).then(|| {
        format!("Frågan väger {} gånger så tungt som de andra i delområdet.", format::points(question.weight()))
    });
    view! {
        <fieldset class="kk-question" id=format!("kk-q-{key}") data-question=qid tabindex="-1">
            <legend><span class="kk-qid">{qid}</span>" "{question.text.clone()}</legend>
            {question.guidance.as_ref().map(|g| view! {
                <details class="kk-guidance">
                    <summary>"Vägledning"</summary>
                    <p><strong>"Full poäng: "</strong>{g.full.clone()}</p>
                    <p><strong>"Saknas ofta: "</strong>{g.often_missing.clone()}</p>
                    <p><strong>"Underlag vid en utvärdering: "</strong>{evidence_kinds.clone()}</p>
                    {weight_note.clone().map(|w| view! { <p>{w}</p> })}
                    {derived.clone().map(|d| view! { <p class="kk-hint">{d}</p> })}
                </details>
            })}
            <RetiredAnswers question=question/>
            <div class="kk-options">{radios}</div>
            <button type="button" class="kk-link-button" on:click=move |_| respond(None) disabled=move || response.get().is_none()>"Rensa svaret"</button>
            <div class="kk-notes">
                <div class="kk-field">
                    <label for=comment_id.clone()>"Kommentar"</label>
                    <textarea id=comment_id rows="2" maxlength="20000" prop:value=move || comment.get().unwrap_or_default() on:input=on_comment
                        on:change=move |_| open.flush() on:blur=move |_| open.flush()></textarea>
                </div>
                <div class="kk-field">
                    <label for=evidence_id.clone()>"Anteckning om underlaget"</label>
                    <textarea id=evidence_id rows="2" maxlength="20000" prop:value=move || evidence.get().unwrap_or_default() on:input=on_evidence
                        on:change=move |_| open.flush() on:blur=move |_| open.flush()></textarea>
                </div>
                <div class="kk-field">
                    <label for=target_id.clone()>"Målnivå"</label>
                    <select id=target_id on:change=on_target>
                        <option value="" selected=move || target.get().is_none()>"Ingen målnivå"</option>
                        {target_options}
                    </select>
                </div>
            </div>
            <EvidenceItems question=question kinds=evidence_kinds/>
        </fieldset>
    }
}
