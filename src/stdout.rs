//! Lines for stdout that a closed pipe ends quietly: `println!` panics when the reader went
//! away (`peilbot team Noord | head -1`); these return the error, which `cli::run` takes as
//! "nobody is reading any more".

use std::fmt::Display;
use std::io::{self, Write};

/// One line on stdout.
pub fn line(text: impl Display) -> io::Result<()> {
    writeln!(io::stdout().lock(), "{text}")
}

/// Text on stdout as it is (it carries its own line ends).
pub fn text(text: impl Display) -> io::Result<()> {
    write!(io::stdout().lock(), "{text}")
}
