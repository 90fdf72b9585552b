//! What the commands that read results for an admin share (`team`, `org`, `invite`,
//! `weblink`): the data folder, the language, the threshold and the content.

use super::{ContentDir, DataDir, load_content_from, terminal_lang};
use crate::admin::links::LinkRequest;
use crate::anonymity::Rules;
use crate::app::App;
use crate::lang::Lang;
use crate::store::StoreError;

/// What `peilbot team` and `peilbot org` share.
#[derive(Debug, clap::Args)]
pub struct ResultsArgs {
    #[command(flatten)]
    pub data: DataDir,
    /// Language: nl, nl-BE or en (default: from $LANG).
    #[arg(long)]
    pub lang: Option<Lang>,
    /// No team result over fewer respondents than this (at least 3), as for the bot.
    #[arg(long, env = "PEILBOT_MIN_RESPONDENTS", default_value_t = crate::anonymity::DEFAULT_MIN_RESPONDENTS)]
    pub min_respondents: usize,
    #[command(flatten)]
    pub content: ContentDir,
}

impl ResultsArgs {
    /// The app over the data folder, and the language to answer in.
    pub fn app(&self) -> anyhow::Result<(App, Lang)> {
        let content = load_content_from(self.content.content.as_deref())?;
        let store = self.data.open(&content)?;
        self.data.warn_if_others_can_read();
        let app = App {
            store,
            content,
            rules: Rules::new(self.min_respondents),
            admins: Vec::new(),
            // Read-only: this view deletes nothing, so the default period is only a placeholder.
            retention_days: crate::app::privacy::DEFAULT_RETENTION_DAYS,
            web_url: None,
            deployment: Default::default(),
        };
        Ok((app, self.lang.unwrap_or_else(terminal_lang)))
    }
}

/// Runs `peilbot invite` or `weblink` on the data folder, or, while a running peilbot holds
/// the folder, asks that one (see [`crate::control`]).
pub fn links(results: &ResultsArgs, request: LinkRequest) -> anyhow::Result<()> {
    let lines = match results.app() {
        Ok((app, _)) => request.run(&app.store, crate::unix_now())?,
        Err(err) if err.downcast_ref::<StoreError>().is_some_and(StoreError::is_in_use) => {
            // Only a running `serve` or `web` answers; the lock's own words say the rest.
            let Ok(answer) = crate::control::ask(&results.data.path, &request) else { return Err(err) };
            answer.map_err(anyhow::Error::msg)?
        }
        Err(err) => return Err(err),
    };
    for line in lines {
        crate::stdout::line(line)?;
    }
    Ok(())
}
