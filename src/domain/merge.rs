//! Merging two copies of one assessment, e.g. when another browser tab saved a change. Each
//! answer carries its own change time, so edits to different questions both survive and the
//! later edit of the same question wins. Nothing is dropped silently.

use super::assessment::Assessment;

/// Combines `local` and `incoming` copies of the same assessment.
pub fn merge(local: &Assessment, incoming: &Assessment) -> Assessment {
    let mut merged = local.clone();
    if incoming.meta_changed_at >= local.meta_changed_at {
        merged.name = incoming.name.clone();
        merged.municipality = incoming.municipality.clone();
        merged.meta_changed_at = incoming.meta_changed_at;
    }
    for (id, theirs) in &incoming.answers {
        let take = merged.answers.get(id).is_none_or(|ours| theirs.changed_at >= ours.changed_at);
        if take {
            merged.answers.insert(id.clone(), theirs.clone());
        }
    }
    for theirs in &incoming.actions {
        match merged.actions.iter_mut().find(|a| a.id == theirs.id) {
            Some(ours) if theirs.changed_at >= ours.changed_at => *ours = theirs.clone(),
            Some(_) => {}
            None => merged.actions.push(theirs.clone()),
        }
    }
    merged.updated_at = local.updated_at.max(incoming.updated_at);
    merged
}
