//! Writes to several trees, gathered first and applied in one sled transaction, so that a
//! record and every index that depends on it change together or not at all.

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use super::{Result, StoreError};

#[derive(Default)]
pub(super) struct Changes<'a> {
    trees: Vec<&'a sled::Tree>,
    /// (index into `trees`, key, new value or `None` to remove)
    writes: Vec<(usize, Vec<u8>, Option<Vec<u8>>)>,
}

impl<'a> Changes<'a> {
    pub fn insert(&mut self, tree: &'a sled::Tree, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        let slot = self.slot(tree);
        self.writes.push((slot, key.into(), Some(value.into())));
    }

    pub fn remove(&mut self, tree: &'a sled::Tree, key: impl Into<Vec<u8>>) {
        let slot = self.slot(tree);
        self.writes.push((slot, key.into(), None));
    }

    fn slot(&mut self, tree: &'a sled::Tree) -> usize {
        match self.trees.iter().position(|known| known.name() == tree.name()) {
            Some(slot) => slot,
            None => {
                self.trees.push(tree);
                self.trees.len() - 1
            }
        }
    }

    /// Applies every write in one transaction (later writes to a key win). Not flushed.
    pub fn apply(&self) -> Result<()> {
        if self.writes.is_empty() {
            return Ok(());
        }
        self.trees
            .as_slice()
            .transaction(|trees| {
                for (slot, key, value) in &self.writes {
                    match value {
                        Some(value) => trees[*slot].insert(key.as_slice(), value.as_slice())?,
                        None => trees[*slot].remove(key.as_slice())?,
                    };
                }
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(|err| match err {
                TransactionError::Storage(err) => StoreError::Sled(err),
                TransactionError::Abort(()) => unreachable!("the transaction never aborts"),
            })
    }
}
