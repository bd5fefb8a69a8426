//! `xl/workbook.xml` (the sheets in tab order, their visibility, the date system, the active
//! tab) and the relationship parts that say where each sheet is.

use quick_xml::events::Event;

use super::super::{TableError, Visibility};
use super::part::{attr, local, truthy, Xml};

/// Most sheets a workbook may list (Excel's own limit is memory; a list has a few).
const MAX_SHEETS: usize = 10_000;

/// Longest relationship id or target kept.
const MAX_REL_BYTES: usize = 2_048;

/// One `<sheet>` of the workbook.
#[derive(Debug)]
pub(super) struct SheetEntry {
    pub(super) name: String,
    pub(super) visibility: Visibility,
    /// Its relationship id (`r:id`).
    pub(super) rel: String,
}

/// What the workbook part says.
#[derive(Debug, Default)]
pub(super) struct Workbook {
    pub(super) sheets: Vec<SheetEntry>,
    /// Dates count from 1904-01-01 (old Mac Excel).
    pub(super) date1904: bool,
    /// The active tab, an index into `sheets`.
    pub(super) active: usize,
}

/// Read `xl/workbook.xml`. Only the `workbookPr` child of the root sets the date system: an
/// `x15:workbookPr` inside `extLst` is another element (calamine#706 read it and lost the 1904
/// flag).
pub(super) fn workbook(xml: &mut Xml<'_>) -> Result<Workbook, TableError> {
    let mut wb = Workbook::default();
    let mut root = false;
    let mut view_seen = false;
    loop {
        let (event, level) = xml.next()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match (level, local(e)) {
                (1, "workbook") => root = true,
                (2, "workbookPr") => {
                    wb.date1904 = truthy(attr(e, "date1904", xml)?.as_deref());
                }
                (3, "workbookView") if !view_seen => {
                    view_seen = true;
                    wb.active = attr(e, "activeTab", xml)?
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                }
                (3, "sheet") => {
                    if wb.sheets.len() >= MAX_SHEETS {
                        return Err(TableError::TooManyItems {
                            part: xml.part().to_owned(),
                            what: "sheets",
                            what_vi: "trang",
                            limit: MAX_SHEETS,
                        });
                    }
                    // Kept as it may be shown (100 characters): a name of megabytes in each
                    // of thousands of sheets would otherwise be held whole.
                    let name = super::super::shown_name(&attr(e, "name", xml)?.unwrap_or_default());
                    let visibility = match attr(e, "state", xml)?.as_deref() {
                        Some("hidden") => Visibility::Hidden,
                        Some("veryHidden") => Visibility::VeryHidden,
                        _ => Visibility::Visible,
                    };
                    let rel = attr(e, "id", xml)?.unwrap_or_default().into_owned();
                    if rel.len() > MAX_REL_BYTES {
                        return Err(xml.bad(format!(
                            "a sheet's relationship id longer than {MAX_REL_BYTES} bytes"
                        )));
                    }
                    wb.sheets.push(SheetEntry {
                        name,
                        visibility,
                        rel,
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !root {
        return Err(xml.bad("no <workbook> element"));
    }
    Ok(wb)
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    pub(super) id: String,
    /// The last segment of its type URI (`worksheet`, `sharedStrings`, `styles`…): the
    /// transitional and strict namespaces differ only before it.
    pub(super) kind: String,
    /// The target part's name in the zip.
    pub(super) target: String,
}

/// Read a `.rels` part; targets resolved against `base` (the folder of the part the
/// relationships belong to, `xl/`). External targets are dropped.
pub(super) fn rels(xml: &mut Xml<'_>, base: &str) -> Result<Vec<Rel>, TableError> {
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    loop {
        let (event, _) = xml.next()?;
        match &event {
            Event::Start(e) | Event::Empty(e) if local(e) == "Relationship" => {
                if attr(e, "TargetMode", xml)?.as_deref() == Some("External") {
                    continue;
                }
                if out.len() >= MAX_SHEETS * 2 {
                    return Err(TableError::TooManyItems {
                        part: xml.part().to_owned(),
                        what: "relationships",
                        what_vi: "quan hệ giữa các phần",
                        limit: MAX_SHEETS * 2,
                    });
                }
                let id = attr(e, "Id", xml)?.unwrap_or_default().into_owned();
                let target = attr(e, "Target", xml)?.unwrap_or_default();
                // A part name or an id is a few dozen characters: one of megabytes, in each
                // of thousands of relationships, would be held whole.
                if id.len() > MAX_REL_BYTES || target.len() > MAX_REL_BYTES {
                    return Err(xml.bad(format!(
                        "a relationship's id or target longer than {MAX_REL_BYTES} bytes"
                    )));
                }
                // Two relationships of one id: which part a sheet is, is not known.
                if !ids.insert(id.clone()) {
                    return Err(xml.bad(format!(
                        "two relationships with the id \"{}\"",
                        super::refs::shown(&id)
                    )));
                }
                let kind = attr(e, "Type", xml)?
                    .map(|t| t.rsplit('/').next().unwrap_or_default().to_owned())
                    .unwrap_or_default();
                out.push(Rel {
                    id,
                    kind,
                    target: resolve(base, &target),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A relationship target as a part name: `worksheets/sheet1.xml` from `xl/` is
/// `xl/worksheets/sheet1.xml`; `/xl/worksheets/sheet1.xml` is absolute; `..` goes up.
pub(super) fn resolve(base: &str, target: &str) -> String {
    let joined = if let Some(abs) = target.strip_prefix('/') {
        abs.to_owned()
    } else {
        format!("{base}{target}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The folder of a part, with its slash (`xl/` for `xl/workbook.xml`).
pub(super) fn folder(part: &str) -> &str {
    part.rfind('/').map_or("", |i| &part[..=i])
}

/// The relationships part of a part (`xl/_rels/workbook.xml.rels`).
pub(super) fn rels_of(part: &str) -> String {
    let (dir, file) = part
        .rfind('/')
        .map_or(("", part), |i| (&part[..=i], &part[i + 1..]));
    format!("{dir}_rels/{file}.rels")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_as_opc_says() {
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(rels_of("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
        assert_eq!(rels_of("workbook.xml"), "_rels/workbook.xml.rels");
        assert_eq!(folder("xl/workbook.xml"), "xl/");
    }
}
