//! Bytes → `String`: which encoding were these bytes written in?
//!
//! The order of trust is: a charset the caller declares (HTTP header, user flag), a byte-order
//! mark, a charset the document declares about itself (`<meta charset>`, passed in as `hint`),
//! valid UTF-8, UTF-8 with a few invalid sequences, and finally detection with `chardetng`.
//!
//! A single bad byte, or a file cut in the middle of a character, must not switch a UTF-8
//! document to another encoding (which would garble every other character): when at least
//! [`UTF8_EVIDENCE`] valid multi-byte characters stand for each invalid sequence, the text is
//! read as UTF-8 with each invalid sequence replaced by U+FFFD, and [`Decoded::replaced`]
//! counts them so that the caller can warn. Text in a legacy encoding has far more invalid
//! sequences than valid multi-byte characters, so it still goes to detection. Binary input (NUL bytes without a UTF-16
//! byte-order mark, or many control characters) is refused before any guessing.
//!
//! `chardetng` sometimes confuses the two Cyrillic single-byte encodings (Windows-1251 and
//! KOI8-R map the same letters to nearly swapped byte ranges, so both decodings are "valid");
//! when it guesses a Cyrillic encoding, both candidates are decoded and scored by Russian letter
//! frequency, and the likelier one wins.
//!
//! ```
//! let bytes = encoding_rs::WINDOWS_1251.encode("Министр иностранных дел России").0;
//! let d = dyad_text::decode::decode(&bytes, None, None).unwrap();
//! assert_eq!(d.text, "Министр иностранных дел России");
//! assert_eq!(d.encoding, "windows-1251");
//! ```

use crate::TextError;
use encoding_rs::{Encoding, KOI8_R, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251};

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Invalid byte sequences replaced by U+FFFD (in mostly valid UTF-8).
    pub replaced: usize,
}

/// Valid multi-byte UTF-8 characters needed per invalid sequence to read bytes as UTF-8.
pub const UTF8_EVIDENCE: usize = 10;

/// Whether `label` names a character set [`decode`] can read (a WHATWG label: `utf-8`, `gbk`,
/// `big5`, `windows-1251`, `koi8-r`…). A declared label that names none is not trusted, so a
/// caller taking labels from people checks them here first.
pub fn is_known_charset(label: &str) -> bool {
    Encoding::for_label(label.trim().as_bytes()).is_some()
}

/// Decodes `bytes`, trusting `declared` first, then a BOM, then `hint` (a charset the document
/// declares about itself), then valid UTF-8, then detection.
pub fn decode(
    bytes: &[u8],
    declared: Option<&str>,
    hint: Option<&str>,
) -> Result<Decoded, TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        if enc != UTF_16LE && enc != UTF_16BE {
            refuse_binary(bytes)?;
        }
        return Ok(run(enc, bytes));
    }
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, bytes));
    }
    refuse_binary(bytes)?;
    if let Some(enc) = hint.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A UTF-16 label inside an ASCII-compatible document is a lie (WHATWG treats it as UTF-8).
        let enc = if enc == UTF_16LE || enc == UTF_16BE {
            UTF_8
        } else {
            enc
        };
        return Ok(run(enc, bytes));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            replaced: 0,
        });
    }
    if let Some(d) = mostly_utf8(bytes) {
        return Ok(d);
    }
    Ok(run(detect(bytes), bytes))
}

/// Bytes that are UTF-8 but for a few invalid sequences, read with U+FFFD in their place.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if invalid == 0 || multibyte < UTF8_EVIDENCE * invalid {
        return None;
    }
    Some(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "UTF-8",
        replaced: invalid,
    })
}

/// Guesses the encoding of non-UTF-8 bytes.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    if is_cyrillic_single_byte(guess) {
        return cyrillic_choice(bytes, guess);
    }
    guess
}

fn is_cyrillic_single_byte(enc: &'static Encoding) -> bool {
    matches!(
        enc.name(),
        "windows-1251" | "KOI8-R" | "KOI8-U" | "IBM866" | "ISO-8859-5" | "x-mac-cyrillic"
    )
}

/// Picks, among the guess, Windows-1251 and KOI8-R, the decoding that reads most like Russian.
fn cyrillic_choice(bytes: &[u8], guess: &'static Encoding) -> &'static Encoding {
    // KOI8-R and Windows-1251 are tried first so that they win ties (KOI8-U reads Russian
    // exactly as KOI8-R does; the name of the commoner encoding is the better report).
    let mut best: Option<(&'static Encoding, i64)> = None;
    for enc in [KOI8_R, WINDOWS_1251, guess] {
        let score = russian_score(&enc.decode_without_bom_handling(bytes).0);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((enc, score));
        }
    }
    best.map_or(guess, |(enc, _)| enc)
}

/// Letter-frequency score: Russian prose is mostly lower-case letters, with о, е, а, и, н, т
/// the commonest. A wrong single-byte decoding swaps case and turns frequent letters into rare
/// ones, so its score drops sharply.
fn russian_score(text: &str) -> i64 {
    // Per-mille frequencies of Russian letters а..я (ё counted as е).
    const FREQ: [i64; 32] = [
        80, 16, 45, 17, 30, 85, 9, 16, 74, 12, 35, 44, 32, 67, 110, 28, 47, 55, 63, 26, 3, 10, 5,
        14, 7, 4, 1, 19, 17, 3, 6, 20,
    ];
    let mut score = 0i64;
    let mut prev_letter = false;
    for c in text.chars() {
        let (lower, is_upper) = match c {
            'а'..='я' => (c, false),
            'А'..='Я' => (char::from_u32(c as u32 + 32).unwrap_or(c), true),
            'ё' | 'Ё' => ('е', c == 'Ё'),
            _ => {
                prev_letter = false;
                continue;
            }
        };
        let idx = (lower as u32).saturating_sub('а' as u32) as usize;
        let f = FREQ.get(idx).copied().unwrap_or(0);
        score += f;
        if is_upper && prev_letter {
            score -= 60; // upper case inside a word
        }
        prev_letter = true;
    }
    score
}

fn run(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, used, had_errors) = enc.decode(bytes);
    let text = text.into_owned();
    let replaced = if had_errors {
        text.matches('\u{FFFD}').count()
    } else {
        0
    };
    Decoded {
        text,
        encoding: display_name(used),
        replaced,
    }
}

