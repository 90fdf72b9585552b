//! `peilbot chat`: the quick scan in a terminal, driven through stdin like a person would.

use std::path::Path;
use std::process::ExitStatus;

use crate::support::binary::{message, peilbot};
use crate::support::progress;
use tempfile::TempDir;

/// Runs `peilbot chat ARGS` with `stdin` as what the person types (then end of input).
/// These are the quick scan's stories, so each chat asks for it (`tests/flows.rs` has the
/// menu of flows).
fn run_chat(args: &[&str], stdin: &str) -> (String, String, ExitStatus) {
    let mut all = vec!["chat", "--flow", "quickscan"];
    all.extend_from_slice(args);
    let run = peilbot(&all, stdin, &[], None);
    (run.stdout, run.stderr, run.status)
}

/// A chat that must end well; returns what the person saw.
fn chat(data: &Path, lang: Option<&str>, stdin: &str) -> String {
    let mut args = vec!["--data", data.to_str().expect("UTF-8 path")];
    if let Some(lang) = lang {
        args.extend(["--lang", lang]);
    }
    let (stdout, stderr, status) = run_chat(&args, stdin);
    assert!(status.success(), "chat failed ({status}):\n{stderr}");
    assert_eq!(stderr, "", "nothing on stderr expected");
    stdout
}

/// Typed lines, each ended by Enter.
fn typed(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

fn data_dir() -> TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The progress lines shown, without their bar: "Question 1 of about 23", "Vraag 2 van ongeveer 23", ...
fn progress_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|line| progress(line).is_some())
        .map(|line| line.split("  ").next().unwrap_or(line))
        .collect()
}

fn assert_line(out: &str, expected: &str) {
    assert!(out.lines().any(|line| line == expected), "no line `{expected}` in:\n{out}");
}

fn assert_no_line_containing(out: &str, unexpected: &str) {
    assert!(!out.lines().any(|line| line.contains(unexpected)), "unexpected `{unexpected}` in:\n{out}");
}

/// The last line with text on it.
fn last_line(out: &str) -> &str {
    out.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or("")
}

/// The whole scan, one answer per question (23 lines). Hand-computed snapshot:
/// - A: a1 2, a2 3 → mean 2.5 (level 2); ambition 4 → gap 1.5 = the priority threshold.
/// - B: both "don't know" (6) → no score, 100% don't know; its ambition 3 has no gap.
/// - C: 3, 3 → 3.0; ambition 3 → gap 0.0, ambition reached.
/// - D: 1, 2, 1 → 4/3 = 1.3 (level 1), below 2: public-values warning; ambition 3 → gap
///   1.7, priority.
/// - E: e1 4 (so e2 is asked), e2 4 → 4.0; ambition 5 → gap 1.0, open (no marker).
/// - F: f1 3, f2 don't know → 1 of 2 answered, enough (≥ 50%) → 3.0, 50% don't know;
///   ambition don't know → none given.
/// - G: 5, 5 → 5.0; ambition 5 → gap 0.0, reached.
/// - Role: 1 (policy).
/// - Overall: B has no score → no overall index. Priorities: A and D.
const SCRIPT: [&str; 23] = [
    "2", "3", "4", // A
    "6", "6", "3", // B
    "3", "3", "3", // C
    "1", "2", "1", "3", // D
    "4", "4", "5", // E
    "3", "6", "6", // F
    "5", "5", "5", // G
    "1", // role
];

#[test]
fn the_whole_scan_in_dutch() {
    let data = data_dir();
    let out = chat(data.path(), Some("nl"), &typed(&SCRIPT));
    assert_eq!(progress_lines(&out).first(), Some(&"Vraag 1 van ongeveer 23"));
    assert_eq!(progress_lines(&out).last(), Some(&"Vraag 23 van 23"));
    assert_line(&out, &message("nl", "quickscan-title"));
    assert_line(&out, &message("nl", "snapshot-title"));
    assert_line(&out, "A Visie en leiderschap: 2,5 (Losse initiatieven)  ▰▰▱▱▱");
    assert_line(&out, "  Over twee jaar: 4 (Ingebed), kloof 1,5 · prioriteit");
    assert_eq!(last_line(&out), message("nl", "chat-bye-idle"));
}

