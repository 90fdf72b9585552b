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
    assert!(
        first.body.contains("Vraag 1 van ongeveer 23  <span aria-hidden=\"true\">▱▱▱▱▱▱▱▱▱▱</span>"),
        "the progress bar is not read aloud, its words are: {}",
        first.body
    );
    let snapshot = complete_scan(&mut browser, "quickscan", 3).await;
    assert!(snapshot.text().contains("Klaar, bedankt!"), "{}", snapshot.text());
    assert!(snapshot.text().contains("Visie en leiderschap: 4,0"), "{}", snapshot.text());
    assert!(snapshot.body.contains("<img src=\"/snapshot.png\" alt=\""));
    assert!(
        snapshot.body.contains("<th scope=\"row\">A Visie en leiderschap</th><td>4,0</td>"),
        "{}",
        snapshot.body
    );
    assert!(snapshot.buttons().contains(&"lv".to_string()), "{:?}", snapshot.buttons());
    let levels = browser.act(&snapshot, "lv").await;
    assert_eq!(
        levels.body.matches("Hoe elk niveau eruitziet").count(),
        2,
        "the title and the page's heading once"
    );
    assert!(levels.body.contains("<h1>Hoe elk niveau eruitziet</h1>"), "{}", levels.body);
    assert!(
        levels.body.contains("<h2>A Visie en leiderschap</h2>"),
        "each theme is a heading: {}",
        levels.body
    );
    assert!(levels.text().contains("Waar je staat (4 · Ingebed)"), "{}", levels.text());

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
    assert!(!data.body.contains(browser.cookie("peilbot").unwrap()), "the store holds no token");
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
    let menu = laptop.get("/").await;
    let first = laptop.act(&menu, "s:quickscan").await;
    let second = laptop.act(&first, &first.choices()[1]).await;
    assert_eq!(progress(&second), 2);
    // Mid-scan, "my data" has the personal link.
    let mine = laptop.get("/mydata").await;
    let link = mine
        .body
        .split(&format!("href=\"{}/resume/", web.base))
        .nth(1)
        .expect("a resume link")
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let mut phone = web.browser("en");
    let resumed = phone.get(&format!("/resume/{link}")).await;
    assert_eq!(resumed.status, 303);
    let mut page = phone.get("/question").await;
    assert_eq!(progress(&page), 2, "the phone goes on where the laptop stopped");
    while !page.choices().is_empty() {
        let choice = page.choices()[1].clone();
        page = phone.act(&page, &choice).await;
    }
    assert!(page.text().contains("Vision & leadership: 2.0"), "{}", page.text());
    let seen = laptop.get("/snapshot").await;
    assert!(seen.body.contains(&format!("/resume/{link}")), "the same person on both");
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
    let token = browser.cookie("peilbot").unwrap().to_string();
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

/// The web's privacy statement says what the browser keeps, and names no chat commands.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_privacy_statement_says_what_the_browser_keeps() {
    let (_data, web) = start().await;
    let mut browser = web.browser("nl");
    let page = browser.get("/privacy").await.text();
    assert!(page.contains("Peilbot bewaart er niets in behalve één cookie"), "{page}");
    assert!(page.contains("Autoriteit Persoonsgegevens"), "{page}");
    for absent in ["/mydata", "/forget", "chataccount", "Telegram"] {
        assert!(!page.contains(absent), "{absent:?} on the web's privacy page:\n{page}");
    }
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

