//! Two copies of one assessment: merging keeps every edit, and does not depend on which copy is
//! "ours" (property tests with edits at the same millisecond too).

use std::collections::BTreeSet;

use kommunkompass::domain::action::{Action, ActionStatus};
use kommunkompass::domain::assessment::{ActionField, Assessment, Edit, Response};
use kommunkompass::domain::merge::{equivalent, merge};
use proptest::prelude::*;

use crate::support::assessment;

fn level(q: &str, v: u8) -> Edit {
    Edit::Response { question: q.into(), response: Some(Response::Level(v)) }
}

#[test]
fn edits_to_different_questions_both_survive() {
    let base = assessment("kk-2022");
    let mut left = base.clone();
    left.apply(level("1.1.1", 2), 10);
    let mut right = base.clone();
    right.apply(level("1.1.2", 4), 11);
    let m = merge(&left, &right);
    assert_eq!(m.answers["1.1.1"].response, Some(Response::Level(2)));
    assert_eq!(m.answers["1.1.2"].response, Some(Response::Level(4)));
    assert_eq!(merge(&right, &left).answers, m.answers);
}

#[test]
fn the_later_edit_of_the_same_question_wins_and_clearing_counts_as_an_edit() {
    let base = assessment("kk-2022");
    let mut early = base.clone();
    early.apply(level("1.1.1", 1), 10);
    let mut late = early.clone();
    late.apply(Edit::Response { question: "1.1.1".into(), response: None }, 20);
    assert_eq!(merge(&early, &late).answers["1.1.1"].response, None);
    assert_eq!(merge(&late, &early).answers["1.1.1"].response, None);
}

#[test]
fn edits_in_the_same_millisecond_give_the_same_result_in_both_tabs() {
    let base = assessment("kk-2022");
    let mut left = base.clone();
    left.apply(Edit::Comment { question: "1.1.1".into(), text: "vänster".into() }, 10);
    let mut right = base.clone();
    right.apply(Edit::Comment { question: "1.1.1".into(), text: "höger".into() }, 10);
    assert_eq!(merge(&left, &right).answers, merge(&right, &left).answers);
}

#[test]
fn renaming_follows_the_newest_change() {
    let base = assessment("kk-2022");
    let mut renamed = base.clone();
    renamed.apply(Edit::Meta { name: "Nytt namn".into(), municipality: "Testkommun".into() }, base.created_at + 5);
    assert_eq!(merge(&base, &renamed).name, "Nytt namn");
    assert_eq!(merge(&renamed, &base).name, "Nytt namn");
}

#[test]
fn actions_merge_by_id_and_a_deletion_is_kept() {
    let base = assessment("kk-2022");
    let mut left = base.clone();
    left.apply(
        Edit::UpsertAction(Action {
            id: "x".into(),
            target: "4".into(),
            what: "Jämför med de bästa".into(),
            ..Action::default()
        }),
        10,
    );
    let mut right = left.clone();
    right.apply(Edit::DeleteAction("x".into()), 20);
    right.apply(
        Edit::UpsertAction(Action { id: "y".into(), target: "4.3".into(), what: "Kolada".into(), ..Action::default() }),
        21,
    );
    let m = merge(&left, &right);
    assert_eq!(m.live_actions().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["y"]);
    assert_eq!(merge(&right, &left).live_actions().count(), 1);
    // Restoring is an edit too: the restored action wins over the older deletion.
    let mut restored = right.clone();
    restored.apply(Edit::RestoreAction("x".into()), 30);
    assert_eq!(merge(&right, &restored).live_actions().count(), 2);
}

// --- properties -------------------------------------------------------------------------------

