//! Every change to an assessment is an [`Edit`]: applying one stamps the time on what changed, and
//! an edit that changes nothing stamps nothing (so it never wins over another tab's real change).

use kommunkompass::domain::action::{Action, ActionStatus};
use kommunkompass::domain::assessment::{ActionField, Edit, Response};

use crate::support::assessment;

#[test]
fn each_answer_field_is_set_and_stamped() {
    let mut a = assessment("kk-2022");
    let q = || "1.1.1".to_string();
    assert!(a.apply(Edit::Response { question: q(), response: Some(Response::Level(3)) }, 10));
    assert!(a.apply(Edit::Comment { question: q(), text: "Beslut i KF".into() }, 11));
    assert!(a.apply(Edit::Evidence { question: q(), text: "KF § 12".into() }, 12));
    assert!(a.apply(Edit::Target { question: q(), level: Some(4) }, 13));
    let x = &a.answers["1.1.1"];
    assert_eq!(
        (x.response, x.comment.as_str(), x.evidence.as_str(), x.target, x.changed_at),
        (Some(Response::Level(3)), "Beslut i KF", "KF § 12", Some(4), 13)
    );
    assert_eq!(a.updated_at, a.created_at.max(13));
}

#[test]
fn an_edit_that_changes_nothing_stamps_nothing() {
    let mut a = assessment("kk-2022");
    a.apply(Edit::Comment { question: "1.1.1".into(), text: "Samma".into() }, 10);
    assert!(!a.apply(Edit::Comment { question: "1.1.1".into(), text: "Samma".into() }, 20));
    assert_eq!(a.answers["1.1.1"].changed_at, 10);
    // Clearing what was never set adds no entry.
    assert!(!a.apply(Edit::Response { question: "1.1.2".into(), response: None }, 30));
    assert!(!a.answers.contains_key("1.1.2"));
    assert!(!a.apply(Edit::DeleteAction("finns-inte".into()), 40));
    let name = a.name.clone();
    let municipality = a.municipality.clone();
    assert!(!a.apply(Edit::Meta { name, municipality }, 50));
}

#[test]
fn clearing_an_answer_keeps_a_stamped_blank_entry() {
    let mut a = assessment("kk-2022");
    a.apply(Edit::Response { question: "1.1.1".into(), response: Some(Response::Level(2)) }, 10);
    assert!(a.apply(Edit::Response { question: "1.1.1".into(), response: None }, 20));
    assert!(a.answers["1.1.1"].is_blank());
    assert_eq!(a.answers["1.1.1"].changed_at, 20, "the clearing wins over an older copy");
}

#[test]
fn action_fields_are_edited_one_at_a_time_and_deletion_is_a_tombstone() {
    let mut a = assessment("kk-2022");
    a.apply(Edit::UpsertAction(Action { id: "x".into(), target: "4".into(), ..Action::default() }), 10);
    for (field, at) in [
        (ActionField::What("Jämför med Kolada".into()), 11),
        (ActionField::Who("Ekonomichef".into()), 12),
        (ActionField::Due("2026-06-30".into()), 13),
        (ActionField::GoalLink("Nämndmål 2".into()), 14),
        (ActionField::Target("4.3".into()), 15),
        (ActionField::Status(ActionStatus::InProgress), 16),
    ] {
        assert!(a.apply(Edit::ActionField { action: "x".into(), field }, at));
    }
    let x = a.action("x").unwrap();
    assert_eq!(
        (x.what.as_str(), x.who.as_str(), x.due.as_str(), x.goal_link.as_str(), x.target.as_str(), x.status),
        ("Jämför med Kolada", "Ekonomichef", "2026-06-30", "Nämndmål 2", "4.3", ActionStatus::InProgress)
    );
    assert_eq!(x.changed_at, 16);
    assert!(a.apply(Edit::DeleteAction("x".into()), 20));
    assert_eq!(a.live_actions().count(), 0);
    assert_eq!(a.actions.len(), 1, "kept as a tombstone");
    assert!(a.apply(Edit::RestoreAction("x".into()), 30));
    assert_eq!(a.live_actions().count(), 1);
}

#[test]
fn an_edit_names_the_part_it_changes() {
    use kommunkompass::domain::assessment::Part;
    let answer = Part::Answer("1.1.1".into());
    assert_eq!(Edit::Comment { question: "1.1.1".into(), text: String::new() }.part(), answer);
    assert_eq!(Edit::Target { question: "1.1.1".into(), level: None }.part(), answer);
    assert_eq!(Edit::DeleteAction("x".into()).part(), Part::Action("x".into()));
    let upsert = Edit::UpsertAction(Action { id: "y".into(), ..Action::default() });
    assert_eq!(upsert.part(), Part::Action("y".into()));
    assert_eq!(Edit::Meta { name: String::new(), municipality: String::new() }.part(), Part::Meta);
}