#[test]
fn the_whole_scan_in_flemish() {
    let data = data_dir();
    let out = chat(data.path(), Some("nl-BE"), &typed(&SCRIPT));
    assert_eq!(progress_lines(&out).first(), Some(&"Vraag 1 van ongeveer 23"));
    // Flemish has its own title and snapshot title, not the Dutch ones.
    let title = message("nl-BE", "quickscan-title");
    assert_ne!(title, message("nl", "quickscan-title"));
    assert_line(&out, &title);
    assert_line(&out, &message("nl-BE", "snapshot-title"));
    assert_line(&out, "A Visie en leiderschap: 2,5 (Losse initiatieven)  ▰▰▱▱▱");
    assert_line(
        &out,
        "Het management van ons lokaal bestuur stuurt echt op een visie voor digitaal werken en data.",
    );
    for word in ["gemeente", "digid", "wethouder", "balie"] {
        assert!(!out.to_lowercase().contains(word), "Flemish output says `{word}`:\n{out}");
    }
    assert_eq!(last_line(&out), message("nl-BE", "chat-bye-idle"));
}

/// A chat without --flow, which opens with the menu of scans; returns what the person saw.
fn chat_from_the_menu(lang: &str, lines: &[&str]) -> String {
    let data = data_dir();
    let args = ["chat", "--data", data.path().to_str().unwrap(), "--lang", lang];
    let run = peilbot(&args, &typed(lines), &[], None);
    assert!(run.status.success(), "{}", run.stderr);
    run.stdout
}

#[test]
fn help_at_the_menu_keeps_the_menu() {
    let out = chat_from_the_menu("nl-BE", &["help", "1", "stop"]);
    let menus = out.matches(&message("nl-BE", "flow-menu-title")).count();
    assert_eq!(menus, 2, "the menu under the help:\n{out}");
    assert_eq!(
        progress_lines(&out).first(),
        Some(&"Vraag 1 van ongeveer 23"),
        "1 picks the quick scan:\n{out}"
    );
}

#[test]
fn a_number_that_is_not_on_the_menu_shows_the_menu_again() {
    let out = chat_from_the_menu("en", &["7", "1", "quit"]);
    let refused = out.lines().position(|line| line == message("en", "notice-out-of-range")).expect("refused");
    let menu = message("en", "flow-menu-title");
    assert!(out.lines().skip(refused).any(|line| line == menu), "the menu under the refusal:\n{out}");
    assert_eq!(progress_lines(&out).first(), Some(&"Question 1 of about 23"), "1 still picks the quick scan");
}

#[test]
fn words_or_a_language_switch_at_the_menu_keep_the_menu_in_the_language_spoken_now() {
    let out = chat_from_the_menu("en", &["hello", "lang nl-BE", "1", "stop"]);
    let refused = out.lines().position(|line| line == message("en", "notice-out-of-range")).expect("refused");
    let english = message("en", "flow-menu-title");
    assert!(out.lines().skip(refused).any(|line| line == english), "the menu under the refusal:\n{out}");
    let switched =
        out.lines().position(|line| line == message("nl-BE", "notice-language-changed")).expect("switched");
    let flemish = message("nl-BE", "flow-menu-title");
    assert!(out.lines().skip(switched).any(|line| line == flemish), "the menu again, in Flemish:\n{out}");
    assert_eq!(
        progress_lines(&out).first(),
        Some(&"Vraag 1 van ongeveer 23"),
        "1 still picks the quick scan:\n{out}"
    );
}

