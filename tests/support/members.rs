//! People in private chats with the real bot, for the team stories (`tests/teams.rs`,
//! `tests/anonymity.rs`): a fake Telegram, a data folder and the bot, and people who
//! join teams and finish scans with one tap per question.
//!
//! Members finish scans quickly with [`complete_scan`]: member k taps the same level on
//! every item and the same ambition on every ambition question, so each of their seven
//! dimension scores equals that level and the team medians and quartiles can be worked
//! out by hand (quartiles as QUARTILE.INC: rank (n - 1) p, linear interpolation).

#![allow(dead_code)]

use std::time::Duration;

use serde_json::Value;

use super::bot::PeilBot;
use super::fake_telegram::*;

/// Generous, so a loaded machine does not fail the suite; a passing test waits far less.
pub const WAIT: Duration = Duration::from_secs(20);

/// Choice indexes (0-based) on a scale question: level n is index n - 1.
pub const L1: usize = 0;
pub const L2: usize = 1;
pub const L3: usize = 2;
pub const L4: usize = 3;
pub const L5: usize = 4;
pub const DONT_KNOW: usize = 5;
/// The first role, "Policy".
pub const POLICY: usize = 0;

pub const LINK_PREFIX: &str = "https://t.me/peilbot_test_bot?start=";
pub const INVALID_LINK: &str = "This link is not valid (any more).";
pub const NOT_LEAD: &str = "Only a team lead can do that.";
pub const DIMENSIONS: [&str; 7] = [
    "A Vision & leadership",
    "B Data-driven work",
    "C Citizen-centred & inclusive",
    "D Public values",
    "E AI readiness",
    "F Skills",
    "G Culture & collaboration",
];

// ---------------------------------------------------------------------------
// The bot process
// ---------------------------------------------------------------------------

/// A fake Telegram, a fresh data folder and the bot running on both with `env`.
pub async fn setup(env: &[(&str, &str)]) -> (FakeTelegram, tempfile::TempDir, PeilBot) {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().expect("temp dir");
    let bot = PeilBot::start_with(&tg, &data.path().join("store"), env).await;
    (tg, data, bot)
}

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

/// A person in a private chat with the bot.
#[derive(Clone)]
pub struct Person {
    pub tg: FakeTelegram,
    pub chat: FakeChat,
}

impl Person {
    pub fn new(tg: &FakeTelegram, id: i64, name: &str) -> Person {
        Person::speaking(tg, id, name, "en")
    }

    pub fn speaking(tg: &FakeTelegram, id: i64, name: &str, language_code: &str) -> Person {
        Person { tg: tg.clone(), chat: FakeChat::private(id, name, Some(language_code)) }
    }

    pub fn id(&self) -> i64 {
        self.chat.id()
    }

    pub fn say(&self, text: &str) {
        self.tg.send_text(&self.chat, text);
    }

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

    /// Says `text` and waits for the team result: its text and its chart.
    pub async fn team_result(&self, text: &str) -> (String, SentMessage) {
        let mark = self.mark();
        self.say(text);
        self.expect_result_after(mark).await
    }

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

    /// Taps `data` on bot message `message_id` and waits for the bot to answer the tap;
    /// returns the answer's notice text, if any.
    pub async fn press(&self, message_id: i32, data: &str) -> Option<String> {
        let query = self.tg.press(&self.chat, message_id, data);
        self.callback_answer(&query).await
    }

    /// Pushes a tap on `data` that no message of ours shows (forged), on the newest bot
    /// message, and waits for the bot's answer to it.
    pub async fn forge_tap(&self, data: &str, query_id: &str) -> Option<String> {
        let message = self.messages().into_iter().last().expect("the bot said something before");
        self.tg.push_raw(FakeTelegram::tap_update(&self.chat, &message, data, query_id));
        self.callback_answer(query_id).await
    }

