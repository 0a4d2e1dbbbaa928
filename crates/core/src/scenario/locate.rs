//! Finds where a value sits in a RON file, by its path in the data.
//!
//! `ron` reports positions for syntax and type errors but forgets them once a
//! file has parsed. Meaning errors (an unknown clause id in a stance) are found
//! later, on the typed scenario, and name a path such as
//! `delegations[3].stances["ceasfire"]`. This module re-reads the (already
//! valid) RON text once and records the byte span of every value and map key
//! by path, so each meaning error can point at file:line:column.

use std::collections::HashMap;
use std::fmt;

/// One step into a RON value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A named field of a struct or struct-like enum variant.
    Field(String),
    /// An element of a list or tuple.
    Index(usize),
    /// The entry of a map with this key (keys compared as their string content).
    Key(String),
}

/// A path from the root of the file to a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(pub Vec<Segment>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }

    pub fn field(&self, name: &str) -> Self {
        self.with(Segment::Field(name.to_string()))
    }

    pub fn index(&self, i: usize) -> Self {
        self.with(Segment::Index(i))
    }

    pub fn key(&self, k: &str) -> Self {
        self.with(Segment::Key(k.to_string()))
    }

    fn with(&self, s: Segment) -> Self {
        let mut v = self.0.clone();
        v.push(s);
        Path(v)
    }

    fn parent(&self) -> Option<Self> {
        if self.0.is_empty() {
            None
        } else {
            Some(Path(self.0[..self.0.len() - 1].to_vec()))
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(the whole file)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Field(name) if i == 0 => write!(f, "{name}")?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Key(k) => write!(f, "[{k:?}]")?,
            }
        }
        Ok(())
    }
}

/// Byte range in the source.
pub type Span = std::ops::Range<usize>;

/// The spans of every value (and map key) of a RON document.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: HashMap<Path, Span>,
    keys: HashMap<Path, Span>,
}

impl SpanIndex {
    /// Indexes `src`. Text that is not valid RON is indexed as far as it goes.
    pub fn new(src: &str) -> Self {
        let mut scanner = Scanner {
            src: src.as_bytes(),
            pos: 0,
            index: SpanIndex::default(),
            depth: 0,
        };
        scanner.skip_trivia();
        // Inner attributes such as `#![enable(implicit_some)]`.
        while scanner.peek() == Some(b'#') {
            while let Some(c) = scanner.peek() {
                scanner.pos += 1;
                if c == b']' {
                    break;
                }
            }
            scanner.skip_trivia();
        }
        scanner.value(&Path::root());
        scanner.index
    }

    /// The span of the value at `path`, or of its nearest recorded ancestor.
    pub fn value(&self, path: &Path) -> Option<Span> {
        let mut p = Some(path.clone());
        while let Some(cur) = p {
            if let Some(span) = self.values.get(&cur) {
                return Some(span.clone());
            }
            p = cur.parent();
        }
        None
    }

