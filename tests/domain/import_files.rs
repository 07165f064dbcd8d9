//! Opening files: every rejection is specific and in Swedish, and nothing hostile slips through
//! as anything but text.

use kommunkompass::domain::error::{DecodeError, ImportError};
use kommunkompass::domain::import::{MAX_FILE_BYTES, validate_import};

use crate::support::catalog;

const GOOD: &str = include_str!("../fixtures/assessment-schema-1.json");

fn import(text: &str) -> Result<kommunkompass::domain::assessment::Assessment, ImportError> {
    validate_import(text.as_bytes(), &catalog().rubrics)
}

#[test]
fn a_saved_file_is_accepted() {
    let a = import(GOOD).unwrap();
    assert_eq!(a.answers.len(), 4);
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    assert!(import(&format!("\u{feff}{GOOD}")).is_ok());
}

#[test]
fn malformed_and_truncated_files_are_rejected() {
    assert!(matches!(import("not json at all"), Err(ImportError::Decode(DecodeError::Syntax { .. }))));
    assert!(matches!(import(&GOOD[..GOOD.len() / 2]), Err(ImportError::Decode(DecodeError::Syntax { .. }))));
    assert!(matches!(import(""), Err(ImportError::Decode(DecodeError::Syntax { .. }))));
    let msg = import("{").unwrap_err().to_string();
    assert!(msg.contains("rad 1"), "{msg}");
}

#[test]
fn oversized_and_binary_files_are_rejected() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(validate_import(&big, &catalog().rubrics), Err(ImportError::TooLarge { .. })));
    assert_eq!(validate_import(&[0xff, 0xfe, 0x00], &catalog().rubrics).unwrap_err(), ImportError::NotText);
}

#[test]
fn wrong_versions_and_unknown_content_are_rejected() {
    assert_eq!(
        import(&GOOD.replace("\"schema\": 1", "\"schema\": 7")).unwrap_err(),
        ImportError::Decode(DecodeError::TooNew(7))
    );
    assert_eq!(
        import(&GOOD.replace("\"kk-2022\"", "\"kk-1999\"")).unwrap_err(),
        ImportError::UnknownRubric("kk-1999".into())
    );
    assert_eq!(
        import(&GOOD.replace("\"3.5.1\"", "\"3.5.9\"")).unwrap_err(),
        ImportError::UnknownQuestion("3.5.9".into())
    );
    assert_eq!(
        import(&GOOD.replace("{ \"level\": 4 }", "{ \"level\": 9 }")).unwrap_err(),
        ImportError::LevelOutOfRange { question: "3.5.1".into(), value: 9 }
    );
    assert!(matches!(
        import(&GOOD.replace("\"target\": 2", "\"target\": 200")),
        Err(ImportError::LevelOutOfRange { .. })
    ));
    assert!(matches!(
        import(&GOOD.replace("{ \"level\": 3 }", "{ \"level\": -1 }")),
        Err(ImportError::Decode(DecodeError::Shape { .. }))
    ));
    assert_eq!(import(&GOOD.replace("\"Ledningsgruppens workshop\"", "\"  \"")).unwrap_err(), ImportError::NoName);
    assert_eq!(import("{\"kind\": \"something-else\"}").unwrap_err(), ImportError::Decode(DecodeError::NotOurs));
}

#[test]
fn overlong_text_is_rejected() {
    let long = "x".repeat(20_001);
    let text = GOOD.replace("Demokratistrategi antagen 2023", &long);
    assert!(matches!(import(&text), Err(ImportError::TooLong { .. })));
}

#[test]
fn markup_and_script_in_text_fields_stay_plain_text() {
    let hostile = "<img src=x onerror=alert(1)><script>alert('x')</script>";
    let text = GOOD.replace("Demokratistrategi antagen 2023", &hostile.replace('"', "\\\""));
    let a = import(&text).unwrap();
    assert_eq!(a.answers["1.1.1"].comment, hostile, "kept verbatim; the UI renders it as text");
}

