//! Exact counts over all matching passages: per month (and so per year), and per speaker
//! with the number of distinct articles.
//!
//! Both are tantivy collectors, so counting touches no stored document. They read each
//! segment's arrays in the [`FacetLayout`] saved with the index, and tantivy's fast fields
//! for a segment the layout does not cover; the counts are the same either way.
//!
//! | module | job |
//! | --- | --- |
//! | `months` | passages per month |
//! | this one | passages and articles per speaker: the collector and its merge |
//! | `marked` | a layout segment's matches, counted match by match or speaker by speaker |
//! | `tally` | the count tables: per segment, per query, the top k |
//! | `names` | canonical names and ids for segments read from the columns |

mod marked;
mod months;
mod names;
mod tally;

use months::MonthRun;
pub use names::{SegmentSpeakers, SpeakerTableSet, SpeakerTables, speaker_names};

use crate::aliases::SpeakerGroups;
use crate::index::IndexHandle;
use crate::index::facet_layout::FacetLayout;
use marked::{Marked, SCAN_RATIO, TOP_SCAN_RATIO, top_by_speaker};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use tally::{Sums, Tally, add_tally, count_doc};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Passages and distinct articles per speaker (canonical name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerCount {
    /// Passages quoting the speaker under any of its merged names, each counted once.
    pub passages: u64,
    /// Distinct articles among them. Exact because the indexer writes all passages of a
    /// file into one segment, so per-segment counts add up without double counting.
    pub articles: u64,
}

/// What [`FacetCounts`] found over the passages a query matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// Matching passages.
    pub total: u64,
    /// Passages per `YYYYMM` (0: undated); empty unless months were asked for.
    pub months: BTreeMap<u64, u64>,
    /// Per canonical speaker name.
    pub speakers: HashMap<String, SpeakerCount>,
}

/// Counts the passages a query matches: in all, per month, and per speaker with their
/// articles, merging variant names (by the index's [`SpeakerGroups`]) as it goes, so a
/// passage naming "Mr Patel" and "Vedant Patel" counts once.
///
/// In a segment the [`FacetLayout`] covers, collecting only marks the matching passages;
/// the counting happens once every segment is marked. Months: one array read per mark.
/// Speakers, in one of three ways: match by match for segments with few matches; speaker
/// by speaker, scanning each speaker's passages against the marks, for segments with
/// many; and, when only the top speakers are wanted, speaker by speaker from the most
/// quoted down, stopping as soon as no speaker left could reach the top (every count
/// shown stays exact).
pub struct FacetCounts {
    groups: Arc<SpeakerGroups>,
    tables: Arc<SpeakerTables>,
    layout: Option<Arc<FacetLayout>>,
    top: Option<usize>,
    months: bool,
    /// What the query's segments left for the merge.
    state: Arc<Mutex<QueryState>>,
}

impl FacetCounts {
    /// Counts over the index behind `handle`, keeping only the speakers ranking in the
    /// first `top` by passages then articles (ties at the cut kept too); `None` keeps
    /// all. Facets show ten; naming thousands of speakers only to drop them was most of
    /// the cost of `--facets`. Months are not counted unless asked for
    /// ([`FacetCounts::with_months`]).
    pub fn new(handle: &IndexHandle, top: Option<usize>) -> FacetCounts {
        FacetCounts {
            groups: Arc::clone(&handle.groups),
            tables: Arc::clone(&handle.speaker_tables),
            layout: handle.facet_layout(),
            top,
            months: false,
            state: Arc::default(),
        }
    }

    /// The same, counting months too.
    pub fn with_months(self) -> FacetCounts {
        FacetCounts {
            months: true,
            ..self
        }
    }
}

