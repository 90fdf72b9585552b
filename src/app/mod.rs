//! The application layer: what every channel (the terminal, Telegram, a future Matrix
//! or Teams bot) does the same way, written once.
//!
//! - [`Session`] is one person's turn: load what is stored, run an engine step, commit
//!   it (flushed) before any reply, and hand back what to show.
//! - [`teams`] holds the team operations (create, join, rounds, results, export,
//!   reminders) as functions that return a [`Reply`]: texts, files and
//!   buttons as [`Action`]s, never a Telegram type; [`org`] the organisation view.
//!
//! A channel only translates: its input into an [`Event`](crate::engine::Event) or a team
//! operation, a [`Reply`] into its own messages.

pub mod action;
pub mod org;
pub mod privacy;
pub mod reply;
pub mod roles;
pub mod session;
pub mod teams;

pub use action::{Action, TeamAction};
pub use reply::{Button, Part, Reply};
pub use roles::{Audience, Roles};
pub use session::Session;

use crate::anonymity::Rules;
use crate::content::Content;
use crate::person::PersonId;
use crate::present::Presenter;
use crate::store::Store;

/// What every channel shares: the words and flows, the store, and the rules.
pub struct App {
    pub content: Content,
    pub store: Store,
    /// The anonymity thresholds every team view goes through.
    pub rules: Rules,
    /// Organisation admins, who may see the org view.
    pub admins: Vec<PersonId>,
    /// Completed responses are deleted this many days after they were completed.
    pub retention_days: u32,
}

impl App {
    pub fn flow(&self) -> &crate::flow::Flow {
        self.content.default_flow()
    }

    pub fn presenter(&self, lang: crate::lang::Lang) -> Presenter<'_> {
        Presenter::new(&self.content, self.flow(), lang)
    }
}
