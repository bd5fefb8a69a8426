//! The page counter on PDFs written by hand, chunked, cut short and mangled.
#![allow(clippy::unwrap_used)]

use super::*;
use std::io::Write;

fn pages(bytes: &[u8]) -> Option<u64> {
    count(bytes).flatten()
}

/// A PDF of `n` pages written by hand, with a page tree root that says `count`.
pub(crate) fn plain_pdf(n: usize, count: usize) -> Vec<u8> {
    let mut s = String::from(
        "%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    );
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 3)).collect();
    s.push_str(&format!(
        "2 0 obj\n<< /Type /Pages /Kids [{}] /Count {count} >>\nendobj\n",
        kids.join(" ")
    ));
    for i in 0..n {
        s.push_str(&format!(
            "{} 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 <</Type/Font>> >> >> >>\nendobj\n",
            i + 3
        ));
    }
    s.push_str("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    s.into_bytes()
}

/// Objects 1.. (catalog, page tree, `n` pages) in one FlateDecode object stream.
pub(crate) fn object_stream_pdf(n: usize) -> Vec<u8> {
    let mut objs = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_owned()),
        (2, format!("<< /Type /Pages /Kids [] /Count {n} >>")),
    ];
    for i in 0..n {
        objs.push((i + 3, "<< /Type /Page /Parent 2 0 R >>".to_owned()));
    }
    let mut header = String::new();
    let mut body = String::new();
    for (num, text) in &objs {
        header.push_str(&format!("{num} {} ", body.len()));
        body.push_str(text);
        body.push('\n');
    }
    let plain = format!("{header}{body}");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(plain.as_bytes()).unwrap();
    let data = z.finish().unwrap();
    let mut pdf = b"%PDF-1.5\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} >>\nstream\r\n",
            n + 3,
            objs.len(),
            header.len(),
            data.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&data);
    pdf.extend_from_slice(b"\r\nendstream\nendobj\nstartxref\n0\n%%EOF\n");
    pdf
}

#[test]
fn counts_page_objects_not_the_page_tree() {
    assert_eq!(pages(&plain_pdf(3, 3)), Some(3));
    assert_eq!(pages(&plain_pdf(1, 1)), Some(1));
}

#[test]
fn the_root_count_wins_when_they_disagree() {
    // An update that deleted a page leaves its object behind.
    assert_eq!(pages(&plain_pdf(3, 2)), Some(2));
}

#[test]
fn counts_pages_inside_object_streams() {
    assert_eq!(pages(&object_stream_pdf(4)), Some(4));
}

#[test]
fn any_chunking_gives_the_same_count() {
    for pdf in [plain_pdf(5, 5), object_stream_pdf(7)] {
        let whole = count(&pdf);
        for size in [1, 2, 3, 7, 64] {
            let mut c = Counter::new();
            for chunk in pdf.chunks(size) {
                c.feed(chunk);
            }
            assert_eq!(c.finish(), whole, "chunks of {size}");
        }
    }
}

#[test]
fn a_page_inside_a_stream_is_no_page() {
    let mut pdf = plain_pdf(2, 0);
    let stream = b"9 0 obj\n<< /Length 20 >>\nstream\n/Type /Page /Type /Page\nendstream\nendobj\n";
    pdf.splice(pdf.len() - 6.., stream.iter().copied());
    // The root says 0 (no number), so the count is the objects': 2.
    assert_eq!(pages(&pdf), Some(2));
}

#[test]
fn unknown_when_unsure() {
    assert_eq!(pages(b"%PDF-1.4\n"), None);
    assert_eq!(count(b"%PDF-1.4\n"), Some(None));
    assert_eq!(count(b"GIF89a"), None);
    assert_eq!(count(b""), None);
    assert_eq!(count(b"%PD"), None);
    // An object stream with another filter and no root count to fall back on.
    let pdf = b"%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode >>\nstream\nxxxx\nendstream\nendobj\n3 0 obj\n<< /Type /Page >>\nendobj\n";
    assert_eq!(pages(pdf), None);
    // Cut short inside a stream.
    let cut = object_stream_pdf(3);
    assert_eq!(pages(&cut[..cut.len() - 30]), None);
}

