//! An OpenAPI 3.1 document for routes whose bodies are read with the
//! extractors: each operation's request body and success response by
//! component, and the `400`, `413`, `415` and `422` problem details the
//! extractor answers with, all from the same data the parser checks against.
//!
//! A builder of this crate's own, not aide's or utoipa's: it needs nothing
//! but `serde_json`, and it describes the extractor's rejections exactly,
//! because it is written beside them.

use serde_json::{json, Map, Value};

use crate::api_type::ApiType;
use crate::doc::{ModelDoc, TypeDoc};
use crate::issue::IssueKind;
use crate::model::ApiStruct;
use crate::schema::Components;

/// An OpenAPI 3.1 document, built route by route.
///
/// ```
/// use model_core::{openapi::OpenApi, ApiModel};
///
/// #[derive(serde::Serialize, serde::Deserialize, ApiModel)]
/// struct TicketCreate {
///     #[api(min_length = 1)]
///     title: String,
/// }
///
/// #[derive(serde::Serialize, serde::Deserialize, ApiModel)]
/// struct Ticket {
///     id: u64,
///     title: String,
/// }
///
/// let document = OpenApi::new("Tickets", "1.0.0")
///     .post::<TicketCreate, Ticket>("/tickets", "Open a ticket")
///     .get::<Vec<Ticket>>("/tickets", "List tickets")
///     .to_value();
/// let post = &document["paths"]["/tickets"]["post"];
/// assert_eq!(post["requestBody"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/TicketCreate");
/// assert_eq!(post["responses"]["201"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Ticket");
/// assert_eq!(post["responses"]["422"]["content"]["application/problem+json"]["schema"]["$ref"], "#/components/schemas/Problem");
/// let title = &document["components"]["schemas"]["TicketCreate"]["properties"]["title"];
/// assert_eq!(title["minLength"], 1);
/// ```
#[derive(Debug, Clone)]
pub struct OpenApi {
    title: String,
    version: String,
    operations: Vec<Operation>,
}

#[derive(Debug, Clone)]
struct Operation {
    method: &'static str,
    path: String,
    summary: String,
    body: Option<TypeDoc>,
    success: u16,
    response: Option<TypeDoc>,
    /// Other answers with problem details: `(status, description)`.
    problems: Vec<(u16, String)>,
    /// Models read from the query string or the path: `("query" | "path", model)`.
    parameters: Vec<(&'static str, ModelDoc)>,
}

impl OpenApi {
    /// A document with its `info`'s title and version, and no routes yet.
    pub fn new(title: impl Into<String>, version: impl Into<String>) -> Self {
        OpenApi { title: title.into(), version: version.into(), operations: Vec::new() }
    }

    /// `GET path`, answered `200` with an `R`.
    #[must_use]
    pub fn get<R: ApiType>(self, path: &str, summary: &str) -> Self {
        self.operation("get", path, summary, None, 200, Some(R::TYPE))
    }

    /// `POST path` with an `ApiJson<B>` body, answered `201` with an `R`.
    #[must_use]
    pub fn post<B: ApiType, R: ApiType>(self, path: &str, summary: &str) -> Self {
        self.operation("post", path, summary, Some(B::TYPE), 201, Some(R::TYPE))
    }

    /// `PUT path` with an `ApiJson<B>` body, answered `200` with an `R`.
    #[must_use]
    pub fn put<B: ApiType, R: ApiType>(self, path: &str, summary: &str) -> Self {
        self.operation("put", path, summary, Some(B::TYPE), 200, Some(R::TYPE))
    }

    /// `PATCH path` with an `ApiJson<B>` body, answered `200` with an `R`.
    #[must_use]
    pub fn patch<B: ApiType, R: ApiType>(self, path: &str, summary: &str) -> Self {
        self.operation("patch", path, summary, Some(B::TYPE), 200, Some(R::TYPE))
    }

    /// `DELETE path`, answered `204` with no body.
    #[must_use]
    pub fn delete(self, path: &str, summary: &str) -> Self {
        self.operation("delete", path, summary, None, 204, None)
    }

    /// Any operation: `method` in lower case, a body read with `ApiJson`
    /// (which adds the `400`, `413`, `415` and `422` answers), the success
    /// status and what it answers with.
    #[must_use]
    pub fn operation(
        mut self,
        method: &'static str,
        path: &str,
        summary: &str,
        body: Option<TypeDoc>,
        success: u16,
        response: Option<TypeDoc>,
    ) -> Self {
        self.operations.push(Operation {
            method,
            path: path.to_owned(),
            summary: summary.to_owned(),
            body,
            success,
            response,
            problems: Vec::new(),
            parameters: Vec::new(),
        });
        self
    }

