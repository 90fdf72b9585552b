//! A fake Telegram Bot API server for black-box tests.
//!
//! Telegram cannot be reached from the test machines, so the bot under test is
//! pointed (with `Bot::set_api_url`) at this small axum server on
//! `127.0.0.1:<random port>` instead. It speaks the real Bot API wire format:
//!
//! * requests are `POST {url}/bot{TOKEN}/{method}` with a JSON body, or
//!   `multipart/form-data` for uploads (`sendPhoto`, `sendDocument`); method
//!   names are matched case-insensitively, like Telegram does (teloxide sends
//!   `SendMessage`, the docs say `sendMessage`);
//! * replies are `{"ok":true,"result":...}` or
//!   `{"ok":false,"error_code":N,"description":"...","parameters":{...}}` with
//!   the HTTP status equal to `error_code`, and every `result` is shaped like
//!   Telegram's own objects (`User`, `Message`, `Update`, `WebhookInfo`, `true`)
//!   so that teloxide deserialises them exactly as it would real replies, and
//!   error descriptions are Telegram's own, so teloxide maps them to the same
//!   `ApiError` variants.
//!
//! The fake keeps the state a test wants to look at: per chat, every message the
//! bot sent in its *current* state (edits are applied in place, deletions
//! remove it), a human-readable history of the conversation, every API call
//! with its parameters, and the answers to callback queries. Tests act as
//! users by pushing updates ([`FakeTelegram::send_text`],
//! [`FakeTelegram::press`], [`FakeTelegram::push_raw`]) which the bot picks up
//! through long polling (`getUpdates`), and can make calls fail on purpose
//! ([`FakeTelegram::fail_next`], [`FakeTelegram::block_chat`]).
//!
//! Telegram's limits are enforced: text 1..=4096 characters, captions up to
//! 1024 characters, `callback_data` 1..=64 bytes, callback answers up to 200
//! characters, and edits that change nothing are refused. Texts are plain:
//! the bot sends no `parse_mode`, and the fake reads none.

#![allow(dead_code)]

use std::{
    collections::{BTreeMap, HashMap, HashSet, VecDeque},
    fmt::Write as _,
    net::SocketAddr,
    sync::{Arc, Mutex, MutexGuard},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use axum::{
    Router,
    body::Bytes,
    extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    serve::ListenerExt,
};
use serde_json::{Map, Value, json};
use tokio::{net::TcpListener, sync::Notify, task::JoinHandle, time::Instant};

/// The bot token the fake accepts; any other token gets `401 Unauthorized`.
pub const TOKEN: &str = "123456:TEST-token";
/// The bot's user id (the part of [`TOKEN`] before the colon, as in Telegram).
pub const BOT_ID: i64 = 123456;
/// The bot's username, as returned by `getMe` (without the `@`).
pub const BOT_USERNAME: &str = "peilbot_test_bot";
/// The bot's first name, as returned by `getMe`.
pub const BOT_FIRST_NAME: &str = "Peilbot Test";

/// Longest message text Telegram accepts, in characters.
pub const MAX_TEXT_CHARS: usize = 4096;
/// Longest media caption Telegram accepts, in characters.
pub const MAX_CAPTION_CHARS: usize = 1024;
/// Longest `callback_data` of an inline button, in bytes.
pub const MAX_CALLBACK_DATA_BYTES: usize = 64;
/// Longest `answerCallbackQuery` text, in characters.
pub const MAX_CALLBACK_ANSWER_CHARS: usize = 200;

/// Uploads larger than this are refused by the HTTP layer (Telegram's bot
/// upload limit is 50 MB).
const MAX_BODY_BYTES: usize = 50 * 1024 * 1024;
/// How often [`FakeTelegram::wait_until`] re-checks its condition.
const WAIT_POLL_INTERVAL: Duration = Duration::from_millis(10);

// ---------------------------------------------------------------------------
// Test-facing types
// ---------------------------------------------------------------------------

/// A (human) Telegram user that sends updates to the bot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeUser {
    /// User id; in a private chat this is also the chat id.
    pub id: i64,
    /// First name, as shown in Telegram.
    pub first_name: String,
    /// IETF language tag of the user's Telegram client, e.g. `"nl"`.
    pub language_code: Option<String>,
}

impl FakeUser {
    /// A user with an id, a first name and no language.
    pub fn new(id: i64, first_name: &str) -> Self {
        Self { id, first_name: first_name.to_owned(), language_code: None }
    }

    /// The same user with the given client language (`language_code`).
    pub fn with_language(mut self, language_code: &str) -> Self {
        self.language_code = Some(language_code.to_owned());
        self
    }

    /// The user as a Telegram `User` object.
    pub fn to_json(&self) -> Value {
        let mut user = json!({ "id": self.id, "is_bot": false, "first_name": self.first_name });
        if let Some(language_code) = &self.language_code {
            user["language_code"] = json!(language_code);
        }
        user
    }
}

/// A chat the test talks to the bot in, together with the user who is
/// "typing" in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FakeChat {
    /// A private (one-to-one) chat with a user; the chat id is the user id.
    Private(FakeUser),
    /// A group (`"group"`) or supergroup (`"supergroup"`) chat, with the member
    /// who sends the updates.
    Group {
        /// Chat id (negative, as in Telegram).
        id: i64,
        /// Group title.
        title: String,
        /// `true` for a supergroup, `false` for a basic group.
        supergroup: bool,
        /// The member who sends the text messages and presses the buttons.
        from: FakeUser,
    },
}

impl FakeChat {
    /// A private chat with user `user_id` (also the chat id).
    pub fn private(user_id: i64, first_name: &str, language_code: Option<&str>) -> Self {
        let mut user = FakeUser::new(user_id, first_name);
        user.language_code = language_code.map(str::to_owned);
        FakeChat::Private(user)
    }

    /// A basic group (`"type":"group"`) in which `from` sends the updates.
    pub fn group(group_id: i64, title: &str, from: FakeUser) -> Self {
        FakeChat::Group { id: group_id, title: title.to_owned(), supergroup: false, from }
    }

    /// A supergroup (`"type":"supergroup"`) in which `from` sends the updates.
    pub fn supergroup(group_id: i64, title: &str, from: FakeUser) -> Self {
        FakeChat::Group { id: group_id, title: title.to_owned(), supergroup: true, from }
    }

    /// The chat id.
    pub fn id(&self) -> i64 {
        match self {
            FakeChat::Private(user) => user.id,
            FakeChat::Group { id, .. } => *id,
        }
    }

    /// The user who sends the updates in this chat.
    pub fn user(&self) -> &FakeUser {
        match self {
            FakeChat::Private(user) => user,
            FakeChat::Group { from, .. } => from,
        }
    }

    /// The chat as a Telegram `Chat` object.
    fn to_json(&self) -> Value {
        match self {
            FakeChat::Private(user) => {
                json!({ "id": user.id, "type": "private", "first_name": user.first_name })
            }
            FakeChat::Group { id, title, supergroup, .. } => json!({
                "id": id,
                "type": if *supergroup { "supergroup" } else { "group" },
                "title": title,
            }),
        }
    }

    /// Short description for dumps.
    fn describe(&self) -> String {
        match self {
            FakeChat::Private(user) => format!("private chat with {}", user.first_name),
            FakeChat::Group { title, .. } => format!("group \"{title}\""),
        }
    }
}

