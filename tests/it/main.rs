//! Every test of the top-level crate in one binary (one link instead of twenty-five):
//! each module is one story file, `support` is what they share.

mod support;

mod anonymity;
mod anonymity_rules;
mod browser;
mod chat;
mod control;
mod core_is_pure;
mod engine;
mod fake_telegram_selftest;
mod flood;
mod flows;
mod flows_check;
mod flows_telegram;
mod full_disk;
mod glossary;
mod house;
mod languages;
mod lead;
mod logs;
mod metrics;
mod migration;
mod numbers;
mod org_pictures;
mod privacy;
mod results_cli;
mod score;
mod shutdown;
mod store;
mod team_language;
mod teams;
mod telegram;
mod web;
mod web_org;
mod web_proxy;
mod webhook;
