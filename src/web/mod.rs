//! The web channel: the same flows, store and rules in a browser, a page per question, for
//! staff whose municipality allows no Telegram on work phones.
//!
//! ```text
//! browser: GET /                    peilbot: the flow menu (a form per flow)
//! browser: POST /act action=…       peilbot: one durable commit, then 303 → /question
//! browser: GET /question            peilbot: the statement, five levels and "don't know"
//! browser: POST /act (an old page)  peilbot: nothing counted; the page says where it stands
//! browser: GET /snapshot            peilbot: text, chart (with its figures as a table), resume link
//! ```
//!
//! A thin adapter like `telegram/`: it loads a person's `app::Session` (on the blocking
//! pool), asks `app::conversation` what a request comes to, commits before it answers,
//! and renders the values as HTML (`html`). Identity is a cookie (`identity`); every
//! response carries the security headers, every form a CSRF token; bodies over 64 KB and
//! too many requests per address or session are refused (`limits`).

mod acts;
mod html;
mod identity;
mod lead;
mod limits;
mod links;
mod org;
mod pages;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};

use crate::app::App;

pub use limits::{Limits, PER_ADDRESS as DEFAULT_PER_ADDRESS};

/// Bodies larger than this are refused (a form of ours is far smaller).
const MAX_BODY: usize = 64 * 1024;

/// What every page handler shares.
pub struct Web {
    /// The app; its `web_url` is the public address used in links (relative without it).
    pub app: App,
    limits: Limits,
}

impl Web {
    pub fn new(app: App, limits: Limits) -> Web {
        Web { app, limits }
    }

    /// Cookies are `Secure` when the public address is https.
    fn secure(&self) -> bool {
        self.app.web_url.as_ref().is_some_and(|url| url.scheme() == "https")
    }

    /// A link to a path of ours: absolute with a public address, else relative.
    /// The public address links start with, when there is one.
    fn origin(&self) -> Option<&str> {
        self.app.web_url.as_ref().map(url::Url::as_str)
    }

    fn link(&self, path: &str) -> String {
        self.app.web_link(path).unwrap_or_else(|| path.to_string())
    }
}

/// Every route, in one place.
pub fn router(web: Arc<Web>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/question", get(pages::question))
        .route("/act", post(acts::act))
        .route("/language", post(acts::language))
        .route("/snapshot", get(pages::snapshot))
        .route("/snapshot.png", get(pages::snapshot_png))
        .route("/history", get(pages::history))
        .route("/privacy", get(pages::privacy))
        .route("/mydata", get(pages::my_data))
        .route("/mydata.json", get(pages::my_data_json))
        .route("/forget", get(acts::forget))
        .route("/resume/{token}", get(links::resume))
        .route("/join/{code}", get(links::join))
        .route("/lead-invite/{code}", get(links::lead_invite))
        .route("/signin/{code}", get(lead::sign_in))
        .route("/lead", get(lead::teams))
        .route("/lead/act", post(lead::act))
        .route("/lead/new", post(lead::new_team))
        .route("/lead/{team}", get(lead::result))
        .route("/lead/{team}/{file}", get(lead::file))
        .route("/org", get(org::view))
        .route("/org/{file}", get(org::file))
        .route("/style.css", get(pages::style))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(web.clone(), limits::limited))
        .layer(axum::middleware::map_response(security_headers))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(web)
}

/// No script, no frames, no referrer, nothing from another origin.
async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    let headers = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, "default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in set {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Serves the web channel until `stop` resolves; every acknowledged answer is on disk
/// when it returns.
pub async fn serve(
    web: Arc<Web>,
    listen: SocketAddr,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let socket = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|err| anyhow::anyhow!("cannot listen on {listen}: {err}"))?;
    tracing::info!(address = %socket.local_addr()?, "the web channel is listening");
    let app = router(web).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(socket, app).with_graceful_shutdown(stop).await?;
    Ok(())
}
