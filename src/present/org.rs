//! The organisation view in words and as heatmap pages, in the reader's language. Only
//! published aggregates and counts ever reach this code (see `store::org`).

use super::{Presenter, Sectioned};
use crate::anonymity::{MIN_DIFFERENCE, Rules};
use crate::chart::{HeatmapCell, HeatmapRow, HeatmapText};
use crate::messages::Msg;
use crate::org_advice::org_advice;
use crate::team::{OrgTeam, OrgView};
use crate::team_stats::{DimensionStats, TeamStats};

/// A figure per theme of a result.
type ThemeValue = fn(&DimensionStats) -> Option<f64>;

/// The rows of a result per theme, with their labels: the median now, the ambition and
/// the gap.
pub(super) const THEME_ROWS: [(Msg, ThemeValue); 3] = [
    (Msg::OrgRowNow, |d| d.current),
    (Msg::OrgRowAmbition, |d| d.ambition),
    (Msg::OrgRowGap, DimensionStats::gap),
];

/// How much of the view a text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgDetail {
    /// Every team's figures (the command line), or only the counts (a chat, with
    /// pictures and a file beside it).
    pub every_team: bool,
    /// At most this many teams without a result are named.
    pub pending: usize,
}

/// Which teams a heatmap page shows, and where it is among the pages.
#[derive(Debug, Clone, Copy)]
pub struct OrgPage<'v> {
    pub teams: &'v [&'v OrgTeam],
    pub page: usize,
    pub pages: usize,
    /// The 1-based place of the page's first team among `of` teams.
    pub first: usize,
    pub of: usize,
    pub date: &'v str,
}

impl Presenter<'_> {
    /// The organisation view as plain text: title, counts, the whole organisation per
    /// theme with its summary (whose headings are the text's), each team's figures (when
    /// asked) and the teams without a result.
    pub fn org_text(&self, view: &OrgView, rules: Rules, detail: OrgDetail) -> Sectioned {
        let mut headings = Vec::new();
        let mut out = vec![self.msg_with(Msg::OrgTitle, &[("min", rules.min_respondents().into())])];
        out.push(self.msg_with(
            Msg::OrgSummary,
            &[
                ("teams", view.teams.len().into()),
                ("pending", view.pending.len().into()),
                ("respondents", view.respondents_now.into()),
            ],
        ));
        out.push(String::new());
        match &view.overall {
            Some(overall) => {
                out.push(self.msg_with(Msg::OrgOverallTitle, &[("respondents", overall.respondents.into())]));
                out.extend(self.theme_lines(&overall.stats));
                if let Some(advice) = org_advice(self.flow, view) {
                    let summary = self.org_summary(view, &advice);
                    headings.extend(summary.iter().filter_map(|block| block.heading()));
                    out.push(self.blocks_text(&summary));
                }
            }
            None => out.push(self.msg_with(
                Msg::OrgOverallNone,
                &[("min", rules.min_respondents().into()), ("step", MIN_DIFFERENCE.into())],
            )),
        }
        if detail.every_team {
            for team in &view.teams {
                out.push(String::new());
                out.push(self.msg_with(
                    Msg::OrgTeamLine,
                    &[
                        ("team", team.team.as_str().into()),
                        ("round", team.round.into()),
                        ("respondents", team.shown.respondents.into()),
                        ("members", team.members.into()),
                    ],
                ));
                out.extend(self.theme_lines(&team.shown.stats));
            }
        }
        if !view.pending.is_empty() {
            out.push(String::new());
            out.push(self.msg(Msg::OrgPendingTitle));
            for team in view.pending.iter().take(detail.pending) {
                out.push(self.msg_with(
                    Msg::OrgPendingLine,
                    &[
                        ("team", team.team.as_str().into()),
                        ("round", team.round.into()),
                        ("respondents", team.respondents.into()),
                        ("members", team.members.into()),
                    ],
                ));
            }
            let more = view.pending.len().saturating_sub(detail.pending);
            if more > 0 {
                out.push(self.msg_with(Msg::OrgPendingMore, &[("count", more.into())]));
            }
        }
        Sectioned { text: out.join("\n"), headings }
    }

    /// Three aligned lines: the median now, the ambition and the gap per theme.
    fn theme_lines(&self, stats: &TeamStats) -> Vec<String> {
        let labels = THEME_ROWS.map(|(msg, _)| self.msg(msg));
        let width = labels.iter().map(|label| label.chars().count()).max().unwrap_or(0);
        labels
            .iter()
            .zip(THEME_ROWS.map(|(_, value)| value))
            .map(|(label, value)| {
                format!("  {label:<width$}  {}", self.theme_values(stats, value).join(" · "))
            })
            .collect()
    }

    /// The words and rows of one heatmap page: the whole organisation on top, then the
    /// page's teams.
    pub fn org_page(&self, view: &OrgView, page: OrgPage) -> (HeatmapText, Vec<HeatmapRow>) {
        let text = HeatmapText {
            title: self.msg(Msg::OrgChartTitle),
            caption: self.msg_with(
                Msg::OrgChartCaption,
                &[
                    ("date", page.date.into()),
                    ("page", page.page.into()),
                    ("pages", page.pages.into()),
                    ("from", page.first.into()),
                    ("to", (page.first + page.teams.len().saturating_sub(1)).into()),
                    ("teams", page.of.into()),
                ],
            ),
            columns: self
                .flow
                .dimensions
                .iter()
                .map(|d| super::theme_letter(&self.content.locales, self.lang, d))
                .collect(),
            key: (0..self.flow.dimensions.len()).map(|d| self.dimension_name(d)).collect(),
            count: self.msg(Msg::OrgChartCount),
            how_to_read: self.msg(Msg::OrgChartHowToRead),
            levels: std::array::from_fn(|i| self.scale_label(super::MAIN_SCALE, i as u8 + 1)),
        };
        let mut rows = Vec::new();
        if let Some(overall) = &view.overall {
            rows.push(HeatmapRow {
                label: self.msg(Msg::OrgChartOrganisation),
                note: self.msg(Msg::OrgChartAllTeams),
                count: overall.respondents.to_string(),
                cells: self.heatmap_cells(&overall.stats),
                highlight: true,
            });
        }
        rows.extend(page.teams.iter().map(|team| HeatmapRow {
            label: team.team.clone(),
            note: self.msg_with(Msg::OrgChartRound, &[("round", team.round.into())]),
            count: team.shown.respondents.to_string(),
            cells: self.heatmap_cells(&team.shown.stats),
            highlight: false,
        }));
        (text, rows)
    }

    fn heatmap_cells(&self, stats: &TeamStats) -> Vec<HeatmapCell> {
        stats
            .dimensions
            .iter()
            .map(|d| HeatmapCell {
                value: d.current,
                text: d.current.map(|v| self.number(v)).unwrap_or_default(),
                detail: d.gap().map(|gap| self.lang.signed_decimal(gap)).unwrap_or_default(),
            })
            .collect()
    }
}
