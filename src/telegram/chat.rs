//! The endpoints: one function per kind of update, each a short story of load, step,
//! commit, reply.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::{
    CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, MessageId, User,
};

use super::callback::Callback;
use super::send::{ignore_not_modified, is_opt_out, retrying, split_text};
use super::{App, HandlerResult, TgBot, teams};
use crate::chart;
use crate::engine::{self, Event, Output, QuestionView, Screen, State, Transition};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::Presenter;
use crate::score::{self, Snapshot};
use crate::store::{Commit, Person, PersonId};
use crate::unix_now;

/// Telegram's limits on a message and on a callback answer, in characters.
const MAX_TEXT: usize = 4096;
const MAX_CALLBACK_TEXT: usize = 200;

/// The commands, in menu order, with the message that describes each.
pub const COMMANDS: &[(&str, Msg)] = &[
    ("scan", Msg::CmdScan),
    ("back", Msg::CmdBack),
    ("snapshot", Msg::CmdSnapshot),
    ("language", Msg::CmdLanguage),
    ("settings", Msg::CmdSettings),
    ("cancel", Msg::CmdCancel),
    ("help", Msg::CmdHelp),
    ("start", Msg::CmdStart),
    ("teams", Msg::CmdTeams),
    ("team", Msg::CmdTeam),
    ("newteam", Msg::CmdNewteam),
    ("invite", Msg::CmdInvite),
    ("newinvite", Msg::CmdNewinvite),
    ("addlead", Msg::CmdAddlead),
    ("newround", Msg::CmdNewround),
    ("export", Msg::CmdExport),
    ("remind", Msg::CmdRemind),
    ("leave", Msg::CmdLeave),
    ("forget", Msg::CmdForget),
];

/// The deep-link payload that opens the scan (used by the link offered in groups).
const SCAN_PAYLOAD: &str = "scan";

/// Zero-padded, so that keys sort by update id and the oldest can be pruned first.
pub fn update_key(update: &Update) -> String {
    format!("tg:{:020}", update.id.0)
}

/// Telegram people are `tg:<user id>`; in a private chat the chat id is the user id.
pub(super) fn person_of(user: UserId) -> PersonId {
    PersonId(format!("tg:{}", user.0))
}

/// The private chat with a person, if they are a Telegram person.
pub(super) fn chat_of(person: &PersonId) -> Option<ChatId> {
    person.0.strip_prefix("tg:")?.parse().ok().map(ChatId)
}

/// The language Telegram reports for a user, before they chose one.
pub(super) fn detected_lang(user: &User) -> Lang {
    user.language_code.as_deref().map_or(Lang::En, Lang::from_language_code)
}

/// A command addressed to us: `(name, argument)` of "/name@ourbot argument" or
/// "/name argument"; `None` for plain text and for another bot's commands.
fn our_command<'t>(text: &'t str, username: &str) -> Option<(String, &'t str)> {
    let command = text.trim().strip_prefix('/')?;
    let (name, argument) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    let name = match name.split_once('@') {
        Some((name, to)) if to.eq_ignore_ascii_case(username) => name,
        Some(_) => return None,
        None => name,
    };
    Some((name.to_ascii_lowercase(), argument.trim()))
}

/// A keyboard of one button.
pub(super) fn one_button(label: String, callback: Callback) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback(label, callback.encode())]])
}

/// One update's worth of work for one person: their stored record and engine state.
pub(super) struct Turn<B> {
    pub(super) app: Arc<App>,
    pub(super) bot: B,
    pub(super) chat: ChatId,
    pub(super) person: PersonId,
    pub(super) record: Person,
    pub(super) state: State,
    pub(super) update: String,
}

impl<B: TgBot> Turn<B> {
    pub(super) fn load(
        app: Arc<App>,
        bot: B,
        chat: ChatId,
        user: &User,
        update: &Update,
    ) -> Result<Turn<B>, crate::store::StoreError> {
        let person = person_of(user.id);
        let mut record = app.store.person(&person)?;
        // Writing to us again is the opposite of blocking us.
        record.unreachable = false;
        let state =
            State { lang: record.lang.unwrap_or(detected_lang(user)), scan: app.store.scan(&person)? };
        Ok(Turn { app, bot, chat, person, record, state, update: update_key(update) })
    }

    pub(super) fn flow(&self) -> &Flow {
        self.app.content.default_flow()
    }

