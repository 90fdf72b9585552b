//! The records the store keeps for a person besides their answers, and what one event
//! changes ([`Commit`]).

use serde::{Deserialize, Serialize};

use crate::engine::{Response, Scan};
use crate::lang::Lang;

/// What we keep about a person besides their answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The person's language: the one their app reported at first contact, or the one
    /// they chose since; `None` only in records from before languages were kept.
    pub lang: Option<Lang>,
    /// The person chose `lang` themselves (a language button, `taal`, the web switcher);
    /// until then a team's link may set it to the team's language.
    #[serde(default)]
    pub lang_chosen: bool,
    /// The chat message that shows the current question (Telegram edits it in place).
    #[serde(default)]
    pub question_message: Option<i32>,
    /// The person blocked the bot: write to them only when they write to us again.
    #[serde(default)]
    pub unreachable: bool,
    /// The person turned team reminders off in /settings.
    #[serde(default)]
    pub reminders_off: bool,
    /// The one-time code of the last /forget confirmation sent to the person: only a tap
    /// that carries it deletes anything.
    #[serde(default)]
    pub forget_code: Option<String>,
    /// When the person was shown the privacy notice (first contact); `None` until then.
    #[serde(default)]
    pub noticed_at: Option<u64>,
}

/// A nudge (a reminder, a round notice) made outside working hours, to be sent when they
/// begin: in the member's language as it was made, with the label of its start button.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuedNudge {
    pub team: String,
    pub queued_at: u64,
    pub text: String,
    pub button: String,
}

/// Everything one event changes, written at once.
#[derive(Debug, Clone, Default)]
pub struct Commit {
    pub person: Option<Person>,
    /// `Some(None)` deletes the scan in progress.
    pub scan: Option<Option<Scan>>,
    pub completed: Option<Response>,
    /// The update that caused this change, so a second delivery is recognised.
    pub update: Option<String>,
}
