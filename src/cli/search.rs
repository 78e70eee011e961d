//! `newsidx search`: ranked passages, highlighted, with optional facets.

use super::{EXIT_OK, FilterArgs, IndexPathArgs, open_index, print};
use clap::Args;
use newsidx::render::text::Marks;
use newsidx::search::{SearchRequest, search};
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
    /// Print one JSON document (schema in README.md).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    index: IndexPathArgs,
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
