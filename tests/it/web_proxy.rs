//! The web channel behind a municipality's reverse proxy: every request comes from the
//! proxy's address, so the limit per address counts the client the proxy names, once the
//! proxy is trusted (`--trusted-proxy`); a client's own `X-Forwarded-For` never buys it a
//! fresh limit.

use crate::support::web::WebPeilbot;

const PER_ADDRESS: usize = 10;

/// The statuses of `PER_ADDRESS + 1` requests, each forwarded for another client.
async fn statuses_for_new_clients(env: &[(&str, &str)]) -> Vec<u16> {
    let data = tempfile::tempdir().unwrap();
    let per_address = PER_ADDRESS.to_string();
    let mut env = env.to_vec();
    env.push(("PEILBOT_WEB_PER_ADDRESS", &per_address));
    let web = WebPeilbot::start(&data.path().join("store"), &env).await;
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    for n in 1..=PER_ADDRESS + 1 {
        let forwarded = format!("198.51.100.{n}");
        let page = client.get(format!("{}/privacy", web.base)).header("x-forwarded-for", forwarded);
        statuses.push(page.send().await.unwrap().status().as_u16());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_has_a_limit_of_its_own() {
    let statuses = statuses_for_new_clients(&[("PEILBOT_WEB_TRUSTED_PROXIES", "127.0.0.1")]).await;
    assert!(statuses.iter().all(|status| *status == 200), "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_trusted_proxy_a_forwarded_header_changes_nothing() {
    let statuses = statuses_for_new_clients(&[]).await;
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_behind_a_trusted_proxy_is_limited_whatever_it_writes_itself() {
    let data = tempfile::tempdir().unwrap();
    let per_address = PER_ADDRESS.to_string();
    let env =
        [("PEILBOT_WEB_PER_ADDRESS", per_address.as_str()), ("PEILBOT_WEB_TRUSTED_PROXIES", "127.0.0.1")];
    let web = WebPeilbot::start(&data.path().join("store"), &env).await;
    let client = reqwest::Client::new();
    let get = |forwarded: String| {
        let page = client.get(format!("{}/privacy", web.base)).header("x-forwarded-for", forwarded);
        async move { page.send().await.unwrap().status().as_u16() }
    };
    for n in 0..PER_ADDRESS {
        // What the client wrote comes first; the proxy appends the address it saw.
        assert_eq!(get(format!("203.0.113.{n}, 192.0.2.7")).await, 200);
    }
    assert_eq!(get("203.0.113.99, 192.0.2.7".into()).await, 429, "the same client, over its limit");
    assert_eq!(get("192.0.2.8".into()).await, 200, "a colleague behind the same proxy");
}
