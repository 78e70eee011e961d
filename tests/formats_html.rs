//! HTML ingest: small fixture pages written here (encodings, compression, pages without
//! an article), the bundled corpus page end to end, and the extraction scores on the real
//! pages of `../shared` measured with `extract_eval.py` (docs/QUALITY.md).

mod common;
use common::{Workspace, stderr, stdout};
use serde_json::Value;
use std::io::Write;
use std::process::Command;

fn parse_json(ws: &Workspace, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["parse", "--json"];
    all.extend_from_slice(args);
    stdout(&ws.run(&all))
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn legacy_charset_gzip_and_empty_pages() {
    let ws = Workspace::empty();
    std::fs::create_dir_all(ws.path("pages")).expect("mkdir");
    let latin = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>Caf\xe9 owners relieved by terrace ruling - Valley Times</title></head><body>\
        <p>The caf\xe9 owners said they were \x93relieved\x94 by the ruling, which lets them keep their terraces open until ten at night.</p>\
        <p>The council said it would review the rule next year, after complaints from residents about noise late in the evening.</p></body></html>";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(latin).expect("gzip");
    std::fs::write(
        ws.path("pages/2021-05-03-cafe.html.gz"),
        gz.finish().expect("gzip"),
    )
    .expect("write");
    std::fs::write(
        ws.path("pages/shell.htm"),
        "<html><body><nav><a href='/'>Home</a></nav><div id=app></div><script>render()</script></body></html>",
    )
    .expect("write");
    let out = ws.run(&["parse", "--json", "pages"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a page without an article is an error"
    );
    assert!(
        stderr(&out).contains("shell.htm: no article found in the page"),
        "{}",
        stderr(&out)
    );
    let docs: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["title"], "Café owners relieved by terrace ruling");
    assert!(
        d["body"].as_str().is_some_and(|b| b.contains("“relieved”")),
        "{d}"
    );
    // No date in the page: the file name's date is used.
    assert_eq!(d["date"], "2021-05-03T00:00:00+00:00");
    // Indexing reports the empty page and indexes the other.
    let out = ws.run(&["index", "pages", "--index", "idx"]);
    assert!(stderr(&out).contains("shell.htm"), "{}", stderr(&out));
    let v = ws.search_json(&["terraces", "--index", "idx"]);
    assert_eq!(
        v["hits"][0]["article"], "pages/2021-05-03-cafe.html.gz",
        "{v}"
    );
    assert_eq!(v["hits"][0]["passage"], 0, "{v}");
}

#[test]
fn corpus_page_is_searchable_with_speakers_and_its_own_day() {
    let ws = Workspace::with_corpus();
    let d = parse_json(&ws, &["corpus/web/harbour-dredging-plan.html"]);
    assert_eq!(d.len(), 1);
    let d = &d[0];
    assert_eq!(
        d["title"],
        "Harbour dredging plan approved despite fishing fears"
    );
    assert_eq!(d["date"], "2023-06-14T17:45:00+01:00");
    assert_eq!(d["authors"], serde_json::json!(["Morag Fraser"]));
    assert_eq!(d["source"], "The Coastal Courier");
    let body = d["body"].as_str().unwrap_or_default();
    for junk in [
        "Accept",
        "Sport",
        "Advertisement",
        "Photo:",
        "Related stories",
        "Ferry",
        "Sign up",
        "©",
        "Environment correspondent",
    ] {
        assert!(!body.contains(junk), "{junk} in body: {body}");
    }
    assert!(body.starts_with("Councillors in Port Ellery"), "{body}");
    assert!(body.ends_with("\"within weeks\"."), "{body}");
    let v = ws.search_json(&[
        "silt",
        "--speaker",
        "Kirsty Bain",
        "--from",
        "2023-06",
        "--to",
        "2023-06",
    ]);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["hits"][0]["date"], "2023-06-14");
}

/// Runs `newsidx parse --json` over one set of `../shared` pages and scores it.
fn score(set: &str) -> Option<std::collections::HashMap<String, f64>> {
    let shared = common::shared()?;
    let dir = shared.join("data/corpora/html").join(set);
    let mut pages: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    pages.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_newsidx"))
        .arg("parse")
        .arg("--json")
        .args(&pages)
        .output()
        .expect("run newsidx parse");
    // Pages without an article (a feed-proxy shell) are reported, and only those.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .all(|l| l.contains("no article found in the page")),
        "{err}"
    );
    let unparsed = err.lines().count();
    let pred = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(pred.path(), &out.stdout).expect("write predictions");
    let eval = Command::new("python3")
        .arg(shared.join("tools/extract_eval.py"))
        .args(["--set", set, "--dir"])
        .arg(&dir)
        .arg("--pred")
        .arg(pred.path())
        .output()
        .expect("python3 runs extract_eval.py");
    let report = String::from_utf8_lossy(&eval.stdout).to_string();
    assert!(
        eval.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    println!("{set}:\n{report}");
    assert!(
        report.contains(&format!("without prediction {unparsed}\n")),
        "{report}"
    );
    let mut scores = std::collections::HashMap::new();
    for line in report.lines() {
        if let Some(rest) = line.strip_prefix("summary ") {
            for kv in rest.split_whitespace() {
                if let Some((k, v)) = kv.split_once('=') {
                    scores.insert(k.to_string(), v.parse().unwrap_or(0.0));
                }
            }
        }
        // "date    right 0.899  wrong 0.055  of 109 dated pages"
        if let Some(rest) = line.strip_prefix("date") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let Some(i) = words.iter().position(|w| *w == "wrong") {
                let wrong = words.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(1.0);
                scores.insert("date_wrong".into(), wrong);
            }
        }
    }
    Some(scores)
}

fn at_least(scores: &std::collections::HashMap<String, f64>, key: &str, min: f64) {
    let got = scores.get(key).copied().unwrap_or(0.0);
    assert!(got >= min, "{key} = {got:.3}, below {min:.3}");
}

// The targets where they are met; elsewhere the level reached (docs/QUALITY.md)
// less 0.02, so a regression fails CI.

#[test]
fn aeb_body() {
    if let Some(s) = score("aeb") {
        at_least(&s, "body_f1", 0.96);
    }
}

#[test]
fn fundus_fields() {
    if let Some(s) = score("fundus") {
        at_least(&s, "body_f1", 0.96);
        at_least(&s, "date_acc", 0.98);
        at_least(&s, "authors_f1", 0.92);
        at_least(&s, "title_acc", 0.865 - 0.02);
    }
}

#[test]
fn htmldate_dates() {
    if let Some(s) = score("htmldate") {
        at_least(&s, "date_acc", 0.936 - 0.02);
        let wrong = s.get("date_wrong").copied().unwrap_or(1.0);
        assert!(wrong <= 0.04, "wrong dates on {wrong:.3} of pages");
    }
}
