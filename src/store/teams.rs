//! Teams in the store, and the only way team results leave it.
//!
//! Anonymity is enforced here, through the pure rules of [`crate::anonymity`]: a team
//! result is computed only for a lead of that team, only as aggregates (medians,
//! quartiles, shares, counts), and only as a *published set*. Every view (the lead's
//! chat and files, the organisation view, "change since", a closed round, a role group)
//! calls [`Store::publish`], which sets the candidate set of responses against every set
//! published before, in any team, and either publishes it or keeps the last result.
//!
//! Team results read the round index (see `index`): one small record per respondent, with
//! the scores computed when the response was completed.

use std::collections::BTreeMap;

use super::changes::Changes;
use super::{PersonId, Result, Store};
use crate::anonymity::{self, Aliases, LastShown, RespondentSet, ResponseId, Rules, Verdict};
use crate::flow::Flow;
use crate::team::{Round, RoundExport, Shown, Team, TeamRefusal, TeamResult};
use crate::team_stats::{Respondent, stats_of};

/// A member is nudged at most once per this many milliseconds (a day).
pub const REMIND_INTERVAL: u64 = 24 * 60 * 60 * 1000;

/// Who asks for a team result: one of its leads, or an organisation admin (the command
/// line's `peilbot team`). Both get the same published result.
#[derive(Debug, Clone, Copy)]
pub enum Viewer<'a> {
    Lead(&'a PersonId),
    Admin,
}

/// What closing a round came to.
#[derive(Debug, Clone, PartialEq)]
pub enum NewRound {
    /// Closed, and the next one opened: the team as it is now.
    Opened(Team),
    /// The round to close is closed already (its confirmation was tapped twice, or two
    /// were): nothing changed. The team as it is.
    AlreadyClosed(Team),
    NoSuchTeam,
}

/// What [`Store::publish`] found for the current round.
pub(super) struct Publication {
    pub(super) respondents_now: usize,
    verdict: Verdict,
    up_to_date: bool,
    /// A new result was published (and must be flushed before it is shown).
    pub(super) published: bool,
    /// The scored responses of the result just published (none when nothing was), so
    /// the organisation-wide result over it need not read them again.
    pub(super) scores: Vec<(ResponseId, Respondent)>,
}

