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
    Page, Visit, msg, personal_link, render, reply_main, set_cookie, store_error, team_work, text_page,
    unavailable, visit,
};
use super::{html, identity};
use crate::app::teams::{self, MAX_TEAM_NAME, Outcome};
use crate::app::{Action, Button, Part, Reply, Session, TeamAction, sign_in, team_language};
use crate::messages::Msg;
use crate::person::PersonId;
use crate::pool::off_async;

/// The cookie of a lead's web session (apart from the person's own scan cookie).
const LEAD_COOKIE: &str = "peilbot-lead";

/// `/signin/CODE`: a valid link opens a session and goes to `/lead` (or `/org`, for the
/// organisation's admin); it works once.
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
        let to = if web.app.admins.contains(&lead) { "/org" } else { "/lead" };
        let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
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

/// Who the lead pages are for: the lead of this request's web session (a sign-in link
/// from the chat), or else the person of this browser, who leads the teams made here.
fn lead_of(web: &Web, visit: &Visit, headers: &HeaderMap) -> Result<Session, Response> {
    // The organisation's admin leads no team: on these pages a browser signed in as it is itself.
    let lead = signed_in(web, visit, headers)?.filter(|person| !web.app.admins.contains(person));
    let person = lead.unwrap_or_else(|| visit.session.person.clone());
    Session::load(&web.app, person, visit.lang(), None).map_err(|err| unavailable(web, visit.lang(), &err))
}

/// Who this request's web session (a sign-in link) is for, while it lasts.
pub(super) fn signed_in(web: &Web, visit: &Visit, headers: &HeaderMap) -> Result<Option<PersonId>, Response> {
    match identity::cookie(headers, LEAD_COOKIE) {
        Some(secret) => sign_in::session(&web.app, &secret, crate::unix_now())
            .map_err(|err| unavailable(web, visit.lang(), &err)),
        None => Ok(None),
    }
}

/// Who a page is for, from the request: their session, or the page that refuses it.
pub(super) type Who = fn(&Web, &Visit, &HeaderMap) -> Result<Session, Response>;

/// Runs a page on the blocking pool, for the one `who` finds.
pub(super) async fn as_who(
    web: Arc<Web>,
    headers: HeaderMap,
    who: Who,
    page: impl FnOnce(&Web, &Visit, Session) -> Page + Send + 'static,
) -> Response {
    off_async(move || {
        let visit = visit(&web, &headers)?;
        let session = who(&web, &visit, &headers)?;
        page(&web, &visit, session)
    })
    .await
    .unwrap_or_else(|e| e)
}

/// Runs a lead page on the blocking pool.
async fn as_lead(
    web: Arc<Web>,
    headers: HeaderMap,
    page: impl FnOnce(&Web, &Visit, Session) -> Page + Send + 'static,
) -> Response {
    as_who(web, headers, lead_of, page).await
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
        let mut main = String::new();
        if led.is_empty() {
            let none = [Msg::WebLeadNoTeams, Msg::WebLeadNone].map(|text| msg(web, visit, text));
            main.push_str(&html::paragraphs(&none.join("\n")));
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
        if !items.is_empty() {
            main.push_str(&format!("<ul>\n{items}</ul>\n"));
        }
        // Teams led from this browser are lost with its cookie, unless the lead keeps this.
        if !led.is_empty() && lead.person == visit.session.person {
            main.push_str(&personal_link(web, visit, Msg::WebLeadKeepLink));
        }
        main.push_str(&new_team_form(web, visit, false));
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main))
    })
    .await
}

/// The form that makes a team, led by whoever makes it (as `/newteam` in the chat), with
/// the error tied to its field when the name given was not one.
fn new_team_form(web: &Web, visit: &Visit, invalid: bool) -> String {
    let text = |m| html::escape(&msg(web, visit, m));
    let (error, described, marked) = match invalid {
        true => (
            format!(
                "<p id=\"team-name-error\" class=\"error\">{}</p>\n",
                html::escape(
                    &web.app
                        .presenter(visit.lang())
                        .msg_with(Msg::WebTeamNameMissing, &[("max", MAX_TEAM_NAME.into())])
                )
            ),
            "team-name-hint team-name-error",
            " aria-invalid=\"true\"",
        ),
        false => (String::new(), "team-name-hint", ""),
    };
    format!(
        "<h2>{heading}</h2>\n<p id=\"team-name-hint\">{hint}</p>\n<form method=\"post\" action=\"/lead/new\">{csrf}\n\
         <label for=\"team-name\">{label}</label>\n{error}\
         <input id=\"team-name\" name=\"name\" type=\"text\" maxlength=\"{MAX_TEAM_NAME}\" required autocomplete=\"off\" aria-describedby=\"{described}\"{marked}>\n\
         <button type=\"submit\">{button}</button>\n</form>\n",
        heading = text(Msg::WebTeamNew),
        hint = text(Msg::WebTeamNewHint),
        csrf = html::csrf_field(Some(&visit.token.csrf())),
        label = text(Msg::WebTeamName),
        button = text(Msg::WebTeamNewButton),
    )
}

#[derive(serde::Deserialize)]
pub struct NewTeamForm {
    csrf: Option<String>,
    name: Option<String>,
}

