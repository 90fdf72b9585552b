//! The built `peilbot` binary run once to completion ([`peilbot`]: arguments, stdin and
//! environment in, stdout, stderr and exit status out), and the shipped Fluent files read
//! directly ([`ftl_entries`], [`message`]), independently of the program's own loader.
//! Used by `tests/chat.rs` and `tests/flows_check.rs`.

// Each test binary uses only part of this module.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// What a run of the binary left behind.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub status: ExitStatus,
}

/// Runs the built `peilbot` with `args`, feeding `stdin` and then closing it (end of input).
/// The environment is made deterministic: `LANG=C` and no `PEILBOT_DATA`, unless `env`
/// sets them; `dir` is the working directory (default: the test's own).
pub fn peilbot(args: &[&str], stdin: &str, env: &[(&str, &str)], dir: Option<&Path>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peilbot"));
    command
        .args(args)
        .env("LANG", "C")
        .env_remove("PEILBOT_DATA")
        .env_remove("LC_ALL")
        // Wide, so that each message is one line (wrapping has a test of its own, which
        // sets COLUMNS itself).
        .env("COLUMNS", "10000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the peilbot binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // The program may stop reading early (`quit`); a refused write is not the test's concern.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let output = child.wait_with_output().expect("peilbot finishes");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        status: output.status,
    }
}

/// The crate's own folder: `flows/`, `locales/`, `src/`.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One message or term (`-org`) of a Fluent file, read line by line.
#[derive(Debug, Clone)]
pub struct FtlEntry {
    pub id: String,
    /// Relative to the crate, e.g. `locales/nl/bot.ftl`.
    pub file: String,
    /// 1-based line of `id =`.
    pub line: usize,
    /// The value and its indented continuation lines (attributes included), as written.
    pub value: String,
}

impl FtlEntry {
    pub fn is_term(&self) -> bool {
        self.id.starts_with('-')
    }
}

/// The entries of every `.ftl` file in `locales/<lang>/` under `root`, in file order.
/// A deliberately simple reader: an entry starts at a line `id = ...` in column 0 and goes
/// on over indented lines; comments (`#`) and blank lines end it.
pub fn ftl_entries(root: &Path, lang: &str) -> Vec<FtlEntry> {
    let folder = root.join("locales").join(lang);
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", folder.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    let mut entries = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).expect("readable .ftl file");
        let file = format!("locales/{lang}/{}", path.file_name().unwrap().to_string_lossy());
        let mut current: Option<FtlEntry> = None;
        for (index, line) in text.lines().enumerate() {
            if line.starts_with([' ', '\t']) && !line.trim().is_empty() {
                // Attributes (`.letter = M`) are not part of the value.
                if line.trim().starts_with('.') {
                    continue;
                }
                if let Some(entry) = current.as_mut() {
                    entry.value.push('\n');
                    entry.value.push_str(line.trim());
                }
                continue;
            }
            entries.extend(current.take());
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (id, value) =
                line.split_once('=').unwrap_or_else(|| panic!("{file}:{}: not an entry: {line}", index + 1));
            current = Some(FtlEntry {
                id: id.trim().to_string(),
                file: file.clone(),
                line: index + 1,
                value: value.trim().to_string(),
            });
        }
        entries.extend(current);
    }
    entries
}

/// A theme's letter as a person reads it in `lang`: its name's `.letter` attribute, else
/// its id in capitals (as `present::theme_letter`, read from the shipped files).
pub fn theme_letter(lang: &str, name: &str, id: &str) -> String {
    let root = manifest_dir();
    let mut layers = vec![lang];
    if lang == "nl-BE" {
        layers.push("nl");
    }
    for layer in layers {
        let folder = root.join("locales").join(layer);
        for entry in fs::read_dir(&folder).expect("a locale folder").flatten() {
            let text = fs::read_to_string(entry.path()).unwrap_or_default();
            let mut lines = text.lines().skip_while(|line| !line.starts_with(&format!("{name} =")));
            if lines.next().is_none() {
                continue;
            }
            let letter = lines
                .take_while(|line| line.starts_with(' '))
                .find_map(|line| line.trim().strip_prefix(".letter =").map(|l| l.trim().to_string()));
            return letter.unwrap_or_else(|| id.to_uppercase());
        }
    }
    id.to_uppercase()
}

/// The shipped text of a plain message (one without placeables), as a person reads it in
/// `lang`. Flemish (`nl-BE`) falls back to Dutch, as the program's bundles do.
pub fn message(lang: &str, id: &str) -> String {
    let root = manifest_dir();
    let mut layers = vec![lang];
    if lang == "nl-BE" {
        layers.push("nl");
    }
    layers
        .into_iter()
        .find_map(|layer| ftl_entries(&root, layer).into_iter().find(|entry| entry.id == id))
        .map(|entry| {
            assert!(
                !entry.value.contains('{'),
                "message `{id}` has placeables; spell out the expected text in the test"
            );
            entry.value
        })
        .unwrap_or_else(|| panic!("no message `{id}` in locales/{lang}/"))
}
