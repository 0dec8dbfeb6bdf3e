//! A local StackOne: `POST /connect_sessions` and
//! `POST /connect_sessions/authenticate`, sessions in memory.
//!
//! ```sh
//! cargo run -p model-examples --example connect_server -- --addr 127.0.0.1:8080
//! ```
//!
//! Port 0 picks a free port. It prints `listening on ADDR` once it accepts
//! connections. `--help` lists the flags and the bounds the server keeps.

use std::net::SocketAddr;
use std::time::Duration;

use model_examples::fake_stackone::{serve_with, ServerOptions};
use tokio::net::TcpListener;

const USAGE: &str = "\
usage: connect_server [--addr HOST:PORT] [--read-timeout SECONDS] [--max-sessions N]

  --addr HOST:PORT        where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --read-timeout SECONDS  how long a request's headers, then the whole request, may take to
                          arrive; a stalled connection is closed, a stalled body answered 408
                          (default 10)
  --max-sessions N        how many sessions are kept; when full, the one that expires first
                          makes room (default 10000)

Sessions expire after their `expires_in` (default 1800 s, at most a year): authenticate
then answers 404, as for a token never issued. Each session is kept as the JSON it is
answered with. Request bodies are limited to 2 MB (axum's default).";

struct Flags {
    addr: SocketAddr,
    options: ServerOptions,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let flags = match parse(std::env::args().skip(1)) {
        Ok(Some(flags)) => flags,
        Ok(None) => {
            println!("{USAGE}");
            return Ok(());
        }
        Err(error) => return Err(format!("{error}\n\n{USAGE}").into()),
    };
    let listener = TcpListener::bind(flags.addr).await?;
    println!("listening on {}", listener.local_addr()?);
    serve_with(listener, flags.options).await?;
    Ok(())
}

/// The flags; `None` for `--help`.
fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Flags>, String> {
    let mut flags = Flags { addr: SocketAddr::from(([127, 0, 0, 1], 8080)), options: ServerOptions::default() };
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--addr" => flags.addr = value.parse().map_err(|error| format!("--addr {value}: {error}"))?,
            "--read-timeout" => {
                let seconds: f64 = value.parse().map_err(|error| format!("--read-timeout {value}: {error}"))?;
                flags.options.read_timeout =
                    Duration::try_from_secs_f64(seconds).map_err(|error| format!("--read-timeout {value}: {error}"))?;
            }
            "--max-sessions" => {
                flags.options.max_sessions =
                    value.parse().map_err(|error| format!("--max-sessions {value}: {error}"))?;
            }
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(Some(flags))
}