#[test]
fn names_with_escapes_and_indirect_counts() {
    let pdf =
        b"%PDF-1.4\n1 0 obj <</Typ#65/Pag#65>> endobj 2 0 obj <</Type/Pages/Count 9 0 R>> endobj";
    assert_eq!(pages(pdf), Some(1));
}

#[test]
fn hostile_input_never_panics_and_stays_linear() {
    let base = object_stream_pdf(3);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let mut m = base.clone();
        let i = (next() % m.len() as u64) as usize;
        m[i] = (next() % 256) as u8;
        let _ = pages(&m);
    }
    // Deep nesting, endless strings, a stream never closed.
    let mut deep = b"%PDF-1.4\n1 0 obj ".to_vec();
    deep.extend(std::iter::repeat_n(b'<', 200_000));
    deep.extend(std::iter::repeat_n(b'(', 200_000));
    let _ = pages(&deep);
    let mut zip_bomb =
        b"%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 2 /Filter /FlateDecode >> stream\n"
            .to_vec();
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..70 {
        z.write_all(&spaces).unwrap();
    }
    zip_bomb.extend(z.finish().unwrap());
    zip_bomb.extend_from_slice(b"\nendstream endobj 2 0 obj <</Type/Page>> endobj");
    assert_eq!(pages(&zip_bomb), None);
}

/// An object stream whose offsets go back and forth would read its body once per object:
/// it is refused, and the count falls back to the root's.
#[test]
fn object_offsets_out_of_order_are_not_followed() {
    let n = 20_000;
    let mut header = String::new();
    for i in 0..n {
        header.push_str(&format!(
            "{} {} ",
            i + 10,
            if i % 2 == 0 { 0 } else { 100_000 }
        ));
    }
    let body = "<< /Type /Page >>".repeat(6000);
    let plain = format!("{header}{body}");
    let pdf = format!(
        "%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N {n} /First {} >>\nstream\n{plain}\nendstream\nendobj\n2 0 obj <</Type/Pages/Count 3>> endobj\n",
        header.len()
    )
    .into_bytes();
    let started = std::time::Instant::now();
    assert_eq!(pages(&pdf), Some(3));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// The count of `bytes` fed in chunks of `size`, passing over idle bytes in bulk or not.
fn counted(bytes: &[u8], size: usize, bulk: bool) -> (Option<Option<u64>>, bool, usize) {
    let mut c = Counter::new();
    c.bulk = bulk;
    for chunk in bytes.chunks(size.max(1)) {
        c.feed(chunk);
    }
    let state = (c.tally.unsure, c.tally.objects.len());
    (c.finish(), state.0, state.1)
}

/// Passing over idle bytes in bulk (#21) gives what stepping through every byte gives: on the
/// made PDFs, on the bench's scans (`%PDF-` then random bytes, where most bytes end up inside
/// strings), and on random mixes of the bytes the lexer cares about, in chunks of every size.
#[test]
fn bulk_passing_over_idle_bytes_counts_as_stepping_does() {
    let mut inputs = vec![plain_pdf(3, 3), object_stream_pdf(4)];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: &[u8] = b"()\\%<>[]/# \r\nestramndobj0123Pag/Type/Count<<>>endstream stream\n";
    for n in 0..60 {
        let mut v = b"%PDF-1.4\n".to_vec();
        let len = 200 + (next() % 4000) as usize;
        for _ in 0..len {
            let r = next();
            if n % 2 == 0 {
                v.push((r >> 11) as u8);
            } else {
                v.push(alphabet[(r as usize >> 7) % alphabet.len()]);
            }
        }
        if n % 3 == 0 {
            v.extend_from_slice(&plain_pdf(2, 2));
        }
        inputs.push(v);
    }
    for (i, bytes) in inputs.iter().enumerate() {
        let want = counted(bytes, bytes.len(), false);
        for size in [1, 2, 7, 64, 4096, bytes.len()] {
            assert_eq!(
                counted(bytes, size, true),
                want,
                "input {i}, chunks of {size}"
            );
        }
    }
}
