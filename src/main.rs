use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    peilbot::cli::run(peilbot::cli::Cli::parse())
}