#[test]
fn the_whole_scan_in_english() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&SCRIPT));
    assert_eq!(progress_lines(&out).first(), Some(&"Question 1 of about 23"));
    assert_eq!(progress_lines(&out).last(), Some(&"Question 23 of 23"));
    assert_line(&out, &message("en", "quickscan-title"));
    assert_line(&out, &message("en", "snapshot-title"));
    assert_line(&out, "A Vision & leadership: 2.5 (Ad hoc)  ▰▰▱▱▱");
    assert_eq!(last_line(&out), message("en", "chat-bye-idle"));
}

#[test]
fn the_snapshot_shows_scores_gaps_priorities_and_warnings() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&SCRIPT));
    // See SCRIPT for the arithmetic.
    for line in [
        "A Vision & leadership: 2.5 (Ad hoc)  ▰▰▱▱▱",
        "  In two years: 4 (Embedded), gap 1.5 · priority",
        "B Data-driven work: not enough answers for a score (100% don't know)",
        "C Citizen-centred & inclusive: 3.0 (Agreed)  ▰▰▰▱▱",
        "  In two years: 3 (Agreed), gap 0.0 · ambition reached",
        "D Public values: 1.3 (Not started)  ▰▱▱▱▱",
        "  In two years: 3 (Agreed), gap 1.7 · priority", // 3 - 1.3 as shown (1.33 rounds to 1.3)
        "  Attention: public values score 1.3, below 2. Privacy, security and explainable algorithms need attention first.",
        "E AI readiness: 4.0 (Embedded)  ▰▰▰▰▱",
        "  In two years: 5 (Leading), gap 1.0",
        "F Skills: 3.0 (Independent)  ▰▰▰▱▱", // F is asked on the skill scale
        "  In two years: no ambition given",
        "  Don't know: 50%",
        "G Culture & collaboration: 5.0 (Leading)  ▰▰▰▰▰",
        "No overall index: not every theme has a score.",
        "Priorities: D Public values, A Vision & leadership", // largest gap first
    ] {
        assert_line(&out, line);
    }
    // Level 2 of A gives A's second next step.
    let next_a_2 = message("en", "next-a-2");
    assert_line(&out, &format!("  Next step: {next_a_2}"));
}

#[test]
fn the_overall_index_is_capped_one_level_above_the_lowest_theme() {
    // Every theme 5 except public values, 1 on each item:
    // index = (6 × 5 + 1) / 7 = 31/7 = 4.43 → "4.4", level 4 by itself; but the lowest
    // theme is at level 1, so the overall level is capped at 1 + 1 = 2 (Ad hoc).
    // D: 1.0 below 2 → warning; its ambition 3 → gap 2.0, the only priority.
    let script = [
        "5", "5", "5", "5", "5", "5", "5", "5", "5", // A, B, C
        "1", "1", "1", "3", // D
        "5", "5", "5", "5", "5", "5", "5", "5", "5", // E, F, G
        "2", // role
    ];
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&script));
    assert_line(
        &out,
        "Overall index 4.4, the mean of your themes, would make your overall level Embedded, but it is Ad hoc, as it is never more than one level above your lowest theme (D Public values).",
    );
    assert_line(
        &out,
        "  Attention: public values score 1.0, below 2. Privacy, security and explainable algorithms need attention first.",
    );
    assert_line(&out, "Priorities: D Public values");
}

#[test]
fn an_even_profile_has_an_uncapped_overall_index_and_no_priorities() {
    // Every item 3, every ambition 4: each theme 3.0 with gap 1.0, so no priorities;
    // index 3.0 (Agreed), not above lowest + 1, so not capped; public values 3.0, no warning.
    let script = [
        "3", "3", "4", // A
        "3", "3", "4", // B
        "3", "3", "4", // C
        "3", "3", "3", "4", // D
        "3", "3", "4", // E
        "3", "3", "4", // F
        "3", "3", "4", // G
        "5", // role
    ];
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&script));
    assert_line(&out, "Overall index 3.0, the mean of your themes, so your overall level is Agreed.");
    assert_no_line_containing(&out, "capped");
    assert_no_line_containing(&out, "Attention: public values");
    assert_line(&out, &message("en", "snapshot-no-priorities"));
}

