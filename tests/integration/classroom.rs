//! The classroom over loopback: students join by code, come back with
//! their token, act for their own seat only, and a whole game played from
//! two "browsers" is the game the headless app plays with the same inputs.
//! Bad messages get an error and the game goes on.

use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use bevy::app::App;
use horseshoe::classroom::{self, Room};
use horseshoe::play::{self, Command, CurrentGame, GameState};
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::decision::Item;
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::model::state::Controller;
use horseshoe_core::rules::Vote;
use horseshoe_core::scenario;
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

fn tutorial() -> Arc<CompiledScenario> {
    Arc::new(CompiledScenario::new(
        scenario::parse("tutorial.ron", include_str!("../../scenarios/tutorial.ron"))
            .expect("valid")
            .scenario,
    ))
}

/// A headless game with a classroom open on a free port.
struct Class {
    app: App,
    port: u16,
}

fn class(seed: u64, devices: &[&str]) -> Class {
    let sc = tutorial();
    let mut controllers = vec![Controller::Ai; sc.seat_count()];
    let seats: Vec<usize> = devices.iter().map(|c| sc.seat_of(c).unwrap()).collect();
    for &s in &seats {
        controllers[s] = Controller::Human;
    }
    let mut app = play::headless_app();
    app.add_plugins(classroom::plugin);
    play::start_game(
        app.world_mut(),
        GameConfig {
            scenario: sc,
            seed,
            controllers,
        },
    );
    classroom::open(app.world_mut(), 0, &seats, Arc::new(|| {})).expect("the classroom opens");
    let port = app.world().resource::<Room>().classroom.addr.port();
    let mut class = Class { app, port };
    class.update(3);
    class
}

impl Class {
    fn update(&mut self, n: usize) {
        for _ in 0..n {
            self.app.update();
        }
    }

    fn code(&self, member: &str) -> String {
        let game = self.app.world().resource::<CurrentGame>();
        let seat = game.scenario().seat_of(member).unwrap();
        let room = self.app.world().resource::<Room>();
        room.classroom.room().access(seat).unwrap().code.clone()
    }

    fn game(&self) -> &CurrentGame {
        self.app.world().resource::<CurrentGame>()
    }

    fn phase(&self) -> PhaseName {
        self.game().clock().phase
    }

    fn over(&self) -> bool {
        *self
            .app
            .world()
            .resource::<bevy::prelude::State<GameState>>()
            .get()
            == GameState::Over
    }
}

/// A page's connection, read with a short timeout so the game can run.
struct Client {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
}

impl Client {
    fn connect(class: &Class) -> Client {
        let (ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{}/ws", class.port))
            .expect("the server accepts the connection");
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_millis(15))).unwrap();
        }
        Client { ws }
    }

    fn send(&mut self, value: Value) {
        self.ws.send(Message::text(value.to_string())).unwrap();
    }

    fn send_text(&mut self, text: &str) -> bool {
        self.ws.send(Message::text(text.to_string())).is_ok()
    }

    /// The next message, if one comes within the timeout.
    fn try_recv(&mut self) -> Option<Value> {
        match self.ws.read() {
            Ok(Message::Text(t)) => serde_json::from_str(&t).ok(),
            _ => None,
        }
    }

    /// Runs the game until a message of this type arrives (and returns it).
    fn expect(&mut self, class: &mut Class, kind: &str) -> Value {
        for _ in 0..400 {
            class.update(1);
            if let Some(m) = self.try_recv()
                && m["type"] == kind
            {
                return m;
            }
        }
        panic!("no `{kind}` message came");
    }

    /// Joins with the member's code; returns the welcome.
    fn join(class: &mut Class, member: &str) -> (Client, Value) {
        let mut client = Client::connect(class);
        client.send(json!({"type": "join", "code": class.code(member)}));
        let welcome = client.expect(class, "welcome");
        (client, welcome)
    }

    /// Sends an act and waits for its answer.
    fn act(&mut self, class: &mut Class, id: u64, act: &Act) -> Value {
        self.send(json!({"type": "act", "id": id, "act": act}));
        loop {
            let answer = self.expect(class, "answer");
            if answer["id"] == id {
                return answer;
            }
        }
    }

    /// The latest view the page holds after the game has run a little.
    fn latest_view(&mut self, class: &mut Class) -> Option<Value> {
        let mut view = None;
        for _ in 0..20 {
            class.update(1);
            while let Some(m) = self.try_recv() {
                if m["type"] == "view" {
                    view = Some(m);
                }
            }
        }
        view
    }
}

fn run_to_corridors(class: &mut Class) {
    for _ in 0..100 {
        if class.phase() == PhaseName::Corridors {
            return;
        }
        class.update(1);
    }
    panic!("the game did not reach the corridors");
}

