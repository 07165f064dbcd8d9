//! The evidence recorded for one question, in its card: the documents, web pages and interview
//! roles that show the answer, each with its status, added, changed and removed with an inline
//! form. A saved item is written at once through the door; a removal can be undone from the
//! notice. Focus follows the form: into it when it opens, back to the button that opened it when it
//! closes, to the item when it is saved, to "Ångra" when an item is removed.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::assessment::{Edit, Part};
use crate::domain::evidence::{EvidenceItem, ItemField, ItemKind, ItemStatus, MAX_ITEMS_PER_QUESTION, check_link};
use crate::domain::prepare::{hard_to_show, risk_note};
use crate::domain::rubric::Question;
use crate::ui::focus::{FocusTarget, focus_id_next_frame, on_escape};
use crate::ui::open::Open;
use crate::ui::question::dom_id;

/// The id of an item's "Ändra" button, where focus goes when the item is saved or restored.
pub fn edit_button_id(question: &str, item: &str) -> String {
    format!("kk-q-{}-item-{item}-edit", dom_id(question))
}

fn add_button_id(question: &str, kind: ItemKind) -> String {
    format!("kk-q-{}-add-{}", dom_id(question), kind.key())
}

/// A link as the user entered it: a real link only when its scheme is accepted, otherwise text.
#[component]
pub fn ItemLink(
    /// The link.
    link: String,
) -> impl IntoView {
    if link.is_empty() {
        return ().into_any();
    }
    if check_link(&link).is_ok() {
        view! { <a class="kk-item-link" href=link.clone()>{link.clone()}</a> }.into_any()
    } else {
        view! { <span class="kk-item-link">{link}</span> }.into_any()
    }
}

/// One item in words: its kind (when asked for), title, date or diarienummer, link and status,
/// with spaces between so that a screen reader does not run them together.
#[component]
pub fn ItemSummary(
    /// The item.
    item: EvidenceItem,
    /// Whether to name its kind.
    #[prop(optional)]
    kind: bool,
) -> impl IntoView {
    let status = item.status;
    view! {
        {kind.then(|| view! { <span class="kk-item-kind">{item.kind.label()}</span>" " })}
        <span class="kk-item-title">{item.title}</span>" "
        {(!item.reference.is_empty()).then(|| view! { <span class="kk-item-ref">{item.reference}</span>" " })}
        <ItemLink link=item.link/>" "
        <span class="kk-sr">"Status: "</span>
        <span class=format!("kk-item-status kk-status-{}", status.key())>{status.label()}</span>
    }
}

/// What is open in a card's form: a new item of a kind, or an existing item.
#[derive(Clone, PartialEq)]
struct Draft {
    item: EvidenceItem,
    new: bool,
}

