//! Flows, plural, on Telegram (the real `peilbot serve` against the fake Bot API): the menu
//! behind `/scan`, `/scan ID` and the `scan_<ID>` deep link, both shipped flows in every
//! language, asking before another scan replaces the one in progress, rounds that belong
//! to one flow, and a person's change since last time and history.

use crate::support::binary::{message, theme_letter};
use crate::support::bot::setup;
use crate::support::content::{KORT_EN, KORT_FLOW, content_folder};
use crate::support::members::{
    L3, L4, POLICY, complete_flow, csv_rows, export_documents, join, new_team, people,
};
use crate::support::person::Person;
use crate::support::progress;

const AI_EN: &str = "AI readiness and responsible use";
const QUICK_EN: &str = "Digital maturity quick scan";

/// The flow menu's message after `/scan`, with a button per flow.
async fn menu(person: &Person, lang: &str) -> crate::support::fake_telegram::SentMessage {
    person.ask("/scan", &message(lang, "flow-menu-title")).await
}

/// A person's first contact: `/start`, the welcome with the privacy notice, and "Start"
/// offered; after it, `/scan` and deep links go straight to what they ask for.
async fn meet(tg: &crate::support::fake_telegram::FakeTelegram, id: i64, name: &str, lang: &str) -> Person {
    let person = Person::new(tg, id, name, Some(lang));
    person.ask("/start", &message(lang, "tg-ready")).await;
    person
}

async fn expect_start(person: &Person, total: usize) {
    let first = person.expect_question(1).await;
    assert_eq!(progress(first.body()), Some((1, total)), "{}", first.body());
}

#[tokio::test]
async fn both_flows_end_to_end_in_each_language() {
    let (tg, _data, _bot) = setup(&[]).await;
    let cases = [
        ("en", "about 4 minutes, 19 questions", "the Netherlands 0.65 · Belgium 0.61 · OECD average 0.70"),
        ("nl", "ongeveer 4 minuten, 19 vragen", "Nederland 0,65 · OESO-gemiddelde 0,70"),
        ("nl-BE", "ongeveer 4 minuten, 19 vragen", "België 0,61 · OESO-gemiddelde 0,70"),
    ];
    for (i, (lang, minutes, reference)) in cases.into_iter().enumerate() {
        let person = meet(&tg, 700 + i as i64, "Lies", lang).await;
        let ai_title = message(lang, "aiscan-title");
        let quick_title = message(lang, "quickscan-title");

        // The menu: every flow, its minutes and questions, one button each.
        let offered = menu(&person, lang).await;
        assert!(offered.body().contains(minutes), "{lang}: {}", offered.body());
        assert_eq!(offered.button_labels(), [quick_title.as_str(), ai_title.as_str()], "{lang}");
        let data = offered.button_data(&ai_title).expect("a button for the AI scan").to_string();
        assert_eq!(person.press(offered.message_id, &data).await, None);
        expect_start(&person, 19).await;
        person.answer_all(L3).await;
        let (ai, chart) = person.expect_snapshot(&message(lang, "scan-finished"), &ai_title).await;
        assert!(chart.photo.as_ref().is_some_and(|png| png.is_png()));
        for id in ["r", "l", "p", "h", "s", "v"] {
            let key = format!("ai-dim-{id}");
            let name = format!("{} {}", theme_letter(lang, &key, id), message(lang, &key));
            assert!(ai.contains(&name), "{lang}: no {name:?} in:\n{ai}");
        }
        assert!(
            !ai.contains(&message(lang, "snapshot-references-title")),
            "the AI scan has no reference lines"
        );
        if lang == "nl-BE" {
            assert!(ai.contains("P Privacy & informatieveiligheid: 3,0"), "{ai}");
            for word in ["Algoritmeregister", "IAMA", "gemeente"] {
                assert!(!ai.contains(word), "Flemish says no {word:?}:\n{ai}");
            }
        }

        // The quick scan through its deep link, with the reader's country as context.
        let mark = person.mark();
        person.say("/start scan_quickscan");
        expect_start(&person, 23).await;
        person.answer_all(L3).await;
        person.expect_snapshot(&message(lang, "scan-finished"), &quick_title).await;
        let quick = person.expect_after(mark, &message(lang, "snapshot-references-title")).await;
        let quick = quick.body();
        assert_eq!(quick.lines().nth(1), Some(quick_title.as_str()), "the snapshot names its flow:\n{quick}");
        assert!(quick.contains(reference), "{lang}: no {reference:?} in:\n{quick}");
        let oecd = format!("({}, 2025)", message(lang, "ref-source-oecd"));
        assert!(quick.contains(&oecd) && quick.contains("(Eurostat, 2023)"), "{quick}");
    }
}

