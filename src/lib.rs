//! peilbot: a digital maturity quick scan for municipal staff, in chat.
//!
//! See ARCHITECTURE.md for the code map. In short: `flow` and `content` load the question
//! flows and their words, `engine` runs a conversation without any I/O, `score` turns
//! answers into a snapshot, `present` puts it into words, `store` keeps it in sled, and
//! `terminal` and `telegram` are the adapters that carry events in and text out.

pub mod anonymity;
pub mod chart;
pub mod cli;
pub mod content;
pub mod diagnostic;
pub mod engine;
pub mod export;
pub mod flow;
pub mod i18n;
pub mod lang;
pub mod messages;
pub mod present;
pub mod score;
pub mod sources;
pub mod store;
pub mod team;
pub mod team_stats;
pub mod telegram;
pub mod terminal;

/// Unix time in milliseconds. Adapters read the clock; the engine is handed the time.
/// Milliseconds, so that a scan finished just before a new round opens counts for the old one.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}
