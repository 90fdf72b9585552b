//! The scan and a person's own commands: one small endpoint per route of `schema()`.
//!
//! ```text
//! person:  /scan                  bot: Question 1 of 23 … [Not started] … [Don't know]
//! person:  (taps Agreed)          bot: (edits the message) Question 2 of 23 …
//! person:  hello                  bot: Please answer with one of the choices. (question again)
//! person:  (taps an old button)   bot: That button is no longer valid. (question again)
//! person:  (last tap)             bot: Done, thank you! + the snapshot, as text and chart
//! ```
//!
//! Each endpoint is a short story of load, step, commit, reply: the [`Turn`] is loaded by
//! the router, [`Turn::step`] commits before anything is sent.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::MessageId;

use super::commands::Said;
use super::send::retrying;
use super::tap::Tap;
use super::teams;
use super::turn::{
    HandlerResult, Shared, TgBot, Turn, detected_lang, keyboard, on_blocking_pool, update_key,
};
use crate::app::conversation::{self, Confirmation, ScanStep};
use crate::app::privacy::{self, Channel};
use crate::app::{Action, Button, Part, Reply, catalog, history};
use crate::engine::Event;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::store::StoreError;

/// The deep-link payload that opens the scan (used by the link offered in groups).
pub const SCAN_PAYLOAD: &str = "scan";
/// `scan_<flow id>`: a deep link that opens one flow.
pub const SCAN_PREFIX: &str = "scan_";

/// Runs an engine event and shows its output as new messages.
async fn step_and_show<B: TgBot>(mut turn: Turn<B>, event: Event) -> HandlerResult {
    let transition = turn.step(event).await?;
    turn.show(&transition.output).await
}

/// `/scan`, or `/scan ID` (see `conversation::scan`). At first contact the person has
/// just been shown the privacy notice, and the scan starts only with their own tap on
/// "Start".
pub async fn scan<B: TgBot>(turn: Turn<B>, id: String) -> HandlerResult {
    if turn.first_contact {
        let flow = (!id.trim().is_empty()).then(|| id.trim().to_string());
        return ready(turn, flow).await;
    }
    let step = turn.off_async(move |app, session| conversation::scan(app, session, &id)).await?;
    go(turn, step).await
}

/// Shows a menu, or runs the step it came to.
async fn go<B: TgBot>(mut turn: Turn<B>, step: ScanStep) -> HandlerResult {
    match step {
        ScanStep::Menu(menu) => offer(turn, menu).await,
        ScanStep::Go(flow, event) => {
            let transition = turn.step_in(flow, event).await?;
            turn.show(&transition.output).await
        }
    }
}

/// A menu as a text with one button per option.
async fn offer<B: TgBot>(mut turn: Turn<B>, menu: catalog::Menu) -> HandlerResult {
    turn.save().await?;
    let buttons = menu.options.into_iter().map(|option| vec![option]).collect();
    turn.send(Reply { parts: vec![Part::text(menu.text, buttons)] }).await
}

/// "Start" after the privacy notice, or an old "Start or continue the quick scan" button
/// from before flows were named: as `/scan`.
pub async fn start_scan<B: TgBot>(turn: Turn<B>, tap: Tap) -> HandlerResult {
    turn.answer_callback(&tap.query, None).await;
    scan(turn, String::new()).await
}

/// A flow picked from the menu, "continue" under a confirmation, or "start the other
/// scan instead": confirmed, so the scan in progress makes way.
pub async fn scan_picked<B: TgBot>(mut turn: Turn<B>, tap: Tap, action: Action) -> HandlerResult {
    turn.answer_callback(&tap.query, None).await;
    turn.strip_keyboard(tap.message).await;
    match conversation::picked(turn.app(), &turn.session.state, &action) {
        Some(step) => go(turn, step).await,
        None => Ok(()),
    }
}

