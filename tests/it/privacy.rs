//! Privacy people can see, and the everyday (issue 12), in Telegram: the real
//! `peilbot serve` against the fake Bot API. One story per numbered item.

use crate::support::WAIT;
use crate::support::bot::{PeilBot, setup, store};
use crate::support::fake_telegram::{FakeError, SentMessage};
use crate::support::members::{L3, L4, complete_scan, new_team, people, team_with};
use crate::support::person::Person;
use serde_json::Value;

/// 10:30 on Saturday 5 December 2026 in Amsterdam and Brussels: outside working hours.
const SATURDAY: &str = "1796463000000";
/// 9:30 on Monday 7 December 2026: working hours.
const MONDAY: &str = "1796632200000";

/// An English-reading lead makes their team speak Dutch (a team's link speaks the team's
/// language to whoever has not chosen one).
async fn team_speaks_dutch(lead: &Person) {
    let asked = lead.ask("/teamlanguage", "Choose the team's language").await;
    let dutch = asked.button_data("Nederlands").expect("a button per language").to_string();
    lead.press(asked.message_id, &dutch).await;
    lead.expect_text("now speaks Nederlands").await;
}

/// A member whose Telegram speaks Dutch joins through the invite link.
async fn join_in_dutch(member: &Person, code: &str) {
    let confirm = member.ask(&format!("/start join_{code}"), "Wil je lid worden van het team").await;
    assert_eq!(member.press(confirm.message_id, &format!("j:{code}")).await, None);
    member.expect_text("Welkom bij").await;
}

/// The message with the "Start" button that first contact ends with.
async fn ready_message(person: &Person, mark: i32) -> SentMessage {
    person
        .tg
        .wait_for_message(person.id(), WAIT, |m| m.message_id > mark && m.buttons().any(|(_, d)| d == "s"))
        .await
        .unwrap_or_else(|err| panic!("no Start button: {err:?}"))
}

// 1. First contact ---------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_contact_shows_a_notice_that_a_language_tap_keeps_and_waits_for_start() {
    let (tg, _data, _bot) = setup(&[]).await;
    let pim = Person::new(&tg, 1201, "Pim", Some("en"));
    pim.say("/scan");
    let ready = ready_message(&pim, 0).await;
    let notice = pim.messages().into_iter().next().expect("the notice came first");
    assert!(notice.body().starts_with("Hello! I am Peilbot."), "{}", notice.body());
    for part in
        ["What I keep:", "of 5 people or more", "deleted two years after", "/privacy", "/mydata", "/forget"]
    {
        assert!(notice.body().contains(part), "the notice says {part:?}: {}", notice.body());
    }
    assert!(notice.keyboard.is_empty(), "nothing to tap on the notice, so nothing edits it away");
    assert!(pim.question_message().is_none(), "/scan at first contact does not start the scan");
    assert_eq!(ready.button_labels(), ["Nederlands", "Vlaams", "English", "Start"]);

    // A language tap changes the message with the buttons only, and keeps "Start".
    let tap = tg.press_label(&pim.chat, ready.message_id, "Nederlands");
    assert_eq!(pim.callback_answer(&tap).await, None);
    tg.wait_until(WAIT, |tg| {
        tg.message(pim.id(), ready.message_id).is_some_and(|m| m.body() == "Vanaf nu spreek ik Nederlands.")
    })
    .await
    .expect("the language message says the new language");
    let after = tg.message(pim.id(), ready.message_id).unwrap();
    assert_eq!(after.button_labels().last().copied(), Some("Start"));
    assert_eq!(tg.message(pim.id(), notice.message_id).unwrap(), notice, "the notice is untouched");

    // Only the person's own tap on Start begins, in the language chosen: with the menu of
    // scans, as /scan would show it.
    let mark = pim.mark();
    assert_eq!(pim.press(ready.message_id, "s").await, None);
    let menu = pim.expect_after(mark, "Welke scan wil je doen?").await;
    let quick = menu.button_data("Quickscan digitale volwassenheid").expect("a button per scan").to_string();
    assert_eq!(pim.press(menu.message_id, &quick).await, None);
    let first = pim.expect_question(1).await;
    assert!(first.body().contains("Vraag 1 van ongeveer 23"), "{}", first.body());

    // The notice is shown once.
    let mark = pim.mark();
    pim.say("/help");
    pim.expect_after(mark, "/scan").await;
    assert!(pim.since(mark).iter().all(|m| !m.body().contains("Voor je begint")));
}

