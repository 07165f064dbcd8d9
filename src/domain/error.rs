//! Error types of the domain core. Their `Display` texts are Swedish because they reach users
//! (import messages) or rubric authors (test failures name the broken file).

use thiserror::Error;

/// A rubric file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RubricError {
    /// The JSON does not match the rubric format.
    #[error("filen följer inte formatet för kriterier: {0}")]
    Syntax(String),
    /// The `format` number is not one this app reads.
    #[error("okänt filformat {0}")]
    UnknownFormat(u32),
    /// The rubric has no areas.
    #[error("versionen {0} saknar områden")]
    Empty(String),
    /// Two areas, sub-areas or questions share an id.
    #[error("id {0} förekommer mer än en gång")]
    DuplicateId(String),
    /// An id does not extend its parent's id.
    #[error("id {0} passar inte under sitt område")]
    BadId(String),
    /// An area's sub-area maxima do not add up to 100.
    #[error("delområdena i område {area} ger {sum} poäng, inte 100")]
    AreaMax {
        /// Area id.
        area: String,
        /// Actual sum.
        sum: u32,
    },
    /// A sub-area without questions.
    #[error("delområde {0} saknar frågor")]
    NoQuestions(String),
    /// A question weight that is not a positive number.
    #[error("fråga {0} har en ogiltig vikt")]
    BadWeight(String),
    /// A question that names no evidence.
    #[error("fråga {0} anger inget underlag")]
    NoEvidence(String),
    /// A question of the current version without guidance.
    #[error("fråga {0} saknar vägledning")]
    NoGuidance(String),
    /// The answer scale is malformed.
    #[error("svarsskalan är felaktig: {0}")]
    Scale(String),
    /// A retired question names a replacement that is not a question of the version.
    #[error("den ersatta frågan {retired} hänvisar till {question}, som inte finns")]
    UnknownReplacement {
        /// The retired question's id.
        retired: String,
        /// The missing replacement.
        question: String,
    },
}

/// The current rubric's texts (fetched apart from its structure) do not fit it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextsError {
    /// Not the texts file's shape (or not JSON at all).
    #[error("{0}")]
    Syntax(String),
    /// The texts belong to another version than the structure.
    #[error("texterna gäller versionen {texts}, inte {rubric}")]
    OtherVersion {
        /// The version the texts name.
        texts: String,
        /// The version of the structure.
        rubric: String,
    },
    /// No version of that id to join the texts onto.
    #[error("texterna gäller versionen {0}, som inte finns")]
    UnknownVersion(String),
    /// A question without its wording.
    #[error("texten till fråga {0} saknas")]
    Question(String),
    /// A retired question without its wording.
    #[error("texten till den ersatta frågan {0} saknas")]
    Retired(String),
    /// An area without its description.
    #[error("beskrivningen av område {0} saknas")]
    Area(String),
    /// Texts for an id the structure does not have.
    #[error("texterna nämner {0}, som inte finns i versionen")]
    Unknown(String),
    /// Not one description per level of the scale.
    #[error("svarsskalan har {scale} nivåer men texterna beskriver {texts}")]
    Levels {
        /// Descriptions in the texts.
        texts: usize,
        /// Levels of the scale.
        scale: usize,
    },
    /// The joined rubric is not valid (e.g. a question of the current version without guidance).
    #[error("{0}")]
    Rubric(RubricError),
}

/// A reference file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReferenceError {
    /// The JSON does not match the reference format.
    #[error("filen följer inte formatet för jämförelsedata: {0}")]
    Syntax(String),
    /// The reference names a rubric version the app does not have.
    #[error("jämförelsedata {id} gäller en okänd version av kriterierna ({rubric})")]
    UnknownRubric {
        /// Reference id.
        id: String,
        /// The unknown rubric id.
        rubric: String,
    },
    /// An area or sub-area id that the rubric does not have.
    #[error("jämförelsedata {id} nämner {key}, som inte finns i {rubric}")]
    UnknownKey {
        /// Reference id.
        id: String,
        /// Offending key.
        key: String,
        /// Rubric id.
        rubric: String,
    },
    /// A value outside 0..=max.
    #[error("jämförelsedata {id}: värdet för {key} ligger utanför 0–{max}")]
    OutOfRange {
        /// Reference id.
        id: String,
        /// Offending key.
        key: String,
        /// Allowed maximum.
        max: u32,
    },
    /// Neither a total nor area figures.
    #[error("jämförelsedata {0} innehåller inga siffror")]
    NoFigures(String),
}

