//! A lead on the web: `/signin/CODE` (a one-time link from `/weblink`) opens a session in
//! its own cookie; `/lead` lists the teams they lead, each with its result, its chart, the
//! PDF and the export. Every view goes through the chat's own team operations, so the
//! same anonymity rules decide what a lead sees.

// A page that cannot be shown is itself the answer (a page that says why), as axum's own
// handlers return responses for errors; it is built once per request, not moved around.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::Web;
use super::pages::{
    Page, Visit, msg, render, set_cookie, store_error, team_work, text_page, unavailable, visit,
};
use super::{html, identity};
use crate::app::teams::{self, Outcome};
use crate::app::{Action, Part, Reply, Session, TeamAction, sign_in, team_language};
use crate::messages::Msg;
use crate::person::PersonId;
use crate::pool::off_async;

/// The cookie of a lead's web session (apart from the person's own scan cookie).
const LEAD_COOKIE: &str = "peilbot-lead";

/// `/signin/CODE`: a valid link opens a session and goes to `/lead`; it works once.
pub async fn sign_in(State(web): State<Arc<Web>>, headers: HeaderMap, Path(code): Path<String>) -> Response {
    off_async(move || -> Page {
        let visit = visit(&web, &headers)?;
        let now = crate::unix_now();
        let failed = store_error(&web, visit.lang());
        let Some(lead) = sign_in::redeem(&web.app, &code, now).map_err(&failed)? else {
            return Ok(text_page(
                &web,
                &visit,
                StatusCode::NOT_FOUND,
                Msg::WebLeadTitle,
                Msg::WebSignInInvalid,
            ));
        };
        let secret = sign_in::open_session(&web.app, &lead, now).map_err(&failed)?;
        let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/lead")]).into_response();
        let secure = if web.secure() { "; Secure" } else { "" };
        let max_age = sign_in::SESSION_HOURS * 60 * 60;
        let cookie =
            format!("{LEAD_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
        set_cookie(&mut response, &cookie);
        Ok(response)
    })
    .await
    .unwrap_or_else(|e| e)
}

/// The lead of this request's web session, with their own session of the app.
fn lead_of(web: &Web, visit: &Visit, headers: &HeaderMap) -> Result<Session, Response> {
    let secret = identity::cookie(headers, LEAD_COOKIE);
    let lead: Option<PersonId> = match secret {
        Some(secret) => sign_in::session(&web.app, &secret, crate::unix_now())
            .map_err(|err| unavailable(web, visit.lang(), &err))?,
        None => None,
    };
    let Some(lead) = lead else {
        return Err(text_page(web, visit, StatusCode::FORBIDDEN, Msg::WebLeadTitle, Msg::WebLeadNone));
    };
    Session::load(&web.app, lead, visit.lang(), None).map_err(|err| unavailable(web, visit.lang(), &err))
}

/// Runs a lead page on the blocking pool.
async fn as_lead(
    web: Arc<Web>,
    headers: HeaderMap,
    page: impl FnOnce(&Web, &Visit, Session) -> Page + Send + 'static,
) -> Response {
    off_async(move || {
        let visit = visit(&web, &headers)?;
        let lead = lead_of(&web, &visit, &headers)?;
        page(&web, &visit, lead)
    })
    .await
    .unwrap_or_else(|e| e)
}

/// `/lead`: the teams the signed-in lead leads, each with its views.
pub async fn teams(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    as_lead(web, headers, |web, visit, lead| {
        let led: Vec<_> = web
            .app
            .store
            .teams_of(&lead.person)
            .map_err(|err| unavailable(web, visit.lang(), &err))?
            .into_iter()
            .filter(|team| team.is_lead(&lead.person))
            .collect();
        if led.is_empty() {
            return Ok(text_page(web, visit, StatusCode::OK, Msg::WebLeadTitle, Msg::WebLeadNoTeams));
        }
        let items: String = led
            .iter()
            .map(|team| {
                let id = html::escape(&team.id);
                format!(
                    "<li><a href=\"/lead/{id}\">{name}</a> · <a href=\"/lead/{id}/report.pdf\">{report}</a> · {export} \
                     <a href=\"/lead/{id}/export.csv\">CSV</a>, <a href=\"/lead/{id}/export.xlsx\">xlsx</a>, \
                     <a href=\"/lead/{id}/export.json\">JSON</a></li>\n",
                    name = html::escape(&team.name),
                    report = html::escape(&msg(web, visit, Msg::WebLeadReport)),
                    export = html::escape(&msg(web, visit, Msg::WebLeadExport)),
                )
            })
            .collect();
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &format!("<ul>\n{items}</ul>\n")))
    })
    .await
}

/// A team operation as the signed-in lead, as a reply (nudges are not sent from here).
fn as_reply(
    web: &Web,
    visit: &Visit,
    lead: &Session,
    action: TeamAction,
    team: &str,
) -> Result<Reply, Response> {
    match team_work(web, lead, visit.lang(), |cx, session| teams::run(cx, session, action, team))? {
        Outcome::Reply(reply) => Ok(reply),
        Outcome::Nudges { .. } => Ok(Reply::default()),
    }
}

