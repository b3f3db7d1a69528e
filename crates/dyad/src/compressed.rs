//! Opening data files as their user has them: plain, gzip (`.gz`) or zip (every member of the
//! archive, in order). Formats are recognised by their first bytes, not their names.

use anyhow::{Context, Result};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// One stream of data to read, named for error messages (`file.zip!member.CSV`).
pub struct Stream {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
}

/// Files under `paths` (directories walked recursively, sorted; hidden files skipped; links
/// back into a walked directory not followed; a file reached twice listed once). Paths that are
/// not regular files are listed too: [`open`] refuses them with a message naming them.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    Ok(crate::files::walk(paths, &|_: &Path| true).files)
}

/// The streams in one file: itself, its gzip content, or each member of a zip archive.
pub fn open(path: &Path) -> Result<Vec<Stream>> {
    let name = path.display().to_string();
    let open = || crate::files::open_regular(path).map_err(|e| anyhow::anyhow!("{name}: {e}"));
    let mut head = [0u8; 4];
    let n = open()?
        .read(&mut head)
        .with_context(|| format!("cannot read {name}"))?;
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
        let mut archive = zip::ZipArchive::new(BufReader::new(file)).with_context(|| {
            format!("{name}: not a readable zip archive (truncated or damaged?)")
        })?;
        let mut out = Vec::new();
        for i in 0..archive.len() {
            let mut member = archive
                .by_index(i)
                .with_context(|| format!("{name}: cannot read member {i} of the archive"))?;
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
            // Members are decompressed into memory one at a time as they are asked for; a
            // zip archive cannot be streamed without seeking, and GDELT members are small.
            let mut bytes = Vec::with_capacity(member.size() as usize);
            member
                .read_to_end(&mut bytes)
                .with_context(|| format!("{member_name}: damaged compressed data"))?;
            out.push(Stream {
                name: member_name,
                reader: Box::new(std::io::Cursor::new(bytes)),
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
        for f in files(&[dir.path().to_path_buf()]).unwrap() {
            let mut streams = open(&f).unwrap();
            assert_eq!(streams.len(), 1);
            let mut s = String::new();
            streams[0].reader.read_to_string(&mut s).unwrap();
            assert_eq!(s.as_bytes(), text, "{}", streams[0].name);
        }
        std::fs::write(dir.path().join("t.zip"), b"PK\x03\x04truncated").unwrap();
        let e = open(&dir.path().join("t.zip")).err().unwrap();
        assert!(format!("{e:#}").contains("t.zip"));
    }
}
