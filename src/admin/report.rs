//! `peilbot report --data DIR --team NAME --out FILE`: the same PDF `/report` sends, from
//! the command line, for whoever runs the bot (and so holds the data folder anyway). The
//! result is published by the same rules as in the chat (as `peilbot team` shows it), in
//! the team lead's language unless `--lang` says otherwise.

use std::path::PathBuf;

use anyhow::{Context as _, bail};

use crate::anonymity::Rules;
use crate::app::App;
use crate::lang::Lang;
use crate::store::{Store, Viewer};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Where answers are kept (the bot's sled database folder).
    #[arg(long = "data", env = "PEILBOT_DATA", default_value = "peilbot-data")]
    pub data: PathBuf,
    /// The team, by its name as its lead gave it.
    #[arg(long, required_unless_present = "org")]
    pub team: Option<String>,
    /// The organisation's report (every team with a result) instead of one team's.
    #[arg(long, conflicts_with = "team")]
    pub org: bool,
    /// The PDF file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Language: nl, nl-BE or en (default: the team lead's, else $LANG).
    #[arg(long)]
    pub lang: Option<Lang>,
    /// No team result over fewer respondents than this (at least 3), as for `serve`.
    #[arg(long, env = "PEILBOT_MIN_RESPONDENTS", default_value_t = crate::anonymity::DEFAULT_MIN_RESPONDENTS)]
    pub min_respondents: usize,
}

pub fn run(args: ReportArgs, content: crate::content::Content) -> anyhow::Result<()> {
    let store = Store::open(&args.data)?;
    let app = App {
        content,
        store,
        rules: Rules::new(args.min_respondents),
        admins: Vec::new(),
        // Read-only: the report deletes nothing, so the default period is only a placeholder.
        retention_days: crate::app::privacy::DEFAULT_RETENTION_DAYS,
        web_url: None,
        deployment: Default::default(),
    };
    let fallback = std::env::var("LANG").map_or(Lang::En, |code| Lang::from_language_code(&code));
    let now = crate::unix_now();
    let (pdf, what) = match &args.team {
        None => {
            let lang = args.lang.unwrap_or(fallback);
            let pdf = crate::app::org::org_report(&app, &app.presenter(lang), now)?;
            (pdf.context("no team has a published result yet")?, "the organisation".to_string())
        }
        Some(name) => team_report(&app, name, args.lang, fallback, now)?,
    };
    std::fs::write(&args.out, pdf).with_context(|| format!("cannot write {}", args.out.display()))?;
    crate::stdout::line(format!("wrote {}: {what}", args.out.display()))?;
    app.store.flush()?;
    Ok(())
}

fn team_report(
    app: &App,
    name: &str,
    lang: Option<Lang>,
    fallback: Lang,
    now: u64,
) -> anyhow::Result<(Vec<u8>, String)> {
    let teams: Vec<_> = app.store.all_teams()?.into_iter().filter(|team| team.name == name).collect();
    let team = match teams.as_slice() {
        [team] => team,
        [] => {
            let mut names: Vec<String> = app.store.all_teams()?.into_iter().map(|t| t.name).collect();
            names.sort();
            bail!("no team is called {name:?}; the teams are: {}", names.join(", "))
        }
        _ => bail!("{} teams are called {name:?}; rename one in the bot first", teams.len()),
    };
    // In the lead's language, and the same published result a lead sees, by the same rules.
    let lead = team.leads.iter().next();
    let lang = match (lang, lead) {
        (Some(lang), _) => lang,
        (None, Some(lead)) => app.store.person(lead)?.lang.unwrap_or(fallback),
        (None, None) => fallback,
    };
    let flow = crate::app::teams::round_flow(app, team);
    let result = app.store.team_result_as(flow, &team.id, Viewer::Admin, app.rules, None)?;
    let result =
        result.map_err(|refusal| anyhow::anyhow!("{name:?} has no team result yet ({refusal:?})"))?;
    let presenter = app.presenter_for(crate::app::teams::shown_flow(app, team, result.round), lang);
    let pdf = crate::report::team_pdf(&presenter, &result, app.rules.min_respondents(), now)?;
    let what = format!("team {name:?}, round {}, {} respondents", result.round, result.shown.respondents);
    Ok((pdf, what))
}
