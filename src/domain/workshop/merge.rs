//! Two copies of one workshop (two tabs, or a file opened again) merged so that nothing is lost:
//! participants by their assessment id (the later change wins, removals are tombstones), agreed
//! answers per question (the later change wins, clearing counts as a change), name and anonymity
//! by their own time stamp.

use std::collections::BTreeMap;

use super::{Participant, Workshop};

/// Merges `theirs` into `ours`. Commutative and idempotent on content.
pub fn merge(ours: &Workshop, theirs: &Workshop) -> Workshop {
    let mut out = ours.clone();
    if (theirs.meta_changed_at, &theirs.name, theirs.anonymous) > (ours.meta_changed_at, &ours.name, ours.anonymous) {
        out.name = theirs.name.clone();
        out.anonymous = theirs.anonymous;
        out.meta_changed_at = theirs.meta_changed_at;
    }
    out.created_at = ours.created_at.min(theirs.created_at);
    out.updated_at = ours.updated_at.max(theirs.updated_at);
    // Participants: one per assessment id; the later change wins, ties broken by content so
    // the result does not depend on which copy is "ours". Order: by when first added, then id.
    let mut by_id: BTreeMap<&str, &Participant> = BTreeMap::new();
    for p in ours.participants.iter().chain(&theirs.participants) {
        by_id
            .entry(&p.assessment)
            .and_modify(|slot| {
                if later(p, slot) {
                    *slot = p;
                }
            })
            .or_insert(p);
    }
    let mut participants: Vec<Participant> = by_id.into_values().cloned().collect();
    participants.sort_by(|a, b| a.added_at.cmp(&b.added_at).then_with(|| a.assessment.cmp(&b.assessment)));
    out.participants = participants;
    for (q, theirs_agreed) in &theirs.agreed {
        let keep_theirs = match out.agreed.get(q) {
            None => true,
            Some(mine) => {
                (theirs_agreed.changed_at, format!("{:?}{}", theirs_agreed.response, theirs_agreed.note))
                    > (mine.changed_at, format!("{:?}{}", mine.response, mine.note))
            }
        };
        if keep_theirs {
            out.agreed.insert(q.clone(), theirs_agreed.clone());
        }
    }
    out
}

/// Whether `a` should replace `b`: a later change, or on the same instant a removal, then the
/// larger content (an arbitrary but fixed choice, so that the merge is commutative).
fn later(a: &Participant, b: &Participant) -> bool {
    let key = |p: &Participant| (p.changed_at, p.removed, p.added_at, p.file_name.clone(), p.name.clone());
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Equal => content(a) > content(b),
        order => order.is_gt(),
    }
}

/// The participant's answers and priorities as text, to break an exact tie.
fn content(p: &Participant) -> String {
    serde_json::to_string(&(&p.answers, &p.priorities)).unwrap_or_default()
}
