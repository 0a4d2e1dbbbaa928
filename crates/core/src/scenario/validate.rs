//! Meaning checks on a scenario that parsed: every reference resolves, every
//! number is in range, the rules make sense. All problems are collected, not
//! just the first, each with the path of the offending field and a hint.

use std::collections::{BTreeMap, HashSet};

use super::locate::Path;
use super::model::*;
use crate::rules::ProductKind;

/// How bad a problem is: errors make the file unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    pub path: Path,
    /// Points at a map key rather than at the value.
    pub at_key: bool,
    pub hint: Option<String>,
}

/// Checks everything that serde cannot. Returns errors and warnings together.
pub fn validate(s: &Scenario) -> Vec<Problem> {
    let mut v = Validator::new(s);
    v.top_level();
    v.council();
    v.clauses();
    v.delegations();
    v.drafts();
    v.events();
    v.triggers();
    v.problems
}

struct Validator<'a> {
    s: &'a Scenario,
    problems: Vec<Problem>,
    members: Vec<&'a str>,
    clauses: Vec<&'a str>,
    drafts: Vec<&'a str>,
    events: Vec<&'a str>,
}

const MAX_DAYS: u32 = 365;

impl<'a> Validator<'a> {
    fn new(s: &'a Scenario) -> Self {
        Self {
            s,
            problems: Vec::new(),
            members: s.council.members.iter().map(|m| m.code.as_str()).collect(),
            clauses: s.clauses.iter().map(|c| c.id.as_str()).collect(),
            drafts: s.drafts.iter().map(|d| d.id.as_str()).collect(),
            events: s.events.iter().map(|e| e.id.as_str()).collect(),
        }
    }

