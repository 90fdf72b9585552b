//! The publication decision as the pure rule it is (`anonymity::decide`): property tests
//! over arbitrary sets, without a store. Each property is a way to learn one person's
//! answers that the decision must never allow.

use std::collections::BTreeMap;

use peilbot::anonymity::{
    Aliases, BREAKDOWN_MIN, MIN_DIFFERENCE, NO_ALIASES, RespondentSet, Rules, decide, groups_to_publish,
};
use proptest::collection;
use proptest::prelude::*;

proptest! {
    /// Whatever the store holds, a decision to publish never makes a set that can be
    /// set against a published one to isolate fewer than three responses, and never
    /// one below the threshold.
    #[test]
    fn a_published_set_is_never_within_two_of_a_set_it_overlaps(
        candidate in collection::btree_set(0u64..24, 0..16),
        published in collection::vec(collection::btree_set(0u64..24, 0..16), 0..6),
        min in 3usize..8,
    ) {
        let rules = Rules::new(min);
        let decision = decide(rules, &candidate, NO_ALIASES, None, published.iter());
        let safe = |set: &RespondentSet| {
            candidate == *set || candidate.is_disjoint(set) || candidate.symmetric_difference(set).count() >= MIN_DIFFERENCE
        };
        // Published exactly when nothing can be learned by setting it against another.
        let allowed = candidate.len() >= min && published.iter().all(safe);
        prop_assert_eq!(decision.publish, allowed);
    }

    /// A group is published only with seven in it and seven beside it, and never close
    /// to the whole or another published set.
    #[test]
    fn a_published_group_and_its_rest_both_hold_seven(
        whole in collection::btree_set(0u64..40, 0..30),
        split in 0u64..40,
    ) {
        let group: RespondentSet = whole.iter().copied().filter(|id| *id < split).collect();
        let allowed = groups_to_publish([("role", &group)], &whole, NO_ALIASES, &[]);
        if !allowed.is_empty() {
            prop_assert!(group.len() >= BREAKDOWN_MIN);
            prop_assert!(whole.len() - group.len() >= BREAKDOWN_MIN);
        }
    }

    /// Compared by person: responses 100 and up are earlier responses of the candidate's
    /// people (`aliases`, one or more per person), and a person counts once whether they are in one set only or
    /// in both with another response. Published exactly when every overlapping set is at
    /// least three people away.
    #[test]
    fn sets_are_compared_by_person(
        candidate in collection::btree_set(0u64..20, 0..14),
        retook in collection::btree_map(100u64..140, 0u64..20, 0..8),
        published in collection::vec(collection::btree_set(prop_oneof![0u64..20, 100u64..140], 0..14), 0..5),
    ) {
        // An earlier response (100..) of a person whose response now is `id` in the candidate.
        let aliases: Aliases = retook.into_iter().filter(|(_, now)| candidate.contains(now)).collect();
        let person = |id: u64| aliases.get(&id).copied().unwrap_or(id);
        let people = |set: &RespondentSet| {
            let mut by_person: BTreeMap<u64, RespondentSet> = BTreeMap::new();
            for id in set {
                by_person.entry(person(*id)).or_default().insert(*id);
            }
            by_person
        };
        let mine = people(&candidate);
        let apart = |set: &RespondentSet| {
            let theirs = people(set);
            let mut keys: Vec<&u64> = mine.keys().chain(theirs.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().filter(|p| mine.get(p) != theirs.get(p)).count()
        };
        let safe = |set: &RespondentSet| candidate == *set || candidate.is_disjoint(set) || apart(set) >= MIN_DIFFERENCE;
        let decision = decide(Rules::new(3), &candidate, &aliases, None, published.iter());
        prop_assert_eq!(decision.publish, candidate.len() >= 3 && published.iter().all(safe));
    }
}
