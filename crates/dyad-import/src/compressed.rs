//! Opening data files as their user has them: plain, gzip (`.gz`) or zip (every member of the
//! archive, in order). Formats are recognised by their first bytes, not their names.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// One stream of data to read, named for error messages (`file.zip!member.CSV`).
pub struct Stream {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
}

/// Why a file could not be opened as streams; each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Not a regular file, or not there.
    #[error("{name}: {reason}")]
    Refused { name: String, reason: String },
    /// Its first bytes could not be read.
    #[error("cannot read {name}: {cause}")]
    Read { name: String, cause: std::io::Error },
    /// It starts as a zip archive but is not one that can be read.
    #[error("{name}: not a readable zip archive (truncated or damaged?): {cause}")]
    Zip {
        name: String,
        cause: zip::result::ZipError,
    },
    /// A member of the archive cannot be read.
    #[error("{name}: cannot read member {index} of the archive: {cause}")]
    Member {
        name: String,
        index: usize,
        cause: zip::result::ZipError,
    },
}

/// Files under `paths` (directories walked recursively, sorted; hidden files skipped; links
/// back into a walked directory not followed; a file reached twice listed once). Paths that are
/// not regular files are listed too: [`open`] refuses them with a message naming them.
pub fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    crate::files::walk(paths, &|_: &Path| true).files
}

/// One member of a zip archive, read as a stream: a zip archive cannot be read without seeking
/// and a member borrows its archive, so on first read a thread opens the archive and inflates
/// the member into chunks handed over a small bounded channel. Memory stays at a few chunks
/// whatever the member's size (a 13 MB archive can hold gigabytes); dropping the stream stops
/// the thread.
struct ZipMember {
    path: PathBuf,
    index: usize,
    rx: Option<std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>>,
    chunk: Vec<u8>,
    pos: usize,
}

/// Bytes per chunk handed over by a [`ZipMember`]'s thread, and chunks in flight.
const ZIP_CHUNK: usize = 1 << 20;
const ZIP_CHUNKS_IN_FLIGHT: usize = 4;

impl ZipMember {
    fn start(&mut self) -> std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>> {
        let (tx, rx) = std::sync::mpsc::sync_channel(ZIP_CHUNKS_IN_FLIGHT);
        let (path, index) = (self.path.clone(), self.index);
        std::thread::spawn(move || {
            let inflate = || -> std::io::Result<()> {
                let file = crate::files::open_regular(&path).map_err(std::io::Error::other)?;
                let mut archive =
                    zip::ZipArchive::new(BufReader::new(file)).map_err(std::io::Error::other)?;
                let mut member = archive.by_index(index).map_err(std::io::Error::other)?;
                loop {
                    let mut chunk = vec![0u8; ZIP_CHUNK];
                    let mut filled = 0;
                    while filled < chunk.len() {
                        match member.read(&mut chunk[filled..]) {
                            Ok(0) => break,
                            Ok(n) => filled += n,
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                            Err(e) => return Err(e),
                        }
                    }
                    if filled == 0 {
                        return Ok(());
                    }
                    chunk.truncate(filled);
                    if tx.send(Ok(chunk)).is_err() {
                        return Ok(()); // the reader is gone
                    }
                }
            };
            if let Err(e) = inflate() {
                let _ = tx.send(Err(e));
            }
        });
        rx
    }
}

impl Read for ZipMember {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.chunk.len() {
            if self.rx.is_none() {
                self.rx = Some(self.start());
            }
            let next = self.rx.as_ref().and_then(|rx| rx.recv().ok());
            match next {
                None => return Ok(0), // the member's end
                Some(Err(e)) => {
                    // Report the damage once; after it, the stream ends (a closed channel).
                    let (_, closed) = std::sync::mpsc::sync_channel(0);
                    self.rx = Some(closed);
                    return Err(e);
                }
                Some(Ok(chunk)) => {
                    self.chunk = chunk;
                    self.pos = 0;
                }
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The streams in one file: itself, its gzip content, or each member of a zip archive.
pub fn open(path: &Path) -> Result<Vec<Stream>, OpenError> {
    let name = path.display().to_string();
    let open = || {
        crate::files::open_regular(path).map_err(|reason| OpenError::Refused {
            name: name.clone(),
            reason,
        })
    };
    let mut head = [0u8; 4];
    let n = open()?.read(&mut head).map_err(|cause| OpenError::Read {
        name: name.clone(),
        cause,
    })?;
    let head = &head[..n];
    let file = open()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let reader = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 20, file));
        return Ok(vec![Stream {
            name,
            reader: Box::new(reader),
        }]);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let mut archive =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|cause| OpenError::Zip {
                name: name.clone(),
                cause,
            })?;
        let mut out = Vec::new();
        for i in 0..archive.len() {
            let member = archive.by_index(i).map_err(|cause| OpenError::Member {
                name: name.clone(),
                index: i,
                cause,
            })?;
            if member.is_dir() {
                continue;
            }
            let member_name = format!(
                "{name}!{}",
                member
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| i.to_string())
            );
            out.push(Stream {
                name: member_name,
                reader: Box::new(ZipMember {
                    path: path.to_path_buf(),
                    index: i,
                    rx: None,
                    chunk: Vec::new(),
                    pos: 0,
                }),
            });
        }
        return Ok(out);
    }
    Ok(vec![Stream {
        name,
        reader: Box::new(BufReader::with_capacity(1 << 20, file)),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn plain_gzip_and_zip_give_the_same_text() {
        let dir = tempfile::tempdir().unwrap();
        let text = b"a\tb\nc\td\n";
        std::fs::write(dir.path().join("p.tsv"), text).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text).unwrap();
        std::fs::write(dir.path().join("g.gz"), gz.finish().unwrap()).unwrap();
        let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zw.start_file("inner.CSV", zip::write::SimpleFileOptions::default())
            .unwrap();
        zw.write_all(text).unwrap();
        std::fs::write(dir.path().join("z.zip"), zw.finish().unwrap().into_inner()).unwrap();
        for f in files(&[dir.path().to_path_buf()]) {
            let mut streams = open(&f).unwrap();
            assert_eq!(streams.len(), 1);
            let mut s = String::new();
            streams[0].reader.read_to_string(&mut s).unwrap();
            assert_eq!(s.as_bytes(), text, "{}", streams[0].name);
        }
        // A big member is streamed, not held in memory, and reads back whole.
        let big: Vec<u8> = (0..3 * ZIP_CHUNK + 17).map(|i| (i % 251) as u8).collect();
        let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zw.start_file("big.CSV", zip::write::SimpleFileOptions::default())
            .unwrap();
        zw.write_all(&big).unwrap();
        let big_zip = dir.path().join("big.zip");
        std::fs::write(&big_zip, zw.finish().unwrap().into_inner()).unwrap();
        let mut streams = open(&big_zip).unwrap();
        let mut back = Vec::new();
        streams[0].reader.read_to_end(&mut back).unwrap();
        assert!(back == big, "{} bytes back of {}", back.len(), big.len());
        std::fs::write(dir.path().join("t.zip"), b"PK\x03\x04truncated").unwrap();
        let e = open(&dir.path().join("t.zip")).err().unwrap();
        assert!(format!("{e:#}").contains("t.zip"));
    }
}
