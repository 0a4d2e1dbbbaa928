//! A game's record as a document for the class: Markdown or one
//! self-contained HTML page that prints cleanly.
//!
//! The record already carries every text rendered and every member's name,
//! so a document needs nothing else: the same walk through the record
//! ([`write_document`]) drives either writer ([`Markdown`], [`Html`]).

use std::fmt::Write as _;
use std::path::Path;

use horseshoe_core::model::record::{Entry, RECORD_FORMAT, Record, Stated, VoteSubject, What};
use horseshoe_core::narration::{Narrator, sentence};
use horseshoe_core::save::SavedGame;

/// The document formats `horseshoe export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, for editing or a wiki.
    #[value(name = "md")]
    Markdown,
    /// One HTML page with its own styles, for reading and printing.
    Html,
}

/// The record as a document in `format`.
pub fn export(record: &Record, format: Format) -> String {
    match format {
        Format::Markdown => {
            let mut w = Markdown::default();
            write_document(record, &mut w);
            w.out
        }
        Format::Html => {
            let mut w = Html::default();
            write_document(record, &mut w);
            w.finish(&record.scenario_title)
        }
    }
}

/// Reads a record written by `horseshoe simulate --transcripts` (RON) or
/// as JSON, or the record inside a saved game.
pub fn load_record(path: &Path) -> Result<Record, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.display().to_string();
    if looks_like_save(&text) {
        return SavedGame::from_ron(&name, &text)
            .map(|saved| saved.transcript.0)
            .map_err(|e| e.to_string());
    }
    parse_record(&text).map_err(|e| format!("{name}: {e}"))
}

/// A saved game names the phase it resumes at; a record never does.
fn looks_like_save(text: &str) -> bool {
    text.contains("next_phase:") && text.contains("delegations:")
}

/// Parses a record from RON or JSON text.
pub fn parse_record(text: &str) -> Result<Record, String> {
    let record: Record = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "not a Horseshoe transcript (JSON error at line {}, column {}: {e})",
                e.line(),
                e.column()
            )
        })?
    } else {
        ron::from_str(text).map_err(|e| {
            format!(
                "not a Horseshoe transcript (at line {}, column {}: {})",
                e.span.start.line, e.span.start.col, e.code
            )
        })?
    };
    if record.format > RECORD_FORMAT {
        return Err(format!(
            "this transcript has format {} but this version of Horseshoe reads up to {}: \
             export it with a newer version",
            record.format, RECORD_FORMAT
        ));
    }
    Ok(record)
}

/// What a document is made of; each format writes these its own way.
trait Writer {
    fn heading(&mut self, level: u8, text: &str);
    fn paragraph(&mut self, text: &str);
    /// A paragraph that starts with a bold label ("News:").
    fn labelled(&mut self, label: &str, text: &str);
    /// A text of the Council (a draft or an adopted product), set apart.
    fn council_text(&mut self, text: &str);
    fn list(&mut self, items: &[String]);
    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]);
}