#[tokio::test]
async fn scan_id_and_deep_links_start_one_flow_and_an_unknown_one_gets_the_menu() {
    let (tg, _data, _bot) = setup(&[]).await;
    // At first contact the deep link's scan starts with the person's own tap on "Start".
    let ada = Person::new(&tg, 801, "Ada", Some("en"));
    let ready = ada.ask("/start scan_aiscan", &message("en", "tg-ready")).await;
    assert!(ada.question_message().is_none(), "no question before the tap");
    assert_eq!(ada.press(ready.message_id, "s:aiscan").await, None);
    expect_start(&ada, 19).await;
    // Later, it starts at once.
    ada.say("/cancel");
    let cancel = ada.expect_text("Stop the scan?").await;
    let yes = cancel.button_data("Yes, stop and delete").expect("a yes").to_string();
    assert_eq!(ada.press(cancel.message_id, &yes).await, None);
    ada.expect_text("The scan has stopped").await;
    let mark = ada.mark();
    ada.say("/start scan_aiscan");
    ada.expect_after(mark, "Question 1 of 19").await;

    let bob = meet(&tg, 802, "Bob", "en").await;
    let unknown = bob.ask("/start scan_nope", "There is no scan called \"nope\".").await;
    assert_eq!(unknown.button_labels(), [QUICK_EN, AI_EN], "the menu follows");
    bob.say("/scan aiscan");
    expect_start(&bob, 19).await;
}

#[tokio::test]
async fn another_scan_mid_scan_asks_first_and_never_drops_answers_silently() {
    let (tg, _data, _bot) = setup(&[]).await;
    let eva = meet(&tg, 901, "Eva", "en").await;
    eva.say("/scan aiscan");
    expect_start(&eva, 19).await;
    eva.answer_until(3, L3).await;

    // Plain /scan goes on with the scan in progress.
    let mark = eva.mark();
    eva.say("/scan");
    eva.expect_after(mark, &message("en", "scan-resumed")).await;
    assert_eq!(eva.progress(), Some((3, 19)));

    let confirm = eva.ask("/scan quickscan", "You are in the middle of").await;
    assert!(confirm.body().contains(&format!("\"{AI_EN}\" (question 3 of 19)")), "{}", confirm.body());
    let keep = format!("Continue \"{AI_EN}\"");
    let instead = format!("Start \"{QUICK_EN}\" instead");
    assert_eq!(confirm.button_labels(), [keep.as_str(), instead.as_str()]);
    let data = confirm.button_data(&keep).unwrap().to_string();
    assert_eq!(eva.press(confirm.message_id, &data).await, None);
    eva.expect_after(confirm.message_id, &message("en", "scan-resumed")).await;
    assert_eq!(eva.progress(), Some((3, 19)), "continuing keeps the answers");

    let confirm = eva.ask("/scan quickscan", "You are in the middle of").await;
    let data = confirm.button_data(&instead).unwrap().to_string();
    assert_eq!(eva.press(confirm.message_id, &data).await, None);
    eva.expect_after(confirm.message_id, "Question 1 of about 23").await;
    assert_eq!(eva.progress(), Some((1, 23)));
}

