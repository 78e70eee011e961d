//! An HTML page's metadata: title, publication date, authors, outlet and canonical URL.
//!
//! Each field is read from the most reliable places a page offers: schema.org JSON-LD
//! (`NewsArticle` and kin), `<meta>` tags (Open Graph, `article:*`, Dublin Core, Parse.ly,
//! Sailthru, plain `author`/`date`), marked-up elements (`<time datetime>`, `itemprop`,
//! `rel=author`), the date in the canonical URL, and last the dateline printed next to the
//! headline. For the date, explicit `<meta>` publication tags come before JSON-LD (they
//! more often carry the offset the page was published in); for the title, the sources
//! vote. A field the page does not state is left empty, and modification dates are never
//! used: a missing date is better than a wrong one.

use crate::dates::parse_date;
use chrono::{DateTime, FixedOffset};
use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<DateTime<FixedOffset>>,
    /// Author names, in page order, without duplicates.
    pub authors: Vec<String>,
    /// The outlet's name, else the canonical URL's host.
    pub source: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The `articleBody` of the page's JSON-LD, when it has one.
    pub ld_body: Option<String>,
}

fn sel(s: &str) -> Selector {
    // The selectors are literals of this module; a failure is a bug caught by the tests.
    Selector::parse(s).unwrap_or_else(|_| panic!("selector {s} is valid"))
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LD_JSON: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"script[type="application/ld+json" i]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel~="canonical" i]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static ITEMPROP_DATE: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"[itemprop="datePublished"], [itemprop="dateCreated"]"#));
static ITEMPROP_AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[itemprop="author"] [itemprop="name"], [itemprop="author"]:not(:has([itemprop="name"])), a[rel~="author"]"#,
    )
});

/// Meta tag names (lower case) that carry the publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "pub_date",
    "date.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "bt:pubdate",
    "date",
    "dc.date.modified",
];

/// Meta tag names whose content is an author's name.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
];

/// JSON-LD types that describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicQuestionNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "Blog",
    "VideoObject",
];

/// Reads the metadata of a parsed page.
/// `source` is the page's HTML text, searched for dates in markup that is not parsed as
/// such (JSON-LD too broken for a JSON parser, RDF comments).
pub fn extract(doc: &Html, html_text: &str) -> Meta {
    let metas = meta_tags(doc);
    let ld = json_ld(doc);
    let article = best_article(&ld);
    let m = |name: &str| metas.get(name).and_then(|v| v.first()).map(String::as_str);

    let url = doc
        .select(&CANONICAL)
        .filter_map(|e| e.attr("href"))
        .map(str::trim)
        .find(|h| h.starts_with("http"))
        .map(str::to_string)
        .or_else(|| {
            m("og:url")
                .filter(|u| u.starts_with("http"))
                .map(str::to_string)
        })
        .or_else(|| {
            article
                .and_then(|a| a.get("url").or_else(|| a.get("mainEntityOfPage")))
                .and_then(id_or_str)
                .filter(|u| u.starts_with("http"))
        });
    let site = m("og:site_name")
        .map(clean_text)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            article
                .and_then(|a| a.get("publisher"))
                .and_then(name_of)
                .filter(|s| !s.is_empty())
        });
    let source = site.clone().or_else(|| url.as_deref().and_then(host));

    Meta {
        title: title(doc, &metas, article, site.as_deref()),
        date: date(doc, &metas, &ld, article)
            .map(|d| in_local_offset(d, &metas, &ld))
            .map(|d| local_day_before_utc_midnight(d, html_text))
            .or_else(|| date_in_source(html_text))
            .or_else(|| url.as_deref().and_then(date_in_url))
            .or_else(|| first_time(doc))
            .or_else(|| date_near_headline(doc)),
        authors: authors(doc, &metas, article),
        source,
        url,
        ld_body: article
            .and_then(|a| a.get("articleBody"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|b| !b.trim().is_empty()),
    }
}

/// `<meta>` contents by lower-cased `property`, `name`, `itemprop` or `http-equiv`.
fn meta_tags(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for e in doc.select(&META) {
        let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = e.attr(key) {
                out.entry(k.trim().to_ascii_lowercase())
                    .or_default()
                    .push(content.to_string());
            }
        }
    }
    out
}