/// The evidence items of one question of the open assessment.
#[component]
pub fn EvidenceItems(
    /// The question.
    question: &'static Question,
    /// Where the evaluators look for it ("Styrdokument, Intervjuer").
    kinds: String,
) -> impl IntoView {
    let open = Open::expect();
    let qid = question.id.as_str();
    let key = dom_id(qid);
    let part = StoredValue::new(Part::Answer(question.id.clone()));
    let items = Memo::new(move |_| {
        part.with_value(|p| open.with_part(p, |a| a.answer(qid).map(|x| x.live_items().cloned().collect::<Vec<_>>())))
            .flatten()
            .unwrap_or_default()
    });
    let at_risk = Memo::new(move |_| {
        part.with_value(|p| open.with_part(p, |a| hard_to_show(question, a.answer(qid)))).flatten().is_some()
    });
    let draft = RwSignal::new(None::<Draft>);
    let full = move || items.with(|i| i.len() >= MAX_ITEMS_PER_QUESTION);
    let heading_id = format!("kk-q-{key}-items-h");
    let start = move |kind: ItemKind| {
        let item = EvidenceItem { id: clock::new_id(), kind, ..EvidenceItem::default() };
        draft.set(Some(Draft { item, new: true }));
    };
    let add_buttons = ItemKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <button type="button" class="kk-button kk-small" id=add_button_id(qid, kind)
                    disabled=full on:click=move |_| start(kind)>{kind.add_label()}</button>
            }
        })
        .collect_view();
    view! {
        <div class="kk-items" role="group" aria-labelledby=heading_id.clone() data-items=qid>
            <p class="kk-items-h" id=heading_id.clone()><strong>"Underlag som visar svaret"</strong></p>
            <p class="kk-hint">{format!("Utvärderarna tittar i: {kinds}.")}</p>
            {move || at_risk.get().then(|| view! {
                <p class="kk-risk-note" data-testid="risk-note">{risk_note(&open.rubric.scale)}</p>
            })}
            {move || {
                if items.with(Vec::is_empty) {
                    return view! { <p class="kk-hint">"Inget underlag angivet ännu."</p> }.into_any();
                }
                view! {
                    <ul class="kk-item-list">
                        <For each=move || items.get() key=|i| (i.id.clone(), i.changed_at) let:item>
                            <ItemRow question=qid item=item draft=draft/>
                        </For>
                    </ul>
                }
                .into_any()
            }}
            <div class="kk-item-add">{add_buttons}</div>
            {move || full().then(|| view! {
                <p class="kk-hint">{format!("En fråga kan ha högst {MAX_ITEMS_PER_QUESTION} underlag. Ta bort något för att lägga till fler.")}</p>
            })}
            {move || draft.get().map(|d| view! { <ItemForm question=qid draft=d close=draft/> })}
        </div>
    }
}

/// One item in the list, with "Ändra" and "Ta bort".
#[component]
fn ItemRow(question: &'static str, item: EvidenceItem, draft: RwSignal<Option<Draft>>) -> impl IntoView {
    let open = Open::expect();
    let name = item.name();
    let id = item.id.clone();
    let edit = {
        let item = item.clone();
        move |_| draft.set(Some(Draft { item: item.clone(), new: false }))
    };
    let remove = {
        let id = id.clone();
        move |_| {
            // The form may show this item: it closes with it.
            if draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.item.id == id)) {
                draft.set(None);
            }
            open.edit(Edit::DeleteItem { question: question.to_string(), item: id.clone() });
        }
    };
    view! {
        <li class="kk-item" data-item=id.clone()>
            <ItemSummary item=item kind=true/>" "
            <span class="kk-item-buttons">
                <button type="button" class="kk-button kk-small" id=edit_button_id(question, &id)
                    aria-label=format!("Ändra {name}") on:click=edit>"Ändra"</button>
                <button type="button" class="kk-button kk-small kk-danger"
                    aria-label=format!("Ta bort {name}") on:click=remove>"Ta bort"</button>
            </span>
        </li>
    }
}

