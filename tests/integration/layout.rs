//! The layout a newcomer relies on (ARCHITECTURE.md): no source file over
//! 800 lines, and uses between the files of each crate that point one way.
//!
//! A module file may compose its own children (declare them, register their
//! plugins, re-export their items): that is containment, not a use. Every
//! other path from one file to another (`use crate::a::b`, `super::x`,
//! `crate::a::f()` in the code) is an edge, and the edges of each crate must
//! have no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

/// The crates of the workspace, by their source folder.
const CRATES: [&str; 3] = ["src", "crates/core/src", "crates/classroom/src"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, with its module path (`ui::screens::chamber`).
fn modules(dir: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("the source folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap();
            let mut module: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            out.insert(module, path);
        }
    }
    out
}

/// The code of a file without comments and string contents.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_str && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                kept.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// Every path a file names: the paths of its `use` trees, expanded, and the
/// `crate::`, `super::` and `self::` paths in its code.
fn paths_named(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let tail = &rest[at + 4..];
        rest = tail;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = tail.find(';') {
            expand(&tail[..end], &mut Vec::new(), &mut out);
        }
    }
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let mut word = String::new();
        while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '_') {
            word.push(bytes[i]);
            i += 1;
        }
        let boundary = start == 0
            || !(bytes[start - 1].is_alphanumeric()
                || bytes[start - 1] == '_'
                || bytes[start - 1] == ':');
        if boundary && matches!(word.as_str(), "crate" | "super" | "self") {
            let mut path = vec![word.clone()];
            while i + 2 < bytes.len() && bytes[i] == ':' && bytes[i + 1] == ':' {
                i += 2;
                let mut seg = String::new();
                while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '_') {
                    seg.push(bytes[i]);
                    i += 1;
                }
                if seg.is_empty() {
                    break;
                }
                path.push(seg);
            }
            if path.len() > 1 {
                out.push(path);
            }
        }
        if i == start {
            i += 1;
        }
    }
    out
}

/// Expands a use tree (`crate::a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut part = String::new();
        let mut parts = Vec::new();
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut part));
                    continue;
                }
                _ => {}
            }
            part.push(c);
        }
        parts.push(part);
        let len = prefix.len();
        prefix.extend(head);
        for p in parts {
            if !p.trim().is_empty() {
                expand(&p, prefix, out);
            }
        }
        prefix.truncate(len);
    } else {
        let mut path = prefix.clone();
        let tree = tree.split(" as ").next().unwrap_or(tree);
        path.extend(
            tree.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "*")
                .map(String::from),
        );
        if matches!(
            path.first().map(String::as_str),
            Some("crate" | "super" | "self")
        ) {
            out.push(path);
        }
    }
}

/// The module a path leads to: as deep as its segments name modules.
fn resolve(
    from: &[String],
    path: &[String],
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    let mut at: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "self" => from.to_vec(),
        _ => from.to_vec(),
    };
    let mut segs = path.iter().skip(1).peekable();
    if path[0] == "super" {
        at.pop();
        while segs.peek().is_some_and(|s| *s == "super") {
            segs.next();
            at.pop();
        }
    }
    for seg in segs {
        let mut next = at.clone();
        next.push(seg.clone());
        if modules.contains_key(&next) {
            at = next;
        } else {
            break;
        }
    }
    Some(at)
}

/// The edges between the files of one crate, containment left out.
fn edges(dir: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules(dir);
    let mut out: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let targets = out.entry(module.clone()).or_default();
        for path in paths_named(&code) {
            let Some(target) = resolve(module, &path, &modules) else {
                continue;
            };
            // Itself, or one of its own children: containment.
            if target.starts_with(module) {
                continue;
            }
            targets.insert(target);
        }
    }
    out
}

/// A cycle in the graph, if there is one, as the modules along it.
fn find_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        marks: &mut BTreeMap<Vec<String>, Mark>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        stack[from..].iter().map(|m| m.join("::")).collect();
                    cycle.push(next.join("::"));
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New
            && let Some(c) = visit(node, graph, &mut marks, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut long = Vec::new();
    for dir in CRATES.iter().chain(["tests", "benches"].iter()) {
        for file in modules(&root().join(dir)).values() {
            let lines = std::fs::read_to_string(file).unwrap().lines().count();
            if lines > MAX_LINES {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn the_files_of_each_crate_use_each_other_one_way() {
    for dir in CRATES {
        let graph = edges(&root().join(dir));
        assert!(graph.len() > 5, "{dir}: the source files were found");
        if let Some(cycle) = find_cycle(&graph) {
            panic!(
                "{dir}: files use each other in a cycle: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_cycle_check_sees_a_cycle() {
    let path = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    let mut graph = BTreeMap::new();
    graph.insert(path("a"), BTreeSet::from([path("b")]));
    graph.insert(path("b"), BTreeSet::from([path("c")]));
    graph.insert(path("c"), BTreeSet::from([path("a")]));
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    graph.insert(path("c"), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    // Use trees and paths in code are both seen.
    let code = "use crate::a::{b, c::{d, e}};\nfn f() { super::g::h(); }";
    let named = paths_named(code);
    for p in [
        "crate::a::b",
        "crate::a::c::d",
        "crate::a::c::e",
        "super::g::h",
    ] {
        assert!(named.contains(&path(p)), "{p}: {named:?}");
    }
}
