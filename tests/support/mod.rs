//! Helpers shared by the Telegram test binaries: a fake Bot API server and a way to run the
//! real `peilbot serve` against it.

pub mod bot;
pub mod fake_telegram;
pub mod members;
