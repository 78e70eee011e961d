//! The `newsidx` binary: parse the command line, call the library, exit with its status.

mod cli;

/// mimalloc instead of the system allocator: documents are built on the parser threads
/// and freed on tantivy's, and glibc's per-thread arenas kept that memory fragmented, so
/// peak memory grew with the size of the archive (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