#[test]
fn every_rejection_reads_as_swedish() {
    let errors = [
        import("nope").unwrap_err(),
        import(&GOOD.replace("\"kk-2022\"", "\"kk-1999\"")).unwrap_err(),
        validate_import(&vec![b' '; MAX_FILE_BYTES + 1], &catalog().rubrics).unwrap_err(),
    ];
    for e in errors {
        let text = e.to_string();
        assert!(text.contains("filen") || text.contains("innehållet"), "{text}");
    }
}

/// Every rejection says that nothing changed and what to do next.
#[test]
fn every_rejection_says_what_to_do() {
    let good2 = include_str!("../fixtures/assessment-schema-2.json");
    let rejections = [
        import("nope"),
        import("{\"kind\": \"annat\"}"),
        import(&GOOD.replace("\"schema\": 1", "\"schema\": 7")),
        import(&GOOD.replace("\"schema\": 1", "\"schema\": 0")),
        import(&GOOD.replace("\"kk-2022\"", "\"kk-1999\"")),
        import(&GOOD.replace("\"3.5.1\"", "\"3.5.9\"")),
        import(&GOOD.replace("{ \"level\": 4 }", "{ \"level\": 9 }")),
        import(&GOOD.replace("\"Ledningsgruppens workshop\"", "\"  \"")),
        import(&GOOD.replace("1763800000000", "\"igår\"")),
        import(&good2.replace("\"target\": \"3.3\"", "\"target\": \"9.9\"")),
        validate_import(&vec![b' '; MAX_FILE_BYTES + 1], &catalog().rubrics),
        validate_import(&[0xff, 0xfe, 0x00], &catalog().rubrics),
    ];
    for rejection in rejections {
        let message = rejection.unwrap_err().message();
        assert!(message.starts_with("Filen kunde inte öppnas: "), "{message}");
        assert!(message.contains("Ingenting har ändrats."), "{message}");
        let advice = ["Välj en fil", "välj en fil", "Ladda om sidan", "ladda om sidan"];
        assert!(advice.iter().any(|a| message.contains(a)), "says what to do: {message}");
    }
}

/// The action plan in a file is read whole (tombstones included) and every action is checked:
/// its target, each text's length, the number of actions, and its status.
#[test]
fn every_action_in_a_file_is_checked() {
    use kommunkompass::domain::import::{MAX_ACTIONS, MAX_TEXT_CHARS};
    use serde_json::{Value, json};
    let good = include_str!("../fixtures/assessment-schema-2.json");
    let actions = import(good).unwrap().actions;
    assert_eq!(
        actions.iter().map(|a| (a.id.as_str(), a.deleted)).collect::<Vec<_>>(),
        [("act-1", false), ("act-2", true)]
    );
    assert_eq!(actions[0].who, "Ekonomichef");

    let with = |change: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(good).unwrap();
        change(&mut v["assessment"]["actions"]);
        serde_json::to_string(&v).unwrap()
    };
    assert_eq!(
        import(&with(&|a| a[0]["target"] = json!("9.9"))).unwrap_err(),
        ImportError::UnknownActionTarget("9.9".into())
    );
    assert_eq!(
        import(&with(&|a| a[0]["target"] = json!("3.3.1"))).unwrap_err(),
        ImportError::UnknownActionTarget("3.3.1".into())
    );
    let long = json!("x".repeat(MAX_TEXT_CHARS + 1));
    for field in ["what", "who", "due", "goal_link"] {
        let err = import(&with(&|a| a[0][field] = long.clone())).unwrap_err();
        assert!(matches!(err, ImportError::TooLong { .. }), "{field}: {err:?}");
    }
    let many = with(&|a| {
        *a = json!((0..=MAX_ACTIONS).map(|i| json!({"id": format!("a{i}"), "target": "4"})).collect::<Vec<_>>())
    });
    assert_eq!(import(&many).unwrap_err(), ImportError::TooManyActions(MAX_ACTIONS));
    assert!(matches!(
        import(&with(&|a| a[0]["status"] = json!("kanske"))).unwrap_err(),
        ImportError::Decode(DecodeError::Shape { .. })
    ));
}

