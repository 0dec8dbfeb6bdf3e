//! Serving with actix-web 4 (feature `actix-web`): the same extractors as
//! [`axum`](crate::axum)'s, of a JSON body, a form, a query string and
//! path parameters, answering the same request with the same status and
//! the same bytes. What to answer is decided in one place with no
//! framework type (`answer.rs`); this module carries the request there and
//! the answer back.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{to_bytes_limited, BodyStream};
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::de::DeserializeOwned;

use crate::answer;
pub use crate::answer::{ApiRejection, FastApiStyle, FastApiStyleRejection};
use crate::api_type::ApiType;
use crate::model::ApiStruct;
use crate::report::ReportLimits;

/// A JSON body read as `T`, every problem at once, as
/// [`axum::ApiJson`](crate::axum) answers: `415`, `413`, `400` or `422` with
/// problem details. The body limit is the [`BodyLimit`] in the app's data,
/// else 2 MiB (axum's default); the report's, the app's
/// [`ReportLimits`], else the defaults.
///
/// ```
/// use actix_web::{web, App};
/// use model_core::{actix::ApiJson, ApiModel};
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
/// let app = App::new().route("/signup", web::post().to(signup));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiJson<T>(pub T);

/// A query string read as the model `T` (see [`from_pairs`](crate::from_pairs)).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiQuery<T>(pub T);

/// An `application/x-www-form-urlencoded` body read as the model `T`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiForm<T>(pub T);

/// The route's path parameters (`/tickets/{id}`) read as the model `T`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApiPath<T>(pub T);

/// The largest body `ApiJson` and `ApiForm` read, in bytes, as app data:
/// `App::new().app_data(BodyLimit(64 << 10))`. 2 MiB unless set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

impl Default for BodyLimit {
    fn default() -> Self {
        BodyLimit(2 << 20)
    }
}

type Reading<T> = Pin<Box<dyn Future<Output = Result<T, ApiRejection>>>>;

impl<T: ApiType + DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = ApiRejection;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = answer::is_json(content_type(request));
        let limits = request.app_data::<ReportLimits>().copied().unwrap_or_default();
        let body = read_body(request, payload);
        Box::pin(async move {
            if !is_json {
                return Err(ApiRejection::UnsupportedMediaType);
            }
            answer::read_json(&body.await?, &limits).map(ApiJson)
        })
    }
}

impl<T: ApiStruct + DeserializeOwned + 'static> FromRequest for ApiForm<T> {
    type Error = ApiRejection;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_form = answer::is_form(content_type(request));
        let limits = request.app_data::<ReportLimits>().copied().unwrap_or_default();
        let body = read_body(request, payload);
        Box::pin(async move {
            if !is_form {
                return Err(ApiRejection::NotAForm);
            }
            answer::read_urlencoded(&body.await?, &limits).map(ApiForm)
        })
    }
}

impl<T: ApiStruct + DeserializeOwned + 'static> FromRequest for ApiQuery<T> {
    type Error = ApiRejection;
    type Future = std::future::Ready<Result<Self, ApiRejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let limits = request.app_data::<ReportLimits>().copied().unwrap_or_default();
        std::future::ready(answer::read_urlencoded(request.query_string().as_bytes(), &limits).map(ApiQuery))
    }
}

impl<T: ApiStruct + DeserializeOwned + 'static> FromRequest for ApiPath<T> {
    type Error = ApiRejection;
    type Future = std::future::Ready<Result<Self, ApiRejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let limits = request.app_data::<ReportLimits>().copied().unwrap_or_default();
        std::future::ready(answer::read_pairs(request.match_info().iter(), &limits).map(ApiPath))
    }
}

/// The body, within the app's [`BodyLimit`]: one whose `Content-Length` is
/// over it is refused before a byte of it is read; one that says nothing is
/// cut at it.
fn read_body(request: &HttpRequest, payload: &mut Payload) -> impl Future<Output = Result<Vec<u8>, ApiRejection>> {
    let limit = request.app_data::<BodyLimit>().copied().unwrap_or_default().0;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    let stream = BodyStream::new(payload.take());
    async move {
        if declared.is_some_and(|declared| declared > limit) {
            return Err(ApiRejection::PayloadTooLarge);
        }
        match to_bytes_limited(stream, limit).await {
            Ok(Ok(bytes)) => Ok(bytes.to_vec()),
            Ok(Err(error)) => Err(ApiRejection::Unreadable(error.to_string())),
            Err(_) => Err(ApiRejection::PayloadTooLarge),
        }
    }
}

fn content_type(request: &HttpRequest) -> Option<&str> {
    request.headers().get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok())
}

/// RFC 9457 problem details, the bytes axum's adapter answers with.
impl ResponseError for ApiRejection {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(ApiRejection::status_code(self)).unwrap_or(StatusCode::BAD_REQUEST)
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(ResponseError::status_code(self))
            .insert_header((header::CONTENT_TYPE, "application/problem+json"))
            .body(self.problem_body())
    }
}

/// FastAPI's shape, with the same status.
impl ResponseError for FastApiStyleRejection {
    fn status_code(&self) -> StatusCode {
        ResponseError::status_code(self.rejection())
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(ResponseError::status_code(self))
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .body(self.body())
    }
}

/// `FastApiStyle<ApiQuery<T>>` and its kin: the inner extractor, its
/// rejection in FastAPI's shape with `loc` starting at `place`.
macro_rules! fastapi_style {
    ($($extractor:ident: $bound:path => $place:literal;)*) => {$(
        impl<T: $bound + DeserializeOwned + 'static> FromRequest for FastApiStyle<$extractor<T>> {
            type Error = FastApiStyleRejection;
            type Future = Pin<Box<dyn Future<Output = Result<Self, FastApiStyleRejection>>>>;

            fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let read = $extractor::<T>::from_request(request, payload);
                Box::pin(async move {
                    read.await.map(FastApiStyle).map_err(|rejection| FastApiStyleRejection::new(rejection, $place))
                })
            }
        }
    )*};
}

fastapi_style! {
    ApiJson: ApiType => "body";
    ApiForm: ApiStruct => "body";
    ApiQuery: ApiStruct => "query";
    ApiPath: ApiStruct => "path";
}
