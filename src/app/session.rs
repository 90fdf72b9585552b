//! One person's turn, the same in every channel: load → step → commit → show.
//!
//! Everything an event changes (the person's record, the scan in progress, a completed
//! response, the id of the update that caused it) is committed in one transaction and
//! flushed once, before the channel shows the reply, so an acknowledged answer survives a
//! crash and an update delivered twice is applied once. A channel that needs to change the
//! record after the engine step and before replying (Telegram notes which message shows
//! the question) calls [`Session::advance`], changes the record, then [`Session::save`]:
//! still one commit, one flush.

use crate::engine::{self, Event, Response, Scan, State, Transition};
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
    /// The record as the store has it: an unchanged record is not written again.
    stored: Person,
    pub state: State,
    /// The channel's id for the update being handled, when it has one (Telegram does).
    pub update: Option<String>,
    /// The language the person's app or browser reports, read with the organisation's
    /// default: what they would be spoken to in without a choice or a team.
    pub detected: Lang,
    /// What engine steps changed that is not committed yet.
    pending: Pending,
}

#[derive(Debug, Clone, Default)]
struct Pending {
    /// `Some(None)`: the scan in progress ended.
    scan: Option<Option<Scan>>,
    completed: Option<Response>,
    answers: u64,
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
        let stored = app.store.person(&person)?;
        let mut record = stored.clone();
        // Kept from the first contact on, so that reminders reach the person in it.
        let lang = *record.lang.get_or_insert(detected);
        let state = State { lang, scan: app.store.scan(&person)? };
        Ok(Session { person, record, stored, state, update, detected, pending: Pending::default() })
    }

    /// Moves the session out (to the blocking pool and back) without copying it; what is
    /// left behind holds nothing but the language to apologise in.
    pub fn take(&mut self) -> Session {
        let lang = self.state.lang;
        let vacant = Session {
            person: PersonId(String::new()),
            record: Person::default(),
            stored: Person::default(),
            state: State { lang, scan: None },
            update: None,
            detected: self.detected,
            pending: Pending::default(),
        };
        std::mem::replace(self, vacant)
    }

    /// Speaks a team's language from now on, unless the person chose one themselves;
    /// committed with the next [`Session::save`]. Whether it was taken.
    pub fn adopt_language(&mut self, lang: Lang) -> bool {
        if self.record.lang_chosen {
            return false;
        }
        self.record.lang = Some(lang);
        self.state.lang = lang;
        true
    }

    /// Whether the store keeps anything about the person (a record): not before their first
    /// contact, nor after they had everything deleted.
    pub fn is_known(&self) -> bool {
        self.stored != Person::default()
    }

    /// Runs one engine step on the flow of the scan in progress (else the default flow)
    /// and commits it before any reply.
    pub fn step(&mut self, app: &App, event: Event, now: u64) -> Result<Transition, StoreError> {
        let flow = app.flow_of(&self.state);
        self.step_in(app, flow, event, now)
    }

    /// Runs one engine step on a given flow and commits it before any reply.
    pub fn step_in(
        &mut self,
        app: &App,
        flow: &Flow,
        event: Event,
        now: u64,
    ) -> Result<Transition, StoreError> {
        let transition = self.advance_in(flow, event, now);
        self.save(app)?;
        Ok(transition)
    }

    /// Runs one engine step on the flow of the scan in progress without committing it:
    /// [`Session::save`] must follow before any reply.
    pub fn advance(&mut self, app: &App, event: Event, now: u64) -> Transition {
        let flow = app.flow_of(&self.state);
        self.advance_in(flow, event, now)
    }

    /// Runs one engine step on a given flow without committing it. A language the person
    /// chose is kept, even when it equals the detected one.
    pub fn advance_in(&mut self, flow: &Flow, event: Event, now: u64) -> Transition {
        if let Event::SetLanguage(lang) = event {
            self.record.lang = Some(lang);
            self.record.lang_chosen = true;
        }
        let answered = matches!(event, Event::Answer { .. } | Event::DontKnow { .. });
        let transition = engine::step(flow, &self.state, event, now);
        self.pending.scan = Some(transition.state.scan.clone());
        if let Some(completed) = &transition.completed {
            debug_assert!(self.pending.completed.is_none(), "a scan completes once per commit");
            self.pending.completed = Some(completed.clone());
        }
        if answered && transition.changed {
            self.pending.answers += 1;
        }
        self.state = transition.state.clone();
        transition
    }

    /// Commits the person's record, the update and whatever engine steps changed, in one
    /// transaction, flushed once.
    pub fn save(&mut self, app: &App) -> Result<(), StoreError> {
        let commit = self.commit();
        let started = std::time::Instant::now();
        app.store.commit(&self.person, &commit)?;
        metrics::histogram!("peilbot_commit_seconds").record(started.elapsed());
        self.stored = self.record.clone();
        let pending = std::mem::take(&mut self.pending);
        if pending.answers > 0 {
            metrics::counter!("peilbot_answers_committed_total").increment(pending.answers);
        }
        if pending.completed.is_some() {
            metrics::counter!("peilbot_scans_completed_total").increment(1);
        }
        Ok(())
    }

    /// Writes the person's record without waiting for the disk, for what may be lost in a
    /// crash without harm (which message shows the current question); anything an engine
    /// step changed is committed durably instead.
    pub fn remember(&mut self, app: &App) -> Result<(), StoreError> {
        if self.pending.scan.is_some() {
            return self.save(app);
        }
        app.store.write(&self.person, &self.commit())?;
        self.stored = self.record.clone();
        Ok(())
    }

    /// What to commit: the record only if it changed, as fewer trees in a transaction
    /// cost less on every tap.
    fn commit(&self) -> Commit {
        Commit {
            person: (self.record != self.stored).then(|| self.record.clone()),
            scan: self.pending.scan.clone(),
            completed: self.pending.completed.clone(),
            update: self.update.clone(),
        }
    }
}
