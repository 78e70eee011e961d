//! The article text of an HTML page, without navigation, ads, teasers, captions and footers.
//!
//! The page is first flattened into text blocks (paragraphs, headings, list items, quotes),
//! each remembering the chain of elements it sits in. Blocks that are plainly not prose
//! (scripts, menus, hidden elements, share bars, caption and newsletter boxes, named by
//! tag, ARIA role or class) never become blocks. Then, in the manner of Mozilla's
//! Readability, every prose-like block scores its parent fully and its grandparent by half
//! (longer, comma-rich text scores more); a container's score is cut by the share of its
//! text that is link text. The best container, plus sibling containers that score close to
//! it, is the article; its blocks, minus link lists and one-line boilerplate, are the body.
//!
//! Why scores and not a list of selectors per site: the tool must work on sites nobody
//! has seen, and prose density is what every article page has in common.

use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::{Html, Node};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What kind of element a block of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Pre,
    /// Text sitting directly in a `div`, `td` or similar, not wrapped in `<p>`.
    Loose,
}

/// One run of text between block boundaries.
#[derive(Debug)]
struct Block {
    text: String,
    /// Characters of `text` inside links.
    link_chars: usize,
    kind: Kind,
    /// The block elements enclosing the text, outermost first; the last is the element
    /// whose text this is.
    path: Vec<NodeId>,
}

impl Block {
    fn link_density(&self) -> f64 {
        ratio(self.link_chars, self.text.chars().count())
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Elements whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "label",
    "iframe",
    "figure",
    "figcaption",
    "picture",
    "video",
    "audio",
    "canvas",
    "object",
    "embed",
    "head",
    "dialog",
    "menu",
];

/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tbody",
    "thead",
    "tr",
    "dl",
    "dt",
    "dd",
    "header",
    "address",
    "body",
    "hr",
    "center",
    "details",
    "summary",
    "fieldset",
    "caption",
];

/// Class or id words of boxes that are not the article.
static NOT_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^a-z0-9])(?:nav|navbar|navigation|menu|footer|sidebar|breadcrumbs?|share|sharing|sharebar|social|related|recommend(?:ed|ations?)?|newsletter|subscribe|subscription|promo|promotions?|advert\w*|ads?|ad-\w+|adslot|dfp|banner|cookie\w*|consent|comments?|disqus|outbrain|taboola|popup|modal|signup|caption|credits?|byline|bylines|tags|tag-list|trending|most-popular|mostread|most-read|more-stories|read-more|readmore|also-read|author-bio|toolbar|widget|skip-link|sr-only|visually-hidden|screen-reader-text|jump-link|print-only|disclaimer|copyright|masthead|teaser|teasers|rail|carousel|gallery|slideshow|video|player|timestamp|dateline|meta|article-meta|post-meta|entry-meta|topics|keywords)(?:$|[^a-z0-9])",
    )
    .expect("boilerplate pattern is valid")
});

/// Class or id words of boxes that hold the article; they outrank [`NOT_ARTICLE`].
static ARTICLE_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)article[-_]?body|articlebody|story[-_]?body|storybody|post[-_]?(?:content|body)|entry[-_]?content|article[-_]?content|articlecontent|article[-_]?text|main[-_]?content|body[-_]?text|story[-_]?content|content[-_]?body|rich[-_]?text",
    )
    .expect("article pattern is valid")
});

/// Class or id words that save a box from [`NOT_ARTICLE`] (Readability's "maybe a
/// candidate" rule: `content-with-sidebar` is a content box).
static MAYBE_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)and|article|body|column|content|main|shadow|story|entry")
        .expect("maybe-article pattern is valid")
});

/// Class or id words that raise a container's score.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|main|page|post|text|blog|story")
        .expect("positive pattern is valid")
});

/// Class or id words that lower a container's score.
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|recirc")
        .expect("negative pattern is valid")
});

/// Whole blocks that are page furniture wherever they appear.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:advertisement|advertising|ad|sponsored|read more|read next|related|related articles?|related stories|related coverage|more from .*|share|share this( article| story)?|sign up.*|subscribe.*|follow us.*|click here.*|image|photo|photograph|video|watch|listen|(?:image|photo|picture|video) (?:credit|source)?:.*|getty images|reuters|ap photo.*|copyright.*|©.*|all rights reserved.*|loading.*|skip to .*|see also.*|recommended.*|trending.*|most read|most popular|you may also like.*|continue reading.*|story continues.*|article continues.*|(?:published|updated|last updated|posted|first published)\b.{0,40}|\d+ ?(?:min|mins|minute|minutes) read|(?:\d+|an?) (?:seconds?|minutes?|hours?|days?|weeks?) ago|contact the author.*|latest (?:stories|news)|more (?:stories|news|from .*))$",
    )
    .expect("furniture pattern is valid")
});

