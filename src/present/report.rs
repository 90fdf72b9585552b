//! The words of a report (`/report`, `peilbot report`): what a lead shares with their
//! team or management, as headings, paragraphs and the chart, in the lead's language.
//! Laid out as a PDF by `crate::report`; nothing here knows about pages.

use super::Presenter;
use crate::messages::Msg;
use crate::org_advice::org_advice;
use crate::team::{OrgTeam, OrgView, TeamResult};

/// One block of a report, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// A paragraph in smaller, muted type (the facts under the title).
    Note(String),
    /// A line that belongs to the paragraph above it (a theme's spread): indented in text,
    /// in smaller, muted type on paper.
    Detail(String),
    /// The report's chart number `index`: at its natural size (a team's profile), or as
    /// wide as the page, so that its smallest text prints at a legible size (a heatmap).
    Chart {
        index: usize,
        full_width: bool,
    },
    /// A table with a header row; `widths` are the columns' relative widths.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<f32>,
    },
    /// A smaller heading (a team's name in the organisation report).
    Subheading(String),
    /// What follows starts on a new page.
    PageBreak,
}

impl Block {
    /// The text of a title, heading or subheading.
    pub fn heading(&self) -> Option<String> {
        match self {
            Block::Title(text) | Block::Heading(text) | Block::Subheading(text) => Some(text.clone()),
            _ => None,
        }
    }
}

/// A text and the lines of it that head a section (see `app::Part::Text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Sectioned {
    pub text: String,
    pub headings: Vec<String>,
}

