//! The workshop, `/workshop/:id`: the participants (adding files, anonymity, removing), where the
//! group disagrees most (the agenda), the group's profile beside the national average (chart and
//! table), the participants' priorities beside the largest gaps, and agreeing: proposals, the
//! common assessment, exports and presentation mode.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock;
use crate::charts;
use crate::domain::action::Action;
use crate::domain::assessment::Edit;
use crate::domain::compare::{ComparisonKind, comparisons};
use crate::domain::format;
use crate::domain::workshop::stats::{DISAGREEMENT_RULE, MEDIAN_RULE, SPREAD_RULE};
use crate::domain::workshop::wording;
use crate::state::AppState;
use crate::ui::chart::EChart;
use crate::ui::confirm::ConfirmRemove;
use crate::ui::focus::focus_id_next_frame;
use crate::ui::page::set_title;
use crate::ui::question::dom_id;
use crate::ui::save_workshop::{save_workshop, save_workshop_csv};
use crate::ui::table_region::TableRegion;
use crate::ui::workshop_files::{AddFiles, INPUT_ID};
use crate::ui::workshop_open::OpenWorkshop;
use crate::workspace::{Change, Save, WorkshopChange};

/// The workshop's main view.
#[component]
pub fn WorkshopPage() -> impl IntoView {
    let state = AppState::expect();
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let name = move || open.with(|w| w.name.clone()).unwrap_or_default();
    set_title(&format!("Workshop: {}", open.with_untracked(|w| w.name.clone()).unwrap_or_default()));
    let count = move || open.names.with(Vec::len);
    let save = move |_| {
        open.with_untracked(|w| save_workshop(state, w));
    };
    let csv = move |_| {
        open.with_untracked(|w| save_workshop_csv(state, rubric, w));
    };
    view! {
        <h1 tabindex="-1">{move || format!("Workshop: {}", name())}</h1>
        <p class="kk-context-line">
            {move || format!("{} · {} deltagare · senast ändrad {}", rubric.title, count(), clock::date_time(open.updated_at()))}
        </p>
        <div class="kk-toolbar">
            <A href=open.href("omrade/1") attr:class="kk-button kk-primary">"Gå igenom frågorna och kom överens"</A>
            <A href=open.href("presentation") attr:class="kk-button">"Presentationsläge"</A>
            <button type="button" class="kk-button" on:click=save>"Spara workshoppen som fil"</button>
            <button type="button" class="kk-button" on:click=csv>"Exportera (CSV för Excel)"</button>
        </div>
        <Participants/>
        <Show when=move || { count() > 0 }
            fallback=|| view! { <p class="kk-hint">"Lägg till deltagarnas filer för att se var ni är oeniga."</p> }>
            <Disagreement/>
            <GroupProfile/>
            <Priorities/>
            <Agreeing/>
            <section aria-labelledby="kk-ws-rules-h">
                <h2 id="kk-ws-rules-h">"Så räknas det"</h2>
                <p>{MEDIAN_RULE}</p>
                <p>{SPREAD_RULE}</p>
                <p>{DISAGREEMENT_RULE}</p>
            </section>
        </Show>
    }
}

