//! The Council's decision rules: who must agree for a text to pass.
//!
//! Plain functions over plain data, with no Bevy in sight, so that they can be
//! tested exhaustively and used by the game systems, the AI and the tools alike.
//! UN Charter article 27; Provisional Rules of Procedure, rules 30 to 36.

pub mod power;

use serde::{Deserialize, Serialize};

/// The products of the Council, from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProductKind {
    PressStatement,
    PresidentialStatement,
    Resolution,
}

impl ProductKind {
    pub const ALL: [ProductKind; 3] = [
        ProductKind::PressStatement,
        ProductKind::PresidentialStatement,
        ProductKind::Resolution,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ProductKind::PressStatement => "press statement",
            ProductKind::PresidentialStatement => "presidential statement",
            ProductKind::Resolution => "resolution",
        }
    }
}

/// A procedural decision a crisis brings before the Council: voted with the
/// procedural quota, and no veto applies (Charter article 27(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Motion {
    /// Put the crisis on the Council's agenda.
    AdoptAgenda,
    /// Discuss it in a public meeting rather than closed consultations.
    PublicMeeting,
    /// An open debate, where any member of the United Nations may speak.
    OpenDebate,
}

impl Motion {
    pub const ALL: [Motion; 3] = [
        Motion::AdoptAgenda,
        Motion::PublicMeeting,
        Motion::OpenDebate,
    ];

    /// What the Council decides if it adopts the motion, after "to".
    pub fn describe(self) -> &'static str {
        match self {
            Motion::AdoptAgenda => "adopt the agenda and take up the crisis",
            Motion::PublicMeeting => "hold a public meeting on the crisis",
            Motion::OpenDebate => {
                "hold an open debate, where any member of the United Nations may speak"
            }
        }
    }

    /// A short title: "an open debate".
    pub fn name(self) -> &'static str {
        match self {
            Motion::AdoptAgenda => "the adoption of the agenda",
            Motion::PublicMeeting => "a public meeting",
            Motion::OpenDebate => "an open debate",
        }
    }
}

/// The decision rules of a Council, as scenario data, so that a reformed or a
/// historical Council (11 members, quota 7) can be described.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRules {
    /// Affirmative votes needed to adopt a substantive decision (9 of 15).
    pub quota: u32,
    /// Affirmative votes needed on a procedural matter; no veto applies.
    /// Defaults to `quota`.
    #[serde(default)]
    pub procedural_quota: Option<u32>,
    /// Member codes whose negative vote defeats a substantive decision.
    pub veto_holders: Vec<String>,
    /// Products agreed by consensus (silence procedure) instead of by vote.
    #[serde(default = "default_consensus")]
    pub consensus: Vec<ProductKind>,
}

fn default_consensus() -> Vec<ProductKind> {
    vec![
        ProductKind::PressStatement,
        ProductKind::PresidentialStatement,
    ]
}

impl DecisionRules {
    /// The 1965-onward Council: 9 votes, the five permanent members' veto,
    /// statements by consensus.
    pub fn un_charter(veto_holders: &[&str]) -> Self {
        Self {
            quota: 9,
            procedural_quota: None,
            veto_holders: veto_holders.iter().map(|s| s.to_string()).collect(),
            consensus: default_consensus(),
        }
    }

    pub fn needs_consensus(&self, kind: ProductKind) -> bool {
        self.consensus.contains(&kind)
    }

    pub fn is_veto_holder(&self, code: &str) -> bool {
        self.veto_holders.iter().any(|v| v == code)
    }

    pub fn procedural_quota(&self) -> u32 {
        self.procedural_quota.unwrap_or(self.quota)
    }
}

/// A member's vote. Not taking part in the vote counts as absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Vote {
    Yes,
    No,
    Abstain,
    Absent,
}

impl Vote {
    pub fn name(self) -> &'static str {
        match self {
            Vote::Yes => "yes",
            Vote::No => "no",
            Vote::Abstain => "abstains",
            Vote::Absent => "absent",
        }
    }
}

/// Substantive decisions are subject to the veto; procedural ones are not (art. 27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Matter {
    Substantive,
    Procedural,
}

/// The count of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub absent: u32,
}

