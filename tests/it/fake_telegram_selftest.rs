//! Self-test of the fake Telegram server (`tests/support/fake_telegram.rs`):
//! teloxide's own `Bot` is the client, so these tests prove that the fake's
//! replies deserialise in teloxide exactly like Telegram's, and that injected
//! errors surface as the right `RequestError`s.

use std::time::Duration;

use crate::support::WAIT;
use crate::support::fake_telegram::*;
use teloxide::{
    ApiError, RequestError,
    dispatching::{Dispatcher, UpdateFilterExt},
    dptree,
    payloads::{
        AnswerCallbackQuerySetters, EditMessageTextSetters, GetUpdatesSetters, SendDocumentSetters,
        SendMessageSetters, SendPhotoSetters, SetMyDescriptionSetters, SetMyShortDescriptionSetters,
    },
    prelude::Requester,
    types::{
        BotCommand, CallbackQuery, ChatAction, ChatId, InlineKeyboardButton, InlineKeyboardMarkup, InputFile,
        MessageEntityKind, MessageId, Update, UpdateKind,
    },
};

fn anna() -> FakeChat {
    FakeChat::private(42, "Anna", Some("nl"))
}

fn keyboard(buttons: &[(&str, &str)]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![
        buttons.iter().map(|(label, data)| InlineKeyboardButton::callback(*label, *data)).collect::<Vec<_>>(),
    ])
}

/// A minimal PNG: signature plus an IHDR chunk header for `width` x `height`
/// (enough for the fake, which only reads the signature and the size).
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut data = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    data.extend_from_slice(&width.to_be_bytes());
    data.extend_from_slice(&height.to_be_bytes());
    data.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    data
}

