//! People in teams, for the team stories (`tests/teams.rs`, `tests/lead.rs`,
//! `tests/anonymity.rs`): teams made and joined through their invite links, scans finished
//! with one tap per question, a team after a first round, and readers for team results and
//! exports.
//!
//! Members finish scans quickly with [`complete_scan`]: member k taps the same level on
//! every item and the same ambition on every ambition question, so each of their seven
//! dimension scores equals that level and the team medians and quartiles can be worked
//! out by hand (quartiles as QUARTILE.INC: rank (n - 1) p, linear interpolation).

// Each test binary uses only part of this module.
#![allow(dead_code)]

use super::WAIT;
use super::fake_telegram::{FakeTelegram, SentMessage};
use super::person::{Person, answer_data};

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

/// `count` people whose Telegram speaks English, called `{name}1`, `{name}2`, ... with
/// ids `first_id + 1`, `first_id + 2`, ...
pub fn people(tg: &FakeTelegram, first_id: i64, name: &str, count: i64) -> Vec<Person> {
    (1..=count).map(|k| Person::new(tg, first_id + k, &format!("{name}{k}"), Some("en"))).collect()
}

/// The English label of a level of a dimension, on the scale its items are asked on:
/// F (skills) has its own.
pub fn level_name(dimension: &str, level: usize) -> &'static str {
    let organisation = ["Not started", "Ad hoc", "Agreed", "Embedded", "Leading"];
    let skill = ["I need help", "Basic", "Independent", "Advanced", "I teach others"];
    if dimension.starts_with('F') { skill[level - 1] } else { organisation[level - 1] }
}

/// `/scan` and a tap per question: `level` on every item, `ambition` on every ambition
/// question (both choice indexes, level n = n - 1, 5 = don't know), the first role.
pub async fn complete_scan(person: &Person, level: usize, ambition: usize) {
    complete_scan_as(person, level, ambition, POLICY).await;
}

/// Like [`complete_scan`], with the `role` (a choice index) on the role question.
pub async fn complete_scan_as(person: &Person, level: usize, ambition: usize, role: usize) {
    complete_flow(person, "quickscan", level, ambition, role).await;
}

/// Like [`complete_scan_as`], for the flow with this id (`/scan ID`).
pub async fn complete_flow(person: &Person, flow: &str, level: usize, ambition: usize, role: usize) {
    complete_scan_with(person, flow, role, |_, is_ambition| if is_ambition { ambition } else { level }).await;
}

/// Like [`complete_scan`], per theme: `levels[d]` on every item of theme `d` and
/// `ambitions[d]` on its ambition question (choice indexes, in the order of
/// [`DIMENSIONS`]), the first role.
pub async fn complete_scan_by_theme(person: &Person, levels: [usize; 7], ambitions: [usize; 7]) {
    complete_scan_with(person, "quickscan", POLICY, |body, is_ambition| {
        let theme = DIMENSIONS
            .iter()
            .position(|name| body.contains(name))
            .unwrap_or_else(|| panic!("no theme named in {body:?}"));
        if is_ambition { ambitions[theme] } else { levels[theme] }
    })
    .await;
}

/// `/scan FLOW` and a tap per question: `role` on the role question, otherwise what
/// `choose` says for the question's text and whether it asks for an ambition.
async fn complete_scan_with(person: &Person, flow: &str, role: usize, choose: impl Fn(&str, bool) -> usize) {
    let mark = person.mark();
    person.start_flow(flow).await;
    while let Some((n, total)) = person.progress() {
        let question = person.current_question();
        let body = question.body().to_lowercase();
        let index = if answer_data(&question).len() == 5 {
            role
        } else {
            let ambition =
                body.contains("realistically be in 2 years") || body.contains("over 2 jaar realistisch");
            choose(question.body(), ambition)
        };
        person.answer_nth(index).await;
        if n == total {
            break;
        }
    }
    // The snapshot's chart comes last: after it, the bot is done with this scan.
    person
        .tg
        .wait_for_message(person.id(), WAIT, |m| m.message_id > mark && m.photo.is_some())
        .await
        .unwrap_or_else(|err| panic!("no snapshot chart after the scan: {err:?}"));
}

/// People finish their scans one after the other: `(person, level, ambition)`. (At the
/// same time is no faster: the bot renders each snapshot chart.)
pub async fn complete_scans(scans: &[(&Person, usize, usize)]) {
    for (person, level, ambition) in scans {
        complete_scan(person, *level, *ambition).await;
    }
}

/// Member k (counting from 1) of `members` taps level k on every item and `ambition` on
/// every ambition question: scores 1, 2, 3, ... (at most five members).
pub async fn complete_rising_scans(members: &[Person], ambition: usize) {
    assert!(members.len() <= 5, "levels go up to 5");
    for (level, member) in (L1..).zip(members) {
        complete_scan(member, level, ambition).await;
    }
}

/// Everyone in `members` taps `level` on every item and `ambition` on every ambition
/// question.
pub async fn complete_equal_scans(members: &[Person], level: usize, ambition: usize) {
    for member in members {
        complete_scan(member, level, ambition).await;
    }
}

/// Rik (id `first_id`) leads "Rho" with `count` members (ids `first_id + 1`, ...), and the
/// first five finish round 1 with scores 1 to 5 and ambition 3: median 3 in every dimension.
pub async fn rho_after_round_one(tg: &FakeTelegram, first_id: i64, count: i64) -> (Person, Vec<Person>) {
    let rik = Person::new(tg, first_id, "Rik", Some("en"));
    let members = people(tg, first_id, "Member", count);
    team_with(&rik, "Rho", &members).await;
    complete_rising_scans(&members[..5], L3).await;
    (rik, members)
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
pub async fn team_with<'a>(
    lead: &Person,
    name: &str,
    members: impl IntoIterator<Item = &'a Person>,
) -> String {
    let code = new_team(lead, name).await;
    for member in members {
        join(member, &code).await;
    }
    code
}

/// `/team` by `lead` while nobody has finished a scan for `round` of `team`: the reply
/// starts by saying so.
pub async fn expect_nobody_finished(lead: &Person, team: &str, round: u32) {
    let reply = lead.ask("/team", "finished").await;
    let status = format!("\"{team}\", round {round}: nobody has finished the scan yet.");
    assert!(reply.body().starts_with(&status), "{status:?} expected: {}", reply.body());
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

/// A theme's line under "Change since the last round" ("A …: 3.0 → 4.0 (+1.0)"), if
/// the result has one for it.
pub fn change_line(result: &str, dimension: &str) -> Option<String> {
    let prefix = format!("{dimension}:");
    let mut lines = result.lines().filter(|l| l.starts_with(&prefix));
    lines.next()?;
    lines.next_back().map(str::to_owned)
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