/// The name reported in `Processed::encoding`.
fn display_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "gb18030" => "GB18030",
        other => other,
    }
}

/// Refuses data that is not text: NUL bytes (without a UTF-16 BOM) or many control characters.
pub fn refuse_binary(bytes: &[u8]) -> Result<(), TextError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = sample.iter().position(|&b| b == 0) {
        return Err(TextError::Binary(format!("a NUL byte at offset {pos}")));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls >= 3 && controls * 100 > sample.len() {
        return Err(TextError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Министр иностранных дел России Сергей Лавров заявил, что Москва готова \
        к переговорам с Вашингтоном о стратегической стабильности, если американская сторона \
        откажется от давления и санкций. Переговоры прошли в Женеве и продолжались несколько часов.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("美俄关系".as_bytes(), None, None).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), ("美俄关系", "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("美俄关系".as_bytes());
        let d = decode(&bom, None, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("美俄关系", "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let s = "Talks in Anchorage. Переговоры. 会晤。";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&le, None, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, "UTF-16LE"));
        let d = decode(&be, None, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, "UTF-16BE"));
    }

    #[test]
    fn windows_1251_and_koi8_r_are_told_apart() {
        let w = WINDOWS_1251.encode(RU).0;
        let d = decode(&w, None, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (RU, "windows-1251"));
        let k = KOI8_R.encode(RU).0;
        let d = decode(&k, None, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (RU, "KOI8-R"));
        // The letter-frequency score alone prefers the right reading.
        let right = russian_score(&KOI8_R.decode_without_bom_handling(&k).0);
        let wrong = russian_score(&WINDOWS_1251.decode_without_bom_handling(&k).0);
        assert!(right > wrong, "{right} <= {wrong}");
    }

    #[test]
    fn charset_labels_are_known_by_their_whatwg_names() {
        for l in [
            "utf-8",
            "UTF8",
            " gbk ",
            "big5",
            "windows-1251",
            "koi8-r",
            "gb18030",
        ] {
            assert!(is_known_charset(l), "{l}");
        }
        for l in ["klingon", "", "utf-9"] {
            assert!(!is_known_charset(l), "{l}");
        }
    }

    #[test]
    fn declared_charset_wins_over_detection() {
        let k = KOI8_R.encode(RU).0;
        let d = decode(&k, Some("koi8-r"), None).unwrap();
        assert_eq!(d.text, RU);
        let g = encoding_rs::GB18030.encode("美俄两国元首举行会晤").0;
        let d = decode(&g, Some("gb18030"), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("美俄两国元首举行会晤", "GB18030")
        );
        // A hint (e.g. <meta charset>) is used when nothing stronger is known.
        let d = decode(&g, None, Some("gbk")).unwrap();
        assert_eq!(d.text, "美俄两国元首举行会晤");
    }

    #[test]
    fn one_bad_byte_or_a_cut_character_keeps_utf8() {
        let zh = "美俄两国元首举行会晤，讨论了乌克兰问题。双方同意继续对话。".repeat(3);
        let mut bad = zh.as_bytes().to_vec();
        bad.insert(30, 0xFF);
        let d = decode(&bad, None, None).unwrap();
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert_eq!(d.text.replace('\u{FFFD}', ""), zh);
        let cut = &zh.as_bytes()[..zh.len() - 1];
        let d = decode(cut, None, None).unwrap();
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert!(d.text.starts_with(&zh[..zh.len() - 3]));
        // Russian in Windows-1251 is not mistaken for damaged UTF-8.
        let w = WINDOWS_1251.encode(RU).0;
        assert_eq!(decode(&w, None, None).unwrap().encoding, "windows-1251");
        // Nor is English in Windows-1252 with one accented letter (no UTF-8 evidence at all).
        let latin = encoding_rs::WINDOWS_1252
            .encode("The café in Geneva was closed.")
            .0;
        let d = decode(&latin, None, None).unwrap();
        assert_eq!(d.text, "The café in Geneva was closed.");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"", None, None), Err(TextError::Empty));
        assert!(matches!(
            decode(b"abc\0def", None, None),
            Err(TextError::Binary(_))
        ));
        let ctrl: Vec<u8> = (0u8..200)
            .map(|i| if i % 10 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(
            decode(&ctrl, None, None),
            Err(TextError::Binary(_))
        ));
        assert!(decode(b"line\tone\r\nline two\x0c", None, None).is_ok());
    }
}
