//! Turning engine output into words, in the person's language.
//!
//! Shared by every adapter: the terminal prints these texts with numbered choices, Telegram
//! sends them with inline keyboards. Nothing here decides anything; it only looks up
//! messages and formats numbers with the language's one formatter (`Lang::decimal`).
//! The values it gets are already rounded as shown (see `score`), so every gap,
//! change and level it writes agrees with the numbers beside it.

mod advice;
pub mod report;

use crate::chart::{ProfileRow, ProfileText};
use crate::content::Content;
use crate::engine::QuestionView;
use crate::flow::{Dimension, Flow, SCALE_POINTS};
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::score::{GapStatus, Overall, Snapshot, level_of};
use crate::team_stats::{DimensionStats, TeamStats};

mod context;
mod org;
mod org_summary;
mod team;
mod team_sections;
pub use org::{OrgDetail, OrgPage};
pub use report::Sectioned;

/// The flow's first scale is its main one: the overall level and the chart's axis use it.
const MAIN_SCALE: usize = 0;

/// Cells in the progress bar.
const BAR_WIDTH: usize = 10;

pub struct Presenter<'a> {
    pub content: &'a Content,
    pub flow: &'a Flow,
    pub lang: Lang,
}

/// How a theme's spread is named ("shared view", "in between …", "divided view"): the
/// same words under a score, in the views section and in the exports.
pub fn view_msg(agreement: crate::team_stats::Agreement) -> Msg {
    use crate::team_stats::Agreement;
    match agreement {
        Agreement::Shared => Msg::TeamViewShared,
        Agreement::Mixed => Msg::TeamViewMixed,
        Agreement::Divided => Msg::TeamViewDivided,
    }
}

/// The flag under a score that calls for one ("Attention: public values score 1.5, below
/// 2 …"), in the flow's own words where it has them: the same in the chat, the PDF and
/// the exports.
pub fn flag_text(locales: &crate::i18n::Locales, flow: &Flow, lang: Lang, score: f64) -> String {
    let args = [("score", lang.decimal(score).into())];
    match &flow.scoring.flag_message {
        Some(key) => locales.text(lang, key, &args),
        None => locales.msg_with(lang, Msg::SnapshotPublicValuesFlag, &args),
    }
}

/// A theme's letter in a language: its name's `.letter` attribute where the language
/// gives one (the AI scan's themes in Dutch: "M Menselijk toezicht"), else its id ("A").
pub fn theme_letter(locales: &crate::i18n::Locales, lang: Lang, dimension: &Dimension) -> String {
    locales.attribute(lang, &dimension.name, "letter").unwrap_or_else(|| dimension.id.to_uppercase())
}

/// The calendar day (in UTC) of a moment in milliseconds.
fn utc_date(millis: u64) -> jiff::civil::Date {
    let millis = i64::try_from(millis).unwrap_or(0);
    let moment = jiff::Timestamp::from_millisecond(millis).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    moment.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// A choice as a person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceLabel {
    pub label: String,
    /// The answer given earlier, when the person came back to this question.
    pub chosen: bool,
    /// The level this choice stands for, on a scale (buttons show it: "3 · Agreed").
    pub level: Option<u8>,
}

impl<'a> Presenter<'a> {
    pub fn new(content: &'a Content, flow: &'a Flow, lang: Lang) -> Self {
        Presenter { content, flow, lang }
    }

    pub fn msg(&self, msg: Msg) -> String {
        self.content.locales.msg(self.lang, msg)
    }

    pub fn msg_with(&self, msg: Msg, args: &[(&str, Arg)]) -> String {
        self.content.locales.msg_with(self.lang, msg, args)
    }

    fn key(&self, key: &str) -> String {
        self.content.locales.text(self.lang, key, &[])
    }

    /// A message when there is one by that key (`ref-source-oecd`: "OESO" in Dutch), else
    /// the text as written (flows from before sources were translated: "OECD").
    fn key_or_text(&self, text: &str) -> String {
        if self.content.locales.has(self.lang, text) { self.key(text) } else { text.to_string() }
    }

