//! IT makes links while the service runs: sled lets one process hold a data folder, so
//! `peilbot invite` and `peilbot weblink` ask the running `web` or `serve` over its socket
//! in the folder, and get what they would have made on the folder themselves.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::binary::{Run, peilbot};
use crate::support::bot::{setup, store};
use crate::support::members::link_code;
use crate::support::person::Person;
use crate::support::web::{WebPeilbot, free_port};

fn links(data: &Path, base: &str, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--data", data.to_str().unwrap(), "--web-url", base]);
    peilbot(&all, "", &[], None)
}

fn made(run: &Run, base: &str) -> String {
    assert!(run.status.success(), "{}", run.stderr);
    run.stdout.trim().strip_prefix(base).expect("a link to the web channel").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn it_makes_links_while_the_web_channel_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let port = free_port();
    let web = WebPeilbot::start_on(&data, port, &[]).await;
    let base = web.base.clone();
    let mut lead = web.browser("en");
    let form = lead.get("/lead").await;
    let team = lead.post("/lead/new", &[("csrf", &form.csrf()), ("name", "Burgerzaken")]).await;
    assert!(team.text().contains("\"Burgerzaken\" has been created"), "{}", team.text());

    // The team's invite: a member who opens it is offered the team.
    let join = made(&links(&data, &base, &["invite", "--team", "Burgerzaken"]), &base);
    assert!(join.starts_with("/join/"), "{join}");
    let offer = web.browser("en").get(&join).await;
    assert!(offer.text().contains("Burgerzaken"), "{}", offer.text());

    // The lead's sign-in link opens their team in another browser, once.
    let sign_in = made(&links(&data, &base, &["weblink", "--team", "Burgerzaken"]), &base);
    let mut elsewhere = web.browser("en");
    assert_eq!(elsewhere.get(&sign_in).await.location.as_deref(), Some("/lead"));
    assert!(elsewhere.get("/lead").await.text().contains("Burgerzaken"));
    assert_ne!(web.browser("en").get(&sign_in).await.status, 303, "a sign-in link works once");

    // The organisation view's.
    let org = made(&links(&data, &base, &["weblink", "--org"]), &base);
    assert_eq!(web.browser("en").get(&org).await.location.as_deref(), Some("/org"));

    // A command that fails on the folder fails the same way through the socket.
    let unknown = links(&data, &base, &["weblink", "--team", "Sociaal domein"]);
    assert!(!unknown.status.success());
    assert!(unknown.stderr.contains("there is no team called \"Sociaal domein\""), "{}", unknown.stderr);
    assert!(unknown.stdout.is_empty(), "{}", unknown.stdout);

    // Only this account can ask.
    let socket = data.join("control.sock");
    assert_eq!(std::fs::metadata(&socket).unwrap().permissions().mode() & 0o777, 0o600);

    // A crash leaves the socket behind; the next start replaces it, and a stop removes it.
    drop(web);
    assert!(socket.exists());
    let web = WebPeilbot::start_on(&data, port, &[]).await;
    let again = made(&links(&data, &base, &["weblink", "--org"]), &base);
    assert_eq!(web.browser("en").get(&again).await.location.as_deref(), Some("/org"));
    assert_eq!(web.terminate().code(), Some(0));
    assert!(!socket.exists(), "the socket goes with the service");
    // With nothing running, the command opens the folder itself.
    made(&links(&data, &base, &["weblink", "--org"]), &base);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn it_makes_a_leads_links_while_the_bot_runs() {
    let (tg, data, _bot) = setup(&[]).await;
    let lea = Person::new(&tg, 300, "Lea", Some("en"));
    let created = lea.ask("/newteam Alpha", "has been created").await;
    let code = link_code(created.body(), "join_");
    let base = "https://scan.example.nl";

    let sign_in = made(&links(&store(&data), base, &["weblink", "--team", "Alpha"]), base);
    assert!(sign_in.starts_with("/signin/"), "{sign_in}");
    let invite = links(&store(&data), base, &["invite", "--team", "Alpha", "--bot", "peilbot_test"]);
    assert!(invite.status.success(), "{}", invite.stderr);
    assert_eq!(
        invite.stdout.lines().collect::<Vec<_>>(),
        [format!("{base}/join/{code}"), format!("https://t.me/peilbot_test?start=join_{code}")]
    );
    // Other admin commands still need the folder to themselves, and say so.
    let org = peilbot(&["org", "--data", store(&data).to_str().unwrap()], "", &[], None);
    assert!(org.stderr.contains("another peilbot is using it"), "{}", org.stderr);
    assert!(org.stderr.contains("invite and weblink work while it runs"), "{}", org.stderr);
}