/// A lead signs in on the web with a one-time link from `/weblink` and sees what the chat
/// shows them: the team result with its chart, the PDF and the export. `/invite` gives the
/// web link beside Telegram's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_signs_in_once_and_sees_the_team_result_report_and_export() {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let base = format!("http://{listen}");
    let (tg, _data, _bot) = setup(&[("PEILBOT_WEB_LISTEN", &listen), ("PEILBOT_WEB_URL", &base)]).await;
    wait_for(&base).await;
    let lea = Person::new(&tg, 4200, "Lea", Some("en"));
    let members = crate::support::members::people(&tg, 4200, "M", 5);
    crate::support::members::team_with(&lea, "Hotel", &members).await;
    let invite = lea.ask("/invite", "Invite link").await;
    let web_invite = lea.expect_after(invite.message_id, "In a browser").await;
    assert!(
        web_invite.body().contains(&format!("{base}/join/")),
        "{} / {}",
        invite.body(),
        web_invite.body()
    );
    for member in &members {
        crate::support::members::complete_scan(member, 3, 4).await;
    }
    let not_lead = members[0].ask("/weblink", "lead").await;
    assert!(not_lead.body().starts_with("Only a team lead"), "{}", not_lead.body());
    let made = lea.ask("/weblink", "works once").await;
    let link =
        made.body().split(&format!("{base}/signin/")).nth(1).expect("a sign-in link").trim().to_string();

    let mut browser = Browser::at(&base, "en");
    let before = browser.get("/lead").await;
    assert!(before.text().contains("You do not lead a team."), "not signed in yet: {}", before.text());
    assert!(!before.text().contains("Hotel"), "{}", before.text());
    let signed_in = browser.get(&format!("/signin/{link}")).await;
    assert_eq!(signed_in.status, 303);
    let lead_cookie = header(&signed_in, "set-cookie").to_string();
    assert!(lead_cookie.starts_with("peilbot-lead=") && lead_cookie.contains("HttpOnly"), "{lead_cookie}");
    let teams = browser.get("/lead").await;
    assert_eq!(teams.status, 200);
    let teams = teams.body;
    assert!(teams.contains("Hotel"), "{teams}");
    let team = teams.split("href=\"/lead/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let result = browser.get(&format!("/lead/{team}")).await.body;
    assert!(result.contains("5 of 6 members have finished"), "{result}");
    assert!(result.contains("median"), "{result}");
    assert!(browser.get(&format!("/lead/{team}/chart.png")).await.bytes.starts_with(b"\x89PNG"));
    assert!(browser.get(&format!("/lead/{team}/report.pdf")).await.bytes.starts_with(b"%PDF"));
    let csv = browser.get(&format!("/lead/{team}/export.csv")).await.bytes;
    assert!(String::from_utf8_lossy(&csv).contains("Hotel"), "the export names the team");

    // The team's language, on the lead's page: Flemish from now on, for a newcomer whose
    // browser asks for plain Dutch.
    let page = browser.get(&format!("/lead/{team}")).await;
    assert!(page.text().contains("Team \"Hotel\" speaks English."), "{}", page.text());
    let flemish = format!("g:{team}:nl-BE");
    assert!(page.body.contains(&format!("value=\"{flemish}\"")), "a button per language: {}", page.body);
    let forged = browser.post("/lead/act", &[("csrf", "forged"), ("action", &flemish)]).await;
    assert_eq!(forged.status, 403, "a post without the page's token changes nothing");
    let set = browser.post("/lead/act", &[("csrf", &page.csrf()), ("action", &flemish)]).await;
    assert!(set.text().contains("Team \"Hotel\" now speaks Vlaams."), "{}", set.text());
    let code = web_invite.body().split(&format!("{base}/join/")).nth(1).expect("a web invite");
    let code: String =
        code.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let offer = Browser::at(&base, "nl").get(&format!("/join/{code}")).await;
    assert!(offer.body.contains("<html lang=\"nl-BE\">"), "{}", offer.body);
    assert!(
        offer.text().contains(
            "Ik spreek Vlaams met je, de taal van team \"Hotel\". Een andere taal kies je bovenaan de pagina."
        ),
        "{}",
        offer.text()
    );

    let again = Browser::at(&base, "en").get(&format!("/signin/{link}")).await;
    assert_eq!(again.status, 404, "a sign-in link works once");
    assert!(again.text().contains("does not work"), "{}", again.text());
}