    /// The span of the key of the map entry at `path`, else of its value.
    pub fn key(&self, path: &Path) -> Option<Span> {
        self.keys.get(path).cloned().or_else(|| self.value(path))
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    index: SpanIndex,
    depth: usize,
}

/// Deeper nesting than any scenario needs; stops a hostile file from
/// exhausting the stack.
const MAX_DEPTH: usize = 128;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.src.get(self.pos + offset).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    // Block comments nest in RON.
                    self.pos += 2;
                    let mut level = 1;
                    while level > 0 && self.pos < self.src.len() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'/'), Some(b'*')) => {
                                level += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                level -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn is_word_byte(c: u8) -> bool {
        c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-' | b'.') || c >= 0x80
    }

    /// Reads one value and records its span at `path`.
    fn value(&mut self, path: &Path) {
        self.skip_trivia();
        let start = self.pos;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.pos = self.src.len();
            return;
        }
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'r') if matches!(self.peek_at(1), Some(b'"') | Some(b'#')) => self.raw_string(),
            Some(b'b') if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.string();
            }
            Some(b'\'') => self.char_literal(),
            Some(b'[') => self.list(path),
            Some(b'{') => self.map(path),
            Some(b'(') => self.parenthesised(path, true),
            Some(c) if Self::is_word_byte(c) => {
                let word_start = self.pos;
                while self.peek().is_some_and(Self::is_word_byte) {
                    self.pos += 1;
                }
                let is_some = &self.src[word_start..self.pos] == b"Some";
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    // `Some(x)` is transparent: x is the value at this path.
                    self.parenthesised(path, !is_some);
                }
            }
            Some(_) => self.pos += 1,
            None => {}
        }
        self.depth -= 1;
        self.index.values.insert(path.clone(), start..self.pos);
    }

    fn string(&mut self) {
        self.pos += 1; // opening quote
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.pos += 1; // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.pos += 1; // opening quote
        while self.pos < self.src.len() {
            if self.peek() == Some(b'"') && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
    }

    fn char_literal(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'\'' => return,
                _ => {}
            }
        }
    }

    fn list(&mut self, path: &Path) {
        self.pos += 1;
        let mut i = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                None => return,
                _ => {}
            }
            let before = self.pos;
            self.value(&path.index(i));
            i += 1;
            self.skip_trivia();
            if self.peek() == Some(b',') {
                self.pos += 1;
            } else if self.pos == before {
                self.pos += 1; // not valid RON: make progress
            }
        }
    }

    fn map(&mut self, path: &Path) {
        self.pos += 1;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                None => return,
                _ => {}
            }
            let key_start = self.pos;
            // Keys are values too; index them under a throwaway path.
            self.value(&path.key("\0key"));
            let key_span = key_start..self.pos;
            let key = key_text(&self.src[key_span.clone()]);
            self.index.values.remove(&path.key("\0key"));
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let entry = path.key(&key);
            self.index.keys.insert(entry.clone(), key_span);
            let before = self.pos;
            self.value(&entry);
            self.skip_trivia();
            // Past the separator, or past a character nothing could read.
            if self.peek() == Some(b',') || self.pos == before {
                self.pos += 1;
            }
        }
    }

    /// `( ... )` after an optional name: named fields or tuple elements.
    /// With `segments` false (inside `Some(...)`) the single element is the
    /// value at `path` itself.
    fn parenthesised(&mut self, path: &Path, segments: bool) {
        self.pos += 1;
        let mut i = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b')') => {
                    self.pos += 1;
                    return;
                }
                None => return,
                _ => {}
            }
            let before = self.pos;
            if let Some(name) = self.field_name() {
                self.value(&path.field(&name));
            } else if segments {
                self.value(&path.index(i));
            } else {
                self.value(path);
            }
            i += 1;
            self.skip_trivia();
            // Past the separator, or past a character nothing could read.
            if self.peek() == Some(b',') || self.pos == before {
                self.pos += 1;
            }
        }
    }

    /// Reads `name:` if the next thing is a field name; otherwise moves nothing.
    fn field_name(&mut self) -> Option<String> {
        let start = self.pos;
        let mut end = start;
        while self
            .src
            .get(end)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        {
            end += 1;
        }
        if end == start {
            return None;
        }
        let saved = self.pos;
        self.pos = end;
        self.skip_trivia();
        if self.peek() == Some(b':') && self.peek_at(1) != Some(b':') {
            self.pos += 1;
            Some(String::from_utf8_lossy(&self.src[start..end]).into_owned())
        } else {
            self.pos = saved;
            None
        }
    }
}

/// A map key's text: a string's content without quotes and escapes.
fn key_text(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"#![enable(implicit_some)]
// A comment with "quotes" and (parens).
Scenario(
    id: "demo", /* nested /* block */ comment */
    council: (members: [Member(code: "USA"), Member(code: "FRA", groups: ["EU", "P3"])]),
    stances: {"ceasefire": [0.5, -0.5], "aid": [1.0]},
    presidency: Some("IND"),
    clauses: [("halt_rockets", 1)],
    note: r#"raw "text""#,
)"##;

    fn text_at(index: &SpanIndex, path: &Path) -> String {
        DOC[index.value(path).unwrap()].to_string()
    }

    #[test]
    fn finds_fields_list_elements_and_map_entries() {
        let index = SpanIndex::new(DOC);
        let root = Path::root();
        assert_eq!(text_at(&index, &root.field("id")), "\"demo\"");
        let fra = root.field("council").field("members").index(1);
        assert_eq!(text_at(&index, &fra.field("code")), "\"FRA\"");
        assert_eq!(text_at(&index, &fra.field("groups").index(1)), "\"P3\"");
        let aid = root.field("stances").key("aid");
        assert_eq!(text_at(&index, &aid), "[1.0]");
        assert_eq!(&DOC[index.key(&aid).unwrap()], "\"aid\"");
        assert_eq!(
            text_at(&index, &root.field("stances").key("ceasefire").index(1)),
            "-0.5"
        );
    }

    #[test]
    fn some_is_transparent_and_tuples_are_indexed() {
        let index = SpanIndex::new(DOC);
        let root = Path::root();
        assert_eq!(text_at(&index, &root.field("presidency")), "Some(\"IND\")");
        let clause = root.field("clauses").index(0);
        assert_eq!(text_at(&index, &clause.index(0)), "\"halt_rockets\"");
        assert_eq!(text_at(&index, &clause.index(1)), "1");
        assert_eq!(text_at(&index, &root.field("note")), "r#\"raw \"text\"\"#");
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_ancestor() {
        let index = SpanIndex::new(DOC);
        let missing = Path::root().field("council").field("presidency");
        assert_eq!(
            index.value(&missing),
            index.value(&Path::root().field("council"))
        );
    }

    #[test]
    fn paths_print_like_field_accesses() {
        let p = Path::root()
            .field("delegations")
            .index(3)
            .field("stances")
            .key("ceasfire");
        assert_eq!(p.to_string(), "delegations[3].stances[\"ceasfire\"]");
    }

    #[test]
    fn broken_or_hostile_text_never_panics() {
        for src in [
            "",
            "(",
            "[[[[",
            "{\"a\": ",
            "r#\"",
            "'",
            "/* open",
            &"[".repeat(10_000),
        ] {
            let _ = SpanIndex::new(src);
        }
    }
}
