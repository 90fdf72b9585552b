//! Team statistics, as `quickscan.md` ("Team snapshot") prescribes: per dimension the
//! median current level and ambition, the gap between them, the spread as an
//! interquartile range, and the share of "don't know".
//!
//! Quartiles use linear interpolation between closest ranks (Excel's QUARTILE.INC, R's
//! type 7), so a team lead can recompute them in a spreadsheet. No minimum, maximum or
//! single value ever leaves this module: only medians, quartiles, shares and counts.
//! Quartiles themselves only over [`anonymity::QUARTILES_MIN`] people or more; the IQR
//! always.
//!
//! Every value is computed from the respondents' shown scores and rounded once to one
//! decimal ([`score::shown`]); the gap and the IQR are computed from those shown values.

use serde::{Deserialize, Serialize};

use crate::anonymity;
use crate::flow::{Answer, Answers, Flow, QuestionKind};
use crate::score::{self, GapStatus, gap_status, shown};

/// An IQR at or below this is a shared view.
pub const SHARED_VIEW_MAX_IQR: f64 = 1.0;
/// An IQR at or above this is a divided view.
pub const DIVIDED_VIEW_MIN_IQR: f64 = 2.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamStats {
    pub respondents: usize,
    pub dimensions: Vec<DimensionStats>,
    /// Share of all shown items answered "don't know", 0 to 1 (`None` in results stored
    /// before it was counted; see [`TeamStats::dont_know_share`]).
    #[serde(default)]
    pub dont_know: Option<f64>,
    /// Per statement asked of everyone, in flow order (empty in results stored before
    /// statements were counted).
    #[serde(default)]
    pub statements: Vec<StatementStats>,
}

/// One statement (a scale item) over the team: its median answer and the share of
/// "don't know". Only statements without `show_if` are counted: a conditional item's
/// respondents are a subgroup chosen by their own answers, smaller than the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementStats {
    /// The question's id (stable across flow versions, unlike its index).
    pub question: String,
    pub dimension: usize,
    /// Median of the levels given, as shown; `None` when everyone said "don't know".
    pub median: Option<f64>,
    /// Share of the respondents who answered "don't know", 0 to 1.
    pub dont_know_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionStats {
    /// Index into the flow's dimensions.
    pub dimension: usize,
    /// Median of the respondents' dimension scores (those who have one).
    pub current: Option<f64>,
    /// Median of the respondents' ambitions (those who gave one).
    pub ambition: Option<f64>,
    /// First and third quartile of the dimension scores, over enough people only.
    pub quartiles: Option<(f64, f64)>,
    /// Third minus first quartile.
    #[serde(default)]
    pub iqr: Option<f64>,
    /// Share of all shown items answered "don't know", 0 to 1.
    pub dont_know_share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Shared,
    Divided,
    /// Between the two: neither label applies.
    Mixed,
}

impl TeamStats {
    /// Share of all shown items answered "don't know"; for results stored before it was
    /// counted, the mean of the themes' shares.
    pub fn dont_know_share(&self) -> f64 {
        self.dont_know.unwrap_or_else(|| {
            let shares: Vec<f64> = self.dimensions.iter().map(|d| d.dont_know_share).collect();
            if shares.is_empty() { 0.0 } else { shares.iter().sum::<f64>() / shares.len() as f64 }
        })
    }

    /// At most [`score::MAX_PRIORITIES`] priorities, the largest gap first.
    pub fn priorities(&self, flow: &Flow) -> Vec<usize> {
        let priorities = self
            .dimensions
            .iter()
            .filter(|d| d.gap_status(flow) == Some(GapStatus::Priority))
            .filter_map(|d| Some((d.dimension, d.gap()?, d.current?)))
            .collect();
        score::ranked_priorities(priorities, score::MAX_PRIORITIES)
    }
}

impl DimensionStats {
    /// Ambition minus current, both as shown.
    pub fn gap(&self) -> Option<f64> {
        Some(shown(self.ambition? - self.current?))
    }

    pub fn iqr(&self) -> Option<f64> {
        // Results stored before the IQR had a field of its own carry only quartiles.
        self.iqr.or(self.quartiles.map(|(q1, q3)| shown(q3 - q1)))
    }

    pub fn agreement(&self) -> Option<Agreement> {
        self.iqr().map(|iqr| match iqr {
            iqr if iqr <= SHARED_VIEW_MAX_IQR => Agreement::Shared,
            iqr if iqr >= DIVIDED_VIEW_MIN_IQR => Agreement::Divided,
            _ => Agreement::Mixed,
        })
    }