fn write_document(r: &Record, w: &mut dyn Writer) {
    w.heading(1, &r.scenario_title);
    w.paragraph(&format!(
        "Security Council simulation, {} day{} from {}. Seed {} (the same seed and moves replay this game).",
        r.days,
        if r.days == 1 { "" } else { "s" },
        r.start_date,
        r.seed
    ));
    if let Some(branch) = &r.branch {
        w.paragraph(&format!(
            "Played again from a moment of another game: {branch}."
        ));
    }
    let members: Vec<Vec<String>> = r
        .members
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.code.clone(),
                if m.veto {
                    "permanent (veto)"
                } else {
                    "elected"
                }
                .to_string(),
                match (m.human, m.team.trim()) {
                    (true, "") => "students".to_string(),
                    (true, team) => format!("students: {team}"),
                    (false, _) => "computer".to_string(),
                },
            ]
        })
        .collect();
    w.heading(2, "The Council");
    w.table(&["Member", "Code", "Seat", "Played by"], &members);

    w.heading(2, "Outcome");
    write_outcome(r, w);

    let narrator = Narrator::new(r);
    let mut day = 0;
    for entry in &r.entries {
        if entry.day != day {
            day = entry.day;
            w.heading(2, &format!("Day {day}"));
        }
        write_entry(&narrator, entry, w);
    }

    if let Some(outcome) = &r.outcome {
        w.heading(2, "Scores");
        let rows: Vec<Vec<String>> = outcome
            .scores
            .iter()
            .map(|s| {
                let achieved: Vec<String> = s
                    .objectives
                    .iter()
                    .map(|o| {
                        format!(
                            "{} {} ({} pt)",
                            if o.achieved { "✓" } else { "✗" },
                            o.description,
                            o.points
                        )
                    })
                    .collect();
                vec![
                    r.name_of(&s.member).to_string(),
                    format!("{} / {}", s.points, s.max),
                    achieved.join("; "),
                ]
            })
            .collect();
        w.table(&["Member", "Score", "Objectives"], &rows);
    }

    if let Some(outcome) = &r.outcome
        && !outcome.turning_points.is_empty()
    {
        w.heading(2, "What would have changed it");
        let items: Vec<String> = outcome
            .turning_points
            .iter()
            .map(|t| format!("{}: {}. {}", t.when(), t.happened, t.flip))
            .collect();
        w.list(&items);
    }

    w.heading(2, "What really happened");
    for part in paragraphs(&r.what_really_happened) {
        w.paragraph(part);
    }
    if !r.discussion.is_empty() {
        w.heading(2, "For discussion");
        w.list(&r.discussion);
    }
}

fn write_outcome(r: &Record, w: &mut dyn Writer) {
    let Some(outcome) = &r.outcome else {
        w.paragraph("The game was not finished when this transcript was written.");
        return;
    };
    if outcome.products.is_empty() {
        w.paragraph("The Council adopted nothing.");
    }
    for p in &outcome.products {
        w.labelled(
            "Adopted",
            &format!("{} ({}), on day {}.", p.title, p.kind.name(), p.day),
        );
    }
    if !outcome.vetoes.is_empty() {
        let names: Vec<&str> = outcome.vetoes.iter().map(|c| r.name_of(c)).collect();
        w.labelled("Vetoes cast", &names.join(", "));
    }
}

/// Text made safe inside HTML elements and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            _ => s.push(c),
        }
    }
    s
}

/// One entry of the record: the narrator's sentence, set out with the
/// structure a document wants (a heading and the text for each circulated
/// draft and adopted product, a table of positions for each decision).
fn write_entry(n: &Narrator, e: &Entry, w: &mut dyn Writer) {
    let phase = e.phase.label();
    match &e.what {
        What::Circulated {
            draft,
            kind,
            version,
            text,
            changes,
            ..
        } => {
            let title = n.title(draft);
            let what = if *version <= 1 {
                format!("{title}: circulated ({})", kind.name())
            } else {
                format!("{title}: version {version}")
            };
            w.heading(3, &what);
            w.labelled(phase, &n.line(e).text);
            if !changes.is_empty() {
                w.list(changes);
            }
            w.council_text(text);
        }
        What::Silence {
            draft,
            version,
            positions,
            ..
        } => {
            let title = n.title(draft);
            w.heading(
                3,
                &format!("Silence procedure on {title} (version {version})"),
            );
            w.paragraph(&n.line(e).text);
            let rows: Vec<Vec<String>> = positions
                .iter()
                .map(|p| {
                    let word = if p.choice {
                        "keeps silence"
                    } else {
                        "breaks silence"
                    };
                    stated_row(n, p, word)
                })
                .collect();
            w.table(&["Member", "Position", "Reason"], &rows);
        }
        What::Vote {
            subject,
            ballots,
            result,
        } => {
            let on = match subject {
                VoteSubject::Draft { draft, version } => {
                    format!("Vote on {} (version {version})", n.title(draft))
                }
                VoteSubject::Amendment {
                    draft,
                    amendment,
                    change,
                } => format!(
                    "Vote on amendment {amendment} to {} ({change})",
                    n.title(draft)
                ),
                VoteSubject::Motion { motion, by } => format!(
                    "Procedural vote on the motion of {} to {}",
                    n.name(by),
                    motion.describe()
                ),
            };
            w.heading(3, &on);
            w.paragraph(&n.vote_summary(result));
            let rows: Vec<Vec<String>> = ballots
                .iter()
                .map(|b| stated_row(n, b, n.vote_word(b)))
                .collect();
            w.table(&["Member", "Vote", "Explanation of vote"], &rows);
        }
        What::Adopted {
            kind, title, text, ..
        } => {
            w.heading(3, &format!("Adopted: {title} ({})", kind.name()));
            w.council_text(text);
        }
        What::News { .. } | What::Said { .. } => {
            w.labelled(&format!("{phase}, news"), &n.line(e).text)
        }
        What::GameOver { reason } => w.labelled("End of the game", &sentence(reason)),
        _ => w.labelled(phase, &n.line(e).text),
    }
}