/// Flood control in force (see [`FakeTelegram::flood`]).
#[derive(Clone, Debug)]
struct Flood {
    retry_after: u32,
    calls: u64,
}

/// The methods a flood refuses every other time.
const FLOODED: [&str; 6] = [
    "sendmessage",
    "editmessagetext",
    "editmessagereplymarkup",
    "sendphoto",
    "senddocument",
    "answercallbackquery",
];

/// An error to inject with [`FakeTelegram::fail_next`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FakeError {
    /// `429 Too Many Requests: retry after N` with `parameters.retry_after`;
    /// teloxide turns it into `RequestError::RetryAfter`.
    RetryAfter(u32),
    /// `403 Forbidden: bot was blocked by the user`; teloxide turns it into
    /// `RequestError::Api(ApiError::BotBlocked)`.
    Blocked,
    /// Any other error: HTTP/`error_code` and Telegram's description, e.g.
    /// `(400, "Bad Request: message is too long")`.
    Api {
        /// The `error_code` (and HTTP status).
        code: u16,
        /// The `description`, which teloxide matches against its `ApiError`s.
        description: String,
    },
}

impl FakeError {
    /// Shorthand for [`FakeError::Api`].
    pub fn api(code: u16, description: &str) -> Self {
        FakeError::Api { code, description: description.to_owned() }
    }
}

/// A file the bot uploaded (photo or document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentFile {
    /// The `file_id` the fake assigned; the bot may re-send it by id.
    pub file_id: String,
    /// The file name given in the multipart upload (may be empty).
    pub filename: String,
    /// The uploaded bytes.
    pub data: Bytes,
}

impl SentFile {
    /// `true` when the data starts with the PNG signature.
    pub fn is_png(&self) -> bool {
        is_png(&self.data)
    }
}

/// A message the bot sent, in its current state (after any edits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMessage {
    /// The chat it was sent to.
    pub chat_id: i64,
    /// Telegram message id (per chat, shared with the users' messages).
    pub message_id: i32,
    /// Text of a text message, exactly as the bot sent it; `None` for media
    /// messages.
    pub text: Option<String>,
    /// Caption of a photo/document message, as the bot sent it.
    pub caption: Option<String>,
    /// The photo of a `sendPhoto` message.
    pub photo: Option<SentFile>,
    /// The document of a `sendDocument` message.
    pub document: Option<SentFile>,
    /// The inline keyboard as rows of `(label, callback_data or url)`.
    pub keyboard: Vec<Vec<(String, String)>>,
    /// How many times the message was edited successfully.
    pub edit_count: u32,
    /// Unix time it was sent.
    pub date: i64,
}

impl SentMessage {
    /// The text of a text message, or the caption of a media message, or "".
    pub fn body(&self) -> &str {
        self.text.as_deref().or(self.caption.as_deref()).unwrap_or("")
    }

    /// All buttons, row by row, as `(label, callback_data or url)`.
    pub fn buttons(&self) -> impl Iterator<Item = &(String, String)> {
        self.keyboard.iter().flatten()
    }

    /// The `callback_data` (or url) of the first button labelled `label`.
    pub fn button_data(&self, label: &str) -> Option<&str> {
        self.buttons().find(|(text, _)| text == label).map(|(_, data)| data.as_str())
    }

    /// All button labels, row by row.
    pub fn button_labels(&self) -> Vec<&str> {
        self.buttons().map(|(text, _)| text.as_str()).collect()
    }

    /// The message as a Telegram `Message` object, as Telegram would send it
    /// back (no entities are reported).
    fn to_json(&self, chat: &Value) -> Value {
        let mut message = json!({
            "message_id": self.message_id,
            "from": bot_user_json(),
            "chat": chat,
            "date": self.date,
        });
        if let Some(text) = &self.text {
            message["text"] = json!(text);
        }
        if let Some(caption) = &self.caption {
            message["caption"] = json!(caption);
        }
        if let Some(photo) = &self.photo {
            let (width, height) = image_size(&photo.data);
            message["photo"] = json!([{
                "file_id": photo.file_id,
                "file_unique_id": unique_id(&photo.file_id),
                "width": width,
                "height": height,
                "file_size": photo.data.len(),
            }]);
        }
        if let Some(document) = &self.document {
            let mut doc = json!({
                "file_id": document.file_id,
                "file_unique_id": unique_id(&document.file_id),
                "mime_type": mime_type(&document.filename),
                "file_size": document.data.len(),
            });
            if !document.filename.is_empty() {
                doc["file_name"] = json!(document.filename);
            }
            message["document"] = doc;
        }
        if self.edit_count > 0 {
            message["edit_date"] = json!(now().max(self.date));
        }
        if !self.keyboard.is_empty() {
            message["reply_markup"] = keyboard_json(&self.keyboard);
        }
        message
    }

    /// One-line description for dumps.
    fn describe(&self) -> String {
        let mut line = format!("#{}", self.message_id);
        if let Some(photo) = &self.photo {
            let _ = write!(line, " [photo {:?}, {} bytes]", photo.filename, photo.data.len());
        }
        if let Some(document) = &self.document {
            let _ = write!(line, " [document {:?}, {} bytes]", document.filename, document.data.len());
        }
        let _ = write!(line, " {:?}", shorten(self.body(), 300));
        for row in &self.keyboard {
            let buttons: Vec<String> = row.iter().map(|(label, data)| format!("{label} => {data}")).collect();
            let _ = write!(line, "\n        [{}]", buttons.join(" | "));
        }
        if self.edit_count > 0 {
            let _ = write!(line, "\n        (edited {}x)", self.edit_count);
        }
        line
    }
}

/// One API call the bot made.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// Sequence number, starting at 1, in arrival order.
    pub seq: u64,
    /// The method name as the client sent it (teloxide: `"SendMessage"`).
    pub method: String,
    /// The parameters as a JSON object. For multipart requests the text parts
    /// are included (JSON-looking values such as `reply_markup` parsed, other
    /// values kept as strings except numbers and booleans) and each file is
    /// summarised as `{"filename": .., "len": .., "png": bool}`.
    pub params: Value,
    /// `Some(description)` when the fake answered with an error.
    pub error: Option<String>,
}

/// A callback query answer (`answerCallbackQuery`) the bot gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackAnswer {
    /// The callback query id, as returned by [`FakeTelegram::press`].
    pub query_id: String,
    /// The notification text, if any.
    pub text: Option<String>,
    /// Whether it was shown as an alert.
    pub show_alert: bool,
}

// ---------------------------------------------------------------------------
// The handle
// ---------------------------------------------------------------------------

/// A running fake Telegram server. Cheap to clone; the server stops when the
/// last clone is dropped or on [`FakeTelegram::shutdown`].
#[derive(Clone)]
pub struct FakeTelegram {
    inner: Arc<Inner>,
}

