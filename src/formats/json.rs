//! JSON exports: one article object, an array of them, a `{"articles": [...]}` envelope
//! (NewsAPI), or JSON Lines (one object per line).
//!
//! Field names follow news-please (`title`, `maintext`, `date_publish`, `authors`, `url`,
//! `source_domain`, `description`) with the common aliases of other exporters (`text`,
//! `body`, `content`, `date`, `published`, `publishedAt`, `author`, `source`).

use super::Parsed;
use super::markdown::split_byline;
use crate::dates::parse_date;
use crate::model::Article;
use serde_json::Value;
use std::path::Path;

const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["maintext", "text", "body", "content", "article"];
const DATE: &[&str] = &[
    "date_publish",
    "date",
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
];
const URL: &[&str] = &["url", "link"];
const SOURCE: &[&str] = &[
    "source_domain",
    "source",
    "publication",
    "outlet",
    "site_name",
];
const AUTHORS: &[&str] = &["authors", "author", "byline"];

/// Parses a `.json` file.
pub fn parse(path: &Path, text: &str) -> Result<Parsed, String> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Exports written by Python carry NaN and Infinity, which JSON does not allow.
        Err(e) => serde_json::from_str(&non_finite_to_null(text))
            .map_err(|_| format!("not valid JSON: {e}"))?,
    };
    let (items, keyed) = match value {
        Value::Array(items) => (items, true),
        Value::Object(mut map) => match map.remove("articles") {
            Some(Value::Array(items)) => (items, true),
            Some(other) => {
                map.insert("articles".into(), other);
                (vec![Value::Object(map)], false)
            }
            None => (vec![Value::Object(map)], false),
        },
        _ => return Err("JSON holds neither an article object nor an array of them".into()),
    };
    let mut parsed = Parsed::default();
    for (i, item) in items.iter().enumerate() {
        let record = keyed.then(|| i.to_string());
        match from_value(path, item, record) {
            Ok(a) => parsed.articles.push(a),
            Err(e) => parsed.problems.push(format!("record {i}: {e}")),
        }
    }
    Ok(parsed)
}

/// Replaces the bare `NaN`, `Infinity` and `-Infinity` that Python writes into JSON with
/// `null`, leaving strings untouched.
fn non_finite_to_null(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        let token = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|t| rest.starts_with(t));
        match token {
            Some(t) => {
                out.push_str("null");
                rest = &rest[t.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Parses a JSON Lines file; a bad line is reported and the rest kept.
pub fn parse_lines(path: &Path, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("not valid JSON: {e}"))
            .and_then(|v| from_value(path, &v, Some(format!("line{n}"))));
        match result {
            Ok(a) => parsed.articles.push(a),
            Err(e) => parsed.problems.push(format!("line {n}: {e}")),
        }
    }
    parsed
}

fn from_value(path: &Path, v: &Value, record: Option<String>) -> Result<Article, String> {
    let Value::Object(map) = v else {
        return Err("not a JSON object".into());
    };
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k).filter(|v| !v.is_null()))
    };
    let string = |keys: &[&str]| {
        first(keys)
            .and_then(as_text)
            .filter(|s| !s.trim().is_empty())
    };
    let mut body = string(BODY).unwrap_or_default();
    if body.trim().is_empty() {
        body = map.get("description").and_then(as_text).unwrap_or_default();
    }
    let title = string(TITLE);
    if body.trim().is_empty() && title.is_none() {
        return Err(
            "no title and no text (looked for title, maintext, text, body, content)".into(),
        );
    }
    let authors = match first(AUTHORS) {
        Some(Value::Array(a)) => a.iter().filter_map(as_text).collect(),
        Some(v) => as_text(v).map(|s| split_byline(&s)).unwrap_or_default(),
        None => vec![],
    };
    Ok(Article {
        path: path.to_path_buf(),
        record,
        title,
        date: string(DATE).as_deref().and_then(parse_date),
        source: string(SOURCE),
        url: string(URL),
        authors,
        body,
        body_offset: 0,
        preamble: String::new(),
    })
}

/// A string, a number, or a NewsAPI-style `{"name": …}` object, as text.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(as_text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_record() {
        let t = r#"{"title":"T","maintext":"Body","date_publish":"2017-07-17 17:03:00",
                   "authors":["A"],"url":"http://x","source_domain":"x.com"}"#;
        let p = parse(Path::new("a.json"), t).expect("parses");
        let a = &p.articles[0];
        assert_eq!((a.title.as_deref(), a.body.as_str()), (Some("T"), "Body"));
        assert_eq!(a.source.as_deref(), Some("x.com"));
        assert_eq!(a.record, None);
        assert!(a.date.is_some());
    }

    #[test]
    fn array_and_envelope_get_record_keys() {
        let p = parse(
            Path::new("a.json"),
            r#"[{"title":"A","text":"x"},{"title":"B"}]"#,
        )
        .expect("parses");
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[1].record.as_deref(), Some("1"));
        let env = r#"{"status":"ok","articles":[{"title":"N","content":"c",
                     "publishedAt":"2020-01-01T00:00:00Z","source":{"name":"Wire"}}]}"#;
        let p = parse(Path::new("a.json"), env).expect("parses");
        assert_eq!(p.articles[0].source.as_deref(), Some("Wire"));
    }

    #[test]
    fn bad_json_line_is_reported_and_skipped() {
        let p = parse_lines(
            Path::new("a.jsonl"),
            "{\"title\":\"A\"}\n{oops\n\n{\"text\":\"B\"}\n",
        );
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.problems.len(), 1);
        assert!(p.problems[0].starts_with("line 2:"));
        assert_eq!(p.articles[1].record.as_deref(), Some("line4"));
    }

    #[test]
    fn python_nan_is_read_as_null() {
        let p = parse(
            Path::new("a.json"),
            r#"[{"title":"NaN here","text":"x","score":NaN,"r":[-Infinity]}]"#,
        )
        .expect("parses");
        assert_eq!(p.articles[0].title.as_deref(), Some("NaN here"));
    }

    #[test]
    fn not_json_is_an_error() {
        assert!(parse(Path::new("a.json"), "{nope").is_err());
    }
}
