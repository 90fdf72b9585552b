//! Loading and checking the content: flows and locales together.
//!
//! `peilbot flows check` and every start-up run the same checks, so a flow that names a
//! missing message, or a message missing in one language, never reaches a person. The
//! checks: flow syntax and references (see `flow`), Fluent syntax, every message present
//! in every language of `lang`'s table (a language with a fallback, like Flemish, may take
//! it from there), every key a flow or the program uses defined everywhere, each language
//! named in every language, and every message formatting without errors.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::diagnostic::Diagnostic;
use crate::flow::Flow;
use crate::i18n::{Locales, definition_line, fallback_chain};
use crate::lang::{Lang, LanguageSpec};
use crate::messages::{self, Msg};
use crate::sources::{SourceFile, Sources};

/// The flows and the messages they are told in, checked complete.
pub struct Content {
    pub flows: Vec<Flow>,
    pub locales: Locales,
    /// What was checked, e.g. "1 flow (23 questions), 3 languages, 190 messages each".
    pub summary: String,
    /// What the flows leave out that a later release of the format added, each loaded with
    /// a default: `flows check` prints them as warnings, and a server logs them.
    pub notes: Vec<Diagnostic>,
}

/// The flow every adapter offers first.
pub use crate::flow::DEFAULT_FLOW;

/// Every other language is checked against English: the same messages, no others, and only
/// the variables the English message has.
const REFERENCE: Lang = Lang::En;

impl Content {
    /// Loads and checks the flows and the languages of `lang`'s table.
    pub fn load(sources: &Sources) -> Result<Content, Vec<Diagnostic>> {
        Content::load_for(sources, &Lang::SPECS)
    }

    /// Loads and checks the flows and `languages`, each of which must be complete.
    pub fn load_for(sources: &Sources, languages: &[LanguageSpec]) -> Result<Content, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut notes = Vec::new();
        let mut flows = Vec::new();
        if sources.flows.is_empty() {
            errors.push(Diagnostic::new("flows", 1, "no flow files (*.toml) found"));
        }
        for file in &sources.flows {
            match Flow::parse_noting(&file.path, &file.text) {
                Ok((flow, flow_notes)) => {
                    notes.extend(flow_notes);
                    flows.push((file, flow));
                }
                Err(diagnostics) => errors.extend(diagnostics),
            }
        }
        for (i, (file, flow)) in flows.iter().enumerate() {
            if flows[..i].iter().any(|(_, earlier)| earlier.id == flow.id) {
                let line = line_containing(&file.text, "id =").unwrap_or(1);
                errors.push(Diagnostic::new(&file.path, line, format!("duplicate flow id `{}`", flow.id)));
            }
        }
        let locales = match Locales::build_for(sources, languages) {
            Ok(locales) => locales,
            Err(diagnostics) => {
                errors.extend(diagnostics);
                return Err(errors);
            }
        };
        errors.extend(check_translations(sources, languages));
        errors.extend(check_variables(sources, languages));
        for (file, flow) in &flows {
            for key in flow.message_keys() {
                let missing: Vec<&str> = languages
                    .iter()
                    .filter(|spec| !locales.has_in(spec.tag, &key))
                    .map(|spec| spec.tag)
                    .collect();
                if !missing.is_empty() {
                    let line = line_containing(&file.text, &format!("\"{key}\"")).unwrap_or(1);
                    let message = format!("message `{key}` is not defined in {}", missing.join(", "));
                    errors.push(Diagnostic::new(&file.path, line, message));
                }
            }
        }
        errors.extend(check_program_messages(&locales, languages));
        errors.extend(check_formatting(sources, &locales, languages));

        if !errors.is_empty() {
            return Err(errors);
        }
        let mut flows: Vec<Flow> = flows.into_iter().map(|(_, flow)| flow).collect();
        // The catalog's order: the default flow first, then the others by file name.
        flows.sort_by_key(|flow| flow.id != DEFAULT_FLOW);
        if !flows.iter().any(|f| f.id == DEFAULT_FLOW) {
            return Err(vec![Diagnostic::new("flows", 1, format!("no flow with id `{DEFAULT_FLOW}`"))]);
        }
        let questions: usize = flows.iter().map(|f| f.questions.len()).sum();
        let messages = message_ids(sources.locale(REFERENCE.tag())).len();
        let summary = format!(
            "{} flow(s) with {questions} questions; {} languages ({}) with {messages} messages each; every key present, every message formats",
            flows.len(),
            languages.len(),
            languages.iter().map(|spec| spec.tag).collect::<Vec<_>>().join(", "),
        );
        Ok(Content { flows, locales, summary, notes })
    }

    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    /// Every flow a person may take, in menu order (the default flow first).
    pub fn catalog(&self) -> &[Flow] {
        &self.flows
    }

    pub fn default_flow(&self) -> &Flow {
        self.flow(DEFAULT_FLOW).expect("load checks that the default flow exists")
    }
}

/// The messages (not terms) of a Fluent file, as far as it parses.
fn messages_in(file: &SourceFile) -> Vec<ast::Message<&str>> {
    let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        })
        .collect()
}

/// A message id and where it is defined.
type Definitions = BTreeMap<String, (String, usize)>;

