//! Scoring a completed scan into an individual snapshot, as `quickscan.md` prescribes.
//!
//! - Items score 1 to 5; "don't know" is left out of the score and reported per dimension.
//! - A dimension's score is the mean of its answered items, when at least
//!   `min_answered_share` of its shown items were answered; its level is the floor.
//! - Gap = ambition - current; `priority_gap` or more is a priority, 0 or less satisfied.
//! - The overall index is the equal-weight mean of the dimensions (only when all have a
//!   score); its level is capped at the lowest dimension's level + `overall_cap_above_lowest`.
//! - The flag dimension (public values) is always flagged below `flag_below`.
//!
//! Numbers a person reads add up: every score is rounded once, to the one decimal that
//! is shown ([`shown`]), and levels, gaps, thresholds and the overall index are all
//! computed from those shown values.

use crate::flow::{Answer, Answers, Flow, QuestionKind, SCALE_POINTS};

/// A snapshot names at most this many priorities: more would not be priorities.
pub const MAX_PRIORITIES: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// In the flow's dimension order.
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<Overall>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    /// Index into the flow's dimensions.
    pub dimension: usize,
    /// Mean of the answered items, when enough were answered.
    pub score: Option<f64>,
    /// The ambition for two years from now, unless "don't know" or not asked.
    pub ambition: Option<u8>,
    /// Items of this dimension that were shown, and how many were answered "don't know".
    pub items_shown: usize,
    pub dont_know: usize,
    /// Below the public-values threshold.
    pub flagged: bool,
    pub gap_status: Option<GapStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapStatus {
    /// The gap is at least the priority threshold.
    Priority,
    /// Ambition is at or below where we stand.
    Satisfied,
    /// Some way to go, not a priority.
    Open,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overall {
    /// The mean of the shown dimension scores, itself rounded to one decimal.
    pub index: f64,
    /// The level shown: the index's level, capped.
    pub level: u8,
    /// The level the index alone would give.
    pub uncapped: u8,
    /// The dimension with the lowest score, which sets the cap.
    pub lowest: usize,
}

impl Overall {
    /// The level is lower than the index alone would give, because of the cap.
    pub fn capped(&self) -> bool {
        self.level < self.uncapped
    }
}

impl DimensionScore {
    /// The level reached: 2.0 to 2.9 is level 2.
    pub fn level(&self) -> Option<u8> {
        self.score.map(level_of)
    }

    /// Ambition minus current, both as shown.
    pub fn gap(&self) -> Option<f64> {
        Some(shown(f64::from(self.ambition?) - self.score?))
    }

    /// Share of the shown items answered "don't know", 0 to 1.
    pub fn dont_know_share(&self) -> f64 {
        if self.items_shown == 0 { 0.0 } else { self.dont_know as f64 / self.items_shown as f64 }
    }
}

/// The level a shown value reaches: its floor, within 1 to 5.
pub fn level_of(score: f64) -> u8 {
    (shown(score).floor() as u8).clamp(1, SCALE_POINTS)
}

/// A value as it is shown: rounded half away from zero to one decimal. Rounding a shown
/// value again changes nothing, so it is safe to apply wherever a value is derived.
pub fn shown(value: f64) -> f64 {
    // The nudge keeps 1.45 (stored as 1.4499…) rounding up; + 0.0 turns -0.0 into 0.0.
    (value * 10.0 + value.signum() * 1e-9).round() / 10.0 + 0.0
}

/// The mean of some values, as shown.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| shown(values.iter().sum::<f64>() / values.len() as f64))
}

/// Per dimension (in the flow's order), the change in score since an earlier snapshot of
/// the same flow version, from the values as shown: a dimension without a score in either
/// has none.
pub fn changes(now: &Snapshot, before: &Snapshot) -> Vec<Option<f64>> {
    now.dimensions
        .iter()
        .map(|dim| {
            let earlier = before.dimensions.iter().find(|d| d.dimension == dim.dimension)?.score?;
            Some(shown(dim.score? - earlier))
        })
        .collect()
}

