//! The command line: `peilbot chat`, `peilbot serve`, `peilbot flows check`, `peilbot report`,
//! and for the admin on the server `peilbot demo`, `peilbot team` and `peilbot org`.

mod deployment;
mod flows;
mod results;
mod web;

pub use deployment::DeploymentArgs;
pub use results::ResultsArgs;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use url::Url;

use crate::admin::links::LinkRequest;
use crate::admin::{self, OrgFormat};
use crate::anonymity::Rules;
use crate::app::App;
use crate::content::Content;
use crate::demo;
use crate::lang::Lang;
use crate::logging::{self, LogFormat};
use crate::sources::Sources;
use crate::store::{Options, Store};
use crate::telegram::{self, ServeConfig, Token, Webhook, config};
use crate::terminal::Chat;

#[derive(Debug, Parser)]
#[command(name = "peilbot", version, about = "A digital maturity quick scan for municipal staff, in chat")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Log lines as text, or as one JSON object per line.
    #[arg(long, global = true, value_enum, env = "PEILBOT_LOG_FORMAT", default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take a scan in this terminal (reads answers line by line from stdin).
    #[command(after_help = CHAT_COMMANDS)]
    Chat {
        /// Language: nl, nl-BE or en (default: your earlier choice, else $LANG).
        #[arg(long)]
        lang: Option<Lang>,
        /// Start or resume this flow (see `peilbot flows list`) instead of choosing from a menu.
        #[arg(long)]
        flow: Option<String>,
        #[command(flatten)]
        data: DataDir,
        #[command(flatten)]
        content: ContentDir,
        #[command(flatten)]
        retention: Retention,
        #[command(flatten)]
        deployment: DeploymentArgs,
    },
    /// Run the Telegram bot (long polling, or a webhook with --webhook and --listen).
    ///
    /// Reads the token from TELOXIDE_TOKEN; TELOXIDE_API_URL points it at another Bot API server.
    Serve(Box<ServeArgs>),
    /// Run the scan in a browser (no Telegram token needed), on http://127.0.0.1:8080/ by default.
    Web(Box<web::WebArgs>),
    /// Work with the question flows.
    Flows {
        #[command(subcommand)]
        command: FlowsCommand,
    },
    /// Write a team's report (or with --org the organisation's) as a PDF.
    Report(crate::admin::report::ReportArgs),
    /// Fill a new data folder with synthetic people, teams and rounds, to try the results.
    Demo {
        #[command(flatten)]
        data: DataDir,
        /// How many teams.
        #[arg(long)]
        teams: usize,
        /// How many people, spread over the teams (at least 3 per team).
        #[arg(long)]
        people: usize,
        /// Rounds per team; all but the last are closed.
        #[arg(long, default_value_t = 3)]
        rounds: u32,
        /// The same seed makes the same organisation.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// A team's result, as its lead sees it in the chat (for the admin on the server).
    Team {
        /// The team's name (or its id, when several teams share a name).
        name: String,
        #[command(flatten)]
        results: ResultsArgs,
    },
    /// The organisation view: every team's latest result and the whole organisation.
    Org {
        /// text (to read), csv or xlsx (every team as a table), png (heatmap pages).
        #[arg(long, value_enum, default_value_t = OrgFormat::Text)]
        format: OrgFormat,
        /// Where to write it (png with several pages: PATH-01.png, PATH-02.png, …); default stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The flow whose rounds the view is about (see `peilbot flows list`).
        #[arg(long, default_value = crate::flow::DEFAULT_FLOW)]
        flow: String,
        #[command(flatten)]
        results: ResultsArgs,
    },
    /// A team's invite links: in a browser (with --web-url) and in Telegram (with --bot); works while serve or web runs.
    Invite {
        /// The team's name (or its id, when several teams share a name).
        #[arg(long)]
        team: String,
        /// The web channel's public address (e.g. https://scan.example.nl).
        #[arg(long, env = "PEILBOT_WEB_URL")]
        web_url: Option<Url>,
        /// The bot's @username, for its deep link.
        #[arg(long, env = "PEILBOT_BOT_USERNAME")]
        bot: Option<String>,
        #[command(flatten)]
        results: ResultsArgs,
    },
    /// A one-time sign-in link (15 minutes) to a team's results on the web, for its lead,
    /// or to the organisation view, for its management; works while serve or web runs.
    Weblink {
        /// The team's name (or its id, when several teams share a name).
        #[arg(long, required_unless_present = "org")]
        team: Option<String>,
        /// The organisation view (every team's result and the organisation's report).
        #[arg(long, conflicts_with = "team")]
        org: bool,
        /// The web channel's public address (e.g. https://scan.example.nl).
        #[arg(long, env = "PEILBOT_WEB_URL")]
        web_url: Url,
        #[command(flatten)]
        results: ResultsArgs,
    },
    /// Rewrite a data folder with only what is live in it, to give back the disk space old
    /// writes took (stop the bot first; `peilbot demo` does this after its bulk load).
    Compact {
        #[command(flatten)]
        data: DataDir,
    },
}

