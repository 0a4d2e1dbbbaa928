//! The students' page: plain HTML, CSS and JavaScript from the top-level
//! `assets/` folder, built into the binary (no build step, nothing loaded
//! from the internet).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const INDEX: &str = include_str!("../../../assets/index.html");
const APP: &str = include_str!("../../../assets/app.js");
const STRINGS: &str = include_str!("../../../assets/strings.js");
const STYLE: &str = include_str!("../../../assets/style.css");

pub(crate) fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        // The page reads `?code=` and `?room` itself.
        .route("/", get(|| file(INDEX, "text/html; charset=utf-8")))
        .route("/room", get(|| file(INDEX, "text/html; charset=utf-8")))
        .route(
            "/app.js",
            get(|| file(APP, "text/javascript; charset=utf-8")),
        )
        .route(
            "/strings.js",
            get(|| file(STRINGS, "text/javascript; charset=utf-8")),
        )
        .route("/style.css", get(|| file(STYLE, "text/css; charset=utf-8")))
        .route("/healthz", get(|| async { "ok" }))
}

async fn file(body: &'static str, kind: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, kind),
            // The page is small and changes with the game's version.
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
}
