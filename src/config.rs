//! `.dossier.yaml`: an office's settings for every dossier below it.
//!
//! A district office keeps one at the top of its shared folder to raise or lower rules for the
//! whole office (a warning it treats as an error, a rule it does not apply) and to pin the rule
//! set. The nearest one above the checked path is used, and the command line says which, so a
//! result can always be traced to its settings.
//!
//! ```yaml
//! phien_ban: 1
//! tieu_chi: criteria/          # optional: rule sets to use (file or folder), relative to here
//! muc_do:                      # optional: severity overrides
//!   DS007: error               # error | warning | off; a rule id or its name
//!   unreferenced-file: off
//! noi_nhan_ho_so:              # optional: the office a bundle goes to, by the rule set's level
//!   xa: "Bộ phận Một cửa Ủy ban nhân dân xã Minh Long"
//!   tinh: "Sở Nội vụ tỉnh Quảng Ngãi (Phòng Thi đua, khen thưởng)"
//! ```
//!
//! `noi_nhan_ho_so` names the receiving office as the office knows it, by the id of the rule
//! set's level (`cap`: `xa`, `tinh`, `nha_nuoc`, …): one office packs dossiers of several levels
//! (a commune's own Giấy khen, a Bằng khen of the province), and one name for all would send the
//! second to the first's office. It wins over the rule set's office filled with the dossier's
//! place (`docs/cover-list.md`).
//!
//! `co_quan_tiep_nhan` is the office itself as a receiving office, for the letters `review`
//! writes to return a dossier (`docs/office.md`): its name, the body above it, its place, the
//! symbol of its letters and who signs them.
//!
//! `co_quan_quyet_dinh` is the authority the office proposes to (the chairman of the People's
//! Committee whose Giấy khen it is), for the decision `review` drafts and the certificates
//! `certificates` prints: the same keys, plus `chuc_danh`, the deciding title as the decision's
//! heading writes it ("Chủ tịch Ủy ban nhân dân huyện Hoa Lư").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::criteria::{read_problem, FileKind};
use crate::diag::Rule;
use crate::diag::{Finding, Msg, Severity};
use crate::msg;
use crate::text::suggest::did_you_mean;

/// The file name looked for.
pub const FILE_NAME: &str = ".dossier.yaml";

/// What a rule becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Reported as an error.
    Error,
    /// Reported as a warning.
    Warning,
    /// Not reported.
    Off,
}

/// A loaded configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from.
    pub path: Option<PathBuf>,
    /// Rule sets layered over the built-in ones (one of the same id replaces the built-in).
    pub criteria: Option<PathBuf>,
    /// Severity overrides.
    pub overrides: BTreeMap<Rule, Level>,
    /// `noi_nhan_ho_so`: the receiving office's name, by the id of the rule set's level.
    pub receiving_offices: BTreeMap<String, String>,
    /// `co_quan_tiep_nhan`: the office itself, as the letters it sends name and sign it.
    pub office: Option<Office>,
    /// `co_quan_quyet_dinh`: the authority that decides the awards, as its decision and its
    /// certificates name and sign it.
    pub decider: Option<Decider>,
}

/// `co_quan_quyet_dinh`: the deciding authority. Every part is optional, as in [`Office`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decider {
    /// The body (`ten`: "Ủy ban nhân dân huyện Hoa Lư"), its parent, place, symbol ("UBND"
    /// for "…/QĐ-UBND") and signer, as for a receiving office.
    pub office: Office,
    /// `chuc_danh`: the deciding title ("Chủ tịch Ủy ban nhân dân huyện Hoa Lư"), printed in
    /// capitals over the decision's grounds and after "Kính gửi:" in the office's proposal.
    pub title: String,
}