/// A draft's title as last circulated, or its id if it never was.
pub fn draft_title<'a>(r: &'a Record, draft: &'a str) -> &'a str {
    Narrator::new(r).title(draft)
}

fn stated_row<T>(n: &Narrator, s: &Stated<T>, choice: &str) -> Vec<String> {
    vec![
        n.label(&s.member).to_string(),
        choice.to_string(),
        s.reason.clone(),
    ]
}

/// Paragraphs of a multi-line text (separated by blank lines).
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Markdown (CommonMark with pipe tables).
#[derive(Default)]
pub struct Markdown {
    out: String,
}

impl Markdown {
    fn inline(text: &str) -> String {
        // Keep text literal: escape what Markdown would read as markup.
        let mut s = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
            ) {
                s.push('\\');
            }
            s.push(c);
        }
        s.replace('\n', " ")
    }
}

impl Writer for Markdown {
    fn heading(&mut self, level: u8, text: &str) {
        let hashes = "#".repeat(level.clamp(1, 6) as usize);
        let _ = writeln!(self.out, "{hashes} {}\n", Self::inline(text));
    }

    fn paragraph(&mut self, text: &str) {
        let _ = writeln!(self.out, "{}\n", Self::inline(text));
    }

    fn labelled(&mut self, label: &str, text: &str) {
        let _ = writeln!(
            self.out,
            "**{}:** {}\n",
            Self::inline(label),
            Self::inline(text)
        );
    }

    fn council_text(&mut self, text: &str) {
        let parts: Vec<String> = paragraphs(text)
            .map(|p| format!("> {}", Self::inline(p)))
            .collect();
        let _ = writeln!(self.out, "{}\n", parts.join("\n>\n"));
    }

    fn list(&mut self, items: &[String]) {
        for item in items {
            let _ = writeln!(self.out, "- {}", Self::inline(item));
        }
        self.out.push('\n');
    }

    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) {
        let _ = writeln!(self.out, "| {} |", headers.join(" | "));
        let _ = writeln!(self.out, "|{}", " --- |".repeat(headers.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| Self::inline(c)).collect();
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
        }
        self.out.push('\n');
    }
}

/// One HTML page, styles included, no scripts, images or links to load.
#[derive(Default)]
pub struct Html {
    body: String,
}

