//! Team operations, for every channel: creating teams, invites, rounds, the team result,
//! export and reminders (the organisation view is in `org`).
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
use crate::chart;
use crate::export;
use crate::flow::Flow;
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::present::Presenter;
use crate::random::{new_invite_code, team_seed};
use crate::store::{QueuedNudge, TeamRefusal, Viewer};
use crate::team::{Team, is_invite_code};
use crate::working_hours;

/// Deep-link payload prefixes: an invite, and a one-time lead invite.
pub const JOIN_PREFIX: &str = "join_";
pub const LEAD_PREFIX: &str = "lead_";
/// Buttons to earlier rounds per row under a team result.
const ROUND_BUTTONS_PER_ROW: usize = 4;
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
    Nudges { team: Team, nudges: Vec<Nudge>, kind: NudgeKind },
}

/// Why members are nudged, which decides what the lead is told afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeKind {
    /// `/remind`.
    Reminder,
    /// `/newround` opened this round.
    RoundOpened(u32),
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

    /// A nudge for a member, in their stored language, naming the round's flow (`title`,
    /// `minutes`), with a button to start it.
    fn nudge(
        &self,
        member: &PersonId,
        lang: Option<Lang>,
        team: &Team,
        msg: Msg,
        args: &[(&str, Arg)],
    ) -> Nudge {
        let lang = lang.unwrap_or(Lang::En);
        let flow = round_flow(self.app, team);
        let mut args = args.to_vec();
        args.extend([
            ("title", catalog::title(self.app, flow, lang).into()),
            ("minutes", flow.minutes.into()),
        ]);
        let text = self.app.presenter(lang).msg_with(msg, &args);
        Nudge { member: member.clone(), text, button: self.start_scan_button(lang, team) }
    }
}

/// The flow a team's round asks (the default one if it is no longer offered).
pub fn shown_flow<'a>(app: &'a App, team: &Team, round: u32) -> &'a Flow {
    let asked = team.rounds.iter().find(|r| r.number == round).map(|r| r.flow.as_str());
    asked.and_then(|id| app.flow_by_id(id)).unwrap_or_else(|| round_flow(app, team))
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

/// `/newteam NAME`: a new team led by the person.
pub fn new_team(cx: &Context, session: &Session, name: &str) -> Result<Reply> {
    let name = name.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if !name.chars().any(is_visible) || name.chars().count() > MAX_TEAM_NAME {
        return Ok(cx.say(session, Msg::TeamNameMissing, &[]));
    }
    let same = |team: &Team| team.is_lead(&session.person) && team.name.to_lowercase() == name.to_lowercase();
    if cx.app.store.teams_of(&session.person)?.iter().any(same) {
        return Ok(cx.say(session, Msg::TeamNameDuplicate, &[("team", name.into())]));
    }
    let flow = cx.app.flow();
    let team = Team::new(name, session.person.clone(), cx.now, team_seed(), flow);
    cx.app.store.create_team(&team)?;
    let mut args = team_args(&team);
    args.push(("link", (cx.link)(&format!("{JOIN_PREFIX}{}", team.invite)).into()));
    let mut reply = cx.say(session, Msg::TeamCreated, &args);
    reply.parts.extend(round_flow_choice(cx, session, &team, 1, flow).parts);
    Ok(reply)
}

/// A lead picked the flow for a new team's first round: allowed until a result was
/// published, so a published result never mixes flows. (A later round's flow is picked
/// when it is opened, before its members are told which scan to take.)
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
        let open = round.number == 1 && !round.published;
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

/// Characters that take no room on screen: zero-width spaces and joiners, direction
/// marks, the byte order mark, variation selectors, the soft hyphen and fillers.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// A character a person can see: not a space, a control character or an invisible one.
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !is_invisible(c)
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
    if matches!(action, TeamAction::Leave | TeamAction::NewRound) {
        return Ok(confirm(cx, session, action, &team).into());
    }
    carry_out(cx, session, action, team)
}

