//! Plain-English descriptions of scenario rules, for summaries and the record.

use std::fmt;

use super::model::{Action, Condition, Effect};
use super::validate::kinds_label;

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::FromDay(d) => write!(f, "from day {d}"),
            Condition::NoProductAdopted { kinds, by_day } => {
                write!(f, "no {} adopted by day {by_day}", kinds_label(kinds))
            }
            Condition::ProductAdopted { kinds } => write!(f, "a {} is adopted", kinds_label(kinds)),
            Condition::DraftBlocked(d) => write!(f, "`{d}` is blocked"),
            Condition::DraftAdopted(d) => write!(f, "`{d}` is adopted"),
            Condition::DraftCirculated(d) => write!(f, "`{d}` has been circulated"),
            Condition::EventHappened(e) => write!(f, "`{e}` has happened"),
            Condition::UrgencyAtLeast(u) => write!(f, "urgency reaches {u}"),
            Condition::All(list) => join(f, list, " and "),
            Condition::Any(list) => join(f, list, " or "),
            Condition::Not(inner) => write!(f, "not ({inner})"),
        }
    }
}

fn join(f: &mut fmt::Formatter<'_>, list: &[Condition], sep: &str) -> fmt::Result {
    for (i, c) in list.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        if matches!(c, Condition::All(_) | Condition::Any(_)) {
            write!(f, "({c})")?;
        } else {
            write!(f, "{c}")?;
        }
    }
    Ok(())
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::TableDraft(d) => write!(f, "table `{d}`"),
            Action::PutInBlue(d) => write!(f, "put `{d}` in blue"),
            Action::CallVote(d) => write!(f, "call a vote on `{d}`"),
            Action::FireEvent(e) => write!(f, "fire `{e}`"),
            Action::Announce(text) => write!(f, "announce \"{text}\""),
            Action::EndGame(why) => write!(f, "end the game ({why})"),
            Action::ProposeMotion(by, motion) => {
                write!(f, "`{by}` moves that the Council {}", motion.describe())
            }
        }
    }
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::ShiftStance {
                member,
                clause,
                delta,
            } => write!(f, "{member} {delta:+} on `{clause}`"),
            Effect::ShiftWantsProduct { member, delta } => {
                write!(f, "{member} {delta:+} on wanting a product")
            }
            Effect::LiftRedLine { member, red_line } => {
                write!(f, "{member} lifts red line `{red_line}`")
            }
            Effect::ShiftRelationship {
                member,
                toward,
                delta,
            } => write!(f, "{member} {delta:+} toward {toward}"),
        }
    }
}