const HTML_STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1b1b1b; }
h1 { font-size: 1.8em; border-bottom: 3px solid #5b92e5; padding-bottom: .2em; }
h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #eef3fb; }
.council { border-left: 4px solid #5b92e5; margin: .5em 0 1em; padding: .2em 1em;
           background: #f6f8fb; font-family: 'Times New Roman', serif; }
.label { font-weight: bold; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  table, .council { break-inside: avoid; }
  th { background: none; }
}
";

impl Html {
    fn escape(text: &str) -> String {
        escape_html(text)
    }

    fn finish(self, title: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            Self::escape(title),
            self.body
        )
    }
}

impl Writer for Html {
    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 6);
        let _ = writeln!(self.body, "<h{level}>{}</h{level}>", Self::escape(text));
    }

    fn paragraph(&mut self, text: &str) {
        let _ = writeln!(self.body, "<p>{}</p>", Self::escape(text));
    }

    fn labelled(&mut self, label: &str, text: &str) {
        let _ = writeln!(
            self.body,
            "<p><span class=\"label\">{}:</span> {}</p>",
            Self::escape(label),
            Self::escape(text)
        );
    }

    fn council_text(&mut self, text: &str) {
        self.body.push_str("<div class=\"council\">\n");
        for p in paragraphs(text) {
            let _ = writeln!(self.body, "<p>{}</p>", Self::escape(p));
        }
        self.body.push_str("</div>\n");
    }

    fn list(&mut self, items: &[String]) {
        self.body.push_str("<ul>\n");
        for item in items {
            let _ = writeln!(self.body, "<li>{}</li>", Self::escape(item));
        }
        self.body.push_str("</ul>\n");
    }

    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) {
        self.body.push_str("<table>\n<tr>");
        for h in headers {
            let _ = write!(self.body, "<th>{}</th>", Self::escape(h));
        }
        self.body.push_str("</tr>\n");
        for row in rows {
            self.body.push_str("<tr>");
            for cell in row {
                let _ = write!(self.body, "<td>{}</td>", Self::escape(cell));
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use horseshoe_core::model::record::{MemberLine, PhaseName};
    use horseshoe_core::rules::{Tally, Vote, VoteOutcome, VoteResult};

    fn record() -> Record {
        let member = |code: &str, name: &str, veto| MemberLine {
            code: code.into(),
            name: name.into(),
            veto,
            human: false,
            team: String::new(),
        };
        Record {
            format: RECORD_FORMAT,
            scenario_id: "t".into(),
            scenario_title: "A <test> & crisis".into(),
            start_date: "2012-11-14".into(),
            days: 1,
            seed: 3,
            members: vec![
                member("USA", "United States", true),
                member("MAR", "Morocco", false),
            ],
            what_really_happened: "Nothing.\n\nReally.".into(),
            entries: vec![Entry {
                day: 1,
                phase: PhaseName::Decision,
                what: What::Vote {
                    subject: VoteSubject::Draft {
                        draft: "res".into(),
                        version: 2,
                    },
                    ballots: vec![
                        Stated {
                            member: "USA".into(),
                            choice: Vote::No,
                            reason: "it says nothing of rockets | and more".into(),
                        },
                        Stated {
                            member: "MAR".into(),
                            choice: Vote::Yes,
                            reason: "it calls for a ceasefire".into(),
                        },
                    ],
                    result: VoteResult {
                        tally: Tally {
                            yes: 1,
                            no: 1,
                            abstain: 0,
                            absent: 0,
                        },
                        quota: 2,
                        outcome: VoteOutcome::Vetoed {
                            by: vec!["USA".into()],
                        },
                    },
                },
            }],
            outcome: None,
            branch: None,
            discussion: Vec::new(),
        }
    }

    #[test]
    fn markdown_shows_each_ballot_with_its_explanation_and_escapes_tables() {
        let md = export(&record(), Format::Markdown);
        assert!(md.starts_with("# A \\<test\\> & crisis\n"), "{md}");
        assert!(md.contains("vetoed by the United States"), "{md}");
        assert!(
            md.contains(
                "| United States | no (veto holder) | it says nothing of rockets \\| and more |"
            ),
            "{md}"
        );
        assert!(
            md.contains("| Morocco | yes | it calls for a ceasefire |"),
            "{md}"
        );
        assert!(md.contains("The game was not finished"), "{md}");
        assert!(md.contains("Nothing.\n\nReally."), "{md}");
    }

    #[test]
    fn html_is_one_escaped_page_with_nothing_to_fetch() {
        let html = export(&record(), Format::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>A &lt;test&gt; &amp; crisis</title>"));
        assert!(html.contains("<td>United States</td><td>no (veto holder)</td>"));
        assert!(html.contains("@media print"));
        for external in ["<script", "<link", "<img", "src=", "href=", "http"] {
            assert!(
                !html.contains(external),
                "the page loads nothing: {external}"
            );
        }
        assert_eq!(
            html.matches("<table>").count(),
            html.matches("</table>").count()
        );
    }

    #[test]
    fn a_record_round_trips_through_ron_and_json_and_bad_files_are_named() {
        let r = record();
        assert_eq!(parse_record(&r.to_ron()).unwrap(), r);
        assert_eq!(parse_record(&r.to_json()).unwrap(), r);
        let truncated = &r.to_ron()[..40];
        let e = parse_record(truncated).unwrap_err();
        assert!(e.contains("not a Horseshoe transcript"), "{e}");
        assert!(e.contains("line"), "{e}");
        let mut future = r.clone();
        future.format = RECORD_FORMAT + 1;
        let e = parse_record(&future.to_ron()).unwrap_err();
        assert!(e.contains("newer version"), "{e}");
    }
}
