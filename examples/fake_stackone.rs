//! A local stand-in for StackOne's Connect Sessions API, to run in your own
//! integration tests: `POST /connect_sessions` and
//! `POST /connect_sessions/authenticate`, sessions kept in memory, request
//! bodies read with [`ApiJson`] so that a bad one gets the whole report.
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

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use model_core::{axum::ApiJson, Secret, Timestamp};
use models::{
    ConnectSession, ConnectSessionAuthenticate, ConnectSessionCreate, ConnectSessionCreateType,
    ConnectSessionTokenAuthLink, ConnectSessionTokenAuthLinkType,
};
use serde::Serialize;
use serde_json::{json, Number};
use tokio::net::TcpListener;

/// The organization and project every session of this server belongs to.
pub const ORGANIZATION_ID: u64 = 5922;
/// See [`ORGANIZATION_ID`].
pub const PROJECT_ID: &str = "proj_local";

/// The sessions issued so far, by token.
#[derive(Default)]
struct Sessions {
    by_token: Mutex<HashMap<String, ConnectSession>>,
    next_id: AtomicU64,
    random: RandomState,
}

/// The API as an axum router, for a server of your own or for
/// `tower::ServiceExt::oneshot` in tests.
pub fn router() -> Router {
    Router::new()
        .route("/connect_sessions", post(create))
        .route("/connect_sessions/authenticate", post(authenticate))
        .with_state(Arc::new(Sessions::default()))
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    axum::serve(listener, router()).await
}

/// `POST /connect_sessions`: a fresh token and auth link, the request's
/// fields echoed as StackOne does.
async fn create(State(sessions): State<Arc<Sessions>>, ApiJson(request): ApiJson<ConnectSessionCreate>) -> Response {
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
    sessions.by_token.lock().unwrap_or_else(PoisonError::into_inner).insert(token, session);
    created(&link)
}

/// `POST /connect_sessions/authenticate`: the session a token belongs to.
async fn authenticate(
    State(sessions): State<Arc<Sessions>>,
    ApiJson(request): ApiJson<ConnectSessionAuthenticate>,
) -> Response {
    let found = sessions.by_token.lock().unwrap_or_else(PoisonError::into_inner).get(request.token.expose()).cloned();
    match found {
        Some(session) => created(&session),
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
