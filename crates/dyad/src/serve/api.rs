//! The routes: each handler parses its parameters strictly (an unknown parameter is an error,
//! not ignored), runs the `dyad-app` use case its CLI command runs, and answers JSON.

use super::errors::{ApiError, Code};
use super::events;
use super::params::Params;
use super::{limits, lock, State};
use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Multipart, Path, RawQuery, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dyad_app::index::{self, Freq};
use dyad_app::summits::{self, By};
use dyad_app::{coding, ingest, views};
use dyad_model::{EventDate, Origin, Precision};
use dyad_store::{EventFilter, IngestStatus};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;

type St = axum::extract::State<Arc<State>>;
type ApiResult = Result<Response, ApiError>;

/// Every route of the server.
pub fn router(state: Arc<State>) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/", get(index_html))
        .route("/app.js", get(app_js))
        .route("/style.css", get(style_css))
        .route("/favicon.ico", get(favicon))
        .route("/openapi.json", get(openapi))
        .route("/health", get(health))
        .route("/api/dyads", get(dyads))
        .route("/api/vocabulary", get(vocabulary))
        .route("/api/documents", get(documents).post(upload))
        .route("/api/documents/{id}", get(document))
        .route("/api/events", get(list_events))
        .route("/api/index", get(index))
        .route("/api/phases", get(phases_route))
        .route("/api/summits", get(summits_route))
        .route("/api/drivers", get(drivers_route))
        .route("/api/forecast", get(forecast_route))
        .route("/api/code", axum::routing::post(code_route))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            super::origin::check,
        ))
        .with_state(state)
}

// ---------------------------------------------------------------------------------------------
// Answers

fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => ApiError::internal(format!("encoding the response: {e}")).into_response(),
    }
}

fn ok(value: &impl serde::Serialize) -> ApiResult {
    Ok(json_response(StatusCode::OK, value))
}

// ---------------------------------------------------------------------------------------------
// Static: dashboard, OpenAPI, health, fallbacks

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
                ),
            ),
        ],
        body,
    )
        .into_response()
}

async fn index_html() -> Response {
    asset(
        "text/html; charset=utf-8",
        include_str!("assets/index.html"),
    )
}

async fn app_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    )
}

async fn style_css() -> Response {
    asset("text/css; charset=utf-8", include_str!("assets/style.css"))
}

async fn favicon() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// The OpenAPI document, with the error table and the limits filled in from the code.
pub fn openapi_doc() -> Value {
    let mut doc: Value = serde_json::from_str(include_str!("openapi.json"))
        .unwrap_or_else(|e| json!({ "error": format!("openapi.json is invalid: {e}") }));
    doc["info"]["version"] = json!(env!("CARGO_PKG_VERSION"));
    doc["x-error-codes"] = super::errors::table_json();
    doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"] =
        super::errors::Code::ALL
            .iter()
            .map(|c| json!(c.as_str()))
            .collect();
    doc["x-limits"] = limits_json(0);
    doc
}

fn limits_json(max_body: usize) -> Value {
    let mut v = json!({
        "code_body_bytes": limits::CODE_BODY,
        "code_sentences": limits::CODE_SENTENCES,
        "sentence_chars": limits::SENTENCE_CHARS,
        "page_limit": limits::PAGE,
        "page_offset": limits::OFFSET,
        "forecast_horizon": limits::HORIZON,
        "top": limits::TOP,
    });
    if max_body > 0 {
        v["upload_bytes"] = json!(max_body);
    }
    v
}

async fn openapi() -> ApiResult {
    ok(&openapi_doc())
}

async fn health(st: St, RawQuery(q): RawQuery) -> ApiResult {
    Params::parse(q.as_deref(), &[])?;
    let schema = st.read(|_, store| Ok(store.schema_version()?)).await?;
    ok(&json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": schema,
        "write_requires_token": st.token.is_some(),
        "limits": limits_json(st.max_body),
    }))
}

