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

/// SIGTERM while ten people tap away, again and again: every stop ends with success within
/// a few seconds (systemd and Docker would SIGKILL a bot that hangs), and the bot comes
/// back on the same folder each time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_always_ends_in_time() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    let tg = Arc::new(FakeTelegram::start().await);
    let data = tempfile::tempdir().unwrap();
    let mut people = Vec::new();
    let mut bot = PeilBot::start(&tg, data.path()).await;
    for id in 0..10 {
        let person = Person::new(&tg, 2000 + id, &format!("P{id}"), Some("en"));
        let question = person.start_scan().await;
        people.push((person.chat.clone(), 2000 + id, question.message_id));
    }
    for (round, delay) in [500u64, 900, 300, 1400, 700, 1100].into_iter().enumerate() {
        if round > 0 {
            bot = PeilBot::start(&tg, data.path()).await;
        }
        // Each person taps the third level of whatever their question message shows.
        let stop = Arc::new(AtomicBool::new(false));
        let drivers: Vec<_> = people
            .iter()
            .cloned()
            .map(|(chat, id, message)| {
                let (tg, stop) = (tg.clone(), stop.clone());
                tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        let data = tg
                            .message(id, message)
                            .and_then(|m| m.keyboard.get(2)?.first().map(|b| b.1.clone()));
                        // The bot may have edited the question away since it was read.
                        if let Some(data) = data {
                            let _ = tg.try_press(&chat, message, &data);
                        }
                        tokio::time::sleep(Duration::from_millis(15)).await;
                    }
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(delay)).await;
        let status = bot.signal("TERM", Duration::from_secs(12));
        stop.store(true, Ordering::Relaxed);
        for driver in drivers {
            driver.await.unwrap();
        }
        let status = status.unwrap_or_else(|| panic!("stop {round} did not end within 12 s:\n{}", bot.log()));
        assert!(status.success(), "stop {round} exited with {status}:\n{}", bot.log());
    }
}
