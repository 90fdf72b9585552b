//! Blocking work (store reads and writes, team results, charts) off tokio's async workers,
//! for every channel, so a slow disk or a large team stalls no other person.

/// Runs `work` on the blocking pool; a panic in it goes on in the caller.
pub async fn off_async<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(panicked) => std::panic::resume_unwind(panicked.into_panic()),
    }
}
