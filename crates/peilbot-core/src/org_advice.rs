//! What a management team takes away from the organisation view, decided from published
//! aggregates only (the organisation-wide result and each team's latest published one):
//!
//! - **priorities**: the themes with the largest organisation-wide gaps, each gap
//!   weighted by the share of teams for which the theme is a priority of their own (up
//!   to twice as much when every team has it: a gap every team shares comes before an
//!   equal one two teams have), each with the flow's next step for the level the
//!   organisation reaches (the steps written for the organisation and its people; a
//!   team's own advice takes the team steps);
//! - **the lowest theme**, with its step, when it is not a priority already (a low
//!   theme with a low ambition still needs a first step);
//! - **where teams differ most**: the themes whose team medians lie furthest apart.

use crate::advice::lowest_themes;
use crate::flow::Flow;
use crate::score::{self, GapStatus, level_of};
use crate::team::OrgView;
use crate::team_stats::{Agreement, SHARED_VIEW_MAX_IQR, TeamStats};

/// At most this many themes under "where teams differ most".
pub const MAX_SPREADS: usize = 2;
/// Team medians this far apart, or further, count as teams that differ.
pub const MIN_SPREAD: f64 = SHARED_VIEW_MAX_IQR;

#[derive(Debug, Clone, PartialEq)]
pub struct OrgAdvice {
    /// The most pressing first, at most [`score::MAX_PRIORITIES`].
    pub priorities: Vec<OrgStep>,
    /// The lowest themes that are not priorities, in flow order; empty when every theme
    /// stands at the same level, or the lowest are priorities already.
    pub lowest: Vec<OrgStep>,
    /// Whether every theme has the same median (then no theme is "the lowest").
    pub all_level: bool,
    /// The widest spread first.
    pub spreads: Vec<Spread>,
    /// Teams with a result: the "of" of every team count here.
    pub teams: usize,
}

/// One theme with what the organisation does next about it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgStep {
    pub dimension: usize,
    /// The organisation-wide median now, ambition and gap, as shown.
    pub current: f64,
    pub ambition: Option<f64>,
    pub gap: Option<f64>,
    /// The level the organisation-wide median reaches.
    pub level: u8,
    /// Teams for which this theme is a priority as well.
    pub teams_sharing: usize,
    /// Message key of the flow's next step for that level.
    pub next_step: String,
}

/// A theme on which team medians differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub dimension: usize,
    pub lowest: f64,
    pub highest: f64,
    /// Teams whose own view of the theme is divided.
    pub divided: usize,
}

impl Spread {
    pub fn width(&self) -> f64 {
        score::shown(self.highest - self.lowest)
    }
}

