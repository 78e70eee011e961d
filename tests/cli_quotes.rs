//! `newsidx quotes`: the JSON contract (code-point offsets) and the attribution of every
//! direct quote in the bundled corpus.

mod common;
use common::Workspace;
use serde_json::Value;
use std::collections::BTreeSet;

fn quotes_json(ws: &Workspace, paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["quotes", "--json"];
    args.extend_from_slice(paths);
    ws.ok(&args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
        .collect()
}

const SEED: &str = "corpus/wire/2024-02-05-us-iraq-strikes-pre-notification.txt";

#[test]
fn seed_quotes_have_code_point_offsets_and_speakers() {
    let ws = Workspace::with_corpus();
    let docs = quotes_json(&ws, &[SEED]);
    assert_eq!(docs.len(), 1);
    let file: Vec<char> = std::fs::read_to_string(ws.path(SEED))
        .expect("seed")
        .chars()
        .collect();
    let quotes = docs[0]["quotes"].as_array().expect("quotes");
    assert!(quotes.len() >= 6);
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().unwrap_or(0) as usize,
            q["end"].as_u64().unwrap_or(0) as usize,
        );
        let slice: String = file[s..e].iter().collect();
        assert_eq!(slice, q["text"].as_str().unwrap_or(""), "offsets of {q}");
    }
    let speakers: BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    for who in ["Vedant Patel", "Yahya Rasool", "Basim Alawadi"] {
        assert!(speakers.contains(who), "{who} missing from {speakers:?}");
    }
    assert_eq!(docs[0]["date"], "2024-02-05T00:00:00+00:00");
    assert!(
        quotes
            .iter()
            .all(|q| q["speaker_kind"].is_string() && q["cue"].is_string())
    );
}

#[test]
fn seed_passage_speakers_include_reported_speech() {
    let ws = Workspace::with_corpus();
    ws.ok(&["index", "corpus", "--quiet"]);
    let all = ws.ok(&["speakers", "--limit", "0"]);
    for who in [
        "Vedant Patel",
        "John Kirby",
        "Yahya Rasool",
        "Basim Alawadi",
        "Baghdad",
    ] {
        assert!(all.contains(who), "{who} not among speakers:\n{all}");
    }
    // "He added that Iraq had been informed …" is Patel's too.
    let v = ws.search_json(&["informed immediately", "--speaker", "Patel"]);
    assert_eq!(v["total"], 1);
    // A described source ("a spokesman for the agency") is shown with its quotation by
    // `quotes`, but it is nobody's name: no speaker facet carries it.
    assert!(
        !all.contains("spokesman"),
        "a description became a speaker:\n{all}"
    );
}

#[test]
fn structured_records_count_offsets_into_the_body() {
    let ws = Workspace::with_corpus();
    let docs = quotes_json(&ws, &["corpus/exports/wire-feed-2024.jsonl"]);
    assert_eq!(docs.len(), 4);
    let q = &docs[0]["quotes"][0];
    assert_eq!(docs[0]["record"], "line1");
    let body = "Island Lines will cancel all winter crossings to the outer islands from January, the ferry operator said on Friday, blaming fuel costs.\n\n";
    assert_eq!(q["start"].as_u64(), Some(body.chars().count() as u64));
    assert_eq!(q["speaker"], "Nils Berg");
}

/// Every direct quote of the bundled corpus, with the speaker a careful reader gives it
/// (`tests/fixtures/corpus_speakers.tsv`: file, start of quote, speaker, kind).
#[test]
fn every_corpus_quote_has_its_right_speaker() {
    let ws = Workspace::with_corpus();
    let expected = include_str!("fixtures/corpus_speakers.tsv");
    let docs = quotes_json(&ws, &["corpus"]);
    let mut got = Vec::new();
    for d in &docs {
        let mut id = d["path"].as_str().unwrap_or("").to_string();
        if let Some(r) = d["record"].as_str() {
            id = format!("{id}#{r}");
        }
        for q in d["quotes"].as_array().into_iter().flatten() {
            let text: String = q["text"].as_str().unwrap_or("").chars().take(40).collect();
            got.push(format!(
                "{id}\t{text}\t{}\t{}",
                q["speaker"].as_str().unwrap_or("-"),
                q["speaker_kind"].as_str().unwrap_or("")
            ));
        }
    }
    let expected: Vec<&str> = expected.lines().collect();
    let missing: Vec<&&str> = expected
        .iter()
        .filter(|e| !got.iter().any(|g| g == *e))
        .collect();
    let extra: Vec<&String> = got
        .iter()
        .filter(|g| !expected.contains(&g.as_str()))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nunexpected: {extra:#?}"
    );
}
