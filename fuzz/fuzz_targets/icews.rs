//! The Icews parser on any bytes, line by line: every line gives a row, a skip or an error that
//! names the file and the line — never a panic.
#![no_main]

use dyad_import::{Dataset, Lines, Parser, Tables};
use dyad_model::CodeTable;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn tables() -> &'static (CodeTable, Tables) {
    static TABLES: OnceLock<(CodeTable, Tables)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let codes = CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../dictionaries/cameo.tsv"),
        )
        .expect("the CAMEO table parses");
        let tables = Tables::builtin(&codes).expect("the import tables parse");
        (codes, tables)
    })
}

fuzz_target!(|data: &[u8]| {
    let (codes, tables) = tables();
    let mut parser = Parser::new(Dataset::Icews, tables, codes, "fuzz.txt");
    let mut lines = Lines::new(data);
    while let Some(Ok((n, line))) = lines.next() {
        if let Err(e) = parser.parse(n, line) {
            let e = e.to_string();
            assert!(e.starts_with(&format!("fuzz.txt:{n}: ")), "{e}");
        }
    }
});