    pub(super) fn presenter(&self) -> Presenter<'_> {
        Presenter::new(&self.app.content, self.flow(), self.state.lang)
    }

    pub(super) fn msg(&self, msg: Msg) -> String {
        self.presenter().msg(msg)
    }

    /// Runs one engine step and commits it, with this update's id, before any reply.
    pub(super) fn step(&mut self, event: Event) -> Result<Transition, crate::store::StoreError> {
        // A language the person chose is stored, even when it equals the detected one.
        if let Event::SetLanguage(lang) = event {
            self.record.lang = Some(lang);
        }
        let transition = engine::step(self.flow(), &self.state, event, unix_now());
        let commit = Commit {
            person: Some(self.record.clone()),
            scan: Some(transition.state.scan.clone()),
            completed: transition.completed.clone(),
            update: Some(self.update.clone()),
        };
        self.app.store.commit(&self.person, &commit)?;
        self.state = transition.state.clone();
        Ok(transition)
    }

    /// Commits the person's record (and this update) when no engine step did.
    pub(super) fn save(&self) -> Result<(), crate::store::StoreError> {
        let commit = Commit {
            person: Some(self.record.clone()),
            update: Some(self.update.clone()),
            ..Commit::default()
        };
        self.app.store.commit(&self.person, &commit)
    }

    /// Sends a text (split if needed); a person who blocked us is marked unreachable.
    pub(super) async fn say(
        &mut self,
        text: String,
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> Result<Option<MessageId>, teloxide::RequestError> {
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
                Err(err) => return self.failed(err).map(|_| None),
            }
        }
        Ok(sent)
    }

    /// A 403 means the person opted out: remember it and stop, rather than retry.
    pub(super) fn failed(&mut self, err: teloxide::RequestError) -> Result<(), teloxide::RequestError> {
        if is_opt_out(&err) {
            self.record.unreachable = true;
            if let Err(store_err) = self.save() {
                tracing::error!(%store_err, "could not mark a person unreachable");
            }
            Ok(())
        } else {
            Err(err)
        }
    }

    pub(super) async fn edit(
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
            Err(err) => self.failed(err),
            ok => ok,
        }
    }

    /// Takes the buttons off a message, so old questions cannot be answered.
    pub(super) async fn strip_keyboard(&mut self, message: MessageId) {
        let result = retrying(|| self.bot.edit_message_reply_markup(self.chat, message).into_future()).await;
        if let Err(err) = ignore_not_modified(result) {
            // The message may be too old to edit; its buttons are refused as stale anyway.
            tracing::debug!(%err, "could not remove old buttons");
        }
    }

    pub(super) async fn answer_callback(&self, query: &CallbackQuery, text: Option<String>) {
        // Answered once, at once: a late or repeated answer fails with "query is too old".
        let sending = {
            let mut request = self.bot.answer_callback_query(query.id.clone());
            if let Some(text) = text {
                request = request.text(text.chars().take(MAX_CALLBACK_TEXT).collect::<String>());
            }
            request.send()
        };
        if let Err(err) = sending.await {
            tracing::warn!(%err, "could not answer a button tap");
        }
    }

    /// The text and buttons of a question.
    pub(super) fn question(&self, view: &QuestionView, notices: &[Msg]) -> (String, InlineKeyboardMarkup) {
        let presenter = self.presenter();
        let mut text: Vec<String> = notices.iter().map(|n| presenter.msg(*n)).collect();
        text.push(presenter.question(view));
        let version = self.flow().version;
        let question = view.question as u16;
        let mut rows: Vec<Vec<InlineKeyboardButton>> = presenter
            .choices(view)
            .into_iter()
            .enumerate()
            .map(|(choice, label)| {
                let label = if label.chosen { format!("✓ {}", label.label) } else { label.label };
                let data =
                    Callback::Answer { flow_version: version, question, choice: choice as u8 }.encode();
                vec![InlineKeyboardButton::callback(label, data)]
            })
            .collect();
        if view.position > 1 {
            let data = Callback::Back { flow_version: version, question }.encode();
            rows.push(vec![InlineKeyboardButton::callback(presenter.msg(Msg::TgBackButton), data)]);
        }
        (text.join("\n\n"), InlineKeyboardMarkup::new(rows))
    }

    /// Shows the engine's output as new messages (after a command or typed text).
    pub(super) async fn show(&mut self, output: &Output) -> HandlerResult {
        match &output.screen {
            Screen::Question(view) => {
                let (text, keyboard) = self.question(view, &output.notices);
                if let Some(old) = self.record.question_message.take() {
                    self.strip_keyboard(MessageId(old)).await;
                }
                let sent = self.say(text, Some(keyboard)).await?;
                self.record.question_message = sent.map(|id| id.0);
                self.save()?;
            }
            Screen::Snapshot(snapshot) => {
                self.say_notices(&output.notices).await?;
                self.send_snapshot(snapshot).await?;
            }
            Screen::Idle => {
                let mut notices = output.notices.clone();
                if notices.is_empty() {
                    notices.push(Msg::TgIdle);
                }
                if let Some(old) = self.record.question_message.take() {
                    self.strip_keyboard(MessageId(old)).await;
                    self.save()?;
                }
                self.say_notices(&notices).await?;
            }
        }
        Ok(())
    }

    pub(super) async fn say_notices(&mut self, notices: &[Msg]) -> HandlerResult {
        if !notices.is_empty() {
            let text: Vec<String> = notices.iter().map(|n| self.msg(*n)).collect();
            self.say(text.join("\n"), None).await?;
        }
        Ok(())
    }

    /// The snapshot as text, then as a chart.
    pub(super) async fn send_snapshot(&mut self, snapshot: &Snapshot) -> HandlerResult {
        let presenter = self.presenter();
        let text = presenter.snapshot(snapshot);
        let (rows, labels) = presenter.chart(snapshot);
        let caption = self.msg(Msg::ChartTitle);
        self.say(text, None).await?;
        if self.record.unreachable {
            return Ok(());
        }
        let png = chart::profile_png(&rows, &labels)?;
        self.send_photo(png, "peilbot-snapshot.png", caption).await
    }

    /// Sends a PNG, with a caption unless it is empty.
    pub(super) async fn send_photo(&mut self, png: Vec<u8>, name: &str, caption: String) -> HandlerResult {
        let photo = InputFile::memory(png).file_name(name.to_string());
        let result = retrying(|| {
            let request = self.bot.send_photo(self.chat, photo.clone());
            if caption.is_empty() { request.send() } else { request.caption(caption.clone()).send() }
        })
        .await;
        Ok(result.map(drop).or_else(|err| self.failed(err))?)
    }

    /// Sends a file, with a caption unless it is empty.
    pub(super) async fn send_document(
        &mut self,
        bytes: Vec<u8>,
        name: &str,
        caption: String,
    ) -> HandlerResult {
        let document = InputFile::memory(bytes).file_name(name.to_string());
        let result = retrying(|| {
            let request = self.bot.send_document(self.chat, document.clone());
            if caption.is_empty() { request.send() } else { request.caption(caption.clone()).send() }
        })
        .await;
        Ok(result.map(drop).or_else(|err| self.failed(err))?)
    }

    pub(super) fn language_keyboard(&self) -> InlineKeyboardMarkup {
        let button = |lang: Lang| {
            InlineKeyboardButton::callback(self.msg(lang_name(lang)), Callback::Language(lang).encode())
        };
        InlineKeyboardMarkup::new(vec![Lang::ALL.map(button).to_vec()])
    }
}

