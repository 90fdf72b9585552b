//! The publication decision as the pure rule it is (`anonymity::decide`): property tests
//! over arbitrary sets, without a store. Each property is a way to learn one person's
//! answers that the decision must never allow.

use peilbot::anonymity::{BREAKDOWN_MIN, MIN_DIFFERENCE, RespondentSet, Rules, decide, groups_to_publish};
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
        let decision = decide(rules, &candidate, None, published.iter());
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
        let allowed = groups_to_publish([("role", &group)], &whole, &[]);
        if !allowed.is_empty() {
            prop_assert!(group.len() >= BREAKDOWN_MIN);
            prop_assert!(whole.len() - group.len() >= BREAKDOWN_MIN);
        }
    }
}
