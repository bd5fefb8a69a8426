//! What ODF styles say about the list: the number style a cell is shown in (`000` shows 1 as
//! `001`), and which tables are hidden.
//!
//! A cell names a cell style (`table:style-name`, or its row's or column's default); the cell
//! style names a number style (`style:data-style-name`), perhaps through its parent style. Number
//! styles are elements (`number:number-style` holding `number:number
//! number:min-integer-digits="3"`), not Excel codes: they are mapped onto the same [`Format`]
//! the xlsx and xls readers give. Styles live in `styles.xml` (named styles) and in
//! `content.xml`'s automatic styles; both go through [`StyleReader`].

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};

use super::super::Format;
use super::super::TableError;
use super::xml::{attr, malformed};

/// Most styles a file may hold: LibreOffice writes a few hundred; each costs memory.
const MAX_STYLES: usize = 100_000;

/// What a number style is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Percentage,
    Currency,
    Date,
    Time,
    Boolean,
    Text,
}

/// A number style, as far as it decides how a number is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NumberStyle {
    pub(super) kind: Kind,
    /// `number:min-integer-digits` of its `number:number`.
    min_int: u32,
    /// `number:decimal-places` (absent: as many as the value needs).
    decimals: Option<u32>,
    /// Thousands separators, a display factor, shown decimals: not the integer as itself.
    decorated: bool,
    /// How many `number:number` parts (or scientific, fraction) it has.
    numbers: u32,
    /// Literal text, a currency symbol, an embedded text: more than the number.
    extra: bool,
}

impl NumberStyle {
    fn new(kind: Kind) -> NumberStyle {
        NumberStyle {
            kind,
            min_int: 1,
            decimals: None,
            decorated: false,
            numbers: 0,
            extra: false,
        }
    }

    /// How a float in this style is shown.
    pub(super) fn format(&self) -> Format {
        let plain = self.numbers == 1 && !self.extra && !self.decorated;
        match self.kind {
            Kind::Text => Format::General,
            Kind::Number if plain && self.decimals.unwrap_or(0) == 0 => match self.min_int {
                0 | 1 => Format::General,
                n @ 2..=30 => Format::Zeros(n as u8),
                _ => Format::Other(self.code()),
            },
            _ => Format::Other(self.code()),
        }
    }

    /// An Excel-like code for messages (`0.00`, `#,##0`, `0%`).
    pub(super) fn code(&self) -> String {
        let digits = "0".repeat(self.min_int.clamp(1, 30) as usize);
        let mut code = if self.decorated && self.decimals.unwrap_or(0) == 0 {
            format!("#,##{digits}")
        } else {
            digits
        };
        if let Some(d @ 1..) = self.decimals {
            code.push('.');
            code.push_str(&"0".repeat(d.min(30) as usize));
        }
        match self.kind {
            Kind::Percentage => code.push('%'),
            Kind::Currency => code.insert(0, '¤'),
            Kind::Date => code = "date".into(),
            Kind::Time => code = "time".into(),
            Kind::Boolean => code = "boolean".into(),
            Kind::Number | Kind::Text => {}
        }
        if self.extra {
            code.push_str(" \"…\"");
        }
        code
    }
}

/// A cell style: its parent and its number style.
#[derive(Debug, Clone, Default)]
struct CellStyle {
    parent: Option<String>,
    data: Option<String>,
}

/// Every style read so far.
#[derive(Debug, Default)]
pub(super) struct Styles {
    numbers: HashMap<String, NumberStyle>,
    cells: HashMap<String, CellStyle>,
    hidden_tables: HashSet<String>,
}

impl Styles {
    /// The number style a cell style shows numbers in, through its parents.
    pub(super) fn number_style(&self, cell_style: &str) -> Option<&NumberStyle> {
        let mut name = cell_style;
        // Parents chain a few levels; a loop in a hostile file ends here.
        for _ in 0..16 {
            let style = self.cells.get(name)?;
            if let Some(data) = &style.data {
                return self.numbers.get(data);
            }
            name = style.parent.as_deref()?;
        }
        None
    }

    /// Whether a table style hides its table (`table:display="false"`).
    pub(super) fn hides_table(&self, table_style: &str) -> bool {
        self.hidden_tables.contains(table_style)
    }
}

/// Reads style elements as they stream by, into [`Styles`].
#[derive(Debug, Default)]
pub(super) struct StyleReader {
    /// The number style being read, with its name and depth.
    number: Option<(String, NumberStyle, u32)>,
    /// Inside a `number:text` (its depth): literal text, if not blank, is more than the number.
    literal: Option<u32>,
    /// The table style being read (its name and depth).
    table: Option<(String, u32)>,
}

fn kind(name: &str) -> Option<Kind> {
    Some(match name {
        "number:number-style" => Kind::Number,
        "number:percentage-style" => Kind::Percentage,
        "number:currency-style" => Kind::Currency,
        "number:date-style" => Kind::Date,
        "number:time-style" => Kind::Time,
        "number:boolean-style" => Kind::Boolean,
        "number:text-style" => Kind::Text,
        _ => return None,
    })
}

