//! Flows, plural, through the binary in a terminal: the menu, both shipped flows in every
//! language, asking before another scan replaces the one in progress, change since last
//! time, reference lines per country, and a municipality's own flows at run time
//! (`--content`), written from the README alone.

use std::fs;
use std::path::Path;

use crate::support::binary::{manifest_dir, message, peilbot};
use crate::support::content::{KORT_EN, KORT_FLOW, KORT_NL, content_folder};
use crate::support::progress;

fn typed(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// `peilbot chat --data DATA ARGS` that must end well; returns what the person saw.
fn chat(data: &Path, args: &[&str], stdin: &str) -> String {
    let mut all = vec!["chat", "--data", data.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    let run = peilbot(&all, stdin, &[], None);
    assert!(run.status.success(), "chat failed ({}):\n{}", run.status, run.stderr);
    assert_eq!(run.stderr, "", "nothing on stderr expected");
    run.stdout
}

fn assert_line(out: &str, expected: &str) {
    assert!(out.lines().any(|line| line == expected), "no line `{expected}` in:\n{out}");
}

fn assert_contains(out: &str, expected: &str) {
    assert!(out.contains(expected), "no `{expected}` in:\n{out}");
}

fn assert_absent(out: &str, unexpected: &str) {
    assert!(!out.contains(unexpected), "unexpected `{unexpected}` in:\n{out}");
}

fn progress_lines(out: &str) -> Vec<(usize, usize)> {
    out.lines().filter_map(progress).collect()
}

/// The AI scan's 19 questions in order: r1 r2 R-ambition, l1 l2 L-ambition, p…, h…, s…, v…, role.
fn ai_answers(items: &str, ambition: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for _ in 0..6 {
        lines.extend([items.to_string(), items.to_string(), ambition.to_string()]);
    }
    lines.push("1".to_string());
    lines
}

#[test]
fn plain_chat_offers_both_flows_with_their_minutes_and_questions() {
    let data = tempfile::tempdir().unwrap();
    let out = chat(data.path(), &["--lang", "en"], &typed(&["2"]));
    assert_line(&out, &message("en", "flow-menu-title"));
    assert_line(&out, "1. Digital maturity quick scan: about 6 minutes, 23 questions");
    assert_line(&out, "2. AI readiness and responsible use: about 4 minutes, 19 questions");
    assert_eq!(progress_lines(&out), [(1, 19)], "picking 2 starts the AI scan");

    let dutch = chat(tempfile::tempdir().unwrap().path(), &["--lang", "nl"], "");
    assert_line(&dutch, "2. AI-gereedheid en verantwoord gebruik: ongeveer 4 minuten, 19 vragen");
    assert!(progress_lines(&dutch).is_empty(), "no scan starts before the person chooses");
}

#[test]
fn flows_list_prints_every_flow() {
    let run = peilbot(&["flows", "list"], "", &[], None);
    assert!(run.status.success(), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "quickscan\tDigital maturity quick scan\t6 min\t23 questions\tversion 2",
            "aiscan\tAI readiness and responsible use\t4 min\t19 questions\tversion 1",
        ]
    );
}

/// The AI scan from start to snapshot in each language: its six themes, the public-values
/// flag on "lawful and explainable" below 2, and Flemish without Dutch-only references.
#[test]
fn the_ai_scan_end_to_end_in_each_language() {
    for (lang, level_one) in
        [("en", "Not started"), ("nl", "Nog niet gestart"), ("nl-BE", "Nog niet gestart")]
    {
        let data = tempfile::tempdir().unwrap();
        let answers = ai_answers("1", "3");
        let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
        let out = chat(data.path(), &["--flow", "aiscan", "--lang", lang], &typed(&answers));
        let shown = progress_lines(&out);
        assert_eq!(shown.first(), Some(&(1, 19)), "{lang}");
        assert_eq!(shown.last(), Some(&(19, 19)), "{lang}");
        assert_line(&out, &message(lang, "scan-finished"));
        // The letters come from each language's names: "M Menselijk toezicht" in Dutch.
        let letters =
            if lang == "en" { ["R", "L", "P", "H", "S", "V"] } else { ["A", "R", "P", "M", "K", "W"] };
        for (id, dimension) in ["r", "l", "p", "h", "s", "v"].iter().zip(letters) {
            let name = message(lang, &format!("ai-dim-{id}"));
            let level = if *id == "s" { message(lang, "scale-skill-1") } else { level_one.to_string() };
            let decimal = if lang == "en" { "1.0" } else { "1,0" };
            assert_line(&out, &format!("{dimension} {name}: {decimal} ({level})  ▰▱▱▱▱"));
        }
        // Lawful and explainable at 1.0 is flagged, with the flow's own warning, once.
        let flag = match lang {
            "en" => "  Attention: lawful and explainable use scores 1.0, below 2.",
            _ => "  Let op: rechtmatig en uitlegbaar gebruik scoort 1,0, lager dan 2.",
        };
        let flags = out.lines().filter(|line| line.starts_with(flag)).count();
        assert_eq!(flags, 1, "{lang}: the flag is shown under L only:\n{out}");
        assert_absent(&out, &message(lang, "snapshot-references-title"));
        if lang == "nl-BE" {
            assert_line(&out, &format!("P {}: 1,0 (Nog niet gestart)  ▰▱▱▱▱", message("nl-BE", "ai-dim-p")));
            assert_contains(&out, "informatieveiligheid");
            for word in ["Algoritmeregister", "IAMA", "gemeente", "medewerker"] {
                assert_absent(&out, word);
            }
        }
    }
}

#[test]
fn a_finished_scan_is_never_restarted_silently() {
    let data = tempfile::tempdir().unwrap();
    let answers = ai_answers("3", "4");
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    chat(data.path(), &["--flow", "aiscan", "--lang", "en"], &typed(&answers));

    let again = chat(data.path(), &["--lang", "en"], "");
    assert_line(&again, &message("en", "flow-menu-title"));
    assert!(progress_lines(&again).is_empty(), "a menu, not a new scan:\n{again}");
    // "start" with nothing in progress shows the menu too; a number picks.
    let picked = chat(data.path(), &["--lang", "en"], &typed(&["start", "1"]));
    assert_eq!(progress_lines(&picked), [(1, 23)]);
}

#[test]
fn asking_for_another_scan_mid_scan_asks_first_in_the_persons_language() {
    let data = tempfile::tempdir().unwrap();
    chat(data.path(), &["--flow", "aiscan", "--lang", "nl"], &typed(&["2", "3"]));

    // Continue: the AI scan goes on at question 3, nothing is lost.
    let kept = chat(data.path(), &["--flow", "quickscan"], &typed(&["1"]));
    assert_line(
        &kept,
        "Je bent bezig met \"AI-gereedheid en verantwoord gebruik\" (vraag 3 van 19). Wil je daarmee verdergaan, of in plaats daarvan \"Quickscan digitale volwassenheid\" starten? Als je de andere scan start, worden je antwoorden op deze scan tot nu toe gewist.",
    );
    assert_line(&kept, "  1. Verder met \"AI-gereedheid en verantwoord gebruik\"");
    assert_line(&kept, "  2. In plaats daarvan \"Quickscan digitale volwassenheid\" starten");
    assert_eq!(progress_lines(&kept), [(3, 19)]);

    // A number that is not an option changes nothing; then the other scan, confirmed.
    let switched = chat(data.path(), &["--flow", "quickscan"], &typed(&["7", "2"]));
    assert_line(&switched, &message("nl", "notice-out-of-range"));
    assert_eq!(progress_lines(&switched), [(1, 23)]);

    // The quick scan is now the one in progress.
    let resumed = chat(data.path(), &[], "");
    assert_line(&resumed, &message("nl", "scan-resumed"));
    assert_eq!(progress_lines(&resumed), [(1, 23)]);
}

#[test]
fn an_unknown_flow_is_named_and_the_menu_shown() {
    let data = tempfile::tempdir().unwrap();
    let out = chat(data.path(), &["--flow", "nope", "--lang", "en"], "");
    assert_line(&out, "There is no scan called \"nope\".");
    assert_line(&out, "1. Digital maturity quick scan: about 6 minutes, 23 questions");
}

/// The quick scan's 23 answers with public values (d1 d2 d3) as given and 3 elsewhere.
fn quick_answers(public_values: [&str; 3]) -> String {
    let mut lines = vec!["3"; 23];
    lines[9..12].copy_from_slice(&public_values);
    typed(&lines)
}

/// A retake shows per theme the change since the last scan of the same flow, from the
/// values as shown: public values 4/3 = 1,3 then 5/3 = 1,7 is +0,4 (not the raw +0,3).
#[test]
fn a_retake_shows_the_change_since_last_time_and_history_lists_both() {
    let data = tempfile::tempdir().unwrap();
    let first = chat(data.path(), &["--flow", "quickscan", "--lang", "nl"], &quick_answers(["1", "2", "1"]));
    assert_absent(&first, "Sinds je vorige scan");
    let second = chat(data.path(), &["--flow", "quickscan"], &quick_answers(["2", "2", "1"]));
    assert_contains(&second, "Sinds je vorige scan (");
    assert_line(&second, &format!("D {}: 1,3 → 1,7 (+0,4)", message("nl", "dim-d")));
    assert_line(&second, &format!("A {}: 3,0 → 3,0 (0,0)", message("nl", "dim-a")));

    // Another flow's scan in between is not "last time" for the quick scan.
    let answers = ai_answers("2", "3");
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    let ai = chat(data.path(), &["--flow", "aiscan"], &typed(&answers));
    assert_absent(&ai, "Sinds je vorige scan");

    let history = chat(data.path(), &[], &typed(&["history", "snapshot"]));
    let items: Vec<&str> = history.lines().filter(|line| line.contains(" · totaal ")).collect();
    assert_eq!(items.len(), 3, "{history}");
    assert!(
        items[0].ends_with("· AI-gereedheid en verantwoord gebruik · totaal 2,0 (Losse initiatieven)"),
        "{history}"
    );
    assert!(
        items[1].ends_with("· Quickscan digitale volwassenheid · totaal 2,8 (Losse initiatieven)"),
        "{history}"
    );
    assert!(items[2].contains("· Quickscan digitale volwassenheid · totaal"), "{history}");
    // "snapshot" shows the latest: the AI scan.
    assert_line(&history, &message("nl", "aiscan-title"));
}

/// Reference lines for the reader's country, as published (two decimals, never on 1-5),
/// in the reader's decimal style, always with source and year.
#[test]
fn reference_lines_follow_the_readers_country() {
    let cases = [
        (
            "nl",
            vec![
                "Nederland 0,65 · OESO-gemiddelde 0,70",
                "OESO-index digitale overheid, 0 tot 1 (OESO, 2025)",
                "Nederland 82,7% · EU-gemiddelde 55,6%",
                "(Eurostat, 2023)",
                "Nederland: digitaal ontworpen 0,75",
            ],
            vec!["België"],
        ),
        (
            "nl-BE",
            vec![
                "België 0,61 · OESO-gemiddelde 0,70",
                "OESO-index digitale overheid, 0 tot 1 (OESO, 2025)",
                "België 59,4% · EU-gemiddelde 55,6%",
                "België: digitaal ontworpen 0,70 · datagedreven 0,52",
            ],
            vec!["Nederland 0,65", "Nederland 82,7"],
        ),
        (
            "en",
            vec![
                "the Netherlands 0.65 · Belgium 0.61 · OECD average 0.70",
                "the Netherlands 82.7% · Belgium 59.4% · EU average 55.6%",
                "(OECD, 2025)",
            ],
            vec![],
        ),
    ];
    for (lang, expected, absent) in cases {
        let data = tempfile::tempdir().unwrap();
        let out =
            chat(data.path(), &["--flow", "quickscan", "--lang", lang], &quick_answers(["3", "3", "3"]));
        assert_line(&out, &message(lang, "snapshot-references-title"));
        for text in expected {
            assert_contains(&out, text);
        }
        for text in absent {
            assert_absent(&out, text);
        }
    }
}

// -- a municipality's own flow, written from the README's "Writing flows" alone ----------
// (the fixture: `tests/support/content.rs`)

#[test]
fn a_flow_folder_written_from_the_readme_is_offered_at_run_time() {
    let content = content_folder(KORT_FLOW, KORT_EN);
    let dir = content.path().to_str().unwrap();

    let check = peilbot(&["flows", "check", dir], "", &[], None);
    assert!(check.status.success(), "{}", check.stderr);
    assert!(check.stdout.starts_with("ok: "), "{}", check.stdout);
    let list = peilbot(&["flows", "list", "--content", dir, "--lang", "nl"], "", &[], None);
    assert!(
        list.stdout.lines().any(|l| l == "kort\tCheck hybride werken\t2 min\t4 questions\tversion 1"),
        "{}",
        list.stdout
    );

    // Offered beside the built-in flows, through the flag or the environment.
    let data = tempfile::tempdir().unwrap();
    let menu = chat(data.path(), &["--content", dir, "--lang", "nl"], "");
    assert_line(&menu, "3. Check hybride werken: ongeveer 2 minuten, 4 vragen");
    let env = peilbot(
        &["chat", "--data", data.path().to_str().unwrap(), "--flow", "kort"],
        &typed(&["3", "4", "2", "4"]),
        &[("PEILBOT_CONTENT", dir)],
        None,
    );
    assert!(env.status.success(), "{}", env.stderr);
    let out = env.stdout;
    assert_eq!(progress_lines(&out).last(), Some(&(4, 4)), "{out}");
    assert_line(&out, "W Werkplek: 3,0 (Afgesproken)  ▰▰▰▱▱");
    assert_line(&out, "  Volgende stap: Evalueer de afspraken elk kwartaal.");
    assert_line(&out, "T Middelen: 2,0 (Losse initiatieven)  ▰▰▱▱▱");
    assert_contains(&out, "Minstens af en toe thuiswerken (CBS, 2024): Nederland 71,5%");
}

#[test]
fn a_broken_content_folder_refuses_to_start_with_file_and_line() {
    let broken = KORT_FLOW.replacen("dimension = \"t\"\nscale", "dimension = \"x\"\nscale", 1);
    let line = broken.lines().position(|l| l == "dimension = \"x\"").unwrap() + 1;
    let content = content_folder(&broken, KORT_EN);
    let dir = content.path().to_str().unwrap();
    let data = tempfile::tempdir().unwrap();

    let chat = peilbot(&["chat", "--data", data.path().to_str().unwrap(), "--content", dir], "", &[], None);
    assert!(!chat.status.success());
    assert!(
        chat.stderr.contains(&format!("flows/kort.toml:{line}: unknown dimension `x`")),
        "{}",
        chat.stderr
    );
    assert_eq!(chat.stdout, "", "nothing was offered");

    // `serve` refuses before it talks to Telegram, with the same words as `flows check`.
    let serve = peilbot(
        &[
            "serve",
            "--data",
            data.path().to_str().unwrap(),
            "--content",
            dir,
            "--api-url",
            "http://127.0.0.1:9/",
        ],
        "",
        &[("TELOXIDE_TOKEN", "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")],
        None,
    );
    assert!(!serve.status.success());
    assert!(
        serve.stderr.contains(&format!("flows/kort.toml:{line}: unknown dimension `x`")),
        "{}",
        serve.stderr
    );
    let check = peilbot(&["flows", "check", dir], "", &[], None);
    assert!(
        check.stderr.contains(&format!("flows/kort.toml:{line}: unknown dimension `x`")),
        "{}",
        check.stderr
    );

    // A message English has and Dutch lacks is named at its English line.
    let english = format!("{KORT_EN}kort-extra = Only in English\n");
    let untranslated = content_folder(KORT_FLOW, &english);
    let run = peilbot(
        &[
            "chat",
            "--data",
            data.path().to_str().unwrap(),
            "--content",
            untranslated.path().to_str().unwrap(),
        ],
        "",
        &[],
        None,
    );
    assert!(!run.status.success());
    let english_line = english.lines().position(|l| l.starts_with("kort-extra")).unwrap() + 1;
    assert!(
        run.stderr.contains(&format!(
            "locales/en/kort.ftl:{english_line}: message `kort-extra` has no nl translation"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn flows_check_takes_a_flows_folder_or_one_file() {
    let content = content_folder(KORT_FLOW, KORT_EN);
    for path in [content.path().join("flows"), content.path().join("flows/kort.toml")] {
        let run = peilbot(&["flows", "check", path.to_str().unwrap()], "", &[], None);
        assert!(run.status.success(), "{}: {}", path.display(), run.stderr);
        assert!(run.stdout.contains("3 flow(s)"), "{}", run.stdout);
    }
    let broken = content_folder(&KORT_FLOW.replace("minutes = 2", "minutes = 0"), KORT_EN);
    let run =
        peilbot(&["flows", "check", broken.path().join("flows/kort.toml").to_str().unwrap()], "", &[], None);
    assert!(!run.status.success());
    assert!(run.stderr.contains("flows/kort.toml:5: minutes must be at least 1"), "{}", run.stderr);
}

/// The README's own example flow is a valid flow (with the fixture's messages).
#[test]
fn the_readmes_example_flow_passes_the_checks() {
    let readme = fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    let section = &readme[readme.find("A complete flow file").expect("the README shows a complete flow")..];
    let blocks: Vec<&str> =
        section.split("```toml\n").skip(1).map(|b| b.split("```").next().unwrap()).collect();
    let example = format!("{}\n{}", blocks[0], blocks[1]);
    // What the example adds to the test flow's messages: a statement, and its levels.
    let levels = |text: &str| {
        (1..=5).map(|level| format!("kort-level-w-{level} = {text} {level}.\n")).collect::<String>()
    };
    let english = format!("{KORT_EN}kort-q-w2 = Meeting rooms can be booked.\n{}", levels("Level"));
    let content = content_folder(&example, &english);
    fs::write(
        content.path().join("locales/nl/kort.ftl"),
        format!("{KORT_NL}kort-q-w2 = Vergaderruimtes zijn te boeken.\n{}", levels("Niveau")),
    )
    .unwrap();
    let run = peilbot(&["flows", "check", content.path().to_str().unwrap()], "", &[], None);
    assert!(run.status.success(), "the README's example:\n{example}\n{}", run.stderr);
}

/// A scan of a flow that is no longer offered (its content folder is gone) cannot go on:
/// "start" makes way for the quick scan instead of refusing for ever.
#[test]
fn a_scan_of_a_flow_no_longer_offered_makes_way() {
    let content = content_folder(KORT_FLOW, KORT_EN);
    let data = tempfile::tempdir().unwrap();
    let started =
        chat(data.path(), &["--content", content.path().to_str().unwrap(), "--flow", "kort"], &typed(&["3"]));
    assert_eq!(progress_lines(&started), [(1, 4), (2, 4)]);
    let after = chat(data.path(), &["--lang", "en"], &typed(&["start"]));
    assert_line(&after, &message("en", "scan-outdated"));
    assert_eq!(progress_lines(&after), [(1, 23)]);
}
