//! What the preparation view (`/bedomning/:id/forbered`) and its two print pages (the
//! underlagsförteckning and the timeline) share: the lists built once per page, links to
//! questions, the recorded items of a line, where the preparation stands, the weeks before the
//! evaluation, and the head of a print page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock;
use crate::domain::assessment::Part;
use crate::domain::csv::evidence_csv;
use crate::domain::evidence::EvidenceItem;
use crate::domain::format;
use crate::domain::prepare::{Place, Preparation, Tally, prepare, recorded};
use crate::domain::timeline::{Date, countdown, plan};
use crate::state::AppState;
use crate::ui::evidence::ItemSummary;
use crate::ui::open::Open;
use crate::ui::question::dom_id;
use crate::ui::save_file;
use crate::ui::table_region::TableRegion;

/// The preparation of the open assessment, recomputed when it changes (not while typing).
pub fn preparation(open: Open) -> Memo<Preparation> {
    let calibration = AppState::expect().catalog().calibration_for(&open.rubric.id);
    Memo::new(move |_| open.with(|a| prepare(open.rubric, a, calibration)).unwrap_or_default())
}

/// The counts of documents and pages recorded in the open assessment.
pub fn tally(open: Open) -> Memo<Tally> {
    Memo::new(move |_| open.with(|a| Tally::of(&recorded(open.rubric, a))).unwrap_or_default())
}

/// The web checks done and all of them, when this version has checks.
pub fn web_checks_done(open: Open) -> Memo<Option<(usize, usize)>> {
    let checks = AppState::expect().catalog().web_checks_for(&open.rubric.id);
    Memo::new(move |_| {
        let checks = checks?;
        open.with_part(&Part::Preparation, |a| (checks.done(&a.preparation.web_checks), checks.checks.len()))
    })
}

/// Offers the underlagsförteckning of the open assessment as CSV for Swedish Excel.
pub fn export_evidence_csv(state: AppState, open: Open) {
    let Some((name, csv)) = open.with_untracked(|a| (a.name.clone(), evidence_csv(open.rubric, a))) else { return };
    let file = format::file_name(&format!("underlag {name}"), &clock::iso_date(clock::now()), "csv");
    save_file::offer(state, file, "text/csv;charset=utf-8", &csv);
}

/// The address of a question in the answering view; the card takes focus there.
pub fn question_href(open: Open, area: &str, question: &str) -> String {
    open.href(&format!("omrade/{area}#kk-q-{}", dom_id(question)))
}

/// A link to a question: "1.1.1 Kommunen har …".
#[component]
pub fn QuestionLink(
    /// Where the question sits.
    place: Place,
) -> impl IntoView {
    let open = Open::expect();
    let text = open
        .rubric
        .question(&place.question)
        .map_or_else(|| place.question.clone(), |q| format!("{} {}", q.id, q.text));
    view! { <A href=question_href(open, &place.area, &place.question)>{text}</A> }
}

/// The items recorded on one line, or what is missing.
#[component]
pub fn LineItems(
    /// The items.
    items: Vec<EvidenceItem>,
    /// Said when there are none.
    none: &'static str,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="kk-hint kk-line-none">{none}</p> }.into_any();
    }
    let lis = items.into_iter().map(|i| view! { <li><ItemSummary item=i/></li> }).collect_view();
    view! { <ul class="kk-line-items">{lis}</ul> }.into_any()
}

/// Where the preparation stands: one line per list.
#[component]
pub fn PreparationStatus(
    /// The lists.
    prep: Memo<Preparation>,
    /// Documents and pages recorded.
    tally: Memo<Tally>,
    /// Web checks done.
    web: Memo<Option<(usize, usize)>>,
) -> impl IntoView {
    move || {
        let lines = prep.with(|p| p.status_lines(tally.get(), web.get()));
        let items = lines.into_iter().map(|(label, text)| view! { <dt>{label}</dt><dd>{text}</dd> }).collect_view();
        view! { <dl class="kk-prep-status" data-testid="prep-status">{items}</dl> }
    }
}

/// The planned evaluation date and the weeks before it, with what to have done by when.
#[component]
pub fn PlanTable() -> impl IntoView {
    let open = Open::expect();
    let date = Memo::new(move |_| {
        open.with_part(&Part::Preparation, |a| Date::parse(&a.preparation.evaluation_date)).flatten()
    });
    move || {
        let Some(evaluation) = date.get() else {
            return view! {
                <p class="kk-hint" data-testid="no-date">"Inget datum för utvärderingen är angivet ännu."</p>
            }
            .into_any();
        };
        let today = Date::parse(&clock::iso_date(clock::now())).unwrap_or(evaluation);
        let rows = plan(evaluation)
            .into_iter()
            .map(|step| {
                let when = step.when(today);
                view! {
                    <tr class:kk-past=when == crate::domain::timeline::When::Past>
                        <th scope="row" class="kk-nowrap">{format!("Vecka {}", step.week)}</th>
                        <td class="kk-nowrap">{step.week_of.to_string()}</td>
                        <td class="kk-num">{step.weeks_before}</td>
                        <td>{step.what}</td>
                        <td>{when.label()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p data-testid="countdown">{countdown(today, evaluation)}</p>
            <TableRegion label="Veckorna före utvärderingen">
                <table class="kk-table" data-testid="plan">
                    <caption class="kk-sr">"Veckorna före utvärderingen"</caption>
                    <thead><tr>
                        <th scope="col">"Vecka"</th><th scope="col">"Måndag"</th><th scope="col" class="kk-num">"Veckor kvar"</th>
                        <th scope="col">"Att ha gjort"</th><th scope="col">"Läge"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        }
        .into_any()
    }
}

/// The head of a print page: a way back and a print button (not printed), the title and who it
/// is for.
#[component]
pub fn PrintHead(
    /// The page's title.
    title: &'static str,
    /// Buttons beside "Skriv ut".
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let open = Open::expect();
    let print = move |_| {
        // Nothing to tell the user if the browser has no print dialog here.
        let _ = window().print();
    };
    let facts = move || {
        open.with(|a| {
            let date = Date::parse(&a.preparation.evaluation_date)
                .map(|d| format!(" · utvärdering {}", d.swedish()))
                .unwrap_or_default();
            format!("{} · {}{date} · utskriven {}", a.municipality, a.name, clock::date_time(clock::now()))
        })
    };
    view! {
        <div class="kk-toolbar kk-no-print">
            <A href=open.href("forbered") attr:class="kk-button">"Tillbaka till Förbered utvärderingen"</A>
            <button type="button" class="kk-button kk-primary" on:click=print>"Skriv ut eller spara som PDF"</button>
            {children.map(|c| c())}
        </div>
        <p class="kk-kicker">"Inför utvärderingen enligt Kommunkompassen"</p>
        <h1 tabindex="-1">{title}</h1>
        <p class="kk-summary-facts">{facts}</p>
    }
}
