//! The timeline to print, `/bedomning/:id/tidsplan`: the planned evaluation date, the weeks before
//! it with what to have done by when (`domain::timeline`), and where the preparation stands.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::open::Open;
use crate::ui::page::set_title;
use crate::ui::preparation::{PlanTable, PreparationStatus, PrintHead, preparation, tally, web_checks_done};

/// The printable timeline of the open assessment.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let open = Open::expect();
    set_title(&format!("Tidsplan: {}", open.with(|a| a.name.clone()).unwrap_or_default()));
    let (prep, counts, web) = (preparation(open), tally(open), web_checks_done(open));
    let no_date = Memo::new(move |_| open.with(|a| a.preparation.evaluation_date.is_empty()).unwrap_or(true));
    view! {
        <div class="kk-print-page" data-testid="timeline">
            <PrintHead title="Tidsplan inför utvärderingen"/>
            {move || no_date.get().then(|| view! {
                <p class="kk-no-print">"Ange datumet under "<A href=open.href("forbered")>"Förbered utvärderingen"</A>"."</p>
            })}
            <PlanTable/>
            <h2>"Så långt har ni kommit"</h2>
            <PreparationStatus prep=prep tally=counts web=web/>
        </div>
    }
}
