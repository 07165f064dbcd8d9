//! The action plan of an area: åtgärd, ansvarig, klart senast, status and koppling till mål,
//! edited in place and saved at once with the assessment. In the report it is a table.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::action::{Action, ActionStatus};
use crate::domain::rubric::Area;
use crate::state::AppState;
use crate::ui::focus::focus_id_next_frame;
use crate::ui::result_data::ResultData;
use crate::ui::table_region::TableRegion;

fn belongs(action: &Action, area: &Area) -> bool {
    action.target == area.id || action.target.strip_prefix(&area.id).is_some_and(|r| r.starts_with('.'))
}

/// The actions for one area.
#[component]
pub fn ActionPlan(data: ResultData, area: &'static Area, print: bool) -> impl IntoView {
    let state = AppState::expect();
    let actions = Memo::new(move |_| {
        data.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.live_actions().filter(|x| belongs(x, area)).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let assessment_id =
        move || data.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
    let add = move |_| {
        let id = assessment_id();
        let action = Action { id: clock::new_id(), target: area.id.clone(), ..Action::default() };
        let focus_id = format!("kk-act-{}-what", action.id);
        state.update(&id, |a, now| a.upsert_action(action, now));
        focus_id_next_frame(focus_id);
    };
    let heading = format!("Handlingsplan för område {}", area.id);
    if print {
        return view! {
            <h4>{heading}</h4>
            {move || {
                let list = actions.get();
                if list.is_empty() {
                    return view! { <p class="kk-hint">"Inga åtgärder ännu."</p> }.into_any();
                }
                view! {
                    <TableRegion label={format!("Åtgärder för område {}", area.id)}>
                        <table class="kk-table">
                            <caption class="kk-sr">{format!("Åtgärder för område {}", area.id)}</caption>
                            <thead><tr><th scope="col">"Åtgärd"</th><th scope="col">"Gäller"</th><th scope="col">"Ansvarig"</th><th scope="col">"Klart senast"</th><th scope="col">"Status"</th><th scope="col">"Koppling till mål"</th></tr></thead>
                            <tbody>{list.into_iter().map(|a| view! {
                                <tr><td>{a.what}</td><td>{a.target}</td><td>{a.who}</td><td>{a.due}</td><td>{a.status.label()}</td><td>{a.goal_link}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </TableRegion>
                }.into_any()
            }}
        }
        .into_any();
    }
    view! {
        <div class="kk-actionplan">
            <h4>{heading}</h4>
            <For each=move || actions.get() key=|a| a.id.clone() let:action>
                <ActionEditor assessment=assessment_id() area=area action=action/>
            </For>
            <button type="button" class="kk-button kk-no-print" on:click=add>{format!("Lägg till åtgärd för område {}", area.id)}</button>
        </div>
    }
    .into_any()
}

/// One editable action. Each field saves on input.
#[component]
fn ActionEditor(assessment: String, area: &'static Area, action: Action) -> impl IntoView {
    let state = AppState::expect();
    let aid = action.id.clone();
    let current = {
        let (assessment, aid) = (assessment.clone(), aid.clone());
        Memo::new(move |_| {
            state.assessments.with(|all| {
                all.iter().find(|a| a.id == assessment).and_then(|a| a.actions.iter().find(|x| x.id == aid).cloned())
            })
        })
    };
    let edit = {
        let assessment = assessment.clone();
        move |change: Box<dyn FnOnce(&mut Action)>| {
            if let Some(mut a) = current.get_untracked() {
                change(&mut a);
                state.update(&assessment, |x, now| x.upsert_action(a, now));
            }
        }
    };
    let field = |suffix: &str| format!("kk-act-{}-{suffix}", aid);
    let text = move |get: fn(&Action) -> String| move || current.with(|a| a.as_ref().map(get).unwrap_or_default());
    let on_text = |set: fn(&mut Action, String)| {
        let edit = edit.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit(Box::new(move |a| set(a, v)))
        }
    };
    let targets = std::iter::once((area.id.clone(), format!("Hela område {}", area.id)))
        .chain(area.subareas.iter().map(|s| (s.id.clone(), format!("{} {}", s.id, s.name))))
        .map(|(value, label)| {
            let v = value.clone();
            view! { <option value=value selected=move || current.with(|a| a.as_ref().is_some_and(|a| a.target == v))>{label}</option> }
        })
        .collect_view();
    let statuses = ActionStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.key() selected=move || current.with(|a| a.as_ref().is_some_and(|a| a.status == s))>{s.label()}</option> })
        .collect_view();
    let remove = {
        let (assessment, aid) = (assessment.clone(), aid.clone());
        move |_| state.delete_action(&assessment, &aid)
    };
    let on_status = {
        let edit = edit.clone();
        move |ev: leptos::ev::Event| {
            if let Some(s) = ActionStatus::from_key(&event_target_value(&ev)) {
                edit(Box::new(move |a| a.status = s))
            }
        }
    };
    view! {
        <fieldset class="kk-action">
            <legend>{move || current.with(|a| a.as_ref().map(|a| if a.what.trim().is_empty() { "Ny åtgärd".to_string() } else { a.what.clone() }).unwrap_or_default())}</legend>
            <div class="kk-field kk-wide">
                <label for=field("what")>"Åtgärd"</label>
                <textarea id=field("what") rows="2" maxlength="20000" prop:value=text(|a| a.what.clone()) on:input=on_text(|a, v| a.what = v)></textarea>
            </div>
            <div class="kk-field">
                <label for=field("target")>"Gäller"</label>
                <select id=field("target") on:change=on_text(|a, v| a.target = v)>{targets}</select>
            </div>
            <div class="kk-field">
                <label for=field("who")>"Ansvarig"</label>
                <input type="text" id=field("who") maxlength="20000" prop:value=text(|a| a.who.clone()) on:input=on_text(|a, v| a.who = v)/>
            </div>
            <div class="kk-field">
                <label for=field("due")>"Klart senast"</label>
                <input type="text" id=field("due") maxlength="20000" placeholder="ÅÅÅÅ-MM-DD" prop:value=text(|a| a.due.clone()) on:input=on_text(|a, v| a.due = v)/>
            </div>
            <div class="kk-field">
                <label for=field("status")>"Status"</label>
                <select id=field("status") on:change=on_status>{statuses}</select>
            </div>
            <div class="kk-field kk-wide">
                <label for=field("goal")>"Koppling till mål"</label>
                <span class="kk-hint" id=field("goal-hint")>"Till exempel ett nämndmål eller riktningsmål i nämndplanen som åtgärden bidrar till."</span>
                <input type="text" id=field("goal") aria-describedby=field("goal-hint") maxlength="20000" prop:value=text(|a| a.goal_link.clone()) on:input=on_text(|a, v| a.goal_link = v)/>
            </div>
            <button type="button" class="kk-button kk-small kk-danger" on:click=remove>"Ta bort åtgärden"</button>
        </fieldset>
    }
}
