//! Team commands, deep links and buttons on Telegram: each calls the application layer
//! (`app::teams`) and sends what it returns. Nothing here decides who may see what.

use teloxide::prelude::*;

use super::menus::Refresh;
use super::send::{is_opt_out, retrying};
use super::tap::Tap;
use super::turn::{HandlerResult, TgBot, Turn, chat_of, keyboard};
use crate::app::teams::{self, Context, JOIN_PREFIX, LEAD_PREFIX, Outcome};
use crate::app::{Action, Part, Reply, Session, TeamAction, team_language};
use crate::messages::Msg;
use crate::pool::off_async;
use crate::unix_now;

/// Deep links to this bot with a start payload.
fn links<B: TgBot>(turn: &Turn<B>) -> impl Fn(&str) -> String + Send + Sync + use<B> {
    let username = turn.shared.username.clone();
    move |payload: &str| format!("https://t.me/{username}?start={payload}")
}

/// Runs a team operation with this turn's surroundings and sends its reply.
async fn reply<B: TgBot>(
    turn: Turn<B>,
    operation: impl FnOnce(&Context, &Session) -> teams::Result<Reply> + Send + 'static,
) -> HandlerResult {
    carry_out(turn, move |cx, session| operation(cx, session).map(Outcome::Reply)).await
}

/// Runs a team operation (store reads and writes, results, charts) on the blocking pool.
async fn run_off_async<B: TgBot, T: Send + 'static>(
    turn: &Turn<B>,
    operation: impl FnOnce(&Context, &Session) -> teams::Result<T> + Send + 'static,
) -> teams::Result<T> {
    let (shared, session, link) = (turn.shared.clone(), turn.session.clone(), links(turn));
    off_async(move || operation(&Context { app: &shared.app, now: unix_now(), link: &link }, &session)).await
}

pub async fn new_team<B: TgBot>(turn: Turn<B>, name: String) -> HandlerResult {
    let menu = Refresh::after(&turn);
    reply(turn, move |cx, session| teams::new_team(cx, session, &name)).await?;
    menu.run().await;
    Ok(())
}

pub async fn list<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    reply(turn, teams::list).await
}

/// `/weblink`: a one-time sign-in link to the web channel, for a lead.
pub async fn web_link<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    reply(turn, teams::web_link).await
}

pub async fn org<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    reply(turn, crate::app::org::org).await
}

/// `/report`: a PDF of the team result (a lead), or of the organisation (an admin who
/// leads no team, or `/report org`).
pub async fn report<B: TgBot>(turn: Turn<B>, what: String) -> HandlerResult {
    carry_out(turn, move |cx, session| teams::report(cx, session, what.trim() == "org")).await
}

/// A command that acts on one of the person's teams (asking which when there are several).
pub async fn pick<B: TgBot>(turn: Turn<B>, action: TeamAction) -> HandlerResult {
    carry_out(turn, move |cx, session| teams::pick(cx, session, action)).await
}

/// A team picked from the "Which team?" buttons: the question becomes the team's name.
pub async fn picked<B: TgBot>(mut turn: Turn<B>, tap: Tap, picked: Action) -> HandlerResult {
    let Action::Pick { action, team } = picked else { return Ok(()) };
    let (shared, id) = (turn.shared.clone(), team.clone());
    let found = off_async(move || shared.app.store.team(&id)).await?;
    // A team the person may not act on (an old button, or forged) is not even named.
    let Some(found) = found.filter(|found| teams::may_act(found, &turn.session.person, action)) else {
        turn.save().await?;
        turn.answer_callback(&tap.query, Some(turn.msg(Msg::TgStaleButton))).await;
        turn.strip_keyboard(tap.message).await;
        return Ok(());
    };
    turn.answer_callback(&tap.query, None).await;
    let text = turn.presenter().msg_with(Msg::TeamPicked, &[("team", found.name.as_str().into())]);
    turn.edit(tap.message, text, None).await?;
    carry_out(turn, move |cx, session| teams::run(cx, session, action, &team)).await
}

