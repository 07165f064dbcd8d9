//! What the workshop's pages share: one question laid out for the group (who answered what, the
//! distribution with Vet ej and Ej aktuellt apart, median and spread, the comments), one
//! sub-area's points per participant, and the line on a common assessment that says where it
//! was agreed. The numbers and sentences come from `domain::workshop`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::assessment::{Origin, Response};
use crate::domain::csv::answer_label;
use crate::domain::format;
use crate::domain::rubric::{Question, Subarea};
use crate::domain::workshop::stats::Distribution;
use crate::domain::workshop::wording;
use crate::state::AppState;
use crate::ui::table_region::TableRegion;
use crate::ui::workshop_open::OpenWorkshop;

/// One row of the distribution: the answer, how many chose it, and who.
#[derive(Clone, PartialEq)]
struct Row {
    label: String,
    count: usize,
    who: Vec<String>,
}

/// The rows of a question's distribution: every level, then "Vet ej", "Ej aktuellt" and no
/// answer (the last only when someone left it blank).
fn rows(open: OpenWorkshop, question: &str, d: &Distribution) -> Vec<Row> {
    let rubric = open.rubric;
    let names = open.names.get();
    let responses: Vec<Option<Response>> = open
        .with(|w| w.participants().map(|p| p.answers.get(question).and_then(|a| a.response)).collect())
        .unwrap_or_default();
    let who = |pick: &dyn Fn(Option<Response>) -> bool| -> Vec<String> {
        responses.iter().zip(&names).filter(|(r, _)| pick(**r)).map(|(_, n)| n.clone()).collect()
    };
    let mut out: Vec<Row> = d
        .levels
        .iter()
        .map(|(value, count)| Row {
            label: answer_label(rubric, Some(Response::Level(*value))),
            count: *count,
            who: who(&|r| r == Some(Response::Level(*value))),
        })
        .collect();
    out.push(Row {
        label: rubric.scale.dont_know.label.clone(),
        count: d.dont_know,
        who: who(&|r| r == Some(Response::DontKnow)),
    });
    out.push(Row {
        label: rubric.scale.not_applicable.label.clone(),
        count: d.not_applicable,
        who: who(&|r| r == Some(Response::NotApplicable)),
    });
    if d.unanswered > 0 {
        out.push(Row { label: "Inget svar".into(), count: d.unanswered, who: who(&|r| r.is_none()) });
    }
    out
}

