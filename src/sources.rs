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

    /// Reads `DIR/flows/*.toml` and `DIR/locales/<lang>/*.ftl` (a content folder may
    /// come without locales when its flows only use messages there are already).
    pub fn from_dir(root: &Path) -> io::Result<Sources> {
        let flows = read_files(root, "flows", "toml")?;
        let locales = if root.join("locales").is_dir() { read_locales(root)? } else { Vec::new() };
        Ok(Sources { flows, locales })
    }

    /// These sources with a content folder's on top: its flows are added, and one with the
    /// id of a flow here replaces it; its Fluent files are added to each language, and one
    /// with the path of a file here (`locales/nl/quickscan.ftl`) replaces it.
    pub fn overlay(mut self, extra: Sources) -> Sources {
        for file in extra.flows {
            let id = flow_id(&file.text);
            self.flows.retain(|own| own.path != file.path && (id.is_none() || flow_id(&own.text) != id));
            self.flows.push(file);
        }
        for (tag, files) in extra.locales {
            match self.locales.iter_mut().find(|(own, _)| *own == tag) {
                Some((_, own)) => {
                    for file in files {
                        own.retain(|f| f.path != file.path);
                        own.push(file);
                    }
                }
                None => self.locales.push((tag, files)),
            }
        }
        self.locales.sort_by(|a, b| a.0.cmp(&b.0));
        self
    }

    /// What `flows check PATH` and `--content PATH` read: a folder with `flows/` (and
    /// usually `locales/`), a `flows/` folder itself (its locales beside it), or one
    /// flow file; on top of the built-in flows and locales, as the bot runs them.
    pub fn with_content(path: &Path) -> io::Result<Sources> {
        Ok(Sources::embedded().overlay(Sources::content(path)?))
    }

    fn content(path: &Path) -> io::Result<Sources> {
        if path.is_file() {
            let text = fs::read_to_string(path)?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let root = path.parent().and_then(Path::parent).filter(|root| root.join("locales").is_dir());
            let mut sources = match root {
                Some(root) => Sources { flows: Vec::new(), locales: read_locales(root)? },
                None => Sources::default(),
            };
            sources.flows.push(SourceFile { path: format!("flows/{name}"), text });
            return Ok(sources);
        }
        if path.join("flows").is_dir() {
            return Sources::from_dir(path);
        }
        // A flows/ folder: its locales are beside it, if anywhere.
        let flows = read_files(path, ".", "toml")?
            .into_iter()
            .map(|file| SourceFile { path: file.path.replacen("./", "flows/", 1), text: file.text })
            .collect::<Vec<_>>();
        if flows.is_empty() {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no flows/ folder and no *.toml files"));
        }
        let locales = match path.parent().filter(|root| root.join("locales").is_dir()) {
            Some(root) => read_locales(root)?,
            None => Vec::new(),
        };
        Ok(Sources { flows, locales })
    }

    /// The Fluent files of one language folder (empty when there is none).
    pub fn locale(&self, tag: &str) -> &[SourceFile] {
        self.locales.iter().find(|(name, _)| name == tag).map_or(&[], |(_, files)| files.as_slice())
    }
}

fn read_locales(root: &Path) -> io::Result<Vec<(String, Vec<SourceFile>)>> {
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
    Ok(locales)
}

/// A flow file's `id`, read loosely (the full parse reports every problem later).
fn flow_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    toml::from_str::<Id>(text).ok().map(|flow| flow.id)
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
