//! Scenario files: the RON format, loading, and the errors shown to authors.
//!
//! Loading is two steps. `ron` + serde parse the text into [`Scenario`]; a
//! syntax or type error stops there, with ron's position. Then [`validate`]
//! checks meaning (references, ranges, rules) and reports every problem at
//! once, located in the file through [`locate::SpanIndex`].

mod describe;
pub mod locate;
mod model;
pub mod validate;

use std::fmt;
use std::path::Path as FsPath;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

pub use model::*;
use validate::{Problem, Severity};

/// A scenario that parsed and passed validation, with any warnings.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    pub scenario: Scenario,
    pub warnings: Vec<SourceProblem>,
    /// The name the file was loaded under (its path).
    pub file: String,
}

/// The RON options scenario files are read with: `Some(..)` around optional
/// values may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads and checks a scenario file.
pub fn load(path: &FsPath) -> Result<LoadedScenario, ScenarioError> {
    let file = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|error| ScenarioError::Read {
        file: file.clone(),
        error: error.to_string(),
    })?;
    parse(&file, &src)
}

/// Parses and checks scenario text; `file` names it in messages.
pub fn parse(file: &str, src: &str) -> Result<LoadedScenario, ScenarioError> {
    let source = Arc::new(NamedSource::new(file, src.to_string()));
    let scenario: Scenario = match ron_options().from_str(src) {
        Ok(s) => s,
        Err(e) => {
            return Err(ScenarioError::Invalid {
                file: file.to_string(),
                problems: vec![syntax_problem(file, src, &e, &source)],
            });
        }
    };
    let problems = validate::validate(&scenario);
    let index = locate::SpanIndex::new(src);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems
        .into_iter()
        .map(|p| meaning_problem(file, src, &index, p, &source))
        .partition(|p| p.severity == Severity::Error);
    if errors.is_empty() {
        Ok(LoadedScenario {
            scenario,
            warnings,
            file: file.to_string(),
        })
    } else {
        let mut problems = errors;
        problems.extend(warnings);
        Err(ScenarioError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, Clone)]
pub enum ScenarioError {
    Read {
        file: String,
        error: String,
    },
    /// Syntax, type or meaning problems; errors first, then warnings.
    Invalid {
        file: String,
        problems: Vec<SourceProblem>,
    },
}

impl ScenarioError {
    pub fn problems(&self) -> &[SourceProblem] {
        match self {
            ScenarioError::Read { .. } => &[],
            ScenarioError::Invalid { problems, .. } => problems,
        }
    }

    /// The full report: each problem with its file:line:column, the source
    /// line underlined, and a hint. `color` adds terminal colours.
    pub fn report(&self, color: bool) -> String {
        render_report(self, color)
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Read { file, error } => write!(f, "cannot read {file}: {error}"),
            ScenarioError::Invalid { file, problems } => {
                let errors = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                let s = if errors == 1 { "" } else { "s" };
                write!(f, "{file}: {errors} error{s}")
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

impl Diagnostic for ScenarioError {
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        match self {
            ScenarioError::Read { .. } => None,
            ScenarioError::Invalid { problems, .. } => {
                Some(Box::new(problems.iter().map(|p| p as &dyn Diagnostic)))
            }
        }
    }
}

/// One located problem in a scenario file.
#[derive(Debug, Clone)]
pub struct SourceProblem {
    pub severity: Severity,
    pub file: String,
    /// 1-based line and column (in characters) of the offending text.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The field's path in the data, for meaning errors.
    pub path: Option<locate::Path>,
    pub hint: Option<String>,
    /// The offending text itself.
    pub excerpt: String,
    span: SourceSpan,
    source: Arc<NamedSource<String>>,
}

impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {kind}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(path) = &self.path {
            write!(f, " (in {path})")?;
        }
        Ok(())
    }
}

impl std::error::Error for SourceProblem {}

impl Diagnostic for SourceProblem {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.hint
            .as_ref()
            .map(|h| Box::new(h.clone()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".into()), self.span),
        )))
    }
}

fn syntax_problem(
    file: &str,
    src: &str,
    e: &ron::error::SpannedError,
    source: &Arc<NamedSource<String>>,
) -> SourceProblem {
    let start = offset_of(src, e.span.start.line, e.span.start.col);
    let mut end = offset_of(src, e.span.end.line, e.span.end.col).max(start);
    if end == start {
        end = token_end(src, start);
    }
    let hint = match &e.code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        }
        | ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => Some(match validate::suggest(found, expected) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of: {}", expected.join(", ")),
        }),
        ron::Error::MissingStructField { field, .. } => Some(format!(
            "add `{field}: ...`; docs/scenario-format.md describes every field"
        )),
        ron::Error::ExpectedComma => Some("separate items with commas".into()),
        ron::Error::Eof => Some("a bracket or parenthesis is probably not closed".into()),
        _ => None,
    };
    let (line, column) = line_col(src, start);
    SourceProblem {
        severity: Severity::Error,
        file: file.to_string(),
        line,
        column,
        message: e.code.to_string(),
        path: None,
        hint,
        excerpt: src[start..end].to_string(),
        span: (start, end - start).into(),
        source: source.clone(),
    }
}

fn meaning_problem(
    file: &str,
    src: &str,
    index: &locate::SpanIndex,
    p: Problem,
    source: &Arc<NamedSource<String>>,
) -> SourceProblem {
    let span = if p.at_key {
        index.key(&p.path)
    } else {
        index.value(&p.path)
    }
    .unwrap_or(0..0);
    let (line, column) = line_col(src, span.start);
    SourceProblem {
        severity: p.severity,
        file: file.to_string(),
        line,
        column,
        message: p.message,
        path: Some(p.path),
        hint: p.hint,
        excerpt: src[span.clone()].to_string(),
        span: (span.start, span.len()).into(),
        source: source.clone(),
    }
}

/// Byte offset of a 1-based line and character column.
fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map(|(b, _)| b)
                    .unwrap_or(l.len());
        }
        offset += l.len();
    }
    src.len()
}

/// 1-based line and character column of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// End of the word or symbol starting at `start`, to underline something.
fn token_end(src: &str, start: usize) -> usize {
    let rest = &src[start.min(src.len())..];
    let mut chars = rest.char_indices();
    match chars.next() {
        None => start,
        Some((_, c)) if c.is_alphanumeric() || c == '_' || c == '"' => {
            let len = rest
                .char_indices()
                .skip(1)
                .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '_' || ch == '.'))
                .map(|(i, ch)| if c == '"' && ch == '"' { i + 1 } else { i })
                .unwrap_or(rest.len());
            start + len
        }
        Some((_, c)) => start + c.len_utf8(),
    }
}

fn render_report(e: &ScenarioError, color: bool) -> String {
    let ScenarioError::Invalid { problems, .. } = e else {
        return e.to_string();
    };
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for p in problems {
        let mut one = String::new();
        if handler.render_report(&mut one, p).is_err() {
            one = p.to_string();
        }
        out.push_str(&one);
        out.push('\n');
    }
    out.push_str(&e.to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_round_trip_across_multibyte_text() {
        let src = "ab\nçé x\n";
        let off = offset_of(src, 2, 3);
        assert_eq!(&src[off..off + 1], " ");
        assert_eq!(line_col(src, off), (2, 3));
        assert_eq!(offset_of(src, 9, 1), src.len());
    }
}
