//! A real browser for the web channel's tests: Debian's Chromium, headless, driven over
//! the W3C WebDriver protocol by Debian's ChromeDriver (plain JSON over HTTP, so a few
//! requests here are the whole client). `.ci/run` installs both, and axe-core from npm;
//! a machine without them skips the browser tests and says so.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::WAIT;
use super::web::free_port;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// WebDriver's codes for the keys a keyboard-only person presses.
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = "\u{E00D}";
pub const ARROW_DOWN: &str = "\u{E015}";

/// Where axe-core's script is: `AXE_CORE_JS`, or where `.ci/run` installs it.
fn axe_path() -> PathBuf {
    std::env::var_os("AXE_CORE_JS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/axe/node_modules/axe-core/axe.min.js")
    })
}

/// What is missing for a browser test on this machine, if anything.
pub fn missing() -> Option<String> {
    let wanted = [PathBuf::from(CHROMIUM), PathBuf::from(CHROMEDRIVER), axe_path()];
    let missing: Vec<String> =
        wanted.iter().filter(|path| !path.exists()).map(|path| path.display().to_string()).collect();
    (!missing.is_empty()).then(|| format!("not installed: {} (.ci/run installs them)", missing.join(", ")))
}

/// One headless Chromium with its driver; both stop when dropped.
pub struct Chromium {
    driver: Child,
    client: reqwest::Client,
    session: String,
    base: String,
    _profile: tempfile::TempDir,
    axe: String,
}

impl Chromium {
    pub async fn start() -> Chromium {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            // Its own process group, so Chromium goes with it whatever happens.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let deadline = Instant::now() + WAIT;
        while client.get(format!("{base}/status")).send().await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver never answered");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        // The flags that keep Chromium off this machine's closed network.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--lang=en",
        ]
        .map(String::from)
        .into_iter()
        .chain([format!("--user-data-dir={}", profile.path().display())])
        .collect::<Vec<_>>();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
        }}});
        let created: Value = client
            .post(format!("{base}/session"))
            .json(&capabilities)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let session =
            created["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {created}"));
        let axe = std::fs::read_to_string(axe_path()).expect("axe-core's script");
        Chromium { driver, client, session: session.to_string(), base, _profile: profile, axe }
    }

    async fn command(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let response =
            self.client.request(method, url).json(&body).send().await.expect("chromedriver answers");
        let value: Value = response.json().await.unwrap();
        assert!(value["value"].get("error").is_none(), "WebDriver {path}: {value}");
        value["value"].clone()
    }

    pub async fn open(&self, url: &str) {
        self.command(reqwest::Method::POST, "/url", json!({"url": url})).await;
    }

    /// Runs a script in the page, for reading what the page shows (never to act on it).
    pub async fn read(&self, script: &str) -> Value {
        self.command(reqwest::Method::POST, "/execute/sync", json!({"script": script, "args": []})).await
    }

    pub async fn title(&self) -> String {
        self.read("return document.title").await.as_str().unwrap_or_default().to_string()
    }

    /// Presses keys one after another, as a person at a keyboard does.
    pub async fn press(&self, keys: &[&str]) {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|key| {
                [json!({"type": "keyDown", "value": key}), json!({"type": "keyUp", "value": key})]
            })
            .collect();
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.command(reqwest::Method::POST, "/actions", body).await;
    }

    /// Tabs until the focused element matches a CSS selector; returns how many tabs it took.
    pub async fn tab_to(&self, selector: &str) -> usize {
        let script = format!("return document.activeElement && document.activeElement.matches({selector:?})");
        for tabs in 0..40 {
            if self.read(&script).await == json!(true) {
                return tabs;
            }
            self.press(&[TAB]).await;
        }
        panic!("{selector} never got the focus by keyboard on {}", self.title().await);
    }

    /// Marks the page on screen, so that [`Chromium::wait_for_new_page`] knows it is gone.
    pub async fn mark(&self) {
        self.read("window.peilbotTestSeen = true").await;
    }

    /// Waits until the marked page has been replaced by another, loaded one.
    pub async fn wait_for_new_page(&self) {
        let deadline = Instant::now() + WAIT;
        let script = "return !window.peilbotTestSeen && document.readyState === 'complete'";
        while self.read(script).await != json!(true) {
            assert!(Instant::now() < deadline, "the next page never came after {}", self.title().await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// axe-core's WCAG 2.1 A and AA rules over the page: the violations, as id and nodes.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        self.read(&self.axe).await;
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done({passes: r.passes.length,
                   violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html).join(' | '))}))
               .catch(e => done({passes: 0, violations: ['axe failed: ' + e]}));";
        let found = self
            .command(reqwest::Method::POST, "/execute/async", json!({"script": script, "args": []}))
            .await;
        // A run that checked nothing would find nothing: it must have passed some rules.
        assert!(found["passes"].as_u64().unwrap_or(0) > 5, "axe-core ran its rules: {found}");
        found["violations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Sets the window's size (a phone at 320 px, or half a desktop for 200 % zoom).
    pub async fn resize(&self, width: u32, height: u32) {
        self.command(reqwest::Method::POST, "/window/rect", json!({"width": width, "height": height})).await;
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        if let Ok(group) = i32::try_from(self.driver.id()) {
            // SAFETY: a plain signal to the process group this test started.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.driver.wait();
    }
}
