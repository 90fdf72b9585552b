//! The sled store: what is committed is there after reopening, and a store of another
//! schema is refused with a clear message.

use peilbot::engine::{Response, Scan};
use peilbot::flow::{Answer, Answers};
use peilbot::lang::Lang;
use peilbot::store::{Commit, Options, Person, PersonId, SCHEMA_VERSION, Store, StoreError};

fn scan(cursor: usize) -> Scan {
    let mut answers = Answers::new();
    answers.insert("a1".into(), Answer::Level(3));
    Scan { flow_id: "quickscan".into(), flow_version: 1, cursor, answers, started_at: 10 }
}

fn response(completed_at: u64, level: u8) -> Response {
    let mut answers = Answers::new();
    answers.insert("a1".into(), Answer::Level(level));
    Response { flow_id: "quickscan".into(), flow_version: 1, answers, started_at: 1, completed_at }
}

/// A Telegram person by number.
fn id(n: u32) -> PersonId {
    PersonId(format!("tg:{n}"))
}

/// The shipped flows, and a store in a fresh folder that knows them.
fn store_with_flows() -> (peilbot::content::Content, tempfile::TempDir, Store) {
    let content = peilbot::cli::load_content().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with(dir.path(), Options::with_flows(&content.flows)).unwrap();
    (content, dir, store)
}

/// A response to `flow` at `version` completed at `at`, with `level` for its first question.
fn completed(flow: &peilbot::flow::Flow, version: u32, at: u64, level: u8) -> Commit {
    let mut response = response(at, level);
    (response.flow_id, response.flow_version) = (flow.id.clone(), version);
    Commit { completed: Some(response), ..Commit::default() }
}

#[test]
fn committed_changes_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let alice = PersonId("tg:1".into());
    let bob = PersonId("tg:12".into());
    {
        let store = Store::open(dir.path()).unwrap();
        let commit = Commit {
            person: Some(Person { lang: Some(Lang::NlBe), ..Person::default() }),
            scan: Some(Some(scan(4))),
            completed: None,
            update: Some("tg:1001".into()),
        };
        store.commit(&alice, &commit).unwrap();
        store.commit(&bob, &Commit { completed: Some(response(50, 2)), ..Commit::default() }).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.person(&alice).unwrap().lang, Some(Lang::NlBe));
    assert_eq!(store.scan(&alice).unwrap(), Some(scan(4)));
    assert!(store.seen_update("tg:1001").unwrap());
    assert!(!store.seen_update("tg:1002").unwrap());
    // Ids that share a prefix keep their responses apart.
    assert_eq!(store.responses(&alice).unwrap(), vec![]);
    assert_eq!(store.latest_response(&bob).unwrap(), Some(response(50, 2)));
    assert_eq!(store.person(&PersonId("tg:999".into())).unwrap(), Person::default());
}

#[test]
fn a_finished_scan_replaces_the_scan_in_progress_and_keeps_every_response() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let me = PersonId("local:terminal".into());
    store.commit(&me, &Commit { scan: Some(Some(scan(3))), ..Commit::default() }).unwrap();
    store
        .commit(&me, &Commit { scan: Some(None), completed: Some(response(100, 2)), ..Commit::default() })
        .unwrap();
    store.commit(&me, &Commit { completed: Some(response(200, 4)), ..Commit::default() }).unwrap();
    assert_eq!(store.scan(&me).unwrap(), None);
    assert_eq!(store.responses(&me).unwrap(), vec![response(100, 2), response(200, 4)]);
    assert_eq!(store.latest_response(&me).unwrap(), Some(response(200, 4)));
}

#[test]
fn a_store_of_another_schema_version_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta").unwrap().insert("schema", "99").unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(dir.path()).err().expect("schema 99 is refused");
    assert!(matches!(err, StoreError::Schema { .. }));
    let message = err.to_string();
    assert!(message.contains("schema 99"), "{message}");
    assert!(message.contains(&format!("reads schema {SCHEMA_VERSION}")), "{message}");
}