impl Store {
    pub fn team(&self, id: &str) -> Result<Option<Team>> {
        Ok(self.shared_team(id)?.map(std::sync::Arc::unwrap_or_clone))
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
        self.write_team(team)?;
        self.durable()
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
            self.durable()?;
        }
        Ok(Some(outcome))
    }

    pub(super) fn lock_teams(&self) -> std::sync::MutexGuard<'_, ()> {
        self.team_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes a team, its invite codes (codes it no longer has stop working) and every
    /// index it changes, in one transaction; not flushed. Call with the team lock held.
    pub(super) fn write_team(&self, team: &Team) -> Result<()> {
        self.write_team_with(team, &[])
    }

    /// Writes a team (see [`Store::write_team`]) with results newly published for it, by
    /// round and group, in the same transaction.
    pub(super) fn write_team_with(&self, team: &Team, results: &[(u32, &str, &Shown)]) -> Result<()> {
        let old = self.team(&team.id)?;
        let mut changes = Changes::default();
        // Only codes that changed are written: a publication leaves them as they are.
        let before: Vec<&str> = old.iter().flat_map(invite_codes).collect();
        let now: Vec<&str> = invite_codes(team).collect();
        for code in before.iter().filter(|code| !now.contains(code)) {
            changes.remove(&self.invites, code.as_bytes());
        }
        for code in now.iter().filter(|code| !before.contains(code)) {
            changes.insert(&self.invites, code.as_bytes(), team.id.as_bytes());
        }
        self.index_team(&mut changes, old.as_ref(), team)?;
        self.apply_with_team(changes, team, results)
    }

    /// Writes a team whose current round was just marked as published, as it was read
    /// under the team lock otherwise, with the results published for it, in one
    /// transaction: its members, round and invites are as stored, so no index or invite
    /// changes, and the record need not be read again to find out.
    fn write_publication(&self, team: &Team, results: &[(u32, &str, &Shown)]) -> Result<()> {
        // What was derived from the team's results (the organisation view) is not kept.
        self.candidates.forget_team(&team.id);
        self.apply_with_team(Changes::default(), team, results)
    }

    /// Applies `changes` with the team's record and `results` in one transaction, and drops
    /// the cached record.
    fn apply_with_team<'a>(
        &'a self,
        mut changes: Changes<'a>,
        team: &Team,
        results: &[(u32, &str, &Shown)],
    ) -> Result<()> {
        changes.insert(&self.teams, team.id.as_bytes(), serde_json::to_vec(team)?);
        for (round, group, shown) in results {
            self.write_result(&mut changes, &team.id, *round, group, shown)?;
        }
        let applied = changes.apply();
        self.team_cache.written(&team.id);
        applied
    }

    pub fn all_teams(&self) -> Result<Vec<Team>> {
        self.each_team().collect()
    }

    /// Every team, read one at a time: a large organisation's records together take
    /// hundreds of MB, so what needs only a little of each should not hold them all.
    pub fn each_team(&self) -> impl Iterator<Item = Result<Team>> + '_ {
        self.teams.iter().values().map(|value| Ok(serde_json::from_slice(&value?)?))
    }

    /// The teams a person belongs to, by name.
    pub fn teams_of(&self, person: &PersonId) -> Result<Vec<Team>> {
        let mut teams = Vec::new();
        for id in self.team_ids_of(person)? {
            teams.extend(self.team(&id)?.filter(|team| team.members.contains(person)));
        }
        teams.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(teams)
    }

    /// A round's result, for a lead of the team: the round asked for, or else the current
    /// one once it has a published result, or else the latest round that has one (saying
    /// why the current round has none yet). The current round is published first, as in
    /// every view.
    pub fn team_result(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: &PersonId,
        rules: Rules,
        round: Option<u32>,
    ) -> Result<std::result::Result<TeamResult, TeamRefusal>> {
        self.team_result_as(flow, team_id, Viewer::Lead(viewer), rules, round)
    }

    /// A round's result (see [`Store::team_result`]), for a lead of the team or an admin.
    pub fn team_result_as(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: Viewer,
        rules: Rules,
        round: Option<u32>,
    ) -> Result<std::result::Result<TeamResult, TeamRefusal>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(Err(TeamRefusal::NoSuchTeam)) };
        if matches!(viewer, Viewer::Lead(person) if !team.is_lead(person)) {
            return Ok(Err(TeamRefusal::NotALead));
        }
        let publication = self.publish(flow, &mut team, rules)?;
        self.flush_if(publication.published)?;
        let current = team.current_round().number;
        let refusal = match publication.verdict {
            Verdict::TooFew { respondents, needed } => TeamRefusal::TooFew { respondents, needed },
            _ => TeamRefusal::Held { respondents: publication.respondents_now },
        };
        let Some(shown_round) = team.published_round(round) else {
            return Ok(Err(if round.is_some() { TeamRefusal::NoSuchRound } else { refusal }));
        };
        let is_current = shown_round.number == current;
        let (shown, by_role) = self.round_results(&team.id, shown_round.number)?;
        let Some(shown) = shown else { return Ok(Err(TeamRefusal::NoSuchRound)) };
        // "Change since" only between rounds of the same flow version: others ask other questions.
        let same_flow = |r: &Round| r.flow == shown_round.flow && r.flow_version == shown_round.flow_version;
        let mut previous = None;
        for r in
            team.rounds.iter().rev().filter(|r| r.number < shown_round.number && same_flow(r) && r.published)
        {
            if let Some(shown) = self.shown(&team.id, r.number, "")? {
                previous = Some((r.number, shown));
                break;
            }
        }
        Ok(Ok(TeamResult {
            team: team.name.clone(),
            round: shown_round.number,
            members: team.members.len(),
            respondents_now: match is_current {
                true => publication.respondents_now,
                false => shown_round.took_part.unwrap_or(shown.respondents),
            },
            up_to_date: !is_current || publication.up_to_date,
            shown,
            previous,
            by_role,
            opened_at: shown_round.opened_at,
            closed_at: shown_round.closed_at,
            open: (!is_current && !team.current_round().published)
                .then_some(crate::team::OpenRound { round: current, refusal }),
            published_rounds: team.rounds.iter().filter(|r| r.published).map(|r| r.number).collect(),
        }))
    }

    /// Publishes the current round's result when the rules allow it: over the responses
    /// there are now, set against every result ever published, in this team or any
    /// other. Role groups are published with it when they pass their own rule. Every
    /// view goes through here, so none of them can be set against another to read one
    /// person's answers. Call with the team lock held; flush when it `published`.
    ///
    /// Only published sets with a lookup id among the candidate's responses can hold it
    /// (or a group in it), so only those are read, from the index. A candidate equal to
    /// the round's own published set adds nothing: every set published since was set
    /// against it, and the rule is symmetric, so only the threshold is checked again.
    pub(super) fn publish(&self, flow: &Flow, team: &mut Team, rules: Rules) -> Result<Publication> {
        let ids = self.round_candidate(flow, team)?;
        let number = team.current_round().number;
        let shown = match team.current_round().published {
            true => self.shown(&team.id, number, "")?,
            false => None,
        };
        if let Some(shown) = shown.as_ref().filter(|s| s.set.iter().eq(ids.iter())) {
            let last = LastShown { set: &shown.set, respondents: shown.respondents };
            let decision = anonymity::decide(rules, &shown.set, anonymity::NO_ALIASES, Some(last), []);
            return Ok(Publication {
                respondents_now: ids.len(),
                verdict: decision.verdict,
                up_to_date: true,
                published: false,
                scores: Vec::new(),
            });
        }
        let members = self.round_members(flow, team)?;
        let candidate: RespondentSet = members.iter().map(|member| member.response).collect();
        let last = shown.as_ref().map(|s| LastShown { set: &s.set, respondents: s.respondents });
        // What is shown already needs no sets to be checked against.
        let mut found = Vec::new();
        if shown.as_ref().is_none_or(|s| s.set != candidate) {
            found = self.sets_found_by(&candidate)?;
            found.extend(self.org_set_near(candidate.len())?);
        }
        let published: Vec<&RespondentSet> = found.iter().collect();
        let near = shown.iter().map(|s| &s.set).chain(published.iter().copied());
        let aliases = self.aliases(&members, &candidate, near)?;
        let decision = anonymity::decide(rules, &candidate, &aliases, last, published.iter().copied());
        let mut responses = Vec::new();
        if decision.publish {
            // Scores are read only for a result that is published.
            responses = self.scores(flow, &members)?;
            let groups = publish_groups(flow, &responses, &candidate, &aliases, &published);
            let whole = aggregate(flow, responses.iter().map(|(id, respondent)| (*id, respondent)));
            let mut results: Vec<(u32, &str, &Shown)> = vec![(number, "", &whole)];
            results.extend(groups.iter().map(|(group, shown)| (number, group.as_str(), shown)));
            team.rounds.last_mut().expect("a team always has a round").published = true;
            self.write_publication(team, &results)?;
        }
        Ok(Publication {
            respondents_now: candidate.len(),
            verdict: decision.verdict,
            up_to_date: decision.up_to_date || decision.publish,
            published: decision.publish,
            scores: responses,
        })
    }

    /// Closes round `closing` and opens the next, when `closing` is still the current
    /// round; returns the team as it is now. The
    /// closed round keeps the last result the rules published for it: a result over
    /// everyone who answered is only published when it passes them.
    /// `flow` is the closing round's flow, `next` the one the new round asks.
    pub fn new_round(
        &self,
        flow: &Flow,
        team_id: &str,
        closing: u32,
        rules: Rules,
        now: u64,
        next: &Flow,
    ) -> Result<NewRound> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(NewRound::NoSuchTeam) };
        // Checked under the lock: two taps at once close one round.
        if team.current_round().number != closing {
            return Ok(NewRound::AlreadyClosed(team));
        }
        let publication = self.publish(flow, &mut team, rules)?;
        let round = team.rounds.last_mut().expect("a team always has a round");
        round.closed_at = Some(now);
        round.took_part = Some(publication.respondents_now);
        let number = round.number + 1;
        // The new round opens just after the old one closes: a scan belongs to one round.
        team.rounds.push(Round::open(number, now + 1, &next.id, next.version));
        self.write_team(&team)?;
        self.durable()?;
        Ok(NewRound::Opened(team))
    }

    /// Per round, what a lead may see: every round's last published result, with the flow
    /// it asked; rounds without one are left out. `flow` is the current round's flow.
    pub fn team_export(
        &self,
        flow: &Flow,
        team_id: &str,
        viewer: &PersonId,
        rules: Rules,
    ) -> Result<std::result::Result<Vec<RoundExport>, TeamRefusal>> {
        let _guard = self.lock_teams();
        let Some(mut team) = self.team(team_id)? else { return Ok(Err(TeamRefusal::NoSuchTeam)) };
        if !team.is_lead(viewer) {
            return Ok(Err(TeamRefusal::NotALead));
        }
        let publication = self.publish(flow, &mut team, rules)?;
        self.flush_if(publication.published)?;
        let mut rounds = Vec::new();
        let current = team.current_round().number;
        for round in team.rounds.iter().filter(|round| round.published) {
            let Some(shown) = self.shown(&team.id, round.number, "")? else { continue };
            let took_part =
                if round.number == current { Some(publication.respondents_now) } else { round.took_part };
            rounds.push(RoundExport {
                round: round.number,
                flow: round.flow.clone(),
                flow_version: round.flow_version,
                opened_at: round.opened_at,
                closed_at: round.closed_at,
                took_part,
                shown,
            });
        }
        Ok(Ok(rounds))
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
            if member == viewer || self.responded(flow, &team, member)? {
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
        self.flush_if(!due.is_empty())?;
        Ok(Ok(due))
    }

    /// Whether a member has finished the team's current round.
    pub fn has_finished_round(&self, flow: &Flow, team: &Team, member: &PersonId) -> Result<bool> {
        self.responded(flow, team, member)
    }

    /// Records a nudge sent now (a queued one, delivered), for the once-a-day rule.
    pub fn mark_reminded(&self, person: &PersonId, now: u64) -> Result<()> {
        self.reminded.insert(person.0.as_bytes(), &now.to_be_bytes())?;
        self.durable()
    }

    /// When the person was last nudged, if ever (Unix milliseconds).
    pub fn last_reminded(&self, person: &PersonId) -> Result<Option<u64>> {
        Ok(self.reminded.get(person.0.as_bytes())?.as_deref().and_then(millis))
    }

    /// Removes a person from every team.
    pub fn leave_all_teams(&self, person: &PersonId) -> Result<()> {
        self.leave_all_teams_unflushed(person)?;
        self.durable()
    }

    /// Removes a person from every team (for "forget me"), without flushing.
    pub(super) fn leave_all_teams_unflushed(&self, person: &PersonId) -> Result<()> {
        let _guard = self.lock_teams();
        for id in self.team_ids_of(person)? {
            let Some(mut team) = self.team(&id)? else { continue };
            if team.members.remove(person) | team.leads.remove(person) {
                self.write_team(&team)?;
            }
        }
        Ok(())
    }

    pub(super) fn flush_if(&self, wrote: bool) -> Result<()> {
        if wrote { self.durable() } else { Ok(()) }
    }
}

