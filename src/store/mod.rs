//! The only code that touches sled: people, scans in progress, completed responses, the
//! ids of updates already applied, teams, and the indexes team results read.
//!
//! Every change an adapter makes after an event is one [`Commit`], written in a single
//! transaction (with the indexes it changes) and flushed to disk once, before the adapter
//! shows the reply, so an answer that was acknowledged survives a crash, and an update
//! that is delivered twice counts once. [`Store::flushes`] counts the flushes.
//!
//! Layout, schema 4 (people, scans and teams are JSON, so other code can add
//! `#[serde(default)]` fields; what is kept per response and per published result is
//! postcard, see `encoding`):
//! - `meta`: `schema` → the schema version; `menus` → a fingerprint of the chat command
//!   menus last set for every lead and admin (see `telegram::menus`), none in a new store.
//! - `people`: person id → [`Person`].
//! - `scans`: person id → [`Scan`] in progress.
//! - `responses-v4`: person id → every [`Response`] the person completed, each with its
//!   id, oldest first (see `responses`); the id (a sequence number unique in the store) is
//!   the response's id in published sets, unchanged since schema 1.
//! - `updates`: source-scoped update id → empty, for updates already applied.
//! - `teams`: team id → [`Team`] (members, leads, invites, rounds, and which rounds have a
//!   published result: not the results); `invites`: invite code → team id (see `teams`).
//! - `results`: team id, 0, round (big-endian), 0, group ("" for the whole round) → a
//!   published result's count and figures, without its set (see `results`).
//! - `reminded`: person id → when they were last nudged (milliseconds, big-endian); kept
//!   apart from `people` so a nudge never races the person's own writes.
//! - `queued`: person id → [`QueuedNudge`], a nudge made outside working hours, sent on
//!   the next working morning.
//! - `sign-ins`: the hash of a lead's one-time web sign-in link or web session → [`SignIn`]
//!   (see `sign_ins`).
//!
//! Indexes, derived from the above and changed in the same transaction (see `index`):
//! - `memberships`: person id, 0, team id → empty.
//! - `rounds`: team id → the window of its current round.
//! - `round-index`: team id, 0, round (big-endian), 0, person id, 0, flow id → the
//!   member's latest response of that flow in the round, with its scores: a team result
//!   reads one small record per respondent.
//! - `published`: the key of a result in `results` → its published set, the only copy;
//!   `published-lookup`: response id (big-endian), published key → empty, for each of
//!   the set's lookup ids only (its three smallest, see `anonymity::lookup_ids`), so the
//!   published-set rule reads only the sets that can hold a candidate.
//! - `oldest-response`: a person's oldest completion time (big-endian), person id → empty,
//!   so retention reads only the people it deletes from.
//! - `org`, per flow version (see `org`): `result:` → the organisation-wide result last
//!   published (count and figures), `set:` → its set, `len:` → how many responses that
//!   set holds (big-endian), which every team publication compares with.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::DeserializeOwned;

use crate::engine::{Response, Scan};
use crate::flow::Flow;

mod changes;
mod compact;
mod encoding;
mod error;
mod group_commit;
mod index;
mod migrate;
mod org;
mod records;
mod responses;
mod results;
mod sign_ins;
mod team_cache;
mod teams;

pub use crate::team::{OrgView, RoundExport, TeamRefusal, TeamResult};
use changes::Changes;
pub use compact::{compact, disk_size};
pub use error::StoreError;
pub use records::{Commit, Person, QueuedNudge};
pub use sign_ins::SignIn;
pub use teams::{NewRound, Viewer};

/// Bumped whenever the layout above changes in a way old code cannot read. Opening a
/// store of an older schema migrates it (`migrate`); a newer one is refused.
pub const SCHEMA_VERSION: u32 = 4;

/// sled's page cache when nothing else is configured: enough for the indexes of a large
/// organisation, far below sled's own default of 1 GiB.
pub const DEFAULT_CACHE_MB: u64 = 24;

pub use crate::person::PersonId;

/// The tree of facts about the store itself, and the key of the menus' fingerprint in it.
const META: &str = "meta";
const MENUS: &str = "menus";

/// The key of a person's records in every tree.
fn key(id: &PersonId) -> &[u8] {
    id.0.as_bytes()
}

/// How a store is opened.
#[derive(Debug, Clone)]
pub struct Options {
    /// sled's page cache, in bytes.
    pub cache_bytes: u64,
    /// Flush to disk after every commit (and every team change). Off only for bulk
    /// loading (`peilbot demo`), which calls [`Store::flush`] when it is done.
    pub flush_each_commit: bool,
    /// The flows completed responses are scored with when they are stored (and when an
    /// older store is migrated). A response of a flow the store does not know is scored
    /// when a team result needs it, which is slower but the same.
    pub flows: Vec<Flow>,
}

