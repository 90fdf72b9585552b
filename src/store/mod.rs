//! The only code that touches sled: people, scans in progress, completed responses and
//! the ids of updates already applied.
//!
//! Every change an adapter makes after an event is one [`Commit`], written in a single
//! transaction and flushed to disk before the adapter shows the reply, so an answer that
//! was acknowledged survives a crash, and an update that is delivered twice counts once.
//!
//! Layout (values are JSON, so a store can be read with any sled tool):
//! - `meta`: `schema` → the schema version.
//! - `people`: person id → [`Person`].
//! - `scans`: person id → [`Scan`] in progress.
//! - `responses`: person id, 0, completion time (big-endian), sequence → [`Response`];
//!   the sequence (unique in the store) is the response's id in published sets.
//! - `updates`: source-scoped update id → empty, for updates already applied.
//! - `teams`: team id → [`Team`]; `invites`: invite code → team id (see `teams`).
//! - `reminded`: person id → when they were last nudged (milliseconds, big-endian); kept
//!   apart from `people` so a nudge never races the person's own writes.
//! - `org`: `shown` → the organisation-wide result last published (see `org`).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::engine::{Response, Scan};

mod org;
mod teams;

use crate::lang::Lang;
pub use crate::team::{OrgView, RoundExport, TeamRefusal, TeamResult};
pub use teams::Viewer;

/// Bumped whenever the layout above changes in a way old code cannot read.
pub const SCHEMA_VERSION: u32 = 1;

pub use crate::person::PersonId;

/// The key of a person's records in every tree.
fn key(id: &PersonId) -> &[u8] {
    id.0.as_bytes()
}

/// What we keep about a person besides their answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The language the person chose; `None` until they chose one.
    pub lang: Option<Lang>,
    /// The chat message that shows the current question (Telegram edits it in place).
    #[serde(default)]
    pub question_message: Option<i32>,
    /// The person blocked the bot: write to them only when they write to us again.
    #[serde(default)]
    pub unreachable: bool,
    /// The person turned team reminders off in /settings.
    #[serde(default)]
    pub reminders_off: bool,
    /// The one-time code of the last /forget confirmation sent to the person: only a tap
    /// that carries it deletes anything.
    #[serde(default)]
    pub forget_code: Option<String>,
}

/// Everything one event changes, written at once.
#[derive(Debug, Clone, Default)]
pub struct Commit {
    pub person: Option<Person>,
    /// `Some(None)` deletes the scan in progress.
    pub scan: Option<Option<Scan>>,
    pub completed: Option<Response>,
    /// The update that caused this change, so a second delivery is recognised.
    pub update: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the data folder {path}: {source} (is another peilbot using it?)")]
    Open { path: PathBuf, source: sled::Error },
    #[error(
        "the data folder {path} was written by a peilbot with store schema {found}; this one reads schema {expected}. Use another --data folder, or a peilbot that matches."
    )]
    Schema { path: PathBuf, found: String, expected: u32 },
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error("the store did not finish a write within {0} s (is the disk full?)")]
    Stalled(u64),
    #[error("stored data could not be read: {0}")]
    Corrupt(#[from] serde_json::Error),
}

type Result<T> = std::result::Result<T, StoreError>;

#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    people: sled::Tree,
    scans: sled::Tree,
    responses: sled::Tree,
    updates: sled::Tree,
    teams: sled::Tree,
    invites: sled::Tree,
    reminded: sled::Tree,
    org: sled::Tree,
    /// Bulk loading (`peilbot demo`): writes are not flushed one by one, only by [`Store::flush`].
    deferred: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Serialises read-change-write of team records: different chats are handled at once.
    team_lock: std::sync::Arc<std::sync::Mutex<()>>,
}

