//! Messy date strings → UTC timestamps, facet paths and filter bounds.
//!
//! News metadata carries dates in every shape: RFC 3339 from APIs, RFC 2822 from feeds,
//! `26-FEB-1987 15:01:01.79` from newswire dumps, `February 5, 2024` from bylines. This
//! module turns each into a [`DateTime`] in the offset the source wrote it in (UTC when it
//! gave none), keeps the day when only the time is garbage, and refuses (returns `None`)
//! rather than guessing when the day itself is not clear.
//!
//! The offset is kept because the publication *day* a reader expects is the publisher's:
//! a story stamped `2024-02-05T21:00:00-05:00` appeared on 5 February in Washington, though
//! it was already the 6th in UTC. Facets and date filters use that local day.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// Years outside this range are treated as garbage, not as dates.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Formats with an explicit offset.
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%dT%H:%M%:z",
];

/// Date-and-time formats without an offset; read as UTC.
const NAIVE_DATETIME: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d-%b-%Y %H:%M:%S%.f",
    "%B %d, %Y %H:%M",
];

/// Day-only formats; also tried on a prefix when the rest of the string is a broken time.
const DATE_ONLY: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
    "%a, %d %b %Y",
    "%d.%m.%Y",
];

/// Parses a date or timestamp in any of the supported shapes, keeping its offset.
///
/// Returns `None` for text that is not a date, or whose year lies outside 1000–9999.
pub fn parse_date(input: &str) -> Option<DateTime<FixedOffset>> {
    let s = input.trim().trim_matches('"');
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let parsed = parse_any(s)?;
    YEARS.contains(&parsed.year()).then_some(parsed)
}

fn parse_any(s: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d);
    }
    // "2024-02-05T10:00:00Z" with fractional seconds of odd length, or a trailing "Z".
    let z_stripped = s.strip_suffix('Z').or_else(|| s.strip_suffix(" UTC"));
    for f in WITH_OFFSET {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    for candidate in [Some(s), z_stripped].into_iter().flatten() {
        for f in NAIVE_DATETIME {
            if let Ok(d) = NaiveDateTime::parse_from_str(candidate, f) {
                return Some(utc(d));
            }
        }
    }
    for f in DATE_ONLY {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(midnight(d));
        }
    }
    // A clear day followed by a broken time ("31-MAR-1987 605:12:19.12"): keep the day.
    for f in DATE_ONLY {
        if let Ok((d, rest)) = NaiveDate::parse_and_remainder(s, f)
            && rest.starts_with([' ', 'T', ','])
        {
            return Some(midnight(d));
        }
    }
    None
}

fn midnight(d: NaiveDate) -> DateTime<FixedOffset> {
    utc(d.and_time(NaiveTime::MIN))
}

fn utc(d: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&d).fixed_offset()
}

/// The local wall-clock time of `d` as if it were UTC: what the index stores, so that a
/// `--from 2024-02-05` filter and the `/2024/02/05` facet agree on the publisher's day.
pub fn local_as_utc(d: DateTime<FixedOffset>) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.naive_local())
}

static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([-_/.]?)(0[1-9]|1[0-2])([-_/.]?)(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)")
        .expect("path date pattern is valid")
});

/// Finds a date written into a file name or folder path (`2024-02-05`, `20240205`,
/// `2024/02/05/`). The last match wins, since file names are more specific than folders.
pub fn date_from_path(path: &Path) -> Option<DateTime<FixedOffset>> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut found = None;
    for c in PATH_DATE.captures_iter(&text) {
        // The two separators must agree ("2024-02-05", "20240205"), or it is some other number.
        if c[2] != c[4] {
            continue;
        }
        let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[3].parse(), c[5].parse()) else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            found = Some(midnight(date));
        }
    }
    found
}

/// The hierarchical facet path of a date: `/2024/02/05`, or `/undated`.
pub fn facet_path(date: Option<DateTime<FixedOffset>>) -> String {
    match date {
        Some(d) => period_facet(d.year(), Some((d.month(), Some(d.day())))),
        None => UNDATED_FACET.to_string(),
    }
}

/// The facet path of a year (`/2024`), a month (`/2024/02`) or a day (`/2024/02/05`):
/// the one format the index writes and date filters query.
pub fn period_facet(year: i32, month_day: Option<(u32, Option<u32>)>) -> String {
    match month_day {
        None => format!("/{year:04}"),
        Some((m, None)) => format!("/{year:04}/{m:02}"),
        Some((m, Some(d))) => format!("/{year:04}/{m:02}/{d:02}"),
    }
}

/// The facet value for articles without a date.
pub const UNDATED_FACET: &str = "/undated";

/// Which end of a period a filter bound stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `--from`: the first instant of the period.
    Start,
    /// `--to`: the first instant after the period (used as an exclusive limit).
    End,
}

