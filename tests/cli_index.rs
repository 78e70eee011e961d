//! `newsidx index`: summaries, incremental runs, formats, encodings and bad input.

mod common;
use common::{Workspace, stderr};
use serde_json::Value;

fn summary(ws: &Workspace, extra: &[&str]) -> Value {
    let mut args = vec!["index", "corpus", "--json"];
    args.extend_from_slice(extra);
    let out = ws.ok(&args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("summary not JSON ({e}): {out}"))
}

fn total(ws: &Workspace, query: &str) -> u64 {
    ws.search_json(&[query, "--index", "index"])["total"]
        .as_u64()
        .unwrap_or(u64::MAX)
}

#[test]
fn incremental_runs_follow_edits_and_deletions() {
    let ws = Workspace::with_corpus();
    let first = summary(&ws, &[]);
    let files = first["indexed"].as_u64().unwrap_or(0);
    assert!(files >= 20, "{first}");
    assert_eq!(first["unchanged"], 0);
    let passages = first["total_passages"].as_u64().unwrap_or(0);
    assert!(passages > 80, "{first}");

    // Unchanged folder: nothing indexed, and the text summary says so.
    let again = summary(&ws, &[]);
    assert_eq!(again["indexed"], 0);
    assert_eq!(again["unchanged"].as_u64(), Some(files));
    assert_eq!(again["total_passages"].as_u64(), Some(passages));
    let text = ws.run(&["index", "corpus"]);
    assert!(stderr(&text).contains("Nothing to do"), "{}", stderr(&text));

    // Edit one file, delete another.
    assert_eq!(total(&ws, "orchards"), 1);
    assert_eq!(total(&ws, "zeppelin"), 0);
    let drought = ws.path("corpus/wire/2021-07-02-drought-water-limits.txt");
    let mut text = std::fs::read_to_string(&drought).expect("read");
    text = text.replace("orchards", "vineyards");
    text.push_str("\nA zeppelin was seen over the valley, said pilot Ada Frost.\n");
    std::fs::write(&drought, text).expect("write");
    let flood = ws.path("corpus/wire/2025-01-09-flood-defences.txt");
    let flood_passages = manifest_passages(&ws, "2025-01-09-flood-defences.txt");
    std::fs::remove_file(flood).expect("delete");

    let after = summary(&ws, &[]);
    assert_eq!(after["indexed"], 1, "{after}");
    assert_eq!(after["removed"], 1, "{after}");
    assert_eq!(after["unchanged"].as_u64(), Some(files - 2));
    assert_eq!(total(&ws, "orchards"), 0);
    assert_eq!(total(&ws, "vineyards"), 1);
    assert_eq!(total(&ws, "zeppelin"), 1);
    assert!(flood_passages > 0);
    assert_eq!(total(&ws, "pumps"), 0);
    // One paragraph added, the deleted file's passages gone, nothing duplicated.
    assert_eq!(
        after["total_passages"].as_u64(),
        Some(passages + 1 - flood_passages)
    );
}

/// Passages the manifest records for the file whose path ends with `name`.
fn manifest_passages(ws: &Workspace, name: &str) -> u64 {
    let text = std::fs::read_to_string(ws.path("index/newsidx-manifest.json")).expect("manifest");
    let m: Value = serde_json::from_str(&text).expect("manifest JSON");
    let files = m["files"].as_object().expect("files");
    let (_, state) = files
        .iter()
        .find(|(k, _)| k.ends_with(name))
        .expect("file in manifest");
    state["passages"].as_u64().unwrap_or(0)
}

#[test]
fn rebuild_gives_the_same_index() {
    let ws = Workspace::with_corpus();
    let a = summary(&ws, &[]);
    let b = summary(&ws, &["--rebuild"]);
    assert_eq!(a["total_passages"], b["total_passages"]);
    assert_eq!(b["unchanged"], 0);
    assert!(ws.path("index/newsidx-manifest.json").is_file());
    // A rebuilt index is created with newsidx's settings (small doc-store blocks).
    let handle = newsidx::index::open(&ws.path("index")).expect("open the index");
    assert_eq!(
        handle.index.settings().docstore_blocksize,
        newsidx::index::schema::DOCSTORE_BLOCK_BYTES
    );
}