#[test]
fn pruning_forgets_the_oldest_update_ids_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for id in [3u64, 10, 1, 7] {
        store.mark_update(&format!("tg:{id:020}")).unwrap();
    }
    assert_eq!(store.prune_updates(2).unwrap(), 2);
    assert!(!store.seen_update(&format!("tg:{:020}", 1)).unwrap());
    assert!(!store.seen_update(&format!("tg:{:020}", 3)).unwrap());
    assert!(store.seen_update(&format!("tg:{:020}", 7)).unwrap());
    assert!(store.seen_update(&format!("tg:{:020}", 10)).unwrap());
    assert_eq!(store.prune_updates(2).unwrap(), 0);
}

#[test]
fn forgetting_a_person_deletes_their_data_and_memberships() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (ann, bob) = (PersonId("tg:5".into()), PersonId("tg:6".into()));
    let person = Person { lang: Some(Lang::Nl), ..Person::default() };
    for who in [&ann, &bob] {
        let commit = Commit {
            person: Some(person.clone()),
            scan: Some(Some(scan(2))),
            completed: Some(response(9, 3)),
            update: None,
        };
        store.commit(who, &commit).unwrap();
    }
    let content = peilbot::cli::load_content().unwrap();
    let seed = peilbot::random::team_seed();
    let mut team = peilbot::team::Team::new("Burgerzaken", bob.clone(), 1, seed, content.default_flow());
    team.members.insert(ann.clone());
    store.create_team(&team).unwrap();

    store.forget(&ann).unwrap();

    assert_eq!(store.person(&ann).unwrap(), Person::default());
    assert_eq!(store.scan(&ann).unwrap(), None);
    assert_eq!(store.responses(&ann).unwrap(), vec![]);
    assert!(!store.team(&team.id).unwrap().unwrap().members.contains(&ann));
    // Nobody else is touched.
    assert_eq!(store.person(&bob).unwrap(), person);
    assert_eq!(store.responses(&bob).unwrap(), vec![response(9, 3)]);
    assert!(store.team(&team.id).unwrap().unwrap().is_lead(&bob));
}

#[test]
fn a_commit_waits_for_the_disk_once_and_a_bulk_load_only_when_it_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let me = PersonId("tg:7".into());
    {
        let store = Store::open(dir.path()).unwrap();
        let before = store.flushes();
        let commit = Commit {
            person: Some(Person::default()),
            scan: Some(None),
            completed: Some(response(100, 2)),
            update: Some("tg:1".into()),
        };
        store.commit(&me, &commit).unwrap();
        assert_eq!(store.flushes() - before, 1);
        store.write(&me, &Commit { person: Some(Person::default()), ..Commit::default() }).unwrap();
        assert_eq!(store.flushes() - before, 1, "a write that may be lost does not wait");
    }
    let bulk =
        Store::open_with(dir.path(), Options { flush_each_commit: false, ..Options::default() }).unwrap();
    let before = bulk.flushes();
    for at in 200..300 {
        bulk.commit(&me, &Commit { completed: Some(response(at, 3)), ..Commit::default() }).unwrap();
    }
    assert_eq!(bulk.flushes(), before, "bulk commits do not wait for the disk");
    bulk.flush().unwrap();
    assert_eq!(bulk.flushes(), before + 1);
    drop(bulk);
    assert_eq!(Store::open(dir.path()).unwrap().responses(&me).unwrap().len(), 101);
}

