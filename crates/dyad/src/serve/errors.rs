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
                "A query parameter or form field is missing, unknown or malformed (the message names it)."),
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
                "The uploaded document could not be read (unsupported type, undecodable, no text)."),
            Code::ForbiddenOrigin => ("forbidden_origin", S::FORBIDDEN,
                "The Host header does not name this server, or a write came from a page on another site (Origin, Sec-Fetch-Site)."),
            Code::Busy => ("busy", S::SERVICE_UNAVAILABLE,
                "The database stayed locked by another writer for longer than the server waits, or too many uploads wait already; try again later (see Retry-After)."),
            Code::Internal => ("internal", S::INTERNAL_SERVER_ERROR,
                "A bug or a database failure on the server; the message says what failed."),
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
#[derive(Debug)]
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
    fn from(e: anyhow::Error) -> ApiError {
        ApiError::internal(format!("{e:#}"))
    }
}

impl From<dyad_store::StoreError> for ApiError {
    fn from(e: dyad_store::StoreError) -> ApiError {
        use dyad_store::StoreError as E;
        match e {
            E::NoSuchDocument(id) => {
                ApiError::new(Code::NotFound, format!("no document matches `{id}`"))
            }
            E::AmbiguousDocument(id) => ApiError::new(
                Code::AmbiguousId,
                format!("`{id}` matches several documents; give more characters of the id"),
            ),
            E::Sqlite(e) => ApiError::from(e),
            E::Open { source, .. } if is_busy(&source) => ApiError::from(source),
            other => ApiError::internal(other),
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

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        if is_busy(&e) {
            return ApiError::new(
                Code::Busy,
                format!("the database is locked by another writer ({e}); try again later"),
            );
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
    fn codes_are_unique_and_client_or_server_errors() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {}", c.as_str());
            assert!(c.status().is_client_error() || c.status().is_server_error());
        }
    }
}