impl std::fmt::Display for Tally {
    /// The UN's way of writing a result: yes-no-abstentions.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}-{}", self.yes, self.no, self.abstain)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteOutcome {
    Adopted,
    /// Fewer affirmative votes than the quota. Negative votes of veto holders
    /// are listed but, as in UN practice, do not count as a veto then.
    FailedQuota {
        negative_veto_holders: Vec<String>,
    },
    /// Enough votes, but a veto holder voted no.
    Vetoed {
        by: Vec<String>,
    },
}

impl VoteOutcome {
    pub fn adopted(&self) -> bool {
        matches!(self, VoteOutcome::Adopted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResult {
    pub tally: Tally,
    pub quota: u32,
    pub outcome: VoteOutcome,
}

/// Counts a vote and applies article 27: a substantive decision needs the
/// quota of affirmative votes and no negative vote from a veto holder;
/// abstention and absence are never vetoes; procedural votes have no veto.
pub fn decide_vote<'a>(
    rules: &DecisionRules,
    matter: Matter,
    votes: impl IntoIterator<Item = (&'a str, Vote)>,
) -> VoteResult {
    let mut tally = Tally::default();
    let mut negative_veto_holders = Vec::new();
    for (member, vote) in votes {
        match vote {
            Vote::Yes => tally.yes += 1,
            Vote::No => {
                tally.no += 1;
                if rules.is_veto_holder(member) {
                    negative_veto_holders.push(member.to_string());
                }
            }
            Vote::Abstain => tally.abstain += 1,
            Vote::Absent => tally.absent += 1,
        }
    }
    let quota = match matter {
        Matter::Substantive => rules.quota,
        Matter::Procedural => rules.procedural_quota(),
    };
    let outcome = if tally.yes < quota {
        VoteOutcome::FailedQuota {
            negative_veto_holders: match matter {
                Matter::Substantive => negative_veto_holders,
                Matter::Procedural => Vec::new(),
            },
        }
    } else if matter == Matter::Substantive && !negative_veto_holders.is_empty() {
        VoteOutcome::Vetoed {
            by: negative_veto_holders,
        }
    } else {
        VoteOutcome::Adopted
    };
    VoteResult {
        tally,
        quota,
        outcome,
    }
}

/// The result of a silence procedure: a text is agreed unless someone breaks silence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SilenceOutcome {
    Agreed,
    Broken { by: Vec<String> },
}

impl SilenceOutcome {
    pub fn agreed(&self) -> bool {
        matches!(self, SilenceOutcome::Agreed)
    }
}

/// Consensus under silence procedure: one broken silence blocks the text.
pub fn decide_silence<'a>(breakers: impl IntoIterator<Item = &'a str>) -> SilenceOutcome {
    let by: Vec<String> = breakers.into_iter().map(str::to_string).collect();
    if by.is_empty() {
        SilenceOutcome::Agreed
    } else {
        SilenceOutcome::Broken { by }
    }
}

/// What an amendment does to a draft, for ordering votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmendmentChange {
    /// Deletes a clause that has `wording` as its current wording.
    Delete { wording: u32 },
    /// Changes a clause's wording from one strength to another.
    Reword { from: u32, to: u32 },
    /// Adds a clause at a given strength.
    Add { wording: u32 },
}

impl AmendmentChange {
    /// How far the amendment departs in substance from the text as drafted:
    /// a deletion removes all of the clause's strength (at least 1, even at
    /// its weakest wording), an addition adds its strength (at least 1), a
    /// rewording moves it by the difference (at least 1: a rewording always
    /// changes something).
    pub fn distance(self) -> u32 {
        match self {
            AmendmentChange::Delete { wording } => wording + 1,
            AmendmentChange::Reword { from, to } => from.abs_diff(to).max(1),
            AmendmentChange::Add { wording } => wording + 1,
        }
    }

    /// Whether it adds to or deletes from the text (rule 36 votes these
    /// first), rather than rewording what is there.
    pub fn adds_or_deletes(self) -> bool {
        !matches!(self, AmendmentChange::Reword { .. })
    }
}