async fn not_found(req: Request) -> ApiError {
    ApiError::new(
        Code::NotFound,
        format!(
            "no route {} {}; the routes are listed in /openapi.json",
            req.method(),
            req.uri().path()
        ),
    )
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(
        Code::MethodNotAllowed,
        format!(
            "{} is not allowed on {}; see /openapi.json",
            req.method(),
            req.uri().path()
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Reading

async fn dyads(st: St, RawQuery(q): RawQuery) -> ApiResult {
    Params::parse(q.as_deref(), &[])?;
    let generation = st.generation()?;
    if let Some((g, d)) = lock(&st.dyads).as_ref() {
        if *g == generation {
            return ok(&json!({ "dyads": **d }));
        }
    }
    let list = Arc::new(st.read(|_, store| Ok(store.dyads(200)?)).await?);
    *lock(&st.dyads) = Some((generation, Arc::clone(&list)));
    ok(&json!({ "dyads": *list }))
}

/// Names the dashboard shows for filters: domains, QuadClasses, origins, languages.
async fn vocabulary(RawQuery(q): RawQuery) -> ApiResult {
    Params::parse(q.as_deref(), &[])?;
    let path = "dictionaries/domains.tsv";
    let text = dyad_app::builtin::file(path)?;
    let recs = dyad_coder::tsv::records(path, text, &["domain", "qualifier", "name_en", "name_zh"])
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let domains: Vec<Value> = recs
        .iter()
        .map(|r| json!({ "domain": r.fields[0], "name_en": r.fields[2], "name_zh": r.fields[3] }))
        .collect();
    ok(&json!({
        "domains": domains,
        "quad_classes": [
            { "quad": 1, "name_en": "verbal cooperation", "name_zh": "口头合作" },
            { "quad": 2, "name_en": "material cooperation", "name_zh": "实质合作" },
            { "quad": 3, "name_en": "verbal conflict", "name_zh": "口头冲突" },
            { "quad": 4, "name_en": "material conflict", "name_zh": "实质冲突" },
        ],
        "origins": ["curated", "coded", "imported"],
        "languages": ["zh", "en", "ru"],
    }))
}

async fn documents(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &["limit", "offset"])?;
    let limit = p.number("limit", 100u64, limits::PAGE)?;
    let offset = p.number("offset", 0u64, u64::MAX)?;
    // Cached per store generation like event pages (the key tells the two routes apart).
    let key = format!("documents?{}", q.unwrap_or_default());
    let body = st
        .page(key, move |_, store| {
            let (page, total) = store.documents_page(limit, offset)?;
            let body =
                json!({ "documents": page, "total": total, "limit": limit, "offset": offset });
            Ok(Bytes::from(body.to_string()))
        })
        .await?;
    Ok(json_bytes(body))
}

async fn document(
    st: St,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    // axum's own answer to an undecodable path is plain text, outside the error table.
    let Path(id) = id.map_err(|e| {
        ApiError::bad_request(format!(
            "the document id in the path is not a %-encoded UTF-8 string ({e}); give the hex id from GET /api/documents"
        ))
    })?;
    Params::parse(q.as_deref(), &[])?;
    let body = st
        .read(move |st, store| {
            let doc = store.document(&id)?;
            let sentences = store.sentences(&doc.id)?;
            let evs = events::of_document(store, &doc.id, &st.places)?;
            Ok(json!({ "document": doc, "sentences": sentences, "events": evs }))
        })
        .await?;
    ok(&body)
}

const EVENT_PARAMS: &[&str] = &[
    "dyad",
    "from",
    "to",
    "doc",
    "origin",
    "include_negated",
    "include_hypothetical",
    "domain",
    "quad",
    "cameo",
    "lang",
    "limit",
    "offset",
    "after",
];

fn event_query(p: &Params) -> Result<EventFilter, ApiError> {
    let from = p.date("from")?;
    let to = p.date("to")?;
    let from_day = from.map(|d| d.first_day().ordinal());
    let to_day = to.map(|d| d.last_day().ordinal());
    if let (Some(f), Some(t)) = (from_day, to_day) {
        if t < f {
            return Err(ApiError::bad_request("`to` is before `from`"));
        }
    }
    let domain = match p.get("domain")? {
        Some(d) => {
            let vocab = dyad_app::builtin::domains()?;
            dyad_app::builtin::check_domain(&vocab, d).map_err(ApiError::bad_request)?;
            Some(d.to_string())
        }
        None => None,
    };
    let mut quad = Vec::new();
    for q in p.all("quad") {
        match q.parse::<u8>() {
            Ok(c @ 1..=4) => quad.push(c),
            _ => {
                return Err(ApiError::bad_request(format!(
                    "`quad={q}` must be a QuadClass, 1 to 4"
                )))
            }
        }
    }
    let cameo = p.get("cameo")?.map(str::to_string);
    if let Some(c) = &cameo {
        if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad_request(format!(
                "`cameo={c}` must be a CAMEO code or prefix: 1 to 4 digits"
            )));
        }
    }
    let lang = p.get("lang")?.map(str::to_string);
    if let Some(l) = &lang {
        if !matches!(l.as_str(), "zh" | "en" | "ru") {
            return Err(ApiError::bad_request(format!(
                "`lang={l}` must be zh, en or ru"
            )));
        }
    }
    let after = match p.get("after")? {
        Some(a) => {
            let parsed = a
                .split_once('.')
                .and_then(|(d, i)| Some((d.parse().ok()?, i.parse().ok()?)));
            Some(parsed.ok_or_else(|| {
                ApiError::bad_request(format!(
                    "`after={a}` is not a cursor; pass the `next_cursor` of the previous page"
                ))
            })?)
        }
        None => None,
    };
    Ok(EventFilter {
        dyad: p.dyad(None)?,
        from,
        to,
        doc: p.get("doc")?.map(str::to_string),
        origins: p.origins()?,
        include_negated: p.flag("include_negated")?,
        include_hypothetical: p.flag("include_hypothetical")?,
        domain,
        quad,
        cameo,
        lang,
        limit: Some(p.number("limit", 100u64, limits::PAGE)?),
        offset: p.number("offset", 0u64, limits::OFFSET)?,
        after,
    })
}

