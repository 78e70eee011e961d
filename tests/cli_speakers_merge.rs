//! Speaker names merged across articles: variants of one person become one speaker in
//! `speakers`, `search --speaker` and `--facets`; different people sharing a surname stay
//! apart.

mod common;
use common::Workspace;
use serde_json::Value;

fn write(ws: &Workspace, name: &str, text: &str) {
    let p = ws.path(&format!("news/{name}"));
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn workspace() -> Workspace {
    let ws = Workspace::empty();
    write(
        &ws,
        "2016-01-01-a.txt",
        "Rally in Iowa\n\n\"We will win Iowa,\" Donald Trump told supporters.\n\n\"The polls are great,\" Mr Trump said.\n",
    );
    write(
        &ws,
        "2016-02-01-b.txt",
        "Debate night\n\n\"Nobody builds walls better,\" said Donald J. Trump.\n",
    );
    write(
        &ws,
        "2016-03-01-c.txt",
        "Short item\n\n\"Iowa was rigged,\" Trump said on Twitter.\n",
    );
    write(
        &ws,
        "2016-04-01-d.txt",
        "Two Clintons\n\n\"We need a plan for Iowa,\" Hillary Clinton said.\n\n\"She will win,\" said Bill Clinton.\n",
    );
    write(
        &ws,
        "2016-05-01-e.txt",
        "Another\n\n\"Iowa matters,\" Clinton said.\n",
    );
    ws.ok(&["index", "news", "--quiet"]);
    ws
}

#[test]
fn variants_of_one_person_are_one_speaker() {
    let ws = workspace();
    let out = ws.ok(&["speakers", "--json", "--limit", "0"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    let rows = v["speakers"].as_array().expect("rows");
    let trump = rows
        .iter()
        .find(|r| r["name"] == "Donald Trump")
        .expect("Donald Trump listed");
    assert_eq!(trump["articles"], 3, "{trump}");
    assert_eq!(trump["passages"], 4, "{trump}");
    let variants: Vec<&str> = trump["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        variants.contains(&"Trump") && variants.contains(&"Donald J. Trump"),
        "{variants:?}"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r["name"] == "Trump" || r["name"] == "Donald J. Trump")
    );
    // Text output shows the merged variants too.
    let text = ws.ok(&["speakers"]);
    assert!(text.contains("also:"), "{text}");
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let ws = workspace();
    let out = ws.ok(&["speakers", "--json", "--limit", "0"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    let names: Vec<&str> = v["speakers"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    for n in ["Hillary Clinton", "Bill Clinton", "Clinton"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
}

#[test]
fn search_and_facets_use_the_merged_speaker() {
    let ws = workspace();
    let v = ws.search_json(&["iowa", "--speaker", "Donald Trump", "--facets"]);
    // Two passages of a (its title says Iowa) and the "Trump"-only article c.
    assert_eq!(v["total"], 3, "{v}");
    assert!(
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .any(|h| h["article"].as_str().unwrap_or("").ends_with("c.txt"))
    );
    assert!(
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["speakers"][0] == "Donald Trump")
    );
    assert_eq!(v["facets"]["speakers"][0]["name"], "Donald Trump");
    assert_eq!(v["facets"]["speakers"][0]["passages"], 3);
    assert_eq!(v["facets"]["speakers"][0]["articles"], 2);
    // A plain surname query matches every Trump variant and no Clinton.
    let v = ws.search_json(&["", "--speaker", "trump"]);
    assert_eq!(v["total"], 4);
}
