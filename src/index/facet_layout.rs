//! Each passage's month and its speakers' canonical ids, in plain arrays beside the
//! tantivy index, so facet counting reads two arrays per matching passage.
//!
//! `--facets` and `newsidx speakers` visit every passage a query matches. Read from
//! tantivy's columns, each costs a multi-valued column read, a facet ordinal → name
//! lookup and a month read: most of a `--facets` query over many matches
//! (`docs/BENCHMARKS.md`). The canonical ids depend on the speaker groups of the whole
//! corpus, which are known only when a run ends, so the arrays cannot be written into
//! tantivy's segments: [`FacetLayout::build`] makes them after every indexing run that
//! changed the index (and after one that did not, when the file is missing or was made
//! for other groups) and [`FacetLayout::save`] writes them to [`FILE_NAME`].
//!
//! The file is a cache, never the truth. A segment it does not list (tantivy merged or
//! wrote it later), a file written for other speaker groups, an unreadable or truncated
//! file: each is counted from tantivy's columns instead, with the same counts.

use crate::aliases::SpeakerGroups;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher};

/// File name of the layout inside the index folder.
pub const FILE_NAME: &str = "newsidx-facets.bin";

const MAGIC: &[u8; 8] = b"NXFACETS";
const VERSION: u32 = 1;

/// One segment's arrays, indexed by document id.
#[derive(Debug, PartialEq)]
pub struct SegmentLayout {
    /// Documents in the segment (deleted ones included), as tantivy numbers them.
    pub max_doc: u32,
    /// The distinct `YYYYMM` values of the segment (0: undated).
    pub months: Vec<u32>,
    /// Per document, its month as an index into `months`.
    pub month_of_doc: Vec<u16>,
    /// Per document, where its speakers start in `speakers`; one more entry than
    /// documents, so a document's speakers are `speakers[starts[d]..starts[d + 1]]`.
    pub starts: Vec<u32>,
    /// Per speaker of a document: its local id and the document's article number (a
    /// segment-local number, 1 or more, the same for every passage of one article).
    /// A passage naming one person twice (under two merged names) lists the id once.
    pub speakers: Vec<[u32; 2]>,
    /// Local id → canonical id, rising: local ids number the segment's speakers in the
    /// order of their canonical ids (most quoted in the corpus first).
    pub canonical: Vec<u32>,
    /// The same pairs the other way round, made on loading (not stored): per local id,
    /// where its passages start in `passages`, one more entry than local ids.
    pub passage_starts: Vec<u32>,
    /// `[document, article]` of each passage quoting a speaker, grouped by the speaker's
    /// local id, documents rising. A query matching many passages counts a speaker by
    /// running down its list, reading memory in order, instead of adding each match to
    /// a table at random places.
    pub passages: Vec<[u32; 2]>,
}