impl Decider {
    /// The keys a decision needs that the settings leave empty, as written in the file.
    #[must_use]
    pub fn missing(decider: Option<&Decider>) -> Vec<&'static str> {
        let Some(d) = decider else {
            return vec!["co_quan_quyet_dinh"];
        };
        let o = &d.office;
        [
            ("co_quan_quyet_dinh.ten", &o.name),
            ("co_quan_quyet_dinh.chuc_danh", &d.title),
            ("co_quan_quyet_dinh.dia_danh", &o.place),
            ("co_quan_quyet_dinh.ky_hieu", &o.symbol),
            ("co_quan_quyet_dinh.nguoi_ky.ho_ten", &o.signer),
            ("co_quan_quyet_dinh.nguoi_ky.chuc_vu", &o.title),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(k, _)| k)
        .collect()
    }
}

/// `co_quan_tiep_nhan`: the receiving office as its letters print it. Every part is optional:
/// the letter leaves "…" where one is missing, and the command says which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Office {
    /// `ten`: its name ("Phòng Nội vụ huyện Hoa Lư").
    pub name: String,
    /// `co_quan_chu_quan`: the body above it, printed over its name.
    pub parent: String,
    /// `dia_danh`: the place of the date line ("Hoa Lư").
    pub place: String,
    /// `ky_hieu`: its symbol in the letters' numbers ("PNV" for "…/PNV-TĐKT").
    pub symbol: String,
    /// `nguoi_ky.ho_ten`: who signs.
    pub signer: String,
    /// `nguoi_ky.chuc_vu`: the signer's title ("Trưởng phòng").
    pub title: String,
    /// `nguoi_ky.tham_quyen`: the authority lines over the title ("KT. TRƯỞNG PHÒNG"), if any.
    pub authority: String,
}

impl Office {
    /// The keys a letter needs that the settings leave empty, as written in the file.
    #[must_use]
    pub fn missing(office: Option<&Office>) -> Vec<&'static str> {
        let Some(o) = office else {
            return vec!["co_quan_tiep_nhan"];
        };
        [
            ("co_quan_tiep_nhan.ten", &o.name),
            ("co_quan_tiep_nhan.dia_danh", &o.place),
            ("co_quan_tiep_nhan.ky_hieu", &o.symbol),
            ("co_quan_tiep_nhan.nguoi_ky.ho_ten", &o.signer),
            ("co_quan_tiep_nhan.nguoi_ky.chuc_vu", &o.title),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(k, _)| k)
        .collect()
    }
}

impl Config {
    /// The receiving office the settings name for a rule set's level (`xa`, `tinh`), if any.
    #[must_use]
    pub fn receiving_office(&self, level: &str) -> Option<&str> {
        self.receiving_offices.get(level).map(String::as_str)
    }
}

/// A problem in a configuration file, with its place. [`ConfigError::msg`] words it in both
/// languages; `Display` is its English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: u64,
    /// 1-based column (0 when unknown).
    pub column: u64,
    /// What is wrong, in both languages.
    pub message: Msg,
}

impl ConfigError {
    /// The problem with its place ("tệp cấu hình <file>:<line>:<column>: …"), in Vietnamese
    /// and English.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let file = crate::text::file_name::shown_path(Path::new(&self.file));
        let place = format!("{file}:{}:{}", self.line, self.column);
        msg!("tệp cấu hình {}: {}", place, self.message.vi;
             "configuration {}: {}", place, self.message.en)
    }
}

crate::english_display!(ConfigError);

impl std::error::Error for ConfigError {}

