//! A layout segment's matching passages, marked while the query runs and counted at the
//! merge: match by match, speaker by speaker, or, for the top speakers only, from the
//! most quoted down until no one left can reach the top.

use super::names::{SPARE_TALLIES, SpeakerTables};
use super::tally::{Sums, Tally, TopKeys, add_tally, count_doc};
use crate::index::facet_layout::{FacetLayout, SegmentLayout};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Sets document `doc`'s bit in `bits` (one bit per document).
#[inline]
fn set_bit(bits: &mut [u64], doc: u32) {
    if let Some(w) = bits.get_mut(doc as usize / 64) {
        *w |= 1 << (doc % 64);
    }
}

/// A layout segment's matching passages.
pub(super) struct Marked {
    pub(super) segment: Arc<SegmentLayout>,
    /// The matching documents in the order collected (rising), until they would take
    /// more room than `bits`: a rare word then costs no table over the whole segment.
    pub(super) docs: Vec<u32>,
    /// One bit per document of the segment, once `docs` has outgrown it (else empty).
    pub(super) bits: Vec<u64>,
    /// Documents marked.
    pub(super) count: u32,
}

impl Marked {
    pub(super) fn new(segment: Arc<SegmentLayout>) -> Marked {
        Marked {
            segment,
            docs: Vec::new(),
            bits: Vec::new(),
            count: 0,
        }
    }

    #[inline]
    pub(super) fn mark(&mut self, doc: u32, tables: &SpeakerTables) {
        self.count += 1;
        if self.bits.is_empty() {
            self.docs.push(doc);
            let words = (self.segment.max_doc as usize).div_ceil(64);
            if self.docs.len() >= words.max(1) * 2 {
                self.use_bits(tables);
            }
        } else {
            set_bit(&mut self.bits, doc);
        }
    }

    /// Marks a block of documents (rising), as tantivy hands them over when nothing is
    /// scored.
    pub(super) fn mark_all(&mut self, docs: &[u32], tables: &SpeakerTables) {
        if self.bits.is_empty() {
            for &doc in docs {
                self.mark(doc, tables);
            }
            return;
        }
        self.count += docs.len() as u32;
        for &doc in docs {
            set_bit(&mut self.bits, doc);
        }
    }

    /// Moves the marks from `docs` into `bits`.
    pub(super) fn use_bits(&mut self, tables: &SpeakerTables) {
        if !self.bits.is_empty() {
            return;
        }
        let mut bits = tables
            .lock()
            .ok()
            .and_then(|mut t| t.spare_bits.pop())
            .unwrap_or_default();
        bits.resize((self.segment.max_doc as usize).div_ceil(64), 0);
        for &doc in &self.docs {
            set_bit(&mut bits, doc);
        }
        self.bits = bits;
        self.docs = Vec::new();
    }

    /// Gives the bit table back for reuse, zeroed.
    pub(super) fn recycle(self, tables: &SpeakerTables) {
        let mut bits = self.bits;
        if bits.is_empty() {
            return;
        }
        bits.fill(0);
        if let Ok(mut t) = tables.lock()
            && t.spare_bits.len() < SPARE_TALLIES * 4
        {
            t.spare_bits.push(bits);
        }
    }