async fn list_events(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), EVENT_PARAMS)?;
    let mut query = event_query(&p)?;
    // Pages are read far more often than the store changes: an unchanged store answers a
    // repeated query from the encoded page.
    let key = q.unwrap_or_default();
    let body = st
        .page(key, move |st, store| {
            if let Some(d) = &query.doc {
                query.doc = Some(store.document(d)?.id);
            }
            if let Some(d) = &query.dyad {
                st.check_dyad(store, d)?;
            }
            let lookups = st.lookups(store)?;
            let body = events::encoded_page(
                store,
                &query,
                &lookups.citations,
                &st.places,
                &lookups.encoded,
            )?;
            Ok(axum::body::Bytes::from(body))
        })
        .await?;
    Ok(json_bytes(body))
}

/// A 200 response with an already encoded JSON body.
fn json_bytes(body: axum::body::Bytes) -> Response {
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

const ANALYSIS_PARAMS: &[&str] = &["dyad", "origin", "dedup"];

fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut v: Vec<&str> = ANALYSIS_PARAMS.to_vec();
    v.extend_from_slice(extra);
    v
}

/// The analysis named by the common parameters.
async fn analysis(
    st: &Arc<State>,
    p: &Params,
) -> Result<Arc<dyad_app::measure::Analysis>, ApiError> {
    let dyad = p.dyad(Some("USA-RUS"))?.unwrap_or_default();
    st.analysis(dyad, p.origins()?, p.flag("dedup")?).await
}

async fn index(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with(&["freq", "key"]))?;
    let freq = match p.get("freq")?.unwrap_or("month") {
        "month" => Freq::Month,
        "quarter" => Freq::Quarter,
        "year" => Freq::Year,
        f => {
            return Err(ApiError::bad_request(format!(
                "`freq={f}` must be month, quarter or year"
            )))
        }
    };
    let key = p.number("key", 12usize, limits::TOP)?;
    let a = analysis(&st, &p).await?;
    let body = st
        .compute(move |_| {
            let rows = index::rows(&a, freq);
            // The events that moved the level most, for the chart's markers.
            let mut totals = a.level.event_totals();
            totals.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()));
            totals.truncate(key);
            totals.sort_by_key(|t| (t.date.ordinal(), t.id));
            let key_events: Vec<Value> = totals
                .iter()
                .map(|t| {
                    let zh = a
                        .reports_of(t.id)
                        .iter()
                        .find_map(|r| r.description_zh.clone());
                    json!({
                        "id": t.id, "date": t.date, "label": t.label, "label_zh": zh,
                        "cameo": t.cameo, "contribution": t.contribution,
                    })
                })
                .collect();
            Ok(json!({
                "dyad": format!("{}-{}", a.dyad.0, a.dyad.1),
                "freq": p.get("freq")?.unwrap_or("month"),
                "events": a.merged.len(),
                "reports": a.rows.len(),
                "periods": rows,
                "key_events": key_events,
            }))
        })
        .await?;
    ok(&body)
}

