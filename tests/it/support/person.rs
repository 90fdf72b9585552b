//! A person in a private chat with the real bot (`peilbot serve` against a
//! [`FakeTelegram`]), as the Telegram stories tell it:
//!
//! ```ignore
//! let anna = Person::new(&tg, 4242, "Anna", Some("nl")); // the Telegram app's language
//! anna.say("/scan");
//! anna.expect_question(1).await; // waits for the bot
//! anna.answer_until(4, THIRD).await; // one tap per question, each answered by the bot
//! let query = anna.tap("« Back"); // a tap on the question in front of her
//! let reply = anna.ask("/team", "members have finished").await; // says, waits for a new reply
//! ```
//!
//! Waiting always has a deadline ([`WAIT`]); a person who waits in vain fails the test
//! with a dump of the fake's state.

// Each test binary uses only part of this module.
#![allow(dead_code)]

use serde_json::Value;

use super::fake_telegram::{Call, FakeChat, FakeTelegram, SentMessage};
use super::{WAIT, progress};

/// A person in a private chat with the bot.
#[derive(Clone)]
pub struct Person {
    pub tg: FakeTelegram,
    pub chat: FakeChat,
}

impl Person {
    /// Person `id` called `name`, whose Telegram app is set to `language_code` (if any).
    pub fn new(tg: &FakeTelegram, id: i64, name: &str, language_code: Option<&str>) -> Person {
        Person { tg: tg.clone(), chat: FakeChat::private(id, name, language_code) }
    }

    pub fn id(&self) -> i64 {
        self.chat.id()
    }

    // -- saying and reading -------------------------------------------------

    /// Types a message (a command or free text). Returns the update id.
    pub fn say(&self, text: &str) -> i64 {
        self.tg.send_text(&self.chat, text)
    }

    /// Every bot message in this chat, in its current state, oldest first.
    pub fn messages(&self) -> Vec<SentMessage> {
        self.tg.messages(self.id())
    }

    /// The id of the newest bot message so far (0 when there is none): anything the bot
    /// says from now on has a higher id.
    pub fn mark(&self) -> i32 {
        self.messages().iter().map(|m| m.message_id).max().unwrap_or(0)
    }

    /// Bot messages sent after `mark`, oldest first.
    pub fn since(&self, mark: i32) -> Vec<SentMessage> {
        self.messages().into_iter().filter(|m| m.message_id > mark).collect()
    }

    /// Waits for a bot message containing `needle`, and returns the newest such one.
    pub async fn expect_text(&self, needle: &str) -> SentMessage {
        self.tg
            .wait_for_message(self.id(), WAIT, |m| m.body().contains(needle))
            .await
            .unwrap_or_else(|err| panic!("no message containing {needle:?}: {err:?}"))
    }

    /// Waits for a bot message newer than `mark` that contains `needle`.
    pub async fn expect_after(&self, mark: i32, needle: &str) -> SentMessage {
        self.tg
            .wait_for_message(self.id(), WAIT, |m| m.message_id > mark && m.body().contains(needle))
            .await
            .unwrap_or_else(|err| panic!("no new message containing {needle:?}: {err:?}"))
    }

    /// Says `text` and waits for a new bot message containing `needle`.
    pub async fn ask(&self, text: &str, needle: &str) -> SentMessage {
        let mark = self.mark();
        self.say(text);
        self.expect_after(mark, needle).await
    }

    /// Says a command that asks first (`/cancel`, `/newround`, `/leave`), waits for the
    /// question (a message with a "yes" button), taps "yes", and waits for a new bot
    /// message containing `needle`. Returns (the question, the reply).
    pub async fn confirm(&self, text: &str, needle: &str) -> (SentMessage, SentMessage) {
        let mark = self.mark();
        self.say(text);
        let is_yes = |data: &str| ["x:", "y:", "w:"].iter().any(|yes| data.starts_with(yes));
        let question = self
            .tg
            .wait_for_message(self.id(), WAIT, |m| m.message_id > mark && m.buttons().any(|(_, d)| is_yes(d)))
            .await
            .unwrap_or_else(|err| panic!("{text} asked nothing: {err:?}"));
        let yes = question.buttons().find(|(_, d)| is_yes(d)).map(|(_, d)| d.clone()).expect("a yes");
        let mark = self.mark();
        assert_eq!(self.press(question.message_id, &yes).await, None, "yes is answered without a notice");
        let reply = self
            .tg
            .wait_for_message(self.id(), WAIT, |m| {
                (m.message_id > mark || m.message_id == question.message_id) && m.body().contains(needle)
            })
            .await
            .unwrap_or_else(|err| panic!("no message containing {needle:?} after yes: {err:?}"));
        (question, reply)
    }

