//! Comparison figures the user adds: typed into the form (checked like a reference file, with
//! `Reference::validate`) or opened from a file. Every rejection is in Swedish and changes nothing.

use kommunkompass::domain::import::MAX_FILE_BYTES;
use kommunkompass::domain::reference::{Reference, ReferenceFileError, ReferenceKind, UserEntry, UserEntryError};

use crate::support::{catalog, rubric};

fn entry(label: &str, date: &str, areas: &[&str]) -> UserEntry {
    UserEntry { label: label.into(), date: date.into(), areas: areas.iter().map(|s| s.to_string()).collect() }
}

fn from(e: &UserEntry) -> Result<Reference, UserEntryError> {
    Reference::from_entry(e, rubric("kk-2022"), &catalog().rubrics, "egen-1".into(), "2025-03-14".into())
}

const EIGHT: [&str; 8] = ["50", "55", "60", "65", "70", "75", "80", "85,5"];

#[test]
fn a_typed_official_result_becomes_a_checked_reference() {
    let r = from(&entry("  Vårt officiella resultat 2023 ", "2023", &EIGHT)).unwrap();
    assert_eq!((r.id.as_str(), r.label.as_str(), r.date.as_str()), ("egen-1", "Vårt officiella resultat 2023", "2023"));
    assert_eq!(r.kind, ReferenceKind::OfficialResult);
    assert_eq!(r.area("8"), Some(85.5));
    assert_eq!(r.total, Some(540.5));
    assert!(r.caveat.as_deref().is_some_and(|c| c.contains("inmatade av en användare")));
    assert_eq!(from(&entry("Utan datum", " ", &EIGHT)).unwrap().date, "2025-03-14", "today when no date is typed");
}

#[test]
fn a_typed_result_without_a_name_or_with_bad_points_is_refused_in_swedish() {
    assert_eq!(from(&entry(" ", "", &EIGHT)).unwrap_err(), UserEntryError::NoLabel);
    let mut bad = EIGHT;
    bad[2] = "101";
    assert_eq!(from(&entry("X", "", &bad)).unwrap_err(), UserEntryError::AreaPoints("3".into()));
    bad[2] = "femtio";
    let err = from(&entry("X", "", &bad)).unwrap_err();
    assert_eq!(err.to_string(), "Fyll i poängen för område 3 som ett tal mellan 0 och 100.");
    assert_eq!(from(&entry("X", "", &EIGHT[..7])).unwrap_err(), UserEntryError::AreaPoints("8".into()));
}

#[test]
fn a_reference_file_is_checked_before_anything_is_kept() {
    let good = r#"{"format":1,"id":"snitt-2025","kind":"average","label":"Nytt snitt","rubric":"kk-2022","date":"2025","source":{},"areas":{"1":60}}"#;
    let rubrics = &catalog().rubrics;
    assert_eq!(Reference::from_file(good.as_bytes(), rubrics).unwrap().label, "Nytt snitt");
    assert_eq!(Reference::from_file(&[0xff, 0xfe], rubrics).unwrap_err(), ReferenceFileError::NotText);
    let unknown = good.replace("kk-2022", "kk-1999");
    assert!(matches!(Reference::from_file(unknown.as_bytes(), rubrics), Err(ReferenceFileError::Invalid(_))));
    let out_of_range = good.replace("60", "160");
    assert!(matches!(Reference::from_file(out_of_range.as_bytes(), rubrics), Err(ReferenceFileError::Invalid(_))));
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(Reference::from_file(&big, rubrics), Err(ReferenceFileError::TooLarge { .. })));
    let message = Reference::from_file(b"{", rubrics).unwrap_err().message();
    assert!(
        message.starts_with("Jämförelsen kunde inte öppnas: ") && message.contains("Ingenting har ändrats."),
        "{message}"
    );
}
