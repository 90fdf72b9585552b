//! The admin's commands reach a running peilbot. sled lets one process open a data folder,
//! so while `serve` or `web` holds it, `peilbot invite` and `peilbot weblink` would fail on
//! the lock; instead they send their [`LinkRequest`] over a Unix socket in the folder
//! ([`SOCKET`]), and the running peilbot answers it with the same code on its own store.
//!
//! The socket is for this user only: the folder is 0700, the socket 0600, and a connection
//! from an account other than this one or root is refused (root could read the folder
//! anyway, and is who asks a systemd service with a dynamic user). One JSON line asks, one
//! answers. The socket is removed when the service stops; one left by a crash is replaced at
//! the next start (the process that binds it holds the folder's lock, so no other peilbot
//! listens on it).

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream as StdStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::{UnixListener, UnixStream};

use crate::admin::links::LinkRequest;
use crate::store::Store;

/// The socket's name inside the data folder.
pub const SOCKET: &str = "control.sock";
/// No request is longer: a team's name and two addresses.
const MAX_REQUEST: u64 = 16 * 1024;
/// A client that says nothing in this time is let go.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Answer {
    Lines(Vec<String>),
    /// Why not, in the words the command would have said it in.
    Refused(String),
}

/// Answers requests on the folder's socket until the task is dropped, then removes the
/// socket. A folder whose socket cannot be made is served without one, with a warning.
pub async fn serve(data: PathBuf, store: Store) {
    let path = data.join(SOCKET);
    let _ = std::fs::remove_file(&path);
    let listener = match UnixListener::bind(&path) {
        Ok(listener) => listener,
        Err(err) => {
            tracing::warn!(socket = %path.display(), %err, "peilbot invite and weblink cannot reach this peilbot while it runs");
            return;
        }
    };
    let _removed = Removed(path.clone());
    if let Err(err) = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)) {
        tracing::warn!(socket = %path.display(), %err, "cannot make the control socket private");
        return;
    }
    loop {
        match listener.accept().await {
            Ok((stream, _)) => drop(tokio::spawn(answer(stream, store.clone()))),
            // Out of file descriptors, say: try again in a moment, not in a busy loop.
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Removes the socket when the listener goes.
struct Removed(PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

async fn answer(stream: UnixStream, store: Store) {
    let allowed = may_ask(&stream);
    let (read, mut write) = stream.into_split();
    let answer = if allowed {
        read_and_run(read, store).await
    } else {
        let why =
            "only the account this peilbot runs as, or root, may ask it; run the command as that account";
        Some(Answer::Refused(why.into()))
    };
    if let Some(answer) = answer
        && let Ok(mut json) = serde_json::to_vec(&answer)
    {
        json.push(b'\n');
        let _ = write.write_all(&json).await;
    }
}

/// The account peilbot runs as, and root, who could read the folder anyway (and is who
/// asks a systemd service with a dynamic user).
fn may_ask(stream: &UnixStream) -> bool {
    // SAFETY: geteuid only reads this process's effective user id; it cannot fail.
    let own = unsafe { libc::geteuid() };
    let peer = stream.peer_cred().map(|peer| peer.uid()).ok();
    let allowed = peer.is_some_and(|peer| peer == own || peer == 0);
    if !allowed {
        tracing::warn!(peer = ?peer, "another account asked over the control socket: refused");
    }
    allowed
}

/// The answer to the request on `read`; none for a client that said nothing in time.
async fn read_and_run(read: tokio::net::unix::OwnedReadHalf, store: Store) -> Option<Answer> {
    let mut line = String::new();
    let mut reader = tokio::io::BufReader::new(read.take(MAX_REQUEST));
    tokio::time::timeout(PATIENCE, reader.read_line(&mut line)).await.ok()?.ok()?;
    let Ok(request) = serde_json::from_str::<LinkRequest>(&line) else {
        return Some(Answer::Refused(
            "the running peilbot does not know this request (is it another release?)".into(),
        ));
    };
    tracing::info!(command = request.name(), "an admin's command over the control socket");
    let run = tokio::task::spawn_blocking(move || request.run(&store, crate::unix_now())).await;
    Some(match run {
        Ok(Ok(lines)) => Answer::Lines(lines),
        Ok(Err(err)) => Answer::Refused(format!("{err:#}")),
        Err(_) => Answer::Refused("the running peilbot could not answer".into()),
    })
}

/// Asks the peilbot running on `data`: its links, or why not. An error when none answers
/// on the folder's socket (another kind of peilbot holds the folder, or an older release).
pub fn ask(data: &Path, request: &LinkRequest) -> std::io::Result<Result<Vec<String>, String>> {
    let mut stream = StdStream::connect(data.join(SOCKET))?;
    stream.set_read_timeout(Some(PATIENCE * 3))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    let mut json = serde_json::to_vec(request)?;
    json.push(b'\n');
    stream.write_all(&json)?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    match serde_json::from_str(&line)? {
        Answer::Lines(lines) => Ok(Ok(lines)),
        Answer::Refused(why) => Ok(Err(why)),
    }
}
