//! The workspace behind the app's one door, driven natively: two workspaces on one shared
//! [`MemoryStore`] are two browser tabs. Merging on storage events, writing back, refusing to
//! overwrite a newer version, full and disabled storage, undo, opening files, and typing that is
//! saved a moment later: none of it may lose an answer.

use kommunkompass::domain::action::Action;
use kommunkompass::domain::assessment::{Assessment, Edit, Response};
use kommunkompass::domain::error::DecodeError;
use kommunkompass::domain::merge::equivalent;
use kommunkompass::domain::persist::{self, SCHEMA_VERSION};
use kommunkompass::domain::reference::Reference;
use kommunkompass::workspace::{
    Change, MemoryStore, Mode, Notice, SHOW_LEVELS_KEY, Save, SaveError, SaveStatus, Store, Workspace, key_for,
};
use proptest::prelude::*;

use crate::support::{assessment, deliver, settle};

type Tab = Workspace<MemoryStore>;

const ID: &str = "a1";

fn new_tab(store: &MemoryStore) -> Tab {
    Workspace::load(store.clone())
}

/// A browser with one tab that holds assessment [`ID`].
fn browser() -> (MemoryStore, Tab) {
    let store = MemoryStore::new();
    let mut tab = new_tab(&store);
    tab.apply(Change::Create(assessment("kk-2022")), 1);
    (store, tab)
}

fn respond(q: &str, level: u8) -> Change {
    Change::Edit {
        id: ID.into(),
        edit: Edit::Response { question: q.into(), response: Some(Response::Level(level)) },
        save: Save::Now,
    }
}

fn type_comment(q: &str, text: &str) -> Change {
    Change::Edit { id: ID.into(), edit: Edit::Comment { question: q.into(), text: text.into() }, save: Save::Later }
}

/// The assessment as stored, decoded.
fn stored(store: &MemoryStore, id: &str) -> Option<Assessment> {
    store.peek(&key_for(id)).map(|t| persist::decode(&t).expect("stored entries are readable").assessment)
}

fn level_of(a: &Assessment, q: &str) -> Option<Response> {
    a.answers.get(q).and_then(|x| x.response)
}

fn future(a: &Assessment) -> String {
    persist::encode(a, "9.9.9", 5).replacen(&format!("\"schema\":{SCHEMA_VERSION},"), "\"schema\":99,", 1)
}

// --- two tabs ---------------------------------------------------------------------------------

#[test]
fn two_tabs_see_each_others_answers_and_storage_holds_both() {
    let (store, mut one) = browser();
    let mut two = new_tab(&store.second_tab());
    one.apply(respond("1.1.1", 3), 10);
    deliver(&mut two, 11);
    assert_eq!(level_of(two.assessment(ID).unwrap(), "1.1.1"), Some(Response::Level(3)));
    two.apply(respond("1.1.2", 2), 12);
    deliver(&mut one, 13);
    for tab in [&one, &two] {
        let a = tab.assessment(ID).unwrap();
        assert_eq!((level_of(a, "1.1.1"), level_of(a, "1.1.2")), (Some(Response::Level(3)), Some(Response::Level(2))));
    }
    assert!(matches!(one.notice(), Some(Notice::MergedFromOtherTab(_))));
    assert!(equivalent(&stored(&store, ID).unwrap(), one.assessment(ID).unwrap()));
}

#[test]
fn answers_given_at_the_same_moment_in_two_tabs_are_all_kept() {
    let (store, mut one) = browser();
    let mut two = new_tab(&store.second_tab());
    // Both write before either has seen the other's write: storage holds only the second.
    one.apply(respond("1.1.1", 3), 10);
    two.apply(respond("1.1.2", 2), 10);
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.1"), None, "the race really happened");
    settle(&mut [&mut one, &mut two], 11);
    let kept = stored(&store, ID).unwrap();
    assert_eq!(
        (level_of(&kept, "1.1.1"), level_of(&kept, "1.1.2")),
        (Some(Response::Level(3)), Some(Response::Level(2)))
    );
    assert!(equivalent(one.assessment(ID).unwrap(), &kept));
    assert!(equivalent(two.assessment(ID).unwrap(), &kept));
}

