//! Team operations, for every channel: creating teams, invites, rounds, the team result,
//! export, reminders and the organisation view.
//!
//! ```text
//! lead:    /newteam Burgerzaken      bot: link <deep link>join_<code>
//! member:  (opens the link)          bot: Join "Burgerzaken"? [Join the team]
//! member:  (taps)                    bot: Welcome! [Start or continue the quick scan]
//! lead:    /team                     bot: 3 of 8 finished: 2 more needed (fewer than 5)
//! lead:    /team                     bot: medians, spread, gaps + a chart (5 or more)
//! ```
//!
//! Everything a lead sees comes from the store's team queries, which only hand out
//! published aggregates (see `anonymity`); these functions decide who asked and what to
//! say, and return it as a [`Reply`]. The channel sends it and makes the deep links.

use super::{Action, App, Button, Part, Reply, Session, TeamAction, catalog};
use crate::anonymity::MIN_DIFFERENCE;
use crate::chart;
use crate::export;
use crate::flow::Flow;
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::present::Presenter;
use crate::random::{new_invite_code, team_seed};
use crate::store::TeamRefusal;
use crate::team::{Team, is_invite_code};

/// Deep-link payload prefixes: an invite, and a one-time lead invite.
pub const JOIN_PREFIX: &str = "join_";
pub const LEAD_PREFIX: &str = "lead_";
/// Longest team name, in characters.
const MAX_TEAM_NAME: usize = 64;

pub type Result<T> = anyhow::Result<T>;

/// A team operation's surroundings: the app, the time, and how the channel links to
/// itself with a start payload (`https://t.me/<bot>?start=<payload>` on Telegram).
pub struct Context<'a> {
    pub app: &'a App,
    pub now: u64,
    pub link: &'a (dyn Fn(&str) -> String + Send + Sync),
}

/// What a team action comes to: a reply, or nudges for the channel to deliver (after
/// which [`reminders_sent`] says how many arrived).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Reply(Reply),
    Nudges { team: Team, nudges: Vec<Nudge> },
}

impl From<Reply> for Outcome {
    fn from(reply: Reply) -> Outcome {
        Outcome::Reply(reply)
    }
}

/// A nudge for one member, in their own language, for the channel to deliver.
#[derive(Debug, Clone, PartialEq)]
pub struct Nudge {
    pub member: PersonId,
    pub text: String,
    pub button: Button,
}

impl Context<'_> {
    fn presenter(&self, session: &Session) -> Presenter<'_> {
        self.app.presenter(session.state.lang)
    }

    fn say(&self, session: &Session, msg: Msg, args: &[(&str, Arg)]) -> Reply {
        Reply::text(self.presenter(session).msg_with(msg, args))
    }

    /// "Start or continue: <the round's flow>", for a member of this team.
    fn start_scan_button(&self, lang: Lang, team: &Team) -> Button {
        let flow = round_flow(self.app, team);
        let title = catalog::title(self.app, flow, lang);
        let label = self.app.presenter(lang).msg_with(Msg::TeamStartScanButton, &[("title", title.into())]);
        Button { label, action: Action::Scan(flow.id.clone()) }
    }
}

/// The flow a team's current round asks (the default one if it is no longer offered).
pub fn round_flow<'a>(app: &'a App, team: &Team) -> &'a Flow {
    app.flow_by_id(&team.current_round().flow).unwrap_or_else(|| app.flow())
}

/// One button per flow, for choosing which flow a round asks.
fn flow_buttons(cx: &Context, session: &Session, action: impl Fn(&Flow) -> Action) -> Vec<Vec<Button>> {
    cx.app
        .content
        .catalog()
        .iter()
        .map(|flow| {
            let label = catalog::title(cx.app, flow, session.state.lang);
            vec![Button { label, action: action(flow) }]
        })
        .collect()
}

fn team_args(team: &Team) -> Vec<(&'static str, Arg)> {
    vec![("team", team.name.as_str().into())]
}

/// The team, its round and how many of its members have finished.
fn progress_args(team: &Team, respondents: usize) -> Vec<(&'static str, Arg)> {
    let mut args = team_args(team);
    args.extend([
        ("round", team.current_round().number.into()),
        ("respondents", respondents.into()),
        ("members", team.members.len().into()),
    ]);
    args
}

