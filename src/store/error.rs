//! The store's one error type, with causes worded so that they point at the fix.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Says the cause once (not again as a source), and guesses only when it is a lock.
    #[error("cannot open the data folder {path}: {}", open_cause(.cause))]
    Open { path: PathBuf, cause: sled::Error },
    #[error(
        "the data folder {path} was written by a peilbot with store schema {found}; this one reads schema {expected} and older. Use a peilbot that reads schema {found}, or another --data folder."
    )]
    Schema { path: PathBuf, found: String, expected: u32 },
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error("the store did not finish a write within {0} s (is the disk full?)")]
    Stalled(u64),
    #[error("stored data could not be read: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("stored data could not be read: {0}")]
    Binary(#[from] postcard::Error),
}

impl StoreError {
    /// Whether the folder did not open because another process holds it.
    pub fn is_in_use(&self) -> bool {
        matches!(self, StoreError::Open { cause, .. } if is_lock(cause))
    }
}

/// sled wraps the lock's WouldBlock in an error of its own words.
fn is_lock(err: &sled::Error) -> bool {
    matches!(err, sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock
        || io.to_string().contains("could not acquire lock"))
}

/// Why a data folder did not open, in words that point at the fix.
fn open_cause(err: &sled::Error) -> String {
    match err {
        err if is_lock(err) => {
            "another peilbot is using it (stop that one first, or give another --data folder)".to_string()
        }
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied (check who owns the folder)".to_string()
        }
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::NotADirectory => {
            "it is a file, not a folder".to_string()
        }
        sled::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}
