//! The stored format: round trips, versioning and fixtures of every schema ever written.

use kommunkompass::domain::action::ActionStatus;
use kommunkompass::domain::assessment::Response;
use kommunkompass::domain::error::DecodeError;
use kommunkompass::domain::persist::{
    SCHEMA_VERSION, decode, encode, encode_pretty, is_newer_than_this_app, stored_schema,
};

use crate::support::{assessment, rubric};

#[test]
fn an_assessment_survives_encode_and_decode_unchanged() {
    let mut a = assessment("kk-2022");
    a.edit_answer("1.1.1", 5, |x| {
        x.response = Some(Response::Level(3));
        x.comment = "Kommentar med \"citat\", radbrytning\noch <b>markup</b>".into();
        x.evidence = "https://example.invalid/dok.pdf".into();
        x.target = Some(4);
    });
    a.edit_answer("2.1.1", 6, |x| x.response = Some(Response::NotApplicable));
    let text = encode(&a, "9.9.9", 42);
    let back = decode(&text).unwrap();
    assert_eq!(back.assessment, a);
    assert_eq!((back.schema, back.app_version.as_str(), back.saved_at), (SCHEMA_VERSION, "9.9.9", 42));
    assert_eq!(decode(&encode_pretty(&a, "9.9.9", 42)).unwrap().assessment, a);
}

#[test]
fn schema_1_fixture_still_loads() {
    let e = decode(include_str!("../fixtures/assessment-schema-1.json")).unwrap();
    let a = e.assessment;
    assert_eq!(a.name, "Ledningsgruppens workshop");
    assert_eq!(a.answers["1.1.1"].response, Some(Response::Level(3)));
    assert_eq!(a.answers["1.1.2"].response, Some(Response::DontKnow));
    assert_eq!(a.answers["1.1.3"].target, Some(2));
    assert_eq!(a.answers["1.1.1"].evidence, "KF 2023-05-12 § 87");
    // Every fixture answer refers to a real question.
    let r = rubric("kk-2022");
    assert!(a.answers.keys().all(|q| r.question(q).is_some()));
}

#[test]
fn schema_1_is_migrated_to_an_empty_action_plan() {
    let e = decode(include_str!("../fixtures/assessment-schema-1.json")).unwrap();
    assert_eq!(e.schema, SCHEMA_VERSION);
    assert!(e.assessment.actions.is_empty());
}

#[test]
fn schema_2_fixture_loads_with_its_action_plan() {
    let a = decode(include_str!("../fixtures/assessment-schema-2.json")).unwrap().assessment;
    assert_eq!(a.actions.len(), 2);
    assert_eq!(a.actions[0].status, ActionStatus::InProgress);
    assert_eq!(a.actions[0].goal_link, "Nämndmål: Kommunen har en effektiv och transparent styrning");
    assert_eq!(a.live_actions().count(), 1, "the deleted action is a tombstone");
}

/// A migration step applied to content that already has what the step adds (a file written by
/// a newer build but labelled with the older schema, or a step run twice) must not replace it:
/// the schema-2 fixture relabelled as schema 1 keeps its action plan through the 1 → 2 step.
#[test]
fn a_migration_step_never_replaces_what_is_already_there() {
    let v2 = include_str!("../fixtures/assessment-schema-2.json");
    let relabelled = v2.replacen("\"schema\": 2", "\"schema\": 1", 1);
    assert_ne!(relabelled, v2, "test setup: the fixture is relabelled");
    let migrated = decode(&relabelled).unwrap();
    assert_eq!(migrated.schema, SCHEMA_VERSION);
    assert_eq!(migrated.assessment, decode(v2).unwrap().assessment, "the 1 → 2 step kept the two actions");
}

/// A migrated entry, written back and read again, is read as it is (no step runs on the current
/// schema), so reading is stable.
#[test]
fn a_migrated_entry_written_back_reads_the_same() {
    let once = decode(include_str!("../fixtures/assessment-schema-1.json")).unwrap();
    let again = decode(&encode(&once.assessment, &once.app_version, once.saved_at)).unwrap();
    assert_eq!(once, again);
}

#[test]
fn a_newer_schema_is_refused_with_advice() {
    let text = include_str!("../fixtures/assessment-schema-1.json").replace("\"schema\": 1", "\"schema\": 99");
    let err = decode(&text).unwrap_err();
    assert_eq!(err, DecodeError::TooNew(99));
    assert!(err.to_string().contains("nyare version"));
}