/// `/newteam NAME`: a new team led by the person.
pub fn new_team(cx: &Context, session: &Session, name: &str) -> Result<Reply> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_TEAM_NAME {
        return Ok(cx.say(session, Msg::TeamNameMissing, &[]));
    }
    let flow = cx.app.flow();
    let team = Team::for_flow(name, session.person.clone(), cx.now, team_seed(), &flow.id, flow.version);
    cx.app.store.create_team(&team)?;
    let mut args = team_args(&team);
    args.push(("link", (cx.link)(&format!("{JOIN_PREFIX}{}", team.invite)).into()));
    let mut reply = cx.say(session, Msg::TeamCreated, &args);
    reply.parts.extend(round_flow_choice(cx, session, &team, 1, flow).parts);
    Ok(reply)
}

/// A lead picked the flow for the current round: allowed until a result was published,
/// so a published result never mixes flows.
pub fn set_round_flow(cx: &Context, session: &Session, team_id: &str, flow_id: &str) -> Result<Reply> {
    let (Some(team), Some(flow)) = (cx.app.store.team(team_id)?, cx.app.flow_by_id(flow_id)) else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]));
    };
    if !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]));
    }
    let (id, version) = (flow.id.clone(), flow.version);
    let set = cx.app.store.update_team(team_id, |team| {
        let round = team.rounds.last_mut().expect("a team always has a round");
        let open = round.shown.is_none() && round.groups.is_empty();
        if open {
            round.flow = id;
            round.flow_version = version;
        }
        open
    })?;
    let mut args = team_args(&team);
    args.extend([
        ("title", catalog::title(cx.app, flow, session.state.lang).into()),
        ("round", team.current_round().number.into()),
    ]);
    let msg = if set == Some(true) { Msg::TeamRoundFlowSet } else { Msg::TeamRoundFlowLocked };
    Ok(cx.say(session, msg, &args))
}

/// Closes the current round and opens one on `flow_id`.
fn new_round(cx: &Context, session: &Session, team_id: &str, flow_id: &str) -> Result<Reply> {
    let store = &cx.app.store;
    let (Some(team), Some(next)) = (store.team(team_id)?, cx.app.flow_by_id(flow_id)) else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]));
    };
    if !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]));
    }
    Ok(match store.new_round(round_flow(cx.app, &team), team_id, cx.app.rules, cx.now, next)? {
        Some(round) => {
            let mut args = team_args(&team);
            args.extend([
                ("round", round.into()),
                ("previous", (round - 1).into()),
                ("title", catalog::title(cx.app, next, session.state.lang).into()),
            ]);
            let mut reply = cx.say(session, Msg::TeamRoundOpened, &args);
            reply.parts.extend(round_flow_choice(cx, session, &team, round, next).parts);
            reply
        }
        None => cx.say(session, Msg::TgStaleButton, &[]),
    })
}

/// "Round N asks …; another scan?", with a button per flow, when there is more than one.
fn round_flow_choice(cx: &Context, session: &Session, team: &Team, round: u32, flow: &Flow) -> Reply {
    if cx.app.content.catalog().len() < 2 {
        return Reply::default();
    }
    let title = catalog::title(cx.app, flow, session.state.lang);
    let text = cx
        .presenter(session)
        .msg_with(Msg::TeamRoundFlow, &[("title", title.into()), ("round", round.into())]);
    let buttons =
        flow_buttons(cx, session, |f| Action::RoundFlow { team: team.id.clone(), flow: f.id.clone() });
    Reply { parts: vec![Part::Text { text, buttons }] }
}

/// `/teams`: the person's teams and their role in each.
pub fn list(cx: &Context, session: &Session) -> Result<Reply> {
    let teams = cx.app.store.teams_of(&session.person)?;
    if teams.is_empty() {
        return Ok(cx.say(session, Msg::TeamListEmpty, &[]));
    }
    let presenter = cx.presenter(session);
    let mut lines = vec![presenter.msg(Msg::TeamListTitle)];
    for team in &teams {
        let role = if team.is_lead(&session.person) { Msg::TeamListLead } else { Msg::TeamListMember };
        lines.push(presenter.msg_with(role, &team_args(team)));
    }
    Ok(Reply::text(lines.join("\n")))
}

/// Runs an action on the person's team, or asks which team when there are several.
pub fn pick(cx: &Context, session: &Session, action: TeamAction) -> Result<Outcome> {
    let person = &session.person;
    let teams: Vec<Team> = cx
        .app
        .store
        .teams_of(person)?
        .into_iter()
        .filter(|team| action == TeamAction::Leave || team.is_lead(person))
        .collect();
    match teams.as_slice() {
        [] if action == TeamAction::Leave => Ok(cx.say(session, Msg::TeamNotMember, &[]).into()),
        [] => Ok(cx.say(session, Msg::TeamNotLead, &[]).into()),
        [team] => run(cx, session, action, &team.id),
        several => {
            let buttons = several
                .iter()
                .map(|team| {
                    let action = Action::Pick { action, team: team.id.clone() };
                    vec![Button { label: team.name.clone(), action }]
                })
                .collect();
            let text = cx.presenter(session).msg(Msg::TeamPick);
            Ok(Reply { parts: vec![Part::Text { text, buttons }] }.into())
        }
    }
}

