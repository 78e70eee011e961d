//! Speaker names across the corpus: which variants are one person.
//!
//! Within an article, [`crate::speakers`] already maps "Mr Patel" to "Vedant Patel". Across
//! articles, names still vary: "Trump" in one, "Donald Trump" in another, "Donald J. Trump"
//! in a third. After every indexing run, this module groups the speaker names of the whole
//! index and saves the groups as `newsidx-speakers.json` in the index folder:
//! - a full name with a middle name or initial joins the same name without it when both
//!   exist ("Donald J. Trump" → "Donald Trump");
//! - a single surname joins the one full name in the corpus that ends with it, and stays
//!   alone when several people share it ("Clinton" with "Hillary Clinton" and "Bill
//!   Clinton");
//! - names of two words or more that differ only in case join ("Metropolitan police",
//!   "Metropolitan Police"); one word does not ("US", "Us").
//!
//! The first two rules are for people's names only: "U.S. State Department" and "U.S.
//! Commerce Department" share a first and a last word but are not one speaker, nor are
//! "West Midlands Police" and "West Mercia Police".
//!
//! Each group is named by its most frequent full name. Search applies the groups at query
//! time (`--speaker` matches every variant; facets add their counts up), so the index
//! itself never has to be rewritten when a new article changes a group.

use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// File name of the speaker groups inside the index folder.
pub const FILE_NAME: &str = "newsidx-speakers.json";

/// Groups of speaker names: canonical name → its variants (the canonical name included).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SpeakerGroups {
    /// Canonical name → variants, only for groups of two or more names.
    pub groups: BTreeMap<String, Vec<String>>,
    /// Variant → canonical name, derived from `groups`: search looks every speaker up.
    #[serde(skip)]
    by_name: HashMap<String, String>,
    /// Lower-cased canonical name or variant → canonical name, derived from `groups`.
    #[serde(skip)]
    by_lower: HashMap<String, String>,
}

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Whether `name` may be a person's, so that it may join by its first and last words or
/// by its surname: no word names an organisation or a title, and it is not a place.
fn person_shaped(name: &str) -> bool {
    use crate::quotes::lexicon::{is_org_word, is_place, is_title};
    !is_place(name)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) && !is_org_word(w) && !is_title(w))
}

impl SpeakerGroups {
    /// Groups `names` (each with its passage count).
    pub fn build(names: &[(String, u64)]) -> SpeakerGroups {
        let count: HashMap<&str, u64> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        // Union-find over indexes.
        let idx: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect();
        let mut parent: Vec<usize> = (0..names.len()).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        let union = |a: usize, b: usize, p: &mut Vec<usize>| {
            let (ra, rb) = (find(p, a), find(p, b));
            if ra != rb {
                p[ra] = rb;
            }
        };
        // Names of two words or more, under three keys: the whole name in lower case, so
        // that case variants join (not a single word, where capitals tell an acronym from
        // a word: "US", "Us"); and, for people's names only, the first and last words (to
        // join middle-name variants) and the last word (for lone surnames).
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        let mut by_first_last: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (n, _)) in names.iter().enumerate() {
            let w = words(n);
            if w.len() < 2 {
                continue;
            }
            match by_lower.entry(w.join(" ").to_lowercase()) {
                Entry::Occupied(first) => union(*first.get(), i, &mut parent),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
            if person_shaped(n) {
                let last = w[w.len() - 1].to_lowercase();
                by_first_last
                    .entry((w[0].to_lowercase(), last.clone()))
                    .or_default()
                    .push(i);
                by_surname.entry(last).or_default().push(i);
            }
        }
        for group in by_first_last.values() {
            // Join only names that differ by middle initials/names: "Donald J. Trump".
            for &i in &group[1..] {
                union(group[0], i, &mut parent);
            }
        }
        for (i, (n, _)) in names.iter().enumerate() {
            let w = words(n);
            if w.len() != 1 || !person_shaped(n) {
                continue;
            }
            if let Some(cands) = by_surname.get(&w[0].to_lowercase()) {
                let mut roots: Vec<usize> = cands.iter().map(|&c| find(&mut parent, c)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    union(i, roots[0], &mut parent);
                }
            }
        }
        let mut members: HashMap<usize, Vec<&str>> = HashMap::new();
        for (n, _) in names {
            let root = find(&mut parent, idx[n.as_str()]);
            members.entry(root).or_default().push(n);
        }
        let mut groups = BTreeMap::new();
        for mut m in members.into_values() {
            if m.len() < 2 {
                continue;
            }
            // Canonical: the most used multi-word name ("Donald Trump"), ties by shortest.
            m.sort();
            let canonical = m
                .iter()
                .max_by(|a, b| {
                    (words(a).len() >= 2)
                        .cmp(&(words(b).len() >= 2))
                        .then(count.get(*a).cmp(&count.get(*b)))
                        .then(b.len().cmp(&a.len()))
                })
                .map(|s| s.to_string())
                .unwrap_or_default();
            groups.insert(canonical, m.into_iter().map(String::from).collect());
        }
        SpeakerGroups::from_groups(groups)
    }

