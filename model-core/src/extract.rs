//! Serving JSON with axum 0.8: an extractor that reads a request body as
//! any type the derive or model-core reads (a model, a data enum, a `Vec`
//! or map of them) and, when it cannot, answers with the whole report.

use axum::body::{Bytes, HttpBody};
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::RequestExt;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use crate::api_type::ApiType;
use crate::issue::{IssueKind, ValidationError};
use crate::parse;
use crate::report::ReportLimits;

/// A request body read as `T`, or a rejection that tells the client every
/// problem in it: axum's `Json`, with the report.
///
/// | the request | status | body |
/// | --- | --- | --- |
/// | no `Content-Type: application/json` (or `…+json`) | `415` | problem details |
/// | a body over axum's `DefaultBodyLimit` (2 MB unless set) | `413` | problem details |
/// | not JSON, or not UTF-8 | `400` | problem details, the syntax issue in `errors` |
/// | JSON that `T` refuses: types, missing keys, rules | `422` | problem details, every issue in `errors` |
///
/// Problem details are RFC 9457's `application/problem+json`:
/// `{"type", "title", "status", "detail", "errors": [issue, …]}`, each issue
/// as [`Issue`](crate::Issue) serializes itself. No secret's value is ever in
/// it. The report is bounded by the [`ReportLimits`] in the request's
/// extensions (`router.layer(Extension(limits))`), else the defaults; a
/// body over [`OFFLOAD_ABOVE`] bytes is read on tokio's blocking pool. For
/// clients that expect FastAPI's `{"detail": [{"loc", "msg", "type"}]}`,
/// use [`FastApiStyleJson`].
///
/// ```
/// use axum::{routing::post, Router};
/// use model_core::{ApiModel, axum::ApiJson};
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct Signup {
///     #[api(min_length = 3)]
///     login: String,
/// }
///
/// async fn signup(ApiJson(signup): ApiJson<Signup>) -> String {
///     format!("welcome, {}", signup.login)
/// }
///
/// let app: Router = Router::new().route("/signup", post(signup));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiJson<T>(pub T);

/// [`ApiJson`] whose rejection has FastAPI's shape, for clients written
/// against a FastAPI service: `{"detail": [{"loc": ["body", "items", 0],
/// "msg": "…", "type": "too_short"}]}`, with the same statuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FastApiStyleJson<T>(pub T);

/// Why a body was refused. Turn it into a response of your own shape with
/// [`status`](Self::status) and [`report`](Self::report), or let it answer
/// with RFC 9457 problem details ([`IntoResponse`]) or FastAPI's shape
/// ([`fastapi_response`](Self::fastapi_response)).
#[derive(Debug)]
#[non_exhaustive]
pub enum ApiJsonRejection {
    /// `415`: the request did not say its body is JSON.
    UnsupportedMediaType,
    /// `413`: the body is over the route's `DefaultBodyLimit`.
    PayloadTooLarge,
    /// `400`: the body could not be read, for a reason axum gives.
    Unreadable(String),
    /// `400`: the body is not JSON; the report holds the syntax issue.
    Malformed(ValidationError),
    /// `422`: the body is JSON that the model refuses; the report holds every issue.
    Invalid(ValidationError),
}

impl<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiJsonRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read(request, state).await.map(ApiJson)
    }
}

impl<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync> FromRequest<S> for FastApiStyleJson<T> {
    type Rejection = FastApiStyleRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read(request, state).await.map(FastApiStyleJson).map_err(FastApiStyleRejection)
    }
}

/// Bodies longer than this are read on tokio's blocking pool
/// (`spawn_blocking`), not on the async worker: a large body full of
/// problems costs a report of about 75 ns a byte, and a worker busy with it
/// would stall every other request it serves. Below it, the whole read
/// takes at most a few milliseconds.
pub const OFFLOAD_ABOVE: usize = 64 << 10;

