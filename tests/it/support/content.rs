//! A municipality's own flow, as a content folder for `--content` (`PEILBOT_CONTENT`):
//! written from the README's "Writing flows" section alone. Used by `tests/flows.rs` and
//! `tests/flows_telegram.rs`.

#![allow(dead_code)]

use std::fs;

use tempfile::TempDir;

pub const KORT_FLOW: &str = r#"id = "kort"
version = 1
title = "kort-title"
intro = "kort-intro"
minutes = 2

[scoring]
min_answered_share = 0.5
priority_gap = 1.5
overall_cap_above_lowest = 1
flag_dimension = "w"
flag_below = 2.0

[[scales]]
id = "level"
labels = ["scale-level-1", "scale-level-2", "scale-level-3", "scale-level-4", "scale-level-5"]
dont_know = "scale-dont-know"

[[dimensions]]
id = "w"
name = "kort-dim-w"
next_steps = ["kort-next-w-1", "kort-next-w-2", "kort-next-w-3", "kort-next-w-4", "kort-next-w-5"]

[[dimensions]]
id = "t"
name = "kort-dim-t"
next_steps = ["kort-next-t-1", "kort-next-t-2", "kort-next-t-3", "kort-next-t-4", "kort-next-t-5"]

[[questions]]
id = "w1"
kind = "scale"
dimension = "w"
scale = "level"
text = "kort-q-w1"

[[questions]]
id = "w-ambition"
kind = "ambition"
dimension = "w"
scale = "level"
text = "q-ambition"

[[questions]]
id = "t1"
kind = "scale"
dimension = "t"
scale = "level"
text = "kort-q-t1"

[[questions]]
id = "t-ambition"
kind = "ambition"
dimension = "t"
scale = "level"
text = "q-ambition"

[[regions]]
id = "nl"
name = "region-nl"

[[references]]
label = "kort-ref"
source = "CBS"
year = 2024
unit = "percent"
values = { nl = 71.5 }

[references_shown]
nl = ["nl"]
"#;

pub const KORT_EN: &str = "kort-title = Hybrid work check
kort-intro = Four quick questions about hybrid work in your { -org }.
kort-dim-w = Workplace
kort-dim-t = Tools
kort-q-w1 = Our workplaces support working in the office and at home.
kort-q-t1 = Everyone has the tools they need to work from anywhere.
kort-next-w-1 = Ask your team what they miss when they work from home.
kort-next-w-2 = Agree on a few days a week when everyone is in.
kort-next-w-3 = Evaluate the agreements every quarter.
kort-next-w-4 = Share what works with other departments.
kort-next-w-5 = Help other municipalities with your approach.
kort-next-t-1 = List the tools people are missing.
kort-next-t-2 = Pick one standard tool for video calls.
kort-next-t-3 = Train everyone in the standard tools.
kort-next-t-4 = Review the tools once a year.
kort-next-t-5 = Share your set of tools with others.
kort-ref = Working from home at least sometimes
";

pub const KORT_NL: &str = "kort-title = Check hybride werken
kort-intro = Vier korte vragen over hybride werken in je { -org }.
kort-dim-w = Werkplek
kort-dim-t = Middelen
kort-q-w1 = Onze werkplekken ondersteunen werken op kantoor en thuis.
kort-q-t1 = Iedereen heeft de middelen om overal te kunnen werken.
kort-next-w-1 = Vraag je team wat ze missen als ze thuis werken.
kort-next-w-2 = Spreek een paar vaste kantoordagen per week af.
kort-next-w-3 = Evalueer de afspraken elk kwartaal.
kort-next-w-4 = Deel wat werkt met andere afdelingen.
kort-next-w-5 = Help andere gemeenten met jullie aanpak.
kort-next-t-1 = Zet op een rij welke middelen mensen missen.
kort-next-t-2 = Kies één standaardtool voor videobellen.
kort-next-t-3 = Train iedereen in de standaardtools.
kort-next-t-4 = Bekijk de tools eens per jaar opnieuw.
kort-next-t-5 = Deel je set tools met anderen.
kort-ref = Minstens af en toe thuiswerken
";

/// A content folder: `flows/kort.toml` and its messages in `locales/en` and `locales/nl`
/// (Flemish falls back to Dutch).
pub fn content_folder(flow: &str, english: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("flows")).unwrap();
    fs::write(dir.path().join("flows/kort.toml"), flow).unwrap();
    for (lang, text) in [("en", english), ("nl", KORT_NL)] {
        fs::create_dir_all(dir.path().join("locales").join(lang)).unwrap();
        fs::write(dir.path().join("locales").join(lang).join("kort.ftl"), text).unwrap();
    }
    dir
}