impl Default for Options {
    fn default() -> Options {
        Options { cache_bytes: DEFAULT_CACHE_MB * 1024 * 1024, flush_each_commit: true, flows: Vec::new() }
    }
}

impl Options {
    /// The defaults, scoring with these flows.
    pub fn with_flows(flows: &[Flow]) -> Options {
        Options { flows: flows.to_vec(), ..Options::default() }
    }
}

type Result<T> = std::result::Result<T, StoreError>;

#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    meta: sled::Tree,
    people: sled::Tree,
    scans: sled::Tree,
    responses: sled::Tree,
    oldest_response: sled::Tree,
    updates: sled::Tree,
    teams: sled::Tree,
    results: sled::Tree,
    invites: sled::Tree,
    reminded: sled::Tree,
    queued: sled::Tree,
    memberships: sled::Tree,
    rounds: sled::Tree,
    round_index: sled::Tree,
    published: sled::Tree,
    published_lookup: sled::Tree,
    org: sled::Tree,
    sign_ins: sled::Tree,
    /// Serialises read-change-write of team records and of the round index (a completed
    /// response takes it too): different chats are handled at once.
    team_lock: Arc<std::sync::Mutex<()>>,
    /// Per team round, the responses in its index (see `index::Candidates`).
    candidates: index::Candidates,
    /// Decoded team records (see `team_cache`).
    team_cache: team_cache::TeamCache,
    flows: Arc<Vec<Flow>>,
    flush_each_commit: bool,
    flushes: Arc<AtomicU64>,
    group_commit: Arc<group_commit::GroupCommit>,
}

