//! What the black-box tests share. Each test binary declares `mod support;` and uses its
//! part:
//!
//! - [`binary`]: runs the built `peilbot` once to completion (`chat`, `flows check`) and
//!   reads the shipped Fluent files;
//! - [`fake_telegram`]: a fake Telegram Bot API server;
//! - [`bot`]: runs the real `peilbot serve` against it;
//! - [`person`]: a person in a private chat with that bot;
//! - [`members`]: people in teams, for the team stories;
//! - [`content`]: a content folder with a flow of a municipality's own;
//! - here: [`progress`] ("Question N of M", as the terminal and the bot show it) and
//!   [`WAIT`].

pub mod binary;
pub mod bot;
pub mod content;
#[allow(dead_code)] // for the benches only
pub mod cpu;
pub mod fake_telegram;
pub mod members;
pub mod person;
pub mod web;
pub mod webdriver;

use std::time::Duration;

/// How long a test waits for the bot. Generous, so a loaded machine does not fail the
/// suite; a passing test waits far less.
#[allow(dead_code)] // not every test binary waits
pub const WAIT: Duration = Duration::from_secs(20);

/// Parses "Question N of (about) M" / "Vraag N van (ongeveer) M" from the first line of `text` that starts
/// with it.
#[allow(dead_code)] // not every test binary reads questions
pub fn progress(text: &str) -> Option<(usize, usize)> {
    text.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            // "of about 23" while a later question may still be skipped.
            ["Question" | "Vraag", n, "of" | "van", "about" | "ongeveer", m, ..]
            | ["Question" | "Vraag", n, "of" | "van", m, ..] => Some((n.parse().ok()?, m.parse().ok()?)),
            _ => None,
        }
    })
}

/// Where skipped tests are listed, one line each, for `.ci/run` to count and show: a test
/// that cannot run on this machine says so rather than pass in silence.
pub const SKIPPED: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/skipped-tests.txt");

/// Records that a test did not run here, and why.
pub fn skip(test: &str, why: &str) {
    use std::io::Write;
    eprintln!("skipped: {test}: {why}");
    let file = std::fs::OpenOptions::new().create(true).append(true).open(SKIPPED);
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{test}: {why}");
    }
}