/// What a query's segments hand to the merge.
#[derive(Default)]
struct QueryState {
    /// Matching passages of the segments harvested.
    total: u64,
    /// Speaker counts of segments already counted.
    sums: Sums,
    /// Month counts of segments counted from the columns.
    months: FxHashMap<u64, u64>,
    /// Layout segments marked but not counted yet.
    marked: Vec<Marked>,
    /// Whether a segment was counted from the columns: its ids may lie past the
    /// layout's, which the top-k bound does not cover.
    from_columns: bool,
}

/// Per-segment part of [`FacetCounts`].
pub struct FacetSegment {
    source: FacetSource,
    state: Arc<Mutex<QueryState>>,
    tables: Arc<SpeakerTables>,
}

enum FacetSource {
    /// A layout segment: collecting marks the matching documents.
    Layout(Marked),
    /// A segment counted from tantivy's columns as its documents are collected.
    Columns(Box<ColumnCounts>),
}

/// A segment counted from tantivy's columns.
struct ColumnCounts {
    /// Documents collected.
    count: u64,
    months: Option<MonthRun>,
    facets: FacetReader,
    articles: Option<StrColumn>,
    table: Arc<SegmentSpeakers>,
    doc_canons: Vec<u32>,
    tally: Tally,
    /// Documents counted so far (the tally turns dense past [`DENSE_AFTER`]).
    docs: u32,
    /// One more than the largest id the segment can count: the dense tally's size.
    ids: usize,
}

impl ColumnCounts {
    fn collect(&mut self, doc: DocId, tables: &SpeakerTables) {
        self.count += 1;
        if let Some(m) = &mut self.months {
            m.add(doc);
        }
        self.doc_canons.clear();
        for ord in self.facets.facet_ords(doc) {
            if let Some(&c) = usize::try_from(ord)
                .ok()
                .and_then(|o| self.table.canon_of_ord.get(o))
                && !self.doc_canons.contains(&c)
            {
                self.doc_canons.push(c);
            }
        }
        if self.doc_canons.is_empty() {
            return;
        }
        let article = self
            .articles
            .as_ref()
            .and_then(|c| c.term_ords(doc).next())
            .map(|a| u32::try_from(a).map_or(u32::MAX, |a| a.saturating_add(1)));
        count_doc(&mut self.tally, &mut self.docs, self.ids, tables);
        for &c in &self.doc_canons {
            self.tally.add(c, article);
        }
    }
}

