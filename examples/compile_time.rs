//! Compile time: what `#[derive(ApiModel)]` adds on top of serde's derives.
//!
//! ```text
//! cargo run --release -p model-examples --example compile_time [-- --models 200 --runs 5]
//! ```
//!
//! Generates two throwaway crates under `target/compile-time/`, each with the
//! same 200 models (about 10 fields each: strings, numbers, booleans, lists,
//! options, date-times, a nested model and a string enum) and 20 enums:
//!
//! - `serde_only`: `#[derive(Serialize, Deserialize)]`;
//! - `with_api_model`: the same plus `#[derive(ApiModel)]` (which writes the
//!   enums' serde impls itself).
//!
//! Dependencies are built once first; then each crate alone is cleaned and
//! rebuilt `--runs` times, the two taking turns, and the median times and
//! their ratio are printed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const ENUMS: usize = 20;

fn main() -> ExitCode {
    let mut models = 200;
    let mut runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|value| value.parse().ok());
        match (arg.as_str(), value) {
            ("--models", Some(value)) => models = value,
            ("--runs", Some(value)) => runs = value,
            _ => {
                eprintln!("usage: compile_time [--models N] [--runs N]");
                return ExitCode::FAILURE;
            }
        }
    }
    match run(models, runs.max(1)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("compile_time: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(models: usize, runs: usize) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let model_core = root.join("model-core").canonicalize().map_err(|e| format!("model-core: {e}"))?;
    let dir = root.join("target").join("compile-time");
    write_workspace(&dir, &model_core, models)?;

    println!("building dependencies once ...");
    cargo(&dir, &["build", "--workspace"])?;
    // The two crates take turns, so drift in the machine's load hits both alike.
    let crates = ["serde_only", "with_api_model"];
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (krate, times) in crates.iter().zip(&mut times) {
            cargo(&dir, &["clean", "-p", krate])?;
            let start = Instant::now();
            cargo(&dir, &["build", "-p", krate])?;
            times.push(start.elapsed());
        }
    }
    let mut medians = Vec::new();
    for (krate, times) in crates.iter().zip(&mut times) {
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{krate:<15} {models} models: median {:.2} s of {runs} clean builds {:?}",
            median.as_secs_f64(),
            secs(times)
        );
        medians.push(median);
    }
    let ratio = medians[1].as_secs_f64() / medians[0].as_secs_f64();
    println!("ratio with_api_model / serde_only = {ratio:.3} (goal: at most 1.30)");
    Ok(())
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

fn write_workspace(dir: &Path, model_core: &Path, models: usize) -> Result<(), String> {
    let manifest = "[workspace]\nresolver = \"2\"\nmembers = [\"serde_only\", \"with_api_model\"]\n";
    write(&dir.join("Cargo.toml"), manifest)?;
    for (krate, api_model) in [("serde_only", false), ("with_api_model", true)] {
        let mut manifest = format!(
            "[package]\nname = \"{krate}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\
             chrono = {{ version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }}\n"
        );
        if api_model {
            let _ = writeln!(manifest, "model-core = {{ path = {:?} }}", model_core.display().to_string());
        }
        write(&dir.join(krate).join("Cargo.toml"), &manifest)?;
        write(&dir.join(krate).join("src").join("lib.rs"), &source(models, api_model))?;
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
fn source(models: usize, api_model: bool) -> String {
    let (struct_derive, enum_derive) = if api_model {
        (
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]",
            "#[derive(Debug, Clone, PartialEq, Eq, ApiModel)]",
        )
    } else {
        (
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
            "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]",
        )
    };
    let mut out = String::from("#![allow(dead_code)]\nuse serde::{Deserialize, Serialize};\n");
    if api_model {
        out.push_str("use model_core::ApiModel;\n");
    }
    for e in 0..ENUMS {
        let _ = write!(
            out,
            "\n/// Enum {e}.\n{enum_derive}\n#[serde(rename_all = \"snake_case\")]\npub enum Status{e} {{\n    \
             Draft,\n    InReview,\n    Approved,\n    Rejected,\n    Archived,\n    Deleted,\n}}\n"
        );
    }
    for m in 0..models {
        let nested = if m % 10 == 0 { "Option<String>".to_owned() } else { format!("Option<Box<Model{}>>", m - 1) };
        let _ = write!(
            out,
            "\n/// Model {m}.\n{struct_derive}\n#[serde(rename_all = \"camelCase\")]\npub struct Model{m} {{\n    \
             /// The id.\n    pub id: u64,\n    pub display_name: String,\n    pub note: Option<String>,\n    \
             pub score: f64,\n    pub active: bool,\n    pub tags: Vec<String>,\n    \
             pub created_at: chrono::DateTime<chrono::Utc>,\n    pub status: Status{e},\n    \
             #[serde(default)]\n    pub retries: u8,\n    pub parent: {nested},\n}}\n",
            e = m % ENUMS
        );
    }
    out
}
