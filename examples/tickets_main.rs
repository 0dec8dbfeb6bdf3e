//! A small ticket service on the query, form and path extractors.
//!
//! ```sh
//! cargo run -p model-examples --example tickets -- --addr 127.0.0.1:8080
//! curl -s 'http://127.0.0.1:8080/tickets?limit=500&status=pending&tag='     # 422, three issues
//! curl -s -d 'title=Printer on fire&priority=2&tag=office' http://127.0.0.1:8080/tickets   # 201
//! curl -s http://127.0.0.1:8080/tickets/0                                    # 422, /id
//! ```
//!
//! Port 0 picks a free port. It prints `listening on ADDR` once it accepts
//! connections.

use std::net::SocketAddr;

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut addr = SocketAddr::from(([127, 0, 0, 1], 8080));
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--addr" => {
                let value = args.next().ok_or("--addr needs a value, such as 127.0.0.1:0")?;
                addr = value.parse().map_err(|error| format!("--addr {value}: {error}"))?;
            }
            "--help" | "-h" => {
                println!("usage: tickets [--addr HOST:PORT]   (default 127.0.0.1:8080; port 0 picks a free one)");
                return Ok(());
            }
            other => return Err(format!("unknown flag {other}; see --help").into()),
        }
    }
    let listener = TcpListener::bind(addr).await?;
    println!("listening on {}", listener.local_addr()?);
    axum::serve(listener, model_examples::ticket_service::router()).await?;
    Ok(())
}