fn api_error<T: std::fmt::Debug>(result: Result<T, RequestError>) -> ApiError {
    match result {
        Err(RequestError::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn get_me_deserialises_as_teloxide_me() {
    let tg = FakeTelegram::start().await;
    let me = tg.bot().get_me().await.unwrap();
    assert_eq!(me.id.0, BOT_ID as u64);
    assert!(me.is_bot);
    assert_eq!(me.username(), BOT_USERNAME);
    assert!(me.can_join_groups);
    assert_eq!(tg.calls_to("getMe").len(), 1);
}

#[tokio::test]
async fn wrong_token_is_unauthorized() {
    let tg = FakeTelegram::start().await;
    let bot = teloxide::Bot::new("1:wrong").set_api_url(tg.url().parse().unwrap());
    assert!(matches!(api_error(bot.get_me().await), ApiError::InvalidToken));
}

#[tokio::test]
async fn send_message_with_inline_keyboard() {
    let tg = FakeTelegram::start().await;
    let chat = anna();
    tg.send_text(&chat, "hoi");
    let bot = tg.bot();

    let sent = bot
        .send_message(ChatId(42), "Kies maar")
        .reply_markup(keyboard(&[("Ja", "answer:yes"), ("Nee", "answer:no")]))
        .await
        .unwrap();
    assert_eq!(sent.text(), Some("Kies maar"));
    assert_eq!(sent.chat.id, ChatId(42));
    assert!(sent.chat.is_private());
    assert_eq!(sent.from.as_ref().map(|u| u.id.0), Some(BOT_ID as u64));
    // The user's "hoi" was message 1 in this chat.
    assert_eq!(sent.id, MessageId(2));
    let markup = sent.reply_markup().expect("reply_markup comes back");
    assert_eq!(markup.inline_keyboard[0].len(), 2);

    let stored = tg.last_message(42).unwrap();
    assert_eq!(stored.message_id, 2);
    assert_eq!(stored.text.as_deref(), Some("Kies maar"));
    assert_eq!(
        stored.keyboard,
        vec![vec![("Ja".to_owned(), "answer:yes".to_owned()), ("Nee".to_owned(), "answer:no".to_owned())]]
    );
    assert_eq!(stored.button_data("Nee"), Some("answer:no"));

    let call = &tg.calls_to("sendMessage")[0];
    assert_eq!(call.params["chat_id"], 42);
    assert_eq!(call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "answer:yes");
}

#[tokio::test]
async fn group_chats_have_title_and_type() {
    let tg = FakeTelegram::start().await;
    let group = FakeChat::group(-1001, "Team Digitaal", FakeUser::new(7, "Bram"));
    tg.send_text(&group, "/start@peilbot_test_bot");
    let sent = tg.bot().send_message(ChatId(-1001), "Hallo groep").await.unwrap();
    assert!(sent.chat.is_group());
    assert_eq!(sent.chat.title(), Some("Team Digitaal"));

    let updates = tg.bot().get_updates().await.unwrap();
    let UpdateKind::Message(message) = &updates[0].kind else { panic!("not a message: {updates:?}") };
    assert_eq!(message.from.as_ref().map(|u| u.first_name.as_str()), Some("Bram"));
    let entity = &message.entities().unwrap()[0];
    assert_eq!(entity.kind, MessageEntityKind::BotCommand);
    assert_eq!(entity.length, "/start@peilbot_test_bot".len());
}

#[tokio::test]
async fn edit_message_text_applies_in_place_and_refuses_no_ops() {
    let tg = FakeTelegram::start().await;
    tg.add_chat(&anna());
    let bot = tg.bot();
    let sent =
        bot.send_message(ChatId(42), "Vraag 1").reply_markup(keyboard(&[("A", "q1:a")])).await.unwrap();

    // Same text and same keyboard: Telegram refuses.
    let same =
        bot.edit_message_text(ChatId(42), sent.id, "Vraag 1").reply_markup(keyboard(&[("A", "q1:a")])).await;
    assert!(matches!(api_error(same), ApiError::MessageNotModified));

    let edited = bot
        .edit_message_text(ChatId(42), sent.id, "Vraag 1 ✔")
        .reply_markup(keyboard(&[("A", "q1:a")]))
        .await
        .unwrap();
    assert_eq!(edited.text(), Some("Vraag 1 ✔"));
    assert!(edited.edit_date().is_some());

    // Without reply_markup the keyboard goes away, as in Telegram.
    bot.edit_message_text(ChatId(42), sent.id, "Vraag 1 ✔").await.unwrap();
    let messages = tg.messages(42);
    assert_eq!(messages.len(), 1, "edits are applied in place");
    assert_eq!(messages[0].text.as_deref(), Some("Vraag 1 ✔"));
    assert!(messages[0].keyboard.is_empty());
    assert_eq!(messages[0].edit_count, 2);

    let missing = bot.edit_message_text(ChatId(42), MessageId(999), "x").await;
    assert!(matches!(api_error(missing), ApiError::MessageToEditNotFound));

    let too_long = bot.edit_message_text(ChatId(42), sent.id, "x".repeat(4097)).await;
    assert!(matches!(api_error(too_long), ApiError::EditedMessageIsTooLong));
}

#[tokio::test]
async fn callback_queries_carry_current_message_and_are_answered_once() {
    let tg = FakeTelegram::start().await;
    let chat = anna();
    tg.add_chat(&chat);
    let bot = tg.bot();
    let sent = bot.send_message(ChatId(42), "Eerst").reply_markup(keyboard(&[("Ok", "ok")])).await.unwrap();
    bot.edit_message_text(ChatId(42), sent.id, "Daarna")
        .reply_markup(keyboard(&[("Ok", "ok")]))
        .await
        .unwrap();

    let query_id = tg.press(&chat, sent.id.0, "ok");
    let updates = bot.get_updates().await.unwrap();
    let UpdateKind::CallbackQuery(query) = &updates[0].kind else { panic!("not a callback: {updates:?}") };
    assert_eq!(query.id.0, query_id);
    assert_eq!(query.data.as_deref(), Some("ok"));
    assert_eq!(query.from.id.0, 42);
    let message = query.regular_message().expect("accessible message");
    assert_eq!(message.text(), Some("Daarna"), "the callback carries the message's current state");
    assert!(message.reply_markup().is_some());

    let too_long = bot.answer_callback_query(query.id.clone()).text("x".repeat(201)).await;
    assert!(matches!(api_error(too_long), ApiError::EditedMessageIsTooLong));

    bot.answer_callback_query(query.id.clone()).text("Opgeslagen").show_alert(true).await.unwrap();
    assert_eq!(
        tg.callback_answers(),
        vec![CallbackAnswer {
            query_id: query_id.clone(),
            text: Some("Opgeslagen".into()),
            show_alert: true
        }]
    );

    let again = bot.answer_callback_query(query.id.clone()).await;
    assert!(matches!(api_error(again), ApiError::InvalidQueryId));
    let unknown = bot.answer_callback_query(teloxide::types::CallbackQueryId("nope".into())).await;
    assert!(matches!(api_error(unknown), ApiError::InvalidQueryId));

    // press_label finds the button by its label.
    let second = tg.press_label(&chat, sent.id.0, "Ok");
    assert_ne!(second, query_id);
}

#[tokio::test]
async fn send_photo_and_document_via_multipart() {
    let tg = FakeTelegram::start().await;
    tg.add_chat(&anna());
    let bot = tg.bot();

    let photo = bot
        .send_photo(ChatId(42), InputFile::memory(png(640, 480)).file_name("chart.png"))
        .caption("Jouw score")
        .reply_markup(keyboard(&[("Opnieuw", "restart")]))
        .await
        .unwrap();
    let sizes = photo.photo().expect("photo message");
    assert_eq!((sizes[0].width, sizes[0].height), (640, 480));
    assert_eq!(photo.caption(), Some("Jouw score"));
    assert!(photo.reply_markup().is_some());

    let document = bot
        .send_document(ChatId(42), InputFile::memory(b"a;b\n1;2\n".to_vec()).file_name("export.csv"))
        .caption("Export")
        .await
        .unwrap();
    let doc = document.document().expect("document message");
    assert_eq!(doc.file_name.as_deref(), Some("export.csv"));
    assert_eq!(doc.file.size, 8);

    let messages = tg.messages(42);
    assert_eq!(messages.len(), 2);
    let stored_photo = messages[0].photo.as_ref().unwrap();
    assert!(stored_photo.is_png());
    assert_eq!(stored_photo.filename, "chart.png");
    assert_eq!(messages[0].keyboard, vec![vec![("Opnieuw".to_owned(), "restart".to_owned())]]);
    assert_eq!(&messages[1].document.as_ref().unwrap().data[..], b"a;b\n1;2\n");

    let call = &tg.calls_to("sendPhoto")[0];
    assert_eq!(call.params["chat_id"], 42);
    assert_eq!(call.params["photo"]["filename"], "chart.png");
    assert_eq!(call.params["photo"]["png"], true);
    assert_eq!(call.params["photo"]["len"], png(640, 480).len());
    assert_eq!(call.params["reply_markup"]["inline_keyboard"][0][0]["text"], "Opnieuw");
    assert_eq!(call.params["caption"], "Jouw score");

    // Re-sending by file_id works; garbage is not an image.
    let file_id = sizes[0].file.id.clone();
    bot.send_photo(ChatId(42), InputFile::file_id(file_id)).await.unwrap();
    let not_image = bot.send_photo(ChatId(42), InputFile::memory(b"hello".to_vec())).await;
    assert!(matches!(api_error(not_image), ApiError::ImageProcessFailed));
}

#[tokio::test]
async fn get_updates_honours_offset_and_redelivers_unconfirmed() {
    let tg = FakeTelegram::start().await;
    let chat = anna();
    let bot = tg.bot();
    let first = tg.send_text(&chat, "/start");
    let second = tg.send_text(&chat, "hallo");
    assert_eq!(second, first + 1);

    let updates = bot.get_updates().await.unwrap();
    assert_eq!(updates.iter().map(|u| i64::from(u.id.0)).collect::<Vec<_>>(), vec![first, second]);
    let UpdateKind::Message(start) = &updates[0].kind else { panic!("not a message") };
    assert_eq!(start.text(), Some("/start"));
    assert_eq!(start.from.as_ref().and_then(|u| u.language_code.as_deref()), Some("nl"));
    let entity = &start.entities().unwrap()[0];
    assert_eq!((entity.kind.clone(), entity.offset, entity.length), (MessageEntityKind::BotCommand, 0, 6));

    // Not confirmed yet: delivered again (a restarted bot sees them again).
    assert_eq!(bot.get_updates().await.unwrap().len(), 2);
    // Confirm the first one.
    let rest = bot.get_updates().offset(updates[0].id.as_offset()).await.unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(tg.pending_updates(), 1);

    // A raw update with an already used id is delivered again.
    let raw = serde_json::json!({
        "update_id": first,
        "message": {
            "message_id": 100, "date": 1_700_000_000,
            "chat": {"id": 42, "type": "private", "first_name": "Anna"},
            "from": {"id": 42, "is_bot": false, "first_name": "Anna"},
            "text": "opnieuw"
        }
    });
    assert_eq!(tg.push_raw(raw), first);
    let again = bot.get_updates().await.unwrap();
    assert!(again.iter().any(|u| i64::from(u.id.0) == first));
    // Automatic ids keep increasing past the highest used one.
    assert_eq!(tg.send_text(&chat, "verder"), second + 1);

    // A negative offset keeps only the newest update.
    let last = bot.get_updates().offset(-1).await.unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(tg.pending_updates(), 1);
}

#[tokio::test]
async fn long_poll_waits_for_a_push_or_the_timeout() {
    let tg = FakeTelegram::start().await;
    let bot = tg.bot();

    // Nothing pushed: returns empty after the timeout.
    let started = tokio::time::Instant::now();
    let empty = bot.get_updates().timeout(1).await.unwrap();
    assert!(empty.is_empty());
    assert!(started.elapsed() >= Duration::from_millis(900));

    // A push during the wait wakes the poll early.
    let pusher = tg.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        pusher.send_text(&anna(), "hallo");
    });
    let started = tokio::time::Instant::now();
    let updates = bot.get_updates().timeout(10).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn injected_errors_surface_as_teloxide_errors() {
    let tg = FakeTelegram::start().await;
    tg.add_chat(&anna());
    tg.add_chat(&FakeChat::private(43, "Bert", None));
    let bot = tg.bot();

    tg.fail_next("sendMessage", None, FakeError::RetryAfter(3));
    let result = bot.send_message(ChatId(42), "hoi").await;
    assert!(matches!(result, Err(RequestError::RetryAfter(s)) if s.seconds() == 3), "{result:?}");
    // Only once.
    bot.send_message(ChatId(42), "hoi").await.unwrap();

    tg.fail_next("SENDMESSAGE", Some(43), FakeError::Blocked);
    bot.send_message(ChatId(42), "not chat 43").await.unwrap();
    assert!(matches!(api_error(bot.send_message(ChatId(43), "hoi").await), ApiError::BotBlocked));

    tg.fail_next("editMessageText", None, FakeError::api(400, "Bad Request: message to edit not found"));
    let edit = bot.edit_message_text(ChatId(42), MessageId(1), "x").await;
    assert!(matches!(api_error(edit), ApiError::MessageToEditNotFound));

    tg.fail_next("sendPhoto", None, FakeError::api(400, "Bad Request: something new"));
    let photo = bot.send_photo(ChatId(42), InputFile::memory(png(1, 1))).await;
    assert!(matches!(api_error(photo), ApiError::Unknown(d) if d == "Bad Request: something new"));

    // Failed calls are recorded with their error.
    let failed: Vec<_> = tg.calls().into_iter().filter(|c| c.error.is_some()).collect();
    assert_eq!(failed.len(), 4);
    assert!(failed[0].error.as_deref().unwrap().starts_with("Too Many Requests"));
}

#[tokio::test]
async fn blocked_chats_fail_permanently() {
    let tg = FakeTelegram::start().await;
    tg.add_chat(&anna());
    let bot = tg.bot();
    let sent = bot.send_message(ChatId(42), "hoi").await.unwrap();
    tg.block_chat(42);
    for _ in 0..2 {
        assert!(matches!(api_error(bot.send_message(ChatId(42), "hoi").await), ApiError::BotBlocked));
    }
    assert!(matches!(api_error(bot.edit_message_text(ChatId(42), sent.id, "x").await), ApiError::BotBlocked));
    let photo = bot.send_photo(ChatId(42), InputFile::memory(png(1, 1))).await;
    assert!(matches!(api_error(photo), ApiError::BotBlocked));
    tg.unblock_chat(42);
    bot.send_message(ChatId(42), "weer hier").await.unwrap();
}

#[tokio::test]
async fn telegram_limits_are_enforced() {
    let tg = FakeTelegram::start().await;
    tg.add_chat(&anna());
    let bot = tg.bot();

    // 4096 characters (not bytes) is fine, 4097 is not.
    bot.send_message(ChatId(42), "é".repeat(4096)).await.unwrap();
    let too_long = bot.send_message(ChatId(42), "é".repeat(4097)).await;
    assert!(matches!(api_error(too_long), ApiError::MessageIsTooLong));
    assert!(matches!(api_error(bot.send_message(ChatId(42), " ").await), ApiError::MessageTextIsEmpty));

    // callback_data is limited to 64 bytes.
    bot.send_message(ChatId(42), "ok").reply_markup(keyboard(&[("A", &"d".repeat(64))])).await.unwrap();
    let data = bot.send_message(ChatId(42), "x").reply_markup(keyboard(&[("A", &"d".repeat(65))])).await;
    assert!(matches!(api_error(data), ApiError::ButtonDataInvalid));
    let multibyte = bot.send_message(ChatId(42), "x").reply_markup(keyboard(&[("A", &"é".repeat(33))])).await;
    assert!(matches!(api_error(multibyte), ApiError::ButtonDataInvalid));

    let caption = bot.send_photo(ChatId(42), InputFile::memory(png(1, 1))).caption("c".repeat(1025)).await;
    assert!(matches!(api_error(caption), ApiError::Unknown(d) if d.contains("caption is too long")));

    assert!(matches!(api_error(bot.send_message(ChatId(99), "wie?").await), ApiError::ChatNotFound));
}

#[tokio::test]
async fn webhook_methods_and_conflict() {
    let tg = FakeTelegram::start().await;
    let bot = tg.bot();
    assert_eq!(bot.get_webhook_info().await.unwrap().url, None);
    bot.set_webhook("https://example.org/hook".parse().unwrap()).await.unwrap();
    assert!(bot.get_webhook_info().await.unwrap().url.is_some());
    assert!(bot.get_updates().await.is_err());
    bot.delete_webhook().await.unwrap();
    assert!(bot.get_updates().await.unwrap().is_empty());
}

#[tokio::test]
async fn dispatcher_with_polling_works_end_to_end() {
    let tg = FakeTelegram::start().await;
    let chat = anna();
    let bot = tg.bot();

    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(
            |bot: teloxide::Bot, msg: teloxide::types::Message| async move {
                if msg.text() == Some("/start") {
                    bot.send_message(msg.chat.id, "Welkom! Doe je mee?")
                        .reply_markup(keyboard(&[("Ja", "join:yes"), ("Nee", "join:no")]))
                        .await?;
                }
                Ok::<(), RequestError>(())
            },
        ))
        .branch(Update::filter_callback_query().endpoint(
            |bot: teloxide::Bot, query: CallbackQuery| async move {
                bot.answer_callback_query(query.id.clone()).text("Genoteerd").await?;
                if let Some(message) = query.regular_message() {
                    let choice = query.data.clone().unwrap_or_default();
                    bot.edit_message_text(message.chat.id, message.id, format!("Gekozen: {choice}")).await?;
                }
                Ok::<(), RequestError>(())
            },
        ));
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    tg.send_text(&chat, "/start");
    let welcome = tg.wait_for_message(42, WAIT, |m| m.body().starts_with("Welkom")).await.unwrap();
    assert_eq!(welcome.button_labels(), vec!["Ja", "Nee"]);

    let query_id = tg.press(&chat, welcome.message_id, "join:yes");
    tg.wait_until(WAIT, |tg| {
        tg.message(42, welcome.message_id).is_some_and(|m| m.body() == "Gekozen: join:yes")
    })
    .await
    .unwrap();
    assert_eq!(tg.callback_answers()[0].query_id, query_id);

    // Polling confirms what it processed.
    tg.wait_until(WAIT, |tg| tg.pending_updates() == 0).await.unwrap();
    assert!(!tg.calls_to("getMe").is_empty());

    // Stop the dispatcher while it is in a long poll.
    tokio::time::timeout(WAIT, async {
        loop {
            if let Ok(done) = shutdown.shutdown() {
                done.await;
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("dispatcher stops");
    running.await.unwrap();
}

#[tokio::test]
async fn other_methods_bots_use() {
    let tg = FakeTelegram::start().await;
    let group = FakeChat::supergroup(-100123, "Gemeente", FakeUser::new(7, "Bram").with_language("en"));
    tg.add_chat(&group);
    let bot = tg.bot();

    let chat = bot.get_chat(ChatId(-100123)).await.unwrap();
    assert_eq!(chat.title(), Some("Gemeente"));
    let chat = bot.send_message(ChatId(-100123), "hoi").await.unwrap().chat;
    assert!(chat.is_supergroup());

    bot.set_my_commands(vec![BotCommand::new("start", "Begin de scan")]).await.unwrap();
    assert_eq!(bot.get_my_commands().await.unwrap()[0].command, "start");
    bot.set_my_description().description("Peilbot").await.unwrap();
    bot.set_my_short_description().short_description("Scan").await.unwrap();
    bot.send_chat_action(ChatId(-100123), ChatAction::Typing).await.unwrap();

    let sent = bot.send_message(ChatId(-100123), "weg ermee").await.unwrap();
    bot.delete_message(ChatId(-100123), sent.id).await.unwrap();
    assert_eq!(tg.messages(-100123).len(), 1);
    let twice = bot.delete_message(ChatId(-100123), sent.id).await;
    assert!(matches!(api_error(twice), ApiError::MessageToDeleteNotFound));
}

#[tokio::test]
async fn wait_until_reports_a_readable_dump() {
    let tg = FakeTelegram::start().await;
    let chat = anna();
    tg.send_text(&chat, "/start");
    tg.bot().send_message(ChatId(42), "Hallo Anna").reply_markup(keyboard(&[("Ja", "y")])).await.unwrap();
    let error = tg.wait_until(Duration::from_millis(50), |_| false).await.unwrap_err().to_string();
    for expected in ["chat 42", "\"/start\"", "Hallo Anna", "Ja => y", "SendMessage"] {
        assert!(error.contains(expected), "dump lacks {expected:?}:\n{error}");
    }
}

#[tokio::test]
async fn shutdown_stops_the_server() {
    let tg = FakeTelegram::start().await;
    let bot = tg.bot();
    bot.get_me().await.unwrap();
    tg.shutdown().await;
    assert!(matches!(bot.get_me().await, Err(RequestError::Network(_))));
}
