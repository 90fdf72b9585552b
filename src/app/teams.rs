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

use super::context::team_args;
use super::nudges::{new_round, remind, within_working_hours};
use super::team_results::{export, report_team, result};
use super::{Action, Button, Part, Reply, Session, TeamAction, catalog, names};
use crate::flow::Flow;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::random::{new_invite_code, team_seed};
use crate::team::{Team, is_invite_code};

pub use super::context::{Context, Nudge, NudgeKind, Outcome, Result, round_flow, shown_flow};
pub use super::nudges::{kept_for_later, nudges_sent, queued_nudges, unreachable};
pub use super::team_results::{result_for, round_result};

/// Deep-link payload prefixes: an invite, and a one-time lead invite.
pub const JOIN_PREFIX: &str = "join_";
pub const LEAD_PREFIX: &str = "lead_";
/// Longest team name, in characters.
pub const MAX_TEAM_NAME: usize = 64;

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

/// Whether a team may be called this: not blank once normalised, and not too long.
pub fn is_team_name(name: &str) -> bool {
    let name = names::as_typed(name);
    !names::is_blank(name) && name.chars().count() <= MAX_TEAM_NAME
}

/// `/newteam NAME`: a new team led by the person.
pub fn new_team(cx: &Context, session: &Session, name: &str) -> Result<Reply> {
    if !is_team_name(name) {
        return Ok(cx.say(session, Msg::TeamNameMissing, &[]));
    }
    let name = names::as_typed(name);
    let wanted = names::normal_form(name);
    let same = |team: &Team| team.is_lead(&session.person) && names::normal_form(&team.name) == wanted;
    if cx.app.store.teams_of(&session.person)?.iter().any(same) {
        return Ok(cx.say(session, Msg::TeamNameDuplicate, &[("team", name.into())]));
    }
    let flow = cx.app.flow();
    let mut team = Team::new(name, session.person.clone(), cx.now, team_seed(), flow);
    // The team speaks its lead's language: a Flemish lead's invite speaks Flemish.
    team.lang = Some(session.state.lang);
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
    Reply { parts: vec![Part::text(text, buttons)] }
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
            Ok(Reply { parts: vec![Part::text(text, buttons)] }.into())
        }
    }
}

/// Whether a person may do this to a team: leave it as a member, anything else as its lead.
/// Checked before anything about the team is shown, as a team's name can say a lot.
pub fn may_act(team: &Team, person: &PersonId, action: TeamAction) -> bool {
    match action {
        TeamAction::Leave => team.members.contains(person),
        _ => team.is_lead(person),
    }
}

/// An action on one team, checked again: the person may have tapped an old button.
pub fn run(cx: &Context, session: &Session, action: TeamAction, team_id: &str) -> Result<Outcome> {
    let store = &cx.app.store;
    let Some(team) = store.team(team_id)? else { return Ok(cx.say(session, Msg::TgStaleButton, &[]).into()) };
    if !may_act(&team, &session.person, action) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]).into());
    }
    if matches!(action, TeamAction::Leave | TeamAction::NewRound) {
        return Ok(confirm(cx, session, action, &team).into());
    }
    carry_out(cx, session, action, team)
}

/// The tap on "Yes, open round N (with …)" under the confirmation of `/newround`: the
/// new round, asking that flow, if round `round` is still the one the question was about.
pub fn open_round(
    cx: &Context,
    session: &Session,
    team_id: &str,
    flow_id: &str,
    round: u32,
) -> Result<Outcome> {
    let (Some(team), Some(next)) = (cx.app.store.team(team_id)?, cx.app.flow_by_id(flow_id)) else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]).into());
    };
    if !team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]).into());
    }
    let outcome = new_round(cx, session, &team, round, next)?;
    within_working_hours(cx, session, outcome)
}

/// The tap on "Yes" under a confirmation: the action, checked again.
pub fn confirmed(cx: &Context, session: &Session, action: TeamAction, team_id: &str) -> Result<Outcome> {
    let Some(team) = cx.app.store.team(team_id)? else {
        return Ok(cx.say(session, Msg::TgStaleButton, &[]).into());
    };
    if !may_act(&team, &session.person, action) {
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
    let current = round_flow(cx.app, team);
    // Closing a round names the round it closes: a second "Yes" finds it closed.
    let confirmed = match action {
        TeamAction::NewRound => Action::OpenRound { team: team.id.clone(), flow: current.id.clone(), round },
        _ => Action::Confirm { action, team: team.id.clone() },
    };
    let yes = Button { label: presenter.msg_with(yes, &args), action: confirmed };
    let no = Button { label: presenter.msg(Msg::ConfirmNoButton), action: Action::Dismiss };
    let others: Vec<&Flow> = cx.app.content.catalog().iter().filter(|flow| flow.id != current.id).collect();
    if action != TeamAction::NewRound || others.is_empty() {
        return Reply { parts: vec![Part::text(text, vec![vec![yes, no]])] };
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
        let action = Action::OpenRound { team: team.id.clone(), flow: flow.id.clone(), round };
        buttons.push(vec![Button { label, action }]);
    }
    buttons.push(vec![no]);
    Reply { parts: vec![Part::text(text, buttons)] }
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
        TeamAction::Language => super::team_language::offer(cx, session, &team),
        TeamAction::Remind => return remind(cx, session, &team),
        // Confirmed by a button from before confirmations named their round
        // (`Action::OpenRound` does now): it may confirm a round that is gone, so ask again.
        TeamAction::NewRound => return Ok(confirm(cx, session, action, &team).into()),
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
            let link = (cx.link)(&format!("{JOIN_PREFIX}{invite}"));
            let mut args = team_args(&team);
            args.push(("link", link.as_str().into()));
            let msg = if action == TeamAction::NewInvite { Msg::TeamNewInvite } else { Msg::TeamInvite };
            let mut reply = cx.say(session, msg, &args);
            // In the chat, the browser's link too (on the web, that is the link already).
            if let Some(link) = cx.app.web_link(&format!("/join/{invite}")).filter(|web| *web != link) {
                let web = cx.presenter(session).msg_with(Msg::TeamInviteWeb, &[("link", link.into())]);
                reply.parts.push(Part::text(web, Vec::new()));
            }
            reply
        }
    };
    Ok(reply.into())
}

