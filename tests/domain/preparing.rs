//! "Förbered utvärderingen": the risk rule, the lists built from evidence kinds and items, and
//! the underlagsförteckning.

use kommunkompass::domain::assessment::{Edit, Response};
use kommunkompass::domain::csv::evidence_csv;
use kommunkompass::domain::evidence::{EvidenceItem, ItemKind, ItemStatus};
use kommunkompass::domain::prepare::{Tally, by_area, hard_to_show, prepare, recorded};
use kommunkompass::domain::timeline::{Date, When, countdown, plan};

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

#[test]
fn the_question_card_and_the_risk_list_use_one_rule_and_the_joint_drop_is_counted_together() {
    let r = rubric("kk-2022");
    let c = catalog().calibration_for("kk-2022");
    let mut a = assessment("kk-2022");
    for q in r.questions().take(12) {
        a.apply(Edit::Response { question: q.id.clone(), response: Some(Response::Level(4)) }, 1);
    }
    let p = prepare(r, &a, c);
    let flagged: Vec<&str> =
        r.questions().filter(|q| hard_to_show(q, a.answer(&q.id)).is_some()).map(|q| q.id.as_str()).collect();
    let mut risky: Vec<&str> = p.risks.iter().map(|x| x.place.question.as_str()).collect();
    risky.sort();
    assert_eq!(risky, flagged);
    assert!(!risky.is_empty());
    let joint = p.risks_drop.expect("calibrated");
    let largest = p.risks.iter().filter_map(|x| x.expected_drop).fold(0.0, f64::max);
    assert!(joint >= largest, "all of them together cost at least as much as the largest ({joint} < {largest})");
    assert_eq!(prepare(r, &a, None).risks_drop, None, "no calibration, no expected result");
    assert_eq!(prepare(r, &assessment("kk-2022"), c).risks_drop, None, "nothing at risk");
}

#[test]
fn lines_are_grouped_under_their_areas_in_rubric_order() {
    let r = rubric("kk-2022");
    let p = prepare(r, &assessment("kk-2022"), None);
    let groups = by_area(r, &p.documents, |l| l.place.area.as_str());
    let ids: Vec<&str> = groups.iter().map(|(a, _)| a.id.as_str()).collect();
    let expected: Vec<&str> =
        r.areas.iter().filter(|a| p.documents.iter().any(|l| l.place.area == a.id)).map(|a| a.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(groups.iter().map(|(_, l)| l.len()).sum::<usize>(), p.documents.len());
    assert!(groups.iter().all(|(a, lines)| lines.iter().all(|l| l.place.area == a.id)));
}

#[test]
fn the_recorded_documents_and_pages_are_counted_in_a_sentence() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    assert_eq!(Tally::of(&recorded(r, &a)).sentence(), "Inga dokument eller webbsidor är angivna ännu.");
    for (q, id, kind, status) in [
        ("3.1.1", "d1", ItemKind::Document, ItemStatus::Exists),
        ("1.1.1", "d2", ItemKind::Document, ItemStatus::Missing),
        ("1.3.1", "w1", ItemKind::WebPage, ItemStatus::NeedsUpdate),
        ("1.3.1", "i1", ItemKind::Interview, ItemStatus::Missing),
    ] {
        a.apply(Edit::UpsertItem { question: q.into(), item: item(id, kind, "x", status) }, 1);
    }
    let list = recorded(r, &a);
    assert_eq!(list.iter().map(|x| x.item.id.as_str()).collect::<Vec<_>>(), ["d2", "w1", "d1"], "rubric order");
    assert_eq!(Tally::of(&list).sentence(), "2 dokument och 1 webbsida; 1 behöver uppdateras och 1 saknas.");
    a.apply(Edit::DeleteItem { question: "1.1.1".into(), item: "d2".into() }, 2);
    a.apply(Edit::DeleteItem { question: "1.3.1".into(), item: "w1".into() }, 2);
    assert_eq!(Tally::of(&recorded(r, &a)).sentence(), "1 dokument och 0 webbsidor, alla finns.");
}

