//! The layout file (`--phoi`): where on the office's pre-printed blank each field is printed,
//! in millimetres, and in what size and face.
//!
//! Blanks differ from province to province and printers shift the page by a millimetre or two,
//! so nothing of the geometry is in the code: the office measures its blank once, writes this
//! file (`docs/certificates.md`, `examples/phoi/giay-khen-a4-ngang.yaml`), and checks it with
//! the calibration page (`--thu`). Every number the file gives is bounded here, at its line and
//! column, so that no file can make the program draw outside the paper, allocate by a count it
//! declares, or print a text of a million characters: the fields are a fixed set (a struct,
//! unknown keys refused), a template is at most [`MAX_TEMPLATE_CHARS`] characters.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::Msg;
use crate::msg;

/// Longest template a field may have.
pub const MAX_TEMPLATE_CHARS: usize = 300;
/// Smallest and largest paper side, in mm (a business card to A0's short side… A3 is 420).
pub const PAPER_MM: (f32, f32) = (50.0, 600.0);
/// Largest printer offset, in mm.
pub const MAX_OFFSET_MM: f32 = 30.0;
/// Font sizes allowed, in points.
pub const SIZE_PT: (f32, f32) = (4.0, 72.0);
/// Most lines a field may wrap to.
pub const MAX_LINES: u32 = 4;

/// The fields a blank may leave to be printed, in the order of the file and of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    /// The name, with Ông/Bà for an individual.
    Ten,
    /// Position and unit.
    ChucVuDonVi,
    /// The achievement line.
    ThanhTich,
    /// The decision's number and date.
    SoQuyetDinh,
    /// Place and date.
    DiaDanhNgay,
    /// The signer's authority and title, in capitals.
    ChucVuKy,
    /// The signer's name.
    NguoiKy,
    /// The register number.
    SoVaoSo,
}

impl FieldName {
    /// Every field.
    pub const ALL: [FieldName; 8] = [
        FieldName::Ten,
        FieldName::ChucVuDonVi,
        FieldName::ThanhTich,
        FieldName::SoQuyetDinh,
        FieldName::DiaDanhNgay,
        FieldName::ChucVuKy,
        FieldName::NguoiKy,
        FieldName::SoVaoSo,
    ];

    /// Its key in the file.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            FieldName::Ten => "ten",
            FieldName::ChucVuDonVi => "chuc_vu_don_vi",
            FieldName::ThanhTich => "thanh_tich",
            FieldName::SoQuyetDinh => "so_quyet_dinh",
            FieldName::DiaDanhNgay => "dia_danh_ngay",
            FieldName::ChucVuKy => "chuc_vu_ky",
            FieldName::NguoiKy => "nguoi_ky",
            FieldName::SoVaoSo => "so_vao_so",
        }
    }

    /// The template a field prints when the file gives none.
    #[must_use]
    pub fn default_template(self) -> &'static str {
        match self {
            FieldName::Ten => "{ten}",
            FieldName::ChucVuDonVi => "{chuc_vu_don_vi}",
            FieldName::ThanhTich => "{thanh_tich}",
            FieldName::SoQuyetDinh => "Quyết định số {so_quyet_dinh} ngày {ngay_quyet_dinh}",
            FieldName::DiaDanhNgay => "{dia_danh}, {ngay_thang_nam}",
            FieldName::ChucVuKy => "{chuc_vu_ky}",
            FieldName::NguoiKy => "{nguoi_ky}",
            FieldName::SoVaoSo => "Số vào sổ: {so_vao_so}",
        }
    }
}

/// What a template may name between braces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// The name with Ông/Bà (an individual whose gender is known) or as written.
    Ten,
    /// The name as written.
    HoTen,
    /// Position and unit.
    ChucVuDonVi,
    /// The achievement line (the list's, else made from the campaign).
    ThanhTich,
    /// The form's name.
    HinhThuc,
    /// The campaign's name.
    PhongTrao,
    /// The decision's number.
    SoQuyetDinh,
    /// The decision's date, dd/mm/yyyy.
    NgayQuyetDinh,
    /// "ngày 15 tháng 12 năm 2026".
    NgayThangNam,
    /// `co_quan_quyet_dinh.dia_danh`.
    DiaDanh,
    /// `co_quan_quyet_dinh.nguoi_ky.ho_ten`.
    NguoiKy,
    /// `nguoi_ky.tham_quyen` lines and `nguoi_ky.chuc_vu`, in capitals.
    ChucVuKy,
    /// The register number.
    SoVaoSo,
}