impl StyleReader {
    /// Take one event of a styles section. Refused past [`MAX_STYLES`].
    pub(super) fn event(
        &mut self,
        styles: &mut Styles,
        event: &Event<'_>,
        depth: u32,
    ) -> Result<(), TableError> {
        if styles.numbers.len() + styles.cells.len() + styles.hidden_tables.len() > MAX_STYLES {
            return Err(malformed("styles", "more than 100,000 styles"));
        }
        match event {
            Event::Start(e) => self.start(styles, e, depth, false),
            Event::Empty(e) => self.start(styles, e, depth, true),
            Event::End(_) => self.end(styles, depth),
            Event::Text(t) => {
                if let (Some(_), Some((_, style, _))) = (self.literal, &mut self.number) {
                    if !t.trim().is_empty() {
                        style.extra = true;
                    }
                }
            }
            Event::GeneralRef(_) => {
                if let (Some(_), Some((_, style, _))) = (self.literal, &mut self.number) {
                    style.extra = true;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, styles: &mut Styles, e: &BytesStart<'_>, depth: u32, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if let Some((_, style, _)) = &mut self.number {
            match name {
                "number:number" => {
                    style.numbers += 1;
                    style.min_int = number(e, "number:min-integer-digits").unwrap_or(1);
                    style.decimals = number(e, "number:decimal-places");
                    let grouping = attr(e, "number:grouping").is_some_and(|v| v == "true");
                    let factor = attr(e, "number:display-factor").is_some_and(|v| v != "1");
                    let min_dec = number(e, "number:min-decimal-places").unwrap_or(0) > 0;
                    style.decorated |= grouping || factor || min_dec;
                }
                "number:scientific-number" | "number:fraction" => {
                    style.numbers += 1;
                    style.decorated = true;
                }
                "number:text" if !empty => self.literal = Some(depth),
                "number:currency-symbol" | "number:embedded-text" | "number:text-content" => {
                    style.extra = true;
                }
                _ => {}
            }
            return;
        }
        if let Some(k) = kind(name) {
            let Some(style_name) = attr(e, "style:name") else {
                return;
            };
            let style = NumberStyle::new(k);
            if empty {
                styles.numbers.insert(style_name.into_owned(), style);
            } else {
                self.number = Some((style_name.into_owned(), style, depth));
            }
            return;
        }
        match name {
            "style:style" => {
                let Some(style_name) = attr(e, "style:name") else {
                    return;
                };
                match attr(e, "style:family").as_deref() {
                    Some("table-cell") => {
                        styles.cells.insert(
                            style_name.into_owned(),
                            CellStyle {
                                parent: attr(e, "style:parent-style-name").map(Cow::into_owned),
                                data: attr(e, "style:data-style-name").map(Cow::into_owned),
                            },
                        );
                    }
                    Some("table") if !empty => self.table = Some((style_name.into_owned(), depth)),
                    _ => {}
                }
            }
            "style:table-properties" => {
                if let Some((table, _)) = &self.table {
                    if attr(e, "table:display").is_some_and(|v| v == "false") {
                        styles.hidden_tables.insert(table.clone());
                    }
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, styles: &mut Styles, depth: u32) {
        if self.literal == Some(depth) {
            self.literal = None;
        }
        if self.number.as_ref().is_some_and(|(_, _, d)| *d == depth) {
            if let Some((name, style, _)) = self.number.take() {
                styles.numbers.insert(name, style);
            }
        }
        if self.table.as_ref().is_some_and(|(_, d)| *d == depth) {
            self.table = None;
        }
    }
}

/// A non-negative integer attribute.
fn number(e: &BytesStart<'_>, name: &str) -> Option<u32> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Styles {
        let mut styles = Styles::default();
        let mut reader = StyleReader::default();
        let mut x = super::super::xml::Xml::new(xml.as_bytes(), "styles.xml", 1 << 20);
        loop {
            let Ok((event, depth)) = x.next() else {
                panic!("bad xml")
            };
            if matches!(event, Event::Eof) {
                break;
            }
            assert!(reader.event(&mut styles, &event, depth).is_ok());
        }
        styles
    }

    const STYLES: &str = r#"<r>
      <number:number-style style:name="N2"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="3"/></number:number-style>
      <number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
      <number:number-style style:name="N3"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
      <number:number-style style:name="N4"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
      <number:number-style style:name="N5"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text> ngày</number:text></number:number-style>
      <number:number-style style:name="N6"><number:text>  </number:text><number:number number:min-integer-digits="4"/></number:number-style>
      <number:percentage-style style:name="P1"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
      <number:date-style style:name="D1"><number:day/><number:text>/</number:text><number:month/></number:date-style>
      <style:style style:name="Ma" style:family="table-cell" style:data-style-name="N2"/>
      <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Ma"/>
      <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N3"/>
      <style:style style:name="loop" style:family="table-cell" style:parent-style-name="loop"/>
      <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
      <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
    </r>"#;

    #[test]
    fn number_styles_map_to_the_formats_excel_codes_give() {
        let s = read(STYLES);
        let f = |n: &str| s.numbers.get(n).map(NumberStyle::format);
        assert_eq!(f("N2"), Some(Format::Zeros(3)));
        assert_eq!(f("N1"), Some(Format::General));
        assert_eq!(f("N3"), Some(Format::Other("0.00".into())));
        assert_eq!(f("N4"), Some(Format::Other("#,##0".into())));
        assert!(matches!(f("N5"), Some(Format::Other(_))));
        // Blank literal text is spacing, not a word.
        assert_eq!(f("N6"), Some(Format::Zeros(4)));
        assert!(matches!(f("P1"), Some(Format::Other(_))));
        assert_eq!(s.numbers.get("D1").map(|n| n.kind), Some(Kind::Date));
    }

    #[test]
    fn cell_styles_lead_to_number_styles_through_parents() {
        let s = read(STYLES);
        let f = |n: &str| s.number_style(n).map(NumberStyle::format);
        assert_eq!(f("Ma"), Some(Format::Zeros(3)));
        assert_eq!(f("ce1"), Some(Format::Zeros(3)));
        assert_eq!(f("ce2"), Some(Format::Other("0.00".into())));
        assert_eq!(f("loop"), None);
        assert_eq!(f("none"), None);
        assert!(s.hides_table("ta2"));
        assert!(!s.hides_table("ta1"));
    }
}
