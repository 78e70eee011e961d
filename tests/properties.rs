//! Property tests: no input makes a parser, the quote extractor, the segmenter or the
//! highlighter panic, and their outputs keep their invariants (offsets on character
//! boundaries, inside the text).

use newsidx::formats::{Format, parse};
use proptest::prelude::*;
use std::path::Path;

/// Text built from the characters that matter to the parsers: quotation marks of every
/// kind, apostrophes, brackets, punctuation, line breaks, letters and some non-ASCII.
fn newsy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\"".to_string()),
            Just("\u{201c}".to_string()),
            Just("\u{201d}".to_string()),
            Just("\u{2018}".to_string()),
            Just("\u{2019}".to_string()),
            Just("\u{00ab}".to_string()),
            Just("'".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just(": ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(" said ".to_string()),
            Just(" told ".to_string()),
            Just(" according to ".to_string()),
            Just(" he ".to_string()),
            Just("Mr ".to_string()),
            Just("Vedant Patel".to_string()),
            Just("the State Department".to_string()),
            Just("---\ntitle: x\n---\n".to_string()),
            "[A-Za-z]{1,8}",
            "[\u{0}-\u{7f}]{1,4}",
            "\\PC{1,3}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    #[test]
    fn quote_extraction_never_panics_and_offsets_hold(text in newsy()) {
        for q in newsidx::quotes::extract(&text) {
            prop_assert!(q.start < q.end && q.end <= text.len());
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            prop_assert_eq!(&text[q.start..q.end], q.text.as_str());
        }
    }

    #[test]
    fn segmentation_and_sentences_hold(text in newsy()) {
        for p in newsidx::passages::segment(&text) {
            prop_assert!(p.start <= p.end && p.end <= text.len());
            prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            prop_assert!(!p.text.trim().is_empty());
        }
        for r in newsidx::passages::sentence_spans(&text) {
            prop_assert!(r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn every_format_parser_survives(text in newsy(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        for (name, format) in [("a.txt", Format::Text), ("a.md", Format::Markdown), ("a.json", Format::Json), ("a.jsonl", Format::JsonLines), ("a.sgm", Format::Sgml), ("a.csv", Format::Csv), ("a.html", Format::Html)] {
            if let Ok(parsed) = parse(Path::new(name), &text, format) {
                for a in &parsed.articles {
                    let _ = newsidx::analyze::analyze(a);
                    let _ = a.display_title();
                }
            }
        }
        if let Ok(d) = newsidx::decode::decode(&bytes) {
            let _ = parse(Path::new("b.txt"), &d.text, Format::Text);
        }
        if let Ok(d) = newsidx::decode::decode_html(&bytes) {
            let _ = parse(Path::new("b.html"), &d.text, Format::Html);
        }
        // Markup soup built from the text: unbalanced tags, scripts, JSON-LD, dates.
        let soup = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"NewsArticle\",\"headline\":{:?}}}</script></head><body><h1>{}<div class=share><p>{}</b></i><time datetime='{}'>{}</td></table>",
            text, text, text, text, text
        );
        if let Ok(parsed) = parse(Path::new("c.html"), &soup, Format::Html) {
            for a in &parsed.articles {
                let _ = newsidx::analyze::analyze(a);
            }
        }
    }

    #[test]
    fn json_records_with_odd_fields_survive(title in "\\PC{0,20}", date in "\\PC{0,30}", body in newsy()) {
        let record = serde_json::json!({"title": title, "date": date, "text": body, "authors": [1, null, "x"], "source": {"name": 5}});
        let text = format!("[{record}, 7, null, \"x\"]");
        let parsed = parse(Path::new("a.json"), &text, Format::Json).expect("an array always parses");
        prop_assert_eq!(parsed.articles.len() + parsed.problems.len(), 4);
    }

    #[test]
    fn date_parsers_never_panic(s in "\\PC{0,40}", digits in "[0-9]{1,6}(-[0-9]{1,3}){0,3}") {
        let _ = newsidx::dates::parse_date(&s);
        let _ = newsidx::dates::parse_date(&digits);
        for b in [newsidx::dates::Bound::Start, newsidx::dates::Bound::End] {
            let _ = newsidx::dates::parse_bound(&s, b);
            let _ = newsidx::dates::parse_bound(&digits, b);
        }
        let _ = newsidx::dates::date_from_path(Path::new(&s));
    }

    #[test]
    fn snippets_stay_on_character_boundaries(text in newsy(), words in proptest::collection::vec("[a-z]{1,6}", 0..4)) {
        let mut analyzer = tantivy::tokenizer::TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
            .filter(tantivy::tokenizer::LowerCaser)
            .build();
        let terms = words.into_iter().collect();
        let s = newsidx::highlight::snippet(&text, &terms, &mut analyzer);
        for h in &s.highlights {
            prop_assert!(h.end <= s.text.len() && s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
        }
    }
}