#[test]
fn foreign_or_broken_json_is_named_as_such() {
    assert_eq!(decode("{\"hello\": 1}").unwrap_err(), DecodeError::NotOurs);
    assert_eq!(decode("[1,2]").unwrap_err(), DecodeError::NotOurs);
    let truncated = &include_str!("../fixtures/assessment-schema-1.json")[..300];
    assert!(matches!(decode(truncated).unwrap_err(), DecodeError::Syntax { .. }));
    let no_schema = include_str!("../fixtures/assessment-schema-1.json").replace("\"schema\": 1,", "");
    assert_eq!(decode(&no_schema).unwrap_err(), DecodeError::NoSchema);
}

#[test]
fn a_fully_answered_assessment_with_comments_fits_the_storage_budget() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    for (i, q) in r.questions().enumerate() {
        a.edit_answer(&q.id, 1_763_900_000_000 + i as u64, |x| {
            x.response = Some(Response::Level((i % 5) as u8));
            x.comment = "Vi har en antagen plan men uppföljningen sker bara i två av fem förvaltningar; analysen behöver utvecklas. ".repeat(2);
            x.evidence = "Kommunfullmäktige 2024-03-18 § 45, Uppföljningsrapport T2".into();
            x.target = Some(4);
        });
    }
    let bytes = encode(&a, "0.1.0", 1_763_900_000_000).len();
    assert!(bytes <= 100 * 1024, "{bytes} bytes exceeds the 100 KB budget");
}

/// Before overwriting a stored entry the app reads only its schema number: a newer version's
/// entry must never be replaced by an older tab's copy.
#[test]
fn the_schema_of_a_stored_entry_is_read_without_decoding_it() {
    let a = assessment("kk-2022");
    let now = encode(&a, "0.1.0", 1);
    assert_eq!(stored_schema(&now), Some(u64::from(SCHEMA_VERSION)));
    assert!(!is_newer_than_this_app(&now));
    let v1 = include_str!("../fixtures/assessment-schema-1.json");
    assert_eq!(stored_schema(v1), Some(1));
    assert!(!is_newer_than_this_app(v1));
    // A future schema with fields this build does not know is still recognised as newer.
    let next = SCHEMA_VERSION + 1;
    let future =
        now.replacen(&format!("\"schema\":{SCHEMA_VERSION},"), &format!("\"schema\":{next},\"new_field\":[1,2],"), 1);
    assert_eq!(stored_schema(&future), Some(u64::from(next)));
    assert!(is_newer_than_this_app(&future));
    // Not ours, or not JSON: no schema, so never "newer".
    assert_eq!(stored_schema("{\"kind\":\"annat\",\"schema\":9}"), None);
    assert_eq!(stored_schema("{ trasig"), None);
    assert!(!is_newer_than_this_app("{ trasig"));
}

#[test]
fn schema_2_opens_unchanged_and_gains_empty_schema_3_fields() {
    let text = include_str!("../fixtures/assessment-schema-2.json");
    let e = decode(text).unwrap();
    assert_eq!(e.schema, SCHEMA_VERSION);
    let a = e.assessment;
    assert!(a.answers.values().all(|x| x.items.is_empty()));
    assert!(a.priorities.subareas.is_empty() && a.preparation.evaluation_date.is_empty() && a.origin.is_none());
    // Everything schema 2 had is still there, value for value.
    let raw: serde_json::Value = serde_json::from_str(text).unwrap();
    let again: serde_json::Value = serde_json::from_str(&encode(&a, "x", 1)).unwrap();
    assert_eq!(raw["assessment"]["answers"], again["assessment"]["answers"]);
    let ids = |v: &serde_json::Value| {
        v["assessment"]["actions"].as_array().unwrap().iter().map(|x| x["id"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&raw), ids(&again));
}

#[test]
fn schema_3_fixture_keeps_evidence_priorities_preparation_and_origin() {
    use kommunkompass::domain::assessment::Origin;
    use kommunkompass::domain::evidence::{ItemKind, ItemStatus};
    let text = include_str!("../fixtures/assessment-schema-3.json");
    let a = decode(text).unwrap().assessment;
    let items = &a.answers["1.1.1"].items;
    assert_eq!(items.len(), 3);
    assert_eq!(
        (items[0].kind, items[0].status, items[0].reference.as_str()),
        (ItemKind::Document, ItemStatus::Exists, "KS 2023/145")
    );
    assert_eq!(a.answers["1.1.1"].live_items().count(), 2, "the deleted item is a tombstone");
    assert_eq!(a.priorities.subareas, ["1.3", "5.4"]);
    assert_eq!(a.preparation.evaluation_date, "2027-03-18");
    assert!(a.preparation.web_checks["politiker-kontakt"].done);
    assert_eq!(a.origin, Some(Origin::Workshop { workshop: "w-1".into(), participants: 5 }));
    assert_eq!(decode(&encode(&a, "x", 1)).unwrap().assessment, a);
    let r = rubric("kk-2022");
    assert!(kommunkompass::domain::import::validate_import(text.as_bytes(), std::slice::from_ref(r)).is_ok());
}