async fn phases_route(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), ANALYSIS_PARAMS)?;
    let a = analysis(&st, &p).await?;
    ok(&views::phases_json(&a))
}

async fn drivers_route(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with(&["from", "to", "top"]))?;
    let top = p.number("top", 5usize, limits::TOP)?;
    let (from, to) = (
        p.get("from")?.map(str::to_string),
        p.get("to")?.map(str::to_string),
    );
    let a = analysis(&st, &p).await?;
    // A month that is not one, or `to` before `from`, is a `UsageError` (400); the rest is ours.
    let d = views::drivers_of(&a, &from, &to, top)?;
    ok(&d)
}

async fn forecast_route(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with(&["horizon"]))?;
    let horizon = p.number("horizon", 12usize, limits::HORIZON)?;
    if horizon == 0 {
        return Err(ApiError::bad_request("`horizon` must be 1 or more months"));
    }
    let a = analysis(&st, &p).await?;
    ok(&views::forecast_json(&a, horizon))
}

async fn summits_route(st: St, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &["dyad", "by", "include_multilateral"])?;
    let dyad = p.dyad(Some("USA-RUS"))?.unwrap_or_default();
    let by = match p.get("by")?.unwrap_or("us-president") {
        "us-president" => By::UsPresident,
        "ru-president" => By::RuPresident,
        "year" => By::Year,
        b => {
            return Err(ApiError::bad_request(format!(
                "`by={b}` must be us-president, ru-president or year"
            )))
        }
    };
    let multilateral = p.flag("include_multilateral")?;
    let s = st
        .read(move |st, store| {
            st.check_dyad(store, &dyad)?;
            let events = store.events(&EventFilter {
                dyad: Some(dyad.clone()),
                origins: vec![Origin::Curated],
                ..Default::default()
            })?;
            // A dyad whose side has no presidents for `by` is a `UsageError` (400).
            Ok(summits::build(
                &events,
                by,
                multilateral,
                &dyad,
                &st.places,
            )?)
        })
        .await?;
    ok(&s)
}

// ---------------------------------------------------------------------------------------------
// Coding and writing

fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads the body up to `max` bytes; a declared or actual size over it is `payload_too_large`.
async fn read_body(headers: &HeaderMap, body: Body, max: usize) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            Code::PayloadTooLarge,
            format!("the request body is over the limit of {max} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    axum::body::to_bytes(body, max)
        .await
        .map_err(|_| too_large())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    sentence: Option<String>,
    sentences: Option<Vec<String>>,
    date_context: Option<String>,
    #[serde(default)]
    explain: bool,
}

async fn code_route(st: St, req: Request) -> ApiResult {
    let (parts, body) = req.into_parts();
    Params::parse(parts.uri.query(), &[])?;
    if media_type(&parts.headers) != "application/json" {
        return Err(ApiError::new(
            Code::UnsupportedMediaType,
            "send the request as Content-Type: application/json",
        ));
    }
    let _permit = st.coding_turn().await?;
    let bytes = read_body(&parts.headers, body, limits::CODE_BODY).await?;
    let r: CodeRequest = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            Code::InvalidJson,
            format!("the body must be {{\"sentence\": \"...\"}} or {{\"sentences\": [...]}}, optionally with \"date_context\": \"YYYY-MM-DD\" and \"explain\": true: {e}"),
        )
    })?;
    let mut sentences: Vec<String> = r.sentence.into_iter().collect();
    sentences.extend(r.sentences.unwrap_or_default());
    sentences.retain(|s| !s.trim().is_empty());
    if sentences.is_empty() {
        return Err(ApiError::bad_request(
            "give a non-empty `sentence` or `sentences`",
        ));
    }
    if sentences.len() > limits::CODE_SENTENCES {
        return Err(ApiError::new(
            Code::RangeTooLarge,
            format!("at most {} sentences per request", limits::CODE_SENTENCES),
        ));
    }
    if sentences
        .iter()
        .any(|s| s.chars().count() > limits::SENTENCE_CHARS)
    {
        return Err(ApiError::new(
            Code::RangeTooLarge,
            format!(
                "a sentence is over {} characters; upload long texts as a document",
                limits::SENTENCE_CHARS
            ),
        ));
    }
    let date = day("date_context", r.date_context.as_deref())?;
    let explain = r.explain;
    let coded = st
        .code(move |st| {
            Ok(coding::code_sentences(
                &st.coder, &sentences, date, explain,
            )?)
        })
        .await?;
    ok(&json!({ "results": coded }))
}

