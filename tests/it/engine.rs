//! The conversation engine, driven directly: each event kind, each invalid event, and a
//! property test over arbitrary event sequences.

use peilbot::cli::load_content;
use peilbot::content::Content;
use peilbot::engine::{Event, Scan, Screen, State, Transition, step};
use peilbot::flow::{Answer, Flow};
use peilbot::lang::Lang;
use peilbot::messages::Msg;
use proptest::prelude::*;

fn content() -> &'static Content {
    static CONTENT: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    CONTENT.get_or_init(|| load_content().expect("shipped content is valid"))
}

fn flow() -> &'static Flow {
    content().default_flow()
}

fn fresh() -> State {
    State { lang: Lang::Nl, scan: None }
}

fn started() -> State {
    step(flow(), &fresh(), Event::Start, 100).state
}

fn cursor_id(state: &State) -> String {
    flow().questions[state.scan.as_ref().expect("a scan").cursor].id.clone()
}

fn answer(state: &State, choice: usize) -> Transition {
    step(flow(), state, Event::Answer { question: cursor_id(state), choice }, 200)
}

fn position(transition: &Transition) -> (usize, usize) {
    match &transition.output.screen {
        Screen::Question(view) => (view.position, view.total),
        other => panic!("expected a question, got {other:?}"),
    }
}

/// Asserts an event was refused: the state is untouched and the person is told why.
fn assert_refused(state: &State, event: Event, why: Msg) {
    let transition = step(flow(), state, event.clone(), 300);
    assert_eq!(&transition.state, state, "{event:?} changed the state");
    assert!(!transition.changed);
    assert_eq!(transition.output.notices, vec![why], "{event:?}");
    assert!(transition.completed.is_none());
}

#[test]
fn start_shows_the_intro_and_the_first_question() {
    let transition = step(flow(), &fresh(), Event::Start, 100);
    assert!(transition.changed);
    let Screen::Question(view) = &transition.output.screen else { panic!() };
    assert!(view.intro);
    assert_eq!((view.position, view.total), (1, 23));
    assert_eq!(flow().questions[view.question].id, "a1");
    assert_eq!(transition.state.scan.as_ref().unwrap().started_at, 100);
}

#[test]
fn start_during_a_scan_resumes_it() {
    let state = answer(&started(), 2).state;
    let transition = step(flow(), &state, Event::Start, 500);
    assert_eq!(transition.state, state);
    assert_eq!(transition.output.notices, vec![Msg::ScanResumed]);
    assert_eq!(position(&transition), (2, 23));
}

#[test]
fn resume_shows_the_current_question_again() {
    let state = answer(&answer(&started(), 0).state, 1).state;
    let transition = step(flow(), &state, Event::Resume, 500);
    assert_eq!(transition.state, state);
    assert_eq!(position(&transition), (3, 23));
}

#[test]
fn an_answer_is_recorded_and_moves_on() {
    let transition = answer(&started(), 2);
    let scan = transition.state.scan.as_ref().unwrap();
    assert_eq!(scan.answers.get("a1"), Some(&Answer::Level(3)));
    assert_eq!(position(&transition), (2, 23));
    assert!(transition.output.notices.is_empty());
}

#[test]
fn dont_know_is_an_answer_of_its_own() {
    let state = started();
    let transition = step(flow(), &state, Event::DontKnow { question: "a1".into() }, 200);
    assert_eq!(transition.state.scan.unwrap().answers.get("a1"), Some(&Answer::DontKnow));
    // The sixth choice of a scale question is "don't know" as well.
    let transition = answer(&state, 5);
    assert_eq!(transition.state.scan.unwrap().answers.get("a1"), Some(&Answer::DontKnow));
}

#[test]
fn back_returns_to_the_previous_question_with_its_answer_marked() {
    let state = answer(&started(), 3).state;
    let transition = step(flow(), &state, Event::Back, 300);
    let Screen::Question(view) = &transition.output.screen else { panic!() };
    assert_eq!(flow().questions[view.question].id, "a1");
    assert_eq!(view.previous, Some(Answer::Level(4)));
    // Answering again replaces the earlier answer.
    let changed = answer(&transition.state, 0).state;
    assert_eq!(changed.scan.unwrap().answers.get("a1"), Some(&Answer::Level(1)));
}

#[test]
fn the_language_can_change_mid_scan() {
    let state = answer(&started(), 3).state;
    let transition = step(flow(), &state, Event::SetLanguage(Lang::En), 300);
    assert_eq!(transition.state.lang, Lang::En);
    assert_eq!(transition.state.scan, state.scan, "the scan goes on untouched");
    assert_eq!(transition.output.notices, vec![Msg::LanguageChanged]);
    assert_eq!(position(&transition), (2, 23));
}

