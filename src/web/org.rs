//! The organisation view on the web, for a management team without Telegram: IT makes a
//! one-time sign-in link on the server (`peilbot weblink --org`), and `/org` shows what the
//! chat's `/org` shows, from the same published results: the text, the heatmaps of the
//! teams that need attention first, the tables, and the organisation's report (PDF).

// A page that cannot be shown is itself the answer (a page that says why).
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::Web;
use super::html;
use super::lead::{as_who, download, signed_in};
use super::pages::{Page, Visit, msg, render, team_work, text_page, unavailable};
use crate::app::teams::{self, Outcome};
use crate::app::{Part, Reply, Session, org};
use crate::messages::Msg;

/// The organisation's report, as the chat's `/report` sends it.
const REPORT: &str = "peilbot-organisation.pdf";

/// The admin of this request's web session, or the page that says whom this page is for.
fn admin_of(web: &Web, visit: &Visit, headers: &HeaderMap) -> Result<Session, Response> {
    let admin = signed_in(web, visit, headers)?.filter(|person| web.app.admins.contains(person));
    let Some(admin) = admin else {
        return Err(text_page(web, visit, StatusCode::FORBIDDEN, Msg::WebOrgTitle, Msg::WebOrgNotAdmin));
    };
    Session::load(&web.app, admin, visit.lang(), None).map_err(|err| unavailable(web, visit.lang(), &err))
}

/// Runs an organisation page on the blocking pool, for the admin only.
async fn as_admin(
    web: Arc<Web>,
    headers: HeaderMap,
    page: impl FnOnce(&Web, &Visit, Session) -> Page + Send + 'static,
) -> Response {
    as_who(web, headers, admin_of, page).await
}

/// The chat's `/org`, for the admin: one view per flow that teams take; its table files
/// only when one is downloaded (the page lists them by name, a picture needs none).
fn org_reply(web: &Web, visit: &Visit, admin: &Session) -> Result<Reply, Response> {
    team_work(web, admin, visit.lang(), org::org_without_files)
}

/// `/org`: the view's text with its headings, its heatmaps (each with its caption), and
/// the files: the report and every team as a table.
pub async fn view(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    as_admin(web, headers, |web, visit, admin| {
        let (reply, tables) = team_work(web, &admin, visit.lang(), org::org_listing)?;
        let text = |m| html::escape(&msg(web, visit, m));
        let (mut main, mut files, mut note, mut pictures) = (String::new(), String::new(), None, 0);
        for part in &reply.parts {
            match part {
                Part::Text { text, headings, .. } => main.push_str(&html::sections(text, headings)),
                Part::Photo { caption, .. } => {
                    pictures += 1;
                    main.push_str(&format!(
                        "<figure><img src=\"/org/chart-{pictures}.png\" alt=\"{alt}\" width=\"1080\">\n\
                         <figcaption>{}</figcaption></figure>\n",
                        html::escape(caption),
                        alt = text(Msg::OrgChartTitle),
                    ));
                }
                // Not made for the page: `org_listing` names the tables instead.
                Part::Document { .. } => {}
            }
        }
        for (name, caption) in &tables {
            note = note.or((!caption.is_empty()).then_some(caption));
            files.push_str(&format!("<li><a href=\"/org/{0}\">{0}</a></li>\n", html::escape(name)));
        }
        // Files only once some team has a result: the report needs one too.
        if !files.is_empty() {
            main.push_str(&format!(
                "<h2>{}</h2>\n{}<ul>\n<li><a href=\"/org/{REPORT}\">{}</a></li>\n{files}</ul>\n",
                text(Msg::WebOrgFiles),
                note.map_or_else(String::new, |note| html::paragraphs(note)),
                text(Msg::WebOrgReport),
            ));
        }
        Ok(render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebOrgTitle), &main))
    })
    .await
}

/// `/org/FILE`: the report, a heatmap (`chart-N.png`, in the order of the page), or a table.
pub async fn file(State(web): State<Arc<Web>>, headers: HeaderMap, Path(file): Path<String>) -> Response {
    as_admin(web, headers, move |web, visit, admin| {
        let not_found = || text_page(web, visit, StatusCode::NOT_FOUND, Msg::WebOrgTitle, Msg::WebNotFound);
        if let Some(n) = file.strip_prefix("chart-").and_then(|n| n.strip_suffix(".png")) {
            let nth = n.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
            let reply = org_reply(web, visit, &admin)?;
            let mut photos = reply.parts.into_iter().filter_map(|part| match part {
                Part::Photo { picture, .. } => Some(picture),
                _ => None,
            });
            let Some(picture) = nth.and_then(|nth| photos.nth(nth)) else { return Ok(not_found()) };
            let png = picture.png().map_err(|err| unavailable(web, visit.lang(), &err))?;
            return Ok(download(png, "image/png", None));
        }
        let found = match file.as_str() {
            REPORT => {
                match team_work(web, &admin, visit.lang(), |cx, session| teams::report(cx, session, true))? {
                    Outcome::Reply(reply) => reply.parts.into_iter().find_map(|part| match part {
                        Part::Document { bytes, name, .. } if name == file => Some(bytes),
                        _ => None,
                    }),
                    Outcome::Nudges { .. } => None,
                }
            }
            _ => team_work(web, &admin, visit.lang(), |cx, session| org::table_file(cx, session, &file))?,
        };
        match (found, kind_of(&file)) {
            (Some(bytes), Some(kind)) => Ok(download(bytes, kind, Some(&file))),
            _ => Ok(not_found()),
        }
    })
    .await
}

fn kind_of(name: &str) -> Option<&'static str> {
    let (_, extension) = name.rsplit_once('.')?;
    match extension {
        "pdf" => Some("application/pdf"),
        "csv" => Some("text/csv; charset=utf-8"),
        "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        _ => None,
    }
}