impl Store {
    /// Opens (or creates) a store in `path` with the default options.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, Options::default())
    }

    /// Opens (or creates) a store in `path`: a store of an older schema is migrated, one of
    /// a newer schema refused.
    pub fn open_with(path: &Path, options: Options) -> Result<Store> {
        let config = sled_config(path, options.cache_bytes)
            // Durable commits flush themselves; a background flush would only add fsyncs.
            .flush_every_ms(if options.flush_each_commit { None } else { Some(1_000) });
        let db = open_db(&config).map_err(|cause| StoreError::Open { path: path.to_path_buf(), cause })?;
        let meta = db.open_tree(META)?;
        let found = meta.get("schema")?;
        let store = Store {
            people: db.open_tree("people")?,
            scans: db.open_tree("scans")?,
            responses: db.open_tree("responses-v4")?,
            oldest_response: db.open_tree("oldest-response")?,
            updates: db.open_tree("updates")?,
            teams: db.open_tree("teams")?,
            results: db.open_tree("results")?,
            meta: meta.clone(),
            invites: db.open_tree("invites")?,
            reminded: db.open_tree("reminded")?,
            queued: db.open_tree("queued")?,
            memberships: db.open_tree("memberships")?,
            rounds: db.open_tree("rounds")?,
            round_index: db.open_tree("round-index")?,
            published: db.open_tree("published")?,
            published_lookup: db.open_tree("published-lookup")?,
            org: db.open_tree("org")?,
            sign_ins: db.open_tree("sign-ins")?,
            team_lock: Default::default(),
            candidates: Default::default(),
            team_cache: Default::default(),
            flows: Arc::new(options.flows),
            flush_each_commit: options.flush_each_commit,
            flushes: Default::default(),
            group_commit: Default::default(),
            db,
        };
        let version = found.as_deref().map(|found| {
            std::str::from_utf8(found).ok().and_then(|v| v.parse::<u32>().ok()).ok_or_else(|| {
                StoreError::Schema {
                    path: path.to_path_buf(),
                    found: String::from_utf8_lossy(found).into_owned(),
                    expected: SCHEMA_VERSION,
                }
            })
        });
        match version.transpose()? {
            None => {
                meta.insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
                store.flush()?;
            }
            Some(SCHEMA_VERSION) => migrate::finish(&store)?,
            Some(1) => migrate::from_v1(&store)?,
            Some(2) => migrate::from_v2(&store)?,
            Some(3) => migrate::from_v3(&store)?,
            Some(found) => {
                return Err(StoreError::Schema {
                    path: path.to_path_buf(),
                    found: found.to_string(),
                    expected: SCHEMA_VERSION,
                });
            }
        }
        Ok(store)
    }

    pub fn person(&self, id: &PersonId) -> Result<Person> {
        Ok(read(&self.people, key(id))?.unwrap_or_default())
    }

    pub fn scan(&self, id: &PersonId) -> Result<Option<Scan>> {
        read(&self.scans, key(id))
    }

    /// Whether the update with this id was already applied.
    pub fn seen_update(&self, update: &str) -> Result<bool> {
        Ok(self.updates.contains_key(update)?)
    }

    /// The person's completed responses, oldest first.
    pub fn responses(&self, id: &PersonId) -> Result<Vec<Response>> {
        Ok(self.responses_with_ids(id)?.into_iter().map(|(_, response)| response).collect())
    }

    pub fn latest_response(&self, id: &PersonId) -> Result<Option<Response>> {
        Ok(self.responses_with_ids(id)?.pop().map(|(_, response)| response))
    }

    /// Writes one event's changes atomically and waits until they are on disk (one flush).
    pub fn commit(&self, id: &PersonId, commit: &Commit) -> Result<()> {
        self.write(id, commit)?;
        self.durable()
    }

    /// Writes one event's changes atomically, without waiting for the disk: for what may be
    /// lost in a crash (which message shows the current question), flushed with the next
    /// commit.
    pub fn write(&self, id: &PersonId, commit: &Commit) -> Result<()> {
        let mut changes = Changes::default();
        if let Some(person) = &commit.person {
            changes.insert(&self.people, key(id), serde_json::to_vec(person)?);
        }
        match &commit.scan {
            Some(Some(scan)) => changes.insert(&self.scans, key(id), serde_json::to_vec(scan)?),
            Some(None) => changes.remove(&self.scans, key(id)),
            None => {}
        }
        if let Some(update) = &commit.update {
            changes.insert(&self.updates, update.as_bytes(), []);
        }
        let Some(response) = &commit.completed else { return changes.apply() };
        let sequence = self.db.generate_id()?;
        // The person's record and the rounds it counts for change with it; no team changes
        // meanwhile.
        let _guard = self.lock_teams();
        self.add_response(&mut changes, id, sequence, response)?;
        self.index_completed(&mut changes, id, sequence, response)?;
        changes.apply()
    }

    /// Records an update that changed nothing else, so a second delivery is ignored.
    pub fn mark_update(&self, update: &str) -> Result<()> {
        self.updates.insert(update, &[])?;
        self.durable()
    }

    /// Deletes everything kept about a person: their record, scan in progress, responses,
    /// reminder time and team memberships (with their place in every index). Team results
    /// already shown stay: they are aggregates that hold no one's answers.
    pub fn forget(&self, id: &PersonId) -> Result<()> {
        self.leave_all_teams_unflushed(id)?;
        let _guard = self.lock_teams();
        let mut changes = Changes::default();
        let responses = self.responses_with_ids(id)?;
        self.keep_responses(&mut changes, id, &responses, &[])?;
        changes.remove(&self.people, key(id));
        changes.remove(&self.scans, key(id));
        changes.remove(&self.reminded, key(id));
        changes.remove(&self.queued, key(id));
        changes.apply()?;
        self.drop_sign_ins(Some(id), 0)?;
        self.durable()
    }

    /// Retention: deletes every completed response finished before `cutoff` (Unix
    /// milliseconds), and returns how many. Team results from then on count only what
    /// is kept; results already published hold response numbers only.
    pub fn delete_responses_before(&self, cutoff: u64) -> Result<usize> {
        // Only the people with an expired response are read.
        let people = self.people_with_responses_before(cutoff)?;
        let _guard = self.lock_teams();
        let mut changes = Changes::default();
        let mut deleted = 0;
        for person in &people {
            let before = self.responses_with_ids(person)?;
            let kept: Vec<_> = before.iter().filter(|(_, r)| r.completed_at >= cutoff).cloned().collect();
            deleted += before.len() - kept.len();
            self.keep_responses(&mut changes, person, &before, &kept)?;
        }
        changes.apply()?;
        self.durable()?;
        Ok(deleted)
    }

    /// Keeps a reminder for the next working morning (one per person: a newer one wins).
    pub fn queue_nudge(&self, id: &PersonId, nudge: &QueuedNudge) -> Result<()> {
        self.queued.insert(key(id), serde_json::to_vec(nudge)?)?;
        self.durable()
    }

    /// Takes every queued reminder out of the queue, to be sent now.
    pub fn take_queued_nudges(&self) -> Result<Vec<(PersonId, QueuedNudge)>> {
        let mut taken = Vec::new();
        for entry in self.queued.iter() {
            let (person, value) = entry?;
            // Removed only if unchanged, so a nudge queued meanwhile is not lost.
            if self.queued.compare_and_swap(&person, Some(&value), None as Option<&[u8]>)?.is_ok() {
                let person = PersonId(String::from_utf8_lossy(&person).into_owned());
                taken.push((person, serde_json::from_slice(&value)?));
            }
        }
        if !taken.is_empty() {
            self.durable()?;
        }
        Ok(taken)
    }

    /// Forgets all but the newest `keep` applied update ids. Telegram redelivers only
    /// updates from the last day that were not confirmed, so old ids are dead weight.
    pub fn prune_updates(&self, keep: usize) -> Result<usize> {
        let excess = self.updates.len().saturating_sub(keep);
        let old: Vec<sled::IVec> = self.updates.iter().keys().take(excess).collect::<sled::Result<_>>()?;
        for key in &old {
            self.updates.remove(key)?;
        }
        if !old.is_empty() {
            self.durable()?;
        }
        Ok(old.len())
    }

    /// Waits until everything written is on disk (e.g. before shutting down, or at the end
    /// of a bulk load).
    pub fn flush(&self) -> Result<()> {
        self.flushes.fetch_add(1, Ordering::Relaxed);
        metrics::counter!("peilbot_store_flushes_total").increment(1);
        self.db.flush()?;
        Ok(())
    }

    /// Per tree, by name: how many records it holds and their bytes (keys and values), to
    /// see what takes the space on disk (sled's files add its own overhead and garbage).
    pub fn tree_sizes(&self) -> Result<Vec<(String, usize, u64)>> {
        let mut sizes = Vec::new();
        for name in self.db.tree_names() {
            let tree = self.db.open_tree(&name)?;
            let (mut records, mut bytes) = (0, 0);
            for entry in tree.iter() {
                let (key, value) = entry?;
                records += 1;
                bytes += (key.len() + value.len()) as u64;
            }
            sizes.push((String::from_utf8_lossy(&name).into_owned(), records, bytes));
        }
        sizes.sort();
        Ok(sizes)
    }

    /// The fingerprint of the chat menus as they were when last set for everyone with a
    /// role (`telegram::menus`), if they ever were.
    pub fn menus_fingerprint(&self) -> Result<Option<String>> {
        let value = self.meta.get(MENUS)?;
        Ok(value.map(|value| String::from_utf8_lossy(&value).into_owned()))
    }

    /// Notes that the chat menus with this fingerprint are set. Not flushed: if it is lost
    /// in a crash, the menus are only set once more.
    pub fn set_menus_fingerprint(&self, fingerprint: &str) -> Result<()> {
        self.meta.insert(MENUS, fingerprint.as_bytes())?;
        Ok(())
    }

    /// How many times this store waited for the disk since it was opened.
    pub fn flushes(&self) -> u64 {
        self.flushes.load(Ordering::Relaxed)
    }

    /// Makes what was written durable, unless the store was opened for bulk loading: waits
    /// for a flush that began after the write (see `group_commit`).
    fn durable(&self) -> Result<()> {
        if self.flush_each_commit { self.group_commit.wait(|| self.flush()) } else { Ok(()) }
    }

    /// The flow a response of `flow_id` is scored with, when the store knows it.
    fn flow(&self, flow_id: &str) -> Option<&Flow> {
        self.flows.iter().find(|flow| flow.id == flow_id)
    }
}

