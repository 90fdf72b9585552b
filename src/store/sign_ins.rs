//! One-time sign-in links and the web sessions they open, for leads on the web. Kept by a
//! hash of their secret only (the caller hashes), each with the person it stands for and
//! when it expires. Tree `sign-ins`: hash → JSON [`SignIn`].

use serde::{Deserialize, Serialize};

use super::{Result, Store};
use crate::person::PersonId;

/// What a sign-in link or a web session stands for, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub person: PersonId,
    /// Unix milliseconds.
    pub expires_at: u64,
}

impl Store {
    /// Keeps a sign-in (flushed: the link is shown once it is on disk), and lets go of
    /// those that expired before `now`.
    pub fn add_sign_in(&self, hash: &str, sign_in: &SignIn, now: u64) -> Result<()> {
        self.drop_sign_ins(None, now)?;
        self.sign_ins.insert(hash.as_bytes(), serde_json::to_vec(sign_in)?)?;
        self.durable()
    }

    /// Takes a one-time sign-in: it is gone afterwards, used or expired.
    pub fn take_sign_in(&self, hash: &str, now: u64) -> Result<Option<SignIn>> {
        let Some(bytes) = self.sign_ins.remove(hash.as_bytes())? else { return Ok(None) };
        self.durable()?;
        let sign_in: SignIn = serde_json::from_slice(&bytes)?;
        Ok((sign_in.expires_at > now).then_some(sign_in))
    }

    /// A sign-in that is still valid, kept for its next use (a web session).
    pub fn sign_in(&self, hash: &str, now: u64) -> Result<Option<SignIn>> {
        let Some(bytes) = self.sign_ins.get(hash.as_bytes())? else { return Ok(None) };
        let sign_in: SignIn = serde_json::from_slice(&bytes)?;
        Ok((sign_in.expires_at > now).then_some(sign_in))
    }

    /// Removes a person's sign-ins (on `/forget`) and any that expired, whoever's.
    pub(super) fn drop_sign_ins(&self, person: Option<&PersonId>, now: u64) -> Result<()> {
        for entry in self.sign_ins.iter() {
            let (key, bytes) = entry?;
            let sign_in: SignIn = serde_json::from_slice(&bytes)?;
            if Some(&sign_in.person) == person || sign_in.expires_at <= now {
                self.sign_ins.remove(key)?;
            }
        }
        Ok(())
    }
}
