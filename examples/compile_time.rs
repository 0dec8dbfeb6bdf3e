//! Compile time: what `#[derive(ApiModel)]` adds on top of serde's derives.
//!
//! ```text
//! cargo run --release -p model-examples --example compile_time [-- --models 200 --runs 3 --mix common]
//! cargo run --release -p model-examples --example compile_time -- --instructions [--models 100 --mix common]
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
//!
//! With `--instructions`, each crate is built once with rustc under
//! valgrind's cachegrind instead, and what is compared is the instructions
//! rustc ran for it (the derives included): a count that repeats exactly,
//! where the CPU time of one crate's builds spreads by a third on a shared
//! machine.

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
    // Run by cargo as `RUSTC_WRAPPER` (see `wrap_rustc`).
    if std::env::var_os(MEASURED).is_some() {
        return wrap_rustc();
    }
    let mut models = 200;
    let mut measure = Measure::Time { runs: 3 };
    let mut mixes: Vec<&Mix> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--instructions" {
            measure = Measure::Instructions;
            continue;
        }
        let value = args.next();
        match (arg.as_str(), value.as_deref()) {
            ("--models", Some(value)) if value.parse::<usize>().is_ok() => models = value.parse().unwrap_or(models),
            ("--runs", Some(value)) if value.parse::<usize>().is_ok() => {
                measure = Measure::Time { runs: value.parse::<usize>().unwrap_or(3).max(1) };
            }
            ("--mix", Some(name)) if MIXES.iter().any(|mix| mix.name == name) => {
                if !mixes.iter().any(|mix| mix.name == name) {
                    mixes.extend(MIXES.iter().filter(|mix| mix.name == name));
                }
            }
            _ => {
                let names: Vec<&str> = MIXES.iter().map(|mix| mix.name).collect();
                eprintln!(
                    "usage: compile_time [--models N] [--runs N | --instructions] [--mix NAME]...\nmixes: {}",
                    names.join(", ")
                );
                return ExitCode::FAILURE;
            }
        }
    }
    if mixes.is_empty() {
        mixes = MIXES.iter().collect();
    }
    let mut results = Vec::new();
    for mix in mixes {
        match run(mix, models, measure) {
            Ok(costs) => results.push((mix, costs)),
            Err(error) => {
                eprintln!("compile_time: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("\n| mix | fields | baseline | baseline's {0} | serde + ApiModel | ratio |", measure.what());
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut all_met = true;
    for (mix, [baseline, api_model]) in &results {
        let ratio = api_model / baseline;
        all_met &= ratio <= GOAL;
        println!(
            "| {} | {} | {} | {} | {} | {ratio:.3} |",
            mix.name,
            mix.about,
            mix.baseline.label(),
            measure.show(*baseline),
            measure.show(*api_model)
        );
    }
    println!("\ngoal: every ratio at most {GOAL:.2}: {}", if all_met { "met" } else { "NOT met" });
    if all_met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// How a build is measured.
#[derive(Clone, Copy)]
enum Measure {
    /// Its time (see `children_cpu`): the median of `runs` clean builds.
    Time { runs: usize },
    /// The instructions rustc runs for the crate, counted by cachegrind: the
    /// same from one run to the next, whatever else the machine is doing,
    /// where a build's time on a shared machine spreads by a third. Needs
    /// `valgrind` on the `PATH`; each build is some 30 times slower.
    Instructions,
}

impl Measure {
    fn what(self) -> &'static str {
        match self {
            Measure::Time { .. } => "time",
            Measure::Instructions => "rustc instructions",
        }
    }

    fn show(self, cost: f64) -> String {
        match self {
            Measure::Time { .. } => format!("{cost:.2} s"),
            Measure::Instructions => format!("{:.3} G", cost / 1e9),
        }
    }
}

/// The two crates of a mix: the baseline, then the one with `ApiModel`.
const CRATES: [&str; 2] = ["serde_only", "with_api_model"];

/// The cost of building each of the two crates for one mix: seconds, or
/// instructions.
fn run(mix: &Mix, models: usize, measure: Measure) -> Result<[f64; 2], String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let model_core = root.join("model-core").canonicalize().map_err(|e| format!("model-core: {e}"))?;
    let dir = root.join("target").join("compile-time");
    write_workspace(&dir, &model_core, mix, models)?;
    // Counting builds go through this program as rustc's wrapper; the
    // dependencies are built through it too, or cargo would build them
    // again for the changed wrapper.
    let wrapper = match measure {
        Measure::Instructions => Some(std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?),
        Measure::Time { .. } => None,
    };

    println!("mix {}: building dependencies once ...", mix.name);
    cargo(&dir, &["build", "--workspace"], wrapper.as_deref(), "")?;
    let runs = match measure {
        Measure::Time { runs } => runs,
        Measure::Instructions => {
            let mut counts = [0.0; 2];
            for (krate, count) in CRATES.iter().zip(&mut counts) {
                cargo(&dir, &["clean", "-p", krate], None, "")?;
                cargo(&dir, &["build", "-p", krate], wrapper.as_deref(), krate)?;
                *count = instructions(&dir.join(format!("{krate}.cachegrind")))? as f64;
                println!("  {krate:<15} {models} models: {:.3} G rustc instructions", *count / 1e9);
            }
            println!("  ratio with_api_model / serde_only ({}) = {:.3}", mix.baseline.label(), counts[1] / counts[0]);
            return Ok(counts);
        }
    };
    // The two crates take turns, so drift in the machine's load hits both alike.
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (krate, times) in CRATES.iter().zip(&mut times) {
            cargo(&dir, &["clean", "-p", krate], None, "")?;
            let (start, cpu) = (Instant::now(), children_cpu());
            cargo(&dir, &["build", "-p", krate], None, "")?;
            // CPU time where the system tells it, else wall time.
            times.push(match (cpu, children_cpu()) {
                (Some(before), Some(after)) => after.saturating_sub(before),
                _ => start.elapsed(),
            });
        }
    }
    let mut medians = [0.0; 2];
    for ((krate, times), median) in CRATES.iter().zip(&mut times).zip(&mut medians) {
        times.sort();
        *median = times[times.len() / 2].as_secs_f64();
        println!(
            "  {krate:<15} {models} models: median {:.2} s ({}) of {runs} clean builds {:?}",
            *median,
            if children_cpu().is_some() { "CPU" } else { "wall" },
            secs(times)
        );
    }
    println!("  ratio with_api_model / serde_only ({}) = {:.3}", mix.baseline.label(), medians[1] / medians[0]);
    Ok(medians)
}

/// The environment variable naming, to this program run as cargo's
/// `RUSTC_WRAPPER`, the crate whose build is counted (empty for none).
const MEASURED: &str = "COMPILE_TIME_MEASURED";

/// As cargo's `RUSTC_WRAPPER` (`this-program rustc ARGS…`): runs rustc, under
/// cachegrind when it builds the crate [`MEASURED`] names, with its counts
/// written beside the workspace as `<crate>.cachegrind`.
fn wrap_rustc() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else { return ExitCode::FAILURE };
    let args: Vec<std::ffi::OsString> = args.collect();
    let measured = std::env::var(MEASURED).unwrap_or_default();
    let name = args.windows(2).find(|pair| pair[0] == "--crate-name").map(|pair| pair[1].clone());
    let mut command = match name {
        Some(name) if !measured.is_empty() && name == *measured => {
            // Beside the crate's own directory: in the generated workspace's.
            let package = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default();
            let out = package.join("..").join(format!("{measured}.cachegrind"));
            let mut command = Command::new("valgrind");
            command
                .args(["--tool=cachegrind", "--cache-sim=no", "-q"])
                .arg(format!("--cachegrind-out-file={}", out.display()));
            command.arg(rustc);
            command
        }
        _ => Command::new(rustc),
    };
    match command.args(args).status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("compile_time: cannot run rustc (or valgrind): {error}");
            ExitCode::FAILURE
        }
    }
}

/// The instructions counted in a cachegrind output file (its `summary:`).
fn instructions(path: &Path) -> Result<u64, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .find_map(|line| line.strip_prefix("summary:"))
        .and_then(|count| count.trim().parse().ok())
        .ok_or_else(|| format!("{}: no summary line", path.display()))
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

/// Runs cargo in `dir`; with `wrapper` as rustc's wrapper, counting the
/// build of the crate `measured` (see `wrap_rustc`).
fn cargo(dir: &Path, args: &[&str], wrapper: Option<&Path>, measured: &str) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.args(args).arg("--quiet").current_dir(dir).env_remove("RUSTFLAGS");
    if let Some(wrapper) = wrapper {
        command.env("RUSTC_WRAPPER", wrapper).env(MEASURED, measured);
    }
    let status = command.status().map_err(|error| format!("cannot run cargo: {error}"))?;
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
