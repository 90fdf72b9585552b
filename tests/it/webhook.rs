//! Webhook mode: `peilbot serve --webhook URL --listen ADDR` registers the webhook with the
//! Bot API, takes updates posted to it, and refuses posts without Telegram's secret header.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use crate::support::WAIT;
use crate::support::bot::{serve_against, serve_command};
use crate::support::fake_telegram::{FakeChat, FakeTelegram, TOKEN};
use serde_json::json;

const SECRET: &str = "s3cret-Token_1";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A /help message from a private chat, shaped as Telegram posts it.
fn help_update(update_id: i64, chat: i64) -> String {
    json!({
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 1_795_305_600,
            "chat": { "id": chat, "type": "private", "first_name": "Wim" },
            "from": { "id": chat, "is_bot": false, "first_name": "Wim", "language_code": "nl" },
            "text": "/help",
            "entities": [{ "type": "bot_command", "offset": 0, "length": 5 }]
        }
    })
    .to_string()
}

/// Posts JSON and returns the HTTP status code.
fn post(port: u16, secret: Option<&str>, body: &str) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let header = secret.map_or(String::new(), |s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n"));
    let request = format!(
        "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{header}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_updates_are_answered_and_forged_posts_refused() {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/hook");
    let mut command = serve_command(data.path());
    command
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", tg.url())
        .env("PEILBOT_WEBHOOK_SECRET", SECRET)
        .args(["--webhook", &url, "--listen", &format!("127.0.0.1:{port}")]);
    let mut child = command.spawn().unwrap();

    tg.wait_until(WAIT, |tg| tg.calls_to("setWebhook").iter().any(|c| c.params["url"] == url.as_str()))
        .await
        .expect("the webhook is registered with the Bot API");
    let wim = FakeChat::private(77, "Wim", Some("nl"));
    tg.add_chat(&wim);

    // Wait until the listener accepts connections, then post without the secret.
    let started = std::time::Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() && started.elapsed() < WAIT {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let refused = post(port, None, &help_update(1, 77));
    let wrong = post(port, Some("guess"), &help_update(2, 77));
    assert!(!(200..300).contains(&refused), "no secret: HTTP {refused}");
    assert!(!(200..300).contains(&wrong), "wrong secret: HTTP {wrong}");

    let accepted = post(port, Some(SECRET), &help_update(3, 77));
    assert!((200..300).contains(&accepted), "right secret: HTTP {accepted}");
    let reply = tg.wait_for_message(77, WAIT, |m| m.body().contains("/scan")).await.unwrap();
    assert!(reply.body().contains("Wat ik kan"), "the help, in Dutch: {}", reply.body());
    tokio::time::sleep(Duration::from_millis(300)).await;
    // At first contact the privacy notice comes before the help.
    let messages = tg.messages(77);
    assert_eq!(messages.len(), 2, "only the authentic update was answered");
    assert!(messages[0].body().contains("Voor je begint"), "{}", messages[0].body());

    let _ = child.kill();
    let _ = child.wait();
}

/// A port already in use is a start-up error: a message, a non-zero exit, and no webhook
/// registered with Telegram.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listen_port_in_use_stops_the_start_with_an_error() {
    let tg = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut command = serve_against(&tg, data.path());
    command.args([
        "--webhook",
        &format!("http://127.0.0.1:{port}/hook"),
        "--listen",
        &format!("127.0.0.1:{port}"),
    ]);
    let exit = crate::support::bot::run_to_exit(command, WAIT);
    assert!(!exit.status.success(), "{}", exit.stderr);
    assert!(exit.stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")), "{}", exit.stderr);
    assert!(tg.calls_to("setWebhook").is_empty(), "no webhook was registered");
    drop(taken);
}
