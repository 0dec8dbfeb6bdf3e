//! A local StackOne: `POST /connect_sessions` and
//! `POST /connect_sessions/authenticate`, sessions in memory.
//!
//! ```sh
//! cargo run -p model-examples --example connect_server -- --addr 127.0.0.1:8080
//! ```
//!
//! Port 0 picks a free port. It prints `listening on ADDR` once it accepts
//! connections.

use std::net::SocketAddr;

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = address(std::env::args().skip(1))?;
    let listener = TcpListener::bind(addr).await?;
    println!("listening on {}", listener.local_addr()?);
    model_examples::fake_stackone::serve(listener).await?;
    Ok(())
}

/// `--addr HOST:PORT`, `127.0.0.1:8080` without it.
fn address(mut args: impl Iterator<Item = String>) -> Result<SocketAddr, String> {
    match (args.next().as_deref(), args.next()) {
        (None, _) => Ok(SocketAddr::from(([127, 0, 0, 1], 8080))),
        (Some("--addr"), Some(addr)) => addr.parse().map_err(|error| format!("--addr {addr}: {error}")),
        _ => Err("usage: connect_server [--addr HOST:PORT]".to_owned()),
    }
}
