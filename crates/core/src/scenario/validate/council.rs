//! The top of the file, the Council and its rules, the clause library.

use std::collections::HashSet;

use super::{MAX_DAYS, Validator, is_iso_date, unknown_token};
use crate::scenario::locate::Path;
use crate::scenario::model::*;

impl Validator<'_> {
    pub(super) fn top_level(&mut self) {
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
        if !s.dates.is_empty() {
            self.dates();
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

    pub(super) fn council(&mut self) {
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

    pub(super) fn clauses(&mut self) {
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
}

impl Validator<'_> {
    /// A scenario's list of dates: one per day, real dates, in order, the
    /// first one its `start_date`.
    fn dates(&mut self) {
        let s = self.s;
        let path = Path::root().field("dates");
        if s.dates.len() != s.days as usize {
            self.error_hint(
                path.clone(),
                format!("{} dates for {} days", s.dates.len(), s.days),
                "give one date per day, or leave `dates` out for consecutive days",
            );
        }
        if s.dates.first().is_some_and(|first| *first != s.start_date) {
            self.error_hint(
                path.index(0),
                format!(
                    "the first date `{}` is not the start date `{}`",
                    s.dates[0], s.start_date
                ),
                "day 1 is the start date",
            );
        }
        for (i, date) in s.dates.iter().enumerate() {
            if !is_iso_date(date) {
                self.error_hint(
                    path.index(i),
                    format!("`{date}` is not a date"),
                    "write the date as YYYY-MM-DD, for example \"2011-03-17\"",
                );
            } else if i > 0 && s.dates[i - 1].as_str() >= date.as_str() {
                self.error_hint(
                    path.index(i),
                    format!("`{date}` does not come after `{}`", s.dates[i - 1]),
                    "list the dates in order, one per day",
                );
            }
        }
    }
}