#[test]
fn not_started_with_ai_skips_the_question_about_going_beyond_pilots() {
    // Up to e1: 13 answers; e1 = 1 ("not started") hides e2.
    let mut lines: Vec<&str> = SCRIPT[..13].to_vec();
    lines.push("1");
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&lines));
    let shown = progress_lines(&out);
    assert_eq!(shown[13], "Question 14 of about 23", "e1 is still out of 23");
    assert_eq!(shown[14], "Question 15 of 22", "e2 is gone: 22 questions");
    assert_line(&out, "E AI readiness: where should we realistically be in 2 years?");
    assert_no_line_containing(&out, &message("en", "q-e2"));

    // Going on: the rest of the scan counts to 22; E is scored on e1 alone.
    let rest = typed(&["5", "3", "6", "6", "5", "5", "5", "1"]);
    let out = chat(data.path(), None, &rest);
    assert_eq!(progress_lines(&out).last(), Some(&"Question 22 of 22"));
    assert_line(&out, "E AI readiness: 1.0 (Not started)  ▰▱▱▱▱");
    assert_line(&out, "  In two years: 5 (Leading), gap 4.0 · priority");
}

#[test]
fn going_back_from_after_a_skipped_question_skips_it_too() {
    let mut lines: Vec<&str> = SCRIPT[..13].to_vec();
    lines.extend(["1", "back"]);
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&lines));
    let shown = progress_lines(&out);
    assert_eq!(shown.last(), Some(&"Question 14 of 22"), "back at e1");
    assert_line(&out, "  1. Not started  ✓");
    // Answering e1 differently brings e2 back.
    let out = chat(data.path(), None, &typed(&["3"]));
    assert_eq!(progress_lines(&out).last(), Some(&"Question 15 of 23"));
    assert_line(&out, &message("en", "q-e2"));
}

#[test]
fn a_stopped_scan_resumes_where_it_was_left() {
    let data = data_dir();
    let first = chat(data.path(), Some("en"), &typed(&SCRIPT[..5]));
    assert_eq!(progress_lines(&first).last(), Some(&"Question 6 of about 23"));
    assert_eq!(last_line(&first), message("en", "chat-bye"));

    let second = chat(data.path(), Some("en"), &typed(&SCRIPT[5..]));
    assert_line(&second, &message("en", "scan-resumed"));
    assert_eq!(progress_lines(&second).first(), Some(&"Question 6 of about 23"), "resumes at question 6");
    assert_no_line_containing(&second, "Question 1 of");
    let before_question = second.split("Question 6 of about 23").next().unwrap_or_default();
    assert_no_line_containing(before_question, &message("en", "quickscan-title"));
    // The first run's answers count: A (2, 3, ambition 4) and B (don't know twice).
    assert_line(&second, "A Vision & leadership: 2.5 (Ad hoc)  ▰▰▱▱▱");
    assert_line(&second, "  In two years: 4 (Embedded), gap 1.5 · priority");
    assert_line(&second, "B Data-driven work: not enough answers for a score (100% don't know)");
}

#[test]
fn the_language_chosen_is_remembered() {
    let data = data_dir();
    chat(data.path(), Some("nl"), &typed(&["3"]));
    // No --lang and LANG=C (English) this time: the earlier choice wins.
    let out = chat(data.path(), None, "");
    assert_line(&out, &message("nl", "scan-resumed"));
    assert_eq!(progress_lines(&out), ["Vraag 2 van ongeveer 23"]);
}

