//! Newswire SGML: Reuters-21578 (`<REUTERS>` with `<DATE>`, `<TITLE>`, `<DATELINE>`,
//! `<BODY>`, `<AUTHOR>`, `<PLACES>`) and TREC/LDC style (`<DOC><DOCNO>…<DATE>…<HEADLINE>…
//! <TEXT>…</DOC>`), many stories per file.
//!
//! Written by hand because these dumps are not well-formed XML (bare `&#3;` control codes,
//! unclosed entities) and only a few tags matter. Entities are decoded, control codes
//! dropped, the dateline kept out of the body, and the trailing "Reuter" sign-off removed.
//! Indented lines start paragraphs, as in the wire copy. A garbled date keeps its day
//! (`31-MAR-1987 605:12:19.12`); a story with only a title is kept with an empty body.

use super::Parsed;
use super::markdown::split_byline;
use crate::dates::parse_date;
use crate::model::Article;
use std::path::Path;

/// Parses an SGML newswire file.
pub fn parse(path: &Path, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let (open, close) = if find_ci(text, "<REUTERS", 0).is_some() {
        ("<REUTERS", "</REUTERS>")
    } else {
        ("<DOC>", "</DOC>")
    };
    let mut pos = 0;
    let mut ordinal = 0;
    while let Some(start) = find_ci(text, open, pos) {
        let end = find_ci(text, close, start).map_or(text.len(), |e| e + close.len());
        let block = &text[start..end];
        pos = end.max(start + open.len());
        ordinal += 1;
        let article = if open == "<REUTERS" {
            reuters(path, block, ordinal)
        } else {
            trec(path, block, ordinal)
        };
        match article {
            Some(a) => parsed.articles.push(a),
            None => {
                let open_tag = &block[..block.find('>').unwrap_or(block.len())];
                let id =
                    attribute(open_tag, "NEWID").or_else(|| tag(block, "DOCNO").map(|d| clean(&d)));
                let id = id.map_or(format!("story {ordinal}"), |i| format!("story {i}"));
                parsed.problems.push(format!("{id}: no title and no text"));
            }
        }
    }
    if ordinal == 0 {
        parsed
            .problems
            .push("no <REUTERS> or <DOC> stories found".into());
    }
    parsed
}

fn reuters(path: &Path, block: &str, ordinal: usize) -> Option<Article> {
    let open_tag = &block[..block.find('>').unwrap_or(block.len())];
    let record = attribute(open_tag, "NEWID").unwrap_or_else(|| ordinal.to_string());
    let title = tag(block, "TITLE")
        .map(|t| clean(&t))
        .filter(|t| !t.is_empty());
    let mut body = tag(block, "BODY")
        .map(|b| body_text(&b))
        .unwrap_or_default();
    if body.is_empty() && title.is_none() {
        // TYPE="UNPROC": the text has no inner tags.
        body = tag(block, "TEXT")
            .map(|b| body_text(&b))
            .unwrap_or_default();
    }
    let title = title
        .or_else(|| (!body.is_empty()).then(String::new))
        .filter(|t| !t.is_empty());
    if title.is_none() && body.is_empty() {
        return None;
    }
    let authors = tag(block, "AUTHOR")
        .map(|a| clean(&a))
        .map(|a| {
            split_byline(
                a.trim_end_matches(", Reuters")
                    .trim_end_matches(", REUTERS"),
            )
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !a.eq_ignore_ascii_case("reuters"))
        .collect();
    Some(Article {
        path: path.to_path_buf(),
        record: Some(record),
        title,
        date: tag(block, "DATE").and_then(|d| parse_date(&clean(&d))),
        source: Some("Reuters".into()),
        url: None,
        authors,
        body,
        body_offset: 0,
        preamble: String::new(),
    })
}

fn trec(path: &Path, block: &str, ordinal: usize) -> Option<Article> {
    let record = tag(block, "DOCNO")
        .map(|d| clean(&d))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| ordinal.to_string());
    let title = ["HEADLINE", "HL", "TITLE", "HEAD"]
        .iter()
        .find_map(|t| tag(block, t))
        .map(|t| clean(&t))
        .filter(|t| !t.is_empty());
    let text = tag(block, "TEXT").unwrap_or_default();
    // <P> elements are paragraphs.
    let text = replace_ci(&replace_ci(&text, "<P>", "\n\n"), "</P>", "\n\n");
    let body = body_text(&text);
    if title.is_none() && body.is_empty() {
        return None;
    }
    let date = ["DATE", "DATE_TIME", "DATELINE"]
        .iter()
        .find_map(|t| tag(block, t))
        .and_then(|d| parse_date(&clean(&d)));
    Some(Article {
        path: path.to_path_buf(),
        record: Some(record),
        title,
        date,
        source: tag(block, "SOURCE")
            .map(|s| clean(&s))
            .filter(|s| !s.is_empty()),
        url: None,
        authors: tag(block, "BYLINE")
            .map(|b| split_byline(&clean(&b)))
            .unwrap_or_default(),
        body,
        body_offset: 0,
        preamble: String::new(),
    })
}

