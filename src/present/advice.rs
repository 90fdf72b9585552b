//! Team advice in words: the priorities with their next steps, the lowest theme's first
//! step, what to make visible, and the statements that stand out. What to say is decided in
//! `peilbot_core::advice`; this only words it.

use super::Presenter;
use crate::advice::Advice;
use crate::flow::Flow;
use crate::messages::Msg;
use crate::team_stats::TeamStats;

impl Presenter<'_> {
    /// "1. A Vision & leadership (gap 3.0): <the flow's next step>", per priority.
    pub fn priority_steps(&self, advice: &Advice) -> Vec<String> {
        if advice.priorities.is_empty() {
            return vec![self.msg(Msg::TeamAdviceNoPriorities)];
        }
        let steps = advice.priorities.iter().enumerate().map(|(rank, priority)| {
            self.msg_with(
                Msg::TeamAdvicePriority,
                &[
                    ("rank", (rank + 1).into()),
                    ("name", self.dimension_name(priority.dimension).into()),
                    ("gap", self.number(priority.gap).into()),
                    ("step", self.key(&priority.next_step).into()),
                ],
            )
        });
        steps.collect()
    }

    /// "Lowest theme: C … (1.5). A first step: …", for a lowest theme that is no priority.
    pub fn lowest_steps(&self, advice: &Advice) -> Vec<String> {
        advice
            .lowest
            .iter()
            .map(|lowest| {
                self.msg_with(
                    Msg::TeamAdviceLowest,
                    &[
                        ("name", self.dimension_name(lowest.dimension).into()),
                        ("level", self.level_label(lowest.dimension, lowest.level).into()),
                        ("step", self.key(&lowest.next_step).into()),
                    ],
                )
            })
            .collect()
    }

    /// "Make this visible: E AI readiness (40%)", when a theme has much "don't know".
    pub fn make_visible(&self, stats: &TeamStats, advice: &Advice) -> Option<String> {
        if advice.make_visible.is_empty() {
            return None;
        }
        let list: Vec<String> = advice
            .make_visible
            .iter()
            .map(|&d| {
                let share = self.lang.percent(stats.dimensions[d].dont_know_share);
                self.msg_with(
                    Msg::TeamAdviceShare,
                    &[("name", self.dimension_name(d).into()), ("share", share.into())],
                )
            })
            .collect();
        Some(self.msg_with(Msg::TeamAdviceMakeVisible, &[("list", list.join(", ").into())]))
    }

    /// The lowest-scoring statements and those with the most "don't know".
    pub fn statements(&self, stats: &TeamStats, advice: &Advice) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(median) = advice.statements_tie {
            out.push(self.msg_with(Msg::TeamStatementsTie, &[("median", self.number(median).into())]));
        }
        if !advice.lowest_statements.is_empty() {
            out.push(self.msg(Msg::TeamStatementsLowest));
            for &i in &advice.lowest_statements {
                let statement = &stats.statements[i];
                let Some(median) = statement.median else { continue };
                out.push(self.msg_with(
                    Msg::TeamStatementMedian,
                    &[
                        ("statement", self.statement_text(self.flow, &statement.question).into()),
                        ("median", self.number(median).into()),
                    ],
                ));
            }
        }
        if !advice.unknown_statements.is_empty() {
            out.push(self.msg(Msg::TeamStatementsUnknown));
            for &i in &advice.unknown_statements {
                let statement = &stats.statements[i];
                out.push(self.msg_with(
                    Msg::TeamStatementDontKnow,
                    &[
                        ("statement", self.statement_text(self.flow, &statement.question).into()),
                        ("share", self.lang.percent(statement.dont_know_share).into()),
                    ],
                ));
            }
        }
        out
    }

    /// "B Data-driven work, E AI readiness".
    pub fn dimension_list(&self, dimensions: &[usize]) -> String {
        dimensions.iter().map(|&d| self.dimension_name(d)).collect::<Vec<_>>().join(", ")
    }

    /// A statement's text by its question id (one of an older flow version: its id).
    fn statement_text(&self, flow: &Flow, question: &str) -> String {
        let Some(index) = flow.question_index(question) else { return question.to_string() };
        let mut args = Vec::new();
        if let Some(dimension) = flow.dimension_of(index) {
            args.push(("dimension", self.dimension_name(dimension).into()));
        }
        self.content.locales.text(self.lang, &flow.questions[index].text, &args)
    }
}
