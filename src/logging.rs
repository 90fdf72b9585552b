//! The log: plain lines for a person at a terminal, or one JSON object per line for a log
//! collector, on stderr. The bot token never appears in it, whatever the level: teloxide
//! logs request URLs, and those carry the token, so every line is redacted before it is
//! written.

use std::io::{self, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Starts logging; `RUST_LOG` sets the level (default: warnings, and peilbot's own info).
pub fn init(format: LogFormat, token: Option<String>) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn,peilbot=info"));
    let writer = Redacting { secrets: secrets(token) };
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// What must not be logged: the whole token, and its secret part after the colon.
fn secrets(token: Option<String>) -> Vec<String> {
    let Some(token) = token.filter(|token| !token.is_empty()) else { return Vec::new() };
    let mut secrets = vec![token.clone()];
    if let Some((_, secret)) = token.split_once(':').filter(|(_, secret)| !secret.is_empty()) {
        secrets.push(secret.to_string());
    }
    secrets
}

/// Writes each log line to stderr with every secret replaced.
struct Redacting {
    secrets: Vec<String>,
}

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = Line<'a>;

    fn make_writer(&'a self) -> Line<'a> {
        Line { secrets: &self.secrets, buffer: Vec::new() }
    }
}

/// One log event, held until it is complete so that a secret split across writes is
/// still found.
struct Line<'a> {
    secrets: &'a [String],
    buffer: Vec<u8>,
}

impl Write for Line<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for Line<'_> {
    fn drop(&mut self) {
        let text = redact(&String::from_utf8_lossy(&self.buffer), self.secrets);
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// `text` with every secret replaced.
fn redact(text: &str, secrets: &[String]) -> String {
    secrets.iter().fold(text.to_string(), |text, secret| text.replace(secret.as_str(), "<token>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_and_its_secret_part_are_both_redacted() {
        let secrets = secrets(Some("123:abcDEF".into()));
        let line = "GET https://api.telegram.org/bot123:abcDEF/getMe and abcDEF";
        assert_eq!(redact(line, &secrets), "GET https://api.telegram.org/bot<token>/getMe and <token>");
        assert!(super::secrets(Some(String::new())).is_empty());
        assert_eq!(redact("no secret here", &super::secrets(None)), "no secret here");
    }
}
