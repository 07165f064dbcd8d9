//! Answers kept under questions that have been replaced. When a question of the current version
//! was split or reworded into a new meaning, its id was retired; an answer a team gave to it is
//! kept and shown beside the questions that replaced it, with the reason, and can be taken over
//! as a starting point. It is never scored and never dropped.

use leptos::prelude::*;

use crate::domain::assessment::{Answer, Edit, Part, Response};
use crate::domain::rubric::{Question, Scale};
use crate::ui::open::Open;

/// How an answer to a retired question reads: "Delvis. Kommentar: …".
fn describe(scale: &Scale, answer: &Answer) -> String {
    let level = match answer.response {
        Some(Response::Level(v)) => scale.level(v).map(|l| format!("{} – {}", l.value, l.label)),
        Some(Response::DontKnow) => Some(scale.dont_know.label.clone()),
        Some(Response::NotApplicable) => Some(scale.not_applicable.label.clone()),
        None => None,
    };
    let mut parts: Vec<String> = level.into_iter().collect();
    if !answer.comment.trim().is_empty() {
        parts.push(format!("Kommentar: {}", answer.comment.trim()));
    }
    if !answer.evidence.trim().is_empty() {
        parts.push(format!("Underlag: {}", answer.evidence.trim()));
    }
    if parts.is_empty() { "ingen nivå angiven".to_string() } else { parts.join(". ") }
}

/// The answers saved under the retired questions that `question` replaces, if any.
#[component]
pub fn RetiredAnswers(
    /// The live question.
    question: &'static Question,
) -> impl IntoView {
    let open = Open::expect();
    let rubric = open.rubric;
    let qid = question.id.as_str();
    rubric
        .replaced_by(qid)
        .map(|old| {
            let part = StoredValue::new(Part::Answer(old.id.clone()));
            let from = old.id.as_str();
            let kept = Memo::new(move |_| {
                part.with_value(|p| open.with_part(p, |a| a.answer(from).filter(|x| !x.is_blank()).cloned())).flatten()
            });
            let take_over = move |_| open.edit(Edit::AdoptRetired { from: from.to_string(), to: qid.to_string() });
            move || {
                kept.get().map(|answer| {
                    view! {
                        <div class="kk-retired" role="note" data-retired=from>
                            <p><strong>{format!("Ert svar på en tidigare fråga ({from}): ")}</strong>{format!("”{}”", old.text)}</p>
                            <p>{old.note.clone()}</p>
                            <p>{format!("Ni svarade: {}.", describe(&rubric.scale, &answer))}" "
                                <span class="kk-hint">"Svaret finns kvar men räknas inte."</span></p>
                            <button type="button" class="kk-button kk-small" on:click=take_over>
                                {format!("Använd som utgångspunkt för fråga {qid}")}
                            </button>
                        </div>
                    }
                })
            }
        })
        .collect_view()
}
