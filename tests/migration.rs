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
use peilbot::store::{Options, PersonId, SCHEMA_VERSION, Store};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.tar.gz");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.expected.txt");

/// Everyone the fixture knows (and some it forgot or never knew).
fn people() -> Vec<PersonId> {
    let ids = (101..=108).chain(201..=210).chain(301..=316).chain([401, 402, 999]);
    ids.map(|id| PersonId(format!("tg:{id}"))).collect()
}

/// The team leads of the fixture, by team name.
const LEADS: [(&str, &str); 3] =
    [("Burgerzaken", "tg:101"), ("Sociaal domein", "tg:301"), ("Vergunningen", "tg:201")];

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
            writeln!(out, "snapshot:\n{}", Presenter::new(content, flow, Lang::En).snapshot(&snapshot))
                .unwrap();
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
    // As `peilbot serve` opens it: responses are scored with the flows as they are migrated.
    let dir = tempfile::tempdir().unwrap();
    unpack(dir.path());
    let path = dir.path().join("store-v1");
    let store = Store::open_with(&path, Options::with_flows(&content.flows)).expect("a schema 1 store opens");
    assert_same(&observe(&store, &content));
    drop(store);
    // Migrated once: the store now says it is of the current schema, and opens again as such.
    let db = sled::open(&path).unwrap();
    let schema = db.open_tree("meta").unwrap().get("schema").unwrap().unwrap();
    assert_eq!(schema.as_ref(), SCHEMA_VERSION.to_string().as_bytes());
    assert!(!db.tree_names().iter().any(|name| name.as_ref() == b"responses"), "the JSON responses are gone");
    drop(db);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.responses_with_ids(&PersonId("tg:105".into())).unwrap().len(), 2, "the retake is kept");
}

#[test]
fn a_schema_1_store_opened_without_flows_is_migrated_and_scored_when_read() {
    let content = load_content().unwrap();
    let dir = tempfile::tempdir().unwrap();
    unpack(dir.path());
    let store = Store::open(&dir.path().join("store-v1")).expect("a schema 1 store opens");
    assert_same(&observe(&store, &content));
}

/// Fails at the first line that differs from what the schema 1 code showed.
fn assert_same(seen: &str) {
    let expected = std::fs::read_to_string(EXPECTED).unwrap();
    if seen != expected {
        let first = seen.lines().zip(expected.lines()).position(|(a, b)| a != b);
        let line = first.unwrap_or_else(|| seen.lines().count().min(expected.lines().count()));
        panic!(
            "the migrated store shows something else, from line {}:\nnow:    {:?}\nbefore: {:?}",
            line + 1,
            seen.lines().nth(line),
            expected.lines().nth(line)
        );
    }
}