fn millis(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.try_into().ok()?))
}

pub(super) fn aggregate<'a>(
    flow: &Flow,
    responses: impl IntoIterator<Item = (ResponseId, &'a Respondent)>,
) -> Shown {
    let (set, respondents): (RespondentSet, Vec<&Respondent>) = responses.into_iter().unzip();
    Shown { respondents: respondents.len(), set, stats: stats_of(flow, &respondents) }
}

/// The role groups of a round that pass the breakdown rule, as results to publish.
fn publish_groups(
    flow: &Flow,
    responses: &[(ResponseId, Respondent)],
    whole: &RespondentSet,
    aliases: &Aliases,
    published: &[&RespondentSet],
) -> BTreeMap<String, Shown> {
    let role_question = flow.questions.iter().position(|q| q.kind.options().is_some());
    let Some(role_question) = role_question else { return BTreeMap::new() };
    let mut groups: BTreeMap<String, Vec<(ResponseId, &Respondent)>> = BTreeMap::new();
    for (id, respondent) in responses {
        if let Some(role) = respondent.choice(role_question) {
            groups.entry(role.to_string()).or_default().push((*id, respondent));
        }
    }
    let sets: BTreeMap<&String, RespondentSet> =
        groups.iter().map(|(role, group)| (role, group.iter().map(|(id, _)| *id).collect())).collect();
    let allowed =
        anonymity::groups_to_publish(sets.iter().map(|(role, set)| (*role, set)), whole, aliases, published);
    allowed.into_iter().map(|role| (role.clone(), aggregate(flow, groups[role].iter().copied()))).collect()
}

/// A team's invite codes: its members' and, when it has one, its leads'.
fn invite_codes(team: &Team) -> impl Iterator<Item = &str> {
    std::iter::once(team.invite.as_str()).chain(team.lead_invite.as_deref())
}