    pub async fn callback_answer(&self, query_id: &str) -> Option<String> {
        let answers = |tg: &FakeTelegram| {
            tg.calls_to("answerCallbackQuery")
                .into_iter()
                .filter(|c| c.params.get("callback_query_id").and_then(Value::as_str) == Some(query_id))
                .collect::<Vec<_>>()
        };
        self.tg
            .wait_until(WAIT, |tg| !answers(tg).is_empty())
            .await
            .unwrap_or_else(|err| panic!("query {query_id} was never answered: {err:?}"));
        answers(&self.tg)[0].params.get("text").and_then(Value::as_str).map(str::to_owned)
    }
}

/// The English label of a level of a dimension, on the scale its items are asked on:
/// F (skills) has its own.
pub fn level_name(dimension: &str, level: usize) -> &'static str {
    let organisation = ["Not started", "Ad hoc", "Agreed", "Embedded", "Leading"];
    let skill = ["I need help", "Basic", "Independent", "Advanced", "I teach others"];
    if dimension.starts_with('F') { skill[level - 1] } else { organisation[level - 1] }
}

/// Parses "Question N of M" from a question text.
pub fn progress(text: &str) -> Option<(usize, usize)> {
    text.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Question" | "Vraag", n, "of" | "van", m, ..] => Some((n.parse().ok()?, m.parse().ok()?)),
            _ => None,
        }
    })
}

/// The answer buttons' data of a question message (no back button).
pub fn answer_data(message: &SentMessage) -> Vec<String> {
    message.buttons().filter(|(_, data)| data.starts_with("a:")).map(|(_, data)| data.clone()).collect()
}

/// `/scan` and a tap per question: `level` on every item, `ambition` on every ambition
/// question (both choice indexes, level n = n - 1, 5 = don't know), the first role.
pub async fn complete_scan(person: &Person, level: usize, ambition: usize) {
    complete_scan_as(person, level, ambition, POLICY).await;
}

pub async fn complete_scan_as(person: &Person, level: usize, ambition: usize, role: usize) {
    let mark = person.mark();
    person.say("/scan");
    let first = person
        .tg
        .wait_for_message(person.id(), WAIT, |m| {
            m.message_id > mark
                && progress(m.body()).is_some_and(|(n, _)| n == 1)
                && !answer_data(m).is_empty()
        })
        .await
        .unwrap_or_else(|err| panic!("/scan did not show question 1: {err:?}"));
    let id = first.message_id;
    let mut message = first;
    loop {
        let (n, total) = progress(message.body()).expect("a question");
        let choices = answer_data(&message);
        let body = message.body().to_lowercase();
        let index = if choices.len() == 5 {
            role
        } else if body.contains("realistically be in 2 years") || body.contains("over 2 jaar realistisch") {
            ambition
        } else {
            level
        };
        let notice = person.press(id, &choices[index]).await;
        assert_eq!(notice, None, "a valid tap is answered without a notice");
        let mut next = None;
        person
            .tg
            .wait_until(WAIT, |tg| {
                next = tg.message(person.id(), id).filter(|m| {
                    if n == total {
                        m.keyboard.is_empty()
                    } else {
                        progress(m.body()).is_some_and(|(next, _)| next == n + 1)
                    }
                });
                next.is_some()
            })
            .await
            .unwrap_or_else(|err| panic!("question {n} of {total} was not followed: {err:?}"));
        if n == total {
            // The snapshot's chart comes last: after it, the bot is done with this scan.
            person
                .tg
                .wait_for_message(person.id(), WAIT, |m| m.message_id > id && m.photo.is_some())
                .await
                .unwrap_or_else(|err| panic!("no snapshot chart after the scan: {err:?}"));
            return;
        }
        message = next.expect("found");
    }
}

/// People finish their scans one after the other: `(person, level, ambition)`. (At the
/// same time is no faster: the bot renders each snapshot chart.)
pub async fn complete_scans(scans: &[(&Person, usize, usize)]) {
    for (person, level, ambition) in scans {
        complete_scan(person, *level, *ambition).await;
    }
}