/// Every JSON object in the page's JSON-LD scripts, flattened out of arrays and `@graph`.
fn json_ld(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select(&LD_JSON) {
        let raw: String = script.text().collect();
        let raw = raw.trim();
        let raw = raw
            .strip_prefix("<![CDATA[")
            .and_then(|r| r.strip_suffix("]]>"))
            .unwrap_or(raw);
        // Some sites leave control characters (raw newlines in strings) in their JSON-LD.
        let cleaned: String;
        let v = match serde_json::from_str::<Value>(raw) {
            Ok(v) => v,
            Err(_) => {
                cleaned = raw
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                match serde_json::from_str::<Value>(&cleaned) {
                    Ok(v) => v,
                    Err(_) => continue,
                }
            }
        };
        flatten_ld(v, &mut out, 0);
    }
    out
}

fn flatten_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                flatten_ld(i, out, depth + 1);
            }
        }
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten_ld(g, out, depth + 1);
            }
            if o.contains_key("@type") {
                out.push(Value::Object(o));
            }
        }
        _ => {}
    }
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// The JSON-LD object for the article: the first of the most specific type present.
fn best_article(ld: &[Value]) -> Option<&Value> {
    ARTICLE_TYPES.iter().find_map(|t| {
        ld.iter()
            .find(|v| types(v).iter().any(|x| x.eq_ignore_ascii_case(t)))
    })
}

fn id_or_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean_text(s)),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean_text),
        Value::Array(a) => a.iter().find_map(name_of),
        _ => None,
    }
}

fn clean_text(s: &str) -> String {
    let decoded = html_escape::decode_html_entities(s);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The host of a URL without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let h = rest.split(['/', '?', '#', ':']).next()?;
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty()).then(|| h.to_ascii_lowercase())
}

/// The headline: the text most of the page's title sources agree on (JSON-LD `headline`,
/// `og:title`, the first `<h1>`, `twitter:title`; ties go to that order), else `<title>`
/// with the site name cut off ("Headline | Site").
///
/// Agreement beats any fixed order because each source fails on some sites: `<h1>` can
/// be a section name, `og:title` a shortened social headline, JSON-LD an SEO variant.
fn title(
    doc: &Html,
    metas: &HashMap<String, Vec<String>>,
    article: Option<&Value>,
    site: Option<&str>,
) -> Option<String> {
    let meta = |k: &str| metas.get(k).and_then(|v| v.first()).map(|v| clean_text(v));
    let candidates: Vec<String> = [
        article
            .and_then(|a| a.get("headline"))
            .and_then(Value::as_str)
            .map(clean_text),
        meta("og:title").map(|t| strip_site(&t, site, false)),
        doc.select(&H1)
            .map(|h| clean_text(&h.text().collect::<String>()))
            .find(|h| !h.is_empty()),
        meta("twitter:title").map(|t| strip_site(&t, site, false)),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.is_empty())
    .collect();
    let votes = |t: &String| candidates.iter().filter(|c| fold(c) == fold(t)).count();
    let mut best: Option<&String> = None;
    for c in &candidates {
        if best.is_none_or(|b| votes(c) > votes(b)) {
            best = Some(c);
        }
    }
    if let Some(b) = best {
        return Some(b.clone());
    }
    let t = doc
        .select(&TITLE)
        .next()
        .map(|t| clean_text(&t.text().collect::<String>()))
        .or_else(|| meta("dc.title"))
        .filter(|t| !t.is_empty())?;
    Some(strip_site(&t, site, true))
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Headline | Site" → "Headline", when the cut part is the site's name (or, with
/// `guess`, short enough to be one).
fn strip_site(t: &str, site: Option<&str>, guess: bool) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| fold(s) == fold(tail))
                || (guess
                    && tail.split_whitespace().count() <= 4
                    && head.split_whitespace().count() >= 3);
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// `d` as the page writes it in a local offset, when `d` is in UTC and the page's
/// JSON-LD or meta tags give the same instant with one: the publisher's calendar day is
/// the one a reader means ("published on the 25th" in Cairo, not 23:59 UTC on the 24th).
fn in_local_offset(
    d: DateTime<FixedOffset>,
    metas: &HashMap<String, Vec<String>>,
    ld: &[Value],
) -> DateTime<FixedOffset> {
    if d.offset().local_minus_utc() != 0 {
        return d;
    }
    let from_ld = ld.iter().flat_map(|v| {
        ["datePublished", "dateCreated"]
            .into_iter()
            .filter_map(|k| v.get(k).and_then(Value::as_str))
    });
    from_ld
        .chain(meta_dates(metas))
        .filter_map(parse_date)
        .find(|c| c.offset().local_minus_utc() != 0 && (c.timestamp() - d.timestamp()).abs() < 60)
        .unwrap_or(d)
}

