//! Reading a flow file: its raw shape, with spans, and the validator that turns it into a
//! [`Flow`] or into every problem it has, each named as `file:line`.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Answer, ChoiceOption, Condition, Dimension, Flow, MAX_FLOW_ID, Question, QuestionKind, Reference,
    ReferencePart, References, Region, SCALE_POINTS, Scale, Scoring, Unit, is_flow_id, line_of,
};
use crate::diagnostic::Diagnostic;

/// Seconds a question takes, to estimate `minutes` for a flow written before it existed.
const SECONDS_PER_QUESTION: usize = 15;

impl Flow {
    /// Parses and validates a flow file. `path` is only used to name the file in diagnostics.
    pub fn parse(path: &str, source: &str) -> Result<Flow, Vec<Diagnostic>> {
        Flow::parse_noting(path, source).map(|(flow, _)| flow)
    }

    /// [`Flow::parse`], with notes on what the file leaves out that a later release of the
    /// format added: the flow loads with a default, and `flows check` says which.
    pub fn parse_noting(path: &str, source: &str) -> Result<(Flow, Vec<Diagnostic>), Vec<Diagnostic>> {
        let raw: RawFlow = toml::from_str(source).map_err(|err| {
            let line = err.span().map_or(1, |span| line_of(source, span.start));
            vec![Diagnostic::new(path, line, err.message().trim())]
        })?;
        let mut notes = Vec::new();
        if raw.minutes.is_none() {
            let minutes = estimated_minutes(raw.questions.len());
            let message = format!(
                "no `minutes` (added with the flow menu): the menu says about {minutes}, at {SECONDS_PER_QUESTION} seconds a question"
            );
            notes.push(Diagnostic::new(path, 1, message));
        }
        Validator::new(path, source).flow(raw).map(|flow| (flow, notes))
    }
}

fn estimated_minutes(questions: usize) -> u32 {
    u32::try_from((questions * SECONDS_PER_QUESTION).div_ceil(60).max(1)).unwrap_or(u32::MAX)
}

// The file's shape, with spans so that diagnostics can name lines.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlow {
    id: Spanned<String>,
    version: u32,
    title: Spanned<String>,
    intro: Spanned<String>,
    /// Since the flow menu; a file from before gets an estimate (see `parse_noting`).
    minutes: Option<Spanned<u32>>,
    scoring: Spanned<Scoring>,
    #[serde(default)]
    scales: Vec<RawScale>,
    #[serde(default)]
    dimensions: Vec<RawDimension>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
    #[serde(default)]
    regions: Vec<RawRegion>,
    #[serde(default)]
    references: Vec<RawReference>,
    /// Language tag → the regions whose figures a reader in that language sees.
    #[serde(default)]
    references_shown: BTreeMap<String, Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    id: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    label: Spanned<String>,
    source: String,
    year: u16,
    unit: Unit,
    values: Spanned<BTreeMap<String, f64>>,
    #[serde(default)]
    parts: Vec<RawPart>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    label: String,
    values: Spanned<BTreeMap<String, f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    id: Spanned<String>,
    labels: Spanned<Vec<String>>,
    dont_know: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDimension {
    id: Spanned<String>,
    name: String,
    next_steps: Spanned<Vec<String>>,
    /// Optional (flows before it came have none): what each level looks like.
    #[serde(default)]
    levels: Option<Spanned<Vec<String>>>,
    /// Optional: what a team does next at each level (else a team gets `next_steps`).
    #[serde(default)]
    team_steps: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    kind: Spanned<RawKind>,
    text: String,
    dimension: Option<Spanned<String>>,
    scale: Option<Spanned<String>>,
    #[serde(default)]
    options: Vec<RawOption>,
    show_if: Option<Spanned<RawCondition>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum RawKind {
    Scale,
    Ambition,
    Choice,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: Spanned<String>,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    question: Spanned<String>,
    any_of: Vec<String>,
}

/// Collects every problem in a file rather than stopping at the first.
struct Validator<'a> {
    path: &'a str,
    source: &'a str,
    errors: Vec<Diagnostic>,
}

impl<'a> Validator<'a> {
    fn new(path: &'a str, source: &'a str) -> Self {
        Validator { path, source, errors: Vec::new() }
    }