/// Sent before anything else at a person's first contact: the welcome and the privacy
/// notice, in a message of its own that no later tap edits away.
pub async fn greet<B: TgBot>(mut turn: Turn<B>) -> Option<Turn<B>> {
    if !turn.first_contact {
        return Some(turn);
    }
    if let Err(err) = send_welcome(&mut turn).await {
        tracing::warn!(%err, "could not send the privacy notice");
    }
    // Recorded once it arrived: a person who blocked the bot gets it when they return.
    if !turn.session.record.unreachable {
        turn.session.record.noticed_at = Some(crate::unix_now());
    }
    if let Err(err) = turn.save().await {
        tracing::error!(%err, "could not record the privacy notice");
        return None;
    }
    Some(turn)
}

async fn send_welcome<B: TgBot>(turn: &mut Turn<B>) -> Result<(), teloxide::RequestError> {
    let notice = privacy::notice(turn.app(), turn.session.state.lang, Channel::Telegram);
    turn.say(format!("{}\n\n{notice}", turn.msg(Msg::TgWelcome)), None).await.map(drop)
}

/// "Which language? Tap Start when you are ready." with the language buttons and "Start".
/// "Start" begins `flow` when one was asked for (`/scan ID`, a deep link), else it is a
/// plain `/scan`.
async fn ready<B: TgBot>(mut turn: Turn<B>, flow: Option<String>) -> HandlerResult {
    turn.save().await?;
    let keyboard = keyboard(&ready_buttons(&turn, flow));
    turn.say(turn.msg(Msg::TgReady), Some(keyboard)).await?;
    Ok(())
}

pub(super) fn ready_buttons<B: TgBot>(turn: &Turn<B>, flow: Option<String>) -> Vec<Vec<Button>> {
    let languages = conversation::language_buttons(turn.app(), turn.session.state.lang);
    vec![languages, vec![start_button(turn, flow)]]
}

fn start_button<B: TgBot>(turn: &Turn<B>, flow: Option<String>) -> Button {
    Button { label: turn.msg(Msg::TgStartButton), action: flow.map_or(Action::StartScan, Action::Scan) }
}

/// `/privacy`: the full statement, with the configured team threshold.
pub async fn privacy_statement<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    let text = privacy::statement(turn.app(), turn.session.state.lang, Channel::Telegram);
    say(turn, text, Vec::new()).await
}

/// `/mydata`: a summary and a JSON file of everything kept about the person.
pub async fn my_data<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    turn.save().await?;
    let reply = turn.off_async(privacy::my_data).await?;
    turn.send(reply).await
}

pub async fn back<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    step_and_show(turn, Event::Back).await
}

/// `/cancel` deletes a scan's answers, so it asks first; without a scan it says so.
pub async fn cancel<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    match conversation::cancel(turn.app(), &turn.session, turn.flow()) {
        Some(question) => confirm(turn, question).await,
        None => step_and_show(turn, Event::Cancel).await,
    }
}

/// A question before what cannot be undone, with its two buttons.
async fn confirm<B: TgBot>(turn: Turn<B>, question: Confirmation) -> HandlerResult {
    say(turn, question.text, vec![question.yes, question.no]).await
}

/// "Yes, stop" under the /cancel question: the scan and its answers go.
pub async fn cancel_confirmed<B: TgBot>(mut turn: Turn<B>, tap: Tap, answers: usize) -> HandlerResult {
    turn.answer_callback(&tap.query, None).await;
    // The question was about other answers than there are now: ask again, in its place.
    if !conversation::cancel_holds(&turn.session, answers) {
        let (text, keyboard) = match conversation::cancel(turn.app(), &turn.session, turn.flow()) {
            Some(again) => (again.text, Some(keyboard(&[vec![again.yes, again.no]]))),
            None => (turn.msg(Msg::NothingChanged), None),
        };
        turn.edit(tap.message, text, keyboard).await?;
        return Ok(());
    }
    let transition = turn.step(Event::Cancel).await?;
    // The question's buttons go first: by the time "stopped" is read, none is left to tap.
    if let Some(old) = turn.session.record.question_message.take() {
        turn.strip_keyboard(MessageId(old)).await;
        turn.save().await?;
    }
    let text: Vec<String> = transition.output.notices.iter().map(|n| turn.msg(*n)).collect();
    turn.edit(tap.message, text.join("\n"), None).await?;
    Ok(())
}

