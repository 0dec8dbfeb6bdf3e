//! A small ticket service: the query, form and path extractors beside
//! `ApiJson`, each refusing a request with every problem in it.
//!
//! - `GET /tickets?status=open&tag=printer&limit=20&page=2`: a query model;
//! - `POST /tickets` with a form body (`title=…&priority=2&tag=…`), or JSON;
//! - `GET /tickets/{id}`: a path model;
//! - `GET /openapi.json`: the OpenAPI 3.1 document of the routes, the query
//!   and path models as parameters ([`openapi`]).
//!
//! Tickets are kept in memory, at most [`MAX_TICKETS`]; past that, opening
//! one is answered `507`.

use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use model_core::axum::{ApiForm, ApiJson, ApiPath, ApiQuery};
use model_core::openapi::OpenApi;
use model_core::ApiModel;
use serde::{Deserialize, Serialize};

/// How many tickets the service keeps.
pub const MAX_TICKETS: usize = 10_000;

/// `GET /tickets`: which tickets, and which page of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
pub struct ListTickets {
    /// Only tickets in this state.
    pub status: Option<Status>,
    /// Only tickets with every one of these tags (repeat the key).
    #[serde(default)]
    #[api(max_items = 5, items(min_length = 1, max_length = 20))]
    pub tag: Vec<String>,
    /// Tickets a page, at most 100.
    #[serde(default = "twenty")]
    #[api(minimum = 1, maximum = 100)]
    pub limit: u32,
    /// The page, from 1.
    #[serde(default = "first")]
    #[api(minimum = 1)]
    pub page: u32,
}

fn twenty() -> u32 {
    20
}

fn first() -> u32 {
    1
}

/// A ticket's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Closed,
}

/// `POST /tickets`: a new ticket, as a form or as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
pub struct NewTicket {
    /// What went wrong, in a line.
    #[api(min_length = 3, max_length = 80)]
    pub title: String,
    /// 1 (urgent) to 5.
    #[api(minimum = 1, maximum = 5)]
    pub priority: u8,
    /// Tags, one key each (`tag=a&tag=b`).
    #[serde(default)]
    #[api(max_items = 5, items(min_length = 1, max_length = 20))]
    pub tag: Vec<String>,
    /// Whether to tell the reporter by mail.
    #[serde(default)]
    pub notify: bool,
}

/// `GET /tickets/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
pub struct TicketId {
    /// The ticket's number, from 1.
    #[api(minimum = 1)]
    pub id: u64,
}

/// A ticket as the service answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
pub struct Ticket {
    pub id: u64,
    pub title: String,
    pub priority: u8,
    pub status: Status,
    pub tag: Vec<String>,
}

type Tickets = Arc<Mutex<Vec<Ticket>>>;

/// The service's routes, with an empty store.
pub fn router() -> Router {
    let tickets: Tickets = Arc::default();
    let document: Arc<str> = openapi().to_string().into();
    Router::new()
        .route("/openapi.json", get(move || async move { json_text(StatusCode::OK, document.to_string()) }))
        .route("/tickets", get(list).post(open_form))
        .route("/tickets.json", axum::routing::post(open_json))
        .route("/tickets/{id}", get(find))
        .with_state(tickets)
}

/// The OpenAPI 3.1 document of the routes. The form route is described by
/// its JSON twin, `POST /tickets.json`: the builder writes JSON bodies.
pub fn openapi() -> serde_json::Value {
    OpenApi::new("Tickets", env!("CARGO_PKG_VERSION"))
        .get::<Vec<Ticket>>("/tickets", "List tickets")
        .query::<ListTickets>()
        .post::<NewTicket, Ticket>("/tickets.json", "Open a ticket")
        .problem(507, "The service keeps no more tickets.")
        .get::<Ticket>("/tickets/{id}", "One ticket")
        .path::<TicketId>()
        .problem(404, "No ticket has this id.")
        .to_value()
}

async fn list(State(tickets): State<Tickets>, ApiQuery(query): ApiQuery<ListTickets>) -> Response {
    let tickets = tickets.lock().unwrap_or_else(PoisonError::into_inner);
    let skip = (query.page as usize - 1).saturating_mul(query.limit as usize);
    let found: Vec<&Ticket> = tickets
        .iter()
        .filter(|ticket| query.status.map_or(true, |status| ticket.status == status))
        .filter(|ticket| query.tag.iter().all(|tag| ticket.tag.contains(tag)))
        .skip(skip)
        .take(query.limit as usize)
        .collect();
    json(StatusCode::OK, &found)
}

async fn open_form(State(tickets): State<Tickets>, ApiForm(new): ApiForm<NewTicket>) -> Response {
    open(&tickets, new)
}

async fn open_json(State(tickets): State<Tickets>, ApiJson(new): ApiJson<NewTicket>) -> Response {
    open(&tickets, new)
}

fn open(tickets: &Tickets, new: NewTicket) -> Response {
    let mut tickets = tickets.lock().unwrap_or_else(PoisonError::into_inner);
    if tickets.len() >= MAX_TICKETS {
        return StatusCode::INSUFFICIENT_STORAGE.into_response();
    }
    let ticket = Ticket {
        id: tickets.len() as u64 + 1,
        title: new.title,
        priority: new.priority,
        status: Status::Open,
        tag: new.tag,
    };
    let answer = json(StatusCode::CREATED, &ticket);
    tickets.push(ticket);
    answer
}

async fn find(State(tickets): State<Tickets>, ApiPath(path): ApiPath<TicketId>) -> Response {
    let tickets = tickets.lock().unwrap_or_else(PoisonError::into_inner);
    match path.id.checked_sub(1).and_then(|index| usize::try_from(index).ok()).and_then(|index| tickets.get(index)) {
        Some(ticket) => json(StatusCode::OK, ticket),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `body` as a JSON response.
fn json<T: Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_string(body) {
        Ok(text) => json_text(status, text),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn json_text(status: StatusCode, text: String) -> Response {
    let mut response = (status, text).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
