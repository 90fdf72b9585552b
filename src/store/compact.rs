//! Rewriting a store's folder with only what is live in it. sled appends every write to
//! its log and reclaims old space slowly; after a bulk load (`peilbot demo`: every team
//! record rewritten at each round, every index built up record by record) most of the log
//! is space no record uses any more. The fresh folder is compressed, so compacting is also
//! how a folder made before compression gets it.

use std::path::Path;

use super::{Result, StoreError, open_db, sled_config};

/// Records copied per batch: bounded memory on a large store.
const BATCH: usize = 10_000;
/// sled's page cache for each of the two stores while copying.
const CACHE: u64 = 16 * 1024 * 1024;

/// Writes to one tree in batches of at most `limit` records, without a transaction: for
/// bulk copying and migrating, where memory must stay bounded on a large store. Call
/// [`Batched::finish`] to write the last batch.
pub(super) struct Batched<'a> {
    tree: &'a sled::Tree,
    batch: sled::Batch,
    pending: usize,
    limit: usize,
}

impl<'a> Batched<'a> {
    pub(super) fn new(tree: &'a sled::Tree, limit: usize) -> Batched<'a> {
        Batched { tree, batch: sled::Batch::default(), pending: 0, limit }
    }

    pub(super) fn insert(&mut self, key: impl Into<sled::IVec>, value: impl Into<sled::IVec>) -> Result<()> {
        self.batch.insert(key, value);
        self.pending += 1;
        if self.pending == self.limit {
            self.finish()?;
        }
        Ok(())
    }

    pub(super) fn finish(&mut self) -> Result<()> {
        self.tree.apply_batch(std::mem::take(&mut self.batch))?;
        self.pending = 0;
        Ok(())
    }
}

/// Copies every tree of the store in `path` into a fresh sled folder, then puts that one in
/// its place. Call it with no store open on `path`. Response ids come from sled's id
/// generator, so the copy never hands out an id the original did.
pub fn compact(path: &Path) -> Result<()> {
    let fresh = path.with_extension("compacting");
    let old_dir = path.with_extension("compacted");
    if old_dir.exists() && !path.exists() {
        // Cut short between the two renames below: the original is the one to keep.
        std::fs::rename(&old_dir, path).map_err(sled::Error::Io)?;
    }
    remove_dir(&fresh)?;
    remove_dir(&old_dir)?;
    {
        let old = open_db(&sled_config(path, CACHE))
            .map_err(|cause| StoreError::Open { path: path.to_path_buf(), cause })?;
        // A fresh folder is compressed, whatever the original was.
        let new = sled_config(&fresh, CACHE)
            .create_new(true)
            .open()
            .map_err(|cause| StoreError::Open { path: fresh.clone(), cause })?;
        for name in old.tree_names() {
            let (from, to) = (old.open_tree(&name)?, new.open_tree(&name)?);
            let mut to = Batched::new(&to, BATCH);
            for item in from.iter() {
                let (key, value) = item?;
                to.insert(key, value)?;
            }
            to.finish()?;
        }
        // sled persists the generator every million ids and resumes above the last
        // persisted count, so counting up to the original's next id is enough.
        let next = old.generate_id()?;
        while new.generate_id()? < next {}
        new.flush()?;
    }
    // sled's first open of a folder reads its whole log and then writes a snapshot that
    // later opens start from: pay for that here, not in the bot's first start.
    drop(
        open_db(&sled_config(&fresh, CACHE))
            .map_err(|cause| StoreError::Open { path: fresh.clone(), cause })?,
    );
    std::fs::rename(path, &old_dir).map_err(sled::Error::Io)?;
    std::fs::rename(&fresh, path).map_err(sled::Error::Io)?;
    remove_dir(&old_dir)
}

fn remove_dir(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(sled::Error::Io(err).into()),
        _ => Ok(()),
    }
}

/// The bytes of every file in a folder and its subfolders.
pub fn disk_size(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() { disk_size(&entry.path())? } else { meta.len() };
    }
    Ok(total)
}
