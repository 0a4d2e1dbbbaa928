// The students' page: joins a delegation with its code, then shows what
// the seat may know of the game and sends its acts, over one WebSocket
// (see docs/protocol.md). Every text it shows goes in as text, never as
// HTML; every text of its own is in strings.js.
"use strict";

(function () {
  const t = window.t;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = "horseshoe-token";

  const state = {
    socket: null,
    token: localStorage.getItem(TOKEN_KEY),
    code: new URLSearchParams(location.search).get("code"),
    watching: location.pathname === "/room",
    me: null,
    view: null,
    session: null,
    stopped: false,
    retry: 1000,
    nextId: 1,
    pending: new Map(),
    lastEntry: -1,
    tab: "desk",
    draft: null,
    target: "",
    clause: "",
    wording: 0,
    countdownAt: 0,
  };

  // ---- Small DOM helpers: text only, never HTML. ----

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Replaces a node's children, leaving out the empty ones.
  function fill(node, ...children) {
    node.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
  }

  function button(label, onclick, attrs) {
    return el("button", Object.assign({ type: "button", text: label, onclick }, attrs || {}));
  }

  // Rebuilds a container, keeping what the player typed or chose in it and
  // where the keyboard was.
  function rebuild(container, build) {
    const kept = {};
    container.querySelectorAll("input, textarea, select").forEach((input) => {
      if (input.id) kept[input.id] = input.value;
    });
    const focused = document.activeElement && container.contains(document.activeElement)
      ? document.activeElement.id : null;
    fill(container, ...build());
    for (const [id, value] of Object.entries(kept)) {
      const input = document.getElementById(id);
      if (input && container.contains(input) && input.tagName !== "SELECT") input.value = value;
    }
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  }

  // ---- The connection. ----

  function connect() {
    if (state.stopped) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    state.socket = socket;
    showConnection(t("connecting"));
    socket.addEventListener("open", () => {
      state.retry = 1000;
      if (state.watching) send({ type: "watch" });
      else if (state.token) send({ type: "resume", token: state.token });
      else if (state.code) send({ type: "join", code: state.code });
      else showJoin("");
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(message);
    });
    socket.addEventListener("close", () => {
      if (state.socket !== socket || state.stopped) return;
      showConnection(t("reconnecting"));
      setTimeout(connect, state.retry);
      state.retry = Math.min(state.retry * 2, 10000);
    });
  }

  function send(message) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  // Sends an act of the seat; its answer is shown when it comes.
  function act(value, label) {
    const id = state.nextId++;
    state.pending.set(id, label || "");
    if (!send({ type: "act", id, act: value })) showAnswer(t("reconnecting"), true);
  }

  function change(draft, value) {
    const id = state.nextId++;
    state.pending.set(id, "");
    send({ type: "change", id, draft, change: value });
  }

  function receive(message) {
    switch (message.type) {
      case "welcome":
        state.token = message.token;
        localStorage.setItem(TOKEN_KEY, message.token);
        state.me = message;
        if (state.code) history.replaceState(null, "", "/");
        state.code = null;
        showConnection(t("connected"));
        showGame();
        break;
      case "watching":
        showConnection(t("connected"));
        showGame();
        break;
      case "view":
        state.view = message.view;
        state.session = message.session;
        state.countdownAt = Date.now();
        render();
        break;
      case "answer":
        state.pending.delete(message.id);
        showAnswer(message.ok ? t("done") : t("refused", { error: message.error }), !message.ok);
        break;
      case "error":
        showAnswer(message.message, true);
        break;
      case "denied":
        if (!message.retry) {
          localStorage.removeItem(TOKEN_KEY);
          state.token = null;
        }
        showJoin(message.reason);
        if (message.retry && state.token) setTimeout(() => state.socket && state.socket.close(), 5000);
        break;
      case "replaced":
        state.stopped = true;
        showConnection(t("replaced"));
        $("status").replaceChildren(t("replaced"), " ",
          button(t("reopen"), () => location.reload()));
        break;
      default:
        break;
    }
  }

  // ---- Screens. ----

  function showConnection(text) {
    $("connection").textContent = text;
  }

  function showJoin(reason) {
    $("join").hidden = false;
    $("game").hidden = true;
    $("join-error").textContent = reason || "";
    $("code").focus();
  }

  function showGame() {
    $("join").hidden = true;
    $("game").hidden = false;
    document.body.classList.toggle("room", state.watching);
    selectTab(state.tab);
  }

  function showAnswer(text, error) {
    const node = $("answer");
    node.textContent = text;
    node.classList.toggle("error", !!error);
  }

  function selectTab(tab) {
    state.tab = tab;
    document.querySelectorAll("[data-tab]").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.tab === tab));
    });
    document.querySelectorAll(".panel").forEach((panel) => {
      panel.classList.toggle("shown", panel.id === tab);
    });
  }

  // ---- Rendering a view. ----

  function render() {
    const view = state.view;
    if (!view) return;
    const mine = view.desk;
    $("title").textContent = view.title;
    renderClock();
    $("me").textContent = mine
      ? `${t("you_are", { name: seatName(mine.seat) })} · ${mine.points === 1 ? t("point") : t("points", { points: mine.points })}`
      : "";
    if (!view.drafts.some((d) => d.id === state.draft)) {
      const live = view.drafts.find((d) => d.live) || view.drafts[0];
      state.draft = live ? live.id : null;
    }
    renderStatus();
    rebuild($("decision"), renderDecision);
    rebuild($("actions"), renderActions);
    rebuild($("instructions"), renderInstructions);
    $("instructions-box").hidden = !mine;
    renderDraft();
    renderSeats();
    renderRecord();
  }

  function seatName(seat) {
    const s = state.view.seats[seat];
    return s ? s.name : "";
  }

  function draft() {
    return state.view.drafts.find((d) => d.id === state.draft) || null;
  }

  function renderClock() {
    const view = state.view;
    let text = view.over
      ? t("over")
      : t("day", { day: view.day, days: view.days, date: view.date, phase: t(`phase_${view.phase}`) });
    const countdown = state.session && state.session.countdown;
    if (countdown !== null && countdown !== undefined && !view.over) {
      const left = Math.max(0, countdown - Math.floor((Date.now() - state.countdownAt) / 1000));
      const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      text += ` · ${t("countdown", { time })}`;
    }
    $("clock").textContent = text;
  }

  function renderStatus() {
    const view = state.view;
    const mine = view.desk;
    let text;
    if (view.over) text = t("game_over", { reason: view.over });
    else if (state.session && state.session.paused) text = t("paused");
    else if (mine && !state.session.on_device) text = t("ai_plays");
    else if (view.phase === "Corridors" && mine) {
      text = view.seats[mine.seat].turn_done ? t("wait_corridors_done") : t("your_turn");
    } else text = t(`wait_${view.phase.toLowerCase()}`);
    if (mine && mine.decides_now) text = "";
    $("status").textContent = text;
  }

  function myTurn() {
    const view = state.view;
    const mine = view.desk;
    return mine && mine.human && state.session.on_device && !view.over &&
      view.phase === "Corridors" && !view.seats[mine.seat].turn_done;
  }

  function renderDecision() {
    const view = state.view;
    const mine = view.desk;
    const d = view.decision;
    if (!mine || !d || !mine.decides_now || !state.session.on_device) return [];
    const item = Object.keys(d.item)[0];
    const veto = view.seats[mine.seat].veto;
    const heading = { Motion: t("decide_motion"), Silence: t("decide_silence"), Amendment: t("decide_amendment"), Draft: t("decide_draft") }[item];
    const help = item === "Motion" ? t("decide_motion_help")
      : item === "Silence" ? t("decide_silence_help")
      : item === "Amendment" ? t("decide_amendment_help")
      : veto ? t("decide_veto_help") : t("decide_help");
    const reason = () => ($("explanation") ? $("explanation").value : "");
    const choices = item === "Silence"
      ? [[t("keep"), true], [t("break"), false]].map(([label, keep]) =>
        button(label, () => act({ Silence: { draft: d.draft, keep, reason: reason() } })))
      : [[t("yes"), "Yes"], [t("no"), "No"], [t("abstain"), "Abstain"]].map(([label, vote]) =>
        button(label, () => act({ CastVote: { vote, explanation: reason() } })));
    return [el("div", { class: "decide", role: "group", "aria-labelledby": "decide-heading" },
      el("h3", { id: "decide-heading", text: heading }),
      el("p", { class: "strong", text: d.title }),
      d.amendment ? el("p", { text: t("amendment", { text: d.amendment }) }) : null,
      el("p", { class: "muted", text: help }),
      mine.decision_crosses ? el("p", { class: "error", text: t("crosses", { reason: mine.decision_crosses }) }) : null,
      el("label", { for: "explanation", text: t("explanation") }),
      el("input", { id: "explanation", type: "text", maxlength: "300" }),
      el("div", { class: "buttons" }, ...choices))];
  }

  function renderActions() {
    if (!myTurn()) return [];
    const view = state.view;
    const me = view.desk.seat;
    const d = draft();
    const parts = [];
    if (!d) {
      parts.push(el("p", { text: view.drafts.length ? t("drafts_come") : t("no_draft") }));
    } else {
      parts.push(el("h3", { text: t("on_draft", { title: d.title }) }));
      if (d.crosses_my_red_line) parts.push(el("p", { class: "error", text: t("crosses", { reason: d.crosses_my_red_line }) }));
      if (d.status === "InDrawer") {
        parts.push(el("p", { text: t("drawer_help") }),
          button(t("circulate"), () => act({ Circulate: { draft: d.id } })));
      } else {
        if (!d.live) parts.push(el("p", { text: t("not_live", { status: d.status_label }) }));
        if (d.open) parts.push(...amendForm(d, me));
        parts.push(...(d.penholder === me ? penholderButtons(d) : memberButtons(d, me)));
        parts.push(...talk(d, me));
        parts.push(...tableOwn(d));
      }
    }
    parts.push(...requests(), ...press(me), ...motions());
    parts.push(el("div", { class: "buttons end" },
      button(t("end_turn"), endTurn, { class: "primary" })));
    return parts;
  }

  function endTurn() {
    const points = state.view.desk.points;
    if (points > 0 && !window.confirm(t("end_turn_confirm", { points }))) return;
    act("EndTurn");
  }

  // Pick a paragraph of the library and a wording: the penholder revises,
  // others propose an amendment.
  function amendForm(d, me) {
    const own = d.penholder === me;
    const clauses = state.view.clauses;
    const wordingOf = (c) => {
      const found = d.text.clauses.find(([id]) => id === c);
      return found ? found[1] : null;
    };
    const pick = el("select", {
      id: "pick-clause",
      onchange: (e) => {
        state.clause = e.target.value;
        const w = state.clause === "" ? null : wordingOf(Number(state.clause));
        state.wording = w === null ? 0 : w;
        rebuild($("actions"), renderActions);
      },
    }, el("option", { value: "", text: t("choose_paragraph") }),
    ...clauses.map((c) => el("option", {
      value: String(c.id),
      selected: state.clause === String(c.id),
      text: `${c.topic} (${wordingOf(c.id) === null ? t("not_in_text") : t("in_text")})`,
    })));
    const out = [el("h3", { text: own ? t("revise_label") : t("amend_label") }),
      el("label", { for: "pick-clause", text: t("paragraph") }), pick];
    const clause = clauses.find((c) => String(c.id) === state.clause);
    if (!clause) return out;
    const strength = (w, n) => n === 1 ? t("only") : w === 0 ? t("mild") : w === n - 1 ? t("strongest") : t("firm");
    const wording = Math.min(state.wording, clause.wordings.length - 1);
    out.push(el("label", { for: "pick-wording", text: t("wording") }),
      el("select", {
        id: "pick-wording",
        onchange: (e) => { state.wording = Number(e.target.value); rebuild($("actions"), renderActions); },
      }, ...clause.wordings.map((text, w) => el("option", {
        value: String(w), selected: w === wording, text: `${strength(w, clause.wordings.length)}: ${text}`,
      }))));
    const present = wordingOf(clause.id);
    const buttons = [];
    if (present === null) {
      buttons.push(button(own ? t("add_it") : t("propose_add"),
        () => { change(d.id, { Add: { clause: clause.id, wording } }); state.clause = ""; }));
    } else if (present !== wording) {
      buttons.push(button(own ? t("reword") : t("propose_reword"),
        () => { change(d.id, { Reword: { clause: clause.id, wording } }); state.clause = ""; }));
    }
    if (present !== null) {
      buttons.push(button(own ? t("delete_it") : t("propose_delete"),
        () => { change(d.id, { Delete: { clause: clause.id } }); state.clause = ""; }));
    }
    out.push(el("div", { class: "buttons" }, ...buttons));
    return out;
  }

  function penholderButtons(d) {
    const out = [];
    const pending = d.amendments.filter((a) => a.state === "Proposed");
    if (pending.length) out.push(el("h3", { text: t("awaiting_you") }));
    for (const a of pending) {
      out.push(el("p", { text: t("proposes", { name: seatName(a.by), what: a.description }) }),
        el("div", { class: "buttons" },
          button(t("accept"), () => act({ AnswerAmendment: { draft: d.id, amendment: a.id, accept: true, reason: "" } })),
          button(t("refuse"), () => act({ AnswerAmendment: { draft: d.id, amendment: a.id, accept: false, reason: "" } }))));
    }
    const buttons = [];
    if (d.consensus && d.open) buttons.push(button(t("under_silence"), () => act({ PutUnderSilence: { draft: d.id } }), { title: t("under_silence_help") }));
    if (!d.consensus && d.open) buttons.push(button(t("in_blue"), () => act({ PutInBlue: { draft: d.id } }), { title: t("in_blue_help") }));
    if (d.votable && !d.vote_requested) buttons.push(button(t("request_vote"), () => act({ RequestVote: { draft: d.id } })));
    if (d.live) buttons.push(button(t("withdraw"), () => act({ Withdraw: { draft: d.id } })));
    if (buttons.length) out.push(el("div", { class: "buttons" }, ...buttons));
    return out;
  }

  function memberButtons(d, me) {
    if (!d.live || d.kind !== "Resolution") return [];
    const buttons = [];
    const view = state.view;
    const chair = view.last_day && view.seats[me] && view.seats[me].presidency;
    if (chair && d.votable && !d.vote_requested) {
      buttons.push(button(t("call_vote"), () => act({ RequestVote: { draft: d.id, reason: "" } }), { title: t("call_vote_help") }));
    }
    if (!d.sponsors.includes(me)) buttons.push(button(t("co_sponsor"), () => act({ CoSponsor: { draft: d.id } })));
    for (const a of d.amendments.filter((a) => a.by === me && a.pressable)) {
      buttons.push(button(t("insist", { id: a.id }), () => act({ InsistOnAmendment: { draft: d.id, amendment: a.id } })));
    }
    return buttons.length ? [el("div", { class: "buttons" }, ...buttons)] : [];
  }

  // A draft of one's own from this text's paragraphs, of any kind: a
  // blocked statement escalated, or a rival text to revise.
  function tableOwn(d) {
    if (!d.live && !("Adopted" in statusObject(d.status)) && !("Failed" in statusObject(d.status))) return [];
    const kinds = ["PressStatement", "PresidentialStatement", "Resolution"];
    return [el("h3", { text: t("table_own_heading") }),
      el("p", { text: t("table_own_help") }),
      el("div", { class: "buttons" }, ...kinds.map((kind) => button(t("table_own_" + kind),
        () => act({ TableDraft: { title: "", text: { kind, clauses: d.text.clauses }, reason: "" } }))))];
  }

  // A draft's status as serde sends it: "OnTable", or { Adopted: { day } }.
  function statusObject(status) {
    return typeof status === "string" ? { [status]: null } : status;
  }

  // Lobbying and trades with the delegation chosen.
  function talk(d, me) {
    const view = state.view;
    const select = el("select", {
      id: "target",
      onchange: (e) => { state.target = e.target.value; rebuild($("actions"), renderActions); },
    }, el("option", { value: "", text: t("choose_delegation") }),
    ...view.seats.filter((s) => s.seat !== me).map((s) => el("option", {
      value: String(s.seat), selected: state.target === String(s.seat), text: s.name,
    })));
    const out = [el("h3", { text: t("talk_heading") }),
      el("label", { for: "target", text: t("delegation") }), select];
    if (state.target === "") return out;
    const target = Number(state.target);
    const buttons = [];
    if (d.live) buttons.push(button(t("lobby"), () => act({ Lobby: { target, draft: d.id } })));
    for (const theirs of view.drafts.filter((o) => o.live && o.penholder === target && o.id !== d.id)) {
      buttons.push(button(t("trade", { theirs: theirs.title }),
        () => act({ OfferTrade: { target, give: theirs.id, get: d.id } })));
    }
    out.push(el("div", { class: "buttons" }, ...buttons));
    return out;
  }

  function requests() {
    const today = state.view.day;
    const lines = state.view.record.filter((l) => l.tone === "Request" && l.day === today);
    if (!lines.length) return [];
    return [el("h3", { text: t("requests_heading") }),
      el("ul", {}, ...lines.map((l) => el("li", { text: l.text }))),
      el("p", { class: "muted", text: t("requests_help") })];
  }

  function press(me) {
    const view = state.view;
    const naming = el("select", { id: "press-about" },
      el("option", { value: "", text: t("nobody") }),
      ...view.seats.filter((s) => s.seat !== me).map((s) => el("option", { value: String(s.seat), text: s.name })));
    const kept = $("press-about") ? $("press-about").value : "";
    naming.value = kept;
    return [el("h3", { text: t("press_heading") }),
      el("textarea", { id: "press", rows: "2", maxlength: "500", placeholder: t("press_hint"), "aria-label": t("press_heading") }),
      el("label", { for: "press-about", text: t("naming") }), naming,
      el("div", { class: "buttons" }, button(t("speak"), () => {
        const remarks = ($("press").value || "").trim();
        if (!remarks) return;
        const about = $("press-about").value;
        act({ PressRemarks: { about: about === "" ? null : Number(about), remarks } });
        $("press").value = "";
      }))];
  }

  // Procedural motions a member may move (the agenda comes from the scenario).
  function motions() {
    const open = state.view.motions_open.filter((m) => m !== "AdoptAgenda");
    if (!open.length) return [];
    return [el("h3", { text: t("motions_heading") }),
      el("p", { class: "muted", text: t("motions_help") }),
      el("div", { class: "buttons" }, ...open.map((motion) =>
        button(t("motion_" + motion), () => act({ ProposeMotion: { motion, reason: "" } }))))];
  }

  function renderInstructions() {
    const mine = state.view.desk;
    if (!mine) return [];
    const brief = mine.instructions;
    const out = [el("h3", { text: t("objectives") })];
    if (!brief.objectives.length) out.push(el("p", { text: t("no_objectives") }));
    out.push(el("ul", {}, ...brief.objectives.map((o) => el("li", {
      text: t("objective", { mark: o.met === true ? "✔" : o.met === false ? "✖" : "•", text: o.description, points: o.points }),
    }))));
    const list = (key, items) => items.length ? [el("h3", { text: t(key) }), el("ul", {}, ...items.map((i) => el("li", { text: i })))] : [];
    out.push(...list("red_lines", brief.red_lines), ...list("wants", brief.wants), ...list("resists", brief.resists), ...list("pens", brief.pens));
    if (brief.veto) out.push(el("p", { class: "gold", text: t("you_veto") }));
    return out;
  }

  function renderDraft() {
    const view = state.view;
    $("draft-tabs").replaceChildren(...view.drafts.map((d, i) => button(
      `${i + 1} ${t(`kind_${d.kind}`)} (${d.status === "InDrawer" ? t("in_drawer") : d.status_label})`,
      () => { state.draft = d.id; render(); },
      { "aria-pressed": String(d.id === state.draft) })));
    const d = draft();
    if (!d) {
      $("draft-about").textContent = t("no_draft");
      $("draft-text").replaceChildren();
      $("amendments").replaceChildren();
      return;
    }
    const sponsors = d.sponsors.length ? t("sponsors", { names: d.sponsors.map(seatName).join(", ") }) : "";
    $("draft-about").textContent = t("about", { kind: t(`kind_${d.kind}`), pen: seatName(d.penholder), version: d.version }) + sponsors;
    const r = d.rendered;
    const paragraphs = r.paragraphs.map((p) => {
      const changed = p.clause && d.changed.includes(p.clause);
      const lead = d.kind === "Resolution" ? el("em", { text: p.lead }) : p.lead;
      return el("p", { class: changed ? "changed" : "" }, p.number ? `${p.number}. ` : "", lead, p.rest);
    });
    fill($("draft-text"), el("h3", { text: r.heading }),
      r.opening ? el("p", { text: r.opening }) : null, ...paragraphs,
      d.changed.length ? el("p", { class: "changed-note", text: t("changed_note") }) : null);
    const open = d.amendments.filter((a) => ["Proposed", "ToVote", "Rejected"].includes(a.state));
    $("amendments").replaceChildren(...(open.length ? [el("h3", { text: t("amendments_heading") }),
      el("ul", {}, ...open.map((a) => el("li", {
        text: t("amendment_line", { id: a.id, by: seatName(a.by), what: a.description, state: t(`state_${a.state}`) }),
      })))] : []));
  }

  function renderSeats() {
    const view = state.view;
    const d = draft();
    const connected = (state.session && state.session.connected) || [];
    $("seats").replaceChildren(...view.seats.map((s) => {
      const known = d && d.status !== "InDrawer" ? d.positions[s.seat] : null;
      const marks = [s.veto ? `★ ${t("veto")}` : "", s.presidency ? t("president") : "",
        d && d.penholder === s.seat ? `✒ ${t("penholder")}` : "",
        s.human ? t("students") : "", s.turn_done && view.phase === "Corridors" ? t("turn_done") : "",
        connected.includes(s.seat) ? t("connected_mark") : ""].filter(Boolean).join(" · ");
      const stance = known ? known.stance : "Unknown";
      const guess = known && known.sure === "Guess" ? " guess" : "";
      return el("li", { class: `seat stance-${stance}${guess}${view.desk && view.desk.seat === s.seat ? " mine" : ""}` },
        el("span", { class: "name", text: s.name }),
        el("span", { class: "stance", text: known ? t(`stance_${stance}`) + (known.sure === "Guess" ? "?" : "") : "" }),
        marks ? el("span", { class: "marks", text: marks }) : null,
        known && known.basis ? el("span", { class: "basis", text: known.basis }) : null,
        s.human && s.team ? el("span", { class: "basis", text: s.team }) : null);
    }));
  }

  function renderRecord() {
    const view = state.view;
    const list = $("record-list");
    list.replaceChildren(...view.record.slice().reverse().map((l) => el("li", { class: `tone-${l.tone}` },
      el("span", { class: "when", text: t("record_line", { day: l.day, phase: t(`phase_${l.phase}`) }) }), " ", l.text)));
    // Screen readers hear what is new.
    const fresh = view.record.filter((l) => l.entry > state.lastEntry);
    if (state.lastEntry >= 0 && fresh.length) {
      $("news").replaceChildren(...fresh.slice(-5).map((l) => el("p", { text: l.text })));
    }
    if (view.record.length) state.lastEntry = view.record[view.record.length - 1].entry;
  }

  // ---- Start. ----

  function start() {
    document.documentElement.lang = window.LANG;
    document.querySelectorAll("[data-text]").forEach((node) => {
      node.textContent = t(node.dataset.text);
    });
    document.querySelectorAll("[data-aria]").forEach((node) => {
      node.setAttribute("aria-label", t(node.dataset.aria));
    });
    if (state.watching) $("title").textContent = t("room_heading");
    document.querySelectorAll("[data-tab]").forEach((b) => {
      b.addEventListener("click", () => selectTab(b.dataset.tab));
    });
    $("join-form").addEventListener("submit", (event) => {
      event.preventDefault();
      state.code = $("code").value;
      $("join-error").textContent = t("joining");
      if (!send({ type: "join", code: state.code })) connect();
    });
    if (state.code) $("code").value = state.code;
    setInterval(() => {
      if (state.view) renderClock();
    }, 1000);
    setInterval(() => send({ type: "ping" }), 20000);
    connect();
  }

  start();
})();
