//! The query, form and path extractors over real HTTP, on axum and on
//! actix-web: values read as their types, every problem at once with its
//! pointer and code, `400` for text that is not UTF-8, `415` for a form
//! with another content type, and the two frameworks answering each
//! request with the same status, content type and bytes.

use std::net::TcpListener;

use axum::routing::{get, post};
// One neutral type, named from either adapter.
use model_core::axum::FastApiStyle as FastApi;
use model_core::{actix, axum as on_axum};
use model_examples::ticket_service::{ListTickets, NewTicket, TicketId};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

fn body<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("models serialize")
}

/// Each extractor's model echoed back as JSON, on axum.
async fn start_axum() -> String {
    let app = axum::Router::new()
        .route(
            "/tickets",
            get(|on_axum::ApiQuery(query): on_axum::ApiQuery<ListTickets>| async move { echo_axum(body(&query)) })
                .post(|on_axum::ApiForm(form): on_axum::ApiForm<NewTicket>| async move { echo_axum(body(&form)) }),
        )
        .route(
            "/tickets.json",
            post(|on_axum::ApiJson(new): on_axum::ApiJson<NewTicket>| async move { echo_axum(body(&new)) }),
        )
        .route(
            "/tickets/{id}",
            get(|on_axum::ApiPath(path): on_axum::ApiPath<TicketId>| async move { echo_axum(body(&path)) }),
        )
        .route(
            "/fastapi/tickets",
            get(|FastApi(on_axum::ApiQuery(query)): FastApi<on_axum::ApiQuery<ListTickets>>| async move {
                echo_axum(body(&query))
            })
            .post(|FastApi(on_axum::ApiForm(form)): FastApi<on_axum::ApiForm<NewTicket>>| async move {
                echo_axum(body(&form))
            }),
        )
        .route(
            "/fastapi/tickets/{id}",
            get(|FastApi(on_axum::ApiPath(path)): FastApi<on_axum::ApiPath<TicketId>>| async move {
                echo_axum(body(&path))
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

fn echo_axum(json: String) -> axum::response::Response {
    use axum::response::IntoResponse;
    ([(axum::http::header::CONTENT_TYPE, "application/json")], json).into_response()
}

/// The same routes on actix-web, on a thread of its own (actix runs its own runtime).
fn start_actix() -> String {
    use actix_web::{web, App, HttpResponse, HttpServer};

    fn echo(json: String) -> HttpResponse {
        HttpResponse::Ok().content_type("application/json").body(json)
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(|| {
                App::new()
                    .route(
                        "/tickets",
                        web::get().to(|actix::ApiQuery(query): actix::ApiQuery<ListTickets>| async move {
                            echo(body(&query))
                        }),
                    )
                    .route(
                        "/tickets",
                        web::post()
                            .to(|actix::ApiForm(form): actix::ApiForm<NewTicket>| async move { echo(body(&form)) }),
                    )
                    .route(
                        "/tickets.json",
                        web::post()
                            .to(|actix::ApiJson(new): actix::ApiJson<NewTicket>| async move { echo(body(&new)) }),
                    )
                    .route(
                        "/tickets/{id}",
                        web::get()
                            .to(|actix::ApiPath(path): actix::ApiPath<TicketId>| async move { echo(body(&path)) }),
                    )
                    .route(
                        "/fastapi/tickets",
                        web::get().to(
                            |FastApi(actix::ApiQuery(query)): FastApi<actix::ApiQuery<ListTickets>>| async move {
                                echo(body(&query))
                            },
                        ),
                    )
                    .route(
                        "/fastapi/tickets",
                        web::post().to(
                            |FastApi(actix::ApiForm(form)): FastApi<actix::ApiForm<NewTicket>>| async move {
                                echo(body(&form))
                            },
                        ),
                    )
                    .route(
                        "/fastapi/tickets/{id}",
                        web::get().to(|FastApi(actix::ApiPath(path)): FastApi<actix::ApiPath<TicketId>>| async move {
                            echo(body(&path))
                        }),
                    )
            })
            .workers(1)
            .listen(listener)
            .expect("the listener")
            .run()
            .await
        })
    });
    base
}

#[derive(Debug, PartialEq)]
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.body))
    }

    /// `(pointer, code)` of each issue.
    fn issues(&self) -> Vec<(String, String)> {
        let json = self.json();
        json["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|issue| {
                        (issue["pointer"].as_str().unwrap().to_owned(), issue["code"].as_str().unwrap().to_owned())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

async fn send(
    client: &reqwest::Client,
    base: &str,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Answer {
    let url = format!("{base}{path}");
    let mut request = if method == "GET" { client.get(url) } else { client.post(url).body(body.to_vec()) };
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = String::from_utf8_lossy(&response.bytes().await.unwrap()).into_owned();
    Answer { status, content_type, body }
}

/// A request and the status it gets: method, path, content type, body, status.
type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a [u8], u16);

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const JSON: Option<&str> = Some("application/json");

#[tokio::test]
async fn both_frameworks_read_each_extractor_and_answer_alike() {
    let (axum_base, actix_base) = (start_axum().await, start_actix());
    let client = reqwest::Client::new();
    let huge = vec![b'a'; (2 << 20) + 1];
    let requests: Vec<Case<'_>> = vec![
        ("GET", "/tickets?status=open&tag=a&tag=b+c&limit=5", None, b"", 200),
        ("GET", "/tickets", None, b"", 200),
        ("GET", "/tickets?limit=500&status=pending&tag=&page=x", None, b"", 422),
        ("GET", "/tickets?limit=1&limit=2", None, b"", 422),
        ("GET", "/tickets?limit=%FF", None, b"", 400),
        ("GET", "/tickets?limit=&page=", None, b"", 200),
        ("POST", "/tickets", FORM, b"title=Printer+on+fire&priority=2&tag=office&notify=true", 200),
        ("POST", "/tickets", FORM, b"title=a&priority=9&notify=yes", 422),
        ("POST", "/tickets", FORM, b"title=%C3%A9t%C3%A9&priority=1", 200),
        ("POST", "/tickets", FORM, b"title=%FF%FE&priority=1", 400),
        ("POST", "/tickets", Some("text/plain"), b"title=x", 415),
        ("POST", "/tickets", None, b"title=x", 415),
        ("POST", "/tickets", FORM, &huge, 413),
        ("GET", "/tickets/7", None, b"", 200),
        ("GET", "/tickets/0", None, b"", 422),
        ("GET", "/tickets/seven", None, b"", 422),
        ("POST", "/tickets.json", JSON, br#"{"title": "Printer on fire", "priority": 2}"#, 200),
        ("POST", "/tickets.json", JSON, br#"{"title": 3, "priority": 9}"#, 422),
        ("POST", "/tickets.json", JSON, b"{not json", 400),
        ("POST", "/tickets.json", FORM, b"title=x", 415),
        ("POST", "/tickets.json", JSON, &huge, 413),
        ("GET", "/fastapi/tickets?limit=0&status=x", None, b"", 422),
        ("GET", "/fastapi/tickets?limit=%FF", None, b"", 400),
        ("POST", "/fastapi/tickets", FORM, b"priority=0", 422),
        ("POST", "/fastapi/tickets", JSON, b"{}", 415),
        ("GET", "/fastapi/tickets/0", None, b"", 422),
    ];
    for (method, path, content_type, body, status) in requests {
        let on_axum = send(&client, &axum_base, method, path, content_type, body).await;
        let on_actix = send(&client, &actix_base, method, path, content_type, body).await;
        assert_eq!(on_axum.status, status, "{method} {path}: {}", on_axum.body);
        assert_eq!(on_axum, on_actix, "{method} {path}: axum and actix-web answer alike");
        let problem_type = if path.starts_with("/fastapi") { "application/json" } else { "application/problem+json" };
        if status != 200 {
            assert_eq!(on_axum.content_type, problem_type, "{method} {path}");
        }
    }
}

#[tokio::test]
async fn values_are_read_as_their_types_and_every_problem_is_reported() {
    let base = start_axum().await;
    let client = reqwest::Client::new();

    let listed = send(&client, &base, "GET", "/tickets?status=open&tag=a&tag=b+c&limit=5", None, b"").await;
    assert_eq!(listed.json(), json!({"status": "open", "tag": ["a", "b c"], "limit": 5, "page": 1}));
    // Empty values of numbers count as absent: the defaults hold.
    let empty = send(&client, &base, "GET", "/tickets?limit=&page=", None, b"").await;
    assert_eq!(empty.json(), json!({"status": null, "tag": [], "limit": 20, "page": 1}));

    let refused = send(&client, &base, "GET", "/tickets?limit=500&status=pending&tag=&page=x", None, b"").await;
    assert_eq!(
        refused.issues(),
        [
            ("/limit", "out_of_range"),
            ("/status", "unknown_variant"),
            ("/tag/0", "too_short"),
            ("/page", "invalid_type")
        ]
        .map(|(pointer, code)| (pointer.to_owned(), code.to_owned()))
    );
    let problem = refused.json();
    assert_eq!(problem["errors"][3]["received"], "string \"x\"");
    assert!(problem["errors"][0].get("line").is_none(), "a query has no lines");

    let twice = send(&client, &base, "GET", "/tickets?limit=1&limit=2", None, b"").await;
    assert_eq!(twice.issues(), [("/limit".to_owned(), "duplicate_key".to_owned())]);

    let form =
        send(&client, &base, "POST", "/tickets", FORM, b"title=Printer+on+fire&priority=2&tag=office&notify=true")
            .await;
    assert_eq!(form.json(), json!({"title": "Printer on fire", "priority": 2, "tag": ["office"], "notify": true}));
    let bad_form = send(&client, &base, "POST", "/tickets", FORM, b"title=a&priority=9&notify=yes").await;
    assert_eq!(
        bad_form.issues(),
        [("/title", "too_short"), ("/priority", "out_of_range"), ("/notify", "invalid_type")]
            .map(|(pointer, code)| (pointer.to_owned(), code.to_owned()))
    );

    // FastAPI's shape: `loc` starts where the value was.
    let fastapi = send(&client, &base, "GET", "/fastapi/tickets?limit=0&status=x", None, b"").await.json();
    assert_eq!(fastapi["detail"][0]["loc"], json!(["query", "limit"]), "{fastapi}");
    assert_eq!(fastapi["detail"][1]["type"], "unknown_variant");
    let fastapi = send(&client, &base, "GET", "/fastapi/tickets/0", None, b"").await.json();
    assert_eq!(fastapi["detail"][0]["loc"], json!(["path", "id"]));
    let fastapi = send(&client, &base, "POST", "/fastapi/tickets", FORM, b"priority=0").await.json();
    assert_eq!(fastapi["detail"][0]["loc"], json!(["body", "priority"]));

    let path = send(&client, &base, "GET", "/tickets/seven", None, b"").await;
    assert_eq!(path.issues(), [("/id".to_owned(), "invalid_type".to_owned())]);
    assert_eq!(send(&client, &base, "GET", "/tickets/7", None, b"").await.json(), json!({"id": 7}));
}

/// Query strings of every shape: pairs, lone keys, `+`, escapes valid and
/// not, bytes that decode to text that is not UTF-8.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("limit".to_owned()),
        Just("tag".to_owned()),
        Just("status".to_owned()),
        Just("page".to_owned()),
        Just("=".to_owned()),
        Just("&".to_owned()),
        Just("+".to_owned()),
        Just("%FF".to_owned()),
        Just("%C3%A9".to_owned()),
        Just("%2".to_owned()),
        Just("%%".to_owned()),
        "[a-z0-9]{0,4}",
        "-?[0-9]{1,25}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// One runtime and one server of each framework for every case.
fn shared() -> &'static (tokio::runtime::Runtime, String, String) {
    static SHARED: std::sync::OnceLock<(tokio::runtime::Runtime, String, String)> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let axum_base = runtime.block_on(start_axum());
        (runtime, axum_base, start_actix())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_query_strings_never_panic_and_both_frameworks_agree(query in query()) {
        let (runtime, axum_base, actix_base) = shared();
        runtime.block_on(async {
            let client = reqwest::Client::new();
            let path = format!("/tickets?{query}");
            let on_axum = send(&client, axum_base, "GET", &path, None, b"").await;
            let on_actix = send(&client, actix_base, "GET", &path, None, b"").await;
            assert!([200, 400, 422].contains(&on_axum.status), "{path}: {on_axum:?}");
            assert_eq!(on_axum, on_actix, "{path}");
        });
    }
}

#[tokio::test]
async fn the_ticket_service_opens_lists_and_finds_tickets() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, model_examples::ticket_service::router()).await });
    let client = reqwest::Client::new();

    let opened = send(&client, &base, "POST", "/tickets", FORM, b"title=Printer+on+fire&priority=2&tag=office").await;
    assert_eq!(opened.status, 201, "{}", opened.body);
    assert_eq!(opened.json()["id"], 1);
    let json = send(&client, &base, "POST", "/tickets.json", JSON, br#"{"title": "Lights out", "priority": 1}"#).await;
    assert_eq!(json.status, 201, "{}", json.body);

    let listed = send(&client, &base, "GET", "/tickets?tag=office&status=open", None, b"").await;
    assert_eq!(listed.json().as_array().map(Vec::len), Some(1), "{}", listed.body);
    let page_two = send(&client, &base, "GET", "/tickets?limit=1&page=2", None, b"").await;
    assert_eq!(page_two.json()[0]["title"], "Lights out");
    assert_eq!(send(&client, &base, "GET", "/tickets/2", None, b"").await.json()["priority"], 1);
    assert_eq!(send(&client, &base, "GET", "/tickets/9", None, b"").await.status, 404);
    let document = send(&client, &base, "GET", "/openapi.json", None, b"").await;
    assert_eq!(document.json()["openapi"], "3.1.0");
}

