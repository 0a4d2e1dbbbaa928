//! The audit as one self-contained HTML page: bars for the outcome spread
//! and for each seat's score range, the expectations and the findings. No
//! script, no file beside it, nothing from the internet.

use std::fmt::Write as _;

use super::Audit;
use crate::export::escape_html as esc;

/// Width of a full bar, in pixels.
const BAR: f64 = 360.0;

pub fn page(a: &Audit) -> String {
    let mut out = String::new();
    let title = format!("Audit of {}", a.scenario);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n<p>{} AI-only games.</p>\n",
        esc(&title),
        esc(&title),
        a.games
    );
    out.push_str("<h2>What the audit found</h2>\n<ul>\n");
    for f in &a.findings {
        let _ = writeln!(out, "<li>{}</li>", esc(f));
    }
    out.push_str("</ul>\n");
    if !a.expectations.is_empty() {
        out.push_str("<h2>The scenario's expectations</h2>\n<table><tr><th></th><th>Expected</th><th>Found</th></tr>\n");
        for c in &a.expectations {
            let (class, mark) = if c.met {
                ("ok", "✔")
            } else {
                ("fail", "✖")
            };
            let _ = writeln!(
                out,
                "<tr class=\"{class}\"><td>{mark}</td><td>{}</td><td>{}</td></tr>",
                esc(&c.expected),
                esc(&c.found)
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("<h2>How the games end</h2>\n");
    let rows: Vec<(String, f64, String)> = a
        .outcomes
        .iter()
        .map(|o| (o.what.clone(), o.share, format!("{:.1}%", o.share * 100.0)))
        .chain(std::iter::once((
            "no product adopted".to_string(),
            a.no_product,
            format!("{:.1}%", a.no_product * 100.0),
        )))
        .collect();
    bars(&mut out, &rows);
    out.push_str("<h2>What a student's seat scores</h2>\n<p>Mean points when the seat decides by each simple strategy (it acts as the AI in the corridors); the bar runs from the worst strategy to the best, the mark is the AI's own play.</p>\n");
    ranges(&mut out, a);
    out.push_str("<h2>Objectives met by the AI</h2>\n");
    let rows: Vec<(String, f64, String)> = a
        .objectives
        .iter()
        .map(|o| {
            (
                format!("{}: {}", o.member, o.description),
                o.share,
                format!("{:.0}%", o.share * 100.0),
            )
        })
        .collect();
    bars(&mut out, &rows);
    out.push_str("</body></html>\n");
    out
}

/// Labelled horizontal bars, each a share from 0 to 1.
fn bars(out: &mut String, rows: &[(String, f64, String)]) {
    out.push_str("<div class=\"bars\">\n");
    for (label, share, value) in rows {
        let width = (share.clamp(0.0, 1.0) * BAR).round();
        let _ = writeln!(
            out,
            "<div class=\"row\"><span class=\"label\">{}</span>\
             <svg width=\"{BAR}\" height=\"16\" role=\"img\" aria-label=\"{}\"><rect width=\"{BAR}\" height=\"16\" class=\"track\"/><rect width=\"{width}\" height=\"16\" class=\"bar\"/></svg>\
             <span class=\"value\">{}</span></div>",
            esc(label),
            esc(value),
            esc(value)
        );
    }
    out.push_str("</div>\n");
}

/// Each seat's range of mean points over the strategies.
fn ranges(out: &mut String, a: &Audit) {
    out.push_str("<div class=\"bars\">\n");
    for r in &a.seats {
        let (Some(worst), Some(best)) = (r.worst(), r.best()) else {
            continue;
        };
        let max = f64::from(r.max.max(1));
        let x = |v: f64| (v / max).clamp(0.0, 1.0) * BAR;
        let ai = r.mean.first().map_or(0.0, |m| m.1);
        let label = format!(
            "worst {:.2} ({:?}), best {:.2} ({:?}), AI {:.2}, of {}",
            worst.1, worst.0, best.1, best.0, ai, r.max
        );
        let _ = writeln!(
            out,
            "<div class=\"row\"><span class=\"label\">{}</span>\
             <svg width=\"{BAR}\" height=\"16\" role=\"img\" aria-label=\"{}\"><rect width=\"{BAR}\" height=\"16\" class=\"track\"/>\
             <rect x=\"{:.0}\" width=\"{:.0}\" height=\"16\" class=\"bar\"/><rect x=\"{:.0}\" width=\"3\" height=\"16\" class=\"mark\"/></svg>\
             <span class=\"value\">{}</span></div>",
            esc(&r.member),
            esc(&label),
            x(worst.1),
            (x(best.1) - x(worst.1)).max(2.0),
            (x(ai) - 1.5).max(0.0),
            esc(&label)
        );
    }
    out.push_str("</div>\n");
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d2330;background:#fff}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}\
table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}\
tr.ok td:first-child{color:#1f7a3a}tr.fail td:first-child{color:#b3261e;font-weight:700}\
.bars .row{display:grid;grid-template-columns:minmax(10rem,1fr) auto 12rem;gap:.6rem;align-items:center;margin:.2rem 0}\
.bars .label{font-size:.9rem}.bars .value{font-size:.85rem;color:#555}\
.track{fill:#eceff3}.bar{fill:#3867d6}.mark{fill:#d35400}\
@media (max-width:40rem){.bars .row{grid-template-columns:1fr}svg{max-width:100%}}";
