//! Team advice: what a lead takes away from a published team result.
//!
//! Decides only from the aggregates of a published [`TeamStats`] (medians, spreads,
//! shares of "don't know"), so advice reveals nothing the result itself does not:
//!
//! - **priorities**: the largest gaps (at most [`crate::score::MAX_PRIORITIES`], ranked as in a person's snapshot), each with the
//!   flow's next step for a team at the level the team's median reaches (`Flow::team_step`:
//!   what a team does together, not a person's tip);
//! - **talk about this first**: themes with a divided view (a wide spread), where a plan
//!   made before talking would leave half the team behind;
//! - **the lowest theme**, with its next step, when it is not a priority already: a
//!   team that stands low on a theme and does not aim higher still needs a first step;
//! - **make this visible**: themes where many answered "don't know";
//! - per statement, the lowest medians (unless every statement has the same median:
//!   then none is "the lowest", and the advice says they tie) and the most "don't know".

use crate::flow::Flow;
use crate::score::level_of;
use crate::team_stats::{Agreement, TeamStats};

/// A theme is named under "make this visible" from this share of "don't know" on.
pub const MAKE_VISIBLE_MIN_SHARE: f64 = 0.2;
/// At most this many themes under "make this visible", the most "don't know" first.
pub const MAX_MAKE_VISIBLE: usize = 2;
/// At most this many statements in each statement list.
pub const MAX_STATEMENTS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// The largest gaps first.
    pub priorities: Vec<Priority>,
    /// The lowest themes by median that are not priorities, in flow order, with the
    /// step for their level (its `gap` may be 0 or less). Empty when every theme has the
    /// same median.
    pub lowest: Vec<Priority>,
    /// Themes with a divided view, in flow order.
    pub talk_first: Vec<usize>,
    /// Themes with a shared view, in flow order.
    pub shared: Vec<usize>,
    /// Themes whose view is neither shared nor divided (an IQR between the two), in
    /// flow order: named too, so that every theme with a spread is in one list.
    pub in_between: Vec<usize>,
    /// Themes with the most "don't know", most first.
    pub make_visible: Vec<usize>,
    /// Indexes into `TeamStats::statements`: the lowest medians, lowest first.
    pub lowest_statements: Vec<usize>,
    /// The one median every statement has, when they all tie (then `lowest_statements`
    /// is empty).
    pub statements_tie: Option<f64>,
    /// Indexes into `TeamStats::statements`: the most "don't know", most first.
    pub unknown_statements: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub dimension: usize,
    /// The level the team's median reaches.
    pub level: u8,
    pub gap: f64,
    /// Message key of the flow's next step for a team at that level.
    pub next_step: String,
}

/// The advice for a published team result.
pub fn advice(flow: &Flow, stats: &TeamStats) -> Advice {
    let step = |dimension: usize| {
        let dim = stats.dimensions.get(dimension)?;
        let level = level_of(dim.current?);
        Some(Priority {
            dimension,
            level,
            gap: dim.gap()?,
            next_step: flow.team_step(dimension, level).to_string(),
        })
    };
    let priorities: Vec<Priority> = stats.priorities(flow).into_iter().filter_map(step).collect();
    let lowest = lowest_themes(stats)
        .unwrap_or_default()
        .into_iter()
        .filter(|dimension| !priorities.iter().any(|p| p.dimension == *dimension))
        .filter_map(step)
        .collect();
    let with_view = |agreement| {
        stats.dimensions.iter().filter(|d| d.agreement() == Some(agreement)).map(|d| d.dimension).collect()
    };
    let mut unknown: Vec<(usize, f64)> = stats
        .dimensions
        .iter()
        .filter(|d| d.dont_know_share >= MAKE_VISIBLE_MIN_SHARE)
        .map(|d| (d.dimension, d.dont_know_share))
        .collect();
    unknown.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let mut lowest_statements: Vec<(usize, f64)> =
        stats.statements.iter().enumerate().filter_map(|(i, s)| Some((i, s.median?))).collect();
    let statements_tie = match lowest_statements.as_slice() {
        [(_, first), rest @ ..] if !rest.is_empty() && rest.iter().all(|(_, m)| m == first) => Some(*first),
        _ => None,
    };
    if statements_tie.is_some() {
        lowest_statements.clear();
    }
    lowest_statements.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut unknown_statements: Vec<(usize, f64)> = stats
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.dont_know_share > 0.0)
        .map(|(i, s)| (i, s.dont_know_share))
        .collect();
    unknown_statements.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let first = |ranked: Vec<(usize, f64)>, limit| ranked.into_iter().take(limit).map(|(i, _)| i).collect();
    Advice {
        priorities,
        lowest,
        talk_first: with_view(Agreement::Divided),
        shared: with_view(Agreement::Shared),
        in_between: with_view(Agreement::Mixed),
        make_visible: first(unknown, MAX_MAKE_VISIBLE),
        lowest_statements: first(lowest_statements, MAX_STATEMENTS),
        statements_tie,
        unknown_statements: first(unknown_statements, MAX_STATEMENTS),
    }
}

