//! A person's own conversation, decided once for every channel: what `/scan` comes to,
//! the question on screen with its choices, which tap counts, the confirmations before
//! what cannot be undone, and the snapshot. A channel renders these values (buttons in
//! Telegram, numbered lines in a terminal, a form on the web) and carries the person's
//! choice back as the [`Action`] each choice names.
//!
//! ```text
//! person: /scan               app: ScanStep::Menu (several flows, or one finished before)
//! person: /scan aiscan        app: ScanStep::Go(aiscan, Start): the engine's first question
//! person: (taps choice 3)     app: scan_event → Event::Answer, if it is the current question
//! person: /cancel             app: Confirmation "Your 4 answers are deleted." [Yes] [No]
//! ```

use super::{Action, App, Button, Part, Reply, Session, catalog, history};
use crate::engine::{Event, QuestionView, State};
use crate::flow::{Answer, Flow};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::Sectioned;
use crate::score::Snapshot;
use crate::store::StoreError;

/// What the person asked for: a whole request of any channel. Each channel maps its own
/// input (a Telegram command, a typed word, a web form) onto it, and every variant is
/// handled by every channel: adding one does not compile until it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `/start`, with a deep link's payload (empty without one).
    Start(String),
    /// `/scan`, with a flow id (empty for the menu or the scan in progress).
    Scan(String),
    Back,
    Snapshot,
    History,
    Language,
    Settings,
    Cancel,
    Help,
    Privacy,
    MyData,
    Forget,
    /// Team work: the operations of `app::teams`.
    Team(TeamRequest),
}

/// The team and lead requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamRequest {
    /// `/teams`: the person's teams.
    List,
    /// `/newteam NAME`.
    New(String),
    /// `/org`: the organisation view (admins).
    Org,
    /// `/report`, or `/report org`.
    Report(String),
    /// An action on one of the person's teams (which one is asked when there are several).
    On(super::TeamAction),
    /// `/weblink`: a one-time link to the same results in a browser (leads).
    WebLink,
}

/// What asking for a scan comes to.
#[derive(Debug, Clone)]
pub enum ScanStep {
    /// A menu to choose from (flows, or the question before one scan replaces another).
    Menu(catalog::Menu),
    /// Run this engine event on the flow with this id (a flow of the catalog).
    Go(String, Event),
}

/// `/scan` (`id` empty) or `/scan ID`: the scan in progress goes on; otherwise, with more
/// than one flow (or after a finished scan) the menu of flows, else the one flow. Asking
/// for another flow than the one in progress asks first.
pub fn scan(app: &App, session: &Session, id: &str) -> Result<ScanStep, StoreError> {
    let (state, id) = (&session.state, id.trim());
    if !id.is_empty() {
        return Ok(choose(app, state, id));
    }
    if state.scan.is_some() {
        let (flow, event) = catalog::resume(app, state);
        return Ok(ScanStep::Go(flow.id.clone(), event));
    }
    let finished_before = app.store.latest_response(&session.person)?.is_some();
    if catalog::offers_menu(app, state, finished_before) {
        let asked = super::context::rounds_asked(app, &session.person)?;
        return Ok(ScanStep::Menu(catalog::menu(app, state, state.lang, &asked)));
    }
    let (flow, event) = catalog::resume(app, state);
    Ok(ScanStep::Go(flow.id.clone(), event))
}

/// Asking for one flow: start or resume it, or ask first when another is in progress.
pub fn choose(app: &App, state: &State, id: &str) -> ScanStep {
    match catalog::choose(app, state, id) {
        None => ScanStep::Menu(catalog::unknown(app, state, state.lang, id)),
        Some(catalog::Choice::Confirm { current, wanted }) => {
            ScanStep::Menu(catalog::confirm(app, state, state.lang, current, wanted))
        }
        Some(catalog::Choice::Go(flow, event)) => ScanStep::Go(flow.id.clone(), event),
    }
}

/// A choice from a menu of flows: `Scan(id)` asks for that flow, `ScanInstead(id)` is the
/// confirmed replacement of the scan in progress. Anything else is not a menu choice.
pub fn picked(app: &App, state: &State, action: &Action) -> Option<ScanStep> {
    match action {
        Action::Scan(id) => Some(choose(app, state, id)),
        Action::ScanInstead(id) => Some(match app.flow_by_id(id) {
            Some(flow) => ScanStep::Go(flow.id.clone(), Event::StartInstead),
            None => ScanStep::Menu(catalog::unknown(app, state, state.lang, id)),
        }),
        _ => None,
    }
}