/// The years a document's date may name: dates the coder counts from it ("last year", "three
/// years later") must stay four-digit years, or what is stored could not be read back.
const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1000..=8999;

/// A day, YYYY-MM-DD, within [`DOCUMENT_YEARS`].
fn day(name: &str, v: Option<&str>) -> Result<Option<EventDate>, ApiError> {
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    match v.parse::<EventDate>() {
        Ok(d) if d.precision() == Precision::Day => {
            if !DOCUMENT_YEARS.contains(&d.y()) {
                return Err(ApiError::bad_request(format!(
                    "`{name}`: `{v}` is out of range: give a day from {:04}-01-01 to {:04}-12-31 \
                     (dates counted from it must stay four-digit years)",
                    DOCUMENT_YEARS.start(),
                    DOCUMENT_YEARS.end()
                )));
            }
            Ok(Some(d))
        }
        _ => Err(ApiError::bad_request(format!(
            "`{name}`: `{v}` must be a day, YYYY-MM-DD"
        ))),
    }
}

/// The file extension dyad reads a raw body as, from its media type.
fn ext_of_media(m: &str) -> Option<&'static str> {
    Some(match m {
        "text/plain" | "application/octet-stream" | "" => "txt",
        "text/markdown" => "md",
        "text/html" | "application/xhtml+xml" => "html",
        "application/pdf" => "pdf",
        _ => return None,
    })
}

/// An uploaded document before the text stage.
struct Upload {
    bytes: Bytes,
    filename: Option<String>,
    ext: Option<String>,
    opts: ingest::Prepare,
}

async fn read_upload(st: &Arc<State>, req: Request) -> Result<Upload, ApiError> {
    let (parts, body) = req.into_parts();
    let p = Params::parse(parts.uri.query(), &["title", "date", "filename", "charset"])?;
    let media = media_type(&parts.headers);
    let bytes = read_body(&parts.headers, body, st.max_body).await?;
    let mut up = Upload {
        bytes: Bytes::new(),
        filename: p.get("filename")?.map(str::to_string),
        ext: None,
        opts: ingest::Prepare {
            title: p.get("title")?.map(str::to_string),
            date: p.get("date")?.map(str::to_string),
            charset: p.get("charset")?.map(str::to_string),
        },
    };
    if media == "multipart/form-data" {
        let req = Request::from_parts(parts, Body::from(bytes));
        let mut form = Multipart::from_request(req, &())
            .await
            .map_err(|e| ApiError::bad_request(format!("malformed multipart body: {e}")))?;
        let mut file = None;
        while let Some(field) = form
            .next_field()
            .await
            .map_err(|e| ApiError::bad_request(format!("malformed multipart body: {e}")))?
        {
            let name = field.name().unwrap_or("").to_string();
            let bad = |e: axum::extract::multipart::MultipartError| {
                ApiError::bad_request(format!("malformed multipart field `{name}`: {e}"))
            };
            match name.as_str() {
                "file" => {
                    let filename = field.file_name().map(str::to_string);
                    let ct = field.content_type().map(str::to_ascii_lowercase);
                    let data = field.bytes().await.map_err(bad)?;
                    up.filename = up.filename.take().or(filename);
                    if up.ext.is_none() {
                        up.ext = ct.as_deref().and_then(ext_of_media).map(str::to_string);
                    }
                    file = Some(data);
                }
                "title" | "date" | "charset" => {
                    let v = field.text().await.map_err(bad)?;
                    let v = Some(v.trim().to_string()).filter(|v| !v.is_empty());
                    match name.as_str() {
                        "title" => up.opts.title = up.opts.title.take().or(v),
                        "date" => up.opts.date = up.opts.date.take().or(v),
                        _ => up.opts.charset = up.opts.charset.take().or(v),
                    }
                }
                other => {
                    return Err(ApiError::bad_request(format!(
                        "unknown form field `{other}`; the form takes file, title, date, charset"
                    )))
                }
            }
        }
        up.bytes = file.ok_or_else(|| ApiError::bad_request("the form has no `file` field"))?;
    } else {
        let ext = ext_of_media(&media).ok_or_else(|| {
            ApiError::new(
                Code::UnsupportedMediaType,
                format!(
                    "cannot read a `{media}` body: send text/plain, text/markdown, text/html, \
                     application/pdf or application/octet-stream, or multipart/form-data with a `file` field"
                ),
            )
        })?;
        up.ext = Some(ext.to_string());
        up.bytes = bytes;
    }
    if let Some(c) = up.opts.charset.as_deref() {
        if !dyad_text::decode::is_known_charset(c) {
            return Err(ApiError::bad_request(format!(
                "`charset={c}` is not a character set dyad can read; give a WHATWG label such as \
                 utf-8, gb18030, big5, windows-1251 or koi8-r, or leave it out to detect it"
            )));
        }
    }
    // A file name's extension says more than a generic media type.
    if let Some(e) = up
        .filename
        .as_deref()
        .and_then(|f| std::path::Path::new(f).extension())
        .and_then(|e| e.to_str())
    {
        up.ext = Some(e.to_ascii_lowercase());
    }
    Ok(up)
}

