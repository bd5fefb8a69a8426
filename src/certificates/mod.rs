//! `dossier certificates`: after the decision is signed, the certificates (Giấy khen) printed
//! onto the office's pre-printed blanks, one page per awardee, and the awards added to the
//! office's register (#22).
//!
//! An office prints dozens to hundreds of names onto blanks whose borders, emblem and titles are
//! printed already; what it types is the name (Ông/Bà), the position and unit, the achievement,
//! the decision's number and date, the place and date, the signer and the register number. Typed
//! one by one into a Word template, names are misspelt and long ones run over the border. Here
//! the list the decision attaches ([`list`]) is laid onto the blank by a layout file the office
//! measured ([`layout`]), each text fitted to its frame with the embedded font's metrics
//! ([`fit`]), and written as one PDF ([`pdf`]); a calibration page draws the frames to hold
//! against a blank. [`register`] then appends the awards to the register of awards, so the next
//! `review` knows them.
//!
//! The work returns bytes and typed errors and never prints: `cli::certificates` says what
//! happened and writes the files.

pub mod fit;
pub mod layout;
pub mod list;
mod pdf;
pub mod register;

use crate::config::Decider;
use crate::date::Date;
use crate::diag::Msg;
use crate::msg;
use crate::page::fonts::Fonts;
use crate::page::PageError;

use layout::{Field, FieldName, Layout, Part, Value};
use list::{Awardee, Gender, Kind};

/// The decision the certificates carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Its number, "123/QĐ-UBND".
    pub number: String,
    /// Its date.
    pub date: Date,
}

/// Why the certificates cannot be printed.
#[derive(Debug)]
pub enum CertError {
    /// A text does not fit its field even at the smallest size on the lines allowed.
    DoesNotFit {
        /// The list's row (0 on the calibration page).
        row: u32,
        /// The awardee's name.
        name: String,
        /// The field.
        field: FieldName,
        /// The text.
        text: String,
        /// The field's smallest size.
        min: f32,
        /// Its lines.
        lines: u32,
    },
    /// The page engine failed.
    Page(PageError),
}

impl CertError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            CertError::DoesNotFit {
                row,
                name,
                field,
                text,
                min,
                lines,
            } => {
                let key = field.key();
                let name = crate::text::file_name::shown(name);
                let text = crate::text::file_name::shown(text).replace('\n', " / ");
                msg!("dòng {row} ({name}): \"{text}\" không vừa khung của trường {key} kể cả ở cỡ chữ nhỏ nhất {min} pt trên {lines} dòng; trong tệp bố cục, tăng \"rong\", giảm \"co_chu_nho_nhat\" hoặc tăng \"so_dong\" của trường, hoặc viết gọn lại trong danh sách; không có tệp nào được ghi";
                     "row {row} ({name}): \"{text}\" does not fit the frame of field {key} even at its smallest size, {min} pt, on {lines} line(s); in the layout file, widen \"rong\", lower \"co_chu_nho_nhat\" or raise \"so_dong\" of the field, or shorten it in the list; nothing was written")
            }
            CertError::Page(e) => {
                let m = e.msg();
                msg!("không tạo được tệp PDF: {}; không có tệp nào được ghi", m.vi; "the PDF could not be made: {}; nothing was written", m.en)
            }
        }
    }
}

crate::english_display!(CertError);

impl std::error::Error for CertError {}

impl From<PageError> for CertError {
    fn from(e: PageError) -> Self {
        CertError::Page(e)
    }
}

/// A form of award the lists hold, and how many awardees have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCount {
    /// Its name as the list writes it (may be empty).
    pub name: String,
    /// Its id (`Mã hình thức`, may be empty).
    pub id: String,
    /// Awardees of it.
    pub count: usize,
}

impl FormCount {
    /// What `--hinh-thuc` takes for it: the id, else the name.
    #[must_use]
    pub fn choice(&self) -> &str {
        if self.id.is_empty() {
            &self.name
        } else {
            &self.id
        }
    }

    /// "Giấy khen … (gk): 3", or "(trống)" for rows naming no form.
    fn words(&self) -> Msg {
        let n = self.count;
        let (name, id) = (
            crate::text::file_name::shown(&self.name),
            crate::text::file_name::shown(&self.id),
        );
        match (name.is_empty(), id.is_empty()) {
            (true, true) => msg!("(không ghi hình thức): {n} người"; "(no form given): {n}"),
            (false, true) => msg!("\"{name}\": {n} người"; "\"{name}\": {n}"),
            (true, false) => msg!("mã \"{id}\": {n} người"; "id \"{id}\": {n}"),
            (false, false) => {
                msg!("\"{name}\" (mã \"{id}\"): {n} người"; "\"{name}\" (id \"{id}\"): {n}")
            }
        }
    }
}

