//! CSV, as Excel and other systems export it: quoted fields, `,`, `;` or tab as the separator,
//! UTF-8 (a byte-order mark allowed) or UTF-16 with its byte-order mark. Every cell is text, as
//! the file holds it.
//!
//! The file is read in one pass over its text, which is borrowed from the file's bytes when
//! they are UTF-8 (a 66 MB file was held twice). What a field or a line costs is what it
//! keeps: an empty field or an empty line only moves the place on (66 MB of line breaks cost
//! 4 GB when each was put as an empty cell), a field is refused past [`MAX_CELL_CHARS`] with
//! its place, and a row below the last a list may use stops the read at its first cell
//! ([`Sheet::put`]).

use std::borrow::Cow;

use super::{Cell, Sheet, TableError, MAX_CELL_CHARS};

/// The text of a CSV file: UTF-8 (a byte-order mark allowed), UTF-16 with its byte-order mark
/// (Excel's "Unicode text"), or Windows-1258 that reads as Vietnamese (Excel's "CSV" on
/// Vietnamese Windows), decoded to NFC.
fn csv_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<&'static str>), TableError> {
    let utf16 = |rest: &[u8], big: bool| {
        // An odd byte at the end is half a character: dropping it would change the text.
        if rest.len() % 2 == 1 {
            return Err(TableError::CsvDamaged {
                place: format!("byte {}", bytes.len()),
                what: "the UTF-16 text ends in the middle of a character",
                what_vi: "văn bản UTF-16 kết thúc giữa chừng một ký tự",
            });
        }
        let units = rest.chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|t| (Cow::Owned(t), None))
            .map_err(|_| TableError::NotUtf8)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((Cow::Borrowed(t), None)),
        // Excel's "CSV" on Vietnamese Windows is in Windows-1258, the tones as combining marks;
        // taken only when it reads as Vietnamese, so no other code page is guessed at.
        Err(_) => crate::text::cp1258::decode_vietnamese(bytes)
            .map(|t| (Cow::Owned(t), Some("Windows-1258")))
            .ok_or(TableError::NotUtf8),
    }
}

/// A CSV file as a book of one sheet, with the code page its text was decoded from when it was
/// not Unicode (said to the clerk: every change on the way is).
pub fn csv_book(bytes: &[u8], name: &str) -> Result<super::Book, TableError> {
    // Decoded once: a 60 MB file decoded twice held both copies at once.
    let (text, decoded) = csv_text(bytes)?;
    Ok(super::Book {
        sheets: vec![parse(&text, name)?],
        active: Some(0),
        decoded_from: decoded,
    })
}

/// A CSV file: UTF-8 or UTF-16 ([`csv_text`]), the separator the first lines use most.
pub fn csv(bytes: &[u8], name: &str) -> Result<Sheet, TableError> {
    let (text, _) = csv_text(bytes)?;
    parse(&text, name)
}

