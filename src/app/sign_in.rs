//! A lead on the web: a one-time sign-in link, made in a chat (`/weblink`) and valid for
//! [`LINK_MINUTES`], opens a web session of [`SESSION_HOURS`] in which the lead sees what
//! they see in the chat (the team result, the PDF, the export), through the same team
//! operations and so the same anonymity rules. Links and sessions are kept as hashes of
//! their secrets: the store holds nothing a thief could sign in with.

use super::App;
use crate::person::PersonId;
use crate::random::hashed;
use crate::store::{SignIn, Store, StoreError};
use url::Url;

/// How long a sign-in link works, once.
pub const LINK_MINUTES: u64 = 15;
/// How long a web session of a lead lasts.
pub const SESSION_HOURS: u64 = 8;

const MINUTE: u64 = 60 * 1000;

/// Who a sign-in link for the organisation view stands for (`peilbot weblink --org`): the
/// web channel's one organisation admin. Not a person: it takes no scan, and every member
/// of a management team sees the same view.
pub fn org_admin() -> PersonId {
    PersonId("admin:organisation".into())
}

/// A new one-time sign-in link for `person`, or `None` while the web channel has no public
/// address (`--web-url`).
pub fn new_link(app: &App, person: &PersonId, now: u64) -> Result<Option<String>, StoreError> {
    app.web_url.as_ref().map(|web_url| new_link_on(&app.store, web_url, person, now)).transpose()
}

/// A new one-time sign-in link for `person` to the web channel at `web_url`.
pub fn new_link_on(store: &Store, web_url: &Url, person: &PersonId, now: u64) -> Result<String, StoreError> {
    let code = crate::random::new_invite_code();
    let sign_in = SignIn { person: person.clone(), expires_at: now + LINK_MINUTES * MINUTE };
    store.add_sign_in(&hashed("sign-in link", &code), &sign_in, now)?;
    Ok(super::web_link_on(web_url, &format!("/signin/{code}")))
}

/// The person a sign-in link stands for, if it is valid; it works only once.
pub fn redeem(app: &App, code: &str, now: u64) -> Result<Option<PersonId>, StoreError> {
    Ok(app.store.take_sign_in(&hashed("sign-in link", code), now)?.map(|sign_in| sign_in.person))
}

/// Opens a web session for a signed-in lead: its secret, for the browser's cookie.
pub fn open_session(app: &App, person: &PersonId, now: u64) -> Result<String, StoreError> {
    let secret = crate::random::new_invite_code();
    let sign_in = SignIn { person: person.clone(), expires_at: now + SESSION_HOURS * 60 * MINUTE };
    app.store.add_sign_in(&hashed("lead session", &secret), &sign_in, now)?;
    Ok(secret)
}

/// The lead of a web session, while it lasts.
pub fn session(app: &App, secret: &str, now: u64) -> Result<Option<PersonId>, StoreError> {
    Ok(app.store.sign_in(&hashed("lead session", secret), now)?.map(|sign_in| sign_in.person))
}
