//! The web channel through the real `peilbot web`, as a browser without JavaScript uses it:
//! a whole scan, answers that are not for the current question, forms of another session,
//! a resume link, "delete everything", a team joined on the web, and languages.

use crate::support::bot::setup;
use crate::support::members::new_team;
use crate::support::person::Person;
use crate::support::web::{Browser, Page, WebPeilbot, complete_scan, free_port, wait_for};

async fn start() -> (tempfile::TempDir, WebPeilbot) {
    let data = tempfile::tempdir().unwrap();
    let web = WebPeilbot::start(&data.path().join("store"), &[]).await;
    (data, web)
}

fn header<'a>(page: &'a Page, name: &str) -> &'a str {
    page.headers.get(name).map_or("", |value| value.to_str().unwrap())
}

fn progress(page: &Page) -> usize {
    crate::support::progress(&page.text()).expect("a question page").0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_scan_in_a_browser_ends_in_a_snapshot_with_its_figures_as_a_table() {
    let (_data, web) = start().await;
    let mut browser = web.browser("nl-NL,nl;q=0.9,en;q=0.5");
    let menu = browser.get("/").await;
    assert_eq!(menu.status, 200);
    assert!(menu.body.contains("<html lang=\"nl\">"), "{}", menu.body);
    assert!(menu.body.contains("<title>Kies een scan – Peilbot</title>"));
    let cookie = header(&menu, "set-cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "not behind https here: {cookie}");
    assert!(header(&menu, "content-security-policy").contains("default-src 'self'"));
    assert!(header(&menu, "content-security-policy").contains("frame-ancestors 'none'"));
    assert_eq!(header(&menu, "referrer-policy"), "no-referrer");
    assert!(!menu.body.contains("<script"), "no script on any page");
    assert_eq!(menu.buttons(), ["s:quickscan", "s:aiscan"]);

    let first = browser.act(&menu, "s:quickscan").await;
    assert_eq!(progress(&first), 1);
    assert_eq!(first.choices().len(), 6, "five levels and don't know: {}", first.body);
    assert!(first.body.contains("<legend>"), "the statement labels the choices");
    let snapshot = complete_scan(&mut browser, "quickscan", 3).await;
    assert!(snapshot.text().contains("Klaar, bedankt!"), "{}", snapshot.text());
    assert!(snapshot.text().contains("Visie en leiderschap: 4,0"), "{}", snapshot.text());
    assert!(snapshot.body.contains("<img src=\"/snapshot.png\" alt=\""));
    assert!(
        snapshot.body.contains("<th scope=\"row\">A Visie en leiderschap</th><td>4,0</td>"),
        "{}",
        snapshot.body
    );
    let chart = browser.get("/snapshot.png").await;
    assert_eq!(header(&chart, "content-type"), "image/png");
    assert!(chart.bytes.starts_with(b"\x89PNG"));

    let history = browser.get("/history").await;
    assert!(history.text().contains("4,0"), "{}", history.text());
    let data = browser.get("/mydata.json").await;
    assert!(header(&data, "content-disposition").starts_with("attachment"));
    let json: serde_json::Value = serde_json::from_str(&data.body).unwrap();
    assert_eq!(json["completed_scans"].as_array().map(Vec::len), Some(1), "{json}");
    assert!(json["person"].as_str().unwrap().starts_with("web:"));
    assert!(!data.body.contains(browser.cookie.as_deref().unwrap()), "the store holds no token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_to_another_question_counts_nothing_and_shows_where_the_scan_stands() {
    let (_data, web) = start().await;
    let mut browser = web.browser("en");
    let menu = browser.get("/").await;
    let first = browser.act(&menu, "s:quickscan").await;
    let answer = first.choices()[2].clone();
    let second = browser.act(&first, &answer).await;
    assert_eq!(progress(&second), 2);
    // The back button, a second tab, a double submit: the first question's form again.
    let again = browser.act(&first, &answer).await;
    assert!(again.text().contains("was not counted"), "{}", again.text());
    assert_eq!(progress(&again), 2, "still at the second question");
    let forged = browser.act(&first, "a:quickscan:2:9:0").await;
    assert_eq!(progress(&forged), 2);
    let json: serde_json::Value = serde_json::from_str(&browser.get("/mydata.json").await.body).unwrap();
    let answers = json["scan_in_progress"]["answers"].as_object().expect("a scan in progress");
    assert_eq!(answers.len(), 1, "one answer, counted once: {json}");
    // Next without choosing: the error is tied to the field, and nothing changes.
    let csrf = second.csrf();
    let empty = browser.post("/act", &[("csrf", &csrf)]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("aria-describedby=\"choice-error\""), "{}", empty.body);
    assert!(empty.text().contains("Choose one of the answers"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_without_this_sessions_token_is_refused_and_changes_nothing() {
    let (_data, web) = start().await;
    let mut alice = web.browser("en");
    let mut mallory = web.browser("en");
    let menu = alice.get("/").await;
    let mallorys = mallory.get("/").await;
    let none = alice.post("/act", &[("action", "s:quickscan")]).await;
    assert_eq!(none.status, 403);
    assert!(none.text().contains("Nothing was changed"), "{}", none.text());
    let other = alice.post("/act", &[("csrf", &mallorys.csrf()), ("action", "s:quickscan")]).await;
    assert_eq!(other.status, 403);
    let json: serde_json::Value = serde_json::from_str(&alice.get("/mydata.json").await.body).unwrap();
    assert!(json["scan_in_progress"].is_null(), "no scan was started: {json}");
    let huge = "x".repeat(70 * 1024);
    let refused = alice.post("/act", &[("csrf", &menu.csrf()), ("action", &huge)]).await;
    assert_eq!(refused.status, 413, "bodies over 64 KB are refused");
    assert_eq!(alice.get("/no-such-page").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resume_link_continues_the_same_scan_in_another_browser() {
    let (_data, web) = start().await;
    let mut laptop = web.browser("en");
    let snapshot = complete_scan(&mut laptop, "quickscan", 1).await;
    let link = snapshot.body.split("href=\"/resume/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let mut phone = web.browser("en");
    let resumed = phone.get(&format!("/resume/{link}")).await;
    assert_eq!(resumed.status, 303);
    let seen = phone.get("/snapshot").await;
    assert!(seen.text().contains("Vision & leadership: 2.0"), "{}", seen.text());
    assert_eq!(phone.get("/resume/not-a-token").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_everything_asks_first_and_then_leaves_nothing() {
    let (data, web) = start().await;
    let mut browser = web.browser("en");
    complete_scan(&mut browser, "quickscan", 2).await;
    let json: serde_json::Value = serde_json::from_str(&browser.get("/mydata.json").await.body).unwrap();
    let person = json["person"].as_str().unwrap().to_string();
    let token = browser.cookie.clone().unwrap();
    let question = browser.get("/forget").await;
    let buttons = question.buttons();
    assert_eq!(buttons.len(), 2, "yes and no: {}", question.body);
    let forged = browser.act(&question, "f:AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(forged.status, 403, "a forged code deletes nothing");
    assert!(browser.get("/snapshot").await.text().contains("2.0"));
    let question = browser.get("/forget").await;
    let done = browser.act(&question, &question.buttons()[0]).await;
    assert!(done.text().contains("everything Peilbot kept about you is deleted"), "{}", done.text());
    assert!(header(&done, "set-cookie").contains("Max-Age=0"), "the cookie goes too");
    drop(web);
    let entries = crate::privacy::every_entry(&data.path().join("store"));
    assert!(!entries.is_empty(), "the store was read");
    for (tree, key, value) in &entries {
        for secret in [&person, &token] {
            let found = crate::privacy::mentions(key, secret) || crate::privacy::mentions(value, secret);
            assert!(!found, "{tree} still holds {secret}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_follows_the_browser_then_the_switcher() {
    let (_data, web) = start().await;
    let mut fleming = web.browser("nl-BE,nl;q=0.8");
    let menu = fleming.get("/").await;
    assert!(menu.body.contains("<html lang=\"nl-BE\">"));
    let csrf = menu.csrf();
    let switched = fleming.post("/language", &[("csrf", &csrf), ("lang", "en")]).await;
    let page = fleming.follow(switched).await;
    assert!(page.body.contains("<html lang=\"en\">"), "{}", page.body);
    assert!(page.body.contains("<option value=\"en\" selected>"));
    let mut visitor = web.browser("fr-FR,de;q=0.5");
    assert!(visitor.get("/").await.body.contains("<html lang=\"en\">"));
}

/// A session that sends far more than a person can is refused for a while.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_requests_from_one_session_are_refused() {
    let (_data, web) = start().await;
    let mut browser: Browser = web.browser("en");
    browser.get("/").await;
    let mut statuses = Vec::new();
    for _ in 0..130 {
        statuses.push(browser.get("/privacy").await.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses[..100].iter().all(|status| *status == 200));
}

/// `serve --web-listen`: the bot and the web channel in one process on one store. A member
/// who joins with the team's link in a browser counts in the team's round as in Telegram.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_who_joins_on_the_web_counts_in_the_team_round() {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let (tg, _data, _bot) = setup(&[("PEILBOT_WEB_LISTEN", &listen)]).await;
    let base = format!("http://{listen}");
    wait_for(&base).await;
    let lea = Person::new(&tg, 4100, "Lea", Some("en"));
    let code = new_team(&lea, "Golf").await;
    let mut browser = Browser::at(&base, "en");
    let offer = browser.get(&format!("/join/{code}")).await;
    assert!(offer.text().contains("Golf"), "{}", offer.text());
    assert_eq!(offer.buttons(), [format!("j:{code}")]);
    let joined = browser.act(&offer, &format!("j:{code}")).await;
    assert!(joined.text().contains("Golf"), "{}", joined.text());
    let home = browser.get("/").await;
    assert!(home.text().contains("Your team \"Golf\" asks you to take the scan"), "{}", home.text());
    complete_scan(&mut browser, "quickscan", 2).await;
    assert!(!browser.get("/").await.text().contains("asks you to take"), "done for this round");
    let status = lea.ask("/team", "finished").await;
    let counted = "\"Golf\", round 1: 1 of 2 members has finished.";
    assert!(status.body().starts_with(counted), "{counted:?} expected: {}", status.body());
    let invalid = browser.get("/join/AAAAAAAAAAAAAAAAAAAAAA").await;
    assert!(invalid.buttons().is_empty(), "{}", invalid.text());
}
