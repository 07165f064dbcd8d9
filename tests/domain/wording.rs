//! The sentences about points and answered questions, written in one place for every view.

use kommunkompass::domain::assessment::{Edit, Response};
use kommunkompass::domain::format::{
    self, Answered, answered, answered_with_share, area_line, area_progress, area_result_line, subarea_line, total_line,
};
use kommunkompass::domain::scoring::{Completeness, score};

use crate::support::{assessment, rubric};

#[test]
fn answered_counts_are_worded_as_each_place_needs() {
    let c = Completeness { answered: 3, applicable: 5, total: 6 };
    assert_eq!(answered(&c, Answered::Count), "3 av 5");
    assert_eq!(answered(&c, Answered::Answered), "3 av 5 besvarade");
    assert_eq!(answered(&c, Answered::Questions), "3 av 5 frågor");
    assert_eq!(answered(&c, Answered::QuestionsAnswered), "3 av 5 frågor besvarade");
    assert_eq!(answered(&c, Answered::ApplicableAnswered), "3 av 5 aktuella frågor besvarade");
    assert_eq!(answered_with_share(&c, Answered::Questions), "3 av 5 frågor (60 %)");
    assert_eq!(format::share_answered(&c), "60 % besvarat");
    assert_eq!(format::only_partly_answered(&c).as_deref(), Some("Bara 60 % av frågorna är besvarade."));
    assert_eq!(format::only_partly_answered(&Completeness { answered: 5, applicable: 5, total: 5 }), None);
}

#[test]
fn points_lines_for_the_answering_view_the_side_menu_and_the_results() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    let first = &r.areas[0].subareas[0];
    let q = &first.questions[0];
    a.apply(Edit::Response { question: q.id.clone(), response: Some(Response::Level(4)) }, 10);
    let s = score(r, &a.answers);
    let sub = s.subarea(&first.id).unwrap();
    let n = first.questions.len();
    assert_eq!(subarea_line(sub), format!("{} av {} poäng · 1 av {n} besvarade", first.max, first.max));
    let empty = s.subarea(&r.areas[0].subareas[1].id).unwrap();
    assert!(subarea_line(empty).starts_with("Inte bedömt ännu (max "), "{}", subarea_line(empty));
    let area = s.area("1").unwrap();
    let in_area: usize = r.areas[0].subareas.iter().map(|x| x.questions.len()).sum();
    let p = format::points(area.points);
    assert_eq!(area_line(area), format!("Området: {p} av 100 poäng · 1 av {in_area} besvarade"));
    assert_eq!(area_progress(area), format!("1 av {in_area} besvarade · {p} p"));
    assert_eq!(
        area_result_line(area),
        format!("{p} av 100 poäng · 1 av {in_area} frågor besvarade · inte färdigbesvarat")
    );
    let total = r.questions().count();
    assert_eq!(total_line(&s), format!("Totalt {p} av 800 poäng · 1 av {total} frågor besvarade"));
    assert_eq!(format::points_of(456.0, 800.0), "456 av 800");
}

#[test]
fn gaps_are_worded_with_their_direction() {
    assert_eq!(format::gap_to_comparison(4.0), "4 poäng över jämförelsesnittet.");
    assert_eq!(format::gap_to_comparison(-2.5), "2,5 poäng under jämförelsesnittet.");
    assert_eq!(format::gap_to_target(12.0), "12 poäng kvar till er målnivå.");
    assert_eq!(format::gap_item("3. Ledning", -12.0), "3. Ledning – 12 poäng");
}
