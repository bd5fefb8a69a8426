//! Excel 97-2003 workbooks (.xls, BIFF8), read for what the program shows: which sheets are
//! hidden and which is active, hidden rows and columns, merged cells, the number format of
//! each number (a date in the workbook's own date system, `000`), error values, and formulas
//! whose result the file does not hold.
//!
//! A formula's result is taken only from a file that names the engine that computed it
//! (RECALCID, as Excel and LibreOffice write): xlwt writes an empty string for every formula
//! and no engine, and Excel recalculates such a file on opening; there every formula is a
//! [`super::Cell::Formula`], refused by the reader of the rows if the list needs it.
//!
//! A reader of our own rather than calamine's: calamine builds every sheet of an .xls into a
//! dense grid when the file is opened (65,536 × 256 cells for one stray cell at IV65536, half
//! a gigabyte), and tells neither hidden rows and columns nor number formats. This one keeps
//! only the cells that show something, checks every record's length and every offset against
//! the data, and allocates nothing by a count the file declares.
//!
//! Refused, each in words the clerk can act on: an Excel 5.0/95 workbook (a stream named
//! `Book`, or a BIFF5 header), a workbook with a password (FILEPASS: its records are
//! encrypted), a file that is no compound file (a web page or CSV saved under the name .xls),
//! and any damage, named with the sheet it is in.

mod cfb;
mod formula;
mod globals;
mod records;
mod sheet;
mod text_budget;

use super::{Book, Sheet, TableError, XlsFault};
use cfb::{CfbError, Compound};
use records::PastEnd;

/// Every worksheet of the .xls held in `bytes`, in tab order.
pub(super) fn read(bytes: &[u8]) -> Result<Book, TableError> {
    let file = Compound::open(bytes).map_err(container)?;
    let Some(stream) = file.stream("Workbook").map_err(container)? else {
        return Err(match file.stream("Book") {
            Ok(Some(_)) => TableError::XlsOld,
            _ => TableError::NotXls,
        });
    };
    let g = globals::read(&stream)?;
    // Each sheet is read up to where the next one starts, so that the work stays linear
    // whatever the offsets say.
    let mut starts: Vec<usize> = g.sheets.iter().map(|s| s.start).collect();
    starts.sort_unstable();
    if starts.windows(2).any(|w| w[0] == w[1]) {
        return Err(damaged(None, XlsFault::SheetStart));
    }
    let mut book = Book::default();
    let mut text_left = text_budget::MAX_TEXT_BYTES;
    let mut cells_left = super::MAX_CELLS;
    for (tab, entry) in g.sheets.iter().enumerate() {
        if !entry.worksheet {
            continue;
        }
        let end = starts
            .iter()
            .find(|&&s| s > entry.start)
            .copied()
            .unwrap_or(stream.len());
        let mut s = Sheet::new(entry.name.clone());
        s.visibility = entry.visibility;
        if let Some(s) = sheet::read(
            &stream,
            entry.start,
            end,
            s,
            &g,
            &mut text_left,
            &mut cells_left,
        )? {
            if g.active == Some(tab) {
                book.active = Some(book.sheets.len());
            }
            book.sheets.push(s);
        }
    }
    Ok(book)
}

fn container(e: CfbError) -> TableError {
    match e {
        CfbError::NotCompound => TableError::NotXls,
        CfbError::Damaged => damaged(None, XlsFault::Container),
    }
}

fn damaged(sheet: Option<&str>, fault: XlsFault) -> TableError {
    TableError::XlsDamaged {
        sheet: sheet.map(str::to_owned),
        fault,
    }
}

