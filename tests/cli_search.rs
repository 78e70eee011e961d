//! `newsidx index` + `newsidx search` on a copy of the bundled corpus: the seed queries,
//! filters, facets, JSON, and errors.

mod common;
use common::{Workspace, stderr, stdout};
use serde_json::Value;

fn indexed() -> Workspace {
    let ws = Workspace::with_corpus();
    ws.ok(&["index", "corpus", "--quiet"]);
    ws
}

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().expect("hits array")
}

#[test]
fn seed_pre_notification_is_hit_one_with_highlight() {
    let ws = indexed();
    let out = ws.ok(&["search", "pre-notification", "--speaker", "Vedant Patel"]);
    let first = out.split("\n 2. ").next().unwrap_or("");
    assert!(first.contains(" 1. 2024-02-05"), "{out}");
    assert!(
        first.contains("2024-02-05-us-iraq-strikes-pre-notification.txt#1"),
        "{out}"
    );
    assert!(
        first.contains("**pre-notification**"),
        "highlight missing: {out}"
    );
    assert!(first.contains("speakers: Vedant Patel"), "{out}");
}

#[test]
fn seed_speaker_queries() {
    let ws = indexed();
    let v = ws.search_json(&["sovereignty", "--speaker", "Rasool"]);
    assert_eq!(v["total"], 1);
    assert!(
        hits(&v)[0]["text"]
            .as_str()
            .unwrap_or("")
            .contains("violation of Iraq's sovereignty")
    );
    let v = ws.search_json(&["deception", "--speaker", "Alawadi"]);
    assert_eq!(v["total"], 1);
    assert!(
        hits(&v)[0]["text"]
            .as_str()
            .unwrap_or("")
            .contains("intentionally engaged in deception")
    );
    let out = ws.run(&["search", "strikes", "--speaker", "Joe Nobody"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("0 passages match"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn speaker_names_match_case_blind_by_word() {
    let ws = indexed();
    // As the article writes them too: honorifics and titles are looked past.
    for name in [
        "patel",
        "vedant patel",
        "Vedant Patel",
        "PATEL",
        "Mr Patel",
        "State Department deputy spokesman Vedant Patel",
    ] {
        let v = ws.search_json(&["notification", "--speaker", name]);
        assert_eq!(v["total"], 1, "--speaker {name}");
    }
    // Words must be consecutive words of one name.
    let v = ws.search_json(&["notification", "--speaker", "patel vedant"]);
    assert_eq!(v["total"], 0);
    // Repeated --speaker means any of them.
    let v = ws.search_json(&["", "--speaker", "Rasool", "--speaker", "Alawadi"]);
    let speakers: Vec<String> = hits(&v)
        .iter()
        .flat_map(|h| h["speakers"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.as_str().map(String::from))
        .collect();
    assert!(
        speakers.contains(&"Yahya Rasool".to_string())
            && speakers.contains(&"Basim Alawadi".to_string())
    );
}

#[test]
fn date_filter_and_facets_count_the_seed() {
    let ws = indexed();
    let v = ws.search_json(&[
        "strikes", "--from", "2024-02", "--to", "2024-02", "--facets",
    ]);
    let total = v["total"].as_u64().unwrap_or(0);
    assert!(total >= 5, "{v}");
    assert!(
        hits(&v)
            .iter()
            .all(|h| h["date"].as_str().is_some_and(|d| d.starts_with("2024-02")))
    );
    let months = v["facets"]["months"].as_array().expect("months");
    assert_eq!(months.len(), 1);
    assert_eq!(months[0]["value"], "2024-02");
    assert_eq!(months[0]["count"].as_u64(), Some(total));
    assert_eq!(v["facets"]["years"][0]["value"], "2024");
    let speakers: Vec<&str> = v["facets"]["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(speakers.contains(&"Yahya Rasool"), "{speakers:?}");
    // Outside the range nothing from the seed.
    let v = ws.search_json(&["strikes", "--to", "2023"]);
    assert!(
        hits(&v)
            .iter()
            .all(|h| !h["article"].as_str().unwrap_or("").contains("iraq"))
    );
    // Undated articles are excluded by any date filter, counted as undated otherwise.
    let v = ws.search_json(&["", "--facets", "--limit", "0"]);
    assert!(v["facets"]["undated"].as_u64().unwrap_or(0) > 0, "{v}");
    let undated = ws.search_json(&["\"fourth month in a row\""]);
    assert_eq!(undated["total"], 1);
    assert_eq!(undated["hits"][0]["date"], Value::Null);
    assert_eq!(
        ws.search_json(&["\"fourth month in a row\"", "--from", "1900"])["total"],
        0
    );
}

#[test]
fn query_syntax_phrases_or_not_title_and_paging() {
    let ws = indexed();
    let and = ws.search_json(&["harbour marshes"])["total"]
        .as_u64()
        .unwrap_or(0);
    let or = ws.search_json(&["harbour OR marshes"])["total"]
        .as_u64()
        .unwrap_or(0);
    assert!(or > and && and > 0, "AND {and} OR {or}");
    let phrase = ws.search_json(&["\"salt marshes\""]);
    assert!(hits(&phrase).iter().all(|h| {
        h["text"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("salt marshes")
    }));
    let not = ws.search_json(&["harbour -marshes"]);
    assert!(hits(&not).iter().all(|h| {
        !h["text"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("marsh")
    }));
    let title = ws.search_json(&["title:veltron"]);
    assert!(title["total"].as_u64().unwrap_or(0) >= 1);
    let page1 = ws.search_json(&["harbour", "--limit", "2"]);
    let page2 = ws.search_json(&["harbour", "--limit", "2", "--offset", "2"]);
    assert_eq!(hits(&page1).len(), 2);
    assert_eq!(page2["hits"][0]["rank"], 3);
    assert_ne!(page1["hits"][0]["text"], page2["hits"][0]["text"]);
    let src = ws.search_json(&["", "--source", "coast news agency"]);
    assert!(src["total"].as_u64().unwrap_or(0) >= 3);
    assert!(
        hits(&src)
            .iter()
            .all(|h| h["source"] == "Coast News Agency")
    );
}

#[test]
fn stemming_finds_inflections() {
    let ws = indexed();
    let v = ws.search_json(&["strike"]);
    assert!(
        hits(&v)
            .iter()
            .any(|h| h["text"].as_str().unwrap_or("").contains("strikes"))
    );
}

#[test]
fn bad_queries_and_missing_index_exit_2_with_advice() {
    let ws = indexed();
    let out = ws.run(&["search", "title:(unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot parse the query"),
        "{}",
        stderr(&out)
    );
    let out = ws.run(&["search", "x", "--from", "2024-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2024-02-30"), "{}", stderr(&out));
    let out = ws.run(&["search", "x", "--index", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("newsidx index"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn default_index_is_built_from_corpus_on_first_search() {
    let ws = Workspace::with_corpus();
    let out = ws.run(&["search", "sovereignty"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("building it from 'corpus/'"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("1 passage matches"),
        "{}",
        stdout(&out)
    );
    // The second search uses it without a notice.
    let out = ws.run(&["search", "sovereignty"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn speakers_lists_exact_counts() {
    let ws = indexed();
    let out = ws.ok(&["speakers", "--json", "--limit", "0"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    let rows = v["speakers"].as_array().expect("rows");
    let patel = rows
        .iter()
        .find(|r| r["name"] == "Vedant Patel")
        .expect("Patel listed");
    // Paragraphs 2, 3 ("He added …") and 6 of the seed.
    assert_eq!(patel["passages"], 3);
    assert_eq!(patel["articles"], 1);
    let solberg = rows
        .iter()
        .find(|r| r["name"] == "Ingrid Solberg")
        .expect("Solberg listed");
    assert!(solberg["articles"].as_u64().unwrap_or(0) >= 4, "{solberg}");
    let q = ws.ok(&["speakers", "--query", "sovereignty"]);
    assert!(
        q.contains("Yahya Rasool") && !q.contains("Vedant Patel"),
        "{q}"
    );
}

/// The facet layout beside the index is a cache: searching without it (deleted, or made
/// for other speaker groups) gives the same facets, and `newsidx index` remakes it.
#[test]
fn facets_are_the_same_with_or_without_the_facet_layout() {
    let ws = indexed();
    let layout = ws.path("index/newsidx-facets.bin");
    assert!(layout.is_file(), "indexing wrote no facet layout");
    let queries: [&[&str]; 4] = [
        &["", "--facets", "--limit", "0"],
        &["said", "--facets"],
        &["strikes OR sovereignty", "--facets"],
        &["\"air strikes\"", "--facets"],
    ];
    let with: Vec<Value> = queries.iter().map(|q| ws.search_json(q)).collect();
    let speakers_with = ws.ok(&["speakers", "--json"]);
    std::fs::remove_file(&layout).expect("remove the layout");
    for (q, want) in queries.iter().zip(&with) {
        assert_eq!(&ws.search_json(q), want, "{q:?}");
    }
    assert_eq!(ws.ok(&["speakers", "--json"]), speakers_with);
    assert!(
        !with[0]["facets"]["speakers"]
            .as_array()
            .is_none_or(Vec::is_empty),
        "{}",
        with[0]
    );
    // Nothing changed in the corpus, yet the run lays the facets out again.
    ws.ok(&["index", "corpus", "--quiet"]);
    assert!(layout.is_file(), "a no-op run did not remake the layout");
    for (q, want) in queries.iter().zip(&with) {
        assert_eq!(&ws.search_json(q), want, "{q:?}");
    }
}

#[test]
fn hits_sort_by_date_either_way_with_undated_last() {
    let ws = indexed();
    let by_score = ws.search_json(&["said", "--limit", "500"]);
    for (sort, later_first) in [("newest", true), ("oldest", false)] {
        let v = ws.search_json(&["said", "--limit", "500", "--sort", sort]);
        // The same passages, in another order.
        assert_eq!(v["total"], by_score["total"], "--sort {sort}");
        assert_eq!(hits(&v).len(), hits(&by_score).len(), "--sort {sort}");
        let keys: Vec<(Option<&str>, f64)> = hits(&v)
            .iter()
            .map(|h| (h["date"].as_str(), h["score"].as_f64().unwrap_or(f64::NAN)))
            .collect();
        let dated = keys.iter().take_while(|(d, _)| d.is_some()).count();
        assert!(dated > 10, "--sort {sort}: {keys:?}");
        assert!(
            keys[dated..].iter().all(|(d, _)| d.is_none()),
            "--sort {sort}: undated passages come last: {keys:?}"
        );
        for pair in keys[..dated].windows(2) {
            let ((d1, s1), (d2, s2)) = (pair[0], pair[1]);
            let in_order = if later_first { d1 >= d2 } else { d1 <= d2 };
            assert!(in_order, "--sort {sort}: {d1:?} before {d2:?}");
            // Within a day, the better match first.
            assert!(
                d1 != d2 || s1 >= s2,
                "--sort {sort}: {d1:?} {s1} before {s2}"
            );
        }
        // Paging walks the same order.
        let page = ws.search_json(&["said", "--limit", "3", "--offset", "4", "--sort", sort]);
        let want: Vec<&Value> = hits(&v)[4..7].iter().map(|h| &h["article"]).collect();
        let got: Vec<&Value> = hits(&page).iter().map(|h| &h["article"]).collect();
        assert_eq!(got, want, "--sort {sort}");
    }
    let out = ws.run(&["search", "said", "--sort", "date"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newest"));
}