/// Case-insensitive find of an ASCII needle.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from >= h.len() || h.len() - from < n.len() {
        return None;
    }
    // Jump between occurrences of the first byte (a '<' for tags) instead of testing
    // every position: tag lookups were a tenth of Reuters' indexing time.
    if !n[0].is_ascii_alphabetic() {
        let last = h.len() - n.len();
        return memchr::memchr_iter(n[0], &h[from..=last])
            .map(|i| from + i)
            .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n));
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn replace_ci(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(i) = find_ci(text, from, pos) {
        out.push_str(&text[pos..i]);
        out.push_str(to);
        pos = i + from.len();
    }
    out.push_str(&text[pos..]);
    out
}

/// The content of the first `<NAME …>…</NAME>` in `block`.
fn tag(block: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let i = find_ci(block, &open, from)?;
        // "<TEXT" must not match "<TEXTS"; the name ends at '>' or a space.
        let after = block.as_bytes().get(i + open.len()).copied();
        if matches!(after, Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\n')) {
            break i;
        }
        from = i + open.len();
    };
    let content_start = block[start..].find('>').map(|g| start + g + 1)?;
    let close = format!("</{name}>");
    let end = find_ci(block, &close, content_start).unwrap_or(block.len());
    Some(block[content_start..end].to_string())
}

fn attribute(open_tag: &str, name: &str) -> Option<String> {
    let i = find_ci(open_tag, &format!("{name}=\""), 0)?;
    let rest = &open_tag[i + name.len() + 2..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Entities decoded, control codes and inner tags removed, whitespace of each line trimmed.
fn clean(s: &str) -> String {
    strip(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip(s: &str) -> String {
    let mut no_tags = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => no_tags.push(c),
            _ => {}
        }
    }
    let no_codes = drop_control_entities(&no_tags);
    html_escape::decode_html_entities(&no_codes)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// Removes numeric entities of control codes (`&#3;`, `&#22;`), which the entity decoder
/// leaves as written.
fn drop_control_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let control = digits > 0
            && after.as_bytes().get(digits) == Some(&b';')
            && after[..digits]
                .parse::<u32>()
                .is_ok_and(|n| n < 32 && n != 9 && n != 10);
        if control {
            rest = &after[digits + 1..];
        } else {
            out.push_str("&#");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Wire copy → body text: indented lines start paragraphs, the sign-off goes.
fn body_text(raw: &str) -> String {
    let text = strip(raw);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let indented = line.starts_with("    ") || line.starts_with('\t');
        if indented && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(line.trim());
        out.push('\n');
    }
    let mut body = out.trim().to_string();
    // Some stories are signed off twice ("… said. Reuter\n Reuter").
    while let Some(rest) = ["Reuter", "REUTER", "Reuters", "REUTERS"]
        .iter()
        .find_map(|sign_off| body.strip_suffix(sign_off))
        .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
    {
        body = rest.trim_end().to_string();
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ci_on_text_shorter_than_the_needle() {
        assert_eq!(find_ci("\"", "<REUTERS", 0), None);
        assert_eq!(find_ci("ab<p>", "<P>", 0), Some(2));
        assert_eq!(find_ci("<p>", "<P>", 1), None);
    }

    const REUTERS: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>31-MAR-1987 605:12:19.12</DATE>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>COCOA &lt;PRICES&gt; RISE</TITLE>
<AUTHOR>    by Jane Roe, Reuters</AUTHOR>
<DATELINE>    SALVADOR, March 31 - </DATELINE><BODY>Showers continued in
the zone, traders said.
    "Prices rose," said Comissaria Smith.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="8">
<DATE>1-APR-1987</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ONLY A TITLE
</TITLE>
&#3;
</TEXT>
</REUTERS>"#;

    #[test]
    fn reuters_stories() {
        let p = parse(Path::new("r.sgm"), REUTERS);
        assert_eq!(p.articles.len(), 2, "{:?}", p.problems);
        let a = &p.articles[0];
        assert_eq!(a.record.as_deref(), Some("7"));
        assert_eq!(a.title.as_deref(), Some("COCOA <PRICES> RISE"));
        assert_eq!(
            a.date.map(|d| d.format("%F").to_string()).as_deref(),
            Some("1987-03-31")
        );
        assert_eq!(a.authors, ["Jane Roe"]);
        assert_eq!(
            a.body,
            "Showers continued in\nthe zone, traders said.\n\n\"Prices rose,\" said Comissaria Smith."
        );
        assert!(!a.body.contains("SALVADOR"));
        let b = &p.articles[1];
        assert_eq!(b.title.as_deref(), Some("ONLY A TITLE"));
        assert!(b.body.is_empty());
        assert_eq!(
            b.date.map(|d| d.format("%F").to_string()).as_deref(),
            Some("1987-04-01")
        );
    }

    #[test]
    fn trec_documents() {
        let t = "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<DATE>1988-02-12</DATE>\n<HEADLINE>Storm hits coast</HEADLINE>\n<TEXT>\n<P>First para.</P>\n<P>\"Second,\" she said.</P>\n</TEXT>\n</DOC>\n<DOC><DOCNO>X2</DOCNO><TEXT>Body only &amp; more.</TEXT></DOC>";
        let p = parse(Path::new("ap.sgml"), t);
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[0].record.as_deref(), Some("AP880212-0001"));
        assert_eq!(p.articles[0].title.as_deref(), Some("Storm hits coast"));
        assert_eq!(crate::passages::segment(&p.articles[0].body).len(), 2);
        assert_eq!(p.articles[1].body, "Body only & more.");
    }
}
