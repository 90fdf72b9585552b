//! The Telegram bot as people meet it: the real `peilbot serve` binary, talking to a fake
//! Bot API server (`tests/support/fake_telegram.rs`). Each test tells one story, with its
//! own fake server and its own data folder.
//!
//! A [`Person`] (`tests/support/person.rs`) says things (`say("/scan")`), taps buttons on
//! the question in front of them (`tap("Agreed")`, `tap_nth(2)`), and waits for the bot
//! (`expect_question(4)`, `expect_text("Done")`).

use std::time::{Duration, Instant};

use crate::support::bot::{PeilBot, run_to_exit, serve_command, setup, store};
use crate::support::fake_telegram::*;
use crate::support::person::{Person, answers_to};
use crate::support::{WAIT, progress};
use serde_json::{Value, json};

/// Questions in the quick scan when no answer hides one.
const TOTAL: usize = 23;
/// Choices are 0-based: the third button is level 3.
const THIRD: usize = 2;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The labels marked as the answer given earlier ("✓ 3 · Agreed").
fn marked(message: &SentMessage) -> Vec<&str> {
    message.button_labels().into_iter().filter(|l| l.starts_with("✓ ")).collect()
}

/// The bot's calls of `method` for one chat.
fn calls_for(tg: &FakeTelegram, method: &str, chat_id: i64) -> Vec<Call> {
    tg.calls_to(method)
        .into_iter()
        .filter(|c| c.params.get("chat_id").and_then(Value::as_i64) == Some(chat_id))
        .collect()
}