/// The round index follows every change a team result depends on: a scan completed inside
/// the round (not before it), a member who joins with a scan already done, one who leaves,
/// a new round, and a member who is forgotten.
#[test]
fn a_team_result_counts_each_members_latest_scan_in_the_round_through_every_change() {
    let (content, dir, store) = store_with_flows();
    let flow = content.default_flow();
    let rules = peilbot::anonymity::Rules::default();
    let done = |who: u32, at: u64| store.commit(&id(who), &completed(flow, flow.version, at, 3)).unwrap();
    let now = |team: &str| match store.team_result(flow, team, &id(1), rules, None).unwrap() {
        // While the new round is short, the latest round with a result is shown beside it.
        Ok(result) => match result.open {
            Some(peilbot::team::OpenRound {
                refusal: peilbot::team::TeamRefusal::TooFew { respondents, .. },
                ..
            }) => respondents,
            _ => result.respondents_now,
        },
        Err(peilbot::team::TeamRefusal::TooFew { respondents, .. }) => respondents,
        Err(other) => panic!("{other:?}"),
    };
    done(9, 500); // before the team's round opened
    let mut team = peilbot::team::Team::new("Burgerzaken", id(1), 1_000, peilbot::random::team_seed(), flow);
    team.members.extend((2..=6).map(id));
    store.create_team(&team).unwrap();
    for who in 1..=5 {
        done(who, 2_000 + u64::from(who));
    }
    assert_eq!(now(&team.id), 5);
    done(5, 3_000); // a retake replaces the earlier scan
    assert_eq!(now(&team.id), 5);
    done(6, 3_001);
    assert_eq!(now(&team.id), 6);
    store.update_team(&team.id, |team| team.members.insert(id(9))).unwrap();
    assert_eq!(now(&team.id), 6, "a scan from before the round does not count");
    done(9, 3_002);
    assert_eq!(now(&team.id), 7, "a member's scan inside the round counts");
    store.update_team(&team.id, |team| team.members.remove(&id(2))).unwrap();
    assert_eq!(now(&team.id), 6, "a member who left no longer counts");
    store.new_round(flow, &team.id, 1, rules, 4_000, flow).unwrap();
    assert_eq!(now(&team.id), 0, "a new round starts empty");
    done(3, 5_000);
    done(4, 5_001);
    assert_eq!(now(&team.id), 2);
    store.forget(&id(4)).unwrap();
    assert_eq!(now(&team.id), 1, "a forgotten member no longer counts");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let result = store.team_result(flow, &team.id, &id(1), rules, None).unwrap().expect("round 1 is shown");
    let open = result.open.expect("beside the short round 2").refusal;
    assert!(matches!(open, peilbot::team::TeamRefusal::TooFew { respondents: 1, .. }), "{open:?}");
}

/// A round counts only responses to the flow version it asks: a version whose questions
/// may differ (an older file, or one served from a content folder) never mixes in, also
/// not after a restart, when the index is read back.
#[test]
fn a_round_never_counts_a_response_to_another_version_of_its_flow() {
    let (content, dir, store) = store_with_flows();
    let flow = content.default_flow();
    let rules = peilbot::anonymity::Rules::new(3);
    let done = |store: &Store, who: u32, at: u64, version: u32| {
        store.commit(&id(who), &completed(flow, version, at, 3)).unwrap();
    };
    let respondents = |store: &Store, team: &str| match store.team_result(flow, team, &id(1), rules, None) {
        Ok(Ok(result)) => result.respondents_now,
        Ok(Err(peilbot::team::TeamRefusal::TooFew { respondents, .. })) => respondents,
        other => panic!("{other:?}"),
    };
    let mut team = peilbot::team::Team::new("Burgerzaken", id(1), 1_000, peilbot::random::team_seed(), flow);
    team.members.extend((2..=5).map(id));
    store.create_team(&team).unwrap();
    for who in 1..=3 {
        done(&store, who, 2_000 + u64::from(who), flow.version);
    }
    done(&store, 4, 2_004, flow.version + 1);
    done(&store, 5, 2_005, flow.version - 1);
    assert_eq!(respondents(&store, &team.id), 3, "only the round's version counts");
    let due = store.take_reminders(flow, &team.id, &id(1), 10_000).unwrap().unwrap();
    assert_eq!(due, [id(4), id(5)], "a scan of another version does not count as finished");
    drop(store);
    let store = Store::open_with(dir.path(), Options::with_flows(&content.flows)).unwrap();
    assert_eq!(respondents(&store, &team.id), 3, "and so after a restart");
    done(&store, 4, 3_000, flow.version);
    assert_eq!(respondents(&store, &team.id), 4, "a retake on the round's version counts");
}

