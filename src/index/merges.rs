//! Which segments tantivy merges: its log-size levels, with every merge's size capped.
//!
//! A merge reads its input segments through memory maps, and the pages it touches count
//! towards the process's resident memory until the inputs are dropped. Tantivy's
//! `LogMergePolicy` caps the size of a merge's *inputs* only, so near the end of a large
//! run it merges a level of big segments into one still bigger, and resident memory grows
//! with the archive. Capping the *output* keeps every merge, and so peak memory, the same
//! size whatever the corpus; a search then reads a few more segments, which costs little.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Log-size levels as tantivy chooses them, each merge cut to at most `max_docs` passages.
#[derive(Debug)]
pub struct CappedMerges {
    levels: LogMergePolicy,
    max_docs: u32,
}

impl CappedMerges {
    /// Merges of at most `max_docs` documents; segments of half that or more stay as they
    /// are (merging one with anything its size would pass the cap).
    pub fn new(max_docs: u32) -> Self {
        let mut levels = LogMergePolicy::default();
        levels.set_max_docs_before_merge((max_docs / 2) as usize);
        CappedMerges { levels, max_docs }
    }
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs = |id: &tantivy::index::SegmentId| {
            segments
                .iter()
                .find(|s| s.id() == *id)
                .map_or(0, SegmentMeta::num_docs)
        };
        let mut out = Vec::new();
        for MergeCandidate(mut ids) in self.levels.compute_merge_candidates(segments) {
            ids.sort_by_key(|id| docs(id));
            let mut chunk = Vec::new();
            let mut total = 0u32;
            for id in ids {
                let n = docs(&id);
                if !chunk.is_empty() && total.saturating_add(n) > self.max_docs {
                    if chunk.len() > 1 {
                        out.push(MergeCandidate(std::mem::take(&mut chunk)));
                    }
                    chunk.clear();
                    total = 0;
                }
                total = total.saturating_add(n);
                chunk.push(id);
            }
            if chunk.len() > 1 {
                out.push(MergeCandidate(chunk));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Index;
    use tantivy::index::SegmentId;
    use tantivy::schema::{STORED, Schema};

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let mut schema = Schema::builder();
        schema.add_text_field("t", STORED);
        let index = Index::create_in_ram(schema.build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn merged_sizes(policy: &CappedMerges, segs: &[SegmentMeta]) -> Vec<u32> {
        let mut sizes: Vec<u32> = policy
            .compute_merge_candidates(segs)
            .iter()
            .map(|MergeCandidate(ids)| {
                assert!(ids.len() > 1, "a merge of one segment is no merge");
                ids.iter()
                    .map(|id| {
                        segs.iter()
                            .find(|s| s.id() == *id)
                            .map_or(0, |s| s.num_docs())
                    })
                    .sum()
            })
            .collect();
        sizes.sort_unstable();
        sizes
    }

    #[test]
    fn no_merge_writes_more_than_the_cap() {
        let policy = CappedMerges::new(1_000);
        // Ten segments of one level: tantivy alone would merge all 4,000 into one.
        let segs = metas(&[400; 10]);
        assert_eq!(merged_sizes(&policy, &segs), [800, 800, 800, 800, 800]);
        // Segments of half the cap or more are finished.
        let segs = metas(&[600; 10]);
        assert!(merged_sizes(&policy, &segs).is_empty());
    }

    #[test]
    fn small_segments_still_merge_as_tantivy_would() {
        let policy = CappedMerges::new(1_000_000);
        let segs = metas(&[1_000; 8]);
        assert_eq!(merged_sizes(&policy, &segs), [8_000]);
    }
}
