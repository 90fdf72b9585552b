//! One update's work for one person ([`Turn`]), and how it talks back: texts split to
//! Telegram's limits, edits in place, photos and files, and a 403 remembered as "this
//! person blocked us".

use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{
    CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, MessageId, User,
};

use super::send::{MAX_TEXT, ignore_not_modified, is_opt_out, retrying, split_text};
use crate::app::{App, Button, Part, Reply, Session, conversation, history};
use crate::chart;
use crate::engine::{Event, Output, QuestionView, Screen, Transition};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::pool::off_async;
use crate::present::Presenter;
use crate::score::Snapshot;
use crate::store::StoreError;
use crate::unix_now;

/// The bot the endpoints talk to: plain, or wrapped in teloxide's `Throttle`.
pub trait TgBot:
    Requester<Err = teloxide::RequestError, GetUpdates: Send> + Clone + Send + Sync + 'static
{
}
impl<B> TgBot for B where
    B: Requester<Err = teloxide::RequestError, GetUpdates: Send> + Clone + Send + Sync + 'static
{
}

pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;
pub type HandlerResult = Result<(), HandlerError>;

/// What every endpoint shares: the application, and the bot's @username for deep links.
pub struct Shared {
    pub app: App,
    pub username: String,
}

/// How long a commit may take before the store is taken for broken: on a full disk sled
/// blocks in its flush rather than failing.
const COMMIT_DEADLINE: Duration = Duration::from_secs(10);

/// Runs a store write off the async workers, so a slow disk stalls no other chat, and
/// gives up on it after [`COMMIT_DEADLINE`].
pub(super) async fn on_blocking_pool<T: Send + 'static>(
    write: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    match tokio::time::timeout(COMMIT_DEADLINE, tokio::task::spawn_blocking(write)).await {
        Ok(Ok(result)) => result,
        Ok(Err(panicked)) => std::panic::resume_unwind(panicked.into_panic()),
        Err(_) => Err(StoreError::Stalled(COMMIT_DEADLINE.as_secs())),
    }
}

/// Telegram's limit on a callback answer, in characters.
const MAX_CALLBACK_TEXT: usize = 200;

/// Zero-padded, so that keys sort by update id and the oldest can be pruned first.
pub fn update_key(update: &Update) -> String {
    format!("tg:{:020}", update.id.0)
}

/// Telegram people are `tg:<user id>`; in a private chat the chat id is the user id.
pub fn person_of(user: UserId) -> PersonId {
    PersonId(format!("tg:{}", user.0))
}

/// The private chat with a person, if they are a Telegram person.
pub fn chat_of(person: &PersonId) -> Option<ChatId> {
    person.0.strip_prefix("tg:")?.parse().ok().map(ChatId)
}

/// The language to speak to a user before they chose one: what Telegram reports for
/// them, read with the organisation's default (see `Deployment::first_lang`).
pub fn detected_lang(app: &App, user: &User) -> Lang {
    app.deployment.first_lang(user.language_code.as_deref())
}

/// Inline buttons for the application layer's buttons.
pub fn keyboard(rows: &[Vec<Button>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter()
            .map(|button| InlineKeyboardButton::callback(button.label.clone(), button.action.encode()))
            .collect::<Vec<_>>()
    }))
}

/// Telegram will not edit this message (too old, deleted, or not ours).
fn cannot_edit(err: &teloxide::RequestError) -> bool {
    use teloxide::ApiError;
    matches!(
        err,
        teloxide::RequestError::Api(ApiError::MessageCantBeEdited | ApiError::MessageToEditNotFound)
    )
}

/// A change that could not be stored: nothing was acknowledged, and the person is told
/// that the bot cannot save right now (their earlier answers are safe).
#[derive(Debug, thiserror::Error)]
#[error("could not store a change: {source}")]
pub struct Unavailable {
    pub chat: ChatId,
    pub lang: Lang,
    #[source]
    pub source: StoreError,
}

/// One update's worth of work for one person: their session, and where to reply.
#[derive(Clone)]
pub struct Turn<B> {
    pub shared: Arc<Shared>,
    pub bot: B,
    pub chat: ChatId,
    pub session: Session,
    /// The flow of this turn's engine step, which a finished scan no longer names.
    pub stepped: Option<String>,
    /// This update is the person's first contact: they have not seen the privacy notice.
    pub first_contact: bool,
}

