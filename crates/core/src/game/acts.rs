//! A delegation's act, checked against the rules and carried out.
//!
//! Every act of every delegation, human or AI, goes through [`Game::apply`]:
//! it checks what is common to all acts (the seat, the phase, action
//! points), hands the act to the one function for its kind, then writes the
//! record and lets AI delegations answer what needs an answer at once. A
//! refused act changes nothing.

use super::Game;
use crate::ai::{self, Situation};
use crate::model::act::{Act, ActError};
use crate::model::compiled::{DraftId, SeatId};
use crate::model::draft::{Amendment, AmendmentState, Change, DraftState, DraftStatus, Text};
use crate::model::record::{PhaseName, What};
use crate::model::state::{Clock, Commitment, Controller, GameRng, Table};
use crate::scenario::Part;
use crate::text::{capitalise, country_in_sentence};

/// A change to delegations or the crisis, applied after the act is judged
/// (the judging borrows every delegation's disposition).
#[derive(Debug, Clone, PartialEq)]
enum Deferred {
    Commit {
        seat: SeatId,
        commitment: Commitment,
    },
    Goodwill {
        seat: SeatId,
        toward: SeatId,
        delta: f32,
    },
    Urgency(f32),
}

/// What an act works with: the situation it is judged in, the parts of the
/// game it may change, and what it leaves to record and apply.
struct Doing<'a> {
    seat: SeatId,
    sit: Situation<'a>,
    table: &'a mut Table,
    clock: &'a Clock,
    rng: &'a mut GameRng,
    log: Vec<What>,
    deferred: Vec<Deferred>,
}

impl Game {
    /// Carries out one act of one delegation (not a decision, see
    /// [`Game::command`]), then lets AI delegations answer what needs an
    /// answer (an amendment to their draft).
    pub fn apply(&mut self, seat: SeatId, act: &Act) -> Result<(), ActError> {
        if seat >= self.seat_count() {
            return Err(ActError::SelfTarget);
        }
        let in_negotiation = matches!(
            self.clock.phase,
            PhaseName::Consultations | PhaseName::Corridors
        );
        if !in_negotiation && !matches!(act, Act::EndTurn) {
            return Err(if act.is_decision() {
                ActError::WrongPhase("decision")
            } else {
                ActError::WrongPhase("consultations or corridors")
            });
        }
        if act.cost() > self.action_points(seat) {
            return Err(ActError::NoActionPoints);
        }
        if self.request_of_a_human(seat, act) {
            self.points[seat].left -= act.cost();
            return Ok(());
        }
        if let Act::ProposeMotion { motion, reason } = act {
            self.move_motion(seat, *motion, reason)?;
            self.points[seat].left -= act.cost();
            return Ok(());
        }
        if let Act::TableDraft {
            title,
            text,
            reason,
        } = act
        {
            self.table_new_draft(seat, title, text, reason)?;
            self.points[seat].left -= act.cost();
            return Ok(());
        }
        let (log, deferred) = {
            let mut doing = Doing {
                seat,
                sit: situation!(self),
                table: &mut self.table,
                clock: &self.clock,
                rng: &mut self.rng,
                log: Vec::new(),
                deferred: Vec::new(),
            };
            doing.act(act)?;
            (doing.log, doing.deferred)
        };
        self.points[seat].left -= act.cost();
        for what in log {
            self.log(what);
        }
        self.apply_deferred(deferred);
        if matches!(
            act,
            Act::Revise { .. } | Act::AnswerAmendment { accept: true, .. }
        ) {
            self.review_promises();
        }
        if let Act::PressRemarks {
            about: Some(target),
            ..
        } = act
        {
            self.press_effects(seat, *target);
        }
        if matches!(act, Act::EndTurn)
            && let Some(done) = self.turns.done.get_mut(seat)
        {
            *done = true;
        }
        self.follow_up(seat, act);
        Ok(())
    }

