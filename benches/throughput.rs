//! Throughput of the real `peilbot serve` against the tests' fake Bot API, and, in the same
//! run, of two bare teloxide bots (`examples/bare_bot.rs`) that make the same two calls per
//! tap: one stores nothing, the other makes the least durable commit a tap needs (one sled
//! record, flushed) before its reply, which is the floor of what peilbot's store can cost.
//! Run with `cargo bench --bench throughput`; figures are recorded in BENCHMARKS.md.
//! `BARE_BOT=PATH` runs a bare bot built before, `PEILBOT_BIN=PATH` another build of peilbot
//! (for before and after figures from runs close together). The three bots run in turn,
//! five rounds (`BENCH_ROUNDS=N`), and each bot's median round is reported.
//!
//! 50 scripted users each send `/scan quickscan` and tap through the whole scan (23 taps;
//! before them, peilbot's Start under the privacy notice at first contact), all at once.
//! Reported per bot: updates per second (wall time from the first update to the last reply
//! to a tap), the bot process's CPU per update (utime + stime from /proc, read once the bot
//! has made no call for a moment, so that what it sends after the last tap, peilbot's
//! result and chart, counts), the Bot API calls it made, and the ratios; and the CPU of this
//! process (the fake and the 50 drivers), so it is plain whether the fake set the pace.

#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::cpu::{own_cpu, process_cpu};
use support::fake_telegram::{FakeChat, FakeTelegram, SentMessage, TOKEN};

const USERS: i64 = 50;
/// Taps of a whole quick scan answered with "3" everywhere (no question is skipped).
const TAPS: usize = 23;
/// The quick scan by name (`/scan` alone offers every flow), and the callback data of the
/// Start button under peilbot's privacy notice that starts it.
const SCAN: &str = "/scan quickscan";
const START: &str = "s:quickscan";
const DEADLINE: Duration = Duration::from_secs(300);
/// Rounds of the three bots in turn (`BENCH_ROUNDS`): the median round of each is reported,
/// as the machines here are noisy.
const ROUNDS: i64 = 5;

struct Figures {
    updates: usize,
    seconds: f64,
    bot_cpu: f64,
    fake_cpu: f64,
}

impl Figures {
    fn per_second(&self) -> f64 {
        self.updates as f64 / self.seconds
    }

    fn cpu_ms_per_update(&self) -> f64 {
        self.bot_cpu * 1000.0 / self.updates as f64
    }
}