/// `/newteam NAME` by `lead`; returns the invite code of the link it gets.
pub async fn new_team(lead: &Person, name: &str) -> String {
    let created = lead.ask(&format!("/newteam {name}"), &format!("\"{name}\"")).await;
    link_code(created.body(), "join_")
}

/// The code of the first deep link with `kind` ("join_", "lead_") in `text`.
pub fn link_code(text: &str, kind: &str) -> String {
    let prefix = format!("{LINK_PREFIX}{kind}");
    let start = text.find(&prefix).unwrap_or_else(|| panic!("no {prefix} link in {text:?}")) + prefix.len();
    let code: String =
        text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    assert_eq!(code.len(), 22, "128 random bits in base64url: {code:?} in {text:?}");
    code
}

/// Opens the invite link, confirms, and waits for the welcome.
pub async fn join(member: &Person, code: &str) {
    let confirm = member.ask(&format!("/start join_{code}"), "Do you want to join the team").await;
    let data = format!("j:{code}");
    assert_eq!(confirm.button_data("Join the team"), Some(data.as_str()));
    assert_eq!(member.press(confirm.message_id, &data).await, None);
    member
        .tg
        .wait_until(WAIT, |tg| {
            tg.message(member.id(), confirm.message_id).is_some_and(|m| m.body().starts_with("Welcome to"))
        })
        .await
        .expect("the confirmation turns into a welcome");
}

/// Makes a team of `lead` with `members` (joined in order); returns the invite code.
pub async fn team_with(lead: &Person, name: &str, members: &[&Person]) -> String {
    let code = new_team(lead, name).await;
    for member in members {
        join(member, &code).await;
    }
    code
}

/// The lines of a team result after its title (and the "updated once" note): what the
/// numbers say, to compare two views of the same round.
pub fn numbers(result: &str) -> String {
    result.split_once("\n\n").map(|(_, rest)| rest.to_owned()).unwrap_or_default()
}

/// The two lines of one dimension in a team result.
pub fn dimension_lines(result: &str, dimension: &str) -> (String, String) {
    let lines: Vec<&str> = result.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&format!("{dimension}:")))
        .unwrap_or_else(|| panic!("no line for {dimension} in:\n{result}"));
    (lines[at].to_owned(), lines.get(at + 1).copied().unwrap_or_default().trim().to_owned())
}

/// The nudges a person got.
pub fn nudges(person: &Person) -> Vec<SentMessage> {
    person.messages().into_iter().filter(|m| m.body().starts_with("A reminder from your team")).collect()
}
/// The decimal numbers ("3.0", "-0.5") in the dimension lines of a team result.
pub fn dimension_numbers(result: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    for dimension in DIMENSIONS {
        let (line, details) = dimension_lines(result, dimension);
        for word in format!("{line} {details}").split([' ', ',', ':', '(', ')', '%']) {
            if word.contains('.')
                && word.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.')
            {
                numbers.push(word.to_owned());
            }
        }
    }
    numbers
}

/// Waits until the bot has answered everything `person` sent so far (updates of one chat
/// are handled in order), by asking for /teams.
pub async fn settle(person: &Person) {
    let mark = person.mark();
    person.say("/teams");
    person
        .tg
        .wait_for_message(person.id(), WAIT, |m| {
            m.message_id > mark
                && (m.body().starts_with("Your teams:") || m.body().starts_with("You are not in"))
        })
        .await
        .expect("/teams is answered");
}

/// `/export` by a lead: the three documents (CSV, xlsx, JSON), in the order sent.
pub async fn export_documents(tg: &FakeTelegram, lead: &Person) -> Vec<SentMessage> {
    let mark = lead.mark();
    lead.say("/export");
    let documents = || lead.since(mark).into_iter().filter(|msg| msg.document.is_some());
    tg.wait_until(WAIT, |_| documents().count() == 3).await.expect("three documents");
    documents().collect()
}

/// The rows of a CSV export (without the header), for Dutch Excel: BOM, `;`.
pub fn csv_rows(document: &SentMessage) -> Vec<Vec<String>> {
    let data = &document.document.as_ref().expect("a document").data;
    let text = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect()).collect()
}