impl Presenter<'_> {
    /// A team's report: the facts, the chart, the team result's sections (as the chat
    /// shows them), how to read it, the anonymity statement and what each level looks
    /// like. `now` is the print date (milliseconds), which also dates an open round.
    pub fn team_report(&self, result: &TeamResult, min_respondents: usize, now: u64) -> Vec<Block> {
        let round = if result.closed_at.is_some() { Msg::ReportRoundClosed } else { Msg::ReportRoundOpen };
        let mut blocks = vec![
            Block::Title(self.msg_with(Msg::ReportTitle, &[("team", result.team.as_str().into())])),
            Block::Note(
                self.msg_with(
                    Msg::ReportFacts,
                    &[
                        ("date", self.long_date(now).into()),
                        ("flow", self.key(&self.flow.title).into()),
                        (
                            "round",
                            self.msg_with(
                                round,
                                &[
                                    ("round", result.round.into()),
                                    ("date", self.long_date(result.opened_at).into()),
                                ],
                            )
                            .into(),
                        ),
                        ("count", self.report_count(result).into()),
                    ],
                ),
            ),
            Block::Chart { index: 0, full_width: false },
        ];
        blocks.extend(self.team_sections(result));
        blocks.extend(self.how_to_read_and_anonymity(min_respondents));
        blocks.extend(self.levels_appendix());
        blocks
    }

    /// The organisation's report: the management team's page (what it counts, reality,
    /// ambition and gap per theme, priorities, where teams differ, the action table), then
    /// `heatmaps` heatmap pages, then one section per team and the teams below the minimum.
    pub fn org_report(
        &self,
        view: &OrgView,
        min_respondents: usize,
        now: u64,
        heatmaps: usize,
    ) -> Vec<Block> {
        let mut blocks = vec![
            Block::Title(self.msg(Msg::ReportOrgTitle)),
            Block::Note(self.msg_with(
                Msg::ReportOrgFacts,
                &[
                    ("date", self.long_date(now).into()),
                    ("flow", self.key(&self.flow.title).into()),
                    ("teams", view.teams.len().into()),
                    ("below", view.pending.len().into()),
                    ("min", min_respondents.into()),
                ],
            )),
        ];
        match (&view.overall, org_advice(self.flow, view)) {
            (Some(overall), Some(advice)) => {
                blocks.push(Block::Heading(self.msg(Msg::ReportOrgSummary)));
                blocks.push(Block::Paragraph(
                    self.msg_with(Msg::ReportOrgCounts, &[("respondents", overall.respondents.into())]),
                ));
                blocks.push(self.org_theme_table(&overall.stats));
                blocks.extend(self.org_summary(view, &advice));
            }
            _ => blocks.push(Block::Paragraph(self.msg_with(
                Msg::OrgOverallNone,
                &[("min", min_respondents.into()), ("step", crate::anonymity::MIN_DIFFERENCE.into())],
            ))),
        }
        if heatmaps > 0 {
            blocks.push(Block::PageBreak);
            blocks.push(Block::Heading(self.msg(Msg::OrgChartTitle)));
            blocks.extend((0..heatmaps).map(|index| Block::Chart { index, full_width: true }));
        }
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(self.msg(Msg::ReportOrgTeams)));
        for team in &view.teams {
            blocks.extend(self.org_team_section(team));
        }
        if !view.pending.is_empty() {
            blocks.push(Block::Heading(
                self.msg_with(Msg::ReportOrgBelowTitle, &[("min", min_respondents.into())]),
            ));
            blocks.extend(view.pending.iter().map(|team| {
                Block::Paragraph(self.msg_with(
                    Msg::OrgPendingLine,
                    &[
                        ("team", team.team.as_str().into()),
                        ("round", team.round.into()),
                        ("respondents", team.respondents.into()),
                        ("members", team.members.into()),
                    ],
                ))
            }));
        }
        blocks.extend(self.how_to_read_and_anonymity(min_respondents));
        blocks.extend(self.levels_appendix());
        blocks
    }

    /// A team's section: which round its figures are of and how many took part, then
    /// its medians now, ambitions and gaps per theme.
    fn org_team_section(&self, team: &OrgTeam) -> Vec<Block> {
        let stats = &team.shown.stats;
        let mut facts = self.msg_with(
            Msg::ReportOrgTeamFacts,
            &[
                ("round", team.round.into()),
                ("date", self.long_date(team.round_opened_at).into()),
                ("respondents", team.shown.respondents.into()),
                ("members", team.members.into()),
            ],
        );
        if team.current_round != team.round {
            let newer = self.msg_with(Msg::ReportOrgTeamNewer, &[("round", team.current_round.into())]);
            facts = format!("{facts} · {newer}");
        }
        let mut blocks = vec![Block::Subheading(team.team.clone()), Block::Note(facts)];
        blocks.extend(super::org::THEME_ROWS.into_iter().map(|(label, value)| {
            Block::Paragraph(format!("{}: {}", self.msg(label), self.theme_values(stats, value).join(" · ")))
        }));
        blocks
    }

    /// "6 of 7 members finished · the result covers 5", or for a closed round "6 took
    /// part · the result covers 5".
    fn report_count(&self, result: &TeamResult) -> String {
        let shown = result.shown.respondents;
        match result.closed_at {
            None => self.msg_with(
                Msg::ReportCountOpen,
                &[
                    ("respondents", result.respondents_now.into()),
                    ("members", result.members.into()),
                    ("shown", shown.into()),
                ],
            ),
            Some(_) => self.msg_with(
                Msg::ReportCountClosed,
                &[("respondents", result.respondents_now.into()), ("shown", shown.into())],
            ),
        }
    }

    /// What each level looks like, on a page of its own, when the flow says.
    fn levels_appendix(&self) -> Vec<Block> {
        let levels = self.levels_blocks();
        if levels.is_empty() {
            return levels;
        }
        std::iter::once(Block::PageBreak).chain(levels).collect()
    }

    /// Every report ends so: how to read the numbers, and who can see what.
    fn how_to_read_and_anonymity(&self, min_respondents: usize) -> [Block; 4] {
        [
            Block::Heading(self.msg(Msg::ReportHowToRead)),
            Block::Paragraph(self.msg(Msg::TeamHowToRead)),
            Block::Heading(self.msg(Msg::ReportAnonymityTitle)),
            Block::Paragraph(self.msg_with(Msg::ReportAnonymity, &[("min", min_respondents.into())])),
        ]
    }

    /// Blocks as plain text for a chat or a terminal: a heading after a blank line, a
    /// detail indented under its paragraph, and a table row as one line of "column: value"
    /// pairs, with a blank to fill in for an empty cell.
    pub fn blocks_text(&self, blocks: &[Block]) -> String {
        let mut out = Vec::new();
        for block in blocks {
            match block {
                Block::Title(text) | Block::Heading(text) | Block::Subheading(text) => {
                    out.push(String::new());
                    out.push(text.clone());
                }
                Block::Paragraph(text) | Block::Note(text) => out.push(text.clone()),
                Block::Detail(text) => out.push(format!("  {text}")),
                Block::Table { columns, rows, .. } => out.extend(rows.iter().map(|row| {
                    let cells = columns.iter().zip(row).map(|(column, cell)| {
                        let cell = if cell.is_empty() { "________" } else { cell };
                        format!("{column}: {cell}")
                    });
                    format!("• {}", cells.collect::<Vec<_>>().join(" · "))
                })),
                Block::Chart { .. } | Block::PageBreak => {}
            }
        }
        out.join("\n")
    }
}