#[test]
fn without_a_choice_the_language_follows_lang() {
    let data = data_dir();
    let data_arg = data.path().to_str().expect("UTF-8 path");
    let run =
        peilbot(&["chat", "--flow", "quickscan", "--data", data_arg], "", &[("LANG", "nl_BE.UTF-8")], None);
    assert!(run.status.success(), "{}", run.stderr);
    assert_line(&run.stdout, &message("nl-BE", "chat-welcome"));
    assert_line(&run.stdout, &message("nl-BE", "quickscan-title"));
}

#[test]
fn invalid_input_changes_nothing() {
    for (input, notice) in [
        ("I think it is fine", message("en", "notice-expected-choice")),
        ("0", message("en", "notice-out-of-range")),
        ("99", message("en", "notice-out-of-range")),
    ] {
        let data = data_dir();
        let out = chat(data.path(), Some("en"), &typed(&["2", input]));
        assert_line(&out, &notice);
        assert_eq!(
            progress_lines(&out),
            ["Question 1 of about 23", "Question 2 of about 23", "Question 2 of about 23"],
            "after {input:?} the same question again"
        );
        // Nothing was stored either: the next run resumes at the same question.
        let again = chat(data.path(), None, "");
        assert_eq!(progress_lines(&again), ["Question 2 of about 23"], "after {input:?}");
    }
}

#[test]
fn an_unknown_language_is_refused_and_changes_nothing() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&["2", "lang xx", "3"]));
    assert_line(&out, &message("en", "chat-unknown-language"));
    // Still English, and the next answer goes to question 2.
    assert_eq!(
        progress_lines(&out),
        [
            "Question 1 of about 23",
            "Question 2 of about 23",
            "Question 2 of about 23",
            "Question 3 of about 23"
        ]
    );
}

#[test]
fn an_unknown_language_shows_the_same_question_again() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&["2", "lang xx"]));
    let refusal = message("en", "chat-unknown-language");
    let after = out.split(&refusal).nth(1).expect("the refusal is shown");
    assert_eq!(progress_lines(after), ["Question 2 of about 23"]);
}

#[test]
fn back_changes_the_previous_answer() {
    // a1 2, a2 3, back, a2 5 → A = (2 + 5) / 2 = 3.5 (Agreed); ambition 4 → gap 0.5, so
    // A is no longer a priority (the script's 2.5 would have given 1.5).
    let mut lines = vec!["2", "3", "back", "5"];
    lines.extend_from_slice(&SCRIPT[2..]);
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&lines));
    assert_eq!(
        progress_lines(&out)[..4],
        [
            "Question 1 of about 23",
            "Question 2 of about 23",
            "Question 3 of about 23",
            "Question 2 of about 23"
        ]
    );
    assert_line(&out, "  3. Agreed  ✓");
    assert_line(&out, "A Vision & leadership: 3.5 (Agreed)  ▰▰▰▱▱");
    assert_line(&out, "  In two years: 4 (Embedded), gap 0.5");
    assert_line(&out, "Priorities: D Public values");
}

#[test]
fn back_on_the_first_question_goes_nowhere() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&["back"]));
    assert_line(&out, &message("en", "notice-nothing-to-go-back"));
    assert_eq!(progress_lines(&out), ["Question 1 of about 23", "Question 1 of about 23"]);
}

#[test]
fn switching_language_mid_scan_keeps_the_place() {
    let data = data_dir();
    let out = chat(data.path(), Some("nl"), &typed(&["2", "3", "4", "lang en"]));
    let switched = message("en", "notice-language-changed");
    let (before, after) = out.split_once(&switched).expect("the switch is confirmed in English");
    assert_eq!(progress_lines(before).last(), Some(&"Vraag 4 van ongeveer 23"));
    assert_eq!(progress_lines(after), ["Question 4 of about 23"]);
    assert_line(after, "B Data-driven work");
    assert_line(after, &message("en", "q-b1"));
    assert_eq!(last_line(after), message("en", "chat-bye"));
}

