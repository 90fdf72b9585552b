//! Delivering messages the way Telegram expects: a 429 is waited out and retried, a
//! "message is not modified" is success, and a 403 from a person who blocked the bot is
//! an opt-out, reported to the caller instead of retried.

use std::future::Future;
use std::time::{Duration, Instant};

use teloxide::ApiError;
use teloxide::RequestError;

use super::health::record_api_result;

/// How long a call a person waits for is retried (after a 429, or a network error)
/// before it is given up; their next message then shows the current question again.
/// Telegram's limit on a message, in characters.
pub const MAX_TEXT: usize = 4096;

const GIVE_UP_AFTER: Duration = Duration::from_secs(60);
/// The first wait after a network error; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// Runs a request until it is delivered: a 429 is waited out as long as Telegram asks, a
/// network error is retried with a growing pause, for at most [`GIVE_UP_AFTER`]. Calls
/// for one chat are made in order, since each endpoint awaits its calls one by one.
pub async fn retrying<T, F, Fut>(mut request: F) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let started = Instant::now();
    let mut backoff = FIRST_BACKOFF;
    loop {
        let result = request().await;
        record_api_result(&result);
        let wait = match &result {
            Err(RequestError::RetryAfter(wait)) => {
                tracing::info!(seconds = wait.seconds(), "Telegram asked to slow down; waiting");
                metrics::counter!("peilbot_retry_after_total").increment(1);
                wait.duration()
            }
            Err(RequestError::Network(_) | RequestError::Io(_)) => {
                let wait = backoff;
                backoff = (backoff * 2).min(MAX_BACKOFF);
                wait
            }
            _ => Duration::ZERO,
        };
        if wait.is_zero() || started.elapsed() + wait > GIVE_UP_AFTER {
            metrics::histogram!("peilbot_reply_seconds").record(started.elapsed());
            return result;
        }
        tokio::time::sleep(wait).await;
    }
}

/// An edit that changes nothing is not a failure, but a wasted call against the rate
/// limit: counted, so an operator sees them (the bot makes no such edit it can foresee).
pub fn ignore_not_modified<T>(result: Result<T, RequestError>) -> Result<(), RequestError> {
    match result {
        Ok(_) => Ok(()),
        Err(RequestError::Api(ApiError::MessageNotModified)) => {
            count_refused("not_modified");
            Ok(())
        }
        Err(err) => Err(err),
    }
}

/// A Bot API call Telegram refused for what it asked (an edit that changed nothing, of a
/// message it no longer edits), on `/metrics` as `peilbot_bot_api_refused_total`.
pub fn count_refused(reason: &'static str) {
    metrics::counter!("peilbot_bot_api_refused_total", "reason" => reason).increment(1);
}

/// The person blocked the bot (or deleted their account): stop writing to them.
pub fn is_opt_out(err: &RequestError) -> bool {
    matches!(err, RequestError::Api(ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::BotKicked))
}

/// Splits a text into Telegram-sized messages (at most `limit` characters each),
/// preferring paragraph and line breaks.
pub fn split_text(text: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    for paragraph in text.split_inclusive('\n') {
        if current.chars().count() + paragraph.chars().count() > limit && !current.is_empty() {
            parts.push(std::mem::take(&mut current).trim_end().to_string());
        }
        if paragraph.chars().count() > limit {
            let chars: Vec<char> = paragraph.chars().collect();
            for chunk in chars.chunks(limit) {
                parts.push(chunk.iter().collect());
            }
        } else {
            current.push_str(paragraph);
        }
    }
    if !current.trim().is_empty() {
        parts.push(current.trim_end().to_string());
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_split_on_line_breaks_within_the_limit() {
        let text = format!("{}\n{}\n{}", "a".repeat(30), "b".repeat(30), "c".repeat(30));
        let parts = split_text(&text, 64);
        assert_eq!(parts, vec![format!("{}\n{}", "a".repeat(30), "b".repeat(30)), "c".repeat(30)]);
        assert_eq!(split_text("kort", 4096), vec!["kort"]);
        let long = "é".repeat(100);
        let parts = split_text(&long, 40);
        assert!(parts.iter().all(|p| p.chars().count() <= 40));
        assert_eq!(parts.concat(), long);
    }
}