static SOURCE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)"\w*(?:creat|publi)\w*"\s*:\s*"(\d{4}-\d{2}-\d{2})""#)
        .expect("source day pattern is valid")
});

/// A UTC stamp just after midnight, on a page whose own data gives the creation or
/// publication as a bare date the day before, was published that evening west of
/// Greenwich: the bare date is the publisher's calendar day, so it wins. Only the day
/// before counts, and only up to noon UTC (no offset is further west than −12:00).
fn local_day_before_utc_midnight(d: DateTime<FixedOffset>, source: &str) -> DateTime<FixedOffset> {
    use chrono::Timelike;
    if d.offset().local_minus_utc() != 0 || d.hour() >= 12 {
        return d;
    }
    let Some(day_before) = d.date_naive().pred_opt() else {
        return d;
    };
    SOURCE_DAY
        .captures_iter(source)
        .filter_map(|c| parse_date(&c[1]))
        .find(|c| c.date_naive() == day_before)
        .unwrap_or(d)
}

/// The contents of the publication-date meta tags, in [`DATE_METAS`] order.
fn meta_dates(metas: &HashMap<String, Vec<String>>) -> impl Iterator<Item = &str> {
    DATE_METAS
        .iter()
        .flat_map(|n| metas.get(*n).into_iter().flatten().map(String::as_str))
}

/// The publication date, from the first source in the module's order that has one.
fn date(
    doc: &Html,
    metas: &HashMap<String, Vec<String>>,
    ld: &[Value],
    article: Option<&Value>,
) -> Option<DateTime<FixedOffset>> {
    let from_ld = |v: &Value| {
        ["datePublished", "dateCreated", "uploadDate"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str).and_then(parse_date))
    };
    if let Some(d) = meta_dates(metas)
        .find_map(parse_date)
        .or_else(|| article.and_then(from_ld))
        .or_else(|| ld.iter().find_map(from_ld))
    {
        return Some(d);
    }
    for e in doc.select(&ITEMPROP_DATE) {
        if let Some(d) = e
            .attr("datetime")
            .or_else(|| e.attr("content"))
            .and_then(parse_date)
            .or_else(|| parse_date(&e.text().collect::<String>()))
        {
            return Some(d);
        }
    }
    for e in doc.select(&TIME) {
        if is_modified(&e) {
            continue;
        }
        if (e.attr("pubdate").is_some() || is_published(&e))
            && let Some(d) = e.attr("datetime").and_then(parse_date)
        {
            return Some(d);
        }
    }
    None
}

/// The first `<time datetime>` in the page, unless it says it is an update.
fn first_time(doc: &Html) -> Option<DateTime<FixedOffset>> {
    doc.select(&TIME)
        .find(|e| !is_modified(e))
        .and_then(|e| e.attr("datetime"))
        .and_then(parse_date)
}

static SOURCE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:"datePublished"\s*:\s*"|dc:date="|\bdate-published="|"pubDate"\s*:\s*")([0-9][0-9T:.+\- Z/]{7,40})""#)
        .expect("source date pattern is valid")
});

/// `"datePublished": "…"` or an RDF `dc:date="…"` anywhere in the page source.
fn date_in_source(source: &str) -> Option<DateTime<FixedOffset>> {
    SOURCE_DATE
        .captures_iter(source)
        .find_map(|c| parse_date(c[1].trim()))
}