/// A configuration file, for the reader's messages.
/// Its messages follow "tệp cấu hình <place>:", so the file is "this file" in them.
const CONFIG: FileKind = FileKind {
    vi: "tệp này",
    en: "this settings file",
    doc: "docs/ci.md",
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    phien_ban: Spanned<u32>,
    #[serde(default)]
    tieu_chi: Option<Spanned<String>>,
    #[serde(default)]
    muc_do: Pairs,
    #[serde(default)]
    noi_nhan_ho_so: Pairs,
    #[serde(default)]
    co_quan_tiep_nhan: Option<RawOffice>,
    #[serde(default)]
    co_quan_quyet_dinh: Option<RawDecider>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecider {
    #[serde(default)]
    ten: Option<Spanned<String>>,
    #[serde(default)]
    chuc_danh: Option<Spanned<String>>,
    #[serde(default)]
    co_quan_chu_quan: Option<Spanned<String>>,
    #[serde(default)]
    dia_danh: Option<Spanned<String>>,
    #[serde(default)]
    ky_hieu: Option<Spanned<String>>,
    #[serde(default)]
    nguoi_ky: Option<RawSigner>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    #[serde(default)]
    ten: Option<Spanned<String>>,
    #[serde(default)]
    co_quan_chu_quan: Option<Spanned<String>>,
    #[serde(default)]
    dia_danh: Option<Spanned<String>>,
    #[serde(default)]
    ky_hieu: Option<Spanned<String>>,
    #[serde(default)]
    nguoi_ky: Option<RawSigner>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSigner {
    #[serde(default)]
    ho_ten: Option<Spanned<String>>,
    #[serde(default)]
    chuc_vu: Option<Spanned<String>>,
    #[serde(default)]
    tham_quyen: Option<Spanned<String>>,
}

/// One value of `co_quan_tiep_nhan` as the letter prints it: NFC, on one line (the authority
/// keeps its lines), no control character; `key` names it in the refusal.
fn office_text(
    v: Option<Spanned<String>>,
    key: &str,
    keep_lines: bool,
) -> Result<String, (u64, u64, Msg)> {
    let Some(v) = v else {
        return Ok(String::new());
    };
    let nfc = crate::text::to_nfc(&v.value);
    let text = if keep_lines {
        nfc.lines()
            .map(|l| crate::text::fold_whitespace(l).into_owned())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        crate::text::fold_whitespace(&nfc).into_owned()
    };
    if text.chars().any(|c| c.is_control() && c != '\n') {
        let l = v.referenced;
        return Err((
            l.line(),
            l.column(),
            msg!("{key} có ký tự điều khiển; chỉ ghi chữ"; "{key} holds a control character; write letters only"),
        ));
    }
    Ok(text)
}

fn office(raw: RawOffice, section: &str) -> Result<Office, (u64, u64, Msg)> {
    let key = |k: &str| format!("{section}.{k}");
    let signer = raw.nguoi_ky.unwrap_or(RawSigner {
        ho_ten: None,
        chuc_vu: None,
        tham_quyen: None,
    });
    Ok(Office {
        name: office_text(raw.ten, &key("ten"), false)?,
        parent: office_text(raw.co_quan_chu_quan, &key("co_quan_chu_quan"), false)?,
        place: office_text(raw.dia_danh, &key("dia_danh"), false)?,
        symbol: office_text(raw.ky_hieu, &key("ky_hieu"), false)?,
        signer: office_text(signer.ho_ten, &key("nguoi_ky.ho_ten"), false)?,
        title: office_text(signer.chuc_vu, &key("nguoi_ky.chuc_vu"), false)?,
        authority: office_text(signer.tham_quyen, &key("nguoi_ky.tham_quyen"), true)?,
    })
}

fn decider(raw: RawDecider) -> Result<Decider, (u64, u64, Msg)> {
    let title = office_text(raw.chuc_danh, "co_quan_quyet_dinh.chuc_danh", false)?;
    let office = office(
        RawOffice {
            ten: raw.ten,
            co_quan_chu_quan: raw.co_quan_chu_quan,
            dia_danh: raw.dia_danh,
            ky_hieu: raw.ky_hieu,
            nguoi_ky: raw.nguoi_ky,
        },
        "co_quan_quyet_dinh",
    )?;
    Ok(Decider { office, title })
}

/// A mapping kept as its entries in order, each side with its place (a map keyed by a spanned
/// string would need an ordering the spans do not have).
#[derive(Default)]
struct Pairs(Vec<(Spanned<String>, Spanned<String>)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping of rule ids to levels")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Pairs, A::Error> {
                let mut v = Vec::new();
                while let Some(pair) = m.next_entry()? {
                    v.push(pair);
                }
                Ok(Pairs(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// The nearest `.dossier.yaml` in `start` or a folder above it, outside any dossier folder
/// ([`settings_above`]).
#[must_use]
pub fn discover(start: &Path) -> Option<PathBuf> {
    settings_above(start).0
}

/// The office's settings file above `start`, and the nearest one passed over on the way because
/// it lies inside a dossier. A dossier's folders hold the sender's files, not the office's: one
/// in a received dossier switched the office's rules off when that dossier was checked on its
/// own (#20). Anything of that name counts, a folder or a broken link too, so that a settings
/// file gone missing behind a link is said (its load fails) rather than silently not applied.
#[must_use]
pub fn settings_above(start: &Path) -> (Option<PathBuf>, Option<PathBuf>) {
    let Ok(abs) = std::path::absolute(start) else {
        return (None, None);
    };
    let mut dir = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    let mut passed = None;
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if std::fs::symlink_metadata(&candidate).is_ok() {
            if d.ancestors()
                .take(4)
                .any(crate::dossier::discover::is_dossier)
            {
                passed.get_or_insert(candidate);
            } else {
                return (Some(candidate), passed);
            }
        }
        dir = d.parent();
    }
    (None, passed)
}

/// Read a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let file = path.display().to_string();
    let err = |line: u64, column: u64, message: Msg| ConfigError {
        file: file.clone(),
        line,
        column,
        message,
    };
    // Said by what is there: a folder, or a link to nothing, is no file to read (the reader's
    // words would call the one a pipe or device and the other a missing file).
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(err(
            0,
            0,
            msg!("đây là một thư mục, không phải tệp cấu hình"; "it is a folder, not a settings file"),
        ));
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) && !path.exists() {
        let to = std::fs::read_link(path)
            .map(|t| crate::text::file_name::shown_path(&t))
            .unwrap_or_default();
        return Err(err(
            0,
            0,
            msg!("đây là liên kết tới \"{to}\", nơi không có tệp nào"; "it is a link to \"{to}\", where there is no file"),
        ));
    }
    let text = crate::yaml::decode::read_text(path).map_err(|e| {
        let why = crate::criteria::unreadable_words(&e);
        err(
            0,
            0,
            msg!("không đọc được: {}", why.vi; "cannot read it: {}", why.en),
        )
    })?;
    let raw: Raw = serde_saphyr::from_str(&text).map_err(|e| {
        let (l, c) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let first = e.to_string().lines().next().unwrap_or("").to_owned();
        err(l, c, read_problem(&first, CONFIG))
    })?;
    if raw.phien_ban.value != 1 {
        let l = raw.phien_ban.referenced;
        return Err(err(
            l.line(),
            l.column(),
            msg!("phiên bản {} của tệp cấu hình không được hỗ trợ; ghi \"phien_ban: 1\"", raw.phien_ban.value;
                 "phien_ban {} is not supported; use 1", raw.phien_ban.value),
        ));
    }
    let mut cfg = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    if let Some(t) = raw.tieu_chi {
        let base = path.parent().unwrap_or_else(|| Path::new("."));
        let p = base.join(&t.value);
        if !p.exists() {
            let l = t.referenced;
            return Err(err(
                l.line(),
                l.column(),
                msg!("không tìm thấy bộ tiêu chí \"{}\"", t.value; "rule set \"{}\" not found", t.value),
            ));
        }
        cfg.criteria = Some(p);
    }
    for (k, v) in raw.noi_nhan_ho_so.0 {
        let level = k.value.trim();
        let well_formed = !level.is_empty()
            && level
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !well_formed {
            let l = k.referenced;
            return Err(err(
                l.line(),
                l.column(),
                msg!("\"{}\" không phải mã cấp của bộ quy tắc; ghi mã cấp (cap) như xa, tinh, nha_nuoc", k.value;
                     "\"{}\" is not a level id of a rule set; write the level's id (cap) such as xa, tinh, nha_nuoc", k.value),
            ));
        }
        // One line, as the cover list and the manifest print it.
        let office = crate::text::fold_whitespace(&crate::text::to_nfc(&v.value)).into_owned();
        if office.is_empty() {
            let l = v.referenced;
            return Err(err(
                l.line(),
                l.column(),
                msg!("tên nơi nhận hồ sơ cấp {} để trống; ghi tên cơ quan nhận, hoặc xóa dòng này", level;
                     "the receiving office of level {} is empty; write the office's name, or delete the line", level),
            ));
        }
        if office.chars().any(char::is_control) {
            // It is printed on the cover list, said on the terminal and written in the manifest.
            let l = v.referenced;
            return Err(err(
                l.line(),
                l.column(),
                msg!("tên nơi nhận hồ sơ cấp {} có ký tự điều khiển; chỉ ghi chữ", level;
                     "the receiving office of level {} holds a control character; write letters only", level),
            ));
        }
        cfg.receiving_offices.insert(level.to_owned(), office);
    }
    if let Some(o) = raw.co_quan_tiep_nhan {
        cfg.office = Some(office(o, "co_quan_tiep_nhan").map_err(|(l, c, m)| err(l, c, m))?);
    }
    if let Some(d) = raw.co_quan_quyet_dinh {
        cfg.decider = Some(decider(d).map_err(|(l, c, m)| err(l, c, m))?);
    }
    let names: Vec<&str> = Rule::ALL
        .iter()
        .flat_map(|r| [r.info().id, r.info().name])
        .collect();
    for (k, v) in raw.muc_do.0 {
        let Some(rule) = Rule::find(&k.value) else {
            let l = k.referenced;
            let hint = did_you_mean(&k.value, &names)
                .map(|s| {
                    (
                        format!("; có phải ý bạn là \"{s}\"?"),
                        format!("; did you mean `{s}`?"),
                    )
                })
                .unwrap_or_default();
            return Err(err(
                l.line(),
                l.column(),
                msg!("không có quy tắc \"{}\"{}", k.value, hint.0; "no rule \"{}\"{}", k.value, hint.1),
            ));
        };
        if rule.is_bundle_rule() {
            // Whether a received bundle is whole is not an office preference.
            let l = k.referenced;
            return Err(err(
                l.line(),
                l.column(),
                msg!("{} kiểm tra gói hồ sơ có nguyên vẹn, không bị sửa; không đổi được mức của quy tắc này", rule.info().id;
                     "{} checks that a bundle is whole and untampered; its level cannot be changed", rule.info().id),
            ));
        }
        if rule.is_reading_rule() {
            // Lowered, a dossier the checker could not read whole was packed and drafted as
            // clean, a report that did not parse left out of the drafts (#20).
            let l = k.referenced;
            let i = rule.info();
            let id = i.id;
            return Err(err(
                l.line(),
                l.column(),
                msg!("{id} ({}) nghĩa là chương trình không đọc được trọn hồ sơ, nên không kiểm tra được; không đổi được mức của quy tắc này", i.title_vi;
                     "{id} ({}) means the checker could not read the dossier whole, so nothing can be checked; its level cannot be changed", i.title_en),
            ));
        }
        let level = match v.value.as_str() {
            "error" | "loi" | "lỗi" => Level::Error,
            "warning" | "canh_bao" | "cảnh báo" => Level::Warning,
            "off" | "tat" | "tắt" => Level::Off,
            other => {
                let l = v.referenced;
                return Err(err(
                    l.line(),
                    l.column(),
                    msg!("\"{}\" không phải mức; ghi error (lỗi), warning (cảnh báo) hoặc off (tắt)", other;
                         "\"{}\" is not a level; use error, warning or off", other),
                ));
            }
        };
        cfg.overrides.insert(rule, level);
    }
    Ok(cfg)
}

impl Config {
    /// Apply the overrides to one dossier's findings.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.overrides.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.overrides.get(&f.rule) {
            None => true,
            Some(Level::Off) => false,
            Some(Level::Error) => {
                f.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                f.severity = Severity::Warning;
                true
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(FILE_NAME);
        std::fs::write(&p, text).unwrap();
        (d, p)
    }

    #[test]
    fn overrides_by_id_or_name() {
        let (_d, p) = write("phien_ban: 1\nmuc_do:\n  DS007: error\n  unreferenced-file: off\n");
        let c = load(&p).unwrap();
        assert_eq!(c.overrides.get(&Rule::DS007), Some(&Level::Error));
        assert_eq!(c.overrides.get(&Rule::DK004), Some(&Level::Off));
    }

    #[test]
    fn bad_config_points_at_its_line() {
        let (_d, p) = write("phien_ban: 1\nmuc_do:\n  DS07: error\n");
        let e = load(&p).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message.en.contains("DS07") && e.message.en.contains("DS007"),
            "{e}"
        );
        let (_d, p) = write("phien_ban: 1\nmuc_do:\n  DS007: loud\n");
        assert_eq!(load(&p).unwrap_err().line, 3);
        let (_d, p) = write("phien_ban: 1\nmuc_doo: {}\n");
        assert_eq!(load(&p).unwrap_err().line, 2);
    }

    #[test]
    fn receiving_offices_by_level() {
        let (_d, p) = write(
            "phien_ban: 1\nnoi_nhan_ho_so:\n  xa: \" Bộ phận Một cửa xã Minh Long \"\n  tinh: Sở Nội vụ tỉnh Quảng Ngãi\n",
        );
        let c = load(&p).unwrap();
        assert_eq!(
            c.receiving_office("xa"),
            Some("Bộ phận Một cửa xã Minh Long")
        );
        assert_eq!(
            c.receiving_office("tinh"),
            Some("Sở Nội vụ tỉnh Quảng Ngãi")
        );
        assert_eq!(c.receiving_office("nha_nuoc"), None);
        // A level written as a name, or an empty office, is refused at its line.
        let (_d, p) = write("phien_ban: 1\nnoi_nhan_ho_so:\n  cấp xã: Văn phòng\n");
        let e = load(&p).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.vi.contains("mã cấp"), "{e:?}");
        let (_d, p) = write("phien_ban: 1\nnoi_nhan_ho_so:\n  xa: \"\"\n");
        assert_eq!(load(&p).unwrap_err().line, 3);
    }

    #[test]
    fn the_receiving_office_and_its_signer() {
        let (_d, p) = write(
            "phien_ban: 1\nco_quan_tiep_nhan:\n  ten: \" Phòng Nội vụ  huyện Hoa Lư\"\n  co_quan_chu_quan: Ủy ban nhân dân huyện Hoa Lư\n  dia_danh: Hoa Lư\n  ky_hieu: PNV\n  nguoi_ky: { ho_ten: \"Nguyễn Văn A\", chuc_vu: \"Trưởng phòng\", tham_quyen: \"\" }\n",
        );
        let c = load(&p).unwrap();
        let o = c.office.clone().unwrap();
        assert_eq!(o.name, "Phòng Nội vụ huyện Hoa Lư");
        assert_eq!(o.parent, "Ủy ban nhân dân huyện Hoa Lư");
        assert_eq!((o.place.as_str(), o.symbol.as_str()), ("Hoa Lư", "PNV"));
        assert_eq!(
            (o.signer.as_str(), o.title.as_str()),
            ("Nguyễn Văn A", "Trưởng phòng")
        );
        assert!(o.authority.is_empty());
        assert!(Office::missing(Some(&o)).is_empty());
        assert_eq!(Office::missing(None), vec!["co_quan_tiep_nhan"]);
        // Without it, none; an unknown key inside it is refused at its line.
        let (_d, p) = write("phien_ban: 1\n");
        assert_eq!(load(&p).unwrap().office, None);
        let (_d, p) =
            write("phien_ban: 1\nco_quan_tiep_nhan:\n  ten: Phòng Nội vụ\n  nguoi_ki: {}\n");
        let e = load(&p).unwrap_err();
        assert_eq!(e.line, 4, "{e:?}");
        assert!(e.message.vi.contains("nguoi_ki"), "{e:?}");
        let (_d, p) =
            write("phien_ban: 1\nco_quan_tiep_nhan:\n  nguoi_ky:\n    ho_ten: A\n    chuc: B\n");
        assert_eq!(load(&p).unwrap_err().line, 5);
        let (_d, p) = write("phien_ban: 1\nco_quan_tiep_nhan:\n  ten: \"Phòng\\u0007\"\n");
        let e = load(&p).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
    }

    #[test]
    fn the_deciding_authority() {
        let (_d, p) = write(
            "phien_ban: 1\nco_quan_quyet_dinh:\n  ten: Ủy ban nhân dân huyện Hoa Lư\n  chuc_danh: \"Chủ tịch  Ủy ban nhân dân huyện Hoa Lư\"\n  dia_danh: Hoa Lư\n  ky_hieu: UBND\n  nguoi_ky:\n    ho_ten: Trần Văn B\n    chuc_vu: Phó Chủ tịch\n    tham_quyen: KT. CHỦ TỊCH\n",
        );
        let c = load(&p).unwrap();
        let d = c.decider.clone().unwrap();
        assert_eq!(d.title, "Chủ tịch Ủy ban nhân dân huyện Hoa Lư");
        assert_eq!(d.office.name, "Ủy ban nhân dân huyện Hoa Lư");
        assert_eq!(d.office.symbol, "UBND");
        assert_eq!(d.office.authority, "KT. CHỦ TỊCH");
        assert!(Decider::missing(Some(&d)).is_empty());
        assert_eq!(Decider::missing(None), vec!["co_quan_quyet_dinh"]);
        assert_eq!(c.office, None);
        let (_d, p) = write("phien_ban: 1\nco_quan_quyet_dinh:\n  ten: UBND\n");
        let d = load(&p).unwrap().decider.unwrap();
        assert!(Decider::missing(Some(&d)).contains(&"co_quan_quyet_dinh.chuc_danh"));
        // `chuc_danh` belongs to the deciding authority only; a control character is named
        // with the section's own key.
        let (_d, p) = write("phien_ban: 1\nco_quan_tiep_nhan:\n  chuc_danh: Chủ tịch\n");
        assert_eq!(load(&p).unwrap_err().line, 3);
        let (_d, p) = write("phien_ban: 1\nco_quan_quyet_dinh:\n  dia_danh: \"Hoa\\u0007\"\n");
        let e = load(&p).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(
            e.message.en.contains("co_quan_quyet_dinh.dia_danh"),
            "{e:?}"
        );
    }

    #[test]
    fn nearest_config_above() {
        let (d, p) = write("phien_ban: 1\n");
        let sub = d.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(
            discover(&sub).map(|x| x.canonicalize().unwrap()),
            Some(p.canonicalize().unwrap())
        );
    }

    #[test]
    fn config_problems_speak_both_languages_without_the_parsers_english() {
        let (_d, p) = write("phien_ban: 1\nmuc_doo: {}\n");
        let e = load(&p).unwrap_err();
        assert!(e.message.vi.contains("muc_doo"), "{e:?}");
        assert!(!e.message.vi.contains("unknown field"), "{e:?}");
        assert!(e.message.en.contains("muc_doo"), "{e:?}");
        let (_d, p) = write("phien_ban: 1\nmuc_do: [DS007]\n");
        let e = load(&p).unwrap_err();
        assert!(!e.message.vi.contains("invalid"), "{e:?}");
        let (_d, p) = write("phien_ban: 2\n");
        let e = load(&p).unwrap_err();
        assert!(e.message.vi.contains("không được hỗ trợ"), "{e:?}");
        let (_d, p) = write("phien_ban: 1\nmuc_do:\n  DS007: loud\n");
        let e = load(&p).unwrap_err();
        assert!(e.message.vi.contains("cảnh báo"), "{e:?}");
        assert!(e.message.en.contains("not a level"), "{e:?}");
    }
}