/// Owns the server task; dropping it stops the server.
struct Inner {
    shared: Arc<Shared>,
    addr: SocketAddr,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl Drop for Inner {
    /// Triggers the server's graceful shutdown: pending long polls return at
    /// once, the listener and idle connections close, and the server task
    /// ends by itself (it dies with the runtime at the latest).
    fn drop(&mut self) {
        self.shared.close();
    }
}

impl FakeTelegram {
    /// Starts the server on `127.0.0.1` with a random free port.
    ///
    /// Panics if it cannot bind (there is nothing a test could do about it).
    pub async fn start() -> FakeTelegram {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("fake telegram: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("fake telegram: local_addr");
        let shared = Arc::new(Shared::default());
        let app = Router::new()
            .fallback(handle_request)
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .with_state(shared.clone());
        let stop = shared.clone();
        // No Nagle delay on replies: without it a small response can wait for the bot's
        // delayed ACK, and the fake, not the bot, would set the pace of a benchmark.
        let listener = listener.tap_io(|stream| {
            if let Err(err) = stream.set_nodelay(true) {
                eprintln!("fake telegram: cannot set TCP_NODELAY: {err}");
            }
        });
        let server = tokio::spawn(async move {
            let result = axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.closed.notified().await })
                .await;
            if let Err(err) = result {
                eprintln!("fake telegram: server error: {err}");
            }
        });
        FakeTelegram { inner: Arc::new(Inner { shared, addr, server: Mutex::new(Some(server)) }) }
    }

    /// The API base URL to give to `Bot::set_api_url`, e.g.
    /// `"http://127.0.0.1:41234/"`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.inner.addr)
    }

    /// A teloxide `Bot` with [`TOKEN`] talking to this fake.
    pub fn bot(&self) -> teloxide::Bot {
        teloxide::Bot::new(TOKEN).set_api_url(self.url().parse().expect("fake telegram url is valid"))
    }

    /// Stops the server: pending long polls return at once, the listener is
    /// closed and the server task is awaited (for at most a few seconds).
    pub async fn shutdown(&self) {
        self.inner.shared.close();
        let server = lock_ignoring_poison(&self.inner.server).take();
        if let Some(mut server) = server
            && tokio::time::timeout(Duration::from_secs(5), &mut server).await.is_err()
        {
            server.abort();
        }
    }

    // -- acting as users ----------------------------------------------------

    /// Makes a chat known without sending anything, so the bot may message it
    /// (Telegram answers `chat not found` for chats the bot never saw).
    pub fn add_chat(&self, chat: &FakeChat) {
        self.state().chat_mut(chat);
    }

    /// The user in `chat` sends `text`. Texts starting with `/` carry a
    /// `bot_command` entity over the command (e.g. `/start@bot`), as Telegram
    /// sends them. Returns the `update_id` used.
    pub fn send_text(&self, chat: &FakeChat, text: &str) -> i64 {
        let mut state = self.state();
        let date = now();
        let chat_state = state.chat_mut(chat);
        let message_id = chat_state.next_message_id();
        chat_state.history.push(format!(
            "user #{message_id} ({}): {:?}",
            chat.user().first_name,
            shorten(text, 300)
        ));
        let mut message = json!({
            "message_id": message_id,
            "from": chat.user().to_json(),
            "chat": chat.to_json(),
            "date": date,
            "text": text,
        });
        if let Some(length) = command_length(text) {
            message["entities"] = json!([{ "type": "bot_command", "offset": 0, "length": length }]);
        }
        let update_id = state.push_update(None, json!({ "message": message }));
        drop(state);
        self.inner.shared.updates_changed.notify_waiters();
        update_id
    }

    /// The user in `chat` presses the inline button with `callback_data` under
    /// bot message `message_id`. The callback query carries the message in its
    /// current state, as Telegram sends it. Returns the callback query id
    /// (see [`FakeTelegram::callback_answers`]).
    ///
    /// Panics (with a dump) if the message or button does not exist: a real
    /// user could not press it either. Use [`FakeTelegram::push_raw`] for that.
    pub fn press(&self, chat: &FakeChat, message_id: i32, callback_data: &str) -> String {
        self.try_press(chat, message_id, callback_data).unwrap_or_else(|missing| panic!("{missing}"))
    }

    /// [`FakeTelegram::press`], or what is missing (with a dump) when the message or the
    /// button is not there now: for a driver that reads a button and then presses it while
    /// the bot may edit the message in between, as a person tapping fast can.
    pub fn try_press(&self, chat: &FakeChat, message_id: i32, callback_data: &str) -> Result<String, String> {
        let mut state = self.state();
        let found = state
            .chats
            .get(&chat.id())
            .and_then(|c| c.messages.iter().find(|m| m.message_id == message_id))
            .map(|m| m.buttons().any(|(_, data)| data == callback_data));
        match found {
            Some(true) => {}
            Some(false) => {
                return Err(format!(
                    "press: bot message #{message_id} in chat {} has no button with data {callback_data:?}\n{}",
                    chat.id(),
                    state.dump()
                ));
            }
            None => {
                return Err(format!(
                    "press: chat {} has no bot message #{message_id}\n{}",
                    chat.id(),
                    state.dump()
                ));
            }
        }
        state.next_callback += 1;
        let query_id = format!("{}{:04}", chat.id().unsigned_abs(), state.next_callback);
        state.callbacks.insert(query_id.clone(), PendingCallback { chat_id: chat.id(), answered: false });
        let chat_state = state.chat_mut(chat);
        let message = chat_state
            .messages
            .iter()
            .find(|m| m.message_id == message_id)
            .map(|m| m.to_json(&chat_state.json))
            .unwrap_or(Value::Null);
        chat_state.history.push(format!(
            "user ({}) pressed {callback_data:?} on #{message_id} (query {query_id})",
            chat.user().first_name
        ));
        let update = json!({
            "callback_query": {
                "id": query_id,
                "from": chat.user().to_json(),
                "message": message,
                "chat_instance": format!("ci{}", chat.id()),
                "data": callback_data,
            }
        });
        state.push_update(None, update);
        drop(state);
        self.inner.shared.updates_changed.notify_waiters();
        Ok(query_id)
    }

    /// Like [`FakeTelegram::press`], but finds the button by its label.
    /// Returns the callback query id. Panics if there is no such button.
    pub fn press_label(&self, chat: &FakeChat, message_id: i32, label: &str) -> String {
        let data = {
            let state = self.state();
            let data = state
                .chats
                .get(&chat.id())
                .and_then(|c| c.messages.iter().find(|m| m.message_id == message_id))
                .and_then(|m| m.button_data(label).map(str::to_owned));
            match data {
                Some(data) => data,
                None => panic!(
                    "press_label: no button {label:?} on bot message #{message_id} in chat {}\n{}",
                    chat.id(),
                    state.dump()
                ),
            }
        };
        self.press(chat, message_id, &data)
    }

    /// A tap on `data` under bot message `message` in `chat`, as Telegram delivers
    /// it, for [`FakeTelegram::push_raw`]: unlike [`FakeTelegram::press`] the data need not
    /// be on the message (a stale or forged tap), and the query id is the caller's.
    pub fn tap_update(chat: &FakeChat, message: &SentMessage, data: &str, query_id: &str) -> Value {
        let mut shown = json!({
            "message_id": message.message_id,
            "from": bot_user_json(),
            "chat": chat.to_json(),
            "date": message.date,
            "text": message.body(),
        });
        // As Telegram does: the message as it is shown, its buttons included.
        if !message.keyboard.is_empty() {
            shown["reply_markup"] = keyboard_json(&message.keyboard);
        }
        json!({
            "callback_query": {
                "id": query_id,
                "from": chat.user().to_json(),
                "message": shown,
                "chat_instance": format!("ci{}", chat.id()),
                "data": data,
            }
        })
    }

    /// Queues an update given as raw JSON (`update_id` plus one update field,
    /// e.g. `{"message": {...}}`). If it has an `update_id`, that id is used
    /// as is, even if it was used before (to simulate Telegram re-delivering
    /// an update the bot never confirmed); otherwise the next id is assigned.
    /// A `message.chat` or `callback_query.message.chat` makes that chat known.
    /// Returns the `update_id` used.
    pub fn push_raw(&self, update: Value) -> i64 {
        let mut state = self.state();
        let id = update.get("update_id").and_then(Value::as_i64);
        for chat in [&update["message"]["chat"], &update["callback_query"]["message"]["chat"]] {
            if let Some(chat_id) = chat.get("id").and_then(Value::as_i64) {
                state
                    .chats
                    .entry(chat_id)
                    .or_insert_with(|| ChatState::new(chat.clone(), format!("chat {chat_id}")));
            }
        }
        let update_id = state.push_update(id, update);
        drop(state);
        self.inner.shared.updates_changed.notify_waiters();
        update_id
    }

    /// Number of updates not yet confirmed by the bot (via `getUpdates`
    /// `offset`).
    pub fn pending_updates(&self) -> usize {
        self.state().pending.len()
    }

    // -- error injection ----------------------------------------------------

    /// Makes the next call of `method` (case-insensitive, e.g. `"sendMessage"`)
    /// fail with `error`, once. With `chat_id`, only a call for that chat
    /// counts. Several injected failures are used in the order given.
    pub fn fail_next(&self, method: &str, chat_id: Option<i64>, error: FakeError) {
        self.state().failures.push(InjectedFailure { method: method.to_ascii_lowercase(), chat_id, error });
    }

    /// Flood control: from now on every other call that sends, edits or answers
    /// (sendMessage, editMessageText, editMessageReplyMarkup, sendPhoto, sendDocument,
    /// answerCallbackQuery) is refused with `429 Too Many Requests: retry after N`.
    pub fn flood(&self, retry_after: u32) {
        self.state().flood = Some(Flood { retry_after, calls: 0 });
    }

    /// From now on every call with `chat_id` (sends, edits, chat actions)
    /// fails with `403 Forbidden: bot was blocked by the user`.
    pub fn block_chat(&self, chat_id: i64) {
        self.state().blocked.insert(chat_id);
    }

    /// Undoes [`FakeTelegram::block_chat`].
    pub fn unblock_chat(&self, chat_id: i64) {
        self.state().blocked.remove(&chat_id);
    }

    // -- reading ------------------------------------------------------------

    /// The messages the bot sent to `chat_id` that still exist, in their
    /// current state, oldest first.
    pub fn messages(&self, chat_id: i64) -> Vec<SentMessage> {
        self.state().chats.get(&chat_id).map(|c| c.messages.clone()).unwrap_or_default()
    }

    /// The newest existing bot message in `chat_id`.
    pub fn last_message(&self, chat_id: i64) -> Option<SentMessage> {
        self.state().chats.get(&chat_id).and_then(|c| c.messages.last().cloned())
    }

    /// One bot message by id, in its current state.
    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<SentMessage> {
        self.state()
            .chats
            .get(&chat_id)
            .and_then(|c| c.messages.iter().find(|m| m.message_id == message_id).cloned())
    }

    /// Every API call so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.state().calls.clone()
    }

    /// The command names of a menu as setMyCommands left it: the default one (`chat`
    /// `None`) or a private chat's own, for a language code (`None`: any language).
    /// `None` when there is no such menu.
    pub fn menu(&self, chat: Option<i64>, language: Option<&str>) -> Option<Vec<String>> {
        let scope = chat.map(|id| json!({"type": "chat", "chat_id": id}).to_string());
        let key = (scope, language.unwrap_or_default().to_owned());
        let commands = self.state().commands.get(&key)?.as_array()?.clone();
        Some(commands.iter().filter_map(|c| c["command"].as_str().map(str::to_owned)).collect())
    }

    /// The calls of one method (case-insensitive), in order.
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.state().calls.iter().filter(|c| c.method.eq_ignore_ascii_case(method)).cloned().collect()
    }

    /// Every `answerCallbackQuery` that succeeded, in order.
    pub fn callback_answers(&self) -> Vec<CallbackAnswer> {
        self.state().callback_answers.clone()
    }

    /// A readable dump of all chats (history and current bot messages) and
    /// the most recent calls, for failure messages.
    pub fn dump(&self) -> String {
        self.state().dump()
    }

    /// Waits until `condition` holds, checking every few milliseconds. On
    /// timeout returns an error that contains [`FakeTelegram::dump`].
    pub async fn wait_until(
        &self,
        timeout: Duration,
        mut condition: impl FnMut(&FakeTelegram) -> bool,
    ) -> anyhow::Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if condition(self) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                anyhow::bail!("condition not met within {timeout:?}\n{}", self.dump());
            }
            tokio::time::sleep(WAIT_POLL_INTERVAL).await;
        }
    }

    /// Waits until the bot has a message in `chat_id` matching `predicate`
    /// and returns the newest such message (in its current state).
    pub async fn wait_for_message(
        &self,
        chat_id: i64,
        timeout: Duration,
        mut predicate: impl FnMut(&SentMessage) -> bool,
    ) -> anyhow::Result<SentMessage> {
        let mut found = None;
        self.wait_until(timeout, |tg| {
            found = tg.messages(chat_id).into_iter().rev().find(|m| predicate(m));
            found.is_some()
        })
        .await
        .map_err(|err| err.context(format!("no matching bot message in chat {chat_id}")))?;
        found.ok_or_else(|| anyhow::anyhow!("message vanished"))
    }

    fn state(&self) -> MutexGuard<'_, FakeState> {
        self.inner.shared.state()
    }
}

