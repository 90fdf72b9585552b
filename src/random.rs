//! The operating system's randomness, for the codes the core asks for but never draws, and
//! the hash a secret made from it is kept by.

use rand::RngCore;

use crate::team::{INVITE_BYTES, TeamSeed, invite_code};

/// Fresh random bytes for a new team's id and invite code.
pub fn team_seed() -> TeamSeed {
    let mut seed = TeamSeed { id: [0; _], invite: [0; _] };
    rand::rng().fill_bytes(&mut seed.id);
    rand::rng().fill_bytes(&mut seed.invite);
    seed
}

/// A fresh, unguessable invite code (128 random bits).
pub fn new_invite_code() -> String {
    let mut bytes = [0; INVITE_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    invite_code(bytes)
}

/// A purpose-bound SHA-256 of a secret, in hex: what a secret (a browser's token, a sign-in
/// link) is kept and compared by, so the store holds nothing to sign in with.
pub fn hashed(purpose: &str, secret: &str) -> String {
    let digest =
        ring::digest::digest(&ring::digest::SHA256, format!("peilbot\0{purpose}\0{secret}").as_bytes());
    digest.as_ref().iter().map(|byte| format!("{byte:02x}")).collect()
}