    /// A human delegation answers for itself: lobbying it or offering it a
    /// trade puts the request before it, with no automatic answer. Returns
    /// whether `act` was such a request (and records it).
    fn request_of_a_human(&mut self, seat: SeatId, act: &Act) -> bool {
        let (Act::Lobby { target, draft }
        | Act::OfferTrade {
            target, get: draft, ..
        }) = act
        else {
            return false;
        };
        let sc = self.scenario.clone();
        let live = self
            .table
            .drafts
            .get(*draft)
            .is_some_and(|d| d.status.is_live());
        if *target == seat
            || *target >= sc.seat_count()
            || self.controller(*target) != Controller::Human
            || !live
        {
            return false;
        }
        let in_return_for = match act {
            Act::OfferTrade { give, .. } => Some(self.table.code(*give)),
            _ => None,
        };
        self.log(What::Requested {
            by: sc.code(seat).to_string(),
            target: sc.code(*target).to_string(),
            draft: self.table.code(*draft),
            in_return_for,
        });
        true
    }

    fn apply_deferred(&mut self, deferred: Vec<Deferred>) {
        for d in deferred {
            match d {
                Deferred::Commit { seat, commitment } => {
                    let disp = &mut self.dispositions[seat];
                    if !disp.commitments.contains(&commitment) {
                        disp.commitments.push(commitment);
                    }
                }
                Deferred::Goodwill {
                    seat,
                    toward,
                    delta,
                } => {
                    let disp = &mut self.dispositions[seat];
                    disp.goodwill[toward] = (disp.goodwill[toward] + delta).clamp(-0.6, 0.6);
                }
                Deferred::Urgency(delta) => {
                    self.crisis.urgency = (self.crisis.urgency + delta).clamp(0.0, 1.0);
                }
            }
        }
    }

    /// AI penholders answer amendments at once; an AI proposer may then
    /// press a refused amendment to a resolution to a vote. Both answers are
    /// acts of their own, through [`Game::apply`].
    fn follow_up(&mut self, seat: SeatId, act: &Act) {
        match act {
            Act::ProposeAmendment { draft, .. } => {
                let d = &self.table.drafts[*draft];
                let pen = d.penholder;
                if self.controller(pen) != Controller::Ai {
                    return;
                }
                let Some(amendment) = d.amendments.last() else {
                    return;
                };
                let (accept, reason) = ai::corridors::answer_amendment(
                    &self.situation(),
                    pen,
                    d,
                    seat,
                    amendment.change,
                );
                let answer = Act::AnswerAmendment {
                    draft: *draft,
                    amendment: amendment.id,
                    accept,
                    reason,
                };
                let _ = self.apply(pen, &answer);
            }
            Act::AnswerAmendment {
                draft,
                amendment,
                accept: false,
                ..
            } => {
                let d = &self.table.drafts[*draft];
                let Some(by) = d
                    .amendments
                    .iter()
                    .find(|a| a.id == *amendment)
                    .map(|a| a.by)
                else {
                    return;
                };
                if self.controller(by) != Controller::Ai
                    || !ai::corridors::insists(&self.situation(), by, d, *amendment)
                {
                    return;
                }
                let insist = Act::InsistOnAmendment {
                    draft: *draft,
                    amendment: *amendment,
                };
                let _ = self.apply(by, &insist);
            }
            _ => {}
        }
    }

    /// Circulates a draft from the drawer, as its penholder would, outside
    /// any act (the scenario's schedule or a trigger).
    pub(super) fn table_draft(&mut self, draft: DraftId, reason: &str) {
        if self.table.drafts[draft].status != DraftStatus::InDrawer {
            return;
        }
        let sit = situation!(self);
        let what = circulate(&sit, &mut self.table.drafts[draft], self.clock.day, reason);
        super::log(&mut self.record, &self.clock, what);
    }
}

