//! A local stand-in for StackOne's Connect Sessions API, to run in your own
//! integration tests: `POST /connect_sessions` and
//! `POST /connect_sessions/authenticate`, sessions kept in memory, request
//! bodies read with [`ApiJson`] so that a bad one gets the whole report, and
//! `GET /openapi.json`, the OpenAPI 3.1 document of those two routes, built
//! from the same models ([`openapi`]).
//!
//! It survives a hostile client ([`ServerOptions`]): a request's headers and
//! body must arrive within a read timeout (10 s unless set), a session
//! expires after its `expires_in` (then `authenticate` answers `404`, as for
//! a token never issued), at most 10,000 sessions are kept (the one that
//! expires first makes room), and each is kept as the JSON it is answered
//! with, not as parsed values.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let base = format!("http://{}", listener.local_addr()?);
//! tokio::spawn(model_examples::fake_stackone::serve(listener));
//! // … point your client at `base` …
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use model_core::{axum::ApiJson, openapi::OpenApi, Secret, Timestamp};
use models::{
    ConnectSession, ConnectSessionAuthenticate, ConnectSessionCreate, ConnectSessionCreateType,
    ConnectSessionTokenAuthLink, ConnectSessionTokenAuthLinkType,
};
use serde::Serialize;
use serde_json::{json, Number};
use tokio::net::TcpListener;
use tower_http::timeout::TimeoutLayer;

/// The organization and project every session of this server belongs to.
pub const ORGANIZATION_ID: u64 = 5922;
/// See [`ORGANIZATION_ID`].
pub const PROJECT_ID: &str = "proj_local";

/// What the server bounds, so that no client can hold it up or fill it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerOptions {
    /// How long a request's headers may take to arrive, and then the whole
    /// request, body included: a stalled connection is closed (headers) or
    /// answered `408` (body). Also how long an idle connection is kept.
    pub read_timeout: Duration,
    /// How many sessions are kept; when full, expired ones go first, then
    /// the one that expires soonest.
    pub max_sessions: usize,
}

impl Default for ServerOptions {
    /// A 10 s read timeout, 10,000 sessions.
    fn default() -> Self {
        ServerOptions { read_timeout: Duration::from_secs(10), max_sessions: 10_000 }
    }
}

/// The longest `expires_in` honoured: a year.
const LONGEST_EXPIRY: Duration = Duration::from_secs(365 * 24 * 3600);

/// The sessions issued so far, by token.
struct Sessions {
    by_token: Mutex<HashMap<String, Stored>>,
    next_id: AtomicU64,
    random: RandomState,
    max_sessions: usize,
}

/// A session as it is answered: its JSON, compact, and when it expires.
struct Stored {
    json: Box<str>,
    expires_at: Instant,
}

/// The API as an axum router, for a server of your own or for
/// `tower::ServiceExt::oneshot` in tests.
pub fn router() -> Router {
    router_with(&ServerOptions::default())
}

/// [`router`] with `options`' session cap.
pub fn router_with(options: &ServerOptions) -> Router {
    let sessions = Sessions {
        by_token: Mutex::new(HashMap::new()),
        next_id: AtomicU64::new(0),
        random: RandomState::new(),
        max_sessions: options.max_sessions.max(1),
    };
    // Written once: the document is the same for every request.
    let document: Arc<str> = openapi().to_string().into();
    Router::new()
        .route("/connect_sessions", post(create))
        .route("/connect_sessions/authenticate", post(authenticate))
        .route(
            "/openapi.json",
            get(move || async move { with_type(StatusCode::OK, "application/json", document.to_string()) }),
        )
        .with_state(Arc::new(sessions))
}

/// The OpenAPI 3.1 document of the routes: each request body and answer by
/// component, from the same models the handlers read and write, and the
/// problem details the extractor and `authenticate` answer with.
pub fn openapi() -> serde_json::Value {
    OpenApi::new("StackOne Connect Sessions (local)", env!("CARGO_PKG_VERSION"))
        .post::<ConnectSessionCreate, ConnectSessionTokenAuthLink>("/connect_sessions", "Create a connect session")
        .post::<ConnectSessionAuthenticate, ConnectSession>(
            "/connect_sessions/authenticate",
            "Authenticate a connect session's token",
        )
        .problem(404, "No connect session has this token, or it expired.")
        .to_value()
}

/// Serves [`router`] on `listener` with the default [`ServerOptions`] until
/// the process ends.
pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    serve_with(listener, ServerOptions::default()).await
}

/// Serves [`router_with`] on `listener`, each connection under `options`'
/// read timeout. HTTP/1.1, as hyper serves it; axum's own `serve` has no
/// header timeout, so connections are served here with hyper's.
pub async fn serve_with(listener: TcpListener, options: ServerOptions) -> std::io::Result<()> {
    let app =
        router_with(&options).layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, options.read_timeout));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was
            // taken: wait a moment rather than spin, and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        let timeout = options.read_timeout;
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(timeout)
                .serve_connection(TokioIo::new(stream), service);
            // A client that goes away, or is timed out, ends only its own connection.
            let _ = connection.await;
        });
    }
}

