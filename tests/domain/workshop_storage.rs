//! Workshops in the workspace, driven natively: one key per workshop, written through the door,
//! merged between two tabs (two workspaces on one [`MemoryStore`]), kept in memory when storage
//! is full, never overwritten when a newer version wrote it, taken back after deletion, opened
//! from a file (checked completely first), and the common assessment kept up to date.

use kommunkompass::domain::assessment::{Answer, Assessment, Origin, Response};
use kommunkompass::domain::error::DecodeError;
use kommunkompass::domain::persist;
use kommunkompass::domain::workshop::persist::{self as wpersist, FileError};
use kommunkompass::domain::workshop::{AddError, Workshop, open_file};
use kommunkompass::workspace::{
    Change, MemoryStore, Mode, Notice, Save, SaveError, WorkshopChange, Workspace, key_for, workshop_key,
};

use crate::support::{catalog, deliver, rubric, settle};

type Tab = Workspace<MemoryStore>;

const W: &str = "w1";

fn lvl(v: u8) -> Response {
    Response::Level(v)
}

/// A participant's file: every question of kk-2022 at `level`.
fn file(id: &str, name: &str, level: u8) -> Vec<u8> {
    let r = rubric("kk-2022");
    let mut a = Assessment::new(id.into(), name.into(), "Exempelby".into(), "kk-2022".into(), 1);
    for q in r.questions() {
        a.answers.insert(q.id.clone(), Answer { response: Some(lvl(level)), changed_at: 1, ..Answer::default() });
    }
    a.priorities.subareas = vec!["1.1".into()];
    persist::encode(&a, "test", 2).into_bytes()
}

fn opened(files: &[(&str, Vec<u8>)]) -> WorkshopChange {
    WorkshopChange::Add(
        files.iter().map(|(name, bytes)| (name.to_string(), open_file(bytes, &catalog().rubrics))).collect(),
    )
}

fn change(c: WorkshopChange) -> Change {
    let save = if c.is_typing() { Save::Later } else { Save::Now };
    Change::Workshop { id: W.into(), change: c, save }
}

fn agree(q: &str, level: u8) -> Change {
    change(WorkshopChange::Agree { question: q.into(), response: Some(lvl(level)) })
}

/// A browser with one tab holding workshop [`W`] with two participants.
fn browser() -> (MemoryStore, Tab) {
    let store = MemoryStore::new();
    let mut tab = Workspace::load(store.clone());
    let w = Workshop::new(W.into(), "Ledningsgruppen".into(), "kk-2022".into(), 1);
    tab.apply(Change::CreateWorkshop(Box::new(w)), 1);
    tab.apply(change(opened(&[("anna.json", file("p1", "Anna", 3)), ("bo.json", file("p2", "Bo", 1))])), 2);
    (store, tab)
}

fn stored(store: &MemoryStore) -> Option<Workshop> {
    store.peek(&workshop_key(W)).map(|t| wpersist::decode(&t).expect("stored workshops are readable"))
}

fn agreed(tab: &Tab, q: &str) -> Option<Response> {
    tab.workshop(W).and_then(|w| w.agreed(q)).and_then(|a| a.response)
}

#[test]
fn a_workshop_is_stored_under_its_own_key_and_read_again_at_load() {
    let (store, mut tab) = browser();
    tab.apply(agree("1.1.1", 2), 3);
    let again = Workspace::load(store.clone());
    let w = again.workshop(W).expect("loaded");
    assert_eq!(w.participants().count(), 2);
    assert_eq!(w.agreed("1.1.1").and_then(|a| a.response), Some(lvl(2)));
    assert_eq!(Some(w.clone()), stored(&store));
    assert!(store.peek(&key_for(W)).is_none(), "a workshop is not stored as an assessment");
    assert_eq!(again.count(), 0);
}

#[test]
fn bad_files_are_reported_by_name_and_the_good_ones_added() {
    let (_store, mut tab) = browser();
    tab.apply(
        change(opened(&[
            ("trasig.json", b"{".to_vec()),
            ("cecilia.json", file("p3", "Cecilia", 2)),
            ("anna-igen.json", file("p1", "Anna", 4)),
        ])),
        5,
    );
    let report = tab.added_report(W).expect("the page can show what happened");
    assert_eq!(report.added, ["Cecilia"]);
    let names: Vec<&str> = report.rejected.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["trasig.json", "anna-igen.json"]);
    // A file the browser could not read at all is reported like the others.
    tab.apply(change(WorkshopChange::Add(vec![("borta.json".into(), Err(AddError::Unreadable))])), 6);
    let report = tab.added_report(W).unwrap();
    assert!(report.added.is_empty());
    assert!(
        report.rejected[0].1.message("borta.json").starts_with("”borta.json” lades inte till: filen kunde inte läsas")
    );
    assert_eq!(tab.workshop(W).unwrap().participants().count(), 3);
}

