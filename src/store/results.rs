//! Published team results, kept beside the team records: per team, round and group ("" for
//! the whole round) the count and figures in `results`, and the set in `published` (its
//! only copy, found by its lookup ids in `published-lookup`). The team record says
//! only which rounds have a result, so a view reads the results it shows and nothing else:
//! the organisation view one round per team, a lead's view its round and the one before.

use super::changes::Changes;
use super::encoding::{decode_set, encode_result, encode_set, round_prefix, shown_with};
use super::index::{by_response, published_key};
use super::{Result, Store};
use crate::anonymity::lookup_ids;
use crate::team::Shown;

/// A round's published result, and those of its role groups by role id.
pub(super) type RoundResults = (Option<Shown>, Vec<(String, Shown)>);

impl Store {
    /// The result last published for a team's round (or a role group in it), if any.
    pub(super) fn shown(&self, team: &str, round: u32, group: &str) -> Result<Option<Shown>> {
        let key = published_key(team, round, group);
        let Some(bytes) = self.results.get(&key)? else { return Ok(None) };
        Ok(Some(self.shown_of(&key, &bytes)?))
    }

    /// A round's published result and those of its role groups, by role id.
    pub(super) fn round_results(&self, team: &str, round: u32) -> Result<RoundResults> {
        let prefix = round_prefix(team, round);
        let (mut whole, mut groups) = (None, Vec::new());
        for item in self.results.scan_prefix(&prefix) {
            let (key, bytes) = item?;
            let shown = self.shown_of(&key, &bytes)?;
            match &key[prefix.len()..] {
                [] => whole = Some(shown),
                group => groups.push((String::from_utf8_lossy(group).into_owned(), shown)),
            }
        }
        Ok((whole, groups))
    }

    /// A result's record with its set (none for results stored before sets were recorded).
    fn shown_of(&self, key: &[u8], bytes: &[u8]) -> Result<Shown> {
        shown_with(bytes, self.published.get(key)?)
    }

    /// Publishes a result of a team's round (or a role group in it) in place of the one
    /// before, with its set in the index by its lookup ids. Call with the team lock held,
    /// in the transaction that marks the round as published.
    pub(super) fn write_result<'a>(
        &'a self,
        changes: &mut Changes<'a>,
        team: &str,
        round: u32,
        group: &str,
        shown: &Shown,
    ) -> Result<()> {
        let key = published_key(team, round, group);
        if let Some(old) = self.published.get(&key)? {
            for id in lookup_ids(&decode_set(&old)?) {
                changes.remove(&self.published_lookup, by_response(id, &key));
            }
        }
        // Later writes to a key win: ids in both sets stay.
        if shown.set.is_empty() {
            changes.remove(&self.published, key.clone());
        } else {
            changes.insert(&self.published, key.clone(), encode_set(&shown.set)?);
            for id in lookup_ids(&shown.set) {
                changes.insert(&self.published_lookup, by_response(id, &key), []);
            }
        }
        changes.insert(&self.results, key, encode_result(shown.respondents, &shown.stats)?);
        Ok(())
    }
}