impl<B: TgBot> Turn<B> {
    pub fn load(
        shared: Arc<Shared>,
        bot: B,
        chat: ChatId,
        user: &User,
        update: &Update,
    ) -> Result<Turn<B>, StoreError> {
        let mut session = Session::load(
            &shared.app,
            person_of(user.id),
            detected_lang(&shared.app, user),
            Some(update_key(update)),
        )?;
        // Writing to us again is the opposite of blocking us.
        session.record.unreachable = false;
        let first_contact = session.record.noticed_at.is_none();
        Ok(Turn { shared, bot, chat, session, stepped: None, first_contact })
    }

    pub fn app(&self) -> &App {
        &self.shared.app
    }

    /// The flow this turn is about: the scan in progress's, else the one just stepped
    /// (a scan that just finished), else the default one.
    pub fn flow(&self) -> &Flow {
        self.app().flow_in_view(&self.session.state, self.stepped.as_deref())
    }

    pub fn presenter(&self) -> Presenter<'_> {
        self.app().presenter_for(self.flow(), self.session.state.lang)
    }

    pub fn msg(&self, msg: Msg) -> String {
        self.presenter().msg(msg)
    }

    /// Runs one engine step and commits it, with this update's id, before any reply.
    pub async fn step(&mut self, event: Event) -> Result<Transition, Unavailable> {
        let transition = self.advance(event);
        self.save().await?;
        Ok(transition)
    }

    /// Runs one engine step on the flow with this id (a flow of the catalog) and commits it.
    pub async fn step_in(&mut self, flow: String, event: Event) -> Result<Transition, Unavailable> {
        let transition = self.advance_in(flow, event);
        self.save().await?;
        Ok(transition)
    }

    /// Runs one engine step without committing it (the engine does no I/O): change the
    /// record if need be, then [`Turn::save`] before any reply, for one commit per update.
    pub fn advance(&mut self, event: Event) -> Transition {
        let flow = self.flow().id.clone();
        self.advance_in(flow, event)
    }

    /// [`Turn::advance`] on the flow with this id; the turn remembers it, so a scan that
    /// this step finishes is still shown in its flow's words.
    pub fn advance_in(&mut self, flow: String, event: Event) -> Transition {
        let shared = self.shared.clone();
        let app = &shared.app;
        let flow = app.flow_by_id(&flow).unwrap_or_else(|| app.flow());
        self.stepped = Some(flow.id.clone());
        self.session.advance_in(flow, event, unix_now())
    }

    /// Commits the person's record, this update and any engine step in one transaction,
    /// flushed once, on the blocking pool.
    pub async fn save(&mut self) -> Result<(), Unavailable> {
        self.write(Session::save).await
    }

    /// Writes the person's record without waiting for the disk (see [`Session::remember`]).
    pub async fn remember(&mut self) -> Result<(), Unavailable> {
        self.write(Session::remember).await
    }

    async fn write(
        &mut self,
        how: fn(&mut Session, &App) -> Result<(), StoreError>,
    ) -> Result<(), Unavailable> {
        // Moved, not copied: a stalled write keeps it, and the turn ends with the error.
        let (shared, mut session) = (self.shared.clone(), self.session.take());
        let written = on_blocking_pool(move || {
            let result = how(&mut session, &shared.app);
            Ok((session, result))
        })
        .await;
        let result = written.map(|(session, result)| {
            self.session = session;
            result
        });
        self.checked(result.and_then(|result| result))
    }

    /// A failed commit becomes an error that says where to apologise (see `schema`'s
    /// error handler), and turns `/healthz` unhealthy until a commit succeeds again.
    pub(super) fn checked<T>(&self, result: Result<T, StoreError>) -> Result<T, Unavailable> {
        super::health::record_store_write(result.is_ok());
        result.map_err(|source| Unavailable { chat: self.chat, lang: self.session.state.lang, source })
    }

    /// Sends a text (split if needed); a person who blocked us is marked unreachable.
    pub async fn say(
        &mut self,
        text: String,
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> Result<Option<MessageId>, teloxide::RequestError> {
        // Blocked us during this turn: the rest of it is not tried (nor retried).
        if self.session.record.unreachable {
            return Ok(None);
        }
        let parts = split_text(&text, MAX_TEXT);
        let last = parts.len().saturating_sub(1);
        let mut sent = None;
        for (i, part) in parts.into_iter().enumerate() {
            let keyboard = if i == last { keyboard.clone() } else { None };
            let result = retrying(|| {
                let mut request = self.bot.send_message(self.chat, part.clone());
                if let Some(keyboard) = keyboard.clone() {
                    request = request.reply_markup(keyboard);
                }
                request.into_future()
            })
            .await;
            match result {
                Ok(message) => sent = Some(message.id),
                Err(err) => return self.failed(err).await.map(|_| None),
            }
        }
        Ok(sent)
    }

    /// A 403 means the person opted out: remember it and stop, rather than retry.
    pub async fn failed(&mut self, err: teloxide::RequestError) -> Result<(), teloxide::RequestError> {
        if is_opt_out(&err) {
            self.session.record.unreachable = true;
            if let Err(store_err) = self.save().await {
                tracing::error!(%store_err, "could not mark a person unreachable");
            }
            Ok(())
        } else {
            Err(err)
        }
    }

    pub async fn edit(
        &mut self,
        message: MessageId,
        text: String,
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> Result<(), teloxide::RequestError> {
        let text: String = text.chars().take(MAX_TEXT).collect();
        let result = retrying(|| {
            let mut request = self.bot.edit_message_text(self.chat, message, text.clone());
            if let Some(keyboard) = keyboard.clone() {
                request = request.reply_markup(keyboard);
            }
            request.into_future()
        })
        .await;
        match ignore_not_modified(result) {
            // Too old or gone: say it in a new message instead.
            Err(err) if cannot_edit(&err) => {
                super::send::count_refused("cannot_edit");
                self.say(text, keyboard).await.map(drop)
            }
            Err(err) => self.failed(err).await,
            ok => ok,
        }
    }

    /// Takes the buttons off a message, so old questions cannot be answered.
    pub async fn strip_keyboard(&mut self, message: MessageId) {
        let result = retrying(|| self.bot.edit_message_reply_markup(self.chat, message).into_future()).await;
        if let Err(err) = ignore_not_modified(result) {
            // The message may be too old to edit; its buttons are refused as stale anyway.
            tracing::debug!(%err, "could not remove old buttons");
        }
    }

    pub async fn answer_callback(&self, query: &CallbackQuery, text: Option<String>) {
        // Answered first, before anything slow: a late answer fails with "query is too old".
        let text = text.map(|text| text.chars().take(MAX_CALLBACK_TEXT).collect::<String>());
        let result = retrying(|| {
            let mut request = self.bot.answer_callback_query(query.id.clone());
            if let Some(text) = text.clone() {
                request = request.text(text);
            }
            request.send()
        })
        .await;
        if let Err(err) = result {
            tracing::warn!(%err, "could not answer a button tap");
        }
    }

    /// The text and buttons of a question (see `conversation::question`).
    pub fn question(&self, view: &QuestionView, notices: &[Msg]) -> (String, InlineKeyboardMarkup) {
        let question =
            conversation::question(self.app(), self.flow(), self.session.state.lang, view, notices);
        let mut rows: Vec<Vec<InlineKeyboardButton>> = question
            .choices
            .into_iter()
            .map(|choice| {
                let text = match choice.level {
                    Some(level) => format!("{level} · {}", choice.label),
                    None => choice.label,
                };
                let label = if choice.chosen { format!("✓ {text}") } else { text };
                vec![InlineKeyboardButton::callback(label, choice.action.encode())]
            })
            .collect();
        if let Some(back) = question.back {
            rows.push(vec![InlineKeyboardButton::callback(self.msg(Msg::TgBackButton), back.encode())]);
        }
        let mut text = question.notices;
        text.push(question.text);
        (text.join("\n\n"), InlineKeyboardMarkup::new(rows))
    }

    /// Runs application work (store reads, results, charts) with this turn's session on
    /// the blocking pool, so a slow disk or a large team stalls no other chat.
    pub async fn off_async<T: Send + 'static>(
        &self,
        work: impl FnOnce(&App, &Session) -> T + Send + 'static,
    ) -> T {
        let (shared, session) = (self.shared.clone(), self.session.clone());
        off_async(move || work(&shared.app, &session)).await
    }

    /// Shows the engine's output as new messages (after a command or typed text).
    pub async fn show(&mut self, output: &Output) -> HandlerResult {
        match &output.screen {
            Screen::Question(view) => {
                let (text, keyboard) = self.question(view, &output.notices);
                if let Some(old) = self.session.record.question_message.take() {
                    self.strip_keyboard(MessageId(old)).await;
                }
                let sent = self.say(text, Some(keyboard)).await?;
                self.session.record.question_message = sent.map(|id| id.0);
                // Sent after the commit; losing which message shows it only leaves old buttons.
                self.remember().await?;
            }
            Screen::Snapshot(snapshot) => {
                self.say_notices(&output.notices).await?;
                self.send_snapshot(snapshot).await?;
            }
            Screen::Idle => {
                // Free text outside a scan ("hallo") gets the next step in one line.
                let mut notices = output.notices.clone();
                if notices.is_empty() {
                    notices.push(Msg::TgIdle);
                }
                if let Some(old) = self.session.record.question_message.take() {
                    self.strip_keyboard(MessageId(old)).await;
                    self.remember().await?;
                }
                self.say_notices(&notices).await?;
            }
        }
        Ok(())
    }

    pub async fn say_notices(&mut self, notices: &[Msg]) -> HandlerResult {
        if !notices.is_empty() {
            let text: Vec<String> = notices.iter().map(|n| self.msg(*n)).collect();
            self.say(text.join("\n"), None).await?;
        }
        Ok(())
    }

    /// A scan just finished: its snapshot, with the change since the person's previous scan
    /// of the same flow and the flow's reference lines, as text and as a chart.
    pub async fn send_snapshot(&mut self, snapshot: &Snapshot) -> HandlerResult {
        let text = history::finished_text(
            self.app(),
            &self.session.person,
            self.session.state.lang,
            self.flow(),
            snapshot,
            false,
        )
        .map_err(|source| Unavailable { chat: self.chat, lang: self.session.state.lang, source })?;
        self.send_snapshot_text(text, snapshot).await
    }

    /// A snapshot's text, then its chart.
    pub async fn send_snapshot_text(&mut self, text: String, snapshot: &Snapshot) -> HandlerResult {
        let presenter = self.presenter();
        let (rows, labels) = presenter.chart(snapshot, crate::unix_now());
        let caption = self.msg(Msg::ChartTitle);
        let levels = conversation::levels_button(self.app(), self.flow(), self.session.state.lang);
        self.say(text, levels.map(|button| keyboard(&[vec![button]]))).await?;
        if self.session.record.unreachable {
            return Ok(());
        }
        let png = off_async(move || chart::profile_png(&rows, &labels)).await?;
        self.send_photo(png, "peilbot-snapshot.png", caption).await
    }

    /// Sends a PNG, with a caption unless it is empty.
    pub async fn send_photo(&mut self, png: Vec<u8>, name: &str, caption: String) -> HandlerResult {
        let photo = InputFile::memory(png).file_name(name.to_string());
        let result = retrying(|| {
            let request = self.bot.send_photo(self.chat, photo.clone());
            if caption.is_empty() { request.send() } else { request.caption(caption.clone()).send() }
        })
        .await;
        match result {
            Ok(_) => Ok(()),
            Err(err) => Ok(self.failed(err).await?),
        }
    }

    /// Sends a file, with a caption unless it is empty.
    pub async fn send_document(&mut self, bytes: Vec<u8>, name: &str, caption: String) -> HandlerResult {
        let document = InputFile::memory(bytes).file_name(name.to_string());
        let result = retrying(|| {
            let request = self.bot.send_document(self.chat, document.clone());
            if caption.is_empty() { request.send() } else { request.caption(caption.clone()).send() }
        })
        .await;
        match result {
            Ok(_) => Ok(()),
            Err(err) => Ok(self.failed(err).await?),
        }
    }

    pub fn language_keyboard(&self) -> InlineKeyboardMarkup {
        keyboard(&[conversation::language_buttons(self.app(), self.session.state.lang)])
    }

    /// Sends a reply of the application layer, part by part.
    pub async fn send(&mut self, reply: Reply) -> HandlerResult {
        for part in reply.parts {
            match part {
                Part::Text { text, buttons, .. } => {
                    let markup = (!buttons.is_empty()).then(|| keyboard(&buttons));
                    self.say(text, markup).await?;
                }
                Part::Photo { picture, name, caption } => {
                    let png = off_async(move || picture.png()).await?;
                    self.send_photo(png, &name, caption).await?
                }
                Part::Document { bytes, name, caption } => self.send_document(bytes, &name, caption).await?,
            }
            if self.session.record.unreachable {
                break;
            }
        }
        Ok(())
    }
}
