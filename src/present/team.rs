//! A team's published result in words: what it counts, why there is none yet, and its
//! chart's rows. Its sections are `team_sections`'.

use super::Presenter;
use super::report::{Block, Sectioned};
use crate::anonymity::MIN_DIFFERENCE;
use crate::chart::{ProfileRow, ProfileText};
use crate::flow::QuestionKind;
use crate::i18n::Arg;
use crate::messages::Msg;
use crate::team::{TeamRefusal, TeamResult};

/// Team results, for leads: only aggregates ever reach this code (see `store::teams`).
impl Presenter<'_> {
    /// Why a round has no result (yet), or `None` for a refusal that is not about the
    /// round (not a lead, no such team).
    pub fn refusal(&self, team: &str, round: u32, members: usize, refusal: &TeamRefusal) -> Option<String> {
        let mut args: Vec<(&str, Arg)> =
            vec![("team", team.into()), ("round", round.into()), ("members", members.into())];
        Some(match *refusal {
            TeamRefusal::TooFew { respondents, needed } => {
                args.extend([
                    ("respondents", respondents.into()),
                    ("needed", needed.into()),
                    ("more", (needed - respondents).into()),
                ]);
                self.msg_with(Msg::TeamTooFew, &args)
            }
            TeamRefusal::Held { respondents } => {
                args.extend([("respondents", respondents.into()), ("step", MIN_DIFFERENCE.into())]);
                self.msg_with(Msg::TeamHeld, &args)
            }
            TeamRefusal::NoSuchTeam | TeamRefusal::NotALead | TeamRefusal::NoSuchRound => return None,
        })
    }

    /// A team result as text (the chat, the web, the terminal): what it counts, then the
    /// same sections as the PDF's (see `team_sections`).
    pub fn team_result(&self, result: &TeamResult) -> Sectioned {
        let mut out = vec![match result.closed_at {
            None => self.msg_with(
                Msg::TeamResultTitle,
                &[
                    ("team", result.team.as_str().into()),
                    ("round", result.round.into()),
                    ("respondents", result.respondents_now.into()),
                    ("members", result.members.into()),
                ],
            ),
            Some(_) => {
                let title = self.msg_with(
                    Msg::TeamResultTitleClosed,
                    &[
                        ("team", result.team.as_str().into()),
                        ("round", result.round.into()),
                        ("respondents", result.respondents_now.into()),
                    ],
                );
                match result.shown.respondents < result.respondents_now {
                    true => {
                        let covers = [("shown", result.shown.respondents.into())];
                        format!("{title} {}", self.msg_with(Msg::TeamResultClosedCovers, &covers))
                    }
                    false => title,
                }
            }
        }];
        if let Some(open) = &result.open {
            out.extend(self.refusal(&result.team, open.round, result.members, &open.refusal));
        }
        if !result.up_to_date {
            // A lower bound: the rule sets the new result against every result shown.
            let since = result.respondents_now.abs_diff(result.shown.respondents);
            let more = MIN_DIFFERENCE.saturating_sub(since).max(1);
            out.push(self.msg_with(
                Msg::TeamResultFrozen,
                &[
                    ("shown", result.shown.respondents.into()),
                    ("more", more.into()),
                    ("step", MIN_DIFFERENCE.into()),
                ],
            ));
        }
        let sections = self.team_sections(result);
        out.push(self.blocks_text(&sections));
        out.push(String::new());
        out.push(self.msg(Msg::TeamHowToRead));
        Sectioned { text: out.join("\n"), headings: sections.iter().filter_map(Block::heading).collect() }
    }

    pub(super) fn role_label(&self, role: &str) -> String {
        self.flow
            .questions
            .iter()
            .find_map(|q| match &q.kind {
                QuestionKind::Choice { options } => options.iter().find(|o| o.id == role),
                QuestionKind::Scale { .. } | QuestionKind::Ambition { .. } => None,
            })
            .map_or(role.to_string(), |option| self.key(&option.label))
    }

    /// Median now against median ambition, with the spread and the previous round, per
    /// dimension; dated when the round closed, or `now` while it is open.
    pub fn team_chart(&self, result: &TeamResult, now: u64) -> (Vec<ProfileRow>, ProfileText) {
        let previous = result.previous.as_ref();
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
                note: self.chart_note(dim.current, dim.ambition, dim.gap()),
                previous: median_before(result, dim.dimension).map(|(_, median)| median),
            })
            .collect();
        let title = self.msg_with(
            Msg::ChartTeamTitle,
            &[("team", result.team.as_str().into()), ("round", result.round.into())],
        );
        let mut text = self.profile_text(title, Some(self.msg(Msg::ChartSpread)));
        text.previous =
            previous.map(|(round, _)| self.msg_with(Msg::ChartPrevious, &[("round", (*round).into())]));
        let stats = &result.shown.stats;
        text.facts = Some(self.msg_with(
            Msg::ChartTeamFacts,
            &[
                ("respondents", result.shown.respondents.into()),
                ("date", self.date(result.closed_at.unwrap_or(now)).into()),
                ("closed", if result.closed_at.is_some() { "yes" } else { "no" }.into()),
                ("dontknow", self.lang.percent(stats.dont_know_share()).into()),
            ],
        ));
        (rows, text)
    }
}

/// A theme's median in the previous published round, with that round's number: what the
/// result, the chart and the report measure change against.
pub(super) fn median_before(result: &TeamResult, dimension: usize) -> Option<(u32, f64)> {
    let (round, previous) = result.previous.as_ref()?;
    Some((*round, previous.stats.dimensions.get(dimension)?.current?))
}
