//! What an operator's monitoring reads: `/healthz` and `/metrics` on `--metrics-listen`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

use crate::support::WAIT;
use crate::support::bot::{PeilBot, run_to_exit, serve_against};
use crate::support::fake_telegram::FakeTelegram;
use crate::support::person::Person;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// GETs a path and returns the status code and the body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map_or(String::new(), |(_, body)| body.to_string());
    (status, body)
}

/// The value of a metric line that starts with `name` (without labels), if any.
fn value(metrics: &str, name: &str) -> Option<f64> {
    metrics.lines().find(|line| line.split([' ', '{']).next() == Some(name))?.rsplit(' ').next()?.parse().ok()
}

/// The fake, a data folder and the bot serving metrics, on the port returned.
async fn with_metrics() -> (FakeTelegram, tempfile::TempDir, PeilBot, u16) {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let bot = PeilBot::start_with(&tg, data.path(), &[("PEILBOT_METRICS_LISTEN", &listen)]).await;
    (tg, data, bot, port)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_metrics_are_served_and_move_with_the_traffic() {
    let (tg, _data, mut bot, port) = with_metrics().await;

    assert_eq!(get(port, "/healthz"), (200, "ok\n".to_string()));
    let (status, before) = get(port, "/metrics");
    assert_eq!(status, 200);

    let ada = Person::new(&tg, 81, "Ada", Some("en"));
    let question = ada.start_scan().await;
    for n in 2..=3 {
        let current = tg.message(81, question.message_id).unwrap();
        tg.press(&ada.chat, question.message_id, &current.keyboard[2][0].1);
        let expected = format!("Question {n} of");
        tg.wait_until(WAIT, |tg| {
            tg.message(81, question.message_id).is_some_and(|m| m.body().contains(&expected))
        })
        .await
        .unwrap();
    }

    let (status, after) = get(port, "/metrics");
    assert_eq!(status, 200);
    let updates = value(&after, "peilbot_updates_total").expect("updates are counted");
    assert!(updates >= 3.0 && updates > value(&before, "peilbot_updates_total").unwrap_or(0.0), "{after}");
    assert_eq!(value(&after, "peilbot_answers_committed_total"), Some(2.0), "{after}");
    assert!(value(&after, "peilbot_commit_seconds_count").is_some_and(|n| n >= 3.0), "{after}");
    assert!(value(&after, "peilbot_reply_seconds_count").is_some_and(|n| n >= 3.0), "{after}");
    assert!(
        after.contains("# TYPE peilbot_commit_seconds summary")
            || after.contains("# TYPE peilbot_commit_seconds histogram")
    );
    // Nothing about who: no person ids, names or chats.
    for who in ["tg:81", "Ada", "chat"] {
        assert!(!after.lines().filter(|l| !l.starts_with('#')).any(|l| l.contains(who)), "{who} in\n{after}");
    }
    bot.interrupt(WAIT).expect("stops");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_metrics_port_in_use_stops_the_start_with_an_error() {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut command = serve_against(&tg, data.path());
    command.args(["--metrics-listen", &format!("127.0.0.1:{port}")]);
    let exit = run_to_exit(command, WAIT);
    assert!(!exit.status.success(), "{}", exit.stderr);
    assert!(
        exit.stderr.contains(&format!("cannot listen for metrics on 127.0.0.1:{port}")),
        "{}",
        exit.stderr
    );
    drop(taken);
}

/// Every acknowledged tap waits for the disk once, not twice: its answer, the scan, the
/// update id and which message shows the question go in one flushed commit, and so does
/// the last tap, with the completed response.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_tap_of_a_whole_scan_is_flushed_exactly_once() {
    let (tg, _data, mut bot, port) = with_metrics().await;
    let flushes = || value(&get(port, "/metrics").1, "peilbot_store_flushes_total").unwrap_or(0.0);

    let ada = Person::new(&tg, 82, "Ada", Some("en"));
    ada.start_scan().await;
    let (_, total) = ada.progress().expect("a question");
    let before = flushes();
    let mut taps = 0;
    for n in 1..total {
        ada.answer_nth(2).await;
        taps += 1;
        assert_eq!(flushes() - before, f64::from(taps), "after tap {n}");
    }
    ada.answer_nth(2).await;
    ada.expect_snapshot("Done, thank you", "Your snapshot").await;
    taps += 1;
    assert_eq!(flushes() - before, f64::from(taps), "the last tap, which completes the scan");
    let metrics = get(port, "/metrics").1;
    assert_eq!(value(&metrics, "peilbot_scans_completed_total"), Some(1.0), "{metrics}");
    assert_eq!(value(&metrics, "peilbot_answers_committed_total"), Some(f64::from(taps)), "{metrics}");
    bot.interrupt(WAIT).expect("stops");
}
