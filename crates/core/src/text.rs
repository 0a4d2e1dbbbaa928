//! Renders drafts as UN-style text.
//!
//! A clause's wording is written once, as in an operative paragraph
//! ("calls for an immediate cessation of hostilities"); this module turns it
//! into the grammar of each product: a gerund in a preamble ("*Calling for*"),
//! the present in a resolution or presidential statement ("*Calls for*",
//! "The Security Council calls for"), the past in a press statement ("The
//! members of the Security Council called for"). The token `{its}` becomes
//! "its" for the Council and "their" for its members.

use serde::{Deserialize, Serialize};

use crate::rules::ProductKind;
use crate::scenario::{Clause, Part, Wording};

/// One paragraph of a rendered text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Operative paragraph number in a resolution.
    pub number: Option<u32>,
    /// The opening words, italic in a resolution ("Demands", "Recalling").
    pub lead: String,
    /// The rest of the paragraph, with its closing punctuation.
    pub rest: String,
    /// Library id of the clause, or `None` for fixed words of the form.
    pub clause: Option<String>,
}

impl Paragraph {
    pub fn plain(&self) -> String {
        let number = self.number.map(|n| format!("{n}. ")).unwrap_or_default();
        format!("{number}{}{}", self.lead, self.rest)
    }
}

/// A whole text: a heading, an opening line and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedText {
    pub heading: String,
    /// "The Security Council," for a resolution, an introduction for a PRST.
    pub opening: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl RenderedText {
    /// The text as plain lines, paragraphs separated by blank lines.
    pub fn plain(&self) -> String {
        let mut out = self.heading.clone();
        out.push_str("\n\n");
        if let Some(opening) = &self.opening {
            out.push_str(opening);
            out.push_str("\n\n");
        }
        let body: Vec<String> = self.paragraphs.iter().map(Paragraph::plain).collect();
        out.push_str(&body.join("\n\n"));
        out
    }
}

/// Renders the clauses of a draft, each at its wording, as a text of `kind`.
/// Preambular clauses come first whatever their order in the draft.
pub fn render(kind: ProductKind, title: &str, clauses: &[(&Clause, u32)]) -> RenderedText {
    let mut ordered: Vec<&(&Clause, u32)> = clauses.iter().collect();
    ordered.sort_by_key(|(c, _)| c.part); // stable: draft order within each part
    let mut paragraphs = Vec::new();
    let mut number = 0;
    for (clause, w) in &ordered {
        let numbered = kind == ProductKind::Resolution && clause.part == Part::Operative;
        if numbered {
            number += 1;
        }
        let (lead, rest) = paragraph(kind, clause, *w);
        paragraphs.push(Paragraph {
            number: numbered.then_some(number),
            lead,
            rest,
            clause: Some(clause.id.clone()),
        });
    }
    if kind == ProductKind::Resolution {
        paragraphs.push(Paragraph {
            number: Some(number + 1),
            lead: "Decides".into(),
            rest: " to remain seized of the matter.".into(),
            clause: None,
        });
    }
    RenderedText {
        heading: title.to_string(),
        opening: opening(kind).map(str::to_string),
        paragraphs,
    }
}

/// The line before the paragraphs, if the kind of text has one.
pub fn opening(kind: ProductKind) -> Option<&'static str> {
    match kind {
        ProductKind::Resolution => Some("The Security Council,"),
        ProductKind::PresidentialStatement => Some(
            "The President of the Security Council made the following statement \
             on behalf of the Council:",
        ),
        ProductKind::PressStatement => None,
    }
}

/// One clause at one wording as a paragraph of a text of `kind`: its lead
/// ("Demands", "The members of the Security Council called for") and the
/// rest, with its closing punctuation. A wording past the last is the last.
pub fn paragraph(kind: ProductKind, clause: &Clause, w: u32) -> (String, String) {
    let last = clause.wordings.len().saturating_sub(1);
    let Some(wd) = clause.wordings.get((w as usize).min(last)) else {
        return (String::new(), String::new());
    };
    match (kind, clause.part) {
        (ProductKind::Resolution, Part::Preambular) => (
            capitalise(&fill(&gerund_phrase(wd), Voice::Council)),
            format!(" {},", fill(&wd.text, Voice::Council)),
        ),
        (ProductKind::Resolution, Part::Operative) => (
            capitalise(&fill(&wd.verb, Voice::Council)),
            format!(" {};", fill(&wd.text, Voice::Council)),
        ),
        (ProductKind::PresidentialStatement, _) => (
            format!("The Security Council {}", fill(&wd.verb, Voice::Council)),
            format!(" {}.", fill(&wd.text, Voice::Council)),
        ),
        (ProductKind::PressStatement, _) => (
            format!(
                "The members of the Security Council {}",
                fill(&past_phrase(wd), Voice::Members)
            ),
            format!(" {}.", fill(&wd.text, Voice::Members)),
        ),
    }
}