impl Value {
    const ALL: [(&'static str, Value); 13] = [
        ("ten", Value::Ten),
        ("ho_ten", Value::HoTen),
        ("chuc_vu_don_vi", Value::ChucVuDonVi),
        ("thanh_tich", Value::ThanhTich),
        ("hinh_thuc", Value::HinhThuc),
        ("phong_trao", Value::PhongTrao),
        ("so_quyet_dinh", Value::SoQuyetDinh),
        ("ngay_quyet_dinh", Value::NgayQuyetDinh),
        ("ngay_thang_nam", Value::NgayThangNam),
        ("dia_danh", Value::DiaDanh),
        ("nguoi_ky", Value::NguoiKy),
        ("chuc_vu_ky", Value::ChucVuKy),
        ("so_vao_so", Value::SoVaoSo),
    ];

    fn named(name: &str) -> Option<Value> {
        Value::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    fn names() -> String {
        Value::ALL
            .iter()
            .map(|(n, _)| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Printed as written.
    Text(String),
    /// A value of the awardee, the decision or the office.
    Value(Value),
}

/// Horizontal alignment in the field's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// From the left edge.
    Trai,
    /// Centred.
    Giua,
    /// To the right edge.
    Phai,
}

/// One field as the page prints it, in millimetres from the paper's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Which.
    pub name: FieldName,
    /// Left edge of the frame.
    pub x: f32,
    /// Baseline of the first line (the dotted line of the blank the text sits on).
    pub y: f32,
    /// Width of the frame.
    pub width: f32,
    /// Size, points.
    pub size: f32,
    /// Smallest size a long text may shrink to, points.
    pub min_size: f32,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Alignment.
    pub align: Align,
    /// Lines the text may take (wrapped when it does not fit on one at the smallest size).
    pub lines: u32,
    /// What is printed.
    pub template: Vec<Part>,
}

impl Field {
    /// Whether the template names `v`.
    #[must_use]
    pub fn uses(&self, v: Value) -> bool {
        self.template.contains(&Part::Value(v))
    }

    /// Distance from one baseline to the next, in points.
    #[must_use]
    pub fn leading(size: f32) -> f32 {
        size * 1.2
    }
}

/// A layout read.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The file.
    pub file: PathBuf,
    /// Paper width, mm.
    pub width: f32,
    /// Paper height, mm.
    pub height: f32,
    /// Printer offset, mm (added to every position).
    pub offset: (f32, f32),
    /// The fields the file gives, in [`FieldName::ALL`]'s order.
    pub fields: Vec<Field>,
}

impl Layout {
    /// Whether any field names `v`.
    #[must_use]
    pub fn uses(&self, v: Value) -> bool {
        self.fields.iter().any(|f| f.uses(v))
    }
}

/// Why a layout cannot be used, at its line and column (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
    /// What.
    pub why: Msg,
}

impl LayoutError {
    /// In both languages, with the place.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let f = crate::text::file_name::shown_path(&self.file);
        let place = if self.line == 0 {
            f
        } else {
            format!("{f}:{}:{}", self.line, self.column)
        };
        let (vi, en) = (&self.why.vi, &self.why.en);
        msg!("tệp bố cục phôi {place}: {vi}; không có tệp nào được ghi"; "the layout file {place}: {en}; nothing was written")
    }
}

crate::english_display!(LayoutError);

