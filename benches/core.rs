//! Speed of the parts a busy bot leans on: engine steps, scoring, the durable commit,
//! team statistics and chart rendering. Run with `cargo bench --bench core`; figures are
//! recorded in BENCHMARKS.md. Plain `std::time` timing: each case runs a fixed number of
//! times and reports the median of several rounds, so one noisy round does not count.

use std::hint::black_box;
use std::time::{Duration, Instant};

use peilbot::cli::load_content;
use peilbot::engine::{Event, Response, Screen, State, step};
use peilbot::flow::{Answer, Answers};
use peilbot::lang::Lang;
use peilbot::present::Presenter;
use peilbot::score::snapshot;
use peilbot::store::{Commit, Options, PersonId, Store};
use peilbot::team::Team;
use peilbot::team_stats::team_stats;

const ROUNDS: usize = 5;

/// Runs `f` `iterations` times per round and prints the median time per iteration.
fn bench(name: &str, iterations: u32, mut f: impl FnMut()) {
    let mut per_iteration: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                f();
            }
            start.elapsed() / iterations
        })
        .collect();
    per_iteration.sort();
    let median = per_iteration[ROUNDS / 2];
    println!("{name:<44} {:>12.2?} per iteration ({iterations} x {ROUNDS} rounds)", median);
}

fn main() {
    let content = load_content().expect("shipped content is valid");
    let flow = content.default_flow();

    bench("engine: a whole scan (24 events)", 2_000, || {
        let mut state = State { lang: Lang::Nl, scan: None };
        let mut transition = step(flow, &state, Event::Start, 0);
        while let Screen::Question(view) = &transition.output.screen {
            let question = flow.questions[view.question].id.clone();
            state = transition.state;
            transition = step(flow, &state, Event::Answer { question, choice: 2 }, 1);
        }
        black_box(&transition);
    });

    let answers: Answers = flow.questions.iter().map(|q| (q.id.clone(), answer_for(q.id.as_str()))).collect();
    bench("score: individual snapshot", 20_000, || {
        black_box(snapshot(flow, black_box(&answers)));
    });

    let presenter = Presenter::new(&content, flow, Lang::Nl);
    let snap = snapshot(flow, &answers);
    bench("present: snapshot text (nl)", 5_000, || {
        black_box(presenter.snapshot(&snap));
    });

    let (rows, labels) = presenter.chart(&snap, 0);
    bench("chart: snapshot PNG", 20, || {
        black_box(peilbot::chart::profile_png(&rows, &labels).expect("renders"));
    });

    let team: Vec<Answers> = (0..200).map(|_| answers.clone()).collect();
    let refs: Vec<&Answers> = team.iter().collect();
    bench("team_stats: 200 respondents", 200, || {
        black_box(team_stats(flow, &refs));
    });

    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::open(dir.path()).expect("store opens");
    let person = PersonId("bench:1".into());
    let scan = step(flow, &State { lang: Lang::Nl, scan: None }, Event::Start, 0).state.scan;
    let mut update = 0u64;
    bench("store: durable commit (transaction + fsync)", 200, || {
        update += 1;
        let commit =
            Commit { scan: Some(scan.clone()), update: Some(format!("u{update}")), ..Commit::default() };
        store.commit(&person, &commit).expect("commit");
    });

    // A lead's team result goes through the published-set rule; the org view publishes
    // every team's result. Schema 2 reads one index record per respondent and only the
    // published sets a candidate overlaps with.
    for (teams, size) in [(1, 20), (100, 20), (1, 10_000), (1_000, 10)] {
        let (dir, store, lead) = organisation(&content, teams, size, &answers);
        let team = store.teams_of(&lead).expect("teams")[0].id.clone();
        let rules = peilbot::anonymity::Rules::default();
        let name = format!("store: team result of {size}, among {teams} team(s)");
        bench(&name, if size > 1_000 { 5 } else { 50 }, || {
            black_box(store.team_result(flow, &team, &lead, rules, None).expect("read").expect("a result"));
        });
        let name = format!("store: org view over {teams} team(s) of {size}");
        bench(&name, if teams * size > 1_000 { 2 } else { 5 }, || {
            black_box(store.org_view(flow, rules).expect("org view"));
        });
        drop(dir);
    }

    // What /report and `peilbot report` make: the chart, the words and an A4 PDF with the
    // font embedded as a subset.
    let (dir, store, lead) = organisation(&content, 1, 20, &answers);
    let team = store.teams_of(&lead).expect("teams")[0].id.clone();
    let app = peilbot::app::App {
        content: load_content().expect("content"),
        store,
        rules: peilbot::anonymity::Rules::default(),
        admins: Vec::new(),
        retention_days: peilbot::app::privacy::DEFAULT_RETENTION_DAYS,
        web_url: None,
        deployment: Default::default(),
    };
    let result =
        app.store.team_result(app.flow(), &team, &lead, app.rules, None).expect("read").expect("a result");
    let pdf = peilbot::report::team_pdf(&app.presenter(Lang::Nl), &result, 5, 0).expect("a report");
    println!("report: team PDF is {} KiB", pdf.len() / 1024);
    bench("report: team PDF (chart, text, A4, font subset)", 10, || {
        black_box(peilbot::report::team_pdf(&app.presenter(Lang::Nl), &result, 5, 0).expect("a report"));
    });
    drop(dir);
}

/// A store with `teams` teams of `size` people who each completed a scan (filled without a
/// flush per commit, as `peilbot demo` does); returns the lead of the first team.
fn organisation(
    content: &peilbot::content::Content,
    teams: usize,
    size: usize,
    answers: &Answers,
) -> (tempfile::TempDir, Store, PersonId) {
    let flow = content.default_flow();
    let dir = tempfile::tempdir().expect("a temp dir");
    let options = Options { flush_each_commit: false, ..Options::with_flows(&content.flows) };
    let store = Store::open_with(dir.path(), options).expect("store opens");
    let mut first_lead = None;
    for t in 0..teams {
        let members: Vec<PersonId> = (0..size).map(|m| PersonId(format!("bench:{t}:{m}"))).collect();
        let mut team =
            Team::new(&format!("Team {t}"), members[0].clone(), 0, peilbot::random::team_seed(), flow);
        team.members.extend(members.iter().cloned());
        store.create_team(&team).expect("team");
        for member in &members {
            let response = Response {
                flow_id: flow.id.clone(),
                flow_version: flow.version,
                answers: answers.clone(),
                started_at: 1,
                completed_at: 2,
            };
            store.commit(member, &Commit { completed: Some(response), ..Commit::default() }).expect("commit");
        }
        first_lead.get_or_insert(members[0].clone());
    }
    (dir, store, first_lead.expect("at least one team"))
}

/// Varied answers: levels spread over the scale, some "don't know".
fn answer_for(id: &str) -> Answer {
    match id {
        "role" => Answer::Choice("policy".into()),
        "d2" => Answer::DontKnow,
        _ => Answer::Level((id.len() % 5) as u8 + 1),
    }
}