    /// The operation added last reads its query string with
    /// `ApiQuery<Q>`: each field of `Q` is a query parameter (its schema
    /// with its rules; a list is the key repeated), and the `400` and `422`
    /// answers are documented.
    ///
    /// ```
    /// use model_core::{openapi::OpenApi, ApiModel};
    ///
    /// #[derive(serde::Serialize, serde::Deserialize, ApiModel)]
    /// struct Ticket {
    ///     title: String,
    /// }
    ///
    /// #[derive(serde::Deserialize, ApiModel)]
    /// struct ListTickets {
    ///     /// Tickets a page.
    ///     #[serde(default)]
    ///     #[api(maximum = 100)]
    ///     limit: u32,
    /// }
    ///
    /// let document = OpenApi::new("Tickets", "1.0.0")
    ///     .get::<Vec<Ticket>>("/tickets", "List tickets")
    ///     .query::<ListTickets>()
    ///     .to_value();
    /// let limit = &document["paths"]["/tickets"]["get"]["parameters"][0];
    /// assert_eq!((&limit["name"], &limit["in"], &limit["required"]), (&"limit".into(), &"query".into(), &false.into()));
    /// assert_eq!(limit["schema"]["maximum"], 100);
    /// ```
    ///
    /// # Panics
    ///
    /// When no operation was added yet, as [`problem`](Self::problem).
    #[must_use]
    pub fn query<Q: ApiStruct>(self) -> Self {
        self.parameters("query", Q::DOC)
    }

    /// The operation added last reads its path parameters (`/tickets/{id}`)
    /// with `ApiPath<P>`: each field of `P` is a required path parameter,
    /// and the `422` answer is documented.
    ///
    /// # Panics
    ///
    /// When no operation was added yet, as [`problem`](Self::problem).
    #[must_use]
    pub fn path<P: ApiStruct>(self) -> Self {
        self.parameters("path", P::DOC)
    }

    fn parameters(mut self, place: &'static str, model: ModelDoc) -> Self {
        let last = self.operations.last_mut().expect("parameters belong to the operation added before them");
        last.parameters.push((place, model));
        self
    }

    /// The operation added last may also answer `status` with problem
    /// details (`application/problem+json`): a `404` for an id it does not
    /// know, a `409` for a name already taken.
    ///
    /// ```
    /// use model_core::openapi::OpenApi;
    ///
    /// let document = OpenApi::new("Tickets", "1.0.0")
    ///     .get::<Vec<String>>("/tickets/{id}/tags", "A ticket's tags")
    ///     .problem(404, "No ticket has this id.")
    ///     .to_value();
    /// let answer = &document["paths"]["/tickets/{id}/tags"]["get"]["responses"]["404"];
    /// assert_eq!(answer["content"]["application/problem+json"]["schema"]["$ref"], "#/components/schemas/Problem");
    /// ```
    ///
    /// # Panics
    ///
    /// When no operation was added yet: a mistake in the code that builds
    /// the document, not in any input.
    #[must_use]
    pub fn problem(mut self, status: u16, description: &str) -> Self {
        let last = self.operations.last_mut().expect("`problem` describes the operation added before it");
        last.problems.push((status, description.to_owned()));
        self
    }

