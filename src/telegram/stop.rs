//! Stopping: SIGINT and SIGTERM end polling, let the updates in flight finish, and exit
//! with success, always within [`STOP_DEADLINE`].

use teloxide::dispatching::ShutdownToken;

/// SIGINT (Ctrl-C) and SIGTERM (`docker stop`, `systemctl stop`) both stop the bot
/// cleanly: no new updates are taken, the ones in flight finish and are committed.
///
/// A stop always ends within [`STOP_DEADLINE`]: a signal that comes before the dispatcher
/// runs is kept until it does, and should the dispatcher not stop in time (a poll that
/// will not end), the process exits anyway. Every answer a person was told about is on
/// disk by then (each reply waits for its commit), so nothing acknowledged is lost; a
/// supervisor's SIGKILL would only have come later.
pub(super) async fn stop_on_signal(token: ShutdownToken) {
    stop_signal().await;
    tracing::info!("stopping: finishing the updates in flight");
    let stopping = async {
        loop {
            match token.shutdown() {
                Ok(stopped) => return stopped.await,
                // Not running yet: ask again once it does.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            }
        }
    };
    if tokio::time::timeout(STOP_DEADLINE, stopping).await.is_err() {
        tracing::warn!(
            seconds = STOP_DEADLINE.as_secs(),
            "the updates in flight did not finish in time; stopping anyway (every acknowledged answer is on disk)"
        );
        std::process::exit(0);
    }
}

/// How long a stop may take before the process exits regardless: well within systemd's
/// and Docker's stop timeouts (90 s and 10 s).
const STOP_DEADLINE: std::time::Duration = std::time::Duration::from_secs(8);

#[cfg(unix)]
pub async fn stop_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut term) = signal(SignalKind::terminate()) else {
        let _ = tokio::signal::ctrl_c().await;
        return;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}

#[cfg(not(unix))]
pub async fn stop_signal() {
    let _ = tokio::signal::ctrl_c().await;
}
