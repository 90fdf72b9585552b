//! The smallest teloxide bot that does what peilbot does per tap, for the throughput
//! benchmark (`benches/throughput.rs`): `/scan` sends a message with answer buttons, and
//! every tap is answered with answerCallbackQuery and editMessageText, exactly the two
//! calls peilbot makes. It stores nothing: the step is carried in the button data
//! (`t:<step>`), and after `BARE_TAPS` taps (default 23) the message loses its buttons.
//!
//! With `BARE_COMMIT=DIR` it also makes the least durable commit a tap needs before its
//! reply, as peilbot must: the chat's step and the update's id in one sled record, in a
//! sled store in `DIR` opened as peilbot opens its own (compressed, no background flush),
//! inserted and flushed off the async workers. That is the floor of what peilbot's
//! store can cost per tap.
//!
//! Run: `TELOXIDE_TOKEN=… TELOXIDE_API_URL=http://127.0.0.1:PORT/ cargo run --release --example bare_bot`

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

fn keyboard(step: u32) -> InlineKeyboardMarkup {
    let row = (1..=6)
        .map(|choice| InlineKeyboardButton::callback(choice.to_string(), format!("t:{step}:{choice}")));
    InlineKeyboardMarkup::new(row.map(|button| vec![button]))
}

/// The chat's step and the update's id, one record per chat, on disk before it returns.
fn commit(chats: &sled::Tree, chat: ChatId, step: u32, update: u32) -> sled::Result<()> {
    let record = [step.to_be_bytes(), update.to_be_bytes()].concat();
    chats.insert(chat.0.to_be_bytes(), record)?;
    chats.flush()?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let taps: u32 = std::env::var("BARE_TAPS").ok().and_then(|n| n.parse().ok()).unwrap_or(23);
    let store = match std::env::var_os("BARE_COMMIT") {
        Some(dir) => Some(
            sled::Config::new()
                .path(dir)
                .use_compression(true)
                .compression_factor(3)
                .flush_every_ms(None)
                .open()?
                .open_tree("chats")?,
        ),
        None => None,
    };
    let mut bot = Bot::new(std::env::var("TELOXIDE_TOKEN").expect("TELOXIDE_TOKEN is set"));
    if let Ok(url) = std::env::var("TELOXIDE_API_URL") {
        bot = bot.set_api_url(url.parse().expect("TELOXIDE_API_URL is a URL"));
    }
    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(|bot: Bot, message: Message| async move {
            bot.send_message(message.chat.id, "Question 1").reply_markup(keyboard(1)).await?;
            respond(())
        }))
        .branch(Update::filter_callback_query().endpoint(
            move |bot: Bot, update: Update, query: CallbackQuery| {
                let store = store.clone();
                async move {
                    let step: u32 =
                        query.data.as_deref().and_then(|d| d.split(':').nth(1)?.parse().ok()).unwrap_or(1);
                    let Some(message) = query.regular_message() else { return respond(()) };
                    let chat = message.chat.id;
                    if let Some(chats) = store {
                        tokio::task::spawn_blocking(move || commit(&chats, chat, step + 1, update.id.0))
                            .await
                            .expect("the commit ran")
                            .expect("the commit is on disk");
                    }
                    bot.answer_callback_query(query.id.clone()).await?;
                    let edit = bot.edit_message_text(chat, message.id, format!("Question {}", step + 1));
                    if step < taps {
                        edit.reply_markup(keyboard(step + 1)).await?;
                    } else {
                        edit.await?;
                    }
                    respond(())
                }
            },
        ));
    Dispatcher::builder(bot, handler).build().dispatch().await;
    Ok(())
}