/// On the server: `peilbot invite` prints a team's links for the web and for Telegram, and
/// `peilbot weblink` a one-time sign-in link for its lead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_gives_invite_links_and_a_sign_in_link_for_a_lead() {
    use crate::support::binary::peilbot;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let data = data.to_str().unwrap();
    let demo = peilbot(&["demo", "--data", data, "--teams", "2", "--people", "12"], "", &[], None);
    assert!(demo.status.success(), "{}", demo.stderr);
    let name =
        demo.stdout.split("team --data ").nth(1).and_then(|rest| rest.split('"').nth(1)).unwrap().to_string();
    let args = [
        "invite",
        "--data",
        data,
        "--team",
        &name,
        "--web-url",
        "https://scan.example.nl",
        "--bot",
        "peilbot_test_bot",
    ];
    let invite = peilbot(&args, "", &[], None);
    assert!(invite.status.success(), "{}", invite.stderr);
    let links: Vec<&str> = invite.stdout.lines().collect();
    let code = links[0].strip_prefix("https://scan.example.nl/join/").expect("the web link first");
    assert_eq!(links[1], format!("https://t.me/peilbot_test_bot?start=join_{code}"));
    let bare = peilbot(&["invite", "--data", data, "--team", &name], "", &[], None);
    assert!(!bare.status.success() && bare.stderr.contains("--web-url"), "{}", bare.stderr);

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let made = peilbot(&["weblink", "--data", data, "--team", &name, "--web-url", &base], "", &[], None);
    assert!(made.status.success(), "{}", made.stderr);
    let code =
        made.stdout.trim().strip_prefix(&format!("{base}/signin/")).expect("a sign-in link").to_string();
    let web = WebPeilbot::start_on(std::path::Path::new(data), port, &[]).await;
    let mut lead = web.browser("en");
    let signed_in = lead.get(&format!("/signin/{code}")).await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    let teams = lead.get("/lead").await.body;
    assert!(teams.contains(&html_escaped(&name)), "{name}: {teams}");
}

fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// A second peilbot on a data folder in use stops at once, saying so in one line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_peilbot_on_the_same_data_folder_says_the_folder_is_in_use() {
    let (data, _web) = start().await;
    let store = data.path().join("store");
    let second =
        crate::support::binary::peilbot(&["chat", "--data", store.to_str().unwrap()], "quit\n", &[], None);
    assert!(!second.status.success());
    let said = second.stderr.trim();
    assert!(said.contains("another peilbot is using it"), "{said}");
    assert!(!said.contains("WouldBlock") && said.lines().count() == 1, "one plain line: {said}");
}

