//! The layering the crate docs state, checked: `lib.rs` declares the modules
//! in groups headed `// Layer N: …`, and a module may use only modules of a
//! lower layer, or of its own layer without a cycle. `doc/` is one module,
//! whose files may use each other.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

#[test]
fn modules_use_only_lower_layers_and_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layers = declared_layers(&fs::read_to_string(src.join("lib.rs")).unwrap());
    assert!(layers.len() > 10, "lib.rs declares its modules under `// Layer N:` comments: {layers:?}");

    let mut uses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (module, text) in sources(&src) {
        let entry = uses.entry(module.clone()).or_default();
        for used in crate_paths(&text, &module) {
            assert!(layers.contains_key(&used), "{module} names `crate::{used}`: name the module, not a re-export");
            if used != module && !entry.contains(&used) {
                entry.push(used);
            }
        }
    }
    for (module, used) in &uses {
        let own = layers[module];
        for other in used {
            assert!(
                layers[other] <= own,
                "{module} (layer {own}) uses {other} (layer {}): a module may use only lower layers",
                layers[other]
            );
        }
    }
    for module in uses.keys() {
        let mut path = vec![module.clone()];
        assert!(!reaches(&uses, module, module, &mut path), "import cycle: {}", path.join(" -> "));
    }
}

/// `module → layer`, read off `// Layer N:` comments and the `mod` lines under them.
fn declared_layers(lib: &str) -> BTreeMap<String, usize> {
    let mut layers = BTreeMap::new();
    let mut layer = 0;
    for line in lib.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("// Layer ") {
            layer = rest.split(':').next().and_then(|n| n.parse().ok()).expect("`// Layer N:`");
        } else if let Some(name) =
            line.strip_prefix("pub ").unwrap_or(line).strip_prefix("mod ").and_then(|rest| rest.strip_suffix(';'))
        {
            assert!(layer > 0, "`mod {name};` comes before any `// Layer N:` comment");
            layers.insert(name.to_owned(), layer);
        }
    }
    layers
}

/// Each top-level module's source: `name.rs`, or every file of `name/`.
fn sources(src: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(src).unwrap().map(Result::unwrap) {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for file in fs::read_dir(&path).unwrap().map(Result::unwrap) {
                found.push((name.clone(), fs::read_to_string(file.path()).unwrap()));
            }
        } else if name != "lib" {
            found.push((name, fs::read_to_string(&path).unwrap()));
        }
    }
    found
}

/// The first segment after every `crate::` in code (comments are skipped:
/// doc links do not make a module depend on another).
fn crate_paths(text: &str, module: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.starts_with("//")) {
        for (index, _) in line.match_indices("crate::") {
            // `$crate::…` in a `macro_rules!` body is a path the macro's
            // expansion names in the user's crate, through the public
            // `__private_0_1`: not a use of one module by another.
            if line[..index].ends_with('$') {
                continue;
            }
            let rest = &line[index + "crate::".len()..];
            assert!(!rest.starts_with('{'), "{module}: write one `use crate::module::…` per module: {line}");
            let name: String = rest.chars().take_while(|ch| ch.is_alphanumeric() || *ch == '_').collect();
            // `#[macro_export]` puts a macro at the root, named `__model_core_…`
            // here: it is the module that defines it, not one of its own.
            if !name.starts_with("__model_core_") {
                found.push(name);
            }
        }
    }
    found
}

fn reaches(uses: &BTreeMap<String, Vec<String>>, from: &str, target: &str, path: &mut Vec<String>) -> bool {
    for next in uses.get(from).into_iter().flatten() {
        if path.contains(next) && next != target {
            continue;
        }
        path.push(next.clone());
        if next == target || reaches(uses, next, target, path) {
            return true;
        }
        path.pop();
    }
    false
}
