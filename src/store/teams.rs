//! Teams in the store, and the only way team results leave it.
//!
//! Anonymity is enforced here, in the queries, not in the messages: a team result is
//! computed only for a lead of that team, only over at least `min_respondents` people,
//! and only as aggregates (medians, quartiles, shares, counts). Within a round, a new
//! result becomes visible only when at least [`NEW_RESPONDENTS_FOR_UPDATE`] more people
//! have answered since the one last shown; until then the last shown result is repeated.

use std::collections::BTreeMap;

use super::{PersonId, Result, Store, read};
use crate::engine::Response;
use crate::flow::{Answer, Answers, Flow};
use crate::team::{Round, Shown, Team};
use crate::team_stats::{TeamStats, team_stats};

/// The smallest team result a configuration may allow.
pub const MIN_RESPONDENTS_FLOOR: usize = 3;
/// The default smallest team result.
pub const DEFAULT_MIN_RESPONDENTS: usize = 5;
/// Breakdowns (e.g. by role) only for groups at least this large.
pub const BREAKDOWN_MIN: usize = 7;
/// New respondents needed before a lead sees an updated result within a round.
pub const NEW_RESPONDENTS_FOR_UPDATE: usize = 3;
/// A member is nudged at most once per this many milliseconds (a day).
pub const REMIND_INTERVAL: u64 = 24 * 60 * 60 * 1000;

/// What a lead may see of a team's current round.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamResult {
    pub team: String,
    pub round: u32,
    pub members: usize,
    /// Who has finished this round, as a count.
    pub respondents_now: usize,
    /// The result shown: frozen at `shown.respondents`.
    pub shown: Shown,
    /// The final result of the previous round, if it was large enough.
    pub previous: Option<Shown>,
    /// Median current level per dimension, per role with at least `BREAKDOWN_MIN` people.
    pub by_role: Vec<(String, Vec<Option<f64>>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamRefusal {
    NoSuchTeam,
    NotALead,
    TooFew { respondents: usize, needed: usize },
}

/// A round's aggregate, for exports.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundExport {
    pub round: u32,
    pub opened_at: u64,
    pub closed_at: Option<u64>,
    pub shown: Shown,
}

impl Store {
    pub fn team(&self, id: &str) -> Result<Option<Team>> {
        read(&self.teams, id.as_bytes())
    }

    /// The team an invite code belongs to (a lead invite when `lead` is set).
    pub fn team_by_invite(&self, code: &str, lead: bool) -> Result<Option<Team>> {
        let Some(id) = self.invites.get(code)? else { return Ok(None) };
        let Some(team) = self.team(&String::from_utf8_lossy(&id))? else { return Ok(None) };
        let matches = if lead { team.lead_invite.as_deref() == Some(code) } else { team.invite == code };
        Ok(matches.then_some(team))
    }

    /// Stores a new team.
    pub fn create_team(&self, team: &Team) -> Result<()> {
        let _guard = self.lock_teams();
        self.write_team(team)
    }