// 2. /privacy ---------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn privacy_names_the_configured_team_minimum_and_retention() {
    let env = [("PEILBOT_MIN_RESPONDENTS", "3"), ("PEILBOT_RETENTION_DAYS", "90")];
    let (tg, _data, _bot) = setup(&env).await;
    let roos = Person::new(&tg, 1202, "Roos", Some("nl"));
    roos.say("/start");
    let ready = ready_message(&roos, 0).await;
    let notice = roos.messages().into_iter().find(|m| m.message_id < ready.message_id).expect("a notice");
    assert!(notice.body().contains("teamresultaten van 3 mensen of meer"), "{}", notice.body());
    assert!(notice.body().contains("90 dagen"), "{}", notice.body());

    let statement = roos.ask("/privacy", "Zo gaat Peilbot met je gegevens om").await;
    assert!(statement.body().contains("van 3 mensen of meer"), "{}", statement.body());
    assert!(statement.body().contains("90 dagen na het afronden gewist"), "{}", statement.body());
    assert!(!statement.body().contains(" 5 mensen"), "not the default: {}", statement.body());
}

/// A municipality's data protection officer reads who is responsible, how to reach them,
/// the legal basis, the authority to complain to for the person's country, and what
/// Telegram itself keeps; what is not configured says so, and the operator is warned.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_statement_names_the_controller_the_dpo_the_basis_and_the_authority() {
    let env = [
        ("PEILBOT_CONTROLLER", "Gemeente Peilstad, Markt 1, Peilstad"),
        ("PEILBOT_DPO_CONTACT", "fg@peilstad.nl"),
        ("PEILBOT_LEGAL_BASIS", "een taak van algemeen belang (AVG artikel 6, lid 1, onder e)"),
    ];
    let (tg, _data, bot) = setup(&env).await;
    let roos = Person::new(&tg, 1210, "Roos", Some("nl"));
    roos.ask("/start", "Welke taal").await;
    let statement = roos.ask("/privacy", "Zo gaat Peilbot met je gegevens om").await;
    for part in [
        "Wie is verantwoordelijk: Gemeente Peilstad, Markt 1, Peilstad.",
        "functionaris gegevensbescherming: fg@peilstad.nl",
        "Grondslag: een taak van algemeen belang (AVG artikel 6, lid 1, onder e).",
        "twee jaar na het afronden gewist",
        "blijven op de servers van Telegram staan tot je het gesprek verwijdert",
        "Autoriteit Persoonsgegevens",
    ] {
        assert!(statement.body().contains(part), "{part:?} in {}", statement.body());
    }
    assert!(!statement.body().contains("Vlaamse Toezichtcommissie"), "{}", statement.body());
    let lies = Person::new(&tg, 1211, "Lies", Some("nl-BE"));
    lies.ask("/start", "Welke taal").await;
    let flemish = lies.ask("/privacy", "Zo gaat Peilbot met je gegevens om").await;
    assert!(flemish.body().contains("Vlaamse Toezichtcommissie"), "{}", flemish.body());
    assert!(flemish.body().contains("Gegevensbeschermingsautoriteit"), "{}", flemish.body());
    assert!(!flemish.body().contains("Autoriteit Persoonsgegevens"), "{}", flemish.body());
    assert!(!bot.log().contains("not configured yet"), "no warning once configured");

    let (tg, _data, bot) = setup(&[]).await;
    let sam = Person::new(&tg, 1212, "Sam", Some("en"));
    sam.ask("/start", "Which language").await;
    let unset = sam.ask("/privacy", "How Peilbot handles your data").await;
    assert!(
        unset
            .body()
            .contains("Who is responsible: not filled in yet by the organisation that runs this scan"),
        "{}",
        unset.body()
    );
    let stderr = bot.log();
    assert!(
        stderr.contains("not configured yet")
            && stderr.contains("PEILBOT_CONTROLLER, PEILBOT_DPO_CONTACT, PEILBOT_LEGAL_BASIS"),
        "{stderr}"
    );
}