/// A message in a private chat: a command, or text where a button was expected.
pub async fn on_private_message<B: TgBot>(
    bot: B,
    app: Arc<App>,
    update: Update,
    msg: Message,
) -> HandlerResult {
    let Some(user) = msg.from.clone() else {
        return Ok(());
    };
    let mut turn = Turn::load(app.clone(), bot, msg.chat.id, &user, &update)?;
    let text = msg.text().unwrap_or_default();
    if !text.trim_start().starts_with('/') {
        let transition = turn.step(Event::Text(text.to_string()))?;
        return turn.show(&transition.output).await;
    }
    // Another bot's command ("/scan@other_bot") is not ours to answer.
    let Some((name, argument)) = our_command(text, &app.username) else { return Ok(turn.save()?) };
    match name.as_str() {
        "start" => start(&mut turn, argument).await,
        "scan" => {
            let transition = turn.step(Event::Start)?;
            turn.show(&transition.output).await
        }
        "back" => {
            let transition = turn.step(Event::Back)?;
            turn.show(&transition.output).await
        }
        "cancel" => {
            let transition = turn.step(Event::Cancel)?;
            turn.show(&transition.output).await
        }
        "snapshot" => snapshot(&mut turn).await,
        "language" => {
            turn.save()?;
            let keyboard = turn.language_keyboard();
            turn.say(turn.msg(Msg::TgChooseLanguage), Some(keyboard)).await?;
            Ok(())
        }
        "settings" => {
            turn.save()?;
            let (text, keyboard) = teams::settings(&turn);
            turn.say(text, Some(keyboard)).await?;
            Ok(())
        }
        "forget" => {
            turn.save()?;
            let keyboard = one_button(turn.msg(Msg::TgForgetButton), Callback::Forget);
            turn.say(turn.msg(Msg::TgForgetConfirm), Some(keyboard)).await?;
            Ok(())
        }
        "help" => {
            turn.save()?;
            turn.say(turn.msg(Msg::TgHelp), None).await?;
            Ok(())
        }
        team_command => {
            if let Some(handled) = teams::command(&mut turn, team_command, argument).await {
                return handled;
            }
            turn.save()?;
            let text = format!("{}\n\n{}", turn.msg(Msg::TgUnknownCommand), turn.msg(Msg::TgHelp));
            turn.say(text, None).await?;
            Ok(())
        }
    }
}

