//! One question: the scale as a radio group with level descriptions, "Vet ej" and
//! "Ej aktuellt", guidance, comment, evidence and target level. Every change is saved at once.

use leptos::prelude::*;

use crate::domain::assessment::{Answer, Response};
use crate::domain::rubric::{Question, Scale};
use crate::state::AppState;

/// Turns an id such as "1.2.3" into a string usable in element ids.
pub fn dom_id(id: &str) -> String {
    id.replace('.', "-")
}

/// One question with everything that can be recorded for it.
#[component]
pub fn QuestionCard(
    /// The assessment being answered.
    assessment: String,
    /// The question.
    question: &'static Question,
    /// The rubric's answer scale.
    scale: &'static Scale,
) -> impl IntoView {
    let state = AppState::expect();
    let qid = question.id.as_str();
    let key = dom_id(qid);
    let answer = {
        let assessment = assessment.clone();
        Memo::new(move |_| {
            state.assessments.with(|all| {
                all.iter().find(|a| a.id == assessment).and_then(|a| a.answers.get(qid).cloned()).unwrap_or_default()
            })
        })
    };
    let response = Memo::new(move |_| answer.with(|a| a.response));
    let edit = {
        let assessment = assessment.clone();
        move |f: Box<dyn FnOnce(&mut Answer)>| state.update(&assessment, |a, now| a.edit_answer(qid, now, f))
    };
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
    let radios = options
        .into_iter()
        .map(|(label, description, suffix, value)| {
            let input_id = format!("kk-q-{key}-{suffix}");
            let desc_id = format!("{input_id}-d");
            let edit = edit.clone();
            let special = !matches!(value, Response::Level(_));
            view! {
                <div class="kk-option" class:kk-special=special>
                    <input type="radio" id=input_id.clone() name=name.clone() value=suffix aria-describedby=desc_id.clone()
                        prop:checked=move || response.get() == Some(value)
                        on:change=move |_| edit(Box::new(move |a: &mut Answer| a.response = Some(value)))/>
                    <label for=input_id>
                        <span class="kk-option-label">{label}</span>
                        <span class="kk-option-desc" id=desc_id>{description}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let clear = {
        let edit = edit.clone();
        move |_| edit(Box::new(|a: &mut Answer| a.response = None))
    };
    let comment_id = format!("kk-q-{key}-comment");
    let evidence_id = format!("kk-q-{key}-evidence");
    let target_id = format!("kk-q-{key}-target");
    let on_comment = {
        let edit = edit.clone();
        move |ev| {
            let v = event_target_value(&ev);
            edit(Box::new(move |a: &mut Answer| a.comment = v))
        }
    };
    let on_evidence = {
        let edit = edit.clone();
        move |ev| {
            let v = event_target_value(&ev);
            edit(Box::new(move |a: &mut Answer| a.evidence = v))
        }
    };
    let on_target = {
        let edit = edit.clone();
        move |ev| {
            let v = event_target_value(&ev).parse::<u8>().ok();
            edit(Box::new(move |a: &mut Answer| a.target = v))
        }
    };
    let target_options = scale
        .levels
        .iter()
        .map(|l| {
            let v = l.value;
            view! { <option value=v.to_string() selected=move || answer.with(|a| a.target == Some(v))>{format!("{} – {}", l.value, l.label)}</option> }
        })
        .collect_view();
    let derived = state.catalog.derived_from(&question.source);
    let evidence_kinds = question.evidence.iter().map(|e| e.label()).collect::<Vec<_>>().join(", ");
    let weight_note = (question.weight() != 1.0).then(|| {
        format!(
            "Frågan väger {} gånger så tungt som de andra i delområdet.",
            crate::domain::format::points(question.weight())
        )
    });
    view! {
        <fieldset class="kk-question" id=format!("kk-q-{key}") data-question=qid>
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
            <div class="kk-options">{radios}</div>
            <button type="button" class="kk-link-button" on:click=clear disabled=move || response.get().is_none()>"Rensa svaret"</button>
            <div class="kk-notes">
                <div class="kk-field">
                    <label for=comment_id.clone()>"Kommentar"</label>
                    <textarea id=comment_id rows="2" maxlength="20000" prop:value=move || answer.with(|a| a.comment.clone()) on:input=on_comment></textarea>
                </div>
                <div class="kk-field">
                    <label for=evidence_id.clone()>"Underlag (dokument, länk eller anteckning)"</label>
                    <textarea id=evidence_id rows="2" maxlength="20000" prop:value=move || answer.with(|a| a.evidence.clone()) on:input=on_evidence></textarea>
                </div>
                <div class="kk-field">
                    <label for=target_id.clone()>"Målnivå"</label>
                    <select id=target_id on:change=on_target>
                        <option value="" selected=move || answer.with(|a| a.target.is_none())>"Ingen målnivå"</option>
                        {target_options}
                    </select>
                </div>
            </div>
        </fieldset>
    }
}