    /// "Question 4 of 23" (or "of about 23" while a later question may be skipped) and
    /// a small bar, full on the last question.
    pub fn progress(&self, view: &QuestionView) -> String {
        let done = (view.position * BAR_WIDTH / view.total.max(1)).min(BAR_WIDTH);
        let bar = format!("{}{}", "▰".repeat(done), "▱".repeat(BAR_WIDTH - done));
        let msg = if view.estimate { Msg::ProgressAbout } else { Msg::Progress };
        let line = self.msg_with(msg, &[("position", view.position.into()), ("total", view.total.into())]);
        format!("{line}  {bar}")
    }

    /// "1 Not started · 2 Ad hoc · …": the levels of the main scale on one line.
    fn legend(&self) -> String {
        let levels: Vec<String> = (1..=SCALE_POINTS)
            .map(|level| format!("{level} {}", self.scale_label(MAIN_SCALE, level)))
            .collect();
        self.msg_with(Msg::ScaleLegend, &[("levels", levels.join(" · ").into())])
    }

    /// The intro (for a new scan), progress, the dimension and the question.
    pub fn question(&self, view: &QuestionView) -> String {
        let question = &self.flow.questions[view.question];
        let mut parts = Vec::new();
        if view.intro {
            // The intro names the counts the progress line uses, so the two agree.
            let statements = self.flow.questions.iter().filter(|q| q.kind.statement_of().is_some()).count();
            let args = [("questions", view.total.into()), ("statements", statements.into())];
            let intro = self.content.locales.text(self.lang, &self.flow.intro, &args);
            parts.push(format!("{}\n{intro}\n{}", self.key(&self.flow.title), self.legend()));
        }
        parts.push(self.progress(view));
        let mut args = Vec::new();
        if let Some(dimension) = self.flow.dimension_of(view.question) {
            let name = self.dimension_name(dimension);
            if !question.kind.is_ambition() {
                parts.push(name.clone());
            }
            args.push(("dimension", name.into()));
        }
        parts.push(self.content.locales.text(self.lang, &question.text, &args));
        parts.join("\n")
    }

    /// The choices for the question, in the order of `Flow::offers`.
    pub fn choices(&self, view: &QuestionView) -> Vec<ChoiceLabel> {
        self.flow
            .offers(view.question)
            .into_iter()
            .map(|offer| ChoiceLabel {
                chosen: view.previous.as_ref() == Some(&offer.answer),
                label: self.key(&offer.label),
                level: match offer.answer {
                    crate::flow::Answer::Level(level) => Some(level),
                    _ => None,
                },
            })
            .collect()
    }

    /// A language's name ("Vlaams"), from its `lang-<tag>` message.
    pub fn language_name(&self, lang: Lang) -> String {
        self.key(&lang.spec().name_key())
    }

    /// "A Vision & leadership".
    pub fn dimension_name(&self, dimension: usize) -> String {
        let dimension = &self.flow.dimensions[dimension];
        format!("{} {}", theme_letter(&self.content.locales, self.lang, dimension), self.key(&dimension.name))
    }

    /// The label of a level on a scale ("Ad hoc", "I need help").
    fn scale_label(&self, scale: usize, level: u8) -> String {
        self.key(&self.flow.scales[scale].labels[usize::from(level.clamp(1, SCALE_POINTS) - 1)])
    }

    /// The label of a dimension's level, on the scale its items were asked on.
    fn level_label(&self, dimension: usize, level: u8) -> String {
        self.scale_label(self.flow.item_scale(dimension), level)
    }

    /// The label of a dimension's ambition, on the scale its score is named on, so the
    /// two compare ("Basic" now, "Advanced" in two years), whatever scale it was asked on.
    fn ambition_label(&self, dimension: usize, ambition: f64) -> String {
        self.level_label(dimension, level_of(ambition))
    }

    /// The one formatter for numbers in this language (see `Lang::decimal`).
    pub fn number(&self, value: f64) -> String {
        self.lang.decimal(value)
    }

    /// The individual snapshot as plain text (no markup, so any chat client shows it as is).
    pub fn snapshot(&self, snapshot: &Snapshot) -> String {
        self.snapshot_text(snapshot, false)
    }

