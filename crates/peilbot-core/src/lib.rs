//! peilbot's core: everything that decides, and nothing that does I/O.
//!
//! `flow` is the question-flow model and its parser, `engine` runs a conversation as a
//! pure state machine (`(state, event, now) -> (state, output)`), `score` and
//! `team_stats` do the arithmetic, `anonymity` decides which team results may be shown,
//! `lang` and `messages` name the languages and the program's own message ids, and `team`
//! is the team record. Time and randomness come in as arguments, so every function here
//! can be driven from a test, thousands of cases a second.
//!
//! The compiler keeps this crate pure: its dependencies (see Cargo.toml) include no
//! async runtime, storage, network or drawing crate.

pub mod advice;
pub mod anonymity;
pub mod diagnostic;
pub mod engine;
pub mod flow;
pub mod lang;
pub mod messages;
pub mod org_advice;
pub mod person;
pub mod score;
pub mod team;
pub mod team_stats;
pub mod working_hours;
