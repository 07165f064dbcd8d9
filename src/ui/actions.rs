//! The action plan of an area: åtgärd, ansvarig, klart senast, status and koppling till mål,
//! edited in place (typed text saved a moment after the typing pauses and when a field loses
//! focus, choices at once). In the report it is a table.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::action::{Action, ActionStatus};
use crate::domain::assessment::{ActionField, Edit, Part};
use crate::domain::rubric::Area;
use crate::ui::focus::focus_id_next_frame;
use crate::ui::open::Open;
use crate::ui::table_region::TableRegion;

/// The actions for one area of the open assessment.
#[component]
pub fn ActionPlan(area: &'static Area, print: bool) -> impl IntoView {
    let open = Open::expect();
    let area_id = area.id.as_str();
    // Ids only: an editor reads its own fields, so typing in one redraws nothing else.
    let ids = Memo::new(move |_| {
        open.with(|a| a.live_actions().filter(|x| x.is_for_area(area_id)).map(|x| x.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let add = move |_| {
        let action = Action { id: clock::new_id(), target: area.id.clone(), ..Action::default() };
        let focus_id = format!("kk-act-{}-what", action.id);
        open.edit(Edit::UpsertAction(action));
        focus_id_next_frame(focus_id);
    };
    let heading = format!("Handlingsplan för område {}", area.id);
    if print {
        let rows = move || {
            open.with(|a| {
                a.live_actions()
                    .filter(|x| x.is_for_area(area_id))
                    .map(|a| {
                        let a = a.clone();
                        view! { <tr><td>{a.what}</td><td>{a.target}</td><td>{a.who}</td><td>{a.due}</td><td>{a.status.label()}</td><td>{a.goal_link}</td></tr> }
                    })
                    .collect_view()
            })
        };
        return view! {
            <h4>{heading}</h4>
            {move || {
                if ids.with(Vec::is_empty) {
                    return view! { <p class="kk-hint">"Inga åtgärder ännu."</p> }.into_any();
                }
                view! {
                    <TableRegion label={format!("Åtgärder för område {}", area.id)}>
                        <table class="kk-table">
                            <caption class="kk-sr">{format!("Åtgärder för område {}", area.id)}</caption>
                            <thead><tr><th scope="col">"Åtgärd"</th><th scope="col">"Gäller"</th><th scope="col">"Ansvarig"</th><th scope="col">"Klart senast"</th><th scope="col">"Status"</th><th scope="col">"Koppling till mål"</th></tr></thead>
                            <tbody>{rows}</tbody>
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
            <For each=move || ids.get() key=String::clone let:action>
                <ActionEditor area=area action=action/>
            </For>
            <button type="button" class="kk-button kk-no-print" on:click=add>{format!("Lägg till åtgärd för område {}", area.id)}</button>
        </div>
    }
    .into_any()
}

/// One editable action.
#[component]
fn ActionEditor(area: &'static Area, action: String) -> impl IntoView {
    let open = Open::expect();
    // Each field reads only this action: typing in another action does not run it.
    let part = StoredValue::new(Part::Action(action.clone()));
    let aid = StoredValue::new(action);
    let read = move |get: fn(&Action) -> String| {
        Memo::new(move |_| {
            part.with_value(|p| aid.with_value(|id| open.with_part(p, |a| a.action(id).map(get))))
                .flatten()
                .unwrap_or_default()
        })
    };
    let (what, who, due, goal, target) = (
        read(|a| a.what.clone()),
        read(|a| a.who.clone()),
        read(|a| a.due.clone()),
        read(|a| a.goal_link.clone()),
        read(|a| a.target.clone()),
    );
    let status = Memo::new(move |_| {
        part.with_value(|p| aid.with_value(|id| open.with_part(p, |a| a.action(id).map(|x| x.status)))).flatten()
    });
    let set = move |field: ActionField| open.edit(Edit::ActionField { action: aid.get_value(), field });
    let field = move |suffix: &str| aid.with_value(|id| format!("kk-act-{id}-{suffix}"));
    let on_text =
        move |make: fn(String) -> ActionField| move |ev: leptos::ev::Event| set(make(event_target_value(&ev)));
    let targets = std::iter::once((area.id.clone(), format!("Hela område {}", area.id)))
        .chain(area.subareas.iter().map(|s| (s.id.clone(), format!("{} {}", s.id, s.name))))
        .map(|(value, label)| {
            let v = value.clone();
            view! { <option value=value selected=move || target.with(|t| *t == v)>{label}</option> }
        })
        .collect_view();
    let statuses = ActionStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.key() selected=move || status.get() == Some(s)>{s.label()}</option> })
        .collect_view();
    let on_status = move |ev: leptos::ev::Event| {
        if let Some(s) = ActionStatus::from_key(&event_target_value(&ev)) {
            set(ActionField::Status(s));
        }
    };
    let flush = move |_| open.flush();
    let legend = move || what.with(|w| if w.trim().is_empty() { "Ny åtgärd".to_string() } else { w.clone() });
    view! {
        <fieldset class="kk-action">
            <legend>{legend}</legend>
            <div class="kk-field kk-wide">
                <label for=field("what")>"Åtgärd"</label>
                <textarea id=field("what") rows="2" maxlength="20000" prop:value=what on:input=on_text(ActionField::What) on:blur=flush></textarea>
            </div>
            <div class="kk-field">
                <label for=field("target")>"Gäller"</label>
                <select id=field("target") on:change=on_text(ActionField::Target)>{targets}</select>
            </div>
            <div class="kk-field">
                <label for=field("who")>"Ansvarig"</label>
                <input type="text" id=field("who") maxlength="20000" prop:value=who on:input=on_text(ActionField::Who) on:blur=flush/>
            </div>
            <div class="kk-field">
                <label for=field("due")>"Klart senast"</label>
                <input type="text" id=field("due") maxlength="20000" placeholder="ÅÅÅÅ-MM-DD" prop:value=due on:input=on_text(ActionField::Due) on:blur=flush/>
            </div>
            <div class="kk-field">
                <label for=field("status")>"Status"</label>
                <select id=field("status") on:change=on_status>{statuses}</select>
            </div>
            <div class="kk-field kk-wide">
                <label for=field("goal")>"Koppling till mål"</label>
                <span class="kk-hint" id=field("goal-hint")>"Till exempel ett nämndmål eller riktningsmål i nämndplanen som åtgärden bidrar till."</span>
                <input type="text" id=field("goal") aria-describedby=field("goal-hint") maxlength="20000" prop:value=goal on:input=on_text(ActionField::GoalLink) on:blur=flush/>
            </div>
            <button type="button" class="kk-button kk-small kk-danger" on:click=move |_| open.edit(Edit::DeleteAction(aid.get_value()))>"Ta bort åtgärden"</button>
        </fieldset>
    }
}