/// The themes with the lowest median, in flow order, or `None` when every theme has the
/// same median (then none is the lowest).
pub fn lowest_themes(stats: &TeamStats) -> Option<Vec<usize>> {
    let currents: Vec<(usize, f64)> =
        stats.dimensions.iter().filter_map(|d| Some((d.dimension, d.current?))).collect();
    let low = currents.iter().map(|(_, current)| *current).min_by(f64::total_cmp)?;
    let lowest: Vec<usize> =
        currents.iter().filter(|(_, current)| *current == low).map(|(dimension, _)| *dimension).collect();
    (lowest.len() < currents.len()).then_some(lowest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team_stats::{DimensionStats, StatementStats};

    fn flow() -> Flow {
        let source = include_str!("../../../flows/quickscan.toml");
        Flow::parse("quickscan.toml", source).expect("the shipped flow parses")
    }

    fn dimension(dimension: usize, current: f64, ambition: f64, iqr: f64, dont_know: f64) -> DimensionStats {
        DimensionStats {
            dimension,
            current: Some(current),
            ambition: Some(ambition),
            quartiles: None,
            iqr: Some(iqr),
            dont_know_share: dont_know,
        }
    }

    fn statement(question: &str, median: Option<f64>, dont_know: f64) -> StatementStats {
        StatementStats { question: question.into(), dimension: 0, median, dont_know_share: dont_know }
    }

    #[test]
    fn priorities_by_gap_with_the_next_step_for_the_teams_level() {
        let flow = flow();
        let stats = TeamStats {
            respondents: 5,
            dont_know: None,
            dimensions: vec![
                dimension(0, 2.0, 4.0, 0.5, 0.0), // gap 2.0
                dimension(1, 1.0, 4.0, 2.5, 0.4), // gap 3.0, divided, 40% don't know
                dimension(2, 3.0, 3.5, 1.5, 0.2), // gap 0.5: no priority
                dimension(3, 3.5, 5.0, 1.0, 0.0), // gap 1.5
                dimension(4, 2.5, 4.0, 2.0, 0.1), // gap 1.5, lower current: before D
            ],
            statements: vec![
                statement("a1", Some(3.0), 0.0),
                statement("a2", Some(1.0), 0.2),
                statement("b1", None, 1.0),
                statement("b2", Some(2.0), 0.6),
                statement("c1", Some(1.0), 0.0),
            ],
        };
        let advice = advice(&flow, &stats);
        let ranked: Vec<(usize, u8, &str)> =
            advice.priorities.iter().map(|p| (p.dimension, p.level, p.next_step.as_str())).collect();
        assert_eq!(ranked, vec![(1, 1, "team-next-b-1"), (0, 2, "team-next-a-2"), (4, 2, "team-next-e-2")]);
        assert_eq!(advice.priorities[0].gap, 3.0);
        assert_eq!(advice.talk_first, vec![1, 4]);
        assert_eq!(advice.shared, vec![0, 3]);
        assert_eq!(advice.in_between, vec![2], "an IQR of 1.5 is neither shared nor divided");
        assert_eq!(advice.make_visible, vec![1, 2], "40% and 20%; 10% is not named");
        assert_eq!(
            advice.lowest_statements,
            vec![1, 4, 3],
            "ties in flow order; all don't know has no median"
        );
        assert_eq!(advice.unknown_statements, vec![2, 3, 1]);
        assert_eq!(advice.statements_tie, None);
        // B (1.0) is the lowest theme, and a priority already.
        assert_eq!(advice.lowest, vec![]);
    }

    #[test]
    fn the_lowest_theme_gets_a_step_though_nobody_aims_higher() {
        let flow = flow();
        let stats = TeamStats {
            respondents: 5,
            dont_know: None,
            dimensions: vec![dimension(0, 2.0, 4.0, 0.5, 0.0), dimension(1, 1.5, 1.5, 0.5, 0.0)],
            statements: vec![],
        };
        let advice = advice(&flow, &stats);
        let lowest: Vec<(usize, u8, &str)> =
            advice.lowest.iter().map(|p| (p.dimension, p.level, p.next_step.as_str())).collect();
        assert_eq!(lowest, vec![(1, 1, "team-next-b-1")]);
    }

    #[test]
    fn statements_that_all_tie_are_not_called_the_lowest() {
        let flow = flow();
        let stats = TeamStats {
            respondents: 5,
            dont_know: None,
            dimensions: vec![dimension(0, 3.0, 3.0, 0.5, 0.0), dimension(1, 3.0, 3.0, 0.5, 0.0)],
            statements: vec![
                statement("a1", Some(3.0), 0.0),
                statement("a2", Some(3.0), 0.0),
                statement("b1", Some(3.0), 0.0),
                statement("b2", Some(3.0), 0.0),
            ],
        };
        let advice = advice(&flow, &stats);
        assert_eq!((advice.lowest_statements.clone(), advice.statements_tie), (vec![], Some(3.0)));
        assert!(advice.lowest.is_empty(), "every theme at 3.0: none is the lowest");
    }

    #[test]
    fn a_team_without_gaps_spread_or_dont_know_gets_no_advice_lists() {
        let flow = flow();
        let stats = TeamStats {
            respondents: 5,
            dont_know: None,
            dimensions: vec![dimension(0, 3.0, 3.0, 1.5, 0.0)],
            statements: vec![],
        };
        let advice = advice(&flow, &stats);
        assert!(
            advice.priorities.is_empty() && advice.talk_first.is_empty() && advice.make_visible.is_empty()
        );
        assert!(advice.lowest_statements.is_empty() && advice.unknown_statements.is_empty());
    }
}