/// The inline form for a new or an existing item. "Spara" checks every field and says what is
/// wrong beside it; "Avbryt" and Escape close it without saving.
#[component]
fn ItemForm(question: &'static str, draft: Draft, close: RwSignal<Option<Draft>>) -> impl IntoView {
    let open = Open::expect();
    let key = dom_id(question);
    let Draft { item, new } = draft;
    let kind = item.kind;
    let id = StoredValue::new(item.id.clone());
    let field_signal = |field: ItemField| RwSignal::new(item.field(field).to_string());
    let (title, reference, link) =
        (field_signal(ItemField::Title), field_signal(ItemField::Reference), field_signal(ItemField::Link));
    let status = RwSignal::new(item.status);
    let errors = RwSignal::new(Vec::<(ItemField, String)>::new());
    let first = FocusTarget::<leptos::html::Input>::on_mount();
    let field_id = move |field: ItemField| format!("kk-q-{}-item-{}", dom_id(question), field.key());
    // Where focus returns: the button that opened the form.
    let back = move || if new { add_button_id(question, kind) } else { edit_button_id(question, &id.get_value()) };
    let cancel = move || {
        close.set(None);
        focus_id_next_frame(back());
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let item = EvidenceItem {
            id: id.get_value(),
            kind,
            title: title.get_untracked(),
            reference: reference.get_untracked(),
            link: link.get_untracked(),
            status: status.get_untracked(),
            ..EvidenceItem::default()
        }
        .normalized();
        let problems = item.form_problems();
        if let Some((field, _)) = problems.first() {
            let first_bad = field_id(*field);
            errors.set(problems.iter().map(|(f, e)| (*f, e.at_field())).collect());
            focus_id_next_frame(first_bad);
            return;
        }
        let item_id = item.id.clone();
        open.edit(Edit::UpsertItem { question: question.to_string(), item });
        close.set(None);
        focus_id_next_frame(edit_button_id(question, &item_id));
    };
    let error_of = move |field: ItemField| {
        Memo::new(move |_| errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone())))
    };
    let input = move |field: ItemField, label: &'static str, hint: Option<&'static str>| {
        let value = match field {
            ItemField::Title => title,
            ItemField::Reference => reference,
            ItemField::Link => link,
        };
        let error = error_of(field);
        let input_id = field_id(field);
        let hint_id = format!("{input_id}-hint");
        let error_id = format!("{input_id}-error");
        let described = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            move || {
                let ids: Vec<&str> =
                    [hint.map(|_| hint_id.as_str()), error.with(|e| e.as_ref().map(|_| error_id.as_str()))]
                        .into_iter()
                        .flatten()
                        .collect();
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        let node = if field == ItemField::Title { first.node() } else { NodeRef::new() };
        view! {
            <div class="kk-field">
                <label for=input_id.clone()>{label}</label>
                {hint.map(|h| view! { <span class="kk-hint" id=hint_id.clone()>{h}</span> })}
                <input type="text" id=input_id node_ref=node maxlength="500"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=described
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                {move || error.get().map(|e| view! { <p class="kk-field-error" id=error_id.clone()>{e}</p> })}
            </div>
        }
    };
    let title_hint = (kind == ItemKind::Interview)
        .then_some("Skriv en roll, till exempel kanslichef eller rektor – inte namnet på en person.");
    let statuses = ItemStatus::ALL
        .into_iter()
        .map(|s| {
            let radio_id = format!("kk-q-{key}-item-status-{}", s.key());
            view! {
                <span class="kk-check">
                    <input type="radio" id=radio_id.clone() name=format!("kk-q-{key}-item-status") value=s.key()
                        prop:checked=move || status.get() == s on:change=move |_| status.set(s)/>
                    <label for=radio_id>{s.label()}</label>
                </span>
            }
        })
        .collect_view();
    let legend = if new { kind.new_label().to_string() } else { format!("Ändra {}", item.name()) };
    view! {
        <form class="kk-item-form" novalidate on:submit=submit on:keydown=on_escape(cancel)>
            <fieldset>
                <legend>{legend}</legend>
                {input(ItemField::Title, kind.title_label(), title_hint)}
                {kind.has(ItemField::Reference).then(|| input(ItemField::Reference, "Datum eller diarienummer", Some("Till exempel 2024-05-13 eller KS 2024/123.")))}
                {kind.has(ItemField::Link).then(|| input(ItemField::Link, "Länk", Some("Till exempel https://kommun.se/demokratiprogram.pdf.")))}
                <fieldset class="kk-item-statuses">
                    <legend>"Status"</legend>
                    {statuses}
                </fieldset>
                <div>
                    <button type="submit" class="kk-button kk-small kk-primary">"Spara underlaget"</button>
                    <button type="button" class="kk-button kk-small" on:click=move |_| cancel()>"Avbryt"</button>
                </div>
            </fieldset>
        </form>
    }
}