#[tokio::test]
async fn a_team_round_asks_one_flow_and_its_results_are_that_flows() {
    let (tg, _data, _bot) = setup(&[("PEILBOT_ADMINS", "950")]).await;
    let lead = Person::new(&tg, 950, "Lea", Some("en"));
    let code = new_team(&lead, "Digitaal").await;
    let choice = lead.expect_text(&format!("Round 1 asks \"{QUICK_EN}\"")).await;
    let data = choice.button_data(AI_EN).expect("a button per flow").to_string();
    assert_eq!(lead.press(choice.message_id, &data).await, None);
    lead.expect_text(&format!("Round 1 of \"Digitaal\" now asks \"{AI_EN}\"")).await;

    let members = people(&tg, 960, "m", 5);
    for member in &members {
        join(member, &code).await;
    }
    // The invite leads to the round's flow.
    let welcome = members[0].expect_text("Welcome to \"Digitaal\"").await;
    assert!(welcome.body().contains(&format!("Take \"{AI_EN}\"")), "{}", welcome.body());
    let start = format!("Start or continue: {AI_EN}");
    assert_eq!(welcome.button_data(&start), Some("s:aiscan"));
    assert_eq!(members[0].press(welcome.message_id, "s:aiscan").await, None);
    expect_start(&members[0], 19).await;
    members[0].answer_all(L3).await;
    members[0].expect_text("Done").await;
    // The /scan menu marks the scan the team asks this round, until the person has done it.
    let asked = "asked by your team \"Digitaal\" this round";
    let line =
        |body: &str, title: &str| body.lines().find(|l| l.contains(title)).unwrap_or_default().to_string();
    let listed = menu(&members[1], "en").await;
    assert!(line(listed.body(), AI_EN).ends_with(asked), "{}", listed.body());
    assert!(!line(listed.body(), QUICK_EN).contains(asked), "{}", listed.body());
    let done = menu(&members[0], "en").await;
    assert!(!done.body().contains(asked), "{}", done.body());
    for member in &members[1..] {
        complete_flow(member, "aiscan", L3, L4, POLICY).await;
    }
    // A quick scan in the same round does not count for it.
    complete_flow(&members[1], "quickscan", L4, L4, POLICY).await;

    let (result, _) = lead.team_result("/team").await;
    assert!(result.contains("5 of 6 members have finished"), "{result}");
    assert!(result.contains("R Rules & ownership: median 3.0"), "{result}");
    assert!(!result.contains("A Vision & leadership"), "no quick scan theme in an AI round:\n{result}");

    let org = lead.ask("/org", AI_EN).await;
    assert!(org.body().contains("now       R 3.0 · L 3.0 · P 3.0 · H 3.0 · S 3.0 · V 3.0"), "{}", org.body());
    assert!(!org.body().contains(QUICK_EN), "no team's current round asks the quick scan:\n{}", org.body());

    // /newround asks first, and with more than one flow, which scan the new round asks.
    let question = lead.ask("/newround", "Close round 1 of \"Digitaal\"").await;
    let quick = format!("Yes, open round 2 with \"{QUICK_EN}\"");
    assert!(
        question
            .body()
            .ends_with(&format!("Round 2 asks \"{AI_EN}\" again, unless you choose another scan below."))
    );
    assert_eq!(question.button_labels(), ["Yes, open round 2", quick.as_str(), "No"]);
    let data = question.button_data(&quick).unwrap().to_string();
    let mark = lead.mark();
    assert_eq!(lead.press(question.message_id, &data).await, None);
    lead.expect_after(mark, &format!("The new round asks \"{QUICK_EN}\"")).await;
    // Its members are told which scan, with a button to it.
    let notice = members[2].expect_text("Round 2 of your team \"Digitaal\" has started").await;
    assert!(notice.body().contains(&format!("\"{QUICK_EN}\" takes about 6 minutes")), "{}", notice.body());
    assert_eq!(notice.button_data(&format!("Start or continue: {QUICK_EN}")), Some("s:quickscan"));
    let mark = lead.mark();
    lead.say("/team");
    let waiting = lead.expect_after(mark, "round 2").await;
    assert!(waiting.body().contains("round 2: nobody has finished the scan yet."), "{}", waiting.body());

    // The export keeps round 1, in the words of the flow it asked.
    let documents = export_documents(&tg, &lead).await;
    let rows = csv_rows(&documents[0]);
    assert_eq!(rows.len(), 6, "round 1's six themes: {rows:?}");
    assert!(rows.iter().all(|row| row[1] == "1"), "{rows:?}");
    assert!(rows.iter().any(|row| row.iter().any(|cell| cell == "R Rules & ownership")), "{rows:?}");
}