    pub fn gap_status(&self, flow: &Flow) -> Option<GapStatus> {
        self.gap().map(|gap| gap_status(gap, flow.scoring.priority_gap))
    }

    /// The public-values flag, on the team's median.
    pub fn flagged(&self, flow: &Flow) -> bool {
        score::is_flagged(flow, self.dimension, self.current)
    }
}

/// What a team result needs of one completed response, computed once (the store keeps
/// it with the response): per dimension the shown score, the ambition and the counts of
/// items shown and "don't know", and per question the answer, for per-statement figures
/// and role groups. Team statistics read only these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Respondent {
    /// The flow version it was scored with: a response of another version is scored again.
    pub flow_version: u32,
    /// In the flow's dimension order.
    pub dimensions: Vec<RespondentDimension>,
    /// Per question in flow order, the answer, when the question was shown and answered.
    pub answers: Vec<Option<Answer>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondentDimension {
    /// The dimension score, as shown.
    pub score: Option<f64>,
    pub ambition: Option<u8>,
    pub items_shown: usize,
    pub dont_know: usize,
}

impl Respondent {
    /// Scores one response.
    pub fn of(flow: &Flow, answers: &Answers) -> Respondent {
        let snapshot = score::snapshot(flow, answers);
        let dimensions = snapshot
            .dimensions
            .iter()
            .map(|d| RespondentDimension {
                score: d.score,
                ambition: d.ambition,
                items_shown: d.items_shown,
                dont_know: d.dont_know,
            })
            .collect();
        let answers = (0..flow.questions.len())
            .map(|index| {
                let shown = flow.is_shown(index, answers);
                shown.then(|| answers.get(&flow.questions[index].id).cloned()).flatten()
            })
            .collect();
        Respondent { flow_version: flow.version, dimensions, answers }
    }

    /// The option chosen for a choice question (by index), if it was shown and answered.
    pub fn choice(&self, question: usize) -> Option<&str> {
        match self.answers.get(question)? {
            Some(Answer::Choice(id)) => Some(id),
            _ => None,
        }
    }
}

/// Aggregates the respondents' answers (one set per person).
pub fn team_stats(flow: &Flow, respondents: &[&Answers]) -> TeamStats {
    let scored: Vec<Respondent> = respondents.iter().map(|answers| Respondent::of(flow, answers)).collect();
    stats_of(flow, &scored.iter().collect::<Vec<_>>())
}

/// Aggregates scored respondents (one per person).
pub fn stats_of(flow: &Flow, respondents: &[&Respondent]) -> TeamStats {
    let mut stats = StatsBuilder::new(flow);
    for respondent in respondents {
        stats.add(respondent);
    }
    stats.finish()
}

/// Team statistics gathered one respondent at a time, keeping only the values the medians,
/// quartiles and shares are computed from: the organisation-wide result over 40,000 people
/// is a few MB of scores this way, rather than every respondent (about 1 KB each).
pub struct StatsBuilder<'a> {
    flow: &'a Flow,
    respondents: usize,
    /// Over every dimension of every respondent.
    dont_know: usize,
    items: usize,
    dimensions: Vec<DimensionValues>,
    statements: Vec<StatementValues>,
}

#[derive(Default)]
struct DimensionValues {
    scores: Vec<f64>,
    ambitions: Vec<f64>,
    dont_know: usize,
    items: usize,
}

/// A statement asked of everyone: a scale question shown to all.
struct StatementValues {
    question: usize,
    dimension: usize,
    levels: Vec<u8>,
    dont_know: usize,
}

impl<'a> StatsBuilder<'a> {
    pub fn new(flow: &'a Flow) -> Self {
        let statements = flow
            .questions
            .iter()
            .enumerate()
            .filter(|(_, question)| question.show_if.is_none())
            .filter_map(|(index, question)| {
                // Every kind is named: a new kind must decide whether it is a statement.
                let dimension = match question.kind {
                    QuestionKind::Scale { dimension, .. } => dimension,
                    QuestionKind::Ambition { .. } | QuestionKind::Choice { .. } => return None,
                };
                Some(StatementValues { question: index, dimension, levels: Vec::new(), dont_know: 0 })
            })
            .collect();
        let dimensions = flow.dimensions.iter().map(|_| DimensionValues::default()).collect();
        StatsBuilder { flow, respondents: 0, dont_know: 0, items: 0, dimensions, statements }
    }

