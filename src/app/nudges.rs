//! Nudges to members: a new round's notice and `/remind`, kept for the next working
//! morning when made outside working hours, and what the lead is told afterwards.

use super::context::{Context, Nudge, NudgeKind, Outcome, Result, round_flow, team_args};
use super::{Action, App, Button, Reply, Session, catalog};
use crate::flow::Flow;
use crate::i18n::Arg;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::store::{NewRound, QueuedNudge};
use crate::team::Team;
use crate::working_hours;

/// `/newround`: closes the round, opens the next on `next`, and tells every member (one
/// message, in their own language, with a button to start).
/// Closes round `closing_round` (when it is still the current one: a confirmation tapped
/// twice, or two of them, close one round) and opens the next, asking `next`.
pub(super) fn new_round(
    cx: &Context,
    session: &Session,
    team: &Team,
    closing_round: u32,
    next: &Flow,
) -> Result<Outcome> {
    let closing = round_flow(cx.app, team);
    // The members are told about the team as it is now: its new round asks `next`.
    let opened = cx.app.store.new_round(closing, &team.id, closing_round, cx.app.rules, cx.now, next)?;
    let team = match opened {
        NewRound::Opened(team) => team,
        NewRound::NoSuchTeam => return Ok(cx.say(session, Msg::TgStaleButton, &[]).into()),
        NewRound::AlreadyClosed(team) => {
            let mut args = team_args(&team);
            args.extend([("round", closing_round.into()), ("current", team.current_round().number.into())]);
            return Ok(cx.say(session, Msg::RoundAlreadyClosed, &args).into());
        }
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

/// `/remind`: members to nudge now (marked as nudged), each in their own language.
pub(super) fn remind(cx: &Context, session: &Session, team: &Team) -> Result<Outcome> {
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
pub(super) fn within_working_hours(cx: &Context, session: &Session, outcome: Outcome) -> Result<Outcome> {
    let Outcome::Nudges { team, nudges, kind } = outcome else { return Ok(outcome) };
    if working_hours::is_open(cx.now) {
        return Ok(Outcome::Nudges { team, nudges, kind });
    }
    keep(cx, &team, &nudges)?;
    Ok(told_later(cx, session, &team, nudges.len(), kind, Msg::RemindQueued).into())
}

/// For a channel that sends no messages of its own (the web): the nudges are kept, as
/// outside working hours, for the bot to deliver to members in Telegram in working
/// hours; a member in a browser sees the round on their next visit. The lead is told so.
pub fn kept_for_later(cx: &Context, session: &Session, outcome: Outcome) -> Result<Reply> {
    let (team, nudges, kind) = match outcome {
        Outcome::Reply(reply) => return Ok(reply),
        Outcome::Nudges { team, nudges, kind } => (team, nudges, kind),
    };
    keep(cx, &team, &nudges)?;
    Ok(told_later(cx, session, &team, nudges.len(), kind, Msg::WebNudgesKept))
}

/// Keeps nudges in the queue `queued_nudges` delivers from.
fn keep(cx: &Context, team: &Team, nudges: &[Nudge]) -> Result<()> {
    for nudge in nudges {
        let queued = QueuedNudge {
            team: team.id.clone(),
            queued_at: cx.now,
            text: nudge.text.clone(),
            button: nudge.button.label.clone(),
        };
        cx.app.store.queue_nudge(&nudge.member, &queued)?;
    }
    Ok(())
}

/// What the lead is told of `count` nudges kept for later (`how`: when they go out).
fn told_later(
    cx: &Context,
    session: &Session,
    team: &Team,
    count: usize,
    kind: NudgeKind,
    how: Msg,
) -> Reply {
    let mut args = team_args(team);
    args.push(("count", count.into()));
    let presenter = cx.presenter(session);
    let queued = presenter.msg_with(how, &args);
    match kind {
        NudgeKind::Reminder => Reply::text(queued),
        // The round is open already; only the notices to the members wait.
        NudgeKind::RoundOpened(round) => {
            args.extend(round_opened_args(cx, session, team, round));
            let opened = presenter.msg_with(Msg::TeamRoundOpened, &args);
            Reply::text(format!("{opened}\n{queued}"))
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