/// A municipality without Telegram: a lead makes a team in a browser, picks its scan,
/// shares the link; members join and answer in theirs; the lead reads the result there.
/// A name that is blank, or a form of another session, makes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_is_made_joined_and_read_on_the_web_alone() {
    let (_data, web) = start().await;
    let mut lead = web.browser("nl-BE,nl;q=0.9");
    let none = lead.get("/lead").await;
    assert!(none.text().contains("Je bent van geen enkel team teamverantwoordelijke."), "{}", none.text());
    assert!(none.body.contains("<label for=\"team-name\">Naam van het team</label>"), "{}", none.body);
    assert!(none.body.contains("href=\"/lead\""), "the menu leads to the teams");

    let forged = lead.post("/lead/new", &[("csrf", "forged"), ("name", "Burgerzaken")]).await;
    assert_eq!(forged.status, 403);
    let blank = lead.post("/lead/new", &[("csrf", &none.csrf()), ("name", " \u{2800}\u{200b} ")]).await;
    assert_eq!(blank.status, 422);
    assert!(blank.text().contains("Geef het team een naam van hoogstens 64 tekens."), "{}", blank.text());
    assert!(!blank.text().contains("/newteam"), "no chat command on the web: {}", blank.text());
    assert!(blank.body.contains("aria-describedby=\"team-name-hint team-name-error\" aria-invalid=\"true\""));
    assert!(!lead.get("/lead").await.body.contains("href=\"/lead/"), "nothing was made");

    let made = lead.post("/lead/new", &[("csrf", &none.csrf()), ("name", "Burgerzaken")]).await;
    let created = "Team \"Burgerzaken\" is aangemaakt, en jij bent de teamverantwoordelijke.";
    assert!(made.text().contains(created), "{}", made.text());
    let link = format!("{}/join/", web.base);
    let code: String = made
        .text()
        .split(&link)
        .nth(1)
        .expect("the team's web link")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let aiscan = made.buttons().into_iter().find(|b| b.ends_with(":aiscan")).expect("a scan to choose");
    let chosen = lead.post("/lead/act", &[("csrf", &made.csrf()), ("action", &aiscan)]).await;
    assert!(
        chosen.text().contains("vraagt nu \"AI-gereedheid en verantwoord gebruik\""),
        "{}",
        chosen.text()
    );

    let mut members = Vec::new();
    for n in 0..5 {
        let mut member = web.browser("nl-NL");
        let offer = member.get(&format!("/join/{code}")).await;
        assert!(offer.body.contains("<html lang=\"nl-BE\">"), "the team speaks its lead's Flemish");
        member.act(&offer, &format!("j:{code}")).await;
        complete_scan(&mut member, "aiscan", n % 3).await;
        members.push(member);
    }
    let teams = lead.get("/lead").await.body;
    let team = teams.split("href=\"/lead/").nth(1).unwrap().split('"').next().unwrap().to_string();
    // The personal link brings the teams to another browser, as after clearing cookies.
    let personal = format!("{}/resume/", web.base);
    let token = teams
        .split(&format!("href=\"{personal}"))
        .nth(1)
        .expect("a personal link")
        .split('"')
        .next()
        .unwrap();
    let mut elsewhere = web.browser("nl-BE");
    elsewhere.get(&format!("/resume/{token}")).await;
    assert!(
        elsewhere.get("/lead").await.body.contains(&format!("href=\"/lead/{team}\"")),
        "the team, led elsewhere"
    );
    assert!(!web.browser("nl-BE").get("/lead").await.body.contains("/resume/"), "no link without teams");
    let result = lead.get(&format!("/lead/{team}")).await;
    assert!(result.text().contains("Burgerzaken"), "{}", result.text());
    assert!(
        result.text().contains("5 van de 6 teamleden"),
        "five of the six members, the lead too: {}",
        result.text()
    );
    assert!(lead.get(&format!("/lead/{team}/report.pdf")).await.bytes.starts_with(b"%PDF"));
    let stranger = web.browser("en").get(&format!("/lead/{team}")).await;
    assert!(!stranger.text().contains("Burgerzaken"), "{}", stranger.text());
    assert!(!stranger.body.contains("p:r:"), "no round to close for a stranger: {}", stranger.body);

    // A year on: round 2, asked first, on the web too; a second "Yes" closes nothing more.
    let new_round = format!("p:r:{team}");
    assert!(result.buttons().contains(&new_round), "{:?}", result.buttons());
    let asked = lead.post("/lead/act", &[("csrf", &result.csrf()), ("action", &new_round)]).await;
    assert!(
        asked.text().contains("Ronde 1 van \"Burgerzaken\" sluiten en ronde 2 openen?"),
        "{}",
        asked.text()
    );
    let yes = asked.buttons().into_iter().find(|b| b.starts_with("w:")).expect("a Yes that names its round");
    let opened = lead.post("/lead/act", &[("csrf", &asked.csrf()), ("action", &yes)]).await;
    assert!(opened.text().contains("Ronde 2 van \"Burgerzaken\" is geopend"), "{}", opened.text());
    let again = lead.post("/lead/act", &[("csrf", &asked.csrf()), ("action", &yes)]).await;
    assert!(again.text().contains("Ronde 1 van \"Burgerzaken\" is al gesloten"), "{}", again.text());
    let home = members[0].get("/").await;
    assert!(home.text().contains("\"Burgerzaken\""), "a member is asked for round 2: {}", home.text());
    let now = lead.get(&format!("/lead/{team}")).await;
    assert!(now.text().contains("ronde 2"), "{}", now.text());
    let remind = format!("p:m:{team}");
    let reminded = lead.post("/lead/act", &[("csrf", &now.csrf()), ("action", &remind)]).await;
    assert_eq!(reminded.status, 200);
    // In working hours they are kept for the bot and the browsers; outside them, for 9:00.
    assert!(reminded.text().contains("leden van \"Burgerzaken\" (5)"), "{}", reminded.text());
}