/// The body paragraphs of a parsed page, in page order. Empty when the page has no text.
pub fn extract(doc: &Html) -> Vec<String> {
    let blocks = flatten(doc);
    let Some(chosen) = choose(doc, &blocks) else {
        // No prose-like block at all (a page of short lines): keep every non-link block.
        return blocks
            .iter()
            .filter(|b| b.link_density() < 0.5 && !matches!(b.kind, Kind::Heading(1)))
            .map(|b| b.text.clone())
            .collect();
    };
    blocks
        .iter()
        .filter(|b| b.path.iter().any(|n| chosen.contains(n)))
        .filter(|b| keep(b))
        .map(|b| b.text.clone())
        .collect()
}

/// Whether a block inside the article is text rather than furniture.
fn keep(b: &Block) -> bool {
    let chars = b.text.chars().count();
    if matches!(b.kind, Kind::Heading(1)) {
        return false;
    }
    let ld = b.link_density();
    if ld > 0.5 || (chars < 80 && ld > 0.3 && !matches!(b.kind, Kind::Paragraph)) {
        return false;
    }
    if chars < 60 && FURNITURE.is_match(b.text.trim_end_matches(['.', ':', '!', '›', '»'])) {
        return false;
    }
    true
}

/// Walks the DOM once and returns its text blocks.
fn flatten(doc: &Html) -> Vec<Block> {
    let mut sizes = HashMap::new();
    let total = text_size(doc.tree.root(), &mut sizes);
    let mut f = Flattener {
        sizes,
        // A box holding a third of the page's text is a page wrapper, whatever its class
        // says (`<body class="menu-open">`), and is never dropped by its class.
        wrapper_chars: total / 3,
        ..Flattener::default()
    };
    f.visit(doc.tree.root(), 0);
    f.flush();
    f.blocks
}

/// Elements nested deeper than this are ignored: real pages stay far below it, and a
/// hostile page nested a million deep must not overflow the stack.
const MAX_DEPTH: usize = 400;

/// Characters of text under each element (outside dropped elements), for the wrapper rule.
fn text_size(node: NodeRef<'_, Node>, sizes: &mut HashMap<NodeId, usize>) -> usize {
    text_size_at(node, sizes, 0)
}

fn text_size_at(
    node: NodeRef<'_, Node>,
    sizes: &mut HashMap<NodeId, usize>,
    depth: usize,
) -> usize {
    if depth > MAX_DEPTH {
        return 0;
    }
    match node.value() {
        Node::Text(t) => t.trim().len(),
        Node::Element(e) if DROP_TAGS.contains(&e.name()) => 0,
        Node::Element(_) | Node::Document | Node::Fragment => {
            let n = node
                .children()
                .map(|c| text_size_at(c, sizes, depth + 1))
                .sum();
            sizes.insert(node.id(), n);
            n
        }
        _ => 0,
    }
}

#[derive(Default)]
struct Flattener {
    sizes: HashMap<NodeId, usize>,
    wrapper_chars: usize,
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    in_link: usize,
    /// Open block elements and their kinds.
    stack: Vec<(NodeId, Kind)>,
}

