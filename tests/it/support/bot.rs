//! Runs the real `peilbot serve` binary against a [`FakeTelegram`], as a black box.
//!
//! ```ignore
//! let (tg, data, bot) = setup(&[]).await; // the fake, a data folder, the bot once it long-polls
//! // ... act as users through `tg` (or a `Person`) ...
//! bot.kill(); // SIGKILL, like a crash; Drop does the same
//! let bot = PeilBot::start(&tg, &store(&data)).await; // again, on the same store
//! ```
//!
//! [`serve_command`] and [`run_to_exit`] are for runs that stop by themselves (a missing
//! token, an unreachable API).
//!
//! The bot's stderr (`RUST_LOG=info`) is collected by a thread and printed when a test
//! panics while the bot is alive, so a failing test shows what the bot logged.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::fake_telegram::{FakeTelegram, TOKEN};

/// How long the bot may take to start (getMe, command registration, first getUpdates).
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running `peilbot serve` process. Killed (SIGKILL) on drop.
pub struct PeilBot {
    child: Child,
    log: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
}

/// The `serve` command with a clean, deterministic environment: no token and no API URL
/// unless the caller sets them, the data dir given, no throttling, `RUST_LOG=info`.
pub fn serve_command(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peilbot"));
    command
        .arg("serve")
        .arg("--data")
        .arg(data)
        .arg("--no-throttle")
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("PEILBOT_DATA")
        .env_remove("PEILBOT_NO_THROTTLE")
        .env_remove("PEILBOT_WEBHOOK_SECRET")
        .env_remove("PEILBOT_ADMINS")
        .env_remove("PEILBOT_DEFAULT_LANG")
        .env_remove("PEILBOT_CONTROLLER")
        .env_remove("PEILBOT_DPO_CONTACT")
        .env_remove("PEILBOT_LEGAL_BASIS")
        .env("RUST_LOG", "info")
        .env("LANG", "C")
        .env("PEILBOT_FAKE_NOW", working_time().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Now, or the next working morning when now is outside working hours (or close to their
/// end): reminders go out at once in every test run, whenever it runs. A test of the hours
/// themselves sets `PEILBOT_FAKE_NOW` to the moment it needs.
pub fn working_time() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64;
    let hour = 60 * 60 * 1000;
    if peilbot::working_hours::is_open(now + hour) && peilbot::working_hours::is_open(now) {
        now
    } else {
        peilbot::working_hours::next_open(now + hour)
    }
}

impl PeilBot {
    /// Starts `peilbot serve` on `data` against `tg`, with extra environment (e.g.
    /// `PEILBOT_ADMINS`), and returns without waiting.
    fn spawn(tg: &FakeTelegram, data: &Path, env: &[(&str, &str)]) -> PeilBot {
        let mut command = serve_against(tg, data);
        command.env_remove("PEILBOT_MIN_RESPONDENTS");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("cannot start the peilbot binary");
        let stderr = child.stderr.take().expect("stderr is piped");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut log = sink.lock().unwrap_or_else(|p| p.into_inner());
                log.push_str(&line);
                log.push('\n');
            }
        });
        PeilBot { child, log, reader: Some(reader) }
    }

    /// Starts `peilbot serve` and waits until it long-polls for updates (so it will see
    /// whatever the test sends next; its commands are registered beside the first polls,
    /// see [`PeilBot::registered`]).
    pub async fn start(tg: &FakeTelegram, data: &Path) -> PeilBot {
        PeilBot::start_with(tg, data, &[]).await
    }

    /// Like [`PeilBot::start`], with extra environment (e.g. `PEILBOT_ADMINS`).
    pub async fn start_with(tg: &FakeTelegram, data: &Path, env: &[(&str, &str)]) -> PeilBot {
        let polls_before = tg.calls_to("getUpdates").len();
        let mut bot = PeilBot::spawn(tg, data, env);
        let deadline = Instant::now() + START_TIMEOUT;
        while tg.calls_to("getUpdates").len() <= polls_before {
            if let Ok(Some(status)) = bot.child.try_wait() {
                panic!("peilbot serve exited early with {status}; stderr:\n{}", bot.log());
            }
            if Instant::now() >= deadline {
                panic!(
                    "peilbot serve did not poll for updates within {START_TIMEOUT:?}; stderr:\n{}\n{}",
                    bot.log(),
                    tg.dump()
                );
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        bot
    }

    /// Waits until the bot has registered its commands, descriptions and the chat menus
    /// of leads and admins (it logs so at info level, the tests' default), and returns that
    /// log line.
    pub async fn registered(&self) -> String {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Some(line) = self.log().lines().find(|line| line.contains("commands registered")) {
                return line.to_owned();
            }
            assert!(Instant::now() < deadline, "no commands registered; stderr:\n{}", self.log());
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Everything the bot wrote to stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends SIGINT (Ctrl-C) and waits, at most `timeout`, for the bot to stop by itself.
    pub fn interrupt(&mut self, timeout: Duration) -> Option<ExitStatus> {
        self.signal("INT", timeout)
    }

    /// Sends a signal by name ("INT", "TERM") and waits up to `timeout` for the exit.
    pub fn signal(&mut self, name: &str, timeout: Duration) -> Option<ExitStatus> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args([&format!("-{name}"), &pid]).status();
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Kills the process with SIGKILL (no chance to flush or clean up, like a crash or
    /// `kill -9`) and waits for it to be gone.
    pub fn kill(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

impl Drop for PeilBot {
    fn drop(&mut self) {
        let alive = self.is_running();
        self.stop();
        if alive && std::thread::panicking() {
            eprintln!("--- peilbot stderr ---\n{}--- end of peilbot stderr ---", self.log());
        }
    }
}

/// A fake Telegram, a fresh data folder and the bot running on both (with extra `env`,
/// e.g. `PEILBOT_ADMINS`), its store in [`store`].
pub async fn setup(env: &[(&str, &str)]) -> (FakeTelegram, tempfile::TempDir, PeilBot) {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().expect("temp dir");
    let bot = PeilBot::start_with(&tg, &store(&data), env).await;
    (tg, data, bot)
}

/// Where [`setup`] keeps the bot's store in `data`: to start the bot again on it.
pub fn store(data: &tempfile::TempDir) -> PathBuf {
    data.path().join("store")
}

/// What a `peilbot serve` run that ended by itself left behind.
pub struct Exit {
    pub status: ExitStatus,
    pub stderr: String,
}

/// [`serve_command`] pointed at `tg` with its token.
pub fn serve_against(tg: &FakeTelegram, data: &Path) -> Command {
    let mut command = serve_command(data);
    command.env("TELOXIDE_TOKEN", TOKEN).env("TELOXIDE_API_URL", tg.url());
    command
}

/// `template`'s arguments and environment, run with another binary (a build made before,
/// for the benches' before and after figures).
pub fn with_binary(template: &Command, binary: &Path) -> Command {
    let mut command = Command::new(binary);
    command.args(template.get_args());
    for (name, value) in template.get_envs() {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    command
}

/// Runs `command` to completion (killing it after `timeout`, which fails the test).
pub fn run_to_exit(mut command: Command, timeout: Duration) -> Exit {
    let mut child = command.spawn().expect("cannot start the peilbot binary");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = reader.join().unwrap_or_default();
            panic!("peilbot did not exit within {timeout:?}; stderr:\n{stderr}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = reader.join().unwrap_or_default();
    Exit { status, stderr }
}