    /// The snapshot with a small bar after each theme's score (for the terminal).
    pub fn snapshot_with_bars(&self, snapshot: &Snapshot) -> String {
        self.snapshot_text(snapshot, true)
    }

    fn snapshot_text(&self, snapshot: &Snapshot, bars: bool) -> String {
        let mut out = vec![self.msg(Msg::SnapshotTitle), String::new()];
        for dim in &snapshot.dimensions {
            let name = self.dimension_name(dim.dimension);
            let dont_know = self.lang.percent(dim.dont_know_share());
            let Some(score) = dim.score else {
                out.push(self.msg_with(
                    Msg::SnapshotNoScore,
                    &[("name", name.into()), ("dontknow", dont_know.into())],
                ));
                out.push(format!("  {}", self.msg(Msg::SnapshotNextStepUnknown)));
                out.push(String::new());
                continue;
            };
            let level = level_of(score);
            let mut line = self.msg_with(
                Msg::SnapshotDimension,
                &[
                    ("name", name.into()),
                    ("score", self.number(score).into()),
                    ("level", self.level_label(dim.dimension, level).into()),
                ],
            );
            if bars {
                let filled = usize::from(level);
                let cells = usize::from(SCALE_POINTS);
                line = format!("{line}  {}{}", "▰".repeat(filled), "▱".repeat(cells - filled));
            }
            out.push(line);
            let mut ambition = match (dim.ambition, dim.gap()) {
                (Some(ambition), Some(gap)) if gap < 0.0 => self.msg_with(
                    Msg::SnapshotAboveAmbition,
                    &[
                        ("ambition", ambition.into()),
                        ("level", self.ambition_label(dim.dimension, f64::from(ambition)).into()),
                        ("above", self.number(-gap).into()),
                    ],
                ),
                (Some(ambition), Some(gap)) => self.msg_with(
                    Msg::SnapshotAmbition,
                    &[
                        // An answer, not a computed value: shown as given ("4").
                        ("ambition", ambition.into()),
                        ("level", self.ambition_label(dim.dimension, f64::from(ambition)).into()),
                        ("gap", self.number(gap).into()),
                    ],
                ),
                _ => self.msg(Msg::SnapshotNoAmbition),
            };
            if !dim.gap().is_some_and(|gap| gap < 0.0) {
                ambition.push_str(&self.gap_note(dim.gap_status));
            }
            out.push(format!("  {ambition}"));
            if dim.dont_know > 0 {
                out.push(format!(
                    "  {}",
                    self.msg_with(Msg::SnapshotDontKnow, &[("share", dont_know.into())])
                ));
            }
            if dim.flagged {
                out.push(format!("  {}", self.flag(score)));
            }
            let step = self.key(self.flow.next_step(dim.dimension, level));
            out.push(format!("  {}", self.msg_with(Msg::SnapshotNextStep, &[("step", step.into())])));
            out.push(String::new());
        }
        out.push(match &snapshot.overall {
            Some(overall) => self.overall(overall),
            None => self.msg(Msg::SnapshotOverallMissing),
        });
        out.push(self.priorities(&snapshot.priorities()));
        out.push(String::new());
        out.push(self.msg(Msg::SnapshotHowToRead));
        out.join("\n")
    }

    /// " · priority", " · ambition reached" or nothing.
    fn gap_note(&self, status: Option<GapStatus>) -> String {
        match status {
            Some(GapStatus::Priority) => format!(" · {}", self.msg(Msg::SnapshotPriority)),
            Some(GapStatus::Satisfied) => format!(" · {}", self.msg(Msg::SnapshotSatisfied)),
            _ => String::new(),
        }
    }

    /// The public-values warning, for the flag dimension's score as shown.
    fn flag(&self, score: f64) -> String {
        flag_text(&self.content.locales, self.flow, self.lang, score)
    }

    /// The overall index and its level in one sentence, with the reason when capped.
    fn overall(&self, overall: &Overall) -> String {
        let index = ("index", self.number(overall.index).into());
        if !overall.capped() {
            return self.msg_with(
                Msg::SnapshotOverall,
                &[index, ("level", self.scale_label(MAIN_SCALE, overall.level).into())],
            );
        }
        self.msg_with(
            Msg::SnapshotOverallCapped,
            &[
                index,
                ("level", self.scale_label(MAIN_SCALE, overall.level).into()),
                ("uncapped", self.scale_label(MAIN_SCALE, overall.uncapped).into()),
                ("lowest", self.dimension_name(overall.lowest).into()),
            ],
        )
    }

