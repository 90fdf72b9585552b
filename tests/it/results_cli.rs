//! `peilbot demo`, `peilbot team` and `peilbot org`, through the real binary: the demo is
//! the same for the same seed, and the admin's results on the command line go through
//! the anonymity rules like the chat's.

use std::path::Path;

use crate::support::binary::{Run, peilbot};

/// A demo organisation of `teams` teams (about 20 people each, 3 rounds) in `dir`.
fn demo(dir: &Path, teams: usize, seed: u64) -> Run {
    let data = dir.to_str().expect("a UTF-8 path");
    let (teams, people, seed) = (teams.to_string(), (teams * 20).to_string(), seed.to_string());
    let run = peilbot(
        &["demo", "--data", data, "--teams", &teams, "--people", &people, "--rounds", "3", "--seed", &seed],
        "",
        &[],
        None,
    );
    assert!(run.status.success(), "demo failed: {}", run.stderr);
    run
}

fn org(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["org", "--data", dir.to_str().expect("a UTF-8 path")];
    all.extend(args);
    peilbot(&all, "", &[], None)
}

/// The organisation table as CSV, rows split into fields (byte order mark dropped).
fn org_table(dir: &Path, lang: &str) -> Vec<Vec<String>> {
    let run = org(dir, &["--format", "csv", "--lang", lang]);
    assert!(run.status.success(), "org failed: {}", run.stderr);
    let text = run.stdout.strip_prefix('\u{feff}').expect("CSV for Excel starts with a byte order mark");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("a CSV record").iter().map(String::from).collect()).collect()
}

fn decimal(text: &str) -> f64 {
    text.replace(',', ".").parse().unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[test]
fn the_same_seed_makes_the_same_organisation_and_another_seed_another() {
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("a temp dir")).collect();
    let made = demo(dirs[0].path(), 8, 7);
    demo(dirs[1].path(), 8, 7);
    demo(dirs[2].path(), 8, 8);
    assert!(made.stdout.contains("160 people in 8 teams"), "{}", made.stdout);
    assert!(made.stdout.contains("peilbot org --data"), "says what to try next: {}", made.stdout);
    let tables: Vec<_> = dirs.iter().map(|dir| org_table(dir.path(), "en")).collect();
    assert!(tables[0].len() > 8, "a table with teams: {:?}", tables[0]);
    assert_eq!(tables[0], tables[1], "same seed, same results");
    assert_ne!(tables[0], tables[2], "another seed, other results");
    // The demo refuses to pour a second organisation into the same folder.
    let again = peilbot(
        &["demo", "--data", dirs[0].path().to_str().unwrap(), "--teams", "2", "--people", "10"],
        "",
        &[],
        None,
    );
    assert!(!again.status.success() && again.stderr.contains("already holds teams"), "{}", again.stderr);
}

