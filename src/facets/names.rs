//! Canonical speaker names and their ids for segments counted from tantivy's columns,
//! and the spare count tables queries reuse.

use super::tally::Sums;
use crate::aliases::SpeakerGroups;
use crate::index::facet_layout::FacetLayout;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;

/// One segment's speaker facet ordinals mapped to canonical name ids of [`SpeakerTables`].
#[derive(Debug, Default)]
pub struct SegmentSpeakers {
    pub(super) canon_of_ord: Vec<u32>,
}

/// Canonical speaker names with ids, and per-segment ordinal → id tables, built once per
/// segment and shared by every query of a session (segments never change once written).
///
/// Ids continue those of the index's [`FacetLayout`]: a name the layout has keeps its id
/// there, so segments counted from the layout and from the columns add up.
#[derive(Debug, Default)]
pub struct SpeakerTableSet {
    pub(super) segments: HashMap<SegmentId, Arc<SegmentSpeakers>>,
    /// Names the layout lacks; name `i` here has id `layout.len() + i`.
    pub(super) names: Vec<String>,
    /// Name → id, the layout's names included once a segment needs it.
    pub(super) ids: HashMap<String, u32>,
    pub(super) seeded: bool,
    /// Zeroed dense tallies and sum tables of earlier queries, for reuse: allocating
    /// them afresh had the kernel zero their pages on every query.
    pub(super) spare_tallies: Vec<Vec<[u32; 3]>>,
    pub(super) spare_sums: Sums,
    pub(super) spare_bits: Vec<Vec<u64>>,
}

/// At most this many spare tallies are kept (one per segment a query counts at once).
pub(super) const SPARE_TALLIES: usize = 4;

/// A zeroed tally table from `tables`' spares, or a new one.
pub(super) fn spare_tally(tables: &SpeakerTables) -> Vec<[u32; 3]> {
    tables
        .lock()
        .ok()
        .and_then(|mut t| t.spare_tallies.pop())
        .unwrap_or_default()
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
    pub(super) fn segment(
        &mut self,
        id: SegmentId,
        reader: &FacetReader,
        groups: &SpeakerGroups,
        layout: Option<&FacetLayout>,
    ) -> tantivy::Result<Arc<SegmentSpeakers>> {
        if let Some(t) = self.segments.get(&id) {
            return Ok(Arc::clone(t));
        }
        let base = layout.map_or(0, FacetLayout::len);
        if !self.seeded {
            if let Some(l) = layout {
                for (i, name) in l.names().enumerate() {
                    self.ids
                        .insert(name.to_string(), u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
            self.seeded = true;
        }
        let mut table = SegmentSpeakers::default();
        for name in speaker_names(reader)? {
            let canon = groups.canonical(&name);
            let id = match self.ids.get(canon) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(base + self.names.len()).unwrap_or(u32::MAX);
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

    pub(super) fn name<'a>(&'a self, id: u32, layout: Option<&'a FacetLayout>) -> Option<&'a str> {
        let base = layout.map_or(0, FacetLayout::len);
        match (id as usize).checked_sub(base) {
            Some(extra) => self.names.get(extra).map(String::as_str),
            None => layout?.name(id),
        }
    }
}
