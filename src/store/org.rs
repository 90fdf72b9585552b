//! The organisation view: every team's latest published result, the teams without one
//! as counts, and one organisation-wide result over all their respondents.
//!
//! The organisation-wide result is over the responses the team rows are computed over
//! (each team's published set of the round it is shown with) and the responses so far of
//! the teams below the minimum, each response once. It is a published set like any team's:
//! published only by [`anonymity::verdict`] against every set it overlaps with, and every
//! team publication is set against it in turn (see [`Store::org_set_near`]), so it cannot
//! be set against a team result, or against itself a little later, to single anyone out.

use super::encoding::{decode_set, encode_result, encode_set, shown_with};
use super::{Result, Store};
use crate::anonymity::{self, LastShown, MIN_DIFFERENCE, RespondentSet, ResponseId, Rules};
use crate::flow::Flow;
use crate::team::{OrgPending, OrgTeam, OrgView, Round, Shown, Team};
use crate::team_stats::{Respondent, StatsBuilder};

/// Keys in the `org` tree, per flow version: the result last published (its count and
/// figures), the set of responses it is over, and that set's length, which every team
/// publication compares with. (Stores from before flows were per round have a set and a
/// length without a suffix, for the quick scan; that set is still set against.)
pub(super) const RESULT: &str = "result";
pub(super) const SET: &str = "set";
pub(super) const LEN: &str = "len";

/// Scored responses gathered for the organisation-wide result, each response once.
struct Pool<'f> {
    set: RespondentSet,
    stats: StatsBuilder<'f>,
}

impl<'f> Pool<'f> {
    fn new(flow: &'f Flow) -> Self {
        Pool { set: RespondentSet::new(), stats: StatsBuilder::new(flow) }
    }

    fn add(&mut self, scores: &[(ResponseId, Respondent)]) {
        for (id, respondent) in scores {
            if self.set.insert(*id) {
                self.stats.add(respondent);
            }
        }
    }
}

fn org_key(kind: &str, flow: &Flow) -> Vec<u8> {
    format!("{kind}:{}:{}", flow.id, flow.version).into_bytes()
}

/// Whether a round asked this flow, at this version.
fn asks(round: &Round, flow: &Flow) -> bool {
    round.flow == flow.id && round.flow_version == flow.version
}

impl Store {
    /// The organisation view of one flow, for an admin. Each team whose current round asks
    /// it is published first when the rules allow it; a team is then shown with its latest
    /// round of this flow that reached the minimum (each row is one published result, of
    /// one version), or listed with its progress when its current round asks this flow and
    /// none has. Other teams are not in it. The organisation-wide result is over responses
    /// to the flow's current version only: versions whose questions differ never mix.
    pub fn org_view(&self, flow: &Flow, rules: Rules) -> Result<OrgView> {
        let _guard = self.lock_teams();
        if let Some(view) = self.candidates.org_view(flow, rules) {
            return Ok(view);
        }
        let mut view = OrgView::default();
        let mut published = false;
        // The responses the view is over; the scores of those of teams just published,
        // which are in hand; and the teams whose scores are read only when the
        // organisation-wide result is new.
        let mut candidate = RespondentSet::new();
        let mut pool = Pool::new(flow);
        // Team ids only: a thousand teams' records together would take hundreds of MB.
        let mut sources: Vec<(String, Option<u32>)> = Vec::new();
        let ids: Vec<sled::IVec> = self.teams.iter().keys().collect::<sled::Result<_>>()?;
        for id in ids {
            let Some(mut team) = self.team_passing(&String::from_utf8_lossy(&id))? else { continue };
            let current = team.current_round().flow == flow.id;
            let (respondents_now, scores) = if current {
                let publication = self.publish(flow, &mut team, rules)?;
                published |= publication.published;
                (publication.respondents_now, publication.scores)
            } else {
                (0, Vec::new())
            };
            let latest = team.rounds.iter().rev().find(|round| round.published && round.flow == flow.id);
            let shown = match latest {
                Some(round) => self.shown(&team.id, round.number, "")?,
                None => None,
            };
            match latest.zip(shown) {
                Some((round, shown)) => {
                    let this_version = asks(round, flow);
                    if this_version {
                        candidate.extend(shown.set.iter().copied());
                    }
                    view.teams.push(OrgTeam {
                        team: team.name.clone(),
                        round: round.number,
                        current_round: team.current_round().number,
                        members: team.members.len(),
                        round_opened_at: round.opened_at,
                        shown,
                    });
                    // Scores come only with a result just published: this round's.
                    if this_version {
                        match scores.is_empty() {
                            false => pool.add(&scores),
                            true => sources.push((team.id.clone(), Some(round.number))),
                        }
                    }
                }
                None if current => {
                    view.pending.push(OrgPending {
                        team: team.name.clone(),
                        round: team.current_round().number,
                        respondents: respondents_now,
                        members: team.members.len(),
                    });
                    // Counted, never pooled: a team below the minimum adds nobody to the
                    // organisation row, or that row minus the published teams' rows would
                    // be the few people of the team that has no result.
                }
                None => {}
            }
        }
        view.teams.sort_by(|a, b| a.team.cmp(&b.team));
        view.pending.sort_by(|a, b| a.team.cmp(&b.team));
        view.respondents_now = candidate.len();
        let (overall, org_published) = self.publish_org(flow, rules, candidate, pool, &sources)?;
        view.overall = overall;
        self.flush_if(published || org_published)?;
        self.candidates.keep_org_view(flow, rules, &view);
        Ok(view)
    }