/// `/report`: the organisation's report for an admin who asks for it (or leads no
/// team), otherwise the team report of the team the lead picks.
pub fn report(cx: &Context, session: &Session, org: bool) -> Result<Outcome> {
    let admin = cx.app.admins.contains(&session.person);
    let leads = cx.app.roles(&session.person)?.lead;
    if !(admin && (org || !leads)) {
        return pick(cx, session, TeamAction::Report);
    }
    let Some(pdf) = super::org::org_report(cx.app, &cx.presenter(session), cx.now)? else {
        return Ok(cx.say(session, Msg::OrgNone, &[]).into());
    };
    let caption = cx.presenter(session).msg(Msg::ReportOrgCaption);
    Ok(Reply { parts: vec![Part::Document { bytes: pdf, name: "peilbot-organisation.pdf".into(), caption }] }
        .into())
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

/// An invite link was opened: ask to confirm, or say the person is in already. It opens
/// with a line on the team's language when the person speaks it because of the team
/// (`how`: the channel's way to choose another, see `team_language::note`).
pub fn offer_to_join(cx: &Context, session: &Session, code: &str, how: Msg) -> Result<Reply> {
    let team = if is_invite_code(code) { cx.app.store.team_by_invite(code, false)? } else { None };
    let Some(team) = team else { return Ok(cx.say(session, Msg::TgInvalidLink, &[])) };
    let presenter = cx.presenter(session);
    let (text, button) = if team.members.contains(&session.person) {
        let text = presenter.msg_with(Msg::TeamAlreadyMember, &team_args(&team));
        (text, cx.start_scan_button(session.state.lang, &team))
    } else {
        let mut args = team_args(&team);
        args.push(("min", cx.app.rules.min_respondents().into()));
        let text = presenter.msg_with(Msg::TeamJoinConfirm, &args);
        (text, Button { label: presenter.msg(Msg::TeamJoinButton), action: Action::Join(code.to_string()) })
    };
    let text = match super::team_language::note(cx.app, session, &team, how) {
        Some(note) => format!("{note}\n\n{text}"),
        None => text,
    };
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

/// A one-time lead link opened in a browser, where opening a link changes nothing (mail
/// scanners open links too): the offer to become a lead, with its button, for a member.
pub fn offer_to_lead(cx: &Context, session: &Session, code: &str) -> Result<Reply> {
    let team = if is_invite_code(code) { cx.app.store.team_by_invite(code, true)? } else { None };
    let Some(team) = team else { return Ok(cx.say(session, Msg::TgInvalidLink, &[])) };
    if !team.members.contains(&session.person) {
        return Ok(cx.say(session, Msg::TeamLeadNotMember, &[]));
    }
    if team.is_lead(&session.person) {
        return Ok(cx.say(session, Msg::TeamLeadAlready, &team_args(&team)));
    }
    let presenter = cx.presenter(session);
    let text = presenter.msg_with(Msg::TeamLeadOffer, &team_args(&team));
    let button =
        Button { label: presenter.msg(Msg::TeamLeadOfferButton), action: Action::BecomeLead(code.into()) };
    Ok(Reply::with_button(text, button))
}

/// A one-time lead link was opened by a member: they become a lead, and `added` says so
/// (in the chat it names `/team`).
pub fn become_lead(cx: &Context, session: &Session, code: &str, added: Msg) -> Result<Reply> {
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
        // A lead who tries the link they made leaves it for the member it is for.
        if team.is_lead(&person) {
            return Msg::TeamLeadAlready;
        }
        team.leads.insert(person.clone());
        team.lead_invite = None;
        added
    })?;
    Ok(cx.say(session, outcome.unwrap_or(Msg::TgInvalidLink), &team_args(&team)))
}

/// `/weblink`: a one-time link that opens the lead's results in a browser (see `sign_in`).
pub fn web_link(cx: &Context, session: &Session) -> Result<Reply> {
    if !cx.app.roles(&session.person)?.lead {
        return Ok(cx.say(session, Msg::TeamNotLead, &[]));
    }
    let Some(link) = super::sign_in::new_link(cx.app, &session.person, cx.now)? else {
        return Ok(cx.say(session, Msg::TeamWebLinkUnset, &[]));
    };
    let args = [("link", link.into()), ("minutes", (super::sign_in::LINK_MINUTES as usize).into())];
    Ok(cx.say(session, Msg::TeamWebLink, &args))
}
