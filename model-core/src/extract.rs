//! Serving with axum 0.8: extractors that read a request body (`ApiJson`,
//! `ApiForm`), a query string (`ApiQuery`) or path parameters (`ApiPath`)
//! as a type model-core reads and, when they cannot, answer with the whole
//! report. What to answer is decided in `answer.rs`, with no axum type; this
//! file carries the request there and the answer back.

use axum::body::{Bytes, HttpBody};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::RequestExt;
use serde::de::DeserializeOwned;

use crate::answer::{self, ApiRejection, FastApiStyle, FastApiStyleRejection};
use crate::api_type::ApiType;
use crate::model::ApiStruct;
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

/// A query string read as the model `T`, every problem at once (see
/// [`from_pairs`](crate::from_pairs) for how each value is read): a `422`
/// with every issue at its parameter (`/limit`), a `400` when the query
/// string is not UTF-8 once decoded. A missing query string is an empty one.
///
/// ```
/// use axum::{routing::get, Router};
/// use model_core::{ApiModel, axum::ApiQuery};
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct ListTickets {
///     #[serde(default)]
///     #[api(maximum = 100)]
///     limit: u32,
/// }
///
/// async fn list(ApiQuery(query): ApiQuery<ListTickets>) -> String {
///     format!("{} tickets", query.limit)
/// }
///
/// let app: Router = Router::new().route("/tickets", get(list));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiQuery<T>(pub T);

/// An `application/x-www-form-urlencoded` body read as the model `T`: a
/// `415` for another content type, a `413` over the route's
/// `DefaultBodyLimit`, a `400` when it is not UTF-8 once decoded, a `422`
/// with every issue. Values are read as [`ApiQuery`] reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiForm<T>(pub T);

/// The route's path parameters (`/tickets/{id}`) read as the model `T`, one
/// field a parameter: a `422` with every issue (`/id`), a `400` when axum
/// cannot decode them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiPath<T>(pub T);

impl<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read_json(request, state).await.map(ApiJson)
    }
}

impl<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync> FromRequest<S> for FastApiStyleJson<T> {
    type Rejection = FastApiStyleRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read_json(request, state)
            .await
            .map(FastApiStyleJson)
            .map_err(|rejection| FastApiStyleRejection::new(rejection, "body"))
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for FastApiStyle<ApiQuery<T>> {
    type Rejection = FastApiStyleRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let read = ApiQuery::from_request_parts(parts, state).await;
        read.map(FastApiStyle).map_err(|rejection| FastApiStyleRejection::new(rejection, "query"))
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for FastApiStyle<ApiPath<T>> {
    type Rejection = FastApiStyleRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let read = ApiPath::from_request_parts(parts, state).await;
        read.map(FastApiStyle).map_err(|rejection| FastApiStyleRejection::new(rejection, "path"))
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequest<S> for FastApiStyle<ApiForm<T>> {
    type Rejection = FastApiStyleRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let read = ApiForm::from_request(request, state).await;
        read.map(FastApiStyle).map_err(|rejection| FastApiStyleRejection::new(rejection, "body"))
    }
}

impl<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync> FromRequest<S> for FastApiStyle<ApiJson<T>> {
    type Rejection = FastApiStyleRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let read = read_json(request, state).await;
        read.map(|value| FastApiStyle(ApiJson(value)))
            .map_err(|rejection| FastApiStyleRejection::new(rejection, "body"))
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiRejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let limits = parts.extensions.get::<ReportLimits>().copied().unwrap_or_default();
        answer::read_urlencoded(parts.uri.query().unwrap_or_default().as_bytes(), &limits).map(ApiQuery)
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiRejection::Unreadable(rejection.body_text()))?;
        let limits = parts.extensions.get::<ReportLimits>().copied().unwrap_or_default();
        answer::read_pairs(&params, &limits).map(ApiPath)
    }
}

