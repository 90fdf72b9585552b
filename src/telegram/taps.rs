//! Taps on the buttons of a person's own conversation: an answer or "back" in the scan
//! (possibly old or forged), a language, "Delete everything", and taps we do not act on.
//! A tap that cannot count changes nothing and makes no Bot API call whose answer is known.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, MessageId};

use super::chat::{mark_update, ready_buttons};
use super::send::retrying;
use super::tap::Tap;
use super::turn::{
    HandlerResult, Shared, TgBot, Turn, Unavailable, detected_lang, keyboard, on_blocking_pool, update_key,
};
use crate::app::{Action, conversation};
use crate::engine::{self, Event, Output, Screen, Transition};
use crate::lang::Lang;
use crate::messages::Msg;

/// A tap we do not act on: in a group (we never ask questions there), on a message we
/// cannot see, or claiming a chat that is not the tapper's own. It is answered, so the
/// button stops spinning, and changes nothing.
pub async fn unowned_tap<B: TgBot>(
    bot: B,
    shared: Arc<Shared>,
    update: Update,
    query: CallbackQuery,
) -> HandlerResult {
    mark_update(&shared, Some(update_key(&update))).await?;
    let text = shared.app.content.locales.msg(detected_lang(&shared.app, &query.from), Msg::TgStaleButton);
    let _ = bot.answer_callback_query(query.id.clone()).text(text).send().await;
    Ok(())
}

/// A tap on an answer or back button of the scan, possibly old or forged.
///
/// One hop to the blocking pool per tap: the person is loaded, the tap decided and
/// committed there, before any reply: the answer, the scan, a completed response, the
/// update id and which message now shows the question (the tapped one, edited in place).
pub async fn scan_tap<B: TgBot>(
    bot: B,
    shared: Arc<Shared>,
    update: Update,
    tap: Tap,
    action: Action,
) -> HandlerResult {
    let Some(chat) = tap.query.message.as_ref().map(|message| message.chat().id) else { return Ok(()) };
    let (user, decided_tap) = (tap.query.from.clone(), tap.clone());
    let lang = detected_lang(&shared.app, &user);
    let hop = on_blocking_pool(move || {
        let mut turn = Turn::load(shared, bot, chat, &user, &update)?;
        let decision = decide(&mut turn, &decided_tap, &action);
        let saved = turn.session.save(&turn.shared.app);
        Ok((turn, decision, saved))
    })
    .await;
    let (mut turn, decision) = match hop {
        Ok((turn, decision, saved)) => {
            turn.checked(saved)?;
            (turn, decision)
        }
        Err(source) => {
            super::health::record_store_write(false);
            return Err(Box::new(Unavailable { chat, lang, source }));
        }
    };
    let (transition, shown_before) = match decision {
        Ok(stepped) => stepped,
        Err(why) => return refused(turn, &tap, why).await,
    };
    turn.answer_callback(&tap.query, None).await;
    match &transition.output.screen {
        Screen::Question(view) => {
            if let Some(old) = shown_before.filter(|old| *old != tap.message.0) {
                turn.strip_keyboard(MessageId(old)).await;
            }
            let (text, keyboard) = turn.question(view, &transition.output.notices);
            turn.edit(tap.message, text, Some(keyboard)).await?;
        }
        Screen::Snapshot(snapshot) => {
            turn.edit(tap.message, turn.msg(Msg::ScanFinished), None).await?;
            turn.send_snapshot(snapshot).await?;
        }
        Screen::Idle => turn.show(&transition.output).await?,
    }
    Ok(())
}

/// What a scan tap comes to, decided with the person loaded and before the commit: the
/// engine's step and the message that showed the question before it, or why it cannot
/// count (then nothing but the update id changes).
fn decide<B: TgBot>(
    turn: &mut Turn<B>,
    tap: &Tap,
    action: &Action,
) -> Result<(Transition, Option<i32>), Msg> {
    let Some(event) = conversation::scan_event(turn.flow(), &turn.session.state, action) else {
        return Err(Msg::TgStaleButton);
    };
    let transition = turn.advance(event);
    if let Some(refusal) = transition.output.notices.first().filter(|_| !transition.changed) {
        return Err(*refusal);
    }
    let shown_before = turn.session.record.question_message;
    turn.session.record.question_message = match &transition.output.screen {
        Screen::Question(_) => Some(tap.message.0),
        Screen::Snapshot(_) => None,
        Screen::Idle => shown_before,
    };
    Ok((transition, shown_before))
}

/// Button data that does not decode: stale or forged.
pub async fn undecodable_tap<B: TgBot>(turn: Turn<B>, tap: Tap) -> HandlerResult {
    refuse(turn, &tap, Msg::TgStaleButton).await
}

