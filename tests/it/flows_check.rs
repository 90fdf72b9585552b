//! `peilbot flows check [DIR]`: the shipped flows and locales pass; a copy with one mistake
//! fails, and the error names the file and line a writer has to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::support::binary::{FtlEntry, Run, ftl_entries, manifest_dir, peilbot};
use tempfile::TempDir;

const FLOW: &str = "flows/quickscan.toml";

fn check(dir: Option<&Path>) -> Run {
    let mut args = vec!["flows", "check"];
    if let Some(dir) = dir {
        args.push(dir.to_str().expect("UTF-8 path"));
    }
    peilbot(&args, "", &[], None)
}

fn assert_passes(run: &Run) {
    assert!(run.status.success(), "flows check failed:\n{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one line of output expected:\n{}", run.stdout);
    assert!(lines[0].starts_with("ok:"), "not ok: {}", lines[0]);
    assert!(lines[0].contains("2 flow(s) with 42 questions"), "{}", lines[0]);
    assert_eq!(run.stderr, "", "a clean run prints nothing to stderr");
}

#[test]
fn the_shipped_tree_passes() {
    assert_passes(&check(Some(&manifest_dir())));
}

#[test]
fn the_copy_built_into_the_binary_passes() {
    assert_passes(&check(None));
}

#[test]
fn an_unedited_copy_passes() {
    // The broken fixtures below are this copy with one edit; the edit alone must break it.
    assert_passes(&check(Some(shipped_copy().path())));
}

// ---------------------------------------------------------------------------------------
// Broken fixtures: the shipped tree with one edit.

/// A fresh copy of the shipped `flows/` and `locales/`.
fn shipped_copy() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for folder in ["flows", "locales"] {
        copy_dir(&manifest_dir().join(folder), &dir.path().join(folder));
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

fn shipped(file: &str) -> String {
    fs::read_to_string(manifest_dir().join(file)).expect("shipped file")
}

/// What `flows check` said about a copy with one edited file.
struct Broken {
    stderr: String,
    /// The edited file's text, to find expected line numbers in.
    edited: String,
}

/// Applies `edit` to `file` in a shipped copy, runs `flows check` on it and expects failure.
fn check_with_edit(file: &str, edit: impl FnOnce(&str) -> String) -> Broken {
    let dir = shipped_copy();
    let path = dir.path().join(file);
    let original = fs::read_to_string(&path).expect("file to edit");
    let edited = edit(&original);
    assert_ne!(edited, original, "the edit changed nothing");
    fs::write(&path, &edited).expect("write edited file");
    let run = check(Some(dir.path()));
    assert!(!run.status.success(), "flows check accepted a broken {file}:\n{}", run.stdout);
    assert!(!run.stdout.contains("ok:"), "said ok: {}", run.stdout);
    Broken { stderr: run.stderr, edited }
}

/// Replaces the one occurrence of `from`.
fn replace_once(from: &str, to: &str) -> impl FnOnce(&str) -> String {
    let (from, to) = (from.to_string(), to.to_string());
    move |text| {
        assert_eq!(text.matches(&from).count(), 1, "`{from}` is not unique");
        text.replacen(&from, &to, 1)
    }
}

/// Deletes the one-line Fluent message `id`.
fn delete_message(id: &str) -> impl FnOnce(&str) -> String {
    let prefix = format!("{id} =");
    move |text| {
        let kept: Vec<&str> = text.lines().filter(|line| !line.starts_with(&prefix)).collect();
        assert_eq!(kept.len() + 1, text.lines().count(), "no single `{prefix}`");
        kept.join("\n") + "\n"
    }
}

fn append(extra: &str) -> impl FnOnce(&str) -> String {
    let extra = extra.to_string();
    move |text| format!("{text}{extra}")
}

/// The 1-based numbers of the lines containing `needle`.
fn lines_with(text: &str, needle: &str) -> Vec<usize> {
    (1..).zip(text.lines()).filter(|(_, line)| line.contains(needle)).map(|(number, _)| number).collect()
}

/// The 1-based number of the one line containing `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    let lines = lines_with(text, needle);
    assert_eq!(lines.len(), 1, "`{needle}` is on lines {lines:?}");
    lines[0]
}