// ---------------------------------------------------------------------------
// Server state
// ---------------------------------------------------------------------------

/// State shared between the handle and the HTTP handlers.
#[derive(Default)]
struct Shared {
    state: Mutex<FakeState>,
    /// Woken when updates are pushed, a newer `getUpdates` arrives, or the
    /// server closes.
    updates_changed: Notify,
    /// Woken once on shutdown (graceful shutdown of the axum server).
    closed: Notify,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, FakeState> {
        lock_ignoring_poison(&self.state)
    }

    fn close(&self) {
        self.state().closed = true;
        self.updates_changed.notify_waiters();
        // `notify_one` stores a permit, so the server sees it even if it is
        // not waiting yet.
        self.closed.notify_one();
    }
}

/// A test failing while holding the lock must not hide the real failure
/// behind poison errors everywhere else.
fn lock_ignoring_poison<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct InjectedFailure {
    /// Lower-case method name.
    method: String,
    chat_id: Option<i64>,
    error: FakeError,
}

/// A callback query the fake sent to the bot.
struct PendingCallback {
    chat_id: i64,
    answered: bool,
}

struct PendingUpdate {
    id: i64,
    json: Value,
}

/// What the fake knows about one chat.
struct ChatState {
    /// The Telegram `Chat` object.
    json: Value,
    /// Description for dumps.
    title: String,
    /// Last message id used in this chat (users' and bot's messages share it).
    last_message_id: i32,
    /// The bot's messages that still exist, in current state.
    messages: Vec<SentMessage>,
    /// Human-readable log of what happened in the chat.
    history: Vec<String>,
}

impl ChatState {
    fn new(json: Value, title: String) -> Self {
        ChatState { json, title, last_message_id: 0, messages: Vec::new(), history: Vec::new() }
    }

