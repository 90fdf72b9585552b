//! `peilbot flows list` and `peilbot flows check`: the flows as a person is offered them,
//! and every check start-up runs, with file and line.

use std::path::Path;
use std::process::ExitCode;

use super::load_content_from;
use crate::content::Content;
use crate::lang::Lang;
use crate::sources::Sources;

/// `flows list`: one line per flow, in menu order.
pub fn list(content: Option<&Path>, lang: Lang) -> anyhow::Result<()> {
    let content = load_content_from(content)?;
    for flow in content.catalog() {
        let title = content.locales.text(lang, &flow.title, &[]);
        crate::stdout::line(format!(
            "{}\t{title}\t{} min\t{} questions\tversion {}",
            flow.id,
            flow.minutes,
            flow.question_count(),
            flow.version
        ))?;
    }
    Ok(())
}

pub fn check(dir: Option<&Path>) -> ExitCode {
    let (sources, origin) = match dir {
        None => (Sources::embedded(), "built-in flows and locales".to_string()),
        Some(dir) => match Sources::with_content(dir) {
            Ok(sources) => (sources, dir.display().to_string()),
            Err(err) => {
                eprintln!("peilbot: cannot read flows/ and locales/ in {}: {err}", dir.display());
                return ExitCode::FAILURE;
            }
        },
    };
    match Content::load(&sources) {
        Ok(content) => {
            for note in &content.notes {
                eprintln!("warning: {note}");
            }
            // A reader that went away (`| head -0`) is no failure of the check.
            let _ = crate::stdout::line(format!("ok: {origin}: {}", content.summary));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s) in {origin}", errors.len());
            ExitCode::FAILURE
        }
    }
}
