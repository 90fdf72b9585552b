//! Requests per address and per session, counted in windows of a minute: enough for a
//! person taking a scan at any pace, too few to hammer the store or guess tokens.
//!
//! Behind a reverse proxy every request comes from the proxy's address, and one limit would
//! count the whole municipality as one person. A proxy named as trusted (`--trusted-proxy`)
//! is believed about whom it forwarded for: the rightmost `X-Forwarded-For` entry that is
//! not itself a trusted proxy. Entries to the left of that are the client's own to write,
//! so they are never believed, and without a trusted proxy the header is ignored.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
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
    trusted_proxies: Vec<IpAddr>,
    counts: Mutex<Counts>,
}

impl Limits {
    /// `per_address` requests a minute per address ([`PER_ADDRESS`] by default), the client's
    /// address read from `X-Forwarded-For` behind one of `trusted_proxies`.
    pub fn new(per_address: u32, trusted_proxies: Vec<IpAddr>) -> Limits {
        Limits { per_address, trusted_proxies, counts: Mutex::default() }
    }

    /// The address a request counts against: its peer's, or, when the peer is a trusted
    /// proxy, the client's that the proxy forwarded for.
    fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusted_proxies.contains(&peer) {
            return Some(peer);
        }
        let forwarded = headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok());
        let hops: Vec<&str> = forwarded.flat_map(|value| value.split(',')).collect();
        let mut from_the_right = hops.iter().rev().map(|hop| hop.trim().parse::<IpAddr>());
        // An entry that does not parse is where the forwarded chain stops being believable.
        let client =
            from_the_right.find(|hop| hop.as_ref().map_or(true, |ip| !self.trusted_proxies.contains(ip)));
        Some(client.and_then(Result::ok).unwrap_or(peer))
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
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
    let address = web.limits.client(peer, request.headers());
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
        let limits = Limits::new(PER_ADDRESS, Vec::new());
        let address = Some(IpAddr::from([127, 0, 0, 1]));
        for _ in 0..PER_SESSION {
            assert!(limits.admit(address, Some("a".into())));
        }
        assert!(!limits.admit(address, Some("a".into())));
        assert!(limits.admit(address, Some("b".into())));
        let office = Limits::new(3, Vec::new());
        for session in ["a", "b", "c"] {
            assert!(office.admit(address, Some(session.into())));
        }
        assert!(!office.admit(address, Some("d".into())), "an address over its limit");
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_it_forwarded_for_counts() {
        let proxy: IpAddr = [127, 0, 0, 1].into();
        let limits = Limits::new(PER_ADDRESS, vec![proxy, [10, 0, 0, 2].into()]);
        let client = |peer: [u8; 4], values: &[&str]| limits.client(Some(peer.into()), &forwarded(values));
        let ip = |text: &str| Some(text.parse::<IpAddr>().unwrap());
        assert_eq!(client([127, 0, 0, 1], &["192.0.2.7"]), ip("192.0.2.7"));
        // What the client wrote itself, left of what the proxy added, is not believed.
        assert_eq!(client([127, 0, 0, 1], &["203.0.113.9, 192.0.2.7"]), ip("192.0.2.7"));
        assert_eq!(client([127, 0, 0, 1], &["203.0.113.9", "192.0.2.7"]), ip("192.0.2.7"));
        // A chain of trusted proxies is walked through; IPv6 too.
        assert_eq!(client([127, 0, 0, 1], &["2001:db8::1, 10.0.0.2"]), ip("2001:db8::1"));
        // Nothing believable forwarded: the proxy's own address.
        assert_eq!(client([127, 0, 0, 1], &[]), ip("127.0.0.1"));
        assert_eq!(client([127, 0, 0, 1], &["192.0.2.7, unknown"]), ip("127.0.0.1"));
        // From anyone else the header is the sender's own words.
        assert_eq!(client([198, 51, 100, 4], &["192.0.2.7"]), ip("198.51.100.4"));
        assert_eq!(
            Limits::new(PER_ADDRESS, Vec::new()).client(Some(proxy), &forwarded(&["192.0.2.7"])),
            ip("127.0.0.1")
        );
    }
}
