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
        let result = store.team_result(flow, &team.id, &lead, rules, None).unwrap();
        writeln!(out, "== team {name}\nresult: {:?}", schema_1::result(&result)).unwrap();
        // While the current round is short, the old code showed only its refusal.
        if let Ok(result) = &result
            && result.open.is_none()
        {
            let text = Presenter::new(content, flow, Lang::Nl).team_result(result);
            writeln!(out, "text (nl):\n{}", schema_1::text(&text)).unwrap();
        }
        let rounds = store.team_export(flow, &team.id, &lead, rules).unwrap().expect("a lead may export");
        writeln!(out, "export: {:?}", rounds.iter().map(schema_1::RoundExport::of).collect::<Vec<_>>())
            .unwrap();
        let rows = export::rows(flow, &content.locales, Lang::Nl, name, &rounds);
        let csv = export::csv(&rows, &content.locales, Lang::Nl).unwrap();
        writeln!(out, "csv:\n{}", String::from_utf8(csv).unwrap()).unwrap();
        writeln!(out, "json: {}", String::from_utf8(export::json(&rows).unwrap()).unwrap()).unwrap();
        let due = store.take_reminders(flow, &team.id, &lead, 10_000_000).unwrap();
        writeln!(out, "reminders due: {due:?}").unwrap();
    }
    // Then: the teams with a result in their current round, each with its medians.
    let view = store.org_view(flow, rules).unwrap();
    let current = view.teams.iter().filter(|team| team.round == team.current_round);
    let org: Vec<_> =
        current.map(|team| (team.team.clone(), schema_1::TeamStats::of(&team.shown.stats))).collect();
    writeln!(out, "== org\n{org:?}").unwrap();
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

/// The views as the schema 1 code had them, for comparing with what it printed: what later
/// issues added to a view (issue 11: per-statement figures, the overall "don't know", the
/// round history, team advice; issue 9: the organisation view's rounds, counts and
/// organisation-wide result) is left out, and while the current round has too few
/// responses the view is its refusal, as it was then (today `/team` shows the latest round
/// that had enough, with that refusal beside it). Each type prints as its namesake did.
mod schema_1 {
    use peilbot::team::{self, TeamRefusal};
    use peilbot::team_stats::{self, DimensionStats};

    #[derive(Debug)]
    #[allow(dead_code)] // read through Debug
    pub struct TeamResult {
        team: String,
        round: u32,
        members: usize,
        respondents_now: usize,
        shown: Shown,
        up_to_date: bool,
        previous: Option<Shown>,
        by_role: Vec<(String, Shown)>,
    }

    #[derive(Debug)]
    #[allow(dead_code)]
    pub struct Shown {
        respondents: usize,
        set: std::collections::BTreeSet<u64>,
        stats: TeamStats,
    }

    #[derive(Debug)]
    #[allow(dead_code)]
    pub struct TeamStats {
        respondents: usize,
        dimensions: Vec<DimensionStats>,
    }

    #[derive(Debug)]
    #[allow(dead_code)]
    pub struct RoundExport {
        round: u32,
        opened_at: u64,
        closed_at: Option<u64>,
        shown: Shown,
    }

    impl TeamStats {
        pub fn of(stats: &team_stats::TeamStats) -> TeamStats {
            TeamStats { respondents: stats.respondents, dimensions: stats.dimensions.clone() }
        }
    }

    impl Shown {
        fn of(shown: &team::Shown) -> Shown {
            Shown {
                respondents: shown.respondents,
                set: shown.set.clone(),
                stats: TeamStats::of(&shown.stats),
            }
        }
    }

    impl RoundExport {
        pub fn of(round: &team::RoundExport) -> RoundExport {
            RoundExport {
                round: round.round,
                opened_at: round.opened_at,
                closed_at: round.closed_at,
                shown: Shown::of(&round.shown),
            }
        }
    }

    pub fn result(result: &Result<team::TeamResult, TeamRefusal>) -> Result<TeamResult, TeamRefusal> {
        let result = result.clone()?;
        if let Some(open) = result.open {
            return Err(open.refusal);
        }
        Ok(TeamResult {
            team: result.team,
            round: result.round,
            members: result.members,
            respondents_now: result.respondents_now,
            shown: Shown::of(&result.shown),
            up_to_date: result.up_to_date,
            previous: result.previous.as_ref().map(|(_, shown)| Shown::of(shown)),
            by_role: result.by_role.iter().map(|(role, shown)| (role.clone(), Shown::of(shown))).collect(),
        })
    }

    /// The team result's text without the advice that follows its priorities, nor the
    /// statements that stand out after it (a paragraph of their own since).
    pub fn text(text: &str) -> String {
        let Some(start) = text.find("\n\nWat nu te doen:") else { return text.to_string() };
        let mut end = text[start + 2..].find("\n\n").map_or(text.len(), |end| start + 2 + end);
        let statements = ["\n\nStellingen met de laagste score:", "\n\nVaakst \"weet ik niet\":"];
        if statements.iter().any(|heading| text[end..].starts_with(heading)) {
            end = text[end + 2..].find("\n\n").map_or(text.len(), |next| end + 2 + next);
        }
        format!("{}{}", &text[..start], &text[end..])
    }
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

/// Whether sled's settings file in a store's folder says its pages are compressed.
fn compressed(path: &Path) -> bool {
    let conf = std::fs::read(path.join("conf")).expect("sled keeps its settings in conf");
    conf.windows(21).any(|line| line == b"use_compression: true")
}

/// A folder made before stores were compressed (as the fixture was) opens as it is, and
/// `peilbot compact` rewrites it compressed; everyone sees what they saw before.
#[test]
fn an_uncompressed_store_opens_and_compact_compresses_it() {
    let content = load_content().unwrap();
    let dir = tempfile::tempdir().unwrap();
    unpack(dir.path());
    let path = dir.path().join("store-v1");
    assert!(!compressed(&path), "the fixture predates compression");
    let open = || Store::open_with(&path, Options::with_flows(&content.flows)).expect("the store opens");
    // The first look publishes the teams' results; the second is what is seen from then on.
    observe(&open(), &content);
    let before = observe(&open(), &content);
    assert!(!compressed(&path), "opening does not change how the folder is written");

    let run = Command::new(env!("CARGO_BIN_EXE_peilbot"))
        .args(["compact", "--data"])
        .arg(&path)
        .output()
        .expect("peilbot runs");
    assert!(run.status.success(), "compact failed: {}", String::from_utf8_lossy(&run.stderr));
    assert!(compressed(&path), "the compacted folder is compressed");
    assert_eq!(observe(&open(), &content), before);
}