#[test]
fn a_cancelled_scan_starts_over() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&["2", "3", "cancel", "yes"]));
    assert_line(&out, &message("en", "notice-cancelled"));

    let again = chat(data.path(), Some("en"), "");
    assert_no_line_containing(&again, &message("en", "scan-resumed"));
    assert_eq!(progress_lines(&again), ["Question 1 of about 23"]);
    assert_line(&again, &message("en", "quickscan-title"));
}

#[test]
fn peilbot_data_names_the_data_folder() {
    let data = data_dir();
    let folder = data.path().join("answers");
    let folder_text = folder.to_str().expect("UTF-8 path");
    let run = peilbot(
        &["chat", "--flow", "quickscan", "--lang", "en"],
        &typed(&["2", "3"]),
        &[("PEILBOT_DATA", folder_text)],
        None,
    );
    assert!(run.status.success(), "{}", run.stderr);
    assert!(folder.is_dir(), "the data folder is created where PEILBOT_DATA says");

    // The same folder named with --data holds the scan.
    let out = chat(&folder, Some("en"), "");
    assert_line(&out, &message("en", "scan-resumed"));
    assert_eq!(progress_lines(&out), ["Question 3 of about 23"]);
}

#[test]
fn without_data_or_peilbot_data_answers_go_to_peilbot_data_here() {
    let cwd = data_dir();
    let first =
        peilbot(&["chat", "--flow", "quickscan", "--lang", "en"], &typed(&["2"]), &[], Some(cwd.path()));
    assert!(first.status.success(), "{}", first.stderr);
    assert!(cwd.path().join("peilbot-data").is_dir());

    let second = peilbot(&["chat", "--flow", "quickscan"], "", &[], Some(cwd.path()));
    assert_line(&second.stdout, &message("en", "scan-resumed"));
    assert_eq!(progress_lines(&second.stdout), ["Question 2 of about 23"]);
}

/// The data folder and every file in it are readable by the user running peilbot only.
#[cfg(unix)]
#[test]
fn the_data_folder_is_private_to_its_user() {
    use std::os::unix::fs::PermissionsExt;
    let data = data_dir();
    let store = data.path().join("store");
    chat(&store, Some("en"), &typed(&["3", "quit"]));
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store), 0o700, "the folder");
    let mut files = 0;
    let mut folders = vec![store.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                assert_eq!(mode(&path), 0o700, "{}", path.display());
                folders.push(path);
            } else {
                assert_eq!(mode(&path), 0o600, "{}", path.display());
                files += 1;
            }
        }
    }
    assert!(files > 0, "sled wrote its files");
}

// ---------------------------------------------------------------------------
// Issue 12: privacy and polish in the terminal
// ---------------------------------------------------------------------------

/// The first lines of the privacy notice, in English.
const NOTICE: &str = "Before you begin: what I keep, and who sees it.";

#[test]
fn the_privacy_notice_is_printed_once_and_needs_no_answer() {
    let data = data_dir();
    let first = chat(data.path(), Some("en"), &typed(&["2"]));
    assert_line(&first, NOTICE);
    assert!(first.contains("deleted two years after you finished it"), "{first}");
    // The scan went on right after it: the first answer counted.
    assert_eq!(progress_lines(&first).last(), Some(&"Question 2 of about 23"));
    let second = chat(data.path(), Some("en"), "");
    assert_no_line_containing(&second, NOTICE);
}