/// The key two rows of one form share: the id when the list gives one, else the name; folded.
fn form_key(a: &Awardee) -> String {
    let k = if a.form_id.trim().is_empty() {
        &a.form
    } else {
        &a.form_id
    };
    crate::review::duplicates::bare(k)
}

/// The forms of award `awardees` hold, in the order first met.
#[must_use]
pub fn forms(awardees: &[Awardee]) -> Vec<FormCount> {
    let mut out: Vec<(String, FormCount)> = Vec::new();
    for a in awardees {
        let k = form_key(a);
        match out.iter_mut().find(|(key, _)| *key == k) {
            Some((_, f)) => f.count += 1,
            None => out.push((
                k,
                FormCount {
                    name: a.form.clone(),
                    id: a.form_id.clone(),
                    count: 1,
                },
            )),
        }
    }
    out.into_iter().map(|(_, f)| f).collect()
}

/// Keep the awardees of one form: the one the lists hold, or `choice` (an id or a name, folded)
/// among several. Each form of award is a decision of its own (perhaps another authority's, with
/// another number), so certificates of two forms printed and registered under one decision's
/// number would be wrong on every page of one of them: several forms without a choice are
/// refused, naming each with its count. The rows left out, per list, for the command to say.
pub fn one_form(
    lists: &mut [list::List],
    choice: Option<&str>,
) -> Result<Vec<(std::path::PathBuf, Vec<u32>)>, Msg> {
    let all: Vec<Awardee> = lists.iter().flat_map(|l| l.awardees.clone()).collect();
    let found = forms(&all);
    let listed = || {
        let words: Vec<Msg> = found.iter().map(FormCount::words).collect();
        Msg::new(
            words
                .iter()
                .map(|m| m.vi.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            words
                .iter()
                .map(|m| m.en.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )
    };
    let Some(choice) = choice else {
        if found.len() <= 1 {
            return Ok(Vec::new());
        }
        let (n, l) = (found.len(), listed());
        let e = found.first().map(FormCount::choice).unwrap_or_default();
        let e = crate::text::file_name::shown(e);
        return Err(
            msg!("danh sách có {n} hình thức khen thưởng ({}), mà mỗi hình thức là một quyết định riêng (có thể của cấp khác, số khác): in và vào sổ tất cả dưới một số quyết định là sai. Chọn hình thức của quyết định này bằng --hinh-thuc MÃ (ví dụ --hinh-thuc \"{e}\"), hoặc dùng danh sách riêng của quyết định (lệnh review ghi danh-sach-khen-thuong-<hình thức>.xlsx); không có tệp nào được ghi", l.vi;
                 "the list holds {n} forms of award ({}), and each form is a decision of its own (perhaps another authority's, with another number): printing and registering them all under one decision's number is wrong. Choose this decision's form with --hinh-thuc ID (e.g. --hinh-thuc \"{e}\"), or use the decision's own list (review writes danh-sach-khen-thuong-<form>.xlsx); nothing was written", l.en),
        );
    };
    let want = crate::review::duplicates::bare(choice);
    let of = |a: &Awardee| {
        !want.is_empty()
            && (crate::review::duplicates::bare(&a.form_id) == want
                || crate::review::duplicates::bare(&a.form) == want)
    };
    if !all.iter().any(of) {
        let (c, l) = (crate::text::file_name::shown(choice), listed());
        return Err(
            msg!("--hinh-thuc \"{c}\": danh sách không có ai theo hình thức này (theo mã hoặc tên); danh sách có: {}; không có tệp nào được ghi", l.vi;
                 "--hinh-thuc \"{c}\": nobody in the list has this form (by id or name); the list holds: {}; nothing was written", l.en),
        );
    }
    let mut left = Vec::new();
    for l in lists.iter_mut() {
        let rows: Vec<u32> = l
            .awardees
            .iter()
            .filter(|a| !of(a))
            .map(|a| a.row)
            .collect();
        l.awardees.retain(|a| of(a));
        if !rows.is_empty() {
            left.push((l.file.clone(), rows));
        }
    }
    Ok(left)
}

/// The settings keys of `co_quan_quyet_dinh` the layout's fields need that the settings leave
/// empty, as written in the file.
#[must_use]
pub fn missing_settings(layout: &Layout, decider: Option<&Decider>) -> Vec<&'static str> {
    let o = decider.map(|d| &d.office);
    let empty = |get: fn(&crate::config::Office) -> &String| o.is_none_or(|o| get(o).is_empty());
    let mut out = Vec::new();
    if layout.uses(Value::DiaDanh) && empty(|o| &o.place) {
        out.push("co_quan_quyet_dinh.dia_danh");
    }
    if layout.uses(Value::NguoiKy) && empty(|o| &o.signer) {
        out.push("co_quan_quyet_dinh.nguoi_ky.ho_ten");
    }
    if layout.uses(Value::ChucVuKy) && empty(|o| &o.title) {
        out.push("co_quan_quyet_dinh.nguoi_ky.chuc_vu");
    }
    out
}

/// What the fields are filled from for one page.
struct Source<'a> {
    awardee: &'a Awardee,
    decision: &'a Decision,
    decider: Option<&'a Decider>,
    number: Option<u64>,
}