    fn error<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        let line = line_of(self.source, spanned.span().start);
        self.errors.push(Diagnostic::new(self.path, line, message));
    }

    /// Maps ids to indexes, reporting duplicates.
    fn index(&mut self, what: &str, ids: &[&Spanned<String>]) -> HashMap<String, usize> {
        let mut index = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if id.as_ref().is_empty() {
                self.error(id, format!("{what} id is empty"));
            } else if index.insert(id.as_ref().clone(), i).is_some() {
                self.error(id, format!("duplicate {what} id `{}`", id.as_ref()));
            }
        }
        index
    }

    fn lookup(
        &mut self,
        index: &HashMap<String, usize>,
        what: &str,
        question: &Spanned<String>,
        reference: Option<&Spanned<String>>,
    ) -> Option<usize> {
        let Some(reference) = reference else {
            self.error(question, format!("question `{}` needs a {what}", question.as_ref()));
            return None;
        };
        let found = index.get(reference.as_ref()).copied();
        if found.is_none() {
            self.error(reference, format!("unknown {what} `{}`", reference.as_ref()));
        }
        found
    }

    fn flow(mut self, raw: RawFlow) -> Result<Flow, Vec<Diagnostic>> {
        let scale_ids: Vec<_> = raw.scales.iter().map(|s| &s.id).collect();
        let scale_index = self.index("scale", &scale_ids);
        let dimension_ids: Vec<_> = raw.dimensions.iter().map(|d| &d.id).collect();
        let dimension_index = self.index("dimension", &dimension_ids);
        let question_ids: Vec<_> = raw.questions.iter().map(|q| &q.id).collect();
        let question_index = self.index("question", &question_ids);

        if !is_flow_id(raw.id.as_ref()) {
            let message = format!(
                "flow id `{}` must start with a lower-case letter and hold only a-z, 0-9 and `-` (at most {MAX_FLOW_ID})",
                raw.id.as_ref()
            );
            self.error(&raw.id, message);
        }
        if let Some(minutes) = raw.minutes.as_ref().filter(|minutes| *minutes.as_ref() == 0) {
            self.error(minutes, "minutes must be at least 1");
        }
        let minutes = raw.minutes.map_or_else(|| estimated_minutes(raw.questions.len()), Spanned::into_inner);
        for (what, key) in [("title", &raw.title), ("intro", &raw.intro)] {
            if key.as_ref().is_empty() {
                self.error(key, format!("flow {what} needs a message key"));
            }
        }
        let scoring = raw.scoring.as_ref().clone();
        if !dimension_index.contains_key(&scoring.flag_dimension) {
            let message = format!("unknown flag_dimension `{}`", scoring.flag_dimension);
            self.error(&raw.scoring, message);
        }

        let scales = raw.scales.into_iter().map(|s| self.scale(s)).collect();
        let dimensions = raw.dimensions.into_iter().map(|d| self.dimension(d)).collect();
        let mut questions = Vec::new();
        for (position, raw_question) in raw.questions.into_iter().enumerate() {
            let question = self.question(
                raw_question,
                position,
                &scale_index,
                &dimension_index,
                &question_index,
                &questions,
            );
            questions.extend(question);
        }

        let references = self.references(raw.regions, raw.references, raw.references_shown);

        if self.errors.is_empty() {
            Ok(Flow {
                id: raw.id.into_inner(),
                version: raw.version,
                title: raw.title.into_inner(),
                intro: raw.intro.into_inner(),
                minutes,
                references,
                scoring,
                scales,
                dimensions,
                questions,
            })
        } else {
            Err(self.errors)
        }
    }

    /// Regions, figures and who sees which: every value names a known region.
    fn references(
        &mut self,
        regions: Vec<RawRegion>,
        figures: Vec<RawReference>,
        shown: BTreeMap<String, Spanned<Vec<String>>>,
    ) -> References {
        let region_ids: Vec<_> = regions.iter().map(|r| &r.id).collect();
        let index = self.index("region", &region_ids);
        let values = |validator: &mut Self, raw: &Spanned<BTreeMap<String, f64>>| {
            let mut found: Vec<(usize, f64)> = Vec::new();
            for (region, value) in raw.as_ref() {
                match index.get(region) {
                    Some(&i) => found.push((i, *value)),
                    None => validator.error(raw, format!("unknown region `{region}`")),
                }
            }
            if found.is_empty() {
                validator.error(raw, "a reference needs a value for at least one region");
            }
            found.sort_by_key(|(i, _)| *i);
            found
        };
        let figures = figures
            .into_iter()
            .map(|raw| Reference {
                values: values(self, &raw.values),
                parts: raw
                    .parts
                    .iter()
                    .map(|part| ReferencePart {
                        label: part.label.clone(),
                        values: values(self, &part.values),
                    })
                    .collect(),
                label: raw.label.into_inner(),
                source: raw.source,
                year: raw.year,
                unit: raw.unit,
            })
            .collect();
        let mut by_lang = BTreeMap::new();
        for (tag, list) in shown {
            let mut picked = Vec::new();
            for region in list.as_ref() {
                match index.get(region) {
                    Some(&i) => picked.push(i),
                    None => self.error(&list, format!("unknown region `{region}` for {tag}")),
                }
            }
            by_lang.insert(tag, picked);
        }
        let regions = regions.into_iter().map(|r| Region { id: r.id.into_inner(), name: r.name }).collect();
        References { regions, figures, shown: by_lang }
    }

    fn scale(&mut self, raw: RawScale) -> Scale {
        let count = raw.labels.as_ref().len();
        if count != usize::from(SCALE_POINTS) {
            let message = format!(
                "scale `{}` has {count} labels; it needs one for each level 1 to {SCALE_POINTS}",
                raw.id.as_ref()
            );
            self.error(&raw.id, message);
        }
        Scale { id: raw.id.into_inner(), labels: raw.labels.into_inner(), dont_know: raw.dont_know }
    }

    fn dimension(&mut self, raw: RawDimension) -> Dimension {
        let count = raw.next_steps.as_ref().len();
        if count != usize::from(SCALE_POINTS) {
            let message = format!(
                "dimension `{}` has {count} next steps; it needs one for each level 1 to {SCALE_POINTS}",
                raw.id.as_ref()
            );
            self.error(&raw.id, message);
        }
        let mut per_level = |field: &str, keys: Option<Spanned<Vec<String>>>| {
            let keys = keys.map(Spanned::into_inner).unwrap_or_default();
            if !keys.is_empty() && keys.len() != usize::from(SCALE_POINTS) {
                let message = format!(
                    "dimension `{}` has {} {field}; it needs one for each level 1 to {SCALE_POINTS}, or none",
                    raw.id.as_ref(),
                    keys.len()
                );
                self.error(&raw.id, message);
            }
            keys
        };
        let levels = per_level("levels", raw.levels);
        let team_steps = per_level("team steps", raw.team_steps);
        Dimension {
            id: raw.id.into_inner(),
            name: raw.name,
            next_steps: raw.next_steps.into_inner(),
            levels,
            team_steps,
        }
    }

    fn question(
        &mut self,
        raw: RawQuestion,
        position: usize,
        scales: &HashMap<String, usize>,
        dimensions: &HashMap<String, usize>,
        questions: &HashMap<String, usize>,
        earlier: &[Question],
    ) -> Option<Question> {
        let kind = match *raw.kind.as_ref() {
            RawKind::Scale | RawKind::Ambition => {
                let dimension = self.lookup(dimensions, "dimension", &raw.id, raw.dimension.as_ref());
                let scale = self.lookup(scales, "scale", &raw.id, raw.scale.as_ref());
                if !raw.options.is_empty() {
                    self.error(&raw.kind, "only `choice` questions take options");
                }
                let (dimension, scale) = (dimension?, scale?);
                if *raw.kind.as_ref() == RawKind::Scale {
                    QuestionKind::Scale { dimension, scale }
                } else {
                    QuestionKind::Ambition { dimension, scale }
                }
            }
            RawKind::Choice => {
                if raw.options.is_empty() {
                    self.error(&raw.id, format!("choice question `{}` has no options", raw.id.as_ref()));
                }
                let option_ids: Vec<_> = raw.options.iter().map(|o| &o.id).collect();
                self.index("option", &option_ids);
                let options = raw
                    .options
                    .into_iter()
                    .map(|o| ChoiceOption { id: o.id.into_inner(), label: o.label })
                    .collect();
                QuestionKind::Choice { options }
            }
        };
        let show_if = match raw.show_if {
            None => None,
            Some(condition) => self.condition(&condition, position, questions, earlier),
        };
        Some(Question { id: raw.id.into_inner(), text: raw.text, kind, show_if })
    }

    /// A condition may only look back: at a question asked earlier, with answers it can have.
    fn condition(
        &mut self,
        raw: &Spanned<RawCondition>,
        position: usize,
        questions: &HashMap<String, usize>,
        earlier: &[Question],
    ) -> Option<Condition> {
        let target = &raw.as_ref().question;
        let Some(&index) = questions.get(target.as_ref()) else {
            self.error(target, format!("show_if refers to unknown question `{}`", target.as_ref()));
            return None;
        };
        if index >= position {
            let message =
                format!("show_if refers to `{}`, which is not asked before this question", target.as_ref());
            self.error(target, message);
            return None;
        }
        let question = earlier.get(index)?;
        let valid: Vec<String> = match &question.kind {
            QuestionKind::Choice { options } => options.iter().map(|o| o.id.clone()).collect(),
            QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } => {
                (1..=SCALE_POINTS).map(|l| l.to_string()).chain(["dont-know".to_string()]).collect()
            }
        };
        let mut any_of = Vec::new();
        for code in &raw.as_ref().any_of {
            if !valid.contains(code) {
                let message = format!("show_if answer `{code}` is not an answer of `{}`", target.as_ref());
                self.error(raw, message);
                continue;
            }
            any_of.push(match &question.kind {
                QuestionKind::Choice { .. } => Answer::Choice(code.clone()),
                QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } if code == "dont-know" => {
                    Answer::DontKnow
                }
                QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } => {
                    Answer::Level(code.parse().expect("validated above"))
                }
            });
        }
        Some(Condition { question: index, any_of })
    }
}