#[test]
fn an_assessment_deleted_in_another_tab_goes_here_too_with_a_notice() {
    let (store, mut one) = browser();
    let mut two = new_tab(&store.second_tab());
    one.apply(Change::Delete(ID.into()), 10);
    deliver(&mut two, 11);
    assert!(two.assessment(ID).is_none());
    assert_eq!(two.notice(), Some(&Notice::DeletedInOtherTab("Workshop".into())));
}

#[test]
fn a_new_assessment_in_another_tab_appears_here() {
    let store = MemoryStore::new();
    let mut one = new_tab(&store);
    let mut two = new_tab(&store.second_tab());
    one.apply(Change::Create(assessment("kk-2022")), 1);
    deliver(&mut two, 2);
    assert_eq!(two.count(), 1);
    assert_eq!(two.notice(), None, "nothing merged, nothing to say");
}

// --- a newer version of the app -------------------------------------------------------------

#[test]
fn a_newer_version_saving_in_another_tab_stops_this_tab_from_overwriting_it() {
    let (store, mut one) = browser();
    one.apply(respond("1.1.1", 3), 10);
    let newer = future(one.assessment(ID).unwrap());
    store.write_elsewhere(&key_for(ID), Some(&newer));
    deliver(&mut one, 11);
    assert_eq!(one.warning(), Some(SaveError::NewerVersion), "the tab says so at once");

    one.apply(respond("1.1.2", 2), 12);
    one.apply(type_comment("1.1.2", "Skrivet här"), 13);
    one.apply(Change::Flush, 14);
    assert_eq!(store.peek(&key_for(ID)).as_deref(), Some(newer.as_str()), "the newer entry is untouched");
    assert_eq!(one.warning(), Some(SaveError::NewerVersion));
    // "Spara som fil" still carries this tab's answers out.
    let out = one.to_save_as_files();
    assert_eq!(level_of(out[0], "1.1.2"), Some(Response::Level(2)));
    assert_eq!(out[0].answers["1.1.2"].comment, "Skrivet här");
}

#[test]
fn an_entry_of_a_newer_version_is_listed_and_never_overwritten_not_even_by_a_file_with_its_id() {
    let store = MemoryStore::new();
    let a = assessment("kk-2022");
    let newer = future(&a);
    store.write_elsewhere(&key_for(ID), Some(&newer));
    let mut tab = new_tab(&store);
    assert_eq!(tab.unreadable().len(), 1);
    assert_eq!(tab.unreadable()[0].reason, DecodeError::TooNew(99));
    tab.apply(Change::Import { assessment: a, fresh_id: "ny".into() }, 10);
    assert_eq!(store.peek(&key_for(ID)).as_deref(), Some(newer.as_str()));
    assert!(tab.assessment("ny").is_some(), "the file is added under a new id");
    assert!(matches!(tab.notice(), Some(Notice::Imported(_))));
}

// --- full and disabled storage -----------------------------------------------------------

#[test]
fn with_full_storage_answering_works_in_memory_and_retry_writes_everything() {
    let (store, mut tab) = browser();
    store.set_mode(Mode::Full);
    tab.apply(respond("1.1.1", 3), 10);
    tab.apply(type_comment("1.1.1", "Bara i minnet"), 11);
    tab.apply(Change::Flush, 12);
    assert_eq!(tab.warning(), Some(SaveError::Full));
    assert_eq!(level_of(tab.assessment(ID).unwrap(), "1.1.1"), Some(Response::Level(3)));
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.1"), None, "nothing reached storage");
    assert!(tab.has_unsaved());

    store.set_mode(Mode::Working);
    tab.apply(Change::Retry, 20);
    assert_eq!(tab.warning(), None);
    assert_eq!(tab.status(), &SaveStatus::Saved(20));
    let kept = stored(&store, ID).unwrap();
    assert_eq!(level_of(&kept, "1.1.1"), Some(Response::Level(3)));
    assert_eq!(kept.answers["1.1.1"].comment, "Bara i minnet");
    assert!(!tab.has_unsaved());
}

