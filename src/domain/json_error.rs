//! serde_json's error messages in Swedish, for people who open a file.
//!
//! serde reports shape problems in English ("missing field `name`", "invalid type: string
//! \"igår\", expected u64"). A municipal official should instead read which field is missing or
//! what kind of value was expected, in Swedish, and where in the file it is. The English text has a
//! stable form (it is serde's public `Error` wording), so it is rewritten here; anything not
//! recognised falls back to a general Swedish sentence rather than leaking English.

/// Where in a file a problem is, when serde knows (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line.
    pub line: usize,
    /// Column (character on the line).
    pub column: usize,
}

impl Position {
    /// The position of a serde_json error, if it has one.
    pub fn of(e: &serde_json::Error) -> Option<Position> {
        (e.line() > 0).then(|| Position { line: e.line(), column: e.column() })
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rad {}, tecken {}", self.line, self.column)
    }
}

/// What a serde_json data error says, in Swedish and without the position (see [`Position`]).
pub fn describe(e: &serde_json::Error) -> String {
    if e.is_syntax() || e.is_eof() {
        return "texten är inte giltig JSON; filen kan vara avkortad eller skadad".to_string();
    }
    let full = e.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    describe_message(message)
}

/// Rewrites one serde message (without position) into Swedish.
fn describe_message(message: &str) -> String {
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("fältet {} saknas", quoted(field));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return format!("fältet {} förekommer två gånger", quoted(field));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!("fältet {} känns inte igen", quoted(first_part(rest)));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("värdet {} är inte ett av de tillåtna", quoted(first_part(rest)));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("{} står där det ska vara {}", found_value(found), expected_kind(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("{} är inte tillåtet där det ska vara {}", found_value(found), expected_kind(expected));
    }
    if message.starts_with("invalid length ") {
        return "en lista har fel antal värden".to_string();
    }
    "ett fält har ett innehåll som appen inte kan läsa".to_string()
}

/// `` `name`, expected one of … `` → `` `name` ``.
fn first_part(rest: &str) -> &str {
    rest.split_once(", expected").map_or(rest, |(first, _)| first)
}

/// `` `name` `` → ”name”.
fn quoted(backticked: &str) -> String {
    format!("”{}”", backticked.trim().trim_matches('`'))
}

/// serde's `Unexpected` wording → Swedish, with the value when serde gives it.
fn found_value(found: &str) -> String {
    let value = |s: &str| s.trim().trim_matches('`').trim_matches('"').to_string();
    if let Some(s) = found.strip_prefix("string ") {
        format!("texten ”{}”", value(s))
    } else if let Some(n) = found.strip_prefix("integer ") {
        format!("talet {}", value(n))
    } else if let Some(n) = found.strip_prefix("floating point ") {
        format!("talet {}", value(n))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        format!("värdet {}", value(b))
    } else if found == "null" {
        "ett tomt värde (null)".to_string()
    } else if found == "sequence" {
        "en lista".to_string()
    } else if found == "map" {
        "en grupp av fält".to_string()
    } else {
        "ett värde".to_string()
    }
}

/// serde's `expected` wording (type names and `Expected` texts) → Swedish.
fn expected_kind(expected: &str) -> &'static str {
    let e = expected.trim();
    if ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"].contains(&e) || e.contains("integer") {
        "ett heltal"
    } else if e == "f32" || e == "f64" || e.contains("floating") || e.contains("number") {
        "ett tal"
    } else if e.contains("string") || e == "a char" {
        "en text"
    } else if e.contains("boolean") || e == "bool" {
        "sant eller falskt"
    } else if e.contains("sequence") || e.contains("array") || e.starts_with("a vec") {
        "en lista"
    } else if e.starts_with("struct ") || e.contains("map") || e.starts_with("enum ") {
        "en grupp av fält"
    } else {
        "ett värde av ett annat slag"
    }
}
