//! CSV, as Excel and other systems export it: quoted fields, `,`, `;` or tab as the separator,
//! UTF-8 (a byte-order mark allowed) or UTF-16 with its byte-order mark. Every cell is text, as
//! the file holds it.

use super::{Cell, Sheet, TableError};

/// The text of a CSV file: UTF-8 (a byte-order mark allowed), UTF-16 with its byte-order mark
/// (Excel's "Unicode text"), or Windows-1258 that reads as Vietnamese (Excel's "CSV" on
/// Vietnamese Windows), decoded to NFC.
fn csv_text(bytes: &[u8]) -> Result<(String, Option<&'static str>), TableError> {
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
            .map(|t| (t, None))
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
        Ok(t) => Ok((t.to_owned(), None)),
        // Excel's "CSV" on Vietnamese Windows is in Windows-1258, the tones as combining marks;
        // taken only when it reads as Vietnamese, so no other code page is guessed at.
        Err(_) => crate::text::cp1258::decode_vietnamese(bytes)
            .map(|t| (t, Some("Windows-1258")))
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

/// Most bytes one field may hold: Excel keeps at most 32,767 characters in a cell, so a field
/// of 16 MB is a file that is not a list (a quote opened and never closed, a log), refused
/// before it takes the memory of the whole file. A field of a few megabytes (a document pasted
/// into a cell) is still read, for the import to name it.
const MAX_FIELD_BYTES: usize = 16 * 1024 * 1024;

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
    let mut chars = text.chars().peekable();
    let push = |field: &mut String, sheet: &mut Sheet, r: u32, col: &mut u32| {
        let f = std::mem::take(field);
        let cell = if f.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(f)
        };
        let put = sheet.put(r, *col, cell);
        *col = col.saturating_add(1);
        put
    };
    while let Some(c) = chars.next() {
        if field.len() > MAX_FIELD_BYTES {
            return Err(TableError::CsvDamaged {
                place: sheet.place(r, col),
                what: "a field holds more than 16 MB of text (a quote never closed?)",
                what_vi: "một ô có hơn 16 MB chữ (có dấu ngoặc kép không được đóng?)",
            });
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                opened = (r, col);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                push(&mut field, &mut sheet, r, &mut col)?;
                r = r.saturating_add(1);
                col = 0;
            }
            c if c == sep => push(&mut field, &mut sheet, r, &mut col)?,
            c => field.push(c),
        }
    }
    // A quote never closed took the rest of the file into one field: what the fields were
    // meant to be is not known.
    if quoted {
        return Err(TableError::CsvDamaged {
            place: sheet.place(opened.0, opened.1),
            what: "a quote opened here is never closed",
            what_vi: "dấu ngoặc kép mở ở đây không được đóng",
        });
    }
    if !field.is_empty() || col > 0 {
        push(&mut field, &mut sheet, r, &mut col)?;
    }
    Ok(sheet)
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
        assert!(matches!(e, Err(TableError::CsvDamaged { place, .. }) if place == "ds.csv!B2"));
    }
}