/// Some line of `stderr` reads `file:line: ...` and contains each of `words`.
fn assert_reported(stderr: &str, file: &str, line: usize, words: &[&str]) {
    let prefix = format!("{file}:{line}: ");
    let found = stderr.lines().any(|l| l.starts_with(&prefix) && words.iter().all(|word| l.contains(word)));
    assert!(found, "expected a line `{prefix}...` mentioning {words:?}; stderr was:\n{stderr}");
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    // A string left open.
    let broken =
        check_with_edit(FLOW, replace_once("title = \"quickscan-title\"", "title = \"quickscan-title"));
    let line = line_with(&broken.edited, "title = \"quickscan-title");
    assert_reported(&broken.stderr, FLOW, line, &["string"]);
}

#[test]
fn an_unknown_dimension_is_named() {
    let broken = check_with_edit(
        FLOW,
        replace_once(
            "id = \"b1\"\nkind = \"scale\"\ndimension = \"b\"",
            "id = \"b1\"\nkind = \"scale\"\ndimension = \"x\"",
        ),
    );
    let line = line_with(&broken.edited, "dimension = \"x\"");
    assert_reported(&broken.stderr, FLOW, line, &["unknown dimension", "`x`"]);
}

#[test]
fn a_duplicate_question_id_points_at_the_second_one() {
    let broken = check_with_edit(FLOW, replace_once("id = \"b2\"", "id = \"b1\""));
    let lines = lines_with(&broken.edited, "id = \"b1\"");
    assert_eq!(lines.len(), 2);
    assert_reported(&broken.stderr, FLOW, lines[1], &["duplicate", "`b1`"]);
}

#[test]
fn show_if_on_an_unknown_question_is_refused() {
    let broken = check_with_edit(FLOW, replace_once("question = \"e1\"", "question = \"zz\""));
    let line = line_with(&broken.edited, "question = \"zz\"");
    assert_reported(&broken.stderr, FLOW, line, &["show_if", "unknown", "`zz`"]);
}

#[test]
fn show_if_may_only_look_back() {
    // e2 asks about f1, which comes later; and about itself, which is not before it either.
    for target in ["f1", "e2"] {
        let edited_condition = format!("question = \"{target}\"");
        let broken = check_with_edit(FLOW, replace_once("question = \"e1\"", &edited_condition));
        let line = line_with(&broken.edited, &edited_condition);
        let quoted = format!("`{target}`");
        assert_reported(&broken.stderr, FLOW, line, &["show_if", &quoted, "not asked before"]);
    }
}

#[test]
fn a_scale_with_four_labels_is_refused() {
    let broken = check_with_edit(FLOW, replace_once(", \"scale-level-5\"]", "]"));
    let line = line_with(&broken.edited, "id = \"level\"");
    assert_reported(&broken.stderr, FLOW, line, &["`level`", "4 labels"]);
}

#[test]
fn a_scale_without_labels_is_refused() {
    let labels = shipped(FLOW)
        .lines()
        .find(|line| line.starts_with("labels = [\"scale-level-1\""))
        .expect("the level scale's labels")
        .to_string();
    let broken = check_with_edit(FLOW, replace_once(&format!("{labels}\n"), ""));
    // The scale's table starts at its `[[scales]]` header, just above `id = "level"`.
    let header = line_with(&broken.edited, "id = \"level\"") - 1;
    assert_eq!(broken.edited.lines().nth(header - 1), Some("[[scales]]"));
    assert_reported(&broken.stderr, FLOW, header, &["labels"]);
}