/// The tap on "Yes, open round N with …" under the confirmation of `/newround`, when
/// there is more than one flow: the new round, asking that flow.
pub fn open_round(cx: &Context, session: &Session, team_id: &str, flow_id: &str) -> Result<Outcome> {
    let (Some(team), Some(next)) = (cx.app.store.team(team_id)?, cx.app.flow_by_id(flow_id)) else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]).into());
    };
    if !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]).into());
    }
    let outcome = new_round(cx, session, &team, next)?;
    within_working_hours(cx, session, outcome)
}

/// The tap on "Yes" under a confirmation: the action, checked again.
pub fn confirmed(cx: &Context, session: &Session, action: TeamAction, team_id: &str) -> Result<Outcome> {
    let Some(team) = cx.app.store.team(team_id)? else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]).into());
    };
    if action != TeamAction::Leave && !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]).into());
    }
    carry_out(cx, session, action, team)
}

/// Asks before what cannot be undone: closing a round, leaving a team (and says when
/// the team would be left without a lead).
fn confirm(cx: &Context, session: &Session, action: TeamAction, team: &Team) -> Reply {
    let presenter = cx.presenter(session);
    let mut args = team_args(team);
    let round = team.current_round().number;
    args.extend([("round", round.into()), ("next", (round + 1).into())]);
    let sole_lead = team.is_lead(&session.person) && team.leads.len() == 1 && team.members.len() > 1;
    let (question, yes) = match action {
        TeamAction::NewRound => (Msg::ConfirmNewRound, Msg::ConfirmNewRoundButton),
        _ if sole_lead => (Msg::ConfirmLeaveSoleLead, Msg::ConfirmLeaveButton),
        _ => (Msg::ConfirmLeave, Msg::ConfirmLeaveButton),
    };
    let mut text = presenter.msg_with(question, &args);
    let yes = Button {
        label: presenter.msg_with(yes, &args),
        action: Action::Confirm { action, team: team.id.clone() },
    };
    let no = Button { label: presenter.msg(Msg::ConfirmNoButton), action: Action::Dismiss };
    let current = round_flow(cx.app, team);
    let others: Vec<&Flow> = cx.app.content.catalog().iter().filter(|flow| flow.id != current.id).collect();
    if action != TeamAction::NewRound || others.is_empty() {
        return Reply { parts: vec![Part::Text { text, buttons: vec![vec![yes, no]] }] };
    }
    // Which scan the new round asks is chosen here, before its members are told: the one
    // the closing round asked, or another.
    let lang = session.state.lang;
    args.push(("title", catalog::title(cx.app, current, lang).into()));
    text = format!("{text}\n{}", presenter.msg_with(Msg::ConfirmNewRoundFlows, &args));
    let mut buttons = vec![vec![yes]];
    for flow in others {
        let mut args = args.clone();
        args.push(("title", catalog::title(cx.app, flow, lang).into()));
        let label = presenter.msg_with(Msg::ConfirmNewRoundFlowButton, &args);
        let action = Action::OpenRound { team: team.id.clone(), flow: flow.id.clone() };
        buttons.push(vec![Button { label, action }]);
    }
    buttons.push(vec![no]);
    Reply { parts: vec![Part::Text { text, buttons }] }
}

fn carry_out(cx: &Context, session: &Session, action: TeamAction, team: Team) -> Result<Outcome> {
    let outcome = perform(cx, session, action, team)?;
    within_working_hours(cx, session, outcome)
}

