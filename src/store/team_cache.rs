//! Decoded team records kept in memory: a team record holds every member, so a large
//! team's JSON would take most of a lead's repeated view to parse. (Since schema 3 the
//! published results are kept apart, see `results`.)
//!
//! Records are written only by `Store::write_team`, which drops the team's entry once the
//! write is applied. A reader that missed the cache inserts what it read from sled only if
//! no write was applied since it looked (the generation), so an entry is never older than
//! the record it stands for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::team::Team;

/// Roughly how many bytes of team JSON the cache holds before it starts again empty: the
/// teams leads are looking at (a team of 10,000 members is about 0.2 MB), not a whole
/// organisation, which would not fit in the memory a server should need.
const BUDGET: usize = 8 * 1024 * 1024;

#[derive(Clone, Default)]
pub(super) struct TeamCache(Arc<Mutex<Entries>>);

#[derive(Default)]
struct Entries {
    /// Team id → the record and the length of its JSON.
    teams: HashMap<String, (Arc<Team>, usize)>,
    bytes: usize,
    /// Counts applied writes, so a read that raced one is not cached.
    generation: u64,
}

impl TeamCache {
    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The cached record, or the generation to hand [`TeamCache::insert`] after reading it.
    pub(super) fn get(&self, id: &str) -> Result<Arc<Team>, u64> {
        let entries = self.entries();
        entries.teams.get(id).map(|(team, _)| team.clone()).ok_or(entries.generation)
    }

    /// Keeps a record read from sled, unless a write was applied since `generation`.
    pub(super) fn insert(&self, generation: u64, team: Arc<Team>, bytes: usize) {
        let mut entries = self.entries();
        if entries.generation != generation {
            return;
        }
        if entries.bytes + bytes > BUDGET {
            entries.teams.clear();
            entries.bytes = 0;
        }
        entries.bytes += bytes;
        if let Some((_, old)) = entries.teams.insert(team.id.clone(), (team, bytes)) {
            entries.bytes -= old;
        }
    }

    /// Called once a write of the team's record is applied (or failed).
    pub(super) fn written(&self, id: &str) {
        let mut entries = self.entries();
        entries.generation += 1;
        if let Some((_, bytes)) = entries.teams.remove(id) {
            entries.bytes -= bytes;
        }
    }
}

impl super::Store {
    /// A team's record, from the cache when it holds it.
    pub(super) fn shared_team(&self, id: &str) -> super::Result<Option<Arc<Team>>> {
        let generation = match self.team_cache.get(id) {
            Ok(team) => return Ok(Some(team)),
            Err(generation) => generation,
        };
        let Some(bytes) = self.teams.get(id.as_bytes())? else { return Ok(None) };
        let team: Arc<Team> = Arc::new(serde_json::from_slice(&bytes)?);
        self.team_cache.insert(generation, team.clone(), bytes.len());
        Ok(Some(team))
    }

    /// A team's record, from the cache when it holds it, else from sled without keeping it:
    /// for the organisation view, which reads every team once.
    pub(super) fn team_passing(&self, id: &str) -> super::Result<Option<Team>> {
        match self.team_cache.get(id) {
            Ok(team) => Ok(Some(Arc::unwrap_or_clone(team))),
            Err(_) => super::read(&self.teams, id.as_bytes()),
        }
    }
}
