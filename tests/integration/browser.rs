//! The real page in a real browser: `horseshoe serve` on the tutorial, and
//! headless Chromium playing two students' pages (China and France) through
//! a whole game, clicking the page's own buttons, with screenshots at a
//! phone's and a Chromebook's sizes in `target/tmp/browser`.
//!
//! Chromium is driven through its DevTools protocol (a WebSocket, with the
//! same client as the classroom tests). It needs Debian's `chromium`, which
//! `.ci/run` installs, so the test is ignored by a plain `cargo test`:
//!
//! ```text
//! cargo test --test integration -- --ignored browser
//! ```

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// Kills a child process when dropped, whatever the test did.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `horseshoe serve` on the tutorial, China and France on devices.
fn serve(dir: &Path) -> (Reaped, String, Value) {
    let codes = dir.join("codes.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "serve",
            "scenarios/tutorial.ron",
            "--port",
            "0",
            "--seed",
            "7",
        ])
        .args(["--human", "CHN", "--human", "FRA"])
        .arg("--codes-out")
        .arg(&codes)
        .arg("--saves")
        .arg(dir.join("saves"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("horseshoe serve starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some(rest) = line.strip_prefix("Students open ") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    // Over loopback: the address printed is the network's.
    let port = url.rsplit(':').next().unwrap().trim_end_matches('/');
    let local = format!("http://127.0.0.1:{port}/");
    let codes: Value = serde_json::from_str(&std::fs::read_to_string(codes).unwrap()).unwrap();
    (Reaped(child), local, codes)
}

/// A headless Chromium and a DevTools connection to it.
struct Browser {
    _process: Reaped,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
}

impl Browser {
    fn start(profile: &Path) -> Browser {
        let mut child = Command::new("chromium")
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("chromium starts (install Debian's chromium, as .ci/run does)");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let endpoint = loop {
            let line = lines
                .next()
                .expect("chromium prints its DevTools address")
                .unwrap();
            if let Some(at) = line.find("ws://") {
                break line[at..].trim().to_string();
            }
        };
        // Keep draining what it says, so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let (ws, _) = tungstenite::connect(endpoint).expect("DevTools accepts the connection");
        Browser {
            _process: Reaped(child),
            ws,
            next: 1,
        }
    }

    /// Sends a DevTools command (to a page's session, if given) and waits
    /// for its result.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(message.to_string())).unwrap();
        loop {
            let Ok(Message::Text(text)) = self.ws.read() else {
                continue;
            };
            let reply: Value = serde_json::from_str(&text).unwrap();
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
        }
    }

    /// A page of its own (its own storage: another student's device).
    fn page(&mut self, url: &str, width: u32, height: u32) -> Page {
        let context =
            self.call(None, "Target.createBrowserContext", json!({}))["browserContextId"].clone();
        let target = self.call(
            None,
            "Target.createTarget",
            json!({"url": "about:blank", "browserContextId": context}),
        )["targetId"]
            .clone();
        let session = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        )["sessionId"]
            .as_str()
            .unwrap()
            .to_string();
        let page = Page { session };
        self.resize(&page, width, height);
        self.call(Some(&page.session), "Page.navigate", json!({"url": url}));
        page
    }

    fn resize(&mut self, page: &Page, width: u32, height: u32) {
        let mobile = width < 600;
        self.call(
            Some(&page.session),
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    /// Runs a script in the page; its value.
    fn eval(&mut self, page: &Page, script: &str) -> Value {
        let result = self.call(
            Some(&page.session),
            "Runtime.evaluate",
            json!({"expression": script, "returnByValue": true}),
        );
        result["result"]["value"].clone()
    }

    fn screenshot(&mut self, page: &Page, path: &Path) {
        let shot = self.call(
            Some(&page.session),
            "Page.captureScreenshot",
            json!({"format": "png"}),
        );
        let data = shot["data"].as_str().expect("a screenshot");
        std::fs::write(path, decode_base64(data)).unwrap();
    }
}

struct Page {
    session: String,
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(value(c))).collect();
        let n = v
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &x)| acc | (x << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// One step of a student at the page, as a person would: answer the
/// decision, speak to the press once, end the turn. Returns what it did.
const STUDENT: &str = r#"(() => {
  window.confirm = () => true;
  const buttons = [...document.querySelectorAll('button')].filter(b => b.offsetParent !== null);
  const click = (label) => {
    const b = buttons.find(b => b.textContent.trim() === label);
    if (b) { b.click(); return true; }
    return false;
  };
  const clock = document.getElementById('clock').textContent;
  if (clock.startsWith('The crisis is over')) return 'over';
  const explanation = document.getElementById('explanation');
  if (explanation) {
    explanation.value = 'We decide as our capital instructs.';
    if (click('Keep silence') || click('Yes')) return 'decided';
  }
  const press = document.getElementById('press');
  if (press && !sessionStorage.getItem('spoke')) {
    press.value = 'We stand with the people of Pelora.';
    sessionStorage.setItem('spoke', '1');
    if (click('Speak')) return 'spoke';
  }
  if (click('End your turn')) return 'ended';
  return 'waiting';
})()"#;

