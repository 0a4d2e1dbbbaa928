//! Each delegation: stances, red lines, veto stance, relationships,
//! objectives and script.

use std::collections::BTreeMap;

use super::{Validator, list};
use crate::scenario::locate::Path;
use crate::scenario::model::*;

impl<'a> Validator<'a> {
    pub(super) fn delegations(&mut self) {
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

    /// One delegation, part by part.
    fn delegation(&mut self, d: &'a Delegation, dp: &Path) {
        self.numbers(d, dp);
        self.stances(d, dp);
        self.red_lines(d, dp);
        if let Some(vs) = &d.veto_stance {
            self.veto_stance(d, vs, &dp.field("veto_stance"));
        }
        self.relationships(d, dp);
        for (i, o) in d.objectives.iter().enumerate() {
            self.goal(&o.goal, &dp.field("objectives").index(i).field("goal"));
        }

        if let Some(script) = &d.script {
            self.script(script, dp);
        }
    }

    /// Salience, the wish for a product and the personality, each in range.
    fn numbers(&mut self, d: &Delegation, dp: &Path) {
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
    }

    /// One value per wording of a known clause (or one for all), in range.
    fn stances(&mut self, d: &Delegation, dp: &Path) {
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
    }

    /// Red lines name known clauses and wordings, and say why.
    fn red_lines(&mut self, d: &Delegation, dp: &Path) {
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
    }

    /// A veto stance belongs to a veto holder and names its own red lines.
    fn veto_stance(&mut self, d: &Delegation, vs: &VetoStance, vp: &Path) {
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
        for (k, id) in vs.vetoes.iter().enumerate() {
            if d.red_lines.iter().any(|r| r.id == *id && r.abstain) {
                self.error(
                    vp.field("vetoes").index(k),
                    format!("red line `{id}` is vetoed but says `abstain: true`"),
                );
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

    /// Affinities toward known members (not itself), in range.
    fn relationships(&mut self, d: &Delegation, dp: &Path) {
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
    }

    /// A scripted decision fits its draft: silence for a statement, a vote
    /// for a resolution.
    fn script(&mut self, script: &Script, dp: &Path) {
        for (i, sd) in script.decisions.iter().enumerate() {
            let sp = dp.field("script").field("decisions").index(i);
            if let Some(draft) = self.draft_ref(sp.field("draft"), &sd.draft) {
                let consensus = self.s.council.rules.needs_consensus(draft.kind);
                let silence = matches!(sd.decision, Decision::BreakSilence | Decision::KeepSilence);
                if consensus != silence {
                    let hint = if consensus {
                        "a text agreed by consensus takes BreakSilence or KeepSilence"
                    } else {
                        "a text put to the vote takes Yes, No, Abstain or Absent"
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
            Goal::DraftSupported { draft, at_least } => {
                self.draft_ref(gp.field("draft"), draft);
                let members = self.s.council.members.len() as u32;
                if *at_least == 0 || *at_least > members {
                    self.error_hint(
                        gp.field("at_least"),
                        format!(
                            "`at_least: {at_least}` votes is not a goal for a Council of {members}"
                        ),
                        format!("use a number from 1 to {members}"),
                    );
                }
            }
            Goal::NoProductAdopted { .. } | Goal::AvoidVeto => {}
        }
    }
}
