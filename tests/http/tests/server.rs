//! The local StackOne server over real HTTP on 127.0.0.1, called with
//! reqwest: the happy path, every error status with its exact problem body,
//! secrets, concurrency and a body over the limit.

use model_core::ApiModel;
use model_http_tests::{post, post_json, start_server};
use models::{ConnectSession, ConnectSessionCreate, ConnectSessionTokenAuthLink};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CREATE: &str = r#"{"origin_owner_id": "org_1", "origin_owner_name": "Acme", "categories": ["ats", "payroll"],
    "metadata": {"plan": "pro"}, "provider": "greenhouse", "label": null}"#;

#[tokio::test]
async fn create_then_authenticate() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let answer = post_json(&client, &format!("{base}/connect_sessions"), CREATE).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (201, "application/json"), "{}", answer.text());
    let link = ConnectSessionTokenAuthLink::from_slice(&answer.body).unwrap();
    let request = ConnectSessionCreate::from_json(CREATE).unwrap();
    assert_eq!(link.origin_owner_id, "org_1");
    assert_eq!(link.categories, request.categories, "echoed, the unknown category kept");
    assert_eq!(link.metadata, request.metadata);
    assert_eq!(link.provider.as_deref(), Some("greenhouse"));
    assert_eq!(answer.json()["type"], json!("production"), "the default type");
    assert!(link.token.expose().starts_with("sess_"));
    assert!(answer.json().get("label").is_none(), "no null for an unset field");

    let body = json!({ "token": link.token.expose() }).to_string();
    let answer = post_json(&client, &format!("{base}/connect_sessions/authenticate"), &body).await;
    assert_eq!(answer.status, 201, "{}", answer.text());
    let session = ConnectSession::from_slice(&answer.body).unwrap();
    assert_eq!((session.id.clone(), session.origin_owner_name.as_str()), (link.id.clone(), "Acme"));
    assert!(answer.json().get("token").is_none() && answer.json().get("auth_link_url").is_none());

    // A second session gets a token of its own.
    let again = post_json(&client, &format!("{base}/connect_sessions"), CREATE).await;
    let again = ConnectSessionTokenAuthLink::from_slice(&again.body).unwrap();
    assert_ne!(again.token.expose(), link.token.expose());
}

#[tokio::test]
async fn an_unknown_token_is_404_and_never_echoed() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let answer =
        post_json(&client, &format!("{base}/connect_sessions/authenticate"), r#"{"token": "sess_canary"}"#).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (404, "application/problem+json"));
    assert_eq!(
        answer.json(),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no connect session has this token"})
    );
}

#[tokio::test]
async fn a_broken_body_is_422_with_every_issue() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let body = "{\n  \"origin_owner_id\": 8823,\n  \"categories\": [\"ats\", 7],\n  \"expires_in\": \"soon\"\n}";
    let answer = post_json(&client, &format!("{base}/connect_sessions"), body).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (422, "application/problem+json"));
    assert_eq!(
        answer.json(),
        json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "invalid ConnectSessionCreate: 4 issues",
            "errors": [
                {"pointer": "/origin_owner_id", "code": "invalid_type", "detail": "expected string, got number 8823",
                 "wire_name": "origin_owner_id", "expected": "string", "received": "number 8823", "line": 2, "column": 22},
                {"pointer": "/categories/1", "code": "invalid_type",
                 "detail": "expected ConnectSessionTokenAuthLinkCategories (a string), got number 7",
                 "wire_name": "categories", "expected": "ConnectSessionTokenAuthLinkCategories (a string)",
                 "received": "number 7", "line": 3, "column": 25},
                {"pointer": "/expires_in", "code": "invalid_type", "detail": "expected number, got string \"soon\"",
                 "wire_name": "expires_in", "expected": "number", "received": "string \"soon\"", "line": 4, "column": 17},
                {"pointer": "/origin_owner_name", "code": "missing", "detail": "expected string",
                 "wire_name": "origin_owner_name", "expected": "string", "line": 1, "column": 1},
            ],
        })
    );
}

#[tokio::test]
async fn text_that_is_not_json_is_400() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let answer = post_json(&client, &format!("{base}/connect_sessions"), "{\"origin_owner_id\": \"o\",\n}").await;
    assert_eq!((answer.status, answer.content_type.as_str()), (400, "application/problem+json"));
    assert_eq!(
        answer.json(),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "invalid ConnectSessionCreate: 1 issue",
            "errors": [{"pointer": "", "code": "syntax", "detail": "expected valid JSON (key must be a string)",
                        "expected": "valid JSON (key must be a string)", "line": 2, "column": 1}],
        })
    );
}

