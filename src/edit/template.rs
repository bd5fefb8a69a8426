//! The templates of `dossier init` and `dossier add`, and what is filled into them.
//!
//! The text lives in `templates/init/*.tmpl`, so the Vietnamese a clerk reads can be reviewed
//! (and corrected by someone who is not a Rust programmer) as plain files; it is compiled in
//! with `include_str!` so the binary needs nothing beside it. Filling is plain `{{name}}`
//! substitution: every value is made into finished YAML (quoted where it is text) or into
//! comment text here, before it reaches a template, so a template never has to escape.
//! A line holding only `{{name}}` takes a whole block; when that block is empty the line goes.

use crate::criteria::{AwardKind, NomineeKind, NomineeType, Ratio, RuleSet};
use crate::date::{Birth, Date};

use super::text::{comment, dq, one_line};

pub(crate) const HO_SO: &str = include_str!("../../templates/init/ho-so.yaml.tmpl");
pub(crate) const TO_TRINH: &str = include_str!("../../templates/init/to-trinh.yaml.tmpl");
pub(crate) const BIEN_BAN: &str = include_str!("../../templates/init/bien-ban.yaml.tmpl");
pub(crate) const BAO_CAO: &str = include_str!("../../templates/init/bao-cao.yaml.tmpl");
const LOAI_KHEN: &str = include_str!("../../templates/init/_loai-khen.yaml.tmpl");
const CHUC_VU: &str = include_str!("../../templates/init/_chuc-vu.yaml.tmpl");
const CA_NHAN: &str = include_str!("../../templates/init/_ca-nhan.yaml.tmpl");
const GHI_NHAN: &str = include_str!("../../templates/init/_ghi-nhan.yaml.tmpl");

/// Width of the comment lines written from rule-set texts.
const WIDTH: usize = 92;

/// Fill a template. Unknown names are left as they are (a test checks none is left).
pub(crate) fn render(tmpl: &str, vars: &[(&str, &str)]) -> String {
    let lookup = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(tmpl.len() + 512);
    for line in tmpl.split_inclusive('\n') {
        let bare = line.trim();
        if let Some(name) = bare.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) {
            if let Some(block) = lookup(name) {
                out.push_str(block);
                if !block.is_empty() && !block.ends_with('\n') {
                    out.push('\n');
                }
                continue;
            }
        }
        let mut rest = line;
        while let Some(open) = rest.find("{{") {
            let Some(close) = rest[open..].find("}}").map(|c| open + c) else {
                break;
            };
            match lookup(&rest[open + 2..close]) {
                Some(v) => {
                    out.push_str(&rest[..open]);
                    out.push_str(v);
                }
                None => out.push_str(&rest[..close + 2]),
            }
            rest = &rest[close + 2..];
        }
        out.push_str(rest);
    }
    out
}

/// Dates the templates write: valid, ordered as the checker wants, not in the future.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dates {
    /// Start of the achievement period.
    pub(crate) tu: Date,
    /// Its end.
    pub(crate) den: Date,
    /// Confirmation of the report.
    pub(crate) xac_nhan: Date,
    /// Council meeting.
    pub(crate) bien_ban: Date,
    /// Proposal.
    pub(crate) to_trinh: Date,
}

/// Sample dates. The period starts on the campaign's earliest date; everything else falls on
/// one day: the proposal's date when the dossier has one (so a new report fits the dossier it
/// joins), else the campaign's launch, else its earliest date. One day for all keeps every
/// "not after" rule satisfied, and a dossier whose dates all match the campaign's is visibly
/// not filled in yet.
pub(crate) fn sample_dates(rs: &RuleSet, proposal: Option<Date>, today: Date) -> Dates {
    // A procedure has no launch date and no earliest date: today, kept inside its period so
    // that the new dossier is checked by the rule set it names.
    let in_period = |d: Date| match &rs.validity {
        Some(v) => v.to.map_or(d, |t| d.min(t)).max(v.from),
        None => d,
    };
    let start = rs.thanh_tich_tu;
    let day = match proposal {
        Some(p) => p.min(today),
        None => match start {
            Some(start) => rs
                .ngay_phat_dong
                .filter(|l| *l >= start && *l <= today)
                .unwrap_or(start),
            None => in_period(today),
        },
    };
    Dates {
        tu: start.map_or(day, |s| s.min(day)),
        den: day,
        xac_nhan: day,
        bien_ban: day,
        to_trinh: day,
    }
}