    /// Rows and labels for the profile chart (current against ambition per dimension),
    /// dated `now` (milliseconds).
    pub fn chart(&self, snapshot: &Snapshot, now: u64) -> (Vec<ProfileRow>, ProfileText) {
        let rows = snapshot
            .dimensions
            .iter()
            .map(|dim| {
                let ambition = dim.ambition.map(f64::from);
                ProfileRow {
                    label: self.dimension_name(dim.dimension),
                    current: dim.score,
                    ambition,
                    spread: None,
                    note: self.chart_note(dim.score, ambition, dim.gap()),
                    previous: None,
                }
            })
            .collect();
        let (dont_know, shown) =
            snapshot.dimensions.iter().fold((0, 0), |(d, s), dim| (d + dim.dont_know, s + dim.items_shown));
        let share = if shown == 0 { 0.0 } else { dont_know as f64 / shown as f64 };
        let facts = self.msg_with(
            Msg::ChartFacts,
            &[("date", self.date(now).into()), ("dontknow", self.lang.percent(share).into())],
        );
        let mut text = self.profile_text(self.msg(Msg::ChartTitle), None);
        text.facts = Some(facts);
        (rows, text)
    }

    /// A date (milliseconds since 1970, UTC) in this language's short numeric form.
    pub fn date(&self, millis: u64) -> String {
        let date = utc_date(millis);
        self.msg_with(
            Msg::DateShort,
            &[
                ("day", format!("{:02}", date.day()).into()),
                ("month", format!("{:02}", date.month()).into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    /// "8 July 2024": a date in words, for what is printed and kept.
    pub fn long_date(&self, millis: u64) -> String {
        let date = utc_date(millis);
        self.msg_with(
            Msg::DateLong,
            &[
                ("day", date.day().unsigned_abs().into()),
                ("month", date.month().unsigned_abs().into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    /// "2.5 → 4.0, gap 1.5" under a chart row's label, in the same words as the text.
    fn chart_note(&self, current: Option<f64>, ambition: Option<f64>, gap: Option<f64>) -> Option<String> {
        let current = self.number(current?);
        Some(match (ambition, gap) {
            (Some(ambition), Some(gap)) => self.msg_with(
                Msg::ChartRowValues,
                &[
                    ("current", current.into()),
                    ("ambition", self.number(ambition).into()),
                    ("gap", self.number(gap).into()),
                ],
            ),
            _ => current,
        })
    }

    /// The words on a profile chart; `spread` is the legend entry for team charts.
    fn profile_text(&self, title: String, spread: Option<String>) -> ProfileText {
        ProfileText {
            title,
            current: self.msg(Msg::ChartCurrent),
            ambition: self.msg(Msg::ChartAmbition),
            spread,
            previous: None,
            facts: None,
            levels: std::array::from_fn(|i| self.scale_label(MAIN_SCALE, i as u8 + 1)),
        }
    }

    /// "A 2.5", "B -", …: a value per theme after its letter, for one-line overviews (role
    /// groups, the organisation's teams).
    fn theme_values(&self, stats: &TeamStats, value: impl Fn(&DimensionStats) -> Option<f64>) -> Vec<String> {
        stats
            .dimensions
            .iter()
            .map(|d| {
                let id = theme_letter(&self.content.locales, self.lang, &self.flow.dimensions[d.dimension]);
                format!("{id} {}", value(d).map_or("-".to_string(), |v| self.number(v)))
            })
            .collect()
    }

    /// "Priorities: D …, A …" (largest gap first), or that there are none.
    fn priorities(&self, dimensions: &[usize]) -> String {
        let names: Vec<String> = dimensions.iter().map(|&d| self.dimension_name(d)).collect();
        match names.is_empty() {
            true => self.msg(Msg::SnapshotNoPriorities),
            false => self.msg_with(Msg::SnapshotPriorities, &[("list", names.join(", ").into())]),
        }
    }
}
