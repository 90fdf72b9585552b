//! What a form changes: a button or an answer (`/act`), the language switcher, and the
//! question before "delete everything". Each is refused without this session's CSRF
//! token, commits before it answers, and answers with the page that shows where things
//! now stand (a redirect, so a reload sends nothing again).

// A page that cannot be shown is itself the answer (a page that says why), as axum's own
// handlers return responses for errors; it is built once per request, not moved around.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::Web;
use super::html;
use super::identity::{cleared_cookie, csrf_matches};
use super::pages::{
    Page, Visit, menu_page, msg, question_page, redirect, render, reply_page, set_cookie, store_error,
    team_work, text_page, unavailable, with_visit,
};
use crate::app::Action;
use crate::app::conversation::{self, ScanStep};
use crate::app::teams;
use crate::engine::Event;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::Sectioned;

#[derive(Deserialize)]
pub struct ActForm {
    csrf: Option<String>,
    action: Option<String>,
}

/// A form's button or answer: refused without this session's CSRF token; a stale answer
/// (an old page, another tab, a double submit) counts nothing and shows where the scan is.
pub async fn act(State(web): State<Arc<Web>>, headers: HeaderMap, Form(form): Form<ActForm>) -> Response {
    with_visit(web, headers, move |web, visit| {
        if !csrf_matches(&visit.token, form.csrf.as_deref()) {
            return Ok(refused(web, &visit));
        }
        match form.action.as_deref().map(Action::decode) {
            None => Ok(question_page(web, &visit, None, true)),
            Some(None) => Ok(redirect(web, &visit, "/question?stale=1")),
            Some(Some(action)) => act_on(web, visit, action),
        }
    })
    .await
}

fn refused(web: &Web, visit: &Visit) -> Response {
    let main = html::paragraphs(&msg(web, visit, Msg::WebRefused));
    render(web, visit, StatusCode::FORBIDDEN, &msg(web, visit, Msg::WebRefusedTitle), &main)
}

fn act_on(web: &Web, mut visit: Visit, action: Action) -> Page {
    let app = &web.app;
    let now = crate::unix_now();
    let failed = store_error(web, visit.lang());
    visit.session.record.noticed_at.get_or_insert(now);
    match action {
        Action::Answer { .. } | Action::Back { .. } => {
            let flow = app.flow_of(&visit.session.state);
            let Some(event) = conversation::scan_event(flow, &visit.session.state, &action) else {
                visit.session.save(app).map_err(&failed)?;
                return Ok(redirect(web, &visit, "/question?stale=1"));
            };
            let transition = visit.session.step(app, event, now).map_err(&failed)?;
            let to = if transition.completed.is_some() { "/snapshot?finished=1" } else { "/question" };
            Ok(redirect(web, &visit, to))
        }
        Action::Scan(_) | Action::ScanInstead(_) => {
            match conversation::picked(app, &visit.session.state, &action) {
                Some(step) => go(web, visit, step),
                None => Ok(redirect(web, &visit, "/")),
            }
        }
        Action::StartScan => {
            let step = conversation::scan(app, &visit.session, "").map_err(&failed)?;
            go(web, visit, step)
        }
        Action::Language(lang) => {
            visit.session.step(app, Event::SetLanguage(lang), now).map_err(&failed)?;
            Ok(redirect(web, &visit, "/"))
        }
        Action::ConfirmCancel { answers } => {
            // A question about other answers than there are now changes nothing: back
            // to the scan, where /cancel asks again.
            if conversation::cancel_holds(&visit.session, answers) {
                visit.session.step(app, Event::Cancel, now).map_err(&failed)?;
            }
            Ok(redirect(web, &visit, "/"))
        }
        Action::Dismiss => {
            conversation::dismiss(&mut visit.session);
            visit.session.save(app).map_err(&failed)?;
            let main = html::paragraphs(&msg(web, &visit, Msg::WebNothingChanged));
            Ok(render(web, &visit, StatusCode::OK, &msg(web, &visit, Msg::WebForgetTitle), &main))
        }
        Action::Forget(code) => {
            if !conversation::may_forget(&visit.session, &code) {
                return Ok(refused(web, &visit));
            }
            conversation::forget_now(app, &visit.session).map_err(&failed)?;
            let main = html::paragraphs(&msg(web, &visit, Msg::WebForgotten));
            let mut response =
                render(web, &visit, StatusCode::OK, &msg(web, &visit, Msg::WebForgetTitle), &main);
            set_cookie(&mut response, &cleared_cookie(web.secure()));
            Ok(response)
        }
        Action::Join(code) => {
            super::links::adopt_team_language(web, &mut visit, &code)?;
            visit.session.save(app).map_err(&failed)?;
            let joined =
                team_work(web, &visit.session, visit.lang(), |cx, session| teams::join(cx, session, &code))?;
            match joined {
                Some(reply) => Ok(reply_page(web, &visit, Msg::WebJoinTitle, reply)),
                None => {
                    Ok(text_page(web, &visit, StatusCode::NOT_FOUND, Msg::WebJoinTitle, Msg::TgInvalidLink))
                }
            }
        }
        // The web shows its commands in its menu; there is no short /help to expand.
        Action::MoreHelp => Ok(redirect(web, &visit, "/")),
        Action::Levels => {
            let title = msg(web, &visit, Msg::LevelsTitle);
            let main = match conversation::levels(app, &visit.session).map_err(&failed)? {
                Some(levels) => levels_html(&levels, &title),
                None => html::paragraphs(&msg(web, &visit, Msg::LevelsNone)),
            };
            Ok(render(web, &visit, StatusCode::OK, &title, &main))
        }
        Action::Reminders(on) => {
            visit.session.record.reminders_off = !on;
            visit.session.save(app).map_err(&failed)?;
            Ok(redirect(web, &visit, "/"))
        }
        // A member of this browser becomes a lead: the teams they lead are under "My teams".
        Action::BecomeLead(code) => {
            let reply = team_work(web, &visit.session, visit.lang(), |cx, session| {
                teams::become_lead(cx, session, &code, Msg::WebLeadAdded)
            })?;
            Ok(reply_page(web, &visit, Msg::WebLeadTitle, reply))
        }
        // A lead's work has its own page and form target (`/lead`, `/lead/act`), which
        // know who leads: here it is only ever an old or forged form.
        Action::Pick { .. }
        | Action::Confirm { .. }
        | Action::Round { .. }
        | Action::TeamLanguage { .. }
        | Action::RoundFlow { .. }
        | Action::OpenRound { .. } => {
            Ok(text_page(web, &visit, StatusCode::OK, Msg::WebJoinTitle, Msg::WebLeadElsewhere))
        }
    }
}