#[test]
fn the_org_table_has_ambition_gap_n_a_whole_organisation_row_and_counts_for_small_teams() {
    let dir = tempfile::tempdir().expect("a temp dir");
    demo(dir.path(), 30, 3);
    let table = org_table(dir.path(), "en");
    let header = &table[0];
    assert_eq!(
        header,
        &[
            "Team",
            "Round",
            "In the result",
            "Members",
            "Theme",
            "Median now",
            "Median ambition",
            "Gap",
            "Spread (IQR)",
            "Don't know (%)",
            "View",
            "Attention"
        ]
    );
    let whole: Vec<&Vec<String>> = table.iter().filter(|row| row[0] == "Whole organisation").collect();
    assert_eq!(whole.len(), 7, "one row per theme for the whole organisation");
    assert_eq!(&whole[0][4], "A Vision & leadership");
    let teams: Vec<&Vec<String>> = table[1..].iter().filter(|row| row[0] != "Whole organisation").collect();
    let with_result: Vec<&&Vec<String>> = teams.iter().filter(|row| !row[4].is_empty()).collect();
    let pending: Vec<&&Vec<String>> = teams.iter().filter(|row| row[4].is_empty()).collect();
    assert!(!with_result.is_empty() && !pending.is_empty(), "a demo has both kinds of team");
    for row in table[1..].iter().filter(|row| !row[4].is_empty()) {
        let n: usize = row[2].parse().expect("N is a count");
        assert!(n >= 5, "no result over fewer than 5: {row:?}");
        if !row[6].is_empty() && !row[5].is_empty() {
            let gap = decimal(&row[6]) - decimal(&row[5]);
            assert!((gap - decimal(&row[7])).abs() < 1e-9, "gap is ambition minus now, as shown: {row:?}");
        }
    }
    for row in &pending {
        assert!(row[5..].iter().all(String::is_empty), "counts only for a team below the minimum: {row:?}");
        let (finished, members): (usize, usize) = (row[2].parse().unwrap(), row[3].parse().unwrap());
        assert!(finished < 5 && finished <= members, "{row:?}");
    }
    // The whole organisation is over everyone counted in the table, each response once.
    let whole_n: usize = whole[0][2].parse().unwrap();
    let team_ns: usize = teams
        .iter()
        .filter(|row| row[4].is_empty() || row[4].starts_with("A "))
        .map(|row| row[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(whole_n, team_ns, "demo people are in one team each");
}

#[test]
fn the_org_workbook_holds_the_rows_of_the_csv() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().expect("a temp dir");
    demo(dir.path(), 12, 3);
    let csv = org_table(dir.path(), "nl");
    let out = dir.path().join("org.xlsx");
    let run = org(dir.path(), &["--format", "xlsx", "--lang", "nl", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "org failed: {}", run.stderr);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("an xlsx file");
    let sheet = book.worksheet_range_at(0).expect("a sheet").expect("a readable sheet");
    let rows: Vec<Vec<calamine::Data>> = sheet.rows().map(<[calamine::Data]>::to_vec).collect();
    assert_eq!(rows.len(), csv.len(), "one workbook row per CSV row");
    let (header, teams): (Vec<String>, Vec<String>) = (
        rows[0].iter().map(ToString::to_string).collect(),
        rows.iter().map(|row| row[0].to_string()).collect(),
    );
    assert_eq!(header, csv[0], "the same columns, in Dutch");
    assert_eq!(teams, csv.iter().map(|row| row[0].clone()).collect::<Vec<_>>(), "the same teams, in order");
}

#[test]
fn an_admin_sees_a_team_result_or_only_counts_below_the_minimum() {
    let dir = tempfile::tempdir().expect("a temp dir");
    demo(dir.path(), 30, 3);
    let table = org_table(dir.path(), "en");
    let data = dir.path().to_str().unwrap();
    let pending =
        table.iter().find(|row| row[4].is_empty() && row[0] != "Team").expect("a team below the minimum");
    let run = peilbot(&["team", "--data", data, &pending[0]], "", &[("LANG", "nl_NL.UTF-8")], None);
    assert!(run.status.success(), "{}", run.stderr);
    // Nobody yet is said in words, not as "0 of N".
    let expected = match pending[2].as_str() {
        "0" => "nog niemand heeft de scan afgerond".to_string(),
        finished => format!("{finished} van de {} teamleden", pending[3]),
    };
    assert!(run.stdout.contains(&expected), "counts in Dutch from LANG: {}", run.stdout);
    assert!(!run.stdout.contains("mediaan"), "no figures below the minimum: {}", run.stdout);

    // A team whose current round reached the minimum: the lead's own text.
    let shown = table
        .iter()
        .find(|row| row[4].starts_with("A ") && row[0] != "Whole organisation" && row[1] == "3")
        .expect("a team with a result in its current round");
    let run = peilbot(&["team", "--data", data, "--lang", "en", &shown[0]], "", &[], None);
    assert!(run.status.success(), "{}", run.stderr);
    assert!(run.stdout.contains(&format!("Team \"{}\", round 3", shown[0])), "{}", run.stdout);
    // The CSV always has decimal commas (for Excel); the English text has points.
    let median = shown[5].replace(',', ".");
    assert!(run.stdout.contains(&format!("A Vision & leadership: median {median}")), "{}", run.stdout);

    let unknown = peilbot(&["team", "--data", data, "No Such Team"], "", &[], None);
    assert!(!unknown.status.success() && unknown.stderr.contains("no team called"), "{}", unknown.stderr);
}

#[test]
fn org_text_and_pictures_on_the_command_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    demo(dir.path(), 30, 3);
    let text = org(dir.path(), &["--lang", "nl"]);
    assert!(text.status.success(), "{}", text.stderr);
    assert!(text.stdout.contains("Hele organisatie,"), "{}", text.stdout);
    assert!(text.stdout.contains("  ambitie  A "), "{}", text.stdout);
    assert!(text.stdout.contains("Nog niet genoeg deelnemers (alleen aantallen):"), "{}", text.stdout);
    // The management team's page, as text: three priorities ranked, where teams differ,
    // and an action per priority with owner and date left to fill in.
    let lines: Vec<&str> = text.stdout.lines().collect();
    let at = |line: &str| {
        lines.iter().position(|l| *l == line).unwrap_or_else(|| panic!("{line:?} in {}", text.stdout))
    };
    let priorities = at("Prioriteiten");
    for rank in ["1. ", "2. ", "3. "] {
        assert!(
            lines[priorities..].iter().any(|l| l.starts_with(rank) && l.contains("kloof")),
            "{rank} in {}",
            text.stdout
        );
    }
    assert!(at("Waar teams het meest verschillen") > priorities);
    let actions = at("Acties (vul eigenaar en datum in tijdens het overleg)");
    let rows: Vec<&&str> = lines[actions + 1..].iter().take_while(|l| l.starts_with("• ")).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|row| row.contains("Eigenaar: ________ · Uiterlijk: ________")),
        "{}",
        text.stdout
    );

    // Several pages need a file name to number.
    let refused = org(dir.path(), &["--format", "png"]);
    assert!(!refused.status.success() && refused.stderr.contains("--out"), "{}", refused.stderr);
    let out = dir.path().join("org.png");
    let written = org(dir.path(), &["--format", "png", "--out", out.to_str().unwrap()]);
    assert!(written.status.success(), "{}", written.stderr);
    for page in ["org-01.png", "org-02.png"] {
        let png = std::fs::read(dir.path().join(page)).expect("a page was written");
        let image = image::load_from_memory(&png).expect("a PNG");
        assert!(image.width() + image.height() <= 10_000 && png.len() <= 10_000_000, "{page}");
    }
}

