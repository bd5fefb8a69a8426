//! Reading typed values out of a YAML tree, reporting every problem with its place.
//!
//! The structural rules fire here: unknown fields (with a "did you mean"), missing fields, wrong
//! types, values outside their set, impossible dates, and the two text-encoding rules, which
//! look at every piece of text once as it is read. Text is handed on in NFC, so every later
//! comparison sees one form of each letter.

use super::held::HeldName;
use super::wording::{no_such_day, vi_field};
use crate::date::{Birth, Date, DateError};
use crate::diag::Rule;
use crate::diag::{Finding, Sink};
use crate::msg;
use crate::source::{Sp, Span};
use crate::text;
use crate::text::suggest::did_you_mean;
use crate::yaml::tree::{is_null, Node, Scalar};

/// A mapping being read: its entries, and where "missing" findings point.
pub(crate) struct Fields<'n> {
    entries: &'n [(Scalar, Node)],
    /// Entries brought in by a merge key (`<<: {loai: ca_nhan}`), read after the written ones:
    /// the merge is reported, and the fields it brings are read as the clerk meant them, so
    /// the report does not go on to call them missing.
    merged: Vec<&'n (Scalar, Node)>,
    /// First key (or the mapping's start when empty).
    pub(crate) anchor: Span,
    /// Name of the group for messages (`xac_nhan`, `danh_sach[2]`); empty at top level.
    pub(crate) path: String,
    /// Known keys that an unknown key was probably meant to be: their absence is already
    /// explained by the "did you mean" of HS003, so no HS004 is added.
    suggested: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    /// The value of a key.
    pub(crate) fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .chain(self.merged.iter().copied())
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v)
    }

    fn full(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{}", self.path, key)
        }
    }
}

/// A field's name for messages (`xac_nhan.ngay`), written out only when a message needs it:
/// every text of every file passes through the checks, and almost none has a finding.
struct FieldName<'a> {
    path: &'a str,
    key: &'a str,
}

impl std::fmt::Display for FieldName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(self.key)
        } else {
            write!(f, "{}.{}", self.path, self.key)
        }
    }
}

/// Reads values of one file into a sink.
pub(crate) struct Reader<'s> {
    pub(crate) file: &'s str,
    pub(crate) sink: &'s mut Sink,
    /// Where the VB001 of an attachment name goes: only the folder tells whether the file's
    /// name on disk is decomposed too (see [`HeldName`]).
    pub(crate) held: &'s mut Vec<HeldName>,
    /// Whether the text being read is an attachment name.
    pub(crate) holding: bool,
    /// Whether every text read so far was ASCII or plain Vietnamese (`Scalar::vietnamese`),
    /// so prints whole: the font check (VB003) then skips the file.
    pub(crate) plain: bool,
}

/// Whether a field must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