fn perform(cx: &Context, session: &Session, action: TeamAction, team: Team) -> Result<Outcome> {
    let (store, team_id) = (&cx.app.store, team.id.as_str());
    let reply = match action {
        TeamAction::Leave => leave(cx, session, &team)?,
        TeamAction::Result => result(cx, session, &team, None)?,
        TeamAction::Export => export(cx, session, &team)?,
        TeamAction::Report => report_team(cx, session, &team)?,
        TeamAction::Remind => return remind(cx, session, &team),
        // The new round asks what the closing one asked, unless the lead picked another.
        TeamAction::NewRound => return new_round(cx, session, &team, round_flow(cx.app, &team)),
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

/// The team result as text and chart, or why there is none yet: the round asked for, or
/// the current round, or while that has too few responses the latest round that had
/// enough. Buttons under the text lead to the other rounds with a result.
fn result(cx: &Context, session: &Session, team: &Team, round: Option<u32>) -> Result<Reply> {
    result_for(cx, session, team, Viewer::Lead(&session.person), round)
}

/// The team result for a lead, or for an admin (`peilbot team`): the same publication,
/// in the words of the flow the round shown asked.
pub fn result_for(
    cx: &Context,
    session: &Session,
    team: &Team,
    viewer: Viewer,
    round: Option<u32>,
) -> Result<Reply> {
    let outcome =
        cx.app.store.team_result_as(round_flow(cx.app, team), &team.id, viewer, cx.app.rules, round)?;
    let mut reply = match outcome {
        Ok(result) => {
            let presenter = cx.app.presenter_for(shown_flow(cx.app, team, result.round), session.state.lang);
            let (rows, labels) = presenter.team_chart(&result, cx.now);
            let png = chart::profile_png(&rows, &labels)?;
            let buttons = result
                .published_rounds
                .iter()
                .filter(|&&number| number != result.round)
                .map(|&number| Button {
                    label: presenter.msg_with(Msg::TeamRoundButton, &[("round", number.into())]),
                    action: Action::Round { team: team.id.clone(), round: number },
                })
                .collect::<Vec<_>>();
            let text = presenter.team_result(&result);
            // Rows of a few, so many rounds still fit a phone's width.
            let buttons = buttons.chunks(ROUND_BUTTONS_PER_ROW).map(<[Button]>::to_vec).collect();
            let mut reply = Reply { parts: vec![Part::Text { text, buttons }] };
            reply.push(Part::Photo { png, name: "peilbot-team.png".into(), caption: labels.title });
            reply
        }
        Err(TeamRefusal::NoSuchRound) => return Ok(cx.say(session, Msg::TgStaleButton, &[])),
        Err(refusal) => refused(cx, session, team, &refusal),
    };
    // A flow file changed its questions (a new version) while the round is open: the
    // round keeps counting the version it asks, so the lead needs to know why new scans
    // do not count, and what to do.
    let (current, flow) = (team.current_round(), round_flow(cx.app, team));
    if current.flow == flow.id && current.flow_version != flow.version {
        let title = catalog::title(cx.app, flow, session.state.lang);
        let args = [("round", current.number.into()), ("title", title.into())];
        reply.parts.insert(
            0,
            Part::Text {
                text: cx.presenter(session).msg_with(Msg::TeamRoundOldVersion, &args),
                buttons: Vec::new(),
            },
        );
    }
    Ok(reply)
}

/// Why a team has no result to show the person (yet).
fn refused(cx: &Context, session: &Session, team: &Team, refusal: &TeamRefusal) -> Reply {
    let presenter = cx.presenter(session);
    let round = team.current_round().number;
    let text = presenter.refusal(&team.name, round, team.members.len(), refusal);
    Reply::text(text.unwrap_or_else(|| presenter.msg(Msg::TeamNotLead)))
}

/// A round's result, from a button under an earlier result.
pub fn round_result(cx: &Context, session: &Session, team_id: &str, round: u32) -> Result<Reply> {
    let Some(team) = cx.app.store.team(team_id)? else { return Ok(cx.say(session, Msg::TgStaleButton, &[])) };
    result(cx, session, &team, Some(round))
}

/// `/newround`: closes the round, opens the next on `next`, and tells every member (one
/// message, in their own language, with a button to start).
fn new_round(cx: &Context, session: &Session, team: &Team, next: &Flow) -> Result<Outcome> {
    let closing = round_flow(cx.app, team);
    // The members are told about the team as it is now: its new round asks `next`.
    let Some(team) = cx.app.store.new_round(closing, &team.id, cx.app.rules, cx.now, next)? else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]).into());
    };
    let (team, round) = (&team, team.current_round().number);
    let mut nudges = Vec::new();
    for member in team.members.iter().filter(|member| **member != session.person) {
        let person = cx.app.store.person(member)?;
        if person.unreachable || person.reminders_off {
            continue;
        }
        let args = [
            ("team", team.name.as_str().into()),
            ("round", round.into()),
            ("min", cx.app.rules.min_respondents().into()),
        ];
        nudges.push(cx.nudge(member, person.lang, team, Msg::RoundOpenedNudge, &args));
    }
    Ok(Outcome::Nudges { team: team.clone(), nudges, kind: NudgeKind::RoundOpened(round) })
}