/// The cells of decoded CSV text.
fn parse(text: &str, name: &str) -> Result<Sheet, TableError> {
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|s| {
            text.lines()
                .take(40)
                .map(|l| l.matches(*s).count())
                .sum::<usize>()
        })
        .unwrap_or(',');
    // Cells go straight into the sparse sheet: a file of commas alone holds millions of empty
    // fields, which must cost nothing.
    let mut sheet = Sheet::new(name);
    let (mut r, mut col) = (0u32, 0u32);
    let mut field = String::new();
    let mut quoted = false;
    // Where the open quote is, for the message when it is never closed.
    let mut opened = (0u32, 0u32);
    // An empty field is not put (the sheet has nothing to remove there): it only moves the
    // column on.
    let push = |field: &mut String, sheet: &mut Sheet, r: u32, col: &mut u32| {
        let at = *col;
        *col = col.saturating_add(1);
        if field.trim().is_empty() {
            field.clear();
            return Ok(());
        }
        if field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS {
            return Err(too_long(sheet, r, at));
        }
        sheet.put(r, at, Cell::Text(std::mem::take(field)))
    };
    // Bytes a field may reach before its characters are surely past the limit (a character
    // is at most 4 bytes): checked before text is added, counted only at the end.
    let max_bytes = MAX_CELL_CHARS * 4;
    // The separators, quotes and line ends are ASCII: the text is cut at them in bytes, and
    // the runs between them are taken whole (a character at a time, 66 MB took seconds).
    let b = text.as_bytes();
    let sep = u8::try_from(sep).unwrap_or(b',');
    let mut i = 0usize;
    while let Some(&c) = b.get(i) {
        if quoted {
            let rest = b.get(i..).unwrap_or_default();
            // A quote opened and never closed takes the rest of the file: said as such.
            let Some(k) = memchr::memchr(b'"', rest) else {
                return Err(never_closed(&sheet, opened));
            };
            if field.len() + k > max_bytes {
                return Err(too_long(&sheet, r, col));
            }
            field.push_str(text.get(i..i + k).unwrap_or_default());
            i += k + 1;
            if b.get(i) == Some(&b'"') {
                field.push('"');
                i += 1;
            } else {
                quoted = false;
            }
            continue;
        }
        match c {
            b'"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                opened = (r, col);
                i += 1;
            }
            b'\r' if b.get(i + 1) == Some(&b'\n') => i += 1,
            // An empty line: nothing to put.
            b'\n' | b'\r' if col == 0 && field.is_empty() => {
                r = r.saturating_add(1);
                i += 1;
            }
            b'\n' | b'\r' => {
                push(&mut field, &mut sheet, r, &mut col)?;
                r = r.saturating_add(1);
                col = 0;
                i += 1;
            }
            c if c == sep => {
                push(&mut field, &mut sheet, r, &mut col)?;
                i += 1;
            }
            _ => {
                // While the field holds only spaces, a quote may still open it: one character
                // at a time; after that, a quote is a character, up to the separator.
                let rest = b.get(i..).unwrap_or_default();
                let k = if field.trim().is_empty() {
                    text.get(i..)
                        .and_then(|t| t.chars().next())
                        .map_or(1, char::len_utf8)
                } else {
                    memchr::memchr3(sep, b'\n', b'\r', rest).unwrap_or(rest.len())
                };
                if field.len() + k > max_bytes {
                    return Err(too_long(&sheet, r, col));
                }
                field.push_str(text.get(i..i + k).unwrap_or_default());
                i += k;
            }
        }
    }
    // A quote never closed took the rest of the file into one field: what the fields were
    // meant to be is not known.
    if quoted {
        return Err(never_closed(&sheet, opened));
    }
    if !field.is_empty() || col > 0 {
        push(&mut field, &mut sheet, r, &mut col)?;
    }
    Ok(sheet)
}

/// A quote opened at `opened` and never closed.
fn never_closed(sheet: &Sheet, opened: (u32, u32)) -> TableError {
    TableError::CsvDamaged {
        place: sheet.place(opened.0, opened.1),
        what: "a quote opened here is never closed",
        what_vi: "dấu ngoặc kép mở ở đây không được đóng",
    }
}

