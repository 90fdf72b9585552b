//! Turning engine output into words, in the person's language.
//!
//! Shared by every adapter: the terminal prints these texts with numbered choices, Telegram
//! sends them with inline keyboards. Nothing here decides anything; it only looks up
//! messages and formats numbers (decimal commas in Dutch).

use crate::chart::{ProfileRow, ProfileText};
use crate::content::Content;
use crate::engine::QuestionView;
use crate::flow::{Flow, QuestionKind};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::score::{GapStatus, Snapshot, level_of};
use crate::store::{NEW_RESPONDENTS_FOR_UPDATE, TeamResult};
use crate::team_stats::Agreement;

/// Cells in the progress bar.
const BAR_WIDTH: usize = 10;

pub struct Presenter<'a> {
    pub content: &'a Content,
    pub flow: &'a Flow,
    pub lang: Lang,
}

/// A choice as a person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceLabel {
    pub label: String,
    /// The answer given earlier, when the person came back to this question.
    pub chosen: bool,
}

impl<'a> Presenter<'a> {
    pub fn new(content: &'a Content, flow: &'a Flow, lang: Lang) -> Self {
        Presenter { content, flow, lang }
    }

    pub fn msg(&self, msg: Msg) -> String {
        self.content.locales.msg(self.lang, msg)
    }

    pub fn msg_with(&self, msg: Msg, args: &[(&str, String)]) -> String {
        self.content.locales.msg_with(self.lang, msg, args)
    }

    fn key(&self, key: &str) -> String {
        self.content.locales.text(self.lang, key, &[])
    }

    /// "Question 4 of 23" and a small bar.
    pub fn progress(&self, view: &QuestionView) -> String {
        let done = (view.position.saturating_sub(1) * BAR_WIDTH) / view.total.max(1);
        let bar = format!("{}{}", "▰".repeat(done), "▱".repeat(BAR_WIDTH - done));
        let line = self.msg_with(
            Msg::Progress,
            &[("position", view.position.to_string()), ("total", view.total.to_string())],
        );
        format!("{line}  {bar}")
    }