#[test]
fn a_message_missing_in_one_language_is_named_with_that_language() {
    // Flemish has its own title, so only Dutch lacks it.
    let broken = check_with_edit("locales/nl/quickscan.ftl", delete_message("quickscan-title"));
    let flow_line = line_with(&shipped(FLOW), "\"quickscan-title\"");
    assert_reported(&broken.stderr, FLOW, flow_line, &["`quickscan-title`", "not defined in nl"]);
    let english = shipped("locales/en/quickscan.ftl");
    let english_line = line_with(&english, "quickscan-title =");
    assert_reported(
        &broken.stderr,
        "locales/en/quickscan.ftl",
        english_line,
        &["`quickscan-title`", "nl translation"],
    );
    assert!(!broken.stderr.contains("nl-BE"), "Flemish has its own title:\n{}", broken.stderr);
}

#[test]
fn a_message_missing_in_dutch_is_missing_in_flemish_too() {
    // nl-BE does not override q-b2, so it falls back to Dutch and lacks it as well.
    let broken = check_with_edit("locales/nl/quickscan.ftl", delete_message("q-b2"));
    let flow_line = line_with(&shipped(FLOW), "\"q-b2\"");
    assert_reported(&broken.stderr, FLOW, flow_line, &["`q-b2`", "nl", "nl-BE"]);
    let english_line = line_with(&shipped("locales/en/quickscan.ftl"), "q-b2 =");
    for translation in ["no nl translation", "no nl-BE translation"] {
        assert_reported(&broken.stderr, "locales/en/quickscan.ftl", english_line, &["`q-b2`", translation]);
    }
}

#[test]
fn a_fluent_syntax_error_names_the_ftl_line() {
    let file = "locales/en/bot.ftl";
    let broken = check_with_edit(
        file,
        replace_once("progress = Question { $position } of", "progress = Question { $position of"),
    );
    let line = line_with(&broken.edited, "{ $position of");
    assert_reported(&broken.stderr, file, line, &["syntax"]);
}

#[test]
fn a_message_english_does_not_have_is_refused() {
    for lang in ["nl", "nl-BE"] {
        let file = format!("locales/{lang}/bot.ftl");
        let broken = check_with_edit(&file, append("extra-remark = Nog iets\n"));
        let line = line_with(&broken.edited, "extra-remark =");
        assert_reported(&broken.stderr, &file, line, &["`extra-remark`", "not in English"]);
    }
}

#[test]
fn a_missing_program_message_is_named() {
    let broken = check_with_edit("locales/en/bot.ftl", delete_message("chat-bye"));
    // The program names its messages in crates/peilbot-core/src/messages.rs; that is where the key is used.
    let line = line_with(&shipped("crates/peilbot-core/src/messages.rs"), "\"chat-bye\"");
    assert_reported(
        &broken.stderr,
        "crates/peilbot-core/src/messages.rs",
        line,
        &["`chat-bye`", "missing in en"],
    );
}

#[test]
fn a_reference_to_an_undefined_term_is_refused() {
    let file = "locales/en/quickscan.ftl";
    let broken = check_with_edit(file, replace_once("in our { -org } acts", "in our { -orgg } acts"));
    let line = line_with(&broken.edited, "-orgg");
    assert_reported(&broken.stderr, file, line, &["`q-a1`", "term", "-orgg"]);
}

#[test]
fn a_misspelt_variable_is_refused() {
    // Rendered, this would read "Vraag {$positie} van 23".
    let file = "locales/nl/bot.ftl";
    let broken = check_with_edit(
        file,
        replace_once("progress = Vraag { $position }", "progress = Vraag { $positie }"),
    );
    let line = line_with(&broken.edited, "$positie");
    assert_reported(&broken.stderr, file, line, &["positie"]);
}

// ---------------------------------------------------------------------------------------
// Translation completeness, read straight from the files as a safety net.

