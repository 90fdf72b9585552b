//! What the bot writes to its log: never the token, even at `RUST_LOG=trace`, and one JSON
//! object per line with `--log-format json`, for log collectors.

use crate::support::WAIT;
use crate::support::bot::PeilBot;
use crate::support::fake_telegram::{FakeTelegram, TOKEN};
use crate::support::person::Person;

/// The whole log of a bot run with `env` that starts a scan, takes one answer and stops.
async fn log_of_a_short_run(env: &[(&str, &str)]) -> String {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let mut bot = PeilBot::start_with(&tg, data.path(), env).await;
    some_traffic(&tg).await;
    bot.interrupt(WAIT).expect("stops");
    bot.log()
}

/// A scan started and one answer tapped, so requests of every kind were logged.
async fn some_traffic(tg: &FakeTelegram) {
    let ada = Person::new(tg, 71, "Ada", Some("en"));
    let question = ada.start_scan().await;
    tg.press(&ada.chat, question.message_id, &question.keyboard[2][0].1);
    tg.wait_until(WAIT, |tg| tg.message(71, question.message_id).is_some_and(|m| m.body().contains("2 of")))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_in_a_trace_log() {
    let log = log_of_a_short_run(&[("RUST_LOG", "trace")]).await;
    assert!(log.contains("getUpdates") || log.lines().count() > 50, "a trace log was written:\n{log}");
    let secret = TOKEN.split_once(':').unwrap().1;
    assert!(!log.contains(secret), "the token is in the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_are_one_object_per_line() {
    let log = log_of_a_short_run(&[("PEILBOT_LOG_FORMAT", "json")]).await;
    let lines: Vec<&str> = log.lines().filter(|line| !line.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "{log}");
    for line in &lines {
        let entry: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"));
        assert!(entry["level"].is_string() && entry["fields"].is_object(), "{line}");
    }
    assert!(
        lines.iter().any(|line| line.contains("all answers are on disk")),
        "the stop is logged too:\n{log}"
    );
}
