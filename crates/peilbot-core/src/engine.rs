//! The conversation engine: a pure function from (state, event) to (new state, output).
//!
//! ```text
//! person: start              engine: intro + question 1 of 23 (choices 1-5, don't know)
//! person: answer a1 = 3      engine: question 2 of 23
//! person: back               engine: question 1 of 23, with "3" marked as the answer given
//! person: lang en            engine: "From now on I'll speak English" + the same question
//! person: answer a1 = 9      engine: "Please choose one of the options" + the same question
//! ...                        engine: after the last question, the snapshot
//! ```
//!
//! It does no I/O and reads no clock: time comes in with the event, and what to store or
//! say goes out in a [`Transition`]. The terminal, Telegram and the tests are adapters that
//! carry events in and render the output with `present`. Every invalid event leaves the
//! state exactly as it was and says why.

use serde::{Deserialize, Serialize};

use crate::flow::{Answer, Answers, Flow};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::score::{self, Snapshot};

/// Everything the engine knows about one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub lang: Lang,
    /// The scan in progress, if any.
    pub scan: Option<Scan>,
}

/// A scan in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    pub flow_id: String,
    pub flow_version: u32,
    /// Index of the current question in the flow.
    pub cursor: usize,
    pub answers: Answers,
    /// Unix milliseconds.
    pub started_at: u64,
}

/// A finished scan, to be kept as the person's response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub flow_id: String,
    pub flow_version: u32,
    pub answers: Answers,
    pub started_at: u64,
    pub completed_at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Start a scan, or resume the one in progress. A scan of another flow in progress is
    /// never dropped by this: the person is asked first (see `StartInstead`).
    Start,
    /// Start a scan of this flow, dropping the scan of another flow in progress (after the
    /// person confirmed it).
    StartInstead,
    /// Show the current question again (after a restart, or on request).
    Resume,
    /// The `choice`-th offer (0-based, see `Flow::offers`) for the question with this id.
    Answer {
        question: String,
        choice: usize,
    },
    /// "Don't know" for the question with this id.
    DontKnow {
        question: String,
    },
    /// Go back to the previous question, to change its answer.
    Back,
    SetLanguage(Lang),
    /// Stop the scan in progress and forget its answers.
    Cancel,
    /// Free text where a choice was expected.
    Text(String),
}

/// What the person should see after an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// Short remarks shown before the screen, e.g. why an input was refused.
    pub notices: Vec<Msg>,
    pub screen: Screen,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Ask a question.
    Question(QuestionView),
    /// The scan just finished.
    Snapshot(Snapshot),
    /// No scan in progress.
    Idle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    /// Index into the flow's questions.
    pub question: usize,
    /// 1-based position among the questions shown to this person.
    pub position: usize,
    /// The questions this person will see: exact once every question that decides
    /// whether another is shown has been answered, otherwise the most there can be.
    pub total: usize,
    /// Whether `total` is still an upper estimate ("of about 23"), so that it never
    /// jumps without warning when a later question turns out to be skipped.
    pub estimate: bool,
    /// The answer given earlier, when the person came back to this question.
    pub previous: Option<Answer>,
    /// The intro goes with the first question of a new scan.
    pub intro: bool,
}

/// The result of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub state: State,
    pub output: Output,
    /// Set when this event finished the scan: the response to keep.
    pub completed: Option<Response>,
    /// Whether the state differs from before (an unchanged state need not be written).
    pub changed: bool,
}