/// `/start` greets and explains what is kept; `/start PAYLOAD` comes from a deep link.
async fn start<B: TgBot>(turn: &mut Turn<B>, payload: &str) -> HandlerResult {
    match payload {
        "" => {
            turn.save()?;
            let text = format!("{}\n\n{}", turn.msg(Msg::TgWelcome), turn.msg(Msg::TgChooseLanguage));
            let keyboard = turn.language_keyboard();
            turn.say(text, Some(keyboard)).await?;
        }
        SCAN_PAYLOAD => {
            let transition = turn.step(Event::Start)?;
            turn.show(&transition.output).await?;
        }
        payload => {
            if let Some(handled) = teams::deep_link(turn, payload).await {
                return handled;
            }
            turn.save()?;
            turn.say(turn.msg(Msg::TgInvalidLink), None).await?;
        }
    }
    Ok(())
}

async fn snapshot<B: TgBot>(turn: &mut Turn<B>) -> HandlerResult {
    turn.save()?;
    match turn.app.store.latest_response(&turn.person)? {
        None => {
            turn.say(turn.msg(Msg::SnapshotNone), None).await?;
        }
        Some(response) => {
            let snapshot = score::snapshot(turn.flow(), &response.answers);
            turn.send_snapshot(&snapshot).await?;
        }
    }
    Ok(())
}

/// Answers are collected only in private chats: in a group, commands get a link there.
pub async fn on_group_message<B: TgBot>(
    bot: B,
    app: Arc<App>,
    update: Update,
    msg: Message,
) -> HandlerResult {
    app.store.mark_update(&update_key(&update))?;
    // Plain chatter and other bots' commands are not ours to answer.
    if msg.text().and_then(|text| our_command(text, &app.username)).is_none() {
        return Ok(());
    }
    let lang = msg.from.as_ref().map_or(Lang::En, detected_lang);
    let link = format!("https://t.me/{}?start={SCAN_PAYLOAD}", app.username);
    let text = app.content.locales.msg_with(lang, Msg::TgGroup, &[("link", link.into())]);
    if let Err(err) = retrying(|| bot.send_message(msg.chat.id, text.clone()).into_future()).await {
        tracing::warn!(%err, "could not answer in a group");
    }
    Ok(())
}

/// A tap on one of our buttons, from any message, possibly old or forged.
pub async fn on_callback<B: TgBot>(
    bot: B,
    app: Arc<App>,
    update: Update,
    query: CallbackQuery,
) -> HandlerResult {
    let Some(message) = query.message.as_ref() else {
        return Ok(app.store.mark_update(&update_key(&update))?);
    };
    let (chat, tapped) = (message.chat().id, message.id());
    if !message.chat().is_private() {
        app.store.mark_update(&update_key(&update))?;
        let text = app.content.locales.msg(detected_lang(&query.from), Msg::TgStaleButton);
        let _ = bot.answer_callback_query(query.id.clone()).text(text).send().await;
        return Ok(());
    }
    let mut turn = Turn::load(app, bot, chat, &query.from, &update)?;
    let callback = query.data.as_deref().and_then(Callback::decode);
    let event = match callback {
        Some(Callback::Forget) => return forget(&mut turn, &query, tapped).await,
        Some(Callback::Language(lang)) => {
            return choose_language(&mut turn, &query, tapped, lang).await;
        }
        Some(
            team @ (Callback::Join(_) | Callback::Pick { .. } | Callback::StartScan | Callback::Reminders(_)),
        ) => {
            return teams::callback(&mut turn, &query, tapped, team).await;
        }
        Some(callback) => scan_event(&turn, callback),
        None => None,
    };
    let Some(event) = event else {
        return refuse(&mut turn, &query, tapped, Msg::TgStaleButton).await;
    };
    let transition = turn.step(event)?;
    if let Some(refusal) = transition.output.notices.first().filter(|_| !transition.changed) {
        return refuse(&mut turn, &query, tapped, *refusal).await;
    }
    turn.answer_callback(&query, None).await;
    match &transition.output.screen {
        Screen::Question(view) => {
            let (text, keyboard) = turn.question(view, &transition.output.notices);
            if let Some(old) = turn.record.question_message.filter(|old| *old != tapped.0) {
                turn.strip_keyboard(MessageId(old)).await;
            }
            turn.edit(tapped, text, Some(keyboard)).await?;
            turn.record.question_message = Some(tapped.0);
            turn.save()?;
        }
        Screen::Snapshot(snapshot) => {
            turn.edit(tapped, turn.msg(Msg::ScanFinished), None).await?;
            turn.record.question_message = None;
            turn.save()?;
            turn.send_snapshot(snapshot).await?;
        }
        Screen::Idle => turn.show(&transition.output).await?,
    }
    Ok(())
}