/// The code in a link `{base}{path}CODE` on a page.
fn code_after(page: &str, prefix: &str) -> String {
    page.split(prefix)
        .nth(1)
        .unwrap_or_else(|| panic!("a link {prefix}…: {page}"))
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn a_web_lead_renews_the_invite_and_makes_a_member_a_second_lead() {
    let (_data, web) = start().await;
    let mut lead = web.browser("en");
    let form = lead.get("/lead").await;
    let made = lead.post("/lead/new", &[("csrf", &form.csrf()), ("name", "Front desk")]).await;
    let join = format!("{}/join/", web.base);
    let old = code_after(&made.text(), &join);
    let mut member = web.browser("en");
    let offer = member.get(&format!("/join/{old}")).await;
    member.act(&offer, &format!("j:{old}")).await;
    let teams = lead.get("/lead").await.body;
    let team = teams.split("href=\"/lead/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let page = lead.get(&format!("/lead/{team}")).await;
    assert!(page.text().contains("Invite links"), "{}", page.text());
    async fn pick(lead: &mut Browser, page: &Page, code: char, team: &str) -> Page {
        let action = format!("p:{code}:{team}");
        assert!(page.buttons().contains(&action), "{action} in {:?}", page.buttons());
        lead.post("/lead/act", &[("csrf", &page.csrf()), ("action", &action)]).await
    }

    // The link as it is, once: on the web the team's link is the browser's.
    let shown = pick(&mut lead, &page, 'i', &team).await;
    assert!(
        shown.text().contains(&format!("Invite link for \"Front desk\": {join}{old}")),
        "{}",
        shown.text()
    );
    assert_eq!(shown.text().matches(&format!("{join}{old}")).count(), 1, "{}", shown.text());
    assert!(
        shown.body.contains(&format!("<a href=\"{join}{old}\">{join}{old}</a>")),
        "a link: {}",
        shown.body
    );

    // A new link: the old one stops working, the new one works.
    let renewed = pick(&mut lead, &page, 'n', &team).await;
    assert!(renewed.text().contains("The old link no longer works."), "{}", renewed.text());
    let new = code_after(&renewed.text(), &join);
    assert_ne!(new, old);
    let stale = web.browser("en").get(&format!("/join/{old}")).await;
    assert!(stale.text().contains("This link is not valid (any more)."), "{}", stale.text());
    assert!(!stale.text().contains("Front desk"), "{}", stale.text());
    let fresh = web.browser("en").get(&format!("/join/{new}")).await;
    assert!(fresh.text().contains("join the team \"Front desk\""), "{}", fresh.text());

    // A second lead: a one-time link for the browser, which a member opens and accepts.
    let invited = pick(&mut lead, &page, 'a', &team).await;
    let lead_link = format!("{}/lead-invite/", web.base);
    assert!(invited.text().contains("Send this one-time link"), "{}", invited.text());
    let code = code_after(&invited.text(), &lead_link);
    let own = lead.get(&format!("/lead-invite/{code}")).await;
    assert!(own.text().contains("You already lead \"Front desk\"."), "{}", own.text());
    assert!(own.buttons().is_empty(), "nothing to accept: {:?}", own.buttons());
    let outsider = web.browser("en").get(&format!("/lead-invite/{code}")).await;
    assert!(outsider.text().contains("Join the team first"), "{}", outsider.text());
    assert!(!outsider.text().contains("Front desk"), "no team name for a stranger: {}", outsider.text());
    let asked = member.get(&format!("/lead-invite/{code}")).await;
    assert!(asked.text().contains("become a lead of \"Front desk\""), "{}", asked.text());
    assert!(
        member.get("/lead").await.text().contains("You do not lead a team."),
        "opening the link changed nothing"
    );
    let tried = lead.act(&own, &format!("k:{code}")).await;
    assert!(tried.text().contains("it still works"), "a lead's own try leaves the link: {}", tried.text());
    let accepted = member.act(&asked, &format!("k:{code}")).await;
    assert!(accepted.text().contains("You are now a lead of \"Front desk\"."), "{}", accepted.text());
    assert!(!accepted.text().contains("/team"), "no chat command on the web: {}", accepted.text());
    assert!(
        member.get("/lead").await.body.contains(&format!("href=\"/lead/{team}\"")),
        "the team, for its new lead"
    );
    let twice = member.act(&asked, &format!("k:{code}")).await;
    assert!(
        twice.text().contains("This link is not valid (any more)."),
        "a lead link works once: {}",
        twice.text()
    );
    assert!(
        lead.get("/lead").await.body.contains(&format!("href=\"/lead/{team}\"")),
        "the first lead still leads"
    );
}