#[test]
fn typing_edits_are_told_apart_from_choices() {
    let q = || "1.1.1".to_string();
    assert!(Edit::Comment { question: q(), text: String::new() }.is_typing());
    assert!(Edit::Evidence { question: q(), text: String::new() }.is_typing());
    assert!(Edit::ActionField { action: "x".into(), field: ActionField::Due(String::new()) }.is_typing());
    assert!(!Edit::ActionField { action: "x".into(), field: ActionField::Status(ActionStatus::Done) }.is_typing());
    assert!(!Edit::Response { question: q(), response: None }.is_typing());
    assert!(!Edit::Target { question: q(), level: None }.is_typing());
}

#[test]
fn an_action_belongs_to_its_area_and_the_areas_sub_areas_only() {
    let action = |target: &str| Action { target: target.into(), ..Action::default() };
    assert!(action("3").is_for_area("3"));
    assert!(action("3.5").is_for_area("3"));
    assert!(!action("35").is_for_area("3"));
    assert!(!action("4.1").is_for_area("3"));
    assert!(!action("3.").is_for_area("3"));
}

#[test]
fn schema_3_edits_merge_per_item_and_per_check() {
    use kommunkompass::domain::assessment::Edit;
    use kommunkompass::domain::evidence::{EvidenceItem, ItemKind};
    use kommunkompass::domain::merge::merge;
    let base = crate::support::assessment("kk-2022");
    let doc = |id: &str, title: &str| EvidenceItem {
        id: id.into(),
        kind: ItemKind::Document,
        title: title.into(),
        ..EvidenceItem::default()
    };
    let mut left = base.clone();
    let mut right = base.clone();
    assert!(left.apply(Edit::UpsertItem { question: "1.1.1".into(), item: doc("a", "Demokratiprogram") }, 10));
    assert!(right.apply(Edit::UpsertItem { question: "1.1.1".into(), item: doc("b", "Kommunikationspolicy") }, 11));
    assert!(right.apply(
        Edit::Response {
            question: "1.1.1".into(),
            response: Some(kommunkompass::domain::assessment::Response::Level(3))
        },
        12
    ));
    assert!(left.apply(Edit::WebCheck { check: "politiker-kontakt".into(), done: true }, 13));
    assert!(right.apply(Edit::WebCheck { check: "skattepengar".into(), done: true }, 14));
    assert!(left.apply(Edit::Priorities(vec!["1.3".into()]), 15));
    assert!(right.apply(Edit::EvaluationDate("2027-03-18".into()), 16));
    assert!(!right.apply(Edit::EvaluationDate("2027-03-18".into()), 17), "the same date again changes nothing");
    let m = merge(&left, &right);
    assert!(kommunkompass::domain::merge::equivalent(&m, &merge(&right, &left)), "commutative");
    let titles: Vec<&str> = m.answers["1.1.1"].live_items().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Demokratiprogram", "Kommunikationspolicy"], "both tabs' items survive, and the answer");
    assert!(m.answers["1.1.1"].response.is_some());
    assert_eq!(m.preparation.web_checks.len(), 2);
    assert_eq!(m.priorities.subareas, ["1.3"]);
    assert_eq!(m.preparation.evaluation_date, "2027-03-18");
    // Deleting an item in one tab wins over the older copy in the other.
    let mut deleted = m.clone();
    assert!(deleted.apply(Edit::DeleteItem { question: "1.1.1".into(), item: "a".into() }, 20));
    let again = merge(&m, &deleted);
    assert_eq!(again.answers["1.1.1"].live_items().count(), 1);
}

#[test]
fn an_answer_to_a_retired_question_can_be_taken_over_by_its_replacement() {
    use kommunkompass::domain::assessment::{Edit, Response};
    let r = crate::support::rubric("kk-2022");
    let old = r.retired.iter().find(|x| !x.replaced_by.is_empty()).unwrap();
    let mut a = crate::support::assessment("kk-2022");
    a.edit_answer(&old.id, 5, |x| {
        x.response = Some(Response::Level(2));
        x.comment = "Från den gamla frågan".into();
    });
    let to = old.replaced_by[0].clone();
    assert!(a.apply(Edit::AdoptRetired { from: old.id.clone(), to: to.clone() }, 9));
    assert_eq!(a.answers[&to].response, Some(Response::Level(2)));
    assert_eq!(a.answers[&to].comment, "Från den gamla frågan");
    assert_eq!(a.answers[&to].changed_at, 9);
    assert!(a.answers.contains_key(&old.id), "the retired answer is kept");
    assert!(!a.apply(Edit::AdoptRetired { from: old.id.clone(), to }, 10), "taking it over twice changes nothing");
}