/// The engine event a scan button stands for, if it belongs to the current flow and
/// question. Anything else is stale: an old message, an older flow, or forged.
fn scan_event<B: TgBot>(turn: &Turn<B>, callback: Callback) -> Option<Event> {
    let flow = turn.flow();
    let scan = turn.state.scan.as_ref()?;
    let (flow_version, question) = match callback {
        Callback::Answer { flow_version, question, .. } | Callback::Back { flow_version, question } => {
            (flow_version, usize::from(question))
        }
        _ => return None,
    };
    if flow_version != flow.version || question != scan.cursor || scan.flow_version != flow.version {
        return None;
    }
    let id = flow.questions.get(question)?.id.clone();
    Some(match callback {
        Callback::Answer { choice, .. } => Event::Answer { question: id, choice: usize::from(choice) },
        _ => Event::Back,
    })
}

/// A tap that cannot count: say why in the tap's answer, take the buttons off an old
/// message, and offer the current question again. Nothing else changes.
async fn refuse<B: TgBot>(
    turn: &mut Turn<B>,
    query: &CallbackQuery,
    tapped: MessageId,
    why: Msg,
) -> HandlerResult {
    turn.save()?;
    turn.answer_callback(query, Some(turn.msg(why))).await;
    match engine::current_view(turn.flow(), &turn.state) {
        // The question message normally shows the current question already; after a
        // failed edit it does not, and this repairs it ("not modified" is fine).
        Some(view) if turn.record.question_message == Some(tapped.0) => {
            let (text, keyboard) = turn.question(&view, &[]);
            turn.edit(tapped, text, Some(keyboard)).await?;
        }
        Some(view) => {
            turn.strip_keyboard(tapped).await;
            let output = Output { notices: Vec::new(), screen: Screen::Question(view) };
            turn.show(&output).await?;
        }
        None => turn.strip_keyboard(tapped).await,
    }
    Ok(())
}

async fn choose_language<B: TgBot>(
    turn: &mut Turn<B>,
    query: &CallbackQuery,
    tapped: MessageId,
    lang: Lang,
) -> HandlerResult {
    turn.step(Event::SetLanguage(lang))?;
    turn.answer_callback(query, None).await;
    turn.edit(tapped, turn.msg(Msg::LanguageChanged), None).await?;
    if turn.record.question_message == Some(tapped.0) {
        turn.record.question_message = None;
    }
    match engine::current_view(turn.flow(), &turn.state) {
        Some(view) => turn.show(&Output { notices: Vec::new(), screen: Screen::Question(view) }).await,
        None => {
            turn.say(turn.msg(Msg::TgIdle), None).await?;
            Ok(())
        }
    }
}

/// Deletes everything kept about the person, after their confirming tap. Only the
/// update id stays, so a redelivery of this tap is not applied twice.
async fn forget<B: TgBot>(turn: &mut Turn<B>, query: &CallbackQuery, tapped: MessageId) -> HandlerResult {
    turn.app.store.forget(&turn.person)?;
    turn.app.store.mark_update(&turn.update)?;
    turn.answer_callback(query, None).await;
    turn.edit(tapped, turn.msg(Msg::TgForgotten), None).await?;
    Ok(())
}

/// Updates we do not act on are still recorded, so they are not handled twice.
pub async fn on_other_update(app: Arc<App>, update: Update) -> HandlerResult {
    app.store.mark_update(&update_key(&update))?;
    Ok(())
}

pub(super) fn lang_name(lang: Lang) -> Msg {
    match lang {
        Lang::Nl => Msg::LangNl,
        Lang::NlBe => Msg::LangNlBe,
        Lang::En => Msg::LangEn,
    }
}
