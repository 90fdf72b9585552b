//! What a team lead takes away, through the real binary and the fake Bot API: advice
//! with the flow's next steps, statements that stand out, rounds with their history,
//! the PDF report (in the chat and from the command line), menus and `/help` per role,
//! and pictures made for phones.

use std::process::Command;

use crate::support::WAIT;
use crate::support::binary::{message, peilbot};
use crate::support::bot::{PeilBot, setup, store};
use crate::support::fake_telegram::*;
use crate::support::members::*;
use crate::support::person::Person;

/// A picture made for a phone: 1080 px wide, portrait or square.
fn assert_phone_picture(message: &SentMessage) {
    let photo = message.photo.as_ref().expect("a photo");
    let image = image::load_from_memory(&photo.data).expect("a PNG");
    assert_eq!(image.width(), 1080, "{}", photo.filename);
    assert!(image.height() >= image.width(), "{}: {}x{}", photo.filename, image.width(), image.height());
}

/// The text of a PDF, as poppler's `pdftotext` extracts it (one line per line of text).
fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed: .ci/run installs it");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    // Lines run together as the page shows them; compare words, not layout.
    String::from_utf8(out.stdout).expect("UTF-8").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One paragraph as `pdf_text` gives it back.
/// The lines under a heading of a team result, up to the next blank line.
fn section(result: &str, heading: &str) -> Vec<String> {
    let lines = result.lines().skip_while(|line| *line != heading).skip(1);
    lines.take_while(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Five members with answers chosen per theme (choice indexes: level n is n - 1):
///
/// | theme | items         | ambition | median → ambition, gap      | spread (IQR)      |
/// |-------|---------------|----------|-----------------------------|-------------------|
/// | A     | 1             | 4        | 1 → 4, gap 3 (priority)     | 0                 |
/// | B     | 2             | 4        | 2 → 4, gap 2 (priority)     | 0                 |
/// | C     | 3             | 4        | 3 → 4, gap 1                | 0                 |
/// | D     | 1             | 3        | 1 → 3, gap 2 (priority)     | 0                 |
/// | E     | 4; two: DK    | 4        | 4 → 4 (over the three)      | 0                 |
/// | F     | 2             | 5        | 2 → 5, gap 3 (priority)     | 0                 |
/// | G     | 1, 1, 3, 5, 5 | 3        | 3 → 3, gap 0                | Q1 1, Q3 5: 4     |
///
/// Priorities by gap, ties by the lower median: A (3, at 1), F (3, at 2), D (2, at 1);
/// B (2, at 2) is fourth and left out. G's view is divided. E: the two who do not know
/// answer "don't know" on e1 and so also see e2: 4 of 10 items shown, 40%.
async fn team_with_known_answers(tg: &FakeTelegram, lead: &Person, name: &str, first_id: i64) -> Vec<Person> {
    let members = people(tg, first_id, "Member", 5);
    team_with(lead, name, &members).await;
    let g = [L1, L1, L3, L5, L5];
    for (k, member) in members.iter().enumerate() {
        let e = if k < 2 { DONT_KNOW } else { L4 };
        complete_scan_by_theme(member, [L1, L2, L3, L1, e, L2, g[k]], [L4, L4, L4, L3, L4, L5, L3]).await;
    }
    members
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_gets_its_priorities_by_gap_with_the_flows_next_steps_and_a_report_to_share() {
    let (tg, data, bot) = setup(&[("PEILBOT_ADMINS", "150")]).await;
    let lea = Person::new(&tg, 100, "Lea", Some("en"));
    let members = team_with_known_answers(&tg, &lea, "Burgerzaken", 100).await;
    assert_phone_picture(
        &tg.messages(members[0].id()).into_iter().rev().find(|m| m.photo.is_some()).unwrap(),
    );

    let (result, chart) = lea.team_result("/team").await;
    assert_phone_picture(&chart);
    // The sections a lead reads, each under its heading.
    let step = |key| message("en", key);
    assert_eq!(
        section(&result, "Priorities and next steps"),
        vec![
            format!("1. A Vision & leadership (gap 3.0): {}", step("team-next-a-1")),
            format!("2. F Skills (gap 3.0): {}", step("team-next-f-2")),
            format!("3. D Public values (gap 2.0): {}", step("team-next-d-1")),
        ],
        "{result}"
    );
    let views = section(&result, "Where views are shared and where they differ");
    for expected in [
        "Divided view, talk about this first: G Culture & collaboration",
        "Make this visible, many answered \"don't know\": E AI readiness (40%)",
    ] {
        assert!(views.iter().any(|line| line == expected), "{expected:?} in {views:?}");
    }
    assert_eq!(
        section(&result, "Statements that stand out"),
        vec![
            "Lowest-scoring statements:".to_string(),
            "• Management in our municipality acts on a vision for digital work and data. (median 1.0)"
                .to_string(),
            format!("• {} (median 1.0)", message("en", "q-a2")),
            format!("• {} (median 1.0)", message("en", "q-d1")),
            "Most \"don't know\":".to_string(),
            format!("• {} (40% don't know)", message("en", "q-e1")),
        ],
        "{result}"
    );
    // The flag sits under its score.
    let (_, details) = dimension_lines(&result, "D Public values");
    assert!(details.starts_with("spread (IQR)"), "{details}");
    assert!(result.contains("\n  Attention: public values score 1.0, below 2."), "{result}");

    // The report: a PDF naming the team and N, with the same advice, text that can be
    // extracted.
    let mark = lea.mark();
    lea.say("/report");
    let report = tg
        .wait_for_message(lea.id(), WAIT, |m| m.message_id > mark && m.document.is_some())
        .await
        .expect("a report");
    let pdf = &report.document.as_ref().unwrap().data;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    assert_eq!(
        report.caption.as_deref(),
        Some("The report of \"Burgerzaken\", round 1, to share with your team.")
    );
    let file = data.path().join("chat-report.pdf");
    std::fs::write(&file, pdf).unwrap();
    // For a look at it: PEILBOT_REPORT_DIR=/tmp/reports cargo test --test lead.
    if let Some(dir) = std::env::var_os("PEILBOT_REPORT_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("team-report.pdf"), pdf).unwrap();
    }
    let text = pdf_text(&file);
    for expected in [
        "Digital maturity of team \"Burgerzaken\"",
        // Dates say what they are: the print date, and when the round opened.
        "Digital maturity quick scan · round 1, opened ",
        " · 5 of 6 members finished · the result covers 5",
        // The flag under a score, as in the chat: D's median is 1.0.
        "Attention: public values score 1.0, below 2.",
        // And, on a page of its own, what each level of each theme looks like.
        "What each level looks like A Vision & leadership Level What it looks like 1 · Not started",
        "Priorities and next steps",
        &format!("1. A Vision & leadership (gap 3.0): {}", words(&step("team-next-a-1"))),
        "Shared view: A Vision & leadership, B Data-driven work",
        "Divided view, talk about this first: G Culture & collaboration",
        "This is the first round with a result, so there is nothing to compare with yet.",
        "How to read this report",
        "No one's own answers are in it",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in the report:\n{text}");
    }
    // One builder: every line of the chat's sections, from "Per theme" to how to read
    // it, is in the PDF too, word for word.
    let sections = result.lines().skip_while(|line| *line != "Per theme");
    let sections: Vec<&str> = sections.filter(|line| !line.trim().is_empty()).collect();
    assert!(sections.len() > 20, "{result}");
    for line in sections {
        assert!(text.contains(&words(line)), "{line:?} of the chat is not in the report:\n{text}");
    }
    let fonts = Command::new("pdffonts").arg(&file).output().expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("DejaVuSans") && fonts.lines().skip(2).all(|l| l.contains(" yes ")), "{fonts}");
    let info = Command::new("pdfinfo").arg(&file).output().expect("pdfinfo");
    assert!(String::from_utf8_lossy(&info.stdout).contains("(A4)"), "A4");

    // An admin's report is the organisation's: every team with a result, as counts and medians.
    let ada = Person::new(&tg, 150, "Ada", Some("en"));
    let mark = ada.mark();
    ada.say("/report");
    let org = tg
        .wait_for_message(ada.id(), WAIT, |m| m.message_id > mark && m.document.is_some())
        .await
        .expect("the organisation's report");
    assert_eq!(org.document.as_ref().unwrap().filename, "peilbot-organisation.pdf");
    let org_file = data.path().join("org-report.pdf");
    std::fs::write(&org_file, &org.document.as_ref().unwrap().data).unwrap();
    let org_text = pdf_text(&org_file);
    assert!(org_text.contains("Digital maturity of the organisation"), "{org_text}");
    // It opens with the management team's page: what the organisation row counts, reality,
    // ambition and gap per theme, three priorities (A and F tie on gap 3.0 and weight: the
    // lower one first; D before B, equally), where teams differ, and the action table.
    for expected in [
        "one team with a result · no team below the minimum of 5 respondents",
        "Whole organisation: 5 respondents. These are exactly the people in the team results",
        "Attention: public values score 1.0, below 2.",
        "Theme Now Ambition Gap A Vision & leadership 1.0 4.0 3.0 B Data-driven work 2.0 4.0 2.0",
        "1. A Vision & leadership: now 1.0, ambition 4.0, gap 3.0; a priority in 1 of 1 team.",
        "2. F Skills: now 2.0, ambition 5.0, gap 3.0; a priority in 1 of 1 team.",
        "3. D Public values: now 1.0, ambition 3.0, gap 2.0; a priority in 1 of 1 team.",
        "Actions (fill in owner and date at the meeting) Priority What (next step) Owner By when",
        // Then one section per team, with the round its figures come from.
        "Burgerzaken Round 1, opened",
        "now: A 1.0 · B 2.0 · C 3.0 · D 1.0 · E 4.0 · F 2.0 · G 3.0",
    ] {
        assert!(org_text.contains(expected), "{expected:?} in {org_text}");
    }
    let page_one =
        Command::new("pdftotext").args(["-f", "1", "-l", "1"]).arg(&org_file).arg("-").output().unwrap();
    let page_one = String::from_utf8_lossy(&page_one.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        page_one.contains("By when") && !page_one.contains("Burgerzaken"),
        "the summary is page 1: {page_one}"
    );
    // The heatmap is printed as wide as the page: its smallest text (22 px) at 8 pt or more
    // means at most 22 × 72 / 8 = 198 pixels per inch.
    let images = Command::new("pdfimages").arg("-list").arg(&org_file).output().expect("pdfimages");
    let images = String::from_utf8_lossy(&images.stdout);
    let heatmaps: Vec<u32> = images
        .lines()
        .skip(2)
        .filter_map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            (columns.get(3) == Some(&"1080")).then(|| columns[12].parse().unwrap())
        })
        .collect();
    assert!(!heatmaps.is_empty() && heatmaps.iter().all(|ppi| *ppi <= 198), "{images}");

    // The same report from the command line, once the bot has stopped.
    bot.kill();
    let out = data.path().join("cli-report.pdf");
    let run = peilbot(
        &[
            "report",
            "--data",
            store(&data).to_str().unwrap(),
            "--team",
            "Burgerzaken",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
        // The bot ran on the tests' working-hours clock; the report is dated by the same one.
        &[("PEILBOT_FAKE_NOW", &crate::support::bot::working_time().to_string())],
        None,
    );
    assert!(run.status.success(), "{}", run.stderr);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    assert_eq!(pdf_text(&out), text, "the command line writes the same report");
    let run = peilbot(
        &[
            "report",
            "--data",
            store(&data).to_str().unwrap(),
            "--team",
            "Nobody",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
        &[],
        None,
    );
    assert!(!run.status.success() && run.stderr.contains("no team is called \"Nobody\""), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_new_round_members_are_told_and_the_team_still_sees_round_one() {
    let (tg, _data, _bot) = setup(&[]).await;
    let (rik, m) = rho_after_round_one(&tg, 200, 5).await;
    // Rounds are stored in milliseconds: open the next round after the scans.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    // One member speaks Dutch: they are told in Dutch.
    m[4].switch_language("l:nl", "Vanaf nu spreek ik Nederlands.").await;

    let marks: Vec<i32> = m.iter().map(Person::mark).collect();
    let (_, opened) = rik.confirm("/newround", "is open").await;
    assert_eq!(
        opened.body(),
        "Round 2 of \"Rho\" is open and round 1 is closed. The new round asks \"Digital maturity quick scan\"; \
         scans finished from now on count for it.\n\
         5 members were told, with a button to start."
    );
    for (member, mark) in m.iter().zip(marks) {
        let told = member.since(mark);
        assert_eq!(told.len(), 1, "one message each: {told:?}");
        let dutch = member.id() == m[4].id();
        let (text, button) = if dutch {
            (
                "Ronde 2 van je team \"Rho\" is begonnen",
                "Starten of verdergaan: Quickscan digitale volwassenheid",
            )
        } else {
            ("Round 2 of your team \"Rho\" has started", "Start or continue: Digital maturity quick scan")
        };
        assert!(told[0].body().starts_with(text), "{}", told[0].body());
        assert_eq!(told[0].button_labels(), vec![button]);
    }

    // /team still shows round 1, and says where round 2 stands.
    let (result, chart) = rik.team_result("/team").await;
    assert!(
        result.starts_with(
            "Team \"Rho\", round 1 (closed): 5 people took part.\n\"Rho\", round 2: nobody has finished the scan yet. \
             A team result needs at least 5 people, so 5 more are needed."
        ),
        "{result}"
    );
    assert!(result.contains("A Vision & leadership: median 3.0 (Agreed)"), "{result}");
    assert_phone_picture(&chart);

    // Round 2 reaches the minimum: /team shows it, with the change and a button back to round 1.
    let starter = m[0].messages().into_iter().rev().find(|msg| msg.body().starts_with("Round 2")).unwrap();
    m[0].press(starter.message_id, "s:quickscan").await;
    m[0].expect_text("Question 1 of").await;
    m[0].confirm("/cancel", "The scan has stopped").await;
    complete_equal_scans(&m[..5], L4, L4).await;
    let mark = rik.mark();
    let (round2, _) = rik.team_result("/team").await;
    assert!(round2.starts_with("Team \"Rho\", round 2: 5 of 6 members have finished."), "{round2}");
    assert!(
        round2.contains("\nMedians now against round 1:\nA Vision & leadership: 3.0 → 4.0 (+1.0)\n"),
        "{round2}"
    );
    let text =
        rik.since(mark).into_iter().find(|msg| msg.body().starts_with("Team \"Rho\", round 2")).unwrap();
    let earlier = text.button_data("Round 1").expect("a button to round 1").to_owned();
    assert!(earlier.len() <= 64 && earlier.starts_with("h:1:"), "{earlier}");

    let mark = rik.mark();
    rik.press(text.message_id, &earlier).await;
    let (round1, _) = rik.expect_result_after(mark).await;
    assert!(round1.starts_with("Team \"Rho\", round 1 (closed): 5 people took part.\n\n"), "{round1}");
    let again =
        rik.since(mark).into_iter().find(|msg| msg.body().starts_with("Team \"Rho\", round 1")).unwrap();
    assert_eq!(again.button_labels(), vec!["Round 2"]);

    // A member cannot use the button: it is the lead's.
    assert_eq!(m[1].forge_tap(&earlier, "forged-round").await, None);
    m[1].expect_text("Only a team lead can do that.").await;
}

/// The commands in a setMyCommands call.
fn names(call: &Call) -> Vec<String> {
    let list = call.params["commands"].as_array().expect("a command list");
    list.iter().filter_map(|c| c["command"].as_str()).map(str::to_owned).collect()
}

/// The chat a setMyCommands call is scoped to, if any.
fn scoped_chat(call: &Call) -> Option<i64> {
    let scope = call.params.get("scope")?;
    assert_eq!(scope["type"], "chat", "{scope}");
    scope["chat_id"].as_i64()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_gets_its_own_menu_and_help() {
    let (tg, _data, bot) = setup(&[("PEILBOT_ADMINS", "300")]).await;
    bot.registered().await;
    let calls = tg.calls_to("setMyCommands");
    let everyone: Vec<&Call> = calls.iter().filter(|c| scoped_chat(c).is_none()).collect();
    assert_eq!(everyone.len(), 3, "one default menu per language");
    for call in &everyone {
        let names = names(call);
        assert!(names.contains(&"scan".to_string()) && names.contains(&"newteam".to_string()), "{names:?}");
        for lead_only in ["team", "export", "newround", "report", "org"] {
            assert!(!names.contains(&lead_only.to_string()), "/{lead_only} in everyone's menu");
        }
    }
    // The admin's chat got its own menu at start-up.
    let admin = calls.iter().find(|c| scoped_chat(c) == Some(300)).expect("the admin's menu");
    assert!(names(admin).contains(&"org".to_string()) && names(admin).contains(&"report".to_string()));
    assert!(!names(admin).contains(&"team".to_string()), "the admin leads no team");

    // A person's /help fits on a phone: the five things most people need, then "More",
    // which shows exactly the person commands.
    let ann = Person::new(&tg, 301, "Ann", Some("en"));
    let short = ann.ask("/help", "What I can do:").await;
    assert_eq!(listed_commands(&short), ["scan", "back", "snapshot", "language", "privacy"]);
    assert!(short.body().contains("/scan Start or continue a scan"), "{}", short.body());
    assert!(short.body().ends_with("The other commands are under \"More\"."), "{}", short.body());
    let help = more(&tg, &ann, &short).await;
    assert_eq!(listed_commands(&help), names(everyone[0]));

    // Ann creates a team: her chat gets a lead's menu, her /help lists the team commands.
    let before = tg.calls_to("setMyCommands").len();
    new_team(&ann, "Delta").await;
    tg.wait_until(WAIT, |tg| tg.calls_to("setMyCommands").len() > before).await.expect("a lead's menu");
    let lead = tg.calls_to("setMyCommands").into_iter().rev().find(|c| scoped_chat(c) == Some(301)).unwrap();
    let lead_menu = names(&lead);
    for command in ["scan", "team", "invite", "newround", "export", "remind", "report"] {
        assert!(lead_menu.contains(&command.to_string()), "/{command} not in the lead's menu: {lead_menu:?}");
    }
    assert!(!lead_menu.contains(&"org".to_string()));
    let short = ann.ask("/help", "What I can do:").await;
    assert_eq!(
        listed_commands(&short),
        ["scan", "back", "snapshot", "language", "privacy", "team", "invite"]
    );
    let help = more(&tg, &ann, &short).await;
    assert_eq!(listed_commands(&help), lead_menu);
    assert!(help.body().contains("/team The team result (leads)"), "{}", help.body());

    // In Dutch, the help is Dutch.
    let bas = Person::new(&tg, 302, "Bas", Some("nl"));
    let short = bas.ask("/help", "Wat ik kan:").await;
    assert!(short.body().contains("/scan Een scan starten of verdergaan"), "{}", short.body());
    assert_eq!(short.button_labels(), ["Meer"]);
    let help = more(&tg, &bas, &short).await;
    assert!(!listed_commands(&help).contains(&"team".to_string()), "{}", help.body());

    // The admin's /help names /org; a person who tries it is told it is for admins.
    let ada = Person::new(&tg, 300, "Ada", Some("en"));
    let short = ada.ask("/help", "What I can do:").await;
    assert!(short.body().contains("/org The organisation view (admins)"), "{}", short.body());
    bas.ask("/org", "beheerders").await;

    // Her own menu follows her language.
    let before = tg.calls_to("setMyCommands").len();
    ann.switch_language("l:nl", "Vanaf nu spreek ik Nederlands.").await;
    tg.wait_until(WAIT, |tg| tg.calls_to("setMyCommands").len() > before).await.expect("a Dutch menu");
    let dutch = tg.calls_to("setMyCommands").pop().unwrap();
    assert_eq!(scoped_chat(&dutch), Some(301));
    let scan = dutch.params["commands"].as_array().unwrap().iter().find(|c| c["command"] == "scan").cloned();
    assert_eq!(scan.unwrap()["description"], "Een scan starten of verdergaan");

    // Leaving her only team as its last member, Ann is a person again: her own menu goes.
    let before = tg.calls_to("deleteMyCommands").len();
    ann.confirm("/leave", "Je hebt").await;
    tg.wait_until(WAIT, |tg| tg.calls_to("deleteMyCommands").len() > before).await.expect("the menu removed");
    let removed = tg.calls_to("deleteMyCommands").pop().unwrap();
    assert_eq!(removed.params["scope"]["chat_id"].as_i64(), Some(301));
    assert_eq!(tg.menu(Some(301), None), None, "her chat shows the default menu again");
    assert_eq!(tg.menu(None, Some("nl")).as_deref(), Some(names(everyone[1]).as_slice()));
    assert!(tg.menu(Some(300), None).is_some_and(|menu| menu.contains(&"org".to_string())));
}

/// The chat-scoped menu calls (set or removed) the fake has had so far.
fn chat_menu_calls(tg: &FakeTelegram) -> Vec<Call> {
    let scoped = |call: &Call| call.params.get("scope").is_some_and(|scope| scope["type"] == "chat");
    let menus = ["setMyCommands", "deleteMyCommands"];
    let calls =
        tg.calls().into_iter().filter(|call| menus.iter().any(|m| call.method.eq_ignore_ascii_case(m)));
    calls.filter(scoped).collect()
}

/// The description of `/scan` in a setMyCommands call.
fn scan_description(call: &Call) -> String {
    let list = call.params["commands"].as_array().expect("a command list");
    let scan = list.iter().find(|c| c["command"] == "scan").expect("/scan in the menu");
    scan["description"].as_str().unwrap_or_default().to_owned()
}

/// Telegram keeps chat menus: a restart sets the menus of leads and admins again only
/// when what they would say changed (a text, the admin list), not on every start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_sets_chat_menus_only_when_they_changed() {
    let admin = ("PEILBOT_ADMINS", "300");
    let (tg, data, mut bot) = setup(&[admin]).await;
    bot.registered().await;
    let ann = Person::new(&tg, 301, "Ann", Some("en"));
    new_team(&ann, "Delta").await;
    tg.wait_until(WAIT, |tg| chat_menu_calls(tg).iter().any(|c| scoped_chat(c) == Some(301)))
        .await
        .expect("the lead's menu");
    // Stopped as a supervisor stops it: what it noted is flushed.
    bot.interrupt(WAIT).expect("stops");

    // The same menus: the defaults are registered again, no chat's menu is.
    let (before, defaults) = (chat_menu_calls(&tg).len(), tg.calls_to("setMyCommands").len());
    let mut bot = PeilBot::start_with(&tg, &store(&data), &[admin]).await;
    let logged = bot.registered().await;
    assert_eq!(chat_menu_calls(&tg).len(), before, "chat menus set again: {logged}");
    assert_eq!(tg.calls_to("setMyCommands").len(), defaults + 3, "the three default menus");
    bot.interrupt(WAIT).expect("stops");

    // Another English text for /scan, from a content folder: the admin's and the lead's
    // menus are set again, with it.
    let content = tempfile::tempdir().expect("a content folder");
    std::fs::create_dir_all(content.path().join("flows")).unwrap();
    std::fs::create_dir_all(content.path().join("locales/en")).unwrap();
    let bot_ftl = include_str!("../../locales/en/bot.ftl");
    let changed =
        bot_ftl.replace("cmd-scan = Start or continue a scan", "cmd-scan = Begin or carry on a scan");
    assert_ne!(changed, bot_ftl, "the English text of /scan is in locales/en/bot.ftl");
    std::fs::write(content.path().join("locales/en/bot.ftl"), changed).unwrap();
    let with_content = [admin, ("PEILBOT_CONTENT", content.path().to_str().unwrap())];
    let before = chat_menu_calls(&tg).len();
    let mut bot = PeilBot::start_with(&tg, &store(&data), &with_content).await;
    bot.registered().await;
    let again = chat_menu_calls(&tg).split_off(before);
    for chat in [300, 301] {
        let call = again.iter().find(|c| scoped_chat(c) == Some(chat)).expect("the chat's menu set again");
        assert_eq!(scan_description(call), "Begin or carry on a scan");
    }
    assert_eq!(again.len(), 2, "each chat once");
    bot.interrupt(WAIT).expect("stops");

    // Started again with that content: nothing to set. With a second admin: set again.
    let before = chat_menu_calls(&tg).len();
    let mut bot = PeilBot::start_with(&tg, &store(&data), &with_content).await;
    bot.registered().await;
    assert_eq!(chat_menu_calls(&tg).len(), before, "the new menus are set already");
    bot.interrupt(WAIT).expect("stops");
    let bot =
        PeilBot::start_with(&tg, &store(&data), &[("PEILBOT_ADMINS", "300,302"), with_content[1]]).await;
    bot.registered().await;
    let again = chat_menu_calls(&tg).split_off(before);
    let new_admin = again.iter().find(|c| scoped_chat(c) == Some(302)).expect("the new admin's menu");
    assert!(names(new_admin).contains(&"org".to_string()), "{:?}", names(new_admin));
    assert_eq!(scan_description(new_admin), "Begin or carry on a scan");
}

/// The commands a `/help` reply lists, one per line after its title, without the slash.
fn listed_commands(help: &SentMessage) -> Vec<String> {
    let commands = help.body().lines().skip(1).filter(|line| line.starts_with('/'));
    commands.filter_map(|line| line.split_whitespace().next()).map(|word| word[1..].to_owned()).collect()
}

/// A tap on "More" under the short /help: the message shows every command.
async fn more(tg: &FakeTelegram, person: &Person, short: &SentMessage) -> SentMessage {
    assert_eq!(person.press(short.message_id, "hh").await, None);
    tg.wait_until(WAIT, |tg| {
        tg.message(person.id(), short.message_id).is_some_and(|m| m.keyboard.is_empty())
    })
    .await
    .expect("the help grows into every command");
    tg.message(person.id(), short.message_id).expect("the help")
}