    /// Each marked document, rising.
    pub(super) fn for_each_doc(&self, mut f: impl FnMut(u32)) {
        if self.bits.is_empty() {
            self.docs.iter().for_each(|&d| f(d));
            return;
        }
        for (w, &word) in self.bits.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                f((w * 64) as u32 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }

    /// 1 if `doc` is marked, else 0 (`bits` must be in use).
    #[inline]
    pub(super) fn has(&self, doc: u32) -> u64 {
        self.bits
            .get(doc as usize / 64)
            .map_or(0, |w| (w >> (doc % 64)) & 1)
    }

    /// Passages and distinct articles among the marked passages of local speaker `local`.
    #[inline]
    pub(super) fn count_speaker(&self, local: usize) -> (u64, u64) {
        let (mut passages, mut articles, mut last) = (0u64, 0u64, 0u32);
        // Branch-free: whether a passage matches is a coin toss to the branch predictor,
        // and its misses were most of the scan's time.
        for &[doc, article] in self.segment.passages_of(local) {
            let hit = self.has(doc);
            passages += hit;
            let fresh = hit & u64::from(article != last && article != 0);
            articles += fresh;
            last = if fresh != 0 { article } else { last };
        }
        (passages, articles)
    }

    /// Whether counting speaker by speaker beats counting match by match, given that a
    /// scan reads `1 / ratio` of the quoted passages of the segment on average.
    pub(super) fn worth_scanning(&self, ratio: usize) -> bool {
        (self.count as usize).saturating_mul(ratio) >= self.segment.passages.len()
    }

    /// Counts match by match into a tally over local ids, then adds it to `sums`.
    pub(super) fn add_by_match(&self, sums: &mut Sums, tables: &SpeakerTables) {
        let ids = self.segment.canonical.len();
        let (mut tally, mut docs) = (Tally::Sparse(FxHashMap::default()), 0u32);
        self.for_each_doc(|doc| {
            let pairs = self.segment.speakers_of(doc);
            if !pairs.is_empty() {
                count_doc(&mut tally, &mut docs, ids, tables);
                for &[local, article] in pairs {
                    tally.add(local, (article != 0).then_some(article));
                }
            }
        });
        add_tally(tally, Some(&self.segment.canonical), sums, tables);
    }

    /// Counts every speaker of the segment by scanning; adds the counts to `sums` in
    /// rising canonical id order.
    pub(super) fn add_by_speaker(&self, sums: &mut Sums) {
        for (local, &canon) in self.segment.canonical.iter().enumerate() {
            let (passages, articles) = self.count_speaker(local);
            if passages > 0 {
                sums.add(canon, passages, articles);
            }
        }
    }
}

/// A segment whose matches number at least one per this many of its quoted passages is
/// counted speaker by speaker: a full scan reads every quoted passage, in memory order,
/// where counting match by match costs a table update at a random place per match.
pub(super) const SCAN_RATIO: usize = 4;

/// The same when only the top speakers are wanted: the scan then stops early, after the
/// most quoted speakers, and so pays off with far fewer matches.
pub(super) const TOP_SCAN_RATIO: usize = 32;

/// The rows of the `k` best speakers (ties at the cut kept) of the segments in `scan`
/// plus those already in `sums`, taking speakers from the most quoted in the corpus down
/// and stopping once none left can reach the k-th best: for a common word, most speakers
/// are never looked at. Every row returned has its exact counts.
pub(super) fn top_by_speaker(
    sums: &mut Sums,
    scan: &[Marked],
    layout: &FacetLayout,
    k: usize,
) -> Vec<(u32, u64, u64)> {
    let already = sums
        .touched
        .iter()
        .filter_map(|&id| sums.by_id.get(id as usize))
        .map(|e| e.0)
        .max()
        .unwrap_or(0);
    let mut cursors = vec![0usize; scan.len()];
    let mut best = TopKeys::new(k);
    let mut rows = Vec::new();
    for id in 0..u32::try_from(layout.len()).unwrap_or(u32::MAX) {
        if let Some((cut, _)) = best.cut()
            && already + layout.most_passages_from(id) < cut
        {
            break;
        }
        let (mut p, mut a) = sums.take(id);
        for (m, at) in scan.iter().zip(cursors.iter_mut()) {
            // Local ids rise with canonical ids, so one cursor per segment walks them.
            let canonical = &m.segment.canonical;
            while canonical.get(*at).is_some_and(|&c| c < id) {
                *at += 1;
            }
            if canonical.get(*at) == Some(&id) {
                let (mp, ma) = m.count_speaker(*at);
                p += mp;
                a += ma;
            }
        }
        if p > 0 {
            best.offer((p, a));
            rows.push((id, p, a));
        }
    }
    let cut = best.cut();
    rows.retain(|r| cut.is_none_or(|c| (r.1, r.2) >= c));
    sums.clear();
    rows
}
