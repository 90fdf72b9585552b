//! peilbot: a digital maturity quick scan for municipal staff, in chat.
//!
//! See ARCHITECTURE.md for the code map. In short: `flow` and `content` load the question
//! flows and their words, `engine` runs a conversation without any I/O, `score` turns
//! answers into a snapshot, `present` puts it into words, `store` keeps it in sled, and
//! `terminal` and `telegram` are the adapters that carry events in and text out.

// The core, under the names the app has always used for them.
pub use peilbot_core::{
    advice, anonymity, diagnostic, engine, flow, lang, messages, org_advice, person, score, team, team_stats,
    working_hours,
};

pub mod admin;
pub mod app;
pub mod chart;
pub mod cli;
pub mod content;
pub mod control;
pub mod demo;
pub mod export;
pub mod i18n;
pub mod logging;
pub mod pool;
pub mod present;
pub mod random;
pub mod report;
pub mod sources;
pub mod stdout;
pub mod store;
pub mod telegram;
pub mod terminal;
pub mod web;

/// Unix time in milliseconds. Adapters read the clock; the engine is handed the time.
/// Milliseconds, so that a scan finished just before a new round opens counts for the old one.
///
/// `PEILBOT_FAKE_NOW` (Unix milliseconds) sets the clock to that moment at start-up, from
/// where it runs on: for tests of what depends on the hour (reminders in working hours,
/// retention), never for production.
pub fn unix_now() -> u64 {
    static OFFSET: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    let real = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let offset = OFFSET.get_or_init(|| {
        let fake = std::env::var("PEILBOT_FAKE_NOW").ok().and_then(|v| v.parse::<i64>().ok());
        fake.map_or(0, |fake| fake - real)
    });
    u64::try_from(real + offset).unwrap_or(0)
}
