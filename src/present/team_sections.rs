//! A team result's sections, built once for every channel: per theme the figures, the
//! flag under a score and the spread; the priorities with their next steps; where views
//! are shared, divided or in between; the statements that stand out; the change since the
//! last round; and the role groups. The chat and the web print them as text
//! (`Presenter::blocks_text`; the web marks the headings up as headings), the PDF lays them
//! out, so all of them show the same result.

use super::Presenter;
use super::report::Block;
use super::team::median_before;
use crate::advice::{Advice, advice};
use crate::messages::Msg;
use crate::score::{GapStatus, level_of};
use crate::team::TeamResult;
use crate::team_stats::{DimensionStats, TeamStats};

impl Presenter<'_> {
    /// The sections of a published team result, top to bottom.
    pub fn team_sections(&self, result: &TeamResult) -> Vec<Block> {
        let stats = &result.shown.stats;
        let advice = advice(self.flow, stats);
        let mut blocks = vec![Block::Heading(self.msg(Msg::ReportThemes))];
        for dim in &stats.dimensions {
            blocks.extend(self.theme_blocks(dim));
        }
        blocks.push(Block::Heading(self.msg(Msg::ReportPriorities)));
        blocks.extend(self.priority_steps(&advice).into_iter().map(Block::Paragraph));
        blocks.extend(self.lowest_steps(&advice).into_iter().map(Block::Paragraph));
        blocks.extend(self.views_blocks(stats, &advice));
        let statements = self.statements(stats, &advice);
        if !statements.is_empty() {
            blocks.push(Block::Heading(self.msg(Msg::ReportStatements)));
            blocks.extend(statements.into_iter().map(Block::Paragraph));
        }
        blocks.push(Block::Heading(self.msg(Msg::ReportChange)));
        blocks.extend(self.change(result).into_iter().map(Block::Paragraph));
        if !result.by_role.is_empty() {
            blocks.push(Block::Heading(self.msg(Msg::ReportByRole)));
            blocks.push(Block::Paragraph(self.msg(Msg::TeamByRoleTitle)));
            blocks.extend(result.by_role.iter().map(|(role, group)| {
                let medians = self.theme_values(&group.stats, |d| d.current);
                Block::Paragraph(self.msg_with(
                    Msg::TeamByRole,
                    &[
                        ("role", self.role_label(role).into()),
                        ("respondents", group.respondents.into()),
                        ("medians", medians.join(", ").into()),
                    ],
                ))
            }));
        }
        blocks
    }

    /// A theme's line (median, level, ambition, gap, whether it is a priority), its spread
    /// and "don't know" under it, and the flag under a score that calls for one.
    fn theme_blocks(&self, dim: &DimensionStats) -> Vec<Block> {
        let name = self.dimension_name(dim.dimension);
        let Some(current) = dim.current else {
            return vec![Block::Paragraph(
                self.msg_with(Msg::TeamDimensionNoScore, &[("name", name.into())]),
            )];
        };
        let level = self.level_label(dim.dimension, level_of(current));
        let mut line = match (dim.ambition, dim.gap()) {
            (Some(ambition), Some(gap)) => self.msg_with(
                Msg::TeamDimension,
                &[
                    ("name", name.into()),
                    ("current", self.number(current).into()),
                    ("level", level.into()),
                    ("ambition", self.number(ambition).into()),
                    ("gap", self.number(gap).into()),
                ],
            ),
            _ => self.msg_with(
                Msg::TeamDimensionNoAmbition,
                &[("name", name.into()), ("current", self.number(current).into()), ("level", level.into())],
            ),
        };
        if dim.gap_status(self.flow) == Some(GapStatus::Priority) {
            line.push_str(&format!(" · {}", self.msg(Msg::SnapshotPriority)));
        } else if dim.gap().is_some_and(|gap| gap < 0.0) {
            line.push_str(&format!(" · {}", self.msg(Msg::TeamAboveAmbition)));
        }
        let mut details = Vec::new();
        if let (Some(iqr), Some(agreement)) = (dim.iqr(), dim.agreement()) {
            let view = self.msg(super::view_msg(agreement));
            details.push(
                self.msg_with(Msg::TeamSpread, &[("iqr", self.number(iqr).into()), ("view", view.into())]),
            );
        }
        let share = self.lang.percent(dim.dont_know_share);
        details.push(self.msg_with(Msg::TeamDontKnow, &[("share", share.into())]));
        let mut blocks = vec![Block::Paragraph(line), Block::Detail(details.join(" · "))];
        if dim.flagged(self.flow) {
            blocks.push(Block::Detail(self.flag(current)));
        }
        blocks
    }

    /// Where views are shared, divided (talk about these first) and in between, and what
    /// to make visible.
    fn views_blocks(&self, stats: &TeamStats, advice: &Advice) -> Vec<Block> {
        let mut blocks = vec![
            Block::Heading(self.msg(Msg::ReportViews)),
            Block::Paragraph(self.views(&advice.shared, Msg::ReportShared)),
            Block::Paragraph(self.views(&advice.talk_first, Msg::ReportDivided)),
        ];
        if !advice.in_between.is_empty() {
            blocks.push(Block::Paragraph(self.views(&advice.in_between, Msg::ReportInBetween)));
        }
        blocks.extend(self.make_visible(stats, advice).map(Block::Paragraph));
        blocks
    }

    /// "Shared view: A …, D …", or that no theme has one.
    fn views(&self, dimensions: &[usize], msg: Msg) -> String {
        let list = if dimensions.is_empty() {
            self.msg(Msg::ReportNoTheme)
        } else {
            self.dimension_list(dimensions)
        };
        self.msg_with(msg, &[("list", list.into())])
    }

    /// Per theme the median now against the previous published round, or that there is none.
    fn change(&self, result: &TeamResult) -> Vec<String> {
        let Some((round, _)) = &result.previous else { return vec![self.msg(Msg::ReportNoChange)] };
        let mut lines = vec![self.msg_with(Msg::ReportChangeSince, &[("round", (*round).into())])];
        lines.extend(result.shown.stats.dimensions.iter().filter_map(|dim| {
            let (current, (_, earlier)) = (dim.current?, median_before(result, dim.dimension)?);
            Some(self.msg_with(
                Msg::ReportChangeLine,
                &[
                    ("name", self.dimension_name(dim.dimension).into()),
                    ("before", self.number(earlier).into()),
                    ("now", self.number(current).into()),
                    ("change", self.lang.signed_decimal(current - earlier).into()),
                ],
            ))
        }));
        lines
    }
}