impl SegmentLayout {
    /// Fills `passage_starts` and `passages` from `starts` and `speakers` (a counting
    /// sort by local id; documents stay in order within each id).
    fn invert(&mut self) {
        let locals = self.canonical.len();
        let mut starts = vec![0u32; locals + 1];
        for p in &self.speakers {
            if let Some(n) = starts.get_mut(p[0] as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut passages = vec![[0u32; 2]; self.speakers.len()];
        for doc in 0..self.max_doc {
            for &[local, article] in self.speakers_of(doc) {
                if let Some(at) = next.get_mut(local as usize)
                    && let Some(slot) = passages.get_mut(*at as usize)
                {
                    *slot = [doc, article];
                    *at += 1;
                }
            }
        }
        self.passage_starts = starts;
        self.passages = passages;
    }

    /// The `[document, article]` pairs of the passages quoting local speaker `local`.
    #[inline]
    pub fn passages_of(&self, local: usize) -> &[[u32; 2]] {
        match (
            self.passage_starts.get(local),
            self.passage_starts.get(local + 1),
        ) {
            (Some(&s), Some(&e)) => self.passages.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Replaces the ids in `speakers` by `renumber[id]`, then by local ids in the same
    /// order, so local and canonical ids rise together.
    fn number_locally(&mut self, renumber: &[u32]) {
        let mut canonical: Vec<u32> = self
            .speakers
            .iter()
            .filter_map(|p| renumber.get(p[0] as usize).copied())
            .collect();
        canonical.sort_unstable();
        canonical.dedup();
        for p in &mut self.speakers {
            p[0] = renumber
                .get(p[0] as usize)
                .and_then(|c| canonical.binary_search(c).ok())
                .and_then(|l| u32::try_from(l).ok())
                .unwrap_or(u32::MAX);
        }
        self.canonical = canonical;
    }

    /// The month index of `doc` (none past the segment's end).
    #[inline]
    pub fn month(&self, doc: DocId) -> Option<u16> {
        self.month_of_doc.get(doc as usize).copied()
    }

    /// The `[local id, article]` pairs of `doc`'s speakers.
    #[inline]
    pub fn speakers_of(&self, doc: DocId) -> &[[u32; 2]] {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&s), Some(&e)) => self.speakers.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The layout of every segment of an index, with the canonical names its ids stand for.
#[derive(Debug, Default, PartialEq)]
pub struct FacetLayout {
    /// Digest of the speaker-groups file the ids were made with.
    groups_digest: u64,
    /// Canonical names, concatenated; name `i` is `text[bounds[i]..bounds[i + 1]]`.
    text: String,
    bounds: Vec<u32>,
    segments: HashMap<SegmentId, Arc<SegmentLayout>>,
    /// Per canonical id, the most passages any id from it on can have in the layout's
    /// segments (a bound for top-k counting; made on loading, not stored).
    most_from: Vec<u64>,
}

impl FacetLayout {
    /// Fills `most_from` from the segments' passage lists.
    fn bound_passages(&mut self) {
        let mut totals = vec![0u64; self.len()];
        for seg in self.segments.values() {
            for (local, &c) in seg.canonical.iter().enumerate() {
                if let Some(t) = totals.get_mut(c as usize) {
                    *t += seg.passages_of(local).len() as u64;
                }
            }
        }
        let mut most = 0;
        for t in totals.iter_mut().rev() {
            most = most.max(*t);
            *t = most;
        }
        self.most_from = totals;
    }

    /// The most passages any canonical id from `id` on has in the layout's segments
    /// (deleted passages included, so never less than a query can count).
    pub fn most_passages_from(&self, id: u32) -> u64 {
        self.most_from.get(id as usize).copied().unwrap_or(0)
    }

    /// Lays out every segment `searcher` reads, naming speakers by `groups`; the file
    /// will be valid for the groups file whose digest is `groups_digest`.
    pub fn build(
        searcher: &Searcher,
        groups: &SpeakerGroups,
        groups_digest: u64,
    ) -> tantivy::Result<FacetLayout> {
        let mut out = FacetLayout {
            groups_digest,
            bounds: vec![0],
            ..FacetLayout::default()
        };
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut laid = Vec::new();
        for seg in searcher.segment_readers() {
            let facets = seg.facet_reader("speaker_facet")?;
            let canon_of_ord: Vec<u32> = crate::facets::speaker_names(&facets)?
                .iter()
                .map(|name| out.id_of(&mut ids, groups.canonical(name)))
                .collect();
            let month_column = seg.fast_fields().u64("month")?;
            let articles = seg.fast_fields().str("article")?;
            let max_doc = seg.max_doc();
            let mut layout = SegmentLayout {
                max_doc,
                months: Vec::new(),
                month_of_doc: Vec::with_capacity(max_doc as usize),
                starts: Vec::with_capacity(max_doc as usize + 1),
                speakers: Vec::new(),
                canonical: Vec::new(),
                passage_starts: Vec::new(),
                passages: Vec::new(),
            };
            let mut month_index: HashMap<u32, u16> = HashMap::new();
            layout.starts.push(0);
            let mut complete = true;
            for doc in 0..max_doc {
                let month = u32::try_from(month_column.first(doc).unwrap_or(0)).unwrap_or(0);
                let next = month_index.len();
                let i = *month_index.entry(month).or_insert_with(|| {
                    layout.months.push(month);
                    u16::try_from(next).unwrap_or(u16::MAX)
                });
                if i == u16::MAX {
                    // More months in one segment than the index type holds (65,535, over
                    // 5,000 years): leave the segment to the columns.
                    complete = false;
                    break;
                }
                layout.month_of_doc.push(i);
                let first = layout.speakers.len();
                for ord in facets.facet_ords(doc) {
                    let Some(&c) = usize::try_from(ord).ok().and_then(|o| canon_of_ord.get(o))
                    else {
                        continue;
                    };
                    if !layout.speakers[first..].iter().any(|p| p[0] == c) {
                        layout.speakers.push([c, 0]);
                    }
                }
                if layout.speakers.len() > first {
                    let article = articles
                        .as_ref()
                        .and_then(|a| a.term_ords(doc).next())
                        .and_then(|a| u32::try_from(a).ok())
                        .map_or(0, |a| a.saturating_add(1));
                    for p in &mut layout.speakers[first..] {
                        p[1] = article;
                    }
                }
                let Ok(end) = u32::try_from(layout.speakers.len()) else {
                    complete = false;
                    break;
                };
                layout.starts.push(end);
            }
            if complete {
                laid.push((seg.segment_id(), layout));
            }
        }
        // Canonical ids numbered most quoted first, so the busy part of a count table
        // over them is small and stays in cache.
        let mut quoted = vec![0u64; out.len()];
        for p in laid.iter().flat_map(|(_, l)| &l.speakers) {
            if let Some(n) = quoted.get_mut(p[0] as usize) {
                *n += 1;
            }
        }
        let mut order: Vec<u32> = (0..u32::try_from(out.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(quoted.get(i as usize).copied()));
        let mut renumber = vec![0u32; order.len()];
        let mut sorted = FacetLayout {
            groups_digest,
            bounds: vec![0],
            ..FacetLayout::default()
        };
        for (new, &old) in order.iter().enumerate() {
            if let (Some(r), Some(name)) = (renumber.get_mut(old as usize), out.name(old)) {
                *r = u32::try_from(new).unwrap_or(u32::MAX);
                sorted.push_name(name);
            }
        }
        for (id, mut layout) in laid {
            layout.number_locally(&renumber);
            layout.invert();
            sorted.segments.insert(id, Arc::new(layout));
        }
        sorted.bound_passages();
        Ok(sorted)
    }

    fn id_of(&mut self, ids: &mut HashMap<String, u32>, name: &str) -> u32 {
        if let Some(&i) = ids.get(name) {
            return i;
        }
        let i = u32::try_from(self.len()).unwrap_or(u32::MAX);
        self.push_name(name);
        ids.insert(name.to_string(), i);
        i
    }

    fn push_name(&mut self, name: &str) {
        self.text.push_str(name);
        self.bounds
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// Number of canonical names.
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Whether the layout names no speaker.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The canonical name with id `id`.
    pub fn name(&self, id: u32) -> Option<&str> {
        let i = id as usize;
        let (s, e) = (*self.bounds.get(i)?, *self.bounds.get(i + 1)?);
        self.text.get(s as usize..e as usize)
    }

    /// Every canonical name, in id order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.name(u32::try_from(i).ok()?))
    }

    /// The arrays of the segment `reader` reads, when they were written for it (same id,
    /// same size).
    pub fn segment(&self, reader: &tantivy::SegmentReader) -> Option<Arc<SegmentLayout>> {
        self.segments
            .get(&reader.segment_id())
            .filter(|s| s.max_doc == reader.max_doc())
            .cloned()
    }

    /// The same layout without segment `id`, as if tantivy had written it later.
    #[cfg(test)]
    pub(crate) fn without_segment(mut self, id: SegmentId) -> FacetLayout {
        self.segments.remove(&id);
        self.bound_passages();
        self
    }

    /// Writes the layout into the index at `dir` (atomically).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let tmp = dir.join(format!("{FILE_NAME}.tmp"));
        std::fs::write(&tmp, self.to_bytes())?;
        std::fs::rename(tmp, dir.join(FILE_NAME))
    }

    /// The layout of the index at `dir`, when its file is there, readable and made for the
    /// speaker groups whose file has digest `groups_digest`.
    pub fn load(dir: &Path, groups_digest: u64) -> Option<FacetLayout> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        FacetLayout::from_bytes(&bytes).filter(|l| l.groups_digest == groups_digest)
    }

    /// Whether the index at `dir` has a layout file made for the speaker groups whose
    /// file has digest `groups_digest` (its header only is read).
    pub fn is_current(dir: &Path, groups_digest: u64) -> bool {
        use std::io::Read;
        // Magic, version and digest.
        let mut head = [0u8; 20];
        let read =
            std::fs::File::open(dir.join(FILE_NAME)).and_then(|mut f| f.read_exact(&mut head));
        let mut r = Reader {
            bytes: &head,
            at: 0,
        };
        read.is_ok() && r.header() == Some(groups_digest)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, VERSION);
        b.extend_from_slice(&self.groups_digest.to_le_bytes());
        put_len(&mut b, self.len());
        for &x in &self.bounds {
            put_u32(&mut b, x);
        }
        b.extend_from_slice(self.text.as_bytes());
        put_len(&mut b, self.segments.len());
        for (id, s) in &self.segments {
            b.extend_from_slice(id.uuid_string().as_bytes());
            put_u32(&mut b, s.max_doc);
            put_len(&mut b, s.months.len());
            for &m in &s.months {
                put_u32(&mut b, m);
            }
            put_len(&mut b, s.canonical.len());
            for &c in &s.canonical {
                put_u32(&mut b, c);
            }
            for &m in &s.month_of_doc {
                b.extend_from_slice(&m.to_le_bytes());
            }
            for &x in &s.starts {
                put_u32(&mut b, x);
            }
            for &[c, a] in &s.speakers {
                put_u32(&mut b, c);
                put_u32(&mut b, a);
            }
        }
        b
    }

    fn from_bytes(bytes: &[u8]) -> Option<FacetLayout> {
        let mut r = Reader { bytes, at: 0 };
        let groups_digest = r.header()?;
        let names = r.len()?;
        let bounds = r.u32s(names.checked_add(1)?)?;
        let text_len = *bounds.last()? as usize;
        let text = std::str::from_utf8(r.take(text_len)?).ok()?.to_string();
        // Every bound must fall on a character boundary, in order, so `name` never fails.
        if bounds.windows(2).any(|w| w[0] > w[1])
            || bounds.iter().any(|&x| !text.is_char_boundary(x as usize))
        {
            return None;
        }
        let mut segments = HashMap::new();
        for _ in 0..r.len()? {
            let id = SegmentId::from_uuid_string(std::str::from_utf8(r.take(32)?).ok()?).ok()?;
            let max_doc = r.u32()?;
            let month_count = r.len()?;
            let months = r.u32s(month_count)?;
            let local_count = r.len()?;
            let canonical = r.u32s(local_count)?;
            if canonical.iter().any(|&c| c as usize >= names) {
                return None;
            }
            let month_of_doc: Vec<u16> = r
                .take(max_doc as usize * 2)?
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let starts = r.u32s(max_doc as usize + 1)?;
            let entries = *starts.last()? as usize;
            if starts.windows(2).any(|w| w[0] > w[1])
                || month_of_doc.iter().any(|&m| m as usize >= month_count)
            {
                return None;
            }
            let flat = r.u32s(entries.checked_mul(2)?)?;
            let speakers = flat
                .chunks_exact(2)
                .map(|c| [c[0], c[1]])
                .filter(|p| (p[0] as usize) < local_count)
                .collect::<Vec<_>>();
            if speakers.len() != entries {
                return None;
            }
            let mut layout = SegmentLayout {
                max_doc,
                months,
                month_of_doc,
                starts,
                speakers,
                canonical,
                passage_starts: Vec::new(),
                passages: Vec::new(),
            };
            layout.invert();
            segments.insert(id, Arc::new(layout));
        }
        if r.at != bytes.len() {
            return None;
        }
        let mut layout = FacetLayout {
            groups_digest,
            text,
            bounds,
            segments,
            most_from: Vec::new(),
        };
        layout.bound_passages();
        Some(layout)
    }
}

fn put_u32(b: &mut Vec<u8>, x: u32) {
    b.extend_from_slice(&x.to_le_bytes());
}

fn put_len(b: &mut Vec<u8>, n: usize) {
    put_u32(b, u32::try_from(n).unwrap_or(u32::MAX));
}

/// Bounds-checked little-endian reads; `None` on any short read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// The groups digest of a layout file's header, when its magic and version are ours.
    fn header(&mut self) -> Option<u64> {
        if self.take(8)? != MAGIC || self.u32()? != VERSION {
            return None;
        }
        self.u64()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    fn u32s(&mut self, n: usize) -> Option<Vec<u32>> {
        Some(
            self.take(n.checked_mul(4)?)?
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FacetLayout {
        let mut l = FacetLayout {
            groups_digest: 42,
            bounds: vec![0],
            ..FacetLayout::default()
        };
        let mut ids = HashMap::new();
        let patel = l.id_of(&mut ids, "Vedant Patel");
        let dept = l.id_of(&mut ids, "State Department");
        assert_eq!(l.id_of(&mut ids, "Vedant Patel"), patel);
        l.segments.insert(
            SegmentId::generate_random(),
            Arc::new(SegmentLayout {
                max_doc: 3,
                months: vec![202402, 0],
                month_of_doc: vec![0, 0, 1],
                starts: vec![0, 2, 2, 3],
                speakers: vec![[0, 1], [1, 1], [0, 2]],
                canonical: vec![patel, dept],
                passage_starts: vec![0, 2, 3],
                passages: vec![[0, 1], [2, 2], [0, 1]],
            }),
        );
        l.bound_passages();
        l
    }

    #[test]
    fn round_trips_through_bytes() {
        let l = sample();
        let back = FacetLayout::from_bytes(&l.to_bytes());
        assert_eq!(back.as_ref(), Some(&l));
        let back = back.unwrap_or_default();
        assert_eq!(
            back.names().collect::<Vec<_>>(),
            ["Vedant Patel", "State Department"]
        );
        let seg = back.segments.values().next().cloned();
        let seg = seg.as_deref();
        assert_eq!(seg.map(|s| s.speakers_of(0).len()), Some(2));
        assert_eq!(seg.map(|s| s.speakers_of(1).len()), Some(0));
        assert_eq!(seg.map(|s| s.speakers_of(9).len()), Some(0));
        assert_eq!(seg.and_then(|s| s.month(2)), Some(1));
    }

    #[test]
    fn damaged_files_are_refused_not_misread() {
        let bytes = sample().to_bytes();
        for cut in [0, 7, 12, 20, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(FacetLayout::from_bytes(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(FacetLayout::from_bytes(&longer), None);
        let mut other_version = bytes;
        other_version[8] = 9;
        assert_eq!(FacetLayout::from_bytes(&other_version), None);
    }
}
