//! Results, `/bedomning/:id/resultat`: the profile against the national average and chosen
//! comparisons (chart and table), the total against published totals, and per area the
//! sub-areas, strengths, improvement areas and action plan.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock;
use crate::domain::csv::{questions_csv, scores_csv};
use crate::domain::format;
use crate::state::AppState;
use crate::ui::area_results::AreaResults;
use crate::ui::deferred::Deferred;
use crate::ui::page::set_title;
use crate::ui::priorities::PriorityChoice;
use crate::ui::result_data::ResultData;
use crate::ui::result_sections::{
    ComparisonPicker, ExpectedNote, LargestGaps, Profile, PublishedTotals, ScoringNote, TotalScore,
};
use crate::ui::save_file;
use crate::ui::user_reference::UserReferences;
use crate::ui::workshop_parts::CommonOrigin;

/// The results of the open assessment.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = AppState::expect();
    let data = ResultData::from_context();
    let open = data.open;
    let rubric = data.rubric;
    let name = move || open.with(|a| a.name.clone()).unwrap_or_default();
    set_title(&format!("Resultat: {}", name()));
    let export_csv = move |_| {
        let Some(name) = open.with_untracked(|a| a.name.clone()) else { return };
        let csv = data.expected.with_untracked(|e| data.score.with_untracked(|s| scores_csv(rubric, s, e.as_ref())));
        let file = format::file_name(&name, &clock::iso_date(clock::now()), "csv");
        save_file::offer(state, file, "text/csv;charset=utf-8", &csv);
    };
    let export_answers = move |_| {
        let Some((name, csv)) = open.with_untracked(|a| (a.name.clone(), questions_csv(rubric, a))) else { return };
        let file = format::file_name(&format!("svar {name}"), &clock::iso_date(clock::now()), "csv");
        save_file::offer(state, file, "text/csv;charset=utf-8", &csv);
    };
    view! {
        <h1 tabindex="-1">{move || format!("Resultat: {}", name())}</h1>
        <p class="kk-context-line">
            {move || open.with(|a| format!("{} · {} · senast ändrad {}", a.municipality, rubric.title, clock::date_time(a.updated_at)))}
        </p>
        {move || open.with(|a| view! { <CommonOrigin origin=a.origin.clone()/> })}
        <div class="kk-toolbar">
            <A href=open.href("omrade/1") attr:class="kk-button">"Tillbaka till frågorna"</A>
            <A href=open.href("rapport") attr:class="kk-button">"Rapport för utskrift"</A>
            <A href=open.href("forbered") attr:class="kk-button">"Förbered utvärderingen"</A>
            <button type="button" class="kk-button" on:click=export_csv>"Exportera poäng (CSV för Excel)"</button>
            <button type="button" class="kk-button" on:click=export_answers>"Exportera alla svar (CSV för Excel)"</button>
        </div>
        <section aria-labelledby="kk-profile-h">
            <h2 id="kk-profile-h">"Profil per område"</h2>
            <TotalScore data=data/>
            <ExpectedNote data=data/>
            <ComparisonPicker data=data/>
            <Profile data=data print=false/>
        </section>
        // The rest of this long page is built once the top has been painted (ui::deferred): the
        // profile and its chart, which fill the first screen, are shown without waiting for the
        // eight areas below.
        <Deferred after_paint=true>
            <LargestGaps data=data/>
            <PriorityChoice/>
            <PublishedTotals data=data/>
            <UserReferences rubric=rubric/>
            <section aria-labelledby="kk-areas-h">
                <h2 id="kk-areas-h">"Område för område"</h2>
                <p>"För varje område visas delområdenas poäng, styrkor och förbättringsområden, och er handlingsplan."</p>
                {rubric.areas.iter().map(|area| view! { <AreaResults data=data area=area print=false/> }).collect_view()}
            </section>
            <ScoringNote rubric=rubric/>
        </Deferred>
    }
}