    /// The intro (for a new scan), progress, the dimension and the question.
    pub fn question(&self, view: &QuestionView) -> String {
        let question = &self.flow.questions[view.question];
        let mut parts = Vec::new();
        if view.intro {
            parts.push(format!("{}\n{}", self.key(&self.flow.title), self.key(&self.flow.intro)));
        }
        parts.push(self.progress(view));
        let mut args = Vec::new();
        if let Some(dimension) = self.flow.dimension_of(view.question) {
            let name = self.dimension_name(dimension);
            if !matches!(question.kind, QuestionKind::Ambition { .. }) {
                parts.push(name.clone());
            }
            args.push(("dimension", name));
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
            })
            .collect()
    }

    /// "A Vision & leadership".
    pub fn dimension_name(&self, dimension: usize) -> String {
        let dimension = &self.flow.dimensions[dimension];
        format!("{} {}", dimension.id.to_uppercase(), self.key(&dimension.name))
    }

    /// The label of a level on the dimension's main scale ("Ad hoc").
    fn level_label(&self, level: u8) -> String {
        let scale = self.flow.scales.first().expect("validated flows have a scale");
        self.key(&scale.labels[usize::from(level - 1)])
    }

    fn number(&self, value: f64) -> String {
        self.lang.decimal(value)
    }

    /// The individual snapshot as plain text (no markup, so any chat client shows it as is).
    pub fn snapshot(&self, snapshot: &Snapshot) -> String {
        let mut out = vec![self.msg(Msg::SnapshotTitle), String::new()];
        for dim in &snapshot.dimensions {
            let name = self.dimension_name(dim.dimension);
            let dont_know = format!("{:.0}", dim.dont_know_share() * 100.0);
            let Some(score) = dim.score else {
                out.push(self.msg_with(Msg::SnapshotNoScore, &[("name", name), ("dontknow", dont_know)]));
                out.push(format!("  {}", self.msg(Msg::SnapshotNextStepUnknown)));
                out.push(String::new());
                continue;
            };
            let level = dim.level().expect("a score has a level");
            out.push(self.msg_with(
                Msg::SnapshotDimension,
                &[("name", name), ("score", self.number(score)), ("level", self.level_label(level))],
            ));
            let mut ambition = match (dim.ambition, dim.gap()) {
                (Some(ambition), Some(gap)) => self.msg_with(
                    Msg::SnapshotAmbition,
                    &[
                        ("ambition", ambition.to_string()),
                        ("level", self.level_label(ambition)),
                        ("gap", self.number(gap)),
                    ],
                ),
                _ => self.msg(Msg::SnapshotNoAmbition),
            };
            match dim.gap_status {
                Some(GapStatus::Priority) => {
                    ambition.push_str(&format!(" · {}", self.msg(Msg::SnapshotPriority)))
                }
                Some(GapStatus::Satisfied) => {
                    ambition.push_str(&format!(" · {}", self.msg(Msg::SnapshotSatisfied)))
                }
                _ => {}
            }
            out.push(format!("  {ambition}"));
            if dim.dont_know > 0 {
                out.push(format!("  {}", self.msg_with(Msg::SnapshotDontKnow, &[("share", dont_know)])));
            }
            let step = self.key(&self.flow.dimensions[dim.dimension].next_steps[usize::from(level - 1)]);
            out.push(format!("  {}", self.msg_with(Msg::SnapshotNextStep, &[("step", step)])));
            out.push(String::new());
        }

        for dim in snapshot.dimensions.iter().filter(|d| d.flagged) {
            let score = self.number(dim.score.unwrap_or_default());
            out.push(self.msg_with(Msg::SnapshotPublicValuesFlag, &[("score", score)]));
        }
        match &snapshot.overall {
            Some(overall) => {
                out.push(self.msg_with(
                    Msg::SnapshotOverall,
                    &[("index", self.number(overall.index)), ("level", self.level_label(overall.level))],
                ));
                if overall.capped {
                    out.push(
                        self.msg_with(
                            Msg::SnapshotOverallCapped,
                            &[("level", self.level_label(overall.level))],
                        ),
                    );
                }
            }
            None => out.push(self.msg(Msg::SnapshotOverallMissing)),
        }
        let priorities = snapshot.dimensions.iter().filter(|d| d.gap_status == Some(GapStatus::Priority));
        out.push(self.priorities(priorities.map(|d| d.dimension)));
        out.push(String::new());
        out.push(self.msg(Msg::SnapshotHowToRead));
        out.join("\n")
    }

    /// Rows and labels for the profile chart (current against ambition per dimension).
    pub fn chart(&self, snapshot: &Snapshot) -> (Vec<ProfileRow>, ProfileText) {
        let rows = snapshot
            .dimensions
            .iter()
            .map(|dim| ProfileRow {
                label: self.dimension_name(dim.dimension),
                current: dim.score,
                ambition: dim.ambition.map(f64::from),
                spread: None,
            })
            .collect();
        (rows, self.profile_text(self.msg(Msg::ChartTitle), None))
    }

    /// The words on a profile chart; `spread` is the legend entry for team charts.
    fn profile_text(&self, title: String, spread: Option<String>) -> ProfileText {
        ProfileText {
            title,
            current: self.msg(Msg::ChartCurrent),
            ambition: self.msg(Msg::ChartAmbition),
            spread,
            levels: std::array::from_fn(|i| self.level_label(i as u8 + 1)),
        }
    }

    /// "Priorities: A …, D …", or that there are none.
    fn priorities(&self, dimensions: impl Iterator<Item = usize>) -> String {
        let names: Vec<String> = dimensions.map(|d| self.dimension_name(d)).collect();
        match names.is_empty() {
            true => self.msg(Msg::SnapshotNoPriorities),
            false => self.msg_with(Msg::SnapshotPriorities, &[("list", names.join(", "))]),
        }
    }
}