async fn read<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync>(
    request: Request,
    state: &S,
) -> Result<T, ApiJsonRejection> {
    if !is_json(request.headers()) {
        return Err(ApiJsonRejection::UnsupportedMediaType);
    }
    // A router chooses its own with `.layer(Extension(ReportLimits::default()…))`.
    let limits = request.extensions().get::<ReportLimits>().copied().unwrap_or_default();
    // The route's `DefaultBodyLimit` holds. A body whose `Content-Length`
    // is over it is refused before a byte of it is read (axum's own reader
    // would read up to the limit first); one that says nothing is cut at it.
    let declared = request.body().size_hint().lower();
    let request = request.with_limited_body();
    if request.body().size_hint().upper().is_some_and(|allowed| declared > allowed) {
        return Err(ApiJsonRejection::PayloadTooLarge);
    }
    let body = Bytes::from_request(request, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiJsonRejection::PayloadTooLarge
        } else {
            ApiJsonRejection::Unreadable(rejection.body_text())
        }
    })?;
    let parsed = match tokio::runtime::Handle::try_current() {
        Ok(runtime) if body.len() > OFFLOAD_ABOVE => {
            let body = body.clone();
            match runtime.spawn_blocking(move || parse::from_slice_limited::<T>(&body, &limits)).await {
                Ok(parsed) => parsed,
                // A panic in a `Deserialize` or a rule is the handler's, as for a smaller body.
                Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
                Err(_) => return Err(ApiJsonRejection::Unreadable("the body could not be read".to_owned())),
            }
        }
        _ => parse::from_slice_limited::<T>(&body, &limits),
    };
    parsed.map_err(|error| {
        // Only text that is not JSON at all is a 400 (bytes that are not
        // UTF-8 among them); JSON the model refuses is a 422.
        let not_json = error.issues().iter().any(|issue| issue.kind() == IssueKind::Syntax)
            && (std::str::from_utf8(&body).is_err() || serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_err());
        if not_json {
            ApiJsonRejection::Malformed(error)
        } else {
            ApiJsonRejection::Invalid(error)
        }
    })
}

/// `application/json`, or any `application/…+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl ApiJsonRejection {
    /// The response's status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiJsonRejection::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiJsonRejection::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiJsonRejection::Unreadable(_) | ApiJsonRejection::Malformed(_) => StatusCode::BAD_REQUEST,
            ApiJsonRejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The report, when the body was read: every issue, for a `400` or `422`.
    pub fn report(&self) -> Option<&ValidationError> {
        match self {
            ApiJsonRejection::Malformed(error) | ApiJsonRejection::Invalid(error) => Some(error),
            ApiJsonRejection::UnsupportedMediaType
            | ApiJsonRejection::PayloadTooLarge
            | ApiJsonRejection::Unreadable(_) => None,
        }
    }

    /// The RFC 9457 problem details this rejection answers with.
    ///
    /// ```
    /// # use model_core::{axum::ApiJsonRejection, ApiModel};
    /// #[derive(Debug, serde::Deserialize, ApiModel)]
    /// struct Signup {
    ///     login: String,
    /// }
    ///
    /// let error = Signup::from_json(r#"{"login": 3}"#).unwrap_err();
    /// let problem = ApiJsonRejection::Invalid(error).problem();
    /// assert_eq!(problem, serde_json::json!({
    ///     "type": "about:blank",
    ///     "title": "Unprocessable Content",
    ///     "status": 422,
    ///     "detail": "invalid Signup: 1 issue",
    ///     "errors": [{
    ///         "pointer": "/login",
    ///         "code": "invalid_type",
    ///         "detail": "expected string, got number 3",
    ///         "wire_name": "login",
    ///         "expected": "string",
    ///         "received": "number 3",
    ///         "line": 1,
    ///         "column": 11,
    ///     }],
    /// }));
    /// ```
    pub fn problem(&self) -> Value {
        let status = self.status();
        let mut problem = Map::new();
        problem.insert("type".to_owned(), json!("about:blank"));
        problem.insert("title".to_owned(), json!(title(status)));
        problem.insert("status".to_owned(), json!(status.as_u16()));
        let detail = match self {
            ApiJsonRejection::UnsupportedMediaType => {
                "expected a request with `Content-Type: application/json`".to_owned()
            }
            ApiJsonRejection::PayloadTooLarge => "the request body is over this route's size limit".to_owned(),
            ApiJsonRejection::Unreadable(reason) => format!("the request body could not be read: {reason}"),
            ApiJsonRejection::Malformed(error) | ApiJsonRejection::Invalid(error) => {
                let count = error.issues().len();
                format!("invalid {}: {count} issue{}", error.model(), if count == 1 { "" } else { "s" })
            }
        };
        problem.insert("detail".to_owned(), json!(detail));
        if let Some(error) = self.report() {
            problem.insert("errors".to_owned(), json!(error.issues()));
        }
        Value::Object(problem)
    }

    /// FastAPI's shape: `{"detail": [{"loc": ["body", …], "msg", "type"}]}`,
    /// one entry per issue (or one for the whole request), with the same status.
    pub fn fastapi(&self) -> Value {
        let entries: Vec<Value> = match self.report() {
            Some(error) => error
                .issues()
                .iter()
                .map(|issue| json!({ "loc": location(issue.pointer()), "msg": issue.detail(), "type": issue.code() }))
                .collect(),
            None => {
                let Some(Value::String(msg)) = self.problem().get("detail").cloned() else { return json!({}) };
                let kind = match self {
                    ApiJsonRejection::UnsupportedMediaType => "unsupported_media_type",
                    ApiJsonRejection::PayloadTooLarge => "payload_too_large",
                    _ => "unreadable_body",
                };
                vec![json!({ "loc": ["body"], "msg": msg, "type": kind })]
            }
        };
        json!({ "detail": entries })
    }

    /// This rejection as a response in FastAPI's shape.
    pub fn fastapi_response(&self) -> Response {
        respond(self.status(), "application/json", &self.fastapi())
    }
}

