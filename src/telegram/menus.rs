//! The command menu and `/help` per role: everyone's menu is the default (per
//! language); a lead's or an admin's private chat gets a menu of its own (a chat scope,
//! in the person's language), set when they become one, and at start-up only when what
//! the menus say changed since they were last set: Telegram keeps them.

use std::hash::Hasher;
use std::sync::Arc;

use siphasher::sip128::{Hasher128, SipHasher13};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

use super::Shared;
use super::commands::menu;
use super::turn::{TgBot, chat_of};
use crate::app::{App, Roles};
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::pool::off_async;

/// The roles that get a chat menu of their own.
const OWN_MENUS: [Roles; 3] = [
    Roles { lead: true, admin: false },
    Roles { lead: false, admin: true },
    Roles { lead: true, admin: true },
];

/// Serialises menu changes, from reading a person's roles to Telegram's answer, so the
/// menu set last is always the one of their latest roles (a turn that changes them and
/// the start-up refresh may overlap).
static SETTING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The menu entries for these roles, described in `lang`.
pub fn commands(locales: &Locales, lang: Lang, roles: Roles) -> Vec<BotCommand> {
    menu(roles)
        .into_iter()
        .map(|(name, description)| BotCommand::new(name, locales.msg(lang, description)))
        .collect()
}

/// What most people need first, in this order; each role adds its own first.
const FIRST: [&str; 5] = ["scan", "back", "snapshot", "language", "privacy"];
const FIRST_FOR_LEADS: [&str; 2] = ["team", "invite"];
const FIRST_FOR_ADMINS: [&str; 1] = ["org"];

/// `/help` on a phone: the five things most people need first, then what the person's
/// roles need first, then a line that says the rest is under "More" (see [`help`]).
pub fn short_help(locales: &Locales, lang: Lang, roles: Roles) -> String {
    let first: Vec<&str> = FIRST
        .into_iter()
        .chain(FIRST_FOR_LEADS.into_iter().filter(|_| roles.lead))
        .chain(FIRST_FOR_ADMINS.into_iter().filter(|_| roles.admin))
        .collect();
    let mut lines = vec![locales.msg(lang, Msg::TgHelp)];
    let commands = menu(roles);
    lines.extend(first.iter().filter_map(|wanted| {
        let (name, description) = commands.iter().find(|(name, _)| name == wanted)?;
        Some(format!("/{name} {}", locales.msg(lang, *description)))
    }));
    lines.push(locales.msg(lang, Msg::TgHelpMore));
    lines.join("\n")
}

/// `/help`, all of it: exactly the commands this person may use, in their language.
pub fn help(locales: &Locales, lang: Lang, roles: Roles) -> String {
    let mut lines = vec![locales.msg(lang, Msg::TgHelp)];
    lines.extend(
        menu(roles)
            .into_iter()
            .map(|(name, description)| format!("/{name} {}", locales.msg(lang, description))),
    );
    lines.join("\n")
}

/// What every chat menu would say, in one value: each role's commands in each language,
/// and who the admins are (the admin list comes from the configuration, so it can change
/// between runs without any turn). SipHash 1-3 over the bytes, so it is the same in every
/// build and run.
pub fn fingerprint(app: &App) -> String {
    let mut hasher = SipHasher13::new();
    let mut write = |text: &str| {
        hasher.write(text.as_bytes());
        hasher.write_u8(0);
    };
    for lang in Lang::ALL {
        for roles in OWN_MENUS {
            write(&format!("{} lead={} admin={}", lang.tag(), roles.lead, roles.admin));
            for command in commands(&app.content.locales, lang, roles) {
                write(&command.command);
                write(&command.description);
            }
        }
    }
    let mut admins: Vec<&PersonId> = app.admins.iter().collect();
    admins.sort();
    for admin in admins {
        write(&admin.0);
    }
    format!("{:032x}", hasher.finish128().as_u128())
}

/// Gives a person's private chat the menu of their roles now, in `lang` (their stored
/// language when `None`); without a role of their own, the chat's own menu is removed
/// so the default one shows. Failures are logged (the bot works without menus); returns
/// whether Telegram took the change.
pub async fn refresh<B: TgBot>(bot: &B, shared: &Arc<Shared>, person: &PersonId, lang: Option<Lang>) -> bool {
    let Some(chat) = chat_of(person) else { return true };
    let _setting = SETTING.lock().await;
    let (shared_now, who) = (shared.clone(), person.clone());
    let read = off_async(move || {
        let app = &shared_now.app;
        let roles = app.roles(&who)?;
        let lang = lang.or_else(|| app.store.person(&who).ok()?.lang).unwrap_or(Lang::En);
        anyhow::Ok((roles, lang))
    });
    let (roles, lang) = match read.await {
        Ok(read) => read,
        Err(err) => {
            tracing::warn!(%err, "could not read a person's roles for their menu");
            return false;
        }
    };
    let scope = BotCommandScope::Chat { chat_id: Recipient::Id(chat) };
    let result = if roles.any() {
        bot.set_my_commands(commands(&shared.app.content.locales, lang, roles)).scope(scope).await.map(drop)
    } else {
        bot.delete_my_commands().scope(scope).await.map(drop)
    };
    if let Err(err) = &result {
        tracing::warn!(%err, "could not set a chat's command menu");
    }
    result.is_ok()
}

/// At start-up (beside the first polls): the menus of every lead and admin, when what
/// they say differs from the fingerprint kept in the store; `None` when it does not, else
/// how many chats were given theirs. The fingerprint is kept only once every one of
/// them was set, so a run that could not reach Telegram tries again at the next start.
pub async fn refresh_changed<B: TgBot>(bot: &B, shared: &Arc<Shared>) -> anyhow::Result<Option<usize>> {
    let fingerprint = fingerprint(&shared.app);
    let (app, wanted) = (shared.clone(), fingerprint.clone());
    let people = off_async(move || {
        if app.app.store.menus_fingerprint()?.as_deref() == Some(wanted.as_str()) {
            return anyhow::Ok(None);
        }
        app.app.people_with_roles().map(Some)
    })
    .await?;
    let Some(people) = people else { return Ok(None) };
    let mut all_set = true;
    let mut chats = 0;
    for person in &people {
        chats += usize::from(chat_of(person).is_some());
        all_set &= refresh(bot, shared, person, None).await;
    }
    if all_set {
        let app = shared.clone();
        off_async(move || app.app.store.set_menus_fingerprint(&fingerprint)).await?;
    }
    Ok(Some(chats))
}

/// A menu refresh to run once a turn that may change the person's roles is done.
pub struct Refresh<B> {
    bot: B,
    shared: Arc<Shared>,
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
        refresh(&self.bot, &self.shared, &self.person, Some(self.lang)).await;
    }

    /// Only for a person with a menu of their own (after a change of language).
    pub async fn relabel(self) {
        let (shared, person) = (self.shared.clone(), self.person.clone());
        if off_async(move || shared.app.roles(&person)).await.is_ok_and(|roles| roles.any()) {
            self.run().await;
        }
    }
}