#[derive(Clone, Copy)]
enum Voice {
    /// "The Security Council ... its"
    Council,
    /// "The members of the Security Council ... their"
    Members,
}

fn fill(s: &str, voice: Voice) -> String {
    let its = match voice {
        Voice::Council => "its",
        Voice::Members => "their",
    };
    s.replace("{its}", its)
}

pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A country's name as it reads after "of" or "to": "the United States",
/// "the Russian Federation", but "France". English puts "the" before names
/// that are plural or built on a common noun (states, kingdom, republic).
pub fn country_in_sentence(name: &str) -> String {
    const WITH_THE: [&str; 17] = [
        "United ",
        "Russian Federation",
        "Soviet Union",
        "Republic ",
        "Democratic ",
        "Central African",
        "Czech Republic",
        "Dominican Republic",
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Gambia",
        "Comoros",
        "Maldives",
        "Marshall Islands",
        "Solomon Islands",
        "Holy See",
    ];
    if WITH_THE.iter().any(|p| name.starts_with(p)) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The verb phrase in the past, for a press statement (plural subject).
pub fn past_phrase(w: &Wording) -> String {
    if let Some(past) = &w.past {
        return past.clone();
    }
    map_first_word(&w.verb, |verb| past(&base_form(verb)))
}

/// The verb phrase as a gerund, for a preambular paragraph.
pub fn gerund_phrase(w: &Wording) -> String {
    if let Some(gerund) = &w.gerund {
        return gerund.clone();
    }
    map_first_word(&w.verb, |verb| gerund(&base_form(verb)))
}

fn map_first_word(phrase: &str, f: impl Fn(&str) -> String) -> String {
    let phrase = phrase.trim();
    match phrase.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", f(first)),
        None => f(phrase),
    }
}

/// Verbs whose final consonant doubles: "regret" -> "regretted".
const DOUBLING: &[&str] = &[
    "regret", "commit", "submit", "permit", "admit", "omit", "occur", "refer", "prefer", "stop",
    "plan", "transfer",
];

/// From the third person singular ("expresses") to the base form ("express").
pub fn base_form(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let irregular = match lower.as_str() {
        "is" => Some("be"),
        "has" => Some("have"),
        "does" => Some("do"),
        "goes" => Some("go"),
        _ => None,
    };
    if let Some(base) = irregular {
        return base.to_string();
    }
    for ending in ["sses", "shes", "ches", "xes", "zzes", "oes"] {
        if lower.ends_with(ending) {
            return lower[..lower.len() - 2].to_string();
        }
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return format!("{stem}y");
    }
    lower.strip_suffix('s').unwrap_or(&lower).to_string()
}

/// Past tense of a base form, with a plural subject ("were", not "was").
pub fn past(base: &str) -> String {
    match base {
        "be" => return "were".into(),
        "have" => return "had".into(),
        "do" => return "did".into(),
        "go" => return "went".into(),
        "take" => return "took".into(),
        "make" => return "made".into(),
        "give" => return "gave".into(),
        "reiterate" => return "reiterated".into(),
        "underscore" => return "underscored".into(),
        "set" => return "set".into(),
        "put" => return "put".into(),
        _ => {}
    }
    if DOUBLING.contains(&base) {
        let last = base.chars().last().unwrap_or_default();
        return format!("{base}{last}ed");
    }
    if base.ends_with('e') {
        return format!("{base}d");
    }
    if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ied");
    }
    format!("{base}ed")
}

/// Present participle of a base form.
pub fn gerund(base: &str) -> String {
    match base {
        "be" => return "being".into(),
        "see" => return "seeing".into(),
        _ => {}
    }
    if DOUBLING.contains(&base) {
        let last = base.chars().last().unwrap_or_default();
        return format!("{base}{last}ing");
    }
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if let Some(stem) = base.strip_suffix('e')
        && !base.ends_with("ee")
    {
        return format!("{stem}ing");
    }
    format!("{base}ing")
}

/// The heading of an adopted text: "Draft press statement ..." becomes "Press statement ...".
pub fn adopted_title(kind: ProductKind, title: &str) -> String {
    let stripped = title
        .strip_prefix("Draft ")
        .or_else(|| title.strip_prefix("draft "))
        .unwrap_or(title);
    let mut chars = stripped.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => kind.name().to_string(),
    }
}