/// The levels as the page under its title: the chat's first line is that title.
fn levels_html(levels: &Sectioned, title: &str) -> String {
    let body = levels.text.strip_prefix(title).unwrap_or(&levels.text);
    html::sections(body, &levels.headings)
}

/// Shows a menu, or runs the step it came to and shows the question.
fn go(web: &Web, mut visit: Visit, step: ScanStep) -> Page {
    let failed = store_error(web, visit.lang());
    match step {
        ScanStep::Menu(menu) => {
            visit.session.save(&web.app).map_err(&failed)?;
            Ok(menu_page(web, &visit, menu, String::new()))
        }
        ScanStep::Go(flow, event) => {
            let flow = web.app.flow_by_id(&flow).unwrap_or_else(|| web.app.flow());
            visit.session.step_in(&web.app, flow, event, crate::unix_now()).map_err(&failed)?;
            Ok(redirect(web, &visit, "/question"))
        }
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    csrf: Option<String>,
    lang: Option<String>,
}

/// The language switcher on every page.
pub async fn language(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Response {
    with_visit(web, headers, move |web, mut visit| {
        if !csrf_matches(&visit.token, form.csrf.as_deref()) {
            return Ok(refused(web, &visit));
        }
        let Some(lang) = form.lang.and_then(|tag| tag.parse::<Lang>().ok()) else {
            return Ok(redirect(web, &visit, "/"));
        };
        visit
            .session
            .step(&web.app, Event::SetLanguage(lang), crate::unix_now())
            .map_err(store_error(web, visit.lang()))?;
        let to = if visit.session.state.scan.is_some() { "/question" } else { "/" };
        Ok(redirect(web, &visit, to))
    })
    .await
}

/// `/forget`: the question before everything goes, with a one-time code in its button.
pub async fn forget(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, mut visit| {
        let question = conversation::forget(&web.app, &mut visit.session)
            .map_err(|err| unavailable(web, visit.lang(), &err))?;
        visit.session.save(&web.app).map_err(store_error(web, visit.lang()))?;
        let mut main = html::paragraphs(&question.text);
        main.push_str(&html::buttons(&[vec![question.yes, question.no]], Some(&visit.token.csrf())));
        Ok(render(web, &visit, StatusCode::OK, &msg(web, &visit, Msg::WebForgetTitle), &main))
    })
    .await
}
