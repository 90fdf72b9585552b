//! Results on the command line, for the admin on the server: `peilbot team NAME` and
//! `peilbot org`. They run the chat's own code as an organisation admin (`app::teams`,
//! `app::org`), so every figure is a published result by the same anonymity rules; the
//! command line only chooses where the text, pictures and files go.

pub mod links;
pub mod report;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::app::org::{self, attention_order};
use crate::app::teams::{self, Context};
use crate::app::{App, Part, Reply, Session};
use crate::export;
use crate::lang::Lang;
use crate::person::PersonId;
use crate::present::OrgDetail;
use crate::store::{Store, Viewer};
use crate::team::Team;
use crate::unix_now;

/// The admin at the terminal.
const ADMIN: &str = "local:admin";

/// What `peilbot org` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OrgFormat {
    Text,
    Csv,
    Xlsx,
    /// Heatmap pages, most divided and weakest teams first.
    Png,
}

/// An admin's session in `lang`.
fn session(app: &App, lang: Lang) -> anyhow::Result<Session> {
    let mut session = Session::load(app, PersonId(ADMIN.to_string()), lang, None)?;
    session.state.lang = lang;
    Ok(session)
}

fn no_links(payload: &str) -> String {
    payload.to_string()
}

/// `peilbot team NAME`: the team's result as its lead reads it in the chat.
pub fn team(app: &App, lang: Lang, name: &str) -> anyhow::Result<()> {
    let team = find_team(&app.store, name)?;
    let cx = Context { app, now: unix_now(), link: &no_links };
    let reply = teams::result_for(&cx, &session(app, lang)?, &team, Viewer::Admin, None)?;
    print_texts(&reply)?;
    Ok(())
}

/// A team by its exact name (or id); a name several teams share is refused, with their ids.
fn find_team(store: &Store, name: &str) -> anyhow::Result<Team> {
    // One record at a time: a large organisation's records together take hundreds of MB.
    let (mut matching, mut names) = (Vec::new(), Vec::new());
    for team in store.each_team() {
        let team = team?;
        names.push(team.name.clone());
        if team.name == name || team.id == name {
            matching.push(team);
        }
    }
    match matching.as_slice() {
        [team] => Ok(team.clone()),
        [] => {
            let close: Vec<&str> = names
                .iter()
                .filter(|team| team.to_lowercase().contains(&name.to_lowercase()))
                .take(10)
                .map(String::as_str)
                .collect();
            if close.is_empty() {
                bail!("there is no team called \"{name}\" ({} teams in the store)", names.len())
            }
            bail!("there is no team called \"{name}\"; did you mean: {}?", close.join(", "))
        }
        several => {
            let ids: Vec<&str> = several.iter().map(|team| team.id.as_str()).collect();
            bail!(
                "{} teams are called \"{name}\"; give one of their ids instead: {}",
                several.len(),
                ids.join(", ")
            )
        }
    }
}

/// `peilbot org`: the organisation view as text, CSV, a workbook or heatmap pages.
pub fn org(app: &App, lang: Lang, flow: &str, format: OrgFormat, out: Option<&Path>) -> anyhow::Result<()> {
    let ids: Vec<&str> = app.content.catalog().iter().map(|flow| flow.id.as_str()).collect();
    let flow = app
        .flow_by_id(flow)
        .with_context(|| format!("there is no flow {flow:?}; the flows are {}", ids.join(", ")))?;
    let presenter = app.presenter_for(flow, lang);
    let view = app.store.org_view(flow, app.rules)?;
    let cx = Context { app, now: unix_now(), link: &no_links };
    match format {
        OrgFormat::Text => {
            let detail = OrgDetail { every_team: true, pending: usize::MAX };
            let text = presenter.org_text(&view, app.rules, detail).text;
            write_out(out, format!("{text}\n").as_bytes(), false)
        }
        OrgFormat::Csv | OrgFormat::Xlsx => {
            // Only the table asked for: the workbook takes longer to make than the view.
            let locales = &app.content.locales;
            let rows = export::org_rows(flow, locales, lang, &view);
            let bytes = match format {
                OrgFormat::Csv => export::csv(&rows, locales, lang)?,
                _ => export::xlsx(&rows, locales, lang)?,
            };
            write_out(out, &bytes, format == OrgFormat::Xlsx)
        }
        OrgFormat::Png => {
            let pages =
                org::pages(&presenter, &view, &attention_order(&view), cx.now, org::TEAMS_PER_PAGE, None)?;
            match (pages.as_slice(), out) {
                ([], _) => {
                    bail!("no team and no organisation-wide result has enough respondents for a picture yet")
                }
                ([(picture, _)], out) => write_out(out, &picture.png()?, true),
                (_, None) => bail!(
                    "the heatmap has {} pages; give --out org.png to write them as org-01.png, org-02.png, …",
                    pages.len()
                ),
                (pages, Some(out)) => {
                    for (number, (picture, _)) in (1..).zip(pages) {
                        let path = numbered(out, number);
                        std::fs::write(&path, picture.png()?)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                    }
                    eprintln!("wrote {} pages: {} …", pages.len(), numbered(out, 1).display());
                    Ok(())
                }
            }
        }
    }
}

/// `org.png` → `org-01.png`.
fn numbered(path: &Path, number: usize) -> PathBuf {
    let stem = path.file_stem().map_or("org".into(), |stem| stem.to_string_lossy().into_owned());
    let extension = path.extension().map_or("png".into(), |ext| ext.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-{number:02}.{extension}"))
}

/// Writes to `out`, or to stdout; binary data is not written to a terminal.
fn write_out(out: Option<&Path>, bytes: &[u8], binary: bool) -> anyhow::Result<()> {
    if let Some(path) = out {
        return std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()));
    }
    let mut stdout = std::io::stdout().lock();
    if binary && stdout.is_terminal() {
        bail!(
            "this format is binary and stdout is a terminal; give --out FILE, or redirect stdout to a file"
        );
    }
    stdout.write_all(bytes)?;
    Ok(())
}

fn print_texts(reply: &Reply) -> std::io::Result<()> {
    for part in &reply.parts {
        if let Part::Text { text, .. } = part {
            crate::stdout::line(text)?;
        }
    }
    Ok(())
}