#[test]
fn two_tabs_agreeing_on_different_questions_both_keep_every_answer() {
    let (store, mut one) = browser();
    let mut two = Workspace::load(store.second_tab());
    one.apply(agree("1.1.1", 3), 10);
    two.apply(agree("1.1.2", 1), 10); // before either saw the other's write
    two.apply(change(opened(&[("cecilia.json", file("p3", "Cecilia", 2))])), 11);
    settle(&mut [&mut one, &mut two], 12);
    for tab in [&one, &two] {
        assert_eq!(agreed(tab, "1.1.1"), Some(lvl(3)));
        assert_eq!(agreed(tab, "1.1.2"), Some(lvl(1)));
        assert_eq!(tab.workshop(W).unwrap().participants().count(), 3);
    }
    assert_eq!(stored(&store).as_ref(), one.workshop(W));
    assert_eq!(one.workshop(W), two.workshop(W));
    assert!(matches!(one.notice(), Some(Notice::MergedFromOtherTab(_))));
}

#[test]
fn a_note_typed_is_kept_in_memory_until_flushed_and_survives_another_tabs_write() {
    let (store, mut one) = browser();
    let mut two = Workspace::load(store.second_tab());
    one.apply(change(WorkshopChange::Note { question: "1.1.1".into(), text: "Strategin är antagen".into() }), 10);
    assert!(one.has_unsaved());
    assert!(!store.peek(&workshop_key(W)).unwrap().contains("Strategin"), "typing is written later");
    two.apply(agree("1.1.2", 4), 11);
    deliver(&mut one, 12);
    assert_eq!(one.workshop(W).unwrap().agreed.get("1.1.1").map(|a| a.note.as_str()), Some("Strategin är antagen"));
    one.apply(Change::Flush, 13);
    assert!(!one.has_unsaved());
    let kept = stored(&store).unwrap();
    assert_eq!(kept.agreed["1.1.1"].note, "Strategin är antagen");
    assert_eq!(kept.agreed("1.1.2").and_then(|a| a.response), Some(lvl(4)));
}

#[test]
fn with_full_storage_the_workshop_works_in_memory_and_retry_writes_it() {
    let (store, mut tab) = browser();
    store.set_mode(Mode::Full);
    tab.apply(agree("1.1.1", 4), 10);
    assert_eq!(tab.warning(), Some(SaveError::Full));
    assert_eq!(agreed(&tab, "1.1.1"), Some(lvl(4)), "kept in memory");
    assert!(tab.workshop_to_save_as_file().is_none(), "only the workshop on screen is offered");
    tab.apply(Change::OpenWorkshop(Some(W.into())), 10);
    assert_eq!(tab.workshop_to_save_as_file().map(|w| w.id.as_str()), Some(W));
    store.set_mode(Mode::Working);
    tab.apply(Change::Retry, 11);
    assert_eq!(tab.warning(), None);
    assert_eq!(stored(&store).unwrap().agreed("1.1.1").and_then(|a| a.response), Some(lvl(4)));
}

#[test]
fn a_workshop_written_by_a_newer_version_is_listed_never_overwritten_and_the_tab_warns() {
    let (store, mut tab) = browser();
    let newer = wpersist::encode(tab.workshop(W).unwrap(), "9.9.9", 5, false).replace("\"schema\":1", "\"schema\":7");
    store.write_elsewhere(&workshop_key(W), Some(&newer));
    deliver(&mut tab, 6);
    assert_eq!(tab.warning(), Some(SaveError::NewerVersion));
    tab.apply(agree("1.1.1", 1), 7);
    assert_eq!(store.peek(&workshop_key(W)).as_deref(), Some(newer.as_str()), "never overwritten");
    assert_eq!(agreed(&tab, "1.1.1"), Some(lvl(1)), "the change stays in this tab");
    let other = Workspace::load(store.clone());
    assert!(other.workshop(W).is_none());
    assert!(matches!(other.unreadable()[0].reason, DecodeError::TooNew(7)));
}

#[test]
fn a_deleted_workshop_comes_back_on_undo_and_leaves_another_tab_too() {
    let (store, mut one) = browser();
    let mut two = Workspace::load(store.second_tab());
    one.apply(agree("1.1.1", 2), 3);
    deliver(&mut two, 4);
    one.apply(Change::DeleteWorkshop(W.into()), 5);
    assert!(store.peek(&workshop_key(W)).is_none());
    deliver(&mut two, 6);
    assert!(two.workshop(W).is_none());
    assert!(matches!(two.notice(), Some(Notice::DeletedInOtherTab(n)) if n == "Ledningsgruppen"));
    assert!(one.notice().is_some_and(Notice::can_undo));
    one.apply(Change::Undo, 7);
    assert_eq!(agreed(&one, "1.1.1"), Some(lvl(2)));
    assert!(stored(&store).is_some());
    deliver(&mut two, 8);
    assert_eq!(agreed(&two, "1.1.1"), Some(lvl(2)));
}

#[test]
fn a_damaged_entry_is_listed_and_left_alone() {
    let store = MemoryStore::new();
    store.write_elsewhere(&workshop_key("trasig"), Some("{ inte json"));
    let tab = Workspace::load(store.clone());
    assert_eq!(tab.unreadable().len(), 1);
    assert_eq!(store.peek(&workshop_key("trasig")).as_deref(), Some("{ inte json"));
}