/// The question on screen, for any channel to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What the engine said first (a refusal, "language changed"), in the person's words.
    pub notices: Vec<String>,
    /// Progress, theme and statement.
    pub text: String,
    pub choices: Vec<Choice>,
    /// Back to the question before, when there is one.
    pub back: Option<Action>,
    /// Whether "don't know" is among the choices.
    pub skippable: bool,
    /// The flow's id of the question, for typed answers.
    pub id: String,
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    /// The level it stands for on a scale (a button shows "3 · Agreed").
    pub level: Option<u8>,
    /// The answer given before, when the person came back to the question.
    pub chosen: bool,
    pub action: Action,
}

/// The question in view, in the person's language, with what each choice does.
pub fn question(app: &App, flow: &Flow, lang: Lang, view: &QuestionView, notices: &[Msg]) -> Question {
    let presenter = app.presenter_for(flow, lang);
    let index = u16::try_from(view.question).unwrap_or(u16::MAX);
    let choices = presenter
        .choices(view)
        .into_iter()
        .enumerate()
        .map(|(choice, label)| Choice {
            label: label.label,
            level: label.level,
            chosen: label.chosen,
            action: Action::Answer {
                flow: flow.id.clone(),
                flow_version: flow.version,
                question: index,
                choice: u8::try_from(choice).unwrap_or(u8::MAX),
            },
        })
        .collect();
    let back = (view.position > 1).then(|| Action::Back {
        flow: flow.id.clone(),
        flow_version: flow.version,
        question: index,
    });
    Question {
        notices: notices.iter().map(|notice| presenter.msg(*notice)).collect(),
        text: presenter.question(view),
        choices,
        back,
        skippable: flow.offers(view.question).iter().any(|offer| offer.answer == Answer::DontKnow),
        id: flow.questions[view.question].id.clone(),
    }
}

/// The engine event a scan button stands for, if it belongs to the flow, version and
/// question in progress. Anything else is stale: an old message, an older flow, or forged.
pub fn scan_event(flow: &Flow, state: &State, action: &Action) -> Option<Event> {
    let scan = state.scan.as_ref()?;
    let (flow_id, flow_version, question) = match action {
        Action::Answer { flow, flow_version, question, .. }
        | Action::Back { flow, flow_version, question } => (flow, *flow_version, usize::from(*question)),
        _ => return None,
    };
    // A button of another flow's question with the same number is just as stale.
    let same_flow = *flow_id == flow.id && scan.flow_id == flow.id;
    if !same_flow
        || flow_version != flow.version
        || question != scan.cursor
        || scan.flow_version != flow.version
    {
        return None;
    }
    let id = flow.questions.get(question)?.id.clone();
    Some(match *action {
        Action::Answer { choice, .. } => Event::Answer { question: id, choice: usize::from(choice) },
        _ => Event::Back,
    })
}

/// A question before what cannot be undone, with the button that does it and the one
/// that does not.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmation {
    pub text: String,
    pub yes: Button,
    pub no: Button,
}

/// `/cancel`: a question before a scan's answers go, or `None` when there is no scan
/// (the engine then says so).
pub fn cancel(app: &App, session: &Session, flow: &Flow) -> Option<Confirmation> {
    let scan = session.state.scan.as_ref()?;
    let presenter = app.presenter_for(flow, session.state.lang);
    Some(Confirmation {
        text: presenter.msg_with(Msg::ConfirmCancel, &[("answers", scan.answers.len().into())]),
        yes: Button {
            label: presenter.msg(Msg::ConfirmCancelButton),
            action: Action::ConfirmCancel { answers: scan.answers.len() },
        },
        no: Button { label: presenter.msg(Msg::ConfirmNoButton), action: Action::Dismiss },
    })
}

/// Whether "Yes, stop" under a `/cancel` question still holds: the scan it was about
/// still has the answers it counted (not one more given since, nor a scan ended).
pub fn cancel_holds(session: &Session, answers: usize) -> bool {
    session.state.scan.as_ref().is_some_and(|scan| scan.answers.len() == answers)
}