/// An action on one team, checked again: the person may have tapped an old button.
pub fn run(cx: &Context, session: &Session, action: TeamAction, team_id: &str) -> Result<Outcome> {
    let store = &cx.app.store;
    let Some(team) = store.team(team_id)? else { return Ok(cx.say(session, Msg::TgStaleButton, &[]).into()) };
    if action != TeamAction::Leave && !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]).into());
    }
    let reply = match action {
        TeamAction::Leave => leave(cx, session, &team)?,
        TeamAction::Result => result(cx, session, &team)?,
        TeamAction::Export => export(cx, session, &team)?,
        TeamAction::Remind => return remind(cx, session, &team),
        // The new round asks what the closing one asked, unless the lead picks another.
        TeamAction::NewRound => new_round(cx, session, team_id, &round_flow(cx.app, &team).id.clone())?,
        TeamAction::AddLead => {
            let code = new_invite_code();
            store.update_team(team_id, |team| team.lead_invite = Some(code.clone()))?;
            let mut args = team_args(&team);
            args.push(("link", (cx.link)(&format!("{LEAD_PREFIX}{code}")).into()));
            cx.say(session, Msg::TeamLeadInvite, &args)
        }
        TeamAction::Invite | TeamAction::NewInvite => {
            let mut invite = team.invite.clone();
            if action == TeamAction::NewInvite {
                invite = new_invite_code();
                store.update_team(team_id, |team| team.invite = invite.clone())?;
            }
            let mut args = team_args(&team);
            args.push(("link", (cx.link)(&format!("{JOIN_PREFIX}{invite}")).into()));
            let msg = if action == TeamAction::NewInvite { Msg::TeamNewInvite } else { Msg::TeamInvite };
            cx.say(session, msg, &args)
        }
    };
    Ok(reply.into())
}

/// The team result as text and chart, or why there is none yet.
fn result(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let flow = round_flow(cx.app, team);
    let outcome = cx.app.store.team_result(flow, &team.id, &session.person, cx.app.rules)?;
    match outcome {
        Ok(result) => {
            let presenter = cx.app.presenter_for(flow, session.state.lang);
            let (rows, labels) = presenter.team_chart(&result);
            let png = chart::profile_png(&rows, &labels)?;
            let mut reply = Reply::text(presenter.team_result(&result));
            reply.push(Part::Photo { png, name: "peilbot-team.png", caption: labels.title });
            Ok(reply)
        }
        Err(TeamRefusal::TooFew { respondents, needed }) => {
            let mut args = progress_args(team, respondents);
            args.extend([("needed", needed.into()), ("more", (needed - respondents).into())]);
            Ok(cx.say(session, Msg::TeamTooFew, &args))
        }
        Err(TeamRefusal::Held { respondents }) => {
            let mut args = progress_args(team, respondents);
            args.push(("step", MIN_DIFFERENCE.into()));
            Ok(cx.say(session, Msg::TeamHeld, &args))
        }
        Err(_) => Ok(cx.say(session, Msg::TeamNotLead, &[])),
    }
}

/// Every published round as CSV (for Dutch Excel), as a workbook and as JSON.
fn export(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let (flow, locales, lang) = (round_flow(cx.app, team), &cx.app.content.locales, session.state.lang);
    let rounds = match cx.app.store.team_export(flow, &team.id, &session.person, cx.app.rules)? {
        Ok(rounds) => rounds,
        Err(_) => return Ok(cx.say(session, Msg::TeamNotLead, &[])),
    };
    if rounds.is_empty() {
        return Ok(cx.say(session, Msg::TeamExportEmpty, &team_args(team)));
    }
    // Each round in the words of the flow it asked; rounds of a flow version no longer
    // offered cannot be named, so they are left out rather than mixed with another's.
    let mut rows = Vec::new();
    for flow in cx.app.content.catalog() {
        let asked: Vec<_> =
            rounds.iter().filter(|r| r.flow == flow.id && r.flow_version == flow.version).cloned().collect();
        rows.extend(export::rows(flow, locales, lang, &team.name, &asked));
    }
    rows.sort_by_key(|row| row.round);
    let caption = cx.presenter(session).msg_with(Msg::TeamExportCaption, &team_args(team));
    let document = |bytes, name| Part::Document { bytes, name, caption: String::new() };
    Ok(Reply {
        parts: vec![
            Part::Document { bytes: export::csv(&rows, locales, lang)?, name: "peilbot-team.csv", caption },
            document(export::xlsx(&rows, locales, lang)?, "peilbot-team.xlsx"),
            document(export::json(&rows)?, "peilbot-team.json"),
        ],
    })
}

