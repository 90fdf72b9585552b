//! Team commands: creating teams, invites, rounds, the team result, export, reminders
//! and the organisation view.
//!
//! ```text
//! lead:    /newteam Burgerzaken      bot: link https://t.me/<bot>?start=join_<code>
//! member:  (opens the link)          bot: Join "Burgerzaken"? [Join the team]
//! member:  (taps)                    bot: Welcome! [Start or continue the quick scan]
//! lead:    /team                     bot: 3 of 8 finished: 2 more needed (fewer than 5)
//! lead:    /team                     bot: medians, spread, gaps + a chart (5 or more)
//! ```
//!
//! Everything a lead sees comes from the store's team queries, which only hand out
//! aggregates over enough people; this module only decides who asked and renders.

use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

use super::callback::{Callback, TeamAction};
use super::chat::{Turn, chat_of, lang_name, one_button, person_of};
use super::send::{is_opt_out, retrying};
use super::{HandlerResult, TgBot};
use crate::anonymity::MIN_DIFFERENCE;
use crate::chart;
use crate::engine::Event;
use crate::export;
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::Presenter;
use crate::random::{new_invite_code, team_seed};
use crate::store::{PersonId, TeamRefusal};
use crate::team::{Team, is_invite_code};
use crate::unix_now;

/// Deep-link payload prefixes: an invite, and a one-time lead invite.
const JOIN_PREFIX: &str = "join_";
const LEAD_PREFIX: &str = "lead_";
/// Longest team name, in characters.
const MAX_TEAM_NAME: usize = 64;

/// Handles a team command; `None` when `name` is not one.
pub(super) async fn command<B: TgBot>(
    turn: &mut Turn<B>,
    name: &str,
    argument: &str,
) -> Option<HandlerResult> {
    let action = match name {
        "newteam" => return Some(new_team(turn, argument).await),
        "teams" => return Some(list(turn).await),
        "org" => return Some(org(turn).await),
        "team" => TeamAction::Result,
        "invite" => TeamAction::Invite,
        "newinvite" => TeamAction::NewInvite,
        "newround" => TeamAction::NewRound,
        "export" => TeamAction::Export,
        "remind" => TeamAction::Remind,
        "addlead" => TeamAction::AddLead,
        "leave" => TeamAction::Leave,
        _ => return None,
    };
    Some(pick(turn, action).await)
}

/// Handles a team deep link (`/start join_<code>`, `/start lead_<code>`); `None` when
/// the payload is not one.
pub(super) async fn deep_link<B: TgBot>(turn: &mut Turn<B>, payload: &str) -> Option<HandlerResult> {
    if let Some(code) = payload.strip_prefix(JOIN_PREFIX) {
        return Some(offer_to_join(turn, code).await);
    }
    if let Some(code) = payload.strip_prefix(LEAD_PREFIX) {
        return Some(become_lead(turn, code).await);
    }
    None
}

