//! One person's turn, the same in every channel: load → step → commit → show.
//!
//! Everything an event changes (the person's record, the scan in progress, a completed
//! response, the id of the update that caused it) is committed in one transaction and
//! flushed before the channel shows the reply, so an acknowledged answer survives a
//! crash and an update delivered twice is applied once.

use crate::engine::{self, Event, State, Transition};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::person::PersonId;
use crate::store::{Commit, Person, StoreError};

use super::App;

#[derive(Debug, Clone)]
pub struct Session {
    pub person: PersonId,
    /// What is kept about the person besides answers.
    pub record: Person,
    pub state: State,
    /// The channel's id for the update being handled, when it has one (Telegram does).
    pub update: Option<String>,
}

impl Session {
    /// Loads a person's record and scan; `detected` is the language to speak until they
    /// choose one (from Telegram's language code, or `LANG` in a terminal).
    pub fn load(
        app: &App,
        person: PersonId,
        detected: Lang,
        update: Option<String>,
    ) -> Result<Session, StoreError> {
        let record = app.store.person(&person)?;
        let state = State { lang: record.lang.unwrap_or(detected), scan: app.store.scan(&person)? };
        Ok(Session { person, record, state, update })
    }

    /// Runs one engine step on the flow of the scan in progress (else the default flow)
    /// and commits it before any reply.
    pub fn step(&mut self, app: &App, event: Event, now: u64) -> Result<Transition, StoreError> {
        let flow = app.flow_of(&self.state);
        self.step_in(app, flow, event, now)
    }

    /// Runs one engine step on a given flow and commits it before any reply. A language
    /// the person chose is kept, even when it equals the detected one.
    pub fn step_in(
        &mut self,
        app: &App,
        flow: &Flow,
        event: Event,
        now: u64,
    ) -> Result<Transition, StoreError> {
        if let Event::SetLanguage(lang) = event {
            self.record.lang = Some(lang);
        }
        let answered = matches!(event, Event::Answer { .. } | Event::DontKnow { .. });
        let transition = engine::step(flow, &self.state, event, now);
        let commit = Commit {
            person: Some(self.record.clone()),
            scan: Some(transition.state.scan.clone()),
            completed: transition.completed.clone(),
            update: self.update.clone(),
        };
        let started = std::time::Instant::now();
        app.store.commit(&self.person, &commit)?;
        metrics::histogram!("peilbot_commit_seconds").record(started.elapsed());
        if answered && transition.changed {
            metrics::counter!("peilbot_answers_committed_total").increment(1);
        }
        if transition.completed.is_some() {
            metrics::counter!("peilbot_scans_completed_total").increment(1);
        }
        self.state = transition.state.clone();
        Ok(transition)
    }

    /// Commits the person's record (and the update) when no engine step did.
    pub fn save(&self, app: &App) -> Result<(), StoreError> {
        let commit =
            Commit { person: Some(self.record.clone()), update: self.update.clone(), ..Commit::default() };
        app.store.commit(&self.person, &commit)
    }
}