impl Doing<'_> {
    /// The one function for each kind of act.
    fn act(&mut self, act: &Act) -> Result<(), ActError> {
        match act {
            Act::Circulate { draft } => self.circulate(*draft),
            Act::Revise {
                draft,
                text,
                reason,
            } => self.revise(*draft, text, reason),
            Act::ProposeAmendment {
                draft,
                change,
                reason,
            } => self.propose_amendment(*draft, *change, reason),
            Act::AnswerAmendment {
                draft,
                amendment,
                accept,
                reason,
            } => self.answer_amendment(*draft, *amendment, *accept, reason),
            Act::InsistOnAmendment { draft, amendment } => {
                self.insist_on_amendment(*draft, *amendment)
            }
            Act::Lobby { target, draft } => self.lobby(*target, *draft),
            Act::OfferTrade { target, give, get } => self.offer_trade(*target, *give, *get),
            Act::CoSponsor { draft, reason } => self.co_sponsor(*draft, reason),
            Act::PressRemarks { about, remarks } => self.press_remarks(*about, remarks),
            Act::PutUnderSilence { draft, reason } => self.put_under_silence(*draft, reason),
            Act::PutInBlue { draft, reason } => self.put_in_blue(*draft, reason),
            Act::RequestVote { draft, reason } => self.request_vote(*draft, reason),
            Act::Withdraw { draft } => self.withdraw(*draft),
            Act::EndTurn => Ok(()),
            // Carried out by `Game::move_motion` and `Game::table_new_draft`
            // before an act gets here.
            Act::ProposeMotion { .. } | Act::TableDraft { .. } => Ok(()),
            Act::Silence { .. } | Act::CastVote { .. } => Err(ActError::WrongPhase("decision")),
        }
    }

    fn code(&self, seat: SeatId) -> String {
        self.sit.sc.code(seat).to_string()
    }

    fn draft(&mut self, id: DraftId) -> Result<&mut DraftState, ActError> {
        self.table.drafts.get_mut(id).ok_or(ActError::NoSuchDraft)
    }

    /// The draft, if this seat holds its pen.
    fn own_draft(&mut self, id: DraftId) -> Result<&mut DraftState, ActError> {
        let seat = self.seat;
        let d = self.draft(id)?;
        if d.penholder != seat {
            return Err(ActError::NotPenholder);
        }
        Ok(d)
    }

    fn circulate(&mut self, draft: DraftId) -> Result<(), ActError> {
        let day = self.clock.day;
        let d = self.own_draft(draft)?;
        if d.status != DraftStatus::InDrawer {
            return Err(ActError::AlreadyDone);
        }
        let d = &mut self.table.drafts[draft];
        let what = circulate(&self.sit, d, day, "the penholder circulates it");
        self.log.push(what);
        Ok(())
    }

    fn revise(&mut self, draft: DraftId, text: &Text, reason: &str) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let d = self.own_draft(draft)?;
        open_for_changes(d.status)?;
        if text.clauses.is_empty() {
            return Err(ActError::EmptyText);
        }
        let fits = |&(c, w): &(usize, u8)| c < sc.clause_count() && w < sc.wordings[c];
        if text.kind != d.kind() || !text.clauses.iter().all(fits) {
            return Err(ActError::ChangeDoesNotFit);
        }
        if text.clauses.iter().any(|&(c, _)| !self.sit.available(c)) {
            return Err(ActError::ClauseNotAvailable);
        }
        let d = &mut self.table.drafts[draft];
        if text == d.text() {
            return Err(ActError::AlreadyDone);
        }
        let changes = describe_changes(&self.sit, d.text(), text);
        d.versions.push(text.clone());
        if matches!(d.status, DraftStatus::Blocked { .. }) {
            d.status = DraftStatus::OnTable;
        }
        lapse_stale_amendments(d, &sc.parts);
        self.log
            .push(circulated_entry(&self.sit, d, changes, reason.to_string()));
        Ok(())
    }

    fn propose_amendment(
        &mut self,
        draft: DraftId,
        change: Change,
        reason: &str,
    ) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let seat = self.seat;
        let d = self.draft(draft)?;
        open_for_changes(d.status)?;
        if d.penholder == seat {
            return Err(ActError::NotPenholder);
        }
        if change.clause() >= sc.clause_count() {
            return Err(ActError::ChangeDoesNotFit);
        }
        if !self.sit.available(change.clause()) {
            return Err(ActError::ClauseNotAvailable);
        }
        if let Change::Add { clause, wording } | Change::Reword { clause, wording } = change
            && wording >= sc.wordings[clause]
        {
            return Err(ActError::ChangeDoesNotFit);
        }
        let d = &self.table.drafts[draft];
        if d.text().with(change, &sc.parts).is_none() {
            return Err(ActError::ChangeDoesNotFit);
        }
        let again = |a: &Amendment| {
            a.by == seat && a.change == change && a.state == AmendmentState::Proposed
        };
        if d.amendments.iter().any(again) {
            return Err(ActError::AlreadyDone);
        }
        let id = self.table.next_amendment_id();
        let day = self.clock.day;
        self.table.drafts[draft].amendments.push(Amendment {
            id,
            by: seat,
            change,
            day,
            state: AmendmentState::Proposed,
            refused: false,
        });
        self.log.push(What::AmendmentProposed {
            draft: self.table.code(draft),
            by: self.code(seat),
            amendment: id,
            change: change.describe(sc),
            reason: reason.to_string(),
        });
        Ok(())
    }

    fn answer_amendment(
        &mut self,
        draft: DraftId,
        amendment: usize,
        accept: bool,
        reason: &str,
    ) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let seat = self.seat;
        let d = self.own_draft(draft)?;
        open_for_changes(d.status)?;
        let a = d
            .amendments
            .iter()
            .position(|a| a.id == amendment)
            .ok_or(ActError::NoSuchAmendment)?;
        if d.amendments[a].state != AmendmentState::Proposed {
            return Err(ActError::AlreadyDone);
        }
        let answered = What::AmendmentAnswered {
            draft: self.table.code(draft),
            penholder: self.code(seat),
            amendment,
            accepted: accept,
            reason: reason.to_string(),
        };
        let d = &mut self.table.drafts[draft];
        if !accept {
            d.amendments[a].state = AmendmentState::Rejected;
            d.amendments[a].refused = true;
            self.log.push(answered);
            return Ok(());
        }
        let (change, by) = (d.amendments[a].change, d.amendments[a].by);
        let Some(text) = d.text().with(change, &sc.parts) else {
            d.amendments[a].state = AmendmentState::Lapsed;
            return Err(ActError::ChangeDoesNotFit);
        };
        d.amendments[a].state = AmendmentState::Accepted;
        let changes = describe_changes(&self.sit, d.text(), &text);
        d.versions.push(text);
        // Others' amendments making the same change are now moot.
        lapse_stale_amendments(d, &sc.parts);
        if matches!(d.status, DraftStatus::Blocked { .. }) {
            d.status = DraftStatus::OnTable;
        }
        self.log.push(answered);
        let why = format!(
            "amendment {amendment} by {}",
            country_in_sentence(sc.name(by))
        );
        self.log.push(circulated_entry(&self.sit, d, changes, why));
        // The proposer remembers the favour.
        self.deferred.push(Deferred::Goodwill {
            seat: by,
            toward: seat,
            delta: 0.1,
        });
        Ok(())
    }

    /// Any member may press its own amendment to a resolution to a vote,
    /// whether the penholder refused it or never answered: a penholder
    /// cannot bury an amendment by silence.
    fn insist_on_amendment(&mut self, draft: DraftId, amendment: usize) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let seat = self.seat;
        let d = self.draft(draft)?;
        if sc.rules.needs_consensus(d.kind()) {
            return Err(ActError::NotAResolution);
        }
        if !d.status.is_live() {
            return Err(ActError::DraftNotOpen(d.status.label()));
        }
        let title = d.title.clone();
        let a = d
            .amendments
            .iter_mut()
            .find(|a| a.id == amendment)
            .ok_or(ActError::NoSuchAmendment)?;
        if a.by != seat {
            return Err(ActError::SelfTarget);
        }
        if !matches!(a.state, AmendmentState::Rejected | AmendmentState::Proposed) {
            return Err(ActError::AlreadyDone);
        }
        a.state = AmendmentState::ToVote;
        self.log.push(What::Announcement {
            text: format!(
                "{} asks for its amendment {amendment} to \"{title}\" to be put to the vote.",
                capitalise(&country_in_sentence(sc.name(seat))),
            ),
        });
        Ok(())
    }

    fn lobby(&mut self, target: SeatId, draft: DraftId) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let seat = self.seat;
        if target == seat || target >= sc.seat_count() {
            return Err(ActError::SelfTarget);
        }
        let d = self.table.drafts.get(draft).ok_or(ActError::NoSuchDraft)?;
        if !d.status.is_live() {
            return Err(ActError::DraftNotOpen(d.status.label()));
        }
        let promised = |c: &Commitment| c.draft == draft;
        if self.sit.disp[target].commitments.iter().any(promised) {
            return Err(ActError::AlreadyDone);
        }
        let version = d.version();
        let (agreed, reason) =
            ai::corridors::answer_lobby(&self.sit, target, seat, d, &mut self.rng.0);
        self.log.push(What::Lobbied {
            by: self.code(seat),
            target: self.code(target),
            draft: self.table.code(draft),
            agreed,
            reason,
        });
        if agreed {
            self.deferred.push(Deferred::Commit {
                seat: target,
                commitment: Commitment {
                    draft,
                    to: seat,
                    version,
                },
            });
            // The lobbyist now owes the target a favour.
            self.deferred.push(Deferred::Goodwill {
                seat,
                toward: target,
                delta: 0.15,
            });
        }
        Ok(())
    }

    fn offer_trade(&mut self, target: SeatId, give: DraftId, get: DraftId) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let seat = self.seat;
        if target == seat || target >= sc.seat_count() {
            return Err(ActError::SelfTarget);
        }
        let g = self.table.drafts.get(give).ok_or(ActError::NoSuchDraft)?;
        let t = self.table.drafts.get(get).ok_or(ActError::NoSuchDraft)?;
        for d in [g, t] {
            if !d.status.is_live() {
                return Err(ActError::DraftNotOpen(d.status.label()));
            }
        }
        if give == get {
            return Err(ActError::ChangeDoesNotFit);
        }
        let (accepted, reason) = ai::corridors::answer_trade(&self.sit, target, seat, g, t);
        let (give_version, get_version) = (g.version(), t.version());
        self.log.push(What::TradeOffered {
            by: self.code(seat),
            target: self.code(target),
            give: self.table.code(give),
            get: self.table.code(get),
            accepted,
            reason,
        });
        if accepted {
            self.deferred.push(Deferred::Commit {
                seat,
                commitment: Commitment {
                    draft: give,
                    to: target,
                    version: give_version,
                },
            });
            self.deferred.push(Deferred::Commit {
                seat: target,
                commitment: Commitment {
                    draft: get,
                    to: seat,
                    version: get_version,
                },
            });
        }
        Ok(())
    }

    fn co_sponsor(&mut self, draft: DraftId, reason: &str) -> Result<(), ActError> {
        let seat = self.seat;
        let d = self.draft(draft)?;
        if !d.status.is_live() {
            return Err(ActError::DraftNotOpen(d.status.label()));
        }
        if d.sponsors_or_pen(seat) {
            return Err(ActError::AlreadyDone);
        }
        d.sponsors.push(seat);
        let penholder = d.penholder;
        self.log.push(What::CoSponsored {
            by: self.code(seat),
            draft: self.table.code(draft),
            reason: reason.to_string(),
        });
        self.deferred.push(Deferred::Goodwill {
            seat: penholder,
            toward: seat,
            delta: 0.1,
        });
        Ok(())
    }

    /// Words to the press; what they do to the member they name is
    /// [`Game::press_effects`]'s, which reads the record.
    fn press_remarks(&mut self, about: Option<SeatId>, remarks: &str) -> Result<(), ActError> {
        let seat = self.seat;
        if about == Some(seat) || about.is_some_and(|t| t >= self.sit.sc.seat_count()) {
            return Err(ActError::SelfTarget);
        }
        self.log.push(What::PressRemarks {
            by: self.code(seat),
            remarks: remarks.to_string(),
            about: about.map(|t| self.code(t)),
        });
        self.deferred.push(Deferred::Urgency(0.03));
        Ok(())
    }

    fn put_under_silence(&mut self, draft: DraftId, reason: &str) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let d = self.own_draft(draft)?;
        if !sc.rules.needs_consensus(d.kind()) {
            return Err(ActError::NotAStatement);
        }
        open_for_changes(d.status)?;
        d.status = DraftStatus::UnderSilence;
        d.silence_attempts += 1;
        let version = d.version();
        self.log.push(What::UnderSilence {
            draft: self.table.code(draft),
            version,
            by: self.code(self.seat),
            reason: reason.to_string(),
        });
        Ok(())
    }

    fn put_in_blue(&mut self, draft: DraftId, reason: &str) -> Result<(), ActError> {
        let sc = self.sit.sc;
        let day = self.clock.day;
        let d = self.own_draft(draft)?;
        if sc.rules.needs_consensus(d.kind()) {
            return Err(ActError::NotAResolution);
        }
        open_for_changes(d.status)?;
        d.status = DraftStatus::InBlue { since_day: day };
        let version = d.version();
        self.log.push(What::PutInBlue {
            draft: self.table.code(draft),
            version,
            by: self.code(self.seat),
            reason: reason.to_string(),
        });
        Ok(())
    }

    fn request_vote(&mut self, draft: DraftId, reason: &str) -> Result<(), ActError> {
        let seat = self.seat;
        // On the crisis's last day the President may call the vote on a
        // text left in blue, so that the Council does not end undecided.
        let last_day = self.clock.day >= self.clock.days || self.clock.ending.is_some();
        let chair = seat == self.sit.sc.presidency && last_day;
        let d = self.draft(draft)?;
        if !d.sponsors_or_pen(seat) && !chair {
            return Err(ActError::NotPenholder);
        }
        if !matches!(d.status, DraftStatus::InBlue { .. }) {
            return Err(ActError::NotInBlueYet);
        }
        if d.vote_requested {
            return Err(ActError::AlreadyDone);
        }
        d.vote_requested = true;
        self.log.push(What::VoteRequested {
            draft: self.table.code(draft),
            by: self.code(seat),
            reason: reason.to_string(),
        });
        Ok(())
    }

    fn withdraw(&mut self, draft: DraftId) -> Result<(), ActError> {
        let day = self.clock.day;
        let d = self.own_draft(draft)?;
        if !d.status.is_live() {
            return Err(ActError::DraftNotOpen(d.status.label()));
        }
        d.status = DraftStatus::Withdrawn { day };
        let title = d.title.clone();
        let name = capitalise(&country_in_sentence(self.sit.sc.name(self.seat)));
        self.log.push(What::Announcement {
            text: format!("{name} withdraws \"{title}\"."),
        });
        Ok(())
    }
}

