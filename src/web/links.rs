//! Pages a person opens from a link: their personal resume link, a team's invite, which
//! speaks the team's language to someone who has not chosen one, and a one-time lead invite.

// A page that cannot be shown is itself the answer (a page that says why).
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::Web;
use super::identity::Token;
use super::pages::{Visit, not_found, reply_page, set_cookie, team_work, unavailable, with_visit};
use crate::app::{team_language, teams};
use crate::messages::Msg;

/// A personal resume link: this browser continues that scan.
pub async fn resume(State(web): State<Arc<Web>>, headers: HeaderMap, Path(token): Path<String>) -> Response {
    let Some(token) = Token::parse(&token) else { return not_found(State(web), headers).await };
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    set_cookie(&mut response, &token.cookie(web.secure()));
    response
}

/// Speaks the team's language to someone who comes through its link and has not chosen
/// one (kept once they act, as everything of a new visitor).
pub(super) fn adopt_team_language(web: &Web, visit: &mut Visit, code: &str) -> Result<(), Response> {
    let lang = team_language::of_invite(&web.app, &visit.session, code)
        .map_err(|err| unavailable(web, visit.lang(), &err))?;
    if let Some(lang) = lang {
        visit.session.adopt_language(lang);
    }
    Ok(())
}

/// A one-time link that makes a member a lead: the offer, whose button (posted to
/// `/act`) makes them one, since opening a link must change nothing.
pub async fn lead_invite(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    with_visit(web, headers, move |web, visit| {
        let reply = team_work(web, &visit.session, visit.lang(), |cx, session| {
            teams::offer_to_lead(cx, session, &code)
        })?;
        Ok(reply_page(web, &visit, Msg::WebLeadTitle, reply))
    })
    .await
}

/// A team's invite link on the web: the same question as in Telegram, with a button.
pub async fn join(State(web): State<Arc<Web>>, headers: HeaderMap, Path(code): Path<String>) -> Response {
    with_visit(web, headers, move |web, mut visit| {
        adopt_team_language(web, &mut visit, &code)?;
        let reply = team_work(web, &visit.session, visit.lang(), |cx, session| {
            teams::offer_to_join(cx, session, &code, Msg::TeamLanguageHowWeb)
        })?;
        Ok(reply_page(web, &visit, Msg::WebJoinTitle, reply))
    })
    .await
}