/// What can be typed in `peilbot chat` (also in Dutch: terug, annuleer, taal, stop).
const CHAT_COMMANDS: &str = "\
In the chat, type:
  1, 2, 3 ...   answer with the number of your choice
  back          go to the previous question
  skip, ?       answer \"don't know\" (where a question offers it)
  lang nl       switch language: nl, nl-BE or en
  start         choose a scan (start ID starts one; or go on with the one in progress)
  snapshot      your latest snapshot again
  history       your completed scans
  cancel        stop the scan and delete its answers (asks first)
  privacy       what is kept, who sees what, and for how long
  mydata        everything kept about you, as a summary and as JSON
  forget        delete everything kept about you (asks first)
  help          the commands
  quit          stop for now; your answers are kept

Example, scripted: printf '3\\n3\\nquit\\n' | peilbot chat --data /tmp/peilbot-try";

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub data: DataDir,
    #[command(flatten)]
    pub content: ContentDir,
    /// Bot API server URL (default: Telegram's).
    #[arg(long, env = "TELOXIDE_API_URL")]
    pub api_url: Option<String>,
    /// Receive updates on this public HTTPS URL instead of long polling.
    #[arg(long, requires = "listen")]
    pub webhook: Option<Url>,
    /// Address the webhook server listens on, e.g. 0.0.0.0:8443.
    #[arg(long, requires = "webhook")]
    pub listen: Option<SocketAddr>,
    /// Secret Telegram must send with each webhook update (default: a random one).
    #[arg(long, env = "PEILBOT_WEBHOOK_SECRET", hide_env_values = true)]
    pub webhook_secret: Option<String>,
    /// Do not space out messages to Telegram's rate limits (for tests against a local fake).
    ///
    /// The environment variable takes 1/0, true/false, yes/no or on/off.
    #[arg(
    long,
    env = "PEILBOT_NO_THROTTLE",
    action = clap::ArgAction::SetTrue,
    value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub no_throttle: bool,
    /// No team result over fewer respondents than this (at least 3).
    #[arg(long, env = "PEILBOT_MIN_RESPONDENTS", default_value_t = crate::anonymity::DEFAULT_MIN_RESPONDENTS)]
    pub min_respondents: usize,
    /// Telegram user ids of organisation admins (comma-separated), who may use /org.
    #[arg(long, env = "PEILBOT_ADMINS")]
    pub admins: Option<String>,
    /// Serve /healthz and /metrics (Prometheus) on this address, e.g. 127.0.0.1:9187.
    #[arg(long, env = "PEILBOT_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    #[command(flatten)]
    pub retention: Retention,
    /// Also serve the web channel on this address, beside the bot, on the same store.
    #[arg(long, env = "PEILBOT_WEB_LISTEN")]
    pub web_listen: Option<SocketAddr>,
    /// The web channel's public address, for links (e.g. https://scan.example.nl).
    #[arg(long, env = "PEILBOT_WEB_URL")]
    pub web_url: Option<Url>,
    #[command(flatten)]
    pub web_limits: web::LimitArgs,
    #[command(flatten)]
    pub deployment: DeploymentArgs,
}

#[derive(Debug, clap::Args)]
pub struct Retention {
    /// Delete completed scans this many days after they were finished (at start-up and daily).
    #[arg(long = "retention-days", env = "PEILBOT_RETENTION_DAYS", default_value_t = crate::app::privacy::DEFAULT_RETENTION_DAYS)]
    pub days: u32,
}

#[derive(Debug, Subcommand)]
pub enum FlowsCommand {
    /// Validate every flow and every locale; errors name the file and line.
    Check {
        /// A folder with flows/ and locales/, a flows/ folder or one .toml file, checked on
        /// top of the built-in ones as `--content` would run it (default: the built-in ones).
        dir: Option<PathBuf>,
    },
    /// List the flows a person can take: id, title, minutes and questions.
    List {
        #[command(flatten)]
        content: ContentDir,
        /// Titles in this language (default: English).
        #[arg(long, default_value_t = Lang::En)]
        lang: Lang,
    },
}

