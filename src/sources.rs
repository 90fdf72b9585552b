//! Where flows and locales come from: the copies embedded in the binary at build time, so
//! that `peilbot` runs from anywhere without its source tree, or a directory on disk, for
//! `peilbot flows check DIR` and for people writing new flows.

use std::fs;
use std::io;
use std::path::Path;

use include_dir::{Dir, include_dir};

static FLOWS: Dir = include_dir!("$CARGO_MANIFEST_DIR/flows");
static LOCALES: Dir = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// One text file, named by its path relative to the project root (`locales/nl/bot.ftl`).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The flow files and, per language folder, the Fluent files.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub flows: Vec<SourceFile>,
    /// (language folder name, its `.ftl` files), sorted by folder name.
    pub locales: Vec<(String, Vec<SourceFile>)>,
}

impl Sources {
    /// The flows and locales this binary was built with.
    pub fn embedded() -> Sources {
        // Embedded paths are relative to the embedded folder; name them from the project root.
        let files = |root: &str, dir: &Dir, extension: &str| -> Vec<SourceFile> {
            let mut files: Vec<SourceFile> = dir
                .files()
                .filter(|f| f.path().extension().is_some_and(|e| e == extension))
                .filter_map(|f| {
                    Some(SourceFile {
                        path: format!("{root}/{}", f.path().display()),
                        text: f.contents_utf8()?.to_string(),
                    })
                })
                .collect();
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files
        };
        let mut locales: Vec<_> = LOCALES
            .dirs()
            .map(|dir| {
                let name = dir.path().display().to_string();
                (name, files("locales", dir, "ftl"))
            })
            .collect();
        locales.sort_by(|a, b| a.0.cmp(&b.0));
        Sources { flows: files("flows", &FLOWS, "toml"), locales }
    }

    /// Reads `DIR/flows/*.toml` and `DIR/locales/<lang>/*.ftl`.
    pub fn from_dir(root: &Path) -> io::Result<Sources> {
        let flows = read_files(root, "flows", "toml")?;
        let mut locales = Vec::new();
        for entry in fs::read_dir(root.join("locales"))? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let files = read_files(root, &format!("locales/{name}"), "ftl")?;
                locales.push((name, files));
            }
        }
        locales.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Sources { flows, locales })
    }

    /// The Fluent files of one language folder (empty when there is none).
    pub fn locale(&self, tag: &str) -> &[SourceFile] {
        self.locales.iter().find(|(name, _)| name == tag).map_or(&[], |(_, files)| files.as_slice())
    }
}

fn read_files(root: &Path, folder: &str, extension: &str) -> io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(root.join(folder))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == extension) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            files.push(SourceFile { path: format!("{folder}/{name}"), text: fs::read_to_string(&path)? });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
