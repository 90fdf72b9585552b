//! Opening a store of an older schema brings it to the current one, keeping everything.
//!
//! Schema 1 kept every response as JSON in `responses` and had no indexes. Schema 2 keeps
//! them in postcard in `responses-v2`, under the same keys (so response ids, and with them
//! every published set, stay as they were), and derives the indexes from the responses and
//! the team records. All of schema 2 that schema 1 lacks is derived, so a migration cut
//! short (a crash, a full disk) is simply done again at the next start: the schema version
//! is written only once everything else is on disk, and the old tree dropped after that.

use super::changes::Changes;
use super::{Result, SCHEMA_VERSION, Store, encoding};
use crate::engine::Response;

/// The schema 1 tree of responses, as JSON.
const V1_RESPONSES: &str = "responses";
/// Responses converted per batch: bounded memory on a large store.
const BATCH: usize = 10_000;

pub(super) fn from_v1(store: &Store, meta: &sled::Tree) -> Result<()> {
    let started = std::time::Instant::now();
    for tree in [
        &store.responses,
        &store.memberships,
        &store.rounds,
        &store.round_index,
        &store.published,
        &store.published_by_response,
    ] {
        tree.clear()?;
    }
    let old = store.db.open_tree(V1_RESPONSES)?;
    let mut batch = sled::Batch::default();
    let (mut responses, mut pending) = (0usize, 0usize);
    for item in old.iter() {
        let (key, value) = item?;
        let response: Response = serde_json::from_slice(&value)?;
        batch.insert(key, encoding::encode_response(&response)?);
        responses += 1;
        pending += 1;
        if pending == BATCH {
            store.responses.apply_batch(std::mem::take(&mut batch))?;
            pending = 0;
        }
    }
    store.responses.apply_batch(batch)?;
    let teams = {
        let _guard = store.lock_teams();
        let teams = store.all_teams()?;
        for team in &teams {
            let mut changes = Changes::default();
            store.index_team(&mut changes, None, team)?;
            changes.apply()?;
        }
        teams.len()
    };
    store.flush()?;
    meta.insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
    store.flush()?;
    finish(store)?;
    let seconds = started.elapsed().as_secs_f64();
    tracing::info!(responses, teams, seconds, "migrated the store from schema 1 to {SCHEMA_VERSION}");
    Ok(())
}

/// Drops what a finished migration left behind (the old tree, if a crash came between
/// writing the new schema version and dropping it).
pub(super) fn finish(store: &Store) -> Result<()> {
    if store.db.tree_names().iter().any(|name| name.as_ref() == V1_RESPONSES.as_bytes()) {
        store.db.drop_tree(V1_RESPONSES)?;
        store.flush()?;
    }
    Ok(())
}
