//! The anonymity rules, as pure functions: which team results may be shown at all.
//!
//! Every result anyone can see (a lead's chat, picture or file, the organisation view,
//! "change since", a closed round, a role group) is a *published set* of responses,
//! recorded when it is first shown. A result over a new set is published only when that
//! set differs from every published set it overlaps with by at least
//! [`MIN_DIFFERENCE`] people; otherwise the view shows its last published result again.
//! That one rule closes differencing across views, rounds, overlapping teams, members who
//! leave or forget, and retaken scans.
//!
//! Sets are compared by person, not by response: a person whose response changed (a
//! retake: a new response id in place of the old one) counts as one difference, not two.
//! Otherwise a lead who retakes their own scan with the same answers, beside one new
//! member, would make two sets look three apart while they differ by that one member.
//! The caller says which responses are one person's ([`Aliases`]).
//!
//! A set holds response ids, not people: a response id is a number the store gives a
//! completed scan, so a published set says nothing about who once answered after
//! `/forget` deleted the responses.
//!
//! Nothing here touches the store or the clock: the store hands in the sets and stores
//! what these functions decide.

use std::collections::{BTreeMap, BTreeSet};

/// The store's id of one completed response.
pub type ResponseId = u64;
/// The responses a result is computed over.
pub type RespondentSet = BTreeSet<ResponseId>;
/// Earlier responses of a candidate's people, each to that person's response in the
/// candidate: the same person, so one difference however their answers changed.
pub type Aliases = BTreeMap<ResponseId, ResponseId>;
/// For a candidate none of whose people has another response to be compared.
pub const NO_ALIASES: &Aliases = &BTreeMap::new();

/// The smallest team result a configuration may allow.
pub const MIN_RESPONDENTS_FLOOR: usize = 3;
/// The default smallest team result.
pub const DEFAULT_MIN_RESPONDENTS: usize = 5;
/// A breakdown group (e.g. a role) needs this many responses, and so does the rest.
pub const BREAKDOWN_MIN: usize = 7;
/// A new result must differ from each overlapping published one by this many responses.
pub const MIN_DIFFERENCE: usize = 3;
/// Quartiles are shown from this many responses on: below it, each quartile is close to
/// one person's own score (at 5, QUARTILE.INC gives the 2nd and 4th score exactly).
pub const QUARTILES_MIN: usize = BREAKDOWN_MIN;

/// The configured thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    min_respondents: usize,
}

impl Rules {
    /// A configuration may raise the threshold, never lower it under the floor.
    pub fn new(min_respondents: usize) -> Rules {
        Rules { min_respondents: min_respondents.max(MIN_RESPONDENTS_FLOOR) }
    }

    pub fn min_respondents(self) -> usize {
        self.min_respondents
    }
}

impl Default for Rules {
    fn default() -> Rules {
        Rules::new(DEFAULT_MIN_RESPONDENTS)
    }
}

/// Whether a result over a candidate set may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Fewer responses than the threshold.
    TooFew { respondents: usize, needed: usize },
    /// Too close to a published set it overlaps with: show the view's last result again.
    Hold,
    /// New, or identical to a published set (which adds nothing).
    Publish,
}

/// The rule for a team result (or any other view without a minimum of its own).
pub fn verdict<'a>(
    rules: Rules,
    candidate: &RespondentSet,
    aliases: &Aliases,
    published: impl IntoIterator<Item = &'a RespondentSet>,
) -> Verdict {
    if candidate.len() < rules.min_respondents {
        return Verdict::TooFew { respondents: candidate.len(), needed: rules.min_respondents };
    }
    if published.into_iter().any(|set| too_close(candidate, set, aliases)) {
        Verdict::Hold
    } else {
        Verdict::Publish
    }
}

/// The rule for one group of a breakdown over `whole`: the group and the rest of the
/// whole both need [`BREAKDOWN_MIN`], and the group must pass [`verdict`] too.
pub fn group_verdict<'a>(
    group: &RespondentSet,
    whole: &RespondentSet,
    aliases: &Aliases,
    published: impl IntoIterator<Item = &'a RespondentSet>,
) -> Verdict {
    let rest = whole.difference(group).count();
    if group.len() < BREAKDOWN_MIN || rest < BREAKDOWN_MIN {
        return Verdict::TooFew { respondents: group.len().min(rest), needed: BREAKDOWN_MIN };
    }
    verdict(Rules::new(BREAKDOWN_MIN), group, aliases, published)
}