fn message_ids(entries: &[FtlEntry]) -> BTreeMap<String, &FtlEntry> {
    entries.iter().filter(|entry| !entry.is_term()).map(|entry| (entry.id.clone(), entry)).collect()
}

#[test]
fn every_english_message_is_translated_and_nothing_else() {
    let root = manifest_dir();
    let (en, nl, be) = (ftl_entries(&root, "en"), ftl_entries(&root, "nl"), ftl_entries(&root, "nl-BE"));
    let english = message_ids(&en);
    let dutch = message_ids(&nl);
    let flemish_own = message_ids(&be);
    assert!(english.len() > 100, "too few English messages: {}", english.len());

    let mut problems = Vec::new();
    for (id, entry) in &english {
        if !dutch.contains_key(id) {
            problems.push(format!("{}:{}: `{id}` has no nl", entry.file, entry.line));
        }
        if !dutch.contains_key(id) && !flemish_own.contains_key(id) {
            problems.push(format!("{}:{}: `{id}` has no nl-BE", entry.file, entry.line));
        }
    }
    for (id, entry) in dutch.iter().chain(&flemish_own) {
        if !english.contains_key(id) {
            problems.push(format!("{}:{}: `{id}` is not in English", entry.file, entry.line));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn flemish_never_says_netherlands_only_words() {
    let root = manifest_dir();
    // What nl-BE speaks: Dutch, overridden entry by entry (terms too) by its own files.
    let mut flemish: BTreeMap<String, FtlEntry> = BTreeMap::new();
    for entry in ftl_entries(&root, "nl").into_iter().chain(ftl_entries(&root, "nl-BE")) {
        flemish.insert(entry.id.clone(), entry);
    }
    let words = ["gemeente", "digid", "wethouder", "balie"];
    let found: BTreeSet<String> = flemish
        .values()
        .flat_map(|entry| {
            let value = entry.value.to_lowercase();
            words
                .iter()
                .filter(move |word| value.contains(*word))
                .map(move |word| format!("{}:{}: `{}` says {word}", entry.file, entry.line, entry.id))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.into_iter().collect::<Vec<_>>().join("\n"));
    // The check sees Dutch's own words, so it would catch a missing override.
    let dutch_org =
        ftl_entries(&root, "nl").into_iter().find(|entry| entry.id == "-org").expect("Dutch defines -org");
    assert!(dutch_org.value.contains("gemeente"));
}

/// A flow written for the first release has no `minutes` (added with the flow menu): it
/// still loads, with an estimate, and `flows check` says so as a warning, not a refusal.
#[test]
fn a_flow_from_before_minutes_loads_with_an_estimate_and_a_warning() {
    let dir = shipped_copy();
    let path = dir.path().join(FLOW);
    let text = fs::read_to_string(&path).expect("the flow");
    let older: String =
        text.lines().filter(|line| !line.starts_with("minutes =")).map(|l| format!("{l}\n")).collect();
    assert_ne!(older, text, "the copy had a minutes line to drop");
    fs::write(&path, older).expect("write the older flow");

    let run = check(Some(dir.path()));
    assert!(run.status.success(), "an older flow is not refused:\n{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("ok:"), "{}", run.stdout);
    let warning = run.stderr.lines().next().unwrap_or_default();
    assert!(
        warning.starts_with("warning: ")
            && warning.contains("quickscan.toml")
            && warning.contains("no `minutes`"),
        "{}",
        run.stderr
    );
    // The menu shows the estimate: 23 questions at 15 seconds each, about 6 minutes.
    let list = peilbot(&["flows", "list", "--content", dir.path().to_str().unwrap()], "", &[], None);
    assert!(list.status.success(), "{}", list.stderr);
    let line =
        list.stdout.lines().find(|line| line.starts_with("quickscan\t")).expect("the quick scan is listed");
    assert!(line.contains("\t6 min\t"), "{line}");
}