#[test]
fn a_workshop_file_is_checked_completely_then_added_or_merged() {
    let (_store, mut tab) = browser();
    tab.apply(agree("1.1.1", 3), 3);
    let exported = wpersist::encode(tab.workshop(W).unwrap(), "test", 4, true);
    let rubrics = &catalog().rubrics;
    let w = wpersist::open_file(exported.as_bytes(), rubrics).expect("a saved workshop opens");
    // In a fresh browser it is added as it is.
    let mut fresh = Workspace::load(MemoryStore::new());
    fresh.apply(Change::ImportWorkshop { workshop: Box::new(w.clone()), fresh_id: "x".into() }, 5);
    assert_eq!(fresh.workshop(W).map(|w| w.participants().count()), Some(2));
    assert!(matches!(fresh.notice(), Some(Notice::Imported(_))));
    // Where it exists it is merged: what only this browser has is kept.
    tab.apply(agree("1.1.2", 4), 6);
    tab.apply(Change::ImportWorkshop { workshop: Box::new(w), fresh_id: "x".into() }, 7);
    assert_eq!((agreed(&tab, "1.1.1"), agreed(&tab, "1.1.2")), (Some(lvl(3)), Some(lvl(4))));
    assert!(matches!(tab.notice(), Some(Notice::Merged(_))));
    // Files that must be refused, with a message that names what is wrong.
    let participant = file("p1", "Anna", 2);
    assert_eq!(wpersist::open_file(&participant, rubrics), Err(FileError::IsAssessment));
    let bad_level = exported.replacen("\"level\": 3", "\"level\": 9", 1);
    assert!(matches!(
        wpersist::open_file(bad_level.as_bytes(), rubrics),
        Err(FileError::BadAgreed(_) | FileError::Participant { .. })
    ));
    let newer = exported.replace("\"schema\": 1", "\"schema\": 2");
    let message = wpersist::open_file(newer.as_bytes(), rubrics).unwrap_err().message();
    assert!(message.starts_with("Filen kunde inte öppnas: filen är sparad med en nyare version"), "{message}");
    assert!(wpersist::open_file(b"{", rubrics).unwrap_err().message().contains("Ingenting har ändrats"));
}

#[test]
fn the_common_assessment_follows_the_agreed_answers_and_keeps_its_plan() {
    let (_store, mut tab) = browser();
    tab.apply(agree("1.1.1", 3), 3);
    let common = tab.workshop(W).unwrap().common_assessment("c1".into(), "Exempelby".into(), 4);
    tab.apply(Change::Create(common), 4);
    assert_eq!(tab.common_of(W).map(|a| a.id.as_str()), Some("c1"));
    let action = kommunkompass::domain::action::Action { id: "x1".into(), target: "1.1".into(), ..Default::default() };
    tab.apply(
        Change::Edit {
            id: "c1".into(),
            edit: kommunkompass::domain::assessment::Edit::UpsertAction(action),
            save: Save::Now,
        },
        5,
    );
    tab.apply(agree("1.1.1", 1), 6);
    tab.apply(agree("1.1.2", 4), 6);
    tab.apply(change(WorkshopChange::Agree { question: "1.1.1".into(), response: None }), 7);
    tab.apply(change(opened(&[("cecilia.json", file("p3", "Cecilia", 2))])), 8);
    let before = tab.scoring_revision();
    assert!(tab.apply(Change::UpdateCommon(W.into()), 9));
    assert!(tab.scoring_revision() > before, "the score of the common assessment is computed again");
    let a = tab.assessment("c1").unwrap();
    assert_eq!(a.answer("1.1.1").and_then(|x| x.response), None, "cleared agreement clears the answer");
    assert_eq!(a.answer("1.1.2").and_then(|x| x.response), Some(lvl(4)));
    assert_eq!(a.live_actions().count(), 1, "the plan is kept");
    assert_eq!(a.origin, Some(Origin::Workshop { workshop: W.into(), participants: 3 }));
    assert!(matches!(tab.notice(), Some(Notice::CommonUpdated(_))));
    assert!(!tab.apply(Change::UpdateCommon(W.into()), 10), "nothing to bring over twice");
}

#[test]
fn removing_a_participant_takes_their_answers_out_and_a_new_file_brings_them_back() {
    let (store, mut tab) = browser();
    tab.apply(change(WorkshopChange::Remove("p1".into())), 3);
    assert_eq!(tab.workshop(W).unwrap().participants().count(), 1);
    assert_eq!(stored(&store).unwrap().participants().count(), 1);
    tab.apply(change(opened(&[("anna-ny.json", file("p1", "Anna", 4))])), 4);
    let w = tab.workshop(W).unwrap();
    assert_eq!(w.participants().count(), 2);
    assert_eq!(w.participants.len(), 2, "one entry per participant");
    assert_eq!(w.priority_counts(), [("1.1".to_string(), 2)]);
}
