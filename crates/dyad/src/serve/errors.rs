//! The one table of API errors: each kind has a stable code (what programs match on), an HTTP
//! status and a meaning (what `/openapi.json` documents). Every error the API returns is
//! `{"error": {"code": "...", "message": "..."}}` with a code from this table.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error kind of the API. Codes are part of the interface: add new ones, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    BadRequest,
    InvalidJson,
    Unauthorized,
    NotFound,
    UnknownDyad,
    NoEvents,
    AmbiguousId,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    RangeTooLarge,
    UnprocessableDocument,
    ForbiddenOrigin,
    Busy,
    Internal,
}

impl Code {
    /// Every code, in the order documented.
    pub const ALL: [Code; 15] = [
        Code::BadRequest,
        Code::InvalidJson,
        Code::Unauthorized,
        Code::NotFound,
        Code::UnknownDyad,
        Code::NoEvents,
        Code::AmbiguousId,
        Code::MethodNotAllowed,
        Code::PayloadTooLarge,
        Code::UnsupportedMediaType,
        Code::RangeTooLarge,
        Code::UnprocessableDocument,
        Code::ForbiddenOrigin,
        Code::Busy,
        Code::Internal,
    ];

    /// The table: code, HTTP status, meaning.
    pub fn row(self) -> (&'static str, StatusCode, &'static str) {
        use StatusCode as S;
        match self {
            Code::BadRequest => ("bad_request", S::BAD_REQUEST,
                "A query parameter, form field or path segment is missing, unknown or malformed, or parameters contradict each other (the message names them)."),
            Code::InvalidJson => ("invalid_json", S::BAD_REQUEST,
                "The request body is not valid JSON of the documented shape."),
            Code::Unauthorized => ("unauthorized", S::UNAUTHORIZED,
                "A write route was called without `Authorization: Bearer TOKEN`, or with a wrong token."),
            Code::NotFound => ("not_found", S::NOT_FOUND,
                "No such route, or no document matches the id."),
            Code::UnknownDyad => ("unknown_dyad", S::NOT_FOUND,
                "The store holds no event between the two actors of `dyad`."),
            Code::NoEvents => ("no_events", S::NOT_FOUND,
                "The dyad is known but no event matches the origins asked for, so there is nothing to analyse."),
            Code::AmbiguousId => ("ambiguous_id", S::CONFLICT,
                "The document id prefix matches several documents; give more characters."),
            Code::MethodNotAllowed => ("method_not_allowed", S::METHOD_NOT_ALLOWED,
                "The route exists but not with this HTTP method."),
            Code::PayloadTooLarge => ("payload_too_large", S::PAYLOAD_TOO_LARGE,
                "The request body is over the server's limit (see `limits` in /health)."),
            Code::UnsupportedMediaType => ("unsupported_media_type", S::UNSUPPORTED_MEDIA_TYPE,
                "The Content-Type is not one the route accepts."),
            Code::RangeTooLarge => ("range_too_large", S::BAD_REQUEST,
                "A limit, offset, horizon or count is over its maximum (the message gives it)."),
            Code::UnprocessableDocument => ("unprocessable_document", S::UNPROCESSABLE_ENTITY,
                "The uploaded document could not be read (unsupported type, binary data, undecodable, a PDF without a text layer or built to exhaust the reader, no text), or a date in it resolves outside the years 0000–9999; the message says which."),
            Code::ForbiddenOrigin => ("forbidden_origin", S::FORBIDDEN,
                "The Host header does not name this server, or a write came from a page on another site (Origin, Sec-Fetch-Site)."),
            Code::Busy => ("busy", S::SERVICE_UNAVAILABLE,
                "The database stayed locked by another program for longer than the server waits (30 s), on any route, or too many uploads wait already; try again later (see Retry-After)."),
            Code::Internal => ("internal", S::INTERNAL_SERVER_ERROR,
                "A failure of the server itself (a bug, its database or built-in data unreadable), never the request's fault; the message says what failed."),
        }
    }

    pub fn as_str(self) -> &'static str {
        self.row().0
    }

    pub fn status(self) -> StatusCode {
        self.row().1
    }
}

