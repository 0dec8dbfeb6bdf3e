//! Compile time: what `#[derive(ApiModel)]` adds on top of serde's derives.
//!
//! ```text
//! cargo run --release -p model-examples --example compile_time [-- --models 200 --runs 3 --mix common]
//! ```
//!
//! For each field-type mix (all of them unless `--mix` names some), generates
//! two throwaway crates under `target/compile-time/`, each with the same 200
//! models of about 10 fields and 20 string enums:
//!
//! - `serde_only`: `#[derive(Serialize, Deserialize)]`;
//! - `with_api_model`: the same plus `#[derive(ApiModel)]` (which writes the
//!   enums' serde impls itself).
//!
//! The `rules` mix has value rules on most fields, and compares with what
//! gives the same without this crate: its baseline crate derives serde's
//! traits, garde 0.22's `Validate` with the same rules, and schemars 1's
//! `JsonSchema`.
//!
//! Dependencies are built once first; then each crate alone is cleaned and
//! rebuilt `--runs` times, the two taking turns, and the median times and
//! their ratio are printed, then a table of every mix. The exit status is a
//! failure when a ratio is over the goal. On Linux a build's time is the CPU
//! time of cargo and rustc (see `children_cpu`), elsewhere its wall time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const ENUMS: usize = 20;
/// The goal of issue 25, for every mix.
const GOAL: f64 = 1.10;

/// A field-type mix: the fields of model `m`, given the enum it uses, the
/// type of its link to the model before it (`Option<String>` at a chain's
/// start), and which crate they are for.
struct Mix {
    name: &'static str,
    about: &'static str,
    /// `rename_all` of the enums.
    enum_case: &'static str,
    fields: fn(status: &str, parent: &str, side: Side) -> String,
    /// What the `ApiModel` crate is compared with.
    baseline: Baseline,
}

/// Which crate a model is written for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Baseline,
    ApiModel,
}

/// The derives of the baseline crate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Baseline {
    /// serde's alone.
    Serde,
    /// serde's, garde's `Validate` (with the mix's rules) and schemars'
    /// `JsonSchema`: what gives rules and a schema without `ApiModel`.
    SerdeGardeSchemars,
}

impl Baseline {
    fn label(self) -> &'static str {
        match self {
            Baseline::Serde => "serde's derives",
            Baseline::SerdeGardeSchemars => "serde + garde + schemars",
        }
    }
}

/// A field with a rule: `#[api(…)]` for the `ApiModel` crate, `#[garde(…)]`
/// for the baseline.
fn ruled(side: Side, api: &str, garde: &str, field: &str) -> String {
    match side {
        Side::ApiModel => format!("    #[api({api})]\n    pub {field},\n"),
        Side::Baseline => format!("    #[garde({garde})]\n    pub {field},\n"),
    }
}

