//! The pages: each handler loads the person's session on the blocking pool, asks the
//! application layer, commits before it answers, and renders HTML. A page that only shows
//! changes nothing; every change is a POST with this session's CSRF token, answered with a
//! redirect to the page that shows where things stand (so a reload sends nothing twice).

// A page that cannot be shown is itself the answer (a page that says why), as axum's own
// handlers return responses for errors; it is built once per request, not moved around.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::Web;
use super::html::{self, Chrome};
use super::identity::Token;
use crate::app::context::rounds_asked;
use crate::app::conversation;
use crate::app::privacy::Channel;
use crate::app::teams::{self, Context};
use crate::app::{App, Part, Reply, Session, catalog, history, privacy};
use crate::engine;
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::pool::off_async;
use crate::team::Team;

/// One request's person: their token, whether it is new (the cookie is set with the
/// answer), and their session.
pub(super) struct Visit {
    pub token: Token,
    pub fresh: bool,
    pub session: Session,
}

impl Visit {
    pub fn lang(&self) -> Lang {
        self.session.state.lang
    }
}

/// What a page comes to.
pub(super) type Page = Result<Response, Response>;

/// The person of this request: the cookie's, or a new one (stored once they act).
pub(super) fn visit(web: &Web, headers: &HeaderMap) -> Result<Visit, Response> {
    let (token, fresh) = match Token::from_cookie(headers) {
        Some(token) => (token, false),
        None => (Token::new(), true),
    };
    let lang = browser_lang(web, headers);
    let session = Session::load(&web.app, token.person(), lang, None).map_err(store_error(web, lang))?;
    Ok(Visit { token, fresh, session })
}

/// The language to speak to a browser before its person chose one.
fn browser_lang(web: &Web, headers: &HeaderMap) -> Lang {
    web.app.deployment.first_lang(accept_language(headers))
}

/// The first of the browser's languages that we speak, else its first one (or none).
fn accept_language(headers: &HeaderMap) -> Option<&str> {
    let header = headers.get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()).unwrap_or("");
    let mut wanted: Vec<(f32, &str)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q =
                pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
            Some((q, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let speaks = |tag: &str| {
        Lang::ALL.iter().any(|lang| tag.to_ascii_lowercase().starts_with(&lang.tag().to_ascii_lowercase()))
    };
    let first = wanted.first().map(|(_, tag)| *tag).filter(|tag| *tag != "*");
    wanted.iter().map(|(_, tag)| *tag).find(|tag| speaks(tag)).or(first)
}

fn chrome(app: &App, lang: Lang, csrf: Option<String>) -> Chrome {
    let presenter = app.presenter(lang);
    let msg = |msg| presenter.msg(msg);
    Chrome {
        lang,
        site: msg(Msg::WebSite),
        skip: msg(Msg::WebSkip),
        nav: vec![
            ("/", msg(Msg::WebNavScans)),
            ("/snapshot", msg(Msg::WebNavSnapshot)),
            ("/history", msg(Msg::WebNavHistory)),
            ("/privacy", msg(Msg::WebNavPrivacy)),
            ("/mydata", msg(Msg::WebNavMyData)),
            ("/lead", msg(Msg::WebLeadTitle)),
        ],
        nav_label: msg(Msg::WebNavLabel),
        language_label: msg(Msg::WebLanguageLabel),
        language_button: msg(Msg::WebLanguageButton),
        languages: Lang::ALL.iter().map(|&l| (l, presenter.language_name(l))).collect(),
        cookie_note: msg(Msg::WebCookieNote),
        csrf,
    }
}

/// A page for this visit, with the cookie when it is new.
pub(super) fn render(web: &Web, visit: &Visit, status: StatusCode, title: &str, main: &str) -> Response {
    let body = html::page(&chrome(&web.app, visit.lang(), Some(visit.token.csrf())), title, main);
    let mut response = (status, Html(body)).into_response();
    if visit.fresh {
        set_cookie(&mut response, &visit.token.cookie(web.secure()));
    }
    response
}

pub(super) fn set_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = header::HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// After a change: "see where it stands now" (303, so a reload sends nothing again).
pub(super) fn redirect(web: &Web, visit: &Visit, to: &str) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    if visit.fresh {
        set_cookie(&mut response, &visit.token.cookie(web.secure()));
    }
    response
}

/// A page of the layout without a session of its own (errors before one is loaded).
fn plain(web: &Web, lang: Lang, status: StatusCode, title: Msg, text: Msg) -> Response {
    let presenter = web.app.presenter(lang);
    let main = html::paragraphs(&presenter.msg(text));
    let body = html::page(&chrome(&web.app, lang, None), &presenter.msg(title), &main);
    (status, Html(body)).into_response()
}

