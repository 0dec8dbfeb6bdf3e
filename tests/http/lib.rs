//! Helpers of the HTTP tests in `tests/`: the local StackOne server on a free
//! port of 127.0.0.1, and a JSON `POST` that returns status, content type and body.
#![forbid(unsafe_code)]

use tokio::net::TcpListener;

/// Starts the local StackOne server on `127.0.0.1:0`; returns its base URL.
pub async fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port on 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("a bound address"));
    tokio::spawn(model_examples::fake_stackone::serve(listener));
    base
}

/// What came back: the status, the `Content-Type`, and the body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `POST url` with `body`, and `content_type` unless `None`.
pub async fn post(client: &reqwest::Client, url: &str, content_type: Option<&str>, body: Vec<u8>) -> Answer {
    let mut request = client.post(url).body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|value| value.to_str().ok()).unwrap_or_default().to_owned();
    let body = response.bytes().await.expect("a body").to_vec();
    Answer { status, content_type, body }
}

/// `POST url` with a JSON body.
pub async fn post_json(client: &reqwest::Client, url: &str, body: &str) -> Answer {
    post(client, url, Some("application/json"), body.as_bytes().to_vec()).await
}