    fn next_message_id(&mut self) -> i32 {
        self.last_message_id += 1;
        self.last_message_id
    }

    fn message_mut(&mut self, message_id: i32) -> Option<&mut SentMessage> {
        self.messages.iter_mut().find(|m| m.message_id == message_id)
    }
}

/// Which menu a setMyCommands, deleteMyCommands or getMyCommands call is about: its
/// scope (as canonical JSON; none or "default" is the default menu) and language code.
fn menu_key(fields: &Map<String, Value>) -> (Option<String>, String) {
    let scope = fields.get("scope").filter(|scope| scope["type"] != "default").map(|scope| {
        // Canonical: the type and the chat id, whatever order or number form the client used.
        json!({"type": scope["type"], "chat_id": scope.get("chat_id").and_then(Value::as_i64)}).to_string()
    });
    let language = fields.get("language_code").and_then(Value::as_str).unwrap_or_default().to_owned();
    (scope, language)
}

#[derive(Default)]
struct FakeState {
    last_update_id: i64,
    /// Updates not yet confirmed by an `offset`, in push order.
    pending: VecDeque<PendingUpdate>,
    chats: BTreeMap<i64, ChatState>,
    /// Files by `file_id`, so the bot can re-send them by id.
    files: HashMap<String, SentFile>,
    last_file: u64,
    /// Callback queries by id.
    callbacks: HashMap<String, PendingCallback>,
    next_callback: u64,
    callback_answers: Vec<CallbackAnswer>,
    calls: Vec<Call>,
    failures: Vec<InjectedFailure>,
    flood: Option<Flood>,
    blocked: HashSet<i64>,
    webhook_url: Option<String>,
    /// Command menus by scope (`None`: the default) and language code (`""`: any), as
    /// setMyCommands left them.
    commands: BTreeMap<(Option<String>, String), Value>,
    /// Bumped by every `getUpdates`; an older waiting poll sees it changed
    /// and gets `409 Conflict`, as with Telegram.
    poll_generation: u64,
    closed: bool,
}

impl FakeState {
    fn chat_mut(&mut self, chat: &FakeChat) -> &mut ChatState {
        self.chats.entry(chat.id()).or_insert_with(|| ChatState::new(chat.to_json(), chat.describe()))
    }

    fn push_update(&mut self, id: Option<i64>, mut update: Value) -> i64 {
        let id = id.unwrap_or(self.last_update_id + 1);
        self.last_update_id = self.last_update_id.max(id);
        update["update_id"] = json!(id);
        self.pending.push_back(PendingUpdate { id, json: update });
        id
    }

    /// Applies `getUpdates`' `offset`: confirms (drops) updates below a
    /// positive offset; a negative offset keeps only the last `-offset`.
    fn confirm(&mut self, offset: i64) {
        if offset > 0 {
            self.pending.retain(|u| u.id >= offset);
        } else if offset < 0 {
            let keep = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
            while self.pending.len() > keep {
                self.pending.pop_front();
            }
        }
    }

    fn history(&mut self, chat_id: i64, line: String) {
        if let Some(chat) = self.chats.get_mut(&chat_id) {
            chat.history.push(line);
        }
    }

    fn dump(&self) -> String {
        let mut out = String::from("=== fake telegram state ===\n");
        for (id, chat) in &self.chats {
            let blocked = if self.blocked.contains(id) { " [blocked]" } else { "" };
            let _ = writeln!(out, "chat {id} ({}){blocked}:", chat.title);
            for line in &chat.history {
                let _ = writeln!(out, "    {line}");
            }
            let _ = writeln!(out, "  current bot messages:");
            for message in &chat.messages {
                let _ = writeln!(out, "    {}", message.describe());
            }
        }
        let _ = writeln!(out, "pending updates: {}", self.pending.len());
        let skip = self.calls.len().saturating_sub(30);
        let _ = writeln!(out, "last {} of {} calls:", self.calls.len() - skip, self.calls.len());
        for call in &self.calls[skip..] {
            let params = shorten(&call.params.to_string(), 200);
            let _ = write!(out, "    {} {} {params}", call.seq, call.method);
            if let Some(error) = &call.error {
                let _ = write!(out, " -> ERROR {error}");
            }
            out.push('\n');
        }
        out
    }
}

// ---------------------------------------------------------------------------
// HTTP layer
// ---------------------------------------------------------------------------

/// An error reply, shaped like Telegram's.
#[derive(Debug)]
struct ApiFailure {
    code: u16,
    description: String,
    retry_after: Option<u32>,
}

impl ApiFailure {
    fn new(code: u16, description: impl Into<String>) -> Self {
        ApiFailure { code, description: description.into(), retry_after: None }
    }

    /// `400 Bad Request: {what}`.
    fn bad_request(what: &str) -> Self {
        Self::new(400, format!("Bad Request: {what}"))
    }

    fn blocked() -> Self {
        Self::new(403, "Forbidden: bot was blocked by the user")
    }
}

impl From<&FakeError> for ApiFailure {
    fn from(error: &FakeError) -> Self {
        match error {
            FakeError::RetryAfter(secs) => ApiFailure {
                code: 429,
                description: format!("Too Many Requests: retry after {secs}"),
                retry_after: Some(*secs),
            },
            FakeError::Blocked => ApiFailure::blocked(),
            FakeError::Api { code, description } => ApiFailure::new(*code, description.clone()),
        }
    }
}

type ApiResult = Result<Value, ApiFailure>;

