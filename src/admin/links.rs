//! The admin's link-making commands, `peilbot invite` and `peilbot weblink`, as values: run
//! on the data folder when the command can open it, or sent to the running peilbot that
//! holds it (see [`crate::control`]), which runs the same code on its own store. So IT makes
//! a link while the service runs, instead of stopping it.

use anyhow::bail;
use serde::{Deserialize, Serialize};
use url::Url;

use super::find_team;
use crate::app::sign_in::{new_link_on, org_admin};
use crate::app::teams::JOIN_PREFIX;
use crate::app::web_link_on;
use crate::store::Store;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRequest {
    /// A team's invite links: in a browser (with the web channel's address) and in Telegram
    /// (with the bot's @username).
    Invite { team: String, web_url: Option<Url>, bot: Option<String> },
    /// A one-time sign-in link to the web channel: for a team's lead, or, without a team,
    /// for the management team's organisation view.
    SignIn { team: Option<String>, web_url: Url },
}

impl LinkRequest {
    /// The links, one per line.
    pub fn run(&self, store: &Store, now: u64) -> anyhow::Result<Vec<String>> {
        match self {
            LinkRequest::Invite { team, web_url, bot } => {
                invite_links(store, team, web_url.as_ref(), bot.as_deref())
            }
            LinkRequest::SignIn { team: Some(team), web_url } => {
                Ok(vec![lead_sign_in(store, team, web_url, now)?])
            }
            LinkRequest::SignIn { team: None, web_url } => {
                Ok(vec![new_link_on(store, web_url, &org_admin(), now)?])
            }
        }
    }

    /// What a log names it by: never its links, which let anyone in.
    pub fn name(&self) -> &'static str {
        match self {
            LinkRequest::Invite { .. } => "invite",
            LinkRequest::SignIn { team: Some(_), .. } => "weblink --team",
            LinkRequest::SignIn { team: None, .. } => "weblink --org",
        }
    }
}

/// A team's invite links, for a lead who has neither the chat nor the link at hand.
fn invite_links(
    store: &Store,
    name: &str,
    web_url: Option<&Url>,
    bot: Option<&str>,
) -> anyhow::Result<Vec<String>> {
    let team = find_team(store, name)?;
    let web = web_url.map(|base| web_link_on(base, &format!("/join/{}", team.invite)));
    let telegram = bot.map(|bot| format!("https://t.me/{bot}?start={JOIN_PREFIX}{}", team.invite));
    if web.is_none() && telegram.is_none() {
        bail!(
            "give --web-url (PEILBOT_WEB_URL) for the web link, --bot (PEILBOT_BOT_USERNAME) for Telegram's, or both"
        );
    }
    Ok(web.into_iter().chain(telegram).collect())
}

/// A sign-in link for the team's lead (the team must have exactly one, so the link says
/// whose it is).
fn lead_sign_in(store: &Store, name: &str, web_url: &Url, now: u64) -> anyhow::Result<String> {
    let team = find_team(store, name)?;
    let lead = match team.leads.iter().collect::<Vec<_>>().as_slice() {
        [lead] => (*lead).clone(),
        [] => bail!("\"{}\" has no lead", team.name),
        _ => bail!(
            "\"{}\" has {} leads: each makes their own link with /weblink in the chat",
            team.name,
            team.leads.len()
        ),
    };
    Ok(new_link_on(store, web_url, &lead, now)?)
}