const MIXES: &[Mix] = &[
    Mix {
        name: "project",
        about: "strings, numbers, booleans, a list, options, a date-time, an enum, a boxed child",
        enum_case: "snake_case",
        baseline: Baseline::Serde,
        fields: |status, parent, _| {
            format!(
                "    /// The id.\n    pub id: u64,\n    pub display_name: String,\n    pub note: Option<String>,\n    \
                 pub score: f64,\n    pub active: bool,\n    pub tags: Vec<String>,\n    \
                 pub created_at: chrono::DateTime<chrono::Utc>,\n    pub status: {status},\n    \
                 #[serde(default)]\n    pub retries: u8,\n    pub parent: {parent},\n"
            )
        },
    },
    Mix {
        name: "common",
        about: "date-times, optional lists and JSON values, booleans, floats, optional integers, boxed children, kebab-case enums",
        enum_case: "kebab-case",
        baseline: Baseline::Serde,
        fields: |status, parent, _| {
            format!(
                "    pub created_at: chrono::DateTime<chrono::Utc>,\n    pub updated_at: chrono::DateTime<chrono::Utc>,\n    \
                 pub counts: Option<Vec<u32>>,\n    pub metadata: Option<serde_json::Value>,\n    \
                 pub enabled: bool,\n    pub ratio: f64,\n    pub total: Option<i64>,\n    \
                 pub kind: {status},\n    pub previous: Option<{status}>,\n    pub parent: {parent},\n"
            )
        },
    },
    Mix {
        name: "documented",
        about: "strings with a doc comment, a rename or an alias each, as a documented API has them",
        enum_case: "SCREAMING_SNAKE_CASE",
        baseline: Baseline::Serde,
        fields: |status, parent, _| {
            let mut out = String::new();
            for (index, name) in ["id", "name", "email", "phone", "title", "city", "country"].iter().enumerate() {
                let attr = match index % 3 {
                    0 => format!("    #[serde(rename = \"{name}Value\")]\n"),
                    1 => format!("    #[serde(alias = \"{name}_old\")]\n"),
                    _ => String::new(),
                };
                let ty = if index % 2 == 0 { "String" } else { "Option<String>" };
                let _ = write!(out, "    /// The {name}, as the API returns it.\n{attr}    pub {name}: {ty},\n");
            }
            let _ = write!(
                out,
                "    /// The state.\n    pub state: {status},\n    /// How many.\n    pub count: u32,\n    \
                 /// The model before it.\n    pub parent: {parent},\n"
            );
            out
        },
    },
    Mix {
        name: "collections",
        about: "lists, maps and options of children and enums",
        enum_case: "camelCase",
        baseline: Baseline::Serde,
        fields: |status, parent, _| {
            format!(
                "    pub id: String,\n    pub labels: std::collections::BTreeMap<String, String>,\n    \
                 pub scores: std::collections::HashMap<String, f64>,\n    pub states: Vec<{status}>,\n    \
                 pub flags: Vec<bool>,\n    pub aliases: Option<Vec<String>>,\n    pub sizes: Vec<u64>,\n    \
                 pub first: Option<{status}>,\n    pub extra: Option<Vec<Option<String>>>,\n    pub parent: {parent},\n"
            )
        },
    },
    Mix {
        name: "rules",
        about: "lengths, a pattern, an email, ranges, rules on list items, an enum and a boxed child",
        enum_case: "snake_case",
        baseline: Baseline::SerdeGardeSchemars,
        fields: |status, parent, side| {
            let mut out = String::new();
            out += &ruled(side, "min_length = 1, max_length = 64", "length(chars, min = 1, max = 64)", "name: String");
            out += &ruled(side, "format = \"email\"", "email", "email: String");
            out += &ruled(side, "minimum = 0, maximum = 1000", "range(min = 0, max = 1000)", "count: u32");
            out += &ruled(side, "pattern = \"^[a-z0-9-]+$\"", "pattern(r\"^[a-z0-9-]+$\")", "slug: String");
            out += &ruled(
                side,
                "max_items = 20, items(min_length = 1)",
                "length(max = 20), inner(length(chars, min = 1))",
                "tags: Vec<String>",
            );
            out += &ruled(side, "max_length = 500", "length(chars, max = 500)", "note: Option<String>");
            out += &ruled(side, "minimum = 0.0, maximum = 1.0", "range(min = 0.0, max = 1.0)", "ratio: f64");
            let skip = if side == Side::Baseline { "    #[garde(skip)]\n" } else { "" };
            let _ = write!(out, "{skip}    pub active: bool,\n{skip}    pub status: {status},\n");
            // garde walks into a child model; the chain's start is a string.
            let link = match (side, parent.starts_with("Option<Box")) {
                (Side::Baseline, true) => "    #[garde(dive)]\n",
                (Side::Baseline, false) => "    #[garde(skip)]\n",
                (Side::ApiModel, _) => "",
            };
            let _ = writeln!(out, "{link}    pub parent: {parent},");
            out
        },
    },
];