#[test]
fn privacy_and_mydata_tell_what_is_kept() {
    let data = data_dir();
    chat(data.path(), Some("en"), &typed(&SCRIPT));
    let out = chat(data.path(), Some("en"), &typed(&["privacy", "mydata"]));
    assert_line(&out, "How Peilbot handles your data");
    assert!(out.contains("team results of 5 people or more"), "{out}");
    // Only what the terminal has: no Telegram commands, no chat account.
    for absent in ["/mydata", "/forget", "/settings", "/cancel", "Telegram"] {
        assert!(!out.contains(absent), "{absent:?} in the terminal's statement:\n{out}");
    }
    assert!(out.contains("\"mydata\" shows everything kept about you"), "{out}");
    let summary = out.lines().find(|l| l.starts_with("What I keep about you:")).expect("a summary");
    assert!(summary.contains("one finished scan"), "{summary}");
    assert!(summary.ends_with("holds all of it, exactly as stored."), "{summary}");
    // The JSON document follows the summary, whole.
    let start = out.find("{\n").expect("a JSON document");
    let mut stream = serde_json::Deserializer::from_str(&out[start..]).into_iter::<serde_json::Value>();
    let document = stream.next().expect("JSON").expect("valid JSON");
    assert_eq!(document["person"], "local:terminal");
    assert_eq!(document["completed_scans"][0]["answers"]["a1"], serde_json::json!({ "level": 2 }));
}

#[test]
fn forget_asks_for_yes_and_then_deletes_everything() {
    let data = data_dir();
    chat(data.path(), Some("en"), &typed(&SCRIPT));
    let kept = chat(data.path(), Some("en"), &typed(&["forget", "no", "mydata"]));
    assert_line(&kept, "Type \"yes\" to go ahead; anything else leaves everything as it is.");
    assert_line(&kept, "Fine: nothing has changed.");
    assert!(kept.contains("one finished scan"), "{kept}");

    let gone = chat(data.path(), Some("en"), &typed(&["forget", "yes", "mydata"]));
    assert_line(&gone, &message("en", "chat-forgotten"));
    assert!(gone.contains("no finished scans, no scan in progress"), "{gone}");
    // A new run meets the person as for the first time.
    let again = chat(data.path(), Some("en"), "");
    assert_line(&again, NOTICE);
}

#[test]
fn cancel_asks_for_yes_first() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&["2", "3", "cancel", "no", "4"]));
    assert_line(&out, "Stop the scan? Your 2 answers so far will be deleted. This cannot be undone.");
    assert_eq!(progress_lines(&out).last(), Some(&"Question 4 of about 23"), "no: the scan goes on");
}

#[test]
fn output_wraps_at_the_terminal_width() {
    for (columns, width) in [(Some("40"), 40), (None, 80)] {
        let data = data_dir();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_peilbot"));
        command.args(["chat", "--lang", "en", "--data", data.path().to_str().unwrap()]);
        command.env("LANG", "C").env_remove("COLUMNS").stdin(std::process::Stdio::null());
        if let Some(columns) = columns {
            command.env("COLUMNS", columns);
        }
        let stdout = String::from_utf8(command.output().unwrap().stdout).unwrap();
        let longest = stdout.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(longest <= width, "a line of {longest} characters at width {width}:\n{stdout}");
        assert!(longest > width - 15, "the width is used: {longest} of {width}");
        // A bullet's later lines line up with its text.
        let lines: Vec<&str> = stdout.lines().collect();
        let bullet = lines.iter().position(|l| l.starts_with("• What I keep")).expect("the notice");
        assert!(lines[bullet + 1].starts_with("  "), "{stdout}");
    }
}

#[test]
fn the_role_question_offers_no_skip_and_the_snapshot_has_a_bar_per_theme() {
    let data = data_dir();
    let out = chat(data.path(), Some("en"), &typed(&SCRIPT[..22]));
    let role = out.split(&message("en", "q-role")).nth(1).expect("the role question");
    assert_line(role, "(number, \"back\", \"help\")");
    let finished = chat(data.path(), Some("en"), &typed(&["?", "1"]));
    assert_line(&finished, &message("en", "notice-out-of-range"));
    assert_line(&finished, "G Culture & collaboration: 5.0 (Leading)  ▰▰▰▰▰");
}