    /// The document as JSON.
    pub fn to_value(&self) -> Value {
        let mut types: Vec<TypeDoc> = self
            .operations
            .iter()
            .flat_map(|operation| operation.body.iter().chain(&operation.response))
            .copied()
            .collect();
        // The enums and models a parameter's type names are components too.
        for operation in &self.operations {
            for (_, model) in &operation.parameters {
                types.extend(model.wire_fields().iter().map(|field| *field.ty));
            }
        }
        let components = Components::new(&types);
        let mut paths: Map<String, Value> = Map::new();
        for operation in &self.operations {
            let item = paths.entry(operation.path.clone()).or_insert_with(|| json!({}));
            item[operation.method] = operation.to_value(&components);
        }
        let mut schemas = components.schemas();
        let problems = self.operations.iter().any(|operation| {
            operation.body.is_some() || !operation.problems.is_empty() || !operation.parameters.is_empty()
        });
        if problems {
            schemas.insert(PROBLEM.to_owned(), problem_schema());
            schemas.insert(ISSUE.to_owned(), issue_schema());
        }
        json!({
            "openapi": "3.1.0",
            "info": { "title": self.title, "version": self.version },
            "paths": paths,
            "components": { "schemas": schemas },
        })
    }
}

/// What the extractor answers a body it refuses with, and when.
pub(crate) const BODY_ANSWERS: [(u16, &str); 4] = [
    (400, "The body is not JSON, or not UTF-8; `errors` holds the syntax issue."),
    (413, "The body is over the route's size limit."),
    (415, "The request does not say its body is JSON."),
    (422, "The body is JSON the model refuses; `errors` holds every issue, in document order."),
];

/// What the query and path extractors answer parameters they refuse with.
const PARAMETER_ANSWERS: [(u16, &str); 2] = [
    (400, "The query string is not UTF-8 text once percent-decoded."),
    (422, "A parameter the model refuses; `errors` holds every issue, at `/name`."),
];

/// The problem details schema with its issue schema in place, for a
/// document whose components this crate does not write (utoipa's).
#[cfg(feature = "utoipa")]
pub(crate) fn problem_schema_in_place() -> Value {
    let mut problem = problem_schema();
    problem["properties"]["errors"]["items"] = issue_schema();
    problem
}

/// The components of the extractor's answers.
const PROBLEM: &str = "Problem";
const ISSUE: &str = "Issue";

impl Operation {
    fn to_value(&self, components: &Components) -> Value {
        let mut responses = Map::new();
        let success = match &self.response {
            Some(ty) => json!({
                "description": "Success",
                "content": { "application/json": { "schema": components.schema(ty) } },
            }),
            None => json!({ "description": "Success" }),
        };
        responses.insert(self.success.to_string(), success);
        let mut operation = Map::new();
        operation.insert("summary".to_owned(), json!(self.summary));
        if let Some(body) = &self.body {
            operation.insert(
                "requestBody".to_owned(),
                json!({
                    "required": true,
                    "content": { "application/json": { "schema": components.schema(body) } },
                }),
            );
        }
        let mut parameters = Vec::new();
        for (place, model) in &self.parameters {
            for field in &model.wire_fields() {
                let mut parameter = Map::new();
                parameter.insert("name".to_owned(), json!(field.wire_name));
                parameter.insert("in".to_owned(), json!(place));
                parameter.insert("required".to_owned(), json!(*place == "path" || field.required));
                if let Some(description) = field.description {
                    parameter.insert("description".to_owned(), json!(description));
                }
                parameter.insert("schema".to_owned(), components.field(field));
                parameters.push(Value::Object(parameter));
            }
        }
        if !parameters.is_empty() {
            operation.insert("parameters".to_owned(), Value::Array(parameters));
        }
        let read_body = self.body.iter().flat_map(|_| BODY_ANSWERS);
        let read_parameters = self.parameters.iter().take(1).flat_map(|_| PARAMETER_ANSWERS);
        let own = self.problems.iter().map(|(status, description)| (*status, description.as_str()));
        for (status, description) in read_body.chain(read_parameters).chain(own) {
            if responses.contains_key(&status.to_string()) {
                continue;
            }
            responses.insert(
                status.to_string(),
                json!({
                    "description": description,
                    "content": {
                        "application/problem+json": { "schema": { "$ref": format!("#/components/schemas/{PROBLEM}") } },
                    },
                }),
            );
        }
        operation.insert("responses".to_owned(), Value::Object(responses));
        Value::Object(operation)
    }
}

/// RFC 9457 problem details, as `ApiJsonRejection` writes them.
fn problem_schema() -> Value {
    json!({
        "title": PROBLEM,
        "description": "RFC 9457 problem details; `errors` holds the report's issues when the body was read.",
        "type": "object",
        "properties": {
            "type": { "type": "string" },
            "title": { "type": "string" },
            "status": { "type": "integer" },
            "detail": { "type": "string" },
            "errors": { "type": "array", "items": { "$ref": format!("#/components/schemas/{ISSUE}") } },
        },
        "required": ["type", "title", "status", "detail"],
    })
}

/// One issue, as `Issue` serializes itself.
fn issue_schema() -> Value {
    let codes: Vec<&str> = IssueKind::ALL.iter().map(|kind| kind.code()).collect();
    json!({
        "title": ISSUE,
        "description": "One problem in the body: where, what kind, what was expected and what came.",
        "type": "object",
        "properties": {
            "pointer": { "type": "string", "description": "RFC 6901 JSON Pointer to the value; keys inside a secret are `<secret>`." },
            "code": { "enum": codes },
            "detail": { "type": "string" },
            "wire_name": { "type": "string" },
            "expected": { "type": "string" },
            "received": { "type": "string" },
            "suggestion": { "type": "string" },
            "found_key": { "type": "string" },
            "line": { "type": "integer", "minimum": 1 },
            "column": { "type": "integer", "minimum": 1 },
        },
        "required": ["pointer", "code", "detail"],
    })
}
