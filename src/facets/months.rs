//! Passages per month of publication (`YYYYMM`, 0 for undated): from the facet layout's
//! month index of each marked passage, or from the `month` column as documents arrive.

use super::marked::Marked;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use tantivy::DocId;
use tantivy::columnar::Column;

/// Month counts of a segment read from the `month` column.
pub(super) struct MonthRun {
    column: Column<u64>,
    counts: FxHashMap<u64, u64>,
    /// The month of the previous document and its count so far: passages of one article
    /// are neighbours, so most documents add to the same month as the one before.
    run: Option<(u64, u64)>,
}

impl MonthRun {
    pub(super) fn new(column: Column<u64>) -> MonthRun {
        MonthRun {
            column,
            counts: FxHashMap::default(),
            run: None,
        }
    }

    pub(super) fn add(&mut self, doc: DocId) {
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

    pub(super) fn finish(mut self) -> FxHashMap<u64, u64> {
        if let Some((m, n)) = self.run.take() {
            *self.counts.entry(m).or_default() += n;
        }
        self.counts
    }
}

impl Marked {
    /// Adds the months of the marked passages to `months`.
    pub(super) fn add_months(&self, months: &mut BTreeMap<u64, u64>) {
        let mut per_index = vec![0u64; self.segment.months.len()];
        self.for_each_doc(|doc| {
            if let Some(n) = self
                .segment
                .month(doc)
                .and_then(|i| per_index.get_mut(usize::from(i)))
            {
                *n += 1;
            }
        });
        for (&m, n) in self.segment.months.iter().zip(per_index) {
            if n > 0 {
                *months.entry(u64::from(m)).or_default() += n;
            }
        }
    }
}