pub(super) fn unavailable(web: &Web, lang: Lang, err: &dyn std::fmt::Display) -> Response {
    tracing::error!(%err, "a web request could not be handled");
    plain(web, lang, StatusCode::SERVICE_UNAVAILABLE, Msg::WebRefusedTitle, Msg::TgUnavailable)
}

pub fn too_many(web: &Web, headers: &HeaderMap) -> Response {
    plain(
        web,
        browser_lang(web, headers),
        StatusCode::TOO_MANY_REQUESTS,
        Msg::WebTooManyTitle,
        Msg::WebTooMany,
    )
}

pub async fn not_found(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    plain(&web, browser_lang(&web, &headers), StatusCode::NOT_FOUND, Msg::WebNotFoundTitle, Msg::WebNotFound)
}

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], html::STYLE).into_response()
}

/// Runs a page on the blocking pool with this request's visit.
pub(super) async fn with_visit(
    web: Arc<Web>,
    headers: HeaderMap,
    page: impl FnOnce(&Web, Visit) -> Page + Send + 'static,
) -> Response {
    off_async(move || visit(&web, &headers).and_then(|visit| page(&web, visit))).await.unwrap_or_else(|e| e)
}

pub(super) fn msg(web: &Web, visit: &Visit, msg: Msg) -> String {
    web.app.presenter(visit.lang()).msg(msg)
}

pub(super) fn store_error(web: &Web, lang: Lang) -> impl Fn(crate::store::StoreError) -> Response + '_ {
    move |err| unavailable(web, lang, &err)
}

/// `/`: the menu of flows (with the scan in progress, if any, to go on with).
pub async fn home(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let asked = rounds_asked(&web.app, &visit.session.person).map_err(store_error(web, visit.lang()))?;
        let menu = catalog::menu(&web.app, &visit.session.state, visit.lang(), &asked);
        Ok(menu_page(web, &visit, menu, banners(web, &visit, &asked)))
    })
    .await
}

/// What the person's teams ask of them now: a round they have not finished yet, each with
/// a button to start it. Reminders and "a new round has begun" reach a browser this way,
/// on its next visit.
fn banners(web: &Web, visit: &Visit, asked: &[(Team, &Flow)]) -> String {
    let (app, lang) = (&web.app, visit.lang());
    let mut banners = String::new();
    for (team, flow) in asked {
        let title = catalog::title(app, flow, lang);
        let args = [("team", team.name.as_str().into()), ("title", title.as_str().into())];
        let text = app.presenter(lang).msg_with(Msg::WebBanner, &args);
        let button = crate::app::Button { label: title, action: crate::app::Action::Scan(flow.id.clone()) };
        banners.push_str(&format!(
            "<div class=\"notice\" role=\"status\">{}{}</div>\n",
            html::paragraphs(&text),
            html::buttons(&[vec![button]], Some(&visit.token.csrf()))
        ));
    }
    banners
}

pub(super) fn menu_page(web: &Web, visit: &Visit, menu: catalog::Menu, banners: String) -> Response {
    let mut main = banners;
    if visit.session.record.noticed_at.is_none() {
        let notice = privacy::notice(&web.app, visit.lang(), Channel::Web);
        main.push_str(&format!("<div class=\"notice\">{}</div>\n", html::paragraphs(&notice)));
    }
    main.push_str(&html::paragraphs(&menu.text));
    let rows: Vec<_> = menu.options.into_iter().map(|option| vec![option]).collect();
    main.push_str(&html::buttons(&rows, Some(&visit.token.csrf())));
    render(web, visit, StatusCode::OK, &msg(web, visit, Msg::WebMenuTitle), &main)
}

#[derive(Deserialize)]
pub struct QuestionQuery {
    stale: Option<String>,
}

/// `/question`: the question the scan is at, as a form.
pub async fn question(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    Query(query): Query<QuestionQuery>,
) -> Response {
    let notice = query.stale.is_some().then_some(Msg::WebStale);
    with_visit(web, headers, move |web, visit| Ok(question_page(web, &visit, notice, false))).await
}

