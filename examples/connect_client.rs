//! Both ends of a real HTTP exchange: starts the local StackOne server on a
//! free port, creates a connect session with the builder, reads the `201`
//! with `from_slice` (every problem reported, were there any), authenticates
//! with its token, sends a broken body and prints the `422` it gets, then
//! reads the server's OpenAPI document and lists its operations.
//!
//! ```sh
//! cargo run -p model-examples --example connect_client
//! ```

use model_core::ApiModel;
use models::{
    ConnectSession, ConnectSessionAuthenticate, ConnectSessionCreate, ConnectSessionTokenAuthLink,
    ConnectSessionTokenAuthLinkCategories as Category,
};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(model_examples::fake_stackone::serve(listener));
    let client = reqwest::Client::new();

    // Required fields at construction; the SDK's defaults filled in.
    let request = ConnectSessionCreate::builder()
        .origin_owner_id("org_8823")
        .origin_owner_name("Acme Ltd")
        .categories(vec![Category::Ats, Category::Hris])
        .provider("greenhouse")
        .build()?;
    let response = post_json(&client, &format!("{base}/connect_sessions"), serde_json::to_vec(&request)?).await?;
    println!("POST /connect_sessions -> {}", response.0);
    // Not `reqwest`'s `.json()`, which would stop at the first problem.
    let link = ConnectSessionTokenAuthLink::from_slice(&response.1)?;
    println!("  auth link: {}", link.auth_link_url);
    println!("  {link:?}\n");

    let authenticate = ConnectSessionAuthenticate { token: link.token.clone() };
    let url = format!("{base}/connect_sessions/authenticate");
    let response = post_json(&client, &url, serde_json::to_vec(&authenticate)?).await?;
    println!("POST /connect_sessions/authenticate -> {}", response.0);
    let session = ConnectSession::from_slice(&response.1)?;
    println!("  session {} of {}\n", session.id, session.origin_owner_name);

    let broken = br#"{"origin_owner_id": 8823, "categories": ["ats", 7], "expires_in": "soon"}"#;
    let response = post_json(&client, &format!("{base}/connect_sessions"), broken.to_vec()).await?;
    println!("POST /connect_sessions with a broken body -> {}", response.0);
    let problem: serde_json::Value = serde_json::from_slice(&response.1)?;
    println!("{}", serde_json::to_string_pretty(&problem)?);

    let document = client.get(format!("{base}/openapi.json")).send().await?.bytes().await?;
    let document: serde_json::Value = serde_json::from_slice(&document)?;
    println!("\nGET /openapi.json -> OpenAPI {}", document["openapi"]);
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let statuses: Vec<&String> =
                operation["responses"].as_object().map(|r| r.keys().collect()).unwrap_or_default();
            println!("  {} {path}: {} (answers {statuses:?})", method.to_uppercase(), operation["summary"]);
        }
    }
    Ok(())
}

/// The status and body of a JSON `POST`.
async fn post_json(client: &reqwest::Client, url: &str, body: Vec<u8>) -> reqwest::Result<(u16, Vec<u8>)> {
    let response = client.post(url).header("content-type", "application/json").body(body).send().await?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.to_vec()))
}
