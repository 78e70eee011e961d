//! `newsidx search`: ranked passages, highlighted, with optional facets.

use super::{EXIT_OK, FilterArgs, IndexPathArgs, open_index, print};
use clap::{Args, ValueEnum};
use newsidx::render::text::Marks;
use newsidx::search::{SearchRequest, Sort, search};
use std::io::IsTerminal;

/// Search passages; words are ANDed.
///
/// Query syntax (tantivy): words are ANDed; "exact phrase"; a OR b; -excluded;
/// title:word searches titles only; (grouping) works. Words are matched by their English
/// stem ("strike" finds "strikes"). Titles count double. Prints the total number of
/// matching passages and the top hits, each with date, source, title, path#passage,
/// speakers and the best sentence or two with the matches marked.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  newsidx search \"pre-notification\" --speaker \"Vedant Patel\"
  newsidx search sovereignty --speaker Rasool
  newsidx search strikes --from 2024-02 --to 2024-02 --facets
  newsidx search sovereignty --speaker Rasool --sort oldest
  newsidx search '\"air strikes\" OR airstrikes -drone' --limit 20 --offset 20
  newsidx search title:iraq --source guardian --json")]
pub struct SearchArgs {
    /// The query (an empty query matches every passage).
    #[arg(value_name = "QUERY")]
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// How many hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// How many hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Also show the top speakers and passage counts per year and month, over all matches.
    #[arg(long)]
    facets: bool,
    /// The order of the hits: best match first, or by publication date (within a date,
    /// the better match first; undated passages last either way).
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,
    /// Print one JSON document (schema in README.md).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    index: IndexPathArgs,
}

/// `--sort` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortArg {
    /// Best match first (BM25).
    Relevance,
    /// Latest publication date first.
    Newest,
    /// Earliest publication date first: how a story unfolded.
    Oldest,
}

/// Runs `newsidx search`.
pub fn run(args: SearchArgs) -> newsidx::Result<i32> {
    let handle = open_index(&args.index)?;
    let req = SearchRequest {
        query: args.query.clone(),
        filters: args.filters.to_filters(),
        limit: args.limit,
        offset: args.offset,
        facets: args.facets,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
    };
    let results = search(&handle, &req)?;
    if args.json {
        print(&newsidx::render::json::search(&results))?;
    } else {
        let marks = if std::io::stdout().is_terminal() {
            Marks::Bold
        } else {
            Marks::Stars
        };
        print(&newsidx::render::text::search(&results, marks))?;
    }
    Ok(EXIT_OK)
}