/// Team results, for leads: only aggregates ever reach this code (see `store::teams`).
impl Presenter<'_> {
    pub fn team_result(&self, result: &TeamResult) -> String {
        let stats = &result.shown.stats;
        let mut out = vec![self.msg_with(
            Msg::TeamResultTitle,
            &[
                ("team", result.team.clone()),
                ("round", result.round.to_string()),
                ("respondents", result.respondents_now.to_string()),
                ("members", result.members.to_string()),
            ],
        )];
        if result.shown.respondents < result.respondents_now {
            out.push(self.msg_with(
                Msg::TeamResultFrozen,
                &[
                    ("shown", result.shown.respondents.to_string()),
                    ("step", NEW_RESPONDENTS_FOR_UPDATE.to_string()),
                    ("new", (result.respondents_now - result.shown.respondents).to_string()),
                ],
            ));
        }
        out.push(String::new());
        for dim in &stats.dimensions {
            let name = self.dimension_name(dim.dimension);
            let Some(current) = dim.current else {
                out.push(self.msg_with(Msg::TeamDimensionNoScore, &[("name", name)]));
                out.push(String::new());
                continue;
            };
            let level = self.level_label(level_of(current));
            let mut line = match (dim.ambition, dim.gap()) {
                (Some(ambition), Some(gap)) => self.msg_with(
                    Msg::TeamDimension,
                    &[
                        ("name", name),
                        ("current", self.number(current)),
                        ("level", level),
                        ("ambition", self.number(ambition)),
                        ("gap", self.number(gap)),
                    ],
                ),
                _ => self.msg_with(
                    Msg::TeamDimensionNoAmbition,
                    &[("name", name), ("current", self.number(current)), ("level", level)],
                ),
            };
            if dim.gap_status(self.flow) == Some(GapStatus::Priority) {
                line.push_str(&format!(" · {}", self.msg(Msg::SnapshotPriority)));
            }
            out.push(line);
            let mut details = Vec::new();
            if let (Some(iqr), Some(agreement)) = (dim.iqr(), dim.agreement()) {
                let view = self.msg(match agreement {
                    Agreement::Shared => Msg::TeamViewShared,
                    Agreement::Divided => Msg::TeamViewDivided,
                    Agreement::Mixed => Msg::TeamViewMixed,
                });
                details.push(self.msg_with(Msg::TeamSpread, &[("iqr", self.number(iqr)), ("view", view)]));
            }
            let share = format!("{:.0}", dim.dont_know_share * 100.0);
            details.push(self.msg_with(Msg::TeamDontKnow, &[("share", share)]));
            let previous =
                result.previous.as_ref().and_then(|p| p.stats.dimensions.get(dim.dimension)?.current);
            if let (Some(previous), Some(round)) = (previous, result.round.checked_sub(1)) {
                let change = current - previous;
                let change = format!("{}{}", if change > 0.0 { "+" } else { "" }, self.number(change));
                details.push(
                    self.msg_with(Msg::TeamChange, &[("round", round.to_string()), ("change", change)]),
                );
            }
            out.push(format!("  {}", details.join(" · ")));
            out.push(String::new());
        }
        for dim in stats.dimensions.iter().filter(|d| d.flagged(self.flow)) {
            let score = self.number(dim.current.unwrap_or_default());
            out.push(self.msg_with(Msg::SnapshotPublicValuesFlag, &[("score", score)]));
        }
        let priorities =
            stats.dimensions.iter().filter(|d| d.gap_status(self.flow) == Some(GapStatus::Priority));
        out.push(self.priorities(priorities.map(|d| d.dimension)));
        if !result.by_role.is_empty() {
            out.push(String::new());
            out.push(self.msg(Msg::TeamByRoleTitle));
            for (role, medians) in &result.by_role {
                let medians: Vec<String> = medians
                    .iter()
                    .enumerate()
                    .map(|(d, m)| {
                        let value = m.map_or("-".to_string(), |m| self.number(m));
                        format!("{} {value}", self.flow.dimensions[d].id.to_uppercase())
                    })
                    .collect();
                let role = self.role_label(role);
                out.push(self.msg_with(Msg::TeamByRole, &[("role", role), ("medians", medians.join(", "))]));
            }
        }
        out.push(String::new());
        out.push(self.msg(Msg::TeamHowToRead));
        out.join("\n")
    }

    fn role_label(&self, role: &str) -> String {
        self.flow
            .questions
            .iter()
            .find_map(|q| match &q.kind {
                QuestionKind::Choice { options } => options.iter().find(|o| o.id == role),
                _ => None,
            })
            .map_or(role.to_string(), |option| self.key(&option.label))
    }

    /// Median now against median ambition, with the spread, per dimension.
    pub fn team_chart(&self, result: &TeamResult) -> (Vec<ProfileRow>, ProfileText) {
        let rows = result
            .shown
            .stats
            .dimensions
            .iter()
            .map(|dim| ProfileRow {
                label: self.dimension_name(dim.dimension),
                current: dim.current,
                ambition: dim.ambition,
                spread: dim.quartiles,
            })
            .collect();
        let title = self.msg_with(
            Msg::ChartTeamTitle,
            &[("team", result.team.clone()), ("round", result.round.to_string())],
        );
        (rows, self.profile_text(title, Some(self.msg(Msg::ChartSpread))))
    }
}
