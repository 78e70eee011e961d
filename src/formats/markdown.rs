//! Markdown (and any text with YAML front matter): `---` metadata block, then the body.
//!
//! Front matter keys: `title`, `date` (also `published`, `publishedAt`, `date_publish`),
//! `source` or `outlet`, `url` (or `link`), `authors`, `author` or `byline` (a string or a
//! list). A body that opens with a `# Heading` gives the title when front matter has none.

use crate::dates::parse_date;
use crate::model::Article;
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

/// Splits `---\n…\n---\n` off the start of `text`: the YAML and the byte offset of the rest.
pub fn split_front_matter(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let start = text.len() - rest.len();
    let mut pos = start;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((&text[start..pos], pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Fills `article` from a YAML front-matter block; unknown keys are ignored.
pub fn apply_front_matter(yaml: &str, article: &mut Article) {
    let Ok(docs) = YamlLoader::load_from_str(yaml) else {
        return;
    };
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return;
    };
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(&Yaml::String((*k).to_string())).cloned())
    };
    let text = |y: Yaml| match y {
        Yaml::String(s) => Some(s),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Real(r) => Some(r),
        _ => None,
    };
    if let Some(t) = get(&["title", "headline"]).and_then(text) {
        article.title = Some(t);
    }
    if let Some(d) = get(&["date", "published", "publishedAt", "date_publish"]).and_then(text) {
        article.date = parse_date(&d);
    }
    if let Some(s) = get(&["source", "outlet", "publication"]).and_then(text) {
        article.source = Some(s);
    }
    if let Some(u) = get(&["url", "link"]).and_then(text) {
        article.url = Some(u);
    }
    if let Some(a) = get(&["authors", "author", "byline"]) {
        article.authors = match a {
            Yaml::Array(items) => items.into_iter().filter_map(text).collect(),
            other => text(other).map(|s| split_byline(&s)).unwrap_or_default(),
        };
    }
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
pub fn split_byline(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(s);
    s.split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Parses a Markdown article.
pub fn parse(path: &Path, text: &str) -> Article {
    let mut article = Article {
        path: path.to_path_buf(),
        ..Article::default()
    };
    let mut body_start = 0;
    if let Some((yaml, end)) = split_front_matter(text) {
        apply_front_matter(yaml, &mut article);
        body_start = end;
    }
    let mut preamble_start = body_start;
    // Leading blank lines belong to neither title nor body.
    while text[body_start..].starts_with(['\n', '\r']) {
        body_start += 1;
        preamble_start = body_start;
    }
    if let Some(line) = text[body_start..].lines().next()
        && let Some(heading) = line.strip_prefix("# ")
    {
        if article.title.is_none() {
            article.title = Some(heading.trim().to_string());
        }
        body_start += line.len();
        while text[body_start..].starts_with(['\n', '\r']) {
            body_start += 1;
        }
    }
    article.preamble = text[preamble_start..body_start].to_string();
    article.body = text[body_start..].to_string();
    article.body_offset = super::char_len(&text[..body_start]);
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fills_metadata() {
        let text = "---\ntitle: Talks resume\ndate: 2023-05-04\nsource: Wire\nauthors: [A B, C D]\n---\n\nBody here.\n";
        let a = parse(Path::new("x.md"), text);
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.authors, ["A B", "C D"]);
        assert_eq!(
            a.date.map(|d| d.format("%F").to_string()).as_deref(),
            Some("2023-05-04")
        );
        assert_eq!(a.body, "Body here.\n");
        let offset_body: String = text.chars().skip(a.body_offset).collect();
        assert_eq!(offset_body, a.body);
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let a = parse(Path::new("x.md"), "# Big news\n\nIt happened.");
        assert_eq!(a.title.as_deref(), Some("Big news"));
        assert_eq!(a.body, "It happened.");
        assert_eq!(a.preamble, "# Big news\n\n");
    }

    #[test]
    fn byline_split() {
        assert_eq!(
            split_byline("By Jane Doe and John Roe"),
            ["Jane Doe", "John Roe"]
        );
    }
}