#[test]
fn the_web_checks_are_counted_for_the_current_version_only() {
    let checks = catalog().web_checks_for("kk-2022").expect("web checks for the current version");
    assert!(catalog().web_checks_for("kk-2016").is_none());
    let mut a = assessment("kk-2022");
    let first = checks.checks[0].id.clone();
    a.apply(Edit::WebCheck { check: first.clone(), done: true }, 1);
    a.apply(Edit::WebCheck { check: checks.checks[1].id.clone(), done: false }, 1);
    a.apply(Edit::WebCheck { check: "okand".into(), done: true }, 1);
    assert_eq!(checks.done(&a.preparation.web_checks), 1);
    let source = catalog().source_text(&checks.checks[0].source).unwrap();
    assert!(source.contains("avsnittet ”"), "{source}");
}

#[test]
fn the_plan_says_where_each_week_is_from_today_and_how_far_the_evaluation_is() {
    let d = |s| Date::parse(s).unwrap();
    let evaluation = d("2027-03-18");
    assert_eq!(evaluation.swedish(), "torsdag 18 mars 2027");
    let steps = plan(evaluation);
    let today = d("2027-02-10"); // week 6, five weeks before
    let when: Vec<When> = steps.iter().map(|s| s.when(today)).collect();
    assert_eq!(when, [When::Past, When::Past, When::Past, When::ThisWeek, When::Ahead, When::Ahead, When::Ahead]);
    assert_eq!(
        countdown(today, evaluation),
        "Utvärderingen är planerad till torsdag 18 mars 2027 (vecka 11). Det är 5 veckor dit."
    );
    assert!(countdown(d("2027-03-15"), evaluation).ends_with("Det är den här veckan."));
    assert!(countdown(d("2027-03-11"), evaluation).ends_with("Det är nästa vecka."));
    assert!(countdown(d("2027-03-19"), evaluation).contains("Datumet har passerat"));
}

#[test]
fn the_risks_and_the_lists_are_worded_with_the_scales_labels_and_counted() {
    let r = rubric("kk-2022");
    let c = catalog().calibration_for("kk-2022");
    let mut a = assessment("kk-2022");
    a.apply(Edit::Response { question: "1.1.1".into(), response: Some(Response::Level(4)) }, 1);
    a.apply(Edit::Response { question: "1.1.2".into(), response: Some(Response::DontKnow) }, 1);
    let one = prepare(r, &a, c);
    let sentence = one.drop_sentence(&r.scale).unwrap();
    assert!(sentence.starts_with("Räknas svaret bara som ”Påbörjat” blir det förväntade resultatet "), "{sentence}");
    assert!(kommunkompass::domain::prepare::risk_rule(&r.scale).contains("”Etablerat och följs upp” eller högre"));
    assert!(
        kommunkompass::domain::prepare::risk_note(&r.scale)
            .starts_with("Svårt att visa: svaret är ”Etablerat och följs upp” eller högre")
    );
    a.apply(Edit::Response { question: "1.1.3".into(), response: Some(Response::Level(3)) }, 1);
    a.apply(
        Edit::UpsertItem {
            question: "1.1.3".into(),
            item: item("i", ItemKind::Interview, "Kanslichef", ItemStatus::Exists),
        },
        1,
    );
    let two = prepare(r, &a, c);
    assert!(two.drop_sentence(&r.scale).unwrap().starts_with("Räknas inget av de 2 svaren som mer än ”Påbörjat”"));
    assert_eq!(prepare(r, &a, None).drop_sentence(&r.scale), None);
    let lines = two.status_lines(Tally::of(&recorded(r, &a)), Some((3, 25)));
    let labels: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            "Svårt att visa",
            "Ta reda på",
            "Dokument att samla",
            "Webbplatsen",
            "Intervjuer att boka",
            "Underlagsförteckningen"
        ]
    );
    let n = r.questions().count();
    assert_eq!(lines[0].1, "2 svar");
    assert_eq!(lines[1].1, format!("{} frågor, varav 1 med ”Vet ej”", n - 2));
    assert_eq!(lines[2].1, format!("dokument angivna för 0 av {} frågor", two.documents.len()));
    assert!(lines[3].1.starts_with("3 av 25 kontroller gjorda; webbsidor angivna för 0 av "), "{}", lines[3].1);
    assert_eq!(lines[4].1, format!("1 roll angiven; {} frågor utan roll", two.interviews_missing.len()));
}
