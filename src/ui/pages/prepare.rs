//! Förbered utvärderingen, `/bedomning/:id/forbered`: what the evaluators will look at and whether
//! the municipality can show it. The answers that will be hard to show ("Svårt att visa") with the
//! points at stake, the questions to find out, the three lists built from the questions' evidence
//! kinds and what has been recorded (documents, the website with its checks to tick, interviews to
//! book), grouped by area with each line linking to its question, and the planned evaluation date
//! with the weeks before it. The lists come from `domain::prepare`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::assessment::{Edit, Part};
use crate::domain::format;
use crate::domain::prepare::{Line, Preparation, by_area, place_of, questions, risk_rule};
use crate::domain::rubric::{Area, Rubric};
use crate::domain::timeline::Date;
use crate::domain::webcheck::WebCheck;
use crate::state::AppState;
use crate::ui::open::Open;
use crate::ui::page::set_title;
use crate::ui::preparation::{
    LineItems, PlanTable, PreparationStatus, QuestionLink, export_evidence_csv, preparation, question_href, tally,
    web_checks_done,
};
use crate::ui::table_region::TableRegion;

/// The preparation view of the open assessment.
#[component]
pub fn PreparePage() -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let rubric = open.rubric;
    let name = move || open.with(|a| a.name.clone()).unwrap_or_default();
    set_title(&format!("Förbered utvärderingen: {}", name()));
    let prep = preparation(open);
    let counts = tally(open);
    let web = web_checks_done(open);
    let export_csv = move |_| export_evidence_csv(state, open);
    view! {
        <h1 tabindex="-1">"Förbered utvärderingen"</h1>
        <p class="kk-context-line">{move || open.with(|a| format!("{} · {} · {}", a.name, a.municipality, rubric.title))}</p>
        <p class="kk-lead">
            "Utvärderarna ger poäng utifrån tre källor: kommunens dokument, webbplatsen och sociala medier, och ett "
            "fyrtiotal intervjuer. Här ser ni vad de kommer att titta på, vad ni redan kan visa och vad som saknas. "
            "Ange underlaget vid varje fråga under ”Underlag som visar svaret”; listorna här följer med."
        </p>
        <div class="kk-toolbar">
            <A href=open.href("omrade/1") attr:class="kk-button">"Tillbaka till frågorna"</A>
            <A href=open.href("resultat") attr:class="kk-button">"Resultat"</A>
            <A href=open.href("underlag") attr:class="kk-button">"Underlagsförteckning för utskrift"</A>
            <button type="button" class="kk-button" on:click=export_csv>"Exportera underlagsförteckningen (CSV för Excel)"</button>
            <A href=open.href("tidsplan") attr:class="kk-button">"Tidsplan för utskrift"</A>
        </div>
        <PreparationStatus prep=prep tally=counts web=web/>
        <Risks prep=prep/>
        <ToFindOut prep=prep/>
        <Documents prep=prep/>
        <Website prep=prep/>
        <Interviews prep=prep/>
        <Timeline/>
    }
}