impl Store {
    /// Opens (or creates) a store in `path`, refusing one of another schema version.
    pub fn open(path: &Path) -> Result<Store> {
        let db = open_db(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let meta = db.open_tree("meta")?;
        match meta.get("schema")? {
            None => {
                meta.insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
                meta.flush()?;
            }
            Some(found) if found.as_ref() == SCHEMA_VERSION.to_string().as_bytes() => {}
            Some(found) => {
                return Err(StoreError::Schema {
                    path: path.to_path_buf(),
                    found: String::from_utf8_lossy(&found).into_owned(),
                    expected: SCHEMA_VERSION,
                });
            }
        }
        Ok(Store {
            people: db.open_tree("people")?,
            scans: db.open_tree("scans")?,
            responses: db.open_tree("responses")?,
            updates: db.open_tree("updates")?,
            teams: db.open_tree("teams")?,
            invites: db.open_tree("invites")?,
            reminded: db.open_tree("reminded")?,
            org: db.open_tree("org")?,
            deferred: Default::default(),
            team_lock: Default::default(),
            db,
        })
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
        self.responses
            .scan_prefix(response_prefix(id))
            .values()
            .map(|value| Ok(serde_json::from_slice(&value?)?))
            .collect()
    }

    /// The person's completed responses with their ids (the sequence number in the key,
    /// which says nothing about the person), oldest first.
    pub fn responses_with_ids(&self, id: &PersonId) -> Result<Vec<(u64, Response)>> {
        self.responses
            .scan_prefix(response_prefix(id))
            .map(|entry| {
                let (key, value) = entry?;
                let sequence = key.len().checked_sub(8).and_then(|at| key[at..].try_into().ok());
                Ok((sequence.map_or(0, u64::from_be_bytes), serde_json::from_slice(&value)?))
            })
            .collect()
    }

    pub fn latest_response(&self, id: &PersonId) -> Result<Option<Response>> {
        match self.responses.scan_prefix(response_prefix(id)).values().next_back() {
            None => Ok(None),
            Some(value) => Ok(Some(serde_json::from_slice(&value?)?)),
        }
    }

    /// Writes one event's changes atomically and waits until they are on disk.
    pub fn commit(&self, id: &PersonId, commit: &Commit) -> Result<()> {
        let person = commit.person.as_ref().map(serde_json::to_vec).transpose()?;
        let scan = match &commit.scan {
            None => None,
            Some(scan) => Some(scan.as_ref().map(serde_json::to_vec).transpose()?),
        };
        let response = match &commit.completed {
            None => None,
            Some(response) => {
                let mut key = response_prefix(id);
                key.extend_from_slice(&response.completed_at.to_be_bytes());
                key.extend_from_slice(&self.db.generate_id()?.to_be_bytes());
                Some((key, serde_json::to_vec(response)?))
            }
        };
        (&self.people, &self.scans, &self.responses, &self.updates)
            .transaction(|(people, scans, responses, updates)| {
                if let Some(person) = &person {
                    people.insert(key(id), person.as_slice())?;
                }
                match &scan {
                    Some(Some(scan)) => {
                        scans.insert(key(id), scan.as_slice())?;
                    }
                    Some(None) => {
                        scans.remove(key(id))?;
                    }
                    None => {}
                }
                if let Some((key, value)) = &response {
                    responses.insert(key.as_slice(), value.as_slice())?;
                }
                if let Some(update) = &commit.update {
                    updates.insert(update.as_bytes(), &[])?;
                }
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(|err| match err {
                TransactionError::Storage(err) => StoreError::Sled(err),
                TransactionError::Abort(()) => unreachable!("the transaction never aborts"),
            })?;
        self.durable()
    }

    /// For bulk loading only: while on, writes wait for [`Store::flush`] instead of being
    /// flushed one by one (a crash loses what was not flushed yet).
    pub fn defer_flushes(&self, on: bool) {
        self.deferred.store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Flushes a write to disk, unless flushes are deferred.
    fn durable(&self) -> Result<()> {
        if !self.deferred.load(std::sync::atomic::Ordering::Relaxed) {
            self.db.flush()?;
        }
        Ok(())
    }

    /// Records an update that changed nothing else, so a second delivery is ignored.
    pub fn mark_update(&self, update: &str) -> Result<()> {
        self.updates.insert(update, &[])?;
        self.db.flush()?;
        Ok(())
    }

    /// Deletes everything kept about a person: their record, scan in progress, responses,
    /// reminder time and team memberships. Team results already shown stay: they are
    /// aggregates that hold no one's answers.
    pub fn forget(&self, id: &PersonId) -> Result<()> {
        self.leave_all_teams(id)?;
        let responses: Vec<sled::IVec> =
            self.responses.scan_prefix(response_prefix(id)).keys().collect::<sled::Result<_>>()?;
        for key in responses {
            self.responses.remove(key)?;
        }
        self.people.remove(key(id))?;
        self.scans.remove(key(id))?;
        self.reminded.remove(key(id))?;
        self.db.flush()?;
        Ok(())
    }

    /// Forgets all but the newest `keep` applied update ids. Telegram redelivers only
    /// updates from the last day that were not confirmed, so old ids are dead weight.
    pub fn prune_updates(&self, keep: usize) -> Result<usize> {
        let excess = self.updates.len().saturating_sub(keep);
        let old: Vec<sled::IVec> = self.updates.iter().keys().take(excess).collect::<sled::Result<_>>()?;
        for key in &old {
            self.updates.remove(key)?;
        }
        self.db.flush()?;
        Ok(old.len())
    }

    /// Waits until everything written is on disk (e.g. before shutting down).
    pub fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }
}

/// Opens the sled database, waiting a little while another handle on it (in this process,
/// or a predecessor that is still exiting) lets go of its file lock.
fn open_db(path: &Path) -> sled::Result<sled::Db> {
    const TRIES: usize = 30;
    for _ in 1..TRIES {
        match sled::open(path) {
            Err(sled::Error::Io(err)) if err.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            result => return result,
        }
    }
    sled::open(path)
}

pub(crate) fn response_prefix(id: &PersonId) -> Vec<u8> {
    let mut key = key(id).to_vec();
    key.push(0);
    key
}

pub(crate) fn read<T: DeserializeOwned>(tree: &sled::Tree, key: &[u8]) -> Result<Option<T>> {
    match tree.get(key)? {
        None => Ok(None),
        Some(value) => Ok(Some(serde_json::from_slice(&value)?)),
    }
}