#[test]
fn a_code_gives_the_seat_its_view_and_a_token_that_brings_it_back() {
    let mut class = class(1, &["CHN", "FRA"]);
    let (mut chn, welcome) = Client::join(&mut class, "CHN");
    assert_eq!(welcome["member"], "CHN");
    let seat = welcome["seat"].as_u64().unwrap();
    let view = chn.expect(&mut class, "view");
    assert_eq!(view["view"]["reader"]["Delegation"], seat);
    assert_eq!(view["view"]["desk"]["seat"], seat);
    assert!(view["session"]["on_device"].as_bool().unwrap());
    // Another delegation's instructions are not in it.
    let fra_red_lines = &class.game().scenario().delegations
        [class.game().scenario().seat_of("FRA").unwrap()]
    .red_lines;
    let text = view.to_string();
    for line in fra_red_lines {
        assert!(
            !text.contains(&line.reason),
            "France's red line leaked: {}",
            line.reason
        );
    }
    // The page drops (Wi-Fi, a sleeping phone) and comes back with its token.
    let token = welcome["token"].as_str().unwrap().to_string();
    drop(chn);
    let mut again = Client::connect(&class);
    again.send(json!({"type": "resume", "token": token}));
    let back = again.expect(&mut class, "welcome");
    assert_eq!(back["seat"], seat);
    // The newest connection for a seat wins.
    let mut third = Client::connect(&class);
    third.send(json!({"type": "resume", "token": token}));
    third.expect(&mut class, "welcome");
    again.expect(&mut class, "replaced");
}

#[test]
fn a_wrong_code_is_denied_and_an_unknown_token_too() {
    let mut class = class(1, &["CHN"]);
    let mut page = Client::connect(&class);
    page.send(json!({"type": "join", "code": "AAAAAA"}));
    let denied = page.expect(&mut class, "denied");
    assert_eq!(denied["retry"], false);
    assert!(denied["reason"].as_str().unwrap().contains("code"));
    page.send(json!({"type": "resume", "token": "0123456789abcdef"}));
    page.expect(&mut class, "denied");
    // Acting before joining is refused, not taken.
    page.send(json!({"type": "act", "id": 1, "act": "EndTurn"}));
    let error = page.expect(&mut class, "error");
    assert!(error["message"].as_str().unwrap().contains("join"));
}

#[test]
fn a_seat_acts_only_for_itself() {
    let mut class = class(2, &["CHN", "FRA"]);
    run_to_corridors(&mut class);
    let (mut chn, _) = Client::join(&mut class, "CHN");
    let sc = class.game().scenario().clone();
    let (chn_seat, fra_seat) = (sc.seat_of("CHN").unwrap(), sc.seat_of("FRA").unwrap());
    // A message cannot name a seat: it is refused whole.
    chn.send(json!({"type": "act", "id": 1, "seat": fra_seat, "act": "EndTurn"}));
    let error = chn.expect(&mut class, "error");
    assert!(
        error["message"].as_str().unwrap().contains("seat"),
        "{error}"
    );
    assert!(!class.game().turns().done[fra_seat]);
    // An act is the token's seat's.
    let answer = chn.act(&mut class, 2, &Act::EndTurn);
    assert_eq!(answer["ok"], true);
    assert!(class.game().turns().done[chn_seat]);
    assert!(!class.game().turns().done[fra_seat]);
    // China may not revise France's draft: refused with the reason, nothing changes.
    let answer = chn.act(
        &mut class,
        3,
        &Act::PutUnderSilence {
            draft: 0,
            reason: String::new(),
        },
    );
    assert_eq!(answer["ok"], false);
    assert!(
        answer["error"].as_str().unwrap().contains("penholder")
            || answer["error"].as_str().unwrap().contains("can only"),
        "{answer}"
    );
}

#[test]
fn a_new_code_revokes_the_old_token() {
    let mut class = class(3, &["CHN"]);
    let (mut chn, welcome) = Client::join(&mut class, "CHN");
    let old_code = class.code("CHN");
    let token = welcome["token"].as_str().unwrap().to_string();
    let seat = welcome["seat"].as_u64().unwrap() as usize;
    classroom::new_code(class.app.world_mut(), seat).unwrap();
    let denied = chn.expect(&mut class, "denied");
    assert_eq!(denied["retry"], false, "{denied}");
    let mut back = Client::connect(&class);
    back.send(json!({"type": "resume", "token": token}));
    back.expect(&mut class, "denied");
    back.send(json!({"type": "join", "code": old_code}));
    back.expect(&mut class, "denied");
    back.send(json!({"type": "join", "code": class.code("CHN")}));
    let welcome = back.expect(&mut class, "welcome");
    assert_ne!(welcome["token"].as_str().unwrap(), token);
}