/// A flow picked for a team's current round.
pub async fn round_flow<B: TgBot>(mut turn: Turn<B>, tap: Tap, picked: Action) -> HandlerResult {
    let Action::RoundFlow { team, flow } = picked else { return Ok(()) };
    turn.answer_callback(&tap.query, None).await;
    turn.strip_keyboard(tap.message).await;
    reply(turn, move |cx, session| teams::set_round_flow(cx, session, &team, &flow)).await
}

/// A language picked for a team under `/teamlanguage`: the question turns into the answer.
pub async fn team_language<B: TgBot>(mut turn: Turn<B>, tap: Tap, picked: Action) -> HandlerResult {
    let Action::TeamLanguage { team, lang } = picked else { return Ok(()) };
    let set = run_off_async(&turn, move |cx, session| team_language::set(cx, session, &team, lang)).await?;
    turn.save().await?;
    turn.answer_callback(&tap.query, None).await;
    edit_into(turn, tap, set).await
}

/// A round picked from the buttons under a team result.
pub async fn round<B: TgBot>(turn: Turn<B>, tap: Tap, picked: Action) -> HandlerResult {
    let Action::Round { team, round } = picked else { return Ok(()) };
    turn.answer_callback(&tap.query, None).await;
    reply(turn, move |cx, session| teams::round_result(cx, session, &team, round)).await
}

/// "Yes" under a confirmation of a team action: the confirmation keeps its text, loses
/// its buttons, and the action is carried out.
pub async fn confirmed<B: TgBot>(mut turn: Turn<B>, tap: Tap, confirmed: Action) -> HandlerResult {
    let Action::Confirm { action, team } = confirmed else { return Ok(()) };
    turn.answer_callback(&tap.query, None).await;
    turn.strip_keyboard(tap.message).await;
    // A lead who left may lead nothing now: their menu follows (Leave is only ever confirmed).
    let menu = Refresh::after(&turn);
    carry_out(turn, move |cx, session| teams::confirmed(cx, session, action, &team)).await?;
    if action == TeamAction::Leave {
        menu.run().await;
    }
    Ok(())
}

/// "Yes, open round N with …" under the confirmation of `/newround`: like "Yes", with
/// the flow the new round asks.
pub async fn open_round<B: TgBot>(mut turn: Turn<B>, tap: Tap, confirmed: Action) -> HandlerResult {
    let Action::OpenRound { team, flow, round } = confirmed else { return Ok(()) };
    turn.answer_callback(&tap.query, None).await;
    turn.strip_keyboard(tap.message).await;
    carry_out(turn, move |cx, session| teams::open_round(cx, session, &team, &flow, round)).await
}

/// Delivers reminders queued outside working hours, once they begin: checked every
/// minute while the bot runs.
pub async fn deliver_queued<B: TgBot>(bot: B, shared: std::sync::Arc<super::Shared>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every.tick().await;
        let app_shared = shared.clone();
        let taken =
            tokio::task::spawn_blocking(move || teams::queued_nudges(&app_shared.app, unix_now())).await;
        let nudges = match taken {
            Ok(Ok(nudges)) => nudges,
            Ok(Err(err)) => {
                tracing::error!(%err, "could not read the queued reminders");
                continue;
            }
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        };
        match deliver(&bot, &shared, nudges).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "queued reminders sent"),
            Err(err) => tracing::error!(%err, "could not mark a member unreachable"),
        }
    }
}

