//! The shape of `src/` (docs/design.md, "Layers"): modules import only
//! downward, and no module depends on itself through others.
//!
//! Every `.rs` file under `src/` is a module (`a/mod.rs` is `a`); an edge is a
//! `crate::…` or `super::…` path outside comments and test modules, resolved to
//! the longest module path it names. A parent declaring or re-exporting its
//! children, and a child naming its parent's items, are containment, not
//! imports; every other edge counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules, lowest first. A module may import only from modules
/// in earlier layers.
const LAYERS: &[&[&str]] = &[
    &["secret", "private_file", "batch"],
    &["api", "prompt"],
    &["config", "audit", "backup", "filter", "id_cache"],
    &["error", "manifest"],
    &["exit"],
    &["output", "complete"],
    &["interrupt", "cli"],
    &["commands"],
];

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Module path (`commands/integrations/remove`) → source text without
/// comments and test modules.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let mut name = relative.to_string_lossy().replace('\\', "/");
            if let Some(parent) = name.strip_suffix("/mod") {
                name = parent.to_owned();
            }
            if name == "lib" || name == "main" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            modules.insert(name, code_only(&text));
        }
    }
    modules
}

/// The text before `#[cfg(test)]`, without `//` comments.
fn code_only(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::b::c` → the longest of `a/b/c`, `a/b`, `a` that is a module.
fn resolve(segments: &[&str], modules: &BTreeMap<String, String>) -> Option<String> {
    (1..=segments.len())
        .rev()
        .map(|len| segments[..len].join("/"))
        .find(|candidate| modules.contains_key(candidate))
}

/// The paths after `prefix` (`crate::`, `super::`), each as its segments; a
/// `{a, b}` group after it gives one path per name.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<Vec<&'a str>> {
    let mut paths = Vec::new();
    for (start, _) in code.match_indices(prefix) {
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[start + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            for name in group.split(',') {
                let name = name.trim().split("::").next().unwrap_or_default().trim();
                if !name.is_empty() {
                    paths.push(vec![name]);
                }
            }
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let segments: Vec<&str> = rest[..end]
            .split("::")
            .filter(|segment| !segment.is_empty())
            .collect();
        if !segments.is_empty() {
            paths.push(segments);
        }
    }
    paths
}

fn is_within(module: &str, ancestor: &str) -> bool {
    module == ancestor || module.starts_with(&format!("{ancestor}/"))
}

/// Every import edge between modules, containment left out.
fn imports() -> Graph {
    let modules = modules();
    let mut graph = Graph::new();
    for (module, code) in &modules {
        let parent: Vec<&str> = module.split('/').collect();
        let parent = &parent[..parent.len() - 1];
        let mut targets: Vec<Option<String>> = paths_after(code, "crate::")
            .iter()
            .map(|segments| resolve(segments, &modules))
            .collect();
        for segments in paths_after(code, "super::") {
            let full: Vec<&str> = parent.iter().copied().chain(segments).collect();
            targets.push(resolve(&full, &modules));
        }
        for target in targets.into_iter().flatten() {
            if !is_within(module, &target) && !is_within(&target, module) {
                graph.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    graph
}

fn layer_of(module: &str) -> usize {
    let top = module.split('/').next().unwrap_or_default();
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("module `{module}` is in no layer of tests/cli/architecture.rs"))
}

#[test]
fn modules_import_only_from_lower_layers() {
    let mut upward = Vec::new();
    for (from, targets) in imports() {
        for to in targets {
            let same_top = from.split('/').next() == to.split('/').next();
            if !same_top && layer_of(&to) >= layer_of(&from) {
                upward.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not go down a layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_module_depends_on_itself() {
    let graph = imports();
    let mut state: BTreeMap<&str, bool> = BTreeMap::new(); // false: on the path, true: done
    fn visit<'a>(
        module: &'a str,
        graph: &'a Graph,
        state: &mut BTreeMap<&'a str, bool>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(module, false);
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(false) => {
                    let start = path.iter().position(|m| *m == next).unwrap_or_default();
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|m| (*m).to_owned()).collect();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(true) => {}
                None => {
                    if let Some(cycle) = visit(next, graph, state, path) {
                        return Some(cycle);
                    }
                }
            }
        }
        path.pop();
        state.insert(module, true);
        None
    }
    for module in graph.keys() {
        if !state.contains_key(module.as_str())
            && let Some(cycle) = visit(module, &graph, &mut state, &mut Vec::new())
        {
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_imports() {
    // Guards the two tests above against passing because they read nothing.
    let graph = imports();
    let edge = |from: &str, to: &str| graph.get(from).is_some_and(|targets| targets.contains(to));
    assert!(
        edge("commands/integrations/remove", "commands/safety"),
        "{graph:#?}"
    );
    assert!(edge("exit", "error"), "{graph:#?}");
    assert!(edge("output", "api"), "{graph:#?}");
    assert!(!edge("output", "commands"), "{graph:#?}");
}
