//! Scoring, against values computed by hand from the rules in `quickscan.md`.

use peilbot::cli::load_content;
use peilbot::flow::{Answer, Answers, Flow};
use peilbot::score::{GapStatus, Snapshot, snapshot};

fn flow() -> Flow {
    load_content().expect("shipped content is valid").default_flow().clone()
}

/// Answers from (question id, code) pairs: "1".."5", "?" for don't know, or an option id.
fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(id, code)| {
            let answer = match *code {
                "?" => Answer::DontKnow,
                level if level.parse::<u8>().is_ok() => Answer::Level(level.parse().unwrap()),
                option => Answer::Choice(option.to_string()),
            };
            (id.to_string(), answer)
        })
        .collect()
}

/// Every item at `level`, every ambition at `ambition`.
fn uniform(level: &str, ambition: &str) -> Vec<(&'static str, String)> {
    let items = ["a1", "a2", "b1", "b2", "c1", "c2", "d1", "d2", "d3", "e1", "e2", "f1", "f2", "g1", "g2"];
    let ambitions =
        ["a-ambition", "b-ambition", "c-ambition", "d-ambition", "e-ambition", "f-ambition", "g-ambition"];
    items
        .iter()
        .map(|id| (*id, level.to_string()))
        .chain(ambitions.iter().map(|id| (*id, ambition.to_string())))
        .collect()
}

fn score_with(overrides: &[(&str, &str)], level: &str, ambition: &str) -> Snapshot {
    let base = uniform(level, ambition);
    let mut pairs: Vec<(&str, &str)> = base.iter().map(|(id, code)| (*id, code.as_str())).collect();
    for (id, code) in overrides {
        match pairs.iter_mut().find(|(existing, _)| existing == id) {
            Some(pair) => pair.1 = code,
            None => pairs.push((id, code)),
        }
    }
    snapshot(&flow(), &answers(&pairs))
}

fn dim(snapshot: &Snapshot, id: &str) -> peilbot::score::DimensionScore {
    let index = flow().dimensions.iter().position(|d| d.id == id).unwrap();
    snapshot.dimensions[index].clone()
}

#[test]
fn dimension_score_is_the_mean_and_its_level_the_floor() {
    // A: (2 + 3) / 2 = 2.5, level 2 ("Ad hoc"); ambition 4, gap 1.5: a priority.
    let s = score_with(&[("a1", "2"), ("a2", "3"), ("a-ambition", "4")], "3", "3");
    let a = dim(&s, "a");
    assert_eq!(a.score, Some(2.5));
    assert_eq!(a.level(), Some(2));
    assert_eq!(a.gap(), Some(1.5));
    assert_eq!(a.gap_status, Some(GapStatus::Priority));
    // D: (4 + 4 + 5) / 3 = 4.33.., shown 4.3, level 4.
    let s = score_with(&[("d3", "5")], "4", "4");
    let d = dim(&s, "d");
    assert_eq!(d.score, Some(4.3));
    assert_eq!(d.level(), Some(4));
}

#[test]
fn scores_are_rounded_once_and_the_level_and_gap_follow_the_shown_value() {
    // D: (1 + 1 + 2) / 3 = 1.33, shown 1.3; ambition 3: gap 3 - 1.3 = 1.7 (not 1.67 → 1.6).
    let s = score_with(&[("d1", "1"), ("d2", "1"), ("d3", "2"), ("d-ambition", "3")], "3", "3");
    let d = dim(&s, "d");
    assert_eq!((d.score, d.gap()), (Some(1.3), Some(1.7)));
    // D: (2 + 2 + 1) / 3 = 1.67, shown 1.7; ambition 3: gap 1.3, no priority.
    let s = score_with(&[("d1", "2"), ("d2", "2"), ("d3", "1"), ("d-ambition", "3")], "3", "3");
    let d = dim(&s, "d");
    assert_eq!((d.score, d.gap(), d.gap_status), (Some(1.7), Some(1.3), Some(GapStatus::Open)));
    // A: (1 + 2) / 2 = 1.5 and ambition 3: gap exactly 1.5, a priority.
    let s = score_with(&[("a1", "1"), ("a2", "2"), ("a-ambition", "3")], "3", "3");
    assert_eq!(dim(&s, "a").gap_status, Some(GapStatus::Priority));
}

#[test]
fn at_most_three_priorities_largest_gap_first_ties_by_lower_current() {
    // Every item 1 and every ambition 5: seven gaps of 4.0, all priorities; the tie is
    // broken by current (all 1.0), then flow order: A, B, C.
    let s = score_with(&[], "1", "5");
    assert_eq!(s.priorities(), vec![0, 1, 2]);
    // D at 1 with ambition 4 (gap 3.0), A at 2 with ambition 5 (gap 3.0), B at 1
    // ambition 3 (gap 2.0): D before A (lower current), then B.
    let s = score_with(
        &[
            ("a1", "2"),
            ("a2", "2"),
            ("a-ambition", "5"),
            ("b1", "1"),
            ("b2", "1"),
            ("b-ambition", "3"),
            ("d1", "1"),
            ("d2", "1"),
            ("d3", "1"),
            ("d-ambition", "4"),
        ],
        "3",
        "3",
    );
    assert_eq!(s.priorities(), vec![3, 0, 1]);
}

