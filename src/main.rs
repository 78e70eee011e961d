//! The `newsidx` binary: parse the command line, call the library, exit with its status.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
