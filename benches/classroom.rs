//! The classroom under a class's load, over loopback: `horseshoe serve` on
//! the tutorial with every delegation on a device, fifteen students' pages
//! and fifteen projector pages (30 connections).
//!
//!     cargo bench --bench classroom
//!
//! It measures (docs/performance.md has the targets and the figures):
//! - from a student's act to every page's updated view: p50, p99, max;
//! - the host's CPU while the 30 pages are connected and idle.

use std::io::BufRead;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const MEMBERS: [&str; 15] = [
    "CHN", "FRA", "RUS", "GBR", "USA", "AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT",
    "ZAF", "TGO",
];

struct Host(Child);

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

type Socket = WebSocket<MaybeTlsStream<TcpStream>>;

fn connect(port: u16) -> Socket {
    let (ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}/ws")).expect("connects");
    if let MaybeTlsStream::Plain(s) = ws.get_ref() {
        s.set_read_timeout(Some(Duration::from_millis(2))).unwrap();
        s.set_nodelay(true).unwrap();
    }
    ws
}

fn send(ws: &mut Socket, value: Value) {
    ws.send(Message::text(value.to_string())).unwrap();
}

fn read(ws: &mut Socket) -> Option<Value> {
    match ws.read() {
        Ok(Message::Text(t)) => serde_json::from_str(&t).ok(),
        _ => None,
    }
}

fn wait_for(ws: &mut Socket, kind: &str) -> Value {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if let Some(m) = read(ws)
            && m["type"] == kind
        {
            return m;
        }
    }
    panic!("no `{kind}` message");
}

/// CPU seconds the process has used (user and system), from /proc.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit(')').next()?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("horseshoe-bench-{}", std::process::id()));
    let codes_path = dir.join("codes.json");
    let mut command = Command::new(env!("CARGO_BIN_EXE_horseshoe"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "serve",
            "scenarios/tutorial.ron",
            "--port",
            "0",
            "--seed",
            "1",
        ])
        .arg("--codes-out")
        .arg(&codes_path)
        .arg("--saves")
        .arg(dir.join("saves"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for m in MEMBERS {
        command.args(["--human", m]);
    }
    let mut child = command.spawn().expect("horseshoe serve starts");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let host = Host(child);
    let port: u16 = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some(rest) = line.strip_prefix("Students open ") {
            let url = rest.split_whitespace().next().unwrap();
            break url
                .trim_end_matches('/')
                .rsplit(':')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let codes: Value =
        serde_json::from_str(&std::fs::read_to_string(&codes_path).unwrap()).unwrap();

    let mut students: Vec<Socket> = MEMBERS
        .iter()
        .map(|m| {
            let mut ws = connect(port);
            send(&mut ws, json!({"type": "join", "code": codes[m]}));
            wait_for(&mut ws, "welcome");
            ws
        })
        .collect();
    let mut rooms: Vec<Socket> = (0..15)
        .map(|_| {
            let mut ws = connect(port);
            send(&mut ws, json!({"type": "watch"}));
            wait_for(&mut ws, "watching");
            ws
        })
        .collect();
    // Wait for the corridors: a student's press remarks are answered.
    std::thread::sleep(Duration::from_secs(2));
    for ws in students.iter_mut().chain(rooms.iter_mut()) {
        while read(ws).is_some() {}
    }

    // Idle: 30 pages connected, nothing happening.
    let idle_for = Duration::from_secs(10);
    let before = cpu_seconds(host.0.id());
    std::thread::sleep(idle_for);
    let after = cpu_seconds(host.0.id());
    let idle = match (before, after) {
        (Some(b), Some(a)) => Some(100.0 * (a - b) / idle_for.as_secs_f64()),
        _ => None,
    };

    // From here the pages are read without waiting, so that reading thirty
    // of them in turn adds nothing to what is measured.
    for ws in students.iter_mut().chain(rooms.iter_mut()) {
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_nonblocking(true).unwrap();
        }
    }
    // Acts: each student speaks to the press three times (its action
    // points); every page must see each remark.
    let mut latencies = Vec::new();
    let mut id = 0;
    for round in 0..3 {
        for s in 0..MEMBERS.len() {
            id += 1;
            let remarks = format!("Remark {round}-{s} for the bench.");
            let act = json!({"PressRemarks": {"about": null, "remarks": remarks}});
            let start = Instant::now();
            send(
                &mut students[s],
                json!({"type": "act", "id": id, "act": act}),
            );
            let mut pending: Vec<usize> = (0..30).collect();
            while !pending.is_empty() {
                std::thread::sleep(Duration::from_micros(100));
                assert!(
                    start.elapsed() < Duration::from_secs(10),
                    "views did not arrive"
                );
                pending.retain(|&p| {
                    let ws = if p < 15 {
                        &mut students[p]
                    } else {
                        &mut rooms[p - 15]
                    };
                    while let Some(m) = read(ws) {
                        if m["type"] == "view" && m.to_string().contains(&remarks) {
                            latencies.push(start.elapsed().as_secs_f64() * 1000.0);
                            return false;
                        }
                    }
                    true
                });
            }
        }
    }
    latencies.sort_by(f64::total_cmp);
    println!("classroom: 30 pages (15 students, 15 projectors) over loopback");
    println!(
        "act to every page's view: {} samples, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0.0)
    );
    match idle {
        Some(percent) => println!(
            "host CPU with 30 idle pages: {percent:.2}% of a core over {} s",
            idle_for.as_secs()
        ),
        None => println!("host CPU with 30 idle pages: not measurable here (no /proc)"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
