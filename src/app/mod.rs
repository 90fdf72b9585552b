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
pub mod catalog;
pub mod context;
pub mod conversation;
pub mod deployment;
pub mod history;
pub mod names;
mod nudges;
pub mod org;
pub mod privacy;
pub mod reply;
pub mod roles;
pub mod session;
pub mod sign_in;
pub mod team_language;
mod team_results;
pub mod teams;

pub use action::{Action, TeamAction};
pub use deployment::Deployment;
pub use reply::{Button, Part, Reply};
pub use roles::{Audience, Roles};
pub use session::Session;

use crate::anonymity::Rules;
use crate::content::Content;
use crate::engine::State;
use crate::flow::Flow;
use crate::lang::Lang;
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
    /// The web channel's public address (`--web-url`), for links to it from any channel.
    pub web_url: Option<url::Url>,
    /// Who is responsible for the data, and the organisation's language.
    pub deployment: Deployment,
}

/// An absolute link to a page of the web channel at `base`.
pub fn web_link_on(base: &url::Url, path: &str) -> String {
    format!("{}{path}", base.as_str().trim_end_matches('/'))
}

impl App {
    /// An absolute link to a page of the web channel, when it has a public address.
    pub fn web_link(&self, path: &str) -> Option<String> {
        Some(web_link_on(self.web_url.as_ref()?, path))
    }
}

impl App {
    /// The default flow (the quick scan).
    pub fn flow(&self) -> &Flow {
        self.content.default_flow()
    }

    /// A flow of the catalog by id.
    pub fn flow_by_id(&self, id: &str) -> Option<&Flow> {
        self.content.flow(id)
    }

    /// The flow a person's turn is about: the one of their scan in progress, else the
    /// default one.
    pub fn flow_of(&self, state: &State) -> &Flow {
        state.scan.as_ref().and_then(|scan| self.flow_by_id(&scan.flow_id)).unwrap_or_else(|| self.flow())
    }

    /// The flow a channel shows: the scan in progress's, else `stepped` (the flow of the
    /// last step, which a scan that just finished no longer names), else the default one.
    pub fn flow_in_view(&self, state: &State, stepped: Option<&str>) -> &Flow {
        match (&state.scan, stepped) {
            (Some(_), _) => self.flow_of(state),
            (None, Some(id)) => self.flow_by_id(id).unwrap_or_else(|| self.flow()),
            (None, None) => self.flow(),
        }
    }

    /// A presenter for the default flow.
    pub fn presenter(&self, lang: Lang) -> Presenter<'_> {
        Presenter::new(&self.content, self.flow(), lang)
    }

    pub fn presenter_for<'a>(&'a self, flow: &'a Flow, lang: Lang) -> Presenter<'a> {
        Presenter::new(&self.content, flow, lang)
    }
}
