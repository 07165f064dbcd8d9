//! "Prioriterade förbättringsområden": up to three sub-areas a participant marks in their own
//! assessment, in order, saved with it (and in its file) for a workshop to count.

use leptos::prelude::*;

use crate::domain::assessment::{Edit, MAX_PRIORITIES, Part};
use crate::ui::open::Open;

const LABELS: [&str; MAX_PRIORITIES] = ["Första prioritet", "Andra prioritet", "Tredje prioritet"];

/// Three choices, first to third priority, each any sub-area of the rubric.
#[component]
pub fn PriorityChoice() -> impl IntoView {
    let open = Open::expect();
    let rubric = open.rubric;
    let chosen =
        Memo::new(move |_| open.with_part(&Part::Priorities, |a| a.priorities.subareas.clone()).unwrap_or_default());
    let set = move |slot: usize, value: String| {
        let mut list = chosen.get_untracked();
        list.resize(MAX_PRIORITIES, String::new());
        list[slot] = value;
        // Order kept, blanks and repeats dropped.
        let mut clean: Vec<String> = Vec::new();
        for s in list.into_iter().filter(|s| !s.is_empty()) {
            if !clean.contains(&s) {
                clean.push(s);
            }
        }
        open.edit(Edit::Priorities(clean));
    };
    let selects = (0..MAX_PRIORITIES)
        .map(|slot| {
            let id = format!("kk-priority-{}", slot + 1);
            let current = move || chosen.with(|c| c.get(slot).cloned().unwrap_or_default());
            let groups = rubric
                .areas
                .iter()
                .map(|area| {
                    let options = area
                        .subareas
                        .iter()
                        .map(|s| {
                            let value = s.id.clone();
                            let v = value.clone();
                            view! { <option value=value selected=move || current() == v>{format!("{} {}", s.id, s.name)}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=format!("{}. {}", area.id, area.name)>{options}</optgroup> }
                })
                .collect_view();
            view! {
                <div class="kk-field">
                    <label for=id.clone()>{LABELS[slot]}</label>
                    <select id=id on:change=move |ev| set(slot, event_target_value(&ev))>
                        <option value="" selected=move || current().is_empty()>"Inget valt"</option>
                        {groups}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="kk-prio-h" class="kk-card kk-priorities">
            <h2 id="kk-prio-h">"Prioriterade förbättringsområden"</h2>
            <p>{format!("Välj upp till {MAX_PRIORITIES} delområden som du tycker att kommunen ska förbättra först. De sparas i självskattningen och i filen; i en workshop räknas allas prioriteringar ihop.")}</p>
            {selects}
        </section>
    }
}