/// `peilbot compact` rewrites a data folder and says how large it was and is; the results
/// are what they were. A folder that is not there is refused, not made.
#[test]
fn compact_keeps_the_results_and_refuses_a_missing_folder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    demo(dir.path(), 3, 5);
    let before = org_table(dir.path(), "en");
    let data = dir.path().to_str().expect("a UTF-8 path");
    let run = peilbot(&["compact", "--data", data], "", &[], None);
    assert!(run.status.success(), "compact failed: {}", run.stderr);
    assert!(run.stdout.contains("MB before") && run.stdout.contains("MB now"), "{}", run.stdout);
    assert_eq!(org_table(dir.path(), "en"), before);

    let missing = dir.path().join("no-such-folder");
    let run = peilbot(&["compact", "--data", missing.to_str().unwrap()], "", &[], None);
    assert!(!run.status.success(), "a missing folder is refused");
    assert!(run.stderr.contains("there is no data folder"), "{}", run.stderr);
    assert!(!missing.exists(), "and not made");
}

/// `peilbot demo` dates its rounds back from today: the open round opened weeks ago, and
/// the retention sweep `serve` runs at start-up (two years by default) deletes nothing.
#[test]
fn a_demo_made_today_is_dated_this_year_and_survives_the_retention_sweep() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    demo(dir.path(), 4, 5);
    let store = peilbot::store::Store::open(dir.path()).expect("the demo store opens");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64;
    const DAY: u64 = 24 * 60 * 60 * 1000;
    for team in store.all_teams().expect("teams") {
        let opened = team.current_round().opened_at;
        assert!(
            opened < now && now - opened < 40 * DAY,
            "the open round opened {} days ago",
            (now - opened) / DAY
        );
    }
    let retention = u64::from(peilbot::app::privacy::DEFAULT_RETENTION_DAYS) * DAY;
    assert_eq!(
        store.delete_responses_before(now - retention).expect("the sweep"),
        0,
        "nothing is past retention"
    );
}

/// `peilbot team … | head`: a reader that goes away ends every command quietly, without a
/// panic, for each command that prints.
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    demo(dir.path(), 3, 6);
    let data = dir.path().to_str().expect("a UTF-8 path");
    let team = org(dir.path(), &["--lang", "en"])
        .stdout
        .lines()
        .find_map(|line| {
            line.split(" · round ").next().filter(|_| line.contains(" · round ")).map(str::to_string)
        })
        .expect("a team in the org view");
    let commands: Vec<Vec<&str>> = vec![
        vec!["team", &team, "--data", data],
        vec!["org", "--data", data],
        vec!["org", "--format", "csv", "--data", data],
        vec!["flows", "list"],
        vec!["flows", "check"],
        vec!["invite", "--team", &team, "--bot", "peilbot_bot", "--data", data],
        vec!["compact", "--data", data],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_peilbot"))
            .args(&args)
            .env("LANG", "C")
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("peilbot runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?} ended with {}: {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A data folder made beforehand keeps its mode: when other users of the machine can read
/// it, every command that opens it says so, with the fix.
#[test]
fn a_data_folder_others_can_read_is_named_when_it_is_opened() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    // A folder peilbot makes itself is private.
    let data = root.path().join("data");
    let private = org(&data, &[]);
    assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
    assert!(!private.stderr.contains("chmod 700"), "a private folder: no warning\n{}", private.stderr);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let open = org(&data, &[]);
    assert!(
        open.stderr.contains("other users of this machine can read the data folder")
            && open.stderr.contains("755")
            && open.stderr.contains("chmod 700"),
        "{}",
        open.stderr
    );
}
