//! Opening a store written by the previous schema migrates it: every response, team,
//! person and scan in progress is still there, and what a lead, an admin or a person sees
//! is exactly what the old code showed.
//!
//! `tests/fixtures/store-v1.tar.gz` is a small store written by schema 1 code (JSON
//! responses, no indexes): three teams, one of them with a closed round, role groups, a
//! retaken scan, a member who left, a person who was forgotten, a scan in progress.
//! `tests/fixtures/store-v1.expected.txt` is what [`observe`] printed for it with the
//! schema 1 code (on a copy: observing publishes results). See `tests/fixtures/README.md`.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;

use peilbot::anonymity::Rules;
use peilbot::cli::load_content;
use peilbot::content::Content;
use peilbot::export;
use peilbot::lang::Lang;
use peilbot::present::Presenter;
use peilbot::score;
use peilbot::store::{PersonId, SCHEMA_VERSION, Store};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.tar.gz");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.expected.txt");

/// Everyone the fixture knows (and some it forgot or never knew).
fn people() -> Vec<PersonId> {
    let ids = (101..=108).chain(201..=210).chain(301..=316).chain([401, 402, 999]);
    ids.map(|id| PersonId(format!("tg:{id}"))).collect()
}

/// The team leads of the fixture, by team name.
const LEADS: [(&str, &str); 3] = [("Burgerzaken", "tg:101"), ("Sociaal domein", "tg:301"), ("Vergunningen", "tg:201")];

/// Everything a person, a lead and an admin can see, in a fixed order (team views
/// publish, so the order is part of what is observed).
fn observe(store: &Store, content: &Content) -> String {
    let flow = content.default_flow();
    let rules = Rules::default();
    let mut out = String::new();
    let teams = store.all_teams().unwrap();
    for (name, lead) in LEADS {
        let team = teams.iter().find(|team| team.name == name).expect("the team is there");
        let lead = PersonId(lead.into());
        let result = store.team_result(flow, &team.id, &lead, rules).unwrap();
        writeln!(out, "== team {name}\nresult: {result:?}").unwrap();
        if let Ok(result) = &result {
            let text = Presenter::new(content, flow, Lang::Nl).team_result(result);
            writeln!(out, "text (nl):\n{text}").unwrap();
        }
        let rounds = store.team_export(flow, &team.id, &lead, rules).unwrap().expect("a lead may export");
        writeln!(out, "export: {rounds:?}").unwrap();
        let rows = export::rows(flow, &content.locales, Lang::Nl, name, &rounds);
        let csv = export::csv(&rows, &content.locales, Lang::Nl).unwrap();
        writeln!(out, "csv:\n{}", String::from_utf8(csv).unwrap()).unwrap();
        writeln!(out, "json: {}", String::from_utf8(export::json(&rows).unwrap()).unwrap()).unwrap();
        let due = store.take_reminders(flow, &team.id, &lead, 10_000_000).unwrap();
        writeln!(out, "reminders due: {due:?}").unwrap();
    }
    writeln!(out, "== org\n{:?}", store.org_view(flow, rules).unwrap()).unwrap();
    for person in people() {
        writeln!(out, "== person {}", person.0).unwrap();
        writeln!(out, "record: {:?}", store.person(&person).unwrap()).unwrap();
        writeln!(out, "scan: {:?}", store.scan(&person).unwrap()).unwrap();
        writeln!(out, "responses: {:?}", store.responses_with_ids(&person).unwrap()).unwrap();
        let teams: Vec<String> = store.teams_of(&person).unwrap().into_iter().map(|t| t.name).collect();
        writeln!(out, "teams: {teams:?}").unwrap();
        if let Some(latest) = store.latest_response(&person).unwrap() {
            let snapshot = score::snapshot(flow, &latest.answers);
            writeln!(out, "snapshot:\n{}", Presenter::new(content, flow, Lang::En).snapshot(&snapshot)).unwrap();
        }
    }
    out
}

/// Unpacks the fixture into a fresh folder.
fn unpack(into: &Path) {
    let status = Command::new("tar").arg("-xzf").arg(FIXTURE).arg("-C").arg(into).status().expect("tar runs");
    assert!(status.success(), "the fixture unpacks");
}

