//! The record told in words: each entry as the sentence a player reads, and
//! who may read it.
//!
//! Everything here reads the [`Record`] alone (it names members by code and
//! carries every text), so the window's log, the debrief, an exported
//! transcript and a student's browser tell the same story in the same
//! words, with or without the scenario file.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::record::{Entry, Record, Stated, VoteSubject, What};
use crate::rules::{Vote, VoteOutcome, VoteResult};
use crate::text::{adopted_title, capitalise, country_in_sentence};

/// Who is reading the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience<'a> {
    /// One delegation, by its member code: public entries and its own talks.
    Delegation(&'a str),
    /// The whole room (a projector, or a shared screen between turns):
    /// public entries only.
    Room,
    /// The teacher, or someone watching an all-AI game: everything.
    Teacher,
}

/// Whether an audience may see an entry: lobbying, trades and requests are
/// private to the two delegations involved; everything else is public.
pub fn visible_to(entry: &Entry, audience: Audience) -> bool {
    match &entry.what {
        What::Lobbied { by, target, .. }
        | What::TradeOffered { by, target, .. }
        | What::Requested { by, target, .. }
        | What::PromiseReleased { by, to: target, .. }
        | What::PromiseBroken { by, to: target, .. } => match audience {
            Audience::Delegation(reader) => reader == by || reader == target,
            Audience::Room => false,
            Audience::Teacher => true,
        },
        _ => true,
    }
}

/// What kind of news a line is, for a screen to colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    /// News of the crisis, developments, announcements, the end.
    News,
    /// A text moves through the procedure (circulated, in blue, under silence).
    Procedure,
    /// Ordinary corridor business.
    Plain,
    /// A request was agreed.
    Agreed,
    /// A request was declined.
    Declined,
    /// The Council agreed or adopted something.
    Adopted,
    /// Silence broken, a vote lost or vetoed.
    Failed,
    /// A request waiting for a human delegation's answer.
    Request,
    /// Words to the press, changes of hands: background.
    Aside,
}

/// One entry as a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub tone: Tone,
}

/// Tells a record's entries in words, naming members and drafts as the
/// record does.
pub struct Narrator<'r> {
    record: &'r Record,
    /// Each draft's title as last circulated.
    titles: HashMap<&'r str, &'r str>,
}

impl<'r> Narrator<'r> {
    pub fn new(record: &'r Record) -> Self {
        let mut titles = HashMap::new();
        for e in &record.entries {
            if let What::Circulated { draft, title, .. } = &e.what {
                titles.insert(draft.as_str(), title.as_str());
            }
        }
        Narrator { record, titles }
    }

