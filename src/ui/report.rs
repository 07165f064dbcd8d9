//! The printable report (browser print → PDF on A4): cover, profile chart and table, every area
//! with its bars, strengths, improvement areas and actions, the scoring rule and the sources
//! of the reference figures. Charts use the SVG renderer so they print crisply.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::base::href;

use crate::adapters::clock;
use crate::domain::format;
use crate::ui::area_results::AreaResults;
use crate::ui::result_data::ResultData;
use crate::ui::results::{LargestGaps, Profile, PublishedTotals, ScoringNote, SelfAssessmentNote, for_assessment};

/// The report page for `/bedomning/:id/rapport`.
#[component]
pub fn ReportPage() -> impl IntoView {
    for_assessment(|id, data| view! { <Report id=id data=data/> }.into_any())
}

#[component]
fn Report(id: String, data: ResultData) -> impl IntoView {
    let rubric = data.rubric;
    let a = move || data.assessment.get();
    crate::app::set_title(&format!("Rapport: {}", a().map(|a| a.name).unwrap_or_default()));
    let print = move |_| {
        let _ = window().print();
    };
    let areas = rubric.areas.iter().map(|area| view! { <AreaResults data=data area=area print=true/> }).collect_view();
    view! {
        <div class="kk-report">
            <div class="kk-toolbar kk-no-print">
                <A href=href(&format!("/bedomning/{id}/resultat")) attr:class="kk-button">"Tillbaka till resultatet"</A>
                <button type="button" class="kk-button kk-primary" on:click=print>"Skriv ut eller spara som PDF"</button>
            </div>
            <header class="kk-cover">
                <p class="kk-kicker">"Självskattning enligt Kommunkompassen"</p>
                <h1 tabindex="-1">{move || a().map(|a| a.municipality).unwrap_or_default()}</h1>
                <p class="kk-cover-name">{move || a().map(|a| a.name).unwrap_or_default()}</p>
                <dl class="kk-cover-facts">
                    <dt>"Version av kriterierna"</dt><dd>{rubric.title.clone()}</dd>
                    <dt>"Senast ändrad"</dt><dd>{move || a().map(|a| clock::date_time(a.updated_at)).unwrap_or_default()}</dd>
                    <dt>"Utskriven"</dt><dd>{clock::date_time(clock::now())}</dd>
                    <dt>"Besvarat"</dt><dd>{move || data.score.get().map(|s| format!("{} av {} frågor ({} %)", s.completeness.answered, s.completeness.applicable, s.completeness.percent())).unwrap_or_default()}</dd>
                    <dt>"Totalpoäng"</dt><dd>{move || data.score.get().map(|s| format!("{} av {}", format::points(s.total), format::points(s.max))).unwrap_or_default()}</dd>
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
