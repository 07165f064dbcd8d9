//! What happens when another tab's stored copy arrives, and when a save may overwrite an entry:
//! every case the end-to-end storage and file tests drive through a browser, decided natively.

use kommunkompass::domain::action::Action;
use kommunkompass::domain::assessment::{Assessment, Edit, Response};
use kommunkompass::domain::error::DecodeError;
use kommunkompass::domain::merge::equivalent;
use kommunkompass::domain::persist::{SCHEMA_VERSION, encode};
use kommunkompass::domain::sync::{Arrival, arrival, may_overwrite};

use crate::support::assessment;

fn answered(base: &Assessment, question: &str, level: u8, at: u64) -> Assessment {
    let mut a = base.clone();
    a.apply(Edit::Response { question: question.into(), response: Some(Response::Level(level)) }, at);
    a
}

fn stored(a: &Assessment) -> String {
    encode(a, "test", 1)
}

#[test]
fn nothing_here_and_nothing_stored_is_nothing_to_do() {
    assert_eq!(arrival(None, None), Arrival::Ignore);
}

#[test]
fn an_entry_removed_in_another_tab_is_removed_here() {
    assert_eq!(arrival(Some(&assessment("kk-2022")), None), Arrival::Removed);
}

#[test]
fn a_new_assessment_from_another_tab_is_taken_as_it_is() {
    let theirs = answered(&assessment("kk-2022"), "1.1.1", 3, 10);
    assert_eq!(arrival(None, Some(&stored(&theirs))), Arrival::Adopt(theirs));
}

#[test]
fn the_same_copy_again_changes_nothing() {
    let ours = answered(&assessment("kk-2022"), "1.1.1", 3, 10);
    assert_eq!(arrival(Some(&ours), Some(&stored(&ours))), Arrival::Ignore);
}

/// storage.test.mjs "two tabs on one assessment": a tab that saw every earlier change receives the
/// other tab's next answer.
#[test]
fn a_copy_with_everything_ours_has_and_more_is_adopted_without_writing_back() {
    let ours = answered(&assessment("kk-2022"), "1.1.1", 3, 10);
    let theirs = answered(&ours, "1.1.2", 2, 20);
    assert_eq!(arrival(Some(&ours), Some(&stored(&theirs))), Arrival::Adopt(theirs));
}

/// storage.test.mjs "two tabs answering at the same moment": each tab wrote before it saw the
/// other's write, so storage holds only one of the two answers.
#[test]
fn edits_both_tabs_made_at_once_are_merged_and_the_union_written_back() {
    let base = assessment("kk-2022");
    let ours = answered(&base, "1.1.1", 3, 10);
    let theirs = answered(&base, "1.1.2", 2, 10);
    let Arrival::AdoptAndWriteBack(union) = arrival(Some(&ours), Some(&stored(&theirs))) else {
        panic!("the union must be written back")
    };
    assert_eq!(union.answers["1.1.1"].response, Some(Response::Level(3)));
    assert_eq!(union.answers["1.1.2"].response, Some(Response::Level(2)));
}

/// A stale copy overwrote ours in storage (it was written from a tab that had not seen our last
/// answer): ours already holds everything, but storage does not, so ours is written back.
#[test]
fn a_stale_copy_in_storage_is_repaired_even_when_ours_already_has_everything() {
    let older = answered(&assessment("kk-2022"), "1.1.1", 3, 10);
    let ours = answered(&older, "1.1.2", 2, 20);
    match arrival(Some(&ours), Some(&stored(&older))) {
        Arrival::AdoptAndWriteBack(union) => assert!(equivalent(&union, &ours)),
        other => panic!("storage lacks 1.1.2 and must get it back: {other:?}"),
    }
}

/// storage.test.mjs "a newer app version in another tab": never decoded, merged or overwritten.
#[test]
fn a_copy_written_by_a_newer_version_is_refused_whether_or_not_we_have_it() {
    let text = stored(&assessment("kk-2022")).replacen(&format!("\"schema\":{SCHEMA_VERSION},"), "\"schema\":99,", 1);
    assert_eq!(arrival(Some(&assessment("kk-2022")), Some(&text)), Arrival::Newer(99));
    assert_eq!(arrival(None, Some(&text)), Arrival::Newer(99));
}

/// storage.test.mjs "a damaged stored entry": left alone, ours kept.
#[test]
fn a_damaged_copy_is_reported_and_ours_is_kept() {
    let garbage = r#"{"kind":"kommunkompass-bedomning","schema":1,"assessment":{"id":"a1","name":"Halv"#;
    assert!(matches!(
        arrival(Some(&assessment("kk-2022")), Some(garbage)),
        Arrival::Unreadable(DecodeError::Syntax { .. })
    ));
    assert_eq!(arrival(None, Some("{\"annat\":1}")), Arrival::Unreadable(DecodeError::NotOurs));
}

/// storage.test.mjs "an app upgrade": a first-version entry arriving is migrated like one loaded.
#[test]
fn a_copy_in_the_first_schema_is_migrated_and_adopted() {
    let v1 = include_str!("../fixtures/assessment-schema-1.json");
    let Arrival::Adopt(a) = arrival(None, Some(v1)) else { panic!("a schema 1 entry is readable") };
    assert_eq!(a.answers["1.1.1"].response, Some(Response::Level(3)));
    assert!(a.actions.is_empty());
}

/// Two tabs that saw actions in a different order hold the same plan: nothing to write, and so no
/// endless writing back and forth.
#[test]
fn the_order_in_which_a_tab_saw_actions_is_not_a_difference() {
    let mut ours = assessment("kk-2022");
    let x = Action { id: "x".into(), target: "4".into(), ..Action::default() };
    let y = Action { id: "y".into(), target: "4".into(), ..Action::default() };
    ours.apply(Edit::UpsertAction(x), 10);
    ours.apply(Edit::UpsertAction(y), 11);
    let mut theirs = ours.clone();
    theirs.actions.reverse();
    assert_eq!(arrival(Some(&ours), Some(&stored(&theirs))), Arrival::Ignore);
}

#[test]
fn files_test_merge_by_file_keeps_both_computers_answers() {
    // files.test.mjs "work carried to another computer and back": A answered 1.1.1, B (from A's
    // file) 1.1.2, A meanwhile 1.1.3; merging B's file on A keeps all three.
    let a0 = answered(&assessment("kk-2022"), "1.1.1", 2, 10);
    let b = answered(&a0, "1.1.2", 4, 20);
    let a1 = answered(&a0, "1.1.3", 3, 30);
    let m = kommunkompass::domain::merge::merge(&a1, &b);
    for (q, level) in [("1.1.1", 2), ("1.1.2", 4), ("1.1.3", 3)] {
        assert_eq!(m.answers[q].response, Some(Response::Level(level)), "{q}");
    }
}

#[test]
fn a_save_may_overwrite_entries_of_this_version_or_older_never_newer() {
    assert!(may_overwrite(None));
    assert!(may_overwrite(Some(1)));
    assert!(may_overwrite(Some(u64::from(SCHEMA_VERSION))));
    assert!(!may_overwrite(Some(u64::from(SCHEMA_VERSION) + 1)));
}
