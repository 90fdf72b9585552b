//! The words that differ between the Netherlands and Flanders (`locales/GLOSSARY.md`): no
//! Netherlands-only word in any text a Flemish person reads (nl-BE's own messages, and the
//! ones it takes from nl), and no Flemish-only word in a Netherlands Dutch one.

use std::collections::BTreeMap;

use crate::support::binary::manifest_dir;
use peilbot::sources::Sources;

/// One row of the glossary's checked table: a word per side, `None` for a dash.
struct Pair {
    nl: Option<String>,
    nl_be: Option<String>,
}

fn glossary() -> Vec<Pair> {
    let text = std::fs::read_to_string(manifest_dir().join("locales/GLOSSARY.md")).expect("the glossary");
    let table = text
        .split("<!-- glossary:begin -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- glossary:end -->").next())
        .expect("a checked table between the glossary markers");
    let word = |cell: &str| Some(cell.trim().to_string()).filter(|w| w != "-" && !w.is_empty());
    table
        .lines()
        .filter(|line| line.starts_with('|') && !line.starts_with("|---"))
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
            Pair { nl: word(cells[0]), nl_be: word(cells[1]) }
        })
        .collect()
}

/// The messages and terms of some `.ftl` texts, by id, each with its whole source (value,
/// variants and attributes); a later text overrides an earlier one, as the bundles do.
fn entries<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    for text in texts {
        let mut current: Option<(String, String)> = None;
        for line in text.lines() {
            let starts = line.split_once(" =").filter(|(id, _)| {
                !id.is_empty()
                    && !id.starts_with([' ', '#'])
                    && id.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
            if let Some((id, _)) = starts {
                entries.extend(current.take());
                current = Some((id.to_string(), line.to_string()));
            } else if line.starts_with(' ')
                && let Some((_, body)) = current.as_mut()
            {
                body.push('\n');
                body.push_str(line);
            } else {
                entries.extend(current.take());
            }
        }
        entries.extend(current.take());
    }
    entries
}

/// Whether `text` holds the glossary word: whole words, or a prefix for `word*`.
fn holds(text: &str, word: &str) -> bool {
    let (word, prefix) = match word.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    text.match_indices(&word).any(|(at, found)| {
        let before = text[..at].chars().next_back();
        let after = text[at + found.len()..].chars().next();
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        apart(before) && (prefix || apart(after))
    })
}

fn offenders(entries: &BTreeMap<String, String>, word: &str) -> Vec<String> {
    entries.iter().filter(|(_, body)| holds(body, word)).map(|(id, _)| id.clone()).collect()
}

#[test]
fn no_word_of_the_netherlands_in_flemish_and_none_of_flanders_in_netherlands_dutch() {
    let sources = Sources::from_dir(&manifest_dir()).expect("the shipped tree reads");
    let texts = |tag: &str| sources.locale(tag).iter().map(|file| file.text.as_str()).collect::<Vec<_>>();
    let dutch = entries(texts("nl"));
    let flemish = entries(texts("nl").into_iter().chain(texts("nl-BE")));
    let pairs = glossary();
    assert!(pairs.len() >= 10, "the glossary has its table");
    let mut problems = Vec::new();
    for pair in &pairs {
        if let Some(word) = &pair.nl {
            for id in offenders(&flemish, word) {
                problems.push(format!("nl-BE `{id}` says the Netherlands' {word:?}"));
            }
        }
        if let Some(word) = &pair.nl_be {
            for id in offenders(&dutch, word) {
                problems.push(format!("nl `{id}` says Flanders' {word:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} words cross the border:\n{}", problems.len(), problems.join("\n"));
    // The check is not vacuous: where both sides have a word, each is there on its own side.
    let own_flemish = entries(texts("nl-BE"));
    let unused: Vec<&String> = pairs
        .iter()
        .filter(|pair| pair.nl.is_some() && pair.nl_be.is_some())
        .flat_map(|pair| {
            let nl = pair.nl.as_ref().filter(|word| offenders(&dutch, word).is_empty());
            let be = pair.nl_be.as_ref().filter(|word| offenders(&own_flemish, word).is_empty());
            nl.into_iter().chain(be)
        })
        .collect();
    assert!(
        unused.is_empty(),
        "glossary words no text uses (drop them, or the parser is broken): {unused:?}"
    );
}

#[test]
fn the_check_finds_a_word_that_crosses() {
    let flemish =
        entries(["team-x = Vraag het je teamleider.\n", "team-y = Hou vast\n    .title = Houd vast\n"]);
    assert_eq!(offenders(&flemish, "teamleider*"), ["team-x"]);
    assert_eq!(offenders(&flemish, "houd"), ["team-y"], "attributes count");
    assert!(!holds("bijhouden", "houd"), "whole words only");
    assert!(holds("Teamleiders zien", "teamleider*"));
}