/// Parses a `--from`/`--to` value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) into an instant.
///
/// `--to 2024-02` means "up to and including February", so [`Bound::End`] gives the first
/// instant of March.
pub fn parse_bound(input: &str, bound: Bound) -> Result<DateTime<Utc>, String> {
    let s = input.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let bad = || {
        format!("'{input}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (for example 2024-02)")
    };
    let num = |p: &str| -> Result<u32, String> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<u32>().map_err(|_| bad())
    };
    let year = i32::try_from(num(parts[0])?).map_err(|_| bad())?;
    if parts[0].len() != 4 || !YEARS.contains(&year) {
        return Err(bad());
    }
    let (start, end) = match parts.len() {
        1 => (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year + 1, 1, 1),
        ),
        2 => {
            let m = num(parts[1])?;
            let start = NaiveDate::from_ymd_opt(year, m, 1);
            (
                start,
                start.and_then(|d| d.checked_add_months(chrono::Months::new(1))),
            )
        }
        3 => {
            let (m, d) = (num(parts[1])?, num(parts[2])?);
            let start = NaiveDate::from_ymd_opt(year, m, d);
            if start.is_none() {
                return Err(format!(
                    "'{input}' is not a day of the calendar: check the month and day"
                ));
            }
            (start, start.and_then(|d| d.succ_opt()))
        }
        _ => return Err(bad()),
    };
    let day = match bound {
        Bound::Start => start,
        Bound::End => end,
    };
    day.map(|d| midnight(d).to_utc()).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> String {
        parse_date(s)
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default()
    }

    #[test]
    fn parses_every_documented_shape() {
        assert_eq!(ymd("2024-02-05T10:30:00Z"), "2024-02-05 10:30");
        // The offset is kept: the local time and day are the publisher's.
        assert_eq!(ymd("2024-02-05T10:30:00+02:00"), "2024-02-05 10:30");
        assert_eq!(ymd("2024-02-05T10:30:00+0200"), "2024-02-05 10:30");
        let late = parse_date("2024-02-05T21:00:00-05:00");
        assert_eq!(
            late.map(|d| d.to_utc().format("%F").to_string()).as_deref(),
            Some("2024-02-06")
        );
        assert_eq!(facet_path(late), "/2024/02/05");
        assert_eq!(
            late.map(|d| local_as_utc(d).format("%F %H:%M").to_string())
                .as_deref(),
            Some("2024-02-05 21:00")
        );
        assert_eq!(ymd("2024-02-05T10:30:00"), "2024-02-05 10:30");
        assert_eq!(ymd("2024-02-05"), "2024-02-05 00:00");
        assert_eq!(ymd("2017-07-17 17:03:00"), "2017-07-17 17:03");
        assert_eq!(ymd("Mon, 05 Feb 2024 10:30:00 +0000"), "2024-02-05 10:30");
        assert_eq!(ymd("26-FEB-1987 15:01:01.79"), "1987-02-26 15:01");
        assert_eq!(ymd("1-MAR-1987"), "1987-03-01 00:00");
        assert_eq!(ymd("31-MAR-1987 605:12:19.12"), "1987-03-31 00:00");
        assert_eq!(ymd("February 5, 2024"), "2024-02-05 00:00");
        assert_eq!(ymd("5 February 2024"), "2024-02-05 00:00");
        assert_eq!(ymd("Feb 5, 2024"), "2024-02-05 00:00");
    }

    #[test]
    fn refuses_garbage() {
        for s in [
            "",
            "yesterday",
            "2024-13-45",
            "0000-01-01",
            "99999-01-01",
            "5",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn finds_dates_in_paths() {
        let d = |p: &str| date_from_path(Path::new(p)).map(|d| d.format("%F").to_string());
        assert_eq!(d("a/2024-02-05-iraq.txt").as_deref(), Some("2024-02-05"));
        assert_eq!(d("a/20240205.txt").as_deref(), Some("2024-02-05"));
        assert_eq!(
            d("news/2024/02/05/story.html").as_deref(),
            Some("2024-02-05")
        );
        assert_eq!(d("a/2024-0205.txt"), None);
        assert_eq!(d("a/12345678901.txt"), None);
    }

    #[test]
    fn bounds_cover_whole_periods() {
        let f = |s, b| parse_bound(s, b).map(|d| d.format("%F").to_string());
        assert_eq!(f("2024", Bound::Start).as_deref(), Ok("2024-01-01"));
        assert_eq!(f("2024", Bound::End).as_deref(), Ok("2025-01-01"));
        assert_eq!(f("2024-02", Bound::End).as_deref(), Ok("2024-03-01"));
        assert_eq!(f("2024-12", Bound::End).as_deref(), Ok("2025-01-01"));
        assert_eq!(f("2024-02-29", Bound::End).as_deref(), Ok("2024-03-01"));
        assert!(f("2024-02-30", Bound::Start).is_err());
        assert!(f("24-02", Bound::Start).is_err());
        assert!(f("2024-x", Bound::Start).is_err());
    }

    #[test]
    fn facet_paths() {
        assert_eq!(facet_path(parse_date("2024-02-05")), "/2024/02/05");
        assert_eq!(facet_path(None), "/undated");
    }
}
