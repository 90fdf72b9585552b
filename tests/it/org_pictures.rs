//! The organisation view of 1,000 teams fits Telegram: every heatmap page is a photo
//! Telegram accepts (width + height ≤ 10,000 px, ≤ 10 MB), a chat gets a few pages of the
//! teams that need attention first, and the file holds every team.

use peilbot::anonymity::Rules;
use peilbot::app::org::{CHAT_PAGES, TEAMS_PER_PAGE, attention_order, pages};
use peilbot::app::teams::Context;
use peilbot::app::{App, Part, Session};
use peilbot::demo::{self, Spec};
use peilbot::lang::Lang;
use peilbot::person::PersonId;
use peilbot::store::{Options, Store};

/// Telegram's limits for a photo.
const MAX_SIDES: u32 = 10_000;
const MAX_BYTES: usize = 10_000_000;

fn assert_fits_telegram(png: &[u8], what: &str) {
    let image = image::load_from_memory(png).unwrap_or_else(|err| panic!("{what}: not a PNG: {err}"));
    assert!(image.width() + image.height() <= MAX_SIDES, "{what}: {}×{}", image.width(), image.height());
    assert!(png.len() <= MAX_BYTES, "{what}: {} bytes", png.len());
}

#[test]
fn a_thousand_teams_make_pages_telegram_accepts() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let spec = Spec { teams: 1000, people: 16_000, rounds: 1, seed: 11, now: peilbot::demo::EXAMPLE_NOW };
    let content = peilbot::cli::load_content().expect("the built-in content");
    let options = Options { flush_each_commit: false, ..Options::with_flows(&content.flows) };
    let store = Store::open_with(dir.path(), options).expect("a store");
    demo::fill(&store, content.default_flow(), spec).expect("the demo fills");
    let admin = PersonId("local:admin".into());
    let app = App {
        content,
        store,
        rules: Rules::default(),
        admins: vec![admin.clone()],
        retention_days: peilbot::app::privacy::DEFAULT_RETENTION_DAYS,
        web_url: None,
        deployment: Default::default(),
    };
    let link = |payload: &str| payload.to_string();
    let cx = Context { app: &app, now: demo::now(spec), link: &link };
    let session = Session::load(&app, PersonId("local:admin".into()), Lang::Nl, None).expect("a session");

    let reply = peilbot::app::org::org(&cx, &session).expect("the org view");
    let photos: Vec<Vec<u8>> = reply
        .parts
        .iter()
        .filter_map(
            |part| if let Part::Photo { picture, .. } = part { Some(picture.png().unwrap()) } else { None },
        )
        .collect();
    assert_eq!(photos.len(), CHAT_PAGES, "a chat gets a few pages, not one per 25 teams");
    for (i, png) in photos.iter().enumerate() {
        assert_fits_telegram(png, &format!("chat page {}", i + 1));
    }
    let csv = reply
        .parts
        .iter()
        .find_map(|part| match part {
            Part::Document { bytes, name, .. } if name == "peilbot-org.csv" => {
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
            _ => None,
        })
        .expect("the full table as a file");
    let teams_in_file: std::collections::BTreeSet<&str> =
        csv.lines().skip(1).filter_map(|line| line.split(';').next()).collect();
    assert_eq!(teams_in_file.len(), 1000 + 1, "every team and the whole organisation are in the file");

    let view = app.store.org_view(app.flow(), app.rules).expect("the org view");
    let ranked = attention_order(&view);
    assert!(ranked.len() > CHAT_PAGES * TEAMS_PER_PAGE, "more teams than a chat gets: {}", ranked.len());
    let pages_in_all = ranked.len().div_ceil(TEAMS_PER_PAGE);
    let captions: Vec<&String> = reply
        .parts
        .iter()
        .filter_map(|part| if let Part::Photo { caption, .. } = part { Some(caption) } else { None })
        .collect();
    for (i, caption) in captions.iter().enumerate() {
        assert!(caption.contains(&format!("afbeelding {} van {pages_in_all}", i + 1)), "{caption}");
    }
    // Every full page has the chat pages' layout; the last one may be shorter.
    let last = &ranked[(pages_in_all - 1) * TEAMS_PER_PAGE..];
    let tail =
        pages(&app.presenter(Lang::Nl), &view, last, cx.now, TEAMS_PER_PAGE, None).expect("the last page");
    assert_eq!(tail.len(), 1);
    assert_fits_telegram(&tail[0].0.png().unwrap(), "the last page");
}
