//! The derive's files are its stages: no module reaches back into one that
//! reaches it (`expand` orchestrates, the emitters share pieces through the
//! leaf `table`). Read off `crate::…` paths in each file, as model-core's
//! `layers.rs` reads its own.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

#[test]
fn the_derives_modules_form_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap().map(Result::unwrap) {
        let path = entry.path();
        let Some(module) = path.file_stem().and_then(|stem| stem.to_str()).map(str::to_owned) else { continue };
        if module == "lib" {
            continue;
        }
        // A folder module is one module: its files together.
        let text = if path.is_dir() {
            fs::read_dir(&path).unwrap().map(|file| fs::read_to_string(file.unwrap().path()).unwrap()).collect()
        } else {
            fs::read_to_string(&path).unwrap()
        };
        uses.insert(module.clone(), crate_paths(&text).into_iter().filter(|used| *used != module).collect());
    }
    assert!(uses.len() > 10, "the derive's modules, read from src/: {uses:?}");
    for module in uses.keys() {
        let mut path = vec![module.clone()];
        assert!(!reaches(&uses, module, module, &mut path), "import cycle: {}", path.join(" -> "));
    }
    // The leaf every emitter shares calls none of them.
    for emitter in ["model", "newtype", "string_enum", "union", "fallback", "expand"] {
        assert!(!uses["table"].contains(emitter), "table uses {emitter}");
    }
}

/// The first segment of every `crate::x` path, and of `use crate::{x, y}`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

fn reaches(uses: &BTreeMap<String, BTreeSet<String>>, from: &str, target: &str, path: &mut Vec<String>) -> bool {
    for next in uses.get(from).into_iter().flatten() {
        if path.len() > uses.len() {
            return false;
        }
        path.push(next.clone());
        if next == target || (!path[..path.len() - 1].contains(next) && reaches(uses, next, target, path)) {
            return true;
        }
        path.pop();
    }
    false
}