/// "What each level looks like" under a snapshot: per theme where the person stands and
/// the level above, in a message of its own.
pub async fn levels<B: TgBot>(turn: Turn<B>, tap: Tap) -> HandlerResult {
    turn.answer_callback(&tap.query, None).await;
    let (shared, session) = (turn.shared.clone(), turn.session.clone());
    let text = on_blocking_pool(move || conversation::levels(&shared.app, &session)).await?;
    let text = text.map_or_else(|| turn.msg(Msg::LevelsNone), |levels| levels.text);
    say(turn, text, Vec::new()).await
}

/// "No" under a confirmation: nothing changes, and the question says so.
pub async fn dismiss<B: TgBot>(mut turn: Turn<B>, tap: Tap) -> HandlerResult {
    conversation::dismiss(&mut turn.session);
    turn.save().await?;
    turn.answer_callback(&tap.query, None).await;
    turn.edit(tap.message, turn.msg(Msg::NothingChanged), None).await?;
    Ok(())
}

/// Text where a button is expected: the engine says so and shows the question again.
pub async fn text<B: TgBot>(turn: Turn<B>, text: String) -> HandlerResult {
    if turn.first_contact {
        return ready(turn, None).await;
    }
    step_and_show(turn, Event::Text(text)).await
}

/// Says one of our messages (after recording the update), with buttons if any.
async fn say<B: TgBot>(mut turn: Turn<B>, text: String, buttons: Vec<Button>) -> HandlerResult {
    turn.save().await?;
    let markup = (!buttons.is_empty()).then(|| keyboard(&[buttons]));
    turn.say(text, markup).await?;
    Ok(())
}

/// What this person needs first, by their roles, in their language (see `menus::short_help`).
async fn help_text<B: TgBot>(turn: &Turn<B>) -> anyhow::Result<String> {
    let roles = turn.off_async(|app, session| app.roles(&session.person)).await?;
    Ok(super::menus::short_help(&turn.app().content.locales, turn.session.state.lang, roles))
}

fn more_button<B: TgBot>(turn: &Turn<B>) -> Vec<Button> {
    vec![Button { label: turn.msg(Msg::TgHelpMoreButton), action: Action::MoreHelp }]
}

/// `/help`: fits on a phone's screen, with "More" for everything else.
pub async fn help<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    let text = help_text(&turn).await?;
    let more = more_button(&turn);
    say(turn, text, more).await
}

/// "More" under `/help`: the message shows every command of the person's roles.
pub async fn more_help<B: TgBot>(mut turn: Turn<B>, tap: Tap) -> HandlerResult {
    turn.save().await?;
    turn.answer_callback(&tap.query, None).await;
    let roles = turn.off_async(|app, session| app.roles(&session.person)).await?;
    let text = super::menus::help(&turn.app().content.locales, turn.session.state.lang, roles);
    turn.edit(tap.message, text, None).await?;
    Ok(())
}

pub async fn unknown_command<B: TgBot>(turn: Turn<B>) -> HandlerResult {
    let text = format!("{}\n\n{}", turn.msg(Msg::TgUnknownCommand), help_text(&turn).await?);
    let more = more_button(&turn);
    say(turn, text, more).await
}

/// Another bot's command ("/scan@other_bot"): recorded, not answered.
pub async fn not_ours<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    Ok(turn.save().await?)
}

