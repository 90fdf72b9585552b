//! `peilbot serve`'s start-up over a large store: the time from spawning the binary until
//! it first polls the fake Bot API (the cold start), its RSS 3 s after that (idle), how
//! long the retention sweep before the first poll took (from the bot's own debug log) and
//! when its registration beside the first polls (commands, descriptions, the chat menus of
//! leads and admins) was done. For the parts, this process also times loading the content
//! and opening the store, as the binary does. Figures are recorded in BENCHMARKS.md.
//!
//! ```sh
//! cp -r /path/to/demo-store /tmp/copy   # serve writes to the store: use a copy
//! STARTUP_DATA=/tmp/copy cargo bench --bench startup
//! ```
//!
//! `STARTUP_DATA` defaults to the scale bench's demo store (`cargo bench --bench scale` makes
//! it). `STARTUP_RUNS` starts the bot that many times (default 3); `STARTUP_BIN` runs another
//! build of peilbot instead of this one (to compare); `PEILBOT_RETENTION_DAYS` defaults to
//! 36500, as in the scale bench, so the demo's 2024 rounds are not deleted by the first run.

#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use peilbot::cli::load_content;
use peilbot::store::{Options, Store};
use support::fake_telegram::FakeTelegram;

/// Resident memory of a process in MB, from the resident pages in `/proc/PID/statm`.
fn rss_mb(pid: u32) -> f64 {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).expect("/proc statm");
    let pages: f64 = statm.split_whitespace().nth(1).and_then(|v| v.parse().ok()).expect("resident pages");
    // SAFETY: sysconf only reads a configuration value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64;
    pages * page / (1024.0 * 1024.0)
}

/// A log line without its colours (ANSI escapes `ESC [ ... m`).
fn plain(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| *c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

/// The value of `field=` in the first log line that contains `message`.
fn logged(log: &str, message: &str, field: &str) -> Option<String> {
    let line = log.lines().map(plain).find(|line| line.contains(message))?;
    let value = line.split_whitespace().find_map(|word| word.strip_prefix(&format!("{field}=")))?;
    Some(value.to_owned())
}

/// One start of the bot on `data`: cold start, idle RSS, and its log.
async fn start_once(binary: &Path, data: &Path, retention: &str) -> (Duration, f64, String) {
    let tg = FakeTelegram::start().await;
    // The tests' serve command, with its arguments and environment, run with `binary`.
    let mut command = support::bot::with_binary(&support::bot::serve_against(&tg, data), binary);
    command
        .env("RUST_LOG", "warn,peilbot=debug")
        .env("PEILBOT_RETENTION_DAYS", retention)
        .env("PEILBOT_ADMINS", "300")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn().expect("serve starts");
    let log = Arc::new(Mutex::new(String::new()));
    let sink = log.clone();
    let stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let mut log = sink.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    while tg.calls_to("getUpdates").is_empty() {
        assert!(child.try_wait().expect("try_wait").is_none(), "serve exited early: {}", log.lock().unwrap());
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let cold = started.elapsed();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rss = rss_mb(child.id());
    // Registration may take longer than 3 s when it reads every team: wait for it (a build from before this bench registers before it polls and never says so).
    let deadline = Instant::now() + Duration::from_secs(30);
    while !log.lock().unwrap().contains("commands registered") && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Stopped as a supervisor stops it (SIGTERM), so it flushes what it noted at start-up.
    // SAFETY: a signal to our own child, by its id.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let _ = child.wait();
    tg.shutdown().await;
    let log = log.lock().unwrap().clone();
    (cold, rss, log)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let data = std::env::var_os("STARTUP_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-scale/demo-1000-100000-10-1"),
        PathBuf::from,
    );
    assert!(data.join("db").exists(), "no store in {} (set STARTUP_DATA)", data.display());
    let binary = std::env::var_os("STARTUP_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_peilbot")), PathBuf::from);
    let runs: usize = std::env::var("STARTUP_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(3);
    let retention = std::env::var("PEILBOT_RETENTION_DAYS").unwrap_or_else(|_| "36500".into());
    println!(
        "store {} ({:.0} MB), binary {}",
        data.display(),
        peilbot::store::disk_size(&data).unwrap_or(0) as f64 / 1e6,
        binary.display()
    );

    let started = Instant::now();
    let content = load_content().expect("content");
    let content_time = started.elapsed();
    let started = Instant::now();
    let store = Store::open_with(&data, Options::with_flows(&content.flows)).expect("the store opens");
    let open_time = started.elapsed();
    drop(store);
    println!("in this process: loading the content {content_time:.2?}, opening the store {open_time:.2?}");

    for run in 1..=runs {
        let (cold, rss, log) = start_once(&binary, &data, &retention).await;
        let sweep = logged(&log, "retention period", "seconds").unwrap_or_else(|| "?".into());
        let registered = logged(&log, "commands registered", "seconds").unwrap_or_else(|| "?".into());
        let chats = logged(&log, "commands registered", "chats").unwrap_or_else(|| "none (unchanged)".into());
        println!(
            "run {run}: cold start (until it polls) {cold:.2?} (of which the retention sweep {sweep} s), idle RSS {rss:.0} MB; registered beside the polls in {registered} s, chat menus set: {chats}"
        );
    }
}