fn into_response(result: ApiResult) -> Response {
    let (status, body) = match result {
        Ok(value) => (StatusCode::OK, json!({ "ok": true, "result": value })),
        Err(failure) => {
            let mut body = json!({
                "ok": false,
                "error_code": failure.code,
                "description": failure.description,
            });
            if let Some(secs) = failure.retry_after {
                body["parameters"] = json!({ "retry_after": secs });
            }
            (StatusCode::from_u16(failure.code).unwrap_or(StatusCode::BAD_REQUEST), body)
        }
    };
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

/// An uploaded multipart file part.
struct Upload {
    filename: String,
    data: Bytes,
}

/// The parameters of one request.
struct Params {
    fields: Map<String, Value>,
    /// Multipart file parts by part name.
    uploads: HashMap<String, Upload>,
}

impl Params {
    fn str(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// An integer that may come as a JSON number or (multipart) a string.
    fn int(&self, key: &str) -> Option<i64> {
        match self.fields.get(key)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn bool(&self, key: &str) -> bool {
        match self.fields.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s == "true",
            _ => false,
        }
    }

    /// The file part a field refers to: `attach://<part>` or a part with the
    /// field's own name.
    fn upload(&self, key: &str) -> Option<&Upload> {
        match self.str(key).and_then(|v| v.strip_prefix("attach://")) {
            Some(part) => self.uploads.get(part),
            None => self.uploads.get(key),
        }
    }

    /// The parameters as recorded in [`Call::params`].
    fn record(&self) -> Value {
        let summary = |upload: &Upload| json!({ "filename": upload.filename, "len": upload.data.len(), "png": is_png(&upload.data) });
        let mut record = Map::new();
        for (key, value) in &self.fields {
            let attached =
                value.as_str().and_then(|v| v.strip_prefix("attach://")).and_then(|p| self.uploads.get(p));
            record.insert(key.clone(), attached.map(summary).unwrap_or_else(|| value.clone()));
        }
        let attached_parts: HashSet<&str> =
            self.fields.values().filter_map(|v| v.as_str()?.strip_prefix("attach://")).collect();
        for (name, upload) in &self.uploads {
            if !attached_parts.contains(name.as_str()) {
                record.insert(name.clone(), summary(upload));
            }
        }
        Value::Object(record)
    }
}

/// The single route: `POST /bot<token>/<method>`.
async fn handle_request(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let path = request.uri().path().replace("%3A", ":").replace("%3a", ":");
    let mut segments = path.trim_start_matches('/').splitn(2, '/');
    let (Some(bot_token), Some(method)) = (segments.next(), segments.next()) else {
        return into_response(Err(ApiFailure::new(404, "Not Found")));
    };
    let Some(token) = bot_token.strip_prefix("bot") else {
        return into_response(Err(ApiFailure::new(404, "Not Found")));
    };
    if token != TOKEN {
        return into_response(Err(ApiFailure::new(401, "Unauthorized")));
    }
    let method = method.trim_end_matches('/').to_owned();
    let params = match read_params(request).await {
        Ok(params) => params,
        Err(failure) => return into_response(Err(failure)),
    };

    let call_index = shared.state().begin_call(&method, &params);
    // Bound first so the lock is released before dispatching.
    let preflight = shared.state().preflight(&method, &params);
    let result = match preflight {
        Err(failure) => Err(failure),
        Ok(()) if method.eq_ignore_ascii_case("getUpdates") => get_updates(&shared, &params).await,
        Ok(()) => shared.state().dispatch(&method, &params),
    };
    if let Err(failure) = &result {
        let mut state = shared.state();
        if let Some(chat_id) = params.int("chat_id") {
            state.history(chat_id, format!("bot call {method} FAILED: {}", failure.description));
        }
        state.calls[call_index].error = Some(failure.description.clone());
    }
    into_response(result)
}

/// Reads a JSON or multipart body into [`Params`].
async fn read_params(request: Request) -> Result<Params, ApiFailure> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut params = Params { fields: Map::new(), uploads: HashMap::new() };

    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| ApiFailure::bad_request(&format!("invalid multipart body: {e}")))?;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|e| ApiFailure::bad_request(&format!("invalid multipart part: {e}")))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            let filename = field.file_name().map(str::to_owned);
            let data =
                field.bytes().await.map_err(|e| ApiFailure::bad_request(&format!("unreadable part: {e}")))?;
            match filename {
                Some(filename) => {
                    params.uploads.insert(name, Upload { filename, data });
                }
                None => {
                    let text = String::from_utf8_lossy(&data).into_owned();
                    let value = multipart_text_value(&name, text);
                    params.fields.insert(name, value);
                }
            }
        }
        return Ok(params);
    }

    let body = axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|e| ApiFailure::bad_request(&format!("unreadable body: {e}")))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(params);
    }
    match serde_json::from_slice(&body) {
        Ok(Value::Object(fields)) => params.fields = fields,
        Ok(_) | Err(_) => return Err(ApiFailure::bad_request("request body is not a JSON object")),
    }
    Ok(params)
}

/// Multipart text parts are strings; turn those that hold JSON (objects,
/// arrays, numbers, booleans) into JSON so recorded params look like JSON
/// requests. Free-text fields stay strings.
fn multipart_text_value(name: &str, text: String) -> Value {
    if matches!(name, "text" | "caption") {
        return Value::String(text);
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(value @ (Value::Object(_) | Value::Array(_) | Value::Number(_) | Value::Bool(_))) => value,
        _ => Value::String(text),
    }
}

/// Long poll: waits until there are updates at or after `offset`, the
/// `timeout` passes, a newer `getUpdates` supersedes this one, or shutdown.
async fn get_updates(shared: &Shared, params: &Params) -> ApiResult {
    let offset = params.int("offset").unwrap_or(0);
    let limit = usize::try_from(params.int("limit").unwrap_or(100).clamp(1, 100)).unwrap_or(100);
    let timeout = params.int("timeout").unwrap_or(0).max(0).unsigned_abs();
    let deadline = Instant::now() + Duration::from_secs(timeout);

    let generation = {
        let mut state = shared.state();
        if state.webhook_url.is_some() {
            return Err(ApiFailure::new(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            ));
        }
        state.confirm(offset);
        state.poll_generation += 1;
        state.poll_generation
    };
    // Wake an older poll so it notices it was superseded.
    shared.updates_changed.notify_waiters();

    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        // Register interest before looking at the state, so a push between
        // the check and the wait is not missed.
        notified.as_mut().enable();
        {
            let state = shared.state();
            if state.poll_generation != generation {
                return Err(ApiFailure::new(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                ));
            }
            let batch: Vec<Value> =
                state.pending.iter().filter(|u| u.id >= offset).take(limit).map(|u| u.json.clone()).collect();
            if !batch.is_empty() || state.closed || Instant::now() >= deadline {
                return Ok(Value::Array(batch));
            }
        }
        // Either woken or timed out; the loop re-checks in both cases.
        let _ = tokio::time::timeout_at(deadline, notified).await;
    }
}

// ---------------------------------------------------------------------------
// Method implementations
// ---------------------------------------------------------------------------

/// Methods that simply succeed with `true`.
const TRUE_METHODS: &[&str] = &[
    "sendchataction",
    "setmydescription",
    "setmyshortdescription",
    "setmyname",
    "setchatmenubutton",
    "setmydefaultadministratorrights",
];

impl FakeState {
    fn begin_call(&mut self, method: &str, params: &Params) -> usize {
        let seq = self.calls.len() as u64 + 1;
        self.calls.push(Call { seq, method: method.to_owned(), params: params.record(), error: None });
        self.calls.len() - 1
    }

    /// Injected failures and blocked chats, checked before anything else.
    fn preflight(&mut self, method: &str, params: &Params) -> Result<(), ApiFailure> {
        let chat_id = params.int("chat_id");
        let position = self.failures.iter().position(|f| {
            f.method.eq_ignore_ascii_case(method) && (f.chat_id.is_none() || f.chat_id == chat_id)
        });
        if let Some(position) = position {
            let failure = self.failures.remove(position);
            return Err(ApiFailure::from(&failure.error));
        }
        if chat_id.is_some_and(|id| self.blocked.contains(&id)) {
            return Err(ApiFailure::blocked());
        }
        if let Some(flood) =
            self.flood.as_mut().filter(|_| FLOODED.contains(&method.to_ascii_lowercase().as_str()))
        {
            flood.calls += 1;
            if flood.calls % 2 == 1 {
                return Err(ApiFailure::from(&FakeError::RetryAfter(flood.retry_after)));
            }
        }
        Ok(())
    }