pub async fn language<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    turn.save().await?;
    let keyboard = turn.language_keyboard();
    turn.say(turn.msg(Msg::TgChooseLanguage), Some(keyboard)).await?;
    Ok(())
}

pub async fn settings<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    turn.save().await?;
    let reply = conversation::settings(turn.app(), &turn.session);
    turn.send(reply).await
}

pub async fn forget_confirm<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    let question = conversation::forget(&turn.shared.clone().app, &mut turn.session)?;
    confirm(turn, question).await
}

/// `/start` greets and explains what is kept; `/start PAYLOAD` comes from a deep link.
pub async fn start<B: TgBot>(mut turn: Turn<B>, payload: String) -> HandlerResult {
    match payload.as_str() {
        "" => {
            // At first contact the welcome went out already (see `greet`).
            if !turn.first_contact {
                send_welcome(&mut turn).await?;
            }
            ready(turn, None).await
        }
        SCAN_PAYLOAD => scan(turn, String::new()).await,
        payload => match payload.strip_prefix(SCAN_PREFIX) {
            Some(id) => scan(turn, id.to_string()).await,
            None => teams::deep_link(turn, payload).await,
        },
    }
}

/// `/snapshot`: the latest completed scan, in context, as text and chart.
pub async fn snapshot<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    turn.save().await?;
    let shown = turn
        .off_async(|app, session| {
            let shown = conversation::snapshot(app, session, false)?;
            Ok::<_, StoreError>(shown.map(|shown| (shown.flow.id.clone(), shown.text, shown.snapshot)))
        })
        .await?;
    let Some((flow, text, snapshot)) = shown else {
        turn.say(turn.msg(Msg::SnapshotNone), None).await?;
        return Ok(());
    };
    turn.stepped = Some(flow);
    turn.send_snapshot_text(text, &snapshot).await
}

/// `/history`: every completed scan, newest first, with its date and overall index.
pub async fn history<B: TgBot>(mut turn: Turn<B>) -> HandlerResult {
    turn.save().await?;
    let text = turn.off_async(|app, session| history::list(app, &session.person, session.state.lang)).await?;
    turn.say(text, None).await?;
    Ok(())
}

/// Answers are collected only in private chats: in a group, our commands get a link there.
pub async fn group_message<B: TgBot>(
    bot: B,
    shared: Arc<Shared>,
    update: Update,
    msg: Message,
) -> HandlerResult {
    mark_update(&shared, Some(update_key(&update))).await?;
    // A private message without a person (an anonymous admin, a channel) is nobody's.
    if msg.chat.is_private() {
        return Ok(());
    }
    // Plain chatter and other bots' commands are not ours to answer.
    let ours = msg.text().map(|text| Said::parse(text, &shared.username));
    if !matches!(ours, Some(Said::Command(_) | Said::Unknown)) {
        return Ok(());
    }
    let lang = msg.from.as_ref().map_or(Lang::En, |user| detected_lang(&shared.app, user));
    let link = format!("https://t.me/{}?start={SCAN_PAYLOAD}", shared.username);
    let text = shared.app.content.locales.msg_with(lang, Msg::TgGroup, &[("link", link.into())]);
    if let Err(err) = retrying(|| bot.send_message(msg.chat.id, text.clone()).into_future()).await {
        tracing::warn!(%err, "could not answer in a group");
    }
    Ok(())
}

/// Records an update that changes nothing else (on the blocking pool: it waits for the disk).
pub(super) async fn mark_update(
    shared: &Arc<Shared>,
    key: Option<String>,
) -> Result<(), crate::store::StoreError> {
    let shared = shared.clone();
    on_blocking_pool(move || key.map_or(Ok(()), |key| shared.app.store.mark_update(&key))).await
}

/// Updates we do not act on are still recorded, so they are not handled twice.
pub async fn other_update(shared: Arc<Shared>, update: Update) -> HandlerResult {
    mark_update(&shared, Some(update_key(&update))).await?;
    Ok(())
}