/// A random edit: small ids and times so that both copies often touch the same question or action
/// at the same millisecond.
fn edit() -> impl Strategy<Value = (Edit, u64)> {
    let question = (1u8..4).prop_map(|q| format!("1.1.{q}"));
    let action = (0u8..3).prop_map(|a| format!("act-{a}"));
    let text = proptest::sample::select(vec!["", "a", "b", "ny text"]).prop_map(str::to_string);
    let response = proptest::option::of(prop_oneof![
        (0u8..5).prop_map(Response::Level),
        Just(Response::DontKnow),
        Just(Response::NotApplicable),
    ]);
    let status = proptest::sample::select(ActionStatus::ALL.to_vec());
    let e = prop_oneof![
        (question.clone(), response).prop_map(|(question, response)| Edit::Response { question, response }),
        (question.clone(), text.clone()).prop_map(|(question, text)| Edit::Comment { question, text }),
        (question.clone(), text.clone()).prop_map(|(question, text)| Edit::Evidence { question, text }),
        (question, proptest::option::of(0u8..5)).prop_map(|(question, level)| Edit::Target { question, level }),
        (text.clone(), text.clone()).prop_map(|(n, m)| Edit::Meta { name: format!("Namn {n}"), municipality: m }),
        (action.clone(), text.clone()).prop_map(|(id, what)| Edit::UpsertAction(Action {
            id,
            target: "4".into(),
            what,
            ..Action::default()
        })),
        (action.clone(), text).prop_map(|(action, v)| Edit::ActionField { action, field: ActionField::Who(v) }),
        (action.clone(), status).prop_map(|(action, s)| Edit::ActionField { action, field: ActionField::Status(s) }),
        action.clone().prop_map(Edit::DeleteAction),
        action.prop_map(Edit::RestoreAction),
    ];
    (e, 1u64..6)
}

fn edited(base: &Assessment, edits: &[(Edit, u64)]) -> Assessment {
    let mut a = base.clone();
    for (e, t) in edits {
        a.apply(e.clone(), *t);
    }
    a
}

/// `merged` holds, for every question and action of `inputs`, one of their versions and the one
/// with the latest change time: nothing answered is dropped.
fn keeps_the_newest(merged: &Assessment, inputs: &[&Assessment]) -> Result<(), TestCaseError> {
    let questions: BTreeSet<&String> = inputs.iter().flat_map(|a| a.answers.keys()).collect();
    for q in questions {
        let versions: Vec<_> = inputs.iter().filter_map(|a| a.answers.get(q)).collect();
        let kept = merged.answers.get(q);
        prop_assert!(kept.is_some_and(|k| versions.contains(&k)), "answer {q} dropped or invented");
        let newest = versions.iter().map(|v| v.changed_at).max().unwrap_or_default();
        prop_assert_eq!(kept.map(|k| k.changed_at), Some(newest), "answer {} is not the newest", q);
    }
    let actions: BTreeSet<&String> = inputs.iter().flat_map(|a| a.actions.iter().map(|x| &x.id)).collect();
    for id in actions {
        let versions: Vec<_> = inputs.iter().filter_map(|a| a.action(id)).collect();
        let kept = merged.action(id);
        prop_assert!(kept.is_some_and(|k| versions.contains(&k)), "action {id} dropped or invented");
        let newest = versions.iter().map(|v| v.changed_at).max().unwrap_or_default();
        prop_assert_eq!(kept.map(|k| k.changed_at), Some(newest), "action {} is not the newest", id);
    }
    Ok(())
}

/// Two copies of one assessment, each edited on its own from the same start.
fn two_copies() -> impl Strategy<Value = (Assessment, Assessment)> {
    let edits = || proptest::collection::vec(edit(), 0..12);
    (edits(), edits()).prop_map(|(left, right)| {
        let base = assessment("kk-2022");
        (edited(&base, &left), edited(&base, &right))
    })
}

proptest! {
    #[test]
    fn merging_is_commutative((l, r) in two_copies()) {
        prop_assert!(equivalent(&merge(&l, &r), &merge(&r, &l)), "{:?}\n{:?}", merge(&l, &r), merge(&r, &l));
    }

    #[test]
    fn merging_is_idempotent((l, r) in two_copies()) {
        prop_assert!(equivalent(&merge(&l, &l), &l));
        let m = merge(&l, &r);
        prop_assert!(equivalent(&merge(&m, &m), &m));
        prop_assert!(equivalent(&merge(&m, &r), &m), "merging the same copy again changes nothing");
        prop_assert!(equivalent(&merge(&m, &l), &m));
    }

    #[test]
    fn nothing_answered_is_ever_dropped((l, r) in two_copies()) {
        keeps_the_newest(&merge(&l, &r), &[&l, &r])?;
        keeps_the_newest(&merge(&r, &l), &[&l, &r])?;
    }
}