/// A field longer than any cell.
fn too_long(sheet: &Sheet, r: u32, col: u32) -> TableError {
    TableError::CellTooLong {
        place: sheet.place(r, col),
        chars: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_separators_and_a_bom() {
        let s = csv(
            "\u{feff}STT;Họ và tên;Đơn vị\r\n1;\"Lê Văn Bình\";\"Thôn \"\"Đông\"\"; xã A\"\n2;;x"
                .as_bytes(),
            "ds.csv",
        )
        .unwrap_or_default();
        assert_eq!(s.row_numbers().count(), 3);
        assert_eq!(*s.get(1, 2), Cell::Text("Thôn \"Đông\"; xã A".to_owned()));
        assert_eq!(*s.get(2, 1), Cell::Empty);
        assert_eq!(s.place(1, 2), "ds.csv!C2");
    }

    #[test]
    fn csv_in_utf16_as_excel_saves_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "STT\tHọ và tên\n1\tLê Văn Bình\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let s = csv(&bytes, "ds.txt").unwrap_or_default();
        assert_eq!(*s.get(1, 1), Cell::Text("Lê Văn Bình".to_owned()));
        assert!(matches!(csv(&[0xC3, 0x28], "x"), Err(TableError::NotUtf8)));
        bytes.push(0x41);
        let at = format!("byte {}", bytes.len());
        assert!(matches!(
            csv(&bytes, "ds.txt"),
            Err(TableError::CsvDamaged { place, .. }) if place == at
        ));
    }

    #[test]
    fn a_quote_never_closed_and_a_field_of_megabytes_are_refused_with_their_place() {
        let e = csv(b"STT,Ten\n1,\"Le Van A,UBND\n2,B\n", "ds.csv");
        assert!(matches!(e, Err(TableError::CsvDamaged { place, .. }) if place == "ds.csv!B2"));
        let mut long = b"STT,Ten\n1,".to_vec();
        long.resize(20 * 1024 * 1024, b'a');
        let e = csv(&long, "ds.csv");
        assert!(matches!(e, Err(TableError::CellTooLong { place, .. }) if place == "ds.csv!B2"));
        // A quote opened and never closed, far longer than a cell.
        let mut open = b"STT,Ten\n1,\"Le".to_vec();
        open.resize(1024 * 1024, b'\n');
        let e = csv(&open, "ds.csv");
        assert!(matches!(e, Err(TableError::CsvDamaged { place, .. }) if place == "ds.csv!B2"));
    }

    #[test]
    fn a_cell_past_the_limit_is_refused_with_its_place_and_one_at_it_read() {
        let at = |body: String| {
            let mut b = "STT;Họ và tên;Đơn vị\n".to_owned();
            b.push_str(&body);
            csv(b.as_bytes(), "ds.csv")
        };
        let e = at(format!("1;{};x\n", "ệ".repeat(4_097)));
        assert!(
            matches!(e, Err(TableError::CellTooLong { place, chars: None }) if place == "ds.csv!B2")
        );
        // A quoted field over millions of lines, closed at last: stopped at the limit.
        let e = at(format!("1;x;\"{}\"\n", "\n".repeat(3_000_000)));
        assert!(matches!(e, Err(TableError::CellTooLong { place, .. }) if place == "ds.csv!C2"));
        let s = at(format!("1;{};x\n", "ệ".repeat(4_096))).unwrap_or_default();
        assert!(matches!(s.get(1, 1), Cell::Text(t) if t.chars().count() == 4_096));
    }

    #[test]
    fn empty_lines_and_fields_cost_nothing_and_a_far_row_stops_the_read() {
        let start = std::time::Instant::now();
        let mut b = "STT,Họ và tên\n1,A\n".as_bytes().to_vec();
        b.resize(4 * 1024 * 1024, b'\n');
        let s = csv(&b, "ds.csv").unwrap_or_default();
        assert_eq!(s.len(), 4);
        let mut b = "STT,Họ và tên\n1,A\n".as_bytes().to_vec();
        b.resize(4 * 1024 * 1024, b',');
        let s = csv(&b, "ds.csv").unwrap_or_default();
        assert_eq!(s.len(), 4);
        // Text under 100,000 empty lines is past the last row of a list: refused there.
        let mut b = "STT,Họ và tên\n".as_bytes().to_vec();
        b.resize(100_000, b'\n');
        let row = b.iter().filter(|&&c| c == b'\n').count() + 1;
        b.extend_from_slice(b"1,A\n");
        let e = csv(&b, "ds.csv");
        let at = format!("ds.csv!A{row}");
        assert!(
            matches!(&e, Err(TableError::TooManyRows { place, .. }) if *place == at),
            "{e:?}"
        );
        // A guard against work by the count of lines, not a speed target.
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