    fn dispatch(&mut self, method: &str, params: &Params) -> ApiResult {
        let lower = method.to_ascii_lowercase();
        match lower.as_str() {
            "getme" => Ok(me_json()),
            "setwebhook" => {
                let url = params.str("url").unwrap_or("");
                self.webhook_url = (!url.is_empty()).then(|| url.to_owned());
                Ok(json!(true))
            }
            "deletewebhook" => {
                self.webhook_url = None;
                if params.bool("drop_pending_updates") {
                    self.pending.clear();
                }
                Ok(json!(true))
            }
            "getwebhookinfo" => Ok(json!({
                "url": self.webhook_url.clone().unwrap_or_default(),
                "has_custom_certificate": false,
                "pending_update_count": self.pending.len(),
            })),
            "setmycommands" => {
                let commands = params.fields.get("commands").cloned().unwrap_or_else(|| json!([]));
                self.commands.insert(menu_key(&params.fields), commands);
                Ok(json!(true))
            }
            "deletemycommands" => {
                self.commands.remove(&menu_key(&params.fields));
                Ok(json!(true))
            }
            "getmycommands" => {
                Ok(self.commands.get(&menu_key(&params.fields)).cloned().unwrap_or_else(|| json!([])))
            }
            "getchat" => self.get_chat(params),
            "sendmessage" => self.send_message(params),
            "sendphoto" => self.send_media(params, Media::Photo),
            "senddocument" => self.send_media(params, Media::Document),
            "editmessagetext" => self.edit_message(params, Edit::Text),
            "editmessagecaption" => self.edit_message(params, Edit::Caption),
            "editmessagereplymarkup" => self.edit_message(params, Edit::ReplyMarkup),
            "deletemessage" => self.delete_message(params),
            "answercallbackquery" => self.answer_callback_query(params),
            m if TRUE_METHODS.contains(&m) => {
                self.known_chat_if_given(params)?;
                Ok(json!(true))
            }
            _ => Err(ApiFailure::new(404, "Not Found: method not found")),
        }
    }

    /// The chat named by `chat_id`, which must be known.
    fn known_chat(&self, params: &Params) -> Result<i64, ApiFailure> {
        let chat_id = params.int("chat_id").ok_or_else(|| ApiFailure::bad_request("chat not found"))?;
        if self.chats.contains_key(&chat_id) {
            Ok(chat_id)
        } else {
            Err(ApiFailure::bad_request("chat not found"))
        }
    }

    fn known_chat_if_given(&self, params: &Params) -> Result<(), ApiFailure> {
        if params.fields.contains_key("chat_id") {
            self.known_chat(params)?;
        }
        Ok(())
    }

    /// `getChat`: the chat as a `ChatFullInfo` (teloxide's `Throttle` calls
    /// it after a `429` when slow-mode checks are on).
    fn get_chat(&self, params: &Params) -> ApiResult {
        let chat_id = self.known_chat(params)?;
        let mut info = self.chats.get(&chat_id).map(|c| c.json.clone()).unwrap_or_default();
        info["accent_color_id"] = json!(0);
        info["max_reaction_count"] = json!(11);
        info["accepted_gift_types"] = json!({
            "unlimited_gifts": false,
            "limited_gifts": false,
            "unique_gifts": false,
            "premium_subscription": false,
        });
        Ok(info)
    }

    fn send_message(&mut self, params: &Params) -> ApiResult {
        let chat_id = self.known_chat(params)?;
        let text = params.str("text").unwrap_or("").to_owned();
        check_text(&text, "message is too long")?;
        let keyboard = parse_keyboard(params.fields.get("reply_markup"))?;
        let message = SentMessage {
            chat_id,
            message_id: 0,
            text: Some(text),
            caption: None,
            photo: None,
            document: None,
            keyboard,
            edit_count: 0,
            date: 0,
        };
        Ok(self.store_sent(message))
    }

    fn send_media(&mut self, params: &Params, media: Media) -> ApiResult {
        let chat_id = self.known_chat(params)?;
        let caption = params.str("caption").map(str::to_owned);
        if caption.as_ref().is_some_and(|caption| caption.chars().count() > MAX_CAPTION_CHARS) {
            return Err(ApiFailure::bad_request("message caption is too long"));
        }
        let keyboard = parse_keyboard(params.fields.get("reply_markup"))?;
        let field = media.field();
        let file = match params.upload(field) {
            Some(upload) => {
                if upload.data.is_empty() {
                    return Err(ApiFailure::bad_request("file must be non-empty"));
                }
                if media == Media::Photo && image_size(&upload.data) == (0, 0) && !is_jpeg(&upload.data) {
                    return Err(ApiFailure::bad_request("IMAGE_PROCESS_FAILED"));
                }
                self.last_file += 1;
                let file = SentFile {
                    file_id: format!("fake-{field}-{}", self.last_file),
                    filename: upload.filename.clone(),
                    data: upload.data.clone(),
                };
                self.files.insert(file.file_id.clone(), file.clone());
                file
            }
            // Re-sending a file by `file_id`.
            None => match params.str(field).and_then(|id| self.files.get(id)) {
                Some(file) => file.clone(),
                None => {
                    return Err(ApiFailure::bad_request("wrong file identifier/HTTP URL specified"));
                }
            },
        };
        let (photo, document) = match media {
            Media::Photo => (Some(file), None),
            Media::Document => (None, Some(file)),
        };
        let message = SentMessage {
            chat_id,
            message_id: 0,
            text: None,
            caption,
            photo,
            document,
            keyboard,
            edit_count: 0,
            date: 0,
        };
        Ok(self.store_sent(message))
    }

    /// Assigns a message id, stores the message and returns it as JSON.
    fn store_sent(&mut self, mut message: SentMessage) -> Value {
        let Some(chat) = self.chats.get_mut(&message.chat_id) else {
            return Value::Null; // unreachable: callers checked the chat exists
        };
        message.message_id = chat.next_message_id();
        chat.history.push(format!("bot {}", message.describe()));
        message.date = now();
        let json = message.to_json(&chat.json);
        chat.messages.push(message);
        json
    }

