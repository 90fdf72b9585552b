//! Ctrl-C (SIGINT) and SIGTERM (`docker stop`, `systemctl stop`) stop `peilbot serve`
//! cleanly, with every acknowledged answer on disk.

use crate::support::bot::PeilBot;
use crate::support::fake_telegram::FakeTelegram;
use crate::support::person::Person;
use crate::support::{WAIT, progress};

/// N of the "Question N of M" in `text`.
fn question_number(text: &str) -> Option<usize> {
    progress(text).map(|(n, _)| n)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_stops_cleanly_and_keeps_every_answer() {
    stops_cleanly_on("INT").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_cleanly_and_keeps_every_answer() {
    stops_cleanly_on("TERM").await;
}

/// Three answers, the signal, a restart: the scan goes on at question 4.
async fn stops_cleanly_on(signal: &str) {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let mut bot = PeilBot::start(&tg, data.path()).await;
    let person = Person::new(&tg, 91, "Ada", Some("en"));
    let ada = person.chat.clone();
    let question = person.start_scan().await;
    for n in 1..=3 {
        // The scan edits one message in place; tap its third level ("Agreed").
        let current = tg.message(91, question.message_id).unwrap();
        assert_eq!(question_number(current.body()), Some(n));
        tg.press(&ada, question.message_id, &current.keyboard[2][0].1);
        tg.wait_until(WAIT, |tg| {
            question_number(tg.message(91, question.message_id).unwrap().body()) == Some(n + 1)
        })
        .await
        .unwrap();
    }

    let status = bot.signal(signal, WAIT).expect("the bot stops within the timeout after the signal");
    assert!(status.success(), "a clean stop exits with success: {status}");
    assert!(bot.log().contains("stopping: finishing the updates in flight"), "{}", bot.log());
    assert!(bot.log().contains("all answers are on disk"), "{}", bot.log());

    let _bot = PeilBot::start(&tg, data.path()).await;
    tg.send_text(&ada, "/scan quickscan");
    let resumed = tg
        .wait_for_message(91, WAIT, |m| {
            m.message_id > question.message_id && question_number(m.body()).is_some()
        })
        .await
        .unwrap();
    assert_eq!(question_number(resumed.body()), Some(4), "the three answers survived the stop");
    assert!(resumed.body().contains("Welcome back"));
}