/// Every text the bot sent or edited is 1..=4096 characters, every button's data 1..=64
/// bytes, every callback answer at most 200 characters, and Telegram refused nothing
/// (the fake refuses what Telegram would). Two refusals are fine: "message is not
/// modified" (the bot treats it as success) and answers to callback queries the fake did
/// not issue itself (pushed raw by a test; their ids are not all digits).
fn assert_within_telegram_limits(tg: &FakeTelegram) {
    for call in tg.calls() {
        let raw_query = call
            .params
            .get("callback_query_id")
            .and_then(Value::as_str)
            .is_some_and(|id| !id.bytes().all(|b| b.is_ascii_digit()));
        let not_modified = call.error.as_deref().is_some_and(|e| e.contains("message is not modified"));
        if raw_query || not_modified {
            continue;
        }
        assert_eq!(
            call.error,
            None,
            "Telegram refused call {} {}: {}\n{}",
            call.seq,
            call.method,
            call.params,
            tg.dump()
        );
        if let Some(text) = call.params.get("text").and_then(Value::as_str) {
            let limit = if call.method.eq_ignore_ascii_case("answerCallbackQuery") { 200 } else { 4096 };
            let chars = text.chars().count();
            assert!((1..=limit).contains(&chars), "{} text of {chars} characters", call.method);
        }
        if let Some(rows) = call.params["reply_markup"]["inline_keyboard"].as_array() {
            for button in rows.iter().filter_map(Value::as_array).flatten() {
                if let Some(data) = button.get("callback_data").and_then(Value::as_str) {
                    assert!((1..=64).contains(&data.len()), "callback data {data:?} is {} bytes", data.len());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 1. A complete scan, in each language
// ---------------------------------------------------------------------------

/// What a complete scan looks like in one language.
struct Language {
    code: &'static str,
    first: &'static str,
    level_3: &'static str,
    role_3: &'static str,
    back: &'static str,
    done: &'static str,
    title: &'static str,
    overall: &'static str,
    chart_caption: &'static str,
}

async fn complete_scan_in(lang: Language) {
    let (tg, _data, _bot) = setup(&[]).await;
    let anna = Person::new(&tg, 4242, "Anna", Some(lang.code));

    let first = anna.start_scan().await;
    assert!(first.body().contains(lang.first), "question 1 in {}: {:?}", lang.code, first.body());
    assert_eq!(progress(first.body()), Some((1, TOTAL)));
    let labels = first.button_labels();
    assert_eq!(labels.len(), 6, "5 levels and don't know, no back button on question 1: {labels:?}");
    assert_eq!(labels[THIRD], lang.level_3);

    anna.answer_nth(THIRD).await;
    let second = anna.current_question();
    assert_eq!(second.message_id, first.message_id, "the answer edits the question message in place");
    assert_eq!(second.button_labels().last().copied(), Some(lang.back));

    anna.answer_until(TOTAL, THIRD).await;
    let role = anna.current_question();
    assert_eq!(role.buttons().count(), 6, "5 roles and back, no don't know: {:?}", role.button_labels());
    assert_eq!(role.button_labels()[THIRD], lang.role_3);
    assert_eq!(role.message_id, first.message_id, "one message carried the whole scan");
    anna.answer_nth(THIRD).await;

    let (snapshot, chart) = anna.expect_snapshot(lang.done, lang.title).await;
    let done = tg.message(anna.id(), first.message_id).expect("the question message is kept");
    assert!(done.body().starts_with(lang.done), "{:?}", done.body());
    assert!(done.keyboard.is_empty(), "the finished scan has no buttons left");
    assert!(snapshot.contains(lang.overall), "overall index {:?} in:\n{snapshot}", lang.overall);
    if lang.code.starts_with("nl") {
        assert!(snapshot.contains("3,0") && !snapshot.contains("3.0"), "Dutch decimal comma:\n{snapshot}");
    } else {
        assert!(snapshot.contains("3.0") && !snapshot.contains("3,0"), "English decimal point:\n{snapshot}");
    }
    let png = chart.photo.as_ref().expect("a photo");
    assert!(png.is_png(), "the chart is a PNG");
    assert_eq!(chart.caption.as_deref(), Some(lang.chart_caption));

    assert!(anna.question_message().is_none(), "no answer buttons remain\n{}", tg.dump());
    for message in anna.messages() {
        assert!((1..=4096).contains(&message.body().chars().count()), "{message:?}");
    }
    assert_within_telegram_limits(&tg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dutch_colleague_completes_the_scan() {
    complete_scan_in(Language {
        code: "nl",
        first: "Vraag 1 van ongeveer 23",
        level_3: "3 · Afgesproken",
        role_3: "ICT, informatie of data",
        back: "« Terug",
        done: "Klaar, dank je wel!",
        title: "Jouw momentopname",
        overall: "Totaalindex 3,0, het gemiddelde van je thema's, dus je totaalniveau is Afgesproken.",
        chart_caption: "Waar we staan en waar we willen zijn",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flemish_colleague_completes_the_scan() {
    complete_scan_in(Language {
        code: "nl-BE",
        first: "Quickscan digitale maturiteit",
        level_3: "3 · Afgesproken",
        role_3: "ICT, informatie of data",
        back: "« Terug",
        done: "Klaar, bedankt!",
        title: "Jouw momentopname",
        overall: "Totaalindex 3,0, het gemiddelde van je thema's, dus je totaalniveau is Afgesproken.",
        chart_caption: "Waar we staan en waar we willen zijn",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_speaking_colleague_completes_the_scan() {
    complete_scan_in(Language {
        code: "en-GB",
        first: "Question 1 of about 23",
        level_3: "3 · Agreed",
        role_3: "IT, information or data",
        back: "« Back",
        done: "Done, thank you!",
        title: "Your snapshot",
        overall: "Overall index 3.0, the mean of your themes, so your overall level is Agreed.",
        chart_caption: "Where we stand and where we want to be",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scan_of_only_dont_know_still_gets_a_snapshot_and_chart() {
    let (tg, _data, _bot) = setup(&[]).await;
    let wim = Person::new(&tg, 523, "Wim", Some("nl"));
    wim.start_scan().await;
    loop {
        let (n, total) = wim.progress().expect("a question");
        let question = wim.current_question();
        let index = question.button_labels().iter().position(|l| *l == "Weet ik niet").unwrap_or(0);
        wim.answer_nth(index).await;
        if n == total {
            break;
        }
    }
    let (snapshot, chart) = wim.expect_snapshot("Klaar, dank je wel!", "Jouw momentopname").await;
    assert!(snapshot.contains("te weinig antwoorden voor een score (100% weet ik niet)"), "{snapshot}");
    assert!(snapshot.contains("Geen totaalindex"), "{snapshot}");
    assert!(chart.photo.unwrap().is_png());
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 2. Going back to change an answer
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn going_back_shows_the_earlier_answer_and_a_change_counts() {
    let (tg, _data, _bot) = setup(&[]).await;
    let bram = Person::new(&tg, 501, "Bram", Some("en"));
    let fourth = bram.scan_to_question(4, THIRD).await;

    // Question 3 is the ambition for theme A; Bram answered "Agreed".
    let query = bram.tap("« Back");
    assert_eq!(bram.callback_answer(&query).await, None);
    let third = bram.expect_question(3).await;
    assert_eq!(third.message_id, fourth.message_id, "back edits the same message");
    assert!(third.body().contains("A Vision & leadership: where should we realistically be in 2 years?"));
    assert_eq!(marked(&third), vec!["✓ 3 · Agreed"], "the earlier answer is marked");

    // He raises the ambition to "Leading" and goes on; back again, the mark has moved.
    bram.tap("5 · Leading");
    bram.expect_question(4).await;
    bram.tap("« Back");
    let third = bram.expect_question(3).await;
    assert_eq!(marked(&third), vec!["✓ 5 · Leading"], "the mark moved with the changed answer");

    // Keeping it, he finishes the scan.
    bram.tap("✓ 5 · Leading");
    bram.expect_question(4).await;
    bram.answer_all(THIRD).await;
    let (snapshot, _) = bram.expect_snapshot("Done, thank you!", "Your snapshot").await;
    assert!(snapshot.contains("A Vision & leadership: 3.0 (Agreed)"), "{snapshot}");
    assert!(snapshot.contains("In two years: 5 (Leading), gap 2.0 · priority"), "{snapshot}");
    assert!(snapshot.contains("Priorities: A Vision & leadership"), "{snapshot}");

    // /snapshot shows the same again later.
    let photos = bram.messages().iter().filter(|m| m.photo.is_some()).count();
    bram.say("/snapshot");
    tg.wait_until(WAIT, |tg| tg.messages(bram.id()).iter().filter(|m| m.photo.is_some()).count() > photos)
        .await
        .unwrap();
    let again: Vec<SentMessage> =
        bram.messages().into_iter().filter(|m| m.body().starts_with("Your snapshot")).collect();
    assert_eq!(again.len(), 2);
    assert_eq!(again[0].body(), again[1].body(), "/snapshot repeats the finished scan's snapshot");
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 3. Switching language in the middle of a scan
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_language_mid_scan_keeps_the_question() {
    let (tg, _data, _bot) = setup(&[]).await;
    let chris = Person::new(&tg, 503, "Chris", Some("nl"));
    let dutch = chris.scan_to_question(5, THIRD).await;
    assert!(dutch.body().contains("Vraag 5 van ongeveer 23"));

    let menu = chris.ask("/language", "Welke taal heb je liever?").await;
    assert_eq!(menu.button_labels(), vec!["Nederlands", "Vlaams", "English"]);
    assert_eq!(menu.button_data("English"), Some("l:en"));
    let query = tg.press_label(&chris.chat, menu.message_id, "English");
    assert_eq!(chris.callback_answer(&query).await, None);

    let english = tg
        .wait_for_message(chris.id(), WAIT, |m| {
            m.body().contains("Question 5 of about 23") && !m.keyboard.is_empty()
        })
        .await
        .unwrap();
    assert_eq!(chris.current_question(), english);
    assert!(english.body().contains("Question 5 of about 23"), "{:?}", english.body());
    assert!(english.body().contains("B Data-driven work"), "{:?}", english.body());
    assert_eq!(english.button_labels()[THIRD], "3 · Agreed");
    assert_eq!(english.button_labels().last().copied(), Some("« Back"));
    let menu = tg.message(chris.id(), menu.message_id).unwrap();
    assert_eq!(menu.body(), "From now on I'll speak English.");
    assert!(menu.keyboard.is_empty());
    let old = tg.message(chris.id(), dutch.message_id).unwrap();
    assert!(old.keyboard.is_empty(), "the Dutch question lost its buttons");

    // The choice sticks: the scan goes on in English.
    chris.answer_nth(THIRD).await;
    assert!(chris.current_question().body().contains("Question 6 of about 23"));
    chris.say("/settings");
    chris.expect_text("Language: English.").await;
    assert_within_telegram_limits(&tg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_explicit_language_choice_outlasts_the_telegram_language() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ulla = Person::new(&tg, 521, "Ulla", Some("nl"));
    ulla.say("/language");
    let menu = ulla.expect_text("Welke taal heb je liever?").await;
    let query = tg.press_label(&ulla.chat, menu.message_id, "Nederlands");
    ulla.callback_answer(&query).await;
    ulla.expect_text("Vanaf nu spreek ik Nederlands.").await;

    // Later her phone is set to English; she chose Dutch, so Dutch it stays.
    let english_phone = Person::new(&tg, 521, "Ulla", Some("en"));
    english_phone.say("/settings");
    let settings = tg
        .wait_for_message(ulla.id(), WAIT, |m| m.message_id > menu.message_id && !m.keyboard.is_empty())
        .await
        .unwrap();
    assert!(settings.body().starts_with("Taal: Nederlands."), "{:?}", settings.body());
}

// ---------------------------------------------------------------------------
// 4. Stale buttons
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_on_an_answered_question_changes_nothing() {
    let (tg, _data, _bot) = setup(&[]).await;
    let dana = Person::new(&tg, 504, "Dana", Some("en"));
    let first = dana.start_scan().await;
    // The data of question 1's "Agreed", before the message turns into question 2.
    let old_data = first.button_data("3 · Agreed").unwrap().to_owned();
    assert_eq!(old_data, "a:quickscan:2:0:2");
    dana.answer_nth(THIRD).await;
    let second = dana.expect_question(2).await;
    assert_eq!(second.message_id, first.message_id);

    // A second tap on the same spot, still carrying question 1's data (a double tap, or
    // Telegram delivering a tap on the message as it was).
    let messages_before = dana.messages();
    let answer = dana.forge_tap_on(&second, &old_data, "stale-1").await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    dana.sync().await;
    let after = tg.message(dana.id(), second.message_id).unwrap();
    assert_eq!(after, second, "the question message is untouched");
    assert_eq!(dana.question_number(), Some(2));
    assert_eq!(dana.messages().len(), messages_before.len() + 1, "only the /help reply was added");

    // The stored state did not move: the next valid tap goes on to question 3.
    dana.answer_nth(THIRD).await;
    assert_eq!(dana.question_number(), Some(3));
    assert_within_telegram_limits(&tg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_on_an_older_question_message_offers_the_current_question_again() {
    let (tg, _data, _bot) = setup(&[]).await;
    let dana = Person::new(&tg, 505, "Dana", Some("en"));
    let old = dana.scan_to_question(2, THIRD).await;

    // Telegram refuses to take the buttons off the old message (too old to edit), so
    // when Dana types instead of tapping, question 2's buttons stay on the old message.
    tg.fail_next(
        "editMessageReplyMarkup",
        Some(dana.id()),
        FakeError::api(400, "Bad Request: message can't be edited"),
    );
    dana.say("hmm");
    dana.expect_text("Please answer with one of the choices.").await;
    let new = dana.expect_question(2).await;
    assert_ne!(new.message_id, old.message_id);
    dana.answer_nth(THIRD).await;
    assert_eq!(dana.question_number(), Some(3));
    let old = tg.message(dana.id(), old.message_id).unwrap();
    assert!(progress(old.body()) == Some((2, TOTAL)) && !old.keyboard.is_empty(), "{old:?}");

    // Dana scrolls up and taps "Ad hoc" on the old question 2.
    let query = tg.press_label(&dana.chat, old.message_id, "2 · Ad hoc");
    let answer = dana.callback_answer(&query).await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    let again = tg
        .wait_for_message(dana.id(), WAIT, |m| {
            m.message_id > new.message_id && progress(m.body()) == Some((3, TOTAL))
        })
        .await
        .unwrap();
    assert!(!again.keyboard.is_empty(), "question 3 is offered again as a new message");
    dana.sync().await;
    assert!(tg.message(dana.id(), old.message_id).unwrap().keyboard.is_empty(), "the stale buttons are gone");
    assert_eq!(dana.question_number(), Some(3));

    dana.answer_nth(THIRD).await;
    assert_eq!(dana.question_number(), Some(4), "the scan goes on where it was");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_of_a_finished_or_cancelled_scan_are_stale() {
    let (tg, _data, _bot) = setup(&[]).await;
    let emma = Person::new(&tg, 506, "Emma", Some("en"));
    let last = emma.scan_to_question(TOTAL, THIRD).await;
    let last_data = last.button_data("Policy").unwrap().to_owned();
    emma.answer_nth(0).await;
    emma.expect_snapshot("Done, thank you!", "Your snapshot").await;
    let done = tg.message(emma.id(), last.message_id).unwrap();

    let answer = emma.forge_tap_on(&done, &last_data, "after-done").await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    emma.sync().await;
    assert_eq!(tg.message(emma.id(), last.message_id).unwrap(), done, "the done message is untouched");
    assert!(emma.question_message().is_none(), "no question is offered after a finished scan");
    let responses = emma.messages().iter().filter(|m| m.photo.is_some()).count();
    assert_eq!(responses, 1, "the scan was not finished twice");

    // A new scan, cancelled: its buttons are stale too.
    let first = emma.start_scan().await;
    emma.confirm("/cancel", "The scan has stopped and its answers are deleted.").await;
    let cancelled = tg.message(emma.id(), first.message_id).unwrap();
    assert!(cancelled.keyboard.is_empty(), "cancelling takes the buttons off");
    let answer = emma.forge_tap_on(&cancelled, "a:2:0:2", "after-cancel").await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    emma.sync().await;
    assert!(emma.question_message().is_none());
    assert_within_telegram_limits(&tg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_failed_edit_a_tap_on_the_outdated_question_offers_the_current_one() {
    let (tg, _data, _bot) = setup(&[]).await;
    let sara = Person::new(&tg, 519, "Sara", Some("en"));
    let first = sara.start_scan().await;

    // Sara answers question 1, but Telegram fails to edit the message into question 2 (a
    // transient 502; a crash between storing the answer and editing has the same effect).
    tg.fail_next("editMessageText", Some(sara.id()), FakeError::api(502, "Bad Gateway"));
    let query = sara.tap_nth(THIRD);
    assert_eq!(sara.callback_answer(&query).await, None);
    tg.wait_until(WAIT, |tg| calls_for(tg, "editMessageText", sara.id()).iter().any(|c| c.error.is_some()))
        .await
        .unwrap();
    let shown = tg.message(sara.id(), first.message_id).unwrap();
    assert_eq!(progress(shown.body()), Some((1, TOTAL)), "the message still shows question 1");

    // Her answer was kept, so question 1's buttons are stale now. She taps one of them,
    // the only buttons she has: the bot says so, and must show her question 2.
    let query = sara.tap_nth(THIRD);
    let answer = sara.callback_answer(&query).await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    sara.expect_question(2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_back_command_reopens_the_previous_question() {
    let (tg, _data, _bot) = setup(&[]).await;
    let tom = Person::new(&tg, 520, "Tom", Some("en"));
    let third = tom.scan_to_question(3, THIRD).await;

    tom.say("/back");
    let second = tg
        .wait_for_message(tom.id(), WAIT, |m| {
            m.message_id > third.message_id && progress(m.body()) == Some((2, TOTAL))
        })
        .await
        .unwrap();
    assert_eq!(marked(&second), vec!["✓ 3 · Agreed"]);
    assert!(
        tg.message(tom.id(), third.message_id).unwrap().keyboard.is_empty(),
        "the old question lost its buttons"
    );

    tom.say("/back");
    tom.expect_question(1).await;
    tom.say("/back");
    tom.expect_text("This is the first question: there is nothing to go back to.").await;
    assert_eq!(tom.question_number(), Some(1));
    tom.answer_nth(THIRD).await;
    tom.answer_nth(THIRD).await;
    assert_eq!(tom.question_number(), Some(3));
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 5. Forged taps
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_button_data_changes_nothing() {
    let (tg, _data, _bot) = setup(&[]).await;
    let frank = Person::new(&tg, 507, "Frank", Some("en"));
    let question = frank.scan_to_question(2, THIRD).await;
    let before = frank.messages();

    let forged = [
        "a:2:1:99",      // the current question, a choice that does not exist
        "a:999:1:2",     // a flow version that does not exist
        "a:2:22:2",      // a later question
        "b:1:0",         // back from a question that is not current
        "b:999:1",       // back, wrong version
        "zzz",           // nonsense
        "l:de",          // a language we do not speak
        "a:2:1:2:extra", // too many fields
        "a:01:1:2",      // not the canonical encoding
        "a:2:1:٣",       // not ASCII digits
    ];
    for (i, data) in forged.iter().enumerate() {
        let query = format!("forged-{i}");
        let answer = frank.forge_tap_on(&question, data, &query).await;
        let text = answer.unwrap_or_else(|| panic!("{data:?} was answered without a notice"));
        assert!((1..=200).contains(&text.chars().count()), "{data:?}: {text:?}");
        assert!(
            text == "That button is no longer valid. Here is the current question."
                || text == "That is not one of the options. Please pick one below.",
            "{data:?}: {text:?}"
        );
    }
    frank.sync().await;
    let after = frank.messages();
    assert_eq!(after.len(), before.len() + 1, "only /help was answered with a message");
    assert_eq!(after[..before.len()], before[..], "no message changed");
    assert_eq!(frank.question_number(), Some(2));
    assert_eq!(answers_to(&tg, "forged-0").len(), 1, "each tap is answered exactly once");

    // Nothing changed the language either ("l:de" was refused).
    frank.answer_nth(THIRD).await;
    let third = frank.current_question();
    assert!(third.body().contains("Question 3 of about 23"));
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 6. Typing instead of tapping
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn free_text_during_a_scan_gets_a_hint_and_the_same_question() {
    let (tg, _data, _bot) = setup(&[]).await;
    let gina = Person::new(&tg, 508, "Gina", Some("nl"));
    let old = gina.scan_to_question(2, THIRD).await;

    gina.say("Ik denk iets tussen 2 en 3");
    let hint = gina.expect_text("Antwoord met een van de keuzes.").await;
    assert_eq!(progress(hint.body()), Some((2, TOTAL)), "the hint comes with the same question");
    assert!(hint.message_id > old.message_id, "as a new message, below the typed text");
    assert_eq!(gina.current_question().message_id, hint.message_id);
    assert!(
        tg.message(gina.id(), old.message_id).unwrap().keyboard.is_empty(),
        "the old keyboard is removed"
    );

    gina.answer_nth(THIRD).await;
    assert_eq!(gina.question_number(), Some(3));
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 7. Groups
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_the_bot_links_to_a_private_chat() {
    let (tg, _data, _bot) = setup(&[]).await;
    let hans = FakeUser::new(509, "Hans").with_language("en");
    let group = FakeChat::group(-100_509, "Team Digital", hans.clone());
    let link = "https://t.me/peilbot_test_bot?start=scan";

    tg.send_text(&group, "/scan");
    let reply = tg.wait_for_message(group.id(), WAIT, |m| m.body().contains(link)).await.unwrap();
    assert!(reply.body().contains("private chat"), "{:?}", reply.body());
    tg.send_text(&group, "/scan@peilbot_test_bot");
    tg.send_text(&group, "just chatting");
    tg.send_text(&group, "/start");
    tg.wait_until(WAIT, |tg| tg.messages(group.id()).len() >= 3).await.unwrap();
    let in_group = tg.messages(group.id());
    for message in &in_group {
        assert!(message.body().contains(link), "{message:?}");
        assert!(progress(message.body()).is_none(), "no question in the group: {message:?}");
        assert!(message.keyboard.is_empty(), "no buttons in the group: {message:?}");
    }

    // The link opens the private chat with "/start scan": the menu of scans.
    let private = Person::new(&tg, hans.id, "Hans", Some("en"));
    // First contact: the privacy notice, and the scan starts with Hans's own tap on Start,
    // which opens the menu of scans.
    let ready = private.ask("/start scan", "Tap \"Start\" when you are ready").await;
    assert!(private.question_message().is_none(), "no question before the tap");
    assert!(private.messages()[0].body().contains("Before you begin"), "the notice came first");
    let mark = private.mark();
    assert_eq!(private.press(ready.message_id, "s").await, None);
    let menu = private.expect_after(mark, "Which scan would you like to take?").await;
    let quick = menu.button_data("Digital maturity quick scan").expect("a button per scan").to_string();
    private.press(menu.message_id, &quick).await;
    let first = private.expect_question(1).await;
    assert!(first.body().contains("Digital maturity quick scan"), "{:?}", first.body());
    private.answer_nth(THIRD).await;

    // Only the three commands got a reply; plain group chatter is ignored.
    assert_eq!(tg.messages(group.id()).len(), 3, "{}", tg.dump());
    assert_within_telegram_limits(&tg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_commands_for_other_bots_are_left_alone() {
    let (tg, _data, _bot) = setup(&[]).await;
    let vera = FakeUser::new(522, "Vera").with_language("en");
    let group = FakeChat::supergroup(-100_522, "Team Digital", vera);
    tg.send_text(&group, "/help@other_bot");
    tg.send_text(&group, "/scan@PeilBot_Test_Bot");
    let reply = tg.wait_for_message(group.id(), WAIT, |m| m.body().contains("?start=scan")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(tg.messages(group.id()), vec![reply], "only the command for this bot is answered");
}

// ---------------------------------------------------------------------------
// 8. A crash in the middle of a scan
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_crash_the_scan_resumes_where_it_was() {
    let (tg, data, bot) = setup(&[]).await;
    let ilse = Person::new(&tg, 510, "Ilse", Some("en"));
    let before_crash = ilse.scan_to_question(6, THIRD).await;

    bot.kill(); // SIGKILL: no shutdown, no flush
    let _bot = PeilBot::start(&tg, &store(&data)).await;

    ilse.say("/scan quickscan");
    let resumed = ilse.expect_text("Welcome back: let's carry on where you left off.").await;
    assert_eq!(progress(resumed.body()), Some((6, TOTAL)), "{:?}", resumed.body());
    assert_eq!(ilse.question_number(), Some(6));
    assert!(tg.message(ilse.id(), before_crash.message_id).unwrap().keyboard.is_empty());

    ilse.answer_all(THIRD).await;
    let (snapshot, chart) = ilse.expect_snapshot("Done, thank you!", "Your snapshot").await;
    assert!(
        snapshot.contains("Overall index 3.0, the mean of your themes, so your overall level is Agreed."),
        "{snapshot}"
    );
    assert!(chart.photo.unwrap().is_png());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_from_before_a_restart_still_work() {
    let (tg, data, bot) = setup(&[]).await;
    let jan = Person::new(&tg, 511, "Jan", Some("nl"));
    jan.scan_to_question(3, THIRD).await;

    bot.kill();
    let _bot = PeilBot::start(&tg, &store(&data)).await;

    // Jan taps on the message he already had, without typing /scan.
    jan.answer_nth(THIRD).await;
    assert_eq!(jan.question_number(), Some(4));
}

// ---------------------------------------------------------------------------
// 9. An update delivered twice
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_delivered_twice_counts_once() {
    let (tg, data, bot) = setup(&[]).await;
    let kim = Person::new(&tg, 512, "Kim", Some("en"));
    let second = kim.scan_to_question(2, THIRD).await;

    // While the bot is down, Telegram holds the tap on question 2 and then delivers it
    // twice in one batch (it was never confirmed), with one update_id.
    bot.kill();
    let mut tap = kim.raw_tap(&second, second.button_data("3 · Agreed").unwrap(), "twice");
    let update_id = tg.push_raw(tap.clone());
    tap["update_id"] = json!(update_id);
    tg.push_raw(tap.clone());
    assert!(tg.pending_updates() >= 2);
    let bot = PeilBot::start(&tg, &store(&data)).await;

    kim.expect_question(3).await;
    kim.sync().await;
    assert_eq!(kim.question_number(), Some(3), "the question advanced by exactly one");
    assert_eq!(answers_to(&tg, "twice").len(), 1, "the second delivery was not handled at all");

    // Delivered again after another restart: still applied once (the store remembers).
    bot.kill();
    tg.push_raw(tap.clone());
    let _bot = PeilBot::start(&tg, &store(&data)).await;
    kim.sync().await;
    assert_eq!(kim.question_number(), Some(3));
    assert_eq!(answers_to(&tg, "twice").len(), 1);

    // And a typed command delivered twice gets one reply.
    let before = kim.messages().len();
    let mut help = json!({
        "message": {
            "message_id": 900, "date": 1_700_000_000,
            "from": { "id": kim.id(), "is_bot": false, "first_name": "Kim", "language_code": "en" },
            "chat": { "id": kim.id(), "type": "private", "first_name": "Kim" },
            "text": "/help",
            "entities": [{ "type": "bot_command", "offset": 0, "length": 5 }],
        }
    });
    let id = tg.push_raw(help.clone());
    help["update_id"] = json!(id);
    tg.push_raw(help);
    // A different command after it: once that is answered, both copies have been handled.
    kim.say("/snapshot");
    kim.expect_text("You have not completed a scan yet.").await;
    // Whether the copy comes in the same batch (skipped by the bot) or after the first
    // was confirmed (never delivered), the duplicated /help gets one reply.
    let helps = kim.messages()[before..].iter().filter(|m| m.body().starts_with("What I can do")).count();
    assert_eq!(helps, 1, "the duplicated /help was answered {helps} times\n{}", tg.dump());
}

// ---------------------------------------------------------------------------
// 10, 11. Rate limits and people who blocked the bot
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_message_is_waited_out_and_still_arrives() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lars = Person::new(&tg, 513, "Lars", Some("en"));

    tg.fail_next("sendMessage", Some(lars.id()), FakeError::RetryAfter(1));
    let asked = Instant::now();
    lars.start_scan().await;
    assert!(asked.elapsed() >= Duration::from_millis(900), "the bot waited as Telegram asked");
    let sends = calls_for(&tg, "sendMessage", lars.id());
    assert!(sends[0].error.as_deref().is_some_and(|e| e.contains("retry after 1")));
    assert!(sends[1..].iter().all(|send| send.error.is_none()), "one refused, then retried: {sends:#?}");
    assert_eq!(sends[0].params["text"], sends[1].params["text"], "the same message was retried");

    // The same for an edit (a tap) and for the snapshot's photo.
    tg.fail_next("editMessageText", Some(lars.id()), FakeError::RetryAfter(1));
    lars.answer_nth(THIRD).await;
    assert_eq!(lars.question_number(), Some(2));
    lars.answer_until(TOTAL, THIRD).await;
    tg.fail_next("sendPhoto", Some(lars.id()), FakeError::RetryAfter(1));
    lars.answer_nth(THIRD).await;
    let (_, chart) = lars.expect_snapshot("Done, thank you!", "Your snapshot").await;
    assert!(chart.photo.unwrap().is_png());
    assert_eq!(lars.messages().iter().filter(|m| m.photo.is_some()).count(), 1, "one chart, not two");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_who_blocked_the_bot_is_not_retried_and_others_are_served() {
    let (tg, _data, bot) = setup(&[]).await;
    let mia = Person::new(&tg, 514, "Mia", Some("en"));
    let noor = Person::new(&tg, 515, "Noor", Some("nl"));

    tg.block_chat(mia.id());
    mia.say("/scan quickscan");
    tg.wait_until(WAIT, |tg| !calls_for(tg, "sendMessage", mia.id()).is_empty()).await.unwrap();
    noor.start_scan().await;
    noor.answer_nth(THIRD).await;
    mia.say("/help");
    tg.wait_until(WAIT, |tg| calls_for(tg, "sendMessage", mia.id()).len() >= 2).await.unwrap();
    noor.sync().await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let sends = calls_for(&tg, "sendMessage", mia.id());
    assert_eq!(sends.len(), 2, "one attempt per message, no retries after a 403: {sends:#?}");
    assert!(sends.iter().all(|c| c.error.as_deref() == Some("Forbidden: bot was blocked by the user")));
    assert!(mia.messages().is_empty());
    assert_eq!(noor.question_number(), Some(2), "Noor was served all along");

    // Mia unblocks the bot and writes again: she is served.
    tg.unblock_chat(mia.id());
    let resumed = mia.start_scan().await;
    assert!(resumed.body().contains("Question 1 of about 23"));
    drop(bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_block_in_the_middle_of_a_scan_does_not_stop_the_bot() {
    let (tg, _data, _bot) = setup(&[]).await;
    let olaf = Person::new(&tg, 516, "Olaf", Some("en"));
    let piet = Person::new(&tg, 517, "Piet", Some("en"));
    olaf.start_scan().await;

    // Olaf taps, then blocks the bot before the question could be edited.
    tg.fail_next("editMessageText", Some(olaf.id()), FakeError::Blocked);
    let query = olaf.tap_nth(THIRD);
    olaf.callback_answer(&query).await;
    tg.wait_until(WAIT, |tg| calls_for(tg, "editMessageText", olaf.id()).iter().any(|c| c.error.is_some()))
        .await
        .unwrap();
    piet.start_scan().await;
    piet.sync().await;
    let edits = calls_for(&tg, "editMessageText", olaf.id());
    assert_eq!(edits.len(), 1, "the blocked edit was not retried: {edits:#?}");

    // The answer was kept: when Olaf comes back, he is at question 2.
    olaf.say("/scan quickscan");
    let resumed = olaf.expect_text("Welcome back").await;
    assert_eq!(progress(resumed.body()), Some((2, TOTAL)));
}

// ---------------------------------------------------------------------------
// 12. Commands
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_command_gets_the_help() {
    let (tg, _data, _bot) = setup(&[]).await;
    let rob = Person::new(&tg, 518, "Rob", Some("en"));
    rob.say("/frobnicate");
    let reply = rob.expect_text("I don't know that command.").await;
    assert!(reply.body().contains("/scan"), "{:?}", reply.body());

    let short = rob.ask("/help", "What I can do:").await;
    assert!(short.body().lines().count() <= 8, "a phone's screen: {}", short.body());
    assert_eq!(rob.press(short.message_id, "hh").await, None);
    // The whole help, in place of the short one or after it (the welcome names /cancel too).
    let help = tg
        .wait_for_message(rob.id(), WAIT, |m| {
            m.message_id >= short.message_id && m.body().contains("/cancel")
        })
        .await
        .expect("the whole help");
    for command in ["/scan", "/back", "/snapshot", "/language", "/settings", "/cancel", "/help"] {
        assert!(help.body().contains(command), "{command} missing from {:?}", help.body());
    }

    let mark = rob.mark();
    let welcome = rob.ask("/start", "Which language do you prefer?").await;
    let greeting = rob.expect_after(mark, "Hello! I am Peilbot.").await;
    assert!(greeting.body().contains("Before you begin"), "/start says what is kept: {}", greeting.body());
    assert_eq!(welcome.button_labels(), vec!["Nederlands", "Vlaams", "English", "Start"]);
    let data: Vec<&str> = welcome.buttons().map(|(_, d)| d.as_str()).collect();
    assert_eq!(data, vec!["l:nl", "l:nl-BE", "l:en", "s"]);
    let query = tg.press_label(&rob.chat, welcome.message_id, "Vlaams");
    rob.callback_answer(&query).await;
    rob.expect_text("Vanaf nu spreek ik Vlaams.").await;
    rob.say("/snapshot");
    rob.expect_text("Je hebt nog geen scan afgerond.").await;
    assert_within_telegram_limits(&tg);
}

// ---------------------------------------------------------------------------
// 13. Start-up
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_up_registers_commands_and_descriptions_per_language() {
    let (tg, _data, bot) = setup(&[]).await;
    bot.registered().await;
    assert_eq!(tg.calls()[0].method.to_ascii_lowercase(), "getme");

    let language = |call: &Call| call.params.get("language_code").and_then(Value::as_str).map(str::to_owned);
    let commands = tg.calls_to("setMyCommands");
    let codes: Vec<Option<String>> = commands.iter().map(language).collect();
    for code in [None, Some("nl".to_owned()), Some("en".to_owned())] {
        assert!(codes.contains(&code), "setMyCommands for {code:?}: {codes:?}");
    }
    for call in &commands {
        assert_eq!(call.error, None);
        let list = call.params["commands"].as_array().expect("a command list");
        assert!(!list.is_empty() && list.len() <= 100);
        let names: Vec<&str> = list.iter().filter_map(|c| c["command"].as_str()).collect();
        for required in ["start", "scan", "help", "settings", "language"] {
            assert!(names.contains(&required), "{required} missing for {:?}", language(call));
        }
        for command in list {
            let name = command["command"].as_str().unwrap();
            let description = command["description"].as_str().unwrap();
            assert!((1..=32).contains(&name.len()));
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{name}"
            );
            assert!((1..=256).contains(&description.chars().count()), "{description}");
        }
    }
    let dutch = commands.iter().find(|c| language(c).as_deref() == Some("nl")).unwrap();
    let scan = dutch.params["commands"].as_array().unwrap().iter().find(|c| c["command"] == "scan").unwrap();
    assert_eq!(scan["description"], "Een scan starten of verdergaan");

    for method in ["setMyDescription", "setMyShortDescription"] {
        let calls = tg.calls_to(method);
        let codes: Vec<Option<String>> = calls.iter().map(language).collect();
        assert!(
            codes.contains(&Some("nl".to_owned())) && codes.contains(&Some("en".to_owned())),
            "{method}: {codes:?}"
        );
        assert!(calls.iter().all(|c| c.error.is_none()));
    }
    let short = tg.calls_to("setMyShortDescription");
    let nl = short.iter().find(|c| language(c).as_deref() == Some("nl")).unwrap();
    assert!(nl.params["short_description"].as_str().unwrap().contains("AI-gereedheid"));
    let long = tg.calls_to("setMyDescription");
    let en = long.iter().find(|c| language(c).as_deref() == Some("en")).unwrap();
    assert!(en.params["description"].as_str().unwrap().starts_with("Peilbot takes staff"));
}

// ---------------------------------------------------------------------------
// 14. Tokens
// ---------------------------------------------------------------------------

/// Runs `serve` with `token` (or none) and returns (exit status, stderr).
fn serve_with_token(token: Option<&str>, api_url: &str) -> crate::support::bot::Exit {
    let data = tempfile::tempdir().unwrap();
    let mut command = serve_command(&data.path().join("store"));
    command.env("TELOXIDE_API_URL", api_url);
    if let Some(token) = token {
        command.env("TELOXIDE_TOKEN", token);
    }
    run_to_exit(command, WAIT)
}

fn assert_one_line_error(exit: &crate::support::bot::Exit, secret: Option<&str>) {
    assert!(!exit.status.success(), "serve must fail: {}", exit.stderr);
    let lines: Vec<&str> = exit.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line on stderr, got:\n{}", exit.stderr);
    if let Some(secret) = secret {
        assert!(!exit.stderr.contains(secret), "the token leaked: {}", exit.stderr);
    }
}

#[test]
fn serve_without_a_token_says_so_in_one_line() {
    let exit = serve_with_token(None, "http://127.0.0.1:9/");
    assert_one_line_error(&exit, None);
    assert!(exit.stderr.contains("TELOXIDE_TOKEN"), "{}", exit.stderr);

    let exit = serve_with_token(Some("   "), "http://127.0.0.1:9/");
    assert_one_line_error(&exit, None);
}

#[test]
fn serve_with_a_malformed_token_never_shows_it() {
    for token in ["not-a-token-SECRETVALUE", "123456:SECRET VALUE", "SECRETVALUE:123", "123456:SECRET/VALUE"]
    {
        let exit = serve_with_token(Some(token), "http://127.0.0.1:9/");
        assert_one_line_error(&exit, Some("SECRET"));
        assert!(exit.stderr.contains("TELOXIDE_TOKEN"), "{}", exit.stderr);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_with_a_refused_token_never_shows_it() {
    let tg = FakeTelegram::start().await;
    let token = "654321:RefusedSECRETvalue";
    let url = tg.url();
    let exit = tokio::task::spawn_blocking(move || serve_with_token(Some(token), &url)).await.unwrap();
    assert_one_line_error(&exit, Some("RefusedSECRET"));
    assert!(exit.stderr.to_lowercase().contains("token"), "{}", exit.stderr);
}

/// `serve` as [`serve_command`] runs it, but without `--no-throttle`, so the environment decides.
fn serve_with_no_throttle_env(value: &str) -> crate::support::bot::Exit {
    let data = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_peilbot"));
    command
        .arg("serve")
        .arg("--data")
        .arg(data.path().join("store"))
        .env_remove("PEILBOT_DATA")
        .env_remove("PEILBOT_WEBHOOK_SECRET")
        .env_remove("PEILBOT_ADMINS")
        .env_remove("PEILBOT_MIN_RESPONDENTS")
        .env("TELOXIDE_TOKEN", "654321:NoThrottleSECRETvalue")
        .env("TELOXIDE_API_URL", "http://127.0.0.1:9/")
        .env("PEILBOT_NO_THROTTLE", value)
        .env("LANG", "C")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    run_to_exit(command, WAIT)
}

#[test]
fn no_throttle_in_the_environment_takes_one_and_zero() {
    // Nothing listens on port 9: past the command line, serve stops at the unreachable API.
    for value in ["1", "0", "true", "false", "yes", "no", "on", "off"] {
        let exit = serve_with_no_throttle_env(value);
        assert_ne!(exit.status.code(), Some(2), "PEILBOT_NO_THROTTLE={value} refused: {}", exit.stderr);
        assert!(!exit.stderr.contains("invalid value"), "PEILBOT_NO_THROTTLE={value}: {}", exit.stderr);
        assert_one_line_error(&exit, Some("NoThrottleSECRET"));
    }
    // A value that means neither is a usage error, as before.
    let exit = serve_with_no_throttle_env("maybe");
    assert_eq!(exit.status.code(), Some(2), "{}", exit.stderr);
    assert!(exit.stderr.contains("invalid value"), "{}", exit.stderr);
}

#[test]
fn serve_with_an_unreachable_api_never_shows_the_token() {
    // Nothing listens on port 9 (discard) here: a network error, whose message names the URL.
    let token = "654321:UnreachableSECRETvalue";
    let exit = serve_with_token(Some(token), "http://127.0.0.1:9/");
    assert_one_line_error(&exit, Some("UnreachableSECRET"));
}

/// Only the confirmation the bot sent deletes anything: a forged "forget" button (without
/// the one-time code, or with another), or one from an older confirmation, deletes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_or_old_forget_button_deletes_nothing() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ida = Person::new(&tg, 531, "Ida", Some("en"));
    ida.start_scan().await;
    ida.answer_all(THIRD).await;
    ida.expect_text("Your snapshot").await;

    let answer = ida.forge_tap("f", "forged-forget-1").await;
    assert_eq!(answer.as_deref(), Some("That button is no longer valid. Here is the current question."));
    let old = ida.ask("/forget", "This deletes everything").await;
    let old_data = old.button_data("Delete my data").expect("a confirming button").to_owned();
    assert!(old_data.starts_with("f:") && old_data.len() == 2 + 22, "{old_data}");
    let forged = format!("f:{}", "A".repeat(22));
    assert!(ida.forge_tap_on(&old, &forged, "forged-forget-2").await.is_some(), "refused with a notice");
    // A second /forget makes the first confirmation old.
    ida.ask("/forget", "This deletes everything").await;
    assert!(ida.forge_tap_on(&old, &old_data, "old-forget").await.is_some(), "refused with a notice");

    let snapshot = ida.ask("/snapshot", "snapshot").await;
    assert!(snapshot.body().starts_with("Your snapshot"), "nothing was deleted: {}", snapshot.body());
}

/// A tap whose message claims someone else's chat is answered and changes nothing there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_claiming_another_persons_chat_changes_nothing_there() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ben = Person::new(&tg, 532, "Ben", Some("en"));
    let eve = Person::new(&tg, 533, "Eve", Some("en"));
    let question = ben.start_scan().await;
    let answer = question.buttons().nth(THIRD).map(|(_, data)| data.clone()).unwrap();
    // Eve's tap, carrying Ben's message and chat.
    let mut forged = FakeTelegram::tap_update(&ben.chat, &question, &answer, "eve-forged");
    forged["callback_query"]["from"] = eve.chat.user().to_json();
    tg.push_raw(forged);
    assert!(eve.callback_answer("eve-forged").await.is_some(), "answered, with a notice");
    ben.sync().await;
    assert_eq!(ben.question_number(), Some(1), "Ben's scan did not move");
    assert!(!tg.message(532, question.message_id).unwrap().keyboard.is_empty(), "Ben's buttons stay");
    assert!(eve.messages().is_empty(), "nothing went to Eve either");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_deletes_everything_after_a_confirming_tap() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lot = Person::new(&tg, 530, "Lot", Some("en"));
    lot.start_scan().await;
    lot.answer_all(THIRD).await;
    lot.expect_text("Your snapshot").await;
    lot.scan_to_question(4, THIRD).await;

    lot.say("/forget");
    let confirm = lot.expect_text("This deletes everything Peilbot keeps about you").await;
    let query = tg.press_label(&lot.chat, confirm.message_id, "Delete my data");
    assert_eq!(lot.callback_answer(&query).await, None);
    lot.expect_text("everything Peilbot kept about you is deleted").await;

    // No snapshot, no scan in progress, not even the record of the notice: a new /scan
    // meets Lot as for the first time, and starts at question 1 afresh.
    lot.say("/snapshot");
    lot.expect_text("You have not completed a scan yet.").await;
    let fresh = lot.start_scan().await;
    assert!(lot.messages().iter().filter(|m| m.body().contains("Before you begin")).count() == 2);
    assert!(!fresh.body().contains("Welcome back"), "{}", fresh.body());
}

/// A private message without a sender (an anonymous admin, a channel's post) is nobody's:
/// it is ignored like any update without a person, never answered with the groups text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_message_without_a_sender_is_ignored() {
    let (tg, _data, _bot) = setup(&[]).await;
    let chat = json!({"id": 7700, "type": "private", "first_name": "Nobody"});
    tg.push_raw(json!({"message": {"message_id": 1, "date": 0, "chat": chat, "text": "/scan"}}));
    // A person after it: once they are answered, the update before was handled too.
    let ann = Person::new(&tg, 7701, "Ann", Some("en"));
    ann.ask("/privacy", "How Peilbot handles your data").await;
    assert!(tg.messages(7700).is_empty(), "{:?}", tg.messages(7700));
}

/// A stale or forged tap is answered with the question as it stands, and the bot makes
/// no call Telegram would refuse: no edit to the text the message shows already ("message
/// is not modified"), and no buttons taken off a message that has none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_tap_makes_no_call_telegram_would_refuse() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ada = Person::new(&tg, 1400, "Ada", Some("en"));
    let first = ada.start_scan().await;
    let old_answer = first.keyboard[2][0].1.clone();
    ada.answer_nth(2).await;
    let before = tg.calls().iter().map(|call| call.seq).max().unwrap_or(0);

    // Question 1's answer again, on the message that now shows question 2; the same on the
    // welcome, which has no buttons; then data that decodes as nothing, on the old question
    // message as it is by then. Each tap carries the message as Telegram shows it.
    let taps = [
        (Some(first.message_id), old_answer.as_str(), "stale-1"),
        (None, old_answer.as_str(), "stale-2"),
        (Some(first.message_id), "zz:1", "forged-1"),
    ];
    for (message, data, query) in taps {
        let message = match message {
            Some(id) => tg.message(ada.id(), id).expect("the question message"),
            None => {
                ada.messages().into_iter().find(|m| m.keyboard.is_empty()).expect("a message without buttons")
            }
        };
        let answer = ada.forge_tap_on(&message, data, query).await;
        assert!(answer.is_some_and(|text| text.contains("no longer")), "{query} answered with a notice");
        // The bot answers the query before it edits the message: the next tap is on the
        // message as the bot left it, not as it was a moment before.
        let mut calls = tg.calls().len();
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = tg.calls().len();
            if now == calls {
                break;
            }
            calls = now;
        }
    }
    // The fake refuses answers to queries it did not issue itself (these were pushed raw).
    let refused: Vec<Call> = tg
        .calls()
        .into_iter()
        .filter(|call| call.seq > before && call.error.is_some() && call.method != "AnswerCallbackQuery")
        .collect();
    assert!(refused.is_empty(), "calls Telegram refused: {refused:#?}\n{}", tg.dump());
    assert_eq!(ada.progress().map(|(n, _)| n), Some(2), "still at question 2");
}

/// Under the snapshot, "What each level looks like" answers with each theme's level and
/// the one above it, in the scan's own words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_snapshot_offers_what_each_level_looks_like() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ada = Person::new(&tg, 1500, "Ada", Some("en"));
    ada.start_scan().await;
    ada.answer_all(2).await;
    let snapshot = ada.expect_text("Your snapshot").await;
    let data = snapshot
        .button_data("What each level looks like")
        .expect("the button under the snapshot")
        .to_string();
    let mark = ada.mark();
    assert_eq!(ada.press(snapshot.message_id, &data).await, None);
    let levels = ada.expect_after(mark, "What each level looks like").await;
    let level_a_3 = crate::support::binary::message("en", "level-a-3");
    let level_a_4 = crate::support::binary::message("en", "level-a-4");
    assert!(levels.body().contains(&format!("Where you are (3 · Agreed): {level_a_3}")), "{}", levels.body());
    assert!(
        levels.body().contains(&format!("The next level (4 · Embedded): {level_a_4}")),
        "{}",
        levels.body()
    );
}
