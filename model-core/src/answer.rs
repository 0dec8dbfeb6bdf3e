//! What a server answers a request it refuses, with no framework's types:
//! which status, which problem details, FastAPI's shape, and how a JSON
//! body, a form body, a query string or path parameters become a model or a
//! refusal. The axum and actix-web adapters (`extract.rs`, `actix.rs`) only
//! carry bytes and headers here and the answer back, so both answer the
//! same request with the same bytes.

use std::borrow::Cow;

use percent_encoding::percent_decode;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use crate::api_type::ApiType;
use crate::issue::{unescape_segment, Issue, IssueKind, ValidationError};
use crate::model::ApiStruct;
use crate::pairs::from_pairs_limited;
use crate::parse;
use crate::report::ReportLimits;

/// Why a request was refused: by the body extractors (`ApiJson`,
/// `ApiForm`) and the parts extractors (`ApiQuery`, `ApiPath`) of every
/// framework adapter. Turn it into a response of your own shape with
/// [`status_code`](Self::status_code) and [`report`](Self::report), or let
/// it answer with RFC 9457 problem details ([`problem`](Self::problem)) or
/// FastAPI's shape ([`fastapi`](Self::fastapi)).
#[derive(Debug)]
#[non_exhaustive]
pub enum ApiRejection {
    /// `415`: the request did not say its body is JSON.
    UnsupportedMediaType,
    /// `413`: the body is over the route's size limit.
    PayloadTooLarge,
    /// `400`: the request could not be read, for a reason the framework gives.
    Unreadable(String),
    /// `400`: the body is not JSON, or the query string or form is not
    /// UTF-8 text; the report holds the syntax issue.
    Malformed(ValidationError),
    /// `422`: the request is well formed and the model refuses it; the
    /// report holds every issue.
    Invalid(ValidationError),
    /// `415`: the request did not say its body is a form
    /// (`application/x-www-form-urlencoded`).
    NotAForm,
}

/// The media type of a form body.
pub(crate) const FORM: &str = "application/x-www-form-urlencoded";

impl ApiRejection {
    /// The response's status: `400`, `413`, `415` or `422`.
    pub fn status_code(&self) -> u16 {
        match self {
            ApiRejection::UnsupportedMediaType | ApiRejection::NotAForm => 415,
            ApiRejection::PayloadTooLarge => 413,
            ApiRejection::Unreadable(_) | ApiRejection::Malformed(_) => 400,
            ApiRejection::Invalid(_) => 422,
        }
    }

    /// The report, when the request was read: every issue, for a `400` or `422`.
    pub fn report(&self) -> Option<&ValidationError> {
        match self {
            ApiRejection::Malformed(error) | ApiRejection::Invalid(error) => Some(error),
            ApiRejection::UnsupportedMediaType
            | ApiRejection::NotAForm
            | ApiRejection::PayloadTooLarge
            | ApiRejection::Unreadable(_) => None,
        }
    }

    /// The RFC 9457 problem details this rejection answers with.
    ///
    /// ```
    /// # use model_core::{axum::ApiRejection, ApiModel};
    /// #[derive(Debug, serde::Deserialize, ApiModel)]
    /// struct Signup {
    ///     login: String,
    /// }
    ///
    /// let error = Signup::from_json(r#"{"login": 3}"#).unwrap_err();
    /// let problem = ApiRejection::Invalid(error).problem();
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
        let status = self.status_code();
        let mut problem = Map::new();
        problem.insert("type".to_owned(), json!("about:blank"));
        problem.insert("title".to_owned(), json!(title(status)));
        problem.insert("status".to_owned(), json!(status));
        problem.insert("detail".to_owned(), json!(self.detail()));
        if let Some(error) = self.report() {
            problem.insert("errors".to_owned(), json!(error.issues()));
        }
        Value::Object(problem)
    }

    /// The problem details as the bytes of a response body.
    pub fn problem_body(&self) -> String {
        self.problem().to_string()
    }

    fn detail(&self) -> String {
        match self {
            ApiRejection::UnsupportedMediaType => "expected a request with `Content-Type: application/json`".to_owned(),
            ApiRejection::NotAForm => format!("expected a request with `Content-Type: {FORM}`"),
            ApiRejection::PayloadTooLarge => "the request body is over this route's size limit".to_owned(),
            ApiRejection::Unreadable(reason) => format!("the request could not be read: {reason}"),
            ApiRejection::Malformed(error) | ApiRejection::Invalid(error) => {
                let count = error.issues().len();
                format!("invalid {}: {count} issue{}", error.model(), if count == 1 { "" } else { "s" })
            }
        }
    }

    /// FastAPI's shape: `{"detail": [{"loc": ["body", …], "msg", "type"}]}`,
    /// one entry per issue (or one for the whole request), with the same
    /// status. See [`fastapi_at`](Self::fastapi_at) for a query or path.
    pub fn fastapi(&self) -> Value {
        self.fastapi_at("body")
    }

    /// [`fastapi`](Self::fastapi) with `place` first in each `loc`, as
    /// FastAPI writes it: `"body"`, `"query"` or `"path"`.
    pub fn fastapi_at(&self, place: &str) -> Value {
        let entries: Vec<Value> = match self.report() {
            Some(error) => error
                .issues()
                .iter()
                .map(|issue| json!({ "loc": location(place, issue.pointer()), "msg": issue.detail(), "type": issue.code() }))
                .collect(),
            None => {
                let kind = match self {
                    ApiRejection::UnsupportedMediaType | ApiRejection::NotAForm => "unsupported_media_type",
                    ApiRejection::PayloadTooLarge => "payload_too_large",
                    _ => "unreadable_body",
                };
                vec![json!({ "loc": [place], "msg": self.detail(), "type": kind })]
            }
        };
        json!({ "detail": entries })
    }
}