impl Collector for FacetCounts {
    type Fruit = Counted;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let layout = self.layout.as_deref();
        if let Some(segment) = layout.and_then(|l| l.segment(reader)) {
            return Ok(FacetSegment {
                source: FacetSource::Layout(Marked::new(segment)),
                state: Arc::clone(&self.state),
                tables: Arc::clone(&self.tables),
            });
        }
        let facets = reader.facet_reader("speaker_facet")?;
        let table = match self.tables.lock() {
            Ok(mut t) => t.segment(reader.segment_id(), &facets, &self.groups, layout)?,
            Err(_) => {
                return Err(tantivy::TantivyError::InternalError(
                    "speaker table lock".into(),
                ));
            }
        };
        let ids = table
            .canon_of_ord
            .iter()
            .max()
            .map_or(0, |&m| m as usize + 1);
        let months = if self.months {
            Some(MonthRun::new(reader.fast_fields().u64("month")?))
        } else {
            None
        };
        Ok(FacetSegment {
            source: FacetSource::Columns(Box::new(ColumnCounts {
                count: 0,
                months,
                facets,
                articles: reader.fast_fields().str("article")?,
                table,
                doc_canons: Vec::new(),
                tally: Tally::Sparse(FxHashMap::default()),
                docs: 0,
                ids,
            })),
            state: Arc::clone(&self.state),
            tables: Arc::clone(&self.tables),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, _: Vec<()>) -> tantivy::Result<Counted> {
        let lock_error = || tantivy::TantivyError::InternalError("speaker counts lock".into());
        let mut state = std::mem::take(&mut *self.state.lock().map_err(|_| lock_error())?);
        if state.sums.by_id.is_empty()
            && let Ok(mut t) = self.tables.lock()
        {
            state.sums = std::mem::take(&mut t.spare_sums);
        }
        let mut months: BTreeMap<u64, u64> = state.months.drain().collect();
        if self.months {
            for m in &state.marked {
                m.add_months(&mut months);
            }
        }
        let top = self.top.filter(|&k| k > 0);
        let pruned = top.is_some() && self.layout.is_some() && !state.from_columns;
        let ratio = if pruned { TOP_SCAN_RATIO } else { SCAN_RATIO };
        let mut scan = Vec::new();
        for mut m in state.marked.drain(..) {
            if m.worth_scanning(ratio) {
                m.use_bits(&self.tables);
                scan.push(m);
            } else {
                m.add_by_match(&mut state.sums, &self.tables);
                m.recycle(&self.tables);
            }
        }
        let rows = match (top, self.layout.as_deref()) {
            (Some(k), Some(layout)) if pruned && !scan.is_empty() => {
                top_by_speaker(&mut state.sums, &scan, layout, k)
            }
            _ => {
                for m in &scan {
                    m.add_by_speaker(&mut state.sums);
                }
                state.sums.rows(self.top)
            }
        };
        let mut tables = self.tables.lock().map_err(|_| lock_error())?;
        let speakers = rows
            .into_iter()
            .filter_map(|(id, passages, articles)| {
                let name = tables.name(id, self.layout.as_deref())?.to_string();
                Some((name, SpeakerCount { passages, articles }))
            })
            .collect();
        tables.spare_sums = state.sums;
        drop(tables);
        for m in scan {
            m.recycle(&self.tables);
        }
        Ok(Counted {
            total: state.total,
            months,
            speakers,
        })
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = ();

    fn collect(&mut self, doc: DocId, _: Score) {
        match &mut self.source {
            FacetSource::Layout(marked) => marked.mark(doc, &self.tables),
            FacetSource::Columns(c) => c.collect(doc, &self.tables),
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        match &mut self.source {
            FacetSource::Layout(marked) => marked.mark_all(docs, &self.tables),
            FacetSource::Columns(c) => {
                for &doc in docs {
                    c.collect(doc, &self.tables);
                }
            }
        }
    }

    fn harvest(self) {
        // A poisoned lock means another segment's thread panicked; its query fails there.
        let mut state = match self.state.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        match self.source {
            FacetSource::Layout(marked) => {
                state.total += u64::from(marked.count);
                if marked.count > 0 {
                    state.marked.push(marked);
                }
            }
            FacetSource::Columns(c) => {
                state.total += c.count;
                state.from_columns = true;
                if let Some(m) = c.months {
                    for (month, n) in m.finish() {
                        *state.months.entry(month).or_default() += n;
                    }
                }
                add_tally(c.tally, None, &mut state.sums, &self.tables);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::writer::{IndexOptions, run};
    use std::path::Path;
    use std::sync::atomic::AtomicBool;
    use tantivy::index::SegmentId;

    fn counts(
        handle: &IndexHandle,
        query: &str,
        layout: Option<Arc<FacetLayout>>,
        top: Option<usize>,
    ) -> Result<Counted, Box<dyn std::error::Error>> {
        let q = crate::query::build(handle, query, &Default::default())?;
        let searcher = handle.index.reader()?.searcher();
        let collector = FacetCounts {
            groups: Arc::clone(&handle.groups),
            // Ids follow the layout, so each layout gets its own name cache.
            tables: Arc::default(),
            layout,
            top,
            months: true,
            state: Arc::default(),
        };
        let counted = searcher.search(&q, &collector)?;
        assert_eq!(
            counted.total as usize,
            searcher.search(&q, &tantivy::collector::Count)?
        );
        Ok(counted)
    }

    #[test]
    fn the_layout_counts_as_the_columns_do_whole_or_in_part()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut opts = IndexOptions::new(&corpus, dir.path().join("index"));
        opts.commit_every_files = 2;
        run(&opts, &crate::progress::Silent, &AtomicBool::new(false))?;
        let handle = crate::index::open(&dir.path().join("index"))?;
        let whole = handle
            .facet_layout()
            .ok_or("indexing wrote no facet layout")?;
        let segments: Vec<SegmentId> = handle
            .index
            .reader()?
            .searcher()
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        assert!(segments.len() >= 2, "{segments:?}");
        // A segment the layout lacks, as when a search runs while an index run commits.
        let part = Arc::new(
            FacetLayout::build(
                &handle.index.reader()?.searcher(),
                &handle.groups,
                handle.groups_digest,
            )?
            .without_segment(segments[0]),
        );
        for query in [
            "",
            "said",
            "government",
            "\"prime minister\"",
            "no-such-word",
        ] {
            for top in [None, Some(1), Some(3), Some(10)] {
                let want = counts(&handle, query, None, top)?;
                assert!(
                    query == "no-such-word" || !want.speakers.is_empty(),
                    "{query}"
                );
                let got = counts(&handle, query, Some(Arc::clone(&whole)), top)?;
                assert_eq!(got, want, "{query} {top:?}, whole layout");
                let got = counts(&handle, query, Some(Arc::clone(&part)), top)?;
                assert_eq!(got, want, "{query} {top:?}, layout without a segment");
            }
        }
        Ok(())
    }

    #[test]
    fn a_layout_made_for_other_speaker_groups_is_ignored_then_remade()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let index = dir.path().join("index");
        run(
            &IndexOptions::new(&corpus, &index),
            &crate::progress::Silent,
            &AtomicBool::new(false),
        )?;
        assert!(crate::index::open(&index)?.facet_layout().is_some());
        // Groups rewritten (here: a byte more) without the layout: the layout no longer
        // names their ids.
        let groups = index.join(crate::aliases::FILE_NAME);
        let mut bytes = std::fs::read(&groups)?;
        bytes.push(b'\n');
        std::fs::write(&groups, bytes)?;
        let handle = crate::index::open(&index)?;
        assert!(handle.facet_layout().is_none());
        assert!(!counts(&handle, "said", None, Some(10))?.speakers.is_empty());
        // A run that finds nothing to index lays the facets out again for these groups.
        let summary = run(
            &IndexOptions::new(&corpus, &index),
            &crate::progress::Silent,
            &AtomicBool::new(false),
        )?;
        assert_eq!(summary.indexed, 0);
        assert!(crate::index::open(&index)?.facet_layout().is_some());
        Ok(())
    }

    #[test]
    fn dense_tally_counts_as_the_sparse_one() {
        // (canonical id, article) of successive passages: articles come in runs.
        let docs: Vec<(u32, Option<u32>)> = (0..5000u32)
            .map(|i| (i % 7 + (i % 3) * 100, Some(i / 4 + 1)))
            .chain([(5, None), (5, None), (999, Some(1))])
            .collect();
        let mut sparse = Tally::Sparse(FxHashMap::default());
        let mut switched = Tally::Sparse(FxHashMap::default());
        for (n, &(c, a)) in docs.iter().enumerate() {
            if n == 1234 {
                switched.make_dense(1000, vec![[0; 3]; 10]);
            }
            sparse.add(c, a);
            switched.add(c, a);
        }
        let rows = |t: Tally| {
            let mut rows = Vec::new();
            let table = t.drain(|c, p, a| rows.push((c, p, a)));
            (rows, table)
        };
        let ((mut want, _), (mut got, table)) = (rows(sparse), rows(switched));
        assert!(table.is_some_and(|t| t.len() == 1000 && t.iter().all(|s| *s == [0; 3])));
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        assert!(got.contains(&(999, 1, 1)), "{got:?}");
    }
}