    fn edit_message(&mut self, params: &Params, edit: Edit) -> ApiResult {
        if params.fields.contains_key("inline_message_id") {
            return Err(ApiFailure::bad_request("MESSAGE_ID_INVALID"));
        }
        let chat_id = self.known_chat(params)?;
        let message_id = params
            .int("message_id")
            .and_then(|id| i32::try_from(id).ok())
            .ok_or_else(|| ApiFailure::bad_request("message identifier is not specified"))?;
        let keyboard = parse_keyboard(params.fields.get("reply_markup"))?;
        let text = params.str(edit.field()).unwrap_or("").to_owned();

        let Some(chat) = self.chats.get_mut(&chat_id) else {
            return Err(ApiFailure::bad_request("chat not found"));
        };
        let chat_json = chat.json.clone();
        let Some(message) = chat.message_mut(message_id) else {
            return Err(ApiFailure::bad_request("message to edit not found"));
        };
        let mut updated = message.clone();
        match edit {
            Edit::Text => {
                if message.text.is_none() {
                    return Err(ApiFailure::bad_request("there is no text in the message to edit"));
                }
                check_text(&text, "MESSAGE_TOO_LONG")?;
                updated.text = Some(text);
            }
            Edit::Caption => {
                if message.text.is_some() {
                    return Err(ApiFailure::bad_request("there is no caption in the message to edit"));
                }
                if text.chars().count() > MAX_CAPTION_CHARS {
                    return Err(ApiFailure::bad_request("MESSAGE_TOO_LONG"));
                }
                updated.caption = (!text.is_empty()).then_some(text);
            }
            Edit::ReplyMarkup => {}
        }
        // Like Telegram: an edit without `reply_markup` removes the keyboard.
        updated.keyboard = keyboard;
        if updated == *message {
            return Err(ApiFailure::bad_request(
                "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            ));
        }
        updated.edit_count += 1;
        *message = updated;
        let json = message.to_json(&chat_json);
        let line = format!("bot edited {}", message.describe());
        chat.history.push(line);
        Ok(json)
    }

    fn delete_message(&mut self, params: &Params) -> ApiResult {
        let chat_id = self.known_chat(params)?;
        let message_id = params.int("message_id").unwrap_or(0);
        let Some(chat) = self.chats.get_mut(&chat_id) else {
            return Err(ApiFailure::bad_request("chat not found"));
        };
        let before = chat.messages.len();
        chat.messages.retain(|m| i64::from(m.message_id) != message_id);
        if chat.messages.len() == before {
            return Err(ApiFailure::bad_request("message to delete not found"));
        }
        chat.history.push(format!("bot deleted #{message_id}"));
        Ok(json!(true))
    }

    fn answer_callback_query(&mut self, params: &Params) -> ApiResult {
        let query_id = params.str("callback_query_id").unwrap_or("").to_owned();
        let text = params.str("text").map(str::to_owned);
        if text.as_deref().is_some_and(|t| t.chars().count() > MAX_CALLBACK_ANSWER_CHARS) {
            return Err(ApiFailure::bad_request("MESSAGE_TOO_LONG"));
        }
        let chat_id = match self.callbacks.get_mut(&query_id) {
            Some(query) if !query.answered => {
                query.answered = true;
                query.chat_id
            }
            // Unknown or already answered.
            _ => {
                return Err(ApiFailure::bad_request(
                    "query is too old and response timeout expired or query id is invalid",
                ));
            }
        };
        let show_alert = params.bool("show_alert");
        let alert = if show_alert { " (alert)" } else { "" };
        self.history(chat_id, format!("bot answered query {query_id}: {text:?}{alert}"));
        self.callback_answers.push(CallbackAnswer { query_id, text, show_alert });
        Ok(json!(true))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Media {
    Photo,
    Document,
}

impl Media {
    fn field(self) -> &'static str {
        match self {
            Media::Photo => "photo",
            Media::Document => "document",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edit {
    Text,
    Caption,
    ReplyMarkup,
}

impl Edit {
    fn field(self) -> &'static str {
        match self {
            Edit::Text => "text",
            Edit::Caption => "caption",
            Edit::ReplyMarkup => "reply_markup",
        }
    }
}

// ---------------------------------------------------------------------------
// Validation and JSON helpers
// ---------------------------------------------------------------------------

/// Checks a message text: not empty (after trimming), at most
/// [`MAX_TEXT_CHARS`] characters.
fn check_text(text: &str, too_long: &str) -> Result<(), ApiFailure> {
    if text.trim().is_empty() {
        return Err(ApiFailure::bad_request("message text is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ApiFailure::bad_request(too_long));
    }
    Ok(())
}

/// Parses and validates `reply_markup`; only inline keyboards are kept (reply
/// keyboards are not part of a `Message` and can be seen in the calls).
fn parse_keyboard(markup: Option<&Value>) -> Result<Vec<Vec<(String, String)>>, ApiFailure> {
    let markup = match markup {
        // Multipart requests carry it as a JSON string.
        Some(Value::String(s)) => serde_json::from_str(s)
            .map_err(|_| ApiFailure::bad_request("can't parse reply keyboard markup JSON object"))?,
        Some(value) => value.clone(),
        None => return Ok(Vec::new()),
    };
    let Some(rows) = markup.get("inline_keyboard") else {
        return Ok(Vec::new());
    };
    let rows = rows
        .as_array()
        .ok_or_else(|| ApiFailure::bad_request("field \"inline_keyboard\" must be an Array"))?;
    let mut keyboard = Vec::with_capacity(rows.len());
    for row in rows {
        let row = row.as_array().ok_or_else(|| {
            ApiFailure::bad_request(
                "can't parse inline keyboard button: InlineKeyboardButton must be an Object",
            )
        })?;
        let mut buttons = Vec::with_capacity(row.len());
        for button in row {
            let label = button.get("text").and_then(Value::as_str).unwrap_or("");
            let action = if let Some(data) = button.get("callback_data") {
                let data = data.as_str().unwrap_or("");
                if data.is_empty() || data.len() > MAX_CALLBACK_DATA_BYTES {
                    return Err(ApiFailure::bad_request("BUTTON_DATA_INVALID"));
                }
                data.to_owned()
            } else if let Some(url) = button.get("url") {
                let url = url.as_str().unwrap_or("");
                if !["http://", "https://", "tg://"].iter().any(|p| url.starts_with(p)) || url.contains(' ') {
                    return Err(ApiFailure::bad_request("BUTTON_URL_INVALID"));
                }
                url.to_owned()
            } else {
                // Other button kinds (web_app, switch_inline_query, ...): keep
                // the kind's value as JSON text.
                let other = button.as_object().and_then(|o| o.iter().find(|(k, _)| k.as_str() != "text"));
                match other {
                    Some((_, value)) => value.to_string(),
                    None => {
                        return Err(ApiFailure::bad_request(
                            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                        ));
                    }
                }
            };
            if label.trim().is_empty() {
                return Err(ApiFailure::bad_request("BUTTON_TEXT_EMPTY"));
            }
            buttons.push((label.to_owned(), action));
        }
        keyboard.push(buttons);
    }
    // An empty `inline_keyboard` means "no keyboard".
    keyboard.retain(|row| !row.is_empty());
    Ok(keyboard)
}

/// The `InlineKeyboardMarkup` object for a stored keyboard.
fn keyboard_json(keyboard: &[Vec<(String, String)>]) -> Value {
    let rows: Vec<Value> = keyboard
        .iter()
        .map(|row| {
            let buttons: Vec<Value> = row
                .iter()
                .map(|(label, action)| {
                    if ["http://", "https://", "tg://"].iter().any(|p| action.starts_with(p)) {
                        json!({ "text": label, "url": action })
                    } else {
                        json!({ "text": label, "callback_data": action })
                    }
                })
                .collect();
            Value::Array(buttons)
        })
        .collect();
    json!({ "inline_keyboard": rows })
}

/// The length (in UTF-16 code units, as Telegram counts) of the bot command
/// at the start of `text`, if it starts with one.
fn command_length(text: &str) -> Option<usize> {
    let command = text.strip_prefix('/')?;
    let end =
        command.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@')).unwrap_or(command.len());
    (end > 0).then(|| text[..=end].encode_utf16().count())
}

fn bot_user_json() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": BOT_FIRST_NAME, "username": BOT_USERNAME })
}

/// The `getMe` result.
fn me_json() -> Value {
    let mut me = bot_user_json();
    for (key, value) in [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ] {
        me[key] = json!(value);
    }
    me
}

fn is_png(data: &[u8]) -> bool {
    data.starts_with(b"\x89PNG\r\n\x1a\n")
}

fn is_jpeg(data: &[u8]) -> bool {
    data.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Width and height from a PNG's IHDR chunk; `(0, 0)` if not a PNG.
fn image_size(data: &[u8]) -> (u32, u32) {
    if !is_png(data) || data.len() < 24 {
        return (0, 0);
    }
    let be = |at: usize| u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
    (be(16), be(20))
}

fn unique_id(file_id: &str) -> String {
    format!("u{file_id}")
}

fn mime_type(filename: &str) -> &'static str {
    let extension = filename.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| i64::try_from(d.as_secs()).unwrap_or(1))
}

/// `s` cut to at most `max` characters, with "…" when cut.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}
