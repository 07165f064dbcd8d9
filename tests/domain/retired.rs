//! Questions taken out of the current version: their ids are never reused, answers saved under
//! them are kept (in storage and files) and shown beside their replacements, and never scored.

use kommunkompass::domain::assessment::Response;
use kommunkompass::domain::import::validate_import;
use kommunkompass::domain::persist;
use kommunkompass::domain::scoring::score;

use crate::support::{assessment, catalog, rubric};

#[test]
fn retired_ids_are_never_live_and_their_replacements_exist() {
    let r = rubric("kk-2022");
    assert!(!r.retired.is_empty());
    for old in &r.retired {
        assert!(r.question(&old.id).is_none(), "{} is retired and asked", old.id);
        assert!(old.id.starts_with(&format!("{}.", old.subarea)), "{}", old.id);
        assert!(!old.note.trim().is_empty() && !old.text.trim().is_empty(), "{}", old.id);
        for new in &old.replaced_by {
            assert!(r.question(new).is_some(), "{} → {new} missing", old.id);
            assert!(r.replaced_by(new).any(|x| x.id == old.id));
        }
    }
}

#[test]
fn an_answer_to_a_retired_question_is_kept_through_a_file_and_not_scored() {
    let r = rubric("kk-2022");
    let old = &r.retired[0];
    let mut a = assessment("kk-2022");
    a.edit_answer(&old.id, 1, |x| {
        x.response = Some(Response::Level(4));
        x.comment = "Svar från före ändringen".into();
    });
    let text = persist::encode(&a, "test", 2);
    let back = validate_import(text.as_bytes(), &catalog().rubrics).expect("a file with a retired answer opens");
    let kept = back.answers.get(&old.id).expect("the retired answer is kept");
    assert_eq!(kept.response, Some(Response::Level(4)));
    assert_eq!(kept.comment, "Svar från före ändringen");
    let s = score(r, &back.answers);
    assert_eq!(s.total, 0.0, "a retired answer earns nothing");
    assert_eq!(s.completeness.answered, 0);
}

#[test]
fn an_unknown_question_id_is_still_refused() {
    let mut a = assessment("kk-2022");
    a.edit_answer("1.1.99", 1, |x| x.response = Some(Response::Level(1)));
    let text = persist::encode(&a, "test", 2);
    assert!(validate_import(text.as_bytes(), &catalog().rubrics).is_err());
}
