//! Exact counts over all matching passages: per month (and so per year), and per speaker
//! with the number of distinct articles.
//!
//! Both are tantivy collectors reading fast fields, so counting touches no stored document.

use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts matching passages per `YYYYMM` (0 = undated).
pub struct MonthCounts;

/// Per-segment part of [`MonthCounts`].
pub struct MonthSegment {
    column: Column<u64>,
    counts: HashMap<u64, u64>,
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
        *self
            .counts
            .entry(self.column.first(doc).unwrap_or(0))
            .or_default() += 1;
    }

    fn harvest(self) -> HashMap<u64, u64> {
        self.counts
    }
}

/// Passages and distinct articles per speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerCount {
    /// Passages quoting the speaker.
    pub passages: u64,
    /// Ids of the articles quoting the speaker.
    pub articles: HashSet<String>,
}

/// Counts matching passages and articles per speaker name.
pub struct SpeakerCounts;

/// Per-segment part of [`SpeakerCounts`].
pub struct SpeakerSegment {
    facets: FacetReader,
    articles: Option<StrColumn>,
    counts: HashMap<u64, (u64, HashSet<u64>)>,
}

impl Collector for SpeakerCounts {
    type Fruit = HashMap<String, SpeakerCount>;
    type Child = SpeakerSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SpeakerSegment> {
        Ok(SpeakerSegment {
            facets: reader.facet_reader("speaker_facet")?,
            articles: reader.fast_fields().str("article")?,
            counts: HashMap::new(),
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
                e.articles.extend(v.articles);
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SpeakerSegment {
    type Fruit = HashMap<String, SpeakerCount>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let article = self.articles.as_ref().and_then(|c| c.term_ords(doc).next());
        for ord in self.facets.facet_ords(doc) {
            let e = self.counts.entry(ord).or_default();
            e.0 += 1;
            if let Some(a) = article {
                e.1.insert(a);
            }
        }
    }

    fn harvest(self) -> HashMap<String, SpeakerCount> {
        let mut out = HashMap::new();
        let mut facet = Facet::root();
        let mut buf = String::new();
        for (ord, (passages, arts)) in self.counts {
            if self.facets.facet_from_ord(ord, &mut facet).is_err() {
                continue;
            }
            let name = crate::search::facet_leaf(&facet);
            let mut articles = HashSet::new();
            if let Some(col) = &self.articles {
                for a in arts {
                    buf.clear();
                    if col.ord_to_str(a, &mut buf).unwrap_or(false) {
                        articles.insert(buf.clone());
                    }
                }
            }
            out.insert(name, SpeakerCount { passages, articles });
        }
        out
    }
}