    /// The organisation-wide set, when it is close enough in size to a candidate of `len`
    /// responses to be too close to it (sets that differ in size by [`MIN_DIFFERENCE`] or
    /// more never are), so a team publication is set against it only in a tiny organisation.
    pub(super) fn org_set_near(&self, len: usize) -> Result<Vec<RespondentSet>> {
        let mut sets = Vec::new();
        for item in self.org.scan_prefix(LEN.as_bytes()) {
            let (key, stored) = item?;
            let stored = stored.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(u64::MAX);
            if usize::try_from(stored).is_ok_and(|stored| stored.abs_diff(len) < MIN_DIFFERENCE) {
                let set_key = [SET.as_bytes(), &key[LEN.len()..]].concat();
                if let Some(bytes) = self.org.get(set_key)? {
                    sets.push(decode_set(&bytes)?);
                }
            }
        }
        Ok(sets)
    }

    /// Every organisation-wide set published, of every flow version.
    fn org_sets(&self) -> Result<Vec<RespondentSet>> {
        let mut sets = Vec::new();
        for item in self.org.scan_prefix(SET.as_bytes()) {
            sets.push(decode_set(&item?.1)?);
        }
        Ok(sets)
    }

    /// The organisation-wide result of this flow version last published, if any.
    fn org_shown(&self, flow: &Flow) -> Result<Option<Shown>> {
        let Some(bytes) = self.org.get(org_key(RESULT, flow))? else { return Ok(None) };
        Ok(Some(shown_with(&bytes, self.org.get(org_key(SET, flow))?)?))
    }

    /// Publishes the organisation-wide result over `candidate` when the rules allow it;
    /// returns the one last published, and whether it is new. Call with the team lock held.
    fn publish_org(
        &self,
        flow: &Flow,
        rules: Rules,
        candidate: RespondentSet,
        pool: Pool,
        sources: &[(String, Option<u32>)],
    ) -> Result<(Option<Shown>, bool)> {
        let shown = self.org_shown(flow)?;
        // What is shown already needs no sets to be checked against.
        let mut published = Vec::new();
        if shown.as_ref().is_none_or(|shown| shown.set != candidate) {
            published = self.sets_found_by(&candidate)?;
            published.extend(self.org_sets()?);
        }
        let last = shown.as_ref().map(|s| LastShown { set: &s.set, respondents: s.respondents });
        // The organisation's candidate is the union of team sets that each passed the rule
        // by person; it is set against the others by response.
        if !anonymity::decide(rules, &candidate, anonymity::NO_ALIASES, last, &published).publish {
            return Ok((shown, false));
        }
        let shown = self.aggregate_of(flow, &candidate, pool, sources)?;
        let mut batch = sled::Batch::default();
        batch.insert(org_key(SET, flow), encode_set(&shown.set)?);
        batch.insert(org_key(LEN, flow), &(shown.set.len() as u64).to_be_bytes());
        batch.insert(org_key(RESULT, flow), encode_result(shown.respondents, &shown.stats)?);
        self.org.apply_batch(batch)?;
        Ok((Some(shown), true))
    }

    /// The result over the responses in `wanted`: those in `pool`, and those of `sources`,
    /// scored from the round index for current rounds and from the members' responses for
    /// an earlier round a team is shown with. Read a team at a time and gathered as they
    /// come, so that only one team's scored respondents are held at once. A response
    /// deleted since (`/forget`) is not found, and so not counted; one in several teams
    /// counts once.
    fn aggregate_of(
        &self,
        flow: &Flow,
        wanted: &RespondentSet,
        mut pool: Pool,
        sources: &[(String, Option<u32>)],
    ) -> Result<Shown> {
        for (id, round) in sources {
            let Some(team) = &self.team_passing(id)? else { continue };
            let current = team.current_round();
            let scores = match round.and_then(|number| team.rounds.iter().find(|r| r.number == number)) {
                Some(round) if round.number != current.number => {
                    self.closed_round_scores(flow, team, round, wanted)?
                }
                _ => {
                    let mut members = self.round_members(flow, team)?;
                    members.retain(|member| wanted.contains(&member.response));
                    self.scores(flow, &members)?
                }
            };
            pool.add(&scores);
        }
        let Pool { set, stats } = pool;
        Ok(Shown { respondents: set.len(), set, stats: stats.finish() })
    }

    /// The scores of the wanted responses of the team's members completed inside a round
    /// that is no longer current (the round index holds only current rounds).
    fn closed_round_scores(
        &self,
        flow: &Flow,
        team: &Team,
        round: &Round,
        wanted: &RespondentSet,
    ) -> Result<Vec<(ResponseId, Respondent)>> {
        let mut scores = Vec::new();
        for member in &team.members {
            for (id, response) in self.responses_with_ids(member)?.into_iter().rev() {
                if !wanted.contains(&id) {
                    continue;
                }
                if response.completed_at < round.opened_at {
                    break; // in order of completion
                }
                let asked = response.flow_id == round.flow && response.flow_version == round.flow_version;
                if asked && Team::in_round(round, response.completed_at) {
                    scores.push((id, Respondent::of(flow, &response.answers)));
                }
            }
        }
        Ok(scores)
    }
}