impl Flattener {
    fn visit(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match node.value() {
            Node::Text(t) => {
                let before = self.buf.len();
                push_collapsed(&mut self.buf, t);
                if self.in_link > 0 {
                    self.link_chars += self.buf[before..].chars().count();
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if name == "br" {
                    self.flush();
                    return;
                }
                let small = self.sizes.get(&node.id()).copied().unwrap_or(0) < self.wrapper_chars;
                if skip(e, small) {
                    return;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    self.flush();
                    self.stack.push((node.id(), kind_of(name)));
                }
                if matches!(name, "td" | "th") && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                let link = name == "a";
                if link {
                    self.in_link += 1;
                }
                for child in node.children() {
                    self.visit(child, depth + 1);
                }
                if link {
                    self.in_link -= 1;
                }
                if block {
                    self.flush();
                    self.stack.pop();
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.visit(child, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        let text = self.buf.trim();
        if !text.is_empty() && !self.stack.is_empty() {
            let chars = text.chars().count();
            self.blocks.push(Block {
                text: text.to_string(),
                link_chars: self.link_chars.min(chars),
                kind: self.stack.last().map_or(Kind::Loose, |s| s.1),
                path: self.stack.iter().map(|s| s.0).collect(),
            });
        }
        self.buf.clear();
        self.link_chars = 0;
    }
}

/// Appends `t` with runs of white space (and no-break spaces) folded to one space.
fn push_collapsed(buf: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "p" => Kind::Paragraph,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" | "h6" => Kind::Heading(5),
        "li" | "dt" | "dd" => Kind::ListItem,
        "blockquote" => Kind::Quote,
        "pre" => Kind::Pre,
        _ => Kind::Loose,
    }
}

/// Whether an element and everything in it is page furniture, never article text. Class
/// and id names only count for `small` elements, not page wrappers.
fn skip(e: &scraper::node::Element, small: bool) -> bool {
    if DROP_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = e.attr("role")
        && matches!(
            role,
            "navigation"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "menu"
                | "menubar"
                | "search"
                | "dialog"
                | "alert"
                | "toolbar"
        )
    {
        return true;
    }
    if !small {
        return false;
    }
    let names = class_and_id(e);
    !names.is_empty() && NOT_ARTICLE.is_match(&names) && !MAYBE_ARTICLE.is_match(&names)
}

fn class_and_id(e: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = e.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = e.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s
}

/// Scores containers and returns the chosen article container with its qualifying siblings.
fn choose(doc: &Html, blocks: &[Block]) -> Option<Vec<NodeId>> {
    // Text and link characters under every container, for link density.
    let mut text_under: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for b in blocks {
        let chars = b.text.chars().count();
        for n in &b.path {
            let e = text_under.entry(*n).or_default();
            e.0 += chars;
            e.1 += b.link_chars;
        }
    }
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for b in blocks {
        if !matches!(
            b.kind,
            Kind::Paragraph | Kind::Pre | Kind::Loose | Kind::Quote
        ) {
            continue;
        }
        let chars = b.text.chars().count();
        if chars < 25 || b.link_density() > 0.5 {
            continue;
        }
        let commas = b.text.matches([',', '，', '、', '،']).count();
        let score = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        // For loose text the block's own element is the container; for <p> it is the parent.
        let parents: Vec<NodeId> = if b.kind == Kind::Loose {
            b.path.iter().rev().take(3).copied().collect()
        } else {
            b.path.iter().rev().skip(1).take(3).copied().collect()
        };
        for (level, n) in parents.into_iter().enumerate() {
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                l => 1.0 / (l as f64 * 3.0),
            };
            let entry = scores.entry(n).or_insert_with(|| initial_score(doc, n));
            *entry += score * share;
        }
    }
    // Link text cuts a container's score; so does being tiny, lest a headline box with a
    // promising class name beat the article.
    let final_score = |n: &NodeId, s: f64| {
        let (t, l) = text_under.get(n).copied().unwrap_or((0, 0));
        s * (1.0 - ratio(l, t)) * (t as f64 / 250.0).min(1.0)
    };
    let (top, top_score) = scores
        .iter()
        .map(|(n, s)| (*n, final_score(n, *s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
    if top_score <= 0.0 {
        return None;
    }
    let top = widen(doc, blocks, top);
    let top_score = scores
        .get(&top)
        .map_or(top_score, |s| final_score(&top, *s).max(top_score));
    let mut chosen = vec![top];
    let node = doc.tree.get(top)?;
    if let Some(parent) = node.parent() {
        let threshold = (top_score * 0.2).max(10.0);
        for sib in parent.children() {
            let id = sib.id();
            if id == top {
                continue;
            }
            if let Some(s) = scores.get(&id)
                && final_score(&id, *s) >= threshold
            {
                chosen.push(id);
                continue;
            }
            // A lone paragraph beside the container (readability's rule).
            if let Some(b) = blocks
                .iter()
                .find(|b| b.path.last() == Some(&id) && b.kind == Kind::Paragraph)
            {
                let chars = b.text.chars().count();
                let ld = b.link_density();
                if (chars > 80 && ld < 0.25) || (chars > 0 && ld == 0.0 && b.text.ends_with('.')) {
                    chosen.push(id);
                }
            }
        }
    }
    Some(chosen)
}

/// Climbs from the best-scoring container to an ancestor while that adds more prose than
/// clutter. An article broken into several boxes (by ads, paywall wrappers, "slides")
/// scores highest in one box; the box holding them all is the article.
fn widen(doc: &Html, blocks: &[Block], top: NodeId) -> NodeId {
    // prose minus clutter under each container
    let mut value: HashMap<NodeId, f64> = HashMap::new();
    for b in blocks {
        let chars = b.text.chars().count() as f64;
        let ld = b.link_density();
        let prose = matches!(
            b.kind,
            Kind::Paragraph | Kind::Pre | Kind::Loose | Kind::Quote
        ) && chars >= 25.0
            && ld <= 0.5;
        let v = if prose {
            chars * (1.0 - ld) - chars * ld
        } else if matches!(b.kind, Kind::Heading(2..=6)) && ld < 0.5 {
            0.0
        } else {
            -chars
        };
        for n in &b.path {
            *value.entry(*n).or_default() += v;
        }
    }
    let mut cur = top;
    let mut best = (top, value.get(&top).copied().unwrap_or(0.0));
    // Up to eight levels, each step worth it only for 30% more net prose: enough to join
    // the chunks of a long feature, not enough to swallow a sidebar of teasers.
    for _ in 0..8 {
        let Some(parent) = doc.tree.get(cur).and_then(|n| n.parent()) else {
            break;
        };
        if matches!(parent.value(), Node::Element(e) if e.name() == "body" || e.name() == "html") {
            break;
        }
        cur = parent.id();
        let v = value.get(&cur).copied().unwrap_or(0.0);
        if v > best.1 * 1.3 {
            best = (cur, v);
        }
    }
    best.0
}

/// A container's starting score, from its tag and its class and id.
fn initial_score(doc: &Html, id: NodeId) -> f64 {
    let Some(Node::Element(e)) = doc.tree.get(id).map(|n| n.value()) else {
        return 0.0;
    };
    let mut s = match e.name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    if e.name() == "article" || e.attr("itemprop") == Some("articleBody") {
        s += 25.0;
    }
    let names = class_and_id(e);
    if !names.is_empty() {
        if ARTICLE_BOX.is_match(&names) {
            s += 50.0;
        } else if POSITIVE.is_match(&names) {
            s += 25.0;
        }
        if NEGATIVE.is_match(&names) && !ARTICLE_BOX.is_match(&names) {
            s -= 25.0;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        extract(&Html::parse_document(html)).join("\n\n")
    }

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let page = r##"<html><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div class="share-bar"><a href="#">Share on X</a></div>
          <main><article>
            <h1>Strikes hit Iraq</h1>
            <p>The United States carried out strikes in Iraq and Syria on Friday, officials said, in response to an attack.</p>
            <figure><img src="a.jpg"><figcaption>Smoke rises over the city.</figcaption></figure>
            <p>Iraq's government said it had not been told in advance, contradicting an earlier statement.</p>
            <h2>What comes next</h2>
            <p>Analysts expect further talks on the future of the coalition, which has been in Iraq since 2014.</p>
            <p>Advertisement</p>
          </article></main>
          <aside><h3>Most read</h3><ul><li><a href="/1">Another story entirely about something</a></li></ul></aside>
          <footer>© 2024 Example News. All rights reserved.</footer>
        </body></html>"##;
        let b = body(page);
        assert!(
            b.starts_with("The United States carried out strikes"),
            "{b}"
        );
        assert!(b.contains("What comes next"), "{b}");
        assert!(
            b.contains("coalition, which has been in Iraq since 2014."),
            "{b}"
        );
        for junk in [
            "Home",
            "Share on X",
            "Smoke rises",
            "Another story",
            "Advertisement",
            "©",
            "Strikes hit Iraq",
        ] {
            assert!(!b.contains(junk), "{junk} in {b}");
        }
    }

    #[test]
    fn text_in_divs_with_line_breaks_is_found() {
        let page = "<body><div id=menu><a href=/>Home</a></div><div class=story>First paragraph of the story, long enough to count as prose in any scoring.<br><br>Second paragraph, with a comma, and more words to make it count.</div></body>";
        let b = body(page);
        assert_eq!(
            b,
            "First paragraph of the story, long enough to count as prose in any scoring.\n\nSecond paragraph, with a comma, and more words to make it count."
        );
    }

    #[test]
    fn absurdly_deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let page = format!(
            "<body><p>Shallow text that is long enough to be a paragraph of prose, surely.</p>{}deep{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let b = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || body(&page))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert!(b.starts_with("Shallow text"), "{b}");
    }

    #[test]
    fn empty_and_textless_pages_give_nothing() {
        assert!(body("").is_empty());
        assert!(body("<html><body><script>var x = 1;</script></body></html>").is_empty());
    }
}