impl Reader<'_> {
    pub(crate) fn report(&mut self, f: Finding) {
        self.sink.push(f);
    }

    /// A node as a mapping of known keys; unknown keys are reported.
    pub(crate) fn fields<'n>(
        &mut self,
        node: &'n Node,
        known: &[&'static str],
        path: &str,
    ) -> Option<Fields<'n>> {
        let Node::Map(entries, span) = node else {
            self.wrong_type(node, path, ("một nhóm trường", "a group of fields"));
            return None;
        };
        let mut suggested = Vec::new();
        let mut merged = Vec::new();
        for (k, v) in entries {
            if k.text == "<<" && k.plain {
                merged.extend(self.merge_key(k, v, known, path));
            } else if !known.contains(&k.text.as_str()) {
                suggested.extend(self.unknown_field(k, known, path));
            }
        }
        Some(Fields {
            entries,
            merged,
            anchor: entries.first().map_or(*span, |(k, _)| k.span),
            path: path.to_owned(),
            suggested,
        })
    }

    /// A merge key, `<<: {loai: ca_nhan}` or `<<: *chung`: an old YAML shorthand that the
    /// format does not use and a stricter reader at the receiving office may not know. Called
    /// an unknown field, its advice would be "delete it", losing the fields it brings; it is
    /// one finding naming those fields, to be written into the group itself. Returns the
    /// fields, known ones only, for the group to be read as meant.
    fn merge_key<'n>(
        &mut self,
        k: &Scalar,
        v: &'n Node,
        known: &[&'static str],
        path: &str,
    ) -> Vec<&'n (Scalar, Node)> {
        let maps: Vec<&'n Node> = match v {
            Node::Seq(items, _) => items.iter().collect(),
            other => vec![other],
        };
        let brought: Vec<&'n (Scalar, Node)> = maps
            .into_iter()
            .filter_map(|m| match m {
                Node::Map(e, _) => Some(e.iter()),
                _ => None,
            })
            .flatten()
            .collect();
        let written: Vec<String> = brought
            .iter()
            .map(|(key, value)| match value {
                Node::Scalar(s) => format!("{}: {}", key.text, s.text),
                _ => format!("{}: …", key.text),
            })
            .collect();
        let place = vi_field(path);
        let place_en = if path.is_empty() { "the file" } else { path };
        let f = Finding::new(
            Rule::HS003,
            self.file,
            Some(k.span),
            msg!("dấu << ở {} (gộp trường từ chỗ khác vào) không dùng trong hồ sơ", place;
                 "the merge key << in {} (fields merged in from elsewhere) is not used in a dossier", place_en),
        );
        let f = if written.is_empty() {
            f.help(
                msg!("ghi thẳng các trường cần có vào {}, thay cho dòng có dấu <<", place;
                        "write the fields needed here directly, in place of the << line"),
            )
        } else {
            f.help(msg!("chép các trường {} vào thẳng {}, thay cho dòng có dấu <<", written.join(", "), place;
                        "write the fields {} here directly, in place of the << line", written.join(", ")))
        };
        self.report(f);
        brought
            .into_iter()
            .filter(|(key, _)| known.contains(&key.text.as_str()))
            .collect()
    }

    fn unknown_field(
        &mut self,
        k: &Scalar,
        known: &[&'static str],
        path: &str,
    ) -> Option<&'static str> {
        let name = if path.is_empty() {
            k.text.clone()
        } else {
            format!("{}.{}", path, k.text)
        };
        let mut f = Finding::new(
            Rule::HS003,
            self.file,
            Some(k.span),
            msg!("{} không có trong mẫu hồ sơ", vi_field(&name); "unknown field `{}`", name),
        );
        let suggestion = did_you_mean(&k.text, known);
        f = match suggestion {
            Some(s) => f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s)),
            None => f.help(msg!(
                "xóa trường này, hoặc ghi vào một trong các trường: {}", known.join(", ");
                "remove it, or use one of: {}", known.join(", ")
            )),
        };
        self.report(f);
        suggestion
    }

    pub(crate) fn wrong_type(&mut self, node: &Node, what: &str, want: (&str, &str)) {
        let (got_vi, got_en) = node.kind_name();
        let what_en = if what.is_empty() {
            "the file".to_owned()
        } else {
            format!("`{what}`")
        };
        self.report(Finding::new(
            Rule::HS005,
            self.file,
            Some(node.span()),
            msg!("{} phải là {}, nhưng ở đây là {}", vi_field(what), want.0, got_vi; "{} must be {}, but here it is {}", what_en, want.1, got_en),
        ));
    }

    /// DS012: a list written with nobody on it (`danh_sach: []`) is a proposal for no one; the
    /// drafts would count "00" reports. An absent or empty `danh_sach:` is HS004's.
    pub(crate) fn empty_list(&mut self, at: Option<Span>) {
        self.report(
            Finding::new(
                Rule::DS012,
                self.file,
                at,
                msg!("danh sách đề nghị khen thưởng (\"danh_sach\") không có tập thể, cá nhân nào";
                     "the list of nominees (`danh_sach`) names nobody"),
            )
            .help(msg!("ghi vào \"danh_sach\" từng tập thể, cá nhân được đề nghị (ma, loai, ten, don_vi, doi_tuong), như trong danh sách kèm tờ trình";
                       "write each nominee into `danh_sach` (ma, loai, ten, don_vi, doi_tuong), as on the list sent with the proposal")),
        );
    }

    /// Report a missing required field.
    pub(crate) fn missing(&mut self, m: &Fields<'_>, key: &str) {
        if m.suggested.contains(&key) {
            return;
        }
        let name = m.full(key);
        self.report(
            Finding::new(
                Rule::HS004,
                self.file,
                Some(m.anchor),
                msg!("thiếu {}", vi_field(&name); "missing required field `{}`", name),
            )
            .help(if key == "don_vi" {
                // Lists often hold position and unit in one column: that text stands for both.
                msg!("thêm dòng \"don_vi: ...\"; nếu danh sách ghi chức vụ và đơn vị gộp một câu, ghi \"chuc_vu_don_vi: ...\" thay cho cả chuc_vu và don_vi";
                     "add a `don_vi: ...` line; where the list gives position and unit in one text, write `chuc_vu_don_vi: ...` instead of both `chuc_vu` and `don_vi`")
            } else {
                msg!("thêm dòng \"{}: ...\" (xem các hồ sơ mẫu trong thư mục examples/)", key; "add a `{}: ...` line (see the examples/ dossiers)", key)
            }),
        );
    }

    /// An item of a list that holds nothing (`~`, `""`): HS004 at the item.
    pub(crate) fn empty_item(&mut self, at: Span, name: &str) {
        self.report(
            Finding::new(
                Rule::HS004,
                self.file,
                Some(at),
                msg!("{} để trống", vi_field(name); "`{}` is empty", name),
            )
            .help(msg!("ghi nội dung cho mục này, hoặc xóa dòng của nó"; "write its text, or remove its line")),
        );
    }

    /// The scalar at a key: None (and a finding when required) if absent or empty.
    fn scalar<'n>(&mut self, m: &Fields<'n>, key: &str, need: Need) -> Option<&'n Scalar> {
        match m.get(key) {
            None => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            Some(Node::Scalar(s)) if s.plain && is_null(&s.text) => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            // `""` or `"   "` holds nothing either: a required one is as missing as an absent
            // one ("Kính gửi: ." was drafted and packed from `kinh_gui: ""` without a word).
            Some(Node::Scalar(s)) if need == Need::Required && s.text.trim().is_empty() => {
                {
                    let name = m.full(key);
                    self.report(
                        Finding::new(
                            Rule::HS004,
                            self.file,
                            Some(s.span),
                            msg!("{} để trống", vi_field(&name); "required field `{}` is empty", name),
                        )
                        .help(msg!("ghi nội dung cho trường này"; "write its text")),
                    );
                }
                None
            }
            Some(Node::Scalar(s)) => Some(s),
            Some(other) => {
                self.wrong_type(other, &m.full(key), ("một giá trị", "a single value"));
                None
            }
        }
    }

    /// Text, checked for encoding problems, in NFC.
    pub(crate) fn text(&mut self, m: &Fields<'_>, key: &str, need: Need) -> Option<Sp<String>> {
        let s = self.scalar(m, key, need)?;
        Some(self.checked_text(s, &FieldName { path: &m.path, key }))
    }

    /// Check one scalar's text for NFC and legacy encodings; return it in NFC.
    pub(crate) fn checked_text(&mut self, s: &Scalar, field: &dyn std::fmt::Display) -> Sp<String> {
        if let Some(hole) = placeholder(&s.text) {
            self.report(
                Finding::new(
                    Rule::HS015,
                    self.file,
                    Some(s.span),
                    msg!("{} chưa điền: còn chỗ trống \"{}\" của mẫu", vi_field(&field.to_string()), hole; "`{}` is not filled in: the template's \"{}\" is still there", field, hole),
                )
                .help(msg!("thay \"{}\" bằng nội dung thật", hole; "replace \"{}\" with the real text", hole)),
            );
        }
        if s.text.is_ascii() {
            return Sp::new(s.text.clone(), s.span);
        }
        if let Some(g) = detect_legacy(&s.text, s.vietnamese) {
            let shown = shorten(&g.decoded, 80);
            self.report(
                Finding::new(
                    Rule::VB002,
                    self.file,
                    Some(s.span),
                    msg!("{} được gõ bằng bảng mã cũ {}; có lẽ là: \"{}\"", vi_field(&field.to_string()), g.encoding.name(), shown;
                         "`{}` was typed in the legacy {} encoding; it probably means: \"{}\"", field, g.encoding.name(), shown),
                )
                .help(msg!("gõ lại bằng Unicode (bộ gõ Unikey/EVKey, bảng mã Unicode), hoặc chuyển mã bằng công cụ chuyển mã của Unikey";
                           "retype it in Unicode (Unikey/EVKey with the Unicode charset), or convert it with Unikey's converter")),
            );
        }
        // The character check has looked at nearly every value already (`Scalar::vietnamese`).
        if s.vietnamese {
            return Sp::new(s.text.clone(), s.span);
        }
        self.plain = false;
        if text::is_nfc(&s.text) {
            return Sp::new(s.text.clone(), s.span);
        }
        let f = Finding::new(
            Rule::VB001,
            self.file,
            Some(s.span),
            msg!("{} có chữ ở dạng tổ hợp (NFD, thường do gõ trên máy Mac); chương trình đã chuẩn hóa về NFC để so sánh", vi_field(&field.to_string());
                 "`{}` has decomposed letters (NFD, usually typed on a Mac); they were normalised to NFC for comparison", field),
        )
        .help(msg!("lưu lại tệp với chữ Unicode dựng sẵn (NFC), ví dụ bằng lệnh dossier fix hoặc chức năng chuyển mã của Unikey";
                   "save the file with precomposed Unicode (NFC), e.g. with Unikey's converter"));
        if self.holding {
            self.held.push(HeldName {
                file: self.file.to_owned(),
                at: s.span,
                raw: s.text.clone(),
                finding: f,
            });
        } else {
            self.report(f);
        }
        Sp::new(text::to_nfc(&s.text).into_owned(), s.span)
    }

    /// A value from a fixed set.
    pub(crate) fn choice(
        &mut self,
        m: &Fields<'_>,
        key: &str,
        need: Need,
        allowed: &[&str],
    ) -> Option<Sp<String>> {
        let v = self.text(m, key, need)?;
        if allowed.contains(&v.v.as_str()) {
            return Some(v);
        }
        let field = m.full(key);
        let mut f = Finding::new(
            Rule::HS006,
            self.file,
            Some(v.at),
            msg!("{} không nhận giá trị \"{}\"; chỉ được ghi: {}", vi_field(&field), v.v, allowed.join(", ");
                 "`{}` cannot be \"{}\"; allowed: {}", field, v.v, allowed.join(", ")),
        );
        if let Some(s) = did_you_mean(&v.v, allowed) {
            f = f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s));
        }
        self.report(f);
        None
    }

    /// A placeholder of `dossier init`/`add` where a date or a number belongs: reported as
    /// unfilled (HS015), not as a malformed value.
    fn unfilled(&mut self, s: &Scalar, field: &dyn std::fmt::Display) -> bool {
        if s.plain || placeholder(&s.text).is_none() {
            return false;
        }
        self.checked_text(s, field);
        true
    }

    /// A date; an impossible one is NG001.
    pub(crate) fn date(&mut self, m: &Fields<'_>, key: &str, need: Need) -> Option<Sp<Date>> {
        let s = self.scalar(m, key, need)?;
        if self.unfilled(s, &FieldName { path: &m.path, key }) {
            return None;
        }
        self.date_of(s, &FieldName { path: &m.path, key }, false)
    }

    /// A birth: a date, or a year alone (`1985`, plain or quoted) where lists give only the
    /// year. Anything else is NG001, as a malformed date is, with a help that names both forms.
    pub(crate) fn birth(&mut self, m: &Fields<'_>, key: &str, need: Need) -> Option<Sp<Birth>> {
        let s = self.scalar(m, key, need)?;
        if self.unfilled(s, &FieldName { path: &m.path, key }) {
            return None;
        }
        match Birth::parse_year(&s.text) {
            Some(Ok(y)) => Some(Sp::new(Birth::Year(y), s.span)),
            Some(Err(y)) => {
                let field = m.full(key);
                self.report(
                    Finding::new(
                        Rule::NG001,
                        self.file,
                        Some(s.span),
                        msg!("năm sinh ở {} ghi là \"{}\", trước năm {}", vi_field(&field), y, Birth::FIRST_YEAR;
                             "the birth year of \"{}\" is written \"{}\", before {}", field, y, Birth::FIRST_YEAR),
                    )
                    .help(msg!("kiểm tra lại năm sinh trên giấy tờ gốc và ghi đủ bốn chữ số, ví dụ 1985";
                               "check the year on the original papers and write all four figures, e.g. 1985")),
                );
                None
            }
            None => self
                .date_of(s, &FieldName { path: &m.path, key }, true)
                .map(|d| d.map(Birth::Date)),
        }
    }

    /// The date a scalar writes, or NG001 at it. `birth`: the field takes a year alone too,
    /// which the help then says.
    fn date_of(
        &mut self,
        s: &Scalar,
        field: &dyn std::fmt::Display,
        birth: bool,
    ) -> Option<Sp<Date>> {
        match Date::parse(&s.text) {
            Ok(d) => Some(Sp::new(d, s.span)),
            Err(e) => {
                // Written out only here: every date of every file passes through.
                let field = field.to_string();
                let text = s.text.trim();
                // A date written another way: day first as on paper, year first with slashes,
                // with Word's dashes, in words. The message quotes what was written rather than
                // naming a way of writing it, which would be wrong for most of them ("ngày
                // 22 tháng 11 năm 2021" is not day/month/year); the help says what to write, or
                // the message that the day does not exist.
                let day_first = Date::parse_day_first(text);
                let (message, help) = match (e, day_first) {
                    (DateError::Shape, Ok(d)) => (
                        msg!("ngày ở {} ghi là \"{}\"; hồ sơ ghi ngày theo dạng năm-tháng-ngày", vi_field(&field), text;
                             "the date of \"{}\" is written \"{}\"; the dossier writes dates year-month-day", field, text),
                        msg!("ghi là {} (lệnh dossier fix sửa được)", d; "write {} (dossier fix does it)", d),
                    ),
                    (DateError::Shape, Err(DateError::NoSuchDay)) | (DateError::NoSuchDay, _) => {
                        let (vi, en) = no_such_day(text);
                        (
                            msg!("ngày ở {} ghi là \"{}\", không có trên lịch: {}", vi_field(&field), text, vi;
                                 "the date of \"{}\" is written \"{}\", which does not exist: {}", field, text, en),
                            msg!("kiểm tra lại ngày trên văn bản gốc và ghi theo dạng năm-tháng-ngày, ví dụ 2021-10-25";
                                 "check the date on the signed original and write it year-month-day, e.g. 2021-10-25"),
                        )
                    }
                    (DateError::Shape, Err(DateError::Shape)) => (
                        msg!("\"{}\" ở {} không phải ngày viết theo dạng năm-tháng-ngày", text, vi_field(&field);
                             "\"{}\" of \"{}\" is not a date written year-month-day", text, field),
                        msg!("ghi ngày theo dạng năm-tháng-ngày, ví dụ 2021-10-25 là ngày 25 tháng 10 năm 2021";
                             "write the date year-month-day, e.g. 2021-10-25"),
                    ),
                };
                let help = if birth {
                    let (vi, en) = (&help.vi, &help.en);
                    msg!("{}; nếu chỉ biết năm sinh thì ghi riêng năm, ví dụ 1985", vi.trim_end_matches('.');
                         "{}; when only the year is known, write the year alone, e.g. 1985", en.trim_end_matches('.'))
                } else {
                    help
                };
                self.report(Finding::new(Rule::NG001, self.file, Some(s.span), message).help(help));
                None
            }
        }
    }

    /// A whole number, 0 or more.
    pub(crate) fn count(&mut self, m: &Fields<'_>, key: &str, need: Need) -> Option<Sp<u32>> {
        let s = self.scalar(m, key, need)?;
        if self.unfilled(s, &FieldName { path: &m.path, key }) {
            return None;
        }
        let parsed = if s.plain {
            s.text.trim().parse::<u32>().ok()
        } else {
            None
        };
        if parsed.is_none() {
            let field = m.full(key);
            self.report(Finding::new(
                Rule::HS005,
                self.file,
                Some(s.span),
                msg!("{} phải là một số nguyên không âm, không đặt trong ngoặc kép; ở đây là \"{}\"", vi_field(&field), s.text;
                     "`{}` must be a whole number (0 or more), unquoted; here it is \"{}\"", field, s.text),
            ));
        }
        parsed.map(|n| Sp::new(n, s.span))
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, s: &Node, field: &str) -> Option<Sp<bool>> {
        if let Node::Scalar(sc) = s {
            if sc.plain {
                match sc.text.as_str() {
                    "true" | "True" | "TRUE" => return Some(Sp::new(true, sc.span)),
                    "false" | "False" | "FALSE" => return Some(Sp::new(false, sc.span)),
                    _ => {}
                }
            }
        }
        let got = match s {
            Node::Scalar(sc) => format!("\"{}\"", sc.text),
            other => other.kind_name().1.to_owned(),
        };
        self.report(Finding::new(
            Rule::HS005,
            self.file,
            Some(s.span()),
            msg!("{} phải là true (đạt) hoặc false (không đạt); ở đây là {}", vi_field(field), got;
                 "`{}` must be true (met) or false (not met); here it is {}", field, got),
        ));
        None
    }

    /// A nested group of known keys.
    pub(crate) fn group<'n>(
        &mut self,
        m: &Fields<'n>,
        key: &str,
        need: Need,
        known: &[&'static str],
    ) -> Option<Fields<'n>> {
        match m.get(key) {
            None => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            Some(Node::Scalar(s)) if s.plain && is_null(&s.text) => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            Some(n) => self.fields(n, known, &m.full(key)),
        }
    }

    /// A list.
    pub(crate) fn list<'n>(&mut self, m: &Fields<'n>, key: &str, need: Need) -> Option<&'n [Node]> {
        match m.get(key) {
            None => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            Some(Node::Seq(items, _)) => Some(items),
            Some(Node::Scalar(s)) if s.plain && is_null(&s.text) => {
                if need == Need::Required {
                    self.missing(m, key);
                }
                None
            }
            Some(other) => {
                self.wrong_type(other, &m.full(key), ("một danh sách", "a list"));
                None
            }
        }
    }

    /// An optional text that may also be written as a list of texts (`tham_quyen`): each item
    /// with its place; nothing when absent or empty.
    pub(crate) fn texts(&mut self, m: &Fields<'_>, key: &str) -> Vec<Sp<String>> {
        match m.get(key) {
            None => Vec::new(),
            Some(Node::Scalar(s)) if s.plain && is_null(&s.text) => Vec::new(),
            Some(Node::Scalar(s)) => vec![self.checked_text(s, &FieldName { path: &m.path, key })],
            Some(Node::Seq(items, _)) => {
                let mut out = Vec::new();
                for (i, n) in items.iter().enumerate() {
                    match n {
                        Node::Scalar(s) if s.plain && is_null(&s.text) => {}
                        Node::Scalar(s) => out.push(
                            self.checked_text(s, &format_args!("{}[{}]", m.full(key), i + 1)),
                        ),
                        other => {
                            self.wrong_type(other, &m.full(key), ("một dòng chữ", "a line of text"))
                        }
                    }
                }
                out
            }
            Some(other) => {
                self.wrong_type(
                    other,
                    &m.full(key),
                    (
                        "một dòng chữ hoặc danh sách các dòng",
                        "a text or a list of lines",
                    ),
                );
                Vec::new()
            }
        }
    }

    /// `true` or `false` (a yes-or-no field such as `con_dau`).
    pub(crate) fn yes_no(&mut self, s: &Node, field: &str) -> Option<Sp<bool>> {
        if let Node::Scalar(sc) = s {
            if sc.plain {
                match sc.text.as_str() {
                    "true" | "True" | "TRUE" => return Some(Sp::new(true, sc.span)),
                    "false" | "False" | "FALSE" => return Some(Sp::new(false, sc.span)),
                    _ => {}
                }
            }
        }
        // Each language names what was found in its own words: the Vietnamese read "ở đây là
        // a list" (the fresh-eyes trial of #19).
        let (got_vi, got_en) = match s {
            Node::Scalar(sc) => (format!("\"{}\"", sc.text), format!("\"{}\"", sc.text)),
            other => {
                let (vi, en) = other.kind_name();
                (vi.to_owned(), en.to_owned())
            }
        };
        self.report(Finding::new(
            Rule::HS005,
            self.file,
            Some(s.span()),
            msg!("{} phải là true (có) hoặc false (không có); ở đây là {}", vi_field(field), got_vi;
                 "`{}` must be true (yes) or false (no); here it is {}", field, got_en),
        ));
        None
    }

    /// `dinh_kem`: one path, or a list of paths.
    pub(crate) fn attachments(&mut self, m: &Fields<'_>) -> Vec<Sp<String>> {
        self.holding = true;
        let names = self.attachment_names(m);
        self.holding = false;
        names
    }

    fn attachment_names(&mut self, m: &Fields<'_>) -> Vec<Sp<String>> {
        match m.get("dinh_kem") {
            None => Vec::new(),
            Some(Node::Seq(items, _)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| match n {
                    Node::Scalar(s) => {
                        Some(self.checked_text(s, &format_args!("dinh_kem[{}]", i + 1)))
                    }
                    other => {
                        self.wrong_type(other, "dinh_kem", ("đường dẫn tệp", "a file path"));
                        None
                    }
                })
                .collect(),
            Some(_) => self
                .text(m, "dinh_kem", Need::Optional)
                .into_iter()
                .collect(),
        }
    }
}

