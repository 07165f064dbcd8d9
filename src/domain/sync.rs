//! What to do when another tab's stored copy of an assessment (or a workshop) arrives, and whether this build may
//! overwrite a stored entry. Pure decisions: the caller reads storage and writes what is decided.
//!
//! The rules that keep every answer:
//! - A copy written by a newer version of the app is never decoded, merged or overwritten here:
//!   the tab says so and stops saving that assessment ([`Arrival::Newer`], [`may_overwrite`]).
//! - A readable copy is merged with ours per answer and action ([`merge`]); if the union differs
//!   from what is stored (this tab had edits the other had not seen), the union is written back.
//! - An entry removed by another tab is removed here too (it could be restored from a file or
//!   with "Ångra" in the tab that removed it).
//! - Anything else (a damaged entry, text that is not ours) is left alone, and ours is kept.

use super::assessment::Assessment;
use super::error::DecodeError;
use super::merge::{equivalent, merge};
use super::persist::{self, SCHEMA_VERSION};
use super::workshop::{self, Workshop};

/// What to do with a stored copy (of an assessment, or of a workshop) that another tab wrote.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival<T = Assessment> {
    /// Nothing to do: the copy equals ours.
    Ignore,
    /// The other tab removed the assessment.
    Removed,
    /// Take this copy: it holds everything ours holds, and it is what storage holds.
    Adopt(T),
    /// Take this union of ours and the stored copy, and write it back: storage lacks some of ours.
    AdoptAndWriteBack(T),
    /// A newer version of the app wrote it (with this schema): neither read nor overwrite it.
    Newer(u64),
    /// The text cannot be read (damaged, or not ours). Ours, if any, is kept as it is.
    Unreadable(DecodeError),
}

/// Decides what happens when the entry of an assessment changes in another tab. `local` is this
/// tab's copy (if it has one), `stored` the entry's new text (`None` when it was removed).
pub fn arrival(local: Option<&Assessment>, stored: Option<&str>) -> Arrival {
    decide(local, stored, |text| persist::decode(text).map(|e| e.assessment), merge, equivalent)
}

/// The same decision for a workshop's entry: its participants and agreed answers are merged
/// ([`workshop::merge::merge`]) as an assessment's answers are.
pub fn workshop_arrival(local: Option<&Workshop>, stored: Option<&str>) -> Arrival<Workshop> {
    decide(local, stored, workshop::persist::decode, workshop::merge::merge, |a, b| a == b)
}

fn decide<T>(
    local: Option<&T>,
    stored: Option<&str>,
    decode: impl Fn(&str) -> Result<T, DecodeError>,
    merge: impl Fn(&T, &T) -> T,
    equivalent: impl Fn(&T, &T) -> bool,
) -> Arrival<T> {
    let Some(text) = stored else {
        return if local.is_some() { Arrival::Removed } else { Arrival::Ignore };
    };
    let incoming = match decode(text) {
        Ok(x) => x,
        Err(DecodeError::TooNew(schema)) => return Arrival::Newer(schema),
        Err(e) => return Arrival::Unreadable(e),
    };
    let Some(local) = local else { return Arrival::Adopt(incoming) };
    let merged = merge(local, &incoming);
    if !equivalent(&merged, &incoming) {
        Arrival::AdoptAndWriteBack(merged)
    } else if equivalent(&merged, local) {
        Arrival::Ignore
    } else {
        Arrival::Adopt(merged)
    }
}

/// Whether this build may overwrite a stored entry whose schema is `stored_schema` (`None` when
/// there is no entry, or it is not one of ours): never when a newer version of the app wrote it.
pub fn may_overwrite(stored_schema: Option<u64>) -> bool {
    stored_schema.is_none_or(|schema| schema <= u64::from(SCHEMA_VERSION))
}

/// [`may_overwrite`] for a workshop's entry, whose format has its own schema numbers.
pub fn may_overwrite_workshop(stored_schema: Option<u64>) -> bool {
    stored_schema.is_none_or(|schema| schema <= u64::from(workshop::persist::SCHEMA_VERSION))
}
