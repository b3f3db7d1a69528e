//! Which paths are read, and how: regular files and directories only, each file once.
//!
//! A FIFO, a socket or a device given as input would block a read forever (a FIFO with no
//! writer) or never end (`/dev/zero`), so only regular files are opened; anything else is the
//! input's own error, named, and the other inputs go on. Directories are walked recursively in
//! sorted order, hidden entries skipped, following symbolic links but never into a directory
//! already walked (a link to `.` or to a parent would loop forever), and a file reached twice
//! (named twice, or through a link) is read once.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to read (and unreadable directories, reported when opened), in order.
    pub files: Vec<PathBuf>,
    /// Files inside directories that `wanted` declined.
    pub skipped: usize,
    /// Paths left out because they lead to a file already in `files`.
    pub duplicates: usize,
}

/// Walks `paths`: directories recursively, keeping the files inside them for which `wanted`
/// is true; paths named directly are always kept.
pub fn walk(paths: &[PathBuf], wanted: &dyn Fn(&Path) -> bool) -> Walk {
    let mut w = Walker {
        out: Walk::default(),
        dirs: HashSet::new(),
        seen: HashSet::new(),
        wanted,
    };
    for p in paths {
        if p.is_dir() {
            w.dir(p);
        } else {
            w.file(p.clone());
        }
    }
    w.out
}

struct Walker<'a> {
    out: Walk,
    /// Directories walked, by canonical path.
    dirs: HashSet<PathBuf>,
    /// Files kept, by canonical path.
    seen: HashSet<PathBuf>,
    wanted: &'a dyn Fn(&Path) -> bool,
}

impl Walker<'_> {
    fn file(&mut self, p: PathBuf) {
        // A path that cannot be resolved (missing, no permission) is kept: opening reports why.
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if self.seen.insert(key) {
            self.out.files.push(p);
        } else {
            self.out.duplicates += 1;
        }
    }

    fn dir(&mut self, dir: &Path) {
        let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.dirs.insert(key) {
            return; // a link back to a directory already walked
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            self.out.files.push(dir.to_path_buf()); // reported as unreadable when opened
            return;
        };
        let mut entries: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        entries.sort();
        for p in entries {
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => self.dir(&p),
                Ok(m) if m.is_file() => {
                    if (self.wanted)(&p) {
                        self.file(p);
                    } else {
                        self.out.skipped += 1;
                    }
                }
                // FIFOs, sockets, devices, broken links: kept (if wanted) so that opening names
                // the problem.
                _ if (self.wanted)(&p) => self.file(p),
                _ => self.out.skipped += 1,
            }
        }
    }
}

/// What kind of thing is at a path that is not a regular file.
fn kind(m: &std::fs::Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Opens a regular file; anything else (FIFO, socket, device, directory) is refused before it
/// is opened, since opening a FIFO alone blocks until a writer appears.
pub fn open_regular(path: &Path) -> Result<File, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.is_dir() {
        return Err(match std::fs::read_dir(path) {
            Err(e) => format!("cannot read the directory: {e}"),
            Ok(_) => "a directory where a file was expected".to_string(),
        });
    }
    if !meta.is_file() {
        return Err(format!(
            "{}: dyad reads only regular files and directories",
            kind(&meta)
        ));
    }
    let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    // The path may have been replaced between the check and the open.
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "{}: dyad reads only regular files and directories",
            kind(&meta)
        ));
    }
    Ok(file)
}

/// Reads a whole regular file of at most `max_bytes` bytes; the limit holds even if the file
/// grows while it is read.
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let file = open_regular(path)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_bytes {
        return Err(format!(
            "the file is {len} bytes, over the size limit of {max_bytes} bytes (raise it with --max-bytes)"
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "the file grew over the size limit of {max_bytes} bytes while it was read (raise it with --max-bytes)"
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_back_are_walked_once_and_duplicates_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("a")).unwrap();
        std::fs::write(root.join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("self")).unwrap();
        std::os::unix::fs::symlink(root.join("a/x.txt"), root.join("y.txt")).unwrap();
        let w = walk(&[root.to_path_buf(), root.join("a/x.txt")], &|p: &Path| {
            p.extension().is_some_and(|e| e == "txt")
        });
        assert_eq!(w.files, [root.join("a/x.txt")]);
        assert_eq!(w.duplicates, 2);
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert!(e.contains("directory"), "{e}");
        let f = dir.path().join("f.txt");
        std::fs::write(&f, "0123456789").unwrap();
        assert_eq!(read_regular(&f, 10).unwrap().len(), 10);
        assert!(read_regular(&f, 9).unwrap_err().contains("size limit"));
    }
}