#[test]
fn cancel_forgets_the_scan() {
    let state = answer(&started(), 3).state;
    let transition = step(flow(), &state, Event::Cancel, 300);
    assert_eq!(transition.state.scan, None);
    assert_eq!(transition.output.notices, vec![Msg::Cancelled]);
    assert_eq!(transition.output.screen, Screen::Idle);
}

#[test]
fn invalid_events_change_nothing_and_say_why() {
    let state = answer(&started(), 3).state;
    assert_refused(&state, Event::Answer { question: "a1".into(), choice: 0 }, Msg::NotCurrent);
    assert_refused(&state, Event::Answer { question: "nonsense".into(), choice: 0 }, Msg::NotCurrent);
    assert_refused(&state, Event::DontKnow { question: "b1".into() }, Msg::NotCurrent);
    assert_refused(&state, Event::Answer { question: "a2".into(), choice: 6 }, Msg::OutOfRange);
    assert_refused(&state, Event::Answer { question: "a2".into(), choice: usize::MAX }, Msg::OutOfRange);
    assert_refused(&state, Event::Text("ik weet het echt niet".into()), Msg::ExpectedChoice);
    assert_refused(&started(), Event::Back, Msg::NothingToGoBack);
    for event in [Event::Back, Event::Cancel, Event::Answer { question: "a1".into(), choice: 0 }] {
        assert_refused(&fresh(), event, Msg::NoScanInProgress);
    }
    assert_refused(&fresh(), Event::DontKnow { question: "a1".into() }, Msg::NoScanInProgress);
}

#[test]
fn the_choice_question_has_no_dont_know() {
    let mut state = started();
    while cursor_id(&state) != "role" {
        state = answer(&state, 2).state;
    }
    assert_refused(&state, Event::DontKnow { question: "role".into() }, Msg::OutOfRange);
    assert_refused(&state, Event::Answer { question: "role".into(), choice: 5 }, Msg::OutOfRange);
}

#[test]
fn skip_logic_hides_e2_when_ai_has_not_started() {
    let mut state = started();
    while cursor_id(&state) != "e1" {
        state = answer(&state, 2).state;
    }
    let before = answer(&state, 2);
    assert_eq!(cursor_id(&before.state), "e2");
    let skipped = answer(&state, 0);
    assert_eq!(cursor_id(&skipped.state), "e-ambition");
    assert_eq!(position(&skipped), (15, 22), "the total shrinks when e2 is skipped");
    // Going back from the ambition question skips the hidden question too.
    let back = step(flow(), &skipped.state, Event::Back, 400);
    assert_eq!(cursor_id(&back.state), "e1");
}

#[test]
fn the_last_answer_completes_the_scan_with_a_snapshot() {
    let mut state = started();
    let mut transition = answer(&state, 2);
    while transition.completed.is_none() {
        state = transition.state;
        transition = answer(&state, 2);
    }
    let response = transition.completed.unwrap();
    assert_eq!(response.answers.len(), 23);
    assert_eq!((response.started_at, response.completed_at), (100, 200));
    assert_eq!((response.flow_id.as_str(), response.flow_version), ("quickscan", flow().version));
    assert_eq!(transition.state.scan, None, "nothing is left in progress");
    let Screen::Snapshot(snapshot) = &transition.output.screen else { panic!() };
    assert!(snapshot.dimensions.iter().all(|d| d.score == Some(3.0)));
}

#[test]
fn answers_hidden_by_a_later_change_do_not_count() {
    let mut state = started();
    while cursor_id(&state) != "e-ambition" {
        state = answer(&state, 3).state; // e1 = 4, so e2 is asked and answered
    }
    // Go back to e1 and say AI has not started: e2's answer must be dropped.
    state = step(flow(), &state, Event::Back, 1).state;
    state = step(flow(), &state, Event::Back, 1).state;
    assert_eq!(cursor_id(&state), "e1");
    let mut transition = answer(&state, 0);
    while transition.completed.is_none() {
        transition = answer(&transition.state, 3);
    }
    let response = transition.completed.unwrap();
    assert!(!response.answers.contains_key("e2"));
    assert_eq!(response.answers.get("e1"), Some(&Answer::Level(1)));
}

#[test]
fn a_scan_of_an_older_flow_version_starts_afresh() {
    let mut state = answer(&started(), 2).state;
    state.scan.as_mut().unwrap().flow_version = 0;
    let resumed = step(flow(), &state, Event::Resume, 1);
    assert_eq!(resumed.output.notices, vec![Msg::ScanOutdated]);
    assert_eq!(resumed.state, state, "resume alone changes nothing");
    let restarted = step(flow(), &state, Event::Start, 1);
    assert_eq!(restarted.output.notices, vec![Msg::ScanOutdated]);
    assert_eq!(position(&restarted), (1, 23));
    assert!(restarted.state.scan.unwrap().answers.is_empty());
}

