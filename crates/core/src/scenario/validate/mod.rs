//! Meaning checks on a scenario that parsed: every reference resolves, every
//! number is in range, the rules make sense. All problems are collected, not
//! just the first, each with the path of the offending field and a hint.
//! This file holds the checker and its helpers; [`council`],
//! [`delegations`] and [`story`] check each part of the file.

mod council;
mod delegations;
mod story;

use std::collections::HashSet;

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
    v.expectations();
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