    pub fn add(&mut self, respondent: &Respondent) {
        self.respondents += 1;
        for scored in &respondent.dimensions {
            self.dont_know += scored.dont_know;
            self.items += scored.items_shown;
        }
        for (values, scored) in self.dimensions.iter_mut().zip(&respondent.dimensions) {
            values.scores.extend(scored.score);
            values.ambitions.extend(scored.ambition.map(f64::from));
            values.dont_know += scored.dont_know;
            values.items += scored.items_shown;
        }
        for statement in &mut self.statements {
            match respondent.answers.get(statement.question).and_then(Option::as_ref) {
                Some(Answer::Level(level)) => statement.levels.push(*level),
                Some(Answer::DontKnow) => statement.dont_know += 1,
                Some(Answer::Choice(_)) | None => {}
            }
        }
    }

    pub fn finish(self) -> TeamStats {
        let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
        let quartiles_shown = anonymity::quartiles_shown(self.respondents);
        let dimensions = self
            .dimensions
            .iter()
            .enumerate()
            .map(|(dimension, values)| {
                let quartiles = quartiles(&values.scores);
                DimensionStats {
                    dimension,
                    current: median(&values.scores),
                    ambition: median(&values.ambitions),
                    quartiles: quartiles.filter(|_| quartiles_shown),
                    iqr: quartiles.map(|(q1, q3)| shown(q3 - q1)),
                    dont_know_share: share(values.dont_know, values.items),
                }
            })
            .collect();
        let statements = self
            .statements
            .iter()
            .map(|statement| {
                let levels: Vec<f64> = statement.levels.iter().copied().map(f64::from).collect();
                StatementStats {
                    question: self.flow.questions[statement.question].id.clone(),
                    dimension: statement.dimension,
                    median: median(&levels),
                    dont_know_share: share(statement.dont_know, self.respondents),
                }
            })
            .collect();
        TeamStats {
            respondents: self.respondents,
            dimensions,
            dont_know: Some(share(self.dont_know, self.items)),
            statements,
        }
    }
}

/// The median, as shown.
pub fn median(values: &[f64]) -> Option<f64> {
    quantile(values, 0.5).map(shown)
}

/// First and third quartile (QUARTILE.INC), as shown.
pub fn quartiles(values: &[f64]) -> Option<(f64, f64)> {
    Some((shown(quantile(values, 0.25)?), shown(quantile(values, 0.75)?)))
}

/// The `p`-quantile with linear interpolation between closest ranks.
fn quantile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = p * (sorted.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        assert_eq!(median(&[2.0, 2.0, 2.0, 5.0]), Some(2.0), "ties");
    }

    #[test]
    fn quartiles_interpolate_like_quartile_inc() {
        // Ranks (n-1)p: for 5 values Q1 is the 2nd, Q3 the 4th value.
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0, 5.0]), Some((2.0, 4.0)));
        // For 6 values Q1 at rank 1.25: 2 + 0.25 * (3 - 2) = 2.25, shown 2.3; Q3 at rank
        // 3.75: 4.75, shown 4.8 (half away from zero).
        assert_eq!(quartiles(&[6.0, 5.0, 4.0, 3.0, 2.0, 1.0]), Some((2.3, 4.8)));
        // For 4 values Q1 at rank 0.75: 1 + 0.75 * 1 = 1.75; Q3 at 2.25: 3 + 0.25 * 1 = 3.25.
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0]), Some((1.8, 3.3)));
        assert_eq!(quartiles(&[3.0, 3.0, 3.0, 3.0, 3.0]), Some((3.0, 3.0)), "ties");
        assert_eq!(quartiles(&[]), None);
    }

    #[test]
    fn agreement_follows_the_iqr() {
        let stats = |q1, q3| DimensionStats {
            dimension: 0,
            current: Some(3.0),
            ambition: None,
            quartiles: Some((q1, q3)),
            iqr: None,
            dont_know_share: 0.0,
        };
        assert_eq!(stats(2.0, 3.0).agreement(), Some(Agreement::Shared));
        assert_eq!(stats(2.0, 3.5).agreement(), Some(Agreement::Mixed));
        assert_eq!(stats(1.5, 3.5).agreement(), Some(Agreement::Divided));
    }
}
