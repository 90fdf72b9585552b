//! The house's rules, read from the source: no module imports one that imports it back
//! (directly or around a circle), and no source file is over 500 lines.
//!
//! An arrow is a `use crate::…`/`use super::…` path (or one written inline) from one file
//! to the file of the module it names. A module's own children are its rooms, not
//! arrows: `mod.rs` declaring and re-exporting them is containment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::binary::manifest_dir;

const MAX_LINES: usize = 500;

/// Every `.rs` file under a folder.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The module path of a file under a crate's `src/` (`app/teams.rs` is `["app", "teams"]`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// Every path a file's code names from `crate::` or `super::`, with use-groups expanded.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(tree) = statement.strip_prefix("use ").or_else(|| statement.strip_prefix("pub use ")) else {
            continue;
        };
        expand(&tree.split_whitespace().collect::<String>(), "", &mut paths);
    }
    // Paths written inline, such as `crate::app::privacy::sweep(…)`.
    for start in ["crate::", "super::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String =
                code[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            paths.push(path.trim_end_matches(':').to_string());
        }
    }
    paths.retain(|p| p.starts_with("crate::") || p.starts_with("super::") || p.starts_with("self::"));
    paths
}

/// `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        out.push(format!("{prefix}{path}"));
        return;
    };
    let (head, inner) = (&tree[..open], &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())]);
    let mut depth = 0;
    let mut item = String::new();
    for c in inner.chars().chain([',']) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                if !item.is_empty() {
                    expand(&item, &format!("{prefix}{head}"), out);
                }
                item.clear();
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
}

/// The file a module path lives in, walking down as far as files exist.
fn file_of(modules: &BTreeMap<Vec<String>, PathBuf>, path: &[String]) -> Option<PathBuf> {
    (0..=path.len()).rev().find_map(|n| modules.get(&path[..n]).cloned())
}

/// The arrows between the files of one crate.
fn arrows(src: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let files = sources(src);
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(src, f), f.clone())).collect();
    let mut arrows: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in &files {
        let here = module_of(src, file);
        let code = std::fs::read_to_string(file).unwrap();
        // Tests inside a file may reach anywhere; they are not part of the house.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        // Comments (and the links in doc comments) are not imports.
        let code: String = code
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for path in paths_in(&code) {
            let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            let mut base: Vec<String> = match parts.first().copied() {
                Some("crate") => Vec::new(),
                _ => here.clone(),
            };
            // A `mod.rs`'s `super` is its folder's parent; a file's `super` is its folder.
            while let Some(step) = parts.first().copied() {
                match step {
                    "crate" | "self" => {}
                    "super" => {
                        base.pop();
                    }
                    _ => break,
                }
                parts.remove(0);
            }
            base.extend(parts.iter().map(|p| p.to_string()));
            let Some(target) = file_of(&modules, &base) else { continue };
            let target_module = module_of(src, &target);
            // Its own rooms: containment, not an arrow.
            if target == *file || target_module.starts_with(&here) {
                continue;
            }
            arrows.entry(file.clone()).or_default().insert(target);
        }
    }
    arrows
}

/// A circle of arrows, if there is one.
fn circle(arrows: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<Vec<PathBuf>> {
    fn visit(
        node: &PathBuf,
        arrows: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        done: &mut BTreeSet<PathBuf>,
        stack: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some(stack[at..].to_vec());
        }
        if !done.insert(node.clone()) {
            return None;
        }
        stack.push(node.clone());
        for next in arrows.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, arrows, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    arrows.keys().find_map(|node| visit(node, arrows, &mut done, &mut Vec::new()))
}

fn crates() -> Vec<PathBuf> {
    let root = manifest_dir();
    vec![root.join("src"), root.join("crates/peilbot-core/src")]
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for src in crates() {
        let arrows = arrows(&src);
        assert!(arrows.len() > 5, "the arrows of {} were read: {arrows:?}", src.display());
        if let Some(circle) = circle(&arrows) {
            let names: Vec<String> = circle.iter().map(|f| f.display().to_string()).collect();
            panic!("a circle of imports: {}", names.join(" -> "));
        }
    }
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("app")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod app;\npub mod store;\n").unwrap();
    std::fs::write(src.join("app/mod.rs"), "pub mod teams;\npub use teams::Team;\n").unwrap();
    std::fs::write(src.join("app/teams.rs"), "use super::Reply;\nuse crate::store::{self, Store};\n")
        .unwrap();
    std::fs::write(src.join("store.rs"), "pub fn x() { crate::app::teams::run(); }\n").unwrap();
    let found = circle(&arrows(src)).expect("teams -> store -> teams is a circle");
    assert_eq!(found.len(), 2, "{found:?}");
    std::fs::write(src.join("store.rs"), "pub fn x() {}\n").unwrap();
    assert_eq!(circle(&arrows(src)), None, "a child using its parent is no circle");
}

#[test]
fn no_source_file_is_over_500_lines() {
    let too_long: Vec<String> = crates()
        .iter()
        .flat_map(|src| sources(src))
        .filter_map(|file| {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(too_long.is_empty(), "split along a seam you can name: {too_long:?}");
}
