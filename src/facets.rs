//! Exact counts over all matching passages: per month (and so per year), and per speaker
//! with the number of distinct articles.
//!
//! Both are tantivy collectors reading fast fields, so counting touches no stored document.

use crate::aliases::SpeakerGroups;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts matching passages per `YYYYMM` (0 = undated).
pub struct MonthCounts;

/// Per-segment part of [`MonthCounts`].
pub struct MonthSegment {
    column: Column<u64>,
    counts: FxHashMap<u64, u64>,
    /// The month of the previous document and its count so far: passages of one article
    /// are neighbours, so most documents add to the same month as the one before.
    run: Option<(u64, u64)>,
}

impl Collector for MonthCounts {
    type Fruit = BTreeMap<u64, u64>;
    type Child = MonthSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MonthSegment> {
        Ok(MonthSegment {
            column: reader.fast_fields().u64("month")?,
            counts: FxHashMap::default(),
            run: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<FxHashMap<u64, u64>>,
    ) -> tantivy::Result<BTreeMap<u64, u64>> {
        let mut out = BTreeMap::new();
        for f in fruits {
            for (k, v) in f {
                *out.entry(k).or_default() += v;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for MonthSegment {
    type Fruit = FxHashMap<u64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let month = self.column.first(doc).unwrap_or(0);
        match &mut self.run {
            Some((m, n)) if *m == month => *n += 1,
            _ => {
                if let Some((m, n)) = self.run.take() {
                    *self.counts.entry(m).or_default() += n;
                }
                self.run = Some((month, 1));
            }
        }
    }

    fn harvest(mut self) -> FxHashMap<u64, u64> {
        if let Some((m, n)) = self.run.take() {
            *self.counts.entry(m).or_default() += n;
        }
        self.counts
    }
}

/// Passages and distinct articles per speaker (canonical name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerCount {
    /// Passages quoting the speaker under any of its merged names, each counted once.
    pub passages: u64,
    /// Distinct articles among them. Exact because the indexer writes all passages of a
    /// file into one segment, so per-segment counts add up without double counting.
    pub articles: u64,
}

/// One segment's speaker facet ordinals mapped to canonical name ids of [`SpeakerTables`].
#[derive(Debug, Default)]
pub struct SegmentSpeakers {
    canon_of_ord: Vec<u32>,
}

/// Canonical speaker names with ids, and per-segment ordinal → id tables, built once per
/// segment and shared by every query of a session (segments never change once written).
#[derive(Debug, Default)]
pub struct SpeakerTableSet {
    segments: HashMap<SegmentId, Arc<SegmentSpeakers>>,
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

/// The cache an index handle keeps.
pub type SpeakerTables = Mutex<SpeakerTableSet>;

/// Each speaker name of a segment's `speaker_facet`, indexed by facet ordinal.
///
/// Streams the dictionary once: resolving ordinals one at a time decompresses a
/// dictionary block per call, which made facet counting hundreds of times slower.
pub fn speaker_names(reader: &FacetReader) -> tantivy::Result<Vec<String>> {
    let mut out = vec![String::new(); reader.num_facets()];
    let mut stream = reader.facet_dict().stream()?;
    while stream.advance() {
        let Ok(slot) = usize::try_from(stream.term_ord()) else {
            continue;
        };
        if let (Some(o), Ok(f)) = (
            out.get_mut(slot),
            Facet::from_encoded(stream.key().to_vec()),
        ) {
            *o = crate::search::facet_leaf(&f);
        }
    }
    Ok(out)
}

impl SpeakerTableSet {
    fn segment(
        &mut self,
        id: SegmentId,
        reader: &FacetReader,
        groups: &SpeakerGroups,
    ) -> tantivy::Result<Arc<SegmentSpeakers>> {
        if let Some(t) = self.segments.get(&id) {
            return Ok(Arc::clone(t));
        }
        let mut table = SegmentSpeakers::default();
        for name in speaker_names(reader)? {
            let canon = groups.canonical(&name);
            let id = match self.ids.get(canon) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                    self.ids.insert(canon.to_string(), i);
                    self.names.push(canon.to_string());
                    i
                }
            };
            table.canon_of_ord.push(id);
        }
        let t = Arc::new(table);
        self.segments.insert(id, Arc::clone(&t));
        Ok(t)
    }
}

/// Counts matching passages and articles per speaker, merging variant names (by the
/// index's [`SpeakerGroups`]) as it goes, so a passage naming "Mr Patel" and "Vedant
/// Patel" counts once.
pub struct SpeakerCounts {
    /// The corpus's speaker groups.
    pub groups: Arc<SpeakerGroups>,
    /// The handle's cache of names and per-segment tables.
    pub tables: Arc<SpeakerTables>,
    /// Keep only the speakers ranking in the first `top` by passages then articles (ties
    /// at the cut kept too); `None` keeps all. Facets show ten; naming thousands of
    /// speakers only to drop them was most of the cost of `--facets`.
    pub top: Option<usize>,
}

/// Per-segment part of [`SpeakerCounts`].
pub struct SpeakerSegment {
    facets: FacetReader,
    articles: Option<StrColumn>,
    table: Arc<SegmentSpeakers>,
    counts: Tally,
    /// Documents counted so far (the tally turns dense past [`DENSE_AFTER`]).
    docs: u32,
    doc_canons: Vec<u32>,
}

/// Documents with speakers a segment counts in a hash map before it switches to dense
/// tables: few matches should not pay for zeroing a table of every speaker, many
/// matches should not pay for hashing (a third of a `--facets` query over many).
const DENSE_AFTER: u32 = 2048;

/// Per canonical id: passages, distinct articles, and the last article seen (its
/// ordinal plus one; 0 for none). A file's passages are consecutive documents of one
/// segment and documents are collected in order, so an article is new exactly when it
/// differs from the last.
enum Tally {
    Sparse(FxHashMap<u32, [u32; 3]>),
    Dense {
        counts: Vec<[u32; 3]>,
        /// Canonical ids counted at least once.
        touched: Vec<u32>,
    },
}

impl Tally {
    fn add(&mut self, canon: u32, article: Option<u32>) {
        let slot = match self {
            Tally::Sparse(map) => map.entry(canon).or_default(),
            Tally::Dense { counts, touched } => {
                let Some(slot) = counts.get_mut(canon as usize) else {
                    return;
                };
                if slot[0] == 0 {
                    touched.push(canon);
                }
                slot
            }
        };
        slot[0] += 1;
        if let Some(a) = article
            && a != slot[2]
        {
            slot[1] += 1;
            slot[2] = a;
        }
    }

    fn into_dense(self, ids: usize) -> Tally {
        match self {
            Tally::Sparse(map) => {
                let mut counts = vec![[0u32; 3]; ids];
                let mut touched = Vec::with_capacity(map.len());
                for (c, v) in map {
                    if let Some(slot) = counts.get_mut(c as usize) {
                        *slot = v;
                        touched.push(c);
                    }
                }
                Tally::Dense { counts, touched }
            }
            dense => dense,
        }
    }

    fn rows(self) -> Vec<(u32, u64, u64)> {
        match self {
            Tally::Sparse(map) => map
                .into_iter()
                .map(|(c, [p, a, _])| (c, u64::from(p), u64::from(a)))
                .collect(),
            Tally::Dense { counts, touched } => touched
                .into_iter()
                .filter_map(|c| {
                    let [p, a, _] = *counts.get(c as usize)?;
                    Some((c, u64::from(p), u64::from(a)))
                })
                .collect(),
        }
    }
}

impl Collector for SpeakerCounts {
    type Fruit = HashMap<String, SpeakerCount>;
    type Child = SpeakerSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SpeakerSegment> {
        let facets = reader.facet_reader("speaker_facet")?;
        let table = match self.tables.lock() {
            Ok(mut t) => t.segment(reader.segment_id(), &facets, &self.groups)?,
            Err(_) => {
                return Err(tantivy::TantivyError::InternalError(
                    "speaker table lock".into(),
                ));
            }
        };
        Ok(SpeakerSegment {
            facets,
            articles: reader.fast_fields().str("article")?,
            table,
            counts: Tally::Sparse(FxHashMap::default()),
            docs: 0,
            doc_canons: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, u64, u64)>>) -> tantivy::Result<Self::Fruit> {
        // Sized once for the largest segment's speakers: growing it was a tenth of a
        // facet query over many matches.
        let most = fruits.iter().map(Vec::len).max().unwrap_or(0);
        let mut by_id: FxHashMap<u32, (u64, u64)> =
            FxHashMap::with_capacity_and_hasher(most, Default::default());
        for f in fruits {
            for (id, p, a) in f {
                let e = by_id.entry(id).or_default();
                e.0 += p;
                e.1 += a;
            }
        }
        let mut rows: Vec<(u32, u64, u64)> =
            by_id.into_iter().map(|(i, (p, a))| (i, p, a)).collect();
        if let Some(k) = self.top.filter(|&k| k > 0)
            && rows.len() > k
        {
            // Only the k-th row's rank is needed, not a full sort (callers sort what is kept).
            let (_, kth, _) =
                rows.select_nth_unstable_by_key(k - 1, |r| std::cmp::Reverse((r.1, r.2)));
            let cut = (kth.1, kth.2);
            rows.retain(|r| (r.1, r.2) >= cut);
        }
        let tables = self
            .tables
            .lock()
            .map_err(|_| tantivy::TantivyError::InternalError("speaker table lock".into()))?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, passages, articles)| {
                let name = tables.names.get(id as usize)?.clone();
                Some((name, SpeakerCount { passages, articles }))
            })
            .collect())
    }
}

impl SegmentCollector for SpeakerSegment {
    type Fruit = Vec<(u32, u64, u64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
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
        self.docs += 1;
        if self.docs == DENSE_AFTER {
            let ids = self
                .table
                .canon_of_ord
                .iter()
                .max()
                .map_or(0, |&m| m as usize + 1);
            let sparse = std::mem::replace(&mut self.counts, Tally::Sparse(FxHashMap::default()));
            self.counts = sparse.into_dense(ids);
        }
        for &c in &self.doc_canons {
            self.counts.add(c, article);
        }
    }

    fn harvest(self) -> Vec<(u32, u64, u64)> {
        self.counts.rows()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                switched = switched.into_dense(1000);
            }
            sparse.add(c, a);
            switched.add(c, a);
        }
        let (mut want, mut got) = (sparse.rows(), switched.rows());
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        assert!(got.contains(&(999, 1, 1)), "{got:?}");
    }
}