// 3. /mydata ----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mydata_gives_a_summary_and_everything_as_json() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1203, "Lea", Some("en"));
    let mo = Person::new(&tg, 1204, "Mo", Some("en"));
    team_with(&lead, "Alpha", [&mo]).await;
    complete_scan(&mo, L3, L4).await;

    let mark = mo.mark();
    mo.say("/mydata");
    let summary = mo.expect_after(mark, "What I keep about you").await;
    assert_eq!(
        summary.body(),
        "What I keep about you: your language (English), one finished scan, no scan in progress, and \
         one team: Alpha. Finished scans are deleted two years after they were finished. The file below \
         holds all of it, exactly as stored."
    );
    let file = tg
        .wait_for_message(mo.id(), WAIT, |m| m.message_id > mark && m.document.is_some())
        .await
        .expect("a JSON file");
    let document = file.document.as_ref().unwrap();
    let json: Value = serde_json::from_slice(&document.data).expect("JSON");
    assert_eq!(json["person"], "tg:1204");
    assert_eq!(json["record"]["lang"], "en");
    assert_eq!(json["completed_scans"].as_array().map(Vec::len), Some(1));
    let answers = json["completed_scans"][0]["answers"].as_object().expect("the answers themselves");
    assert_eq!(answers.len(), 23);
    assert_eq!(json["teams"], serde_json::json!([{ "team": "Alpha", "role": "member" }]));
    assert_eq!(json["scan_in_progress"], Value::Null);
}

// 4. /forget ----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_under_forget_deletes_nothing_and_spends_the_confirmation() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ivo = Person::new(&tg, 1205, "Ivo", Some("en"));
    complete_scan(&ivo, L3, L4).await;
    let confirm = ivo.ask("/forget", "This deletes everything").await;
    assert_eq!(confirm.button_labels(), ["Delete my data", "No, keep my data"]);
    let yes = confirm.button_data("Delete my data").unwrap().to_owned();
    assert_eq!(ivo.press(confirm.message_id, "n").await, None);
    tg.wait_until(WAIT, |tg| {
        tg.message(ivo.id(), confirm.message_id).is_some_and(|m| m.body() == "Fine: nothing has changed.")
    })
    .await
    .expect("the question says nothing changed");
    // The confirmation's own code no longer deletes anything.
    assert!(ivo.forge_tap_on(&confirm, &yes, "after-no").await.is_some(), "refused with a notice");
    let snapshot = ivo.ask("/snapshot", "snapshot").await;
    assert!(snapshot.body().starts_with("Your snapshot"), "{}", snapshot.body());
}

/// Every key and value of every tree of the store, as raw bytes.
pub fn every_entry(path: &std::path::Path) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    // The bot made the folder, compressed, and sled opens it only with the same setting.
    let db = sled::Config::new()
        .path(path)
        .use_compression(true)
        .open()
        .expect("the store opens once the bot is gone");
    let mut entries = Vec::new();
    for name in db.tree_names() {
        let tree = db.open_tree(&name).unwrap();
        for entry in tree.iter() {
            let (key, value) = entry.unwrap();
            entries.push((String::from_utf8_lossy(&name).into_owned(), key.to_vec(), value.to_vec()));
        }
    }
    entries
}