#[test]
fn one_size_limit_applies_before_and_after_reading() {
    use kommunkompass::domain::import::check_size;
    assert!(check_size(MAX_FILE_BYTES as u64).is_ok());
    let too_large = check_size(MAX_FILE_BYTES as u64 + 1).unwrap_err();
    let before = ImportError::from(too_large);
    let after = validate_import(&vec![b' '; MAX_FILE_BYTES + 1], &catalog().rubrics).unwrap_err();
    assert_eq!(before, after, "the size the browser reports and the bytes read give the same message");
}

/// A file with the wrong shape is described in Swedish — which field, what was found, what should
/// be there, and where in the file — never in serde's English.
#[test]
fn shape_problems_are_explained_in_swedish_with_their_place_in_the_file() {
    use serde_json::{Value, json};
    const CURRENT: &str = include_str!("../fixtures/assessment-schema-3.json");
    let with = |change: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(CURRENT).unwrap();
        change(&mut v["assessment"]);
        serde_json::to_string_pretty(&v).unwrap()
    };
    type Change = dyn Fn(&mut Value);
    let cases: [(&Change, &str); 6] = [
        (&|a| a["created_at"] = json!("igår"), "texten ”igår” står där det ska vara ett heltal"),
        (&|a| drop(a.as_object_mut().unwrap().remove("name")), "fältet ”name” saknas"),
        (&|a| a["actions"][0]["status"] = json!("kanske"), "värdet ”kanske” är inte ett av de tillåtna"),
        (&|a| a["answers"]["3.3.1"]["response"] = json!("ja"), "värdet ”ja” är inte ett av de tillåtna"),
        (
            &|a| a["answers"]["3.3.1"]["response"] = json!({ "level": 300 }),
            "talet 300 är inte tillåtet där det ska vara ett heltal",
        ),
        (&|a| a["answers"] = json!([1, 2]), "en lista står där det ska vara en grupp av fält"),
    ];
    for (change, expected) in cases {
        let message = import(&with(change)).unwrap_err().to_string();
        assert!(message.contains(expected), "{message}");
        assert!(message.contains("(rad "), "the place in the file is named: {message}");
        for english in ["expected", "invalid", "missing", "unknown", "field", "variant"] {
            assert!(!message.contains(english), "no English ({english}) in: {message}");
        }
    }
    // An old file is migrated before it is read, so positions would not match the file: none given.
    let old = GOOD.replace("\"created_at\": 1763800000000", "\"created_at\": \"igår\"");
    let message = import(&old).unwrap_err().to_string();
    assert!(message.contains("texten ”igår”") && !message.contains("rad "), "{message}");
}

#[test]
fn a_file_with_a_dangerous_link_a_bad_date_or_too_many_priorities_is_refused() {
    use serde_json::{Value, json};
    const CURRENT: &str = include_str!("../fixtures/assessment-schema-3.json");
    let with = |change: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(CURRENT).unwrap();
        change(&mut v["assessment"]);
        v.to_string()
    };
    type Change = dyn Fn(&mut Value);
    let cases: [(&Change, &str); 4] = [
        (&|a| a["answers"]["1.1.1"]["items"][0]["link"] = json!("javascript:alert(1)"), "måste börja med https://"),
        (&|a| a["preparation"]["evaluation_date"] = json!("nästa vår"), "är inte ett datum"),
        (&|a| a["priorities"]["subareas"] = json!(["1.1", "1.2", "1.3", "1.4"]), "fler än 3 prioriterade"),
        (&|a| a["priorities"]["subareas"] = json!(["9.9"]), "9.9"),
    ];
    for (change, expected) in cases {
        let message = import(&with(change)).unwrap_err().to_string();
        assert!(message.contains(expected), "{message}");
    }
}