/// Adding files, anonymity and the list of participants.
#[component]
fn Participants() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let anonymous = Memo::new(move |_| open.with(|w| w.anonymous).unwrap_or(false));
    let set_anonymous = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if let Some(name) = open.with_untracked(|w| w.name.clone()) {
            open.change(WorkshopChange::Meta { name, anonymous: on });
        }
    };
    let questions = rubric.questions().count();
    let rows = move || {
        let names = open.names.get();
        open.with(|w| {
            w.participants()
                .zip(names)
                .map(|(p, shown)| {
                    let answered = p.answers.values().filter(|a| a.response.is_some()).count();
                    let priorities = p
                        .priorities
                        .iter()
                        .map(|s| rubric.subarea(s).map(|x| format!("{} {}", x.id, x.name)).unwrap_or_else(|| s.clone()))
                        .collect::<Vec<_>>()
                        .join("; ");
                    ParticipantRow {
                        id: p.assessment.clone(),
                        shown,
                        file: p.file_name.clone(),
                        answered: format!("{answered} av {questions}"),
                        priorities,
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="kk-ws-part-h">
            <h2 id="kk-ws-part-h">"Deltagare"</h2>
            <AddFiles/>
            <div class="kk-check">
                <input type="checkbox" id="kk-ws-anonymous" prop:checked=move || anonymous.get() on:change=set_anonymous/>
                <label for="kk-ws-anonymous">"Visa deltagarna anonymt, som ”Deltagare A, B, …”"</label>
            </div>
            <Show when=move || open.names.with(|n| !n.is_empty())>
                <TableRegion label="Deltagarna i workshoppen">
                    <table class="kk-table" data-testid="participants">
                        <caption class="kk-sr">"Deltagarna i workshoppen"</caption>
                        <thead><tr>
                            <th scope="col">"Deltagare"</th>
                            {move || (!anonymous.get()).then(|| view! { <th scope="col">"Fil"</th> })}
                            <th scope="col">"Besvarade frågor"</th>
                            <th scope="col">"Prioriterade förbättringsområden"</th>
                            <th scope="col">"Ta bort"</th>
                        </tr></thead>
                        <tbody>
                            <For each=rows key=|r| (r.id.clone(), r.shown.clone(), r.file.clone()) let:row>
                                <ParticipantLine row=row anonymous=anonymous/>
                            </For>
                        </tbody>
                    </table>
                </TableRegion>
                <p class="kk-hint">"Deltagarnas svar är kopior av deras filer och ändras inte här. Har någon ändrat sina svar, ta bort deltagaren och lägg till den nya filen."</p>
            </Show>
        </section>
    }
}

/// What a participant's row shows.
#[derive(Clone, PartialEq)]
struct ParticipantRow {
    id: String,
    shown: String,
    file: String,
    answered: String,
    priorities: String,
}

/// One participant, with removal behind a confirmation.
#[component]
fn ParticipantLine(row: ParticipantRow, anonymous: Memo<bool>) -> impl IntoView {
    let open = OpenWorkshop::expect();
    let id = StoredValue::new(row.id);
    let question = format!("Ta bort {} ur workshoppen? ", row.shown);
    let file = row.file;
    view! {
        <tr>
            <th scope="row">{row.shown.clone()}</th>
            {move || (!anonymous.get()).then(|| view! { <td>{file.clone()}</td> })}
            <td>{row.answered}</td>
            <td>{row.priorities}</td>
            <td>
                <ConfirmRemove question=question confirmed=Callback::new(move |()| {
                    open.change(WorkshopChange::Remove(id.get_value()));
                    focus_id_next_frame(INPUT_ID.into());
                })/>
            </td>
        </tr>
    }
}

/// How many disagreements are listed before "Visa alla".
const TOP: usize = 10;

/// "Här är ni mest oeniga": sub-areas and questions with the largest spread first.
#[component]
fn Disagreement() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let area_of = |id: &str| id.split('.').next().unwrap_or_default().to_string();
    let subareas = move || {
        open.stats.with(|s| {
            let o = &s.overview;
            o.subareas_by_disagreement
                .iter()
                .take(TOP)
                .filter_map(|id| {
                    let stats = o.subareas.iter().find(|x| &x.subarea == id)?;
                    let sub = rubric.subarea(id)?;
                    let href = open.href(&format!("omrade/{}#kk-ws-sub-{}", area_of(id), dom_id(id)));
                    Some(view! {
                        <li data-subarea=id.clone()>
                            <A href=href>{format!("{} {}", sub.id, sub.name)}</A>
                            {format!(" – {}", wording::subarea_spread_short(stats))}
                        </li>
                    })
                })
                .collect_view()
        })
    };
    let questions = move |all: bool| {
        open.stats.with(|s| {
            let o = &s.overview;
            o.questions_by_disagreement
                .iter()
                .skip(if all { TOP } else { 0 })
                .take(if all { usize::MAX } else { TOP })
                .filter_map(|id| {
                    let stats = o.questions.iter().find(|x| &x.question == id)?;
                    let q = rubric.question(id)?;
                    let href = open.href(&format!("omrade/{}#kk-ws-q-{}", area_of(id), dom_id(id)));
                    Some(view! {
                        <li data-question=id.clone()>
                            <A href=href>{format!("{} {}", q.id, q.text)}</A>
                            {format!(" – {}", wording::question_spread_short(stats))}
                        </li>
                    })
                })
                .collect_view()
        })
    };
    let more = move || open.stats.with(|s| s.overview.questions_by_disagreement.len().saturating_sub(TOP));
    view! {
        <section aria-labelledby="kk-ws-dis-h">
            <h2 id="kk-ws-dis-h">"Här är ni mest oeniga"</h2>
            <p>{DISAGREEMENT_RULE}</p>
            <Show when=move || open.stats.with(|s| s.overview.questions_by_disagreement.is_empty())>
                <p>"Deltagarna har valt samma nivå på varje fråga."</p>
            </Show>
            <div class="kk-insights">
                <div>
                    <h3>"Delområden"</h3>
                    <ol data-testid="disagree-subareas">{subareas}</ol>
                </div>
                <div>
                    <h3>"Frågor"</h3>
                    <ol data-testid="disagree-questions">{move || questions(false)}</ol>
                    <Show when=move || { more() > 0 }>
                        <details>
                            <summary>{move || format!("Visa ytterligare {} frågor där ni är oeniga", more())}</summary>
                            <ol start=TOP + 1>{move || questions(true)}</ol>
                        </details>
                    </Show>
                </div>
            </div>
        </section>
    }
}

/// The group's profile: median, lowest and highest participant per area, beside the average.
#[component]
fn GroupProfile() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let catalog = AppState::expect().catalog();
    let average = comparisons(&catalog.references, false, &catalog.mappings, rubric)
        .into_iter()
        .find(|c| c.kind == ComparisonKind::Average && c.areas.is_some());
    let avg = StoredValue::new(average.as_ref().map(|c| (c.label.clone(), c.areas.clone().unwrap_or_default())));
    let source = average.as_ref().map(|c| format!("{}: {}. {}", c.label, c.source, c.notes.join(" ")));
    let chart = Signal::derive(move || {
        open.stats.with(|s| {
            avg.with_value(|a| {
                charts::workshop_profile(rubric, &s.overview.areas, a.as_ref().map(|(n, v)| (n.as_str(), v.as_slice())))
            })
        })
    });
    let label = Signal::derive(move || {
        open.stats.with(|s| {
            avg.with_value(|a| {
                let series =
                    charts::workshop_series(&s.overview.areas, a.as_ref().map(|(n, v)| (n.as_str(), v.as_slice())));
                charts::profile_summary(rubric, &series)
            })
        })
    });
    let rows = move || {
        open.stats.with(|s| {
            rubric
                .areas
                .iter()
                .zip(&s.overview.areas)
                .enumerate()
                .map(|(i, (area, x))| {
                    let cell = |v: Option<f64>| v.map(format::points).unwrap_or_else(|| "–".into());
                    let sp = x.spread;
                    let average = avg.with_value(|a| a.as_ref().and_then(|(_, v)| v.get(i).copied()));
                    view! {
                        <tr>
                            <th scope="row">{format!("{}. {}", area.id, area.name)}</th>
                            <td class="kk-num">{cell(sp.map(|s| s.median))}</td>
                            <td class="kk-num">{cell(sp.map(|s| s.min))}</td>
                            <td class="kk-num">{cell(sp.map(|s| s.max))}</td>
                            <td class="kk-num">{cell(average)}</td>
                            <td class="kk-num">{sp.map_or(0, |s| s.n)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let average_head = avg.with_value(|a| a.as_ref().map(|(n, _)| n.clone())).unwrap_or_else(|| "Snittet".into());
    view! {
        <section aria-labelledby="kk-ws-prof-h">
            <h2 id="kk-ws-prof-h">"Gruppens profil"</h2>
            <figure class="kk-figure">
                <EChart chart=chart label=label height=480 class="kk-radar" lazy=true/>
                <figcaption>
                    "Poäng per område (0–100): gruppens median och, för varje område, den deltagare som gett lägst och högst. "
                    "Deltagarnas poäng är självskattade råpoäng; snittet kommer från externa utvärderingar, så jämför med försiktighet. "
                    "Den gemensamma bedömningens resultat visar också det förväntade resultatet vid en utvärdering. "
                    {source}
                </figcaption>
            </figure>
            <TableRegion label="Gruppens profil i siffror">
                <table class="kk-table" data-testid="group-profile">
                    <caption>"Gruppens profil i siffror: poäng per område"</caption>
                    <thead><tr>
                        <th scope="col">"Område"</th>
                        <th scope="col" class="kk-num">"Gruppens median"</th>
                        <th scope="col" class="kk-num">"Lägsta deltagare"</th>
                        <th scope="col" class="kk-num">"Högsta deltagare"</th>
                        <th scope="col" class="kk-num">{average_head}</th>
                        <th scope="col" class="kk-num">"Deltagare med svar"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        </section>
    }
}

/// The participants' priorities counted, beside the areas furthest below the average, with a
/// way to turn a priority into an action in the common assessment's plan.
#[component]
fn Priorities() -> impl IntoView {
    let state = AppState::expect();
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let catalog = state.catalog();
    let average = comparisons(&catalog.references, false, &catalog.mappings, rubric)
        .into_iter()
        .find(|c| c.kind == ComparisonKind::Average && c.areas.is_some());
    let avg = StoredValue::new(average.and_then(|c| c.areas));
    let id = open.id();
    let common = Memo::new(move |_| {
        state.with(|w| {
            w.common_of(&id).map(|a| (a.id.clone(), a.live_actions().map(|x| x.target.clone()).collect::<Vec<_>>()))
        })
    });
    let priorities = move || {
        let counts = open.with(|w| w.priority_counts()).unwrap_or_default();
        let n = open.names.with(Vec::len);
        if counts.is_empty() {
            return view! { <p class="kk-hint">"Ingen deltagare har markerat prioriterade förbättringsområden i sin självskattning."</p> }.into_any();
        }
        let items = counts
            .into_iter()
            .map(|(sid, count)| {
                let name = rubric.subarea(&sid).map(|s| s.name.clone()).unwrap_or_default();
                let text = format!("{sid} {name} – {}", wording::priority_count(count, n));
                let key = sid.clone();
                view! { <li data-subarea=key>{text}" "<PriorityAction subarea=sid name=name count=count common=common/></li> }
            })
            .collect_view();
        view! { <ol data-testid="priorities">{items}</ol> }.into_any()
    };
    let gaps = move || {
        let list: Vec<String> = open.stats.with(|s| {
            avg.with_value(|a| {
                let Some(a) = a else { return Vec::new() };
                let mut gaps: Vec<(f64, String)> = rubric
                    .areas
                    .iter()
                    .zip(&s.overview.areas)
                    .zip(a)
                    .filter_map(|((area, x), average)| {
                        let median = x.spread?.median;
                        (median < *average - 1e-9)
                            .then(|| (average - median, wording::gap_line(&area.id, &area.name, median, *average)))
                    })
                    .collect();
                gaps.sort_by(|x, y| y.0.total_cmp(&x.0));
                gaps.into_iter().take(3).map(|(_, t)| t).collect()
            })
        });
        if list.is_empty() {
            return view! { <p class="kk-hint">"Inget område ligger under snittet med gruppens median."</p> }
                .into_any();
        }
        view! { <ol>{list.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="kk-ws-prio-h">
            <h2 id="kk-ws-prio-h">"Prioriteringar och största gapen"</h2>
            <div class="kk-insights">
                <div>
                    <h3>"Deltagarnas prioriterade förbättringsområden"</h3>
                    {priorities}
                </div>
                <div>
                    <h3>"Längst under snittet (gruppens median)"</h3>
                    {gaps}
                </div>
            </div>
        </section>
    }
}

/// Turns a priority into an action in the common assessment's plan (once it exists).
#[component]
fn PriorityAction(
    subarea: String,
    name: String,
    count: usize,
    common: Memo<Option<(String, Vec<String>)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let sid = StoredValue::new(subarea);
    let link_id = sid.with_value(|s| format!("kk-ws-prio-{}", dom_id(s)));
    move || {
        let Some((cid, targets)) = common.get() else {
            return view! { <span class="kk-hint">"(Skapa den gemensamma bedömningen för att lägga den i handlingsplanen.)"</span> }.into_any();
        };
        let area = sid.with_value(|s| s.split('.').next().unwrap_or_default().to_string());
        if sid.with_value(|s| targets.contains(s)) {
            let href = format!("/bedomning/{cid}/resultat#kk-res-{area}");
            return view! { <A href=href attr:id=link_id.clone()>"Finns i handlingsplanen"</A> }.into_any();
        }
        let name = name.clone();
        let link_id = link_id.clone();
        let add = move |_| {
            let what = sid.with_value(|s| {
                format!("Prioriterat förbättringsområde: {s} {name} ({count} deltagare prioriterade det)")
            });
            let action = Action { id: clock::new_id(), target: sid.get_value(), what, ..Action::default() };
            state.change(Change::Edit { id: cid.clone(), edit: Edit::UpsertAction(action), save: Save::Now });
            focus_id_next_frame(link_id.clone());
        };
        view! {
            <button type="button" class="kk-button kk-small" on:click=add>
                "Lägg till som åtgärd"<span class="kk-sr">{sid.with_value(|s| format!(" för {s}"))}</span>
            </button>
        }
        .into_any()
    }
}

/// Agreeing: how far the group has come, the proposals for what is left, and the common
/// assessment (created once, then brought up to date).
#[component]
fn Agreeing() -> impl IntoView {
    let state = AppState::expect();
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let questions = rubric.questions().count();
    let id = StoredValue::new(open.id());
    let agreed = move || open.with(|w| w.agreed.values().filter(|a| a.response.is_some()).count()).unwrap_or(0);
    let open_count = move || {
        open.stats.track();
        open.with(|w| w.open_proposals(rubric).len()).unwrap_or(0)
    };
    let use_proposals = move |_| {
        if let Some(list) = open.with_untracked(|w| w.open_proposals(rubric)) {
            open.change(WorkshopChange::AgreeMany(list));
        }
    };
    let common =
        Memo::new(move |_| id.with_value(|id| state.with(|w| w.common_of(id).map(|a| (a.id.clone(), a.name.clone())))));
    let municipality = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let navigate = leptos_router::hooks::use_navigate();
    let create = StoredValue::new_local(move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = municipality.get_untracked().trim().to_string();
        if m.is_empty() {
            error.set(Some("Fyll i kommunens namn."));
            return;
        }
        let new_id = clock::new_id();
        let Some(a) = open.with_untracked(|w| w.common_assessment(new_id.clone(), m, clock::now())) else { return };
        state.change(Change::Create(a));
        navigate(&format!("/bedomning/{new_id}/resultat"), Default::default());
    });
    view! {
        <section aria-labelledby="kk-ws-agree-h">
            <h2 id="kk-ws-agree-h">"Kom överens"</h2>
            <p data-testid="agreed-count">{move || wording::agreed_line(agreed(), questions)}</p>
            <p>
                "Gå igenom frågorna område för område och välj den nivå ni är överens om; förslaget är medianen av deltagarnas svar. "
                <A href=open.href("omrade/1")>"Till frågorna i område 1"</A>
            </p>
            <Show when=move || { open_count() > 0 }>
                <p>
                    <button type="button" class="kk-button" on:click=use_proposals>
                        {move || format!("Använd förslagen för de {} frågor som saknar överenskommen nivå", open_count())}
                    </button>
                </p>
            </Show>
            <h3>"Gemensam bedömning"</h3>
            {move || match common.get() {
                Some((cid, name)) => view! {
                    <p>{format!("”{name}” är en vanlig självskattning med resultat, förväntat resultat, handlingsplan, rapport och fil.")}</p>
                    <p>
                        <A href=crate::adapters::base::href(&format!("/bedomning/{cid}/resultat")) attr:class="kk-button kk-primary">"Öppna den gemensamma bedömningen"</A>
                        <button type="button" class="kk-button" on:click=move |_| state.change(Change::UpdateCommon(id.get_value()))>
                            "För över de överenskomna svaren igen"
                        </button>
                    </p>
                }.into_any(),
                None => view! {
                    <p>"De överenskomna svaren blir en vanlig självskattning, ”Gemensam bedömning – workshoppens namn”, med resultat, förväntat resultat, handlingsplan, rapport och fil. Den anger att den kommit överens utifrån deltagarnas självskattningar."</p>
                    <form class="kk-inline-form" on:submit=move |ev| create.with_value(|f| f(ev)) novalidate>
                        <label for="kk-ws-muni">"Kommun"</label>
                        <input id="kk-ws-muni" type="text" required maxlength="200" autocomplete="organization"
                            prop:value=municipality on:input=move |ev| municipality.set(event_target_value(&ev))/>
                        <button type="submit" class="kk-button kk-primary">"Skapa den gemensamma bedömningen"</button>
                    </form>
                    <Show when=move || error.get().is_some()>
                        <p class="kk-error" role="alert">{move || error.get()}</p>
                    </Show>
                }.into_any(),
            }}
            <h3>"Område för område"</h3>
            <AreaLinks/>
        </section>
    }
}

/// Links to every area with how many of its questions are agreed.
#[component]
fn AreaLinks() -> impl IntoView {
    let open = OpenWorkshop::expect();
    let rubric = open.rubric;
    let items = rubric
        .areas
        .iter()
        .map(|area| {
            let aid = area.id.as_str();
            let done = move || {
                let n = open
                    .with(|w| area.questions().filter(|q| w.agreed(&q.id).is_some()).count())
                    .unwrap_or(0);
                format!(" – {n} av {} överenskomna", area.questions().count())
            };
            view! { <li><A href=open.href(&format!("omrade/{aid}"))>{format!("{}. {}", area.id, area.name)}</A>{done}</li> }
        })
        .collect_view();
    view! { <ul class="kk-area-links">{items}</ul> }
}