    fn error(&mut self, path: Path, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            message: message.into(),
            path,
            at_key: false,
            hint: None,
        });
    }

    fn error_hint(&mut self, path: Path, message: impl Into<String>, hint: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            message: message.into(),
            path,
            at_key: false,
            hint: Some(hint.into()),
        });
    }

    fn warning(&mut self, path: Path, message: impl Into<String>, hint: Option<String>) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            message: message.into(),
            path,
            at_key: false,
            hint,
        });
    }

    /// Reports an unknown reference with a "did you mean" hint.
    fn unknown(&mut self, path: Path, what: &str, id: &str, known: &[&str], at_key: bool) {
        let hint = match suggest(id, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() => format!("the scenario defines no {what}s"),
            None => format!("known {what}s: {}", list(known)),
        };
        self.problems.push(Problem {
            severity: Severity::Error,
            message: format!("unknown {what} `{id}`"),
            path,
            at_key,
            hint: Some(hint),
        });
    }

    fn member_ref(&mut self, path: Path, code: &str) -> bool {
        let ok = self.members.contains(&code);
        if !ok {
            let known = self.members.clone();
            self.unknown(path, "member", code, &known, false);
        }
        ok
    }

    fn clause_ref(&mut self, path: Path, id: &str) -> Option<&'a Clause> {
        let found = self.s.clauses.iter().find(|c| c.id == id);
        if found.is_none() {
            let known = self.clauses.clone();
            self.unknown(path, "clause", id, &known, false);
        }
        found
    }

    fn draft_ref(&mut self, path: Path, id: &str) -> Option<&'a Draft> {
        let found = self.s.drafts.iter().find(|d| d.id == id);
        if found.is_none() {
            let known = self.drafts.clone();
            self.unknown(path, "draft", id, &known, false);
        }
        found
    }

    fn event_ref(&mut self, path: Path, id: &str) {
        if !self.events.contains(&id) {
            let known = self.events.clone();
            self.unknown(path, "event", id, &known, false);
        }
    }

    fn wording_ref(&mut self, path: Path, clause: Option<&Clause>, wording: u32) {
        if let Some(c) = clause
            && wording as usize >= c.wordings.len()
            && !c.wordings.is_empty()
        {
            self.error_hint(
                path,
                format!("clause `{}` has no wording {wording}", c.id),
                format!(
                    "its wordings are numbered 0 to {} (weakest first)",
                    c.wordings.len() - 1
                ),
            );
        }
    }

    fn range(&mut self, path: Path, what: &str, value: f32, lo: f32, hi: f32) {
        if !(lo..=hi).contains(&value) {
            self.error_hint(
                path,
                format!("{what} {value} is out of range"),
                format!("use a number from {lo} to {hi}"),
            );
        }
    }

    fn day(&mut self, path: Path, day: u32) {
        if day == 0 || day > self.s.days {
            self.error_hint(
                path,
                format!("day {day} is outside the scenario"),
                format!(
                    "days are numbered 1 to {} (`days: {}`)",
                    self.s.days, self.s.days
                ),
            );
        }
    }

    fn duplicates<'b>(&mut self, ids: impl Iterator<Item = (Path, &'b str)>, what: &str) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if id.trim().is_empty() {
                self.error(path, format!("{what} id is empty"));
            } else if !seen.insert(id) {
                self.error_hint(
                    path,
                    format!("duplicate {what} id `{id}`"),
                    format!("each {what} needs its own id"),
                );
            }
        }
    }

    fn top_level(&mut self) {
        let s = self.s;
        let root = Path::root();
        if s.id.trim().is_empty() {
            self.error(root.field("id"), "the scenario id is empty");
        }
        if s.title.trim().is_empty() {
            self.error(root.field("title"), "the title is empty");
        }
        if !is_iso_date(&s.start_date) {
            self.error_hint(
                root.field("start_date"),
                format!("`{}` is not a date", s.start_date),
                "write the date as YYYY-MM-DD, for example \"2012-11-14\"",
            );
        }
        if s.days == 0 || s.days > MAX_DAYS {
            self.error_hint(
                root.field("days"),
                format!("a scenario of {} days cannot be played", s.days),
                format!("use 1 to {MAX_DAYS} days"),
            );
        }
        self.range(
            root.field("initial_urgency"),
            "urgency",
            s.initial_urgency,
            0.0,
            1.0,
        );
        if s.action_points == 0 || s.action_points > 20 {
            self.error_hint(
                root.field("action_points"),
                format!("{} action points a day is out of range", s.action_points),
                "use 1 to 20",
            );
        }
    }

    fn council(&mut self) {
        let c = &self.s.council;
        let path = Path::root().field("council");
        let members = path.field("members");
        if c.members.is_empty() {
            self.error(members.clone(), "the Council has no members");
        }
        self.duplicates(
            c.members
                .iter()
                .enumerate()
                .map(|(i, m)| (members.index(i).field("code"), m.code.as_str())),
            "member",
        );
        for (i, m) in c.members.iter().enumerate() {
            if m.name.trim().is_empty() {
                self.error(
                    members.index(i).field("name"),
                    format!("member `{}` has no name", m.code),
                );
            }
        }
        self.member_ref(path.field("presidency"), &c.presidency);

        let rules = path.field("rules");
        let n = c.members.len() as u32;
        if c.rules.quota == 0 || c.rules.quota > n {
            self.error_hint(
                rules.field("quota"),
                format!(
                    "a quota of {} votes cannot be met by {n} members",
                    c.rules.quota
                ),
                format!("use a quota from 1 to {n}"),
            );
        }
        if let Some(pq) = c.rules.procedural_quota
            && (pq == 0 || pq > n)
        {
            self.error_hint(
                rules.field("procedural_quota"),
                format!("a procedural quota of {pq} votes cannot be met by {n} members"),
                format!("use a quota from 1 to {n}"),
            );
        }
        let mut seen = HashSet::new();
        for (i, code) in c.rules.veto_holders.iter().enumerate() {
            let p = rules.field("veto_holders").index(i);
            if !self.members.contains(&code.as_str()) {
                let known = self.members.clone();
                self.unknown(p, "member", code, &known, false);
                if let Some(last) = self.problems.last_mut() {
                    last.message = format!("veto holder `{code}` is not a member of the Council");
                }
            } else if !seen.insert(code.as_str()) {
                self.error(p, format!("`{code}` is listed twice as a veto holder"));
            }
        }
        for (i, m) in c.members.iter().enumerate() {
            if m.seat == Seat::Elected && c.rules.is_veto_holder(&m.code) {
                self.warning(
                    members.index(i).field("seat"),
                    format!("elected member `{}` holds a veto", m.code),
                    Some("only permanent members hold the veto under the Charter".into()),
                );
            }
        }
    }

    fn clauses(&mut self) {
        let path = Path::root().field("clauses");
        self.duplicates(
            self.s
                .clauses
                .iter()
                .enumerate()
                .map(|(i, c)| (path.index(i).field("id"), c.id.as_str())),
            "clause",
        );
        for (i, c) in self.s.clauses.iter().enumerate() {
            let cp = path.index(i);
            if c.wordings.is_empty() {
                self.error_hint(
                    cp.field("wordings"),
                    format!("clause `{}` has no wording", c.id),
                    "give at least one Wording(verb: ..., text: ...)",
                );
            }
            for (w, wording) in c.wordings.iter().enumerate() {
                let wp = cp.field("wordings").index(w);
                if wording.verb.trim().is_empty() {
                    self.error(
                        wp.field("verb"),
                        format!("wording {w} of `{}` has no verb", c.id),
                    );
                }
                for (field, text) in [("verb", &wording.verb), ("text", &wording.text)] {
                    if let Some(token) = unknown_token(text) {
                        self.error_hint(
                            wp.field(field),
                            format!("unknown placeholder `{token}`"),
                            "the only placeholder is `{its}` (its / their)",
                        );
                    }
                }
            }
            if let Some(e) = &c.requires_event {
                self.event_ref(cp.field("requires_event"), e);
            }
        }
    }

    fn delegations(&mut self) {
        let path = Path::root().field("delegations");
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, d) in self.s.delegations.iter().enumerate() {
            let dp = path.index(i);
            if self.member_ref(dp.field("member"), &d.member)
                && seen.insert(d.member.as_str(), i).is_some()
            {
                self.error_hint(
                    dp.field("member"),
                    format!("a second delegation for `{}`", d.member),
                    "each member has one delegation",
                );
            }
            self.delegation(d, &dp);
        }
        let missing: Vec<&str> = self
            .members
            .iter()
            .copied()
            .filter(|m| !seen.contains_key(m))
            .collect();
        if !missing.is_empty() {
            self.warning(
                path,
                format!("no delegation for {}", list(&missing)),
                Some("they get neutral stances: no red lines, indifferent to every clause".into()),
            );
        }
    }

    fn delegation(&mut self, d: &'a Delegation, dp: &Path) {
        self.range(dp.field("salience"), "salience", d.salience, 0.0, 1.0);
        self.range(
            dp.field("wants_product"),
            "wants_product",
            d.wants_product,
            -1.0,
            1.0,
        );
        let pp = dp.field("personality");
        let p = d.personality;
        for (name, value) in [
            ("flexibility", p.flexibility),
            ("assertiveness", p.assertiveness),
            ("veto_aversion", p.veto_aversion),
            ("group_loyalty", p.group_loyalty),
        ] {
            self.range(pp.field(name), name, value, 0.0, 1.0);
        }

        for (clause_id, values) in &d.stances {
            let sp = dp.field("stances").key(clause_id);
            match self.s.clauses.iter().find(|c| &c.id == clause_id) {
                None => {
                    let known = self.clauses.clone();
                    self.unknown(sp.clone(), "clause", clause_id, &known, true);
                }
                Some(c) => {
                    if values.is_empty() || (values.len() != 1 && values.len() != c.wordings.len())
                    {
                        self.error_hint(
                            sp.clone(),
                            format!(
                                "stance on `{clause_id}` has {} values, the clause has {} wordings",
                                values.len(),
                                c.wordings.len()
                            ),
                            "give one value for every wording, or one per wording, weakest first",
                        );
                    }
                }
            }
            for (k, &value) in values.iter().enumerate() {
                self.range(sp.index(k), "stance", value, -1.0, 1.0);
            }
        }

        let rp = dp.field("red_lines");
        self.duplicates(
            d.red_lines
                .iter()
                .enumerate()
                .map(|(i, r)| (rp.index(i).field("id"), r.id.as_str())),
            "red line",
        );
        for (i, r) in d.red_lines.iter().enumerate() {
            let lp = rp.index(i).field("rule");
            match &r.rule {
                RedLineRule::MustContain { any_of } => {
                    if any_of.is_empty() {
                        self.error(lp.field("any_of"), "`any_of` names no clause");
                    }
                    for (k, req) in any_of.iter().enumerate() {
                        let rp = lp.field("any_of").index(k);
                        let c = self.clause_ref(rp.field("clause"), &req.clause);
                        self.wording_ref(rp.field("min_wording"), c, req.min_wording);
                    }
                }
                RedLineRule::MustNotContain {
                    clause,
                    min_wording,
                } => {
                    let c = self.clause_ref(lp.field("clause"), clause);
                    self.wording_ref(lp.field("min_wording"), c, *min_wording);
                }
            }
            if r.reason.trim().is_empty() {
                self.error_hint(
                    rp.index(i).field("reason"),
                    format!("red line `{}` gives no reason", r.id),
                    "the reason is what players read when the line is crossed",
                );
            }
        }

        if let Some(vs) = &d.veto_stance {
            let vp = dp.field("veto_stance");
            if !self.s.council.rules.is_veto_holder(&d.member) {
                self.error_hint(
                    vp.clone(),
                    format!("`{}` has a veto stance but holds no veto", d.member),
                    format!(
                        "veto holders: {}",
                        list(
                            &self
                                .s
                                .council
                                .rules
                                .veto_holders
                                .iter()
                                .map(String::as_str)
                                .collect::<Vec<_>>()
                        )
                    ),
                );
            }
            let ids: Vec<&str> = d.red_lines.iter().map(|r| r.id.as_str()).collect();
            for (field, list_ids) in [("vetoes", &vs.vetoes), ("abstains_on", &vs.abstains_on)] {
                for (k, id) in list_ids.iter().enumerate() {
                    if !ids.contains(&id.as_str()) {
                        self.unknown(vp.field(field).index(k), "red line", id, &ids, false);
                    }
                }
            }
            for (k, id) in vs.abstains_on.iter().enumerate() {
                if vs.vetoes.contains(id) {
                    self.error(
                        vp.field("abstains_on").index(k),
                        format!("red line `{id}` is both vetoed and only abstained on"),
                    );
                }
            }
        }

        for (code, &affinity) in &d.relationships {
            let p = dp.field("relationships").key(code);
            if !self.members.contains(&code.as_str()) {
                let known = self.members.clone();
                self.unknown(p.clone(), "member", code, &known, true);
            } else if code == &d.member {
                self.error(
                    p.clone(),
                    format!("`{code}` has a relationship with itself"),
                );
            }
            self.range(p, "affinity", affinity, -1.0, 1.0);
        }

        for (i, o) in d.objectives.iter().enumerate() {
            self.goal(&o.goal, &dp.field("objectives").index(i).field("goal"));
        }

        if let Some(script) = &d.script {
            for (i, sd) in script.decisions.iter().enumerate() {
                let sp = dp.field("script").field("decisions").index(i);
                if let Some(draft) = self.draft_ref(sp.field("draft"), &sd.draft) {
                    let consensus = self.s.council.rules.needs_consensus(draft.kind);
                    let silence =
                        matches!(sd.decision, Decision::BreakSilence | Decision::KeepSilence);
                    if consensus != silence {
                        let hint = if consensus {
                            "a text agreed by consensus takes BreakSilence or KeepSilence"
                        } else {
                            "a text put to the vote takes Yes, No or Abstain"
                        };
                        self.error_hint(
                            sp.field("decision"),
                            format!(
                                "{:?} does not apply to `{}`, a {}",
                                sd.decision,
                                draft.id,
                                draft.kind.name()
                            ),
                            hint,
                        );
                    }
                }
            }
        }
    }

    fn goal(&mut self, goal: &Goal, gp: &Path) {
        match goal {
            Goal::ProductAdopted { with, by_day, .. } => {
                for (k, req) in with.iter().enumerate() {
                    let rp = gp.field("with").index(k);
                    let c = self.clause_ref(rp.field("clause"), &req.clause);
                    self.wording_ref(rp.field("min_wording"), c, req.min_wording);
                }
                if let Some(day) = by_day {
                    self.day(gp.field("by_day"), *day);
                }
            }
            Goal::NoProductWith {
                clause,
                min_wording,
                ..
            } => {
                let c = self.clause_ref(gp.field("clause"), clause);
                self.wording_ref(gp.field("min_wording"), c, *min_wording);
            }
            Goal::DraftAdopted(id) | Goal::DraftNotAdopted(id) => {
                self.draft_ref(gp.index(0), id);
            }
            Goal::NoProductAdopted { .. } | Goal::AvoidVeto => {}
        }
    }

    fn drafts(&mut self) {
        let path = Path::root().field("drafts");
        self.duplicates(
            self.s
                .drafts
                .iter()
                .enumerate()
                .map(|(i, d)| (path.index(i).field("id"), d.id.as_str())),
            "draft",
        );
        for (i, d) in self.s.drafts.iter().enumerate() {
            let dp = path.index(i);
            self.member_ref(dp.field("penholder"), &d.penholder);
            for (k, sponsor) in d.sponsors.iter().enumerate() {
                self.member_ref(dp.field("sponsors").index(k), sponsor);
            }
            if d.clauses.is_empty() {
                self.error(
                    dp.field("clauses"),
                    format!("draft `{}` has no clauses", d.id),
                );
            }
            let mut seen = HashSet::new();
            for (k, (clause, wording)) in d.clauses.iter().enumerate() {
                let cp = dp.field("clauses").index(k);
                let c = self.clause_ref(cp.index(0), clause);
                self.wording_ref(cp.index(1), c, *wording);
                if !seen.insert(clause.as_str()) {
                    self.error(
                        cp,
                        format!("clause `{clause}` appears twice in draft `{}`", d.id),
                    );
                }
            }
            if let Some(day) = d.circulated_on {
                self.day(dp.field("circulated_on"), day);
            }
        }
    }

    fn events(&mut self) {
        let path = Path::root().field("events");
        self.duplicates(
            self.s
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| (path.index(i).field("id"), e.id.as_str())),
            "event",
        );
        for (i, e) in self.s.events.iter().enumerate() {
            let ep = path.index(i);
            if let Some(day) = e.day {
                self.day(ep.field("day"), day);
            }
            self.range(ep.field("chance"), "chance", e.chance, 0.0, 1.0);
            self.range(ep.field("urgency"), "urgency change", e.urgency, -1.0, 1.0);
            if e.headline.trim().is_empty() {
                self.error(
                    ep.field("headline"),
                    format!("event `{}` has no headline", e.id),
                );
            }
            for (k, effect) in e.effects.iter().enumerate() {
                self.effect(effect, &ep.field("effects").index(k));
            }
        }
    }

    fn effect(&mut self, effect: &Effect, p: &Path) {
        match effect {
            Effect::ShiftStance {
                member,
                clause,
                delta,
            } => {
                self.member_ref(p.field("member"), member);
                self.clause_ref(p.field("clause"), clause);
                self.range(p.field("delta"), "stance change", *delta, -2.0, 2.0);
            }
            Effect::ShiftWantsProduct { member, delta } => {
                self.member_ref(p.field("member"), member);
                self.range(p.field("delta"), "change", *delta, -2.0, 2.0);
            }
            Effect::LiftRedLine { member, red_line } => {
                if self.member_ref(p.field("member"), member) {
                    let ids: Vec<&str> = self
                        .s
                        .delegations
                        .iter()
                        .filter(|d| &d.member == member)
                        .flat_map(|d| d.red_lines.iter().map(|r| r.id.as_str()))
                        .collect();
                    if !ids.contains(&red_line.as_str()) {
                        self.unknown(p.field("red_line"), "red line", red_line, &ids, false);
                        if let Some(last) = self.problems.last_mut() {
                            last.message = format!("`{member}` has no red line `{red_line}`");
                        }
                    }
                }
            }
            Effect::ShiftRelationship {
                member,
                toward,
                delta,
            } => {
                self.member_ref(p.field("member"), member);
                self.member_ref(p.field("toward"), toward);
                self.range(p.field("delta"), "change", *delta, -2.0, 2.0);
            }
        }
    }

    fn triggers(&mut self) {
        let path = Path::root().field("triggers");
        self.duplicates(
            self.s
                .triggers
                .iter()
                .enumerate()
                .map(|(i, t)| (path.index(i).field("id"), t.id.as_str())),
            "trigger",
        );
        for (i, t) in self.s.triggers.iter().enumerate() {
            let tp = path.index(i);
            self.condition(&t.when, &tp.field("when"));
            if t.then.is_empty() {
                self.error(tp.field("then"), format!("trigger `{}` does nothing", t.id));
            }
            for (k, action) in t.then.iter().enumerate() {
                let ap = tp.field("then").index(k);
                match action {
                    Action::TableDraft(id) => {
                        self.draft_ref(ap.index(0), id);
                    }
                    Action::PutInBlue(id) | Action::CallVote(id) => {
                        if let Some(d) = self.draft_ref(ap.index(0), id)
                            && self.s.council.rules.needs_consensus(d.kind)
                        {
                            self.error_hint(
                                ap.clone(),
                                format!("`{}` is a {}, which is agreed by consensus, not voted", d.id, d.kind.name()),
                                "only drafts put to a vote go into blue; statements go under silence by themselves",
                            );
                        }
                    }
                    Action::FireEvent(id) => self.event_ref(ap.index(0), id),
                    Action::Announce(_) | Action::EndGame(_) => {}
                }
            }
        }
    }

    fn condition(&mut self, c: &Condition, p: &Path) {
        match c {
            Condition::FromDay(day) => self.day(p.index(0), *day),
            Condition::NoProductAdopted { by_day, .. } => self.day(p.field("by_day"), *by_day),
            Condition::ProductAdopted { .. } => {}
            Condition::DraftBlocked(id)
            | Condition::DraftAdopted(id)
            | Condition::DraftCirculated(id) => {
                self.draft_ref(p.index(0), id);
            }
            Condition::EventHappened(id) => self.event_ref(p.index(0), id),
            Condition::UrgencyAtLeast(u) => self.range(p.index(0), "urgency", *u, 0.0, 1.0),
            Condition::All(list) | Condition::Any(list) => {
                for (k, inner) in list.iter().enumerate() {
                    self.condition(inner, &p.index(0).index(k));
                }
            }
            Condition::Not(inner) => self.condition(inner, &p.index(0)),
        }
    }
}

