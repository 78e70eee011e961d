//! Exact counts over all matching passages: per month (and so per year), and per speaker
//! with the number of distinct articles.
//!
//! Both are tantivy collectors reading fast fields, so counting touches no stored document.

use crate::aliases::SpeakerGroups;
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
    counts: HashMap<u64, u64>,
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
            counts: HashMap::new(),
            run: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<u64, u64>>) -> tantivy::Result<BTreeMap<u64, u64>> {
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
    type Fruit = HashMap<u64, u64>;

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

    fn harvest(mut self) -> HashMap<u64, u64> {
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
    /// Per canonical id: passages, distinct articles, and the last article seen. A
    /// file's passages are consecutive documents of one segment and documents are
    /// collected in order, so an article is new exactly when it differs from the last.
    counts: HashMap<u32, (u64, u64, u64)>,
    doc_canons: Vec<u32>,
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
            counts: HashMap::new(),
            doc_canons: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, u64, u64)>>) -> tantivy::Result<Self::Fruit> {
        let mut by_id: HashMap<u32, (u64, u64)> = HashMap::new();
        for f in fruits {
            for (id, p, a) in f {
                let e = by_id.entry(id).or_default();
                e.0 += p;
                e.1 += a;
            }
        }
        let mut rows: Vec<(u32, u64, u64)> =
            by_id.into_iter().map(|(i, (p, a))| (i, p, a)).collect();
        if let Some(k) = self.top
            && rows.len() > k
        {
            rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.1, r.2)));
            let cut = (rows[k - 1].1, rows[k - 1].2);
            let keep = rows
                .iter()
                .position(|r| (r.1, r.2) < cut)
                .unwrap_or(rows.len());
            rows.truncate(keep.max(k));
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
        let article = self.articles.as_ref().and_then(|c| c.term_ords(doc).next());
        for &c in &self.doc_canons {
            let e = self.counts.entry(c).or_insert((0, 0, u64::MAX));
            e.0 += 1;
            if let Some(a) = article
                && a != e.2
            {
                e.1 += 1;
                e.2 = a;
            }
        }
    }

    fn harvest(self) -> Vec<(u32, u64, u64)> {
        self.counts
            .into_iter()
            .map(|(id, (p, a, _))| (id, p, a))
            .collect()
    }
}