fn main() -> ExitCode {
    let mut models = 200;
    let mut runs = 3;
    let mut mixes: Vec<&Mix> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value.as_deref()) {
            ("--models", Some(value)) if value.parse::<usize>().is_ok() => models = value.parse().unwrap_or(models),
            ("--runs", Some(value)) if value.parse::<usize>().is_ok() => runs = value.parse().unwrap_or(runs),
            ("--mix", Some(name)) if MIXES.iter().any(|mix| mix.name == name) => {
                if !mixes.iter().any(|mix| mix.name == name) {
                    mixes.extend(MIXES.iter().filter(|mix| mix.name == name));
                }
            }
            _ => {
                let names: Vec<&str> = MIXES.iter().map(|mix| mix.name).collect();
                eprintln!("usage: compile_time [--models N] [--runs N] [--mix NAME]...\nmixes: {}", names.join(", "));
                return ExitCode::FAILURE;
            }
        }
    }
    if mixes.is_empty() {
        mixes = MIXES.iter().collect();
    }
    let mut results = Vec::new();
    for mix in mixes {
        match run(mix, models, runs.max(1)) {
            Ok(medians) => results.push((mix, medians)),
            Err(error) => {
                eprintln!("compile_time: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("\n| mix | fields | baseline | baseline's time | serde + ApiModel | ratio |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut all_met = true;
    for (mix, [baseline, api_model]) in &results {
        let ratio = api_model.as_secs_f64() / baseline.as_secs_f64();
        all_met &= ratio <= GOAL;
        println!(
            "| {} | {} | {} | {:.2} s | {:.2} s | {ratio:.3} |",
            mix.name,
            mix.about,
            mix.baseline.label(),
            baseline.as_secs_f64(),
            api_model.as_secs_f64()
        );
    }
    println!("\ngoal: every ratio at most {GOAL:.2}: {}", if all_met { "met" } else { "NOT met" });
    if all_met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The median build times of the two crates for one mix.
fn run(mix: &Mix, models: usize, runs: usize) -> Result<[Duration; 2], String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let model_core = root.join("model-core").canonicalize().map_err(|e| format!("model-core: {e}"))?;
    let dir = root.join("target").join("compile-time");
    write_workspace(&dir, &model_core, mix, models)?;

    println!("mix {}: building dependencies once ...", mix.name);
    cargo(&dir, &["build", "--workspace"])?;
    // The two crates take turns, so drift in the machine's load hits both alike.
    let crates = ["serde_only", "with_api_model"];
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (krate, times) in crates.iter().zip(&mut times) {
            cargo(&dir, &["clean", "-p", krate])?;
            let (start, cpu) = (Instant::now(), children_cpu());
            cargo(&dir, &["build", "-p", krate])?;
            // CPU time where the system tells it, else wall time.
            times.push(match (cpu, children_cpu()) {
                (Some(before), Some(after)) => after.saturating_sub(before),
                _ => start.elapsed(),
            });
        }
    }
    let mut medians = [Duration::ZERO; 2];
    for ((krate, times), median) in crates.iter().zip(&mut times).zip(&mut medians) {
        times.sort();
        *median = times[times.len() / 2];
        println!(
            "  {krate:<15} {models} models: median {:.2} s ({}) of {runs} clean builds {:?}",
            median.as_secs_f64(),
            if children_cpu().is_some() { "CPU" } else { "wall" },
            secs(times)
        );
    }
    println!(
        "  ratio with_api_model / serde_only ({}) = {:.3}",
        mix.baseline.label(),
        medians[1].as_secs_f64() / medians[0].as_secs_f64()
    );
    Ok(medians)
}

/// The CPU time (user and system) of this process's finished children and
/// their own children: cargo and every rustc it ran. Read from Linux's
/// `/proc/self/stat` (its 16th and 17th fields, in ticks of 1/100 s), as
/// std has no `getrusage`. A build's CPU time does not grow, as its wall
/// time does, when a neighbour on a shared machine takes the cores; `None`
/// elsewhere, where wall time is used.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: count after it.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some(Duration::from_millis((ticks(16)? + ticks(17)?) * 10))
}

fn secs(times: &[Duration]) -> Vec<String> {
    times.iter().map(|time| format!("{:.2}", time.as_secs_f64())).collect()
}

fn cargo(dir: &Path, args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args(args)
        .arg("--quiet")
        .current_dir(dir)
        .env_remove("RUSTFLAGS")
        .status()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo {} failed in {}", args.join(" "), dir.display()))
    }
}