/// The question in view; without one, the menu. `missing`: the form came without an answer.
pub(super) fn question_page(web: &Web, visit: &Visit, notice: Option<Msg>, missing: bool) -> Response {
    let (app, state) = (&web.app, &visit.session.state);
    let flow = app.flow_of(state);
    let Some(view) = engine::current_view(flow, state) else { return redirect(web, visit, "/") };
    let question = conversation::question(app, flow, visit.lang(), &view, &[]);
    let csrf = visit.token.csrf();
    let mut main = String::new();
    if let Some(notice) = notice {
        main.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}</p>\n",
            html::escape(&msg(web, visit, notice))
        ));
    }
    let (context, statement) = question.text.rsplit_once('\n').unwrap_or(("", question.text.as_str()));
    main.push_str(&html::paragraphs(context));
    let error = if missing {
        format!(
            "<p id=\"choice-error\" class=\"error\">{}</p>\n",
            html::escape(&msg(web, visit, Msg::WebChoiceMissing))
        )
    } else {
        String::new()
    };
    let described = if missing { " aria-describedby=\"choice-error\"" } else { "" };
    let choices: String = question
        .choices
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let label = match choice.level {
                Some(level) => format!("{level} · {}", choice.label),
                None => choice.label.clone(),
            };
            let checked = if choice.chosen { " checked" } else { "" };
            let required = if index == 0 { " required" } else { "" };
            format!(
                "<label class=\"choice\"><input type=\"radio\" name=\"action\" value=\"{}\"{checked}{required}{described}> {}</label>\n",
                html::escape(&choice.action.encode()),
                html::escape(&label),
            )
        })
        .collect();
    main.push_str(&format!(
        "<form method=\"post\" action=\"/act\">{}\n<fieldset{described}>\n<legend>{}</legend>\n{error}{choices}</fieldset>\n\
         <button type=\"submit\">{}</button>\n</form>\n",
        html::csrf_field(Some(&csrf)),
        html::escape(statement),
        html::escape(&msg(web, visit, Msg::WebAnswerButton)),
    ));
    if let Some(back) = &question.back {
        main.push_str(&format!(
            "<form method=\"post\" action=\"/act\" class=\"inline\">{}<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"{}\">{}</button></form>\n",
            html::csrf_field(Some(&csrf)),
            html::escape(&back.encode()),
            html::escape(&msg(web, visit, Msg::WebBackButton)),
        ));
    }
    let title = web
        .app
        .presenter(visit.lang())
        .msg_with(Msg::WebQuestionTitle, &[("position", view.position.into())]);
    let status = if missing { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    render(web, visit, status, &title, &main)
}

/// A team operation with the web's own links (`/join/CODE`).
pub(super) fn team_work<T>(
    web: &Web,
    session: &Session,
    lang: Lang,
    operation: impl FnOnce(&Context, &Session) -> teams::Result<T>,
) -> Result<T, Response> {
    let link = |payload: &str| match payload.split_once('_') {
        Some(("lead", code)) => web.link(&format!("/lead-invite/{code}")),
        Some((kind, code)) => web.link(&format!("/{kind}/{code}")),
        None => web.link("/"),
    };
    let cx = Context { app: &web.app, now: crate::unix_now(), link: &link };
    operation(&cx, session).map_err(|err| unavailable(web, lang, &err))
}

pub(super) fn text_page(web: &Web, visit: &Visit, status: StatusCode, title: Msg, text: Msg) -> Response {
    prose_page(web, visit, status, title, &msg(web, visit, text))
}

/// A page of the application's text, as paragraphs.
fn prose_page(web: &Web, visit: &Visit, status: StatusCode, title: Msg, text: &str) -> Response {
    render(web, visit, status, &msg(web, visit, title), &html::paragraphs(text))
}

/// A reply of the application layer: its texts and buttons (pictures and files have
/// pages of their own).
pub(super) fn reply_page(web: &Web, visit: &Visit, title: Msg, reply: Reply) -> Response {
    render(web, visit, StatusCode::OK, &msg(web, visit, title), &reply_main(web, visit, &reply, "/act"))
}

/// A reply's parts as a page's body, their buttons posting to `target`.
pub(super) fn reply_main(web: &Web, visit: &Visit, reply: &Reply, target: &str) -> String {
    let csrf = visit.token.csrf();
    let part = |part: &Part| match part {
        Part::Text { text, buttons, headings } => {
            let text = html::sections_linking(text, headings, web.origin());
            format!("{text}{}", html::buttons_to(target, buttons, Some(&csrf)))
        }
        Part::Photo { caption, .. } | Part::Document { caption, .. } => html::paragraphs(caption),
    };
    reply.parts.iter().map(part).collect()
}

#[derive(Deserialize)]
pub struct SnapshotQuery {
    finished: Option<String>,
}