/// The templates' guidance for a type of nominee.
fn guide_ten(t: NomineeType) -> &'static str {
    match t {
        NomineeType::Individual => {
            "Họ và tên, viết đủ dấu như trên giấy tờ tùy thân, ví dụ \"Nguyễn Thị Hằng\"."
        }
        NomineeType::Collective => "Tên tập thể, viết đầy đủ, ví dụ \"Trạm Y tế xã Trường Yên\".",
        NomineeType::Household => "Tên hộ gia đình theo chủ hộ, ví dụ \"Hộ ông Đinh Văn Tâm\".",
    }
}

fn guide_don_vi(t: NomineeType) -> &'static str {
    match t {
        NomineeType::Individual => "Đơn vị công tác (người dân thì ghi nơi cư trú), ví dụ \"Trạm Y tế xã Trường Yên\".",
        NomineeType::Collective => "Đơn vị: chính tập thể, hoặc đơn vị mà tập thể trực thuộc, ví dụ \"Thôn Đoài, xã Trường Yên\".",
        NomineeType::Household => "Nơi cư trú của hộ gia đình, ví dụ \"Thôn Đông, xã Gia Viễn\".",
    }
}

/// A nominee as the templates write it: values already in YAML form.
pub(crate) struct Nominee<'a> {
    /// Id (a slug: written plain).
    pub(crate) ma: &'a str,
    /// Individual, collective or household.
    pub(crate) loai: NomineeType,
    /// Name, as a YAML scalar.
    pub(crate) ten: String,
    /// Position, as a YAML scalar.
    pub(crate) chuc_vu: Option<String>,
    /// Unit, as a YAML scalar.
    pub(crate) don_vi: String,
    /// Kind of nominee.
    pub(crate) kind: &'a NomineeKind,
}

impl Nominee<'_> {
    /// The example nominee of a new dossier: every text a placeholder.
    pub(crate) fn example(kind: &NomineeKind, loai: NomineeType) -> Nominee<'_> {
        let (ma, ten, chuc_vu, don_vi) = match loai {
            NomineeType::Individual => (
                "vi-du-ca-nhan",
                "<<Họ và tên>>",
                Some("<<Chức vụ>>"),
                "<<Đơn vị công tác>>",
            ),
            NomineeType::Collective => ("vi-du-tap-the", "<<Tên tập thể>>", None, "<<Tên đơn vị>>"),
            NomineeType::Household => (
                "vi-du-ho-gia-dinh",
                "<<Tên hộ gia đình>>",
                None,
                "<<Nơi cư trú>>",
            ),
        };
        Nominee {
            ma,
            loai,
            ten: dq(ten),
            chuc_vu: chuc_vu.map(dq),
            don_vi: dq(don_vi),
            kind,
        }
    }

    /// The `chuc_vu` lines, indented for where they go ("" at top level, four spaces in a
    /// list item), or nothing.
    fn chuc_vu_block(&self, indent: &str) -> String {
        let Some(cv) = &self.chuc_vu else {
            return String::new();
        };
        let block = render(CHUC_VU, &[("chuc_vu", cv)]);
        if indent.is_empty() {
            return block;
        }
        block
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| format!("{indent}{l}\n"))
            .collect()
    }
}

/// What a list may give of a nominee beyond [`Nominee`], written into the report skeleton by
/// [`report_with`]: values already in YAML form, like [`Nominee`]'s. `dossier import` fills it
/// from the list's columns.
#[derive(Debug, Clone, Default)]
pub(crate) struct Details {
    /// `cap_bac`, a rank or academic title, as a YAML scalar (`dq("Đại tá")`); individuals.
    pub(crate) cap_bac: Option<String>,
    /// `ngay_sinh`: a date, or a year alone (written `ngay_sinh: 1985`); individuals.
    pub(crate) ngay_sinh: Option<Birth>,
    /// `gioi_tinh`: `nam` or `nu`; individuals.
    pub(crate) gioi_tinh: Option<&'static str>,
    /// `chuc_vu_don_vi`, position and unit in one text, as a YAML scalar: written in place of
    /// both `chuc_vu` and `don_vi` (the nominee's are then not written).
    pub(crate) chuc_vu_don_vi: Option<String>,
}

/// The whole report skeleton of a nominee.
pub(crate) fn report(
    rs: &RuleSet,
    n: &Nominee<'_>,
    award: Option<&AwardKind>,
    d: &Dates,
) -> String {
    report_with(rs, n, &Details::default(), award, d)
}