/// What a view shows now: its last published set, and how many responses that result
/// counted (results stored before sets were recorded have an empty set and a count).
#[derive(Debug, Clone, Copy)]
pub struct LastShown<'a> {
    pub set: &'a RespondentSet,
    pub respondents: usize,
}

/// What to do with a view's result over a candidate set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// What the rules say of the candidate.
    pub verdict: Verdict,
    /// Publish a new result over the candidate (and record its set).
    pub publish: bool,
    /// The view's last published result is over exactly the candidate.
    pub up_to_date: bool,
}

/// The publication decision for a view (a team round, the organisation), as the store
/// must carry it out: `shown` is the view's last published result, `published` every
/// published set the candidate may overlap with (any team, round, group or the
/// organisation). A candidate equal to what is shown publishes nothing new, and needs no
/// sets to check against; a result stored before sets were recorded is renewed only
/// once [`MIN_DIFFERENCE`] more responses came in.
pub fn decide<'a>(
    rules: Rules,
    candidate: &RespondentSet,
    aliases: &Aliases,
    shown: Option<LastShown<'_>>,
    published: impl IntoIterator<Item = &'a RespondentSet>,
) -> Decision {
    if shown.is_some_and(|shown| shown.set == candidate) {
        return Decision {
            verdict: verdict(rules, candidate, aliases, []),
            publish: false,
            up_to_date: true,
        };
    }
    let mut verdict = verdict(rules, candidate, aliases, published);
    let legacy = shown.filter(|shown| shown.set.is_empty() && shown.respondents > 0);
    if legacy.is_some_and(|legacy| candidate.len() < legacy.respondents + MIN_DIFFERENCE) {
        verdict = match verdict {
            Verdict::Publish => Verdict::Hold,
            other => other,
        };
    }
    Decision { verdict, publish: verdict == Verdict::Publish, up_to_date: false }
}