/// Rule 36 of the Provisional Rules of Procedure: amendments are voted
/// before the proposal they amend; an amendment that adds to or deletes
/// from the text is voted first; otherwise the one furthest removed in
/// substance from the original goes first, then the next furthest. Ties keep
/// the order in which the amendments were submitted. Returns indices into
/// `amendments`; the draft itself is voted after all of them.
pub fn amendment_voting_order(amendments: &[AmendmentChange]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..amendments.len()).collect();
    // A stable sort keeps submission order among equals.
    order.sort_by_key(|&i| {
        let a = amendments[i];
        (!a.adds_or_deletes(), std::cmp::Reverse(a.distance()))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const P5: [&str; 5] = ["CHN", "FRA", "RUS", "GBR", "USA"];
    const ELECTED: [&str; 10] = [
        "AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT", "ZAF", "TGO",
    ];

    fn council() -> DecisionRules {
        DecisionRules::un_charter(&P5)
    }

    /// Builds a 15-member ballot: everyone votes yes except those listed.
    fn ballot(no: &[&'static str], abstain: &[&'static str]) -> Vec<(&'static str, Vote)> {
        P5.iter()
            .chain(ELECTED.iter())
            .map(|&m| {
                let v = if no.contains(&m) {
                    Vote::No
                } else if abstain.contains(&m) {
                    Vote::Abstain
                } else {
                    Vote::Yes
                };
                (m, v)
            })
            .collect()
    }

    #[test]
    fn libya_1973_is_adopted_10_0_5_with_two_permanent_abstentions() {
        let r = decide_vote(
            &council(),
            Matter::Substantive,
            ballot(&[], &["CHN", "RUS", "IND", "DEU", "ZAF"]),
        );
        assert_eq!(r.tally.to_string(), "10-0-5");
        assert_eq!(r.outcome, VoteOutcome::Adopted);
    }

    #[test]
    fn syria_2011_fails_9_2_4_by_double_veto() {
        let r = decide_vote(
            &council(),
            Matter::Substantive,
            ballot(&["CHN", "RUS"], &["IND", "ZAF", "PAK", "MAR"]),
        );
        assert_eq!(r.tally.to_string(), "9-2-4");
        assert_eq!(
            r.outcome,
            VoteOutcome::Vetoed {
                by: vec!["CHN".into(), "RUS".into()]
            }
        );
    }

    #[test]
    fn settlements_2011_fails_14_1_0_by_one_veto() {
        let r = decide_vote(&council(), Matter::Substantive, ballot(&["USA"], &[]));
        assert_eq!(r.tally.to_string(), "14-1-0");
        assert_eq!(
            r.outcome,
            VoteOutcome::Vetoed {
                by: vec!["USA".into()]
            }
        );
    }

    #[test]
    fn crimea_2014_is_vetoed_13_1_1_with_an_abstention_that_is_no_veto() {
        let r = decide_vote(&council(), Matter::Substantive, ballot(&["RUS"], &["CHN"]));
        assert_eq!(r.tally.to_string(), "13-1-1");
        assert_eq!(
            r.outcome,
            VoteOutcome::Vetoed {
                by: vec!["RUS".into()]
            }
        );
    }

    #[test]
    fn resolution_2334_is_adopted_14_0_1_with_the_united_states_abstaining() {
        let r = decide_vote(&council(), Matter::Substantive, ballot(&[], &["USA"]));
        assert_eq!(r.tally.to_string(), "14-0-1");
        assert!(r.outcome.adopted());
    }

    #[test]
    fn eight_votes_fail_8_0_7_without_any_veto() {
        let r = decide_vote(
            &council(),
            Matter::Substantive,
            ballot(&[], &["CHN", "FRA", "AZE", "COL", "DEU", "GTM", "IND"]),
        );
        assert_eq!(r.tally.to_string(), "8-0-7");
        assert_eq!(
            r.outcome,
            VoteOutcome::FailedQuota {
                negative_veto_holders: vec![]
            }
        );
    }

    #[test]
    fn a_permanent_no_on_a_draft_short_of_nine_votes_is_not_a_veto() {
        let r = decide_vote(
            &council(),
            Matter::Substantive,
            ballot(
                &["USA", "GBR"],
                &["FRA", "DEU", "PRT", "COL", "GTM", "TGO", "AZE"],
            ),
        );
        assert_eq!(r.tally.to_string(), "6-2-7");
        assert_eq!(
            r.outcome,
            VoteOutcome::FailedQuota {
                negative_veto_holders: vec!["GBR".into(), "USA".into()]
            }
        );
    }

    #[test]
    fn absence_of_a_permanent_member_is_not_a_veto() {
        let mut votes = ballot(&[], &[]);
        votes[4].1 = Vote::Absent; // USA
        let r = decide_vote(&council(), Matter::Substantive, votes);
        assert_eq!(r.tally.yes, 14);
        assert_eq!(r.tally.absent, 1);
        assert!(r.outcome.adopted());
    }

    #[test]
    fn exactly_the_quota_adopts_and_one_less_fails() {
        let nine = ballot(&[], &["AZE", "COL", "DEU", "GTM", "IND", "MAR"]);
        assert!(
            decide_vote(&council(), Matter::Substantive, nine)
                .outcome
                .adopted()
        );
        let eight = ballot(&[], &["AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK"]);
        assert!(
            !decide_vote(&council(), Matter::Substantive, eight)
                .outcome
                .adopted()
        );
    }

    #[test]
    fn procedural_votes_ignore_the_veto() {
        let r = decide_vote(
            &council(),
            Matter::Procedural,
            ballot(&["CHN", "RUS", "USA"], &[]),
        );
        assert_eq!(r.tally.to_string(), "12-3-0");
        assert!(r.outcome.adopted());
    }

    #[test]
    fn procedural_quota_can_differ_from_the_substantive_one() {
        let mut rules = council();
        rules.procedural_quota = Some(10);
        let nine = ballot(&["USA"], &["AZE", "COL", "DEU", "GTM", "IND"]);
        let r = decide_vote(&rules, Matter::Procedural, nine);
        assert_eq!(r.quota, 10);
        assert!(!r.outcome.adopted());
    }

    #[test]
    fn the_pre_1965_council_adopts_with_seven_of_eleven() {
        let rules = DecisionRules {
            quota: 7,
            ..council()
        };
        let eleven: Vec<(&str, Vote)> = P5
            .iter()
            .map(|&m| (m, Vote::Yes))
            .chain(["A", "B"].map(|m| (m, Vote::Yes)))
            .chain(["C", "D", "E", "F"].map(|m| (m, Vote::Abstain)))
            .collect();
        let r = decide_vote(&rules, Matter::Substantive, eleven);
        assert_eq!(r.tally.to_string(), "7-0-4");
        assert!(r.outcome.adopted());
    }

    #[test]
    fn one_broken_silence_blocks_a_statement() {
        assert!(decide_silence([]).agreed());
        assert_eq!(
            decide_silence(["USA"]),
            SilenceOutcome::Broken {
                by: vec!["USA".into()]
            }
        );
    }

    #[test]
    fn statements_need_consensus_and_resolutions_a_vote_unless_the_rules_say_otherwise() {
        let mut rules = council();
        assert!(rules.needs_consensus(ProductKind::PressStatement));
        assert!(rules.needs_consensus(ProductKind::PresidentialStatement));
        assert!(!rules.needs_consensus(ProductKind::Resolution));
        rules.consensus = vec![ProductKind::PressStatement];
        assert!(!rules.needs_consensus(ProductKind::PresidentialStatement));
    }

    #[test]
    fn additions_and_deletions_are_voted_before_rewordings() {
        let amendments = [
            AmendmentChange::Reword { from: 2, to: 0 },
            AmendmentChange::Add { wording: 0 },
            AmendmentChange::Reword { from: 0, to: 1 },
            AmendmentChange::Delete { wording: 1 },
        ];
        // The deletion (distance 2) and the addition (1) first, then the
        // rewordings, furthest removed first (2, then 1).
        assert_eq!(amendment_voting_order(&amendments), vec![3, 1, 0, 2]);
    }

    #[test]
    fn among_equals_the_first_submitted_is_voted_first() {
        let amendments = [
            AmendmentChange::Add { wording: 1 },
            AmendmentChange::Delete { wording: 1 },
            AmendmentChange::Reword { from: 1, to: 2 },
            AmendmentChange::Reword { from: 0, to: 1 },
        ];
        assert_eq!(amendment_voting_order(&amendments), vec![0, 1, 2, 3]);
    }

    #[test]
    fn every_amendment_departs_from_the_text_by_at_least_one() {
        assert_eq!(AmendmentChange::Reword { from: 1, to: 1 }.distance(), 1);
        assert_eq!(AmendmentChange::Delete { wording: 0 }.distance(), 1);
        assert_eq!(AmendmentChange::Add { wording: 0 }.distance(), 1);
        assert_eq!(AmendmentChange::Reword { from: 0, to: 2 }.distance(), 2);
    }
}