/// The report skeleton with what the list gave beyond [`Nominee`]. The individual's optional
/// lines are commented out in the skeleton; a value given takes its line's place. A collective
/// or household has no such lines: its rank, birth or sex is not written (HS018 would refuse
/// them).
pub(crate) fn report_with(
    rs: &RuleSet,
    n: &Nominee<'_>,
    details: &Details,
    award: Option<&AwardKind>,
    d: &Dates,
) -> String {
    Reports::new(rs, award, d).report(n, details)
}

/// What every report skeleton of one rule set, award and dates shares, made once: an import
/// wrote thousands of reports, each wrapping its kind's standards and its comments again (#21).
pub(crate) struct Reports<'a> {
    rs: &'a RuleSet,
    moc: String,
    xac_nhan_tuy_chon: &'static str,
    ghi_nhan: String,
    tu: String,
    den: String,
    xn: String,
    /// Each kind of nominee of the rule set: its standards and its name on one line.
    kinds: Vec<(String, String)>,
}

impl<'a> Reports<'a> {
    pub(crate) fn new(rs: &'a RuleSet, award: Option<&AwardKind>, d: &Dates) -> Reports<'a> {
        let moc = rs.thanh_tich_tu.map_or_else(String::new, |d| {
            format!(
                " Ngày bắt đầu không được trước ngày\n# {d} (mốc tính thành tích của phong trào)."
            )
        });
        let xac_nhan_tuy_chon = if rs.procedure.confirmation.required {
            ""
        } else {
            "\n# Thủ tục này không bắt buộc xác nhận (báo cáo có thể do chính người được đề nghị\n# lập): không có xác nhận thì xóa cả nhóm xac_nhan dưới đây."
        };
        let ghi_nhan = match award {
            Some(a) if a.needs_recognition => render(
                GHI_NHAN,
                &[
                    ("ten_loai_khen", &one_line(&a.ten)),
                    ("vi_du_cong_van", examples(rs, None).letter),
                ],
            ),
            _ => String::new(),
        };
        Reports {
            rs,
            moc,
            xac_nhan_tuy_chon,
            ghi_nhan,
            tu: d.tu.to_string(),
            den: d.den.to_string(),
            xn: d.xac_nhan.to_string(),
            kinds: rs
                .nominee_kinds
                .iter()
                .map(|k| (standards(k), one_line(&k.ten)))
                .collect(),
        }
    }

    /// The skeleton of one nominee.
    pub(crate) fn report(&self, n: &Nominee<'_>, details: &Details) -> String {
        // The kind's texts as made once, when it is one of the rule set's own.
        let own = self
            .rs
            .nominee_kinds
            .iter()
            .position(|k| std::ptr::eq(k, n.kind))
            .and_then(|i| self.kinds.get(i));
        let made;
        let (standards, ten_doi_tuong) = match own {
            Some((s, t)) => (s.as_str(), t.as_str()),
            None => {
                made = (standards(n.kind), one_line(&n.kind.ten));
                (made.0.as_str(), made.1.as_str())
            }
        };
        let ca_nhan = if n.loai == NomineeType::Individual {
            individual_lines(details)
        } else {
            String::new()
        };
        let (chuc_vu, don_vi) = match &details.chuc_vu_don_vi {
            Some(both) => (
                String::new(),
                format!("# Chức vụ và đơn vị công tác ghi gộp một câu, như cột \"Chức vụ, đơn vị công tác\" của\n# danh sách; các văn bản in câu này ở chỗ chức vụ, đơn vị.\nchuc_vu_don_vi: {both}\n"),
            ),
            None => (
                n.chuc_vu_block(""),
                format!("# {}\ndon_vi: {}\n", guide_don_vi(n.loai), n.don_vi),
            ),
        };
        render(
            BAO_CAO,
            &[
                ("loai_vi", n.loai.vi()),
                ("ma", n.ma),
                ("loai", n.loai.id()),
                ("huong_dan_ten", guide_ten(n.loai)),
                ("ten", &n.ten),
                ("chuc_vu", &chuc_vu),
                ("ca_nhan", &ca_nhan),
                ("don_vi", &don_vi),
                ("ten_doi_tuong", ten_doi_tuong),
                ("doi_tuong", &n.kind.id),
                ("moc_thanh_tich", &self.moc),
                ("tu", &self.tu),
                ("den", &self.den),
                ("tieu_chuan", standards),
                ("ghi_nhan", &self.ghi_nhan),
                ("ngay_xac_nhan", &self.xn),
                ("xac_nhan_tuy_chon", self.xac_nhan_tuy_chon),
            ],
        )
    }
}

/// An individual's optional lines ([`CA_NHAN`]): each value given takes its commented line's
/// place. Only this block is looked in: the whole report was, and a name holding the text of
/// such a line ("Lê Văn Tám # gioi_tinh: nu") was rewritten instead of the line.
fn individual_lines(details: &Details) -> String {
    let birth = details.ngay_sinh.map(|b| b.to_string());
    let mut block = CA_NHAN.to_owned();
    for (line, value) in [
        ("# ngay_sinh: 1985-03-12", birth.as_deref()),
        ("# gioi_tinh: nu", details.gioi_tinh),
        ("# cap_bac: \"Đại tá\"", details.cap_bac.as_deref()),
    ] {
        if let Some(v) = value {
            let key = line
                .trim_start_matches("# ")
                .split(':')
                .next()
                .unwrap_or_default();
            block = block.replacen(line, &format!("{key}: {v}"), 1);
        }
    }
    block
}

/// Every standard of the kind, `true`, under its text as a comment; nothing for a kind without
/// standards (the procedures' own kinds: the law's conditions are their kinds of award).
fn standards(kind: &NomineeKind) -> String {
    if kind.standards.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "# Tiêu chuẩn thi đua của đối tượng \"{}\".\n# Mẫu ghi sẵn true (đạt) cho mọi tiêu chuẩn: đọc lại từng tiêu chuẩn; tiêu chuẩn nào không\n# đạt thì sửa true thành false. Người không đạt đủ tiêu chuẩn thì không đủ điều kiện khen thưởng.\ntieu_chuan:\n",
        one_line(&kind.ten)
    );
    for s in &kind.standards {
        let text = if s.required {
            one_line(&s.text)
        } else {
            format!("(Không bắt buộc) {}", one_line(&s.text))
        };
        out.push_str(&comment(&text, "  ", WIDTH));
        out.push_str(&format!("  {}: true\n", s.id));
    }
    out.push('\n');
    out
}