/// zstd's level for the pages sled writes: the records are JSON and small postcard values
/// with much in common, which level 3 shrinks to about 40 % at little CPU.
const COMPRESSION_LEVEL: i32 = 3;

/// How sled opens the folder in `path`. New folders are compressed. sled refuses to open a
/// folder with another compression setting than it was made with, so a folder made before
/// compression stays as it is until `peilbot compact` rewrites it.
fn sled_config(path: &Path, cache_bytes: u64) -> sled::Config {
    sled::Config::new()
        .path(path)
        .cache_capacity(cache_bytes)
        .use_compression(!made_uncompressed(path))
        .compression_factor(COMPRESSION_LEVEL)
}

/// Whether sled made the folder in `path` without compression: its `conf` file (a few
/// `name: value` lines and a checksum) says so.
fn made_uncompressed(path: &Path) -> bool {
    std::fs::read(path.join("conf"))
        .is_ok_and(|conf| conf.split(|b| *b == b'\n').any(|line| line == b"use_compression: false"))
}

/// Opens the sled database, waiting a little while another handle on it (in this process,
/// or a predecessor that is still exiting) lets go of its file lock.
fn open_db(config: &sled::Config) -> sled::Result<sled::Db> {
    const TRIES: usize = 30;
    for _ in 1..TRIES {
        match config.open() {
            // sled reports a held lock as a custom error that only says so in words.
            Err(sled::Error::Io(err))
                if err.kind() == std::io::ErrorKind::WouldBlock
                    || err.to_string().contains("could not acquire lock") =>
            {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            result => return result,
        }
    }
    config.open()
}

pub(crate) fn read<T: DeserializeOwned>(tree: &sled::Tree, key: &[u8]) -> Result<Option<T>> {
    match tree.get(key)? {
        None => Ok(None),
        Some(value) => Ok(Some(serde_json::from_slice(&value)?)),
    }
}