/// "Svårt att visa": a table, most points at stake first.
#[component]
fn Risks(prep: Memo<Preparation>) -> impl IntoView {
    let open = Open::expect();
    let rubric = open.rubric;
    let calibrated = AppState::expect().catalog().calibration_for(&rubric.id).is_some();
    let body = move || {
        prep.with(|p| {
            if p.risks.is_empty() {
                return view! { <p data-testid="no-risks">"Inga svar är svåra att visa just nu."</p> }.into_any();
            }
            let rows = p
                .risks
                .iter()
                .map(|r| {
                    let level = rubric.scale.level(r.level).map_or_else(|| r.level.to_string(), |l| format!("{} – {}", l.value, l.label));
                    let needs = r.needs.iter().map(|e| e.label()).collect::<Vec<_>>().join(", ");
                    view! {
                        <tr data-question=r.place.question.clone()>
                            <th scope="row"><QuestionLink place=r.place.clone()/></th>
                            <td>{level}</td>
                            <td>{needs}</td>
                            <td class="kk-num">{format::points(r.points)}</td>
                            {calibrated.then(|| view! { <td class="kk-num">{r.expected_drop.map(format::points).unwrap_or_default()}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {p.drop_sentence(&rubric.scale).map(|s| view! { <p class="kk-risk-total" data-testid="risks-drop">{s}</p> })}
                <TableRegion label="Svårt att visa">
                    <table class="kk-table" data-testid="risks">
                        <caption class="kk-sr">"Svårt att visa"</caption>
                        <thead><tr>
                            <th scope="col">"Fråga"</th><th scope="col">"Ert svar"</th><th scope="col">"Utvärderarna letar i"</th>
                            <th scope="col" class="kk-num">"Poäng i självskattningen"</th>
                            {calibrated.then(|| view! { <th scope="col" class="kk-num">"Förväntat resultat sjunker med"</th> })}
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableRegion>
            }
            .into_any()
        })
    };
    view! {
        <PrepSection key="risk" title="Svårt att visa">
            <p class="kk-desc">{risk_rule(&rubric.scale)}</p>
            {body}
        </PrepSection>
    }
}

/// Lines grouped under their areas, each area a disclosure with a summary.
fn area_groups<T: Clone + Send + Sync + 'static>(
    rubric: &'static Rubric,
    lines: Vec<T>,
    area_of: fn(&T) -> &str,
    summary: impl Fn(&Area, &[T]) -> String,
    line: impl Fn(T) -> AnyView,
) -> AnyView {
    by_area(rubric, lines, area_of)
        .into_iter()
        .map(|(area, lines)| {
            let summary = format!("{}. {} – {}", area.id, area.name, summary(area, &lines));
            let items = lines.into_iter().map(&line).collect_view();
            view! {
                <details class="kk-prep-area" data-area=area.id.clone()>
                    <summary>{summary}</summary>
                    <ul class="kk-prep-lines">{items}</ul>
                </details>
            }
        })
        .collect_view()
        .into_any()
}

/// One section of the page, with its heading; `key` names it for tests ("risk" → "risk-section").
#[component]
fn PrepSection(key: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("kk-prep-{key}-h");
    view! {
        <section aria-labelledby=heading.clone() data-testid=format!("{key}-section")>
            <h2 id=heading.clone()>{title}</h2>
            {children()}
        </section>
    }
}

/// "Ta reda på": unanswered and "Vet ej", by area.
#[component]
fn ToFindOut(prep: Memo<Preparation>) -> impl IntoView {
    let open = Open::expect();
    let rubric = open.rubric;
    let dont_know = rubric.scale.dont_know.label.clone();
    let body = move || {
        let list = prep.with(|p| p.to_find_out.clone());
        if list.is_empty() {
            return view! { <p>"Alla frågor har ett svar."</p> }.into_any();
        }
        let dont_know = dont_know.clone();
        area_groups(
            rubric,
            list,
            |t| t.place.area.as_str(),
            |_, lines| {
                let n = lines.iter().filter(|t| t.dont_know).count();
                format!("{} ({n} med ”Vet ej”)", questions(lines.len()))
            },
            move |t| {
                let note = if t.dont_know { format!(" – {dont_know}") } else { " – obesvarad".to_string() };
                view! { <li><QuestionLink place=t.place/>{note}</li> }.into_any()
            },
        )
    };
    view! {
        <PrepSection key="find-out" title="Ta reda på">
            <p class="kk-desc">"Frågor som inte är besvarade eller besvarade med ”Vet ej”. Ta reda på hur det är innan utvärderingen – "
                "utvärderarna frågar om dem i intervjuerna och letar efter dem i dokumenten."</p>
            {body}
        </PrepSection>
    }
}

/// The lines of one list (documents, or web pages) as area groups.
fn line_groups(rubric: &'static Rubric, lines: Vec<Line>, kind: &'static str, none: &'static str) -> AnyView {
    area_groups(
        rubric,
        lines,
        |l| l.place.area.as_str(),
        move |_, lines| {
            let with = lines.iter().filter(|l| !l.items.is_empty()).count();
            format!("{kind} angivna för {with} av {}", questions(lines.len()))
        },
        move |l| view! { <li><QuestionLink place=l.place/><LineItems items=l.items none=none/></li> }.into_any(),
    )
}

/// "Dokument att samla".
#[component]
fn Documents(prep: Memo<Preparation>) -> impl IntoView {
    let rubric = Open::expect().rubric;
    view! {
        <PrepSection key="documents" title="Dokument att samla">
            <p class="kk-desc">"Frågor där utvärderarna läser kommunens styrdokument: policyer, planer, uppföljningar och protokoll. "
                "Under varje fråga står de dokument ni har angett."</p>
            {move || line_groups(rubric, prep.with(|p| p.documents.clone()), "dokument", "Inget dokument angivet ännu.")}
        </PrepSection>
    }
}

/// "Webbplatsen: det här letar utvärderarna efter": the checks to tick and the pages recorded.
#[component]
fn Website(prep: Memo<Preparation>) -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let rubric = open.rubric;
    let checks = state.catalog().web_checks_for(&rubric.id);
    let areas = rubric
        .areas
        .iter()
        .filter_map(|area| {
            let area_checks: Vec<&'static WebCheck> =
                checks.map(|c| c.checks.iter().filter(|c| c.area == area.id).collect()).unwrap_or_default();
            if area_checks.is_empty() {
                return None;
            }
            let n = area_checks.len();
            let ids: Vec<String> = area_checks.iter().map(|c| c.id.clone()).collect();
            let done = Memo::new(move |_| {
                open.with_part(&Part::Preparation, |a| {
                    ids.iter().filter(|id| a.preparation.web_checks.get(*id).is_some_and(|t| t.done)).count()
                })
                .unwrap_or_default()
            });
            let list = area_checks.into_iter().map(|c| view! { <WebCheckItem check=c/> }).collect_view();
            Some(view! {
                <details class="kk-prep-area" data-area=area.id.clone()>
                    <summary>{move || format!("{}. {} – {} av {n} kontroller gjorda", area.id, area.name, done.get())}</summary>
                    <ul class="kk-webchecks">{list}</ul>
                </details>
            })
        })
        .collect_view();
    view! {
        <PrepSection key="website" title="Webbplatsen: det här letar utvärderarna efter">
            <p class="kk-desc">"Utvärderarna går igenom kommunens webbplats och sociala medier. Kontrollerna bygger på vad de skriver i "
                "sina rapporter att de har letat efter; varje kontroll anger var. Bocka av det ni har kontrollerat och "
                "som finns på plats – det sparas med självskattningen."</p>
            {checks.is_none().then(|| view! {
                <p class="kk-hint">"Kontrollerna finns för den nuvarande versionen av Kommunkompassens kriterier."</p>
            })}
            {areas}
            <h3>"Webbsidor ni har angett vid frågorna"</h3>
            {move || line_groups(rubric, prep.with(|p| p.web_pages.clone()), "webbsidor", "Ingen webbsida angiven ännu.")}
        </PrepSection>
    }
}

/// One web check: a box to tick, how to check, its source and the questions it supports.
#[component]
fn WebCheckItem(check: &'static WebCheck) -> impl IntoView {
    let state = AppState::expect();
    let open = Open::expect();
    let id = check.id.as_str();
    let done = Memo::new(move |_| {
        open.with_part(&Part::Preparation, |a| a.preparation.web_checks.get(id).is_some_and(|t| t.done))
            .unwrap_or_default()
    });
    let input_id = format!("kk-wc-{id}");
    let how_id = format!("{input_id}-how");
    let source = state.catalog().source_text(&check.source).map(|s| format!("Källa: {s}."));
    let questions = check
        .questions
        .iter()
        .filter_map(|q| place_of(open.rubric, q))
        .enumerate()
        .map(|(i, place)| {
            let sep = if i == 0 { " " } else { ", " };
            view! { {sep}<A href=question_href(open, &place.area, &place.question)>{place.question.clone()}</A> }
        })
        .collect_view();
    let label = if check.questions.len() == 1 { "Stöder fråga" } else { "Stöder frågorna" };
    view! {
        <li class="kk-webcheck" data-check=id>
            <div class="kk-check">
                <input type="checkbox" id=input_id.clone() aria-describedby=how_id.clone() prop:checked=move || done.get()
                    on:change=move |ev| open.edit(Edit::WebCheck { check: id.to_string(), done: event_target_checked(&ev) })/>
                <label for=input_id>{check.text.clone()}</label>
            </div>
            <p class="kk-hint" id=how_id>{format!("Så kontrollerar ni: {}", check.how)}</p>
            <p class="kk-hint">{label}{questions}"."</p>
            {source.map(|s| view! { <p class="kk-hint">{s}</p> })}
        </li>
    }
}

/// "Intervjuer att boka": the roles recorded, and the questions with none.
#[component]
fn Interviews(prep: Memo<Preparation>) -> impl IntoView {
    let rubric = Open::expect().rubric;
    let roles = move || {
        prep.with(|p| {
            if p.interviews.is_empty() {
                return view! { <p class="kk-hint">"Inga roller är angivna ännu."</p> }.into_any();
            }
            let rows = p
                .interviews
                .iter()
                .map(|i| {
                    let areas = i.areas.iter().map(|a| area_name(rubric, a)).collect::<Vec<_>>().join("; ");
                    view! {
                        <tr><th scope="row">{i.role.clone()}</th><td class="kk-num">{i.questions}</td><td>{areas}</td></tr>
                    }
                })
                .collect_view();
            view! {
                <TableRegion label="Roller att intervjua">
                    <table class="kk-table" data-testid="interviews">
                        <caption class="kk-sr">"Roller att intervjua"</caption>
                        <thead><tr><th scope="col">"Roll"</th><th scope="col" class="kk-num">"Antal frågor"</th><th scope="col">"Områden"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableRegion>
            }
            .into_any()
        })
    };
    let missing = move || {
        let list = prep.with(|p| p.interviews_missing.clone());
        if list.is_empty() {
            return view! { <p>"Alla frågor där utvärderarna intervjuar har en roll."</p> }.into_any();
        }
        area_groups(
            rubric,
            list,
            |p| p.area.as_str(),
            |_, lines| format!("{} utan roll", questions(lines.len())),
            |p| view! { <li><QuestionLink place=p/></li> }.into_any(),
        )
    };
    view! {
        <PrepSection key="interviews" title="Intervjuer att boka">
            <p class="kk-desc">"Utvärderarna intervjuar ett fyrtiotal personer: politiker, chefer och medarbetare. Här står rollerna ni "
                "har angett vid frågorna, hur många frågor var och en kan berätta om och vilka områden de täcker."</p>
            {roles}
            <h3>"Frågor där utvärderarna intervjuar men ingen roll är angiven"</h3>
            {missing}
        </PrepSection>
    }
}

fn area_name(rubric: &Rubric, id: &str) -> String {
    rubric.area(id).map_or_else(|| id.to_string(), |a| format!("{}. {}", a.id, a.name))
}

/// The planned evaluation date (stored) and the weeks before it.
#[component]
fn Timeline() -> impl IntoView {
    let open = Open::expect();
    let stored = Memo::new(move |_| {
        open.with_part(&Part::Preparation, |a| a.preparation.evaluation_date.clone()).unwrap_or_default()
    });
    let error = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let date = if text.trim().is_empty() { Some(String::new()) } else { Date::parse(&text).map(|d| d.to_string()) };
        error.set(date.is_none());
        if let Some(date) = date {
            open.edit(Edit::EvaluationDate(date));
        }
    };
    let described = move || if error.get() { "kk-eval-date-hint kk-eval-date-error" } else { "kk-eval-date-hint" };
    view! {
        <PrepSection key="timeline" title="Tidsplan">
            <p class="kk-desc">"Ange när utvärderingen är planerad, så visas veckorna före den med vad som bör vara klart när. "
                "Stegen är verktygets förslag, byggda på hur utvärderarna arbetar: först dokumenten, sedan "
                "webbplatsen, sist intervjuerna."</p>
            <div class="kk-field kk-date-field">
                <label for="kk-eval-date">"Planerat datum för utvärderingen"</label>
                <span class="kk-hint" id="kk-eval-date-hint">"Skriv som ÅÅÅÅ-MM-DD. Sparas med självskattningen."</span>
                <input type="text" id="kk-eval-date" inputmode="numeric" autocomplete="off" placeholder="ÅÅÅÅ-MM-DD" maxlength="10" aria-describedby=described
                    aria-invalid=move || error.get().then_some("true") prop:value=move || stored.get() on:change=on_change/>
                {move || error.get().then(|| view! {
                    <p class="kk-field-error" id="kk-eval-date-error">"Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-18."</p>
                })}
            </div>
            <PlanTable/>
        </PrepSection>
    }
}
