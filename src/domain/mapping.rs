//! Correspondences between rubric versions, so that an official result on an older version can
//! be laid beside a self-assessment on the current one. Area mappings from the 2016 version are
//! approximate and the UI says so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::reference::Reference;

/// The contents of `rubrics/mappings.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Mappings {
    /// Editor hint; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// File format (1).
    #[serde(default)]
    pub format: u32,
    /// Area correspondences between versions.
    pub areas: Vec<AreaMapping>,
    /// Sub-area correspondences between versions.
    #[serde(default)]
    pub subareas: Vec<SubareaMapping>,
}

/// Area ids of `from` mapped onto area ids of `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaMapping {
    /// Source rubric id.
    pub from: String,
    /// Target rubric id.
    pub to: String,
    /// Source area id → target area id.
    pub pairs: BTreeMap<String, String>,
    /// Whether the areas only roughly correspond.
    pub approximate: bool,
    /// Explanation shown to users.
    pub note: String,
}

/// Sub-area correspondences between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubareaMapping {
    /// Source rubric id.
    pub from: String,
    /// Target rubric id.
    pub to: String,
    /// Groups of sub-areas that correspond.
    pub pairs: Vec<SubareaPair>,
}

/// Sub-areas of the source version that correspond to sub-areas of the target version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubareaPair {
    /// Source sub-area ids.
    pub from: Vec<String>,
    /// Target sub-area ids.
    pub to: Vec<String>,
    /// Whether the correspondence is only rough.
    pub approximate: bool,
    /// Explanation.
    #[serde(default)]
    pub note: Option<String>,
}

/// A reference's area figures expressed on another rubric version's areas.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedAreas {
    /// Target area id → points.
    pub values: BTreeMap<String, f64>,
    /// Whether the comparison is only approximate.
    pub approximate: bool,
    /// Explanation of the mapping, when one was applied.
    pub note: Option<String>,
}

impl Mappings {
    /// The area mapping between two versions: as defined, or the inverse of the mapping in the
    /// other direction (area mappings pair areas one to one).
    pub fn area_mapping(&self, from: &str, to: &str) -> Option<AreaMapping> {
        if let Some(m) = self.areas.iter().find(|m| m.from == from && m.to == to) {
            return Some(m.clone());
        }
        self.areas.iter().find(|m| m.from == to && m.to == from).map(|m| AreaMapping {
            from: m.to.clone(),
            to: m.from.clone(),
            pairs: m.pairs.iter().map(|(a, b)| (b.clone(), a.clone())).collect(),
            approximate: m.approximate,
            note: m.note.clone(),
        })
    }

    /// The reference's area figures on the areas of rubric `to`, or `None` when the reference has
    /// no area figures or no mapping connects the versions.
    pub fn areas_on(&self, reference: &Reference, to: &str) -> Option<MappedAreas> {
        let areas = reference.areas.as_ref()?;
        if reference.rubric == to {
            return Some(MappedAreas { values: areas.clone(), approximate: false, note: None });
        }
        let mapping = self.area_mapping(&reference.rubric, to)?;
        let values = areas.iter().filter_map(|(from, v)| mapping.pairs.get(from).map(|to| (to.clone(), *v))).collect();
        Some(MappedAreas { values, approximate: mapping.approximate, note: Some(mapping.note.clone()) })
    }
}