/// Waits until `bot` polls the fake for updates.
async fn wait_for_polling(tg: &FakeTelegram, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while tg.calls_to("getUpdates").is_empty() {
        assert!(child.try_wait().expect("try_wait").is_none(), "the bot exited early");
        assert!(Instant::now() < deadline, "the bot did not start polling");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One user: `/scan quickscan` (and Start at first contact), then a tap on the `choice`-th button of the question message until
/// it has no buttons left. Returns the number of updates sent.
async fn user(tg: FakeTelegram, id: i64, choice: usize) -> usize {
    let chat = FakeChat::private(id, "Bench", Some("en"));
    tg.send_text(&chat, SCAN);
    let mut updates = 1;
    let deadline = Instant::now() + DEADLINE;
    let is_start = |message: &SentMessage| message.buttons().any(|(_, data)| data == START);
    let mut started = false;
    let mut question = loop {
        let messages = tg.messages(id);
        // At first contact peilbot shows the privacy notice, and the scan starts with a tap
        // on its Start button; the bare bot shows question 1 at once.
        if let Some(start) = messages.iter().find(|m| is_start(m)).filter(|_| !started) {
            tg.press(&chat, start.message_id, START);
            updates += 1;
            started = true;
        }
        if let Some(message) = messages.into_iter().find(|m| m.buttons().count() > 1 && !is_start(m)) {
            break message;
        }
        assert!(Instant::now() < deadline, "user {id}: no question");
        tokio::time::sleep(Duration::from_millis(1)).await;
    };
    loop {
        let Some((_, data)) = question.buttons().nth(choice).map(|(l, d)| (l.clone(), d.clone())) else {
            break;
        };
        let before = question.body().to_owned();
        tg.press(&chat, question.message_id, &data);
        updates += 1;
        question = loop {
            if let Some(message) = tg.message(id, question.message_id).filter(|m| m.body() != before) {
                break message;
            }
            assert!(Instant::now() < deadline, "user {id}: no reply to a tap");
            tokio::time::sleep(Duration::from_millis(1)).await;
        };
    }
    updates
}

/// Runs `command` (a bot against `tg`) while `USERS` users scan, and measures.
async fn measure(tg: &FakeTelegram, mut command: Command, choice: usize, first_user: i64) -> Figures {
    let mut bot = Running(command.spawn().expect("the bot starts"));
    let child = &mut bot.0;
    wait_for_polling(tg, child).await;
    let (cpu_before, own_before, started) = (process_cpu(child.id()), own_cpu(), Instant::now());
    let users: Vec<_> = (0..USERS).map(|i| tokio::spawn(user(tg.clone(), first_user + i, choice))).collect();
    let mut updates = 0;
    for user in users {
        updates += user.await.expect("a user finished");
    }
    let seconds = started.elapsed().as_secs_f64();
    wait_until_quiet(tg).await;
    Figures {
        updates,
        seconds,
        bot_cpu: process_cpu(child.id()) - cpu_before,
        fake_cpu: own_cpu() - own_before,
    }
}

/// A bot process, stopped when dropped: also when a user panics, so that no bot is left
/// running after a failed run.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until the bot has made no call but polling for a while: what it sends after the
/// last tap (peilbot's result and chart) is part of its work.
async fn wait_until_quiet(tg: &FakeTelegram) {
    const QUIET: Duration = Duration::from_millis(300);
    let calls = || tg.calls().iter().filter(|call| !call.method.eq_ignore_ascii_case("getUpdates")).count();
    let (mut seen, mut since) = (calls(), Instant::now());
    while since.elapsed() < QUIET {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let now = calls();
        if now != seen {
            (seen, since) = (now, Instant::now());
        }
    }
}

/// Builds the bare bot example (release) and returns its path; `BARE_BOT=PATH` runs one
/// built before instead. Building it here rebuilds teloxide and peilbot's library for the
/// next `cargo bench` (cargo keeps one copy of each for both), minutes on a small machine.
fn bare_bot() -> PathBuf {
    if let Some(path) = std::env::var_os("BARE_BOT") {
        return PathBuf::from(path);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--example", "bare_bot"])
        .status()
        .expect("cargo builds the bare bot");
    assert!(status.success(), "the bare bot builds");
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/examples/bare_bot")
}

/// `command` run with the binary in `PEILBOT_BIN` instead (another build, for before and
/// after figures from runs taken close together), else as it is.
fn other_binary(command: Command) -> Command {
    match std::env::var_os("PEILBOT_BIN") {
        Some(binary) => support::bot::with_binary(&command, Path::new(&binary)),
        None => command,
    }
}

/// The Bot API calls a bot made but its polls, counted per method, for instance
/// "AnswerCallbackQuery 1200" (how often it polls depends on the timing).
fn calls_per_method(tg: &FakeTelegram) -> String {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for call in tg.calls().into_iter().filter(|call| !call.method.eq_ignore_ascii_case("getUpdates")) {
        *counts.entry(call.method).or_default() += 1;
    }
    counts.iter().map(|(method, n)| format!("{method} {n}")).collect::<Vec<_>>().join(", ")
}

fn print(name: &str, figures: &Figures) {
    println!(
        "{name:<11} {:>5} updates in {:>6.2} s: {:>7.1} updates/s, bot CPU {:.3} ms per update, fake+drivers CPU {:.3} ms per update",
        figures.updates,
        figures.seconds,
        figures.per_second(),
        figures.cpu_ms_per_update(),
        figures.fake_cpu * 1000.0 / figures.updates as f64,
    );
}

/// Runs `peilbot serve` (on the store in `data`) while the users scan.
async fn run_peilbot(data: &Path, first_user: i64) -> (Figures, String) {
    let tg = FakeTelegram::start().await;
    let mut peilbot = other_binary(support::bot::serve_against(&tg, data));
    peilbot.env("RUST_LOG", "warn").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    // Choice 2 is "3" on every question: no question is skipped, 23 taps.
    let figures = measure(&tg, peilbot, 2, first_user).await;
    let calls = calls_per_method(&tg);
    tg.shutdown().await;
    // `/scan quickscan`, Start under the privacy notice, and the taps.
    assert_eq!(figures.updates, USERS as usize * (TAPS + 2), "every user finished the scan");
    (figures, calls)
}

/// Runs the bare bot, with a durable commit per tap into `commit` if given.
async fn run_bare(bare: &Path, commit: Option<&Path>, first_user: i64) -> (Figures, String) {
    let tg = FakeTelegram::start().await;
    let mut command = Command::new(bare);
    command
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", tg.url())
        .env("BARE_TAPS", TAPS.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(dir) = commit {
        command.env("BARE_COMMIT", dir);
    }
    let figures = measure(&tg, command, 0, first_user).await;
    let calls = calls_per_method(&tg);
    tg.shutdown().await;
    (figures, calls)
}

/// The run with the median CPU per update.
fn median(runs: &mut [Figures]) -> &Figures {
    runs.sort_by(|a, b| a.cpu_ms_per_update().total_cmp(&b.cpu_ms_per_update()));
    &runs[runs.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let bare = bare_bot();
    let rounds: i64 = std::env::var("BENCH_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(ROUNDS);
    let store = tempfile::tempdir().expect("a temp dir");
    let (mut real, mut plain, mut commit) = (Vec::new(), Vec::new(), Vec::new());
    let mut calls = (String::new(), String::new());
    println!(
        "{USERS} users, each {SCAN}, Start and {TAPS} taps, all at once; {rounds} rounds of the three bots in turn"
    );
    for round in 1..=rounds {
        // A new store every round, so that each user makes first contact, and as every fake
        // numbers its updates from 1, which peilbot would take for updates it has applied.
        let data = tempfile::tempdir().expect("a temp dir");
        let (peilbot, real_calls) = run_peilbot(data.path(), 1_000).await;
        let (bare_bot, bare_calls) = run_bare(&bare, None, 2_000).await;
        let (with_commit, commit_calls) = run_bare(&bare, Some(store.path()), 3_000).await;
        assert_eq!(bare_calls, commit_calls, "both bare bots made the same calls");
        println!(
            "round {round}: bot CPU per update, peilbot {:.3} ms, bare bot {:.3} ms, bare+commit {:.3} ms",
            peilbot.cpu_ms_per_update(),
            bare_bot.cpu_ms_per_update(),
            with_commit.cpu_ms_per_update(),
        );
        real.push(peilbot);
        plain.push(bare_bot);
        commit.push(with_commit);
        calls = (real_calls, bare_calls);
    }
    let (real, plain, commit) = (median(&mut real), median(&mut plain), median(&mut commit));
    println!("the median round of each bot (by CPU per update):");
    print("peilbot", real);
    print("bare bot", plain);
    print("bare+commit", commit);
    println!("peilbot's Bot API calls:  {} (and its polls)", calls.0);
    println!("the bare bots' calls:     {} (and their polls)", calls.1);
    let ratio = |peer: &Figures| {
        format!(
            "{:.2}x CPU per update, {:.2}x the time per update",
            real.cpu_ms_per_update() / peer.cpu_ms_per_update(),
            peer.per_second() / real.per_second(),
        )
    };
    println!("ratios     peilbot / bare:        {}", ratio(plain));
    println!("ratios     peilbot / bare+commit: {}", ratio(commit));
    println!(
        "ratio      bare+commit / bare:    {:.2}x CPU per update",
        commit.cpu_ms_per_update() / plain.cpu_ms_per_update()
    );
}