/// `POST /connect_sessions`: a fresh token and auth link, the request's
/// fields echoed as StackOne does.
async fn create(State(sessions): State<Arc<Sessions>>, ApiJson(request): ApiJson<ConnectSessionCreate>) -> Response {
    let lifetime = request
        .expires_in
        .as_ref()
        .and_then(Number::as_f64)
        .and_then(|seconds| Duration::try_from_secs_f64(seconds.max(0.0)).ok())
        .map_or(LONGEST_EXPIRY, |lifetime| lifetime.min(LONGEST_EXPIRY));
    let id = sessions.next_id.fetch_add(1, Ordering::Relaxed) + 1;
    let token = format!("sess_{:016x}{:016x}", sessions.random.hash_one(id), sessions.random.hash_one(!id));
    let r#type = request.r#type.map(|ty| match ty {
        ConnectSessionCreateType::Production => ConnectSessionTokenAuthLinkType::Production,
        ConnectSessionCreateType::Test => ConnectSessionTokenAuthLinkType::Test,
        ConnectSessionCreateType::Unknown(other) => ConnectSessionTokenAuthLinkType::Unknown(other),
    });
    let session = ConnectSession {
        account_id: request.account_id,
        categories: request.categories,
        created_at: Timestamp::from(chrono::Utc::now()),
        external_trigger_token: None,
        id: Number::from(id),
        label: request.label,
        metadata: request.metadata,
        organization_id: Number::from(ORGANIZATION_ID),
        origin_owner_id: request.origin_owner_id,
        origin_owner_name: request.origin_owner_name,
        origin_username: request.origin_username,
        project_id: PROJECT_ID.to_owned(),
        provider: request.provider,
        r#type,
    };
    let link = ConnectSessionTokenAuthLink {
        account_id: session.account_id.clone(),
        auth_link_url: format!("https://hub.stackone.com/connect/{id}"),
        categories: session.categories.clone(),
        created_at: session.created_at,
        external_trigger_token: None,
        id: session.id.clone(),
        label: session.label.clone(),
        metadata: session.metadata.clone(),
        organization_id: session.organization_id.clone(),
        origin_owner_id: session.origin_owner_id.clone(),
        origin_owner_name: session.origin_owner_name.clone(),
        origin_username: session.origin_username.clone(),
        project_id: session.project_id.clone(),
        provider: session.provider.clone(),
        token: Secret::new(token.clone()),
        r#type: session.r#type.clone(),
        integration_id: None,
    };
    let Ok(json) = serde_json::to_string(&session) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let stored = Stored { json: json.into_boxed_str(), expires_at: Instant::now() + lifetime };
    sessions.keep(token, stored);
    created(&link)
}

impl Sessions {
    /// Keeps a session, making room first when the cap is reached.
    fn keep(&self, token: String, stored: Stored) {
        let mut by_token = self.by_token.lock().unwrap_or_else(PoisonError::into_inner);
        if by_token.len() >= self.max_sessions {
            let now = Instant::now();
            by_token.retain(|_, kept| kept.expires_at > now);
        }
        if by_token.len() >= self.max_sessions {
            let soonest = by_token.iter().min_by_key(|(_, kept)| kept.expires_at).map(|(token, _)| token.clone());
            if let Some(soonest) = soonest {
                by_token.remove(&soonest);
            }
        }
        by_token.insert(token, stored);
    }

    /// The JSON of the live session `token` names; an expired one is forgotten.
    fn find(&self, token: &str) -> Option<Box<str>> {
        let mut by_token = self.by_token.lock().unwrap_or_else(PoisonError::into_inner);
        match by_token.get(token) {
            Some(kept) if kept.expires_at > Instant::now() => Some(kept.json.clone()),
            Some(_) => {
                by_token.remove(token);
                None
            }
            None => None,
        }
    }
}

/// `POST /connect_sessions/authenticate`: the session a token belongs to.
async fn authenticate(
    State(sessions): State<Arc<Sessions>>,
    ApiJson(request): ApiJson<ConnectSessionAuthenticate>,
) -> Response {
    match sessions.find(request.token.expose()) {
        Some(json) => with_type(StatusCode::CREATED, "application/json", json.into()),
        None => {
            // The token is never echoed back.
            let problem = json!({
                "type": "about:blank",
                "title": "Not Found",
                "status": 404,
                "detail": "no connect session has this token",
            });
            with_type(StatusCode::NOT_FOUND, "application/problem+json", problem.to_string())
        }
    }
}

fn created<T: Serialize>(body: &T) -> Response {
    match serde_json::to_string(body) {
        Ok(json) => with_type(StatusCode::CREATED, "application/json", json),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn with_type(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