/// Flows and locales added at run time to the built-in ones.
#[derive(Debug, clap::Args)]
pub struct ContentDir {
    /// A folder with flows/ and locales/ whose flows are offered beside the built-in ones
    /// (a flow with a built-in id replaces it); checked at start-up like `flows check`.
    #[arg(long = "content", env = "PEILBOT_CONTENT")]
    pub content: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct DataDir {
    /// Where answers are kept (a sled database folder).
    #[arg(long = "data", env = "PEILBOT_DATA", default_value = "peilbot-data")]
    pub path: PathBuf,
    /// Memory for the store's page cache, in MB.
    #[arg(long, env = "PEILBOT_CACHE_MB", default_value_t = crate::store::DEFAULT_CACHE_MB)]
    pub cache_mb: u64,
}

impl DataDir {
    /// Opens the store, scoring completed responses with the content's flows (and
    /// migrating an older store).
    pub fn open(&self, content: &Content) -> anyhow::Result<Store> {
        let options =
            Options { cache_bytes: self.cache_mb * 1024 * 1024, ..Options::with_flows(&content.flows) };
        Ok(Store::open_with(&self.path, options)?)
    }

    /// A data folder peilbot makes itself is for this user only (see [`private_files`]);
    /// one made beforehand keeps its mode, so the operator is told when other accounts on
    /// the machine can read or enter it (the services and the admin's commands; the
    /// terminal chat is a person's own folder).
    pub fn warn_if_others_can_read(&self) {
        warn_if_others_can_read(&self.path);
    }
}

fn warn_if_others_can_read(path: &std::path::Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(metadata) = std::fs::metadata(path) else { return };
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            tracing::warn!(
                folder = %path.display(),
                mode = %format!("{mode:o}"),
                "other users of this machine can read the data folder, which holds everyone's answers; make it private: chmod 700"
            );
        }
    }
}