/// Applies one event. `now` is Unix milliseconds.
pub fn step(flow: &Flow, state: &State, event: Event, now: u64) -> Transition {
    let mut next = state.clone();
    let mut notices = Vec::new();
    let mut completed = None;
    let mut intro = false;

    match event {
        Event::Start | Event::StartInstead => {
            let other_flow = next.scan.as_ref().is_some_and(|scan| scan.flow_id != flow.id);
            if current(flow, &next).is_some() {
                notices.push(Msg::ScanResumed);
            } else if other_flow && event == Event::Start {
                notices.push(Msg::ScanOtherInProgress);
            } else if other_flow {
                next.scan = Some(new_scan(flow, now));
                intro = true;
            } else {
                // A scan of an older flow version cannot go on: its questions may differ.
                if next.scan.is_some() {
                    notices.push(Msg::ScanOutdated);
                }
                next.scan = Some(new_scan(flow, now));
                intro = true;
            }
        }
        Event::Resume => match (&next.scan, current(flow, &next)) {
            (Some(_), Some(_)) => notices.push(Msg::ScanResumed),
            (Some(_), None) => notices.push(Msg::ScanOutdated),
            (None, _) => {}
        },
        Event::Answer { question, choice } => match current(flow, &next) {
            None => notices.push(Msg::NoScanInProgress),
            Some(cursor) if flow.questions[cursor].id != question => notices.push(Msg::NotCurrent),
            Some(cursor) => match flow.offers(cursor).into_iter().nth(choice) {
                None => notices.push(Msg::OutOfRange),
                Some(offer) => completed = answer(flow, &mut next, cursor, offer.answer, now),
            },
        },
        Event::DontKnow { question } => match current(flow, &next) {
            None => notices.push(Msg::NoScanInProgress),
            Some(cursor) if flow.questions[cursor].id != question => notices.push(Msg::NotCurrent),
            Some(cursor) if !flow.offers(cursor).iter().any(|o| o.answer == Answer::DontKnow) => {
                notices.push(Msg::OutOfRange)
            }
            Some(cursor) => completed = answer(flow, &mut next, cursor, Answer::DontKnow, now),
        },
        Event::Back => match current(flow, &next) {
            None => notices.push(Msg::NoScanInProgress),
            Some(cursor) => match previous_shown(flow, &next, cursor) {
                None => notices.push(Msg::NothingToGoBack),
                Some(previous) => next.scan.as_mut().expect("current implies a scan").cursor = previous,
            },
        },
        Event::SetLanguage(lang) => {
            next.lang = lang;
            notices.push(Msg::LanguageChanged);
        }
        Event::Cancel => match next.scan.take() {
            None => notices.push(Msg::NoScanInProgress),
            Some(_) => notices.push(Msg::Cancelled),
        },
        // Without a scan, `Screen::Idle` is the answer: each channel says its next step.
        Event::Text(_) => {
            if next.scan.is_some() {
                notices.push(Msg::ExpectedChoice);
            }
        }
    }

    let screen = match (&completed, current(flow, &next)) {
        (Some(response), _) => Screen::Snapshot(score::snapshot(flow, &response.answers)),
        (None, Some(cursor)) => Screen::Question(view(flow, &next, cursor, intro)),
        (None, None) => Screen::Idle,
    };
    let changed = next != *state;
    Transition { state: next, output: Output { notices, screen }, completed, changed }
}

/// The question on screen for this state, if a scan of this flow is in progress: what an
/// adapter shows again after saying something of its own.
pub fn current_view(flow: &Flow, state: &State) -> Option<QuestionView> {
    current(flow, state).map(|cursor| view(flow, state, cursor, false))
}

fn new_scan(flow: &Flow, now: u64) -> Scan {
    let empty = Answers::new();
    let first = (0..flow.questions.len()).find(|&q| flow.is_shown(q, &empty)).unwrap_or(0);
    Scan {
        flow_id: flow.id.clone(),
        flow_version: flow.version,
        cursor: first,
        answers: empty,
        started_at: now,
    }
}

/// The current question, if a scan of this flow is in progress.
fn current(flow: &Flow, state: &State) -> Option<usize> {
    let scan = state.scan.as_ref()?;
    let same_flow = scan.flow_id == flow.id && scan.flow_version == flow.version;
    (same_flow && scan.cursor < flow.questions.len()).then_some(scan.cursor)
}

/// Records an answer and moves on; returns the response when that was the last question.
fn answer(flow: &Flow, state: &mut State, cursor: usize, answer: Answer, now: u64) -> Option<Response> {
    let scan = state.scan.as_mut().expect("current implies a scan");
    scan.answers.insert(flow.questions[cursor].id.clone(), answer);
    match next_shown(flow, &scan.answers, cursor) {
        Some(next) => {
            scan.cursor = next;
            None
        }
        None => {
            let mut scan = state.scan.take().expect("checked above");
            // Answers to questions that a later change of answer hid do not count.
            let shown: Vec<bool> =
                (0..flow.questions.len()).map(|q| flow.is_shown(q, &scan.answers)).collect();
            scan.answers.retain(|id, _| flow.question_index(id).is_some_and(|q| shown[q]));
            Some(Response {
                flow_id: scan.flow_id,
                flow_version: scan.flow_version,
                answers: scan.answers,
                started_at: scan.started_at,
                completed_at: now,
            })
        }
    }
}

fn next_shown(flow: &Flow, answers: &Answers, after: usize) -> Option<usize> {
    (after + 1..flow.questions.len()).find(|&q| flow.is_shown(q, answers))
}

fn previous_shown(flow: &Flow, state: &State, before: usize) -> Option<usize> {
    let answers = &state.scan.as_ref()?.answers;
    (0..before).rev().find(|&q| flow.is_shown(q, answers))
}

fn view(flow: &Flow, state: &State, cursor: usize, intro: bool) -> QuestionView {
    let answers = &state.scan.as_ref().expect("a question implies a scan").answers;
    let shown: Vec<usize> = (0..flow.questions.len()).filter(|&q| flow.is_shown(q, answers)).collect();
    let position = shown.iter().position(|&q| q == cursor).map_or(shown.len(), |p| p + 1);
    // A question whose condition waits on an unanswered question is counted as shown.
    let estimate = flow
        .questions
        .iter()
        .any(|q| q.show_if.as_ref().is_some_and(|c| !answers.contains_key(&flow.questions[c.question].id)));
    QuestionView {
        question: cursor,
        position,
        total: shown.len().max(position),
        estimate,
        previous: answers.get(&flow.questions[cursor].id).cloned(),
        intro,
    }
}
