//! Ingest of the real corpora in `../shared` (Reuters-21578 SGML, BBC text, news-please
//! JSON in `.json.xz`), and of small hand-written fixtures for each newer format.

mod common;
use common::Workspace;
use serde_json::Value;
use std::collections::BTreeMap;

fn parse_json(ws: &Workspace, path: &std::path::Path) -> Vec<Value> {
    let out = ws.run(&["parse", "--json", &path.display().to_string()]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON ({e}): {l}")))
        .collect()
}

#[test]
fn reuters_21578_every_story_with_its_date() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = shared.join("data/corpora/reuters21578");
    let ws = Workspace::empty();
    let mut articles = Vec::new();
    let mut tag_months: BTreeMap<String, u64> = BTreeMap::new();
    for i in 0..22 {
        let file = dir.join(format!("reut2-{i:03}.sgm"));
        articles.extend(parse_json(&ws, &file));
        // The months the <DATE> tags say, read straight from the bytes.
        let raw = String::from_utf8_lossy(&std::fs::read(&file).expect("read")).into_owned();
        for chunk in raw.split("<DATE>").skip(1) {
            let date = chunk.split("</DATE>").next().unwrap_or("").trim();
            let mut parts = date.split('-');
            let (_, mon, year) = (
                parts.next(),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            tag_months
                .entry(format!("{}-{mon}", &year[..4.min(year.len())]))
                .and_modify(|n| *n += 1)
                .or_insert(1);
        }
    }
    // 21,578 stories; one (NEWID 12793) is empty and reported rather than indexed.
    assert_eq!(articles.len(), 21_577);
    // 19,043 have a <BODY>; 736 more are UNPROC tables whose text is the body.
    let with_body = articles
        .iter()
        .filter(|a| a["body"].as_str().is_some_and(|b| !b.is_empty()))
        .count();
    assert_eq!(with_body, 19_043 + 736);
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for a in &articles {
        let d = a["date"].as_str().expect("every story has a date");
        let m = [
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ];
        let month: usize = d[5..7].parse().expect("month");
        *months
            .entry(format!("{}-{}", &d[..4], m[month - 1]))
            .or_default() += 1;
    }
    *tag_months.get_mut("1987-APR").expect("april") -= 1; // the empty story is dated 3-APR-1987
    assert_eq!(months, tag_months);
    assert!(
        articles
            .iter()
            .all(|a| !a["body"].as_str().unwrap_or("").ends_with("Reuter"))
    );
}

#[test]
fn bbc_and_news_please() {
    let Some(shared) = common::shared() else {
        return;
    };
    let ws = Workspace::empty();
    let bbc = parse_json(&ws, &shared.join("data/corpora/bbc"));
    // Beside the stories the folder holds README.TXT and SOURCE.md, which are read too.
    let stories: Vec<&Value> = bbc
        .iter()
        .filter(|a| {
            a["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(".txt") && !p.contains("README"))
        })
        .collect();
    assert_eq!(stories.len(), 2225);
    assert!(
        stories
            .iter()
            .all(|a| a["title"].as_str().is_some_and(|t| !t.is_empty()))
    );
    let np = parse_json(
        &ws,
        &shared.join("data/corpora/json/financial-news-dataset"),
    );
    let np: Vec<&Value> = np
        .iter()
        .filter(|a| a["path"].as_str().is_some_and(|p| p.ends_with(".json.xz")))
        .collect();
    assert_eq!(np.len(), 4253);
    assert!(np.iter().all(|a| a["date"].is_string()));
}

#[test]
fn csv_tsv_sgml_and_compressed_fixtures_index() {
    use std::io::Write;
    let ws = Workspace::empty();
    let dir = ws.path("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("export.csv"),
        "id,title,publication,author,date,content,url\n1,Port opens,Coast Wire,Ann Lee,2019-04-02,\"\"\"We are open,\"\" said harbour master Ivo Dahl.\",http://x/1\n",
    )
    .expect("csv");
    std::fs::write(
        dir.join("export.tsv"),
        "headline\tbody\tdate\nFerry late\tThe ferry was late again.\t2019-05-01\n",
    )
    .expect("tsv");
    std::fs::write(
        dir.join("wire.sgml"),
        "<DOC><DOCNO>W1</DOCNO><DATE>1999-01-02</DATE><HEADLINE>Snow</HEADLINE><TEXT><P>\"Stay home,\" said Mayor Eva Roth.</P></TEXT></DOC>",
    )
    .expect("sgml");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"title\":\"Zipped\",\"text\":\"A gzipped okapi.\",\"date\":\"2020-01-01\"}\n")
        .expect("gz");
    std::fs::write(dir.join("feed.jsonl.gz"), gz.finish().expect("gz")).expect("write");
    ws.ok(&["index", "in", "--quiet"]);
    let v = ws.search_json(&["open", "--speaker", "Ivo Dahl"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["source"], "Coast Wire");
    assert_eq!(
        v["hits"][0]["article"]
            .as_str()
            .map(|a| a.ends_with("export.csv#1")),
        Some(true)
    );
    assert_eq!(ws.search_json(&["ferry", "--from", "2019-05"])["total"], 1);
    assert_eq!(ws.search_json(&["snow", "--speaker", "roth"])["total"], 1);
    assert_eq!(ws.search_json(&["okapi", "--from", "2020"])["total"], 1);
}