/// Message ids (not terms) defined by a set of files.
fn message_ids(files: &[SourceFile]) -> Definitions {
    let mut ids = Definitions::new();
    for file in files {
        for message in messages_in(file) {
            let name = message.id.name.to_string();
            let line = definition_line(&file.text, &name).unwrap_or(1);
            ids.entry(name).or_insert((file.path.clone(), line));
        }
    }
    ids
}

/// The Fluent files a language speaks from: its own, then its fallbacks' (Flemish: nl-BE's,
/// then nl's). Where a message is defined twice, the first file wins, as in its bundle.
fn files_with_fallbacks(
    sources: &Sources,
    spec: &LanguageSpec,
    languages: &[LanguageSpec],
) -> Vec<SourceFile> {
    // `Locales::build_for` has refused a broken chain before any check runs.
    let chain = fallback_chain(spec, languages).unwrap_or_else(|_| vec![spec.tag]);
    chain.into_iter().flat_map(|tag| sources.locale(tag).iter().cloned()).collect()
}

/// The languages checked against English.
fn translations(languages: &[LanguageSpec]) -> impl Iterator<Item = &LanguageSpec> {
    languages.iter().filter(|spec| spec.tag != REFERENCE.tag())
}

/// English is the reference: every other language must have each of its messages (in its
/// own files or its fallbacks') and define no others.
fn check_translations(sources: &Sources, languages: &[LanguageSpec]) -> Vec<Diagnostic> {
    let english = message_ids(sources.locale(REFERENCE.tag()));
    let mut errors = Vec::new();
    for spec in translations(languages) {
        let defined = message_ids(&files_with_fallbacks(sources, spec, languages));
        for (id, (file, line)) in &english {
            if !defined.contains_key(id) {
                let message =
                    format!("message `{id}` has no {} translation (locales/{}/)", spec.tag, spec.tag);
                errors.push(Diagnostic::new(file, *line, message));
            }
        }
    }
    for spec in translations(languages) {
        for (id, (file, line)) in message_ids(sources.locale(spec.tag)) {
            if !english.contains_key(&id) {
                let message = format!("message `{id}` is not in English (locales/{}/)", REFERENCE.tag());
                errors.push(Diagnostic::new(&file, line, message));
            }
        }
    }
    errors
}

/// A translation may only use variables its English original is given: a misspelt
/// `{ $variable }` would otherwise show up literally.
fn check_variables(sources: &Sources, languages: &[LanguageSpec]) -> Vec<Diagnostic> {
    let english = variables_by_message(sources.locale(REFERENCE.tag()));
    let mut errors = Vec::new();
    for spec in translations(languages) {
        for file in sources.locale(spec.tag) {
            for (id, used) in variables_by_message(std::slice::from_ref(file)) {
                let Some(known) = english.get(&id) else { continue };
                for variable in used.iter().filter(|v| !known.contains(*v)) {
                    let line = definition_line(&file.text, &id).unwrap_or(1);
                    let message = format!(
                        "message `{id}` uses `${variable}`, which the English original does not have"
                    );
                    errors.push(Diagnostic::new(&file.path, line, message));
                }
            }
        }
    }
    errors
}

fn variables_by_message(files: &[SourceFile]) -> BTreeMap<String, Vec<String>> {
    let mut found = BTreeMap::new();
    for file in files {
        for message in messages_in(file) {
            let mut variables = Vec::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            found.insert(message.id.name.to_string(), variables);
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

/// The program's own messages (see `messages`) must exist in every language, and so must
/// each language's name (`lang-<tag>`, for the language buttons).
fn check_program_messages(locales: &Locales, languages: &[LanguageSpec]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for msg in Msg::ALL {
        for spec in languages {
            if !locales.has_in(spec.tag, msg.key()) {
                let message = format!("program message `{}` is missing in {}", msg.key(), spec.tag);
                errors.push(Diagnostic::new(messages::SOURCE_PATH, msg.definition_line(), message));
            }
        }
    }
    for named in languages {
        let key = named.name_key();
        // A name that is also a program message has been checked above.
        if Msg::ALL.iter().any(|msg| msg.key() == key) {
            continue;
        }
        for spec in languages.iter().filter(|spec| !locales.has_in(spec.tag, &key)) {
            let message = format!("`{key}`, the name of language {}, is missing in {}", named.tag, spec.tag);
            errors.push(Diagnostic::new(&format!("locales/{}", spec.tag), 1, message));
        }
    }
    errors
}

/// Formats every message in every language; anything but an absent argument is an error
/// (a reference to a missing term or message, a selector without a default).
fn check_formatting(sources: &Sources, locales: &Locales, languages: &[LanguageSpec]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for spec in languages {
        for (id, (file, line)) in message_ids(&files_with_fallbacks(sources, spec, languages)) {
            let Err(problems) = locales.try_text_in(spec.tag, &id, &[]) else {
                continue;
            };
            let real: Vec<&str> = problems.split("; ").filter(|p| !p.contains("Unknown variable")).collect();
            if !real.is_empty() {
                let message = format!("message `{id}` does not format in {}: {}", spec.tag, real.join("; "));
                errors.push(Diagnostic::new(&file, line, message));
            }
        }
    }
    errors
}

fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|line| line.contains(needle)).map(|i| i + 1)
}
