//! Evidence items: links limited to http, https and mailto, lengths capped, and items merged per
//! item across tabs so that none is lost.

use kommunkompass::domain::evidence::{
    EvidenceItem, ItemError, ItemKind, ItemStatus, MAX_FIELD_CHARS, check_link, merge_items,
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