/// `/forget`: the question before everything about the person is deleted. Its button
/// carries a new one-time code, kept in the person's record (commit before showing it):
/// only the last question asked deletes.
pub fn forget(app: &App, session: &mut Session) -> anyhow::Result<Confirmation> {
    let code = crate::random::new_invite_code();
    session.record.forget_code = Some(code.clone());
    let presenter = app.presenter(session.state.lang);
    Ok(Confirmation {
        text: super::privacy::forget_question(app, session)?,
        yes: Button { label: presenter.msg(Msg::TgForgetButton), action: Action::Forget(code) },
        no: Button { label: presenter.msg(Msg::TgForgetKeepButton), action: Action::Dismiss },
    })
}

/// "No" under a confirmation: nothing changes, and a `/forget` question declined is
/// spent, so its button deletes nothing any more.
pub fn dismiss(session: &mut Session) {
    session.record.forget_code = None;
}

/// Whether a "delete everything" tap carries the code of the last `/forget` question the
/// person was asked (an old or forged button deletes nothing).
pub fn may_forget(session: &Session, code: &str) -> bool {
    session.record.forget_code.as_deref() == Some(code)
}

/// Deletes everything kept about the person, confirmed. Only the id of the update that
/// asked stays, so a redelivery of it is not applied twice.
pub fn forget_now(app: &App, session: &Session) -> Result<(), StoreError> {
    app.store.forget(&session.person)?;
    session.update.as_ref().map_or(Ok(()), |update| app.store.mark_update(update))
}

/// A snapshot to show: its flow, its text in context, and the figures its chart draws.
pub struct Shown<'a> {
    pub flow: &'a Flow,
    pub text: String,
    pub snapshot: Snapshot,
    /// When the scan was finished (milliseconds): the date its chart names.
    pub completed_at: u64,
}

/// `/snapshot`: the latest completed scan, with the change since the one of the same flow
/// before it and the flow's reference lines; `None` before any scan was finished.
/// `typed` words the hints for a channel where commands are typed without a slash.
pub fn snapshot<'a>(app: &'a App, session: &Session, typed: bool) -> Result<Option<Shown<'a>>, StoreError> {
    let Some((latest, before)) = history::latest(app, &session.person)? else { return Ok(None) };
    let lang = session.state.lang;
    let text = history::snapshot_text(app, lang, latest.flow, &latest.snapshot, before.as_ref(), typed);
    Ok(Some(Shown { flow: latest.flow, text, snapshot: latest.snapshot, completed_at: latest.completed_at }))
}

/// What each level looks like, for the person's latest snapshot: per theme where they
/// stand and the level above, each theme a heading. `None` without a finished scan, or
/// when its flow describes no levels.
pub fn levels(app: &App, session: &Session) -> Result<Option<Sectioned>, StoreError> {
    let Some((latest, _)) = history::latest(app, &session.person)? else { return Ok(None) };
    Ok(app.presenter_for(latest.flow, session.state.lang).levels_for(&latest.snapshot))
}

/// The button under a snapshot that asks for [`levels`], when its flow describes them.
pub fn levels_button(app: &App, flow: &Flow, lang: Lang) -> Option<Button> {
    flow.describes_levels()
        .then(|| Button { label: app.presenter(lang).msg(Msg::LevelsButton), action: Action::Levels })
}

/// One button per language, each labelled in its own language's name as `lang` says it.
pub fn language_buttons(app: &App, lang: Lang) -> Vec<Button> {
    let presenter = app.presenter(lang);
    Lang::ALL
        .iter()
        .map(|&l| Button { label: presenter.language_name(l), action: Action::Language(l) })
        .collect()
}

/// The settings text and buttons: language and team reminders.
pub fn settings(app: &App, session: &Session) -> Reply {
    let presenter = app.presenter(session.state.lang);
    let language = presenter.language_name(session.state.lang);
    let reminders = presenter.msg(if session.record.reminders_off {
        Msg::SettingsRemindersOff
    } else {
        Msg::SettingsRemindersOn
    });
    let text =
        format!("{}\n{reminders}", presenter.msg_with(Msg::TgSettings, &[("language", language.into())]));
    let (label, on) = if session.record.reminders_off {
        (Msg::SettingsRemindersTurnOn, true)
    } else {
        (Msg::SettingsRemindersTurnOff, false)
    };
    let buttons = vec![
        language_buttons(app, session.state.lang),
        vec![Button { label: presenter.msg(label), action: Action::Reminders(on) }],
    ];
    Reply { parts: vec![Part::text(text, buttons)] }
}