/// A stored entry or file that cannot be read as an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not valid JSON.
    #[error("innehållet är inte giltig JSON (fel på rad {line}, tecken {column}); det kan vara avkortat eller skadat")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a saved self-assessment.
    #[error("innehållet är inte en sparad självskattning från det här verktyget")]
    NotOurs,
    /// No usable schema number.
    #[error("innehållet saknar uppgift om formatversion")]
    NoSchema,
    /// Written by a newer app than this one.
    #[error(
        "filen är sparad med en nyare version av appen (format {0}); ladda om sidan för att få den senaste versionen och försök igen"
    )]
    TooNew(u64),
    /// The fields do not have the expected shape.
    #[error("innehållet har fel form{}: {what}", at.map(|p| format!(" ({p})")).unwrap_or_default())]
    Shape {
        /// What is wrong, in Swedish (see [`super::json_error::describe`]).
        what: String,
        /// Where in the file, when that refers to the file as it was opened.
        at: Option<super::json_error::Position>,
    },
}

/// Why an imported file was rejected. Nothing is changed when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Larger than the cap.
    #[error("filen är för stor ({size_kb} kB); en sparad självskattning är högst {max_kb} kB")]
    TooLarge {
        /// Actual size in kB.
        size_kb: usize,
        /// Cap in kB.
        max_kb: usize,
    },
    /// Not UTF-8 text.
    #[error("filen är inte en textfil; välj en fil som sparats med ”Spara som fil”")]
    NotText,
    /// The envelope could not be read.
    #[error("{0}")]
    Decode(#[from] DecodeError),
    /// The rubric version is unknown.
    #[error("filen gäller en version av kriterierna som appen inte känner till ({0})")]
    UnknownRubric(String),
    /// An answer to a question the rubric does not have.
    #[error("filen innehåller ett svar på fråga {0}, som inte finns i den versionen av kriterierna")]
    UnknownQuestion(String),
    /// A level outside the scale.
    #[error("svaret på fråga {question} har nivån {value}, som inte finns på skalan")]
    LevelOutOfRange {
        /// Question id.
        question: String,
        /// The stored value.
        value: u8,
    },
    /// A text field over the length cap.
    #[error("texten i {field} är längre än {max} tecken")]
    TooLong {
        /// Which field, in Swedish.
        field: String,
        /// Cap in characters.
        max: usize,
    },
    /// More actions than accepted.
    #[error("filen innehåller fler än {0} åtgärder")]
    TooManyActions(usize),
    /// An action for an area or sub-area the rubric does not have.
    #[error("filen innehåller en åtgärd för {0}, som inte finns i den versionen av kriterierna")]
    UnknownActionTarget(String),
    /// Name empty.
    #[error("självskattningen i filen saknar namn")]
    NoName,
    /// An evidence item that cannot be stored (a link of another kind, too long, too many).
    #[error("underlaget till fråga {question}: {problem}")]
    Evidence {
        /// The question.
        question: String,
        /// What is wrong.
        problem: super::evidence::ItemError,
    },
    /// More prioritised improvement areas than allowed.
    #[error("filen har fler än {0} prioriterade förbättringsområden")]
    TooManyPriorities(usize),
    /// An evaluation date that is not a date.
    #[error("utvärderingsdatumet ”{0}” är inte ett datum (ÅÅÅÅ-MM-DD)")]
    BadDate(String),
}

impl ImportError {
    /// What the user can do about it, in Swedish — `None` when the message already says it.
    pub fn what_to_do(&self) -> Option<&'static str> {
        match self {
            ImportError::NotText | ImportError::Decode(DecodeError::TooNew(_)) => None,
            ImportError::UnknownRubric(_) => {
                Some("Ladda om sidan så att verktyget är i den senaste versionen och försök igen.")
            }
            _ => Some(
                "Välj en fil som sparats med ”Spara som fil” i det här verktyget och som inte har ändrats efteråt.",
            ),
        }
    }

    /// The whole message shown when a file is rejected: what happened, that nothing changed, and
    /// what to do.
    pub fn message(&self) -> String {
        let mut text = format!("Filen kunde inte öppnas: {self}. Ingenting har ändrats.");
        if let Some(advice) = self.what_to_do() {
            text.push(' ');
            text.push_str(advice);
        }
        text
    }
}
