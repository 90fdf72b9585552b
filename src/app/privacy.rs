//! What a person can see and do about their own data, in every channel: the notice at
//! first contact, the full statement (`/privacy`), everything kept about them (`/mydata`,
//! GDPR article 15), deletion (`/forget`, article 17) and retention.
//!
//! ```text
//! person: (first message)     bot: what is kept, who sees what, how long, the commands
//! person: /mydata             bot: a short summary + peilbot-mydata.json
//! person: /forget             bot: Delete it all? [Delete my data] [No, keep it]
//! ```

use serde_json::json;

use super::{App, Part, Reply, Session};
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::team::Team;

/// How long completed responses are kept when `PEILBOT_RETENTION_DAYS` is not set: two years.
pub const DEFAULT_RETENTION_DAYS: u32 = 730;
/// How often the retention sweep runs while the bot is up.
pub const SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Where the person talks to Peilbot: what the channel itself keeps differs, and so do
/// the commands for their rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Telegram,
    Web,
    Terminal,
}

/// A channel's own parts of the privacy texts.
struct ChannelWords {
    /// Who the person is to Peilbot in this channel.
    account: Msg,
    /// What the channel keeps besides Peilbot's store, said honestly.
    keeps: Msg,
    /// The person's rights, in the channel's own commands.
    rights: Msg,
    /// The commands under the first-contact notice.
    commands: Msg,
}

impl Channel {
    fn words(self) -> ChannelWords {
        use Msg::*;
        let (account, keeps, rights, commands) = match self {
            Channel::Telegram => (PrivacyAccountTg, PrivacyWhereTg, PrivacyRightsTg, PrivacyCommandsTg),
            Channel::Web => (PrivacyAccountWeb, PrivacyWhereWeb, PrivacyRightsWeb, WebPrivacyCommands),
            Channel::Terminal => {
                (PrivacyAccountChat, PrivacyWhereChat, PrivacyRightsChat, PrivacyCommandsChat)
            }
        };
        ChannelWords { account, keeps, rights, commands }
    }
}

/// What every privacy text names: the team threshold, the retention period in words, who
/// the person is in this channel, and the deployment's controller, contact and legal basis
/// (or that they are not filled in yet).
fn args(app: &App, lang: Lang, channel: Channel) -> Vec<(&'static str, Arg)> {
    let presenter = app.presenter(lang);
    let deployment = &app.deployment;
    let or_unset = |value: &Option<String>| value.clone().unwrap_or_else(|| presenter.msg(Msg::PrivacyUnset));
    vec![
        ("min", app.rules.min_respondents().into()),
        ("period", retention_period(app, lang).into()),
        ("account", presenter.msg(channel.words().account).into()),
        ("controller", or_unset(&deployment.controller).into()),
        ("dpo", or_unset(&deployment.dpo_contact).into()),
        ("basis", or_unset(&deployment.legal_basis).into()),
    ]
}

/// "two years", "90 days": the retention period as a person says it.
pub fn retention_period(app: &App, lang: Lang) -> String {
    let days = app.retention_days;
    let years = if days.is_multiple_of(365) { days / 365 } else { 0 };
    app.presenter(lang).msg_with(Msg::RetentionPeriod, &[("days", days.into()), ("years", years.into())])
}

/// The short notice shown once, at first contact, with the commands of the channel.
pub fn notice(app: &App, lang: Lang, channel: Channel) -> String {
    let presenter = app.presenter(lang);
    let notice = presenter.msg_with(Msg::PrivacyNotice, &args(app, lang, channel));
    format!("{notice}\n{}", presenter.msg(channel.words().commands))
}

/// `/privacy`: the full statement: who is responsible and on what basis, what is kept, who
/// sees what and for how long, what the channel keeps itself, the person's rights, and the
/// supervisory authority they may complain to.
pub fn statement(app: &App, lang: Lang, channel: Channel) -> String {
    let presenter = app.presenter(lang);
    let (args, words) = (args(app, lang, channel), channel.words());
    [Msg::PrivacyStatement, words.keeps, words.rights, Msg::PrivacyComplaint]
        .into_iter()
        .map(|msg| presenter.msg_with(msg, &args))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Deletes responses older than the retention period; returns how many went.
pub fn sweep(app: &App, now: u64) -> Result<usize, crate::store::StoreError> {
    let cutoff = now.saturating_sub(u64::from(app.retention_days) * DAY_MS);
    app.store.delete_responses_before(cutoff)
}

/// `/mydata`: a readable summary, and everything kept about the person as JSON.
pub fn my_data(app: &App, session: &Session) -> anyhow::Result<Reply> {
    let person = &session.person;
    let responses = app.store.responses(person)?;
    let teams = app.store.teams_of(person)?;
    let document = json!({
        "person": person.0,
        "record": session.record,
        "language_in_use": session.state.lang.tag(),
        "scan_in_progress": app.store.scan(person)?,
        "completed_scans": responses,
        "teams": teams.iter().map(|team| team_entry(team, person)).collect::<Vec<_>>(),
        "last_reminded_at": app.store.last_reminded(person)?,
        "retention_days": app.retention_days,
    });
    let presenter = app.presenter(session.state.lang);
    let names: Vec<&str> = teams.iter().map(|team| team.name.as_str()).collect();
    let summary = presenter.msg_with(
        Msg::MyDataSummary,
        &[
            ("language", presenter.language_name(session.state.lang).into()),
            ("scans", responses.len().into()),
            ("inprogress", usize::from(session.state.scan.is_some()).into()),
            ("teams", names.len().into()),
            ("names", names.join(", ").into()),
            ("period", retention_period(app, session.state.lang).into()),
        ],
    );
    let bytes = serde_json::to_vec_pretty(&document)?;
    let caption = presenter.msg(Msg::MyDataCaption);
    Ok(Reply {
        parts: vec![
            Part::text(summary, Vec::new()),
            Part::Document { bytes, name: "peilbot-mydata.json".into(), caption },
        ],
    })
}

fn team_entry(team: &Team, person: &PersonId) -> serde_json::Value {
    let role = if team.is_lead(person) { "lead" } else { "member" };
    json!({ "team": team.name, "role": role })
}

/// The teams a person leads alone, with others in them: they would be left without a
/// lead if the person left or forgot.
pub fn sole_lead_of(app: &App, person: &PersonId) -> anyhow::Result<Vec<String>> {
    Ok(app
        .store
        .teams_of(person)?
        .into_iter()
        .filter(|team| team.is_lead(person) && team.leads.len() == 1 && team.members.len() > 1)
        .map(|team| team.name)
        .collect())
}

/// The /forget confirmation text, with a warning for a sole lead.
pub fn forget_question(app: &App, session: &Session) -> anyhow::Result<String> {
    let presenter = app.presenter(session.state.lang);
    let mut text = presenter.msg(Msg::TgForgetConfirm);
    let teams = sole_lead_of(app, &session.person)?;
    if !teams.is_empty() {
        let warning = presenter.msg_with(Msg::ForgetSoleLead, &[("teams", teams.join(", ").into())]);
        text = format!("{warning}\n\n{text}");
    }
    Ok(text)
}