/// Sends nudges one by one; a member who blocked the bot is marked and not tried again.
async fn deliver<B: TgBot>(
    bot: &B,
    shared: &std::sync::Arc<super::Shared>,
    nudges: Vec<teams::Nudge>,
) -> teams::Result<usize> {
    let mut sent = 0;
    for nudge in nudges {
        let Some(chat) = chat_of(&nudge.member) else { continue };
        let markup = keyboard(&[vec![nudge.button]]);
        let send = || bot.send_message(chat, nudge.text.clone()).reply_markup(markup.clone()).send();
        match retrying(send).await {
            Ok(_) => sent += 1,
            Err(err) if is_opt_out(&err) => {
                let (shared, member) = (shared.clone(), nudge.member.clone());
                off_async(move || teams::unreachable(&shared.app, &member)).await?
            }
            Err(err) => tracing::warn!(%err, "a reminder could not be sent"),
        }
    }
    Ok(sent)
}

/// Runs a team action; nudges are delivered here, one by one, and the lead is told how
/// many arrived. A member who blocked the bot is marked and not tried again.
async fn carry_out<B: TgBot>(
    mut turn: Turn<B>,
    action: impl FnOnce(&Context, &Session) -> teams::Result<Outcome> + Send + 'static,
) -> HandlerResult {
    turn.save().await?;
    let outcome = run_off_async(&turn, action).await?;
    let (team, nudges, kind) = match outcome {
        Outcome::Reply(reply) => return turn.send(reply).await,
        Outcome::Nudges { team, nudges, kind } => (team, nudges, kind),
    };
    let sent = deliver(&turn.bot, &turn.shared, nudges).await?;
    let link = links(&turn);
    let cx = Context { app: turn.app(), now: unix_now(), link: &link };
    let report = teams::nudges_sent(&cx, &turn.session, &team, kind, sent);
    turn.send(report).await
}

/// `/start join_<code>` and `/start lead_<code>`; any other payload is an invalid link.
pub async fn deep_link<B: TgBot>(turn: Turn<B>, payload: &str) -> HandlerResult {
    if let Some(code) = payload.strip_prefix(JOIN_PREFIX) {
        let code = code.to_string();
        return reply(turn, move |cx, session| {
            teams::offer_to_join(cx, session, &code, Msg::TeamLanguageHowTg)
        })
        .await;
    }
    if let Some(code) = payload.strip_prefix(LEAD_PREFIX) {
        let code = code.to_string();
        let menu = Refresh::after(&turn);
        reply(turn, move |cx, session| teams::become_lead(cx, session, &code, Msg::TeamLeadAdded)).await?;
        menu.run().await;
        return Ok(());
    }
    reply(turn, |cx, session| Ok(Reply::text(cx.app.presenter(session.state.lang).msg(Msg::TgInvalidLink))))
        .await
}

/// The confirming tap on "Join the team": the confirmation turns into a welcome.
pub async fn join<B: TgBot>(mut turn: Turn<B>, tap: Tap, code: String) -> HandlerResult {
    let joined = run_off_async(&turn, move |cx, session| teams::join(cx, session, &code)).await?;
    turn.save().await?;
    let Some(joined) = joined else {
        turn.answer_callback(&tap.query, Some(turn.msg(Msg::TgInvalidLink))).await;
        turn.strip_keyboard(tap.message).await;
        return Ok(());
    };
    turn.answer_callback(&tap.query, None).await;
    edit_into(turn, tap, joined).await
}

/// Team reminders on or off, from /settings: the settings message is updated in place.
pub async fn reminders<B: TgBot>(mut turn: Turn<B>, tap: Tap, on: bool) -> HandlerResult {
    turn.session.record.reminders_off = !on;
    turn.save().await?;
    turn.answer_callback(&tap.query, None).await;
    let settings = crate::app::conversation::settings(turn.app(), &turn.session);
    edit_into(turn, tap, settings).await
}

/// Replaces the tapped message by the reply's first text and its buttons.
async fn edit_into<B: TgBot>(mut turn: Turn<B>, tap: Tap, reply: Reply) -> HandlerResult {
    if let Some(Part::Text { text, buttons, .. }) = reply.parts.into_iter().next() {
        let markup = (!buttons.is_empty()).then(|| keyboard(&buttons));
        turn.edit(tap.message, text, markup).await?;
    }
    Ok(())
}