fn arbitrary_event() -> impl Strategy<Value = Event> {
    let question = prop_oneof![
        proptest::sample::select(flow().questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>()),
        ".{0,8}",
    ];
    prop_oneof![
        Just(Event::Start),
        Just(Event::Resume),
        Just(Event::Back),
        Just(Event::Cancel),
        proptest::sample::select(Lang::ALL.to_vec()).prop_map(Event::SetLanguage),
        (question.clone(), 0usize..9).prop_map(|(question, choice)| Event::Answer { question, choice }),
        question.prop_map(|question| Event::DontKnow { question }),
        ".{0,20}".prop_map(Event::Text),
    ]
}

/// Like a person who mostly answers the current question, and sometimes does anything.
fn plausible_event(state: &State, event: Event, choice: usize) -> Event {
    match (&state.scan, &event) {
        (Some(scan), Event::Text(text)) if text.len() % 2 == 0 => {
            Event::Answer { question: flow().questions[scan.cursor].id.clone(), choice }
        }
        _ => event,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_sequence_of_events_is_safe(events in prop::collection::vec((arbitrary_event(), 0usize..6), 1..120)) {
        let mut state = fresh();
        for (now, (event, choice)) in events.into_iter().enumerate() {
            let event = plausible_event(&state, event, choice);
            let transition = step(flow(), &state, event, now as u64);
            if let Screen::Question(view) = &transition.output.screen {
                prop_assert!(view.position >= 1 && view.position <= view.total);
                prop_assert!(view.total <= flow().questions.len());
            }
            if let Some(scan) = &transition.state.scan {
                prop_assert!(scan.cursor < flow().questions.len());
            }
            // The stored form loads back to the same state.
            let stored = serde_json::to_vec(&transition.state).unwrap();
            let loaded: State = serde_json::from_slice(&stored).unwrap();
            prop_assert_eq!(&loaded, &transition.state);
            if let Some(scan) = &transition.state.scan {
                let loaded: Scan = serde_json::from_slice(&serde_json::to_vec(scan).unwrap()).unwrap();
                prop_assert_eq!(&loaded, scan);
            }
            state = transition.state;
        }
    }
}

/// One scan in progress per person: asking the engine to start another flow changes
/// nothing and says so; only `StartInstead` (sent after the person confirmed) replaces it.
#[test]
fn another_flow_never_replaces_a_scan_in_progress_unasked() {
    let ai = content().flow("aiscan").expect("the AI scan ships");
    let quick = answer(&started(), 2).state;
    let refused = step(ai, &quick, Event::Start, 300);
    assert_eq!(refused.state, quick, "the quick scan in progress is kept as it was");
    assert!(!refused.changed);
    assert_eq!(refused.output.notices, [Msg::ScanOtherInProgress]);

    let replaced = step(ai, &quick, Event::StartInstead, 300);
    let scan = replaced.state.scan.as_ref().expect("a new scan");
    assert_eq!((scan.flow_id.as_str(), scan.answers.len()), ("aiscan", 0));
    assert_eq!(position(&replaced), (1, 19));

    // StartInstead on the flow in progress resumes it: nothing is lost.
    let same = step(flow(), &quick, Event::StartInstead, 300);
    assert_eq!(same.state, quick);
    assert_eq!(same.output.notices, [Msg::ScanResumed]);
}

/// The total says "about" while a later question may still be skipped, and is exact (and
/// never larger than promised) from the answer that decides it on.
#[test]
fn the_total_is_an_estimate_until_the_skip_is_decided() {
    let mut state = started();
    let mut seen = Vec::new();
    while let Screen::Question(view) = step(flow(), &state, Event::Resume, 1).output.screen {
        seen.push((view.position, view.total, view.estimate));
        // Everything at level 1: e1 "not started" skips e2.
        let next = answer(&state, 0);
        if next.completed.is_some() {
            break;
        }
        state = next.state;
    }
    let e1 = flow().question_index("e1").unwrap();
    assert!(seen[..=e1].iter().all(|&(_, total, estimate)| total == 23 && estimate), "{seen:?}");
    assert!(seen[e1 + 1..].iter().all(|&(_, total, estimate)| total == 22 && !estimate), "{seen:?}");
    assert_eq!(seen.last().map(|&(position, total, _)| (position, total)), Some((22, 22)));
}