/// Month names in the languages most news is written in, each with its month number.
/// A table rather than a locale library: it is all that date-in-text needs.
const MONTHS: &[(&str, u32)] = &[
    // English (full names first so the alternation prefers them)
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // Spanish, Portuguese, Italian, French, German, Dutch
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Arabic (Egyptian and Levantine names)
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let names = MONTHS
        .iter()
        .map(|(n, _)| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    let pattern = format!(
        r"(?ix)
        \b(?P<y1>(?:19|20)\d{{2}})[-/.](?P<m1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}})\b
        | \b(?P<a>\d{{1,2}})[./-](?P<b>\d{{1,2}})[./-](?P<y2>(?:19|20)\d{{2}})\b
        | \b(?P<d3>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<mon3>{names})\b\.?(?:\s*/\s*(?:{names}))?,?\s+(?:de\s+)?(?P<y3>(?:19|20)\d{{2}})\b
        | \b(?P<mon4>{names})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d{{2}})\b
        | (?P<y5>(?:19|20)\d{{2}})\s*年\s*(?P<m5>\d{{1,2}})\s*月\s*(?P<d5>\d{{1,2}})\s*日
        "
    );
    Regex::new(&pattern).expect("text date pattern is valid")
});

/// A date written in the text just around the headline, where pages print the dateline
/// ("22/11/2020 - 04:30", "13 Oct 2020"). Only the first `<h1>`'s neighbourhood is read,
/// and a day-month order that cannot be told apart (`03/04/2020`) follows the page's
/// language: month first only for US English.
fn date_near_headline(doc: &Html) -> Option<DateTime<FixedOffset>> {
    let root = doc.tree.root();
    let mut texts: Vec<&str> = Vec::new();
    // Where each <h1> starts in `texts`; the headline is the first with real text (the
    // first <h1> is often the site logo).
    let mut h1_starts: Vec<usize> = Vec::new();
    for node in root.descendants() {
        match node.value() {
            scraper::Node::Element(e) if e.name() == "h1" => h1_starts.push(texts.len()),
            scraper::Node::Text(t) => {
                // A one-line script (`showDate("2020/04/17 01:43")`) writes its
                // argument into the page where it stands, so it is read as text.
                let in_code = node.parent().is_some_and(|p| {
                    matches!(p.value(), scraper::Node::Element(e)
                        if matches!(e.name(), "style" | "noscript" | "template" | "title")
                            || (e.name() == "script" && t.trim().len() > 80))
                });
                if !in_code && !t.trim().is_empty() {
                    texts.push(t);
                }
            }
            _ => {}
        }
    }
    let headline = h1_starts
        .iter()
        .copied()
        .find(|&i| texts.get(i).is_some_and(|t| t.trim().chars().count() >= 15));
    let at = match headline {
        Some(at) => at,
        // No headline <h1>: anchor on the first text that starts the page's <title>.
        None => {
            let title = doc
                .select(&TITLE)
                .next()
                .map(|t| fold(&t.text().collect::<String>()))
                .filter(|t| t.chars().count() >= 20)?;
            texts.iter().position(|t| {
                let f = fold(t);
                f.chars().count() >= 20 && title.starts_with(&f)
            })?
        }
    };
    let us = doc
        .root_element()
        .attr("lang")
        .is_some_and(|l| l.eq_ignore_ascii_case("en-us") || l.eq_ignore_ascii_case("en"));
    // After the headline first (bylines and datelines sit under it), then the few lines
    // above it, nearest first.
    let mut after = String::new();
    for t in texts.iter().skip(at).take(40) {
        after.push_str(t);
        after.push(' ');
        if after.len() > 1500 {
            break;
        }
    }
    let before: Vec<&str> = texts[at.saturating_sub(4)..at]
        .iter()
        .rev()
        .copied()
        .collect();
    std::iter::once(after)
        .chain(before.into_iter().map(str::to_string))
        .find_map(|w| parse_text_date(&w, us))
}

/// The first date written in `window`; `us` reads `03/04/2020` as 4 March.
fn parse_text_date(window: &str, us: bool) -> Option<DateTime<FixedOffset>> {
    let c = TEXT_DATE.captures(window)?;
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_name = |k: &str| {
        let m = c.name(k)?.as_str().to_lowercase();
        MONTHS.iter().find(|(n, _)| *n == m).map(|(_, i)| *i)
    };
    let (y, m, d) = if let Some(y) = num("y1") {
        (y, num("m1")?, num("d1")?)
    } else if let Some(y) = num("y2") {
        let (a, b) = (num("a")?, num("b")?);
        if a > 12 || (b <= 12 && !us) {
            (y, b, a)
        } else {
            (y, a, b)
        }
    } else if let Some(y) = num("y3") {
        (y, month_name("mon3")?, num("d3")?)
    } else if let Some(y) = num("y4") {
        (y, month_name("mon4")?, num("d4")?)
    } else {
        (num("y5")?, num("m5")?, num("d5")?)
    };
    let day = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    parse_date(&day.format("%Y-%m-%d").to_string())
}