/// `/report`: the organisation's report for an admin who asks for it (or leads no
/// team), otherwise the team report of the team the lead picks.
pub fn report(cx: &Context, session: &Session, org: bool) -> Result<Outcome> {
    let admin = cx.app.admins.contains(&session.person);
    let leads = cx.app.roles(&session.person)?.lead;
    if !(admin && (org || !leads)) {
        return pick(cx, session, TeamAction::Report);
    }
    let Some(pdf) = org_report(cx.app, &cx.presenter(session), cx.now)? else {
        return Ok(cx.say(session, Msg::OrgNone, &[]).into());
    };
    let caption = cx.presenter(session).msg(Msg::ReportOrgCaption);
    Ok(Reply { parts: vec![Part::Document { bytes: pdf, name: "peilbot-organisation.pdf".into(), caption }] }
        .into())
}

/// The organisation's report as a PDF, or `None` while no team has a result.
pub fn org_report(app: &App, presenter: &Presenter, now: u64) -> Result<Option<Vec<u8>>> {
    // The quick scan's: the organisation report is about digital maturity.
    let view = app.store.org_view(app.flow(), app.rules)?;
    if view.teams.is_empty() {
        return Ok(None);
    }
    let ranked = super::org::attention_order(&view);
    let heatmap = super::org::pages(presenter, &view, &ranked, now, Some(1))?.into_iter().next();
    let png = heatmap.map(|(png, _)| png);
    Ok(Some(crate::report::org_pdf(presenter, &view, png.as_deref(), app.rules.min_respondents(), now)?))
}

