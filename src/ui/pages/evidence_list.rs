//! The underlagsförteckning, `/bedomning/:id/underlag`: every document and web page recorded, by
//! area and question, with its date or diarienummer, link and status — the list to send to the
//! evaluators before an evaluation. An A4 page to print (browser print → PDF), and the same list
//! as CSV for Swedish Excel (`domain::csv::evidence_csv`).

use leptos::prelude::*;

use crate::domain::prepare::{Recorded, Tally, by_area, recorded};
use crate::state::AppState;
use crate::ui::evidence::ItemLink;
use crate::ui::open::Open;
use crate::ui::page::set_title;
use crate::ui::preparation::{PrintHead, export_evidence_csv};
use crate::ui::table_region::TableRegion;

/// The printable underlagsförteckning of the open assessment.
#[component]
pub fn EvidenceListPage() -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let rubric = open.rubric;
    set_title(&format!("Underlagsförteckning: {}", open.with(|a| a.name.clone()).unwrap_or_default()));
    let export_csv = move |_| export_evidence_csv(state, open);
    let body = move || {
        open.with(|a| {
            let list = recorded(rubric, a);
            let summary = Tally::of(&list).sentence();
            if list.is_empty() {
                return view! {
                    <p data-testid="evidence-summary">{summary}</p>
                    <p class="kk-no-print">"Ange dokument och webbsidor vid frågorna, under ”Underlag som visar svaret”."</p>
                }
                .into_any();
            }
            let areas = by_area(rubric, list, |r| r.place.area.as_str())
                .into_iter()
                .map(|(area, rows)| {
                    let caption = format!("{}. {}", area.id, area.name);
                    let groups = question_groups(rows);
                    view! {
                        <section class="kk-evidence-area" data-area=area.id.clone()>
                            <h2>{caption.clone()}</h2>
                            <TableRegion label=format!("Underlag för område {caption}")>
                                <table class="kk-table kk-evidence-table">
                                    <caption class="kk-sr">{format!("Underlag för område {caption}")}</caption>
                                    <thead><tr>
                                        <th scope="col">"Fråga"</th><th scope="col">"Typ"</th><th scope="col">"Titel"</th>
                                        <th scope="col">"Datum eller diarienummer"</th><th scope="col">"Länk"</th><th scope="col">"Status"</th>
                                    </tr></thead>
                                    {groups}
                                </table>
                            </TableRegion>
                        </section>
                    }
                })
                .collect_view();
            view! { <p data-testid="evidence-summary">{summary}</p>{areas} }.into_any()
        })
    };
    view! {
        <div class="kk-print-page" data-testid="evidence-list">
            <PrintHead title="Underlagsförteckning">
                <button type="button" class="kk-button" on:click=export_csv>"Exportera som CSV för Excel"</button>
            </PrintHead>
            <p class="kk-desc">
                "Dokument och webbsidor som visar kommunens svar i självskattningen, per område och fråga. "
                "Status: ”Finns”, ”Behöver uppdateras” eller ”Saknas”."
            </p>
            {body}
        </div>
    }
}

/// One `<tbody>` per question: the question heads its rows.
fn question_groups(rows: Vec<Recorded<'_>>) -> AnyView {
    let mut groups: Vec<Vec<Recorded<'_>>> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some(g) if g[0].question.id == r.question.id => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let span = group.len();
            let question = group[0].question;
            let head = format!("{} {}", question.id, question.text);
            let rows = group
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let item = r.item.clone();
                    view! {
                        <tr data-item=item.id.clone()>
                            {(i == 0).then(|| view! { <th scope="rowgroup" rowspan=span class="kk-evidence-q">{head.clone()}</th> })}
                            <td>{item.kind.label()}</td>
                            <td>{item.title}</td>
                            <td>{item.reference}</td>
                            <td class="kk-evidence-link"><ItemLink link=item.link/></td>
                            <td>{item.status.label()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! { <tbody>{rows}</tbody> }
        })
        .collect_view()
        .into_any()
}
