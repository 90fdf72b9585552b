//! The command menu and `/help` per role: everyone's menu is the default (per
//! language); a lead's or an admin's private chat gets a menu of its own (a chat scope,
//! in the person's language), set when they become one and at start-up.

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

use super::commands::menu;
use super::turn::{TgBot, chat_of};
use crate::app::{App, Roles};
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;

/// The menu entries for these roles, described in `lang`.
pub fn commands(locales: &Locales, lang: Lang, roles: Roles) -> Vec<BotCommand> {
    menu(roles)
        .into_iter()
        .map(|(name, description)| BotCommand::new(name, locales.msg(lang, description)))
        .collect()
}

/// `/help`: exactly the commands this person may use, in their language.
pub fn help(locales: &Locales, lang: Lang, roles: Roles) -> String {
    let mut lines = vec![locales.msg(lang, Msg::TgHelp)];
    lines.extend(
        menu(roles)
            .into_iter()
            .map(|(name, description)| format!("/{name} {}", locales.msg(lang, description))),
    );
    lines.join("\n")
}

/// Gives a person's private chat the menu of their roles now, in `lang` (their stored
/// language when `None`); without a role of their own, the chat's own menu is removed
/// so the default one shows. Failures are logged: the bot works without menus.
pub async fn refresh<B: TgBot>(bot: &B, app: &App, person: &PersonId, lang: Option<Lang>) {
    let Some(chat) = chat_of(person) else { return };
    let roles = match app.roles(person) {
        Ok(roles) => roles,
        Err(err) => return tracing::warn!(%err, "could not read a person's roles for their menu"),
    };
    let lang = lang.or_else(|| app.store.person(person).ok()?.lang).unwrap_or(Lang::En);
    let scope = BotCommandScope::Chat { chat_id: Recipient::Id(chat) };
    let result = if roles.any() {
        bot.set_my_commands(commands(&app.content.locales, lang, roles)).scope(scope).await.map(drop)
    } else {
        bot.delete_my_commands().scope(scope).await.map(drop)
    };
    if let Err(err) = result {
        tracing::warn!(%err, "could not set a chat's command menu");
    }
}

/// At start-up: the menus of every lead and admin.
pub async fn refresh_all<B: TgBot>(bot: &B, app: &App) {
    match app.people_with_roles() {
        Ok(people) => {
            for person in people {
                refresh(bot, app, &person, None).await;
            }
        }
        Err(err) => tracing::warn!(%err, "could not list leads and admins for their menus"),
    }
}

/// A menu refresh to run once a turn that may change the person's roles is done.
pub struct Refresh<B> {
    bot: B,
    shared: std::sync::Arc<super::Shared>,
    person: PersonId,
    lang: Lang,
}

impl<B: TgBot> Refresh<B> {
    pub fn after(turn: &super::turn::Turn<B>) -> Refresh<B> {
        Refresh {
            bot: turn.bot.clone(),
            shared: turn.shared.clone(),
            person: turn.session.person.clone(),
            lang: turn.session.state.lang,
        }
    }

    pub async fn run(self) {
        refresh(&self.bot, &self.shared.app, &self.person, Some(self.lang)).await;
    }

    /// Only for a person with a menu of their own (after a change of language).
    pub async fn relabel(self) {
        if self.shared.app.roles(&self.person).is_ok_and(|roles| roles.any()) {
            self.run().await;
        }
    }
}
