//! LibreOffice's spreadsheets (`.ods`, OpenDocument 1.2/1.3) read as LibreOffice shows them.
//!
//! calamine read ods for the tool before, but does not expose what decides what the clerk sees:
//! hidden rows and columns, merged cells, number styles (`001`), and it expanded a table's
//! repeated empty rows and columns (a row repeated 1,048,576 times is how LibreOffice ends every
//! sheet). This reader streams the parts of the zip with quick-xml, in bounded memory:
//! `META-INF/manifest.xml` (a password-protected file is refused, its parts are ciphertext),
//! `styles.xml` (named cell and number styles), `content.xml` (automatic styles, then the
//! tables: [`body`]) and `settings.xml` (the sheet LibreOffice opens on). Elements are matched by
//! the prefixes every producer writes (`table:`, `text:`); a file binding them otherwise is
//! refused ([`xml::check_root`]), not read as empty.

mod body;
mod cell;
mod styles;
mod xml;

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use quick_xml::events::Event;
use zip::read::ZipFile;
use zip::result::ZipError;
use zip::ZipArchive;

use super::{Book, TableError, Visibility, MAX_INFLATED_BYTES};
use styles::{StyleReader, Styles};
use xml::{malformed, text, Xml};

/// Every table of the file, hidden ones marked, and the active one.
pub(super) fn read(path: &Path) -> Result<Book, TableError> {
    let file = File::open(path)?;
    let mut zip = ZipArchive::new(file).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    super::problem::unique_names(&zip)?;
    let mut budget = MAX_INFLATED_BYTES;

    if let Some(mut x) = part(&mut zip, "META-INF/manifest.xml", budget)? {
        if encrypted(&mut x)? {
            return Err(TableError::Encrypted);
        }
        budget = x.budget_left();
    }

    let mut styles = Styles::default();
    if let Some(mut x) = part(&mut zip, "styles.xml", budget)? {
        let mut reader = StyleReader::default();
        loop {
            let (event, depth) = x.next()?;
            match (&event, depth) {
                (Event::Eof, _) => break,
                (Event::Start(e) | Event::Empty(e), 1) => {
                    xml::check_root(e, "office:document-styles", "styles.xml")?;
                }
                _ => {}
            }
            reader.event(&mut styles, &event, depth)?;
        }
        budget = x.budget_left();
    }

    let Some(mut x) = part(&mut zip, "content.xml", budget)? else {
        return Err(malformed(
            "content.xml",
            "missing: not an OpenDocument spreadsheet",
        ));
    };
    let sheets = body::sheets(&mut x, &mut styles)?;
    budget = x.budget_left();
    drop(x);

    let active_name = match part(&mut zip, "settings.xml", budget)? {
        Some(mut x) => active_table(&mut x)?,
        None => None,
    };
    let visible = |i: &usize| {
        sheets
            .get(*i)
            .is_some_and(|s| s.visibility == Visibility::Visible)
    };
    let active = active_name
        .and_then(|n| sheets.iter().position(|s| s.name == n))
        .filter(visible)
        .or_else(|| (0..sheets.len()).find(visible));
    Ok(Book {
        sheets,
        active,
        decoded_from: None,
    })
}

/// One part of the zip, streamed; `None` when the zip has no such part.
fn part<'z>(
    zip: &'z mut ZipArchive<File>,
    name: &'static str,
    budget: u64,
) -> Result<Option<Xml<BufReader<ZipFile<'z, File>>>>, TableError> {
    match zip.by_name(name) {
        Ok(f) => Ok(Some(Xml::new(BufReader::new(f), name, budget))),
        Err(ZipError::FileNotFound) => Ok(None),
        Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
            Err(TableError::Encrypted)
        }
        Err(e) => Err(TableError::Spreadsheet(format!("{name}: {e}"))),
    }
}

/// Whether the manifest says a part is encrypted (`manifest:encryption-data`).
fn encrypted<R: std::io::BufRead>(x: &mut Xml<R>) -> Result<bool, TableError> {
    loop {
        match x.next()?.0 {
            Event::Eof => return Ok(false),
            Event::Start(e) | Event::Empty(e)
                if e.name().as_ref() == "manifest:encryption-data" =>
            {
                return Ok(true)
            }
            _ => {}
        }
    }
}

/// `ActiveTable` of `settings.xml`: the name of the sheet LibreOffice opens on.
fn active_table<R: std::io::BufRead>(x: &mut Xml<R>) -> Result<Option<String>, TableError> {
    let mut inside: Option<u32> = None;
    let mut name = String::new();
    loop {
        let (event, depth) = x.next()?;
        match &event {
            Event::Eof => return Ok(None),
            Event::Start(e)
                if e.name().as_ref() == "config:config-item"
                    && xml::attr(e, "config:name").is_some_and(|n| n == "ActiveTable") =>
            {
                inside = Some(depth);
            }
            Event::Text(t) if inside.is_some() => name.push_str(&text(t)),
            Event::GeneralRef(r) if inside.is_some() => {
                name.push_str(&xml::reference(r, "settings.xml")?);
            }
            Event::End(_) if inside == Some(depth) => return Ok(Some(name)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
