// Every text of the students' page, in one table, ready for translation:
// copy the `en` block under another language code and translate its
// values; `{name}` marks a value the page fills in.
"use strict";

window.STRINGS = {
  en: {
    app_name: "Horseshoe",
    skip: "Skip to the game",
    sections: "Sections",
    drafts: "Drafts",

    join_heading: "Join your delegation",
    join_help: "Type the code your teacher gave your team.",
    code_label: "Code",
    join_button: "Join",
    joining: "Joining…",
    room_heading: "The Security Council",

    connecting: "Connecting…",
    connected: "Connected",
    reconnecting: "Connection lost: reconnecting…",
    replaced: "This delegation was opened on another device: this page stopped.",
    reopen: "Open it here again",

    tab_desk: "Your desk",
    tab_draft: "Draft",
    tab_council: "Council",
    tab_record: "Record",
    desk_heading: "Your desk",
    draft_heading: "The draft",
    council_heading: "The Council",
    council_help: "What each delegation has shown of its position on the draft selected.",
    record_heading: "Record",
    instructions_heading: "Your instructions",

    you_are: "You are {name}",
    points: "{points} action points",
    point: "1 action point",
    day: "Day {day} of {days} · {date} · {phase}",
    over: "The crisis is over",
    countdown: "Time left {time}",
    paused: "Your teacher has paused the class.",
    ai_plays: "The AI is playing your delegation now. Your teacher can give it back to you.",

    wait_morning: "Morning: read the news in the record. The consultations come next.",
    wait_consultations: "Consultations: the penholders circulate and revise their drafts.",
    wait_corridors_done: "You have ended your turn. Waiting for the other delegations…",
    wait_decision: "Decision: the Council decides. Waiting for the other delegations…",
    wait_evening: "Evening: the day's results are in the record.",
    your_turn: "Corridors: your turn. Spend your action points, then end your turn.",
    game_over: "The crisis is over: {reason}. Your teacher will show the debrief.",

    no_draft: "No draft is on the table yet.",
    drafts_come: "Drafts are circulated in the consultations.",
    in_drawer: "in your drawer",
    about: "{kind} · pen: {pen} · version {version}",
    sponsors: " · sponsors: {names}",
    changed_note: "Highlighted: changed since the last version.",
    amendments_heading: "Amendments",
    amendment_line: "{id} ({by}): {what} — {state}",
    state_Proposed: "awaiting the penholder",
    state_ToVote: "to be voted before the draft",
    state_Rejected: "refused by the penholder",

    on_draft: "On “{title}”",
    crosses: "This text crosses one of your red lines: {reason}.",
    drawer_help: "This draft is in your drawer: the Council has not seen it.",
    circulate: "Circulate it to the Council (1 point)",
    not_live: "This draft is {status}: nothing more can be done with it.",
    revise_label: "Revise your text (1 point)",
    amend_label: "Propose an amendment (1 point)",
    paragraph: "Paragraph",
    choose_paragraph: "Choose a paragraph",
    in_text: "in the text",
    not_in_text: "not in the text",
    wording: "Wording",
    add_it: "Add it",
    propose_add: "Propose adding it",
    reword: "Change the wording",
    propose_reword: "Propose this wording",
    delete_it: "Delete it",
    propose_delete: "Propose deleting it",
    mild: "mild", firm: "firm", strongest: "strongest", only: "only wording",
    awaiting_you: "Amendments awaiting your answer",
    proposes: "{name} proposes to {what}",
    accept: "Accept",
    refuse: "Refuse",
    under_silence: "Put under silence",
    under_silence_help: "Every member must keep silence until today's decision for it to be adopted.",
    in_blue: "Put in blue",
    in_blue_help: "The final text: it can be voted from tomorrow.",
    request_vote: "Request the vote",
    call_vote: "Call the vote (as President)",
    call_vote_help: "The crisis ends today: the Council decides this text.",
    withdraw: "Withdraw",
    table_own_heading: "A draft of your own (1 point)",
    table_own_help: "Table a new text with these paragraphs, then revise it. A resolution needs nine votes and no veto: one objection cannot stop it.",
    table_own_PressStatement: "As a press statement",
    table_own_PresidentialStatement: "As a presidential statement",
    table_own_Resolution: "As a resolution",
    co_sponsor: "Co-sponsor",
    insist: "Put amendment {id} to the vote",
    talk_heading: "Talk to a delegation",
    delegation: "Delegation",
    choose_delegation: "Choose a delegation",
    lobby: "Ask them to support this draft (1 point)",
    trade: "Offer your support for “{theirs}” against theirs for this draft (1 point)",
    press_heading: "Speak to the press (1 point)",
    press_hint: "What you tell the journalists outside the chamber",
    naming: "Naming (optional)",
    nobody: "nobody",
    speak: "Speak",
    motions_heading: "Procedure (1 point)",
    motions_help: "A procedural motion is voted first in the decision phase: nine votes adopt it, and no veto applies.",
    motion_PublicMeeting: "Move a public meeting",
    motion_OpenDebate: "Move an open debate",
    requests_heading: "Requests to you",
    requests_help: "Answer by what you do: co-sponsor, amend, or speak to the press.",
    end_turn: "End your turn",
    end_turn_confirm: "You still have {points} action points today; they do not carry over. End your turn?",

    decide_motion: "Procedural vote",
    decide_motion_help: "Nine yes votes adopt it; no veto applies to a procedural matter.",
    decide_silence: "Silence procedure",
    decide_silence_help: "Keep silence and the text is adopted if no one objects. Break silence and it is blocked.",
    decide_amendment: "Vote on an amendment",
    decide_amendment_help: "Amendments are voted before the draft.",
    decide_draft: "Vote on a draft resolution",
    decide_veto_help: "Your no vote is a veto. An abstention is not.",
    decide_help: "Nine yes votes and no veto are needed.",
    amendment: "Amendment {text}",
    explanation: "Your explanation (optional)",
    keep: "Keep silence",
    break: "Break silence",
    yes: "Yes",
    no: "No",
    abstain: "Abstain",

    done: "Done.",
    refused: "Not done: {error}.",

    stance_Unknown: "no position yet",
    stance_Supports: "supports",
    stance_CanAccept: "can accept",
    stance_Reservations: "reservations",
    stance_Opposes: "opposes",
    veto: "veto",
    president: "president",
    penholder: "penholder",
    students: "students",
    turn_done: "turn ended",
    connected_mark: "connected",

    objectives: "Objectives",
    no_objectives: "None set by the scenario: play as you see fit.",
    objective: "{mark} {text} ({points})",
    red_lines: "Red lines: you cannot accept a text where",
    wants: "You want the Council to address",
    resists: "You resist language on",
    pens: "You hold the pen on",
    you_veto: "You hold a veto: your no vote defeats any resolution. Abstaining does not.",

    kind_PressStatement: "press statement",
    kind_PresidentialStatement: "presidential statement",
    kind_Resolution: "resolution",
    phase_Morning: "Morning",
    phase_Consultations: "Consultations",
    phase_Corridors: "Corridors",
    phase_Decision: "Decision",
    phase_Evening: "Evening",
    record_line: "Day {day} · {phase}",
    room_turns: "Turns ended: {names}",
  },
};

// The language of the page: the browser's, if the table has it.
window.LANG = (function () {
  const wanted = (navigator.language || "en").slice(0, 2);
  return window.STRINGS[wanted] ? wanted : "en";
})();

// A text of the table, with `{name}` filled in from `vars`.
window.t = function (key, vars) {
  const table = window.STRINGS[window.LANG] || window.STRINGS.en;
  let text = table[key] !== undefined ? table[key] : window.STRINGS.en[key];
  if (text === undefined) {
    return key;
  }
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, (m, name) =>
      vars[name] !== undefined ? String(vars[name]) : m
    );
  }
  return text;
};
