//! Query text and filters → one tantivy query.
//!
//! The query text uses tantivy's syntax over the title (boosted) and passage text: words are
//! ANDed, `"phrases"`, `OR`, `-term`, `title:word`. Filters are ANDed on top: any of the
//! `--speaker` names, a date range, any of the `--source` values.

use crate::dates::{Bound as DateBound, parse_bound};
use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::quotes::lexicon::{honorific_gender, is_org_word, is_title};
use crate::speakers::clean_name;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

/// Title matches count this much more than body matches.
pub const TITLE_BOOST: f32 = 2.0;
/// Longest query text accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 100 * 1024;
/// Deepest nesting of parentheses accepted (tantivy's parser recurses on them).
pub const MAX_DEPTH: usize = 32;
/// Most operator words (`NOT`, `AND`, `OR`, `-`, `+`) accepted in a row.
pub const MAX_OPERATOR_RUN: usize = 4;

/// Refuses query text that would make the parser run away: too long or nested too deep.
fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(Error::Query(format!(
            "the query is {} KB; the limit is {} KB",
            text.len() / 1024,
            MAX_QUERY_BYTES / 1024
        )));
    }
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::Query(format!(
                        "parentheses nest deeper than {MAX_DEPTH} levels"
                    )));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // tantivy's parser also recurses on chains of prefix operators ("NOT NOT NOT …").
    let mut run = 0usize;
    for word in text.split_whitespace() {
        let operator =
            matches!(word, "NOT" | "AND" | "OR") || word.chars().all(|c| matches!(c, '-' | '+'));
        run = if operator { run + 1 } else { 0 };
        if run > MAX_OPERATOR_RUN {
            return Err(Error::Query(format!(
                "more than {MAX_OPERATOR_RUN} operators in a row"
            )));
        }
    }
    Ok(())
}

/// Filters applied on top of the query text.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Speaker names; a passage matches when any of them is among its speakers.
    pub speakers: Vec<String>,
    /// Earliest date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), inclusive.
    pub from: Option<String>,
    /// Latest date, inclusive of the whole period given.
    pub to: Option<String>,
    /// Sources; case-blind exact match, any of them.
    pub sources: Vec<String>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.sources.is_empty()
    }
}

/// Whether query text `text` is single words joined by OR (or one word): a query whose
/// matches are a union of terms' postings. Ranking such a query alone lets tantivy skip
/// blocks that cannot reach the top (block-max WAND), and its matches are counted
/// cheaply without scores, so two passes beat one; an AND or a phrase is cheaper in one.
pub fn is_disjunction(text: &str) -> bool {
    use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
    fn union(ast: &UserInputAst) -> bool {
        match ast {
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                // One word that the analyzer keeps whole ("pre-notification" is two
                // tokens, a phrase).
                UserInputLeaf::Literal(l) => {
                    matches!(l.delimiter, Delimiter::None)
                        && !l.prefix
                        && !l.phrase.is_empty()
                        && l.phrase.chars().all(char::is_alphanumeric)
                }
                _ => false,
            },
            UserInputAst::Boost(inner, _) => union(inner),
            UserInputAst::Clause(clauses) => match clauses.as_slice() {
                [(occur, one)] => occur.is_none_or(|o| o != Occur::MustNot) && union(one),
                many => many
                    .iter()
                    .all(|(occur, c)| *occur == Some(Occur::Should) && union(c)),
            },
        }
    }
    !text.trim().is_empty()
        && tantivy::query_grammar::parse_query(text).is_ok_and(|ast| union(&ast))
}