/// `ho-so.yaml`.
pub(crate) fn ho_so(
    rs: &RuleSet,
    form: &crate::criteria::Form,
    award: Option<&AwardKind>,
) -> String {
    let loai_khen = award.map_or_else(String::new, |a| {
        render(
            LOAI_KHEN,
            &[("ten_loai_khen", &one_line(&a.ten)), ("loai_khen", &a.id)],
        )
    });
    let bien_ban = if rs.procedure.minutes.required {
        "#   bien-ban.yaml   Biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng\n"
    } else {
        ""
    };
    render(
        HO_SO,
        &[
            ("dong_bien_ban", bien_ban),
            ("ten_phong_trao", &one_line(&rs.ten)),
            ("phong_trao", &rs.id),
            ("ten_hinh_thuc", &one_line(&form.ten)),
            ("hinh_thuc", &form.id),
            ("loai_khen", &loai_khen),
        ],
    )
}

/// The bodies the templates' comments give as examples, valid for the rule set's period: a
/// district ("huyện Hoa Lư") only where the rule set has the district level; from 1 July 2025
/// there is none (the clerk's C12 read "huyện Hoa Lư" in a 2026 template), and the examples
/// are a commune and its province.
struct Examples {
    commune: &'static str,
    parent: &'static str,
    addressee: &'static str,
    letter: &'static str,
}

fn examples(rs: &RuleSet, form: Option<&crate::criteria::Form>) -> Examples {
    let districts = rs.levels.iter().any(|l| l.id == "huyen");
    let (parent, letter) = if districts {
        (
            "Ủy ban nhân dân huyện Hoa Lư",
            "Công văn số 210/UBND-VP ngày 12/10/2021 của Ủy ban nhân dân huyện Hoa Lư",
        )
    } else {
        (
            "Ủy ban nhân dân tỉnh Ninh Bình",
            "Công văn số 210/UBND-VP ngày 12/10/2026 của Ủy ban nhân dân xã Gia Viễn",
        )
    };
    let addressee = match form.map(|f| f.level.as_str()) {
        Some("tinh") => "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình (qua Sở Nội vụ)",
        Some("xa") => "Chủ tịch Ủy ban nhân dân xã Gia Viễn",
        _ if districts => "Chủ tịch Ủy ban nhân dân huyện Hoa Lư",
        _ => "Chủ tịch Ủy ban nhân dân xã Gia Viễn",
    };
    Examples {
        commune: if districts {
            "Trường Yên"
        } else {
            "Gia Viễn"
        },
        parent,
        addressee,
        letter,
    }
}

