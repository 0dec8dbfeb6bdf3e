//! The server and the extractor under a hostile client, over real HTTP on
//! 127.0.0.1: stalled headers and bodies, sessions that expire, a cap on
//! what is kept, bytes that are not UTF-8, and large bad bodies in flight
//! while a valid request is served.

use std::time::Duration;

use axum::extract::Extension;
use axum::routing;
use axum::Router;
use model_core::axum::ApiJson;
use model_core::check::ReportLimits;
use model_examples::fake_stackone::{serve_with, ServerOptions};
use model_http_tests::{post, post_json};
use models::ConnectSessionCreate;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A guard so that a broken server fails the test rather than hanging it;
/// no speed is asserted.
const GUARD: Duration = Duration::from_secs(20);

async fn start(options: ServerOptions) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve_with(listener, options));
    addr.to_string()
}

fn short(read_timeout_ms: u64) -> ServerOptions {
    ServerOptions { read_timeout: Duration::from_millis(read_timeout_ms), ..ServerOptions::default() }
}

/// Everything the server sends on `stream` until it closes the connection.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(GUARD, stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the server kept a stalled connection open");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn stalled_headers_are_closed_after_the_read_timeout() {
    let addr = start(short(300)).await;
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream.write_all(b"POST /connect_sessions HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let answer = until_closed(&mut stream).await;
    assert!(!answer.contains("201"), "{answer}");
    // An idle connection, which never sent a byte, is closed too.
    let mut idle = TcpStream::connect(&addr).await.unwrap();
    until_closed(&mut idle).await;
}

#[tokio::test]
async fn a_stalled_body_is_answered_408() {
    let addr = start(short(300)).await;
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let head =
        "POST /connect_sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(br#"{"origin_"#).await.unwrap();
    let answer = until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

async fn create(client: &reqwest::Client, base: &str, expires_in: f64) -> String {
    let body = json!({"origin_owner_id": "o", "origin_owner_name": "n", "expires_in": expires_in}).to_string();
    let answer = post_json(client, &format!("{base}/connect_sessions"), &body).await;
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["token"].as_str().unwrap().to_owned()
}

async fn authenticate(client: &reqwest::Client, base: &str, token: &str) -> u16 {
    let body = json!({ "token": token }).to_string();
    post_json(client, &format!("{base}/connect_sessions/authenticate"), &body).await.status
}

#[tokio::test]
async fn a_session_expires_after_its_expires_in() {
    let base = format!("http://{}", start(ServerOptions::default()).await);
    let client = reqwest::Client::new();
    let brief = create(&client, &base, 0.4).await;
    let lasting = create(&client, &base, 1800.0).await;
    assert_eq!(authenticate(&client, &base, &brief).await, 201);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(authenticate(&client, &base, &brief).await, 404);
    assert_eq!(authenticate(&client, &base, &lasting).await, 201);
    // Already expired when made, or a nonsense lifetime: never served.
    let gone = create(&client, &base, -5.0).await;
    assert_eq!(authenticate(&client, &base, &gone).await, 404);
}

#[tokio::test]
async fn at_most_max_sessions_are_kept_the_soonest_to_expire_going_first() {
    let options = ServerOptions { max_sessions: 2, ..ServerOptions::default() };
    let base = format!("http://{}", start(options).await);
    let client = reqwest::Client::new();
    let first = create(&client, &base, 100.0).await;
    let second = create(&client, &base, 1000.0).await;
    let third = create(&client, &base, 1000.0).await;
    assert_eq!(authenticate(&client, &base, &first).await, 404);
    assert_eq!(authenticate(&client, &base, &second).await, 201);
    assert_eq!(authenticate(&client, &base, &third).await, 201);
}

async fn echo(ApiJson(request): ApiJson<ConnectSessionCreate>) -> String {
    request.origin_owner_name
}

async fn start_router(router: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    base
}

#[tokio::test]
async fn bytes_that_are_not_utf8_are_400() {
    let base = start_router(Router::new().route("/", routing::post(echo))).await;
    let client = reqwest::Client::new();
    let body = b"{\"origin_owner_id\": \"\xff\xfe\", \"origin_owner_name\": \"n\"}".to_vec();
    let answer = post(&client, &base, Some("application/json"), body).await;
    assert_eq!(answer.status, 400, "{}", answer.text());
    assert_eq!(answer.json()["errors"][0]["code"], "syntax");
}

#[tokio::test]
async fn a_router_chooses_its_report_limits() {
    let limits = ReportLimits::default().max_issues(2);
    let router = Router::new().route("/", routing::post(echo)).layer(Extension(limits));
    let base = start_router(router).await;
    let client = reqwest::Client::new();
    let answer = post_json(&client, &base, r#"{"origin_owner_id": 1, "label": 2, "provider": 3}"#).await;
    let codes: Vec<Value> = answer.json()["errors"].as_array().unwrap().iter().map(|e| e["code"].clone()).collect();
    assert_eq!(
        (answer.status, codes),
        (422, vec![json!("invalid_type"), json!("invalid_type"), json!("too_many_issues")])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valid_request_is_answered_while_large_bad_bodies_are_in_flight() {
    let base = start_router(Router::new().route("/", routing::post(echo))).await;
    let client = reqwest::Client::new();
    // About 1.9 MB each, a wrong value every few bytes: costly reports.
    let bad = format!(
        r#"{{"origin_owner_id": "o", "origin_owner_name": "n", "categories": [{}]}}"#,
        vec!["7"; 950_000].join(",")
    );
    let mut in_flight = Vec::new();
    for _ in 0..8 {
        let (client, base, bad) = (client.clone(), base.clone(), bad.clone());
        in_flight.push(tokio::spawn(async move { post_json(&client, &base, &bad).await.status }));
    }
    let valid = tokio::time::timeout(
        GUARD,
        post_json(&client, &base, r#"{"origin_owner_id": "o", "origin_owner_name": "ada"}"#),
    )
    .await
    .expect("the valid request is answered");
    assert_eq!((valid.status, valid.text().as_str()), (200, "ada"));
    let still_running = in_flight.iter().filter(|task| !task.is_finished()).count();
    for task in in_flight {
        assert_eq!(task.await.unwrap(), 422);
    }
    // The valid one did not wait for the reports: some were still being built.
    println!("{still_running} of 8 large bad bodies were still in flight");
    assert!(still_running > 0, "every bad body was answered before the valid one");
}