#[test]
fn with_storage_switched_off_the_tab_warns_from_the_start_and_still_works() {
    let store = MemoryStore::new();
    store.set_mode(Mode::Disabled);
    let mut tab = new_tab(&store);
    assert_eq!(tab.warning(), Some(SaveError::Unavailable), "warned before anything is saved");
    tab.apply(Change::Create(assessment("kk-2022")), 1);
    tab.apply(respond("1.1.1", 4), 2);
    assert_eq!(level_of(tab.assessment(ID).unwrap(), "1.1.1"), Some(Response::Level(4)));
    assert_eq!(tab.warning(), Some(SaveError::Unavailable));
    assert_eq!(level_of(tab.to_save_as_files()[0], "1.1.1"), Some(Response::Level(4)));
    // Allowed later: "Försök spara igen" writes what was made meanwhile.
    store.set_mode(Mode::Working);
    tab.apply(Change::Retry, 3);
    assert_eq!(tab.warning(), None);
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.1"), Some(Response::Level(4)));
}

#[test]
fn retry_with_nothing_unsaved_clears_an_old_failure() {
    let store = MemoryStore::new();
    store.set_mode(Mode::Disabled);
    let mut tab = new_tab(&store);
    store.set_mode(Mode::Working);
    tab.apply(Change::Retry, 1);
    assert_eq!(tab.warning(), None);
    assert_eq!(tab.status(), &SaveStatus::Idle);
}

// --- typing: saved a moment later, never lost ----------------------------------------------

#[test]
fn typing_stays_in_memory_until_a_flush_writes_it() {
    let (store, mut tab) = browser();
    let before = store.peek(&key_for(ID));
    for (i, text) in ["D", "De", "Dem", "Demokrati"].into_iter().enumerate() {
        tab.apply(type_comment("1.1.1", text), 10 + i as u64);
    }
    assert_eq!(store.peek(&key_for(ID)), before, "no write per keystroke");
    assert!(tab.has_unsaved());
    assert!(tab.apply(Change::Flush, 20));
    assert_eq!(stored(&store, ID).unwrap().answers["1.1.1"].comment, "Demokrati");
    assert!(!tab.has_unsaved());
    assert!(!tab.apply(Change::Flush, 21), "nothing left to write: nothing to redraw");
}

#[test]
fn typing_keeps_the_scoring_revision_and_choices_move_it() {
    let (_store, mut tab) = browser();
    let start = tab.scoring_revision();
    tab.apply(type_comment("1.1.1", "Text"), 10);
    tab.apply(Change::Flush, 11);
    assert_eq!(tab.scoring_revision(), start, "scores need not be computed again while typing");
    tab.apply(respond("1.1.1", 2), 12);
    assert!(tab.scoring_revision() > start);
    let after_click = tab.scoring_revision();
    tab.apply(respond("1.1.1", 2), 13);
    assert_eq!(tab.scoring_revision(), after_click, "a choice that changes nothing changes no score");
}

#[test]
fn unsaved_typing_survives_a_storage_event_from_another_tab() {
    let (store, mut one) = browser();
    let mut two = new_tab(&store.second_tab());
    one.apply(type_comment("1.1.1", "Skrivs nu"), 10);
    two.apply(respond("1.1.2", 4), 11);
    deliver(&mut one, 12);
    let a = one.assessment(ID).unwrap();
    assert_eq!(a.answers["1.1.1"].comment, "Skrivs nu", "the event did not replace what is typed");
    assert_eq!(level_of(a, "1.1.2"), Some(Response::Level(4)));
    assert_eq!(stored(&store, ID).unwrap().answers["1.1.1"].comment, "Skrivs nu", "written back with the union");
    settle(&mut [&mut one, &mut two], 13);
    assert_eq!(two.assessment(ID).unwrap().answers["1.1.1"].comment, "Skrivs nu");
}

