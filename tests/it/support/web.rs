//! The real `peilbot web` on a free port of 127.0.0.1, and a browser without JavaScript:
//! a client that keeps its cookies, follows nothing by itself, and reads forms.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::WAIT;

/// `peilbot web` on its own data folder, stopped when dropped.
pub struct WebPeilbot {
    child: Child,
    pub base: String,
}

impl WebPeilbot {
    pub async fn start(data: &Path, env: &[(&str, &str)]) -> WebPeilbot {
        WebPeilbot::start_on(data, free_port(), env).await
    }

    /// On a port chosen beforehand (for links made before it starts).
    pub async fn start_on(data: &Path, port: u16, env: &[(&str, &str)]) -> WebPeilbot {
        let child = Command::new(env!("CARGO_BIN_EXE_peilbot"))
            .args(["web", "--listen", &format!("127.0.0.1:{port}"), "--data", data.to_str().unwrap()])
            .envs(env.iter().copied())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("peilbot web starts");
        let web = WebPeilbot { child, base: format!("http://127.0.0.1:{port}") };
        wait_for(&web.base).await;
        web
    }

    pub fn browser(&self, accept_language: &str) -> Browser {
        Browser::at(&self.base, accept_language)
    }
}

/// A free port of 127.0.0.1, for a web channel a test starts some other way.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Waits until the web channel at `base` answers.
pub async fn wait_for(base: &str) {
    let deadline = Instant::now() + WAIT;
    while reqwest::get(format!("{base}/style.css")).await.is_err() {
        assert!(Instant::now() < deadline, "the web channel never answered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl WebPeilbot {
    /// The process, for the web bench to read its CPU time.
    #[allow(dead_code)] // only the bench reads it
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl WebPeilbot {
    /// Stops it as a service manager does (SIGTERM) and waits until it has gone.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        self.child.wait().expect("peilbot web stops")
    }
}

impl Drop for WebPeilbot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser: its cookies, its languages.
pub struct Browser {
    client: reqwest::Client,
    base: String,
    cookies: std::collections::BTreeMap<String, String>,
    language: String,
}

/// A response as a test reads it.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Page {
    /// The hidden CSRF token of the page's forms.
    pub fn csrf(&self) -> String {
        attribute_after(&self.body, "name=\"csrf\" value=\"").expect("a form with a CSRF token")
    }

    /// The action codes of the answers offered (radio buttons), in order.
    pub fn choices(&self) -> Vec<String> {
        values_after(&self.body, "type=\"radio\" name=\"action\" value=\"")
    }

    /// The action codes of the buttons on the page.
    pub fn buttons(&self) -> Vec<String> {
        values_after(&self.body, "type=\"submit\" name=\"action\" value=\"")
    }

    /// The text of the page's `<main>`, without tags.
    pub fn text(&self) -> String {
        let main = self.body.split("<main").nth(1).unwrap_or_default();
        let mut text = String::new();
        let mut in_tag = false;
        for c in main.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
    }
}

fn values_after(body: &str, marker: &str) -> Vec<String> {
    body.match_indices(marker).filter_map(|(at, _)| attribute_after(&body[at..], marker)).collect()
}

fn attribute_after(body: &str, marker: &str) -> Option<String> {
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].replace("&amp;", "&"))
}

impl Browser {
    /// A new browser (no cookie yet) for the web channel at `base`.
    pub fn at(base: &str, accept_language: &str) -> Browser {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let cookies = Default::default();
        Browser { client, base: base.to_string(), cookies, language: accept_language.to_string() }
    }

    /// The value of one of its cookies (`peilbot`: the scan's token).
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let request = self.client.get(format!("{}{path}", self.base));
        self.send(request).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let body: String = form
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.send(request).await
    }

    /// Posts a button or answer with this page's token, then follows the redirect.
    pub async fn act(&mut self, on: &Page, action: &str) -> Page {
        let csrf = on.csrf();
        let posted = self.post("/act", &[("csrf", &csrf), ("action", action)]).await;
        self.follow(posted).await
    }

    pub async fn follow(&mut self, page: Page) -> Page {
        match (page.status, page.location.clone()) {
            (303, Some(to)) => self.get(&to).await,
            _ => page,
        }
    }

    async fn send(&mut self, mut request: reqwest::RequestBuilder) -> Page {
        request = request.header("accept-language", &self.language);
        if !self.cookies.is_empty() {
            let sent: Vec<String> =
                self.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
            request = request.header("cookie", sent.join("; "));
        }
        let response = request.send().await.expect("peilbot web answers");
        let headers = response.headers().clone();
        for set in headers.get_all("set-cookie") {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').expect("a cookie's name and value");
            match value {
                "" => self.cookies.remove(name),
                value => self.cookies.insert(name.to_string(), value.to_string()),
            };
        }
        let status = response.status().as_u16();
        let location = headers.get("location").map(|l| l.to_str().unwrap().to_string());
        let bytes = response.bytes().await.unwrap().to_vec();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        Page { status, location, headers, body, bytes }
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Answers every question with the choice at `choice` (0-based) until the scan is done;
/// returns the snapshot page.
pub async fn complete_scan(browser: &mut Browser, flow: &str, choice: usize) -> Page {
    let menu = browser.get("/").await;
    let mut page = browser.act(&menu, &format!("s:{flow}")).await;
    for _ in 0..60 {
        let choices = page.choices();
        if choices.is_empty() {
            return page;
        }
        let pick = choices.get(choice).unwrap_or(&choices[0]).clone();
        page = browser.act(&page, &pick).await;
    }
    panic!("the scan never finished: {}", page.text());
}
