//! The web channel under load: 200 people take the whole quick scan at once through the
//! real `peilbot web` (the bench build), each a browser without JavaScript that loads the
//! menu, posts each answer, follows the redirect to the next question, and ends on the
//! snapshot. Run with `cargo bench --bench web`; figures are recorded in BENCHMARKS.md.
//!
//! Reported: p50, p95 and p99 of the time per request as the client sees it on loopback
//! (server time plus a loopback round trip), per kind of request (a question page, an
//! answer's POST with its durable commit, the snapshot page); the web process's CPU per
//! answer (utime + stime from /proc over the whole run, divided by the answers committed);
//! and this process's CPU, so it is plain whether the clients set the pace.
//! `BENCH_PEOPLE=N` changes the number of people.

#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::time::{Duration, Instant};

use support::cpu::{own_cpu, process_cpu};
use support::web::{Browser, WebPeilbot};

const PEOPLE: usize = 200;

/// The times of one person's requests, by kind.
#[derive(Default)]
struct Times {
    pages: Vec<Duration>,
    answers: Vec<Duration>,
    snapshots: Vec<Duration>,
}

/// One person's whole scan, answering "3" everywhere.
async fn take_scan(mut browser: Browser) -> Times {
    let mut times = Times::default();
    let menu = browser.get("/").await;
    let csrf = menu.csrf();
    let started = browser.post("/act", &[("csrf", &csrf), ("action", "s:quickscan")]).await;
    let mut next = started.location.expect("a redirect to the first question");
    loop {
        let at = Instant::now();
        let page = browser.get(&next).await;
        if next.starts_with("/snapshot") {
            times.snapshots.push(at.elapsed());
            assert!(page.body.contains("<table>"), "a snapshot page");
            return times;
        }
        times.pages.push(at.elapsed());
        let choices = page.choices();
        let answer = choices.get(2).unwrap_or(&choices[0]).clone();
        let at = Instant::now();
        let posted = browser.post("/act", &[("csrf", &csrf), ("action", &answer)]).await;
        times.answers.push(at.elapsed());
        next = posted.location.expect("a redirect after an answer");
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

fn report(kind: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{kind:<16} {:>6} requests  p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        percentile(&times, 0.99)
    );
}

fn main() {
    let people: usize = std::env::var("BENCH_PEOPLE").ok().and_then(|n| n.parse().ok()).unwrap_or(PEOPLE);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let data = tempfile::tempdir().unwrap();
        // One address here is every person: the limit per address is for offices, not this.
        let web = WebPeilbot::start(&data.path().join("store"), &[("PEILBOT_WEB_PER_ADDRESS", "10000000")]).await;
        let pid = web.pid();
        let (cpu_before, own_before, started) = (process_cpu(pid), own_cpu(), Instant::now());
        let scans: Vec<_> =
            (0..people).map(|_| tokio::spawn(take_scan(web.browser("nl-NL,nl;q=0.9")))).collect();
        let mut all = Times::default();
        for scan in scans {
            let times = scan.await.expect("a whole scan");
            all.pages.extend(times.pages);
            all.answers.extend(times.answers);
            all.snapshots.extend(times.snapshots);
        }
        let seconds = started.elapsed().as_secs_f64();
        let (cpu, own) = (process_cpu(pid) - cpu_before, own_cpu() - own_before);
        let answers = all.answers.len();
        println!("{people} people at once, a whole quick scan each, in {seconds:.1} s ({:.0} answers/s)", answers as f64 / seconds);
        report("question page", all.pages);
        report("answer (POST)", all.answers);
        report("snapshot page", all.snapshots);
        println!(
            "peilbot web CPU: {cpu:.2} s, {:.2} ms per answer (with its question page); clients' CPU {own:.2} s",
            cpu * 1000.0 / answers as f64
        );
    });
}