#[test]
fn unsaved_typing_survives_a_click_elsewhere_and_a_retry() {
    let (store, mut tab) = browser();
    tab.apply(type_comment("1.1.1", "Först"), 10);
    tab.apply(respond("1.1.2", 1), 11);
    assert_eq!(stored(&store, ID).unwrap().answers["1.1.1"].comment, "Först", "a click writes the typed text too");
    assert!(!tab.has_unsaved());

    store.set_mode(Mode::Full);
    tab.apply(type_comment("1.1.1", "Först och sedan"), 12);
    tab.apply(Change::Flush, 13);
    assert!(tab.has_unsaved());
    store.set_mode(Mode::Working);
    tab.apply(Change::Retry, 14);
    assert_eq!(stored(&store, ID).unwrap().answers["1.1.1"].comment, "Först och sedan");
}

#[test]
fn clicks_and_flushes_never_read_or_parse_the_stored_entry() {
    let (store, mut tab) = browser();
    let reads = store.reads();
    for i in 0..20u8 {
        tab.apply(respond("1.1.1", i % 5), 10 + u64::from(i));
        tab.apply(type_comment("1.1.2", &format!("text {i}")), 40 + u64::from(i));
        tab.apply(Change::Flush, 70 + u64::from(i));
    }
    assert_eq!(store.reads(), reads, "saving reads nothing from storage");
}

// --- deleting, undo, files -----------------------------------------------------------------

#[test]
fn a_deleted_assessment_comes_back_with_every_answer_on_undo() {
    let (store, mut tab) = browser();
    tab.apply(respond("1.1.1", 3), 10);
    let before = stored(&store, ID).unwrap();
    tab.apply(Change::Delete(ID.into()), 11);
    assert_eq!(store.peek(&key_for(ID)), None);
    assert!(tab.notice().is_some_and(Notice::can_undo));
    tab.apply(Change::Undo, 12);
    assert!(equivalent(&stored(&store, ID).unwrap(), &before));
    assert_eq!(tab.notice(), None);
}

#[test]
fn a_deleted_action_comes_back_on_undo() {
    let (store, mut tab) = browser();
    let action = Action { id: "x".into(), target: "4".into(), what: "Jämför".into(), ..Action::default() };
    let edit = |edit| Change::Edit { id: ID.into(), edit, save: Save::Now };
    tab.apply(edit(Edit::UpsertAction(action)), 10);
    tab.apply(edit(Edit::DeleteAction("x".into())), 11);
    assert_eq!(tab.notice().map(Notice::text).as_deref(), Some("Åtgärden ”Jämför” togs bort."));
    assert_eq!(stored(&store, ID).unwrap().live_actions().count(), 0);
    tab.apply(Change::Undo, 12);
    assert_eq!(stored(&store, ID).unwrap().live_actions().count(), 1);
}

#[test]
fn a_deleted_evidence_item_comes_back_on_undo_and_the_deletion_reaches_the_other_tab() {
    use kommunkompass::domain::evidence::{EvidenceItem, ItemKind};
    let (store, mut one) = browser();
    let mut two = new_tab(&store.second_tab());
    let item = EvidenceItem {
        id: "d1".into(),
        kind: ItemKind::Document,
        title: "Budget 2025".into(),
        ..EvidenceItem::default()
    };
    let edit = |edit| Change::Edit { id: ID.into(), edit, save: Save::Now };
    one.apply(edit(Edit::UpsertItem { question: "1.1.1".into(), item }), 10);
    deliver(&mut two, 11);
    let live = |tab: &Tab| tab.assessment(ID).unwrap().answer("1.1.1").map_or(0, |a| a.live_items().count());
    assert_eq!(live(&two), 1, "the other tab has the item");
    one.apply(edit(Edit::DeleteItem { question: "1.1.1".into(), item: "d1".into() }), 12);
    assert_eq!(
        one.notice().map(Notice::text).as_deref(),
        Some("Underlaget ”Dokument: Budget 2025” togs bort från fråga 1.1.1.")
    );
    assert!(one.notice().is_some_and(Notice::can_undo));
    deliver(&mut two, 13);
    assert_eq!(live(&two), 0, "the deletion wins over the older copy");
    one.apply(Change::Undo, 14);
    assert_eq!(live(&one), 1);
    assert_eq!(stored(&store, ID).unwrap().answer("1.1.1").unwrap().live_items().count(), 1);
    deliver(&mut two, 15);
    assert_eq!(live(&two), 1, "the undo is a later change and reaches the other tab too");
}

