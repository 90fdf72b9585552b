//! A full disk, as an operator meets it: the person whose tap could not be stored is told
//! so, the bot exits non-zero (so systemd or Docker starts it again), and once there is
//! space the restarted bot goes on where the person was: nothing acknowledged is lost.
//!
//! The store lives on a small tmpfs in a mount namespace of its own (`unshare -m`, as
//! root); where that is not allowed, the test says so and does nothing.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::fake_telegram::{FakeTelegram, TOKEN};
use crate::support::person::Person;
use crate::support::{WAIT, progress};

/// Runs the bot on a tmpfs; `fill`, `free` and `restart` in `control` steer the shell.
const SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=16m tmpfs "$DISK" || exit 97
(
    while [ ! -e "$CONTROL/fill" ]; do sleep 0.05; done
    dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null
    touch "$CONTROL/filled"
    while [ ! -e "$CONTROL/free" ]; do sleep 0.05; done
    rm -f "$DISK/filler"
    touch "$CONTROL/freed"
) &
"$PEILBOT" serve --no-throttle --data "$DISK/store"
echo $? > "$CONTROL/first-exit"
while [ ! -e "$CONTROL/restart" ]; do sleep 0.05; done
exec "$PEILBOT" serve --no-throttle --data "$DISK/store"
"#;

fn namespaces_allowed() -> bool {
    let mounted = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"])
        .stderr(Stdio::null())
        .status();
    mounted.is_ok_and(|status| status.success())
}

fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + WAIT;
    while !path.exists() {
        assert!(Instant::now() < deadline, "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_said_and_survived() {
    if !namespaces_allowed() {
        crate::support::skip(
            "full_disk::a_full_disk_is_said_and_survived",
            "this machine does not allow a private tmpfs (unshare -m needs root)",
        );
        return;
    }
    let tg = FakeTelegram::start().await;
    let disk = tempfile::tempdir().unwrap();
    let control = tempfile::tempdir().unwrap();
    let mut shell = Command::new("unshare")
        .args(["-m", "sh", "-c", SCRIPT])
        // Its own process group, so the shell and both bots are stopped together.
        .process_group(0)
        .env("DISK", disk.path())
        .env("CONTROL", control.path())
        .env("PEILBOT", env!("CARGO_BIN_EXE_peilbot"))
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", tg.url())
        .env("RUST_LOG", "info")
        .env_remove("PEILBOT_DATA")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unshare runs");
    let mut log = shell.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = log.read_to_string(&mut text);
        text
    });

    let ada = Person::new(&tg, 1600, "Ada", Some("en"));
    ada.start_scan().await;
    ada.answer_nth(2).await;

    std::fs::write(control.path().join("fill"), "").unwrap();
    wait_for_file(&control.path().join("filled"));
    // sled's last page still has room for a few small commits: tap on until one fails.
    let sorry = loop {
        let shown = ada.question_number().expect("a question is shown");
        assert!(shown < 20, "every commit succeeded on a full disk");
        ada.tap_nth(2);
        let next = |tg: &FakeTelegram| {
            ada.question_number() == Some(shown + 1)
                || tg.messages(ada.id()).iter().any(|m| m.body().contains("cannot save anything"))
        };
        if let Err(err) = tg.wait_until(WAIT, next).await {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", shell.id())]).status();
            let _ = shell.wait();
            panic!("the tap was answered neither way: {err}\nlog:\n{}", reader.join().unwrap_or_default());
        }
        if ada.question_number() == Some(shown) {
            break ada.expect_text("cannot save anything right now").await;
        }
    };
    let acknowledged = ada.question_number().expect("the question is still shown");
    assert_eq!(
        sorry.body(),
        "Sorry, I cannot save anything right now, so that last step did not count. Your earlier \
         answers are safe. Please try again in a few minutes."
    );
    wait_for_file(&control.path().join("first-exit"));
    let code = std::fs::read_to_string(control.path().join("first-exit")).unwrap();
    assert_ne!(code.trim(), "0", "the bot exits non-zero, for its supervisor");

    // Space again, and the supervisor's restart: Ada goes on at question 3.
    std::fs::write(control.path().join("free"), "").unwrap();
    wait_for_file(&control.path().join("freed"));
    let polls = tg.calls_to("getUpdates").len();
    std::fs::write(control.path().join("restart"), "").unwrap();
    tg.wait_until(WAIT, |tg| tg.calls_to("getUpdates").len() > polls).await.expect("the bot polls again");
    let mark = ada.mark();
    ada.say("/scan quickscan");
    let resumed = ada.expect_after(mark, "Welcome back").await;
    // Every acknowledged answer was kept; the one that was refused may have reached the
    // disk before the flush failed, so the scan goes on at that question or the next.
    let at = progress(resumed.body()).map(|(n, _)| n).expect("a question");
    assert!(at == acknowledged || at == acknowledged + 1, "acknowledged {acknowledged}: {}", resumed.body());
    ada.answer_nth(2).await;
    assert_eq!(ada.question_number(), Some(at + 1), "writes work again");

    let _ = Command::new("kill").args(["-INT", "--", &format!("-{}", shell.id())]).status();
    let _ = shell.wait();
    let log = reader.join().unwrap_or_default();
    assert!(log.contains("the store cannot be written"), "{log}");
}
