//! The indexes team results read, derived from people's responses and the team records,
//! and changed in the same transaction as what they are derived from (call everything
//! here with the team lock held):
//!
//! - a team round's members' latest responses with their scores (`round-index`), so a team
//!   result reads one small record per respondent instead of every response of everyone;
//! - who is in which team (`memberships`) and each team's current round (`rounds`), so a
//!   completed response finds the rounds it counts for without reading any team;
//! - the published sets by their lookup ids (`published-lookup`, written with each
//!   set by `results`), so the published-set rule reads only the sets that can hold a
//!   candidate: those with a lookup id among the candidate's responses.
//!
//! Invariant: for every team, round-index under its current round holds, per member and
//! flow, exactly the member's latest response of that flow completed inside the round
//! (by completion time, then id), as `store::teams` read it from every response before.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use super::changes::Changes;
use super::encoding::{
    RoundEntry, RoundWindow, decode, decode_set, encode, joined, member_and_flow, member_prefix, round_prefix,
};
use super::{PersonId, Result, Store, key};
use crate::anonymity::{Aliases, MIN_DIFFERENCE, RespondentSet, ResponseId, Rules};
use crate::engine::Response;
use crate::flow::Flow;
use crate::team::{OrgView, Round, Team};
use crate::team_stats::Respondent;

/// Per team, round and flow, the ids of the responses in the round's index, in order: a
/// lead's view that publishes nothing new then reads no index at all. A team's entries are
/// dropped whenever its round index changes; both happen with the team lock held, so a
/// cached list is never older than the index.
///
/// Beside them, the last organisation view: it is made from every team's record, round
/// index and published sets (and the organisation-wide result it publishes itself), all of
/// which change only where a team's entries are dropped here, so it is dropped with them.
#[derive(Clone, Default)]
pub(super) struct Candidates(Arc<Mutex<Cached>>);

#[derive(Default)]
pub(super) struct Cached {
    rounds: HashMap<RoundKey, Arc<Vec<ResponseId>>>,
    org: Option<(OrgKey, OrgView)>,
}

/// (team id, round number, flow id)
type RoundKey = (String, u32, String);
/// (flow id, flow version, rules): what an organisation view is made with besides the store.
type OrgKey = (String, u32, Rules);

impl Candidates {
    fn map(&self) -> std::sync::MutexGuard<'_, Cached> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(super) fn forget_team(&self, team: &str) {
        let mut cached = self.map();
        cached.rounds.retain(|(cached, _, _), _| cached != team);
        cached.org = None;
    }

    /// The organisation view made last with this flow and these rules, if nothing it was
    /// made from changed since: publishing again would publish nothing and give the same.
    pub(super) fn org_view(&self, flow: &Flow, rules: Rules) -> Option<OrgView> {
        let cached = self.map();
        let (key, view) = cached.org.as_ref()?;
        (*key == (flow.id.clone(), flow.version, rules)).then(|| view.clone())
    }

    /// Keeps an organisation view just made (with the team lock held, after its own writes).
    pub(super) fn keep_org_view(&self, flow: &Flow, rules: Rules, view: &OrgView) {
        self.map().org = Some(((flow.id.clone(), flow.version, rules), view.clone()));
    }
}

/// A member's record in a round's index (see [`Store::round_members`]).
pub(super) struct RoundMember {
    pub response: ResponseId,
    key: sled::IVec,
    value: sled::IVec,
    /// Where the person id starts in `key`.
    prefix: usize,
}

impl RoundWindow {
    fn of(round: &Round) -> RoundWindow {
        RoundWindow { number: round.number, opened_at: round.opened_at, closed_at: round.closed_at }
    }

    /// The same rule as [`Team::in_round`].
    fn contains(&self, at: u64) -> bool {
        at >= self.opened_at && self.closed_at.is_none_or(|closed| at < closed)
    }
}

/// The key of a published set: its team, round and group ("" for the whole round).
pub(super) fn published_key(team: &str, round: u32, group: &str) -> Vec<u8> {
    joined(&[team.as_bytes(), &round.to_be_bytes(), group.as_bytes()])
}

