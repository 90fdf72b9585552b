//! Opening a store of an older schema brings it to the current one, keeping everything.
//!
//! Schema 1 kept every response as JSON in `responses` and had no indexes. Schema 2 keeps
//! them in postcard in `responses-v2`, under the same keys (so response ids, and with them
//! every published set, stay as they were), and derives the indexes from the responses and
//! the team records. Schema 3 keeps published results out of the team records (their
//! figures in `results`, their sets only in `published`), the organisation-wide set's
//! length beside it, and an index of responses by completion time for retention. Schema 4
//! keeps one record per person for their responses (`responses-v4`, ids unchanged),
//! indexes people by their oldest response for retention, and indexes each published set
//! by its lookup ids only: a sixth of the keys, with the same verdicts.
//!
//! A migration cut short (a crash, a full disk) is simply done again at the next start:
//! the old records it reads (schema 1's and 2's responses, the team records as they were)
//! are kept in trees of their own until the schema version is written, and everything it
//! writes is derived from them, so it is cleared and written again.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::compact::Batched;
use super::encoding::{decode_set, encode_result};
use super::index::by_response;
use super::org::{LEN, RESULT, SET};
use super::{PersonId, Result, SCHEMA_VERSION, Store, encoding, responses};
use crate::anonymity::{ResponseId, lookup_ids};
use crate::engine::Response;
use crate::team::{Shown, Team};

/// The schema 1 tree of responses, as JSON.
const V1_RESPONSES: &str = "responses";
/// Schema 2's and 3's responses, a postcard record each under person id, 0, completion time
/// (big-endian), sequence (the response's id).
const V2_RESPONSES: &str = "responses-v2";
/// Schema 3's index of responses by completion time (schema 4 has `oldest-response`).
const V3_BY_TIME: &str = "responses-by-time";
/// Schema 3's index of published sets, an entry per response (schema 4 has
/// `published-lookup`).
const V3_BY_RESPONSE: &str = "published-by-response";
/// The team records as schema 1 and 2 wrote them (with every round's results), kept while
/// they are migrated.
const OLD_TEAMS: &str = "teams-v2";
/// In `meta` while [`OLD_TEAMS`] holds every old team record.
const OLD_TEAMS_SAVED: &str = "teams-v2-saved";
/// The organisation-wide result as schema 2 kept it (JSON, its set included).
const OLD_ORG_SHOWN: &str = "shown";
/// Records written per batch: bounded memory on a large store.
const BATCH: usize = 10_000;

pub(super) fn from_v1(store: &Store) -> Result<()> {
    let started = std::time::Instant::now();
    let v2 = store.db.open_tree(V2_RESPONSES)?;
    v2.clear()?;
    let mut writer = Batched::new(&v2, BATCH);
    for item in store.db.open_tree(V1_RESPONSES)?.iter() {
        let (key, value) = item?;
        let response: Response = serde_json::from_slice(&value)?;
        writer.insert(key, encoding::encode_response(&response)?)?;
    }
    writer.finish()?;
    from_old_teams(store, 1, started)
}

pub(super) fn from_v2(store: &Store) -> Result<()> {
    from_old_teams(store, 2, std::time::Instant::now())
}

/// From schema 3: the responses one record per person, the published sets indexed by
/// their lookup ids; the team records and results stay as they are.
pub(super) fn from_v3(store: &Store) -> Result<()> {
    let started = std::time::Instant::now();
    let responses = by_person(store)?;
    index_published(store)?;
    done(store, 3, started, responses, 0)
}

/// A round of an old team record: its results, which schema 3 keeps apart.
#[derive(Deserialize)]
struct OldRound {
    number: u32,
    shown: Option<Shown>,
    #[serde(default)]
    groups: BTreeMap<String, Shown>,
}

#[derive(Deserialize)]
struct OldRounds {
    rounds: Vec<OldRound>,
}

/// From schema 1 (its responses already converted) or 2: every index derived again from
/// the responses and the old team records, the results taken out of those records.
fn from_old_teams(store: &Store, from: u32, started: std::time::Instant) -> Result<()> {
    save_old_teams(store)?;
    for tree in [
        &store.teams,
        &store.results,
        &store.memberships,
        &store.rounds,
        &store.round_index,
        &store.published,
        &store.published_lookup,
    ] {
        tree.clear()?;
    }
    let responses = by_person(store)?;
    let mut teams = 0usize;
    {
        let _guard = store.lock_teams();
        for item in store.db.open_tree(OLD_TEAMS)?.iter().values() {
            let bytes = item?;
            let mut team: Team = serde_json::from_slice(&bytes)?;
            let old: OldRounds = serde_json::from_slice(&bytes)?;
            let mut results = Vec::new();
            for (round, old) in team.rounds.iter_mut().zip(&old.rounds) {
                round.published = old.shown.is_some() || !old.groups.is_empty();
                let groups = old.groups.iter().map(|(group, shown)| (group.as_str(), shown));
                for (group, shown) in old.shown.iter().map(|shown| ("", shown)).chain(groups) {
                    results.push((old.number, group, shown));
                }
            }
            store.write_team_with(&team, &results)?;
            teams += 1;
        }
    }
    migrate_org(store)?;
    done(store, from, started, responses, teams)
}

/// Writes the new schema version once everything else is on disk, then drops the old.
fn done(store: &Store, from: u32, started: std::time::Instant, responses: usize, teams: usize) -> Result<()> {
    store.flush()?;
    store.meta.insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
    store.flush()?;
    finish(store)?;
    let seconds = started.elapsed().as_secs_f64();
    tracing::info!(responses, teams, seconds, "migrated the store from schema {from} to {SCHEMA_VERSION}");
    Ok(())
}

