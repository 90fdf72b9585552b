//! Who a browser is, without an account: a random token in a cookie (HttpOnly,
//! SameSite=Lax, Secure behind https). The store never sees the token: a web person's id
//! is a hash of it (`web:<hash>`), so a stolen data folder holds no way back into
//! anyone's scan. The same token in a personal resume link continues the scan in another
//! browser. Every form carries a CSRF token derived from the session's token, so a form
//! of another session, or one without a token, is refused.

use axum::http::HeaderMap;
use ring::digest::{SHA256, digest};

use crate::person::PersonId;
use crate::random::hashed;

/// The cookie's name.
pub const COOKIE: &str = "peilbot";
/// How long a browser keeps the cookie: the retention period is the longer limit.
const MAX_AGE_SECONDS: u64 = 2 * 365 * 24 * 60 * 60;

/// A browser's secret: 128 random bits, base64url (as invite codes).
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    // Never in a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

impl Token {
    pub fn new() -> Token {
        Token(crate::random::new_invite_code())
    }

    /// A token as typed in a resume link, if it has the shape of one.
    pub fn parse(text: &str) -> Option<Token> {
        crate::team::is_invite_code(text).then(|| Token(text.to_string()))
    }

    /// The token of the request's cookie, if it has one of ours.
    pub fn from_cookie(headers: &HeaderMap) -> Option<Token> {
        cookie(headers, COOKIE).and_then(|value| Token::parse(&value))
    }

    /// The person this token stands for in the store.
    pub fn person(&self) -> PersonId {
        PersonId(format!("web:{}", hashed("web person", &self.0)))
    }

    /// The CSRF token every form of this session carries.
    pub fn csrf(&self) -> String {
        hashed("web csrf", &self.0)
    }

    /// The secret itself, for the resume link shown to its owner only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The `Set-Cookie` value that keeps this token in the browser.
    pub fn cookie(&self, secure: bool) -> String {
        set_cookie(COOKIE, &self.0, MAX_AGE_SECONDS, secure)
    }
}

/// The `Set-Cookie` value that removes the cookie (after "delete everything").
pub fn cleared_cookie(secure: bool) -> String {
    set_cookie(COOKIE, "", 0, secure)
}

/// The value of the request's cookie `name`, if it sent one.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.to_string())
}

/// A `Set-Cookie` value for one of our cookies: the browser's scripts never see it, and
/// another site's pages do not send it.
pub fn set_cookie(name: &str, value: &str, max_age_seconds: u64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

/// Whether a form's CSRF token is this session's (a browser without our cookie has a new
/// token, which no form it sends can carry).
pub fn csrf_matches(token: &Token, sent: Option<&str>) -> bool {
    // Compared as hashes, so the time it takes says nothing about the expected token.
    sent.is_some_and(|sent| {
        digest(&SHA256, token.csrf().as_bytes()).as_ref() == digest(&SHA256, sent.as_bytes()).as_ref()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_and_a_form_token_are_hashes_that_name_no_secret() {
        let token = Token::new();
        assert!(token.person().0.starts_with("web:"));
        assert!(!token.person().0.contains(token.expose()));
        assert_ne!(token.csrf(), token.person().0["web:".len()..]);
        assert!(csrf_matches(&token, Some(&token.csrf())));
        assert!(!csrf_matches(&token, Some(&Token::new().csrf())));
        assert!(!csrf_matches(&token, None));
        assert!(!format!("{token:?}").contains(token.expose()));
    }
}
