//! The extractor on routes of its own: FastAPI's shape, a route's own body
//! limit, and the property that its answer is `from_slice`'s report.

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::routing;
use axum::Router;
use model_core::{
    axum::{ApiJson, ApiJsonRejection, FastApiStyleJson},
    ApiModel,
};
use model_http_tests::{post, post_json};
use models::ConnectSessionCreate;
use proptest::prelude::*;
use serde_json::{json, Value};

async fn echo(ApiJson(request): ApiJson<ConnectSessionCreate>) -> String {
    request.origin_owner_name
}

async fn echo_fastapi(FastApiStyleJson(request): FastApiStyleJson<ConnectSessionCreate>) -> String {
    request.origin_owner_name
}

async fn start(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    base
}

fn app() -> Router {
    Router::new()
        .route("/problem", routing::post(echo))
        .route("/fastapi", routing::post(echo_fastapi))
        .layer(DefaultBodyLimit::max(1024))
}

#[tokio::test]
async fn fastapi_json_answers_in_fastapis_shape() {
    let base = start(app()).await;
    let client = reqwest::Client::new();
    let answer =
        post_json(&client, &format!("{base}/fastapi"), r#"{"origin_owner_id": 1, "categories": ["ats", 7]}"#).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (422, "application/json"));
    assert_eq!(
        answer.json(),
        json!({"detail": [
            {"loc": ["body", "origin_owner_id"], "msg": "expected string, got number 1", "type": "invalid_type"},
            {"loc": ["body", "categories", 1], "msg": "expected ConnectSessionTokenAuthLinkCategories (a string), got number 7", "type": "invalid_type"},
            {"loc": ["body", "origin_owner_name"], "msg": "expected string", "type": "missing"},
        ]})
    );
    let answer = post(&client, &format!("{base}/fastapi"), None, b"{}".to_vec()).await;
    assert_eq!(answer.status, 415);
    assert_eq!(
        answer.json(),
        json!({"detail": [{"loc": ["body"], "msg": "expected a request with `Content-Type: application/json`", "type": "unsupported_media_type"}]})
    );
    let answer =
        post_json(&client, &format!("{base}/fastapi"), r#"{"origin_owner_id": "o", "origin_owner_name": "n"}"#).await;
    assert_eq!((answer.status, answer.text().as_str()), (200, "n"));
}

#[tokio::test]
async fn a_routes_own_limit_holds_with_or_without_a_length() {
    let base = start(app()).await;
    let client = reqwest::Client::new();
    let padded = format!(r#"{{"origin_owner_id": "o", "origin_owner_name": "n", "label": "{}"}}"#, "x".repeat(1100));
    let answer = post_json(&client, &format!("{base}/problem"), &padded).await;
    assert_eq!((answer.status, answer.json()["title"].clone()), (413, json!("Content Too Large")));
    // Sent in chunks with no `Content-Length`: cut at the limit as it is read.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        padded.into_bytes().chunks(100).map(|chunk| Ok(chunk.to_vec())).collect();
    let body = reqwest::Body::wrap_stream(futures_stream(chunks));
    let response = client
        .post(format!("{base}/problem"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    let answer =
        post_json(&client, &format!("{base}/problem"), r#"{"origin_owner_id": "o", "origin_owner_name": "n"}"#).await;
    assert_eq!(answer.status, 200);
}

/// A stream of chunks, without a futures dependency.
fn futures_stream(
    chunks: Vec<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    struct Chunks(std::vec::IntoIter<Result<Vec<u8>, std::io::Error>>);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    Chunks(chunks.into_iter())
}

/// What the extractor makes of `body`, sent as JSON.
fn extract(body: Vec<u8>) -> Result<ConnectSessionCreate, ApiJsonRejection> {
    let request =
        Request::builder().method("POST").header("content-type", "application/json").body(Body::from(body)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(ApiJson::<ConnectSessionCreate>::from_request(request, &())).map(|ApiJson(value)| value)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-z]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof!["origin_owner_id", "origin_owner_name", "categories", "expires_in", "type", "[a-z]{1,4}"],
                inner,
                0..5
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Any body `from_slice` refuses gets `400` or `422` with exactly the
    /// issues of `from_slice`'s report; any body it reads, the extractor reads.
    #[test]
    fn the_answer_is_from_slices_report(value in json_value(), bytes in prop::collection::vec(any::<u8>(), 0..40), raw in any::<bool>()) {
        let body = if raw { bytes } else { serde_json::to_vec_pretty(&value).unwrap() };
        match (ConnectSessionCreate::from_slice(&body), extract(body)) {
            (Ok(expected), Ok(got)) => prop_assert_eq!(expected, got),
            (Err(report), Err(rejection)) => {
                let status = rejection.status().as_u16();
                prop_assert!(status == 400 || status == 422, "{}", status);
                let syntax = report.issues().iter().any(|issue| issue.code() == "syntax");
                prop_assert_eq!(status == 400, syntax);
                let problem = rejection.problem();
                prop_assert_eq!(&problem["errors"], &serde_json::to_value(report.issues()).unwrap());
            }
            (ours, theirs) => prop_assert!(false, "from_slice: {:?}, extractor: {:?}", ours.is_ok(), theirs.is_ok()),
        }
    }
}

/// A webhook: a data enum whose variants hold models with rules.
#[derive(Debug, serde::Deserialize, ApiModel)]
#[serde(tag = "action", rename_all = "snake_case")]
enum Webhook {
    Opened { sender: Sender },
    Closed(Sender),
}

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Sender {
    #[api(min_length = 1)]
    login: String,
}

async fn webhook(ApiJson(event): ApiJson<Webhook>) -> String {
    match event {
        Webhook::Opened { sender } | Webhook::Closed(sender) => sender.login,
    }
}

async fn bulk(ApiJson(senders): ApiJson<Vec<Sender>>) -> String {
    senders.len().to_string()
}

#[tokio::test]
async fn a_data_enum_and_a_list_are_bodies_like_any_model() {
    let router = Router::new().route("/webhook", routing::post(webhook)).route("/bulk", routing::post(bulk));
    let base = start(router).await;
    let client = reqwest::Client::new();

    let answer = post_json(&client, &format!("{base}/webhook"), r#"{"action": "closed", "login": "ada"}"#).await;
    assert_eq!((answer.status, answer.text().as_str()), (200, "ada"));
    // A rule inside the variant, on otherwise valid input: 422, at its pointer.
    let answer =
        post_json(&client, &format!("{base}/webhook"), r#"{"action": "opened", "sender": {"login": ""}}"#).await;
    assert_eq!(answer.status, 422);
    let errors = answer.json()["errors"].clone();
    assert_eq!(errors[0]["pointer"], "/sender/login");
    assert_eq!(errors[0]["code"], "too_short");
    let answer = post_json(&client, &format!("{base}/webhook"), r#"{"action": "merged"}"#).await;
    assert_eq!((answer.status, answer.json()["errors"][0]["code"].clone()), (422, json!("unknown_variant")));

    let answer = post_json(&client, &format!("{base}/bulk"), r#"[{"login": "a"}, {"login": "b"}]"#).await;
    assert_eq!((answer.status, answer.text().as_str()), (200, "2"));
    let answer = post_json(&client, &format!("{base}/bulk"), r#"[{"login": "a"}, {"login": ""}, {}]"#).await;
    let pointers: Vec<Value> =
        answer.json()["errors"].as_array().unwrap().iter().map(|e| e["pointer"].clone()).collect();
    assert_eq!((answer.status, pointers), (422, vec![json!("/1/login"), json!("/2/login")]));
}

/// A handler that refuses what only it can see, as the extractor refuses a body.
async fn open_ticket(
    ApiJson(request): ApiJson<ConnectSessionCreate>,
) -> Result<String, model_core::axum::ApiRejection> {
    if request.origin_owner_name == "Taken Ltd" {
        let taken = model_core::Issue::custom("/origin_owner_name", "name_taken", "this owner has a session already");
        let error = model_core::ValidationError::from_issues("ConnectSessionCreate", vec![taken]);
        return Err(model_core::axum::ApiRejection::Invalid(error.expect("one issue")));
    }
    Ok(request.origin_owner_name)
}

#[tokio::test]
async fn a_handler_answers_its_own_issue_as_a_422_problem() {
    let base = start(Router::new().route("/tickets", routing::post(open_ticket))).await;
    let client = reqwest::Client::new();
    let body = r#"{"origin_owner_id": "o1", "origin_owner_name": "Taken Ltd"}"#;
    let answer = post_json(&client, &format!("{base}/tickets"), body).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (422, "application/problem+json"));
    assert_eq!(
        answer.json()["errors"],
        json!([{"pointer": "/origin_owner_name", "code": "name_taken", "detail": "this owner has a session already",
                "wire_name": "origin_owner_name", "expected": "this owner has a session already"}])
    );
    let answer =
        post_json(&client, &format!("{base}/tickets"), r#"{"origin_owner_id": "o1", "origin_owner_name": "Ada"}"#)
            .await;
    assert_eq!((answer.status, answer.text().as_str()), (200, "Ada"));
}