fn past_end(sheet: Option<&str>, e: PastEnd) -> TableError {
    damaged(sheet, XlsFault::Record(e.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::{Cell, Format, Visibility};

    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend_from_slice(&(body.len() as u16).to_le_bytes());
        v.extend_from_slice(body);
        v
    }

    fn bof(dt: u16) -> Vec<u8> {
        let mut b = 0x0600u16.to_le_bytes().to_vec();
        b.extend(dt.to_le_bytes());
        b.extend([0; 12]);
        rec(0x0809, &b)
    }

    fn xf(ifmt: u16) -> Vec<u8> {
        let mut b = vec![0, 0];
        b.extend(ifmt.to_le_bytes());
        b.extend([0; 16]);
        rec(0x00E0, &b)
    }

    fn boundsheet(offset: u32, name: &str) -> Vec<u8> {
        let mut b = offset.to_le_bytes().to_vec();
        b.extend([0, 0, name.len() as u8, 0]);
        b.extend(name.bytes());
        rec(0x0085, &b)
    }

    fn cell(kind: u16, row: u16, col: u16, xf: u16, rest: &[u8]) -> Vec<u8> {
        let mut b = row.to_le_bytes().to_vec();
        b.extend(col.to_le_bytes());
        b.extend(xf.to_le_bytes());
        b.extend_from_slice(rest);
        rec(kind, &b)
    }

    /// A workbook of one sheet "S": the globals (two XFs, General and a date, then `extra`)
    /// and the sheet's records, in a compound file.
    fn workbook(extra: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
        let mut head = bof(0x0005);
        head.extend(xf(0));
        head.extend(xf(14));
        for e in extra {
            head.extend(e);
        }
        let tail = rec(0x000A, &[]);
        let start = head.len() + boundsheet(0, "S").len() + tail.len();
        let mut stream = head;
        stream.extend(boundsheet(start as u32, "S"));
        stream.extend(tail);
        stream.extend(bof(0x0010));
        for r in sheet {
            stream.extend(r);
        }
        stream.extend(rec(0x000A, &[]));
        cfb::tests::compound("Workbook", &stream)
    }

    fn number(row: u16, col: u16, xf: u16, n: f64) -> Vec<u8> {
        cell(0x0203, row, col, xf, &n.to_le_bytes())
    }

    fn fault(r: Result<Book, TableError>) -> XlsFault {
        match r {
            Err(TableError::XlsDamaged { fault, .. }) => fault,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_small_book_reads_as_shown() {
        let b = read(&workbook(
            &[],
            &[
                number(0, 0, 0, 7.0),
                number(0, 1, 1, 28_887.0),
                cell(0x0205, 1, 0, 0, &[0x2A, 1]),
                cell(0x0205, 1, 1, 0, &[1, 0]),
                // An embedded chart: its cells are not the sheet's.
                bof(0x0020),
                number(5, 5, 0, 1.0),
                rec(0x000A, &[]),
                cell(0x0201, 2, 0, 0, &[]),
            ],
        ))
        .unwrap();
        let s = &b.sheets[0];
        assert_eq!(s.name, "S");
        assert_eq!(s.visibility, Visibility::Visible);
        assert_eq!(s.get(0, 0), &Cell::Number(7.0, Format::General));
        assert_eq!(
            s.get(0, 1),
            &Cell::Date(crate::date::Date::parse("1979-02-01").unwrap())
        );
        assert_eq!(s.get(1, 0), &Cell::Error("#N/A".into()));
        assert_eq!(s.get(1, 1), &Cell::Bool(true));
        assert_eq!(s.len(), 4);
    }

    #[test]
    fn formula_results_and_the_lack_of_one() {
        let formula = |col: u16, value: [u8; 8]| {
            let mut rest = value.to_vec();
            rest.extend([0; 6]);
            // NA(), three bytes of tokens.
            rest.extend([3, 0, 0x41, 10, 0]);
            cell(0x0006, 0, col, 0, &rest)
        };
        let empty = [3, 0, 0, 0, 0, 0, 0xFF, 0xFF];
        let sheet = [
            formula(0, empty),
            formula(1, [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]),
            formula(2, [0, 0, 0, 0, 0, 0, 0xFF, 0xFF]),
            rec(0x0207, &[3, 0, 0, b'a', b'b']),
            rec(0x003C, &[1, b'c', 0]),
            formula(3, [0, 0, 0, 0, 0, 0, 0xFF, 0xFF]),
            number(1, 0, 0, 1.0),
        ];
        // Computed by an engine the file names (RECALCID).
        let engine = rec(0x01C1, &[0xC1, 1, 0, 0, 0x54, 0x8D, 1, 0]);
        let b = read(&workbook(&[engine], &sheet)).unwrap();
        let s = &b.sheets[0];
        assert_eq!(s.get(0, 0), &Cell::Empty);
        assert_eq!(s.get(0, 1), &Cell::Error("#DIV/0!".into()));
        assert_eq!(s.get(0, 2), &Cell::Text("abc".into()));
        // A string result whose STRING record is missing.
        assert_eq!(s.get(0, 3), &Cell::Formula("=NA()".into()));
        assert_eq!(s.get(1, 0), &Cell::Number(1.0, Format::General));
        // No engine named, or engine 0 (recalculate on opening): no result is believed.
        let forced = rec(0x01C1, &[0xC1, 1, 0, 0, 0, 0, 0, 0]);
        for extra in [vec![], vec![forced]] {
            let b = read(&workbook(&extra, &sheet)).unwrap();
            let s = &b.sheets[0];
            for col in 0..4 {
                assert_eq!(s.get(0, col), &Cell::Formula("=NA()".into()));
            }
            assert_eq!(s.get(1, 0), &Cell::Number(1.0, Format::General));
        }
        // A formula whose result is 0 (what POI and NPOI leave) in a file naming no engine:
        // not a 0.
        let mut rest = 0f64.to_le_bytes().to_vec();
        rest.extend([0; 6]);
        rest.extend([3, 0, 0x41, 10, 0]);
        let b = read(&workbook(&[], &[cell(0x0006, 0, 0, 0, &rest)])).unwrap();
        assert_eq!(b.sheets[0].get(0, 0), &Cell::Formula("=NA()".into()));
    }

    #[test]
    fn hostile_records_are_errors() {
        // A length past the end of the stream.
        let mut cut = number(0, 0, 0, 1.0);
        cut[2] = 200;
        assert!(matches!(
            fault(read(&workbook(&[], &[cut]))),
            XlsFault::Record(_)
        ));
        // A cell format that does not exist.
        assert_eq!(
            fault(read(&workbook(&[], &[number(2, 1, 9, 1.0)]))),
            XlsFault::FormatIndex("S!B3".into())
        );
        // A shared string that does not exist.
        assert_eq!(
            fault(read(&workbook(
                &[],
                &[cell(0x00FD, 0, 0, 0, &[0, 0, 0, 0])]
            ))),
            XlsFault::StringIndex("S!A1".into())
        );
        // Four billion shared strings declared, one there.
        let mut sst = 1u32.to_le_bytes().to_vec();
        sst.extend(u32::MAX.to_le_bytes());
        sst.extend([1, 0, 0, b'a']);
        assert_eq!(
            fault(read(&workbook(&[rec(0x00FC, &sst)], &[]))),
            XlsFault::Strings {
                declared: u32::MAX,
                found: 1
            }
        );
        // A string cut, then a hundred thousand empty CONTINUE records.
        let mut sst = 1u32.to_le_bytes().to_vec();
        sst.extend(1u32.to_le_bytes());
        sst.extend([200, 0, 0, b'a']);
        let mut extra = vec![rec(0x00FC, &sst)];
        extra.extend(std::iter::repeat_n(rec(0x003C, &[]), 10_000));
        let t = std::time::Instant::now();
        let f = fault(read(&workbook(&extra, &[])));
        assert!(matches!(f, XlsFault::Strings { .. }), "{f:?}");
        // A guard against looping over the declared count, not a speed target.
        assert!(t.elapsed().as_secs() < 30);
        // Merged areas declared beyond the record.
        assert!(matches!(
            fault(read(&workbook(&[], &[rec(0x00E5, &[0xFF, 0xFF, 0, 0])]))),
            XlsFault::Short(_)
        ));
    }

    #[test]
    fn a_sheet_start_outside_the_stream_or_shared_is_an_error() {
        let mut s = bof(0x0005);
        s.extend(boundsheet(1_000_000, "S"));
        s.extend(rec(0x000A, &[]));
        let f = cfb::tests::compound("Workbook", &s);
        assert_eq!(fault(read(&f)), XlsFault::SheetStart);
        let mut s = bof(0x0005);
        s.extend(boundsheet(0, "A"));
        s.extend(boundsheet(0, "B"));
        s.extend(rec(0x000A, &[]));
        let f = cfb::tests::compound("Workbook", &s);
        assert_eq!(fault(read(&f)), XlsFault::SheetStart);
        // More sheets than any list has.
        let mut s = bof(0x0005);
        for i in 0..=crate::import::table::MAX_SHEETS {
            s.extend(boundsheet(100 + i as u32, "A"));
        }
        s.extend(rec(0x000A, &[]));
        let f = cfb::tests::compound("Workbook", &s);
        assert_eq!(fault(read(&f)), XlsFault::TooManySheets);
        // The start of the globals named as a sheet: not a worksheet's BOF, passed over.
        let mut s = bof(0x0005);
        s.extend(boundsheet(0, "A"));
        s.extend(rec(0x000A, &[]));
        let b = read(&cfb::tests::compound("Workbook", &s)).unwrap();
        assert!(b.sheets.is_empty());
    }

    #[test]
    fn old_encrypted_and_other_files_are_refused_by_name() {
        let mut s = bof(0x0005);
        s.extend(rec(0x002F, &[1, 0, 1, 0]));
        let f = cfb::tests::compound("Workbook", &s);
        assert!(matches!(read(&f), Err(TableError::Encrypted)));
        let f = cfb::tests::compound("Book", &s);
        assert!(matches!(read(&f), Err(TableError::XlsOld)));
        let mut old = s.clone();
        old[4..6].copy_from_slice(&0x0500u16.to_le_bytes());
        let f = cfb::tests::compound("Workbook", &old);
        assert!(matches!(read(&f), Err(TableError::XlsOld)));
        assert!(matches!(
            read(b"<html><body><table>"),
            Err(TableError::NotXls)
        ));
        assert!(matches!(read(b""), Err(TableError::NotXls)));
        let f = cfb::tests::compound("WordDocument", &s);
        assert!(matches!(read(&f), Err(TableError::NotXls)));
    }

    /// The Workbook stream of the xlwt fixture, mutated thousands of ways (bytes replaced,
    /// cut short, lengths changed): the reader answers each, never panics, and fast.
    #[test]
    fn mutated_workbook_streams_never_panic() {
        let file = include_bytes!("../../../../tests/fixtures/lists/xls/vn.xls");
        let stream = Compound::open(file)
            .unwrap()
            .stream("Workbook")
            .unwrap()
            .unwrap();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let started = std::time::Instant::now();
        let mut read_ok = 0;
        for _ in 0..3_000 {
            let mut m = stream.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % m.len() as u64) as usize;
                match next() % 4 {
                    0 => m[at] = next() as u8,
                    1 => m[at] ^= 0xFF,
                    2 => m.truncate(at.max(1)),
                    _ => {
                        // A record length: any header's third and fourth bytes.
                        let v = (next() % 0x10000) as u16;
                        if at + 2 <= m.len() {
                            m[at..at + 2].copy_from_slice(&v.to_le_bytes());
                        }
                    }
                }
            }
            if read(&cfb::tests::compound("Workbook", &m)).is_ok() {
                read_ok += 1;
            }
        }
        assert!(read_ok > 0);
        assert!(started.elapsed().as_secs() < 30);
    }

    /// An SST record of these strings (compressed characters), with its CONTINUEs.
    fn sst(strings: &[&str]) -> Vec<Vec<u8>> {
        let mut body = (strings.len() as u32).to_le_bytes().to_vec();
        body.extend((strings.len() as u32).to_le_bytes());
        for t in strings {
            body.extend((t.len() as u16).to_le_bytes());
            body.push(0);
            body.extend(t.bytes());
        }
        // 8,224 bytes a record; a string cut at a boundary restates its flag byte.
        let mut out = Vec::new();
        let (first, mut rest) = body.split_at(body.len().min(8_224));
        out.push(rec(0x00FC, first));
        while !rest.is_empty() {
            let (part, more) = rest.split_at(rest.len().min(8_223));
            let mut b = vec![0u8];
            b.extend(part);
            out.push(rec(0x003C, &b));
            rest = more;
        }
        out
    }

    fn labelsst(row: u16, col: u16, i: u32) -> Vec<u8> {
        cell(0x00FD, row, col, 0, &i.to_le_bytes())
    }

    #[test]
    fn a_text_past_the_cell_limit_is_refused_with_its_cell() {
        let long = "a".repeat(5_000);
        let e = read(&workbook(
            &sst(&["Tên", &long]),
            &[labelsst(0, 0, 0), labelsst(2, 1, 1)],
        ));
        assert!(
            matches!(&e, Err(TableError::CellTooLong { place, chars: None }) if place == "S!B3"),
            "{e:?}"
        );
        // A LABEL record of its own.
        let mut b = 4_200u16.to_le_bytes().to_vec();
        b.push(0);
        b.extend([b'x'; 4_200]);
        let e = read(&workbook(&[], &[cell(0x0204, 4, 2, 0, &b)]));
        assert!(
            matches!(&e, Err(TableError::CellTooLong { place, .. }) if place == "S!C5"),
            "{e:?}"
        );
        // At the limit, read.
        let at = "b".repeat(4_096);
        let book = read(&workbook(&sst(&[&at]), &[labelsst(0, 0, 0)])).unwrap();
        assert_eq!(book.sheets[0].get(0, 0), &Cell::Text(at));
    }

    #[test]
    fn the_cells_of_every_sheet_count_against_one_bound() {
        // A 64 MB file holds 4.8 million cell records: a million in each of five sheets took
        // five times the memory of one. Shown on a bound of 3 (the tests' compound files hold
        // 64 KB).
        let bytes = workbook(
            &[],
            &[
                number(0, 0, 0, 1.0),
                number(0, 1, 0, 2.0),
                number(1, 0, 0, 3.0),
                number(1, 1, 0, 4.0),
            ],
        );
        let file = Compound::open(&bytes).unwrap();
        let stream = file.stream("Workbook").unwrap().unwrap();
        let g = globals::read(&stream).unwrap();
        let start = g.sheets[0].start;
        let (mut text, mut cells) = (text_budget::MAX_TEXT_BYTES, 3);
        let e = sheet::read(
            &stream,
            start,
            stream.len(),
            Sheet::new("S"),
            &g,
            &mut text,
            &mut cells,
        );
        assert!(
            matches!(&e, Err(TableError::TooManyCells { place, .. }) if place == "S!B2"),
            "{e:?}"
        );
        let mut cells = 10;
        let s = sheet::read(
            &stream,
            start,
            stream.len(),
            Sheet::new("S"),
            &g,
            &mut text,
            &mut cells,
        );
        assert!(matches!(s, Ok(Some(_))));
        assert_eq!(cells, 6);
    }

    #[test]
    fn hidden_rows_columns_and_merges() {
        let mut row = 5u16.to_le_bytes().to_vec();
        row.extend([0; 10]);
        row.extend(0x20u16.to_le_bytes());
        row.extend([0; 2]);
        let colinfo = [2, 0, 4, 0, 0x24, 0x09, 0, 0, 1, 0, 0, 0];
        let merged = [1, 0, 3, 0, 4, 0, 1, 0, 1, 0];
        let b = read(&workbook(
            &[],
            &[
                rec(0x0208, &row),
                rec(0x007D, &colinfo),
                rec(0x00E5, &merged),
            ],
        ))
        .unwrap();
        let s = &b.sheets[0];
        assert_eq!(s.hidden_rows.spans(), &[(5, 5)]);
        assert_eq!(s.hidden_cols.spans(), &[(2, 4)]);
        // The same columns hidden three thousand times, and columns past the last: one span.
        let mut many = vec![rec(0x007D, &[0, 1, 0xFF, 0xFF, 0, 0, 0, 0, 1, 0, 0, 0]); 3_000];
        many.push(rec(0x007D, &colinfo));
        let b = read(&workbook(&[], &many)).unwrap();
        assert_eq!(b.sheets[0].hidden_cols.spans(), &[(2, 4)]);
        assert_eq!(s.merges.len(), 1);
        assert!(s.merge_at(4, 1).is_some());
        // Rows hidden by default: all but those a ROW record shows.
        let mut shown = 3u16.to_le_bytes().to_vec();
        shown.extend([0; 14]);
        let b = read(&workbook(
            &[],
            &[rec(0x0225, &[2, 0, 0, 0]), rec(0x0208, &shown)],
        ))
        .unwrap();
        assert_eq!(b.sheets[0].hidden_rows.spans(), &[(0, 2), (4, 65_535)]);
    }
}