#[test]
fn a_copy_is_independent_of_its_original() {
    let (store, mut tab) = browser();
    tab.apply(respond("1.1.1", 3), 10);
    tab.apply(Change::Duplicate { id: ID.into(), new_id: "kopia".into(), name: "Workshop (kopia)".into() }, 11);
    tab.apply(
        Change::Edit {
            id: "kopia".into(),
            edit: Edit::Response { question: "1.1.1".into(), response: Some(Response::Level(0)) },
            save: Save::Now,
        },
        12,
    );
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.1"), Some(Response::Level(3)));
    assert_eq!(level_of(&stored(&store, "kopia").unwrap(), "1.1.1"), Some(Response::Level(0)));
}

#[test]
fn a_file_of_an_assessment_here_is_merged_and_one_that_is_not_is_added() {
    let (store, mut tab) = browser();
    tab.apply(respond("1.1.3", 3), 30);
    let mut file = assessment("kk-2022");
    file.apply(Edit::Response { question: "1.1.2".into(), response: Some(Response::Level(4)) }, 20);
    tab.apply(Change::MergeFile(file.clone()), 40);
    let kept = stored(&store, ID).unwrap();
    assert_eq!(
        (level_of(&kept, "1.1.2"), level_of(&kept, "1.1.3")),
        (Some(Response::Level(4)), Some(Response::Level(3)))
    );
    assert!(matches!(tab.notice(), Some(Notice::Merged(_))));

    // "Lägg till som ny": a second assessment, the first untouched.
    tab.apply(Change::AddCopy { assessment: file.clone(), id: "ny".into() }, 41);
    assert_eq!(tab.count(), 2);
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.3"), Some(Response::Level(3)));

    // An import that races with the question is merged, never overwrites.
    tab.apply(Change::Import { assessment: file, fresh_id: "annan".into() }, 42);
    assert_eq!(level_of(&stored(&store, ID).unwrap(), "1.1.3"), Some(Response::Level(3)));
    assert_eq!(tab.count(), 2);
}

// --- loading ------------------------------------------------------------------------------

#[test]
fn a_damaged_entry_is_listed_kept_byte_identical_and_never_written() {
    let store = MemoryStore::new();
    let garbage = r#"{"kind":"kommunkompass-bedomning","schema":1,"assessment":{"id":"broken","name":"Halv"#;
    store.write_elsewhere("kommunkompass.bedomning.broken", Some(garbage));
    store.write_elsewhere(&key_for(ID), Some(&persist::encode(&assessment("kk-2022"), "0.1.0", 1)));
    let mut tab = new_tab(&store);
    assert_eq!(tab.count(), 1);
    assert_eq!(tab.unreadable().len(), 1);
    assert_eq!(tab.unreadable()[0].raw, garbage);
    assert!(matches!(tab.unreadable()[0].reason, DecodeError::Syntax { .. }));
    tab.apply(respond("1.1.2", 4), 10);
    // A file with the damaged entry's id is added under a new one.
    let mut file = assessment("kk-2022");
    file.id = "broken".into();
    tab.apply(Change::Import { assessment: file, fresh_id: "ny".into() }, 11);
    assert_eq!(store.peek("kommunkompass.bedomning.broken").as_deref(), Some(garbage));
    tab.apply(Change::RemoveUnreadable("kommunkompass.bedomning.broken".into()), 12);
    assert_eq!(store.peek("kommunkompass.bedomning.broken"), None);
    assert!(tab.unreadable().is_empty());
}