#[test]
fn the_terminal_never_speaks_of_taps() {
    let data = data_dir();
    for lang in ["en", "nl", "nl-BE"] {
        let out = chat(data.path(), Some(lang), &typed(&SCRIPT));
        let lower = out.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        for word in ["tap", "taps", "tapping", "tik", "tikken", "tikt"] {
            assert!(!words.contains(&word), "{lang} says {word:?}:\n{out}");
        }
    }
}

#[test]
fn chat_help_lists_the_commands_in_the_chat() {
    let run = peilbot(&["chat", "--help"], "", &[], None);
    assert!(run.status.success());
    for command in ["back", "skip, ?", "lang nl", "cancel", "privacy", "mydata", "forget", "quit"] {
        assert!(run.stdout.contains(command), "{command} missing from:\n{}", run.stdout);
    }
}

#[test]
fn a_closed_pipe_ends_the_chat_quietly() {
    use std::io::{Read, Write};
    let data = data_dir();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_peilbot"))
        .args(["chat", "--lang", "en", "--data", data.path().to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take()); // like `| head`
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(typed(&SCRIPT).as_bytes());
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit {:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "nothing said about the pipe");
}

#[test]
fn a_data_folder_that_is_a_file_is_named_with_its_cause_once() {
    let data = data_dir();
    let file = data.path().join("answers");
    std::fs::write(&file, "").unwrap();
    let (_, stderr, status) = run_chat(&["--data", file.to_str().unwrap()], "");
    assert!(!status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("it is a file, not a folder"), "{stderr}");
    assert!(!stderr.contains("another peilbot"), "no guess about a lock: {stderr}");
}

#[test]
fn above_the_ambition_is_said_in_words() {
    // A: 5 and 5, ambition 3: two levels above what the person wants in two years.
    let mut lines = vec!["5", "5", "3"];
    lines.extend_from_slice(&SCRIPT[3..]);
    for (lang, expected) in [
        ("en", "  In two years: 3 (Agreed). You are already 2.0 above that."),
        ("nl", "  Over twee jaar: 3 (Afgesproken). Je zit daar nu al 2,0 boven."),
    ] {
        let data = data_dir();
        let out = chat(data.path(), Some(lang), &typed(&lines));
        assert_line(&out, expected);
    }
}

/// Each answer typed is one durable commit: three more answers, three more waits for the
/// disk (counted by the store, logged at debug level when the chat ends).
#[test]
fn each_answer_typed_waits_for_the_disk_once() {
    let flushes = |answers: usize| {
        let data = data_dir();
        let data = data.path().to_str().expect("UTF-8 path");
        let args = ["chat", "--lang", "en", "--flow", "quickscan", "--data", data];
        let env = [("RUST_LOG", "peilbot=debug"), ("PEILBOT_LOG_FORMAT", "json")];
        let run = peilbot(&args, &typed(&vec!["3"; answers]), &env, None);
        assert!(run.status.success(), "{}", run.stderr);
        let count = run.stderr.split("\"flushes\":").nth(1).and_then(|rest| rest.split([',', '}']).next());
        count
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("no flush count in:\n{}", run.stderr))
    };
    assert_eq!(flushes(5) - flushes(2), 3);
}

/// "levels" after a scan: per theme where the person stands and the level above, in the
/// flow's own words (a theme without a score says so).
#[test]
fn levels_says_what_the_level_reached_and_the_next_one_look_like() {
    let data = data_dir();
    let mut lines = SCRIPT.to_vec();
    lines.push("levels");
    let out = chat(data.path(), Some("en"), &typed(&lines));
    // The snapshot says how to ask.
    assert_line(&out, &message("en", "chat-levels-hint"));
    assert_line(&out, &message("en", "levels-title"));
    // A is at 2.5: level 2, and 3 above it.
    assert_line(&out, &format!("Where you are (2 · Ad hoc): {}", message("en", "level-a-2")));
    assert_line(&out, &format!("The next level (3 · Agreed): {}", message("en", "level-a-3")));
    assert_line(&out, &message("en", "levels-no-score"));
}