fn open_for_changes(status: DraftStatus) -> Result<(), ActError> {
    match status {
        DraftStatus::OnTable | DraftStatus::Blocked { .. } => Ok(()),
        other => Err(ActError::DraftNotOpen(other.label())),
    }
}

/// Proposed amendments that no longer fit the current text (their clause
/// changed, or the text already says what they propose) lapse.
fn lapse_stale_amendments(d: &mut DraftState, parts: &[Part]) {
    let text = d.text().clone();
    for a in d.amendments.iter_mut() {
        if a.state == AmendmentState::Proposed
            && text.with(a.change, parts).is_none_or(|t| t == text)
        {
            a.state = AmendmentState::Lapsed;
        }
    }
}

/// Puts a draft on the table; returns its record entry.
fn circulate(sit: &Situation, d: &mut DraftState, day: u32, reason: &str) -> What {
    d.status = DraftStatus::OnTable;
    d.circulated_day = Some(day);
    circulated_entry(sit, d, Vec::new(), reason.to_string())
}

pub(super) fn circulated_entry(
    sit: &Situation,
    d: &DraftState,
    changes: Vec<String>,
    reason: String,
) -> What {
    let sc = sit.sc;
    What::Circulated {
        draft: d.code.clone(),
        title: d.title.clone(),
        kind: d.kind(),
        penholder: sc.code(d.penholder).to_string(),
        version: d.version(),
        clauses: d
            .text()
            .clauses
            .iter()
            .map(|&(c, w)| (sc.clause(c).id.clone(), w))
            .collect(),
        text: d.text().plain(sc, &d.title),
        changes,
        reason,
    }
}

/// The changes between two versions, in words.
pub fn describe_changes(sit: &Situation, from: &Text, to: &Text) -> Vec<String> {
    let sc = sit.sc;
    let mut out = Vec::new();
    for &(clause, wording) in &to.clauses {
        match from.wording_of(clause) {
            None => out.push(Change::Add { clause, wording }.describe(sc)),
            Some(old) if old != wording => {
                out.push(Change::Reword { clause, wording }.describe(sc))
            }
            _ => {}
        }
    }
    for &(clause, _) in &from.clauses {
        if to.wording_of(clause).is_none() {
            out.push(Change::Delete { clause }.describe(sc));
        }
    }
    out
}