async fn upload(st: St, req: Request) -> ApiResult {
    st.authorize(req.headers())?;
    let turn = st.coding_turn().await?;
    let up = read_upload(&st, req).await?;
    if up.bytes.is_empty() {
        return Err(ApiError::bad_request("the document is empty"));
    }
    day("date", up.opts.date.as_deref())?;
    let (doc, warnings) = st
        .code(move |st| {
            let ingest::Prepared { mut doc, warnings } = ingest::prepare_bytes(
                &up.bytes,
                up.ext.as_deref(),
                up.filename.clone(),
                &up.opts,
                &st.coder,
            )?;
            if doc.title.is_none() {
                doc.title = up.filename;
            }
            Ok((doc, warnings))
        })
        .await?;
    let shared = Arc::clone(&st);
    let (status, body) = st
        .write(move |store| {
            let status = store.ingest_document(&doc)?;
            let row = store.document(&doc.id)?;
            let evs = events::of_document(store, &doc.id, &shared.places)?;
            let status = match status {
                IngestStatus::New => "new",
                IngestStatus::Unchanged => "unchanged",
            };
            Ok((
                status,
                json!({ "status": status, "document": row, "events": evs, "warnings": warnings }),
            ))
        })
        .await?;
    // The turn goes to the next upload while this one waits to be visible to reads.
    drop(turn);
    st.visible(Instant::now()).await?;
    let code = if status == "new" {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(json_response(code, &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_and_reject_unknown_names() {
        let p = Params::parse(
            Some("dyad=USA-RUS&origin=coded,curated&origin=imported&from=2022%2D01"),
            EVENT_PARAMS,
        )
        .unwrap();
        assert_eq!(p.get("dyad").unwrap(), Some("USA-RUS"));
        assert_eq!(p.all("origin"), ["coded", "curated", "imported"]);
        assert_eq!(p.get("from").unwrap(), Some("2022-01"));
        let e = Params::parse(Some("colour=red"), EVENT_PARAMS)
            .err()
            .unwrap();
        assert_eq!(e.code, Code::BadRequest);
        assert!(Params::parse(Some("dyad=%zz"), EVENT_PARAMS).is_err());
    }

    #[test]
    fn every_route_is_documented() {
        let doc = openapi_doc();
        let paths = doc["paths"].as_object().unwrap();
        for route in [
            "/health",
            "/openapi.json",
            "/api/dyads",
            "/api/vocabulary",
            "/api/documents",
            "/api/documents/{id}",
            "/api/events",
            "/api/index",
            "/api/phases",
            "/api/summits",
            "/api/drivers",
            "/api/forecast",
            "/api/code",
        ] {
            assert!(paths.contains_key(route), "{route} is not in openapi.json");
        }
        let codes = doc["x-error-codes"].as_array().unwrap();
        assert_eq!(codes.len(), Code::ALL.len());
    }
}