/// The organisation-wide result is over every person in the team results beside it, however
/// each was published: one by its lead before, one shown with a closed round, and one that
/// the organisation view publishes itself. Each team's people answer alike and differently
/// from the others', so the median says whether any team is missing.
#[test]
fn the_organisation_row_is_over_every_team_shown_however_it_was_published() {
    let (content, _dir, store) = store_with_flows();
    let flow = content.default_flow();
    let rules = peilbot::anonymity::Rules::new(3);
    let done = |who: u32, at: u64, level: u8| {
        store.commit(&id(who), &completed(flow, flow.version, at, level)).unwrap();
    };
    let team = |name: &str, first: u32, level: u8| {
        let mut team = peilbot::team::Team::new(name, id(first), 1_000, peilbot::random::team_seed(), flow);
        team.members.extend((first + 1..first + 3).map(id));
        store.create_team(&team).unwrap();
        for who in first..first + 3 {
            done(who, 2_000 + u64::from(who), level);
        }
        team.id
    };
    let alpha = team("Alpha", 10, 1);
    let beta = team("Beta", 20, 2);
    team("Gamma", 30, 5);
    store.team_result(flow, &alpha, &id(10), rules, None).unwrap().expect("Alpha is published by its lead");
    store.team_result(flow, &beta, &id(20), rules, None).unwrap().expect("Beta is published by its lead");
    store.new_round(flow, &beta, 1, rules, 4_000, flow).unwrap();

    let view = store.org_view(flow, rules).unwrap();
    let rounds: Vec<(&str, u32, usize)> =
        view.teams.iter().map(|row| (row.team.as_str(), row.round, row.shown.respondents)).collect();
    assert_eq!(rounds, [("Alpha", 1, 3), ("Beta", 1, 3), ("Gamma", 1, 3)]);
    let overall = view.overall.expect("an organisation-wide result");
    assert_eq!(overall.respondents, 9);
    // 1, 1, 1, 2, 2, 2, 5, 5, 5: without Alpha 3.5, without Beta 3.0, without Gamma 1.5.
    assert_eq!(overall.stats.dimensions[0].current, Some(2.0));
}

/// `peilbot compact` (and `peilbot demo` after its bulk load) rewrites the folder: every
/// record is there afterwards, the views show what they showed, and a response completed
/// later gets an id no earlier response had (ids are what published sets hold).
#[test]
fn a_compacted_store_keeps_every_record_and_hands_out_new_response_ids() {
    use peilbot::anonymity::Rules;
    use peilbot::demo::{self, Spec};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data");
    let content = peilbot::cli::load_content().unwrap();
    let flow = content.default_flow();
    let spec = Spec { teams: 4, people: 60, rounds: 2, seed: 3, now: peilbot::demo::EXAMPLE_NOW };
    {
        let options = Options { flush_each_commit: false, ..Options::with_flows(&content.flows) };
        let store = Store::open_with(&path, options).unwrap();
        demo::fill(&store, flow, spec).unwrap();
        store.org_view(flow, Rules::default()).unwrap();
    }
    let (records, view, ids) = {
        // Reopened, so the view is read as stored, as it is after compacting.
        let store = Store::open_with(&path, Options::with_flows(&content.flows)).unwrap();
        let view = store.org_view(flow, Rules::default()).unwrap();
        let people: Vec<PersonId> = (0..spec.people).map(|i| PersonId(format!("demo:{i:06}"))).collect();
        let ids: Vec<u64> = people
            .iter()
            .flat_map(|person| store.responses_with_ids(person).unwrap())
            .map(|(id, _)| id)
            .collect();
        (store.tree_sizes().unwrap(), view, ids)
    };
    assert!(view.overall.is_some(), "the demo organisation has a result to compare");

    peilbot::store::compact(&path).unwrap();
    let store = Store::open_with(&path, Options::with_flows(&content.flows)).unwrap();
    assert_eq!(store.tree_sizes().unwrap(), records);
    assert_eq!(store.org_view(flow, Rules::default()).unwrap(), view);
    let newcomer = PersonId("tg:77".into());
    store.commit(&newcomer, &Commit { completed: Some(response(50, 2)), ..Commit::default() }).unwrap();
    let (new_id, _) = store.responses_with_ids(&newcomer).unwrap()[0];
    assert!(ids.iter().all(|id| *id < new_id), "response id {new_id} was handed out before");
    assert!(!dir.path().join("data.compacting").exists() && !dir.path().join("data.compacted").exists());
}