/// The first `<<...>>` mark of `dossier init`/`add` left in a text.
fn placeholder(s: &str) -> Option<&str> {
    // memchr finds a `<` a vector at a time; `str::find` builds a searcher on every call, which
    // on every string of every file was a tenth of a check's time.
    let b = s.as_bytes();
    let start = memchr::memchr_iter(b'<', b).find(|&i| b.get(i + 1) == Some(&b'<'))?;
    let end = s[start..].find(">>")? + start + 2;
    Some(&s[start..end])
}

/// Legacy-encoding detection, bounded for long texts.
///
/// Reading every word of every report's long texts as TCVN3 and as VNI doubled the time of a
/// whole check. A text typed in a legacy encoding is legacy from its first word, so a long
/// text is judged by its head, unless it holds anywhere a character that Vietnamese never uses
/// but a legacy byte shows as (µ, ¸, soft hyphen, ø, ...): then the whole text is read.
///
/// `nfc`: the text is known to be in NFC (`Scalar::vietnamese`), and so is any part of it.
fn detect_legacy(s: &str, nfc: bool) -> Option<text::legacy::LegacyGuess> {
    const HEAD: usize = 240;
    let detect = |s: &str| {
        if nfc {
            text::legacy::detect_legacy_in_nfc(s)
        } else {
            text::legacy::detect_legacy(s)
        }
    };
    if s.len() <= 96 {
        return remembered(s, detect);
    }
    if s.len() <= HEAD || has_never_vietnamese(s) {
        return detect(s);
    }
    let mut cut = HEAD;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    // Cut at a space so no word is split into something that looks like mojibake.
    let cut = s[..cut].rfind(char::is_whitespace).unwrap_or(cut);
    detect(&s[..cut])?;
    detect(s)
}