/// `to-trinh.yaml`, with one nominee in its list.
pub(crate) fn to_trinh(
    rs: &RuleSet,
    form: &crate::criteria::Form,
    award: Option<&AwardKind>,
    n: &Nominee<'_>,
    d: &Dates,
) -> String {
    let (ten_cap, noi_nhan) = match rs.level(&form.level) {
        Some(l) => (
            lower_first(&one_line(&l.ten)),
            match l.copies {
                Some(c) => format!("{} ({:02} bộ)", one_line(&l.office), c),
                None => one_line(&l.office),
            },
        ),
        None => (
            form.level.clone(),
            "xem bộ tiêu chí của phong trào".to_owned(),
        ),
    };
    let kind = award.map_or_else(String::new, |a| {
        format!(" ({})", one_line(&a.ten).to_lowercase())
    });
    let trich_yeu = dq(&format!(
        "<<Về việc đề nghị tặng {} cho các tập thể, cá nhân có thành tích ...{}>>",
        one_line(&form.ten),
        kind
    ));
    let (them_bien_ban, xoa_bien_ban) = if rs.procedure.minutes.required {
        (
            "thêm kết quả bỏ phiếu vào biên bản ",
            ", nhóm dòng kết quả bỏ phiếu của người đó trong bien-ban.yaml",
        )
    } else {
        ("", "")
    };
    let ngay = d.to_trinh.to_string();
    let ex = examples(rs, Some(form));
    render(
        TO_TRINH,
        &[
            ("ngay", &ngay),
            ("vi_du_xa", ex.commune),
            (
                "vi_du_can_cu",
                rs.procedure
                    .instruments
                    .first()
                    .map_or("Luật Thi đua, khen thưởng", String::as_str),
            ),
            ("vi_du_cap_tren", ex.parent),
            ("vi_du_kinh_gui", ex.addressee),
            ("ten_cap", &ten_cap),
            ("noi_nhan", &noi_nhan),
            ("trich_yeu", &trich_yeu),
            ("them_bien_ban", them_bien_ban),
            ("xoa_bien_ban", xoa_bien_ban),
            ("ma", n.ma),
            ("loai", n.loai.id()),
            ("huong_dan_ten", guide_ten(n.loai)),
            ("ten", &n.ten),
            ("chuc_vu", &n.chuc_vu_block("    ")),
            ("huong_dan_don_vi", guide_don_vi(n.loai)),
            ("don_vi", &n.don_vi),
            ("ten_doi_tuong", &one_line(&n.kind.ten)),
            ("doi_tuong", &n.kind.id),
        ],
    )
}

/// `bien-ban.yaml`, with the vote of one nominee.
pub(crate) fn bien_ban(rs: &RuleSet, n: &Nominee<'_>, d: &Dates) -> String {
    let quorum = rs.voting.quorum.as_ref().map_or_else(
        || "đủ số thành viên theo quy chế của Hội đồng (bộ quy tắc không đặt ngưỡng)".to_owned(),
        |q| format!("có {} tổng số thành viên có mặt", share(q.ratio)),
    );
    let approval = rs.voting.approval.as_ref().map_or_else(
        || "đủ số phiếu theo quy chế của Hội đồng (bộ quy tắc không đặt ngưỡng)".to_owned(),
        |a| {
            let base = if a.ratio.of_present {
                "số thành viên có mặt"
            } else {
                "tổng số thành viên"
            };
            format!("{} {}", share(a.ratio), base)
        },
    );
    let ngay = d.bien_ban.to_string();
    render(
        BIEN_BAN,
        &[
            ("ngay", &ngay),
            ("nguong_co_mat", &quorum),
            ("nguong_tan_thanh", &approval),
            ("ma", n.ma),
        ],
    )
}