/// An API error: a code from the table and a message for people.
///
/// Errors reach the API typed: the libraries' errors (`StoreError`, `TextError`, rusqlite's)
/// and the binary's typed errors (`PrepareError`, the commands' `UsageError`) are mapped here
/// by their type, also when they travel inside an `anyhow::Error` from a function the commands
/// share, so that what the client got wrong is a 4xx, a database busy with another writer is 503
/// `busy`, and only what is the server's own failure is 500 `internal`.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: Code,
    pub message: String,
}

impl ApiError {
    pub fn new(code: Code, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(Code::BadRequest, message)
    }

    pub fn internal(message: impl std::fmt::Display) -> ApiError {
        ApiError::new(Code::Internal, message.to_string())
    }
}

impl From<anyhow::Error> for ApiError {
    /// The first cause of a known type decides the code; an error of no known type is a
    /// failure of the server (`internal`), with the whole chain as its message.
    fn from(e: anyhow::Error) -> ApiError {
        for cause in e.chain() {
            if let Some(api) = cause.downcast_ref::<ApiError>() {
                return ApiError::new(api.code, api.message.clone());
            }
            if let Some(u) = cause.downcast_ref::<dyad_app::UsageError>() {
                return ApiError::bad_request(u.for_api());
            }
            if let Some(a) = cause.downcast_ref::<dyad_app::Error>() {
                if let Some(api) = app_error(a) {
                    return api;
                }
            }
            if let Some(s) = cause.downcast_ref::<dyad_store::StoreError>() {
                if let Some(api) = store_error(s) {
                    return api;
                }
            }
            if let Some(r) = cause.downcast_ref::<rusqlite::Error>() {
                if is_busy(r) {
                    return busy(r);
                }
            }
        }
        ApiError::internal(format!("{e:#}"))
    }
}

/// What a store error is for the API when it is not `internal`: a document id that matches
/// no document or several, or a database busy with another writer.
fn store_error(e: &dyad_store::StoreError) -> Option<ApiError> {
    use dyad_store::StoreError as E;
    match e {
        E::NoSuchDocument(id) => Some(ApiError::new(
            Code::NotFound,
            format!("no document matches `{id}`; GET /api/documents lists them"),
        )),
        E::AmbiguousDocument(id) => Some(ApiError::new(
            Code::AmbiguousId,
            format!("`{id}` matches several documents; give more characters of the id"),
        )),
        E::Sqlite(source) | E::Open { source, .. } if is_busy(source) => Some(busy(source)),
        _ => None,
    }
}

/// What an error of the application layer is for the API when it is not `internal`: the
/// user's mistake (400), or a store error that is not the server's.
fn app_error(e: &dyad_app::Error) -> Option<ApiError> {
    use dyad_app::Error as E;
    match e {
        E::Usage(u) => Some(ApiError::bad_request(u.for_api())),
        E::Store(s) | E::StoreDoing { source: s, .. } => store_error(s),
        _ => None,
    }
}

impl From<dyad_app::Error> for ApiError {
    fn from(e: dyad_app::Error) -> ApiError {
        app_error(&e).unwrap_or_else(|| ApiError::internal(e))
    }
}

impl From<dyad_store::StoreError> for ApiError {
    fn from(e: dyad_store::StoreError) -> ApiError {
        store_error(&e).unwrap_or_else(|| ApiError::internal(e))
    }
}

impl From<super::events::EncodeError> for ApiError {
    fn from(e: super::events::EncodeError) -> ApiError {
        match e {
            super::events::EncodeError::Store(e) => e.into(),
            super::events::EncodeError::Json(e) => {
                ApiError::internal(format!("encoding the response: {e}"))
            }
        }
    }
}

impl From<dyad_app::ingest::PrepareError> for ApiError {
    /// A document the text stage cannot read is the client's (`unprocessable_document`); the
    /// text stage failing is the server's.
    fn from(e: dyad_app::ingest::PrepareError) -> ApiError {
        use dyad_app::ingest::PrepareError as E;
        match e {
            E::UnsupportedType { .. } | E::Text(_) | E::DateOutOfRange { .. } => {
                ApiError::new(Code::UnprocessableDocument, e.to_string())
            }
            E::Panicked => ApiError::internal(e),
        }
    }
}