/// "16 November 2012" for day `day` of a scenario starting on `start`.
pub fn long_date(start: &str, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<u32> = start.split('-').filter_map(|p| p.parse().ok()).collect();
    let [mut y, mut m, mut d] = parts[..] else {
        return format!("day {day}");
    };
    for _ in 1..day {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let len = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        d += 1;
        if d > len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    let month = MONTHS.get((m as usize).wrapping_sub(1)).unwrap_or(&"?");
    format!("{d} {month} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_take_the_where_english_does() {
        assert_eq!(country_in_sentence("United States"), "the United States");
        assert_eq!(
            country_in_sentence("Russian Federation"),
            "the Russian Federation"
        );
        assert_eq!(country_in_sentence("United Kingdom"), "the United Kingdom");
        assert_eq!(country_in_sentence("France"), "France");
        assert_eq!(country_in_sentence("Soviet Union"), "the Soviet Union");
        assert_eq!(country_in_sentence("South Africa"), "South Africa");
        assert_eq!(country_in_sentence("Morocco"), "Morocco");
    }

    fn wording(verb: &str, text: &str) -> Wording {
        Wording {
            verb: verb.into(),
            text: text.into(),
            past: None,
            gerund: None,
        }
    }

    fn clause(id: &str, part: Part, verb: &str, text: &str) -> Clause {
        Clause {
            id: id.into(),
            part,
            topic: id.into(),
            wordings: vec![wording(verb, text)],
            requires_event: None,
        }
    }

    #[test]
    fn diplomatic_verbs_conjugate() {
        let cases = [
            ("calls", "called", "calling"),
            ("expresses", "expressed", "expressing"),
            ("condemns", "condemned", "condemning"),
            ("urges", "urged", "urging"),
            ("welcomes", "welcomed", "welcoming"),
            ("deplores", "deplored", "deploring"),
            ("stresses", "stressed", "stressing"),
            ("emphasizes", "emphasized", "emphasizing"),
            ("reaffirms", "reaffirmed", "reaffirming"),
            ("takes", "took", "taking"),
            ("is", "were", "being"),
            ("regrets", "regretted", "regretting"),
            ("applies", "applied", "applying"),
            ("reiterates", "reiterated", "reiterating"),
            ("commends", "commended", "commending"),
            ("demands", "demanded", "demanding"),
            ("notes", "noted", "noting"),
            ("supports", "supported", "supporting"),
            ("encourages", "encouraged", "encouraging"),
            ("recognizes", "recognized", "recognizing"),
        ];
        for (third, p, g) in cases {
            let base = base_form(third);
            assert_eq!(past(&base), p, "past of {third}");
            assert_eq!(gerund(&base), g, "gerund of {third}");
        }
    }

    #[test]
    fn a_resolution_has_an_italic_preamble_and_numbered_operative_paragraphs() {
        let concern = clause(
            "concern",
            Part::Preambular,
            "expresses {its} grave concern at",
            "the escalation of violence",
        );
        let ceasefire = clause(
            "ceasefire",
            Part::Operative,
            "calls for",
            "an immediate ceasefire",
        );
        // Draft order puts the operative clause first: the preamble still leads.
        let text = render(
            ProductKind::Resolution,
            "Draft resolution",
            &[(&ceasefire, 0), (&concern, 0)],
        );
        assert_eq!(
            text.plain(),
            "Draft resolution\n\nThe Security Council,\n\n\
             Expressing its grave concern at the escalation of violence,\n\n\
             1. Calls for an immediate ceasefire;\n\n\
             2. Decides to remain seized of the matter."
        );
    }

    #[test]
    fn a_press_statement_speaks_for_the_members_in_the_past_tense() {
        let concern = clause(
            "concern",
            Part::Preambular,
            "expresses {its} grave concern at",
            "the escalation of violence",
        );
        let text = render(
            ProductKind::PressStatement,
            "Press statement",
            &[(&concern, 0)],
        );
        assert_eq!(
            text.paragraphs[0].plain(),
            "The members of the Security Council expressed their grave concern at the escalation of violence."
        );
    }

    #[test]
    fn a_presidential_statement_speaks_for_the_council_in_the_present() {
        let c = clause(
            "c",
            Part::Operative,
            "demands that",
            "all parties cease fire",
        );
        let text = render(ProductKind::PresidentialStatement, "PRST", &[(&c, 0)]);
        assert_eq!(
            text.paragraphs[0].plain(),
            "The Security Council demands that all parties cease fire."
        );
    }

    #[test]
    fn explicit_forms_override_the_conjugation() {
        let mut w = wording("is deeply alarmed by", "the attacks");
        assert_eq!(past_phrase(&w), "were deeply alarmed by");
        w.past = Some("voiced alarm at".into());
        assert_eq!(past_phrase(&w), "voiced alarm at");
    }

    #[test]
    fn a_wording_index_past_the_last_variant_uses_the_strongest() {
        let c = clause("c", Part::Operative, "calls for", "calm");
        let text = render(ProductKind::PresidentialStatement, "PRST", &[(&c, 7)]);
        assert!(text.plain().contains("calls for calm"));
    }
}