pub fn mentions(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|window| window == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_forget_no_key_or_value_of_the_person_remains_in_any_tree() {
    let (tg, data, bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1206, "Lea", Some("en"));
    let members = people(&tg, 1210, "M", 2);
    let gus = Person::new(&tg, 1299, "Gus", Some("nl"));
    let code = team_with(&lead, "Alpha", [&members[0], &members[1]]).await;
    team_speaks_dutch(&lead).await;
    join_in_dutch(&gus, &code).await;
    complete_scan(&gus, L3, L4).await;
    // A reminder kept for Gus, then a scan in progress.
    lead.confirm("/newround", "is open").await;
    lead.ask("/remind", "Reminder sent to").await;
    gus.start_scan().await;
    gus.answer_until(3, L3).await;

    let confirm = gus.ask("/forget", "Hiermee wis je alles").await;
    let delete = confirm.button_data("Wis mijn gegevens").expect("the delete button").to_string();
    let query = tg.press_label(&gus.chat, confirm.message_id, "Wis mijn gegevens");
    assert_eq!(gus.callback_answer(&query).await, None);
    gus.expect_text("is gewist").await;
    // "Delete" tapped a second time (a double tap, or the old button): Gus stays gone.
    let again = gus.forge_tap_on(&confirm, &delete, "again").await;
    assert!(again.is_some(), "the second tap is answered as a stale button");
    lead.sync().await;
    bot.kill();

    let entries = every_entry(&store(&data));
    assert!(entries.iter().any(|(tree, _, _)| tree == "teams"), "the walk sees the teams");
    assert!(entries.iter().any(|(_, key, _)| mentions(key, "tg:1206")), "and the lead, who stays");
    for (tree, key, value) in &entries {
        assert!(
            !mentions(key, "tg:1299"),
            "a key of Gus remains in {tree}: {}",
            String::from_utf8_lossy(key)
        );
        assert!(!mentions(value, "tg:1299"), "Gus remains in a value in {tree}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sole_lead_is_told_before_forgetting_or_leaving() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1220, "Lea", Some("en"));
    let ben = Person::new(&tg, 1221, "Ben", Some("en"));
    team_with(&lead, "Alpha", [&ben]).await;
    let forget = lead.ask("/forget", "This deletes everything").await;
    assert!(forget.body().starts_with("You are the only lead of Alpha."), "{}", forget.body());
    assert!(forget.body().contains("/addlead"), "{}", forget.body());
    assert_eq!(lead.press(forget.message_id, "n").await, None);

    let (question, left) = lead.confirm("/leave", "You left").await;
    assert!(question.body().contains("if you leave, the team has no lead"), "{}", question.body());
    assert!(left.body().starts_with("You left \"Alpha\". The team now has no lead."), "{}", left.body());
    assert!(ben.ask("/team", "Only a team lead").await.body().starts_with("Only a team lead"));
}

// 5. Retention --------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finished_scans_past_retention_are_deleted_at_start_up() {
    let (tg, data, bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1231, "Lea", Some("en"));
    let ria = Person::new(&tg, 1230, "Ria", Some("en"));
    team_with(&lead, "Alpha", [&ria]).await;
    complete_scan(&ria, L3, L4).await;
    let counted = lead.ask("/team", "finished").await;
    assert!(
        counted.body().starts_with("\"Alpha\", round 1: 1 of 2 members has finished."),
        "{}",
        counted.body()
    );
    bot.kill();

    // Kept over a restart within the period.
    let bot = PeilBot::start(&tg, &store(&data)).await;
    let kept = ria.ask("/snapshot", "snapshot").await;
    assert!(kept.body().starts_with("Your snapshot"), "{}", kept.body());
    bot.kill();

    // A period of 0 days, started an hour later: everything finished before the start is
    // past it. (The test clock may sit on the next working morning, where the scan was done.)
    let later = (crate::support::bot::working_time() + 60 * 60 * 1000).to_string();
    let env = [("PEILBOT_RETENTION_DAYS", "0"), ("PEILBOT_FAKE_NOW", later.as_str())];
    let bot = PeilBot::start_with(&tg, &store(&data), &env).await;
    let gone = ria.ask("/snapshot", "completed").await;
    assert_eq!(gone.body(), "You have not completed a scan yet.");
    // The team counts only what is kept.
    let team = lead.ask("/team", "finished").await;
    assert!(
        team.body().starts_with("\"Alpha\", round 1: nobody has finished the scan yet."),
        "{}",
        team.body()
    );
    assert!(bot.log().contains("deleted responses past the retention period"), "{}", bot.log());
}

// 6. Confirmations ----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_asks_first_and_no_keeps_the_scan() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ada = Person::new(&tg, 1240, "Ada", Some("en"));
    ada.start_scan().await;
    ada.answer_until(3, L3).await;
    let question = ada.ask("/cancel", "Stop the scan?").await;
    assert_eq!(
        question.body(),
        "Stop the scan? Your 2 answers so far will be deleted. This cannot be undone."
    );
    assert_eq!(question.button_labels(), ["Yes, stop and delete", "No"]);
    assert_eq!(ada.press(question.message_id, "n").await, None);
    tg.wait_until(WAIT, |tg| {
        tg.message(ada.id(), question.message_id).is_some_and(|m| m.keyboard.is_empty())
    })
    .await
    .unwrap();
    ada.answer_nth(L3).await;
    assert_eq!(ada.question_number(), Some(4), "the scan goes on");

    // A question that counted 3 answers, tapped after a fourth: it asks again, with 4,
    // and deletes nothing.
    let three = ada.ask("/cancel", "Your 3 answers").await;
    ada.answer_nth(L3).await;
    assert_eq!(ada.question_number(), Some(5));
    let yes = three.button_data("Yes, stop and delete").expect("a yes").to_string();
    assert_eq!(ada.press(three.message_id, &yes).await, None);
    tg.wait_until(WAIT, |tg| {
        tg.message(ada.id(), three.message_id).is_some_and(|m| m.body().contains("Your 4 answers"))
    })
    .await
    .expect("the question asked again, with 4 answers");
    assert_eq!(ada.question_number(), Some(5), "nothing deleted: the scan goes on");

    let (_, stopped) = ada.confirm("/cancel", "The scan has stopped").await;
    assert!(stopped.body().starts_with("The scan has stopped and its answers are deleted."));
    // The question's buttons go too (its edit may arrive just after the reply).
    tg.wait_until(WAIT, |_| ada.question_message().is_none()).await.expect("no question left");
    assert_eq!(ada.ask("/cancel", "no scan").await.body(), "There is no scan in progress.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_round_is_opened_only_on_yes() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1250, "Lea", Some("en"));
    new_team(&lead, "Alpha").await;
    let question = lead.ask("/newround", "Close round 1").await;
    assert!(
        question.body().starts_with("Close round 1 of \"Alpha\" and open round 2?"),
        "{}",
        question.body()
    );
    // The new round asks what the closing one asked, unless the lead picks the other scan.
    assert!(
        question.body().ends_with(
            "Round 2 asks \"Digital maturity quick scan\" again, unless you choose another scan below."
        ),
        "{}",
        question.body()
    );
    assert_eq!(
        question.button_labels(),
        ["Yes, open round 2", "Yes, open round 2 with \"AI readiness and responsible use\"", "No"]
    );
    assert_eq!(lead.press(question.message_id, "n").await, None);
    let still = lead.ask("/team", "round").await;
    assert!(still.body().starts_with("\"Alpha\", round 1:"), "{}", still.body());
    let second = lead.ask("/newround", "Close round 1").await;
    let (_, opened) = lead.confirm("/newround", "is open").await;
    assert!(opened.body().starts_with("Round 2 of \"Alpha\" is open"), "{}", opened.body());
    // Each question named round 1: its "Yes" once round 1 is closed (a double tap, or an
    // earlier question confirmed after a later one) opens no third round.
    let already = "Round 1 of \"Alpha\" is closed already, and round 2 is open: nothing changed.";
    for (question, query) in [(&question, "again-1"), (&second, "again-2")] {
        let yes = question.button_data("Yes, open round 2").expect("a yes").to_string();
        let mark = lead.mark();
        lead.forge_tap_on(question, &yes, query).await;
        lead.expect_after(mark, already).await;
    }
    let team = lead.ask("/team", "round").await;
    assert!(team.body().contains("round 2"), "{}", team.body());
    assert!(!team.body().contains("round 3"), "{}", team.body());
    drop(tg);
}

// 7. Language and working hours ---------------------------------------------------

/// A round opened on a Saturday is open at once; only the notices to its members wait for
/// Monday morning, and the lead is told both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_opened_outside_working_hours_tells_its_members_on_the_next_working_day() {
    let tg = crate::support::fake_telegram::FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let bot = PeilBot::start_with(&tg, &store(&data), &[("PEILBOT_FAKE_NOW", SATURDAY)]).await;
    let lead = Person::new(&tg, 1270, "Lea", Some("en"));
    let joe = Person::new(&tg, 1271, "Joe", Some("nl"));
    let code = new_team(&lead, "Alpha").await;
    team_speaks_dutch(&lead).await;
    join_in_dutch(&joe, &code).await;

    let (_, opened) = lead.confirm("/newround", "is open").await;
    assert_eq!(
        opened.body(),
        "Round 2 of \"Alpha\" is open and round 1 is closed. The new round asks \"Digital maturity quick scan\"; \
         scans finished from now on count for it.\nIt is outside working hours, so the messages to the members of \
         \"Alpha\" (1) wait until the next working day at 9:00 (Dutch and Belgian time)."
    );
    let before = joe.messages().len();
    joe.sync().await;
    assert_eq!(joe.messages().len(), before + 1, "only the help: no round notice on a Saturday");
    let team = lead.ask("/team", "round 2").await;
    assert!(
        team.body().contains("round 2: nobody has finished the scan yet."),
        "the round is open: {}",
        team.body()
    );
    bot.kill();

    let _bot = PeilBot::start_with(&tg, &store(&data), &[("PEILBOT_FAKE_NOW", MONDAY)]).await;
    let notice = joe.expect_text("Ronde 2 van je team \"Alpha\" is begonnen").await;
    assert_eq!(
        notice.button_data("Starten of verdergaan: Quickscan digitale volwassenheid"),
        Some("s:quickscan")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_outside_working_hours_wait_and_reach_members_in_their_own_language() {
    let tg = crate::support::fake_telegram::FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let bot = PeilBot::start_with(&tg, &store(&data), &[("PEILBOT_FAKE_NOW", SATURDAY)]).await;
    let lead = Person::new(&tg, 1260, "Lea", Some("en"));
    // Joe's Telegram speaks Dutch; he never chooses a language.
    let joe = Person::new(&tg, 1261, "Joe", Some("nl"));
    let code = new_team(&lead, "Alpha").await;
    team_speaks_dutch(&lead).await;
    join_in_dutch(&joe, &code).await;

    let queued = lead.ask("/remind", "outside working hours").await;
    assert_eq!(
        queued.body(),
        "It is outside working hours, so the messages to the members of \"Alpha\" (1) wait until the next \
         working day at 9:00 (Dutch and Belgian time)."
    );
    let before = joe.messages().len();
    joe.sync().await;
    assert_eq!(joe.messages().len(), before + 1, "only the help: no reminder on a Saturday");
    bot.kill();

    // Monday morning: the queued reminder goes out, in Dutch.
    let _bot = PeilBot::start_with(&tg, &store(&data), &[("PEILBOT_FAKE_NOW", MONDAY)]).await;
    let nudge = joe.expect_text("Een herinnering van je team \"Alpha\"").await;
    assert_eq!(nudge.button_labels(), ["Starten of verdergaan: Quickscan digitale volwassenheid"]);
    // And once a day: asking again on Monday reaches nobody.
    let again = lead.ask("/remind", "remind").await;
    assert!(again.body().starts_with("There is nobody to remind"), "{}", again.body());
}

// 8. Teams and taps ---------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_names_are_visible_and_not_repeated_by_one_lead() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1270, "Lea", Some("en"));
    let other = Person::new(&tg, 1271, "Oscar", Some("en"));
    new_team(&lead, "Alpha").await;
    let twice = lead.ask("/newteam alpha", "already lead").await;
    assert_eq!(twice.body(), "You already lead a team called \"alpha\". Give the new team another name.");
    let invisible = lead.ask("/newteam \u{200B}\u{200D}\u{FEFF}", "Give the team a name").await;
    assert!(invisible.body().starts_with("Give the team a name of at most 64 characters"));
    for blank in ["\u{2800}", "\u{0301}\u{0308}"] {
        let refused = lead.ask(&format!("/newteam {blank}"), "Give the team a name").await;
        assert!(refused.body().starts_with("Give the team a name"), "{blank:?}: {}", refused.body());
    }
    // Names that look the same as one already led are the same name.
    new_team(&lead, "Team Een").await;
    for lookalike in ["Team\u{00A0}Een", "Team\u{200B} Een", "Team  Een"] {
        let twice = lead.ask(&format!("/newteam {lookalike}"), "already lead").await;
        assert!(
            twice.body().starts_with("You already lead a team called"),
            "{lookalike:?}: {}",
            twice.body()
        );
    }
    let teams = lead.ask("/teams", "Your teams").await;
    assert_eq!(teams.body(), "Your teams:\nAlpha: lead\nTeam Een: lead", "none of the others was created");
    // Another lead may use the name.
    assert!(other.ask("/newteam Alpha", "has been created").await.body().starts_with("Team \"Alpha\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_cases_speak_plainly() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 1280, "Lea", Some("nl"));
    let ben = Person::new(&tg, 1281, "Ben", Some("nl"));
    let code = new_team(&lead, "Alpha").await;
    join_in_dutch(&ben, &code).await;
    let team = lead.ask("/team", "Alpha").await;
    assert!(
        team.body().starts_with("\"Alpha\", ronde 1: nog niemand heeft de scan afgerond."),
        "{}",
        team.body()
    );
    complete_scan(&ben, L3, L4).await;
    let nobody = lead.ask("/remind", "niemand").await;
    assert!(nobody.body().starts_with("Er is niemand om te herinneren"), "{}", nobody.body());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_that_can_no_longer_be_edited_is_sent_anew() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ada = Person::new(&tg, 1290, "Ada", Some("en"));
    let first = ada.start_scan().await;
    tg.fail_next(
        "editMessageText",
        Some(ada.id()),
        FakeError::api(400, "Bad Request: message can't be edited"),
    );
    let tap = ada.tap_nth(L3);
    assert_eq!(ada.callback_answer(&tap).await, None);
    let second = ada.expect_question(2).await;
    assert_ne!(second.message_id, first.message_id, "question 2 came as a new message");
}

// 10. Progress --------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_says_about_until_it_knows_and_fills_on_the_last_question() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ada = Person::new(&tg, 1291, "Ada", Some("en"));
    let first = ada.start_scan().await;
    assert!(first.body().contains("some 23 questions: 15 statements"), "{}", first.body());
    assert!(
        first.body().contains("Levels: 1 Not started · 2 Ad hoc · 3 Agreed · 4 Embedded · 5 Leading"),
        "{}",
        first.body()
    );
    assert!(first.body().starts_with("Digital maturity quick scan"), "{}", first.body());
    assert!(first.body().contains("Question 1 of about 23  ▱▱▱▱▱▱▱▱▱▱"), "{}", first.body());
    ada.answer_until(14, L3).await;
    // e1 "Not started": the question about going beyond pilots is skipped.
    ada.answer_nth(0).await;
    let next = ada.current_question();
    assert!(next.body().contains("Question 15 of 22"), "exact once known: {}", next.body());
    ada.answer_until(22, L3).await;
    let last = ada.current_question();
    assert!(last.body().contains("Question 22 of 22  ▰▰▰▰▰▰▰▰▰▰"), "{}", last.body());
}
