//! Run a query: the top passages with snippets, the exact number of matches, and (on
//! request) exact speaker and date counts over all matches.

use crate::error::Result;
use crate::facets::{FacetCounts, SpeakerCount};
use crate::highlight::{Snippet, StemmedHighlighter};
use crate::index::IndexHandle;
use crate::query::{Filters, build};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::Query;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Order, ReloadPolicy, Score, Searcher, TantivyDocument};

/// How many speakers `--facets` lists.
pub const TOP_SPEAKERS: usize = 10;

/// What to search for.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Query text (tantivy syntax); empty matches every passage.
    pub query: String,
    /// Filters on top of the query.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first.
    pub offset: usize,
    /// Also count speakers and dates over all matches.
    pub facets: bool,
    /// The order of the hits.
    pub sort: Sort,
}

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Latest publication date first; the better score first within a date, undated last.
    Newest,
    /// Earliest publication date first; the better score first within a date, undated
    /// last.
    Oldest,
}

/// One ranked passage.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank (offset included).
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// Publication day, `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// Outlet, or null.
    pub source: Option<String>,
    /// Article title (or its first sentence when it has none).
    pub title: String,
    /// Article id: file path, plus `#record` inside multi-article files.
    pub article: String,
    /// Position of the passage in the article, from 0.
    pub passage: u64,
    /// Canonical URL, or null.
    pub url: Option<String>,
    /// Speakers quoted in this passage (canonical names).
    pub speakers: Vec<String>,
    /// The whole passage text.
    pub text: String,
    /// Best sentence or two of the passage.
    #[serde(skip)]
    pub snippet: Snippet,
}

/// A value and how many matching passages have it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Bucket {
    /// Year (`2024`), month (`2024-02`), speaker name, or `undated`.
    pub value: String,
    /// Matching passages.
    pub count: u64,
}

/// A speaker with exact counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerRow {
    /// Canonical name.
    pub name: String,
    /// Matching passages quoting the speaker.
    pub passages: u64,
    /// Distinct articles among them.
    pub articles: u64,
    /// Every name merged into this one (itself included), when more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
}

/// Exact counts over all matches.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Facets {
    /// The most quoted speakers, most passages first.
    pub speakers: Vec<SpeakerRow>,
    /// Passages per year, oldest first.
    pub years: Vec<Bucket>,
    /// Passages per month, oldest first.
    pub months: Vec<Bucket>,
    /// Passages without a date.
    pub undated: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// The query text as given.
    pub query: String,
    /// Matching passages in all.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Present when facets were requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// The last path component of a facet (`/Vedant Patel` → `Vedant Patel`).
pub fn facet_leaf(f: &Facet) -> String {
    f.to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn searcher(handle: &IndexHandle) -> Result<Searcher> {
    if let Some(r) = handle.reader.get() {
        return Ok(r.searcher());
    }
    let reader: tantivy::IndexReader = handle
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(handle.reader.get_or_init(|| reader).searcher())
}

thread_local! {
    /// The body's highlighter (for the analyzer `schema` registers for it), kept for the
    /// thread's life: its table of stems then serves every query, not just one.
    static HIGHLIGHTER: std::cell::RefCell<StemmedHighlighter> = std::cell::RefCell::new(
        StemmedHighlighter::new(),
    );
}

/// Runs `req` against the index.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> Result<SearchResults> {
    let query = build(handle, &req.query, &req.filters)?;
    let searcher = searcher(handle)?;
    let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
    let (top_docs, total, facets) = match req.sort {
        Sort::Relevance => collect(handle, &searcher, &query, req, top.order_by_score())?,
        Sort::Newest | Sort::Oldest => {
            let order = if req.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let schema = handle.index.schema();
            let date = SortByStaticFastValue::<tantivy::DateTime>::for_field(
                schema.get_field_name(handle.fields.date),
            );
            let by_date = top.order_by(((date, order), (SortBySimilarityScore, Order::Desc)));
            let (hits, total, facets) = collect(handle, &searcher, &query, req, by_date)?;
            let hits = hits.into_iter().map(|((_, score), a)| (score, a)).collect();
            (hits, total, facets)
        }
    };
    let top_docs: Vec<(Score, DocAddress)> = if req.limit == 0 { vec![] } else { top_docs };

    let f = &handle.fields;
    let mut terms = HashSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == f.text
            && let Some(s) = term.value().as_str()
        {
            terms.insert(s.to_string());
        }
    });
    let mut hits = Vec::with_capacity(top_docs.len());
    for (i, (score, addr)) in top_docs.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text_of = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(String::from)
        };
        let text = text_of(f.text).unwrap_or_default();
        let mut speakers: Vec<String> = Vec::new();
        for v in doc.get_all(f.speakers) {
            if let Some(s) = v.as_str() {
                let c = handle.groups.canonical(s).to_string();
                if !speakers.contains(&c) {
                    speakers.push(c);
                }
            }
        }
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
                .map(|d| d.format("%Y-%m-%d").to_string()),
            source: text_of(f.source),
            title: text_of(f.heading).unwrap_or_default(),
            article: text_of(f.article).unwrap_or_default(),
            passage: doc
                .get_first(f.ordinal)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            url: text_of(f.url),
            speakers,
            snippet: HIGHLIGHTER.with(|h| h.borrow_mut().snippet(&text, &terms)),
            text,
        });
    }
    Ok(SearchResults {
        query: req.query.clone(),
        total,
        hits,
        facets,
    })
}