#[test]
fn loading_writes_nothing_and_a_first_schema_entry_is_rewritten_on_the_next_change() {
    let store = MemoryStore::new();
    let v1 = include_str!("../fixtures/assessment-schema-1.json");
    let id = persist::decode(v1).unwrap().assessment.id;
    store.write_elsewhere(&key_for(&id), Some(v1));
    let mut tab = new_tab(&store);
    assert_eq!(store.peek(&key_for(&id)).as_deref(), Some(v1), "opening leaves it as it was");
    let edit = Edit::Response { question: "1.2.1".into(), response: Some(Response::Level(2)) };
    tab.apply(Change::Edit { id: id.clone(), edit, save: Save::Now }, 10);
    let text = store.peek(&key_for(&id)).unwrap();
    assert_eq!(persist::stored_schema(&text), Some(u64::from(SCHEMA_VERSION)));
    let now = persist::decode(&text).unwrap().assessment;
    let old = persist::decode(v1).unwrap().assessment;
    for (q, answer) in &old.answers {
        assert_eq!(&now.answers[q], answer, "answer {q} survives the upgrade unchanged");
    }
}

#[test]
fn an_assessment_on_an_unknown_rubric_version_is_kept_untouched() {
    let store = MemoryStore::new();
    let text = include_str!("../fixtures/assessment-schema-2.json").replace("\"kk-2022\"", "\"kk-2030\"");
    let id = persist::decode(&text).unwrap().assessment.id;
    store.write_elsewhere(&key_for(&id), Some(&text));
    let tab = new_tab(&store);
    assert_eq!(tab.assessment(&id).map(|a| a.rubric.as_str()), Some("kk-2030"));
    assert_eq!(store.peek(&key_for(&id)).as_deref(), Some(text.as_str()));
}

#[test]
fn storage_that_changed_unseen_is_read_again_on_resync() {
    let (store, mut one) = browser();
    let other = store.second_tab();
    let mut changed = one.assessment(ID).unwrap().clone();
    changed.apply(Edit::Response { question: "1.1.1".into(), response: Some(Response::Level(2)) }, 50);
    // Written while this tab was frozen: it never gets the event.
    other.write_elsewhere(&key_for(ID), Some(&persist::encode(&changed, "0.1.0", 50)));
    let _ = one.store().events();
    one.apply(Change::Resync, 60);
    assert_eq!(level_of(one.assessment(ID).unwrap(), "1.1.1"), Some(Response::Level(2)));
    other.write_elsewhere(&key_for(ID), None);
    let _ = one.store().events();
    one.apply(Change::Resync, 61);
    assert!(one.assessment(ID).is_none());
}

// --- everything else the app remembers ------------------------------------------------------

#[test]
fn clearing_removes_every_key_of_this_app_and_nothing_else() {
    let (store, mut tab) = browser();
    store.write_elsewhere("annan-app.data", Some("behåll"));
    store.write_elsewhere("kommunkompass.bedomning.broken", Some("{"));
    tab.apply(Change::ShowLevels(false), 2);
    tab.apply(Change::Clear, 3);
    assert_eq!(store.keys(), vec!["annan-app.data".to_string()]);
    assert_eq!((tab.count(), tab.unreadable().len(), tab.show_levels()), (0, 0, true));
}

#[test]
fn the_level_descriptions_preference_is_remembered_and_follows_other_tabs() {
    let store = MemoryStore::new();
    let mut one = new_tab(&store);
    let mut two = new_tab(&store.second_tab());
    assert!(one.show_levels(), "shown by default");
    one.apply(Change::ShowLevels(false), 1);
    assert_eq!(store.peek(SHOW_LEVELS_KEY).as_deref(), Some("false"));
    assert!(!new_tab(&store).show_levels(), "remembered");
    deliver(&mut two, 2);
    assert!(!two.show_levels());
}

#[test]
fn comparisons_the_user_adds_are_stored_shared_with_other_tabs_and_removable() {
    let store = MemoryStore::new();
    let mut one = new_tab(&store);
    let mut two = new_tab(&store.second_tab());
    let reference = Reference::parse(
        r#"{"format":1,"id":"egen-1","kind":"official_result","label":"Vårt resultat","rubric":"kk-2022","date":"2023","source":{},"total":400}"#,
    )
    .unwrap();
    one.apply(Change::AddReference(Box::new(reference)), 1);
    assert_eq!(new_tab(&store).references().len(), 1);
    deliver(&mut two, 2);
    assert_eq!(two.references()[0].label, "Vårt resultat");
    two.apply(Change::RemoveReference("egen-1".into()), 3);
    deliver(&mut one, 4);
    assert!(one.references().is_empty());
    assert!(new_tab(&store).references().is_empty());
}

