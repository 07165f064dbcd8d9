//! "Förbered utvärderingen": the risk rule, the lists built from evidence kinds and items, and
//! the underlagsförteckning.

use kommunkompass::domain::assessment::{Edit, Response};
use kommunkompass::domain::csv::evidence_csv;
use kommunkompass::domain::evidence::{EvidenceItem, ItemKind, ItemStatus};
use kommunkompass::domain::prepare::prepare;

use crate::support::{assessment, catalog, rubric};

fn item(id: &str, kind: ItemKind, title: &str, status: ItemStatus) -> EvidenceItem {
    EvidenceItem { id: id.into(), kind, title: title.into(), status, ..EvidenceItem::default() }
}

#[test]
fn a_claim_of_etablerat_without_a_document_or_page_is_hard_to_show_until_one_exists() {
    let r = rubric("kk-2022");
    let c = catalog().calibration_for("kk-2022");
    let mut a = assessment("kk-2022");
    // 1.1.1 (documents and interviews, weight 2) at Utvecklat; 1.1.3 at Etablerat; 1.1.2 Delvis.
    for (q, v) in [("1.1.1", 4), ("1.1.3", 3), ("1.1.2", 2)] {
        a.apply(Edit::Response { question: q.into(), response: Some(Response::Level(v)) }, 1);
    }
    let p = prepare(r, &a, c);
    let risky: Vec<&str> = p.risks.iter().map(|x| x.place.question.as_str()).collect();
    assert_eq!(risky, ["1.1.1", "1.1.3"], "most points first; Delvis claims nothing in place");
    let first = &p.risks[0];
    assert!(first.points > p.risks[1].points);
    assert!(first.expected_drop.unwrap() > 0.0, "not crediting it lowers the expected result");
    // A document that is missing does not help; one that exists (even needing an update) does.
    a.apply(
        Edit::UpsertItem {
            question: "1.1.1".into(),
            item: item("d1", ItemKind::Document, "Demokratiprogram", ItemStatus::Missing),
        },
        2,
    );
    assert!(prepare(r, &a, c).risks.iter().any(|x| x.place.question == "1.1.1"));
    a.apply(
        Edit::UpsertItem {
            question: "1.1.1".into(),
            item: item("d1", ItemKind::Document, "Demokratiprogram", ItemStatus::NeedsUpdate),
        },
        3,
    );
    // An interview alone is not something in writing.
    a.apply(
        Edit::UpsertItem {
            question: "1.1.3".into(),
            item: item("i1", ItemKind::Interview, "Kanslichef", ItemStatus::Exists),
        },
        4,
    );
    let risky: Vec<String> = prepare(r, &a, c).risks.into_iter().map(|x| x.place.question).collect();
    assert_eq!(risky, ["1.1.3"]);
}

#[test]
fn unanswered_and_dont_know_are_listed_to_find_out() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    a.apply(Edit::Response { question: "1.1.1".into(), response: Some(Response::DontKnow) }, 1);
    a.apply(Edit::Response { question: "1.1.2".into(), response: Some(Response::NotApplicable) }, 1);
    let p = prepare(r, &a, None);
    assert_eq!(p.to_find_out.len(), r.questions().count() - 1, "everything but the Ej aktuellt one");
    assert!(p.to_find_out.iter().any(|t| t.place.question == "1.1.1" && t.dont_know));
    assert!(p.to_find_out.iter().all(|t| t.place.question != "1.1.2"));
    assert!(p.risks.is_empty());
}

#[test]
fn the_lists_follow_each_questions_evidence_kinds_and_roles_are_counted_per_area() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    a.apply(
        Edit::UpsertItem {
            question: "1.1.1".into(),
            item: item("i1", ItemKind::Interview, "Kanslichef", ItemStatus::Exists),
        },
        1,
    );
    a.apply(
        Edit::UpsertItem {
            question: "3.1.1".into(),
            item: item("i2", ItemKind::Interview, "kanslichef ", ItemStatus::Exists),
        },
        1,
    );
    a.apply(
        Edit::UpsertItem {
            question: "3.1.2".into(),
            item: item("i3", ItemKind::Interview, "Ekonomichef", ItemStatus::Exists),
        },
        1,
    );
    a.apply(
        Edit::UpsertItem {
            question: "1.3.1".into(),
            item: item("w1", ItemKind::WebPage, "Förtroendevalda", ItemStatus::Exists),
        },
        1,
    );
    let p = prepare(r, &a, None);
    let needs = |e| r.questions().filter(|q| q.evidence.contains(&e)).count();
    use kommunkompass::domain::rubric::Evidence;
    assert_eq!(p.documents.len(), needs(Evidence::Styrdokument));
    assert_eq!(p.web_pages.len(), needs(Evidence::Webbplats));
    let page = p.web_pages.iter().find(|l| l.place.question == "1.3.1").unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(p.interviews.len(), 2, "the same role, written twice, is one role");
    assert_eq!(p.interviews[0].role, "Kanslichef");
    assert_eq!(p.interviews[0].questions, 2);
    assert_eq!(p.interviews[0].areas.iter().cloned().collect::<Vec<_>>(), ["1", "3"]);
    let with_role = ["1.1.1", "3.1.1", "3.1.2"]
        .iter()
        .filter(|q| r.question(q).unwrap().evidence.contains(&Evidence::Intervjuer))
        .count();
    assert_eq!(p.interviews_missing.len(), needs(Evidence::Intervjuer) - with_role);
}

#[test]
fn the_underlagsforteckning_lists_documents_and_pages_with_their_status() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    let mut doc = item("d1", ItemKind::Document, "=Styrmodell", ItemStatus::Exists);
    doc.reference = "KS 2021/12".into();
    doc.link = "https://exempelby.se/styrmodell.pdf".into();
    a.apply(Edit::UpsertItem { question: "3.1.1".into(), item: doc }, 1);
    a.apply(
        Edit::UpsertItem {
            question: "1.3.1".into(),
            item: item("w1", ItemKind::WebPage, "Förtroendevalda", ItemStatus::NeedsUpdate),
        },
        1,
    );
    a.apply(
        Edit::UpsertItem {
            question: "1.3.1".into(),
            item: item("i1", ItemKind::Interview, "Kanslichef", ItemStatus::Exists),
        },
        1,
    );
    a.apply(
        Edit::UpsertItem {
            question: "1.3.2".into(),
            item: item("gone", ItemKind::WebPage, "Borttagen", ItemStatus::Exists),
        },
        1,
    );
    a.apply(Edit::DeleteItem { question: "1.3.2".into(), item: "gone".into() }, 2);
    let csv = evidence_csv(r, &a);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "Område;Delområde;Fråga;Frågetext;Typ;Titel;Datum eller diarienummer;Länk;Status");
    assert_eq!(lines.len(), 3, "the interview role and the deleted page are not listed");
    assert!(
        lines[1].starts_with("1;1.3;1.3.1;") && lines[1].ends_with(";Webbsida;Förtroendevalda;;;Behöver uppdateras"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with(";Dokument;'=Styrmodell;KS 2021/12;https://exempelby.se/styrmodell.pdf;Finns"),
        "{}",
        lines[2]
    );
}
