//! The question flows, as data.
//!
//! A flow file (`flows/*.toml`) holds structure only: dimensions, questions, scales, skip
//! logic and scoring rules. Every word lives in `locales/`, under the message keys the flow
//! names. [`Flow::parse`] turns a file into a validated [`Flow`] or into diagnostics that
//! name the file and line, so a broken flow never reaches a person.
//!
//! This file is the model a reader of a flow needs: the types, show_if semantics and the
//! choices a question offers. `parse` holds the file's raw shape and the validating parser.

mod parse;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

/// Every scale runs from 1 to this.
pub const SCALE_POINTS: u8 = 5;

/// The flow every channel offers first, and the one a team round uses unless its lead
/// picks another.
pub const DEFAULT_FLOW: &str = "quickscan";

/// Longest flow id: it goes into button data and deep links (`scan_<id>`).
pub const MAX_FLOW_ID: usize = 32;

/// Whether a string could be a flow id: a lower-case letter, then lower-case letters,
/// digits or `-`, at most [`MAX_FLOW_ID`] long (safe in button data and deep links).
pub fn is_flow_id(id: &str) -> bool {
    id.len() <= MAX_FLOW_ID
        && id.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A validated flow: every reference resolves, every id is unique.
#[derive(Debug, Clone)]
pub struct Flow {
    pub id: String,
    pub version: u32,
    /// Message key of the flow's title.
    pub title: String,
    /// Message key of the text shown before the first question.
    pub intro: String,
    /// About how long the scan takes, for the menu of flows.
    pub minutes: u32,
    pub scoring: Scoring,
    pub scales: Vec<Scale>,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
    /// Published figures shown beside a snapshot as context (never on its 1-5 scale).
    pub references: References,
}

/// Reference figures: where they are from, per region, and which regions a reader in
/// each language sees.
#[derive(Debug, Clone, Default)]
pub struct References {
    pub regions: Vec<Region>,
    pub figures: Vec<Reference>,
    /// Language tag → indexes into `regions`, in the order they are shown.
    pub shown: BTreeMap<String, Vec<usize>>,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub id: String,
    /// Message key of its name ("the Netherlands", "OECD average").
    pub name: String,
}

/// One published figure, e.g. the OECD Digital Government Index.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Message key of what it measures.
    pub label: String,
    /// Who published it, as they name it (not translated).
    pub source: String,
    pub year: u16,
    pub unit: Unit,
    /// (region index, value), in the order of `regions`.
    pub values: Vec<(usize, f64)>,
    /// The figure's components (e.g. the index's dimensions), each with its own values.
    pub parts: Vec<ReferencePart>,
}

#[derive(Debug, Clone)]
pub struct ReferencePart {
    pub label: String,
    pub values: Vec<(usize, f64)>,
}

/// How a reference figure is read; it is shown as published, never rescaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// 0 to 1, shown with two decimals.
    Index,
    /// A percentage, shown with one decimal.
    Percent,
}

impl References {
    /// The regions a reader in a language sees: that language's list, else its fallback's
    /// (`chain` is the language and its fallbacks, nl-BE then nl), else every region.
    pub fn regions_for(&self, chain: &[&str]) -> Vec<usize> {
        chain
            .iter()
            .find_map(|tag| self.shown.get(*tag).cloned())
            .unwrap_or_else(|| (0..self.regions.len()).collect())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// A dimension gets a score when at least this share of its shown items was answered.
    pub min_answered_share: f64,
    /// A gap (ambition - current) at or above this marks a priority.
    pub priority_gap: f64,
    /// The overall label never exceeds the lowest dimension's level plus this.
    pub overall_cap_above_lowest: u8,
    /// The dimension that is always flagged when it scores below `flag_below`.
    pub flag_dimension: String,
    pub flag_below: f64,
    /// Message key of the warning under a flagged score (given `$score`); without one the
    /// program's public-values warning is shown.
    #[serde(default)]
    pub flag_message: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub id: String,
    /// Message keys of the labels of levels 1 to 5.
    pub labels: Vec<String>,
    /// Message key of the "don't know" choice, when the scale offers one.
    pub dont_know: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    /// Message keys of the next step for each level reached, 1 to 5.
    pub next_steps: Vec<String>,
    /// Message keys of what each level looks like, 1 to 5 (a rubric of one line per
    /// level); empty in flows that describe none.
    pub levels: Vec<String>,
    /// Message keys of what a team does next at each level, 1 to 5; empty in flows
    /// without them (a team then gets the person's step).
    pub team_steps: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    /// Message key of the question text.
    pub text: String,
    pub kind: QuestionKind,
    /// Asked only when this holds; otherwise skipped and left out of scoring.
    pub show_if: Option<Condition>,
}

#[derive(Debug, Clone)]
pub enum QuestionKind {
    /// Where we stand on one item of a dimension (indexes into `dimensions`, `scales`).
    Scale { dimension: usize, scale: usize },
    /// Where the dimension should realistically be in two years.
    Ambition { dimension: usize, scale: usize },
    /// One option out of a list; not scored (e.g. the person's role).
    Choice { options: Vec<ChoiceOption> },
}

impl QuestionKind {
    /// The theme a "where we stand" statement scores into; `None` for any other kind.
    /// Each of these matches is exhaustive: a new kind does not compile until it says.
    pub fn statement_of(&self) -> Option<usize> {
        match self {
            QuestionKind::Scale { dimension, .. } => Some(*dimension),
            QuestionKind::Ambition { .. } | QuestionKind::Choice { .. } => None,
        }
    }

    /// Whether the question asks where a theme should be in two years.
    pub fn is_ambition(&self) -> bool {
        match self {
            QuestionKind::Ambition { .. } => true,
            QuestionKind::Scale { .. } | QuestionKind::Choice { .. } => false,
        }
    }