    /// `/language`, a tap on the menu's button with `data` ("l:nl"), and waits for the
    /// menu to say so (`done`: "Vanaf nu spreek ik Nederlands.").
    pub async fn switch_language(&self, data: &str, done: &str) {
        let mark = self.mark();
        self.say("/language");
        let menu = self
            .tg
            .wait_for_message(self.id(), WAIT, |m| m.message_id > mark && m.buttons().any(|(_, d)| d == data))
            .await
            .unwrap_or_else(|err| panic!("no language menu with {data:?}: {err:?}"));
        self.press(menu.message_id, data).await;
        self.expect_text(done).await;
    }

    /// Sends `/help` and waits for its reply: updates of one chat are handled in order, so
    /// once this is answered, everything sent before it has been handled.
    pub async fn sync(&self) {
        self.ask("/help", "/scan ").await;
    }

    // -- the question in front of them ----------------------------------------

    /// The message that shows the question to answer now: the newest one with answer
    /// buttons (older question messages lose theirs).
    pub fn question_message(&self) -> Option<SentMessage> {
        self.messages().into_iter().rev().find(|m| !answer_data(m).is_empty())
    }

    /// "Question N of M" of the current question, if one is shown.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.question_message().and_then(|m| progress(m.body()))
    }

    pub fn question_number(&self) -> Option<usize> {
        self.progress().map(|(n, _)| n)
    }

    pub fn current_question(&self) -> SentMessage {
        self.question_message().unwrap_or_else(|| panic!("no question is shown\n{}", self.tg.dump()))
    }

    /// Waits until the current question is number `n`, and returns its message.
    pub async fn expect_question(&self, n: usize) -> SentMessage {
        let mut found = None;
        self.tg
            .wait_until(WAIT, |_| {
                found = self.question_message().filter(|m| progress(m.body()).map(|(p, _)| p) == Some(n));
                found.is_some()
            })
            .await
            .unwrap_or_else(|err| panic!("question {n} never became current: {err:?}"));
        found.expect("found")
    }

    // -- tapping ----------------------------------------------------------------

    /// Taps the button labelled `label` on the current question. Returns the query id.
    pub fn tap(&self, label: &str) -> String {
        let message = self.current_question();
        self.tg.press_label(&self.chat, message.message_id, label)
    }

    /// Taps the `index`-th button (0-based) on the current question. Returns the query id.
    pub fn tap_nth(&self, index: usize) -> String {
        let message = self.current_question();
        let data = message
            .buttons()
            .nth(index)
            .map(|(_, data)| data.clone())
            .unwrap_or_else(|| panic!("no button {index} on {message:?}"));
        self.tg.press(&self.chat, message.message_id, &data)
    }

    /// Taps `data` on bot message `message_id` and waits for the bot to answer the tap;
    /// returns the answer's notice text, if any.
    pub async fn press(&self, message_id: i32, data: &str) -> Option<String> {
        let query = self.tg.press(&self.chat, message_id, data);
        self.callback_answer(&query).await
    }

    /// A tap on `data` under `message` as Telegram would deliver it, but to be pushed raw
    /// ([`FakeTelegram::push_raw`]): for buttons the message no longer shows (a stale or
    /// forged tap). Returns the update.
    pub fn raw_tap(&self, message: &SentMessage, data: &str, query_id: &str) -> Value {
        FakeTelegram::tap_update(&self.chat, message, data, query_id)
    }

    /// Pushes a tap on `data` under `message` that the message need not show (stale or
    /// forged), and waits for the bot's answer to it.
    pub async fn forge_tap_on(&self, message: &SentMessage, data: &str, query_id: &str) -> Option<String> {
        self.tg.push_raw(self.raw_tap(message, data, query_id));
        self.callback_answer(query_id).await
    }

    /// [`Person::forge_tap_on`] the newest bot message.
    pub async fn forge_tap(&self, data: &str, query_id: &str) -> Option<String> {
        let message = self.messages().into_iter().last().expect("the bot said something before");
        self.forge_tap_on(&message, data, query_id).await
    }

    /// Waits for the bot to answer callback query `query_id` and returns the answer's
    /// text (`None`: answered without text). Works for queries the fake did not issue
    /// too (pushed raw): the bot's call is what counts, whatever the fake replied.
    pub async fn callback_answer(&self, query_id: &str) -> Option<String> {
        self.tg
            .wait_until(WAIT, |tg| !answers_to(tg, query_id).is_empty())
            .await
            .unwrap_or_else(|err| panic!("query {query_id} was never answered: {err:?}"));
        answers_to(&self.tg, query_id)[0].params.get("text").and_then(Value::as_str).map(str::to_owned)
    }

    // -- a scan -------------------------------------------------------------------

    /// `/scan quickscan`, and at first contact the tap on "Start" under the privacy notice
    /// that it gets then; returns question 1.
    pub async fn start_scan(&self) -> SentMessage {
        self.start_flow("quickscan").await
    }

    /// `/scan ID`, and at first contact the tap on "Start"; returns question 1.
    pub async fn start_flow(&self, flow: &str) -> SentMessage {
        let mark = self.mark();
        self.say(&format!("/scan {flow}"));
        let start_data = format!("s:{flow}");
        let mut start = None;
        self.tg
            .wait_until(WAIT, |_| {
                let new = self.since(mark);
                start = new.iter().find(|m| m.buttons().any(|(_, data)| *data == start_data)).cloned();
                start.is_some() || new.iter().any(|m| !answer_data(m).is_empty())
            })
            .await
            .unwrap_or_else(|err| panic!("/scan {flow} showed neither question 1 nor Start: {err:?}"));
        if let Some(start) = start {
            self.press(start.message_id, &start_data).await;
        }
        self.expect_question(1).await
    }

    /// Answers the current question with the `index`-th choice and waits for the next one
    /// (or, for the last question, returns at once).
    pub async fn answer_nth(&self, index: usize) {
        let (n, total) =
            self.progress().unwrap_or_else(|| panic!("no question is shown\n{}", self.tg.dump()));
        let query = self.tap_nth(index);
        assert_eq!(self.callback_answer(&query).await, None, "a valid tap is answered without a notice");
        if n < total {
            self.expect_question(n + 1).await;
        }
    }

    /// Answers every question from the current one to the last with the `index`-th choice.
    pub async fn answer_all(&self, index: usize) {
        while let Some((n, total)) = self.progress() {
            self.answer_nth(index).await;
            if n == total {
                return;
            }
        }
    }

    /// Answers with the `index`-th choice until question `n` is current.
    pub async fn answer_until(&self, n: usize, index: usize) {
        while self.question_number().expect("a question is shown") < n {
            self.answer_nth(index).await;
        }
        assert_eq!(self.question_number(), Some(n));
    }

    /// Starts the quick scan and answers with the `index`-th choice until question `n` is
    /// current; returns its message.
    pub async fn scan_to_question(&self, n: usize, index: usize) -> SentMessage {
        self.start_scan().await;
        self.answer_until(n, index).await;
        self.current_question()
    }

    /// Waits for the end of a scan: the question message turned into `done`, then the
    /// snapshot text and the chart. Returns (snapshot text, chart message).
    pub async fn expect_snapshot(&self, done: &str, title: &str) -> (String, SentMessage) {
        self.expect_text(done).await;
        let chart = self
            .tg
            .wait_for_message(self.id(), WAIT, |m| m.photo.is_some())
            .await
            .unwrap_or_else(|err| panic!("no chart photo: {err:?}"));
        let text = self.expect_text(title).await;
        (text.body().to_owned(), chart)
    }

    // -- a team result ----------------------------------------------------------

    /// Says `text` and waits for the team result: its text and its chart.
    pub async fn team_result(&self, text: &str) -> (String, SentMessage) {
        let mark = self.mark();
        self.say(text);
        self.expect_result_after(mark).await
    }

    /// Waits for a team result newer than `mark`: its text and its chart.
    pub async fn expect_result_after(&self, mark: i32) -> (String, SentMessage) {
        let chart = self
            .tg
            .wait_for_message(self.id(), WAIT, |m| m.message_id > mark && m.photo.is_some())
            .await
            .unwrap_or_else(|err| panic!("no team chart: {err:?}"));
        let text = self
            .since(mark)
            .into_iter()
            .find(|m| m.body().starts_with("Team \""))
            .unwrap_or_else(|| panic!("no team result text before the chart\n{}", self.tg.dump()));
        (text.body().to_owned(), chart)
    }
}

/// The answer buttons' data of a question message (no back button).
pub fn answer_data(message: &SentMessage) -> Vec<String> {
    message.buttons().filter(|(_, data)| data.starts_with("a:")).map(|(_, data)| data.clone()).collect()
}

/// The bot's `answerCallbackQuery` calls for one query id.
pub fn answers_to(tg: &FakeTelegram, query_id: &str) -> Vec<Call> {
    tg.calls_to("answerCallbackQuery")
        .into_iter()
        .filter(|c| c.params.get("callback_query_id").and_then(Value::as_str) == Some(query_id))
        .collect()
}
