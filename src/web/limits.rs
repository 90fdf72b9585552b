//! Requests per address and per session, counted in windows of a minute: enough for a
//! person taking a scan at any pace, too few to hammer the store or guess tokens.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::Web;
use super::identity;

const WINDOW: Duration = Duration::from_secs(60);
/// Requests a minute from one address, by default: one address may be a municipality's
/// whole office behind one NAT (200 people answering at once is about 1,500 a minute).
pub const PER_ADDRESS: u32 = 6_000;
/// Requests a minute from one session: a person answering fast makes about 20.
const PER_SESSION: u32 = 120;

pub struct Limits {
    per_address: u32,
    counts: Mutex<Counts>,
}

impl Limits {
    pub fn new(per_address: u32) -> Limits {
        Limits { per_address, counts: Mutex::default() }
    }
}

#[derive(Default)]
struct Counts {
    started: Option<Instant>,
    addresses: HashMap<IpAddr, u32>,
    sessions: HashMap<String, u32>,
}

impl Limits {
    /// Counts one request; `false` when its address or session is over its limit.
    fn admit(&self, address: Option<IpAddr>, session: Option<String>) -> bool {
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        if counts.started.is_none_or(|started| now.duration_since(started) >= WINDOW) {
            *counts = Counts { started: Some(now), ..Counts::default() };
        }
        let by_address = address.map_or(0, |address| bump(counts.addresses.entry(address).or_default()));
        let by_session = session.map_or(0, |session| bump(counts.sessions.entry(session).or_default()));
        by_address <= self.per_address && by_session <= PER_SESSION
    }
}

fn bump(count: &mut u32) -> u32 {
    *count = count.saturating_add(1);
    *count
}

/// Refuses a request over the limits with a page that says so (429), before any work.
pub async fn limited(State(web): State<Arc<Web>>, request: Request, next: Next) -> Response {
    let address = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
    // Kept in memory for a minute only, never written or logged.
    let session = identity::cookie(request.headers(), identity::COOKIE);
    if web.limits.admit(address, session) {
        return next.run(request).await;
    }
    super::pages::too_many(&web, request.headers())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_over_its_limit_is_refused_and_others_are_not() {
        let limits = Limits::new(PER_ADDRESS);
        let address = Some(IpAddr::from([127, 0, 0, 1]));
        for _ in 0..PER_SESSION {
            assert!(limits.admit(address, Some("a".into())));
        }
        assert!(!limits.admit(address, Some("a".into())));
        assert!(limits.admit(address, Some("b".into())));
        let office = Limits::new(3);
        for session in ["a", "b", "c"] {
            assert!(office.admit(address, Some(session.into())));
        }
        assert!(!office.admit(address, Some("d".into())), "an address over its limit");
    }
}
