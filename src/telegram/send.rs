//! Delivering messages the way Telegram expects: a 429 is waited out and retried, a
//! "message is not modified" is success, and a 403 from a person who blocked the bot is
//! an opt-out, reported to the caller instead of retried.

use std::future::Future;

use teloxide::ApiError;
use teloxide::RequestError;

use super::health::record_api_result;

/// Tries after a 429 before giving up; each waits as long as Telegram asked.
const RETRY_AFTER_TRIES: usize = 5;

/// Runs a request, waiting out "retry after" answers.
pub async fn retrying<T, F, Fut>(mut request: F) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let started = std::time::Instant::now();
    for _ in 0..RETRY_AFTER_TRIES {
        let result = request().await;
        record_api_result(&result);
        match result {
            Err(RequestError::RetryAfter(wait)) => {
                tracing::info!(seconds = wait.seconds(), "Telegram asked to slow down; waiting");
                metrics::counter!("peilbot_retry_after_total").increment(1);
                tokio::time::sleep(wait.duration()).await;
            }
            other => {
                metrics::histogram!("peilbot_reply_seconds").record(started.elapsed());
                return other;
            }
        }
    }
    let result = request().await;
    record_api_result(&result);
    metrics::histogram!("peilbot_reply_seconds").record(started.elapsed());
    result
}

/// An edit that changes nothing is not a failure.
pub fn ignore_not_modified<T>(result: Result<T, RequestError>) -> Result<(), RequestError> {
    match result {
        Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        Err(err) => Err(err),
    }
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
