//! The organisation view in a browser, for a management team without Telegram: IT makes a
//! one-time sign-in link on the server, and the page shows what the chat's `/org` shows.

use crate::support::binary::peilbot;
use crate::support::web::{WebPeilbot, free_port};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_management_team_reads_the_organisation_view_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let data = data.to_str().unwrap();
    let demo = peilbot(&["demo", "--data", data, "--teams", "3", "--people", "30"], "", &[], None);
    assert!(demo.status.success(), "{}", demo.stderr);
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let made = peilbot(&["weblink", "--data", data, "--org", "--web-url", &base], "", &[], None);
    assert!(made.status.success(), "{}", made.stderr);
    let code =
        made.stdout.trim().strip_prefix(&format!("{base}/signin/")).expect("a sign-in link").to_string();
    let second = peilbot(&["weblink", "--data", data, "--org", "--web-url", &base], "", &[], None);
    let second = second.stdout.trim().strip_prefix(&base).expect("a second sign-in link").to_string();
    let neither = peilbot(&["weblink", "--data", data, "--web-url", &base], "", &[], None);
    assert!(!neither.status.success() && neither.stderr.contains("--team"), "{}", neither.stderr);
    let web = WebPeilbot::start_on(std::path::Path::new(data), port, &[]).await;

    // Without the link, the page says whom it is for and how to get in; no file leaves.
    let mut stranger = web.browser("nl-BE");
    let refused = stranger.get("/org").await;
    assert_eq!(refused.status, 403);
    assert!(refused.text().contains("Vraag de IT-dienst om een aanmeldlink"), "{}", refused.text());
    assert!(!refused.text().contains("Hele organisatie"), "{}", refused.text());
    assert_eq!(stranger.get("/org/peilbot-organisation.pdf").await.status, 403);
    assert_eq!(stranger.get("/org/peilbot-org.csv").await.status, 403);

    let mut mt = web.browser("en");
    let signed_in = mt.get(&format!("/signin/{code}")).await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    assert_eq!(signed_in.location.as_deref(), Some("/org"));
    let view = mt.get("/org").await;
    assert_eq!(view.status, 200, "{}", view.text());
    assert!(view.body.contains("<h1>Organisation</h1>"), "{}", view.body);
    assert!(view.text().contains("Organisation view: per team the latest round"), "{}", view.text());
    assert!(view.text().contains("Whole organisation"), "{}", view.text());
    for heading in
        ["Digital maturity quick scan", "Priorities", "Actions (fill in owner and date at the meeting)"]
    {
        assert!(view.body.contains(&format!("<h2>{heading}</h2>")), "{heading}: {}", view.body);
    }
    assert!(
        view.body.contains("<img src=\"/org/chart-1.png\" alt=\"Median level now per team\""),
        "{}",
        view.body
    );
    assert!(view.text().contains("most divided and weakest first"), "the picture's caption: {}", view.text());
    for file in ["peilbot-organisation.pdf", "peilbot-org.xlsx", "peilbot-org.csv"] {
        assert!(view.body.contains(&format!("href=\"/org/{file}\"")), "{file}: {}", view.body);
    }

    let chart = mt.get("/org/chart-1.png").await;
    assert!(chart.bytes.starts_with(b"\x89PNG"), "a picture");
    let pdf = mt.get("/org/peilbot-organisation.pdf").await;
    assert!(pdf.bytes.starts_with(b"%PDF"), "the report");
    let workbook = mt.get("/org/peilbot-org.xlsx").await;
    assert!(workbook.bytes.starts_with(b"PK"), "a workbook (a zip)");
    assert!(workbook.headers["content-disposition"].to_str().unwrap().contains("peilbot-org.xlsx"));
    let csv = mt.get("/org/peilbot-org.csv").await;
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let table = String::from_utf8_lossy(&csv.bytes).into_owned();
    let team = view.text().lines().find_map(|line| {
        line.split(" · round ").next().filter(|_| line.contains(" · round ")).map(str::to_string)
    });
    let team = team.expect("a team line in the view");
    assert!(table.contains(&team), "{team} in the table: {table}");
    assert_eq!(mt.get("/org/chart-99.png").await.status, 404);
    assert_eq!(mt.get("/org/chart-0.png").await.status, 404);
    assert_eq!(mt.get("/org/peilbot-org.json").await.status, 404);
    // The organisation's sign-in leads no team: "My teams" is this browser's own.
    let form = mt.get("/lead").await;
    let made = mt.post("/lead/new", &[("csrf", &form.csrf()), ("name", "Board")]).await;
    assert!(made.text().contains("Team \"Board\" has been created"), "{}", made.text());
    let mut colleague = web.browser("en");
    assert_eq!(colleague.get(&second).await.location.as_deref(), Some("/org"));
    let theirs = colleague.get("/lead").await;
    assert!(!theirs.text().contains("Board"), "not the whole MT's team: {}", theirs.text());
    // The link worked once.
    let again = web.browser("en").get(&format!("/signin/{code}")).await;
    assert_eq!(again.status, 404, "{}", again.text());
}