/// "Đã có thành tích xuất sắc trong phong trào …": what a Giấy khen says when the list gives no
/// achievement of its own; a campaign named "Phong trào …" reads with a small letter there.
fn achievement(a: &Awardee) -> String {
    if !a.achievement.is_empty() {
        return a.achievement.clone();
    }
    if a.campaign.is_empty() {
        return String::new();
    }
    let c = &a.campaign;
    let c = match c.strip_prefix("Phong trào") {
        Some(rest) => format!("phong trào{rest}"),
        None => c.clone(),
    };
    format!("Đã có thành tích xuất sắc trong {c}")
}

impl Source<'_> {
    fn value(&self, v: Value) -> String {
        let a = self.awardee;
        let o = self.decider.map(|d| &d.office);
        match v {
            Value::Ten => a.titled(),
            Value::HoTen => a.name.clone(),
            // A collective's unit that only repeats its name (an edited list, or an older
            // review's) is left out: the name is on the certificate already.
            Value::ChucVuDonVi
                if a.kind != Kind::Individual
                    && crate::review::duplicates::bare(&a.unit)
                        == crate::review::duplicates::bare(&a.name) =>
            {
                String::new()
            }
            Value::ChucVuDonVi => a.unit.clone(),
            Value::ThanhTich => achievement(a),
            Value::HinhThuc => a.form.clone(),
            Value::PhongTrao => a.campaign.clone(),
            Value::SoQuyetDinh => self.decision.number.clone(),
            Value::NgayQuyetDinh => self.decision.date.dmy(),
            Value::NgayThangNam => self.decision.date.vietnamese(),
            Value::DiaDanh => o.map(|o| o.place.clone()).unwrap_or_default(),
            Value::NguoiKy => o.map(|o| o.signer.clone()).unwrap_or_default(),
            Value::ChucVuKy => o
                .map(|o| {
                    o.authority
                        .lines()
                        .chain(std::iter::once(o.title.as_str()))
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_uppercase)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default(),
            Value::SoVaoSo => self.number.map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    /// The field's text, or None when a value it names is empty: the blank's line is left
    /// empty rather than printed as "Chức vụ, đơn vị: " with nothing after it.
    fn fill(&self, f: &Field) -> Option<String> {
        let mut out = String::new();
        for p in &f.template {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Value(v) => {
                    let s = self.value(*v);
                    if s.is_empty() {
                        return None;
                    }
                    out.push_str(&s);
                }
            }
        }
        Some(out)
    }
}

/// The text as the font prints it, each line on its own.
fn printable(fonts: &Fonts, text: &str) -> String {
    text.split('\n')
        .map(|l| fonts.printable(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How one page's field was set, for the command to tell and the tests to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    /// The field.
    pub field: FieldName,
    /// The size it was printed in.
    pub size: f32,
    /// Its lines.
    pub lines: usize,
}

/// What was printed.
#[derive(Debug)]
pub struct Printed {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Per page, how each field was set.
    pub pages: Vec<Vec<Set>>,
}

fn meta_author(decider: Option<&Decider>) -> String {
    decider.map(|d| d.office.name.clone()).unwrap_or_default()
}

/// One page per awardee, in the list's order; the register numbers from `first_number` on.
pub fn print(
    layout: &Layout,
    awardees: &[Awardee],
    decision: &Decision,
    decider: Option<&Decider>,
    first_number: Option<u64>,
) -> Result<Printed, CertError> {
    let fonts = Fonts::load()?;
    let paper = pdf::Paper::of(layout);
    let mut pages = Vec::with_capacity(awardees.len());
    let mut sets = Vec::with_capacity(awardees.len());
    for (i, a) in awardees.iter().enumerate() {
        let source = Source {
            awardee: a,
            decision,
            decider,
            number: first_number.map(|n| n.saturating_add(i as u64)),
        };
        let mut items = Vec::new();
        let mut set = Vec::new();
        for f in &layout.fields {
            let Some(text) = source.fill(f) else { continue };
            let text = printable(&fonts, &text);
            let Some(fitted) = pdf::fit_field(&fonts, f, &text) else {
                return Err(CertError::DoesNotFit {
                    row: a.row,
                    name: a.name.clone(),
                    field: f.name,
                    text,
                    min: f.min_size,
                    lines: f.lines,
                });
            };
            set.push(Set {
                field: f.name,
                size: fitted.size,
                lines: fitted.lines.len(),
            });
            pdf::place(&fonts, &paper, f, &fitted, &mut items);
        }
        pages.push(items);
        sets.push(set);
    }
    let author = meta_author(decider);
    let meta = crate::page::serialize::Meta {
        title: "Giấy khen",
        author: &author,
        subject: &decision.number,
        date: decision.date,
    };
    let bytes =
        crate::page::serialize::write_on(&fonts, pages, &meta, (layout.width, layout.height))?;
    Ok(Printed {
        pdf: bytes,
        pages: sets,
    })
}

/// The calibration page: every field's frame, key and sizes, a sample text in it (the office's
/// own values where the settings and the command line give them), the ruler and the crosses.
/// A sample that does not fit is printed at the smallest size anyway: the page is for looking.
pub fn calibration(
    layout: &Layout,
    decision: Option<&Decision>,
    decider: Option<&Decider>,
    today: Date,
) -> Result<Vec<u8>, CertError> {
    let fonts = Fonts::load()?;
    let paper = pdf::Paper::of(layout);
    let sample = Awardee {
        row: 0,
        name: "Nguyễn Văn Mẫu".to_owned(),
        kind: Kind::Individual,
        gender: Some(Gender::Male),
        birth: None,
        unit: "Giáo viên Trường Trung học cơ sở Ninh Hải".to_owned(),
        form: "Giấy khen".to_owned(),
        form_id: String::new(),
        campaign: "Phong trào thi đua yêu nước năm 2026".to_owned(),
        campaign_id: String::new(),
        achievement: String::new(),
    };
    let decision = decision.cloned().unwrap_or(Decision {
        number: "123/QĐ-UBND".to_owned(),
        date: today,
    });
    let mut fallback = Decider::default();
    if let Some(d) = decider {
        fallback = d.clone();
    }
    let o = &mut fallback.office;
    for (v, s) in [
        (&mut o.place, "Hoa Lư"),
        (&mut o.signer, "Trần Văn Mẫu"),
        (&mut o.title, "Phó Chủ tịch"),
    ] {
        if v.is_empty() {
            *v = s.to_owned();
        }
    }
    let source = Source {
        awardee: &sample,
        decision: &decision,
        decider: Some(&fallback),
        number: Some(1),
    };
    let mut items = Vec::new();
    for f in &layout.fields {
        let text = printable(&fonts, &source.fill(f).unwrap_or_default());
        let fitted = pdf::fit_field(&fonts, f, &text).unwrap_or(fit::Fitted {
            size: f.min_size,
            lines: text.split('\n').map(str::to_owned).collect(),
        });
        pdf::place(&fonts, &paper, f, &fitted, &mut items);
    }
    let file = crate::text::file_name::shown_path(&layout.file);
    let note = fonts.printable(&format!(
        "TRANG THỬ ({file}): đặt lên phôi, soi ra ánh sáng; chữ lệch khung thì sửa x, y của trường, cả trang lệch thì sửa do_lech; vạch 0 của thước phải trùng mép giấy"
    ));
    pdf::calibration_marks(layout, &note, &mut items);
    let meta = crate::page::serialize::Meta {
        title: "Trang thử phôi Giấy khen",
        author: "dossier",
        subject: &file,
        date: today,
    };
    Ok(crate::page::serialize::write_on(
        &fonts,
        vec![items],
        &meta,
        (layout.width, layout.height),
    )?)
}
