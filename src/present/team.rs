//! A team's published result in words: the result itself (themes, statements, role
//! groups, advice), why there is none yet, and its chart's rows.

use super::Presenter;
use crate::anonymity::MIN_DIFFERENCE;
use crate::chart::{ProfileRow, ProfileText};
use crate::flow::QuestionKind;
use crate::i18n::Arg;
use crate::messages::Msg;
use crate::score::{GapStatus, level_of};
use crate::team::{TeamRefusal, TeamResult};
use crate::team_stats::Agreement;

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

    pub fn team_result(&self, result: &TeamResult) -> String {
        let stats = &result.shown.stats;
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
        out.push(String::new());
        for dim in &stats.dimensions {
            let name = self.dimension_name(dim.dimension);
            let Some(current) = dim.current else {
                out.push(self.msg_with(Msg::TeamDimensionNoScore, &[("name", name.into())]));
                out.push(String::new());
                continue;
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
                    &[
                        ("name", name.into()),
                        ("current", self.number(current).into()),
                        ("level", level.into()),
                    ],
                ),
            };
            if dim.gap_status(self.flow) == Some(GapStatus::Priority) {
                line.push_str(&format!(" · {}", self.msg(Msg::SnapshotPriority)));
            } else if dim.gap().is_some_and(|gap| gap < 0.0) {
                line.push_str(&format!(" · {}", self.msg(Msg::TeamAboveAmbition)));
            }
            out.push(line);
            let mut details = Vec::new();
            if let (Some(iqr), Some(agreement)) = (dim.iqr(), dim.agreement()) {
                let view = self.msg(match agreement {
                    Agreement::Shared => Msg::TeamViewShared,
                    Agreement::Divided => Msg::TeamViewDivided,
                    Agreement::Mixed => Msg::TeamViewMixed,
                });
                details.push(
                    self.msg_with(
                        Msg::TeamSpread,
                        &[("iqr", self.number(iqr).into()), ("view", view.into())],
                    ),
                );
            }
            let share = self.lang.percent(dim.dont_know_share);
            details.push(self.msg_with(Msg::TeamDontKnow, &[("share", share.into())]));
            if let Some((round, before)) = median_before(result, dim.dimension) {
                let change = self.lang.signed_decimal(current - before);
                details.push(
                    self.msg_with(Msg::TeamChange, &[("round", round.into()), ("change", change.into())]),
                );
            }
            out.push(format!("  {}", details.join(" · ")));
            if dim.flagged(self.flow) {
                out.push(format!("  {}", self.flag(current)));
            }
            out.push(String::new());
        }
        out.push(self.priorities(&stats.priorities(self.flow)));
        out.push(String::new());
        out.extend(self.team_advice(stats, &crate::advice::advice(self.flow, stats)));
        if !result.by_role.is_empty() {
            out.push(String::new());
            out.push(self.msg(Msg::TeamByRoleTitle));
            for (role, group) in &result.by_role {
                let medians = self.theme_values(&group.stats, |d| d.current);
                out.push(self.msg_with(
                    Msg::TeamByRole,
                    &[
                        ("role", self.role_label(role).into()),
                        ("respondents", group.respondents.into()),
                        ("medians", medians.join(", ").into()),
                    ],
                ));
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
