//! CSV and TSV exports: a header row names the fields (All the News style
//! `title,publication,author,date,content,url`, and `text`, `article`, `body`, `headline`).
//! A row that cannot be read is reported; the others are kept. Each article's record key
//! is its `id` column when there is one, else `row N`.

use super::Parsed;
use super::markdown::split_byline;
use crate::dates::parse_date;
use crate::model::Article;
use std::path::Path;

const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["content", "text", "article", "body", "maintext"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "publishedat",
    "published_at",
    "pubdate",
];
const SOURCE: &[&str] = &["publication", "source", "outlet", "source_domain"];
const AUTHORS: &[&str] = &["author", "authors", "byline"];
const URL: &[&str] = &["url", "link"];
const ID: &[&str] = &["id", "article_id", "guid"];

/// Parses a `.csv` (comma) or `.tsv` (tab) file.
pub fn parse(path: &Path, text: &str, delimiter: u8) -> Result<Parsed, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("no header row: {e}"))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let col = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let (title, body) = (col(TITLE), col(BODY));
    if title.is_none() && body.is_none() {
        return Err(format!(
            "no title or text column (looked for {} and {})",
            TITLE.join("/"),
            BODY.join("/")
        ));
    }
    let (date, source, authors, url, id) =
        (col(DATE), col(SOURCE), col(AUTHORS), col(URL), col(ID));
    let mut parsed = Parsed::default();
    for (i, row) in reader.records().enumerate() {
        let n = i + 2; // line of the file, counting the header
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                parsed.problems.push(format!("row {n}: {e}"));
                continue;
            }
        };
        let get = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let (t, b) = (get(title), get(body).unwrap_or_default());
        if t.is_none() && b.is_empty() {
            parsed
                .problems
                .push(format!("row {n}: no title and no text"));
            continue;
        }
        parsed.articles.push(Article {
            path: path.to_path_buf(),
            record: Some(get(id).unwrap_or_else(|| format!("row{n}"))),
            title: t,
            date: get(date).as_deref().and_then(parse_date),
            source: get(source),
            url: get(url),
            authors: get(authors).map(|a| split_byline(&a)).unwrap_or_default(),
            body: b,
            body_offset: 0,
            preamble: String::new(),
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_the_news_layout() {
        let t = "id,title,publication,author,date,content,url\n17,Storm,Wire,Jo Bo,2016-12-09,\"Rain fell, \"\"heavily\"\".\",http://x\n18,,,,,,\n";
        let p = parse(Path::new("a.csv"), t, b',').expect("csv");
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.problems.len(), 1);
        let a = &p.articles[0];
        assert_eq!(a.record.as_deref(), Some("17"));
        assert_eq!(a.body, "Rain fell, \"heavily\".");
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(
            a.date.map(|d| d.format("%F").to_string()).as_deref(),
            Some("2016-12-09")
        );
    }

    #[test]
    fn tsv_and_missing_columns() {
        let p = parse(Path::new("a.tsv"), "headline\tbody\nA\tB text\n", b'\t').expect("tsv");
        assert_eq!(p.articles[0].record.as_deref(), Some("row2"));
        assert!(parse(Path::new("a.csv"), "x,y\n1,2\n", b',').is_err());
    }
}
