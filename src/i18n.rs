//! Every word a person reads: Fluent bundles built from `locales/<lang>/*.ftl`.
//!
//! One bundle per language of the table in `lang` (or of the [`LanguageSpec`]s given). A
//! language with a fallback is built as its fallback overridden by its own files: Flemish
//! (`nl-BE`) is Netherlands Dutch plus what really differs (its terms, such as
//! `-org = lokaal bestuur`, and the messages that need other words). Bundles are checked
//! complete at start-up (see `content`), so a lookup that fails here is a bug; it is logged
//! and shows the key rather than nothing.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::flow::line_of;
use crate::lang::{Lang, LanguageSpec};
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

/// The message bundles, one per language, by tag.
pub struct Locales {
    bundles: Vec<(&'static str, Bundle)>,
}

impl Locales {
    /// Builds the bundles of the languages in `lang`'s table.
    pub fn build(sources: &Sources) -> Result<Locales, Vec<Diagnostic>> {
        Locales::build_for(sources, &Lang::SPECS)
    }

    /// Builds a bundle for each of `languages` from `locales/<tag>/`, on top of its
    /// fallbacks' files; syntax errors and duplicate definitions name their file and line.
    pub fn build_for(sources: &Sources, languages: &[LanguageSpec]) -> Result<Locales, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut bundles = Vec::new();
        for spec in languages {
            let chain = match fallback_chain(spec, languages) {
                Ok(chain) => chain,
                Err(problem) => {
                    errors.push(problem);
                    continue;
                }
            };
            let Ok(id) = spec.tag.parse::<LanguageIdentifier>() else {
                errors.push(Diagnostic::new(&folder(spec.tag), 1, "not a valid language tag"));
                continue;
            };
            let files = sources.locale(spec.tag);
            if files.is_empty() {
                errors.push(Diagnostic::new(
                    &folder(spec.tag),
                    1,
                    "language folder is missing or has no .ftl files",
                ));
            }
            let mut bundle = new_bundle(id);
            // The root of the chain first; each language after it overrides what differs.
            // The fallbacks' own mistakes are reported when they are built themselves.
            for (layer, tag) in chain.iter().rev().enumerate() {
                let own = *tag == spec.tag;
                let mut ignored = Vec::new();
                let errors = if own { &mut errors } else { &mut ignored };
                add_files(&mut bundle, sources.locale(tag), layer > 0, errors);
            }
            bundles.push((spec.tag, bundle));
        }
        if errors.is_empty() { Ok(Locales { bundles }) } else { Err(errors) }
    }

    fn bundle(&self, tag: &str) -> Option<&Bundle> {
        self.bundles.iter().find(|(own, _)| *own == tag).map(|(_, bundle)| bundle)
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.has_in(lang.tag(), key)
    }

    /// Whether the language with this tag has the message (its own or its fallback's).
    pub fn has_in(&self, tag: &str, key: &str) -> bool {
        self.bundle(tag).is_some_and(|bundle| bundle.has_message(key))
    }

    /// An attribute of a message (`.letter` of a theme's name), in the language or its
    /// fallback; `None` when the message has no such attribute.
    pub fn attribute(&self, lang: Lang, key: &str, name: &str) -> Option<String> {
        let bundle = self.bundle(lang.tag())?;
        let pattern = bundle.get_message(key)?.get_attribute(name)?.value();
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors).into_owned();
        errors.is_empty().then_some(text)
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
        self.try_text_in(lang.tag(), key, args)
    }

    /// [`Locales::try_text`] in the language with this tag.
    pub fn try_text_in(&self, tag: &str, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let bundle = self.bundle(tag).ok_or("no such language")?;
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

/// The tags of a language and its fallbacks, its own first (`["nl-BE", "nl"]`). A fallback
/// that is not among `languages`, or a chain that comes back to itself, is refused.
pub fn fallback_chain(
    spec: &LanguageSpec,
    languages: &[LanguageSpec],
) -> Result<Vec<&'static str>, Diagnostic> {
    let mut chain = vec![spec.tag];
    let mut current = *spec;
    while let Some(fallback) = current.fallback {
        let Some(next) = languages.iter().find(|other| other.tag == fallback) else {
            let message = format!("`{}` falls back to `{fallback}`, which is not a language here", spec.tag);
            return Err(Diagnostic::new(&folder(spec.tag), 1, message));
        };
        if chain.contains(&next.tag) {
            let circle = format!("{} -> {}", chain.join(" -> "), next.tag);
            let message = format!("the fallbacks of `{}` go round in a circle: {circle}", spec.tag);
            return Err(Diagnostic::new(&folder(spec.tag), 1, message));
        }
        chain.push(next.tag);
        current = *next;
    }
    Ok(chain)
}

fn folder(tag: &str) -> String {
    format!("locales/{tag}")
}

fn new_bundle(id: LanguageIdentifier) -> Bundle {
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