/// How the group answered one question: a table with a bar per answer, median and spread, and
/// every participant's comment. `large` is the projector's type size.
#[component]
pub fn GroupAnswers(question: &'static Question, #[prop(optional)] large: bool) -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let qid = question.id.as_str();
    let stats =
        Memo::new(move |_| open.stats.with(|s| s.overview.questions.iter().find(|q| q.question == qid).cloned()));
    let table = move || {
        let Some(s) = stats.get() else { return ().into_any() };
        let total = open.names.with(Vec::len).max(1);
        let body = rows(open, qid, &s.distribution)
            .into_iter()
            .map(|row| {
                let width = format!("{}%", row.count * 100 / total);
                view! {
                    <tr>
                        <th scope="row">{row.label}</th>
                        <td class="kk-num">{row.count}</td>
                        <td class="kk-dist-cell"><span class="kk-dist-bar" style:width=width></span></td>
                        <td>{row.who.join(", ")}</td>
                    </tr>
                }
            })
            .collect_view();
        let caption = format!("Så svarade deltagarna på fråga {qid}");
        view! {
            <TableRegion label=caption.clone()>
                <table class="kk-table kk-dist" data-testid="distribution">
                    <caption class="kk-sr">{caption}</caption>
                    <thead><tr>
                        <th scope="col">"Svar"</th><th scope="col" class="kk-num">"Antal"</th>
                        <th scope="col"><span class="kk-sr">"Andel som stapel"</span></th><th scope="col">"Deltagare"</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </TableRegion>
        }
        .into_any()
    };
    let line = move || stats.with(|s| s.as_ref().map(|s| wording::question_line(rubric, s)));
    let comments = move || {
        let names = open.names.get();
        let list: Vec<(String, String)> = open
            .with(|w| {
                w.participants()
                    .zip(names)
                    .filter_map(|(p, name)| {
                        let c = p.answers.get(qid).map(|a| a.comment.trim().to_string()).unwrap_or_default();
                        (!c.is_empty()).then_some((name, c))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if list.is_empty() {
            return view! { <p class="kk-hint">"Inga kommentarer."</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|(name, c)| view! { <li><strong>{format!("{name}: ")}</strong>{c}</li> })
            .collect_view();
        view! { <ul class="kk-comments">{items}</ul> }.into_any()
    };
    view! {
        <div class="kk-group-answers" class:kk-large=large>
            <p class="kk-spread-line" data-testid="question-line" data-question=qid>{line}</p>
            {table}
            <p class="kk-comments-h">"Kommentarer"</p>
            {comments}
        </div>
    }
}

/// Every participant's points in a sub-area, with median and spread.
#[component]
pub fn SubareaPoints(subarea: &'static Subarea, #[prop(optional)] with_table: bool) -> impl IntoView {
    let open = OpenWorkshop::expect();
    let sid = subarea.id.as_str();
    let stats = Memo::new(move |_| open.stats.with(|s| s.overview.subareas.iter().find(|x| x.subarea == sid).cloned()));
    let line = move || stats.with(|s| s.as_ref().map(wording::subarea_line));
    let table = move || {
        if !with_table {
            return ().into_any();
        }
        let names = open.names.get();
        let body = open.stats.with(|s| {
            s.scores
                .iter()
                .zip(names)
                .map(|(score, name)| {
                    let points = score
                        .subarea(sid)
                        .map(|x| match x.points {
                            Some(p) => format::points_of(p, x.max),
                            None if x.is_not_applicable() => "Ej aktuellt".to_string(),
                            None => "–".to_string(),
                        })
                        .unwrap_or_default();
                    view! { <tr><th scope="row">{name}</th><td class="kk-num">{points}</td></tr> }
                })
                .collect_view()
        });
        let caption = format!("Deltagarnas poäng i delområde {sid}");
        view! {
            <details class="kk-participant-points">
                <summary>{format!("Varje deltagares poäng i delområde {sid}")}</summary>
                <TableRegion label=caption.clone()>
                    <table class="kk-table">
                        <caption class="kk-sr">{caption}</caption>
                        <thead><tr><th scope="col">"Deltagare"</th><th scope="col" class="kk-num">"Poäng"</th></tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </TableRegion>
            </details>
        }
        .into_any()
    };
    view! {
        <p class="kk-spread-line" data-testid="subarea-line" data-subarea=sid>{line}</p>
        {table}
    }
}

/// On a common assessment: that it was agreed in a workshop, from how many participants, with a
/// link back to the workshop while it exists.
#[component]
pub fn CommonOrigin(
    /// The assessment's origin.
    origin: Option<Origin>,
) -> impl IntoView {
    let state = AppState::expect();
    let Some(Origin::Workshop { workshop, participants }) = origin else { return ().into_any() };
    let name = state.with_untracked(|w| w.workshop(&workshop).map(|x| x.name.clone()));
    let text = match &name {
        Some(n) => format!("Överenskommen i workshoppen ”{n}” utifrån {participants} deltagares självskattningar. "),
        None => format!("Överenskommen i en workshop utifrån {participants} deltagares självskattningar. "),
    };
    view! {
        <p class="kk-privacy" data-testid="common-origin">
            {text}
            {name.map(|_| view! {
                <span class="kk-no-print"><A href=crate::adapters::base::href(&format!("/workshop/{workshop}"))>"Till workshoppen"</A></span>
            })}
        </p>
    }
    .into_any()
}