/// `/lead/TEAM`: the team result as the lead sees it in the chat, with its chart, and
/// the team's language with a button per language.
pub async fn result(State(web): State<Arc<Web>>, headers: HeaderMap, Path(team): Path<String>) -> Response {
    as_lead(web, headers, move |web, visit, lead| {
        let reply = as_reply(web, visit, &lead, TeamAction::Result, &team)?;
        let mut main = String::new();
        for part in &reply.parts {
            match part {
                Part::Text { text, headings, .. } => main.push_str(&html::sections(text, headings)),
                Part::Photo { .. } => main.push_str(&format!(
                    "<img src=\"/lead/{}/chart.png\" alt=\"{}\" width=\"1080\">\n",
                    html::escape(&team),
                    html::escape(&msg(web, visit, Msg::WebTeamChartAlt))
                )),
                Part::Document { .. } => {}
            }
        }
        // The team's language, with a button per language (they post to `/lead/act`).
        let csrf = visit.token.csrf();
        for part in as_reply(web, visit, &lead, TeamAction::Language, &team)?.parts {
            if let Part::Text { text, buttons, .. } = part {
                main.push_str(&format!(
                    "<h2>{}</h2>\n",
                    html::escape(&msg(web, visit, Msg::WebLeadLanguage))
                ));
                main.push_str(&html::paragraphs(&text));
                main.push_str(&html::buttons_to("/lead/act", &buttons, Some(&csrf)));
            }
        }
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main))
    })
    .await
}

#[derive(serde::Deserialize)]
pub struct ActForm {
    csrf: Option<String>,
    action: Option<String>,
}

/// A button on a lead page (the team's language): checked as in the chat, for the lead
/// of this web session, with the page's CSRF token.
pub async fn act(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<ActForm>,
) -> Response {
    as_lead(web, headers, move |web, visit, lead| {
        let action = form.action.as_deref().and_then(Action::decode);
        let (true, Some(Action::TeamLanguage { team, lang })) =
            (identity::csrf_matches(&visit.token, form.csrf.as_deref()), action)
        else {
            return Ok(text_page(web, visit, StatusCode::FORBIDDEN, Msg::WebRefusedTitle, Msg::WebRefused));
        };
        let reply =
            team_work(web, &lead, visit.lang(), |cx, session| team_language::set(cx, session, &team, lang))?;
        let text: Vec<String> = reply
            .parts
            .into_iter()
            .filter_map(|part| if let Part::Text { text, .. } = part { Some(text) } else { None })
            .collect();
        let back = format!(
            "<p><a href=\"/lead/{}\">{}</a></p>\n",
            html::escape(&team),
            html::escape(&msg(web, visit, Msg::WebLeadTitle))
        );
        let main = format!("{}{back}", html::paragraphs(&text.join("\n")));
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main))
    })
    .await
}

/// `/lead/TEAM/FILE`: the chart, the PDF report, or an export file.
pub async fn file(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    Path((team, file)): Path<(String, String)>,
) -> Response {
    as_lead(web, headers, move |web, visit, lead| {
        let (action, wanted, kind) = match file.as_str() {
            "chart.png" => (TeamAction::Result, "", "image/png"),
            "report.pdf" => (TeamAction::Report, "peilbot-report.pdf", "application/pdf"),
            "export.csv" => (TeamAction::Export, "peilbot-team.csv", "text/csv; charset=utf-8"),
            "export.xlsx" => (
                TeamAction::Export,
                "peilbot-team.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            "export.json" => (TeamAction::Export, "peilbot-team.json", "application/json"),
            _ => return Ok(StatusCode::NOT_FOUND.into_response()),
        };
        let reply = as_reply(web, visit, &lead, action, &team)?;
        let found = reply.parts.into_iter().find_map(|part| match part {
            Part::Photo { picture, .. } if wanted.is_empty() => Some((picture.png(), None)),
            Part::Document { bytes, name, .. } if name == wanted => Some((Ok(bytes), Some(name))),
            Part::Text { .. } | Part::Photo { .. } | Part::Document { .. } => None,
        });
        let Some((bytes, name)) = found else {
            return Ok(text_page(web, visit, StatusCode::NOT_FOUND, Msg::WebLeadTitle, Msg::WebNotFound));
        };
        // A chart is drawn here, when the page's image asks for it.
        let bytes = bytes.map_err(|err| unavailable(web, visit.lang(), &err))?;
        let mut response = ([(header::CONTENT_TYPE, kind)], bytes).into_response();
        if let Some(name) = name {
            let disposition = format!("attachment; filename=\"{name}\"");
            if let Ok(value) = header::HeaderValue::from_str(&disposition) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
        }
        Ok(response)
    })
    .await
}