/// `/lead/new`: makes the team as the chat's `/newteam` does, and shows its link and the
/// choice of the first round's scan (those buttons post to `/lead/act`).
pub async fn new_team(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<NewTeamForm>,
) -> Response {
    as_lead(web, headers, move |web, visit, lead| {
        if !identity::csrf_matches(&visit.token, form.csrf.as_deref()) {
            return Ok(text_page(web, visit, StatusCode::FORBIDDEN, Msg::WebRefusedTitle, Msg::WebRefused));
        }
        let name = form.name.unwrap_or_default();
        // The chat's answer to a name that is none names its command; here the form says it.
        if !teams::is_team_name(&name) {
            let main = new_team_form(web, visit, true);
            let title = msg(web, visit, Msg::WebLeadTitle);
            return Ok(render(web, visit, StatusCode::UNPROCESSABLE_ENTITY, &title, &main));
        }
        let reply = team_work(web, &lead, visit.lang(), |cx, session| teams::new_team(cx, session, &name))?;
        Ok(lead_reply_page(web, visit, reply))
    })
    .await
}

/// A reply to a lead's form: its texts, its buttons (posting to `/lead/act`), and the way
/// back to the list of teams.
fn lead_reply_page(web: &Web, visit: &Visit, reply: Reply) -> Response {
    let mut main = reply_main(web, visit, &reply, "/lead/act");
    main.push_str(&format!(
        "<p><a href=\"/lead\">{}</a></p>\n",
        html::escape(&msg(web, visit, Msg::WebLeadTitle))
    ));
    render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main)
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
        // What a lead does to the team: only under a result they may see.
        let found = web.app.store.team(&team).map_err(|err| unavailable(web, visit.lang(), &err))?;
        if !found.is_some_and(|found| found.is_lead(&lead.person)) {
            return Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main));
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
        main.push_str(&rounds_section(web, visit, &team));
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebLeadTitle), &main))
    })
    .await
}

/// A team's new round and reminders (the chat's `/newround` and `/remind`), and its
/// invite links (`/invite`, `/newinvite`, `/addlead`).
fn rounds_section(web: &Web, visit: &Visit, team: &str) -> String {
    let section = |heading, buttons: &[(Msg, TeamAction)]| {
        let rows: Vec<Vec<Button>> = buttons
            .iter()
            .map(|(label, action)| {
                let action = Action::Pick { action: *action, team: team.to_string() };
                vec![Button { label: msg(web, visit, *label), action }]
            })
            .collect();
        format!(
            "<h2>{}</h2>\n{}",
            html::escape(&msg(web, visit, heading)),
            html::buttons_to("/lead/act", &rows, Some(&visit.token.csrf()))
        )
    };
    let rounds = [(Msg::WebLeadNewRound, TeamAction::NewRound), (Msg::WebLeadRemind, TeamAction::Remind)];
    let invites = [
        (Msg::WebLeadShowInvite, TeamAction::Invite),
        (Msg::WebLeadNewInvite, TeamAction::NewInvite),
        (Msg::WebLeadAddLead, TeamAction::AddLead),
    ];
    section(Msg::WebLeadRounds, &rounds) + &section(Msg::WebLeadInvites, &invites)
}

#[derive(serde::Deserialize)]
pub struct ActForm {
    csrf: Option<String>,
    action: Option<String>,
}

/// A button on a lead page (the team's language, the scan of a new team's first round):
/// checked as in the chat, for the lead of this web session, with the page's CSRF token.
pub async fn act(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<ActForm>,
) -> Response {
    as_lead(web, headers, move |web, visit, lead| {
        let action = form.action.as_deref().and_then(Action::decode);
        let refused = || text_page(web, visit, StatusCode::FORBIDDEN, Msg::WebRefusedTitle, Msg::WebRefused);
        if !identity::csrf_matches(&visit.token, form.csrf.as_deref()) {
            return Ok(refused());
        }
        let reply = team_work(web, &lead, visit.lang(), |cx, session| match action {
            Some(Action::TeamLanguage { team, lang }) => {
                team_language::set(cx, session, &team, lang).map(Some)
            }
            Some(Action::RoundFlow { team, flow }) => {
                teams::set_round_flow(cx, session, &team, &flow).map(Some)
            }
            // Closing a round asks first; its "Yes" names the round it closes.
            Some(Action::Pick {
                action:
                    action @ (TeamAction::NewRound
                    | TeamAction::Remind
                    | TeamAction::Invite
                    | TeamAction::NewInvite
                    | TeamAction::AddLead),
                team,
            }) => {
                let outcome = teams::run(cx, session, action, &team)?;
                teams::kept_for_later(cx, session, outcome).map(Some)
            }
            Some(Action::OpenRound { team, flow, round }) => {
                let outcome = teams::open_round(cx, session, &team, &flow, round)?;
                teams::kept_for_later(cx, session, outcome).map(Some)
            }
            Some(Action::Dismiss) => Ok(Some(cx.say(session, Msg::NothingChanged, &[]))),
            _ => Ok(None),
        })?;
        let Some(reply) = reply else { return Ok(refused()) };
        Ok(lead_reply_page(web, visit, reply))
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
        Ok(download(bytes, kind, name.as_deref()))
    })
    .await
}

/// A file as a response of its `kind`: an attachment when it has a `name`, else shown.
pub(super) fn download(bytes: Vec<u8>, kind: &'static str, name: Option<&str>) -> Response {
    let mut response = ([(header::CONTENT_TYPE, kind)], bytes).into_response();
    if let Some(name) = name {
        let disposition = format!("attachment; filename=\"{name}\"");
        if let Ok(value) = header::HeaderValue::from_str(&disposition) {
            response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}
