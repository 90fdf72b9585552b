//! Adding a language is data: a folder under `locales/` and one `LanguageSpec` (for the
//! built-in languages, a line in the table in `lang.rs`). A copy of the shipped tree gets a
//! throw-away Frisian (`fy`), loaded with the built-in languages plus its spec, and is held
//! to every check the built-in ones are; with a fallback it takes what it lacks from there.

use std::fs;

use crate::support::binary::manifest_dir;
use peilbot::content::Content;
use peilbot::diagnostic::Diagnostic;
use peilbot::lang::{Decimal, Lang, LanguageSpec};
use peilbot::messages::Msg;
use peilbot::sources::Sources;
use tempfile::TempDir;

const FRISIAN: LanguageSpec = LanguageSpec { tag: "fy", decimal: Decimal::Comma, fallback: None };

/// Frisian that starts from `fallback` and overrides what differs, as nl-BE does with nl.
fn frisian_on(fallback: &'static str) -> LanguageSpec {
    LanguageSpec { fallback: Some(fallback), ..FRISIAN }
}

/// The built-in languages plus `extra`.
fn built_in_and(extra: LanguageSpec) -> Vec<LanguageSpec> {
    Lang::SPECS.into_iter().chain([extra]).collect()
}

/// The shipped `flows/` and `locales/`, written out to a temporary folder.
struct Tree {
    dir: TempDir,
}

impl Tree {
    fn shipped() -> Tree {
        let tree = Tree { dir: tempfile::tempdir().expect("temporary folder") };
        let shipped = Sources::from_dir(&manifest_dir()).expect("the shipped tree reads");
        for file in shipped.flows.iter().chain(shipped.locales.iter().flat_map(|(_, files)| files)) {
            tree.write(&file.path, &file.text);
        }
        tree
    }

    /// The shipped tree plus Frisian: English's files under `locales/fy/`, and the name
    /// `lang-fy` in English (so in Frisian) and Dutch (so in Flemish).
    fn with_complete_frisian() -> Tree {
        let tree = Tree::shipped();
        tree.name_frisian();
        for file in Sources::from_dir(tree.dir.path()).expect("the copy reads").locale("en") {
            tree.write(&file.path.replace("locales/en/", "locales/fy/"), &file.text);
        }
        tree
    }

    fn name_frisian(&self) {
        for file in ["locales/en/bot.ftl", "locales/nl/bot.ftl"] {
            self.edit(file, |text| format!("{text}lang-fy = Frysk\n"));
        }
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a file in a folder")).expect("create folder");
        fs::write(path, text).expect("write file");
    }

    fn read(&self, path: &str) -> String {
        fs::read_to_string(self.dir.path().join(path)).expect("read file")
    }

    fn edit(&self, path: &str, edit: impl FnOnce(&str) -> String) {
        let original = self.read(path);
        let edited = edit(&original);
        assert_ne!(edited, original, "the edit of {path} changed nothing");
        self.write(path, &edited);
    }

    fn load(&self, languages: &[LanguageSpec]) -> Result<Content, Vec<Diagnostic>> {
        Content::load_for(&Sources::from_dir(self.dir.path()).expect("the copy reads"), languages)
    }