/// The advice for an organisation view, or `None` while it has no organisation-wide result.
pub fn org_advice(flow: &Flow, view: &OrgView) -> Option<OrgAdvice> {
    let overall = &view.overall.as_ref()?.stats;
    let teams: Vec<&TeamStats> = view.teams.iter().map(|team| &team.shown.stats).collect();
    let sharing = |dimension: usize| {
        teams
            .iter()
            .filter(|stats| {
                stats.dimensions.get(dimension).and_then(|d| d.gap_status(flow)) == Some(GapStatus::Priority)
            })
            .count()
    };
    let step = |dimension: usize| {
        let dim = overall.dimensions.get(dimension)?;
        let current = dim.current?;
        let level = level_of(current);
        Some(OrgStep {
            dimension,
            current,
            ambition: dim.ambition,
            gap: dim.gap(),
            level,
            teams_sharing: sharing(dimension),
            next_step: flow.next_step(dimension, level).to_string(),
        })
    };

    let mut priorities: Vec<OrgStep> = overall
        .dimensions
        .iter()
        .filter(|d| d.gap().is_some_and(|gap| gap > 0.0))
        .filter_map(|d| step(d.dimension))
        .collect();
    let share = |s: &OrgStep| s.teams_sharing as f64 / teams.len().max(1) as f64;
    let weight = |s: &OrgStep| s.gap.unwrap_or(0.0) * (1.0 + share(s));
    priorities.sort_by(|a, b| {
        weight(b)
            .total_cmp(&weight(a))
            .then(b.gap.unwrap_or(0.0).total_cmp(&a.gap.unwrap_or(0.0)))
            .then(a.current.total_cmp(&b.current))
            .then(a.dimension.cmp(&b.dimension))
    });
    priorities.truncate(score::MAX_PRIORITIES);

    let lowest_themes = lowest_themes(overall);
    let all_level = lowest_themes.is_none();
    let lowest = lowest_themes
        .unwrap_or_default()
        .into_iter()
        .filter(|dimension| !priorities.iter().any(|p| p.dimension == *dimension))
        .filter_map(step)
        .collect();

    let mut spreads: Vec<Spread> = (0..flow.dimensions.len())
        .filter_map(|dimension| {
            let dims: Vec<_> = teams.iter().filter_map(|stats| stats.dimensions.get(dimension)).collect();
            let medians: Vec<f64> = dims.iter().filter_map(|d| d.current).collect();
            if medians.len() < 2 {
                return None;
            }
            Some(Spread {
                dimension,
                lowest: medians.iter().copied().fold(f64::INFINITY, f64::min),
                highest: medians.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                divided: dims.iter().filter(|d| d.agreement() == Some(Agreement::Divided)).count(),
            })
        })
        .filter(|spread| spread.width() >= MIN_SPREAD)
        .collect();
    spreads.sort_by(|a, b| b.width().total_cmp(&a.width()).then(a.dimension.cmp(&b.dimension)));
    spreads.truncate(MAX_SPREADS);

    Some(OrgAdvice { priorities, lowest, all_level, spreads, teams: teams.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::{OrgTeam, Shown};
    use crate::team_stats::DimensionStats;

    fn flow() -> Flow {
        let source = include_str!("../../../flows/quickscan.toml");
        Flow::parse("quickscan.toml", source).expect("the shipped flow parses")
    }

    /// Stats with these (current, ambition) per theme and the IQR `iqr` everywhere.
    fn stats(themes: &[(f64, f64)], iqr: f64) -> Shown {
        let dimensions = themes
            .iter()
            .enumerate()
            .map(|(dimension, &(current, ambition))| DimensionStats {
                dimension,
                current: Some(current),
                ambition: Some(ambition),
                quartiles: None,
                iqr: Some(iqr),
                dont_know_share: 0.0,
            })
            .collect();
        let stats = TeamStats { respondents: 5, dimensions, dont_know: None, statements: Vec::new() };
        Shown { respondents: 5, set: Default::default(), stats }
    }

    fn view(overall: &[(f64, f64)], teams: &[&[(f64, f64)]]) -> OrgView {
        OrgView {
            teams: teams
                .iter()
                .enumerate()
                .map(|(i, themes)| OrgTeam {
                    team: format!("team {i}"),
                    round: 1,
                    current_round: 1,
                    members: 5,
                    round_opened_at: 0,
                    shown: stats(themes, 0.5),
                })
                .collect(),
            pending: Vec::new(),
            overall: Some(stats(overall, 0.5)),
            respondents_now: 5 * teams.len(),
        }
    }

    const LEVEL: (f64, f64) = (3.0, 3.0);

    #[test]
    fn a_gap_many_teams_share_comes_before_a_larger_one_few_have() {
        let flow = flow();
        // Theme A: gap 2.0 at the top, a priority in one team of three (weight 2.0 × 4/3);
        // theme B: gap 1.5, a priority in all three (1.5 × 2); C: gap 0.5, in none.
        let overall = [(2.0, 4.0), (2.5, 4.0), (3.0, 3.5), LEVEL, LEVEL, LEVEL, LEVEL];
        let a_only = [(1.0, 4.0), (2.5, 4.0), LEVEL, LEVEL, LEVEL, LEVEL, LEVEL];
        let b_only = [(3.0, 3.5), (2.5, 4.0), LEVEL, LEVEL, LEVEL, LEVEL, LEVEL];
        let advice = org_advice(&flow, &view(&overall, &[&a_only, &b_only, &b_only])).unwrap();
        let ranked: Vec<(usize, usize)> =
            advice.priorities.iter().map(|p| (p.dimension, p.teams_sharing)).collect();
        assert_eq!(ranked, vec![(1, 3), (0, 1), (2, 0)]);
        assert_eq!(advice.priorities[0].next_step, flow.next_step(1, 2));
        assert_eq!(advice.teams, 3);
    }

    #[test]
    fn the_lowest_theme_gets_a_step_even_without_a_gap() {
        let flow = flow();
        // C is lowest and nobody wants more of it; A and B have gaps.
        let overall = [(2.0, 4.0), (3.0, 3.5), (1.5, 1.5), LEVEL, LEVEL, LEVEL, LEVEL];
        let advice = org_advice(&flow, &view(&overall, &[&overall])).unwrap();
        assert_eq!(advice.priorities.iter().map(|p| p.dimension).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(advice.lowest.iter().map(|p| (p.dimension, p.level)).collect::<Vec<_>>(), vec![(2, 1)]);
        assert!(!advice.all_level);
    }

    #[test]
    fn when_every_theme_ties_none_is_called_the_lowest() {
        let flow = flow();
        let overall = [LEVEL; 7];
        let advice = org_advice(&flow, &view(&overall, &[&overall, &overall])).unwrap();
        assert!(advice.all_level);
        assert!(advice.lowest.is_empty() && advice.priorities.is_empty() && advice.spreads.is_empty());
    }

    #[test]
    fn teams_that_differ_by_a_level_or_more_are_named_widest_first() {
        let flow = flow();
        let low = [(1.0, 3.0), (2.0, 3.0), LEVEL, LEVEL, LEVEL, LEVEL, LEVEL];
        let high = [(4.5, 5.0), (3.0, 3.0), (3.5, 3.5), LEVEL, LEVEL, LEVEL, LEVEL];
        let advice = org_advice(&flow, &view(&[LEVEL; 7], &[&low, &high])).unwrap();
        let spreads: Vec<(usize, f64, f64)> =
            advice.spreads.iter().map(|s| (s.dimension, s.lowest, s.highest)).collect();
        // A differs by 3.5, B by exactly one level; C by half a level is not named.
        assert_eq!(spreads, vec![(0, 1.0, 4.5), (1, 2.0, 3.0)]);
    }

    #[test]
    fn without_an_organisation_wide_result_there_is_no_advice() {
        let flow = flow();
        let mut view = view(&[LEVEL; 7], &[&[LEVEL; 7]]);
        view.overall = None;
        assert_eq!(org_advice(&flow, &view), None);
    }
}
