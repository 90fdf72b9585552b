//! Telegram's flood control: with every other send, edit and tap answer refused with
//! "429 Too Many Requests: retry after 1", every tap still gets its answer and its edit,
//! in order, for several people at once.

use crate::support::bot::setup;
use crate::support::person::Person;
use crate::support::{WAIT, progress};

/// The third level on every question.
const AGREED: usize = 2;
const TAPS: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_tap_is_answered_and_every_edit_arrives_under_flood_control() {
    let (tg, _data, _bot) = setup(&[]).await;
    let people: Vec<Person> =
        (1..=3).map(|k| Person::new(&tg, 1500 + k, &format!("Person{k}"), Some("en"))).collect();
    for person in &people {
        person.start_scan().await;
    }
    tg.flood(1);

    let scans: Vec<_> = people
        .iter()
        .cloned()
        .map(|person| {
            tokio::spawn(async move {
                let mut queries = Vec::new();
                for n in 1..=TAPS {
                    assert_eq!(person.question_number(), Some(n));
                    queries.push(person.tap_nth(AGREED));
                    // The edit to the next question arrives, however often Telegram said "wait".
                    person.expect_question(n + 1).await;
                }
                queries
            })
        })
        .collect();
    let mut queries = Vec::new();
    for scan in scans {
        queries.extend(scan.await.expect("a scan went through"));
    }

    let answered = |tg: &crate::support::fake_telegram::FakeTelegram| {
        let answers = tg.callback_answers();
        queries.iter().all(|query| answers.iter().any(|answer| &answer.query_id == query))
    };
    tg.wait_until(WAIT, answered).await.expect("every tap got an answer that Telegram accepted");
    let refused = tg
        .calls()
        .iter()
        .filter(|call| call.error.as_ref().is_some_and(|e| e.contains("Too Many Requests")))
        .count();
    assert!(refused >= TAPS * people.len(), "the flood was on: {refused} calls refused");
    for person in &people {
        let shown = person.current_question();
        assert_eq!(progress(shown.body()).map(|(n, _)| n), Some(TAPS + 1), "{}", shown.body());
    }
}
