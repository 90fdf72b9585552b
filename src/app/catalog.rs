//! Which flow a person takes, for every channel: the menu of flows, starting one by id,
//! and the rule that a scan in progress is never dropped without asking.
//!
//! ```text
//! person: /scan                bot: Which scan? 1. Quick scan (about 6 min, 23 questions) …
//! person: /scan aiscan         bot: (the AI scan's first question)
//! person: /scan quickscan      bot: You are in the middle of the AI scan (question 4 of 19).
//!                                   [Continue the AI scan] [Start the quick scan instead]
//! ```
//!
//! A person has at most one scan in progress. Asking for the flow in progress resumes it;
//! asking for another one while a scan is in progress asks first, and only a confirming
//! choice (`Action::ScanInstead`) starts the other and removes the answers so far.

use super::{Action, App, Button};
use crate::engine::{self, Event, State};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::team::Team;

/// What asking for a flow comes to.
#[derive(Debug, Clone)]
pub enum Choice<'a> {
    /// Run this event on this flow: `Start` (new, or resuming the same flow) or
    /// `StartInstead` (a scan of a flow no longer offered is in the way).
    Go(&'a Flow, Event),
    /// A scan of another flow is in progress: ask before dropping it.
    Confirm { current: &'a Flow, wanted: &'a Flow },
}

/// Asking for the flow with this id; `None` when there is no such flow.
pub fn choose<'a>(app: &'a App, state: &State, id: &str) -> Option<Choice<'a>> {
    let wanted = app.flow_by_id(id)?;
    let Some(scan) = state.scan.as_ref().filter(|scan| scan.flow_id != wanted.id) else {
        return Some(Choice::Go(wanted, Event::Start));
    };
    Some(match app.flow_by_id(&scan.flow_id) {
        Some(current) => Choice::Confirm { current, wanted },
        None => Choice::Go(wanted, Event::StartInstead),
    })
}

/// Going on plainly ("scan", `/scan` with a scan in progress): the scan in progress, or,
/// when its flow is no longer offered (a content folder changed), the default flow in its
/// place, since that scan cannot go on.
pub fn resume<'a>(app: &'a App, state: &State) -> (&'a Flow, Event) {
    match state.scan.as_ref() {
        Some(scan) if app.flow_by_id(&scan.flow_id).is_none() => (app.flow(), Event::StartInstead),
        _ => (app.flow_of(state), Event::Start),
    }
}

/// A text with choices: the channel shows them as buttons or as numbered lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Menu {
    pub text: String,
    pub options: Vec<Button>,
    /// The text already lists the options by number (a terminal need not list them again).
    pub listed: bool,
}

/// Every flow, with its title, minutes and number of questions, the one in progress
/// marked with where the person is, and each one a team asks this round (`asked`, see
/// `context::rounds_asked`) marked with the team's name.
pub fn menu(app: &App, state: &State, lang: Lang, asked: &[(Team, &Flow)]) -> Menu {
    let presenter = app.presenter(lang);
    let mut lines = vec![presenter.msg(Msg::FlowMenuTitle)];
    let mut options = Vec::new();
    for (number, flow) in app.content.catalog().iter().enumerate() {
        let title = title(app, flow, lang);
        let mut line = presenter.msg_with(
            Msg::FlowMenuItem,
            &[
                ("number", (number + 1).into()),
                ("title", title.as_str().into()),
                ("minutes", flow.minutes.into()),
                ("questions", flow.question_count().into()),
            ],
        );
        if let Some(view) = engine::current_view(flow, state) {
            let progress = [("position", view.position.into()), ("total", view.total.into())];
            line.push_str(&format!(" · {}", presenter.msg_with(Msg::FlowMenuInProgress, &progress)));
        }
        for (team, _) in asked.iter().filter(|(_, asks)| asks.id == flow.id) {
            line.push_str(&format!(
                " · {}",
                presenter.msg_with(Msg::FlowMenuAsked, &[("team", team.name.as_str().into())])
            ));
        }
        lines.push(line);
        options.push(Button { label: title, action: Action::Scan(flow.id.clone()) });
    }
    lines.push(String::new());
    lines.push(presenter.msg(Msg::FlowMenuPick));
    Menu { text: lines.join("\n"), options, listed: true }
}

/// "You are in the middle of …": continue the scan in progress, or start the other one
/// instead (which removes the answers so far).
pub fn confirm(app: &App, state: &State, lang: Lang, current: &Flow, wanted: &Flow) -> Menu {
    let presenter = app.presenter(lang);
    let (current_title, wanted_title) = (title(app, current, lang), title(app, wanted, lang));
    let view = engine::current_view(current, state);
    let text = presenter.msg_with(
        Msg::FlowSwitchConfirm,
        &[
            ("current", current_title.as_str().into()),
            ("wanted", wanted_title.as_str().into()),
            ("position", view.as_ref().map_or(1, |v| v.position).into()),
            ("total", view.as_ref().map_or(current.question_count(), |v| v.total).into()),
        ],
    );
    let options = vec![
        Button {
            label: presenter.msg_with(Msg::FlowSwitchContinue, &[("title", current_title.as_str().into())]),
            action: Action::Scan(current.id.clone()),
        },
        Button {
            label: presenter.msg_with(Msg::FlowSwitchStart, &[("title", wanted_title.as_str().into())]),
            action: Action::ScanInstead(wanted.id.clone()),
        },
    ];
    Menu { text, options, listed: false }
}

/// "There is no scan called …", with the menu.
pub fn unknown(app: &App, state: &State, lang: Lang, id: &str) -> Menu {
    let mut menu = menu(app, state, lang, &[]);
    let shown: String = id.chars().take(crate::flow::MAX_FLOW_ID).collect();
    let notice = app.presenter(lang).msg_with(Msg::FlowUnknown, &[("id", shown.into())]);
    menu.text = format!("{notice}\n\n{}", menu.text);
    menu
}

/// A flow's title in a language.
pub fn title(app: &App, flow: &Flow, lang: Lang) -> String {
    app.content.locales.text(lang, &flow.title, &[])
}

/// Whether a person choosing plainly ("scan", `/scan`, `peilbot chat`) gets the menu rather
/// than a scan: with more than one flow, or after a finished scan (so a finished scan is
/// never restarted silently). A scan in progress is resumed instead.
pub fn offers_menu(app: &App, state: &State, finished_before: bool) -> bool {
    state.scan.is_none() && (app.content.catalog().len() > 1 || finished_before)
}
