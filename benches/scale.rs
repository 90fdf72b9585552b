//! The figures of issue 9 over a demo organisation: 100,000 people in 1,000 teams with 10
//! rounds each (the last one open), plus one team of 10,000 of them, all made by
//! `peilbot demo`'s own code. Run with `cargo bench --bench scale`; figures are recorded in
//! BENCHMARKS.md.
//!
//! The store is made once and kept in `target/bench-scale/` (or `$SCALE_DIR`; delete it to
//! make it again); it takes a few minutes. Then: the store's size on disk and per tree, a
//! lead's team result over 10,000 respondents, the org view over 1,001 teams (in this
//! process); and with the real binary, `peilbot org`'s and the organisation PDF's (`peilbot
//! report --org`) wall time and peak RSS, `peilbot serve`'s cold start (until it polls the
//! fake Bot API) and idle RSS.
//!
//! `SCALE_TEAMS`, `SCALE_PEOPLE` and `SCALE_ROUNDS` make another organisation.

#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use peilbot::anonymity::Rules;
use peilbot::cli::load_content;
use peilbot::demo::{self, Spec};
use peilbot::person::PersonId;
use peilbot::store::{Options, Store};
use peilbot::team::{Team, TeamSeed};
use support::fake_telegram::FakeTelegram;

const BIG_TEAM: usize = 10_000;
const BIG_TEAM_NAME: &str = "Alle medewerkers";
const ROUNDS: usize = 7;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The median of `ROUNDS` timings of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2]
}

/// Makes the demo store (and the big team) unless it is there already.
fn demo_store(spec: Spec) -> PathBuf {
    let root = std::env::var_os("SCALE_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-scale"), PathBuf::from);
    let dir = root.join(format!("demo-{}-{}-{}-{}", spec.teams, spec.people, spec.rounds, spec.seed));
    let complete = dir.with_extension("complete");
    if complete.exists() {
        println!("using the demo store in {}", dir.display());
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let content = load_content().expect("content");
    let options = Options { flush_each_commit: false, ..Options::with_flows(&content.flows) };
    let store = Store::open_with(&dir, options).expect("a store");
    let started = Instant::now();
    let made = demo::fill(&store, content.default_flow(), spec).expect("the demo fills");
    println!(
        "demo: {} people, {} teams, {} rounds, {} completed responses in {:.1} s",
        made.people,
        made.teams,
        made.rounds,
        made.responses,
        started.elapsed().as_secs_f64()
    );
    // One team of 10,000 of the same people, open since before the first round.
    let members: Vec<PersonId> =
        (0..BIG_TEAM.min(spec.people)).map(|i| PersonId(format!("demo:{i:06}"))).collect();
    let seed = TeamSeed { id: [9; 8], invite: [9; 16] };
    let mut team = Team::new(BIG_TEAM_NAME, members[0].clone(), 0, seed, content.default_flow());
    team.members.extend(members);
    let started = Instant::now();
    store.create_team(&team).expect("the big team");
    store.flush().expect("flush");
    println!("big team of {BIG_TEAM} made in {:.1} s", started.elapsed().as_secs_f64());
    drop(store);
    // As `peilbot demo` does after its bulk load.
    let started = Instant::now();
    println!("store on disk after the bulk load: {:.0} MB", disk_size(&dir) as f64 / 1e6);
    peilbot::store::compact(&dir).expect("the store compacts");
    println!("compacted in {:.1} s", started.elapsed().as_secs_f64());
    std::fs::write(&complete, "").expect("mark the store complete");
    dir
}

/// A PDF's page count, from poppler's `pdfinfo` when it is installed.
fn pdf_pages(pdf: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(|line| line.strip_prefix("Pages:")?.trim().parse().ok())
}

fn disk_size(dir: &Path) -> u64 {
    peilbot::store::disk_size(dir).expect("the store folder")
}

/// Runs the binary to completion; returns its wall time and peak RSS in MB.
#[allow(clippy::zombie_processes)] // wait4 reaps it, with its own resource usage
fn run_binary(args: &[&str]) -> (Duration, f64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_peilbot"))
        .args(args)
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("peilbot runs");
    // The child's own high-water mark, read while it runs: wait4's ru_maxrss would also count
    // this bench's memory, which Linux carries into a child across fork and exec.
    let mut peak: f64 = 0.0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        peak = peak.max(status_mb(child.id(), "VmHWM:").unwrap_or(0.0));
        std::thread::sleep(Duration::from_millis(1));
    };
    assert!(status.success(), "peilbot {args:?} failed");
    (started.elapsed(), peak)
}

/// A memory figure of a running process from /proc (`VmRSS:`, `VmHWM:`), in MB.
fn status_mb(pid: u32, field: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix(field))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn rss_mb(pid: u32) -> f64 {
    status_mb(pid, "VmRSS:").expect("VmRSS")
}