/// Runs `top` over `query` with the total count and, when `req` asks for them, the facets.
fn collect<C: Collector>(
    handle: &IndexHandle,
    searcher: &Searcher,
    query: &dyn Query,
    req: &SearchRequest,
    top: C,
) -> Result<(C::Fruit, usize, Option<Facets>)> {
    // Ranking and counting apart when the query is words joined by OR: see
    // `query::is_disjunction`. Only ranking by score skips matches; a date order reads
    // them all, so it ranks and counts in one pass.
    let apart = req.sort == Sort::Relevance
        && req.filters.is_empty()
        && crate::query::is_disjunction(&req.query);
    Ok(if req.facets {
        let counts = FacetCounts::new(handle, Some(TOP_SPEAKERS)).with_months();
        let (t, c) = if apart {
            (
                searcher.search(query, &top)?,
                searcher.search(query, &counts)?,
            )
        } else {
            searcher.search(query, &(top, counts))?
        };
        let total = usize::try_from(c.total).unwrap_or(usize::MAX);
        (t, total, Some(make_facets(handle, c.months, c.speakers)))
    } else if apart {
        (
            searcher.search(query, &top)?,
            searcher.search(query, &Count)?,
            None,
        )
    } else {
        let (t, c) = searcher.search(query, &(top, Count))?;
        (t, c, None)
    })
}

fn make_facets(
    handle: &IndexHandle,
    months: BTreeMap<u64, u64>,
    speakers: HashMap<String, SpeakerCount>,
) -> Facets {
    let mut out = Facets::default();
    let mut years: BTreeMap<u64, u64> = BTreeMap::new();
    for (&m, &c) in &months {
        if m == 0 {
            out.undated = c;
            continue;
        }
        *years.entry(m / 100).or_default() += c;
        out.months.push(Bucket {
            value: format!("{:04}-{:02}", m / 100, m % 100),
            count: c,
        });
    }
    out.years = years
        .into_iter()
        .map(|(y, c)| Bucket {
            value: y.to_string(),
            count: c,
        })
        .collect();
    let mut rows = merge_speakers(handle, speakers);
    rows.truncate(TOP_SPEAKERS);
    out.speakers = rows;
    out
}

/// Speaker rows with their variants, most passages first.
fn merge_speakers(
    handle: &IndexHandle,
    speakers: HashMap<String, SpeakerCount>,
) -> Vec<SpeakerRow> {
    // The collector has already merged variants under their canonical names.
    let mut rows: Vec<SpeakerRow> = speakers
        .into_iter()
        .map(|(name, c)| {
            let variants = handle.groups.variants_of(&name);
            SpeakerRow {
                passages: c.passages,
                articles: c.articles,
                variants,
                name,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then(b.articles.cmp(&a.articles))
            .then(a.name.cmp(&b.name))
    });
    rows
}

/// Every speaker of the passages matching `query` and `filters`, with exact counts.
pub fn speakers(handle: &IndexHandle, query: &str, filters: &Filters) -> Result<Vec<SpeakerRow>> {
    let q = build(handle, query, filters)?;
    let counts = searcher(handle)?.search(&q, &FacetCounts::new(handle, None))?;
    Ok(merge_speakers(handle, counts.speakers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::writer::{IndexOptions, run};
    use std::sync::atomic::AtomicBool;

    #[test]
    fn ranking_and_counting_apart_finds_what_one_pass_finds()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let index = dir.path().join("index");
        let mut opts = IndexOptions::new(&corpus, &index);
        opts.commit_every_files = 2;
        run(&opts, &crate::progress::Silent, &AtomicBool::new(false))?;
        let handle = crate::index::open(&index)?;
        for (text, offset) in [("said", 0), ("minister OR president", 3), ("strikes", 0)] {
            assert!(crate::query::is_disjunction(text));
            let req = SearchRequest {
                query: text.into(),
                filters: Default::default(),
                limit: 5,
                offset,
                facets: false,
                sort: Sort::Relevance,
            };
            let got = search(&handle, &req)?;
            let query = build(&handle, text, &Default::default())?;
            let top = TopDocs::with_limit(5).and_offset(offset).order_by_score();
            let (want, total) = searcher(&handle)?.search(&query, &(top, Count))?;
            assert!(total > 0, "{text}");
            assert_eq!(got.total, total, "{text}");
            let scores: Vec<f32> = got.hits.iter().map(|h| h.score).collect();
            let expected: Vec<f32> = want.iter().map(|(s, _)| *s).collect();
            assert_eq!(scores, expected, "{text}");
        }
        Ok(())
    }
}
