//! The web channel in a real browser (headless Chromium), keyboard only: a whole scan from
//! the menu to the snapshot with Tab, Space, the arrow keys and Enter, axe-core's WCAG 2.1
//! A and AA rules on every kind of page (0 violations), and every page usable at 320 px
//! wide and at 200 % zoom (no sideways scrolling).

use crate::support::web::WebPeilbot;
use crate::support::webdriver::{ARROW_DOWN, Chromium, ENTER, SPACE, missing};

const TEST: &str = "browser::a_whole_scan_by_keyboard_in_chromium_with_no_accessibility_violations";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_scan_by_keyboard_in_chromium_with_no_accessibility_violations() {
    if let Some(why) = missing() {
        crate::support::skip(TEST, &why);
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let web = WebPeilbot::start(&data.path().join("store"), &[]).await;
    let chromium = Chromium::start().await;
    let mut checked = Vec::new();
    chromium.open(&format!("{}/", web.base)).await;
    check_page(&chromium, &mut checked).await;

    // The first scan's button, by keyboard.
    chromium.tab_to("button[value='s:quickscan']").await;
    chromium.mark().await;
    chromium.press(&[ENTER]).await;
    chromium.wait_for_new_page().await;
    check_page(&chromium, &mut checked).await;

    let mut questions = 0;
    while chromium.title().await.starts_with("Question") {
        // Into the group of choices, select the first, move to the third, then Next.
        chromium.tab_to("input[type=radio]").await;
        chromium.press(&[SPACE, ARROW_DOWN, ARROW_DOWN]).await;
        let chosen = chromium.read("return document.querySelectorAll('input[type=radio]')[2].checked").await;
        assert_eq!(chosen, serde_json::json!(true), "the third choice is chosen by keyboard");
        chromium.tab_to("button[type=submit]:not([name])").await;
        chromium.mark().await;
        chromium.press(&[ENTER]).await;
        chromium.wait_for_new_page().await;
        questions += 1;
        assert!(questions < 40, "the scan never ended");
    }
    assert!(questions >= 20, "a whole quick scan: {questions} questions");
    assert!(chromium.title().await.starts_with("My snapshot"), "{}", chromium.title().await);
    let text = chromium.read("return document.querySelector('main').innerText").await;
    assert!(text.as_str().unwrap().contains("Done, thank you!"), "{text}");
    let image = chromium
        .read("const img = document.querySelector('main img'); return img.complete && img.naturalWidth")
        .await;
    assert_eq!(image, serde_json::json!(1080), "the chart loaded");
    check_page(&chromium, &mut checked).await;

    for path in [
        "/history",
        "/privacy",
        "/mydata",
        "/forget",
        "/join/AAAAAAAAAAAAAAAAAAAAAA",
        "/lead",
        "/signin/AAAAAAAAAAAAAAAAAAAAAA",
        "/no-such-page",
    ] {
        chromium.open(&format!("{}{path}", web.base)).await;
        check_page(&chromium, &mut checked).await;
    }

    // A team made by keyboard: a name that is only a space is refused beside its field,
    // then a real one makes the team.
    chromium.open(&format!("{}/lead", web.base)).await;
    for typed in [vec![SPACE], "Kiosk".split("").filter(|c| !c.is_empty()).collect()] {
        chromium.tab_to("input#team-name").await;
        chromium.press(&typed).await;
        chromium.mark().await;
        chromium.press(&[ENTER]).await;
        chromium.wait_for_new_page().await;
        check_page(&chromium, &mut checked).await;
        let errors = chromium.read("return document.querySelectorAll('#team-name-error').length").await;
        assert_eq!(errors, serde_json::json!(usize::from(typed == [SPACE])), "{typed:?}");
    }
    let text = chromium.read("return document.querySelector('main').innerText").await;
    assert!(text.as_str().unwrap().contains("Team \"Kiosk\" has been created"), "{text}");
    assert_eq!(checked.len(), 13, "{checked:?}");
}

/// axe-core finds nothing, and the page fits a phone's 320 px and a desktop at 200 % zoom.
async fn check_page(chromium: &Chromium, checked: &mut Vec<String>) {
    let title = chromium.title().await;
    let violations = chromium.accessibility_violations().await;
    assert!(violations.is_empty(), "{title}: {violations:#?}");
    for (width, height) in [(320, 640), (640, 480), (1280, 900)] {
        chromium.resize(width, height).await;
        let wide = chromium.read("return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(wide, serde_json::json!(false), "{title} scrolls sideways at {width} px");
    }
    checked.push(title);
}

const TEAM_TEST: &str = "browser::a_team_join_and_a_leads_sign_in_in_chromium";

/// Under `serve --web-listen`: a member joins a team by keyboard in Chromium, and a lead
/// signs in with `/weblink` and reads the team's result, in sections under headings; every
/// page passes axe-core.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_join_and_a_leads_sign_in_in_chromium() {
    if let Some(why) = missing() {
        crate::support::skip(TEAM_TEST, &why);
        return;
    }
    let port = crate::support::web::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let listen = format!("127.0.0.1:{port}");
    let (tg, _data, _bot) =
        crate::support::bot::setup(&[("PEILBOT_WEB_LISTEN", &listen), ("PEILBOT_WEB_URL", &base)]).await;
    crate::support::web::wait_for(&base).await;
    let lea = crate::support::person::Person::new(&tg, 4300, "Lea", Some("en"));
    let code = crate::support::members::new_team(&lea, "India").await;
    let chromium = Chromium::start().await;
    let mut checked = Vec::new();

    chromium.open(&format!("{base}/join/{code}")).await;
    check_page(&chromium, &mut checked).await;
    chromium.tab_to(&format!("button[value='j:{code}']")).await;
    chromium.mark().await;
    chromium.press(&[ENTER]).await;
    chromium.wait_for_new_page().await;
    let text = chromium.read("return document.querySelector('main').innerText").await;
    assert!(text.as_str().unwrap().contains("India"), "{text}");
    check_page(&chromium, &mut checked).await;
    let status = lea.ask("/team", "finished").await;
    assert!(status.body().contains("nobody has finished"), "{}", status.body());
    // Five members finish in the chat, so that the team's page shows a result.
    for member in &crate::support::members::people(&tg, 4300, "M", 5) {
        crate::support::members::join(member, &code).await;
        crate::support::members::complete_scan(member, 3, 4).await;
    }

    let made = lea.ask("/weblink", "works once").await;
    let link = made.body().split_whitespace().find(|word| word.contains("/signin/")).unwrap().to_string();
    chromium.open(&link).await;
    assert!(chromium.title().await.starts_with("My teams"), "{}", chromium.title().await);
    check_page(&chromium, &mut checked).await;
    chromium.tab_to("a[href^='/lead/']").await;
    chromium.mark().await;
    chromium.press(&[ENTER]).await;
    chromium.wait_for_new_page().await;
    let text = chromium.read("return document.querySelector('main').innerText").await;
    assert!(text.as_str().unwrap().contains("India"), "the team's page: {text}");
    // Its sections are headings a screen reader can jump between, as the PDF's are.
    let headings =
        chromium.read("return [...document.querySelectorAll('main h2')].map(h => h.innerText)").await;
    for section in ["Per theme", "Priorities and next steps", "Change since the last round"] {
        assert!(headings.as_array().unwrap().iter().any(|h| h == section), "{section} in {headings}");
    }
    check_page(&chromium, &mut checked).await;
    assert_eq!(checked.len(), 4, "{checked:?}");
}

const ORG_TEST: &str = "browser::the_organisation_view_in_chromium";

/// A management team's sign-in link from `peilbot weblink --org` opens the organisation
/// view: text under headings, the heatmap with its caption, the files; axe finds nothing,
/// there and on the page a browser without the link gets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organisation_view_in_chromium() {
    if let Some(why) = missing() {
        crate::support::skip(ORG_TEST, &why);
        return;
    }
    use crate::support::binary::peilbot;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let data = data.to_str().unwrap();
    let demo = peilbot(&["demo", "--data", data, "--teams", "4", "--people", "40"], "", &[], None);
    assert!(demo.status.success(), "{}", demo.stderr);
    let port = crate::support::web::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let made = peilbot(&["weblink", "--data", data, "--org", "--web-url", &base], "", &[], None);
    assert!(made.status.success(), "{}", made.stderr);
    let _web = crate::support::web::WebPeilbot::start_on(std::path::Path::new(data), port, &[]).await;
    let chromium = Chromium::start().await;
    let mut checked = Vec::new();

    chromium.open(&format!("{base}/org")).await;
    assert!(chromium.title().await.starts_with("Organisation"), "{}", chromium.title().await);
    check_page(&chromium, &mut checked).await;
    chromium.open(made.stdout.trim()).await;
    let text = chromium.read("return document.querySelector('main').innerText").await;
    assert!(text.as_str().unwrap().contains("Whole organisation"), "{text}");
    let loaded = chromium.read("return document.querySelector('main img').naturalWidth > 0").await;
    assert_eq!(loaded, serde_json::json!(true), "the heatmap loads");
    check_page(&chromium, &mut checked).await;
    assert_eq!(checked.len(), 2, "{checked:?}");
}
