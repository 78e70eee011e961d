//! Exact counts over all matching passages: per month (and so per year), and per speaker
//! with the number of distinct articles.
//!
//! Both are tantivy collectors reading fast fields, so counting touches no stored document.

use crate::aliases::SpeakerGroups;
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// The speaker names of one segment: facet ordinal → canonical name id, and the names.
#[derive(Debug, Default)]
pub struct SegmentSpeakers {
    canon_of_ord: Vec<u32>,
    names: Vec<String>,
}

/// Per-segment speaker tables, built once per segment and shared by every query of a
/// session (segments never change once written).
pub type SpeakerTables = Mutex<HashMap<SegmentId, Arc<SegmentSpeakers>>>;

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

fn segment_speakers(
    reader: &FacetReader,
    groups: &SpeakerGroups,
) -> tantivy::Result<SegmentSpeakers> {
    let mut table = SegmentSpeakers::default();
    let mut ids: HashMap<String, u32> = HashMap::new();
    for name in speaker_names(reader)? {
        let canon = groups.canonical(&name).to_string();
        let next = u32::try_from(table.names.len()).unwrap_or(u32::MAX);
        let id = *ids.entry(canon.clone()).or_insert_with(|| {
            table.names.push(canon);
            next
        });
        table.canon_of_ord.push(id);
    }
    Ok(table)
}

/// Counts matching passages and articles per speaker, merging variant names (by the
/// index's [`SpeakerGroups`]) as it goes, so a passage naming "Mr Patel" and "Vedant
/// Patel" counts once.
pub struct SpeakerCounts {
    /// The corpus's speaker groups.
    pub groups: Arc<SpeakerGroups>,
    /// The handle's cache of per-segment tables.
    pub tables: Arc<SpeakerTables>,
}

/// Per-segment part of [`SpeakerCounts`].
pub struct SpeakerSegment {
    facets: FacetReader,
    articles: Option<StrColumn>,
    table: Arc<SegmentSpeakers>,
    /// Per canonical name id: passages and the article ordinals seen.
    counts: Vec<(u64, HashSet<u64>)>,
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
        let id = reader.segment_id();
        let cached = self.tables.lock().ok().and_then(|t| t.get(&id).cloned());
        let table = match cached {
            Some(t) => t,
            None => {
                let t = Arc::new(segment_speakers(&facets, &self.groups)?);
                if let Ok(mut tables) = self.tables.lock() {
                    tables.insert(id, Arc::clone(&t));
                }
                t
            }
        };
        Ok(SpeakerSegment {
            facets,
            articles: reader.fast_fields().str("article")?,
            counts: vec![(0, HashSet::new()); table.names.len()],
            table,
            doc_canons: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<String, SpeakerCount>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut out: HashMap<String, SpeakerCount> = HashMap::new();
        for f in fruits {
            for (k, v) in f {
                let e = out.entry(k).or_default();
                e.passages += v.passages;
                e.articles += v.articles;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SpeakerSegment {
    type Fruit = HashMap<String, SpeakerCount>;

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
            if let Some(e) = self.counts.get_mut(c as usize) {
                e.0 += 1;
                if let Some(a) = article {
                    e.1.insert(a);
                }
            }
        }
    }

    fn harvest(self) -> HashMap<String, SpeakerCount> {
        let mut out = HashMap::new();
        for (i, (passages, arts)) in self.counts.into_iter().enumerate() {
            if passages == 0 {
                continue;
            }
            if let Some(name) = self.table.names.get(i) {
                out.insert(
                    name.clone(),
                    SpeakerCount {
                        passages,
                        articles: arts.len() as u64,
                    },
                );
            }
        }
        out
    }
}
