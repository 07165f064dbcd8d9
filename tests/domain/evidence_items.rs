//! Evidence items: links limited to http, https and mailto, lengths capped, and items merged per
//! item across tabs so that none is lost.

use kommunkompass::domain::evidence::{
    EvidenceItem, ItemError, ItemField, ItemKind, ItemStatus, MAX_FIELD_CHARS, MAX_ITEMS_PER_QUESTION, check_link,
    merge_items,
};

fn item(id: &str, title: &str, at: u64) -> EvidenceItem {
    EvidenceItem {
        id: id.into(),
        kind: ItemKind::Document,
        title: title.into(),
        changed_at: at,
        ..EvidenceItem::default()
    }
}

#[test]
fn only_web_and_mail_links_are_accepted() {
    for ok in
        ["", "https://www.ale.se/kommun", "HTTP://intranat.kommun.se/styrdokument", "mailto:registrator@kommun.se"]
    {
        assert!(check_link(ok).is_ok(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///C:/hemligt.docx",
        "www.ale.se",
        "https://",
        "https://ale.se/a b",
        "https://ale.se/\u{0}",
    ] {
        assert!(matches!(check_link(bad), Err(ItemError::BadLink(_))), "{bad:?}");
    }
}

#[test]
fn long_fields_are_refused() {
    let mut i = item("a", &"x".repeat(MAX_FIELD_CHARS + 1), 1);
    assert!(matches!(i.validate(), Err(ItemError::TooLong { field: "titeln", .. })));
    i.title = "Styrmodell för Exempelby kommun".into();
    i.link = "https://exempelby.se/styrmodell.pdf".into();
    assert!(i.validate().is_ok());
}

#[test]
fn items_merge_per_item_and_a_deletion_wins_when_later() {
    let ours = vec![item("a", "Budget 2024", 10), item("b", "Årsredovisning", 10)];
    let mut b_deleted = item("b", "Årsredovisning", 20);
    b_deleted.deleted = true;
    let mut a_old = item("a", "Budget 2023", 5);
    a_old.status = ItemStatus::NeedsUpdate;
    let theirs = vec![a_old, b_deleted, item("c", "Kommunikationspolicy", 15)];
    let merged = merge_items(&ours, &theirs);
    assert_eq!(merged, merge_items(&theirs, &ours), "commutative");
    assert_eq!(merge_items(&merged, &merged), merged, "idempotent");
    let by_id = |id: &str| merged.iter().find(|i| i.id == id).unwrap();
    assert_eq!(by_id("a").title, "Budget 2024", "the later edit wins");
    assert!(by_id("b").deleted, "the later deletion wins");
    assert_eq!(by_id("c").title, "Kommunikationspolicy", "an item only one side has is kept");
}

#[test]
fn only_existing_documents_and_pages_show_an_answer_in_writing() {
    let mut i = item("a", "Policy", 1);
    assert!(i.shows_in_writing());
    i.status = ItemStatus::NeedsUpdate;
    assert!(i.shows_in_writing());
    i.status = ItemStatus::Missing;
    assert!(!i.shows_in_writing());
    i.status = ItemStatus::Exists;
    i.kind = ItemKind::Interview;
    assert!(!i.shows_in_writing(), "an interview is not a document or a page");
    i.kind = ItemKind::WebPage;
    i.deleted = true;
    assert!(!i.shows_in_writing());
}

#[test]
fn the_form_names_the_field_of_every_problem_in_swedish() {
    let mut i = EvidenceItem { kind: ItemKind::WebPage, link: "www.ale.se".into(), ..EvidenceItem::default() };
    let problems = i.form_problems();
    let fields: Vec<ItemField> = problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, [ItemField::Title, ItemField::Link], "a title is required, the link needs a scheme");
    assert_eq!(problems[0].1.at_field(), "Skriv sidans namn.");
    assert_eq!(
        problems[1].1.at_field(),
        "Länken måste börja med https://, http:// eller mailto: och får inte innehålla mellanslag."
    );
    i.title = "Kontakta politiker".into();
    i.reference = "x".repeat(MAX_FIELD_CHARS + 1);
    let problems = i.form_problems();
    assert_eq!(problems.iter().map(|(f, _)| *f).collect::<Vec<_>>(), [ItemField::Reference, ItemField::Link]);
    assert_eq!(problems[0].1.at_field(), format!("Texten får vara högst {MAX_FIELD_CHARS} tecken."));
    // Stored from the form: trimmed, and a web page has no date or diarienummer.
    i.link = "  https://ale.se/politik  ".into();
    let i = i.normalized();
    assert_eq!((i.reference.as_str(), i.link.as_str()), ("", "https://ale.se/politik"));
    assert!(i.form_problems().is_empty());
    assert_eq!(
        EvidenceItem { kind: ItemKind::Interview, ..EvidenceItem::default() }.form_problems()[0].1.at_field(),
        "Skriv vilken roll som kan berätta om det, till exempel kanslichef."
    );
}

#[test]
fn an_interview_keeps_only_its_role() {
    let i = EvidenceItem {
        kind: ItemKind::Interview,
        title: " Kanslichef ".into(),
        reference: "KS 2021/1".into(),
        link: "mailto:anna@kommun.se".into(),
        ..EvidenceItem::default()
    }
    .normalized();
    assert_eq!((i.title.as_str(), i.reference.as_str(), i.link.as_str()), ("Kanslichef", "", ""));
    assert_eq!(i.name(), "Intervju: Kanslichef");
    for kind in ItemKind::ALL {
        assert!(kind.has(ItemField::Title));
    }
    assert!(ItemKind::Document.has(ItemField::Reference) && !ItemKind::WebPage.has(ItemField::Reference));
}

#[test]
fn a_file_with_many_deleted_items_opens_but_too_many_live_ones_do_not() {
    use kommunkompass::domain::assessment::Edit;
    use kommunkompass::domain::import::validate_assessment;
    let rubrics = &crate::support::catalog().rubrics;
    let mut a = crate::support::assessment("kk-2022");
    for n in 0..MAX_ITEMS_PER_QUESTION + 10 {
        a.apply(Edit::UpsertItem { question: "1.1.1".into(), item: item(&format!("i{n}"), "Protokoll", 1) }, 2);
    }
    assert!(validate_assessment(&a, rubrics).is_err(), "more live items than accepted");
    for n in 0..20 {
        a.apply(Edit::DeleteItem { question: "1.1.1".into(), item: format!("i{n}") }, 3);
    }
    assert_eq!(a.answer("1.1.1").unwrap().items.len(), MAX_ITEMS_PER_QUESTION + 10, "tombstones are kept");
    assert!(validate_assessment(&a, rubrics).is_ok(), "tombstones do not count against the cap");
}