/// The status's name as RFC 9110 gives it (the `http` crate still has the
/// older names of 413 and 422).
fn title(status: StatusCode) -> &'static str {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => "Content Too Large",
        StatusCode::UNPROCESSABLE_ENTITY => "Unprocessable Content",
        other => other.canonical_reason().unwrap_or_default(),
    }
}

/// `/items/0/name` as FastAPI's `["body", "items", 0, "name"]`.
fn location(pointer: &str) -> Value {
    let mut location = vec![json!("body")];
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match segment.parse::<u64>() {
            Ok(index) => location.push(json!(index)),
            Err(_) => location.push(json!(segment)),
        }
    }
    Value::Array(location)
}

/// With the `utoipa` feature, `responses(ApiJsonRejection)` in a
/// `#[utoipa::path]` documents the `400`, `413`, `415` and `422` answers as
/// `application/problem+json`, each issue's fields described.
#[cfg(feature = "utoipa")]
impl utoipa::IntoResponses for ApiJsonRejection {
    fn responses() -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>> {
        crate::to_utoipa::problem_responses()
    }
}

impl IntoResponse for ApiJsonRejection {
    fn into_response(self) -> Response {
        respond(self.status(), "application/problem+json", &self.problem())
    }
}

/// The rejection of [`FastApiStyleJson`]: an [`ApiJsonRejection`] that answers in
/// FastAPI's shape.
#[derive(Debug)]
pub struct FastApiStyleRejection(pub ApiJsonRejection);

impl IntoResponse for FastApiStyleRejection {
    fn into_response(self) -> Response {
        self.0.fastapi_response()
    }
}

fn respond(status: StatusCode, content_type: &'static str, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

impl std::fmt::Display for ApiJsonRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.report() {
            Some(error) => error.fmt(f),
            None => match self.problem().get("detail") {
                Some(Value::String(detail)) => f.write_str(detail),
                _ => f.write_str("rejected request"),
            },
        }
    }
}

impl std::error::Error for ApiJsonRejection {}
