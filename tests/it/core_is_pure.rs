//! The core does no I/O, and the compiler keeps it so: none of the crates that talk to
//! the world may be in its dependency tree. Read from Cargo.lock, which is what builds.

use std::collections::{BTreeMap, BTreeSet};

/// Crates that do I/O (or draw randomness) and must stay out of `peilbot-core`.
const WORLDLY: [&str; 9] =
    ["tokio", "sled", "teloxide", "reqwest", "axum", "hyper", "plotters", "krilla", "rand"];

#[test]
fn the_core_depends_on_no_crate_that_does_io() {
    let lock: toml::Table =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap().parse().unwrap();
    let packages = lock["package"].as_array().expect("packages");
    let dependencies: BTreeMap<&str, Vec<&str>> = packages
        .iter()
        .map(|package| {
            let name = package["name"].as_str().unwrap();
            let deps = package
                .get("dependencies")
                .and_then(|d| d.as_array())
                .map(|deps| deps.iter().map(|d| d.as_str().unwrap().split(' ').next().unwrap()).collect())
                .unwrap_or_default();
            (name, deps)
        })
        .collect();
    let mut tree = BTreeSet::new();
    let mut todo = vec!["peilbot-core"];
    while let Some(name) = todo.pop() {
        if tree.insert(name) {
            todo.extend(dependencies.get(name).into_iter().flatten());
        }
    }
    assert!(tree.contains("serde"), "the walk found the core's dependencies: {tree:?}");
    let worldly: Vec<&&str> = tree.iter().filter(|name| WORLDLY.contains(name)).collect();
    assert!(worldly.is_empty(), "peilbot-core depends on {worldly:?}");
    // And the app, which does I/O, is found by the same walk.
    assert!(dependencies["peilbot"].contains(&"sled"));
}
