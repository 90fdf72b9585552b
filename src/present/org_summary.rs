//! The management team's page: what the organisation does next, from
//! [`crate::org_advice`], as report blocks. The PDF lays them out on its first page; the
//! chat and the command line print them as text ([`Presenter::blocks_text`]), so every
//! channel says the same.

use super::Presenter;
use super::report::Block;
use crate::messages::Msg;
use crate::org_advice::{OrgAdvice, OrgStep};
use crate::team::OrgView;
use crate::team_stats::TeamStats;

impl Presenter<'_> {
    /// Reality, ambition and gap per theme over the whole organisation, as a table.
    pub fn org_theme_table(&self, stats: &TeamStats) -> Block {
        let columns = [Msg::OrgColTheme, Msg::OrgColNow, Msg::OrgColAmbition, Msg::OrgColGap];
        let value = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| self.number(v));
        let rows = stats
            .dimensions
            .iter()
            .map(|d| {
                vec![self.dimension_name(d.dimension), value(d.current), value(d.ambition), value(d.gap())]
            })
            .collect();
        Block::Table {
            columns: columns.map(|msg| self.msg(msg)).to_vec(),
            rows,
            widths: vec![4.0, 1.0, 1.0, 1.0],
        }
    }

    /// The priorities with their next steps, the lowest theme, where teams differ, and
    /// the action table with empty owner and date cells for the meeting.
    pub fn org_summary(&self, view: &OrgView, advice: &OrgAdvice) -> Vec<Block> {
        let mut blocks = Vec::new();
        // The flag under a score, as for a person and a team: public values below 2.
        if let Some(overall) = &view.overall {
            blocks.extend(
                overall
                    .stats
                    .dimensions
                    .iter()
                    .filter(|d| d.flagged(self.flow))
                    .filter_map(|d| d.current.map(|current| Block::Paragraph(self.flag(current)))),
            );
        }
        blocks.extend([
            Block::Heading(self.msg(Msg::OrgPrioritiesTitle)),
            Block::Note(self.msg_with(
                Msg::OrgPrioritiesHow,
                &[("gap", self.number(self.flow.scoring.priority_gap).into())],
            )),
        ]);
        if advice.priorities.is_empty() {
            blocks.push(Block::Paragraph(self.msg(Msg::OrgNoPriority)));
        }
        for (rank, step) in advice.priorities.iter().enumerate() {
            blocks.push(Block::Paragraph(self.msg_with(
                Msg::OrgPriority,
                &[
                    ("rank", (rank + 1).into()),
                    ("theme", self.dimension_name(step.dimension).into()),
                    ("now", self.number(step.current).into()),
                    ("ambition", step.ambition.map(|v| self.number(v)).unwrap_or_default().into()),
                    ("gap", step.gap.map(|v| self.number(v)).unwrap_or_default().into()),
                    ("teams", step.teams_sharing.into()),
                    ("of", advice.teams.into()),
                ],
            )));
        }
        if advice.all_level {
            let level = view.overall.as_ref().and_then(|o| o.stats.dimensions.first()?.current);
            let now = level.map(|v| self.number(v)).unwrap_or_default();
            blocks.push(Block::Paragraph(self.msg_with(Msg::OrgAllLevel, &[("now", now.into())])));
        }
        blocks.extend(advice.lowest.iter().map(|step| {
            Block::Paragraph(self.msg_with(
                Msg::OrgLowest,
                &[
                    ("theme", self.dimension_name(step.dimension).into()),
                    ("now", self.number(step.current).into()),
                ],
            ))
        }));

        blocks.push(Block::Heading(self.msg(Msg::OrgSpreadTitle)));
        if advice.spreads.is_empty() {
            let min = self.number(crate::org_advice::MIN_SPREAD);
            blocks.push(Block::Paragraph(self.msg_with(Msg::OrgSpreadNone, &[("min", min.into())])));
        }
        blocks.extend(advice.spreads.iter().map(|spread| {
            Block::Paragraph(self.msg_with(
                Msg::OrgSpread,
                &[
                    ("theme", self.dimension_name(spread.dimension).into()),
                    ("lowest", self.number(spread.lowest).into()),
                    ("highest", self.number(spread.highest).into()),
                    ("divided", spread.divided.into()),
                ],
            ))
        }));

        let actions: Vec<&OrgStep> = advice.priorities.iter().chain(&advice.lowest).collect();
        if !actions.is_empty() {
            blocks.push(Block::Heading(self.msg(Msg::OrgActionsTitle)));
            let columns = [Msg::OrgColPriority, Msg::OrgColWhat, Msg::OrgColOwner, Msg::OrgColWhen];
            let rows = actions
                .iter()
                .map(|step| {
                    vec![
                        self.dimension_name(step.dimension),
                        self.key(&step.next_step),
                        String::new(),
                        String::new(),
                    ]
                })
                .collect();
            blocks.push(Block::Table {
                columns: columns.map(|msg| self.msg(msg)).to_vec(),
                rows,
                widths: vec![1.8, 5.0, 1.3, 1.3],
            });
        }
        blocks
    }
}