    /// Wraps `groups` with the lookup tables derived from them (the first group in order
    /// wins a name that two groups share).
    fn from_groups(groups: BTreeMap<String, Vec<String>>) -> SpeakerGroups {
        let mut by_name = HashMap::new();
        let mut by_lower = HashMap::new();
        for (canonical, variants) in &groups {
            by_lower
                .entry(canonical.to_lowercase())
                .or_insert_with(|| canonical.clone());
            for v in variants {
                by_name
                    .entry(v.clone())
                    .or_insert_with(|| canonical.clone());
                by_lower
                    .entry(v.to_lowercase())
                    .or_insert_with(|| canonical.clone());
            }
        }
        SpeakerGroups {
            groups,
            by_name,
            by_lower,
        }
    }

    /// The canonical name of `name` (itself when it is in no group).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.by_name.get(name).map_or(name, String::as_str)
    }

    /// Every variant of the group `name` belongs to, when it names one (case-blind match
    /// against the canonical name or any variant); empty otherwise.
    pub fn variants_of(&self, name: &str) -> Vec<String> {
        self.by_lower
            .get(&name.trim().to_lowercase())
            .and_then(|c| self.groups.get(c))
            .cloned()
            .unwrap_or_default()
    }

    /// Loads the groups of the index at `dir` (empty when none were saved).
    pub fn load(dir: &Path) -> SpeakerGroups {
        SpeakerGroups::load_with_digest(dir).0
    }

    /// Loads the groups of the index at `dir`, with the [`digest`] of the file's bytes (0
    /// when there is no file), which names the groups for caches built from them.
    pub fn load_with_digest(dir: &Path) -> (SpeakerGroups, u64) {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok();
        let saved: SpeakerGroups = bytes
            .as_deref()
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or_default();
        (
            SpeakerGroups::from_groups(saved.groups),
            bytes.as_deref().map_or(0, digest),
        )
    }

    /// Saves the groups into the index at `dir` (atomically); returns the [`digest`] of
    /// what it wrote.
    pub fn save(&self, dir: &Path) -> std::io::Result<u64> {
        let tmp = dir.join(format!("{FILE_NAME}.tmp"));
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(tmp, dir.join(FILE_NAME))?;
        Ok(digest(&bytes))
    }
}

/// A 64-bit digest of a groups file's bytes (never 0). Unlike the standard library's
/// hasher it has no per-process key; should another build of newsidx compute it
/// differently, a cache keyed by it is merely ignored.
pub fn digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(names: &[(&str, u64)]) -> SpeakerGroups {
        let v: Vec<(String, u64)> = names.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        SpeakerGroups::build(&v)
    }

    #[test]
    fn variants_of_one_person_join() {
        let g = groups(&[
            ("Donald Trump", 10),
            ("Donald J. Trump", 2),
            ("Trump", 5),
            ("Mike Pence", 3),
        ]);
        assert_eq!(g.canonical("Trump"), "Donald Trump");
        assert_eq!(g.canonical("Donald J. Trump"), "Donald Trump");
        assert_eq!(g.canonical("Mike Pence"), "Mike Pence");
        let mut v = g.variants_of("donald trump");
        v.sort();
        assert_eq!(v, ["Donald J. Trump", "Donald Trump", "Trump"]);
    }

    #[test]
    fn organisations_sharing_first_and_last_words_stay_apart() {
        let g = groups(&[
            ("U.S. State Department", 9),
            ("U.S. Commerce Department", 4),
            ("West Midlands Police", 5),
            ("West Mercia Police", 3),
            ("Metropolitan Police", 6),
            ("Metropolitan police", 2),
            ("Department", 1),
            ("Detective Inspector Jo Marsh police", 1),
            ("Detective Sergeant Al Hunt police", 1),
            ("US", 7),
            ("Us", 1),
        ]);
        for name in [
            "U.S. State Department",
            "U.S. Commerce Department",
            "West Midlands Police",
            "West Mercia Police",
            "Department",
            "Detective Inspector Jo Marsh police",
            "US",
            "Us",
        ] {
            assert_eq!(g.canonical(name), name, "{name}");
            assert!(g.variants_of(name).is_empty(), "{name}");
        }
        // Case variants of one name still join.
        assert_eq!(g.canonical("Metropolitan police"), "Metropolitan Police");
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let g = groups(&[("Hillary Clinton", 10), ("Bill Clinton", 4), ("Clinton", 7)]);
        assert_eq!(g.canonical("Clinton"), "Clinton");
        assert_eq!(g.canonical("Bill Clinton"), "Bill Clinton");
        assert!(g.variants_of("Hillary Clinton").is_empty());
    }
}