pub fn run(cli: Cli) -> ExitCode {
    private_files();
    logging::init(cli.log_format, std::env::var("TELOXIDE_TOKEN").ok());
    // What reads results needs the folder to itself, unlike the link commands (see `control`).
    let reads_results =
        matches!(cli.command, Command::Team { .. } | Command::Org { .. } | Command::Report(_));
    let result = match cli.command {
        Command::Chat { lang, flow, data, content, retention, deployment } => {
            chat(lang, flow, &data, content.content.as_deref(), retention.days, deployment.deployment())
        }
        Command::Serve(args) => serve(*args),
        Command::Web(args) => web::run(*args),
        Command::Flows { command: FlowsCommand::Check { dir } } => return flows::check(dir.as_deref()),
        Command::Flows { command: FlowsCommand::List { content, lang } } => {
            flows::list(content.content.as_deref(), lang)
        }
        Command::Report(args) => load_content().and_then(|content| crate::admin::report::run(args, content)),
        Command::Demo { data, teams, people, rounds, seed } => {
            demo(&data, demo::Spec { teams, people, rounds, seed, now: crate::unix_now() })
        }
        Command::Team { name, results } => {
            results.app().and_then(|(app, lang)| admin::team(&app, lang, &name))
        }
        Command::Org { format, out, flow, results } => {
            results.app().and_then(|(app, lang)| admin::org(&app, lang, &flow, format, out.as_deref()))
        }
        Command::Invite { team, web_url, bot, results } => {
            results::links(&results, LinkRequest::Invite { team, web_url, bot })
        }
        Command::Weblink { team, org, web_url, results } => {
            results::links(&results, LinkRequest::SignIn { team: team.filter(|_| !org), web_url })
        }
        Command::Compact { data } => compact(&data),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`peilbot chat | head`): nothing left to say to anyone.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("peilbot: {err:#}");
            if reads_results
                && err.downcast_ref::<crate::store::StoreError>().is_some_and(|err| err.is_in_use())
            {
                eprintln!(
                    "peilbot: team, org and report need the folder to themselves; invite and weblink work while it runs"
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The built-in flows and locales, checked; a broken build says what is wrong.
pub fn load_content() -> anyhow::Result<Content> {
    load_content_from(None)
}

/// The built-in flows and locales with a content folder's on top, checked exactly as
/// `flows check` checks them; any problem refuses to start, naming file:line.
pub fn load_content_from(content: Option<&Path>) -> anyhow::Result<Content> {
    let (sources, origin) = match content {
        None => (Sources::embedded(), "the built-in flows or locales are broken".to_string()),
        Some(dir) => (
            Sources::with_content(dir)
                .map_err(|err| anyhow::anyhow!("cannot read the content folder {}: {err}", dir.display()))?,
            format!("the content folder {} has problems (see `peilbot flows check`)", dir.display()),
        ),
    };
    let content = Content::load(&sources).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{origin}:\n{}", lines.join("\n"))
    })?;
    for note in &content.notes {
        tracing::warn!(%note, "a flow written for an earlier release; `peilbot flows check` says more");
    }
    Ok(content)
}

/// Everything we create (the data folder and sled's files in it) is readable by this user
/// only: the answers of public employees are not for other accounts on the machine.
fn private_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets this process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// The language of the terminal: `LANG`, else English.
fn terminal_lang() -> Lang {
    std::env::var("LANG").map_or(Lang::En, |code| Lang::from_language_code(&code))
}

fn demo(data: &DataDir, spec: demo::Spec) -> anyhow::Result<()> {
    let content = load_content()?;
    // Bulk loading: flushed once at the end, not after every scan.
    let options = Options {
        cache_bytes: data.cache_mb * 1024 * 1024,
        flush_each_commit: false,
        ..Options::with_flows(&content.flows)
    };
    let store = Store::open_with(&data.path, options)?;
    let started = std::time::Instant::now();
    let made = demo::fill(&store, content.default_flow(), spec)?;
    // The bulk load left most of sled's log unused; a fresh copy holds only what is live.
    drop(store);
    crate::store::compact(&data.path)?;
    crate::stdout::text(made.summary(&data.path, started.elapsed()))?;
    Ok(())
}

fn compact(data: &DataDir) -> anyhow::Result<()> {
    anyhow::ensure!(data.path.is_dir(), "there is no data folder {}", data.path.display());
    let size = |path: &std::path::Path| crate::store::disk_size(path).map(|bytes| bytes as f64 / 1e6);
    let before = size(&data.path)?;
    crate::store::compact(&data.path)?;
    crate::stdout::line(format!(
        "{}: {before:.0} MB before, {:.0} MB now",
        data.path.display(),
        size(&data.path)?
    ))?;
    Ok(())
}

fn chat(
    lang: Option<Lang>,
    flow: Option<String>,
    data: &DataDir,
    content: Option<&Path>,
    retention_days: u32,
    deployment: crate::app::Deployment,
) -> anyhow::Result<()> {
    let content = load_content_from(content)?;
    let app = App {
        store: data.open(&content)?,
        content,
        rules: Rules::default(),
        admins: Vec::new(),
        retention_days,
        web_url: None,
        deployment,
    };
    crate::app::privacy::sweep(&app, crate::unix_now())?;
    use std::io::IsTerminal;
    let detected = app.deployment.first_lang(std::env::var("LANG").ok().as_deref());
    let mut chat =
        Chat::open(&app, lang, detected, io::stdout().lock())?.interactive(io::stdin().is_terminal());
    chat.choose_flow(flow);
    chat.run(io::stdin().lock())?;
    app.store.flush()?;
    tracing::debug!(flushes = app.store.flushes(), "the store waited for the disk");
    Ok(())
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let token = Token::parse(&std::env::var("TELOXIDE_TOKEN").unwrap_or_default())?;
    let secret = args.webhook_secret;
    let webhook = args.webhook.zip(args.listen).map(|(url, listen)| Webhook { url, listen, secret });
    let config = ServeConfig {
        token,
        api_url: config::api_url(args.api_url.as_deref())?,
        throttle: !args.no_throttle,
        webhook,
        min_respondents: args.min_respondents,
        admins: config::admins(args.admins.as_deref())?,
        metrics_listen: args.metrics_listen,
        retention_days: args.retention.days,
        web_url: args.web_url.clone(),
        deployment: args.deployment.deployment(),
    };
    let content = load_content_from(args.content.content.as_deref())?;
    let store = args.data.open(&content)?;
    args.data.warn_if_others_can_read();
    let runtime = tokio::runtime::Runtime::new()?;
    // Dropped with the runtime, which removes the socket.
    runtime.spawn(crate::control::serve(args.data.path.clone(), store.clone()));
    let Some(listen) = args.web_listen else {
        return runtime.block_on(telegram::serve(config, content, store));
    };
    // The web channel beside the bot, on the same store: its own words, the same rules.
    let words = load_content_from(args.content.content.as_deref())?;
    let web = web::channel(
        words,
        store.clone(),
        args.min_respondents,
        args.retention.days,
        args.web_url.clone(),
        args.web_limits.limits(listen, args.web_url.as_ref()),
        config.deployment.clone(),
    );
    runtime.block_on(async {
        let web = tokio::spawn(crate::web::serve(web, listen, telegram::stop_signal()));
        telegram::serve(config, content, store).await?;
        web.await?
    })
}