/// Schema 2's records, a response each, as one record per person (with their entry in
/// `oldest-response`); returns how many responses there are. The keys are in order of
/// person, then completion time and id, so each person's responses come together, oldest
/// first.
fn by_person(store: &Store) -> Result<usize> {
    store.responses.clear()?;
    store.oldest_response.clear()?;
    let mut records = Batched::new(&store.responses, BATCH / 10);
    let mut oldest = Batched::new(&store.oldest_response, BATCH / 10);
    let mut write = |person: &PersonId, responses: &[(ResponseId, Response)]| -> Result<()> {
        if let Some((oldest_key, record)) = responses::record(person, responses)? {
            records.insert(person.0.as_bytes(), record)?;
            oldest.insert(oldest_key, &[])?;
        }
        Ok(())
    };
    let mut person: Option<(PersonId, responses::Responses)> = None;
    let mut count = 0usize;
    for item in store.db.open_tree(V2_RESPONSES)?.iter() {
        let (key, value) = item?;
        // person id, 0, completion time (8 bytes), sequence (8 bytes)
        let Some(split) = key.len().checked_sub(17) else { continue };
        let id = &key[..split];
        if person.as_ref().is_none_or(|(current, _)| current.0.as_bytes() != id) {
            if let Some((done, responses)) = person.take() {
                write(&done, &responses)?;
            }
            person = Some((PersonId(String::from_utf8_lossy(id).into_owned()), Vec::new()));
        }
        let sequence = u64::from_be_bytes(key[key.len() - 8..].try_into().expect("8 bytes"));
        let (_, responses) = person.as_mut().expect("set above");
        responses.push((sequence, encoding::decode_response(&value)?));
        count += 1;
    }
    if let Some((done, responses)) = person {
        write(&done, &responses)?;
    }
    records.finish()?;
    oldest.finish()?;
    Ok(count)
}

/// Every published set's lookup ids in `published-lookup`, in place of the entry per
/// response schema 3 kept.
fn index_published(store: &Store) -> Result<()> {
    store.published_lookup.clear()?;
    let mut lookup = Batched::new(&store.published_lookup, BATCH);
    for item in store.published.iter() {
        let (key, bytes) = item?;
        for id in lookup_ids(&decode_set(&bytes)?) {
            lookup.insert(by_response(id, &key), &[])?;
        }
    }
    lookup.finish()
}

/// Keeps the old team records in a tree of their own, once: a migration redone after a
/// crash reads them from there, not from `teams`, which it rewrites.
fn save_old_teams(store: &Store) -> Result<()> {
    let meta = &store.meta;
    if meta.contains_key(OLD_TEAMS_SAVED)? {
        return Ok(());
    }
    let saved = store.db.open_tree(OLD_TEAMS)?;
    saved.clear()?;
    let mut writer = Batched::new(&saved, BATCH / 100);
    for item in store.teams.iter() {
        let (key, value) = item?;
        writer.insert(key, value)?;
    }
    writer.finish()?;
    store.flush()?;
    meta.insert(OLD_TEAMS_SAVED, &[])?;
    store.flush()
}

/// The organisation-wide results in postcard, and each set's length beside it. The old
/// JSON results stay until the migration is finished (see [`finish`]).
fn migrate_org(store: &Store) -> Result<()> {
    for item in store.org.scan_prefix(OLD_ORG_SHOWN.as_bytes()) {
        let (key, bytes) = item?;
        let shown: Shown = serde_json::from_slice(&bytes)?;
        let suffix = &key[OLD_ORG_SHOWN.len()..];
        store
            .org
            .insert([RESULT.as_bytes(), suffix].concat(), encode_result(shown.respondents, &shown.stats)?)?;
    }
    for item in store.org.scan_prefix(SET.as_bytes()) {
        let (key, bytes) = item?;
        let len = decode_set(&bytes)?.len() as u64;
        store.org.insert([LEN.as_bytes(), &key[SET.len()..]].concat(), &len.to_be_bytes())?;
    }
    Ok(())
}

/// Removes every record of an old tree, flushing as it goes. sled drops a whole tree
/// holding every page of it in memory until it is done (0.6 GB for the 2.6 million keys of
/// a schema 3 store of 100,000 people); emptied first, the tree drops at no cost.
fn empty(store: &Store, tree: &sled::Tree) -> Result<()> {
    let mut pending = 0usize;
    for key in tree.iter().keys() {
        tree.remove(key?)?;
        pending += 1;
        if pending == BATCH * 10 {
            store.flush()?;
            pending = 0;
        }
    }
    Ok(())
}

/// Drops what a finished migration left behind (the old trees and records, if a crash
/// came between writing the new schema version and dropping them).
pub(super) fn finish(store: &Store) -> Result<()> {
    let names = store.db.tree_names();
    let mut dropped = false;
    for old in [V1_RESPONSES, V2_RESPONSES, V3_BY_TIME, V3_BY_RESPONSE, OLD_TEAMS] {
        if names.iter().any(|name| name.as_ref() == old.as_bytes()) {
            empty(store, &store.db.open_tree(old)?)?;
            store.db.drop_tree(old)?;
            dropped = true;
        }
    }
    let old_org: Vec<sled::IVec> =
        store.org.scan_prefix(OLD_ORG_SHOWN.as_bytes()).keys().collect::<sled::Result<_>>()?;
    for key in &old_org {
        store.org.remove(key)?;
    }
    let meta = &store.meta;
    dropped |= meta.remove(OLD_TEAMS_SAVED)?.is_some() || !old_org.is_empty();
    if dropped {
        store.flush()?;
    }
    Ok(())
}