/// Scores a set of answers. Questions hidden by `show_if` are left out.
pub fn snapshot(flow: &Flow, answers: &Answers) -> Snapshot {
    let dimensions: Vec<DimensionScore> =
        (0..flow.dimensions.len()).map(|dimension| score_dimension(flow, answers, dimension)).collect();
    Snapshot { overall: overall(flow, &dimensions), dimensions }
}

fn score_dimension(flow: &Flow, answers: &Answers, dimension: usize) -> DimensionScore {
    let mut levels = Vec::new();
    let mut shown = 0;
    let mut dont_know = 0;
    let mut ambition = None;
    for (index, question) in flow.questions.iter().enumerate() {
        if !flow.is_shown(index, answers) {
            continue;
        }
        let answer = answers.get(&question.id);
        // Every kind is named, so a new kind does not compile until it is scored (or not).
        match question.kind {
            QuestionKind::Scale { dimension: d, .. } if d == dimension => {
                shown += 1;
                match answer {
                    Some(Answer::Level(level)) => levels.push(f64::from(*level)),
                    Some(Answer::DontKnow) => dont_know += 1,
                    // Unanswered, or an answer of another kind (rejected by the engine).
                    Some(Answer::Choice(_)) | None => {}
                }
            }
            QuestionKind::Ambition { dimension: d, .. } if d == dimension => {
                if let Some(Answer::Level(level)) = answer {
                    ambition = Some(*level);
                }
            }
            // Another dimension's questions, and choices (the role), which are not scored.
            QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } | QuestionKind::Choice { .. } => {}
        }
    }
    let enough = shown > 0 && levels.len() as f64 >= flow.scoring.min_answered_share * shown as f64;
    let score = if enough { mean(&levels) } else { None };
    let mut result = DimensionScore {
        dimension,
        score,
        ambition,
        items_shown: shown,
        dont_know,
        flagged: is_flagged(flow, dimension, score),
        gap_status: None,
    };
    result.gap_status = result.gap().map(|gap| gap_status(gap, flow.scoring.priority_gap));
    result
}

/// Whether a dimension's score (an individual mean or a team median) gets the
/// public-values flag.
pub fn is_flagged(flow: &Flow, dimension: usize, score: Option<f64>) -> bool {
    dimension == flow.flag_dimension() && score.is_some_and(|score| score < flow.scoring.flag_below)
}

pub fn gap_status(gap: f64, priority_gap: f64) -> GapStatus {
    if gap >= priority_gap {
        GapStatus::Priority
    } else if gap <= 0.0 {
        GapStatus::Satisfied
    } else {
        GapStatus::Open
    }
}

fn overall(flow: &Flow, dimensions: &[DimensionScore]) -> Option<Overall> {
    let scores: Vec<f64> = dimensions.iter().map(|d| d.score).collect::<Option<_>>()?;
    let index = mean(&scores)?;
    // The first of the lowest, so the reason names a theme in flow order.
    let lowest = (0..scores.len()).min_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    let cap = level_of(scores[lowest]).saturating_add(flow.scoring.overall_cap_above_lowest);
    let uncapped = level_of(index);
    Some(Overall { index, level: uncapped.min(cap), uncapped, lowest: dimensions[lowest].dimension })
}

/// The dimensions to work on first: priorities by gap, largest first, ties by the lower
/// current score, then in flow order; at most `limit`.
pub fn ranked_priorities(mut priorities: Vec<(usize, f64, f64)>, limit: usize) -> Vec<usize> {
    // (dimension, gap, current)
    priorities.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
    priorities.into_iter().take(limit).map(|(dimension, ..)| dimension).collect()
}

impl Snapshot {
    /// At most [`MAX_PRIORITIES`] priorities, the largest gap first.
    pub fn priorities(&self) -> Vec<usize> {
        let priorities = self
            .dimensions
            .iter()
            .filter(|d| d.gap_status == Some(GapStatus::Priority))
            .filter_map(|d| Some((d.dimension, d.gap()?, d.score?)))
            .collect();
        ranked_priorities(priorities, MAX_PRIORITIES)
    }
}