/// `/remind`: members to nudge now (marked as nudged), each in their own language.
fn remind(cx: &Context, session: &Session, team: &Team) -> Result<Outcome> {
    let flow = round_flow(cx.app, team);
    let due = match cx.app.store.take_reminders(flow, &team.id, &session.person, cx.now)? {
        Ok(due) => due,
        Err(_) => return Ok(cx.say(session, Msg::TeamNotLead, &[]).into()),
    };
    let mut nudges = Vec::new();
    for member in due {
        let lang = cx.app.store.person(&member)?.lang.unwrap_or(Lang::En);
        let text = cx.app.presenter(lang).msg_with(
            Msg::RemindNudge,
            &[
                ("team", team.name.as_str().into()),
                ("min", cx.app.rules.min_respondents().into()),
                ("title", catalog::title(cx.app, flow, lang).into()),
                ("minutes", flow.minutes.into()),
            ],
        );
        nudges.push(Nudge { member, text, button: cx.start_scan_button(lang, team) });
    }
    Ok(Outcome::Nudges { team: team.clone(), nudges })
}

/// What the lead is told after the nudges went out.
pub fn reminders_sent(cx: &Context, session: &Session, team: &Team, sent: usize) -> Reply {
    let mut args = team_args(team);
    args.extend([("count", sent.into()), ("round", team.current_round().number.into())]);
    cx.say(session, Msg::RemindSent, &args)
}

/// Marks a member who blocked the channel, so they are not tried again.
pub fn unreachable(app: &App, member: &PersonId) -> Result<()> {
    let mut person = app.store.person(member)?;
    person.unreachable = true;
    app.store.commit(member, &crate::store::Commit { person: Some(person), ..Default::default() })?;
    Ok(())
}

fn leave(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let person = session.person.clone();
    let outcome = cx.app.store.update_team(&team.id, |team| {
        if !team.members.contains(&person) {
            return Msg::TeamNotMember;
        }
        if team.is_lead(&person) && team.leads.len() == 1 && team.members.len() > 1 {
            return Msg::TeamLastLead;
        }
        team.members.remove(&person);
        team.leads.remove(&person);
        Msg::TeamLeft
    })?;
    Ok(cx.say(session, outcome.unwrap_or(Msg::TeamNotMember), &team_args(team)))
}

/// An invite link was opened: ask to confirm, or say the person is in already.
pub fn offer_to_join(cx: &Context, session: &Session, code: &str) -> Result<Reply> {
    let team = if is_invite_code(code) { cx.app.store.team_by_invite(code, false)? } else { None };
    let Some(team) = team else { return Ok(cx.say(session, Msg::TgInvalidLink, &[])) };
    let presenter = cx.presenter(session);
    if team.members.contains(&session.person) {
        let text = presenter.msg_with(Msg::TeamAlreadyMember, &team_args(&team));
        return Ok(Reply::with_button(text, cx.start_scan_button(session.state.lang, &team)));
    }
    let mut args = team_args(&team);
    args.push(("min", cx.app.rules.min_respondents().into()));
    let text = presenter.msg_with(Msg::TeamJoinConfirm, &args);
    let button = Button { label: presenter.msg(Msg::TeamJoinButton), action: Action::Join(code.to_string()) };
    Ok(Reply::with_button(text, button))
}

/// The confirming tap: joins the team, or `None` when the link no longer works.
pub fn join(cx: &Context, session: &Session, code: &str) -> Result<Option<Reply>> {
    let store = &cx.app.store;
    let Some(team) = store.team_by_invite(code, false)? else { return Ok(None) };
    // Checked again under the team lock: the link may have been replaced meanwhile.
    let joined = store.update_team(&team.id, |team| {
        let valid = team.invite == code;
        if valid {
            team.members.insert(session.person.clone());
        }
        valid
    })?;
    if joined != Some(true) {
        return Ok(None);
    }
    let mut args = team_args(&team);
    args.push(("title", catalog::title(cx.app, round_flow(cx.app, &team), session.state.lang).into()));
    let text = cx.presenter(session).msg_with(Msg::TeamJoined, &args);
    Ok(Some(Reply::with_button(text, cx.start_scan_button(session.state.lang, &team))))
}