impl<T: ApiStruct + DeserializeOwned + Send, S: Send + Sync> FromRequest<S> for ApiForm<T> {
    type Rejection = ApiRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !answer::is_form(content_type(request.headers())) {
            return Err(ApiRejection::NotAForm);
        }
        let limits = request.extensions().get::<ReportLimits>().copied().unwrap_or_default();
        let body = read_body(request, state).await?;
        answer::read_urlencoded(&body, &limits).map(ApiForm)
    }
}

/// Bodies longer than this are read on tokio's blocking pool
/// (`spawn_blocking`), not on the async worker: a large body full of
/// problems costs a report of about 75 ns a byte, and a worker busy with it
/// would stall every other request it serves. Below it, the whole read
/// takes at most a few milliseconds.
pub const OFFLOAD_ABOVE: usize = 64 << 10;

async fn read_json<T: ApiType + DeserializeOwned + Send + 'static, S: Send + Sync>(
    request: Request,
    state: &S,
) -> Result<T, ApiRejection> {
    if !answer::is_json(content_type(request.headers())) {
        return Err(ApiRejection::UnsupportedMediaType);
    }
    // A router chooses its own with `.layer(Extension(ReportLimits::default()…))`.
    let limits = request.extensions().get::<ReportLimits>().copied().unwrap_or_default();
    let body = read_body(request, state).await?;
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) if body.len() > OFFLOAD_ABOVE => {
            match runtime.spawn_blocking(move || answer::read_json::<T>(&body, &limits)).await {
                Ok(parsed) => parsed,
                // A panic in a `Deserialize` or a rule is the handler's, as for a smaller body.
                Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
                Err(_) => Err(ApiRejection::Unreadable("the body could not be read".to_owned())),
            }
        }
        _ => answer::read_json::<T>(&body, &limits),
    }
}

/// The body, within the route's `DefaultBodyLimit`. A body whose
/// `Content-Length` is over it is refused before a byte of it is read
/// (axum's own reader would read up to the limit first); one that says
/// nothing is cut at it.
async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ApiRejection> {
    let declared = request.body().size_hint().lower();
    let request = request.with_limited_body();
    if request.body().size_hint().upper().is_some_and(|allowed| declared > allowed) {
        return Err(ApiRejection::PayloadTooLarge);
    }
    Bytes::from_request(request, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiRejection::PayloadTooLarge
        } else {
            ApiRejection::Unreadable(rejection.body_text())
        }
    })
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok())
}

/// With the `utoipa` feature, `responses(ApiRejection)` in a
/// `#[utoipa::path]` documents the `400`, `413`, `415` and `422` answers as
/// `application/problem+json`, each issue's fields described.
#[cfg(feature = "utoipa")]
impl utoipa::IntoResponses for ApiRejection {
    fn responses() -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>> {
        use utoipa::openapi::content::Content;
        use utoipa::openapi::response::ResponseBuilder;
        use utoipa::openapi::RefOr;

        // The issue schema in place: utoipa's components are the user's to list.
        let problem = crate::to_utoipa::convert(crate::openapi::problem_schema_in_place());
        crate::openapi::BODY_ANSWERS
            .iter()
            .map(|(status, description)| {
                let response = ResponseBuilder::new()
                    .description(*description)
                    .content("application/problem+json", Content::new(Some(problem.clone())))
                    .build();
                (status.to_string(), RefOr::T(response))
            })
            .collect()
    }
}

impl ApiRejection {
    /// The response's status, as axum's type.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::BAD_REQUEST)
    }

    /// This rejection as a response in FastAPI's shape.
    pub fn fastapi_response(&self) -> Response {
        respond(self.status(), "application/json", self.fastapi().to_string())
    }
}

impl IntoResponse for ApiRejection {
    fn into_response(self) -> Response {
        respond(self.status(), "application/problem+json", self.problem_body())
    }
}

impl IntoResponse for FastApiStyleRejection {
    fn into_response(self) -> Response {
        respond(self.rejection().status(), "application/json", self.body())
    }
}

fn respond(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
