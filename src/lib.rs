//! peilbot: a digital maturity quick scan for municipal staff, in chat.
//!
//! See ARCHITECTURE.md for the code map. In short: `flow` and `content` load the question
//! flows and their words, `engine` runs a conversation without any I/O, `score` turns
//! answers into a snapshot, `present` puts it into words, `store` keeps it in sled, and
//! `terminal` and `telegram` are the adapters that carry events in and text out.

// The core, under the names the app has always used for them.
pub use peilbot_core::{
    advice, anonymity, diagnostic, engine, flow, lang, messages, person, score, team, team_stats,
};

pub mod admin;
pub mod app;
pub mod chart;
pub mod cli;
pub mod content;
pub mod demo;
pub mod export;
pub mod i18n;
pub mod logging;
pub mod present;
pub mod random;
pub mod report;
pub mod sources;
pub mod store;
pub mod telegram;
pub mod terminal;

/// Unix time in milliseconds. Adapters read the clock; the engine is handed the time.
/// Milliseconds, so that a scan finished just before a new round opens counts for the old one.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}
