//! The tables counts go into: a segment's tally per speaker id, a query's sums per
//! canonical id, and the top k of them.

use super::names::{SPARE_TALLIES, SpeakerTables, spare_tally};
use rustc_hash::FxHashMap;
use std::collections::BinaryHeap;

/// Passages and articles per canonical id, over the segments counted so far.
#[derive(Debug, Default)]
pub(super) struct Sums {
    /// Indexed by canonical id; zero where not touched.
    pub(super) by_id: Vec<(u64, u64)>,
    pub(super) touched: Vec<u32>,
}

impl Sums {
    pub(super) fn add(&mut self, id: u32, passages: u64, articles: u64) {
        let i = id as usize;
        if i >= self.by_id.len() {
            self.by_id.resize((i + 1).max(self.by_id.len() * 2), (0, 0));
        }
        if let Some(e) = self.by_id.get_mut(i) {
            if e.0 == 0 {
                self.touched.push(id);
            }
            e.0 += passages;
            e.1 += articles;
        }
    }

    /// The counts of `id`, zeroed in the table (still listed as touched).
    pub(super) fn take(&mut self, id: u32) -> (u64, u64) {
        self.by_id
            .get_mut(id as usize)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Every `(id, passages, articles)` row, ranking in the first `top` if given (ties at
    /// the cut kept); leaves the table zeroed for reuse.
    pub(super) fn rows(&mut self, top: Option<usize>) -> Vec<(u32, u64, u64)> {
        let cut = match top.filter(|&k| k > 0) {
            Some(k) if self.touched.len() > k => {
                let mut best = TopKeys::new(k);
                for &id in &self.touched {
                    if let Some(&key) = self.by_id.get(id as usize) {
                        best.offer(key);
                    }
                }
                best.cut()
            }
            _ => None,
        };
        let mut rows = Vec::new();
        for i in 0..self.touched.len() {
            let Some(&id) = self.touched.get(i) else {
                break;
            };
            let (p, a) = self.take(id);
            if p > 0 && cut.is_none_or(|c| (p, a) >= c) {
                rows.push((id, p, a));
            }
        }
        self.touched.clear();
        rows
    }

    /// Zeroes what is left, for reuse.
    pub(super) fn clear(&mut self) {
        for i in 0..self.touched.len() {
            if let Some(&id) = self.touched.get(i) {
                self.take(id);
            }
        }
        self.touched.clear();
    }
}

/// The `k` best (passages, articles) keys seen: a min-heap of `k`, so sorting or selecting
/// over every speaker is never needed.
pub(super) struct TopKeys {
    pub(super) k: usize,
    pub(super) heap: BinaryHeap<std::cmp::Reverse<(u64, u64)>>,
}

impl TopKeys {
    pub(super) fn new(k: usize) -> TopKeys {
        TopKeys {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    pub(super) fn offer(&mut self, key: (u64, u64)) {
        if self.heap.len() < self.k {
            self.heap.push(std::cmp::Reverse(key));
        } else if self.heap.peek().is_some_and(|w| key > w.0) {
            self.heap.pop();
            self.heap.push(std::cmp::Reverse(key));
        }
    }

    /// The k-th best key, once `k` were offered.
    pub(super) fn cut(&self) -> Option<(u64, u64)> {
        (self.heap.len() >= self.k)
            .then(|| self.heap.peek().map(|w| w.0))
            .flatten()
    }
}

/// Documents with speakers a segment counts in a hash map before it switches to dense
/// tables: few matches should not pay for zeroing a table of every speaker, many
/// matches should not pay for hashing (a third of a `--facets` query over many).
pub(super) const DENSE_AFTER: u32 = 2048;

/// A segment with few speakers turns dense sooner: after one document per this many of
/// its speakers (zeroing a slot costs far less than hashing a document).
pub(super) const DENSE_RATIO: usize = 32;

/// Per speaker id: passages, distinct articles, and the last article seen (its number,
/// 1 or more; 0 for none). A file's passages are consecutive documents of one segment and
/// documents are counted in order, so an article is new exactly when it differs from
/// the last.
pub(super) enum Tally {
    Sparse(FxHashMap<u32, [u32; 3]>),
    Dense {
        counts: Vec<[u32; 3]>,
        /// Ids counted at least once.
        touched: Vec<u32>,
    },
}

impl Tally {
    pub(super) fn add(&mut self, id: u32, article: Option<u32>) {
        let slot = match self {
            Tally::Sparse(map) => map.entry(id).or_default(),
            Tally::Dense { counts, touched } => {
                let Some(slot) = counts.get_mut(id as usize) else {
                    return;
                };
                if slot[0] == 0 {
                    touched.push(id);
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

    /// Moves the counts into `zeroed`, grown to `ids` slots (nothing if already dense).
    pub(super) fn make_dense(&mut self, ids: usize, mut zeroed: Vec<[u32; 3]>) {
        if let Tally::Sparse(map) = self {
            if zeroed.len() < ids {
                zeroed.resize(ids, [0; 3]);
            }
            let mut counts = zeroed;
            let mut touched = Vec::with_capacity(map.len());
            for (&c, &v) in map.iter() {
                if let Some(slot) = counts.get_mut(c as usize) {
                    *slot = v;
                    touched.push(c);
                }
            }
            *self = Tally::Dense { counts, touched };
        }
    }

    /// Hands each `(id, passages, articles)` to `row`; returns the dense table, if any,
    /// zeroed again.
    pub(super) fn drain(self, mut row: impl FnMut(u32, u64, u64)) -> Option<Vec<[u32; 3]>> {
        match self {
            Tally::Sparse(map) => {
                for (c, [p, a, _]) in map {
                    row(c, u64::from(p), u64::from(a));
                }
                None
            }
            Tally::Dense {
                mut counts,
                touched,
            } if touched.len().saturating_mul(8) < counts.len() => {
                for c in touched {
                    if let Some(slot) = counts.get_mut(c as usize) {
                        let [p, a, _] = std::mem::take(slot);
                        row(c, u64::from(p), u64::from(a));
                    }
                }
                Some(counts)
            }
            Tally::Dense { mut counts, .. } => {
                // Many slots in use: one pass in id order reads the table as a stream,
                // and hands rows over in rising id order, so the caller's sums (whose
                // ids rise with these) are written as a stream too.
                for (c, slot) in counts.iter_mut().enumerate() {
                    if slot[0] != 0 {
                        let [p, a, _] = std::mem::take(slot);
                        row(
                            u32::try_from(c).unwrap_or(u32::MAX),
                            u64::from(p),
                            u64::from(a),
                        );
                    }
                }
                Some(counts)
            }
        }
    }
}

/// Notes one more document with speakers, switching `tally` to dense once zeroing a table
/// of `ids` slots costs less than hashing what is still to come.
#[inline]
pub(super) fn count_doc(tally: &mut Tally, docs: &mut u32, ids: usize, tables: &SpeakerTables) {
    *docs += 1;
    if *docs == DENSE_AFTER || *docs as usize * DENSE_RATIO == ids {
        tally.make_dense(ids, spare_tally(tables));
    }
}

/// Adds `tally` to `sums`, its ids mapped through `canonical` if given; keeps its table
/// for reuse.
pub(super) fn add_tally(
    tally: Tally,
    canonical: Option<&Vec<u32>>,
    sums: &mut Sums,
    tables: &SpeakerTables,
) {
    let table = tally.drain(|id, p, a| {
        let canon = match canonical {
            Some(c) => c.get(id as usize).copied(),
            None => Some(id),
        };
        if let Some(c) = canon {
            sums.add(c, p, a);
        }
    });
    if let (Some(table), Ok(mut t)) = (table, tables.lock())
        && t.spare_tallies.len() < SPARE_TALLIES
    {
        t.spare_tallies.push(table);
    }
}