/// A team's report as a PDF, or why there is none yet.
fn report_team(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let store = &cx.app.store;
    match store.team_result(round_flow(cx.app, team), &team.id, &session.person, cx.app.rules, None)? {
        Ok(result) => {
            let presenter = cx.app.presenter_for(shown_flow(cx.app, team, result.round), session.state.lang);
            let pdf = crate::report::team_pdf(&presenter, &result, cx.app.rules.min_respondents(), cx.now)?;
            let args = [("team", team.name.as_str().into()), ("round", result.round.into())];
            let caption = presenter.msg_with(Msg::ReportCaption, &args);
            Ok(Reply {
                parts: vec![Part::Document { bytes: pdf, name: "peilbot-report.pdf".into(), caption }],
            })
        }
        Err(refusal) => Ok(refused(cx, session, team, &refusal)),
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
    let document = |bytes, name: &str| Part::Document { bytes, name: name.into(), caption: String::new() };
    Ok(Reply {
        parts: vec![
            Part::Document {
                bytes: export::csv(&rows, locales, lang)?,
                name: "peilbot-team.csv".into(),
                caption,
            },
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
        let lang = cx.app.store.person(&member)?.lang;
        let args = [("team", team.name.as_str().into()), ("min", cx.app.rules.min_respondents().into())];
        nudges.push(cx.nudge(&member, lang, team, Msg::RemindNudge, &args));
    }
    Ok(Outcome::Nudges { team: team.clone(), nudges, kind: NudgeKind::Reminder })
}

/// Nudges go out on working days from 9:00 to 17:00 only: made outside those hours, they
/// are kept as they are (each in its member's language) for the next working morning, and
/// the lead is told so. Every team action's outcome passes through here.
fn within_working_hours(cx: &Context, session: &Session, outcome: Outcome) -> Result<Outcome> {
    let Outcome::Nudges { team, nudges, kind } = outcome else { return Ok(outcome) };
    if working_hours::is_open(cx.now) {
        return Ok(Outcome::Nudges { team, nudges, kind });
    }
    for nudge in &nudges {
        let queued = QueuedNudge {
            team: team.id.clone(),
            queued_at: cx.now,
            text: nudge.text.clone(),
            button: nudge.button.label.clone(),
        };
        cx.app.store.queue_nudge(&nudge.member, &queued)?;
    }
    let mut args = team_args(&team);
    args.push(("count", nudges.len().into()));
    let presenter = cx.presenter(session);
    let queued = presenter.msg_with(Msg::RemindQueued, &args);
    match kind {
        NudgeKind::Reminder => Ok(Reply::text(queued).into()),
        // The round is open already; only the notices to the members wait.
        NudgeKind::RoundOpened(round) => {
            args.extend(round_opened_args(cx, session, &team, round));
            let opened = presenter.msg_with(Msg::TeamRoundOpened, &args);
            Ok(Reply::text(format!("{opened}\n{queued}")).into())
        }
    }
}

/// What "round N is open" names: the round, the one closed, and the scan it asks.
fn round_opened_args(cx: &Context, session: &Session, team: &Team, round: u32) -> Vec<(&'static str, Arg)> {
    let title = catalog::title(cx.app, round_flow(cx.app, team), session.state.lang);
    vec![("round", round.into()), ("previous", (round - 1).into()), ("title", title.into())]
}

/// Nudges queued outside working hours, once they have begun: each member still in the
/// team, reachable, with reminders on and not finished this round gets theirs.
pub fn queued_nudges(app: &App, now: u64) -> Result<Vec<Nudge>> {
    if !working_hours::is_open(now) {
        return Ok(Vec::new());
    }
    let mut nudges = Vec::new();
    for (member, queued) in app.store.take_queued_nudges()? {
        let Some(team) = app.store.team(&queued.team)? else { continue };
        let person = app.store.person(&member)?;
        let flow = round_flow(app, &team);
        let finished = app.store.has_finished_round(flow, &team, &member)?;
        if team.members.contains(&member) && !person.unreachable && !person.reminders_off && !finished {
            app.store.mark_reminded(&member, now)?;
            let button = Button { label: queued.button, action: Action::Scan(flow.id.clone()) };
            nudges.push(Nudge { member, text: queued.text, button });
        }
    }
    Ok(nudges)
}

/// What the lead is told after the nudges went out.
pub fn nudges_sent(cx: &Context, session: &Session, team: &Team, kind: NudgeKind, sent: usize) -> Reply {
    let mut args = team_args(team);
    args.push(("count", sent.into()));
    match kind {
        NudgeKind::Reminder => {
            args.push(("round", team.current_round().number.into()));
            cx.say(session, Msg::RemindSent, &args)
        }
        NudgeKind::RoundOpened(round) => {
            args.extend(round_opened_args(cx, session, team, round));
            let presenter = cx.presenter(session);
            let opened = presenter.msg_with(Msg::TeamRoundOpened, &args);
            Reply::text(format!("{opened}\n{}", presenter.msg_with(Msg::RoundOpenedSent, &args)))
        }
    }
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
        // Asked and confirmed (see `confirm`): the team is left without a lead.
        let last_lead = team.is_lead(&person) && team.leads.len() == 1 && team.members.len() > 1;
        team.members.remove(&person);
        team.leads.remove(&person);
        if last_lead { Msg::TeamLeftNoLead } else { Msg::TeamLeft }
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