#[tokio::test]
async fn the_worst_form_and_query_get_the_same_bounded_report_on_both_frameworks() {
    let (axum_base, actix_base) = (start_axum().await, start_actix());
    let client = reqwest::Client::new();
    // A 100 KB key, 50,000 empty tags (each too short), a number of 20,000 digits.
    let mut form = format!("{}=x&title=Printer&priority={}", "k".repeat(100_000), "9".repeat(20_000));
    form.push_str(&"&tag=".repeat(50_000));
    let query = format!("/tickets?{}=x&limit={}", "q".repeat(2_000), "7".repeat(2_000));
    for (method, path, content_type, body) in
        [("POST", "/tickets", FORM, form.as_bytes()), ("GET", query.as_str(), None, &b""[..])]
    {
        let on_axum = send(&client, &axum_base, method, path, content_type, body).await;
        let on_actix = send(&client, &actix_base, method, path, content_type, body).await;
        assert_eq!(on_axum, on_actix, "{method} {}", &path[..20]);
        assert_eq!(on_axum.status, 422, "{}", &on_axum.body[..200.min(on_axum.body.len())]);
        let problem = on_axum.json();
        let errors = problem["errors"].as_array().unwrap();
        assert!(errors.len() <= 1_001, "{} issues", errors.len());
        assert!(on_axum.body.len() < 1 << 20, "{} bytes", on_axum.body.len());
        for issue in errors {
            assert!(issue["pointer"].as_str().unwrap().len() < 300, "a pointer not cut: {issue}");
        }
    }
}