/// Whether SQLite gave up waiting for a lock held by another connection.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn busy(e: &rusqlite::Error) -> ApiError {
    ApiError::new(
        Code::Busy,
        format!(
            "the database is locked by another writer ({e}) and stayed locked for longer than the \
             server waits; try again later"
        ),
    )
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        if is_busy(&e) {
            return busy(&e);
        }
        ApiError::internal(format!("database error: {e}"))
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&Body {
            error: Inner {
                code: self.code.as_str(),
                message: &self.message,
            },
        })
        .unwrap_or_default();
        let mut resp = (self.code.status(), body).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if self.code == Code::Busy {
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
        }
        if self.code == Code::Unauthorized {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"dyad\""),
            );
        }
        resp
    }
}

/// The table as JSON for the OpenAPI document: `[{code, status, meaning}]`.
pub fn table_json() -> serde_json::Value {
    Code::ALL
        .iter()
        .map(|c| {
            let (code, status, meaning) = c.row();
            serde_json::json!({ "code": code, "status": status.as_u16(), "meaning": meaning })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_database_is_busy_not_internal() {
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let e = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
            assert_eq!(ApiError::from(e).code, Code::Busy);
            let e = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
            let e = ApiError::from(dyad_store::StoreError::Sqlite(e));
            assert_eq!((e.code, e.code.status().as_u16()), (Code::Busy, 503));
        }
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        );
        assert_eq!(ApiError::from(e).code, Code::Internal);
    }

    #[test]
    fn typed_errors_inside_anyhow_keep_their_code() {
        let locked = || {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                None,
            )
        };
        // A store error raised by a function the commands share, with context around it.
        let e = anyhow::Error::from(dyad_store::StoreError::Sqlite(locked()))
            .context("reading the events of USA-RUS");
        let api = ApiError::from(e);
        assert_eq!((api.code, api.code.status().as_u16()), (Code::Busy, 503));
        assert!(api.message.contains("try again"), "{}", api.message);
        let api = ApiError::from(anyhow::Error::from(locked()));
        assert_eq!(api.code, Code::Busy);
        let api = ApiError::from(anyhow::Error::from(dyad_store::StoreError::NoSuchDocument(
            "abcd".into(),
        )));
        assert_eq!(api.code, Code::NotFound);
        // What the user got wrong in a flag is a bad request naming the parameter.
        let api = ApiError::from(anyhow::Error::from(dyad_app::UsageError(
            "--to 2014-01 is before --from 2014-05".into(),
        )));
        assert_eq!(api.code, Code::BadRequest);
        assert_eq!(api.message, "to 2014-01 is before from 2014-05");
        // Anything else is the server's.
        let api = ApiError::from(anyhow::anyhow!("dictionaries/people.tsv:3: bad date"));
        assert_eq!(api.code, Code::Internal);
        assert!(api.message.contains("people.tsv:3"));
    }

    #[test]
    fn a_document_the_text_stage_cannot_read_is_unprocessable_and_its_panic_internal() {
        use dyad_app::ingest::PrepareError as E;
        for e in [
            E::UnsupportedType { ext: "docx".into() },
            E::Text(dyad_text::TextError::Binary(
                "a NUL byte at offset 3".into(),
            )),
            E::Text(dyad_text::TextError::NoText),
        ] {
            assert_eq!(ApiError::from(e).code, Code::UnprocessableDocument);
        }
        assert_eq!(ApiError::from(E::Panicked).code, Code::Internal);
    }

    #[test]
    fn usage_messages_name_query_parameters() {
        let u = |s: &str| dyad_app::UsageError(s.into()).for_api();
        assert_eq!(
            u("--from: `2014-05-03` must be a month"),
            "from: `2014-05-03` must be a month"
        );
        assert_eq!(
            u("no presidents of CHN; --by ru-president needs them"),
            "no presidents of CHN; by ru-president needs them"
        );
        assert_eq!(u("USA--RUS and a -- b"), "USA--RUS and a -- b");
    }

    #[test]
    fn codes_are_unique_and_client_or_server_errors() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {}", c.as_str());
            assert!(c.status().is_client_error() || c.status().is_server_error());
        }
    }
}