    /// A member's name as a label ("United States").
    pub fn label(&self, code: &'r str) -> &'r str {
        self.record.name_of(code)
    }

    /// A member's name within a sentence ("the United States").
    pub fn name(&self, code: &str) -> String {
        country_in_sentence(self.record.name_of(code))
    }

    /// A member's name at the start of a sentence ("The United States").
    pub fn subject(&self, code: &str) -> String {
        capitalise(&self.name(code))
    }

    /// A draft's title as last circulated, or its id if it never was.
    pub fn title(&self, draft: &'r str) -> &'r str {
        self.titles.get(draft).copied().unwrap_or(draft)
    }

    /// Names joined for a sentence: "China and the Russian Federation".
    pub fn names(&self, codes: &[String]) -> String {
        let names: Vec<String> = codes.iter().map(|c| self.name(c)).collect();
        join_and(&names)
    }

    /// One entry as a sentence.
    pub fn line(&self, entry: &'r Entry) -> Line {
        let (text, tone) = match &entry.what {
            What::News { headline, text, .. } => (headline_and_story(headline, text), Tone::News),
            What::Said { speaker, words } => (format!("{speaker}: “{words}”"), Tone::News),
            What::Circulated { .. } => (self.circulated(entry), Tone::Procedure),
            What::MotionProposed { by, motion, reason } => (
                format!(
                    "{} moves that the Council {}{}. It is put to a procedural vote, where no veto applies.",
                    self.subject(by),
                    motion.describe(),
                    because(reason)
                ),
                Tone::Procedure,
            ),
            What::AmendmentProposed { .. } | What::AmendmentAnswered { .. } => {
                (self.amendment(&entry.what), Tone::Plain)
            }
            What::Lobbied { agreed, .. }
            | What::TradeOffered {
                accepted: agreed, ..
            } => (
                self.request_answered(&entry.what),
                if *agreed {
                    Tone::Agreed
                } else {
                    Tone::Declined
                },
            ),
            What::Requested { .. } => (self.request_answered(&entry.what), Tone::Request),
            What::PromiseReleased {
                by,
                to,
                draft,
                reason,
            } => (
                format!(
                    "{} tells {} that its promise to support \"{}\" no longer holds{}.",
                    self.subject(by),
                    self.name(to),
                    self.title(draft),
                    because(reason)
                ),
                Tone::Declined,
            ),
            What::PromiseBroken { by, to, draft } => (
                format!(
                    "{} did not keep its promise to {} to support \"{}\", and {} will remember it.",
                    self.subject(by),
                    self.name(to),
                    self.title(draft),
                    self.name(to)
                ),
                Tone::Failed,
            ),
            What::CoSponsored { by, draft, reason } => (
                format!(
                    "{} co-sponsors \"{}\"{}.",
                    self.subject(by),
                    self.title(draft),
                    because(reason)
                ),
                Tone::Plain,
            ),
            What::PressRemarks { by, remarks, about } => (
                match about {
                    Some(about) => format!(
                        "{} to the press, about {}: \"{remarks}\"",
                        self.subject(by),
                        self.name(about)
                    ),
                    None => format!("{} to the press: \"{remarks}\"", self.subject(by)),
                },
                Tone::Aside,
            ),
            What::UnderSilence { .. } | What::PutInBlue { .. } | What::VoteRequested { .. } => {
                (self.procedure(&entry.what), Tone::Procedure)
            }
            What::Silence { .. } => self.silence(&entry.what),
            What::Vote {
                subject, result, ..
            } => self.vote(subject, result),
            What::Adopted { kind, title, .. } => (
                format!(
                    "The Council adopts the {}: {}.",
                    kind.name(),
                    adopted_title(*kind, title)
                ),
                Tone::Adopted,
            ),
            What::TriggerFired { description, .. } => (description.clone(), Tone::News),
            What::Announcement { text } => (text.clone(), Tone::News),
            What::ControlChanged { member, human } => (
                format!(
                    "{} is now played by {}.",
                    self.subject(member),
                    if *human { "students" } else { "the computer" }
                ),
                Tone::Aside,
            ),
            What::GameOver { reason } => (format!("The game ends: {reason}."), Tone::News),
        };
        Line { text, tone }
    }

    fn amendment(&self, what: &What) -> String {
        match what {
            What::AmendmentProposed {
                draft,
                by,
                change,
                reason,
                ..
            } => format!(
                "{} proposes to {change} in \"{}\"{}.",
                self.subject(by),
                self.title(draft),
                because(reason)
            ),
            What::AmendmentAnswered {
                penholder,
                amendment,
                accepted,
                reason,
                ..
            } => format!(
                "{} {} amendment {amendment}{}.",
                self.subject(penholder),
                if *accepted { "accepts" } else { "refuses" },
                because(reason)
            ),
            _ => String::new(),
        }
    }

    /// A text put under silence, in blue, or to the vote.
    fn procedure(&self, what: &What) -> String {
        let (draft, by, what, reason) = match what {
            What::UnderSilence {
                draft, by, reason, ..
            } => (
                draft,
                by,
                "under silence procedure until the decision",
                reason,
            ),
            What::PutInBlue {
                draft, by, reason, ..
            } => (draft, by, "in blue: it can be voted from tomorrow", reason),
            What::VoteRequested { draft, by, reason } => {
                let title = self.title(draft);
                return format!(
                    "{} asks for a vote on \"{title}\"{}.",
                    self.subject(by),
                    in_brackets(reason)
                );
            }
            _ => return String::new(),
        };
        format!(
            "{} puts \"{}\" {what}{}.",
            self.subject(by),
            self.title(draft),
            in_brackets(reason)
        )
    }

    fn circulated(&self, entry: &Entry) -> String {
        let What::Circulated {
            draft,
            version,
            penholder,
            changes,
            reason,
            ..
        } = &entry.what
        else {
            return String::new();
        };
        let title = self.title(draft);
        if *version == 1 || changes.is_empty() {
            format!(
                "{} circulates \"{title}\"{}.",
                self.subject(penholder),
                in_brackets(reason)
            )
        } else {
            format!(
                "{} circulates version {version} of \"{title}\"{}: {}.",
                self.subject(penholder),
                comma_then(reason),
                changes.join("; ")
            )
        }
    }

    /// Lobbying, a trade, or a request to a human delegation.
    fn request_answered(&self, what: &What) -> String {
        match what {
            What::Lobbied {
                by,
                target,
                draft,
                agreed,
                reason,
            } => format!(
                "{} asks {} to support \"{}\". {} {}{}.",
                self.subject(by),
                self.name(target),
                self.title(draft),
                self.subject(target),
                if *agreed { "agrees" } else { "declines" },
                because(reason)
            ),
            What::TradeOffered {
                by,
                target,
                give,
                get,
                accepted,
                reason,
            } => format!(
                "{} offers {} its support for \"{}\" in return for support for \"{}\". {} {}{}.",
                self.subject(by),
                self.name(target),
                self.title(give),
                self.title(get),
                self.subject(target),
                if *accepted { "accepts" } else { "declines" },
                because(reason)
            ),
            What::Requested {
                by,
                target,
                draft,
                in_return_for,
            } => {
                let offer = in_return_for
                    .as_ref()
                    .map(|give| {
                        format!(
                            ", offering its support for \"{}\" in return",
                            self.title(give)
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{} asks {} to support \"{}\"{offer}.",
                    self.subject(by),
                    self.name(target),
                    self.title(draft)
                )
            }
            _ => String::new(),
        }
    }

    fn silence(&self, what: &What) -> (String, Tone) {
        let What::Silence {
            draft,
            positions,
            broken_by,
            ..
        } = what
        else {
            return (String::new(), Tone::Plain);
        };
        let title = self.title(draft);
        if broken_by.is_empty() {
            return (
                format!("Silence holds on \"{title}\": it is agreed."),
                Tone::Adopted,
            );
        }
        let why: Vec<String> = positions
            .iter()
            .filter(|p| !p.choice)
            .map(|p| format!("{}: {}", self.label(&p.member), p.reason))
            .collect();
        (
            format!("Silence broken on \"{title}\". {}.", why.join("; ")),
            Tone::Failed,
        )
    }

    fn vote(&self, subject: &VoteSubject, result: &VoteResult) -> (String, Tone) {
        let what = match subject {
            VoteSubject::Draft { draft, .. } => format!("\"{}\"", self.title(draft)),
            VoteSubject::Amendment {
                amendment, change, ..
            } => format!("amendment {amendment} ({change})"),
            VoteSubject::Motion { motion, by } => {
                format!("the motion of {} to {}", self.name(by), motion.describe())
            }
        };
        let outcome = match &result.outcome {
            VoteOutcome::Adopted => "adopted".to_string(),
            VoteOutcome::Vetoed { by } => format!("vetoed by {}", self.names(by)),
            VoteOutcome::FailedQuota { .. } => format!(
                "not adopted: {} yes votes, {} needed",
                result.tally.yes, result.quota
            ),
        };
        let tone = if result.outcome.adopted() {
            Tone::Adopted
        } else {
            Tone::Failed
        };
        (
            format!(
                "Vote on {what}: {} (yes-no-abstentions), {outcome}.",
                result.tally
            ),
            tone,
        )
    }

    /// What a vote came to, for a document: "Not adopted: vetoed by the
    /// United States. 14-1-0 (14 in favour, 1 against, 0 abstaining; quota 9)."
    pub fn vote_summary(&self, result: &VoteResult) -> String {
        let tally = format!(
            "{} in favour, {} against, {} abstaining",
            result.tally.yes, result.tally.no, result.tally.abstain
        );
        let absent = if result.tally.absent > 0 {
            format!(", {} absent", result.tally.absent)
        } else {
            String::new()
        };
        let outcome = match &result.outcome {
            VoteOutcome::Adopted => "Adopted".to_string(),
            VoteOutcome::FailedQuota { .. } => format!(
                "Not adopted: fewer than the {} votes in favour it needed",
                result.quota
            ),
            VoteOutcome::Vetoed { by } => format!("Not adopted: vetoed by {}", self.names(by)),
        };
        format!(
            "{outcome}. {} ({tally}{absent}; quota {}).",
            result.tally, result.quota
        )
    }

    /// Whether a member holds a veto.
    pub fn is_veto_holder(&self, code: &str) -> bool {
        self.record.members.iter().any(|m| m.code == code && m.veto)
    }

    /// A ballot in words; a veto holder's no is marked as such.
    pub fn vote_word(&self, ballot: &Stated<Vote>) -> &'static str {
        match ballot.choice {
            Vote::Yes => "yes",
            Vote::No if self.is_veto_holder(&ballot.member) => "no (veto holder)",
            Vote::No => "no",
            Vote::Abstain => "abstains",
            Vote::Absent => "absent",
        }
    }
}

/// "A, B and C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A reason as a sentence: capitalised, with a full stop (reasons are
/// written without one, to be woven into sentences).
pub fn sentence(s: &str) -> String {
    let s = s.trim();
    let mut out = capitalise(s);
    if !out.is_empty() && !out.ends_with(['.', '!', '?', '”', '"']) {
        out.push('.');
    }
    out
}

fn headline_and_story(headline: &str, story: &str) -> String {
    if story.is_empty() {
        headline.to_string()
    } else {
        format!("{headline}. {story}")
    }
}

/// ": reason" after a sentence, or nothing when no reason was given.
fn because(reason: &str) -> String {
    if reason.trim().is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    }
}

/// " (reason)", or nothing.
fn in_brackets(reason: &str) -> String {
    if reason.trim().is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    }
}

/// ", reason", or nothing.
fn comma_then(reason: &str) -> String {
    if reason.trim().is_empty() {
        String::new()
    } else {
        format!(", {reason}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::{MemberLine, PhaseName};

    fn record(entries: Vec<What>) -> Record {
        let member = |code: &str, name: &str, veto: bool| MemberLine {
            code: code.into(),
            name: name.into(),
            veto,
            human: false,
            team: String::new(),
        };
        Record {
            format: 1,
            scenario_id: "t".into(),
            scenario_title: "T".into(),
            start_date: "2012-11-14".into(),
            days: 3,
            seed: 1,
            members: vec![
                member("USA", "United States", true),
                member("MAR", "Morocco", false),
                member("FRA", "France", true),
            ],
            what_really_happened: String::new(),
            entries: entries
                .into_iter()
                .map(|what| Entry {
                    day: 1,
                    phase: PhaseName::Corridors,
                    what,
                })
                .collect(),
            outcome: None,
            branch: None,
            discussion: Vec::new(),
        }
    }

    fn lobbied() -> What {
        What::Lobbied {
            by: "MAR".into(),
            target: "USA".into(),
            draft: "ps".into(),
            agreed: false,
            reason: "it says nothing of the rockets".into(),
        }
    }

    #[test]
    fn private_talks_are_seen_by_their_two_parties_and_the_teacher_only() {
        let r = record(vec![
            lobbied(),
            What::CoSponsored {
                by: "FRA".into(),
                draft: "ps".into(),
                reason: String::new(),
            },
        ]);
        let (talk, public) = (&r.entries[0], &r.entries[1]);
        assert!(visible_to(talk, Audience::Delegation("MAR")));
        assert!(visible_to(talk, Audience::Delegation("USA")));
        assert!(!visible_to(talk, Audience::Delegation("FRA")));
        assert!(!visible_to(talk, Audience::Room));
        assert!(visible_to(talk, Audience::Teacher));
        for audience in [
            Audience::Delegation("FRA"),
            Audience::Room,
            Audience::Teacher,
        ] {
            assert!(visible_to(public, audience));
        }
    }

    #[test]
    fn names_and_titles_come_from_the_record() {
        let r = record(vec![
            What::Circulated {
                draft: "ps".into(),
                title: "Draft press statement on Gaza".into(),
                kind: crate::rules::ProductKind::PressStatement,
                penholder: "MAR".into(),
                version: 1,
                clauses: Vec::new(),
                text: String::new(),
                changes: Vec::new(),
                reason: "the penholder circulates it".into(),
            },
            lobbied(),
        ]);
        let n = Narrator::new(&r);
        assert_eq!(
            n.line(&r.entries[0]).text,
            "Morocco circulates \"Draft press statement on Gaza\" (the penholder circulates it)."
        );
        let line = n.line(&r.entries[1]);
        assert_eq!(
            line.text,
            "Morocco asks the United States to support \"Draft press statement on Gaza\". \
             The United States declines: it says nothing of the rockets."
        );
        assert_eq!(line.tone, Tone::Declined);
        assert_eq!(n.title("never-circulated"), "never-circulated");
    }

    #[test]
    fn joins_and_sentences() {
        let names = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(join_and(&names[..1]), "a");
        assert_eq!(join_and(&names[..2]), "a and b");
        assert_eq!(join_and(&names), "a, b and c");
        assert_eq!(
            sentence("it cannot accept the text"),
            "It cannot accept the text."
        );
        assert_eq!(sentence("Why?"), "Why?");
        assert_eq!(sentence(""), "");
    }
}