/// "ít nhất 2/3", "hơn 1/2".
fn share(r: Ratio) -> String {
    let cmp = if r.strict { "hơn" } else { "ít nhất" };
    format!("{cmp} {}", r.fraction())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_inline_and_whole_line_names() {
        let t = "a: {{x}}\n{{block}}\n{{gone}}\nb: {{y}} {{unknown}}\n";
        let out = render(
            t,
            &[("x", "1"), ("block", "c: 2"), ("gone", ""), ("y", "\"z\"")],
        );
        assert_eq!(out, "a: 1\nc: 2\nb: \"z\" {{unknown}}\n");
    }

    /// A name holding the text of an optional line: the line is filled, the name kept as
    /// written (the whole report was searched, and the name was rewritten instead).
    #[test]
    fn a_name_that_reads_like_an_optional_line_is_kept_as_written() {
        let cat = crate::criteria::Catalog::builtin().unwrap();
        let rs = cat.get("covid19-hoa-lu-2021").unwrap();
        let kind = rs.nominee_kind("tuyen_dau").unwrap();
        let ten = "Lê Văn Tám # gioi_tinh: nu # ngay_sinh: 1985-03-12 # cap_bac: \"Đại tá\"";
        let n = Nominee {
            ma: "le-van-tam",
            loai: NomineeType::Individual,
            ten: dq(ten),
            chuc_vu: Some(dq("<<Chức vụ>>")),
            don_vi: dq("<<Đơn vị>>"),
            kind,
        };
        let details = Details {
            cap_bac: Some(dq("Thiếu tá")),
            ngay_sinh: Some(Birth::Year(1980)),
            gioi_tinh: Some("nam"),
            chuc_vu_don_vi: None,
        };
        let dates = sample_dates(rs, None, Date::parse("2021-11-01").unwrap());
        let text = report_with(rs, &n, &details, None, &dates);
        let root = crate::yaml::tree::parse(&text).root.unwrap();
        assert_eq!(root.text("ten"), Some(ten), "{text}");
        assert_eq!(root.text("gioi_tinh"), Some("nam"), "{text}");
        assert_eq!(root.text("cap_bac"), Some("Thiếu tá"), "{text}");
        assert!(text.contains("\nngay_sinh: 1980\n"), "{text}");
    }

    #[test]
    fn a_report_skeleton_takes_rank_birth_year_and_position_with_unit() {
        let cat = crate::criteria::Catalog::builtin().unwrap();
        let rs = cat.get("covid19-hoa-lu-2021").unwrap();
        let kind = rs.nominee_kind("tuyen_dau").unwrap();
        let n = Nominee {
            ma: "le-van-an",
            loai: NomineeType::Individual,
            ten: dq("Lê Văn An"),
            chuc_vu: Some(dq("<<Chức vụ>>")),
            don_vi: dq("<<Đơn vị>>"),
            kind,
        };
        let details = Details {
            cap_bac: Some(dq("Đại tá")),
            ngay_sinh: Some(Birth::Year(1985)),
            gioi_tinh: Some("nam"),
            chuc_vu_don_vi: Some(dq("Phó Chỉ huy trưởng Ban CHQS xã Trường Yên")),
        };
        let dates = sample_dates(rs, None, Date::parse("2021-11-01").unwrap());
        let text = report_with(rs, &n, &details, None, &dates);
        for line in [
            "\ncap_bac: \"Đại tá\"\n",
            "\nngay_sinh: 1985\n",
            "\ngioi_tinh: nam\n",
            "\nchuc_vu_don_vi: \"Phó Chỉ huy trưởng Ban CHQS xã Trường Yên\"\n",
        ] {
            assert!(text.contains(line), "{line} in:\n{text}");
        }
        // Position and unit in one text take the place of both.
        assert!(
            !text.contains("\nchuc_vu:") && !text.contains("\ndon_vi:"),
            "{text}"
        );
        assert!(crate::yaml::tree::parse(&text).problems.is_empty());
        // Without details the skeleton is what `report` writes.
        assert_eq!(
            report_with(rs, &n, &Details::default(), None, &dates),
            report(rs, &n, None, &dates)
        );
        // A collective is given none of a person's fields.
        let group = Nominee {
            loai: NomineeType::Collective,
            chuc_vu: None,
            ..n
        };
        let text = report_with(rs, &group, &details, None, &dates);
        assert!(
            !text.contains("cap_bac") && !text.contains("ngay_sinh"),
            "{text}"
        );
    }

    #[test]
    fn templates_are_nfc_and_use_no_tab() {
        for t in [
            HO_SO, TO_TRINH, BIEN_BAN, BAO_CAO, LOAI_KHEN, CHUC_VU, CA_NHAN, GHI_NHAN,
        ] {
            assert!(crate::text::is_nfc(t));
            assert!(!t.contains('\t'));
            assert!(!t.contains('\r'));
        }
    }
}
