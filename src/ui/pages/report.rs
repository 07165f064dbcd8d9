//! The printable report, `/bedomning/:id/rapport` (browser print → PDF on A4). It opens with one
//! summary page a management group can read alone — the expected evaluation result with its range
//! beside the raw score, the profile, the clearest strengths and improvement areas and the actions
//! due next — then the profile in numbers, every area with its bars, strengths, improvement areas
//! and actions, and at the end a compact section on how it is counted and where every figure
//! comes from. Charts use the SVG renderer so they print crisply.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock;
use crate::domain::format::{self, Answered};
use crate::domain::summary::{Pick, summarize};
use crate::ui::area_results::AreaResults;
use crate::ui::page::set_title;
use crate::ui::result_data::ResultData;
use crate::ui::result_sections::{
    ExpectedNote, LargestGaps, ProfileChart, ProfileTable, PublishedTotalsTable, ScoringNote,
};
use crate::ui::table_region::TableRegion;
use crate::ui::workshop_parts::CommonOrigin;

/// The report of the open assessment.
#[component]
pub fn ReportPage() -> impl IntoView {
    let data = ResultData::from_context();
    let open = data.open;
    let rubric = data.rubric;
    let text =
        move |get: fn(&crate::domain::assessment::Assessment) -> String| move || open.with(get).unwrap_or_default();
    set_title(&format!("Rapport: {}", text(|a| a.name.clone())()));
    let print = move |_| {
        // Nothing to tell the user if the browser has no print dialog here.
        let _ = window().print();
    };
    let areas = rubric.areas.iter().map(|area| view! { <AreaResults data=data area=area print=true/> }).collect_view();
    let facts = move || {
        let answered = data.score.with(|s| format::answered_with_share(&s.completeness, Answered::Questions));
        open.with(|a| {
            format!(
                "{} · {} · senast ändrad {} · utskriven {} · besvarat {answered}",
                a.name,
                rubric.title,
                clock::date_time(a.updated_at),
                clock::date_time(clock::now())
            )
        })
    };
    view! {
        <div class="kk-report">
            <div class="kk-toolbar kk-no-print">
                <A href=open.href("resultat") attr:class="kk-button">"Tillbaka till resultatet"</A>
                <button type="button" class="kk-button kk-primary" on:click=print>"Skriv ut eller spara som PDF"</button>
            </div>
            <section class="kk-summary-page" aria-labelledby="kk-summary-h" data-testid="summary-page">
                <p class="kk-kicker">"Självskattning enligt Kommunkompassen – sammanfattning"</p>
                <h1 tabindex="-1" id="kk-summary-h">{text(|a| a.municipality.clone())}</h1>
                <p class="kk-summary-facts">{facts}</p>
                {move || open.with(|a| view! { <CommonOrigin origin=a.origin.clone()/> })}
                <SummaryScores data=data/>
                <ProfileChart data=data print=true height=360/>
                <SummaryLists data=data/>
            </section>
            <section class="kk-page-break" aria-labelledby="kk-rprofile-h">
                <h2 id="kk-rprofile-h">"Profilen i siffror"</h2>
                <ProfileTable data=data/>
                <LargestGaps data=data/>
            </section>
            <section aria-labelledby="kk-rareas-h">
                <h2 id="kk-rareas-h" class="kk-page-break">"Område för område"</h2>
                {areas}
            </section>
            <section class="kk-page-break kk-report-sources" aria-labelledby="kk-rsources-h">
                <h2 id="kk-rsources-h">"Så är det räknat och varifrån siffrorna kommer"</h2>
                <ExpectedNote data=data/>
                <ScoringNote rubric=rubric/>
                <h3>"Publicerade totalpoäng"</h3>
                <PublishedTotalsTable data=data/>
            </section>
        </div>
    }
}

/// The expected evaluation result with its range beside the raw self-assessment.
#[component]
fn SummaryScores(data: ResultData) -> impl IntoView {
    move || {
        let raw = data.score.with(|s| format::points_of(s.total, s.max));
        let expected = data.expected.with(|e| {
            e.as_ref().map(|e| match e.total {
                Some(t) => format!(
                    "{} av {} (troligen {}–{})",
                    format::points(t.points),
                    format::points(e.score.max),
                    format::points(t.low),
                    format::points(t.high)
                ),
                None => "visas när varje delområde har minst ett svar".to_string(),
            })
        });
        let accuracy = data.calibration.map(|c| {
            format!(
                "Det förväntade resultatet bygger på {} publicerade utvärderingar; prövat på en utvärdering det inte byggde på \
                 blev totalen som mest {} poäng fel. Se sista sidan.",
                c.evidence.evaluations.len(),
                format::points(c.evidence.held_out.max_total_error)
            )
        });
        view! {
            <dl class="kk-summary-scores">
                {expected.map(|e| view! { <dt>"Förväntat vid en utvärdering"</dt><dd data-testid="summary-expected">{e}</dd> })}
                <dt>"Självskattning (råpoäng)"</dt><dd data-testid="summary-raw">{raw}</dd>
            </dl>
            {accuracy.map(|a| view! { <p class="kk-hint">{a}</p> })}
        }
    }
}

/// The clearest strengths and improvement areas, and the actions due next.
#[component]
fn SummaryLists(data: ResultData) -> impl IntoView {
    let rubric = data.rubric;
    let summary = Memo::new(move |_| data.score.with(|s| data.open.with(|a| summarize(s, a))));
    let name = move |id: &str| rubric.subarea(id).map(|s| s.name.clone()).unwrap_or_default();
    let picks = move |items: Vec<Pick>, empty: &'static str| {
        if items.is_empty() {
            return view! { <p class="kk-hint">{empty}</p> }.into_any();
        }
        let lis = items
            .into_iter()
            .map(|p| {
                view! {
                    <li>{format!("{} {} – {} ({} av maxpoängen)", p.subarea, name(&p.subarea), format::points_of(p.points, p.max), format::percent(p.share()))}</li>
                }
            })
            .collect_view();
        view! { <ol>{lis}</ol> }.into_any()
    };
    move || {
        let Some(s) = summary.get() else { return ().into_any() };
        let actions = if s.next_actions.is_empty() {
            view! { <p class="kk-hint">"Inga planerade åtgärder ännu."</p> }.into_any()
        } else {
            let rows = s
                .next_actions
                .iter()
                .map(|a| {
                    view! { <tr><td>{a.what.clone()}</td><td>{a.target.clone()}</td><td>{a.who.clone()}</td><td>{a.due.clone()}</td><td>{a.status.label()}</td></tr> }
                })
                .collect_view();
            view! {
                <TableRegion label="Åtgärder som står på tur">
                    <table class="kk-table">
                        <caption class="kk-sr">"Åtgärder som står på tur"</caption>
                        <thead><tr><th scope="col">"Åtgärd"</th><th scope="col">"Gäller"</th><th scope="col">"Ansvarig"</th><th scope="col">"Klart senast"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableRegion>
            }
            .into_any()
        };
        view! {
            <div class="kk-insights">
                <div>
                    <h2>"Tydligaste styrkor"</h2>
                    {picks(s.strengths, "Inget delområde når ännu hälften av maxpoängen.")}
                </div>
                <div>
                    <h2>"Tydligaste förbättringsområden"</h2>
                    {picks(s.improvements, "Besvara fler frågor för att se förbättringsområden.")}
                </div>
            </div>
            <h2>"Åtgärder som står på tur"</h2>
            {actions}
        }
        .into_any()
    }
}