    /// The options of a choice that is not scored (a role); `None` for a scored kind.
    pub fn options(&self) -> Option<&[ChoiceOption]> {
        match self {
            QuestionKind::Choice { options } => Some(options),
            QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

/// Shows a question only when an earlier question was answered with one of `any_of`.
#[derive(Debug, Clone)]
pub struct Condition {
    /// Index of the earlier question.
    pub question: usize,
    pub any_of: Vec<Answer>,
}

/// A person's answers so far, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// One answer, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Level(u8),
    DontKnow,
    Choice(String),
}

impl Answer {
    /// The code a flow file uses for this answer: `"1"`..`"5"`, `"dont-know"`, or an option id.
    pub fn code(&self) -> String {
        match self {
            Answer::Level(level) => level.to_string(),
            Answer::DontKnow => "dont-know".to_string(),
            Answer::Choice(id) => id.clone(),
        }
    }
}

/// One choice offered for a question: the answer it gives and the message key of its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub answer: Answer,
    pub label: String,
}

impl Flow {
    /// The choices offered for a question, in order.
    pub fn offers(&self, question: usize) -> Vec<Offer> {
        match &self.questions[question].kind {
            QuestionKind::Scale { scale, .. } | QuestionKind::Ambition { scale, .. } => {
                let scale = &self.scales[*scale];
                let levels = (1..=SCALE_POINTS)
                    .zip(&scale.labels)
                    .map(|(level, label)| Offer { answer: Answer::Level(level), label: label.clone() });
                let dont_know = scale
                    .dont_know
                    .iter()
                    .map(|label| Offer { answer: Answer::DontKnow, label: label.clone() });
                levels.chain(dont_know).collect()
            }
            QuestionKind::Choice { options } => options
                .iter()
                .map(|option| Offer {
                    answer: Answer::Choice(option.id.clone()),
                    label: option.label.clone(),
                })
                .collect(),
        }
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// Whether a question is asked, given the answers so far. While the question a
    /// condition looks at is still unanswered, the question counts as shown, so that
    /// progress ("4 of 23") only ever shrinks its total.
    pub fn is_shown(&self, question: usize, answers: &Answers) -> bool {
        match &self.questions[question].show_if {
            None => true,
            Some(condition) => answers
                .get(&self.questions[condition.question].id)
                .is_none_or(|answer| condition.any_of.contains(answer)),
        }
    }

    /// Every message key this flow refers to, each once.
    pub fn message_keys(&self) -> Vec<String> {
        let mut keys = vec![self.title.clone(), self.intro.clone()];
        keys.extend(self.scoring.flag_message.iter().cloned());
        keys.extend(self.references.regions.iter().map(|r| r.name.clone()));
        for figure in &self.references.figures {
            keys.push(figure.label.clone());
            keys.extend(figure.parts.iter().map(|p| p.label.clone()));
        }
        for scale in &self.scales {
            keys.extend(scale.labels.iter().cloned());
            keys.extend(scale.dont_know.iter().cloned());
        }
        for dimension in &self.dimensions {
            keys.push(dimension.name.clone());
            keys.extend(dimension.next_steps.iter().cloned());
            keys.extend(dimension.levels.iter().cloned());
            keys.extend(dimension.team_steps.iter().cloned());
        }
        for question in &self.questions {
            keys.push(question.text.clone());
            keys.extend(question.kind.options().into_iter().flatten().map(|o| o.label.clone()));
        }
        let mut seen = HashSet::new();
        keys.retain(|key| seen.insert(key.clone()));
        keys
    }

    /// How many questions a person is asked at most (skip logic may leave some out).
    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    /// The dimension a scored question belongs to.
    pub fn dimension_of(&self, question: usize) -> Option<usize> {
        match self.questions[question].kind {
            QuestionKind::Scale { dimension, .. } | QuestionKind::Ambition { dimension, .. } => {
                Some(dimension)
            }
            QuestionKind::Choice { .. } => None,
        }
    }

    /// The scale a dimension's items are asked on (its first item's), for its labels.
    pub fn item_scale(&self, dimension: usize) -> usize {
        self.questions
            .iter()
            .find_map(|q| match q.kind {
                QuestionKind::Scale { dimension: d, scale } if d == dimension => Some(scale),
                QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } | QuestionKind::Choice { .. } => {
                    None
                }
            })
            .unwrap_or(0)
    }

    /// Message key of a team's next step for the level its median reaches (1 to 5): what
    /// a team (or the organisation) does together, or the person's step in a flow that
    /// has no team steps.
    pub fn team_step(&self, dimension: usize, level: u8) -> &str {
        let steps = &self.dimensions[dimension].team_steps;
        match steps.get(usize::from(level.clamp(1, SCALE_POINTS) - 1)) {
            Some(step) => step,
            None => self.next_step(dimension, level),
        }
    }

    /// Whether every theme says what each of its levels looks like.
    pub fn describes_levels(&self) -> bool {
        !self.dimensions.is_empty()
            && self.dimensions.iter().all(|d| d.levels.len() == usize::from(SCALE_POINTS))
    }

    /// Message key of a dimension's next step for the level reached (1 to 5): the same
    /// step for a person's snapshot and for a team's advice.
    pub fn next_step(&self, dimension: usize, level: u8) -> &str {
        let steps = &self.dimensions[dimension].next_steps;
        &steps[usize::from(level.clamp(1, SCALE_POINTS) - 1)]
    }

    pub fn flag_dimension(&self) -> usize {
        self.dimensions
            .iter()
            .position(|d| d.id == self.scoring.flag_dimension)
            .expect("validated: the flag dimension exists")
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}