#[test]
fn gaps_below_the_threshold_are_open_and_zero_or_less_is_satisfied() {
    // B: 3, ambition 4: gap 1.0, open. C: 3, ambition 3: gap 0, satisfied. G: 3, ambition 2: -1.
    let s = score_with(&[("b-ambition", "4"), ("g-ambition", "2")], "3", "3");
    assert_eq!(dim(&s, "b").gap_status, Some(GapStatus::Open));
    assert_eq!(dim(&s, "c").gap_status, Some(GapStatus::Satisfied));
    assert_eq!(dim(&s, "g").gap(), Some(-1.0));
    assert_eq!(dim(&s, "g").gap_status, Some(GapStatus::Satisfied));
}

#[test]
fn dont_know_is_left_out_of_the_score_and_reported() {
    // D: 2, ?, 4 → mean of the answered (2 + 4) / 2 = 3.0; 1 of 3 don't know = 33%.
    let s = score_with(&[("d1", "2"), ("d2", "?"), ("d3", "4")], "3", "3");
    let d = dim(&s, "d");
    assert_eq!(d.score, Some(3.0));
    assert!((d.dont_know_share() - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_dimension_needs_at_least_half_of_its_items_answered() {
    // A: 1 of 2 answered = half: scored. D: 1 of 3 answered < half: no score.
    let s = score_with(&[("a2", "?"), ("d1", "?"), ("d2", "?"), ("d3", "1")], "3", "3");
    assert_eq!(dim(&s, "a").score, Some(3.0));
    let d = dim(&s, "d");
    assert_eq!(d.score, None);
    assert_eq!(d.gap(), None);
    assert!((d.dont_know_share() - 2.0 / 3.0).abs() < 1e-9);
    assert!(!d.flagged, "no score, so no flag: the don't-know share is the finding");
    assert_eq!(s.overall, None, "no overall index while a dimension has no score");
}

#[test]
fn an_ambition_of_dont_know_gives_no_gap() {
    let s = score_with(&[("c-ambition", "?")], "3", "4");
    let c = dim(&s, "c");
    assert_eq!((c.ambition, c.gap(), c.gap_status), (None, None, None));
}

#[test]
fn public_values_below_two_are_always_flagged() {
    // D: (1 + 2 + 2) / 3 = 1.67 < 2: flagged, whatever the rest.
    let s = score_with(&[("d1", "1"), ("d2", "2"), ("d3", "2")], "5", "5");
    assert!(dim(&s, "d").flagged);
    assert!(s.dimensions.iter().filter(|d| d.flagged).count() == 1);
    // Exactly 2.0 is not below 2.
    let s = score_with(&[("d1", "2"), ("d2", "2"), ("d3", "2")], "5", "5");
    assert!(!dim(&s, "d").flagged);
    // Other dimensions below 2 are not flagged.
    let s = score_with(&[("a1", "1"), ("a2", "1")], "4", "4");
    assert!(!dim(&s, "a").flagged);
}

#[test]
fn the_overall_index_is_the_equal_weight_mean_capped_at_lowest_plus_one() {
    // Six dimensions at 5, A at 1: index (6*5 + 1) / 7 = 4.43, shown 4.4 → level 4, but
    // the cap is lowest level 1 + 1 = 2, set by A.
    let s = score_with(&[("a1", "1"), ("a2", "1")], "5", "5");
    let overall = s.overall.unwrap();
    assert_eq!(overall.index, 4.4);
    assert_eq!((overall.level, overall.uncapped, overall.lowest), (2, 4, 0));
    assert!(overall.capped());
    // All at 3 except A at 2.5 (level 2): index (6*3 + 2.5) / 7 = 2.93, shown 2.9 → level
    // 2, cap 3: not capped.
    let s = score_with(&[("a1", "2"), ("a2", "3")], "3", "3");
    let overall = s.overall.unwrap();
    assert_eq!(overall.index, 2.9);
    assert_eq!((overall.level, overall.capped()), (2, false));
}

#[test]
fn skipped_questions_are_left_out() {
    // e1 = 1 hides e2, so E scores on e1 alone: 1.0 (1 of 1 answered), 0% don't know,
    // even if an answer to e2 is still around.
    let s = score_with(&[("e1", "1"), ("e2", "5")], "3", "3");
    let e = dim(&s, "e");
    assert_eq!(e.score, Some(1.0));
    assert_eq!(e.dont_know_share(), 0.0);
}
