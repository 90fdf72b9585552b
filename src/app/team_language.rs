//! A team's language: its lead's when the team is made, changed with `/teamlanguage`
//! (or on the lead's web page), and spoken to a member who comes through the team's link
//! and has not chosen a language: a Flemish lead's invite speaks Flemish from the first
//! message on, although Telegram reports plain `nl` for nearly everyone in Flanders.
//!
//! ```text
//! lead:    /teamlanguage            bot: Team "Onthaal" speaks Vlaams. [Nederlands] [Vlaams] [English]
//! lead:    (taps English)           bot: From now on team "Onthaal" speaks English …
//! member:  (opens the invite link)  bot: I speak English with you, as team "Onthaal" does. …
//! ```

use super::context::{Context, Result, team_args};
use super::{Action, App, Button, Part, Reply, Session};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::team::{Team, is_invite_code};

/// The language of the team whose invite code this is, when the person should speak it:
/// they have not chosen one themselves, and the team has one.
pub fn of_invite(app: &App, session: &Session, code: &str) -> Result<Option<Lang>> {
    if session.record.lang_chosen || !is_invite_code(code) {
        return Ok(None);
    }
    Ok(app.store.team_by_invite(code, false)?.and_then(|team| team.lang))
}

/// One line above an invite: which language this is and how to choose another (`how`:
/// the channel's way, `Msg::TeamLanguageHowTg` or `Msg::TeamLanguageHowWeb`), when the
/// person speaks it because of the team (and would otherwise be spoken to in another).
pub fn note(app: &App, session: &Session, team: &Team, how: Msg) -> Option<String> {
    let lang = session.state.lang;
    if session.record.lang_chosen || team.lang != Some(lang) || lang == session.detected {
        return None;
    }
    let presenter = app.presenter(lang);
    let mut args = team_args(team);
    args.push(("language", presenter.language_name(lang).into()));
    Some(format!("{} {}", presenter.msg_with(Msg::TeamLanguageNote, &args), presenter.msg(how)))
}

/// `/teamlanguage`, for one team: the language it speaks now, and a button per language.
pub fn offer(cx: &Context, session: &Session, team: &Team) -> Reply {
    let presenter = cx.presenter(session);
    let mut args = team_args(team);
    let now =
        team.lang.map_or_else(|| presenter.msg(Msg::TeamLanguageNone), |lang| presenter.language_name(lang));
    args.push(("language", now.into()));
    let text = presenter.msg_with(Msg::TeamLanguageOffer, &args);
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| Button {
            label: presenter.language_name(lang),
            action: Action::TeamLanguage { team: team.id.clone(), lang },
        })
        .collect();
    Reply { parts: vec![Part::text(text, vec![buttons])] }
}

/// A language picked for a team: its lead's to set. A forged or stale button gets the
/// stale-button answer before anything of the team is shown.
pub fn set(cx: &Context, session: &Session, team_id: &str, lang: Lang) -> Result<Reply> {
    let person = session.person.clone();
    let set = cx.app.store.update_team(team_id, |team| {
        let lead = team.is_lead(&person);
        if lead {
            team.lang = Some(lang);
        }
        lead.then(|| team.clone())
    })?;
    let Some(Some(team)) = set else { return Ok(cx.say(session, Msg::TgStaleButton, &[])) };
    let presenter = cx.presenter(session);
    let mut args = team_args(&team);
    args.push(("language", presenter.language_name(lang).into()));
    Ok(Reply::text(presenter.msg_with(Msg::TeamLanguageSet, &args)))
}
