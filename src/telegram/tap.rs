//! A tap on a button, and what the tapped message shows: so that no edit is made whose
//! answer is known (an edit to what it shows already, or of a message too old to edit).

use std::sync::Arc;

use teloxide::types::{CallbackQuery, InlineKeyboardMarkup, Message, MessageId};

use super::send::MAX_TEXT;

/// A tap on a button: the query to answer and the message it was on. The query is shared:
/// the routing tree hands a `Tap` to every filter and endpoint it passes, each a copy.
#[derive(Debug, Clone)]
pub struct Tap {
    pub query: Arc<CallbackQuery>,
    pub message: MessageId,
}

impl Tap {
    /// The tapped message as Telegram shows it; `None` when it is too old to be edited
    /// (Telegram sends such a message as inaccessible).
    fn shown(&self) -> Option<&Message> {
        self.query.regular_message()
    }

    /// Whether the tapped message can still be edited.
    pub fn editable(&self) -> bool {
        self.shown().is_some()
    }

    /// Whether the tapped message shows exactly this already: an edit to it would be
    /// refused as "not modified" (Telegram trims a text's outer white space).
    pub fn shows(&self, text: &str, keyboard: &InlineKeyboardMarkup) -> bool {
        self.shown().is_some_and(|message| {
            let text: String = text.chars().take(MAX_TEXT).collect();
            message.text() == Some(text.trim()) && message.reply_markup() == Some(keyboard)
        })
    }

    /// Whether the tapped message still has buttons to take off.
    pub fn has_buttons(&self) -> bool {
        let markup = self.shown().and_then(|message| message.reply_markup());
        markup.is_some_and(|markup| markup.inline_keyboard.iter().any(|row| !row.is_empty()))
    }
}
