//! Merging two copies of one assessment, e.g. when another browser tab saved a change or a file
//! comes back from another computer. Each answer and action carries its own change time, so edits
//! to different questions both survive and the later edit of the same question wins. Nothing is
//! dropped silently.
//!
//! The merge is commutative (either copy may be "ours") and idempotent: two edits made in the
//! same millisecond are ordered by their content, so two tabs that merge each other's copies
//! always end up with the same result instead of swapping values back and forth.

use std::cmp::Ordering;

use super::action::Action;
use super::assessment::{Answer, Assessment, Response};
use super::evidence::merge_items;

/// Combines `local` and `incoming` copies of the same assessment. Actions keep `local`'s order,
/// followed by those only `incoming` has.
pub fn merge(local: &Assessment, incoming: &Assessment) -> Assessment {
    let mut merged = local.clone();
    if meta_key(incoming) > meta_key(local) {
        merged.name = incoming.name.clone();
        merged.municipality = incoming.municipality.clone();
        merged.meta_changed_at = incoming.meta_changed_at;
    }
    for (id, theirs) in &incoming.answers {
        let items = merged.answers.get(id).map(|ours| merge_items(&ours.items, &theirs.items));
        let take = merged.answers.get(id).is_none_or(|ours| answer_order(theirs, ours) == Ordering::Greater);
        if take {
            merged.answers.insert(id.clone(), theirs.clone());
        }
        // Evidence items merge on their own, whichever copy's answer won.
        if let (Some(items), Some(answer)) = (items, merged.answers.get_mut(id)) {
            answer.items = items;
        }
    }
    if (incoming.priorities.changed_at, &incoming.priorities.subareas)
        > (local.priorities.changed_at, &local.priorities.subareas)
    {
        merged.priorities = incoming.priorities.clone();
    }
    let (ours, theirs) = (&local.preparation, &incoming.preparation);
    if (theirs.date_changed_at, &theirs.evaluation_date) > (ours.date_changed_at, &ours.evaluation_date) {
        merged.preparation.evaluation_date = theirs.evaluation_date.clone();
        merged.preparation.date_changed_at = theirs.date_changed_at;
    }
    for (check, tick) in &theirs.web_checks {
        let take = merged
            .preparation
            .web_checks
            .get(check)
            .is_none_or(|mine| (tick.changed_at, tick.done) > (mine.changed_at, mine.done));
        if take {
            merged.preparation.web_checks.insert(check.clone(), *tick);
        }
    }
    if merged.origin.is_none() {
        merged.origin = incoming.origin.clone();
    }
    for theirs in &incoming.actions {
        match merged.actions.iter_mut().find(|a| a.id == theirs.id) {
            Some(ours) if action_order(theirs, ours) == Ordering::Greater => *ours = theirs.clone(),
            Some(_) => {}
            None => merged.actions.push(theirs.clone()),
        }
    }
    merged.created_at = local.created_at.min(incoming.created_at);
    merged.updated_at = local.updated_at.max(incoming.updated_at);
    merged
}

/// True when two copies hold the same content: everything equal, actions compared by id (their
/// order is only the order in which this browser saw them).
pub fn equivalent(a: &Assessment, b: &Assessment) -> bool {
    let same_head = a.id == b.id
        && a.name == b.name
        && a.municipality == b.municipality
        && a.rubric == b.rubric
        && a.created_at == b.created_at
        && a.meta_changed_at == b.meta_changed_at
        && a.updated_at == b.updated_at
        && a.answers == b.answers
        && a.priorities == b.priorities
        && a.preparation == b.preparation
        && a.origin == b.origin
        && a.actions.len() == b.actions.len();
    same_head && a.actions.iter().all(|x| b.actions.iter().any(|y| y == x))
}

/// Which of two versions of the name and municipality is newer; ties broken by content.
fn meta_key(a: &Assessment) -> (u64, &str, &str) {
    (a.meta_changed_at, &a.name, &a.municipality)
}

/// Orders two versions of one answer: the later change is greater; at the same time, the
/// content decides, so that the choice does not depend on which copy is "ours".
fn answer_order(a: &Answer, b: &Answer) -> Ordering {
    fn key(x: &Answer) -> (u64, Option<(u8, u8)>, Option<u8>) {
        (x.changed_at, x.response.map(response_rank), x.target)
    }
    key(a).cmp(&key(b)).then_with(|| a.comment.cmp(&b.comment)).then_with(|| a.evidence.cmp(&b.evidence))
}

fn response_rank(r: Response) -> (u8, u8) {
    match r {
        Response::Level(v) => (0, v),
        Response::DontKnow => (1, 0),
        Response::NotApplicable => (2, 0),
    }
}

/// Orders two versions of one action like [`answer_order`].
fn action_order(a: &Action, b: &Action) -> Ordering {
    fn key(x: &Action) -> (u64, bool, &str, [&str; 5]) {
        (x.changed_at, x.deleted, x.status.key(), [&x.target, &x.what, &x.who, &x.due, &x.goal_link])
    }
    key(a).cmp(&key(b))
}