#[test]
fn malformed_oversized_and_flooding_messages_get_errors_and_the_game_goes_on() {
    let mut class = class(4, &["CHN"]);
    run_to_corridors(&mut class);
    let (mut chn, _) = Client::join(&mut class, "CHN");
    for bad in [
        "not json",
        r#"{"type":"act"}"#,
        r#"{"type":"act","id":1,"act":{"Lobby":{"target":999999,"draft":-1}}}"#,
        r#"{"type":"fly"}"#,
    ] {
        assert!(chn.send_text(bad));
        let error = chn.expect(&mut class, "error");
        assert!(error["message"].as_str().is_some());
    }
    // Out of range, but well formed: the game refuses it.
    let answer = chn.act(
        &mut class,
        5,
        &Act::Lobby {
            target: 999,
            draft: 42,
        },
    );
    assert_eq!(answer["ok"], false);
    // A flood: errors, then the connection is closed; the server goes on.
    let mut flood = Client::connect(&class);
    let mut refused = 0;
    for _ in 0..400 {
        if !flood.send_text(r#"{"type":"ping"}"#) {
            break;
        }
        while let Some(m) = flood.try_recv() {
            if m["type"] == "error" {
                refused += 1;
            }
        }
    }
    assert!(refused > 0, "a flood is slowed");
    // Too big: an error, and the connection closes.
    let mut big = Client::connect(&class);
    let huge = format!(r#"{{"type":"join","code":"{}"}}"#, "A".repeat(40_000));
    big.send_text(&huge);
    let mut closed = false;
    for _ in 0..200 {
        class.update(1);
        match big.ws.read() {
            Ok(Message::Close(_)) => closed = true,
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => closed = true,
            Ok(_) => {}
        }
        if closed {
            break;
        }
    }
    assert!(closed, "an oversized message closes the connection");
    // The first page still plays.
    let answer = chn.act(&mut class, 6, &Act::EndTurn);
    assert_eq!(answer["ok"], true);
}

#[test]
fn thirty_pages_are_served_at_once() {
    let members = [
        "CHN", "FRA", "RUS", "GBR", "USA", "AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT",
        "ZAF", "TGO",
    ];
    let mut class = class(5, &members);
    let mut pages = Vec::new();
    for m in members {
        let (mut page, _) = Client::join(&mut class, m);
        page.expect(&mut class, "view");
        pages.push(page);
    }
    for _ in 0..15 {
        let mut room = Client::connect(&class);
        room.send(json!({"type": "watch"}));
        room.expect(&mut class, "watching");
        pages.push(room);
    }
    assert_eq!(pages.len(), 30);
    run_to_corridors(&mut class);
    // One act: every page hears of it.
    let remarks = "The Council must act for the people of Pelora.";
    let answer = pages[0].act(
        &mut class,
        1,
        &Act::PressRemarks {
            about: None,
            remarks: remarks.into(),
        },
    );
    assert_eq!(answer["ok"], true);
    for (i, page) in pages.iter_mut().enumerate() {
        let view = page
            .latest_view(&mut class)
            .unwrap_or_else(|| panic!("page {i} got no view"));
        assert!(view.to_string().contains(remarks), "page {i}");
    }
}

/// What a student of this policy does now, if anything: speak once on the
/// first day, then end the turn; keep silence and vote yes.
fn policy(game: &horseshoe_core::game::Game, seat: usize, spoke: &mut bool) -> Option<Act> {
    let phase = game.clock().phase;
    if phase == PhaseName::Corridors && !game.turns().done.get(seat).copied().unwrap_or(true) {
        if !*spoke {
            *spoke = true;
            return Some(Act::PressRemarks {
                about: None,
                remarks: format!("Seat {seat} speaks for the people of Pelora."),
            });
        }
        return Some(Act::EndTurn);
    }
    if game.decisions().waits_for(seat) {
        let current = game.decisions().current.as_ref()?;
        return Some(match current.item {
            Item::Silence { draft } => Act::Silence {
                draft,
                keep: true,
                reason: "we can accept the text".into(),
            },
            _ => Act::CastVote {
                vote: Vote::Yes,
                explanation: "it helps Pelora".into(),
            },
        });
    }
    None
}

#[test]
fn a_whole_game_played_from_two_pages_is_the_headless_game_with_the_same_inputs() {
    let members = ["CHN", "FRA"];
    let mut class = class(9, &members);
    let seats: Vec<usize> = members
        .iter()
        .map(|m| class.game().scenario().seat_of(m).unwrap())
        .collect();
    let mut pages: Vec<Client> = members
        .iter()
        .map(|m| Client::join(&mut class, m).0)
        .collect();
    let mut spoke = [false, false];
    let mut id = 0;
    for _ in 0..3000 {
        if class.over() {
            break;
        }
        class.update(1);
        // One seat at a time, in seat order, each waiting for its answer.
        for (i, &seat) in seats.iter().enumerate() {
            if let Some(act) = policy(class.game(), seat, &mut spoke[i]) {
                id += 1;
                let answer = pages[i].act(&mut class, id, &act);
                assert_eq!(answer["ok"], true, "{act:?}: {answer}");
            }
        }
    }
    assert!(class.over(), "the game ended");
    let network = class.game().record().to_ron();

    // The same game in the headless app, the same inputs as commands.
    let sc = tutorial();
    let mut controllers = vec![Controller::Ai; sc.seat_count()];
    for &s in &seats {
        controllers[s] = Controller::Human;
    }
    let mut app = play::headless_app();
    play::start_game(
        app.world_mut(),
        GameConfig {
            scenario: sc,
            seed: 9,
            controllers,
        },
    );
    let mut spoke = [false, false];
    for _ in 0..3000 {
        app.update();
        for (i, &seat) in seats.iter().enumerate() {
            let act = policy(app.world().resource::<CurrentGame>(), seat, &mut spoke[i]);
            if let Some(act) = act {
                app.world_mut().write_message(Command::new(seat, act));
                app.update();
            }
        }
        if app.world().resource::<CurrentGame>().is_over() {
            break;
        }
    }
    let headless = app.world().resource::<CurrentGame>().record().to_ron();
    assert_eq!(network, headless);
}

/// A server process, killed (as by kill -9) when dropped.
struct Host(std::process::Child);

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `horseshoe serve` as a school server runs it; the port it prints.
fn serve(args: &[&str]) -> (Host, u16) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("serve")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("horseshoe serve starts");
    let stdout = child.stdout.take().unwrap();
    let child = Host(child);
    let mut lines = std::io::BufReader::new(stdout).lines();
    let port = loop {
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
    (child, port)
}

/// A client of a server in another process: it runs by itself.
fn wait_for(client: &mut Client, kind: &str) -> Value {
    for _ in 0..2000 {
        if let Some(m) = client.try_recv()
            && m["type"] == kind
        {
            return m;
        }
    }
    panic!("no `{kind}` message came");
}

fn connect_to(port: u16) -> Client {
    let (ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}/ws")).expect("connects");
    if let MaybeTlsStream::Plain(s) = ws.get_ref() {
        s.set_read_timeout(Some(Duration::from_millis(15))).unwrap();
    }
    Client { ws }
}

#[test]
fn after_a_host_crash_the_room_reopens_and_every_answered_act_is_kept() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-crash");
    let _ = std::fs::remove_dir_all(&dir);
    let codes = dir.join("codes.json");
    let saves = dir.join("saves");
    let (host, port) = serve(&[
        "scenarios/tutorial.ron",
        "--port",
        "0",
        "--seed",
        "3",
        "--human",
        "CHN",
        "--codes-out",
        codes.to_str().unwrap(),
        "--saves",
        saves.to_str().unwrap(),
    ]);
    let codes: Value = serde_json::from_str(&std::fs::read_to_string(&codes).unwrap()).unwrap();
    let mut page = connect_to(port);
    page.send(json!({"type": "join", "code": codes["CHN"]}));
    let welcome = wait_for(&mut page, "welcome");
    let token = welcome["token"].as_str().unwrap().to_string();
    // The game waits for China in the corridors; China speaks twice.
    let said = ["China calls for calm.", "China asks for aid to Pelora."];
    for (id, remarks) in said.iter().enumerate() {
        let act = Act::PressRemarks {
            about: None,
            remarks: remarks.to_string(),
        };
        for _ in 0..200 {
            page.send(json!({"type": "act", "id": id, "act": act}));
            let answer = wait_for(&mut page, "answer");
            if answer["ok"] == true {
                break;
            }
            // Not the corridors yet: try again.
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // kill -9: no chance to save anything more.
    drop(host);
    let save = std::fs::read_dir(&saves)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .expect("the autosave");
    let (host, port) = serve(&["--resume", save.to_str().unwrap(), "--port", "0"]);
    // The page comes back with its token, to the same seat, and all it said.
    let mut page = connect_to(port);
    page.send(json!({"type": "resume", "token": token}));
    let back = wait_for(&mut page, "welcome");
    assert_eq!(back["seat"], welcome["seat"]);
    // Its view, once the journal is replayed, holds everything it said.
    let mut kept = false;
    for _ in 0..50 {
        let view = wait_for(&mut page, "view").to_string();
        if said.iter().all(|remarks| view.contains(remarks)) {
            kept = true;
            break;
        }
    }
    assert!(kept, "what China said before the crash is kept");
    drop(host);
}
