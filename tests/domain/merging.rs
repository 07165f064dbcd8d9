//! Two tabs on one assessment: merging keeps every edit.

use kommunkompass::domain::assessment::{Assessment, Response};
use kommunkompass::domain::merge::merge;
use proptest::prelude::*;

use crate::support::assessment;

#[test]
fn edits_to_different_questions_both_survive() {
    let base = assessment("kk-2022");
    let mut left = base.clone();
    left.edit_answer("1.1.1", 10, |a| a.response = Some(Response::Level(2)));
    let mut right = base.clone();
    right.edit_answer("1.1.2", 11, |a| a.response = Some(Response::Level(4)));
    let m = merge(&left, &right);
    assert_eq!(m.answers["1.1.1"].response, Some(Response::Level(2)));
    assert_eq!(m.answers["1.1.2"].response, Some(Response::Level(4)));
    assert_eq!(merge(&right, &left).answers, m.answers);
}

#[test]
fn the_later_edit_of_the_same_question_wins_and_clearing_counts_as_an_edit() {
    let base = assessment("kk-2022");
    let mut early = base.clone();
    early.edit_answer("1.1.1", 10, |a| a.response = Some(Response::Level(1)));
    let mut late = early.clone();
    late.edit_answer("1.1.1", 20, |a| a.response = None);
    assert_eq!(merge(&early, &late).answers["1.1.1"].response, None);
    assert_eq!(merge(&late, &early).answers["1.1.1"].response, None);
}

#[test]
fn renaming_follows_the_newest_change() {
    let base = assessment("kk-2022");
    let mut renamed = base.clone();
    renamed.set_meta("Nytt namn".into(), "Testkommun".into(), base.created_at + 5);
    assert_eq!(merge(&base, &renamed).name, "Nytt namn");
    assert_eq!(merge(&renamed, &base).name, "Nytt namn");
}

fn edited(base: &Assessment, edits: &[(u8, u8, u64)]) -> Assessment {
    let mut a = base.clone();
    for (q, level, t) in edits {
        a.edit_answer(&format!("1.{}.1", 1 + q % 5), *t, |x| x.response = Some(Response::Level(level % 5)));
    }
    a
}

proptest! {
    #[test]
    fn merging_is_order_independent_and_loses_no_newest_edit(
        left in proptest::collection::vec((0u8..5, 0u8..5, 1u64..1000), 0..12),
        right in proptest::collection::vec((0u8..5, 0u8..5, 1000u64..2000), 0..12),
    ) {
        let base = assessment("kk-2022");
        let (l, r) = (edited(&base, &left), edited(&base, &right));
        let lr = merge(&l, &r);
        prop_assert_eq!(&lr.answers, &merge(&r, &l).answers);
        for (id, answer) in l.answers.iter().chain(r.answers.iter()) {
            prop_assert!(lr.answers[id].changed_at >= answer.changed_at);
        }
        prop_assert_eq!(merge(&lr, &lr).answers, lr.answers.clone());
    }
}

#[test]
fn actions_merge_by_id_and_a_deletion_is_kept() {
    use kommunkompass::domain::action::Action;
    let base = assessment("kk-2022");
    let mut left = base.clone();
    left.upsert_action(
        Action { id: "x".into(), target: "4".into(), what: "Jämför med de bästa".into(), ..Action::default() },
        10,
    );
    let mut right = left.clone();
    right.delete_action("x", 20);
    right
        .upsert_action(Action { id: "y".into(), target: "4.3".into(), what: "Kolada".into(), ..Action::default() }, 21);
    let m = merge(&left, &right);
    assert_eq!(m.live_actions().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["y"]);
    assert_eq!(merge(&right, &left).live_actions().count(), 1);
    // Restoring is an edit too: the restored action wins over the older deletion.
    let mut restored = right.clone();
    restored.restore_action("x", 30);
    assert_eq!(merge(&right, &restored).live_actions().count(), 2);
}
