//! The command line: `peilbot chat`, `peilbot serve`, `peilbot flows check`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::content::Content;
use crate::lang::Lang;
use crate::sources::Sources;
use crate::store::Store;
use crate::terminal::Chat;

#[derive(Debug, Parser)]
#[command(
    name = "peilbot",
    version,
    about = "A digital maturity quick scan for municipal staff, in chat"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the quick scan in this terminal (reads answers line by line from stdin).
    Chat {
        /// Language: nl, nl-BE or en (default: your earlier choice, else $LANG).
        #[arg(long)]
        lang: Option<Lang>,
        #[command(flatten)]
        data: DataDir,
    },
    /// Work with the question flows.
    Flows {
        #[command(subcommand)]
        command: FlowsCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum FlowsCommand {
    /// Validate every flow and every locale; errors name the file and line.
    Check {
        /// A folder with flows/ and locales/ (default: the ones built into this binary).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct DataDir {
    /// Where answers are kept (a sled database folder).
    #[arg(long = "data", env = "PEILBOT_DATA", default_value = "peilbot-data")]
    pub path: PathBuf,
}

pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Chat { lang, data } => chat(lang, &data.path),
        Command::Flows {
            command: FlowsCommand::Check { dir },
        } => return check(dir.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("peilbot: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The built-in flows and locales, checked; a broken build says what is wrong.
pub fn load_content() -> anyhow::Result<Content> {
    Content::load(&Sources::embedded()).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "the built-in flows or locales are broken:\n{}",
            lines.join("\n")
        )
    })
}

fn chat(lang: Option<Lang>, data: &Path) -> anyhow::Result<()> {
    let content = load_content()?;
    let store = Store::open(data)?;
    let fallback = std::env::var("LANG").map_or(Lang::En, |code| Lang::from_language_code(&code));
    let mut chat = Chat::open(&content, &store, lang, fallback, io::stdout().lock())?;
    chat.run(io::stdin().lock())?;
    store.flush()?;
    Ok(())
}

fn check(dir: Option<&Path>) -> ExitCode {
    let (sources, origin) = match dir {
        None => (
            Sources::embedded(),
            "built-in flows and locales".to_string(),
        ),
        Some(dir) => match Sources::from_dir(dir) {
            Ok(sources) => (sources, dir.display().to_string()),
            Err(err) => {
                eprintln!(
                    "peilbot: cannot read flows/ and locales/ in {}: {err}",
                    dir.display()
                );
                return ExitCode::FAILURE;
            }
        },
    };
    match Content::load(&sources) {
        Ok(content) => {
            println!("ok: {origin}: {}", content.summary);
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