fn write_workspace(dir: &Path, model_core: &Path, mix: &Mix, models: usize) -> Result<(), String> {
    let manifest = "[workspace]\nresolver = \"2\"\nmembers = [\"serde_only\", \"with_api_model\"]\n";
    write(&dir.join("Cargo.toml"), manifest)?;
    let rules = mix.baseline == Baseline::SerdeGardeSchemars;
    for (krate, api_model) in [("serde_only", false), ("with_api_model", true)] {
        let mut manifest = format!(
            "[package]\nname = \"{krate}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\
             serde_json = \"1\"\n\
             chrono = {{ version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }}\n"
        );
        match (api_model, rules) {
            (true, false) => {
                let _ = writeln!(manifest, "model-core = {{ path = {:?} }}", model_core.display().to_string());
            }
            (true, true) => {
                let path = model_core.display().to_string();
                let _ = writeln!(manifest, "model-core = {{ path = {path:?}, features = [\"regex\", \"email_address\"] }}");
            }
            (false, true) => manifest.push_str(
                "garde = { version = \"0.22\", default-features = false, features = [\"derive\", \"regex\", \"email\"] }\n\
                 schemars = \"1\"\n",
            ),
            (false, false) => {}
        }
        write(&dir.join(krate).join("Cargo.toml"), &manifest)?;
        write(&dir.join(krate).join("src").join("lib.rs"), &source(mix, models, api_model))?;
    }
    Ok(())
}

fn write(path: &PathBuf, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    // Unchanged files are left alone, so cargo's fingerprints stay valid.
    if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The generated models: each uses one of the enums and nests the one before
/// it, in chains of ten. A chain of some 64 distinct `Box`-nested types
/// overflows rustc's drop-check recursion limit, with serde's derive alone too.
fn source(mix: &Mix, models: usize, api_model: bool) -> String {
    let (struct_derive, enum_derive) = match (api_model, mix.baseline) {
        (true, _) => (
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]",
            "#[derive(Debug, Clone, PartialEq, Eq, ApiModel)]",
        ),
        (false, Baseline::Serde) => (
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
            "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]",
        ),
        (false, Baseline::SerdeGardeSchemars) => (
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, garde::Validate, schemars::JsonSchema)]",
            "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]",
        ),
    };
    let side = if api_model { Side::ApiModel } else { Side::Baseline };
    let mut out = String::from("#![allow(dead_code)]\nuse serde::{Deserialize, Serialize};\n");
    if api_model {
        out.push_str("use model_core::ApiModel;\n");
    }
    for e in 0..ENUMS {
        let _ = write!(
            out,
            "\n/// Enum {e}.\n{enum_derive}\n#[serde(rename_all = \"{}\")]\npub enum Status{e} {{\n    \
             Draft,\n    InReview,\n    Approved,\n    Rejected,\n    Archived,\n    Deleted,\n}}\n",
            mix.enum_case
        );
    }
    for m in 0..models {
        let parent = if m % 10 == 0 { "Option<String>".to_owned() } else { format!("Option<Box<Model{}>>", m - 1) };
        let fields = (mix.fields)(&format!("Status{}", m % ENUMS), &parent, side);
        let _ = write!(
            out,
            "\n/// Model {m}.\n{struct_derive}\n#[serde(rename_all = \"camelCase\")]\npub struct Model{m} {{\n{fields}}}\n"
        );
    }
    out
}