impl std::error::Error for LayoutError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    phien_ban: Spanned<u32>,
    kho_giay: RawPaper,
    #[serde(default)]
    do_lech: Option<RawOffset>,
    truong: RawFields,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaper {
    rong: Spanned<f32>,
    cao: Spanned<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffset {
    #[serde(default)]
    x: Option<Spanned<f32>>,
    #[serde(default)]
    y: Option<Spanned<f32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFields {
    #[serde(default)]
    ten: Option<RawField>,
    #[serde(default)]
    chuc_vu_don_vi: Option<RawField>,
    #[serde(default)]
    thanh_tich: Option<RawField>,
    #[serde(default)]
    so_quyet_dinh: Option<RawField>,
    #[serde(default)]
    dia_danh_ngay: Option<RawField>,
    #[serde(default)]
    chuc_vu_ky: Option<RawField>,
    #[serde(default)]
    nguoi_ky: Option<RawField>,
    #[serde(default)]
    so_vao_so: Option<RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    x: Spanned<f32>,
    y: Spanned<f32>,
    rong: Spanned<f32>,
    co_chu: Spanned<f32>,
    #[serde(default)]
    co_chu_nho_nhat: Option<Spanned<f32>>,
    #[serde(default)]
    dam: bool,
    #[serde(default)]
    nghieng: bool,
    #[serde(default)]
    can_le: Option<Align>,
    #[serde(default)]
    so_dong: Option<Spanned<u32>>,
    #[serde(default)]
    mau: Option<Spanned<String>>,
}

/// Most bytes a layout file may have: a layout is a page of text.
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// The file's kind, for the YAML reader's words.
const LAYOUT: crate::criteria::FileKind = crate::criteria::FileKind {
    vi: "tệp bố cục phôi",
    en: "the layout file",
    doc: "docs/certificates.md",
};

/// Read and bound the layout at `path`.
pub fn load(path: &Path) -> Result<Layout, LayoutError> {
    let fail = |line: u64, column: u64, why: Msg| LayoutError {
        file: path.to_path_buf(),
        line,
        column,
        why,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        let (vi, en) = crate::diag::io_words(&e);
        fail(0, 0, msg!("không đọc được ({vi})"; "cannot read it ({en})"))
    })?;
    if !meta.is_file() {
        return Err(fail(0, 0, msg!("không phải một tệp"; "it is not a file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            0,
            0,
            msg!("tệp quá lớn ({} byte) cho một bố cục", meta.len(); "too large for a layout ({} bytes)", meta.len()),
        ));
    }
    let text = crate::yaml::decode::read_text(path).map_err(|e| {
        let why = crate::criteria::unreadable_words(&e);
        fail(
            0,
            0,
            msg!("không đọc được: {}", why.vi; "cannot read it: {}", why.en),
        )
    })?;
    parse(&text, path)
}

/// Read a layout's text (`path` only names it).
pub fn parse(text: &str, path: &Path) -> Result<Layout, LayoutError> {
    let fail = |line: u64, column: u64, why: Msg| LayoutError {
        file: path.to_path_buf(),
        line,
        column,
        why,
    };
    let at = |s: &serde_saphyr::Location| (s.line(), s.column());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: Raw = serde_saphyr::from_str(text).map_err(|e| {
        let (l, c) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let first = e.to_string().lines().next().unwrap_or("").to_owned();
        fail(l, c, crate::criteria::read_problem(&first, LAYOUT))
    })?;
    if raw.phien_ban.value != 1 {
        let (l, c) = at(&raw.phien_ban.referenced);
        return Err(fail(
            l,
            c,
            msg!("phiên bản {} không được hỗ trợ; ghi \"phien_ban: 1\"", raw.phien_ban.value;
                 "phien_ban {} is not supported; use 1", raw.phien_ban.value),
        ));
    }
    // A number and the range it must be in, refused at its place.
    let within = |v: &Spanned<f32>, lo: f32, hi: f32, key: &str| -> Result<f32, LayoutError> {
        let x = v.value;
        if x.is_finite() && (lo..=hi).contains(&x) {
            Ok(x)
        } else {
            let (l, c) = at(&v.referenced);
            Err(fail(
                l,
                c,
                msg!("{key} = {x} nằm ngoài khoảng cho phép, từ {lo} đến {hi}"; "{key} = {x} is outside the allowed range, {lo} to {hi}"),
            ))
        }
    };
    let width = within(&raw.kho_giay.rong, PAPER_MM.0, PAPER_MM.1, "kho_giay.rong")?;
    let height = within(&raw.kho_giay.cao, PAPER_MM.0, PAPER_MM.1, "kho_giay.cao")?;
    let offset = match &raw.do_lech {
        None => (0.0, 0.0),
        Some(o) => {
            let one = |v: &Option<Spanned<f32>>, key| {
                v.as_ref()
                    .map_or(Ok(0.0), |v| within(v, -MAX_OFFSET_MM, MAX_OFFSET_MM, key))
            };
            (one(&o.x, "do_lech.x")?, one(&o.y, "do_lech.y")?)
        }
    };
    let t = raw.truong;
    let given = [
        (FieldName::Ten, t.ten),
        (FieldName::ChucVuDonVi, t.chuc_vu_don_vi),
        (FieldName::ThanhTich, t.thanh_tich),
        (FieldName::SoQuyetDinh, t.so_quyet_dinh),
        (FieldName::DiaDanhNgay, t.dia_danh_ngay),
        (FieldName::ChucVuKy, t.chuc_vu_ky),
        (FieldName::NguoiKy, t.nguoi_ky),
        (FieldName::SoVaoSo, t.so_vao_so),
    ];
    let mut fields = Vec::new();
    for (name, f) in given {
        let Some(f) = f else { continue };
        let k = |part: &str| format!("truong.{}.{part}", name.key());
        let x = within(&f.x, 0.0, width, &k("x"))?;
        let y = within(&f.y, 0.0, height, &k("y"))?;
        let w = within(&f.rong, 1.0, width, &k("rong"))?;
        if x + w > width + 0.01 {
            let (l, c) = at(&f.rong.referenced);
            return Err(fail(
                l,
                c,
                msg!("khung của trường {} vượt mép phải tờ giấy: x + rong = {} mm, giấy rộng {} mm", name.key(), x + w, width;
                     "the frame of field {} passes the paper's right edge: x + rong = {} mm, the paper is {} mm wide", name.key(), x + w, width),
            ));
        }
        let size = within(&f.co_chu, SIZE_PT.0, SIZE_PT.1, &k("co_chu"))?;
        let min_size = match &f.co_chu_nho_nhat {
            None => size,
            Some(m) => within(m, SIZE_PT.0, size, &k("co_chu_nho_nhat"))?,
        };
        let lines = match &f.so_dong {
            None => 1,
            Some(n) if (1..=MAX_LINES).contains(&n.value) => n.value,
            Some(n) => {
                let (l, c) = at(&n.referenced);
                return Err(fail(
                    l,
                    c,
                    msg!("{} = {} nằm ngoài khoảng cho phép, từ 1 đến {MAX_LINES}", k("so_dong"), n.value;
                         "{} = {} is outside the allowed range, 1 to {MAX_LINES}", k("so_dong"), n.value),
                ));
            }
        };
        // What the field may print, where the printer puts it: from the top of the first line
        // (the font's ascent above the baseline `y`) to the bottom of the last of `so_dong`
        // lines, every position moved by `do_lech`; all of it on the paper, or a text would be
        // cut at its edge.
        {
            use crate::page::layout::{ASCENT, DESCENT, MM};
            let mm = |pt: f32| pt / MM;
            let down = mm(DESCENT * size + (lines - 1) as f32 * Field::leading(size));
            let (top, bottom) = (y + offset.1 - mm(ASCENT * size), y + offset.1 + down);
            let (left, right) = (x + offset.0, x + w + offset.0);
            if top < -0.01 || left < -0.01 || bottom > height + 0.01 || right > width + 0.01 {
                let (l, c) = at(&f.y.referenced);
                let r = |v: f32| (v * 10.0).round() / 10.0;
                let (t, b, le, ri) = (r(top), r(bottom), r(left), r(right));
                return Err(fail(
                    l,
                    c,
                    msg!("khung của trường {} ra ngoài tờ giấy {width} × {height} mm: tính cả phần chữ nhô trên dòng y, {lines} dòng ở cỡ {size} pt và độ lệch do_lech, khung đi từ {le} đến {ri} mm theo chiều ngang, từ {t} đến {b} mm theo chiều dọc; dời x, y hoặc giảm co_chu, so_dong", name.key();
                         "the frame of field {} leaves the {width} × {height} mm paper: with the text's ascent above the line y, {lines} line(s) at {size} pt and the do_lech offset, it runs from {le} to {ri} mm across and from {t} to {b} mm down; move x, y or lower co_chu, so_dong", name.key()),
                ));
            }
        }
        let template = match &f.mau {
            None => template(name.default_template()).unwrap_or_default(),
            Some(m) => {
                let (l, c) = at(&m.referenced);
                if m.value.chars().count() > MAX_TEMPLATE_CHARS {
                    return Err(fail(
                        l,
                        c,
                        msg!("{} dài quá {MAX_TEMPLATE_CHARS} ký tự", k("mau"); "{} is longer than {MAX_TEMPLATE_CHARS} characters", k("mau")),
                    ));
                }
                template(&crate::text::to_nfc(&m.value)).map_err(|why| {
                    fail(
                        l,
                        c,
                        msg!("{}: {}", k("mau"), why.vi; "{}: {}", k("mau"), why.en),
                    )
                })?
            }
        };
        fields.push(Field {
            name,
            x,
            y,
            width: w,
            size,
            min_size,
            bold: f.dam,
            italic: f.nghieng,
            align: f.can_le.unwrap_or(Align::Giua),
            lines,
            template,
        });
    }
    if fields.is_empty() {
        return Err(fail(
            0,
            0,
            msg!("\"truong\" không có trường nào; ghi ít nhất trường \"ten\""; "\"truong\" has no field; give at least \"ten\""),
        ));
    }
    Ok(Layout {
        file: path.to_path_buf(),
        width,
        height,
        offset,
        fields,
    })
}

/// A control character, a line or paragraph separator, or an invisible one (a direction mark,
/// a zero-width space): text a layout or a decision number must not hold.
#[must_use]
pub fn unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || crate::text::chars::is_invisible(c)
}

/// A template's parts: text, and `{name}` for a value. A control character, an unknown name or
/// a brace left open is refused.
fn template(s: &str) -> Result<Vec<Part>, Msg> {
    let mut parts = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                parts.push(Part::Text(rest.to_owned()));
                break;
            }
            Some(i) => {
                if i > 0 {
                    parts.push(Part::Text(rest[..i].to_owned()));
                }
                let after = &rest[i..];
                if after.starts_with('}') {
                    return Err(
                        msg!("dấu \"}}\" không có \"{{\" mở trước"; "a \"}}\" with no \"{{\" before it"),
                    );
                }
                let Some(end) = after.find('}') else {
                    return Err(msg!("dấu \"{{\" không được đóng"; "a \"{{\" is never closed"));
                };
                let name = &after[1..end];
                let Some(v) = Value::named(name.trim()) else {
                    let known = Value::names();
                    return Err(
                        msg!("không có giá trị {{{name}}}; được dùng: {known}"; "no value {{{name}}}; the values are: {known}"),
                    );
                };
                parts.push(Part::Value(v));
                rest = &after[end + 1..];
            }
        }
    }
    // Direction marks (U+202E…) and other invisible characters too: they reorder or hide what
    // the certificate prints, which the clerk cannot see in the file.
    if s.chars().any(unprintable) {
        return Err(
            msg!("có ký tự điều khiển hoặc ký tự ẩn (dấu định hướng chữ như U+202E, dấu cách không độ rộng…); chỉ ghi chữ"; "holds a control or invisible character (a direction mark such as U+202E, a zero-width space…); write letters only"),
        );
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "phien_ban: 1
kho_giay: { rong: 297, cao: 210 }
do_lech: { x: 1.5, y: -2 }
truong:
  ten: { x: 40, y: 98, rong: 217, co_chu: 24, co_chu_nho_nhat: 16, dam: true, so_dong: 2 }
  so_quyet_dinh: { x: 30, y: 170, rong: 110, co_chu: 13, can_le: trai, nghieng: true }
  so_vao_so: { x: 30, y: 178, rong: 110, co_chu: 13, can_le: trai, mau: \"Sổ số {so_vao_so}\" }
";

    fn p(text: &str) -> Result<Layout, LayoutError> {
        parse(text, Path::new("phoi.yaml"))
    }

    #[test]
    fn a_layout_is_read_with_its_defaults() {
        let l = p(GOOD).unwrap();
        assert_eq!((l.width, l.height, l.offset), (297.0, 210.0, (1.5, -2.0)));
        assert_eq!(l.fields.len(), 3);
        let ten = &l.fields[0];
        assert_eq!(ten.name, FieldName::Ten);
        assert_eq!((ten.size, ten.min_size, ten.lines), (24.0, 16.0, 2));
        assert!(ten.bold && !ten.italic);
        assert_eq!(ten.align, Align::Giua);
        assert_eq!(ten.template, vec![Part::Value(Value::Ten)]);
        let so = &l.fields[1];
        assert_eq!(so.min_size, 13.0);
        assert_eq!(
            so.template,
            vec![
                Part::Text("Quyết định số ".into()),
                Part::Value(Value::SoQuyetDinh),
                Part::Text(" ngày ".into()),
                Part::Value(Value::NgayQuyetDinh)
            ]
        );
        assert_eq!(
            l.fields[2].template,
            vec![Part::Text("Sổ số ".into()), Part::Value(Value::SoVaoSo)]
        );
        assert!(l.uses(Value::SoVaoSo) && !l.uses(Value::DiaDanh));
    }

    #[test]
    fn every_bound_is_refused_at_its_place() {
        for (from, to, line, says) in [
            ("rong: 297", "rong: 2970", 2, "kho_giay.rong = 2970"),
            ("co_chu: 24", "co_chu: 400", 5, "truong.ten.co_chu = 400"),
            (
                "co_chu_nho_nhat: 16",
                "co_chu_nho_nhat: 30",
                5,
                "co_chu_nho_nhat = 30",
            ),
            ("so_dong: 2", "so_dong: 1000000", 5, "so_dong = 1000000"),
            ("x: 40", "x: -5", 5, "truong.ten.x = -5"),
            ("rong: 217", "rong: 290", 5, "vượt mép phải"),
            ("y: 98", "y: 9999", 5, "truong.ten.y = 9999"),
            ("x: 1.5", "x: 80", 3, "do_lech.x = 80"),
            (
                "so_vao_so}",
                "so_vao_sổ}",
                7,
                "không có giá trị {so_vao_sổ}",
            ),
            ("{so_vao_so}", "{so_vao_so", 7, "không được đóng"),
            (
                "dam: true",
                "dam: true, mau_chu: do",
                5,
                "trường \"mau_chu\" không có",
            ),
            (
                "can_le: trai, nghieng",
                "can_le: left, nghieng",
                6,
                "\"left\"",
            ),
        ] {
            let text = GOOD.replacen(from, to, 1);
            assert_ne!(text, GOOD, "{from}");
            let e = p(&text).unwrap_err();
            assert_eq!(e.line, line, "{to}: {e:?}");
            assert!(e.column > 0, "{to}: {e:?}");
            let m = e.msg();
            assert!(m.vi.contains(says), "{to}: {}", m.vi);
            assert!(
                m.vi.starts_with(&format!("tệp bố cục phôi phoi.yaml:{line}:")),
                "{}",
                m.vi
            );
            assert!(
                m.en.starts_with(&format!("the layout file phoi.yaml:{line}:")),
                "{}",
                m.en
            );
        }
        let long = GOOD.replacen("Sổ số ", &"x".repeat(400), 1);
        assert!(p(&long).unwrap_err().msg().vi.contains("dài quá"));
        assert!(
            p("phien_ban: 1\nkho_giay: {rong: 297, cao: 210}\ntruong: {}\n")
                .unwrap_err()
                .msg()
                .vi
                .contains("không có trường nào")
        );
        assert!(
            p("phien_ban: 2\nkho_giay: {rong: 297, cao: 210}\ntruong: {}\n")
                .unwrap_err()
                .msg()
                .en
                .contains("phien_ban 2")
        );
    }

    #[test]
    fn templates_name_known_values_only() {
        assert_eq!(template("").unwrap(), Vec::<Part>::new());
        assert!(template("a } b").is_err());
        assert!(template("{ten").is_err());
        assert!(template("a\u{7}").is_err());
        assert_eq!(
            template("{ten}{ho_ten}").unwrap(),
            vec![Part::Value(Value::Ten), Part::Value(Value::HoTen)]
        );
        for f in FieldName::ALL {
            assert!(template(f.default_template()).is_ok(), "{f:?}");
        }
    }
}
