//! The smallest teloxide bot that does what peilbot does per tap, for the throughput
//! benchmark (`benches/throughput.rs`): `/scan` sends a message with answer buttons, and
//! every tap is answered with answerCallbackQuery and editMessageText, exactly the two
//! calls peilbot makes. It stores nothing: the step is carried in the button data
//! (`t:<step>`), and after `BARE_TAPS` taps (default 23) the message loses its buttons.
//!
//! Run: `TELOXIDE_TOKEN=… TELOXIDE_API_URL=http://127.0.0.1:PORT/ cargo run --release --example bare_bot`

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

fn keyboard(step: u32) -> InlineKeyboardMarkup {
    let row = (1..=6)
        .map(|choice| InlineKeyboardButton::callback(choice.to_string(), format!("t:{step}:{choice}")));
    InlineKeyboardMarkup::new(row.map(|button| vec![button]))
}

#[tokio::main]
async fn main() {
    let taps: u32 = std::env::var("BARE_TAPS").ok().and_then(|n| n.parse().ok()).unwrap_or(23);
    let mut bot = Bot::new(std::env::var("TELOXIDE_TOKEN").expect("TELOXIDE_TOKEN is set"));
    if let Ok(url) = std::env::var("TELOXIDE_API_URL") {
        bot = bot.set_api_url(url.parse().expect("TELOXIDE_API_URL is a URL"));
    }
    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(|bot: Bot, message: Message| async move {
            bot.send_message(message.chat.id, "Question 1").reply_markup(keyboard(1)).await?;
            respond(())
        }))
        .branch(Update::filter_callback_query().endpoint(move |bot: Bot, query: CallbackQuery| async move {
            bot.answer_callback_query(query.id.clone()).await?;
            let step: u32 =
                query.data.as_deref().and_then(|d| d.split(':').nth(1)?.parse().ok()).unwrap_or(1);
            if let Some(message) = query.regular_message() {
                let edit =
                    bot.edit_message_text(message.chat.id, message.id, format!("Question {}", step + 1));
                if step < taps {
                    edit.reply_markup(keyboard(step + 1)).await?;
                } else {
                    edit.await?;
                }
            }
            respond(())
        }));
    Dispatcher::builder(bot, handler).build().dispatch().await;
}