    /// Changes a team atomically with respect to every other team change, and returns what
    /// the change returns; `None` when there is no such team. A change that leaves the
    /// team as it was (a refusal) writes nothing.
    pub fn update_team<T>(&self, id: &str, change: impl FnOnce(&mut Team) -> T) -> Result<Option<T>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(id)? else { return Ok(None) };
        let before = team.clone();
        let outcome = change(&mut team);
        if team != before {
            self.write_team(&team)?;
        }
        Ok(Some(outcome))
    }

    fn lock_teams(&self) -> std::sync::MutexGuard<'_, ()> {
        self.team_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes a team and its invite index; codes it no longer has stop working.
    fn write_team(&self, team: &Team) -> Result<()> {
        let old = self.team(&team.id)?;
        let value = serde_json::to_vec(team)?;
        let mut batch = sled::Batch::default();
        if let Some(old) = old {
            batch.remove(old.invite.as_bytes());
            if let Some(code) = old.lead_invite {
                batch.remove(code.as_bytes());
            }
        }
        batch.insert(team.invite.as_bytes(), team.id.as_bytes());
        if let Some(code) = &team.lead_invite {
            batch.insert(code.as_bytes(), team.id.as_bytes());
        }
        self.invites.apply_batch(batch)?;
        self.teams.insert(team.id.as_bytes(), value)?;
        self.db.flush()?;
        Ok(())
    }

    pub fn all_teams(&self) -> Result<Vec<Team>> {
        self.teams.iter().values().map(|value| Ok(serde_json::from_slice(&value?)?)).collect()
    }

    /// The teams a person belongs to, by name.
    pub fn teams_of(&self, person: &PersonId) -> Result<Vec<Team>> {
        let mut teams: Vec<Team> =
            self.all_teams()?.into_iter().filter(|team| team.members.contains(person)).collect();
        teams.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(teams)
    }

    /// The current round's result, for a lead of the team.
    pub fn team_result(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: &PersonId,
        min_respondents: usize,
    ) -> Result<std::result::Result<TeamResult, TeamRefusal>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(Err(TeamRefusal::NoSuchTeam)) };
        if !team.is_lead(viewer) {
            return Ok(Err(TeamRefusal::NotALead));
        }
        let answers = self.round_answers(flow, &team, team.current_round())?;
        let respondents_now = answers.len();
        let Some(shown) = self.visible(flow, &mut team, &answers, min_respondents)? else {
            let needed = min_respondents.max(MIN_RESPONDENTS_FLOOR);
            return Ok(Err(TeamRefusal::TooFew { respondents: respondents_now, needed }));
        };
        let previous = team.rounds.iter().rev().nth(1).and_then(|r| r.shown.clone());
        let by_role =
            if shown.respondents == respondents_now { breakdown(flow, &answers) } else { Vec::new() };
        Ok(Ok(TeamResult {
            team: team.name.clone(),
            round: team.current_round().number,
            members: team.members.len(),
            respondents_now,
            shown,
            previous,
            by_role,
        }))
    }

    /// What may be shown of the current round: the result last shown, renewed once at
    /// least `NEW_RESPONDENTS_FOR_UPDATE` more people have answered. Every view (the
    /// lead's, an export, the organisation's) goes through here, so none of them can be
    /// set against another to read one person's answers. Call with the team lock held.
    fn visible(
        &self,
        flow: &Flow,
        team: &mut Team,
        answers: &[Answers],
        min_respondents: usize,
    ) -> Result<Option<Shown>> {
        let needed = min_respondents.max(MIN_RESPONDENTS_FLOOR);
        let round = team.rounds.last_mut().expect("a team always has a round");
        let due =
            round.shown.as_ref().is_none_or(|s| answers.len() >= s.respondents + NEW_RESPONDENTS_FOR_UPDATE);
        if due && answers.len() >= needed {
            round.shown = Some(aggregate(flow, answers));
            self.write_team(team)?;
        }
        Ok(team.current_round().shown.clone())
    }

    /// Closes the current round (freezing its final result, when large enough) and
    /// opens the next; returns the new round's number.
    pub fn new_round(
        &self,
        flow: &Flow,
        team_id: &str,
        min_respondents: usize,
        now: u64,
    ) -> Result<Option<u32>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(None) };
        let answers = self.round_answers(flow, &team, team.current_round())?;
        let round = team.rounds.last_mut().expect("a team always has a round");
        round.closed_at = Some(now);
        round.shown =
            (answers.len() >= min_respondents.max(MIN_RESPONDENTS_FLOOR)).then(|| aggregate(flow, &answers));
        let number = round.number + 1;
        // The new round opens just after the old one closes: a scan belongs to one round.
        team.rounds.push(Round { number, opened_at: now + 1, closed_at: None, shown: None });
        self.write_team(&team)?;
        Ok(Some(number))
    }

    /// Per round, what a lead may see: closed rounds' final results and the current
    /// round's visible one; rounds below the threshold are left out.
    pub fn team_export(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: &PersonId,
        min_respondents: usize,
    ) -> Result<std::result::Result<Vec<RoundExport>, TeamRefusal>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(Err(TeamRefusal::NoSuchTeam)) };
        if !team.is_lead(viewer) {
            return Ok(Err(TeamRefusal::NotALead));
        }
        let answers = self.round_answers(flow, &team, team.current_round())?;
        self.visible(flow, &mut team, &answers, min_respondents)?;
        Ok(Ok(team
            .rounds
            .iter()
            .filter_map(|round| {
                Some(RoundExport {
                    round: round.number,
                    opened_at: round.opened_at,
                    closed_at: round.closed_at,
                    shown: round.shown.clone()?,
                })
            })
            .collect()))
    }

    /// Members to nudge: not finished this round, reachable, reminders on, and not
    /// nudged in the last day. They are marked as nudged now; the lead learns a count.
    pub fn take_reminders(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: &PersonId,
        now: u64,
    ) -> Result<std::result::Result<Vec<PersonId>, TeamRefusal>> {
        let Some(team) = self.team(team_id)? else { return Ok(Err(TeamRefusal::NoSuchTeam)) };
        if !team.is_lead(viewer) {
            return Ok(Err(TeamRefusal::NotALead));
        }
        let mut due = Vec::new();
        for member in &team.members {
            if member == viewer || self.round_response(flow, team.current_round(), member)?.is_some() {
                continue;
            }
            let person = self.person(member)?;
            if person.unreachable || person.reminders_off {
                continue;
            }
            let key = member.0.as_bytes();
            let last = self.reminded.get(key)?;
            let recently = last.as_deref().and_then(millis).is_some_and(|at| now < at + REMIND_INTERVAL);
            // Compare-and-swap: a lead of another team nudging at the same moment wins once.
            if !recently && self.reminded.compare_and_swap(key, last, Some(&now.to_be_bytes()))?.is_ok() {
                due.push(member.clone());
            }
        }
        self.db.flush()?;
        Ok(Ok(due))
    }

    /// Per team that passes the threshold, its visible result for the current round.
    pub fn org_view(&self, flow: &Flow, min_respondents: usize) -> Result<Vec<(String, TeamStats)>> {
        let _guard = self.lock_teams();
        let mut rows = Vec::new();
        for mut team in self.all_teams()? {
            let answers = self.round_answers(flow, &team, team.current_round())?;
            if let Some(shown) = self.visible(flow, &mut team, &answers, min_respondents)? {
                rows.push((team.name.clone(), shown.stats));
            }
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(rows)
    }

    /// Removes a person from every team (for "forget me").
    pub fn leave_all_teams(&self, person: &PersonId) -> Result<()> {
        let _guard = self.lock_teams();
        for mut team in self.all_teams()? {
            if team.members.remove(person) | team.leads.remove(person) {
                self.write_team(&team)?;
            }
        }
        Ok(())
    }

    /// Each member's latest response of this flow completed inside the round.
    fn round_answers(&self, flow: &Flow, team: &Team, round: &Round) -> Result<Vec<Answers>> {
        let mut answers = Vec::new();
        for member in &team.members {
            if let Some(response) = self.round_response(flow, round, member)? {
                answers.push(response.answers);
            }
        }
        Ok(answers)
    }

    fn round_response(&self, flow: &Flow, round: &Round, member: &PersonId) -> Result<Option<Response>> {
        let responses = self.responses(member)?;
        Ok(responses
            .into_iter()
            .rev()
            .find(|r| r.flow_id == flow.id && Team::in_round(round, r.completed_at)))
    }
}

fn millis(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.try_into().ok()?))
}

fn aggregate(flow: &Flow, answers: &[Answers]) -> Shown {
    let refs: Vec<&Answers> = answers.iter().collect();
    Shown { respondents: answers.len(), stats: team_stats(flow, &refs) }
}

/// Median current level per dimension for each role group of `BREAKDOWN_MIN` or more.
fn breakdown(flow: &Flow, answers: &[Answers]) -> Vec<(String, Vec<Option<f64>>)> {
    let role_question =
        flow.questions.iter().find(|q| matches!(q.kind, crate::flow::QuestionKind::Choice { .. }));
    let Some(role_question) = role_question else { return Vec::new() };
    let mut groups: BTreeMap<String, Vec<&Answers>> = BTreeMap::new();
    for set in answers {
        if let Some(Answer::Choice(role)) = set.get(&role_question.id) {
            groups.entry(role.clone()).or_default().push(set);
        }
    }
    groups
        .into_iter()
        .filter(|(_, group)| group.len() >= BREAKDOWN_MIN)
        .map(|(role, group)| {
            let stats = team_stats(flow, &group);
            let medians = stats.dimensions.iter().map(|d| d.current).collect();
            (role, medians)
        })
        .collect()
}
