//! Folders → the files to read.
//!
//! Walks recursively in sorted order (so runs are reproducible), skips hidden files and
//! folders, and by default never follows a symbolic link: a link could lead out of the
//! folder the user named or around a loop. With `follow_links`, links are followed and
//! loops detected (and reported). Links and unreadable entries are reported, not fatal.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Regular files, in sorted order.
    pub files: Vec<PathBuf>,
    /// Entries that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// Symbolic links that were not followed.
    pub links: Vec<PathBuf>,
}

/// Lists the files under `root` (or `root` itself when it is a file), not following links.
pub fn walk(root: &Path) -> Walked {
    walk_with(root, false)
}

/// Lists the files under `root`, following symbolic links when `follow_links` is set.
pub fn walk_with(root: &Path, follow_links: bool) -> Walked {
    let mut out = Walked::default();
    let walker = WalkDir::new(root)
        .follow_links(follow_links)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            // walkdir marks an entry made from a link even when it followed it.
            Ok(e) if !follow_links && e.path_is_symlink() => out.links.push(e.into_path()),
            Ok(e) if e.file_type().is_file() => out.files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.into());
                let reason = err
                    .io_error()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| err.to_string());
                out.problems.push((path, reason));
            }
        }
    }
    // Sorted once at the end: paths compare component by component, which is the order
    // of a walk through each folder's entries sorted by name. (walkdir's own sorting
    // parses both file names at every comparison: a seventh of a no-op re-index.)
    out.files.sort_unstable();
    out.links.sort_unstable();
    out.problems.sort_unstable();
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_hidden_and_sorts() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("b/.git"))?;
        std::fs::write(dir.path().join("b/.git/x.txt"), "x")?;
        std::fs::write(dir.path().join("b/z.txt"), "z")?;
        std::fs::write(dir.path().join("a.txt"), "a")?;
        std::fs::write(dir.path().join(".hidden.txt"), "h")?;
        let w = walk(dir.path());
        let names: Vec<_> = w
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap_or(p)
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/z.txt"]);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn does_not_follow_links() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("d"))?;
        std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop"))?;
        let w = walk(dir.path());
        assert_eq!(w.links.len(), 1);
        assert!(w.files.is_empty());
        let w = walk_with(dir.path(), true);
        assert!(w.links.is_empty(), "{:?}", w.links);
        assert!(
            w.problems.iter().any(|(_, r)| r.contains("loop")),
            "{:?}",
            w.problems
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn follows_links_to_files_when_asked() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let elsewhere = tempfile::tempdir()?;
        std::fs::write(elsewhere.path().join("story.txt"), "Text.")?;
        std::os::unix::fs::symlink(
            elsewhere.path().join("story.txt"),
            dir.path().join("linked.txt"),
        )?;
        let w = walk(dir.path());
        assert_eq!((w.files.len(), w.links.len()), (0, 1));
        let w = walk_with(dir.path(), true);
        assert_eq!(w.files, [dir.path().join("linked.txt")]);
        assert!(w.links.is_empty() && w.problems.is_empty());
        Ok(())
    }
}