/// Short texts (names of units and bodies, positions, places) repeat across the dossiers of a
/// shared folder, so each thread remembers its answers for them. Bounded: cleared when full.
fn remembered(
    s: &str,
    detect: impl Fn(&str) -> Option<text::legacy::LegacyGuess>,
) -> Option<text::legacy::LegacyGuess> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    type Memo = HashMap<Box<str>, Option<text::legacy::LegacyGuess>>;
    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(HashMap::new());
    }
    if let Some(hit) = MEMO.with(|m| m.borrow().get(s).cloned()) {
        return hit;
    }
    let answer = detect(s);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 4096 {
            m.clear();
        }
        m.insert(s.into(), answer.clone());
    });
    answer
}

/// Whether a text holds a character of [`never_vietnamese`], scanning bytes: U+0080-U+00FF are
/// the two-byte sequences led by 0xC2 and 0xC3, so no character needs decoding, and `memchr`
/// finds those lead bytes a vector at a time (a byte-pair walk was 7 % of a check, #21).
fn has_never_vietnamese(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xC2, 0xC3, b).any(|i| {
        b.get(i + 1).is_some_and(|&next| {
            char::from_u32((u32::from(b[i] & 0x1F) << 6) | u32::from(next & 0x3F))
                .is_some_and(never_vietnamese)
        })
    })
}