/// A published set's entry for one of its responses.
pub(super) fn by_response(id: ResponseId, published: &[u8]) -> Vec<u8> {
    let mut key = id.to_be_bytes().to_vec();
    key.extend_from_slice(published);
    key
}

fn membership(person: &PersonId, team: &str) -> Vec<u8> {
    joined(&[key(person), team.as_bytes()])
}

impl Store {
    /// Adds a response completed now to every round of the person's teams it counts for.
    pub(super) fn index_completed<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        person: &PersonId,
        id: ResponseId,
        response: &Response,
    ) -> Result<()> {
        let entry = self.entry(id, response);
        for team in self.team_ids_of(person)? {
            self.candidates.forget_team(&team);
            let Some(window) = self.round_window(&team)? else { continue };
            if !window.contains(response.completed_at) {
                continue;
            }
            let mut key = member_prefix(&team, window.number, person);
            key.extend_from_slice(response.flow_id.as_bytes());
            if let Some(existing) = self.round_index.get(&key)? {
                let existing: RoundEntry = decode(&existing)?;
                if (existing.completed_at, existing.response) > (entry.completed_at, entry.response) {
                    continue;
                }
            }
            changes.insert(&self.round_index, key, encode(&entry)?);
        }
        Ok(())
    }

    /// The index changes that writing `team` over `old` (if it existed) makes.
    pub(super) fn index_team<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        old: Option<&Team>,
        team: &Team,
    ) -> Result<()> {
        self.candidates.forget_team(&team.id);
        let none = BTreeSet::new();
        let old_members = old.map_or(&none, |old| &old.members);
        let added: Vec<&PersonId> = team.members.difference(old_members).collect();
        let removed: Vec<&PersonId> = old_members.difference(&team.members).collect();
        for person in &added {
            changes.insert(&self.memberships, membership(person, &team.id), []);
        }
        for person in &removed {
            changes.remove(&self.memberships, membership(person, &team.id));
        }

        let window = RoundWindow::of(team.current_round());
        let old_window = old.map(|old| RoundWindow::of(old.current_round()));
        if old_window != Some(window) {
            // Another round (or window): its index is built afresh; the old one goes.
            changes.insert(&self.rounds, team.id.as_bytes(), encode(&window)?);
            if let Some(old_window) = old_window {
                self.remove_prefix(changes, &self.round_index, &round_prefix(&team.id, old_window.number))?;
            }
            for person in &team.members {
                self.index_member(changes, &team.id, window, person)?;
            }
        } else {
            for person in removed {
                self.remove_prefix(
                    changes,
                    &self.round_index,
                    &member_prefix(&team.id, window.number, person),
                )?;
            }
            for person in added {
                self.index_member(changes, &team.id, window, person)?;
            }
        }

        Ok(())
    }

    /// A member's latest response of each flow completed inside a round.
    fn index_member<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        team: &str,
        window: RoundWindow,
        person: &PersonId,
    ) -> Result<()> {
        let mut flows = BTreeSet::new();
        for (id, response) in self.responses_with_ids(person)?.iter().rev() {
            if response.completed_at < window.opened_at {
                break; // in order of completion
            }
            if !window.contains(response.completed_at) || !flows.insert(response.flow_id.clone()) {
                continue;
            }
            let mut index_key = member_prefix(team, window.number, person);
            index_key.extend_from_slice(response.flow_id.as_bytes());
            changes.insert(&self.round_index, index_key, encode(&self.entry(*id, response))?);
        }
        Ok(())
    }

    fn entry(&self, id: ResponseId, response: &Response) -> RoundEntry {
        // Scored only with the version it answered, so the scores name the response's version.
        let flow = self.flow(&response.flow_id).filter(|flow| flow.version == response.flow_version);
        let scores = flow.map(|flow| Respondent::of(flow, &response.answers));
        RoundEntry { response: id, completed_at: response.completed_at, scores }
    }

    fn remove_prefix<'a>(
        &self,
        changes: &mut Changes<'a>,
        tree: &'a sled::Tree,
        prefix: &[u8],
    ) -> Result<()> {
        for key in tree.scan_prefix(prefix).keys() {
            changes.remove(tree, key?.to_vec());
        }
        Ok(())
    }

    /// Takes a response that is being deleted out of the round index of every team of its
    /// person. Responses are deleted oldest first (retention) or all at once (forget), so
    /// no older response of the round is left to stand in for it.
    pub(super) fn unindex_response<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        person: &PersonId,
        id: ResponseId,
    ) -> Result<()> {
        for team in self.team_ids_of(person)? {
            self.candidates.forget_team(&team);
            let Some(window) = self.round_window(&team)? else { continue };
            for item in self.round_index.scan_prefix(member_prefix(&team, window.number, person)) {
                let (index_key, value) = item?;
                let entry: RoundEntry = decode(&value)?;
                if entry.response == id {
                    changes.remove(&self.round_index, index_key.to_vec());
                }
            }
        }
        Ok(())
    }

    /// The ids of the teams a person is in.
    pub(super) fn team_ids_of(&self, person: &PersonId) -> Result<Vec<String>> {
        let prefix = membership(person, "");
        self.memberships
            .scan_prefix(&prefix)
            .keys()
            .map(|key| Ok(String::from_utf8_lossy(&key?[prefix.len()..]).into_owned()))
            .collect()
    }

    fn round_window(&self, team: &str) -> Result<Option<RoundWindow>> {
        self.rounds.get(team)?.map(|bytes| decode(&bytes)).transpose()
    }

    /// Each member's latest response of this flow in the team's current round, read without
    /// its scores (enough to know the candidate set). Only responses to the version the
    /// round asks count: another version may ask other questions.
    pub(super) fn round_members(&self, flow: &Flow, team: &Team) -> Result<Vec<RoundMember>> {
        let round = team.current_round();
        let prefix = round_prefix(&team.id, round.number);
        let mut members = Vec::new();
        for item in self.round_index.scan_prefix(&prefix) {
            let (key, value) = item?;
            let Some((_, flow_id)) = member_and_flow(&key[prefix.len()..]) else { continue };
            if flow_id != flow.id.as_bytes() {
                continue;
            }
            members.extend(self.counted(round, key, value, prefix.len())?);
        }
        Ok(members)
    }

    /// The earlier responses of the candidate's people that a near set holds ([`Aliases`]):
    /// each to the person's response in the candidate. Only a set with fewer than
    /// `MIN_DIFFERENCE` responses on either side can be too close by person, so only those
    /// sets' other responses are looked for, and a person's record is read only while one
    /// is not yet found (none in the common case: a set that only grew).
    pub(super) fn aliases<'s>(
        &self,
        members: &[RoundMember],
        candidate: &RespondentSet,
        sets: impl Iterator<Item = &'s RespondentSet>,
    ) -> Result<Aliases> {
        let near = |set: &&RespondentSet| {
            !set.is_disjoint(candidate)
                && set.difference(candidate).nth(MIN_DIFFERENCE - 1).is_none()
                && candidate.difference(set).nth(MIN_DIFFERENCE - 1).is_none()
        };
        let mut wanted: BTreeSet<ResponseId> =
            sets.filter(near).flat_map(|set| set.difference(candidate).copied()).collect();
        let mut aliases = Aliases::new();
        for member in members {
            if wanted.is_empty() {
                break;
            }
            let Some((person, _)) = member_and_flow(&member.key[member.prefix..]) else { continue };
            let person = PersonId(String::from_utf8_lossy(person).into_owned());
            for (id, _) in self.responses_with_ids(&person)? {
                if id != member.response && wanted.remove(&id) {
                    aliases.insert(id, member.response);
                }
            }
        }
        Ok(aliases)
    }

    /// An index entry as a member of the round, when it counts: completed inside the round,
    /// in answer to the flow version the round asks.
    fn counted(
        &self,
        round: &Round,
        key: sled::IVec,
        value: sled::IVec,
        prefix: usize,
    ) -> Result<Option<RoundMember>> {
        // The entry starts with its response id, its completion time and, when it was
        // scored, the scores' flow version (see `RoundEntry` and `Respondent`).
        let ((response, completed_at, scored), _) =
            postcard::take_from_bytes::<(ResponseId, u64, Option<u32>)>(&value)?;
        let member = RoundMember { response, key, value, prefix };
        let version = match scored {
            Some(version) => Some(version),
            None => self.response_of(&member, completed_at)?.map(|r| r.flow_version),
        };
        Ok((Team::in_round(round, completed_at) && version == Some(round.flow_version)).then_some(member))
    }

    /// The ids of [`Store::round_members`], from the cache when the index did not change.
    pub(super) fn round_candidate(&self, flow: &Flow, team: &Team) -> Result<Arc<Vec<ResponseId>>> {
        let key = (team.id.clone(), team.current_round().number, flow.id.clone());
        if let Some(ids) = self.candidates.map().rounds.get(&key) {
            return Ok(ids.clone());
        }
        let mut ids: Vec<ResponseId> = self.round_members(flow, team)?.iter().map(|m| m.response).collect();
        ids.sort_unstable();
        let ids = Arc::new(ids);
        self.candidates.map().rounds.insert(key, ids.clone());
        Ok(ids)
    }

    /// The scores of members' responses, as computed when they were completed; a response
    /// scored with another version of the flow (or not at all) is scored again, as it
    /// always was.
    pub(super) fn scores(
        &self,
        flow: &Flow,
        members: &[RoundMember],
    ) -> Result<Vec<(ResponseId, Respondent)>> {
        let mut scored = Vec::with_capacity(members.len());
        for member in members {
            let entry: RoundEntry = decode(&member.value)?;
            let scores = match entry.scores {
                Some(scores) if scores.flow_version == flow.version => scores,
                _ => {
                    let Some(response) = self.response_of(member, entry.completed_at)? else { continue };
                    Respondent::of(flow, &response.answers)
                }
            };
            scored.push((entry.response, scores));
        }
        Ok(scored)
    }

    /// The stored response an index entry stands for.
    fn response_of(&self, member: &RoundMember, completed_at: u64) -> Result<Option<Response>> {
        let Some((person, _)) = member_and_flow(&member.key[member.prefix..]) else { return Ok(None) };
        let person = PersonId(String::from_utf8_lossy(person).into_owned());
        let responses = self.responses_with_ids(&person)?;
        let wanted = |(id, response): &(ResponseId, Response)| {
            *id == member.response && response.completed_at == completed_at
        };
        Ok(responses.into_iter().find(wanted).map(|(_, response)| response))
    }

    /// Whether a member has a response in the team's current round that counts for it (of
    /// its flow, at the version it asks), so a reminder would be one too many.
    pub(super) fn responded(&self, flow: &Flow, team: &Team, person: &PersonId) -> Result<bool> {
        let round = team.current_round();
        let mut key = member_prefix(&team.id, round.number, person);
        key.extend_from_slice(flow.id.as_bytes());
        let Some(value) = self.round_index.get(&key)? else { return Ok(false) };
        let prefix = round_prefix(&team.id, round.number).len();
        Ok(self.counted(round, key.into(), value, prefix)?.is_some())
    }

    /// Every published set, in any team, round or group, with one of its lookup ids among
    /// `candidate`'s responses: every one the published-set rule can hold the candidate (or
    /// a group in it) against (see [`crate::anonymity::lookup_ids`]).
    pub(super) fn sets_found_by(&self, candidate: &RespondentSet) -> Result<Vec<RespondentSet>> {
        let mut keys = BTreeSet::new();
        for id in candidate {
            for key in self.published_lookup.scan_prefix(id.to_be_bytes()).keys() {
                keys.insert(key?[8..].to_vec());
            }
        }
        let mut sets = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(bytes) = self.published.get(key)? {
                sets.push(decode_set(&bytes)?);
            }
        }
        Ok(sets)
    }
}