fn main() {
    let spec = Spec {
        teams: env_or("SCALE_TEAMS", 1_000),
        people: env_or("SCALE_PEOPLE", 100_000),
        rounds: env_or("SCALE_ROUNDS", 10) as u32,
        seed: 1,
        now: peilbot::demo::EXAMPLE_NOW,
    };
    let dir = demo_store(spec);
    let data = dir.to_str().expect("a UTF-8 path");
    println!("store on disk: {:.0} MB", disk_size(&dir) as f64 / 1e6);
    {
        let store = Store::open(&dir).expect("the store opens");
        let sizes = store.tree_sizes().expect("tree sizes");
        let total: u64 = sizes.iter().map(|(_, _, bytes)| bytes).sum();
        println!("records (keys + values): {:.0} MB in all", total as f64 / 1e6);
        for (name, records, bytes) in sizes.iter().filter(|(_, _, bytes)| *bytes > 0) {
            println!("  {name}: {records} records, {:.1} MB", *bytes as f64 / 1e6);
        }
    }

    {
        let content = load_content().expect("content");
        let store = Store::open_with(&dir, Options::with_flows(&content.flows)).expect("the store opens");
        let flow = content.default_flow();
        let rules = Rules::default();
        let big = store
            .all_teams()
            .expect("teams")
            .into_iter()
            .find(|t| t.name == BIG_TEAM_NAME)
            .expect("the big team");
        let lead = big.leads.iter().next().expect("a lead").clone();
        let started = Instant::now();
        let result = store.team_result(flow, &big.id, &lead, rules, None).expect("read");
        let first = started.elapsed();
        let respondents = result.as_ref().map_or(0, |r| r.respondents_now);
        let warm = median(|| {
            black_box(store.team_result(flow, &big.id, &lead, rules, None).expect("read").ok());
        });
        println!(
            "team result over {respondents} respondents: first {first:.2?}, then {warm:.2?} (median of {ROUNDS})"
        );

        let started = Instant::now();
        let view = store.org_view(flow, rules).expect("org view");
        let first = started.elapsed();
        let warm = median(|| {
            black_box(store.org_view(flow, rules).expect("org view"));
        });
        println!(
            "org view over {} teams ({} with a result, {} respondents): first {first:.2?}, then {warm:.2?} (median of {ROUNDS})",
            view.teams.len() + view.pending.len(),
            view.teams.len(),
            view.respondents_now
        );
    }

    let out = std::env::temp_dir().join("peilbot-bench-org.csv");
    let (time, rss) = run_binary(&["org", "--data", data, "--format", "csv", "--out", out.to_str().unwrap()]);
    println!("peilbot org --format csv (a process: open, org view, table): {time:.2?}, peak RSS {rss:.0} MB");
    let png = std::env::temp_dir().join("peilbot-bench-org.png");
    let (time, rss) = run_binary(&["org", "--data", data, "--format", "png", "--out", png.to_str().unwrap()]);
    println!("peilbot org --format png (every page): {time:.2?}, peak RSS {rss:.0} MB");
    let pdf = std::env::temp_dir().join("peilbot-bench-org.pdf");
    let (time, rss) =
        run_binary(&["report", "--org", "--data", data, "--lang", "nl", "--out", pdf.to_str().unwrap()]);
    let bytes = std::fs::metadata(&pdf).map_or(0, |m| m.len());
    println!(
        "peilbot report --org (the organisation PDF, a process): {time:.2?}, peak RSS {rss:.0} MB, {:.1} MB, {} pages",
        bytes as f64 / 1e6,
        pdf_pages(&pdf).map_or_else(|| "? (no pdfinfo)".to_string(), |pages| pages.to_string())
    );
    let (time, rss) = run_binary(&["team", "--data", data, BIG_TEAM_NAME]);
    println!("peilbot team (10,000 respondents, a process): {time:.2?}, peak RSS {rss:.0} MB");

    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let tg = FakeTelegram::start().await;
        let started = Instant::now();
        let mut command = support::bot::serve_against(&tg, &dir);
        // The demo's rounds are from 2024 on: the default retention (730 days) would delete
        // the older ones at start-up, and change the store for the next run.
        command.env("RUST_LOG", "warn").env("PEILBOT_RETENTION_DAYS", "36500").stderr(Stdio::null());
        let mut child = command.spawn().expect("serve starts");
        while tg.calls_to("getUpdates").is_empty() {
            assert!(child.try_wait().expect("try_wait").is_none(), "serve exited early");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let cold = started.elapsed();
        tokio::time::sleep(Duration::from_secs(3)).await;
        println!(
            "peilbot serve: cold start (until it polls) {cold:.2?}, idle RSS {:.0} MB",
            rss_mb(child.id())
        );
        let _ = child.kill();
        let _ = child.wait();
        tg.shutdown().await;
    });
}
