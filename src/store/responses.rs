//! Completed responses, one record per person: `responses-v4` holds, per person id, every
//! response of theirs with its id, oldest first (by completion time, then id); and
//! `oldest-response` holds, per person with responses, their oldest completion time, so
//! retention reads only the people it deletes from. One record per person rather than per
//! response keeps the store's keys (and with them sled's memory and pages) few.
//!
//! Every write here happens with the team lock held: a response that is added or deleted
//! changes the round index in the same transaction, and no two writers read-change-write
//! a person's record at once.

use super::changes::Changes;
use super::encoding::{decode_responses, encode_responses};
use super::{PersonId, Result, Store, key};
use crate::anonymity::ResponseId;
use crate::engine::Response;

/// A person's responses with their ids, oldest first.
pub(super) type Responses = Vec<(ResponseId, Response)>;

/// A person's key in `oldest-response`: their oldest completion time (big-endian), then
/// the person id.
fn oldest_key(at: u64, person: &PersonId) -> Vec<u8> {
    [&at.to_be_bytes(), key(person)].concat()
}

impl Store {
    /// The person's completed responses with their ids (a sequence number, which says
    /// nothing about the person), oldest first.
    pub fn responses_with_ids(&self, person: &PersonId) -> Result<Responses> {
        match self.responses.get(key(person))? {
            Some(bytes) => decode_responses(&bytes),
            None => Ok(Vec::new()),
        }
    }

    /// Adds a response just completed to the person's record (kept in order). Call with
    /// the team lock held.
    pub(super) fn add_response<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        person: &PersonId,
        id: ResponseId,
        response: &Response,
    ) -> Result<()> {
        let before = self.responses_with_ids(person)?;
        let mut after = before.clone();
        let at =
            after.partition_point(|(other, old)| (old.completed_at, *other) < (response.completed_at, id));
        after.insert(at, (id, response.clone()));
        self.write_responses(changes, person, &before, &after)
    }

    /// The one way completed responses are deleted (by /forget and by retention): the
    /// person keeps `kept`, and every other response of `before` leaves the round index
    /// too. Call with the team lock held.
    pub(super) fn keep_responses<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        person: &PersonId,
        before: &[(ResponseId, Response)],
        kept: &[(ResponseId, Response)],
    ) -> Result<()> {
        for (id, _) in before {
            if !kept.iter().any(|(kept, _)| kept == id) {
                self.unindex_response(changes, person, *id)?;
            }
        }
        self.write_responses(changes, person, before, kept)
    }

    /// Retention's candidates: everyone with a response completed before `cutoff`.
    pub(super) fn people_with_responses_before(&self, cutoff: u64) -> Result<Vec<PersonId>> {
        self.oldest_response
            .range(..cutoff.to_be_bytes().as_slice())
            .keys()
            .map(|key| Ok(PersonId(String::from_utf8_lossy(&key?[8..]).into_owned())))
            .collect()
    }

    /// Writes a person's record over `before`, with its entry in `oldest-response`.
    fn write_responses<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        person: &PersonId,
        before: &[(ResponseId, Response)],
        after: &[(ResponseId, Response)],
    ) -> Result<()> {
        // Later writes to a key win: an unchanged oldest time stays.
        if let Some((_, oldest)) = before.first() {
            changes.remove(&self.oldest_response, oldest_key(oldest.completed_at, person));
        }
        match after.first() {
            Some((_, oldest)) => {
                changes.insert(&self.oldest_response, oldest_key(oldest.completed_at, person), []);
                changes.insert(&self.responses, key(person), encode_responses(after)?);
            }
            None => changes.remove(&self.responses, key(person)),
        }
        Ok(())
    }
}

/// The record for people's responses as [`Store::write_responses`] writes it, for the
/// migration, which writes them in batches without a transaction.
pub(super) fn record(
    person: &PersonId,
    responses: &[(ResponseId, Response)],
) -> Result<Option<(Vec<u8>, Vec<u8>)>> {
    let Some((_, oldest)) = responses.first() else { return Ok(None) };
    Ok(Some((oldest_key(oldest.completed_at, person), encode_responses(responses)?)))
}