#[test]
fn unsupported_files_are_counted_by_extension_and_bad_records_reported() {
    let ws = Workspace::with_corpus();
    std::fs::write(ws.path("corpus/photo.jpg"), [0xFFu8, 0xD8, 0xFF, 0]).expect("write");
    std::fs::write(ws.path("corpus/notes.pdf"), "%PDF").expect("write");
    std::fs::write(ws.path("corpus/.hidden.txt"), "Hidden\n\nsecret zebra").expect("write");
    std::fs::write(
        ws.path("corpus/mixed.jsonl"),
        "{\"title\":\"Good one\",\"text\":\"A quokka appeared.\"}\n{broken\n{\"title\":\"Good two\",\"text\":\"Another quokka.\"}\n",
    )
    .expect("write");
    std::fs::write(ws.path("corpus/binary.txt"), [0u8, 1, 2, 0, 0, 0, 7, 0]).expect("write");
    std::fs::write(ws.path("corpus/empty.txt"), "").expect("write");
    let s = summary(&ws, &[]);
    assert_eq!(s["skipped"]["unsupported .jpg"], 1, "{s}");
    assert_eq!(s["skipped"]["unsupported .pdf"], 1, "{s}");
    assert_eq!(s["skipped"]["binary"], 1, "{s}");
    assert_eq!(s["skipped"]["empty"], 1, "{s}");
    let problems = s["problems"].as_array().expect("problems");
    assert!(problems.iter().any(
        |p| p["path"].as_str().unwrap_or("").ends_with("mixed.jsonl")
            && p["reason"].as_str().unwrap_or("").starts_with("line 2:")
    ));
    assert!(
        problems
            .iter()
            .any(|p| p["path"].as_str().unwrap_or("").ends_with("binary.txt"))
    );
    assert_eq!(total(&ws, "quokka"), 2);
    assert_eq!(total(&ws, "zebra"), 0);
    // Skipped files are not an error, unless --strict.
    let strict = ws.run(&["index", "corpus", "--strict", "--rebuild", "--quiet"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("--strict"), "{}", stderr(&strict));
}

#[test]
fn every_format_and_encoding_is_indexed_with_metadata() {
    let ws = Workspace::with_corpus();
    summary(&ws, &[]);
    // Windows-1252 text: "café" decoded, curly quotes attributed.
    let v = ws.search_json(&["caf\u{e9}", "--speaker", "Marco Bellini"]);
    assert_eq!(v["total"], 1, "{v}");
    // Markdown front matter: title, source and date.
    let v = ws.search_json(&["title:consortium"]);
    assert_eq!(v["hits"][0]["source"], "Sport Daily");
    assert_eq!(v["hits"][0]["date"], "2025-06-18");
    // NewsAPI envelope, news-please JSON, JSON Lines.
    let v = ws.search_json(&["veltron", "--source", "tech wire"]);
    assert!(
        v["hits"][0]["article"]
            .as_str()
            .unwrap_or("")
            .ends_with("newsapi-2023-tech.json#0")
    );
    assert_eq!(v["hits"][0]["date"], "2023-11-07");
    let v = ws.search_json(&["heating eating"]);
    assert_eq!(v["hits"][0]["date"], "2022-11-21");
    assert_eq!(
        v["hits"][0]["url"],
        "https://dailyherald.example/2022/11/21/energy-cap"
    );
    let v = ws.search_json(&["bronze", "--from", "2024-05-15", "--to", "2024-05-15"]);
    assert!(v["total"].as_u64().unwrap_or(0) >= 1);
    // Date from the path when the metadata has none.
    let v = ws.search_json(&["dredgers"]);
    assert_eq!(v["hits"][0]["date"], "2023-05-04");
}

#[test]
fn an_unreadable_root_is_an_error_with_advice() {
    let ws = Workspace::empty();
    let out = ws.run(&["index", "no-such-folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-folder"), "{}", stderr(&out));
}

#[test]
fn help_shows_examples_for_every_command() {
    let ws = Workspace::empty();
    for cmd in ["index", "search", "speakers", "quotes", "parse"] {
        let out = ws.ok(&[cmd, "--help"]);
        assert!(out.contains("Examples:"), "{cmd} --help has no examples");
    }
    assert!(ws.ok(&["--help"]).contains("Exit status"));
}
