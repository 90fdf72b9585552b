//! What an operator watches: `/healthz` and `/metrics` (Prometheus text format) on
//! `serve --metrics-listen ADDR`, off by default.
//!
//! `/healthz` answers 200 while the store answers, its last commit succeeded and the last
//! contact with the Bot API succeeded, 503 otherwise. Metrics count updates, answers, completed scans and Bot API
//! errors by kind, and time commits and replies; they never carry a person's id or a team
//! name (labels are fixed words).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use teloxide::RequestError;

use crate::store::Store;

/// Whether the last Bot API call got through (a refusal by Telegram counts as contact).
static BOT_API_REACHED: AtomicBool = AtomicBool::new(true);
/// Whether the last commit to the store succeeded.
static STORE_WRITES: AtomicBool = AtomicBool::new(true);

/// Records whether a commit succeeded, for `/healthz`.
pub fn record_store_write(ok: bool) {
    STORE_WRITES.store(ok, Ordering::Relaxed);
    if !ok {
        metrics::counter!("peilbot_store_errors_total").increment(1);
    }
}

/// Records the outcome of one Bot API call, for `/healthz` and the error counters.
pub fn record_api_result<T>(result: &Result<T, RequestError>) {
    // Telegram answering at all, even with a refusal, counts as contact.
    let (reached, kind) = match result {
        Ok(_) => (true, None),
        Err(RequestError::RetryAfter(_)) => (true, Some("retry_after")),
        Err(RequestError::Api(_)) => (true, Some("api")),
        Err(RequestError::MigrateToChatId(_)) => (true, Some("migrate")),
        Err(RequestError::InvalidJson { .. }) => (true, Some("invalid_json")),
        Err(RequestError::Network(_)) => (false, Some("network")),
        Err(RequestError::Io(_)) => (false, Some("io")),
    };
    BOT_API_REACHED.store(reached, Ordering::Relaxed);
    if let Some(kind) = kind {
        metrics::counter!("peilbot_bot_api_errors_total", "kind" => kind).increment(1);
    }
}

/// A bound metrics listener, ready to serve.
pub struct Endpoint {
    socket: tokio::net::TcpListener,
    handle: PrometheusHandle,
    store: Store,
}

/// Binds `addr` and installs the metrics recorder; a port in use is a start-up error.
pub async fn bind(addr: SocketAddr, store: Store) -> anyhow::Result<Endpoint> {
    let socket = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|err| anyhow::anyhow!("cannot listen for metrics on {addr}: {err}"))?;
    let handle = PrometheusBuilder::new().install_recorder()?;
    describe();
    Ok(Endpoint { socket, handle, store })
}

impl Endpoint {
    /// Serves until `stop` completes.
    pub async fn serve(self, stop: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let state = Arc::new((self.handle, self.store));
        let app = Router::new()
            .route("/healthz", get(healthz))
            .route(
                "/metrics",
                get(|State(state): State<Arc<(PrometheusHandle, Store)>>| async move { state.0.render() }),
            )
            .with_state(state);
        axum::serve(self.socket, app).with_graceful_shutdown(stop).await
    }
}

async fn healthz(State(state): State<Arc<(PrometheusHandle, Store)>>) -> (StatusCode, &'static str) {
    let store_ok = state.1.seen_update("healthz").is_ok() && STORE_WRITES.load(Ordering::Relaxed);
    match (store_ok, BOT_API_REACHED.load(Ordering::Relaxed)) {
        (true, true) => (StatusCode::OK, "ok\n"),
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "the store does not answer\n"),
        (true, false) => (StatusCode::SERVICE_UNAVAILABLE, "the Bot API cannot be reached\n"),
    }
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_histogram};
    describe_counter!("peilbot_updates_total", "Updates from Telegram, handled once each");
    describe_counter!("peilbot_updates_redelivered_total", "Updates delivered again, skipped");
    describe_counter!("peilbot_answers_committed_total", "Answers (and don't knows) committed");
    describe_counter!("peilbot_scans_completed_total", "Scans completed");
    describe_counter!("peilbot_bot_api_errors_total", "Bot API calls that failed, by kind");
    describe_counter!(
        "peilbot_bot_api_refused_total",
        "Bot API calls refused for what they asked (an edit that changed nothing, a message too old), by reason"
    );
    describe_counter!("peilbot_retry_after_total", "Waits Telegram asked for (429)");
    describe_counter!("peilbot_store_errors_total", "Commits that failed (for example a full disk)");
    describe_counter!(
        "peilbot_store_flushes_total",
        "Times the store waited for the disk (one per acknowledged change)"
    );
    describe_histogram!("peilbot_commit_seconds", Unit::Seconds, "Durable commits: transaction and flush");
    describe_histogram!(
        "peilbot_reply_seconds",
        Unit::Seconds,
        "Bot API calls a person waits for, retries included"
    );
}