/// A tap that cannot count: say why in the tap's answer, take the buttons off an old
/// message, and offer the current question again. Nothing else changes.
async fn refuse<B: TgBot>(mut turn: Turn<B>, tap: &Tap, why: Msg) -> HandlerResult {
    turn.save().await?;
    refused(turn, tap, why).await
}

/// [`refuse`] once the update is committed.
async fn refused<B: TgBot>(mut turn: Turn<B>, tap: &Tap, why: Msg) -> HandlerResult {
    turn.answer_callback(&tap.query, Some(turn.msg(why))).await;
    // No call whose answer is known: no edit to what the message shows already, none of
    // a message too old to edit, no buttons taken off a message without any.
    match engine::current_view(turn.flow(), &turn.session.state) {
        // The question message normally shows the current question already; after a
        // failed edit it does not, and this repairs it.
        Some(view) if turn.session.record.question_message == Some(tap.message.0) && tap.editable() => {
            let (text, keyboard) = turn.question(&view, &[]);
            if !tap.shows(&text, &keyboard) {
                turn.edit(tap.message, text, Some(keyboard)).await?;
            }
        }
        Some(view) => {
            if tap.has_buttons() {
                turn.strip_keyboard(tap.message).await;
            }
            let output = Output { notices: Vec::new(), screen: Screen::Question(view) };
            turn.show(&output).await?;
        }
        None if tap.has_buttons() => turn.strip_keyboard(tap.message).await,
        None => {}
    }
    Ok(())
}

/// A language button: only the message with the buttons changes (never the notice above
/// it); without a scan it keeps a "Start" button, in the new language.
pub async fn choose_language<B: TgBot>(mut turn: Turn<B>, tap: Tap, lang: Lang) -> HandlerResult {
    turn.advance(Event::SetLanguage(lang));
    if turn.session.record.question_message == Some(tap.message.0) {
        turn.session.record.question_message = None;
    }
    turn.save().await?;
    turn.answer_callback(&tap.query, None).await;
    // A lead's or admin's own menu follows their language.
    super::menus::Refresh::after(&turn).relabel().await;
    match engine::current_view(turn.flow(), &turn.session.state) {
        Some(view) => {
            turn.edit(tap.message, turn.msg(Msg::LanguageChanged), None).await?;
            turn.show(&Output { notices: Vec::new(), screen: Screen::Question(view) }).await
        }
        None => {
            let markup = keyboard(&ready_buttons(&turn, asked_flow(&tap.query)));
            turn.edit(tap.message, turn.msg(Msg::LanguageChanged), Some(markup)).await?;
            Ok(())
        }
    }
}

/// The flow a "Start" button under the tapped message begins, if it names one: kept when
/// the language changes under it.
fn asked_flow(query: &teloxide::types::CallbackQuery) -> Option<String> {
    use teloxide::types::InlineKeyboardButtonKind;
    let markup = query.regular_message()?.reply_markup()?;
    markup.inline_keyboard.iter().flatten().find_map(|button| match &button.kind {
        InlineKeyboardButtonKind::CallbackData(data) => match Action::decode(data) {
            Some(Action::Scan(flow)) => Some(flow),
            _ => None,
        },
        _ => None,
    })
}

/// Deletes everything kept about the person, after their confirming tap on the last
/// confirmation the bot sent them (forged or old buttons delete nothing). Only the update
/// id stays, so a redelivery of this tap is not applied twice.
pub async fn forget<B: TgBot>(turn: Turn<B>, tap: Tap, code: String) -> HandlerResult {
    if !conversation::may_forget(&turn.session, &code) {
        if !turn.session.is_known() {
            // Deleted already (a double tap): answered, and nothing of the person written back.
            let text = turn.msg(Msg::TgStaleButton);
            turn.answer_callback(&tap.query, Some(text)).await;
            return Ok(mark_update(&turn.shared, turn.session.update.clone()).await?);
        }
        return refuse(turn, &tap, Msg::TgStaleButton).await;
    }
    let (shared, session) = (turn.shared.clone(), turn.session.clone());
    on_blocking_pool(move || conversation::forget_now(&shared.app, &session)).await?;
    turn.answer_callback(&tap.query, None).await;
    // Straight to Telegram: the turn's own edit would write the person back on a 403.
    let text = turn.msg(Msg::TgForgotten);
    let edit = || turn.bot.edit_message_text(turn.chat, tap.message, text.clone()).into_future();
    if let Err(err) = retrying(edit).await {
        tracing::warn!(%err, "could not confirm a deletion");
    }
    // A lead who is forgotten leads nothing: their chat gets the default menu back.
    super::menus::Refresh::after(&turn).run().await;
    Ok(())
}
