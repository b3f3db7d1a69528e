//! Bare jieba-rs segmentation (HMM off, the default dictionary) of sentences read one per line
//! from a file, repeated for about three seconds on one core; prints sentences per second.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: jieba-peer SENTENCES.txt");
    let text = std::fs::read_to_string(&path).expect("read the sentences file");
    let sentences: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let jieba = jieba_rs::Jieba::new();
    let (mut n, mut words) = (0usize, 0usize);
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < 3.0 {
        for s in &sentences {
            words += jieba.cut(s, false).len();
        }
        n += sentences.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "jieba-rs cut: {:.0} sentences/s ({} words)",
        n as f64 / secs,
        words
    );
}