fn class_chain(e: &ElementRef<'_>) -> String {
    let mut s = String::new();
    let mut cur = Some(*e);
    for _ in 0..3 {
        let Some(el) = cur else { break };
        for a in ["class", "id", "itemprop"] {
            if let Some(v) = el.value().attr(a) {
                s.push_str(v);
                s.push(' ');
            }
        }
        cur = el.parent().and_then(ElementRef::wrap);
    }
    s.to_ascii_lowercase()
}

fn is_modified(e: &ElementRef<'_>) -> bool {
    let c = class_chain(e);
    c.contains("modif") || c.contains("update")
}

fn is_published(e: &ElementRef<'_>) -> bool {
    let c = class_chain(e);
    c.contains("publish") || c.contains("posted") || c.contains("created")
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|_|$|\.)")
        .expect("URL date pattern is valid")
});

/// A full date in a URL path (`/2024/02/05/`, `/2024-02-05-`).
fn date_in_url(url: &str) -> Option<DateTime<FixedOffset>> {
    let c = URL_DATE.captures(url)?;
    let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    parse_date(&day.format("%Y-%m-%d").to_string())
}

/// Author names: JSON-LD, then author meta tags, then `itemprop=author` / `rel=author`.
fn authors(
    doc: &Html,
    metas: &HashMap<String, Vec<String>>,
    article: Option<&Value>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(a) = article.and_then(|a| a.get("author").or_else(|| a.get("creator"))) {
        collect_ld_names(a, &mut out, 0);
    }
    if out.is_empty() {
        for k in AUTHOR_METAS {
            for v in metas.get(*k).into_iter().flatten() {
                if !v.starts_with("http") {
                    out.extend(split_names(v));
                }
            }
            if !out.is_empty() {
                break;
            }
        }
    }
    if out.is_empty() {
        for e in doc.select(&ITEMPROP_AUTHOR) {
            let t = e
                .value()
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| e.text().collect::<String>());
            out.extend(split_names(&t));
        }
    }
    let mut seen = Vec::new();
    out.retain(|n| {
        let k = fold(n);
        let new = !k.is_empty() && !seen.contains(&k);
        seen.push(k);
        new
    });
    out
}

fn collect_ld_names(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) => out.extend(split_names(s)),
        Value::Array(a) => {
            for x in a {
                collect_ld_names(x, out, depth + 1);
            }
        }
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                collect_ld_names(n, out, depth + 1);
            }
        }
        _ => {}
    }
}

static BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:written\s+)?by\s*:?\s+").expect("valid"));
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;|\band\b|&|\|)\s*").expect("valid"));

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; URLs, e-mail addresses and
/// job titles after a comma are dropped.
pub fn split_names(s: &str) -> Vec<String> {
    let s = clean_text(s);
    let s = BY.replace(&s, "");
    NAME_SPLIT
        .split(&s)
        .map(|n| {
            n.trim()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|n| {
            !n.is_empty()
                && !n.contains('@')
                && !n.starts_with("http")
                && n.chars().count() <= 60
                && n.split_whitespace().count() <= 6
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The publication day newsidx reads from `page`.
    fn day(page: &str) -> Option<String> {
        extract(&Html::parse_document(page), page)
            .date
            .map(|d| d.format("%F").to_string())
    }

    #[test]
    fn json_ld_wins_and_fields_are_found() {
        let page = r#"<html><head>
          <title>Strikes hit Iraq | Example News</title>
          <meta property="og:site_name" content="Example News">
          <meta property="article:published_time" content="2024-02-06T01:00:00Z">
          <link rel="canonical" href="https://www.example.com/world/2024/02/05/strikes">
          <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","name":"x"},
            {"@type":"NewsArticle","headline":"Strikes hit Iraq","datePublished":"2024-02-05T20:00:00-05:00",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}]}</script>
          </head><body><h1>Strikes hit Iraq</h1></body></html>"#;
        let m = extract(&Html::parse_document(page), page);
        assert_eq!(m.title.as_deref(), Some("Strikes hit Iraq"));
        // The meta tag's UTC instant, written in the offset the JSON-LD gives it.
        assert_eq!(
            m.date.map(|d| d.to_rfc3339()).as_deref(),
            Some("2024-02-05T20:00:00-05:00")
        );
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.source.as_deref(), Some("Example News"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.example.com/world/2024/02/05/strikes")
        );
    }

    #[test]
    fn falls_back_to_meta_time_and_url() {
        let page = r#"<html><head><title>City budget passes - The Daily Planet</title>
          <meta name="author" content="By Lois Lane and Clark Kent">
          <link rel="canonical" href="https://dailyplanet.example/2021/03/09/budget.html"></head>
          <body><p>Text</p></body></html>"#;
        let m = extract(&Html::parse_document(page), page);
        assert_eq!(m.title.as_deref(), Some("City budget passes"));
        assert_eq!(m.authors, ["Lois Lane", "Clark Kent"]);
        assert_eq!(m.source.as_deref(), Some("dailyplanet.example"));
        assert_eq!(
            m.date.map(|d| d.format("%F").to_string()).as_deref(),
            Some("2021-03-09")
        );
        let page = r#"<body><time class="updated" datetime="2022-01-02">x</time>
          <span class="published"><time datetime="2021-12-31T23:00:00+01:00">y</time></span></body>"#;
        assert_eq!(day(page).as_deref(), Some("2021-12-31"));
    }

    #[test]
    fn a_utc_stamp_takes_the_local_offset_the_page_also_gives() {
        let page = r#"<meta property="article:published_time" content="2020-12-24T23:59:50+00:00">
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-25T01:59:50+02:00"}</script>"#;
        let m = extract(&Html::parse_document(page), page);
        assert_eq!(
            m.date.map(|d| d.to_rfc3339()).as_deref(),
            Some("2020-12-25T01:59:50+02:00")
        );
    }

    #[test]
    fn a_utc_stamp_after_midnight_takes_the_bare_day_before_the_page_gives() {
        let page = r#"<meta property="article:published_time" content="2020-08-25T00:23:33Z">
          <script>var page = {"DateCreation":"2020-08-24","Theme":"x"};</script>"#;
        assert_eq!(day(page).as_deref(), Some("2020-08-24"));
        // Two days apart is not an evening west of Greenwich: the stamp stands.
        let page = r#"<meta property="article:published_time" content="2020-08-25T00:23:33Z">
          <script>var page = {"DateCreation":"2020-08-23"};</script>"#;
        assert_eq!(day(page).as_deref(), Some("2020-08-25"));
        // Nor is a stamp in the afternoon.
        let page = r#"<meta property="article:published_time" content="2020-08-25T15:00:00Z">
          <script>var page = {"datePublished":"2020-08-24"};</script>"#;
        assert_eq!(day(page).as_deref(), Some("2020-08-25"));
    }

    #[test]
    fn a_one_line_script_under_the_headline_is_read_as_text() {
        let page = r#"<html><body><h1>Harbour walk reopens after the storm repairs</h1>
          <td><script>showDate("2020/04/17 01:43:09")</script></td><p>Text.</p>
          <script>var later = "2021/01/01"; /* a long script is code, not a dateline, and is never read as one */</script>
          </body></html>"#;
        assert_eq!(day(page).as_deref(), Some("2020-04-17"));
    }

    #[test]
    fn dateline_under_the_headline_not_the_header_date() {
        let page = r#"<html lang="en"><head><title>Fire crews hold the line at Hill Top overnight</title></head><body>
          <div class="top">Tue, 14 Jan 2020</div>
          <h1><img alt="logo"></h1>
          <h1>Fire crews hold the line at Hill Top overnight</h1>
          <p>By Staff | 13 Jan 2020, 22:11</p><p>Text.</p></body></html>"#;
        assert_eq!(day(page).as_deref(), Some("2020-01-13"));
        let page = r#"<html lang="pt-BR"><body><h1>Goiás supera Palmeiras no fim do jogo</h1>
          <p>03/04/2020 - 04:30</p></body></html>"#;
        assert_eq!(day(page).as_deref(), Some("2020-04-03"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let page = r#"<script type="application/ld+json">{"@type": "NewsArticle", </script>
          <meta property="og:title" content="Fine">"#;
        let m = extract(&Html::parse_document(page), page);
        assert_eq!(m.title.as_deref(), Some("Fine"));
        assert_eq!(m.date, None);
    }
}