#[test]
fn a_schema_1_store_is_migrated_and_shows_what_it_showed_before() {
    let content = load_content().unwrap();
    let dir = tempfile::tempdir().unwrap();
    unpack(dir.path());
    let path = dir.path().join("store-v1");
    let store = Store::open(&path).expect("a schema 1 store opens");
    let seen = observe(&store, &content);
    let expected = std::fs::read_to_string(EXPECTED).unwrap();
    if seen != expected {
        let first = seen.lines().zip(expected.lines()).position(|(a, b)| a != b);
        let line = first.map_or_else(|| seen.lines().count().min(expected.lines().count()), |n| n);
        panic!(
            "the migrated store shows something else, from line {}:\nnow:    {:?}\nbefore: {:?}",
            line + 1,
            seen.lines().nth(line),
            expected.lines().nth(line)
        );
    }
    drop(store);
    // Migrated once: the store now says it is of the current schema, and opens again as such.
    let db = sled::open(&path).unwrap();
    let schema = db.open_tree("meta").unwrap().get("schema").unwrap().unwrap();
    assert_eq!(schema.as_ref(), SCHEMA_VERSION.to_string().as_bytes());
    drop(db);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.responses_with_ids(&PersonId("tg:105".into())).unwrap().len(), 2, "the retake is kept");
}

/// Writes the fixture; run by hand with the schema 1 code only (see tests/fixtures/README.md).
#[test]
#[ignore]
fn write_the_v1_fixture() {
    use peilbot::engine::{Event, Screen, State, step};
    use peilbot::store::{Commit, Person};
    use peilbot::team::Team;

    let content = load_content().unwrap();
    let flow = content.default_flow();
    let rules = Rules::default();
    let out = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let path = out.join("store-v1");
    let _ = std::fs::remove_dir_all(&path);
    let store = Store::open(&path).unwrap();
    let id = |n: u32| PersonId(format!("tg:{n}"));
    // A whole scan through the engine, with answers that vary by person and question.
    let complete = |person: u32, at: u64, role: usize| {
        let mut state = State { lang: Lang::Nl, scan: None };
        let mut transition = step(flow, &state, Event::Start, at);
        let mut n = 0;
        while let Screen::Question(view) = &transition.output.screen {
            let question = &flow.questions[view.question];
            let offers = flow.offers(view.question).len();
            let choice = if question.id == "role" { role } else { (person as usize * 7 + n * 3) % offers };
            state = transition.state;
            transition = step(flow, &state, Event::Answer { question: question.id.clone(), choice }, at);
            n += 1;
        }
        let commit = Commit {
            person: Some(Person { lang: Some(Lang::Nl), ..Person::default() }),
            scan: Some(None),
            completed: transition.completed,
            update: Some(format!("tg:{:020}", at)),
        };
        store.commit(&id(person), &commit).unwrap();
    };
    let team = |name: &str, members: &[u32]| {
        let mut team = Team::new(name, id(members[0]), 1_000, peilbot::random::team_seed());
        team.members.extend(members.iter().map(|m| id(*m)));
        store.create_team(&team).unwrap();
        team.id
    };
    let a = team("Burgerzaken", &[101, 102, 103, 104, 105, 106, 107, 108]);
    let b = team("Vergunningen", &[201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 105]);
    let c = team("Sociaal domein", &(301..=316).collect::<Vec<_>>());

    for p in 101..=106 {
        complete(p, 2_000 + u64::from(p), p as usize % 5);
    }
    store.team_result(flow, &a, &id(101), rules).unwrap().unwrap();
    complete(107, 3_107, 0);
    complete(108, 3_108, 1);
    for p in 201..=205 {
        complete(p, 4_000 + u64::from(p), 2);
    }
    store.team_result(flow, &b, &id(201), rules).unwrap().unwrap();
    store.new_round(flow, &b, rules, 5_000).unwrap();
    for p in [201, 202, 203, 204, 206, 207, 105] {
        complete(p, 6_000 + u64::from(p), 3);
    }
    for p in 301..=316 {
        complete(p, 7_000 + u64::from(p), if p % 2 == 0 { 0 } else { 1 });
    }
    store.team_result(flow, &c, &id(301), rules).unwrap().unwrap();
    store.update_team(&a, |team| team.members.remove(&id(106))).unwrap();
    complete(402, 8_000, 4);
    store.forget(&id(108)).unwrap();
    let scan = step(flow, &State { lang: Lang::NlBe, scan: None }, Event::Start, 9_000).state.scan;
    let person = Person { lang: Some(Lang::NlBe), question_message: Some(77), ..Person::default() };
    store.commit(&id(401), &Commit { person: Some(person), scan: Some(scan), ..Commit::default() }).unwrap();
    store.flush().unwrap();
    drop(store);

    let copy = tempfile::tempdir().unwrap();
    let status = Command::new("cp").arg("-r").arg(&path).arg(copy.path()).status().unwrap();
    assert!(status.success());
    let observed = observe(&Store::open(&copy.path().join("store-v1")).unwrap(), &content);
    std::fs::write(EXPECTED, observed).unwrap();
    let status = Command::new("tar")
        .args(["--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--mtime=2026-12-01", "-czf"])
        .arg(FIXTURE)
        .arg("-C")
        .arg(out)
        .arg("store-v1")
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::remove_dir_all(&path).unwrap();
}
