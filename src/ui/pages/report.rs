//! The printable report, `/bedomning/:id/rapport` (browser print → PDF on A4): cover, profile
//! chart and table, every area with its bars, strengths, improvement areas and actions, the
//! scoring rule and the sources of the reference figures. Charts use the SVG renderer so they
//! print crisply.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock;
use crate::domain::format::{self, Answered};
use crate::ui::area_results::AreaResults;
use crate::ui::page::set_title;
use crate::ui::result_data::ResultData;
use crate::ui::result_sections::{LargestGaps, Profile, PublishedTotals, ScoringNote, SelfAssessmentNote};

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
    let answered = move || data.score.with(|s| format::answered_with_share(&s.completeness, Answered::Questions));
    let total = move || data.score.with(|s| format::points_of(s.total, s.max));
    view! {
        <div class="kk-report">
            <div class="kk-toolbar kk-no-print">
                <A href=open.href("resultat") attr:class="kk-button">"Tillbaka till resultatet"</A>
                <button type="button" class="kk-button kk-primary" on:click=print>"Skriv ut eller spara som PDF"</button>
            </div>
            <header class="kk-cover">
                <p class="kk-kicker">"Självskattning enligt Kommunkompassen"</p>
                <h1 tabindex="-1">{text(|a| a.municipality.clone())}</h1>
                <p class="kk-cover-name">{text(|a| a.name.clone())}</p>
                <dl class="kk-cover-facts">
                    <dt>"Version av kriterierna"</dt><dd>{rubric.title.clone()}</dd>
                    <dt>"Senast ändrad"</dt><dd>{text(|a| clock::date_time(a.updated_at))}</dd>
                    <dt>"Utskriven"</dt><dd>{clock::date_time(clock::now())}</dd>
                    <dt>"Besvarat"</dt><dd>{answered}</dd>
                    <dt>"Totalpoäng"</dt><dd>{total}</dd>
                </dl>
                <SelfAssessmentNote/>
            </header>
            <section class="kk-page-break" aria-labelledby="kk-rprofile-h">
                <h2 id="kk-rprofile-h">"Profil per område"</h2>
                <Profile data=data print=true/>
            </section>
            <LargestGaps data=data/>
            <PublishedTotals data=data/>
            <section aria-labelledby="kk-rareas-h">
                <h2 id="kk-rareas-h" class="kk-page-break">"Område för område"</h2>
                {areas}
            </section>
            <ScoringNote rubric=rubric/>
        </div>
    }
}