impl std::fmt::Display for ApiRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.report() {
            Some(error) => error.fmt(f),
            None => f.write_str(&self.detail()),
        }
    }
}

impl std::error::Error for ApiRejection {}

/// An extractor whose rejection answers in FastAPI's shape, for clients
/// written against a FastAPI service: `FastApiStyle<ApiQuery<T>>`,
/// `FastApiStyle<ApiForm<T>>`, `FastApiStyle<ApiPath<T>>` and
/// `FastApiStyle<ApiJson<T>>`, with the same statuses, and `loc` starting
/// with `"query"`, `"body"` or `"path"` as FastAPI's does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FastApiStyle<E>(pub E);

/// The rejection of [`FastApiStyle`]: an [`ApiRejection`], and where the
/// refused input was, which FastAPI's `loc` starts with.
#[derive(Debug)]
pub struct FastApiStyleRejection {
    rejection: ApiRejection,
    place: &'static str,
}

impl FastApiStyleRejection {
    pub(crate) fn new(rejection: ApiRejection, place: &'static str) -> Self {
        FastApiStyleRejection { rejection, place }
    }

    /// The rejection, for its status and report.
    pub fn rejection(&self) -> &ApiRejection {
        &self.rejection
    }

    /// `{"detail": [{"loc": [place, …], "msg", "type"}]}`.
    pub fn body(&self) -> String {
        self.rejection.fastapi_at(self.place).to_string()
    }
}

impl std::fmt::Display for FastApiStyleRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.rejection.fmt(f)
    }
}

impl std::error::Error for FastApiStyleRejection {}

/// The status's name as RFC 9110 gives it.
fn title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        _ => "Error",
    }
}

/// `/items/0/name` as FastAPI's `["body", "items", 0, "name"]`.
fn location(place: &str, pointer: &str) -> Value {
    let mut location = vec![json!(place)];
    for segment in pointer.split('/').skip(1) {
        let segment = unescape_segment(segment);
        match segment.parse::<u64>() {
            Ok(index) => location.push(json!(index)),
            Err(_) => location.push(json!(segment)),
        }
    }
    Value::Array(location)
}

/// The essence of a `Content-Type`, lower case, without parameters.
fn essence(content_type: Option<&str>) -> String {
    content_type.unwrap_or_default().split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// `application/json`, or any `application/…+json`, with any parameters.
pub(crate) fn is_json(content_type: Option<&str>) -> bool {
    let essence = essence(content_type);
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// `application/x-www-form-urlencoded`, with any parameters.
pub(crate) fn is_form(content_type: Option<&str>) -> bool {
    essence(content_type) == FORM
}

/// A JSON body as `T`: a `400` for text that is not JSON (or not UTF-8), a
/// `422` for JSON the model refuses.
pub(crate) fn read_json<T: ApiType + DeserializeOwned>(body: &[u8], limits: &ReportLimits) -> Result<T, ApiRejection> {
    parse::from_slice_limited::<T>(body, limits).map_err(|error| {
        let not_json = error.issues().iter().any(|issue| issue.kind() == IssueKind::Syntax)
            && (std::str::from_utf8(body).is_err() || serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err());
        if not_json {
            ApiRejection::Malformed(error)
        } else {
            ApiRejection::Invalid(error)
        }
    })
}

/// A query string or form body (`a=1&b=x+y&c=%C3%A9`) as `T`: a `400` when
/// a key or value is not UTF-8 once decoded, a `422` when `T` refuses the
/// pairs. `+` is a space, as in a form.
pub(crate) fn read_urlencoded<T: ApiStruct + DeserializeOwned>(
    text: &[u8],
    limits: &ReportLimits,
) -> Result<T, ApiRejection> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for pair in text.split(|byte| *byte == b'&').filter(|pair| !pair.is_empty()) {
        let (key, value) = match pair.iter().position(|byte| *byte == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        match (decode(key), decode(value)) {
            (Some(key), Some(value)) => pairs.push((key, value)),
            _ => return Err(ApiRejection::Malformed(not_text::<T>())),
        }
    }
    read_pairs(pairs, limits)
}

/// Path parameters, or any decoded pairs, as `T`: a `422` when `T` refuses them.
pub(crate) fn read_pairs<T, K, V>(
    pairs: impl IntoIterator<Item = (K, V)>,
    limits: &ReportLimits,
) -> Result<T, ApiRejection>
where
    T: ApiStruct + DeserializeOwned,
    K: AsRef<str>,
    V: AsRef<str>,
{
    from_pairs_limited::<T, K, V>(pairs, limits).map_err(ApiRejection::Invalid)
}

/// One form-encoded part as text: `+` a space, `%XX` a byte; `None` when
/// the bytes are not UTF-8.
fn decode(part: &[u8]) -> Option<String> {
    let spaced: Vec<u8> = part.iter().map(|byte| if *byte == b'+' { b' ' } else { *byte }).collect();
    String::from_utf8(percent_decode(&spaced).collect()).ok()
}

/// The report of a query string or form that is not UTF-8 text.
fn not_text<T: ApiType>() -> ValidationError {
    let issue = Issue::at_root(IssueKind::Syntax, Cow::Borrowed("UTF-8 text once percent-decoded"), (None, None));
    ValidationError::new(T::TYPE.shown_name(), vec![issue])
}