/// A Latin-1 character that no Vietnamese letter is written with (legacy bytes show as these).
fn never_vietnamese(c: char) -> bool {
    // Bit n set: U+0080 + n is allowed (a Vietnamese letter, or common punctuation: NBSP « » ° ×).
    const ALLOWED: u128 = {
        let allowed = "\u{a0}«»°×ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
        let bytes = allowed.as_bytes();
        let mut bits = 0u128;
        let mut i = 0;
        while i < bytes.len() {
            // Every character here is two bytes in UTF-8: 110xxxxx 10yyyyyy.
            let cp = (((bytes[i] & 0x1F) as u32) << 6) | ((bytes[i + 1] & 0x3F) as u32);
            bits |= 1 << (cp - 0x80);
            i += 2;
        }
        bits
    };
    let cp = c as u32;
    (0x80..=0xFF).contains(&cp) && ALLOWED & (1 << (cp - 0x80)) == 0
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.replace('\n', " ");
    }
    let mut out: String = s.chars().take(max).collect::<String>().replace('\n', " ");
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::suggest::did_you_mean;

    #[test]
    fn byte_scan_agrees_with_the_characters() {
        for t in [
            "Nguyễn Thị Hằng",
            "NguyÔn Thanh Hµ",
            "Tr\u{ad}êng",
            "café ½",
            "Hoà «x»",
            "",
        ] {
            assert_eq!(
                has_never_vietnamese(t),
                t.chars().any(never_vietnamese),
                "{t}"
            );
        }
        // Every character alone, at the end, and between Vietnamese letters.
        for c in (0..0x3000).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("Hoà{c}"), format!("ế{c}ă")] {
                assert_eq!(
                    has_never_vietnamese(&t),
                    t.chars().any(never_vietnamese),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn never_vietnamese_letters() {
        for c in "Nguyễn Thị Hằng ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý «»°×\u{a0}".chars()
        {
            assert!(!never_vietnamese(c), "{c}");
        }
        for c in "µ¸\u{ad}®©øñäåï§ª".chars() {
            assert!(never_vietnamese(c), "{c}");
        }
    }

    #[test]
    fn suggests_close_field_names() {
        let known = ["trich_yeu", "so_ky_hieu", "ngay"];
        assert_eq!(did_you_mean("trich_yue", &known), Some("trich_yeu"));
        assert_eq!(did_you_mean("so_dien_thoai", &known), None);
        assert_eq!(did_you_mean("ngya", &known), Some("ngay"));
        let long = "a".repeat(40_000);
        assert_eq!(did_you_mean(&long, &[&"b".repeat(40_000)]), None);
        assert_eq!(did_you_mean("ngay", &[&long]), None);
    }
}