#[tokio::test]
async fn a_retake_shows_the_change_since_last_time_and_history_lists_both() {
    let (tg, _data, _bot) = setup(&[]).await;
    let ria = Person::new(&tg, 990, "Ria", Some("en"));
    complete_flow(&ria, "quickscan", L3, L4, POLICY).await;
    assert!(ria.messages().iter().all(|m| !m.body().contains("Since your previous scan")));
    complete_flow(&ria, "quickscan", L4, L4, POLICY).await;
    let retake = ria.expect_text("Since your previous scan (").await;
    assert!(retake.body().contains("A Vision & leadership: 3.0 → 4.0 (+1.0)"), "{}", retake.body());

    let mark = ria.mark();
    ria.say("/snapshot");
    let latest = ria.expect_after(mark, "Since your previous scan (").await;
    assert!(latest.body().contains("G Culture & collaboration: 3.0 → 4.0 (+1.0)"), "{}", latest.body());

    let history = ria.ask("/history", &message("en", "history-title")).await;
    let items: Vec<&str> = history.body().lines().filter(|l| l.contains(QUICK_EN)).collect();
    assert_eq!(items.len(), 2, "{}", history.body());
    assert!(items[0].ends_with("overall 4.0 (Embedded)"), "newest first: {}", history.body());
    assert!(items[1].ends_with("overall 3.0 (Agreed)"), "{}", history.body());
}

/// A content folder served at run time: its flow is in the menu beside the built-in ones
/// and runs end to end, in the person's language.
#[tokio::test]
async fn a_content_folder_is_served_at_run_time() {
    let content = content_folder(KORT_FLOW, KORT_EN);
    let dir = content.path().to_str().unwrap().to_string();
    let (tg, _data, _bot) = setup(&[("PEILBOT_CONTENT", dir.as_str())]).await;
    let kees = meet(&tg, 1001, "Kees", "nl").await;
    let offered = menu(&kees, "nl").await;
    assert!(
        offered.body().contains("3. Check hybride werken: ongeveer 2 minuten, 4 vragen"),
        "{}",
        offered.body()
    );
    assert_eq!(offered.button_data("Check hybride werken"), Some("s:kort"));
    assert_eq!(kees.press(offered.message_id, "s:kort").await, None);
    expect_start(&kees, 4).await;
    kees.answer_all(L3).await;
    let (snapshot, _) = kees.expect_snapshot(&message("nl", "scan-finished"), "W Werkplek: 3,0").await;
    assert!(snapshot.contains("Minstens af en toe thuiswerken (CBS, 2024): Nederland 71,5%"), "{snapshot}");
}

/// A flow file that changes its questions gets a new version; a round opened on the old
/// one keeps counting only answers to it, and the lead is told why and what to do.
#[tokio::test]
async fn a_round_on_an_older_flow_version_counts_only_that_version_and_says_so() {
    let (tg, data, bot) = setup(&[]).await;
    let lead = meet(&tg, 1100, "Lea", "en").await;
    let code = new_team(&lead, "Versies").await;
    let early = people(&tg, 1110, "early", 3);
    for member in &early {
        join(member, &code).await;
        complete_flow(member, "quickscan", L3, L4, POLICY).await;
    }
    bot.kill();

    // The same quick scan, with its version raised (as the README asks for changed questions).
    let built_in = std::fs::read_to_string("flows/quickscan.toml").unwrap();
    let newer = built_in.replacen("version = 2", "version = 3", 1);
    assert_ne!(newer, built_in, "the built-in quick scan is at version 2");
    let content = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(content.path().join("flows")).unwrap();
    std::fs::write(content.path().join("flows/quickscan.toml"), newer).unwrap();
    let dir = content.path().to_str().unwrap();
    let _bot = crate::support::bot::PeilBot::start_with(
        &tg,
        &crate::support::bot::store(&data),
        &[("PEILBOT_CONTENT", dir)],
    )
    .await;

    let late = people(&tg, 1120, "late", 2);
    for member in &late {
        join(member, &code).await;
        complete_flow(member, "quickscan", L4, L4, POLICY).await;
    }
    let mark = lead.mark();
    lead.say("/team");
    let note = lead.expect_after(mark, "asks an earlier version").await;
    assert_eq!(
        note.body(),
        format!(
            "Note: round 1 asks an earlier version of \"{QUICK_EN}\", whose questions have changed since. \
             Scans of the new version count from the next round on: open it with /newround."
        )
    );
    let counted = lead.expect_after(mark, "\"Versies\", round 1").await;
    assert!(
        counted.body().contains("3 of 6 members have finished"),
        "only version 2 counts: {}",
        counted.body()
    );
}