/// `/snapshot`: the latest snapshot in context, its chart, the chart's figures as a
/// table, and the personal resume link.
pub async fn snapshot(
    State(web): State<Arc<Web>>,
    headers: HeaderMap,
    Query(query): Query<SnapshotQuery>,
) -> Response {
    with_visit(web, headers, move |web, visit| {
        let shown = conversation::snapshot(&web.app, &visit.session, false)
            .map_err(store_error(web, visit.lang()))?;
        let Some(shown) = shown else {
            return Ok(text_page(web, &visit, StatusCode::OK, Msg::WebSnapshotTitle, Msg::SnapshotNone));
        };
        let presenter = web.app.presenter_for(shown.flow, visit.lang());
        let mut main = String::new();
        if query.finished.is_some() {
            main.push_str(&format!(
                "<p class=\"notice\" role=\"status\">{}</p>\n",
                html::escape(&msg(web, &visit, Msg::WebFinishedTitle))
            ));
        }
        main.push_str(&html::paragraphs(&shown.text));
        let (rows, _) = presenter.chart(&shown.snapshot, shown.completed_at);
        main.push_str(&format!(
            "<img src=\"/snapshot.png\" alt=\"{}\" width=\"1080\">\n",
            html::escape(&msg(web, &visit, Msg::WebChartAlt))
        ));
        let figure = |value: Option<f64>| {
            value.map_or_else(|| msg(web, &visit, Msg::WebNoFigure), |v| presenter.number(v))
        };
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| vec![row.label.clone(), figure(row.current), figure(row.ambition)])
            .collect();
        let header =
            [Msg::WebColumnTheme, Msg::WebColumnNow, Msg::WebColumnAmbition].map(|m| msg(web, &visit, m));
        main.push_str(&html::table(&msg(web, &visit, Msg::WebFiguresCaption), &header, &cells));
        if let Some(button) = conversation::levels_button(&web.app, shown.flow, visit.lang()) {
            main.push_str(&html::buttons(&[vec![button]], Some(&visit.token.csrf())));
        }
        main.push_str(&personal_link(web, &visit, Msg::WebResume));
        Ok(render(web, &visit, StatusCode::OK, &msg(web, &visit, Msg::WebSnapshotTitle), &main))
    })
    .await
}

/// This browser's personal link, which continues its scan and its teams elsewhere (its
/// identity, so shown to its owner only: on the snapshot, "my data" and "my teams"), after
/// `what` says what it is for.
pub(super) fn personal_link(web: &Web, visit: &Visit, what: Msg) -> String {
    let link = web.link(&format!("/resume/{}", visit.token.expose()));
    format!(
        "<p>{} <a href=\"{link}\">{link}</a></p>\n",
        html::escape(&msg(web, visit, what)),
        link = html::escape(&link)
    )
}

/// The snapshot's chart, drawn only when it is asked for.
pub async fn snapshot_png(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let shown = conversation::snapshot(&web.app, &visit.session, false)
            .map_err(store_error(web, visit.lang()))?;
        let Some(shown) = shown else { return Ok(StatusCode::NOT_FOUND.into_response()) };
        let (rows, labels) =
            web.app.presenter_for(shown.flow, visit.lang()).chart(&shown.snapshot, shown.completed_at);
        let png =
            crate::chart::profile_png(&rows, &labels).map_err(|err| unavailable(web, visit.lang(), &err))?;
        Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
    })
    .await
}

/// `/history`: every completed scan, newest first.
pub async fn history(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let text = history::list(&web.app, &visit.session.person, visit.lang())
            .map_err(store_error(web, visit.lang()))?;
        Ok(prose_page(web, &visit, StatusCode::OK, Msg::WebHistoryTitle, &text))
    })
    .await
}

/// `/privacy`: the full statement.
pub async fn privacy(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let text = privacy::statement(&web.app, visit.lang(), Channel::Web);
        Ok(prose_page(web, &visit, StatusCode::OK, Msg::WebPrivacyTitle, &text))
    })
    .await
}

/// `/mydata`: the summary, the download, and "delete everything".
pub async fn my_data(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let reply =
            privacy::my_data(&web.app, &visit.session).map_err(|err| unavailable(web, visit.lang(), &err))?;
        let mut main = String::new();
        for part in &reply.parts {
            if let Part::Text { text, .. } = part {
                main.push_str(&html::paragraphs(text));
            }
        }
        main.push_str(&format!(
            "<p><a href=\"/mydata.json\" download>{}</a></p>\n<p><a href=\"/forget\">{}</a></p>\n",
            html::escape(&msg(web, &visit, Msg::WebMyDataDownload)),
            html::escape(&msg(web, &visit, Msg::WebForgetLink)),
        ));
        if visit.session.record.noticed_at.is_some() {
            main.push_str(&personal_link(web, &visit, Msg::WebResume));
        }
        Ok(render(web, &visit, StatusCode::OK, &msg(web, &visit, Msg::WebMyDataTitle), &main))
    })
    .await
}

/// Everything kept about the person, as a JSON file.
pub async fn my_data_json(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    with_visit(web, headers, |web, visit| {
        let reply =
            privacy::my_data(&web.app, &visit.session).map_err(|err| unavailable(web, visit.lang(), &err))?;
        let file = reply.parts.into_iter().find_map(|part| match part {
            Part::Document { bytes, name, .. } => Some((bytes, name)),
            Part::Text { .. } | Part::Photo { .. } => None,
        });
        let Some((bytes, name)) = file else { return Ok(StatusCode::NOT_FOUND.into_response()) };
        let disposition = format!("attachment; filename=\"{name}\"");
        Ok((
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            bytes,
        )
            .into_response())
    })
    .await
}
