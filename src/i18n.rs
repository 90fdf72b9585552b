//! Every word a person reads: Fluent bundles built from `locales/<lang>/*.ftl`.
//!
//! Flemish (`nl-BE`) is built as Netherlands Dutch overridden by its own files, so it only
//! holds what really differs (its terms, such as `-org = lokaal bestuur`, and the messages
//! that need other words). Bundles are checked complete at start-up (see `check`), so a
//! lookup that fails here is a bug; it is logged and shows the key rather than nothing.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::flow::line_of;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::sources::{SourceFile, Sources};

pub type Bundle = FluentBundle<FluentResource>;

/// A value for a message's variable: text stays text (a team called "007" stays "007"),
/// counts are numbers, so plurals work ("1 lid", "5 leden"). Decimals are formatted by
/// [`Lang::decimal`] and passed as text, since Fluent has no decimal comma.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Count(u64),
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<usize> for Arg {
    fn from(count: usize) -> Arg {
        Arg::Count(count as u64)
    }
}

impl From<u32> for Arg {
    fn from(count: u32) -> Arg {
        Arg::Count(u64::from(count))
    }
}

impl From<u8> for Arg {
    fn from(count: u8) -> Arg {
        Arg::Count(u64::from(count))
    }
}

/// The message bundles of all three languages.
pub struct Locales {
    bundles: HashMap<Lang, Bundle>,
}

impl Locales {
    /// Builds the bundles; syntax errors and duplicate definitions name their file and line.
    pub fn build(sources: &Sources) -> Result<Locales, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let mut bundle = new_bundle(lang);
            // Flemish starts from Dutch and overrides what differs.
            if lang == Lang::NlBe {
                add_files(&mut bundle, sources.locale(Lang::Nl.tag()), false, &mut Vec::new());
            }
            let files = sources.locale(lang.tag());
            if files.is_empty() {
                errors.push(Diagnostic::new(
                    &format!("locales/{}", lang.tag()),
                    1,
                    "language folder is missing or has no .ftl files",
                ));
            }
            add_files(&mut bundle, files, lang == Lang::NlBe, &mut errors);
            bundles.insert(lang, bundle);
        }
        if errors.is_empty() { Ok(Locales { bundles }) } else { Err(errors) }
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles[&lang].has_message(key)
    }

    /// A message of the program's own, without arguments.
    pub fn msg(&self, lang: Lang, msg: Msg) -> String {
        self.text(lang, msg.key(), &[])
    }

    /// A message of the program's own, with arguments.
    pub fn msg_with(&self, lang: Lang, msg: Msg, args: &[(&str, Arg)]) -> String {
        self.text(lang, msg.key(), args)
    }

    /// Any message by key, e.g. one named by a flow.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        match self.try_text(lang, key, args) {
            Ok(text) => text,
            Err(problem) => {
                tracing::error!(lang = lang.tag(), key, problem, "message could not be formatted");
                key.to_string()
            }
        }
    }

    /// Formats a message, or says what is wrong with it.
    pub fn try_text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let bundle = &self.bundles[&lang];
        let message = bundle.get_message(key).ok_or("no such message")?;
        let pattern = message.value().ok_or("message has no value")?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, text.clone()),
                Arg::Count(count) => fluent_args.set(*name, *count),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
        }
    }
}

fn new_bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.tag().parse().expect("our tags are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments show up as junk in chat clients.
    bundle.set_use_isolating(false);
    bundle
}

fn add_files(bundle: &mut Bundle, files: &[SourceFile], overriding: bool, errors: &mut Vec<Diagnostic>) {
    for file in files {
        let resource = match FluentResource::try_new(file.text.clone()) {
            Ok(resource) => resource,
            Err((resource, parse_errors)) => {
                for error in parse_errors {
                    let line = line_of(&file.text, error.pos.start);
                    errors.push(Diagnostic::new(&file.path, line, format!("Fluent syntax error: {error}")));
                }
                resource
            }
        };
        if overriding {
            bundle.add_resource_overriding(resource);
        } else if let Err(duplicates) = bundle.add_resource(resource) {
            for duplicate in duplicates {
                let id = match &duplicate {
                    fluent_bundle::FluentError::Overriding { id, .. } => id.clone(),
                    other => other.to_string(),
                };
                // Point at the later definition: the one that should go.
                let line = definition_lines(&file.text, &id).last().copied().unwrap_or(1);
                errors.push(Diagnostic::new(&file.path, line, format!("`{id}` is defined twice")));
            }
        }
    }
}

/// The line on which a message or term is defined in a Fluent file.
pub fn definition_line(text: &str, id: &str) -> Option<usize> {
    definition_lines(text, id).first().copied()
}

fn definition_lines(text: &str, id: &str) -> Vec<usize> {
    let id = id.trim_start_matches('-');
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.strip_prefix('-').unwrap_or(line);
            line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(index, _)| index + 1)
        .collect()
}