/// A one-time lead link was opened by a member: they become a lead.
pub fn become_lead(cx: &Context, session: &Session, code: &str) -> Result<Reply> {
    let store = &cx.app.store;
    let team = if is_invite_code(code) { store.team_by_invite(code, true)? } else { None };
    let Some(team) = team else { return Ok(cx.say(session, Msg::TgInvalidLink, &[])) };
    let person = session.person.clone();
    let outcome = store.update_team(&team.id, |team| {
        if team.lead_invite.as_deref() != Some(code) {
            return Msg::TgInvalidLink;
        }
        if !team.members.contains(&person) {
            return Msg::TeamLeadNotMember;
        }
        team.leads.insert(person.clone());
        team.lead_invite = None;
        Msg::TeamLeadAdded
    })?;
    Ok(cx.say(session, outcome.unwrap_or(Msg::TgInvalidLink), &team_args(&team)))
}

/// `/org`: the median current level per team, as a table and a heatmap, for admins.
pub fn org(cx: &Context, session: &Session) -> Result<Reply> {
    if !cx.app.admins.contains(&session.person) {
        return Ok(cx.say(session, Msg::OrgNotAdmin, &[]));
    }
    let mut reply = Reply::default();
    for flow in cx.app.content.catalog() {
        reply.parts.extend(org_for(cx, session, flow)?.parts);
    }
    if reply.parts.is_empty() {
        return Ok(cx.say(session, Msg::OrgNone, &[]));
    }
    Ok(reply)
}

/// The org view of the teams whose current round asks `flow` (nothing when there are none).
fn org_for(cx: &Context, session: &Session, flow: &Flow) -> Result<Reply> {
    let rows = cx.app.store.org_view(flow, cx.app.rules)?;
    if rows.is_empty() {
        return Ok(Reply::default());
    }
    let presenter = cx.app.presenter_for(flow, session.state.lang);
    let columns: Vec<String> = (0..flow.dimensions.len()).map(|d| presenter.dimension_name(d)).collect();
    let flow_title = catalog::title(cx.app, flow, session.state.lang);
    let title = format!(
        "{}\n{}",
        presenter.msg_with(Msg::OrgTitle, &[("min", cx.app.rules.min_respondents().into())]),
        presenter.msg_with(Msg::OrgFlowTitle, &[("title", flow_title.into())]),
    );
    let header: Vec<String> = flow.dimensions.iter().map(|d| d.id.to_uppercase()).collect();
    let mut lines = vec![title.clone(), String::new(), header.join(" · ")];
    let (mut names, mut cells) = (Vec::new(), Vec::new());
    for (team, stats) in &rows {
        let values: Vec<Option<f64>> = stats.dimensions.iter().map(|d| d.current).collect();
        let shown: Vec<String> =
            values.iter().map(|v| v.map_or("-".to_string(), |v| presenter.number(v))).collect();
        lines.push(format!("{team}: {}", shown.join(" · ")));
        names.push(team.clone());
        cells.push(values);
    }
    let png = chart::heatmap_png(&title, &names, &columns, &cells, |v| presenter.number(v))?;
    let mut reply = Reply::text(lines.join("\n"));
    reply.push(Part::Photo { png, name: "peilbot-org.png", caption: String::new() });
    Ok(reply)
}

/// The settings text and buttons: language and team reminders.
pub fn settings(app: &App, session: &Session) -> Reply {
    let presenter = app.presenter(session.state.lang);
    let language = presenter.language_name(session.state.lang);
    let reminders = presenter.msg(if session.record.reminders_off {
        Msg::SettingsRemindersOff
    } else {
        Msg::SettingsRemindersOn
    });
    let text =
        format!("{}\n{reminders}", presenter.msg_with(Msg::TgSettings, &[("language", language.into())]));
    let (label, on) = if session.record.reminders_off {
        (Msg::SettingsRemindersTurnOn, true)
    } else {
        (Msg::SettingsRemindersTurnOff, false)
    };
    let buttons = vec![
        language_buttons(app, session.state.lang),
        vec![Button { label: presenter.msg(label), action: Action::Reminders(on) }],
    ];
    Reply { parts: vec![Part::Text { text, buttons }] }
}

/// One button per language, each labelled in its own language's name as `lang` says it.
pub fn language_buttons(app: &App, lang: Lang) -> Vec<Button> {
    let presenter = app.presenter(lang);
    Lang::ALL
        .iter()
        .map(|&l| Button { label: presenter.language_name(l), action: Action::Language(l) })
        .collect()
}