/// Which groups of a breakdown over `whole` (a role each) may be published beside it:
/// each by [`group_verdict`] against every published set and the whole itself.
pub fn groups_to_publish<'g, 'a, K>(
    groups: impl IntoIterator<Item = (K, &'g RespondentSet)>,
    whole: &'a RespondentSet,
    aliases: &Aliases,
    published: &[&'a RespondentSet],
) -> Vec<K> {
    groups
        .into_iter()
        .filter(|(_, group)| {
            group_verdict(group, whole, aliases, published.iter().copied().chain([whole])) == Verdict::Publish
        })
        .map(|(key, _)| key)
        .collect()
}

/// The responses a published set is found by, for [`verdict`] and [`group_verdict`]: its
/// [`MIN_DIFFERENCE`] smallest ids. A set too close to a candidate, or to any part of one
/// (a role group), has fewer than that many responses outside it, so one of these is in
/// it: a store that indexes a set by these alone still finds every set the rules must see,
/// with a few keys per set rather than one per response.
pub fn lookup_ids(set: &RespondentSet) -> impl Iterator<Item = ResponseId> + '_ {
    set.iter().copied().take(MIN_DIFFERENCE)
}

/// Whether quartiles over this many responses may be shown (the IQR always may).
pub fn quartiles_shown(respondents: usize) -> bool {
    respondents >= QUARTILES_MIN
}

/// Two overlapping sets that are not the same and differ by fewer than
/// [`MIN_DIFFERENCE`] people: setting one against the other would single out a few. A
/// response of `set` that `aliases` names as an earlier one of a person whose response
/// in `candidate` is not in `set` is that person changed: one difference, not two.
fn too_close(candidate: &RespondentSet, set: &RespondentSet, aliases: &Aliases) -> bool {
    if candidate == set || candidate.is_disjoint(set) {
        return false;
    }
    // Apart by at least as many people as either side has that the other lacks.
    let only_in_candidate = candidate.difference(set).take(MIN_DIFFERENCE).count();
    if only_in_candidate >= MIN_DIFFERENCE {
        return false;
    }
    // The people only `set` holds a response of (an earlier one of a candidate's person
    // stands for that person), and of those the ones whose response changed: counted
    // once, not once in each set.
    let mut people_only_in_set = BTreeSet::new();
    for id in set.difference(candidate) {
        people_only_in_set.insert(aliases.get(id).copied().unwrap_or(*id));
        if people_only_in_set.len() >= MIN_DIFFERENCE {
            return false;
        }
    }
    let changed =
        people_only_in_set.iter().filter(|now| candidate.contains(now) && !set.contains(now)).count();
    people_only_in_set.len() + only_in_candidate - changed < MIN_DIFFERENCE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: impl IntoIterator<Item = u64>) -> RespondentSet {
        ids.into_iter().collect()
    }

    #[test]
    fn too_few_below_the_threshold_and_never_below_the_floor() {
        let rules = Rules::new(5);
        assert_eq!(
            verdict(rules, &set(1..=4), NO_ALIASES, []),
            Verdict::TooFew { respondents: 4, needed: 5 }
        );
        assert_eq!(verdict(rules, &set(1..=5), NO_ALIASES, []), Verdict::Publish);
        assert_eq!(Rules::new(1).min_respondents(), MIN_RESPONDENTS_FLOOR);
        assert_eq!(Rules::new(7).min_respondents(), 7);
    }

    #[test]
    fn a_set_one_or_two_away_from_a_published_one_is_held() {
        let shown = set(1..=5);
        // A sixth and a seventh person finish: held.
        assert_eq!(verdict(Rules::default(), &set(1..=6), NO_ALIASES, [&shown]), Verdict::Hold);
        assert_eq!(verdict(Rules::default(), &set(1..=7), NO_ALIASES, [&shown]), Verdict::Hold);
        assert_eq!(verdict(Rules::default(), &set(1..=8), NO_ALIASES, [&shown]), Verdict::Publish);
        // One left and one joined: two apart, held.
        assert_eq!(verdict(Rules::default(), &set(2..=6), NO_ALIASES, [&set(1..=6)]), Verdict::Hold);
        // A retake replaces response 5 by 9: two apart.
        assert_eq!(verdict(Rules::default(), &set([1, 2, 3, 4, 9]), NO_ALIASES, [&shown]), Verdict::Hold);
    }

    #[test]
    fn identical_and_disjoint_sets_add_nothing_to_learn() {
        let shown = set(1..=5);
        assert_eq!(verdict(Rules::default(), &set(1..=5), NO_ALIASES, [&shown]), Verdict::Publish);
        assert_eq!(verdict(Rules::default(), &set(6..=10), NO_ALIASES, [&shown]), Verdict::Publish);
    }

    #[test]
    fn every_published_set_counts_not_only_the_views_own() {
        let other_team = set(1..=5);
        let own_round = set(10..=20);
        let candidate = set(1..=6);
        assert_eq!(
            verdict(Rules::default(), &candidate, NO_ALIASES, [&own_round, &other_team]),
            Verdict::Hold
        );
    }

    #[test]
    fn leaving_members_are_held_until_three_changed() {
        let shown = set(1..=6);
        assert_eq!(verdict(Rules::default(), &set(1..=5), NO_ALIASES, [&shown]), Verdict::Hold, "one left");
        assert_eq!(
            verdict(Rules::default(), &set(1..=4), NO_ALIASES, [&shown]),
            Verdict::TooFew { respondents: 4, needed: 5 }
        );
        let shown = set(1..=10);
        assert_eq!(verdict(Rules::default(), &set(1..=8), NO_ALIASES, [&shown]), Verdict::Hold, "two left");
        assert_eq!(
            verdict(Rules::default(), &set(1..=7), NO_ALIASES, [&shown]),
            Verdict::Publish,
            "three left"
        );
    }

    #[test]
    fn a_group_and_the_rest_of_the_team_both_need_seven() {
        let whole = set(1..=14);
        assert_eq!(group_verdict(&set(1..=7), &whole, NO_ALIASES, []), Verdict::Publish);
        assert_eq!(
            group_verdict(&set(1..=7), &set(1..=13), NO_ALIASES, []),
            Verdict::TooFew { respondents: 6, needed: 7 }
        );
        assert_eq!(
            group_verdict(&set(1..=6), &whole, NO_ALIASES, []),
            Verdict::TooFew { respondents: 6, needed: 7 }
        );
        // 7 of one role and 1 of another: the rest is one person.
        assert!(matches!(group_verdict(&set(1..=7), &set(1..=8), NO_ALIASES, []), Verdict::TooFew { .. }));
    }

    #[test]
    fn a_group_is_held_like_any_other_result() {
        let whole = set(1..=16);
        let earlier_group = set(1..=7);
        assert_eq!(group_verdict(&set(1..=8), &whole, NO_ALIASES, [&earlier_group]), Verdict::Hold);
        assert_eq!(group_verdict(&set(1..=7), &whole, NO_ALIASES, [&earlier_group]), Verdict::Publish);
    }

    #[test]
    fn every_set_the_rules_hold_against_is_found_by_its_lookup_ids() {
        // Every pair of sets over eight responses: whenever a published set is too close to
        // a candidate, or to a part of it, one of its lookup ids is in the candidate.
        let all: Vec<RespondentSet> =
            (0u32..256).map(|bits| set((0..8).filter(|i| bits & 1 << i != 0))).collect();
        let mut held = 0;
        for candidate in &all {
            for published in &all {
                if too_close(candidate, published, NO_ALIASES) {
                    held += 1;
                    assert!(
                        lookup_ids(published).any(|id| candidate.contains(&id)),
                        "{published:?} is too close to {candidate:?} but not found by its lookup ids"
                    );
                }
            }
        }
        assert!(held > 1_000, "the pairs cover sets the rules hold against");
        // Only a set's smallest ids, so a large set needs a few keys.
        assert_eq!(lookup_ids(&set(10..=100)).collect::<Vec<_>>(), [10, 11, 12]);
    }

    #[test]
    fn quartiles_only_over_enough_people() {
        assert!(!quartiles_shown(5));
        assert!(!quartiles_shown(6));
        assert!(quartiles_shown(7));
    }

    #[test]
    fn a_result_stored_before_sets_were_recorded_is_renewed_three_responses_later() {
        let empty = RespondentSet::new();
        let legacy = Some(LastShown { set: &empty, respondents: 5 });
        assert!(!decide(Rules::default(), &set(1..=7), NO_ALIASES, legacy, []).publish);
        assert!(decide(Rules::default(), &set(1..=8), NO_ALIASES, legacy, []).publish);
    }

    #[test]
    fn what_is_shown_already_is_up_to_date_and_not_published_again() {
        let shown = set(1..=5);
        let decision = decide(
            Rules::default(),
            &set(1..=5),
            NO_ALIASES,
            Some(LastShown { set: &shown, respondents: 5 }),
            [],
        );
        assert_eq!(decision, Decision { verdict: Verdict::Publish, publish: false, up_to_date: true });
    }

    #[test]
    fn a_person_whose_response_changed_is_one_difference() {
        let shown = set(1..=5);
        // The person of response 1 retook the scan (now 11), and a sixth (6) finished: by
        // response three apart (1 out, 6 and 11 in), by person two.
        let candidate = set([2, 3, 4, 5, 6, 11]);
        let retook = Aliases::from([(1, 11)]);
        assert_eq!(verdict(Rules::default(), &candidate, NO_ALIASES, [&shown]), Verdict::Publish);
        assert_eq!(verdict(Rules::default(), &candidate, &retook, [&shown]), Verdict::Hold);
        // Two retakes and the sixth: three people, published.
        let candidate = set([3, 4, 5, 6, 11, 12]);
        let two = Aliases::from([(1, 11), (2, 12)]);
        assert_eq!(verdict(Rules::default(), &candidate, &two, [&shown]), Verdict::Publish);
        // Everyone retook (a new round of the same people): five changed, published.
        let everyone: Aliases = (1..=5).map(|id| (id, id + 10)).collect();
        assert_eq!(verdict(Rules::default(), &set(11..=15), &everyone, [&shown]), Verdict::Publish);
        // A retake alone changes one person: held, where by response it is two apart anyway.
        let alone = set([2, 3, 4, 5, 11]);
        assert_eq!(verdict(Rules::default(), &alone, &retook, [&shown]), Verdict::Hold);
    }
}