/// Handles a team button.
pub(super) async fn callback<B: TgBot>(
    turn: &mut Turn<B>,
    query: &CallbackQuery,
    tapped: MessageId,
    callback: Callback,
) -> HandlerResult {
    match callback {
        Callback::Join(code) => join(turn, query, tapped, &code).await,
        Callback::Pick { action, team } => {
            turn.answer_callback(query, None).await;
            turn.strip_keyboard(tapped).await;
            run(turn, action, &team).await
        }
        Callback::StartScan => {
            turn.answer_callback(query, None).await;
            let transition = turn.step(Event::Start)?;
            turn.show(&transition.output).await
        }
        Callback::Reminders(on) => {
            turn.record.reminders_off = !on;
            turn.save()?;
            turn.answer_callback(query, None).await;
            let (text, keyboard) = settings(turn);
            turn.edit(tapped, text, Some(keyboard)).await?;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The /settings text and buttons: language and team reminders.
pub(super) fn settings<B: TgBot>(turn: &Turn<B>) -> (String, InlineKeyboardMarkup) {
    let language = turn.msg(lang_name(turn.state.lang));
    let reminders = turn.msg(if turn.record.reminders_off {
        Msg::SettingsRemindersOff
    } else {
        Msg::SettingsRemindersOn
    });
    let text = format!(
        "{}\n{reminders}",
        turn.presenter().msg_with(Msg::TgSettings, &[("language", language.into())])
    );
    let (label, on) = if turn.record.reminders_off {
        (Msg::SettingsRemindersTurnOn, true)
    } else {
        (Msg::SettingsRemindersTurnOff, false)
    };
    let mut rows = turn.language_keyboard().inline_keyboard;
    rows.push(vec![InlineKeyboardButton::callback(turn.msg(label), Callback::Reminders(on).encode())]);
    (text, InlineKeyboardMarkup::new(rows))
}

fn link<B: TgBot>(turn: &Turn<B>, prefix: &str, code: &str) -> String {
    format!("https://t.me/{}?start={prefix}{code}", turn.app.username)
}

fn team_args(team: &Team) -> Vec<(&'static str, Arg)> {
    vec![("team", team.name.as_str().into())]
}

/// The team, its round and how many of its members have finished.
fn progress_args(team: &Team, respondents: usize) -> Vec<(&'static str, Arg)> {
    let mut args = team_args(team);
    args.extend([
        ("round", team.current_round().number.into()),
        ("respondents", respondents.into()),
        ("members", team.members.len().into()),
    ]);
    args
}

async fn say<B: TgBot>(turn: &mut Turn<B>, msg: Msg, args: &[(&str, Arg)]) -> HandlerResult {
    let text = turn.presenter().msg_with(msg, args);
    turn.say(text, None).await?;
    Ok(())
}

async fn new_team<B: TgBot>(turn: &mut Turn<B>, name: &str) -> HandlerResult {
    turn.save()?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_TEAM_NAME {
        return say(turn, Msg::TeamNameMissing, &[]).await;
    }
    let team = Team::new(name, turn.person.clone(), unix_now(), team_seed());
    turn.app.store.create_team(&team)?;
    let mut args = team_args(&team);
    args.push(("link", link(turn, JOIN_PREFIX, &team.invite).into()));
    say(turn, Msg::TeamCreated, &args).await
}

async fn list<B: TgBot>(turn: &mut Turn<B>) -> HandlerResult {
    turn.save()?;
    let teams = turn.app.store.teams_of(&turn.person)?;
    if teams.is_empty() {
        return say(turn, Msg::TeamListEmpty, &[]).await;
    }
    let presenter = turn.presenter();
    let mut lines = vec![presenter.msg(Msg::TeamListTitle)];
    for team in &teams {
        let role = if team.is_lead(&turn.person) { Msg::TeamListLead } else { Msg::TeamListMember };
        lines.push(presenter.msg_with(role, &team_args(team)));
    }
    let text = lines.join("\n");
    turn.say(text, None).await?;
    Ok(())
}

/// Runs an action on the person's team, or asks which team when there are several.
async fn pick<B: TgBot>(turn: &mut Turn<B>, action: TeamAction) -> HandlerResult {
    turn.save()?;
    let person = turn.person.clone();
    let teams: Vec<Team> = turn
        .app
        .store
        .teams_of(&person)?
        .into_iter()
        .filter(|team| action == TeamAction::Leave || team.is_lead(&person))
        .collect();
    match teams.as_slice() {
        [] if action == TeamAction::Leave => say(turn, Msg::TeamNotMember, &[]).await,
        [] => say(turn, Msg::TeamNotLead, &[]).await,
        [team] => run(turn, action, &team.id.clone()).await,
        several => {
            let rows = several
                .iter()
                .map(|team| {
                    let data = Callback::Pick { action, team: team.id.clone() }.encode();
                    vec![InlineKeyboardButton::callback(team.name.clone(), data)]
                })
                .collect::<Vec<_>>();
            turn.say(turn.msg(Msg::TeamPick), Some(InlineKeyboardMarkup::new(rows))).await?;
            Ok(())
        }
    }
}

async fn run<B: TgBot>(turn: &mut Turn<B>, action: TeamAction, team_id: &str) -> HandlerResult {
    let store = turn.app.store.clone();
    let Some(team) = store.team(team_id)? else { return say(turn, Msg::TgStaleButton, &[]).await };
    let is_lead = team.is_lead(&turn.person);
    match action {
        TeamAction::Leave => return leave(turn, team).await,
        _ if !is_lead => return say(turn, Msg::TeamNotLead, &[]).await,
        TeamAction::Result => return result(turn, &team).await,
        TeamAction::Export => return export(turn, &team).await,
        TeamAction::Remind => return remind(turn, &team).await,
        TeamAction::Invite | TeamAction::NewInvite => {}
        TeamAction::NewRound => {
            let flow = turn.app.content.default_flow();
            let Some(round) = store.new_round(flow, team_id, turn.app.rules, unix_now())? else {
                return say(turn, Msg::TgStaleButton, &[]).await;
            };
            let mut args = team_args(&team);
            args.extend([("round", round.into()), ("previous", (round - 1).into())]);
            return say(turn, Msg::TeamRoundOpened, &args).await;
        }
        TeamAction::AddLead => {
            let code = new_invite_code();
            store.update_team(team_id, |team| team.lead_invite = Some(code.clone()))?;
            let mut args = team_args(&team);
            args.push(("link", link(turn, LEAD_PREFIX, &code).into()));
            return say(turn, Msg::TeamLeadInvite, &args).await;
        }
    }
    let mut invite = team.invite.clone();
    if action == TeamAction::NewInvite {
        invite = new_invite_code();
        store.update_team(team_id, |team| team.invite = invite.clone())?;
    }
    let mut args = team_args(&team);
    args.push(("link", link(turn, JOIN_PREFIX, &invite).into()));
    let msg = if action == TeamAction::NewInvite { Msg::TeamNewInvite } else { Msg::TeamInvite };
    say(turn, msg, &args).await
}

async fn result<B: TgBot>(turn: &mut Turn<B>, team: &Team) -> HandlerResult {
    let flow = turn.app.content.default_flow();
    let outcome = turn.app.store.team_result(flow, &team.id, &turn.person, turn.app.rules)?;
    match outcome {
        Ok(result) => {
            let presenter = turn.presenter();
            let text = presenter.team_result(&result);
            let (rows, labels) = presenter.team_chart(&result);
            let caption = labels.title.clone();
            turn.say(text, None).await?;
            let png = chart::profile_png(&rows, &labels)?;
            turn.send_photo(png, "peilbot-team.png", caption).await
        }
        Err(TeamRefusal::TooFew { respondents, needed }) => {
            let mut args = progress_args(team, respondents);
            args.extend([("needed", needed.into()), ("more", (needed - respondents).into())]);
            say(turn, Msg::TeamTooFew, &args).await
        }
        Err(TeamRefusal::Held { respondents }) => {
            let mut args = progress_args(team, respondents);
            args.push(("step", MIN_DIFFERENCE.into()));
            say(turn, Msg::TeamHeld, &args).await
        }
        Err(_) => say(turn, Msg::TeamNotLead, &[]).await,
    }
}

async fn export<B: TgBot>(turn: &mut Turn<B>, team: &Team) -> HandlerResult {
    let (flow, locales, lang) = (turn.app.content.default_flow(), &turn.app.content.locales, turn.state.lang);
    let rounds = match turn.app.store.team_export(flow, &team.id, &turn.person, turn.app.rules)? {
        Ok(rounds) => rounds,
        Err(_) => return say(turn, Msg::TeamNotLead, &[]).await,
    };
    if rounds.is_empty() {
        return say(turn, Msg::TeamExportEmpty, &team_args(team)).await;
    }
    let rows = export::rows(flow, locales, lang, &team.name, &rounds);
    let csv = export::csv(&rows, locales, lang)?;
    let xlsx = export::xlsx(&rows, locales, lang)?;
    let json = export::json(&rows)?;
    let caption = turn.presenter().msg_with(Msg::TeamExportCaption, &team_args(team));
    turn.send_document(csv, "peilbot-team.csv", caption).await?;
    turn.send_document(xlsx, "peilbot-team.xlsx", String::new()).await?;
    turn.send_document(json, "peilbot-team.json", String::new()).await
}

async fn remind<B: TgBot>(turn: &mut Turn<B>, team: &Team) -> HandlerResult {
    let flow = turn.app.content.default_flow();
    let due = match turn.app.store.take_reminders(flow, &team.id, &turn.person, unix_now())? {
        Ok(due) => due,
        Err(_) => return say(turn, Msg::TeamNotLead, &[]).await,
    };
    let mut sent = 0usize;
    for member in due {
        if nudge(turn, &member, team).await? {
            sent += 1;
        }
    }
    let mut args = team_args(team);
    args.extend([("count", sent.into()), ("round", team.current_round().number.into())]);
    say(turn, Msg::RemindSent, &args).await
}

/// One short nudge in the member's own language; a member who blocked the bot is
/// marked unreachable and not tried again.
async fn nudge<B: TgBot>(
    turn: &Turn<B>,
    member: &PersonId,
    team: &Team,
) -> Result<bool, crate::store::StoreError> {
    let Some(chat) = chat_of(member) else { return Ok(false) };
    let store = &turn.app.store;
    let mut person = store.person(member)?;
    let lang = person.lang.unwrap_or(Lang::En);
    let presenter = Presenter::new(&turn.app.content, turn.app.content.default_flow(), lang);
    let text = presenter.msg_with(
        Msg::RemindNudge,
        &[("team", team.name.as_str().into()), ("min", turn.app.rules.min_respondents().into())],
    );
    let keyboard = one_button(presenter.msg(Msg::TeamStartScanButton), Callback::StartScan);
    let result =
        retrying(|| turn.bot.send_message(chat, text.clone()).reply_markup(keyboard.clone()).send()).await;
    match result {
        Ok(_) => Ok(true),
        Err(err) if is_opt_out(&err) => {
            person.unreachable = true;
            store.commit(member, &crate::store::Commit { person: Some(person), ..Default::default() })?;
            Ok(false)
        }
        Err(err) => {
            tracing::warn!(%err, "a reminder could not be sent");
            Ok(false)
        }
    }
}

async fn leave<B: TgBot>(turn: &mut Turn<B>, team: Team) -> HandlerResult {
    let person = turn.person.clone();
    let outcome = turn.app.store.update_team(&team.id, |team| {
        if !team.members.contains(&person) {
            return Msg::TeamNotMember;
        }
        if team.is_lead(&person) && team.leads.len() == 1 && team.members.len() > 1 {
            return Msg::TeamLastLead;
        }
        team.members.remove(&person);
        team.leads.remove(&person);
        Msg::TeamLeft
    })?;
    say(turn, outcome.unwrap_or(Msg::TeamNotMember), &team_args(&team)).await
}

async fn offer_to_join<B: TgBot>(turn: &mut Turn<B>, code: &str) -> HandlerResult {
    turn.save()?;
    let team = if is_invite_code(code) { turn.app.store.team_by_invite(code, false)? } else { None };
    let Some(team) = team else { return say(turn, Msg::TgInvalidLink, &[]).await };
    if team.members.contains(&turn.person) {
        let text = turn.presenter().msg_with(Msg::TeamAlreadyMember, &team_args(&team));
        turn.say(text, Some(start_scan_keyboard(turn))).await?;
        return Ok(());
    }
    let mut args = team_args(&team);
    args.push(("min", turn.app.rules.min_respondents().into()));
    let text = turn.presenter().msg_with(Msg::TeamJoinConfirm, &args);
    let keyboard = one_button(turn.msg(Msg::TeamJoinButton), Callback::Join(code.to_string()));
    turn.say(text, Some(keyboard)).await?;
    Ok(())
}

async fn join<B: TgBot>(
    turn: &mut Turn<B>,
    query: &CallbackQuery,
    tapped: MessageId,
    code: &str,
) -> HandlerResult {
    let store = turn.app.store.clone();
    let person = turn.person.clone();
    // Checked again under the team lock: the link may have been replaced meanwhile.
    let joined = match store.team_by_invite(code, false)? {
        Some(team) => {
            let join = |team: &mut Team| {
                let valid = team.invite == code;
                if valid {
                    team.members.insert(person.clone());
                }
                valid
            };
            store.update_team(&team.id, join)?.unwrap_or(false).then_some(team)
        }
        None => None,
    };
    turn.save()?;
    let Some(team) = joined else {
        turn.answer_callback(query, Some(turn.msg(Msg::TgInvalidLink))).await;
        turn.strip_keyboard(tapped).await;
        return Ok(());
    };
    turn.answer_callback(query, None).await;
    let text = turn.presenter().msg_with(Msg::TeamJoined, &team_args(&team));
    let keyboard = start_scan_keyboard(turn);
    turn.edit(tapped, text, Some(keyboard)).await?;
    Ok(())
}

async fn become_lead<B: TgBot>(turn: &mut Turn<B>, code: &str) -> HandlerResult {
    turn.save()?;
    let team = if is_invite_code(code) { turn.app.store.team_by_invite(code, true)? } else { None };
    let Some(team) = team else { return say(turn, Msg::TgInvalidLink, &[]).await };
    let person = turn.person.clone();
    let outcome = turn.app.store.update_team(&team.id, |team| {
        if team.lead_invite.as_deref() != Some(code) {
            return Msg::TgInvalidLink;
        }
        if !team.members.contains(&person) {
            return Msg::TeamLeadNotMember;
        }
        team.leads.insert(person.clone());
        team.lead_invite = None;
        Msg::TeamLeadAdded
    })?;
    say(turn, outcome.unwrap_or(Msg::TgInvalidLink), &team_args(&team)).await
}

async fn org<B: TgBot>(turn: &mut Turn<B>) -> HandlerResult {
    turn.save()?;
    if !turn.app.admins.iter().any(|admin| person_of(*admin) == turn.person) {
        return say(turn, Msg::OrgNotAdmin, &[]).await;
    }
    let flow = turn.app.content.default_flow();
    let rows = turn.app.store.org_view(flow, turn.app.rules)?;
    if rows.is_empty() {
        return say(turn, Msg::OrgNone, &[]).await;
    }
    let presenter = turn.presenter();
    let columns: Vec<String> = (0..flow.dimensions.len()).map(|d| presenter.dimension_name(d)).collect();
    let title = presenter.msg_with(Msg::OrgTitle, &[("min", turn.app.rules.min_respondents().into())]);
    let mut lines = vec![title.clone()];
    let header: Vec<String> = flow.dimensions.iter().map(|d| d.id.to_uppercase()).collect();
    lines.push(String::new());
    lines.push(header.join(" · "));
    let mut cells = Vec::new();
    let mut names = Vec::new();
    for (team, stats) in &rows {
        let values: Vec<Option<f64>> = stats.dimensions.iter().map(|d| d.current).collect();
        let shown: Vec<String> =
            values.iter().map(|v| v.map_or("-".to_string(), |v| presenter.number(v))).collect();
        lines.push(format!("{team}: {}", shown.join(" · ")));
        names.push(team.clone());
        cells.push(values);
    }
    let text = lines.join("\n");
    let png = chart::heatmap_png(&title, &names, &columns, &cells, |v| presenter.number(v))?;
    turn.say(text, None).await?;
    turn.send_photo(png, "peilbot-org.png", String::new()).await
}

fn start_scan_keyboard<B: TgBot>(turn: &Turn<B>) -> InlineKeyboardMarkup {
    one_button(turn.msg(Msg::TeamStartScanButton), Callback::StartScan)
}