/// Builds the full query: parsed text plus filters.
pub fn build(handle: &IndexHandle, text: &str, filters: &Filters) -> Result<Box<dyn Query>> {
    let f = &handle.fields;
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    check_size(text)?;
    if !text.trim().is_empty() {
        let mut parser = QueryParser::for_index(&handle.index, vec![f.title, f.text]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        let q = parser
            .parse_query(text)
            .map_err(|e| Error::Query(e.to_string()))?;
        parts.push((Occur::Must, q));
    }
    if !filters.speakers.is_empty() {
        let mut any = Vec::new();
        for name in filters.speakers.iter().flat_map(|n| speaker_forms(n)) {
            if let Some(q) = name_query(handle, f.speakers, &name)? {
                any.push((Occur::Should, q));
            }
            // Merged variants ("Trump" for "Donald Trump") match exactly, by facet.
            for variant in handle.groups.variants_of(&name) {
                let t = Term::from_facet(f.speaker_facet, &Facet::from_path([variant.as_str()]));
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
                ));
            }
        }
        if any.is_empty() {
            return Err(Error::Usage(
                "--speaker needs a name with at least one letter or digit".into(),
            ));
        }
        parts.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if filters.from.is_some() || filters.to.is_some() {
        let parse = |v: &Option<String>, which| -> Result<Option<chrono::DateTime<chrono::Utc>>> {
            v.as_deref()
                .map(|s| parse_bound(s, which))
                .transpose()
                .map_err(Error::Usage)
        };
        let (from, to) = (
            parse(&filters.from, DateBound::Start)?,
            parse(&filters.to, DateBound::End)?,
        );
        let by_day = match (from, to) {
            (Some(start), Some(end)) => {
                date_facet_terms(f.date_facet, start.date_naive(), end.date_naive())
            }
            _ => None,
        };
        let filter: Box<dyn Query> = match by_day {
            Some(terms) => Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(
                    terms
                        .into_iter()
                        .map(|t| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                            (Occur::Should, q)
                        })
                        .collect(),
                )),
                1.0,
            )),
            None => {
                let term = |d: chrono::DateTime<chrono::Utc>| {
                    Term::from_field_date(f.date, DateTime::from_timestamp_secs(d.timestamp()))
                };
                Box::new(RangeQuery::new(
                    from.map_or(Bound::Unbounded, |d| Bound::Included(term(d))),
                    to.map_or(Bound::Unbounded, |d| Bound::Excluded(term(d))),
                ))
            }
        };
        parts.push((Occur::Must, filter));
    }
    if !filters.sources.is_empty() {
        let any = filters
            .sources
            .iter()
            .map(|s| {
                let t = Term::from_field_text(f.source, &s.to_lowercase());
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        parts.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    Ok(match parts.len() {
        0 => Box::new(AllQuery),
        1 if parts[0].0 == Occur::Must => parts.remove(0).1,
        _ => Box::new(BooleanQuery::new(parts)),
    })
}

/// Most date facet terms a date filter is rewritten into; a longer decomposition keeps
/// the range query.
const MAX_DATE_TERMS: usize = 64;

/// The `date_facet` terms that cover the days `start..end` exactly, largest units first
/// (whole years, then whole months, then days), or `None` past [`MAX_DATE_TERMS`].
///
/// A facet term matches every passage dated inside it, through its postings: intersecting
/// a query with those is far cheaper than with a range over the date column, which has to
/// scan the column for the documents in range (a year of Reuters is two fifths of the
/// bundled benchmark corpus). The facet holds the same calendar day as the date field.
fn date_facet_terms(
    field: Field,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> Option<Vec<Term>> {
    use chrono::{Datelike, Months, NaiveDate};
    let mut out = Vec::new();
    let mut d = start;
    while d < end {
        if out.len() == MAX_DATE_TERMS {
            return None;
        }
        let next_year = NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)?;
        let next_month = d.with_day(1)?.checked_add_months(Months::new(1))?;
        let (month_day, next) = if d.ordinal() == 1 && next_year <= end {
            (None, next_year)
        } else if d.day() == 1 && next_month <= end {
            (Some((d.month(), None)), next_month)
        } else {
            (Some((d.month(), Some(d.day()))), d.succ_opt()?)
        };
        let path = crate::dates::period_facet(d.year(), month_day);
        out.push(Term::from_facet(field, &Facet::from(path.as_str())));
        d = next;
    }
    (!out.is_empty()).then_some(out)
}

/// The forms a `--speaker` value is looked up by: as typed, and, when titles or an
/// honorific open it, the bare name after them ("Mr Patel" → "Patel", "President Trump" →
/// "Trump"), as speakers are indexed bare. A name that ends in a title or an organisation
/// word ("Prime Minister", "State Department") is looked up only as typed, so it never
/// widens to "Minister" or "Department".
fn speaker_forms(name: &str) -> Vec<String> {
    let typed = name.trim().to_string();
    let first = typed.split_whitespace().next().unwrap_or_default();
    let bare = clean_name(&typed).name;
    let last = bare.split_whitespace().last().unwrap_or_default();
    let titled = is_title(first) || honorific_gender(first.trim_end_matches('.')).is_some();
    if titled && !bare.is_empty() && bare != typed && !is_title(last) && !is_org_word(last) {
        vec![typed, bare]
    } else {
        vec![typed]
    }
}

/// `patel` → term; `vedant patel` → phrase within one speaker name.
fn name_query(handle: &IndexHandle, field: Field, name: &str) -> Result<Option<Box<dyn Query>>> {
    let mut analyzer = handle.index.tokenizer_for_field(field)?;
    let mut terms = Vec::new();
    let mut stream = analyzer.token_stream(name);
    while let Some(tok) = stream.next() {
        terms.push(Term::from_field_text(field, &tok.text));
    }
    Ok(match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};
    use tantivy::schema::{FacetOptions, Schema};

    #[test]
    fn speaker_values_are_also_looked_up_without_titles() {
        for (typed, forms) in [
            ("Mr Patel", &["Mr Patel", "Patel"][..]),
            ("mr. patel", &["mr. patel", "patel"]),
            ("President Trump", &["President Trump", "Trump"]),
            ("Sen. McCaskill", &["Sen. McCaskill", "McCaskill"]),
            (
                "Deputy spokesman Vedant Patel",
                &["Deputy spokesman Vedant Patel", "Vedant Patel"],
            ),
            ("Vedant Patel", &["Vedant Patel"]),
            ("State Department", &["State Department"]),
            ("Prime Minister", &["Prime Minister"]),
            ("the BBC", &["the BBC"]),
            ("Mr", &["Mr"]),
        ] {
            assert_eq!(speaker_forms(typed), forms, "{typed}");
        }
    }

    #[test]
    fn words_joined_by_or_are_a_disjunction_and_nothing_else_is() {
        for yes in [
            "sovereignty",
            "minister OR president",
            "(a OR b) OR c",
            "strikes^2",
        ] {
            assert!(is_disjunction(yes), "{yes}");
        }
        for no in [
            "",
            "air strikes",
            "\"air strikes\"",
            "pre-notification",
            "minister AND president",
            "-minister",
            "strike*",
            "title:strikes OR (a b)",
        ] {
            assert!(!is_disjunction(no), "{no}");
        }
    }

    /// The days a facet path stands for, from its depth.
    fn days_of(path: &str, out: &mut Vec<NaiveDate>) {
        let parts: Vec<i32> = path
            .trim_start_matches('/')
            .split('/')
            .filter_map(|p| p.parse().ok())
            .collect();
        let mut d = NaiveDate::from_ymd_opt(parts[0], parts.get(1).map_or(1, |&m| m as u32), 1)
            .expect("valid");
        if let Some(&day) = parts.get(2) {
            out.push(d.with_day(day as u32).expect("valid"));
            return;
        }
        while d.year() == parts[0] && parts.get(1).is_none_or(|&m| d.month() == m as u32) {
            out.push(d);
            d = d.succ_opt().expect("valid");
        }
    }

    #[test]
    fn date_facet_terms_cover_the_range_exactly() {
        let mut schema = Schema::builder();
        let field = schema.add_facet_field("date_facet", FacetOptions::default());
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        let starts = [
            day(1987, 1, 1),
            day(2023, 12, 31),
            day(2024, 2, 1),
            day(2024, 2, 28),
        ];
        let ends = [
            day(1988, 1, 1),
            day(2024, 3, 1),
            day(2024, 2, 29),
            day(2026, 1, 15),
        ];
        for &start in &starts {
            for &end in &ends {
                // None: an empty range, or one that would need too many terms.
                let Some(terms) = date_facet_terms(field, start, end) else {
                    assert!(
                        start >= end || (end - start).num_days() > 365,
                        "{start}..{end}"
                    );
                    continue;
                };
                let mut covered = Vec::new();
                for t in &terms {
                    let facet = t.value().as_facet().expect("a facet term");
                    days_of(facet.to_path_string().as_str(), &mut covered);
                }
                let want: Vec<NaiveDate> = start.iter_days().take_while(|d| *d < end).collect();
                assert_eq!(covered, want, "{start}..{end}");
            }
        }
        // A whole year is one term; decades of days would be too many.
        assert_eq!(
            date_facet_terms(field, day(1987, 1, 1), day(1988, 1, 1)).map(|t| t.len()),
            Some(1)
        );
        assert!(date_facet_terms(field, day(1990, 1, 2), day(2000, 1, 1)).is_some());
        assert!(date_facet_terms(field, day(1990, 1, 2), day(1991, 12, 30)).is_none());
    }
}