/// The closest known id, if it is close enough to be a likely typo.
pub fn suggest<'k>(id: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = id.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&lower, &k.to_lowercase()), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn list(ids: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut out: Vec<String> = ids.iter().take(SHOWN).map(|s| format!("`{s}`")).collect();
    if ids.len() > SHOWN {
        out.push(format!("and {} more", ids.len() - SHOWN));
    }
    out.join(", ")
}

/// A `{...}` token other than `{its}`.
fn unknown_token(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let end = after.find('}').map(|e| e + 1).unwrap_or(after.len());
        let token = &after[..end];
        if token != "{its}" {
            return Some(token.to_string());
        }
        rest = &after[end..];
    }
    None
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    if y < 1000 || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days_in_month
}

/// Kinds mentioned by a condition or goal, for summaries.
pub fn kinds_label(kinds: &[ProductKind]) -> String {
    if kinds.is_empty() {
        "any product".into()
    } else {
        kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real_calendars() {
        assert!(is_iso_date("2012-11-14"));
        assert!(is_iso_date("2012-02-29"));
        assert!(!is_iso_date("2013-02-29"));
        assert!(!is_iso_date("2012-13-01"));
        assert!(!is_iso_date("14 Nov 2012"));
    }

    #[test]
    fn suggestions_catch_typos_and_ignore_strangers() {
        let known = ["ceasefire", "halt_rockets", "humanitarian_access"];
        assert_eq!(suggest("ceasfire", &known), Some("ceasefire"));
        assert_eq!(suggest("halt_rocket", &known), Some("halt_rockets"));
        assert_eq!(suggest("zzz", &known), None);
    }

    #[test]
    fn only_the_its_placeholder_is_known() {
        assert_eq!(unknown_token("expresses {its} concern"), None);
        assert_eq!(
            unknown_token("expresses {their} concern"),
            Some("{their}".into())
        );
        assert_eq!(unknown_token("broken {its"), Some("{its".into()));
    }
}