#[test]
#[ignore = "needs Chromium: .ci/run installs it, see the README"]
fn two_students_play_a_whole_game_in_the_browser() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (_server, url, codes) = serve(&dir);
    let mut browser = Browser::start(&dir.join("profile"));
    let members = ["CHN", "FRA"];
    let pages: Vec<Page> = members
        .iter()
        .map(|m| {
            let code = codes[m].as_str().unwrap();
            browser.page(&format!("{url}?code={code}"), 390, 844)
        })
        .collect();
    let shots = screenshots(&dir);
    let started = Instant::now();
    let mut done = [false, false];
    let mut did = Vec::new();
    let mut photographed = false;
    while !done.iter().all(|d| *d) {
        assert!(
            started.elapsed() < Duration::from_secs(240),
            "the game did not end: {did:?}"
        );
        std::thread::sleep(Duration::from_millis(150));
        for (i, page) in pages.iter().enumerate() {
            let step = browser.eval(page, STUDENT);
            match step.as_str() {
                Some("over") => done[i] = true,
                Some("waiting") | None => {}
                Some(step) => did.push(format!("{} {step}", members[i])),
            }
        }
        // The student's page mid-game, at both sizes.
        if !photographed && did.iter().any(|d| d.ends_with("spoke")) {
            photographed = true;
            take_both(&mut browser, &pages[0], &shots, "corridors");
        }
    }
    take_both(&mut browser, &pages[1], &shots, "over");
    for who in members {
        assert!(
            did.contains(&format!("{who} spoke")),
            "{who} spoke: {did:?}"
        );
        assert!(
            did.contains(&format!("{who} ended")),
            "{who} ended a turn: {did:?}"
        );
    }
    assert!(
        did.iter().any(|d| d.ends_with("decided")),
        "a decision was taken: {did:?}"
    );
    // What France said to the press is in China's record, as text.
    let record = browser.eval(
        &pages[0],
        "document.getElementById('record-list').textContent",
    );
    assert!(
        record
            .as_str()
            .unwrap()
            .contains("We stand with the people of Pelora.")
    );
    // The projector's page shows the room, without a desk.
    let room = browser.page(&format!("{url}room"), 1366, 768);
    std::thread::sleep(Duration::from_secs(2));
    let desk_shown = browser.eval(
        &room,
        "getComputedStyle(document.getElementById('desk')).display",
    );
    assert_eq!(desk_shown, "none");
    browser.screenshot(&room, &shots.join("room-1366x768.png"));
    for entry in std::fs::read_dir(&shots).unwrap() {
        let size = entry.unwrap().metadata().unwrap().len();
        assert!(size > 20_000, "a screenshot looks empty ({size} bytes)");
    }
}

fn screenshots(dir: &Path) -> PathBuf {
    let shots = dir.join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    shots
}

fn take_both(browser: &mut Browser, page: &Page, shots: &Path, name: &str) {
    for (w, h) in [(390, 844), (1366, 768)] {
        browser.resize(page, w, h);
        std::thread::sleep(Duration::from_millis(500));
        browser.screenshot(page, &shots.join(format!("{name}-{w}x{h}.png")));
    }
    browser.resize(page, 390, 844);
}