    /// Loads, expecting the checks to pass.
    fn loaded(&self, languages: &[LanguageSpec]) -> Content {
        self.load(languages).unwrap_or_else(|problems| {
            panic!("refused:\n{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        })
    }

    /// Loads, expecting the checks to refuse; the problems as `file:line: message` lines.
    fn problems(&self, languages: &[LanguageSpec]) -> Vec<String> {
        match self.load(languages) {
            Ok(content) => panic!("loaded, but should not have: {}", content.summary),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }
}

/// Deletes the one-line message `id` from a Fluent file's text.
fn without_message(id: &str) -> impl FnOnce(&str) -> String {
    let definition = format!("{id} =");
    move |text| {
        let (gone, kept): (Vec<&str>, Vec<&str>) =
            text.lines().partition(|line| line.starts_with(&definition));
        assert_eq!(gone.len(), 1, "no single `{definition}`");
        kept.join("\n") + "\n"
    }
}

fn replace_once(from: &'static str, to: &'static str) -> impl FnOnce(&str) -> String {
    move |text| {
        assert_eq!(text.matches(from).count(), 1, "`{from}` is not unique");
        text.replacen(from, to, 1)
    }
}

/// The 1-based number of the one line of `text` containing `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> =
        (1..).zip(text.lines()).filter(|(_, line)| line.contains(needle)).map(|(number, _)| number).collect();
    assert_eq!(lines.len(), 1, "`{needle}` is on lines {lines:?}");
    lines[0]
}

/// Some problem reads `file:line: ...` and contains each of `words`.
fn assert_reported(problems: &[String], file: &str, line: usize, words: &[&str]) {
    let prefix = format!("{file}:{line}: ");
    let found = problems.iter().any(|p| p.starts_with(&prefix) && words.iter().all(|word| p.contains(word)));
    assert!(
        found,
        "expected `{prefix}...` mentioning {words:?}; the problems were:\n{}",
        problems.join("\n")
    );
}

fn shipped(file: &str) -> String {
    fs::read_to_string(manifest_dir().join(file)).expect("shipped file")
}

#[test]
fn a_folder_and_a_spec_make_a_fourth_language() {
    let tree = Tree::with_complete_frisian();
    let content = tree.loaded(&built_in_and(FRISIAN));
    assert!(content.summary.contains("4 languages (nl, nl-BE, en, fy)"), "{}", content.summary);
    let bye = content.locales.try_text_in("fy", Msg::ChatBye.key(), &[]);
    assert_eq!(bye, content.locales.try_text(Lang::En, Msg::ChatBye.key(), &[]));
    assert_eq!(content.locales.try_text_in("nl", "lang-fy", &[]).as_deref(), Ok("Frysk"));
    // Without its spec the folder is just not a language (yet).
    let built_in = tree.loaded(&Lang::SPECS);
    assert!(!built_in.locales.has_in("fy", Msg::ChatBye.key()));
}

#[test]
fn every_program_message_is_checked_in_the_new_language() {
    let tree = Tree::shipped();
    tree.name_frisian();
    tree.write("locales/fy/bot.ftl", "lang-fy = Frysk\n");
    let problems = tree.problems(&built_in_and(FRISIAN));
    for msg in Msg::ALL.iter().filter(|msg| msg.key() != "lang-fy") {
        let line = line_with(&shipped("crates/peilbot-core/src/messages.rs"), &format!("\"{}\"", msg.key()));
        let quoted = format!("`{}`", msg.key());
        assert_reported(&problems, "crates/peilbot-core/src/messages.rs", line, &[&quoted, "missing in fy"]);
    }
    // Only Frisian is incomplete, and every problem says so.
    for problem in &problems {
        assert!(problem.contains("fy"), "a problem not about Frisian: {problem}");
    }
}

#[test]
fn a_message_deleted_from_the_new_language_is_named_with_file_and_language() {
    let tree = Tree::with_complete_frisian();
    tree.edit("locales/fy/bot.ftl", without_message("chat-bye"));
    tree.edit("locales/fy/quickscan.ftl", without_message("q-b2"));
    let problems = tree.problems(&built_in_and(FRISIAN));

    let program_line = line_with(&shipped("crates/peilbot-core/src/messages.rs"), "\"chat-bye\"");
    let messages = "crates/peilbot-core/src/messages.rs";
    assert_reported(&problems, messages, program_line, &["`chat-bye`", "missing in fy"]);
    let english = tree.read("locales/en/bot.ftl");
    let english_line = line_with(&english, "chat-bye =");
    let translation = ["`chat-bye`", "no fy translation (locales/fy/)"];
    assert_reported(&problems, "locales/en/bot.ftl", english_line, &translation);
    let flow_line = line_with(&shipped("flows/quickscan.toml"), "\"q-b2\"");
    assert_reported(&problems, "flows/quickscan.toml", flow_line, &["`q-b2`", "not defined in fy"]);
    for problem in &problems {
        assert!(problem.contains("fy"), "a problem not about Frisian: {problem}");
    }
}

#[test]
fn the_new_language_is_held_to_english_like_the_others() {
    let tree = Tree::with_complete_frisian();
    tree.edit("locales/fy/bot.ftl", |text| format!("{text}extra-remark = Noch wat\n"));
    tree.edit(
        "locales/fy/bot.ftl",
        replace_once("progress = Question { $position }", "progress = Question { $posysje }"),
    );
    tree.edit("locales/fy/quickscan.ftl", replace_once("in our { -org } acts", "in our { -orgg } acts"));
    let problems = tree.problems(&built_in_and(FRISIAN));

    let bot = tree.read("locales/fy/bot.ftl");
    assert_reported(&problems, "locales/fy/bot.ftl", line_with(&bot, "extra-remark ="), &["not in English"]);
    assert_reported(&problems, "locales/fy/bot.ftl", line_with(&bot, "$posysje"), &["`progress`", "posysje"]);
    let quickscan = tree.read("locales/fy/quickscan.ftl");
    let line = line_with(&quickscan, "-orgg");
    assert_reported(
        &problems,
        "locales/fy/quickscan.ftl",
        line,
        &["`q-a1`", "does not format in fy", "-orgg"],
    );
}

#[test]
fn a_language_with_a_fallback_takes_what_it_lacks_from_there() {
    // Like nl-BE on nl: only the terms and messages that differ.
    let tree = Tree::shipped();
    tree.name_frisian();
    tree.write(
        "locales/fy/quickscan.ftl",
        "-org = gemeentebestjoer\n    .gender = neuter\n\nquickscan-title = Fluchskan digitale folwoeksenheid\n",
    );
    let on_dutch = frisian_on("nl");
    let content = tree.loaded(&built_in_and(on_dutch));
    let text = |tag: &str, key: &str| content.locales.try_text_in(tag, key, &[]).expect("formats");
    assert_eq!(text("fy", "quickscan-title"), "Fluchskan digitale folwoeksenheid");
    assert_eq!(text("fy", "q-b2"), text("nl", "q-b2"));
    assert_eq!(text("fy", Msg::ChatBye.key()), text("nl", Msg::ChatBye.key()));
    // Dutch's message, with Frisian's own term (and its gender).
    assert!(
        text("fy", "q-a1").starts_with("Het management van ons gemeentebestjoer"),
        "{}",
        text("fy", "q-a1")
    );
    assert!(text("nl", "q-a1").starts_with("Het management van onze gemeente"), "{}", text("nl", "q-a1"));
    assert!(content.locales.has_in("fy", "lang-fy"));

    // Without the fallback the same folder is far from complete.
    let problems = tree.problems(&built_in_and(FRISIAN));
    let english_line = line_with(&tree.read("locales/en/quickscan.ftl"), "q-b2 =");
    assert_reported(&problems, "locales/en/quickscan.ftl", english_line, &["`q-b2`", "no fy translation"]);

    // And what the fallback lacks, Frisian lacks too.
    tree.edit("locales/nl/quickscan.ftl", without_message("q-b2"));
    let problems = tree.problems(&built_in_and(on_dutch));
    for translation in ["no nl translation", "no nl-BE translation", "no fy translation"] {
        assert_reported(&problems, "locales/en/quickscan.ftl", english_line, &["`q-b2`", translation]);
    }
}

#[test]
fn fallbacks_chain() {
    // Frisian on Flemish on Dutch: Flemish's term, Dutch's messages.
    let tree = Tree::shipped();
    tree.name_frisian();
    tree.write("locales/fy/quickscan.ftl", "quickscan-title = Fluchskan\n");
    let content = tree.loaded(&built_in_and(frisian_on("nl-BE")));
    let text = |tag: &str, key: &str| content.locales.try_text_in(tag, key, &[]).expect("formats");
    assert_eq!(text("fy", "q-a1"), text("nl-BE", "q-a1"));
    assert!(text("fy", "q-a1").contains("lokaal bestuur"), "{}", text("fy", "q-a1"));
    assert_eq!(text("fy", "q-b2"), text("nl", "q-b2"));
    assert_eq!(text("fy", "quickscan-title"), "Fluchskan");
}

#[test]
fn a_spec_without_its_folder_or_its_fallback_is_refused() {
    let tree = Tree::shipped();
    tree.name_frisian();
    let problems = tree.problems(&built_in_and(FRISIAN));
    assert_reported(&problems, "locales/fy", 1, &["missing"]);

    tree.write("locales/fy/quickscan.ftl", "quickscan-title = Fluchskan\n");
    let problems = tree.problems(&built_in_and(frisian_on("de")));
    assert_reported(&problems, "locales/fy", 1, &["`fy` falls back to `de`"]);
    let circle = [frisian_on("fy")];
    let problems = tree.problems(&[Lang::SPECS.as_slice(), &circle].concat());
    assert_reported(&problems, "locales/fy", 1, &["circle"]);
}
