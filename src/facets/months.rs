//! Passages per month of publication (`YYYYMM`, 0 for undated), from the facet layout's
//! month index per passage or from the `month` column.

use crate::index::facet_layout::{FacetLayout, SegmentLayout};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts matching passages per `YYYYMM` (0 = undated).
pub struct MonthCounts {
    /// The index's facet layout, when it has one.
    pub layout: Option<Arc<FacetLayout>>,
}

/// Per-segment part of [`MonthCounts`].
pub struct MonthSegment {
    source: MonthSource,
    counts: FxHashMap<u64, u64>,
}

enum MonthSource {
    /// The layout's month index per document, counted per index.
    Layout {
        segment: Arc<SegmentLayout>,
        per_index: Vec<u64>,
    },
    Column {
        column: Column<u64>,
        /// The month of the previous document and its count so far: passages of one
        /// article are neighbours, so most documents add to the same month as the one
        /// before.
        run: Option<(u64, u64)>,
    },
}

impl Collector for MonthCounts {
    type Fruit = BTreeMap<u64, u64>;
    type Child = MonthSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MonthSegment> {
        let source = match self.layout.as_ref().and_then(|l| l.segment(reader)) {
            Some(segment) => MonthSource::Layout {
                per_index: vec![0; segment.months.len()],
                segment,
            },
            None => MonthSource::Column {
                column: reader.fast_fields().u64("month")?,
                run: None,
            },
        };
        Ok(MonthSegment {
            source,
            counts: FxHashMap::default(),
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
        match &mut self.source {
            MonthSource::Layout { segment, per_index } => {
                if let Some(n) = segment
                    .month(doc)
                    .and_then(|i| per_index.get_mut(usize::from(i)))
                {
                    *n += 1;
                }
            }
            MonthSource::Column { column, run } => {
                let month = column.first(doc).unwrap_or(0);
                match run {
                    Some((m, n)) if *m == month => *n += 1,
                    _ => {
                        if let Some((m, n)) = run.take() {
                            *self.counts.entry(m).or_default() += n;
                        }
                        *run = Some((month, 1));
                    }
                }
            }
        }
    }

    fn harvest(mut self) -> FxHashMap<u64, u64> {
        match self.source {
            MonthSource::Layout { segment, per_index } => {
                for (&m, n) in segment.months.iter().zip(per_index) {
                    if n > 0 {
                        *self.counts.entry(u64::from(m)).or_default() += n;
                    }
                }
            }
            MonthSource::Column { run, .. } => {
                if let Some((m, n)) = run {
                    *self.counts.entry(m).or_default() += n;
                }
            }
        }
        self.counts
    }
}
