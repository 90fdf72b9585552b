//! Reading the bot's credentials and endpoint without ever printing the token.

use std::fmt;

use teloxide::types::UserId;
use url::Url;

/// A bot token, checked for shape. Its `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// Accepts `<digits>:<letters, digits, _ or ->`, as BotFather hands them out.
    pub fn parse(raw: &str) -> Result<Token, ConfigError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ConfigError::MissingToken);
        }
        let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
        let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok =
            !secret.is_empty() && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if id_ok && secret_ok { Ok(Token(raw.to_string())) } else { Err(ConfigError::MalformedToken) }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("TELOXIDE_TOKEN is not set: get a token from @BotFather and export TELOXIDE_TOKEN")]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token (expected <digits>:<letters and digits>); it is not shown here"
    )]
    MalformedToken,
    #[error("the Bot API URL {0:?} is not a valid http(s) URL")]
    BadApiUrl(String),
    #[error("PEILBOT_ADMINS must be Telegram user ids separated by commas, got {0:?}")]
    BadAdmins(String),
}

/// The Bot API server: Telegram's unless `TELOXIDE_API_URL` or `--api-url` names another.
pub fn api_url(raw: Option<&str>) -> Result<Option<Url>, ConfigError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let url = Url::parse(raw).map_err(|_| ConfigError::BadApiUrl(raw.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ConfigError::BadApiUrl(raw.to_string()));
    }
    Ok(Some(url))
}

/// Organisation admins: Telegram user ids, comma-separated.
pub fn admins(raw: Option<&str>) -> Result<Vec<UserId>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(|id| id.parse().map(UserId).map_err(|_| ConfigError::BadAdmins(raw.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_and_never_shown() {
        let token = Token::parse("123456:ABC-def_9").unwrap();
        assert_eq!(token.expose(), "123456:ABC-def_9");
        assert!(!format!("{token:?}").contains("ABC"));
        assert_eq!(Token::parse("").err(), Some(ConfigError::MissingToken));
        for bad in ["123456", ":abc", "abc:def", "123:", "123:abc def", "123:abc/def"] {
            let err = Token::parse(bad).expect_err(bad);
            assert_eq!(err, ConfigError::MalformedToken);
            assert!(!err.to_string().contains(bad), "the error must not echo the token");
        }
    }

    #[test]
    fn api_urls_must_be_http() {
        assert_eq!(api_url(None), Ok(None));
        assert_eq!(api_url(Some("")), Ok(None));
        assert!(api_url(Some("http://127.0.0.1:8081/")).unwrap().is_some());
        assert!(api_url(Some("ftp://example.org")).is_err());
        assert!(api_url(Some("not a url")).is_err());
    }

    #[test]
    fn admins_are_user_ids() {
        assert_eq!(admins(Some("1, 22")), Ok(vec![UserId(1), UserId(22)]));
        assert_eq!(admins(None), Ok(vec![]));
        assert!(admins(Some("1,x")).is_err());
    }
}
