//! Loading and checking the content: flows and locales together.
//!
//! `peilbot flows check` and every start-up run the same checks, so a flow that names a
//! missing message, or a message missing in one language, never reaches a person. The
//! checks: flow syntax and references (see `flow`), Fluent syntax, every message present
//! in all three languages (Flemish may fall back to Dutch), every key a flow or the
//! program uses defined everywhere, and every message formatting without errors.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::diagnostic::Diagnostic;
use crate::flow::Flow;
use crate::i18n::{Locales, definition_line};
use crate::lang::Lang;
use crate::messages::{self, Msg};
use crate::sources::{SourceFile, Sources};

/// The flows and the messages they are told in, checked complete.
pub struct Content {
    pub flows: Vec<Flow>,
    pub locales: Locales,
    /// What was checked, e.g. "1 flow (23 questions), 3 languages, 190 messages each".
    pub summary: String,
}

/// The flow every adapter offers.
pub const DEFAULT_FLOW: &str = "quickscan";

impl Content {
    pub fn load(sources: &Sources) -> Result<Content, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut flows = Vec::new();
        if sources.flows.is_empty() {
            errors.push(Diagnostic::new("flows", 1, "no flow files (*.toml) found"));
        }
        for file in &sources.flows {
            match Flow::parse(&file.path, &file.text) {
                Ok(flow) => flows.push((file, flow)),
                Err(diagnostics) => errors.extend(diagnostics),
            }
        }
        for (i, (file, flow)) in flows.iter().enumerate() {
            if flows[..i].iter().any(|(_, earlier)| earlier.id == flow.id) {
                let line = line_containing(&file.text, "id =").unwrap_or(1);
                errors.push(Diagnostic::new(&file.path, line, format!("duplicate flow id `{}`", flow.id)));
            }
        }
        let locales = match Locales::build(sources) {
            Ok(locales) => locales,
            Err(diagnostics) => {
                errors.extend(diagnostics);
                return Err(errors);
            }
        };
        errors.extend(check_translations(sources));
        errors.extend(check_variables(sources));
        for (file, flow) in &flows {
            for key in flow.message_keys() {
                let missing: Vec<&str> = Lang::ALL
                    .iter()
                    .filter(|&&lang| !locales.has(lang, &key))
                    .map(|lang| lang.tag())
                    .collect();
                if !missing.is_empty() {
                    let line = line_containing(&file.text, &format!("\"{key}\"")).unwrap_or(1);
                    let message = format!("message `{key}` is not defined in {}", missing.join(", "));
                    errors.push(Diagnostic::new(&file.path, line, message));
                }
            }
        }
        errors.extend(check_program_messages(&locales));
        errors.extend(check_formatting(sources, &locales));

        if !errors.is_empty() {
            return Err(errors);
        }
        let flows: Vec<Flow> = flows.into_iter().map(|(_, flow)| flow).collect();
        if !flows.iter().any(|f| f.id == DEFAULT_FLOW) {
            return Err(vec![Diagnostic::new("flows", 1, format!("no flow with id `{DEFAULT_FLOW}`"))]);
        }
        let questions: usize = flows.iter().map(|f| f.questions.len()).sum();
        let messages = message_ids(sources.locale(Lang::En.tag())).len();
        let summary = format!(
            "{} flow(s) with {questions} questions; {} languages ({}) with {messages} messages each; every key present, every message formats",
            flows.len(),
            Lang::ALL.len(),
            Lang::ALL.map(Lang::tag).join(", "),
        );
        Ok(Content { flows, locales, summary })
    }

    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
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

/// English is the reference: Dutch must have each of its messages and no others;
/// Flemish, with Dutch as its fallback, likewise.
fn check_translations(sources: &Sources) -> Vec<Diagnostic> {
    let english = message_ids(sources.locale(Lang::En.tag()));
    let dutch = message_ids(sources.locale(Lang::Nl.tag()));
    let flemish_own = message_ids(sources.locale(Lang::NlBe.tag()));
    let mut flemish = dutch.clone();
    flemish.extend(flemish_own.clone());

    let mut errors = Vec::new();
    for (lang, defined) in [(Lang::Nl, &dutch), (Lang::NlBe, &flemish)] {
        for (id, (file, line)) in &english {
            if !defined.contains_key(id) {
                let message =
                    format!("message `{id}` has no {} translation (locales/{}/)", lang.tag(), lang.tag());
                errors.push(Diagnostic::new(file, *line, message));
            }
        }
    }
    for (id, (file, line)) in dutch.iter().chain(&flemish_own) {
        if !english.contains_key(id) {
            errors.push(Diagnostic::new(
                file,
                *line,
                format!("message `{id}` is not in English (locales/en/)"),
            ));
        }
    }
    errors
}

/// A translation may only use variables its English original is given: a misspelt
/// `{ $variable }` would otherwise show up literally.
fn check_variables(sources: &Sources) -> Vec<Diagnostic> {
    let english = variables_by_message(sources.locale(Lang::En.tag()));
    let mut errors = Vec::new();
    for lang in [Lang::Nl, Lang::NlBe] {
        for file in sources.locale(lang.tag()) {
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

/// The program's own messages (see `messages`) must exist in every language.
fn check_program_messages(locales: &Locales) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            if !locales.has(lang, msg.key()) {
                let message = format!("program message `{}` is missing in {}", msg.key(), lang.tag());
                errors.push(Diagnostic::new(messages::SOURCE_PATH, msg.definition_line(), message));
            }
        }
    }
    errors
}

/// Formats every message in every language; anything but an absent argument is an error
/// (a reference to a missing term or message, a selector without a default).
fn check_formatting(sources: &Sources, locales: &Locales) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for lang in Lang::ALL {
        let mut files = sources.locale(lang.tag()).to_vec();
        if lang == Lang::NlBe {
            files.extend_from_slice(sources.locale(Lang::Nl.tag()));
        }
        for (id, (file, line)) in message_ids(&files) {
            let Err(problems) = locales.try_text(lang, &id, &[]) else {
                continue;
            };
            let real: Vec<&str> = problems.split("; ").filter(|p| !p.contains("Unknown variable")).collect();
            if !real.is_empty() {
                let message =
                    format!("message `{id}` does not format in {}: {}", lang.tag(), real.join("; "));
                errors.push(Diagnostic::new(&file, line, message));
            }
        }
    }
    errors
}

fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|line| line.contains(needle)).map(|i| i + 1)
}