#[test]
fn a_download_the_browser_refused_is_said_not_dropped() {
    use kommunkompass::workspace::DownloadError;
    let (_store, mut tab) = browser();
    tab.apply(Change::DownloadFailed { file: "kommunkompass-x.json".into(), error: DownloadError::Refused }, 2);
    let notice = tab.notice().expect("a notice");
    assert_eq!(
        notice.text(),
        "Filen kommunkompass-x.json kunde inte sparas: webbläsaren kunde inte skapa filen. Ladda om sidan och försök igen."
    );
    assert!(!notice.can_undo());
    tab.apply(Change::Dismiss, 3);
    assert_eq!(tab.notice(), None);
}

#[test]
fn save_as_file_in_a_warning_offers_the_open_assessment_or_else_all() {
    let (_store, mut tab) = browser();
    tab.apply(Change::Duplicate { id: ID.into(), new_id: "b".into(), name: "B".into() }, 2);
    assert_eq!(tab.to_save_as_files().len(), 2);
    tab.apply(Change::Open(Some("b".into())), 3);
    assert_eq!(tab.to_save_as_files().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["b"]);
    tab.apply(Change::Open(None), 4);
    assert_eq!(tab.to_save_as_files().len(), 2);
}

// --- property: two tabs, any interleaving -----------------------------------------------------

#[derive(Debug, Clone)]
enum Step {
    Click(bool, u8, u8),
    Type(bool, u8, u8),
    Flush(bool),
    Deliver(bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<bool>(), 1u8..4, 0u8..5).prop_map(|(t, q, v)| Step::Click(t, q, v)),
        (any::<bool>(), 1u8..4, 0u8..3).prop_map(|(t, q, v)| Step::Type(t, q, v)),
        any::<bool>().prop_map(Step::Flush),
        any::<bool>().prop_map(Step::Deliver),
    ]
}

proptest! {
    /// Whatever the two tabs do and however their events interleave: once everything is flushed
    /// and delivered, both tabs and storage hold the same assessment, and it holds the last
    /// choice made for every question.
    #[test]
    fn two_tabs_always_agree_and_keep_the_last_edit_of_every_question(steps in proptest::collection::vec(step(), 1..40)) {
        let (store, mut one) = browser();
        let mut two = new_tab(&store.second_tab());
        let mut last = std::collections::BTreeMap::new();
        for (i, s) in steps.into_iter().enumerate() {
            let now = 100 + i as u64;
            let (tab, which) = match &s {
                Step::Click(t, ..) | Step::Type(t, ..) | Step::Flush(t) | Step::Deliver(t) => {
                    if *t { (&mut one, 1) } else { (&mut two, 2) }
                }
            };
            match s {
                Step::Click(_, q, v) => {
                    let question = format!("1.1.{q}");
                    if tab.apply(respond(&question, v), now) {
                        last.insert((question, "level"), (now, which, format!("{v}")));
                    }
                }
                Step::Type(_, q, v) => {
                    let question = format!("1.1.{q}");
                    let text = format!("text {v}");
                    if tab.apply(type_comment(&question, &text), now) {
                        last.insert((question, "comment"), (now, which, text));
                    }
                }
                Step::Flush(_) => {
                    tab.apply(Change::Flush, now);
                }
                Step::Deliver(_) => {
                    deliver(tab, now);
                }
            }
        }
        one.apply(Change::Flush, 1000);
        two.apply(Change::Flush, 1000);
        settle(&mut [&mut one, &mut two], 1001);
        let kept = stored(&store, ID).unwrap();
        prop_assert!(equivalent(one.assessment(ID).unwrap(), &kept), "tab one differs from storage");
        prop_assert!(equivalent(two.assessment(ID).unwrap(), &kept), "tab two differs from storage");
        // Every question keeps a value set at its latest edit time (by either tab).
        for ((question, field), (at, _, _)) in &last {
            let answer = &kept.answers[question];
            prop_assert!(answer.changed_at >= *at, "{question} {field}: edit at {at} lost");
        }
    }
}