#[tokio::test]
async fn a_body_not_said_to_be_json_is_415() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    for content_type in [None, Some("text/plain"), Some("application/x-www-form-urlencoded")] {
        let answer = post(&client, &format!("{base}/connect_sessions"), content_type, CREATE.into()).await;
        assert_eq!(
            (answer.status, answer.content_type.as_str()),
            (415, "application/problem+json"),
            "{content_type:?}"
        );
        assert_eq!(
            answer.json(),
            json!({"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                   "detail": "expected a request with `Content-Type: application/json`"})
        );
    }
    // JSON by any of its names is read.
    for content_type in ["application/json; charset=utf-8", "application/merge-patch+json", "Application/JSON"] {
        let answer = post(&client, &format!("{base}/connect_sessions"), Some(content_type), CREATE.into()).await;
        assert_eq!(answer.status, 201, "{content_type}");
    }
}

#[tokio::test]
async fn a_secret_in_a_wrong_typed_field_never_shows() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let url = format!("{base}/connect_sessions/authenticate");
    for body in [r#"{"token": ["sess_canary"]}"#, r#"{"token": 81234567890}"#, r#"{"token": {"value": "sess_canary"}}"#]
    {
        let answer = post_json(&client, &url, body).await;
        assert_eq!(answer.status, 422);
        let text = answer.text();
        assert!(!text.contains("canary") && !text.contains("81234567890"), "{text}");
        assert_eq!(answer.json()["errors"][0]["pointer"], json!("/token"));
    }
}

#[tokio::test]
async fn two_hundred_concurrent_requests_half_broken() {
    let base = start_server().await;
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for index in 0..200 {
        let (client, base) = (client.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let body = if index % 2 == 0 {
                json!({"origin_owner_id": format!("org_{index}"), "origin_owner_name": "Acme"}).to_string()
            } else {
                json!({"origin_owner_id": index, "origin_owner_name": "Acme"}).to_string()
            };
            (index, post_json(&client, &format!("{base}/connect_sessions"), &body).await)
        }));
    }
    let mut tokens = std::collections::HashSet::new();
    for task in tasks {
        let (index, answer) = task.await.unwrap();
        if index % 2 == 0 {
            assert_eq!(answer.status, 201);
            let link = ConnectSessionTokenAuthLink::from_slice(&answer.body).unwrap();
            assert_eq!(link.origin_owner_id, format!("org_{index}"), "each answer is its own request's");
            assert!(tokens.insert(link.token.expose().clone()), "tokens are fresh");
        } else {
            assert_eq!(answer.status, 422);
            let error = &answer.json()["errors"][0];
            assert_eq!(
                (&error["pointer"], &error["received"]),
                (&json!("/origin_owner_id"), &json!(format!("number {index}")))
            );
        }
    }
    assert_eq!(tokens.len(), 100);
}

/// 10 MB announced, 64 KB sent: the server answers 413 without waiting for
/// the rest, so it never reads the body whole.
#[tokio::test]
async fn a_ten_megabyte_body_is_413_before_it_is_read() {
    let base = start_server().await;
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = "POST /connect_sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
                Content-Length: 10485760\r\nConnection: close\r\n\r\n";
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&vec![b' '; 64 * 1024]).await.unwrap();
    let mut response = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read_to_end(&mut response)).await;
    assert!(read.is_ok(), "the server answered before the body was complete");
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("content-type: application/problem+json"), "{response}");
    let body = &response[response.find("\r\n\r\n").unwrap() + 4..];
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).unwrap(),
        json!({"type": "about:blank", "title": "Content Too Large", "status": 413,
               "detail": "the request body is over this route's size limit"})
    );
}

/// The README shows a 422 body "exactly": it is this server's answer.
#[tokio::test]
async fn the_readmes_422_is_the_servers() {
    let readme = include_str!("../../../README.md");
    let start = readme.find("The `422` for `").unwrap() + "The `422` for `".len();
    let body = &readme[start..start + readme[start..].find('`').unwrap()];
    let block = &readme[start..];
    let json_start = block.find("```json\n").unwrap() + "```json\n".len();
    let shown: serde_json::Value =
        serde_json::from_str(&block[json_start..json_start + block[json_start..].find("```").unwrap()]).unwrap();
    let base = start_server().await;
    let answer = post_json(&reqwest::Client::new(), &format!("{base}/connect_sessions"), body).await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.json(), shown);
}
