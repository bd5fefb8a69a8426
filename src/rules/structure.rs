//! Structure: the components the procedure requires, the format version, and the manifest's
//! references into the rule set (campaign, award form, award kind, kinds of nominee).

use super::context::Ctx;
use crate::criteria::named::Named;
use crate::criteria::{Catalog, CriteriaProblem, RuleSet, SetKind};
use crate::diag::{Finding, Sink};
use crate::dossier::copies;
use crate::dossier::files::shown_name;
use crate::dossier::{Dossier, SourceText};
use crate::msg;
use crate::rules::Rule;
use crate::store::{Kind, Store};
use crate::text::suggest::did_you_mean;
use crate::yaml::decode::DecodeProblem;

/// `phong_trao` may name a rule-set file instead of an id; load it (relative to the dossier).
/// Its text joins `sources`, so the report shows its problems in their lines.
pub(crate) fn external_rule_set(
    d: &Dossier,
    store: &dyn Store,
    catalog: &Catalog,
    sink: &mut Sink,
    sources: &mut Vec<SourceText>,
) -> Option<RuleSet> {
    let pt = d.ho_so.as_ref()?.phong_trao.as_ref()?;
    let Named::File(rel) = catalog.named(&pt.v) else {
        return None;
    };
    let rel = rel.as_str();
    if !matches!(store.kind(rel), Kind::File(_)) {
        return None;
    }
    let text = match store.read_text(rel) {
        Ok(text) => text,
        Err(e) => {
            sink.push(unreadable_rule_set(d, store, catalog, rel, &e));
            return None;
        }
    };
    let parsed = crate::criteria::parse(&text, rel, catalog);
    if !d.sources.iter().any(|s| s.rel == rel) {
        sources.push(SourceText {
            rel: rel.to_owned(),
            text,
        });
    }
    match parsed {
        Ok(rs) => Some(rs),
        Err(problems) => {
            for p in problems {
                sink.push(criteria_finding(&p));
            }
            None
        }
    }
}

/// TC001 for a rule-set file that is not text (a scan named by mistake, a file saved in another
/// encoding): said where the clerk named it, the `phong_trao` line, since the file itself has no
/// line to show.
fn unreadable_rule_set(
    d: &Dossier,
    store: &dyn Store,
    catalog: &Catalog,
    rel: &str,
    e: &DecodeProblem,
) -> Finding {
    let file = d.ho_so_file.as_deref().unwrap_or("ho-so.yaml");
    let at = d
        .ho_so
        .as_ref()
        .and_then(|h| h.phong_trao.as_ref())
        .map(|p| p.at);
    let mut head = [0u8; 16];
    let n = store.head(rel, &mut head);
    let scan = match crate::dossier::files::sniff(&head[..n]) {
        crate::dossier::files::Sniffed::Pdf => Some(("tệp PDF", "a PDF")),
        crate::dossier::files::Sniffed::Jpeg => Some(("ảnh JPEG", "a JPEG image")),
        crate::dossier::files::Sniffed::Png => Some(("ảnh PNG", "a PNG image")),
        crate::dossier::files::Sniffed::Other(..) => None,
    };
    let why = match scan {
        Some((vi, en)) => {
            msg!("đó là {} (bản quét hay tệp đính kèm), không phải tệp bộ quy tắc", vi;
                                "it is {} (a scan or an attachment), not a rule-set file", en)
        }
        None => crate::criteria::unreadable_words(e),
    };
    let ids: Vec<&str> = catalog.sets.iter().map(|s| s.id.as_str()).collect();
    Finding::new(
        Rule::TC001,
        file,
        at,
        msg!("phong_trao ghi tệp \"{}\" làm bộ quy tắc, nhưng tệp này không đọc được: {}", rel, why.vi;
             "phong_trao names \"{}\" as the rule set, but that file cannot be read: {}", rel, why.en),
    )
    .also(rel, None, msg!("tệp được ghi ở phong_trao"; "the file phong_trao names"))
    .help(msg!("ghi mã một bộ quy tắc có sẵn ({}), hoặc đường dẫn tới tệp bộ quy tắc (văn bản YAML lưu bằng mã UTF-8, xem docs/rule-set-format.md) trong thư mục hồ sơ", ids.join(", ");
               "give the id of a built-in rule set ({}), or the path of a rule-set file (YAML text saved as UTF-8, see docs/rule-set-format.md) inside the dossier folder", ids.join(", ")))
}

/// A rule-set problem as a finding (TC001), pointing into the rule-set file.
#[must_use]
pub fn criteria_finding(p: &CriteriaProblem) -> Finding {
    Finding::new(Rule::TC001, &p.file, p.at, p.message.clone()).help(msg!(
        "sửa tệp bộ tiêu chí theo docs/rule-set-format.md";
        "fix the rule-set file following docs/rule-set-format.md"
    ))
}

/// Check the structure; return the rule set the other checks use.
pub(crate) fn check<'a>(
    cx: &mut Ctx<'a>,
    catalog: &'a Catalog,
    external: Option<&'a RuleSet>,
) -> Option<&'a RuleSet> {
    let d = cx.d;
    if d.ho_so_file.is_none() {
        let f = missing_component(
            cx,
            "ho-so.yaml",
            "tệp thông tin chung ho-so.yaml",
            "its manifest ho-so.yaml",
        );
        cx.push(f);
    }
    let ho_so = d.ho_so.as_ref();
    if let Some(v) = ho_so.and_then(|h| h.phien_ban.as_ref()) {
        if v.v.trim() != "1" {
            cx.push(
                Finding::new(
                    Rule::HS007,
                    cx.ho_so_file(),
                    Some(v.at),
                    msg!("phiên bản mẫu hồ sơ \"{}\" không được hỗ trợ; chương trình này đọc phiên bản 1", v.v;
                         "format version \"{}\" is not supported; this program reads version 1", v.v),
                )
                .help(msg!("ghi \"phien_ban: 1\" và soạn hồ sơ theo mẫu phiên bản 1"; "write `phien_ban: 1` and follow the version 1 format")),
            );
        }
    }
    let rs = resolve(cx, catalog, external);
    unchosen(cx);
    components(cx, rs);
    super::links::check(cx);
    if let Some(rs) = rs {
        form_and_kind(cx, rs);
        in_force(cx, catalog, rs);
        unread_change(cx, rs);
    }
    rs
}

/// A manifest that is there but could not be read names no rule set: the checks of the law
/// (which components, votes, confirmations) are not run, rather than run by some other rule
/// set's text (a 2026 dossier was told to add the confirmation the 2021 Hoa Lư plan asked for).
/// The finding that says why the file is unreadable also says what was left unchecked, so the
/// clerk knows more may come once it is mended.
fn unchosen(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let Some(file) = d.ho_so_file.as_deref() else {
        return;
    };
    if d.ho_so.is_some() {
        return;
    }
    let said = msg!("chưa biết bộ quy tắc vì chưa đọc được tệp này: các quy tắc theo quy định (thành phần hồ sơ, biên bản, nội dung và xác nhận báo cáo) chưa được kiểm tra; sửa lỗi này rồi kiểm tra lại";
                    "no rule set is known while this file cannot be read: the rules of the law (components, minutes, the reports' content and confirmation) were not checked; mend this and check again");
    let mut noted = false;
    for f in cx.sink.findings.iter_mut() {
        if f.primary.file == file && f.severity == crate::diag::Severity::Error {
            f.notes.push(said.clone());
            noted = true;
            break;
        }
    }
    if !noted {
        cx.push(Finding::new(
            Rule::HS008,
            file,
            None,
            msg!("không đọc được bộ quy tắc (phong_trao) của hồ sơ: các quy tắc theo quy định chưa được kiểm tra";
                 "the dossier's rule set (phong_trao) could not be read: the rules of the law were not checked"),
        ));
    }
}

/// The proposal's date must fall in the period of the procedure the rule set follows: a 2026
/// dossier cannot be checked against a decree repealed in 2024. A date after today is NG007's,
/// not judged here.
fn in_force(cx: &mut Ctx<'_>, catalog: &Catalog, rs: &RuleSet) {
    let Some(v) = &rs.validity else { return };
    let Some(ngay) = cx.d.to_trinh.as_ref().and_then(|t| t.ngay.as_ref()) else {
        return;
    };
    if v.contains(ngay.v) || ngay.v > cx.today {
        return;
    }
    let pt = cx.d.ho_so.as_ref().and_then(|h| h.phong_trao.as_ref());
    // Said as `criteria` says it: "01/10/2017 – 31/12/2023", or "từ 01/07/2025" when open.
    let period = v.period();
    let mut f = Finding::new(
        Rule::HS016,
        cx.to_trinh_file(),
        Some(ngay.at),
        msg!("tờ trình ngày {} nằm ngoài thời gian áp dụng của bộ quy tắc {} ({})", ngay.v.dmy(), rs.id, period.vi;
             "the proposal is dated {}, outside the period of rule set {} ({})", ngay.v, rs.id, period.en),
    )
    .note(msg!("căn cứ: {}", v.can_cu; "basis: {}", v.can_cu));
    if let Some(pt) = pt {
        f = f.also(
            cx.ho_so_file(),
            Some(pt.at),
            msg!("bộ quy tắc được chọn ở đây"; "the rule set chosen here"),
        );
    }
    let right: Vec<&str> = catalog.in_force(ngay.v).map(|s| s.id.as_str()).collect();
    f = match right.as_slice() {
        [] => f.help(msg!("không bộ quy tắc nào có sẵn áp dụng cho ngày {}; kiểm tra lại ngày của tờ trình, hoặc dùng bộ quy tắc của địa phương (--criteria)", ngay.v.dmy();
                          "no rule set at hand applies on {}; check the proposal's date, or use your office's rule set (--criteria)", ngay.v)),
        ids => {
            let ids = ids.join("`, `");
            if rs.kind == SetKind::PhongTrao {
                f.help(msg!("vào ngày {} thủ tục đang áp dụng là \"{}\": phong trào này không còn áp dụng, hãy dùng bộ quy tắc của phong trào hiện hành hoặc ghi \"phong_trao: {}\"", ngay.v.dmy(), ids, ids;
                            "on {} the procedure in force is `{}`: this campaign no longer applies; use the current campaign's rule set or write `phong_trao: {}`", ngay.v, ids, ids))
            } else {
                f.help(msg!("vào ngày {} bộ quy tắc đang áp dụng là \"{}\": ghi \"phong_trao: {}\" trong {}", ngay.v.dmy(), ids, ids, cx.ho_so_file();
                            "on {} the rule set in force is `{}`: write `phong_trao: {}` in {}", ngay.v, ids, ids, cx.ho_so_file()))
            }
        }
    };
    let reading = if ngay.v < v.from {
        v.from_reading
    } else {
        v.to_reading
    };
    cx.push(f.on_reading(reading));
}

/// HS023: the proposal is dated on or after the day a text the rule set has not read takes
/// effect (an amending law) or a decree is reported to end: the checks still run, but "đạt"
/// would claim more than was read. One warning per such text, the latest first in the file's
/// order; a date after today is NG007's.
fn unread_change(cx: &mut Ctx<'_>, rs: &RuleSet) {
    let Some(ngay) = cx.d.to_trinh.as_ref().and_then(|t| t.ngay.as_ref()) else {
        return;
    };
    if ngay.v > cx.today {
        return;
    }
    let file = cx.to_trinh_file().to_owned();
    for u in rs.unread.iter().filter(|u| ngay.v >= u.from) {
        cx.push(
            Finding::new(
                Rule::HS023,
                &file,
                Some(ngay.at),
                msg!("tờ trình ngày {}, từ ngày {}: {}; bộ quy tắc {} chưa đối chiếu với văn bản này, nên kết quả kiểm tra có thể không đúng quy định hiện hành", ngay.v.dmy(), u.from.dmy(), u.text, rs.id;
                     "the proposal is dated {}, on or after {}: {}; rule set {} has not been checked against that text, so this check may not match the law in force", ngay.v, u.from, u.text, rs.id),
            )
            .note(msg!("căn cứ: {}", u.can_cu; "basis: {}", u.can_cu))
            .help(msg!("đối chiếu hồ sơ với văn bản mới trước khi gửi, hoặc kiểm tra bằng bộ quy tắc của cơ quan đã đọc văn bản đó (--criteria, hoặc phong_trao trong ho-so.yaml)";
                       "check the dossier against the new text before sending it, or check it with the rule set of an office that has read that text (--criteria, or phong_trao in ho-so.yaml)")),
        );
    }
}

/// A required file that is not there. When a file in the folder is that file under another
/// name ("Copy of to-trinh.yaml", "to-trinh.yaml.txt"), the advice is to rename it, not to
/// write the file again from the template; for a bundle received from elsewhere, both are the
/// sender's to do.
fn missing_component(cx: &Ctx<'_>, file: &str, vi: &str, en: &str) -> Finding {
    let received = cx.store.received();
    if let Some(other) = copies::stand_in(&cx.d.files, file) {
        let shown = shown_name(other);
        let f = Finding::new(
            Rule::HS001,
            other,
            None,
            msg!("hồ sơ thiếu {}, nhưng có tệp \"{}\" mang tên gần giống", vi, shown;
                 "the dossier lacks {}, but there is a file \"{}\" with a name close to it", en, shown),
        )
        .note(msg!("chương trình chỉ đọc tệp có tên đúng là {}", file;
                   "only a file named exactly {} is read", file));
        return if received {
            f.help(msg!("đề nghị nơi gửi đổi tên tệp \"{}\" thành {} rồi đóng gói lại bằng lệnh dossier pack", shown, file;
                        "ask the sender to rename \"{}\" to {} and pack the dossier again with dossier pack", shown, file))
        } else {
            f.help(msg!("đổi tên tệp \"{}\" thành {}", shown, file;
                        "rename \"{}\" to {}", shown, file))
        };
    }
    let name = file.trim_end_matches('/');
    if file.ends_with(".yaml") && matches!(cx.store.kind(name), Kind::Dir) {
        // A folder where the file belongs: an archive tool unpacked into it, or it was made
        // by mistake. The file may be inside it.
        return Finding::new(
            Rule::HS001,
            file,
            None,
            msg!("hồ sơ thiếu {}: \"{}\" ở đây là thư mục, không phải tệp", vi, file;
                 "the dossier lacks {}: \"{}\" here is a folder, not a file", en, file),
        )
        .help(msg!("nếu tệp {} nằm trong thư mục đó, chuyển tệp ra ngoài thay cho thư mục; nếu không, đổi tên thư mục đó rồi thêm tệp {} theo mẫu (xem examples/)", file, file;
                   "if {} is inside that folder, move it out in the folder's place; if not, rename that folder and add {} following the format (see examples/)", file, file));
    }
    let f = Finding::new(
        Rule::HS001,
        file,
        None,
        msg!("hồ sơ thiếu {}", vi; "the dossier lacks {}", en),
    );
    if received {
        f.help(
            msg!("đề nghị nơi gửi bổ sung {} rồi đóng gói lại bằng lệnh dossier pack", file;
                    "ask the sender to add {} and pack the dossier again with dossier pack", file),
        )
    } else {
        f.help(msg!("thêm tệp {} theo mẫu (xem examples/)", file; "add {} following the format (see examples/)", file))
    }
}

fn resolve<'a>(
    cx: &mut Ctx<'a>,
    catalog: &'a Catalog,
    external: Option<&'a RuleSet>,
) -> Option<&'a RuleSet> {
    let pt = cx.d.ho_so.as_ref()?.phong_trao.as_ref()?;
    if let Some(rs) = catalog.get(&pt.v).or(external) {
        return Some(rs);
    }
    // A path that failed to load already has its TC001 findings.
    if cx.sink.findings.iter().any(|f| f.rule == Rule::TC001) {
        return None;
    }
    let ids: Vec<&str> = catalog.sets.iter().map(|s| s.id.as_str()).collect();
    let v = pt.v.trim();
    let named = catalog.named(&pt.v);
    if matches!(named, Named::File(_) | Named::Outside) {
        // A path that was not loaded: say why, not "no such campaign".
        let rel = match &named {
            Named::File(rel) => rel.clone(),
            _ => String::new(),
        };
        let put_it = msg!("đặt tệp bộ quy tắc vào thư mục hồ sơ và ghi đường dẫn tương đối, ví dụ \"phong_trao: quy-tac.yaml\"; hoặc ghi mã một bộ quy tắc có sẵn: {}", ids.join(", ");
                          "put the rule-set file in the dossier folder and give its relative path, e.g. `phong_trao: quy-tac.yaml`; or give the id of a built-in rule set: {}", ids.join(", "));
        let (message, help) = if matches!(named, Named::Outside) {
            (
                msg!("tệp bộ quy tắc \"{}\" nằm ngoài thư mục hồ sơ: bộ quy tắc riêng phải là tệp nằm trong thư mục hồ sơ, đi cùng hồ sơ", v;
                     "the rule-set file \"{}\" is outside the dossier folder: a rule set of your own must be a file inside the dossier folder, travelling with it", v),
                put_it,
            )
        } else {
            match cx.store.kind(&rel) {
                Kind::Dir => (
                    msg!("\"{}\" là thư mục, không phải tệp: trường phong_trao phải ghi mã một bộ quy tắc có sẵn, hoặc đường dẫn tới một tệp bộ quy tắc", v;
                         "\"{}\" is a folder, not a file: phong_trao takes the id of a built-in rule set, or the path of a rule-set file", v),
                    msg!("ghi đường dẫn tới chính tệp bộ quy tắc trong thư mục đó, ví dụ \"phong_trao: {}/quy-tac.yaml\"; hoặc ghi mã một bộ quy tắc có sẵn: {}", rel, ids.join(", ");
                         "give the path of the rule-set file itself in that folder, e.g. `phong_trao: {}/quy-tac.yaml`; or give the id of a built-in rule set: {}", rel, ids.join(", ")),
                ),
                Kind::OutsideLink => (
                    msg!("tệp bộ quy tắc \"{}\" là liên kết trỏ ra ngoài hồ sơ (hoặc trỏ tới tệp không còn): bộ quy tắc phải đi cùng hồ sơ, nên chương trình không đọc tệp ở nơi liên kết trỏ tới", v;
                         "the rule-set file \"{}\" is a link leading out of the dossier (or to nothing): a rule set must travel with its dossier, so the file the link leads to is not read", v),
                    msg!("thay liên kết bằng bản sao thật của tệp bộ quy tắc, đặt trong thư mục hồ sơ";
                         "replace the link with a real copy of the rule-set file, inside the dossier folder"),
                ),
                _ => (
                    msg!("không có tệp bộ quy tắc \"{}\" trong thư mục hồ sơ", v;
                         "there is no rule-set file \"{}\" in the dossier folder", v),
                    put_it,
                ),
            }
        };
        let f = Finding::new(Rule::HS008, cx.ho_so_file(), Some(pt.at), message).help(help);
        cx.push(f);
        return None;
    }
    let mut f = Finding::new(
        Rule::HS008,
        cx.ho_so_file(),
        Some(pt.at),
        msg!("không có phong trào thi đua \"{}\"; các phong trào có: {}", pt.v, ids.join(", ");
             "no campaign \"{}\"; known campaigns: {}", pt.v, ids.join(", ")),
    );
    f = match did_you_mean(&pt.v, &ids) {
        Some(s) => f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s)),
        None => f.help(msg!("ghi mã phong trào đúng như trong kế hoạch thi đua, hoặc đường dẫn tới tệp bộ tiêu chí";
                            "write the campaign id as in the plan, or a path to a rule-set file")),
    };
    cx.push(f);
    None
}

fn components(cx: &mut Ctx<'_>, rs: Option<&RuleSet>) {
    let d = cx.d;
    let proposal = rs.map(|r| &r.procedure.proposal);
    if proposal.is_none_or(|p| p.required) && d.to_trinh_file.is_none() {
        let f = missing_component(
            cx,
            "to-trinh.yaml",
            "tờ trình đề nghị khen thưởng (to-trinh.yaml)",
            "the proposal (to-trinh.yaml)",
        );
        cx.push(f.on_reading(proposal.is_some_and(|p| p.reading)));
    }
    if let Some(rs) = rs {
        let minutes = &rs.procedure.minutes;
        if minutes.required && d.bien_ban_file.is_none() {
            let basis = minutes.can_cu.clone();
            let f = missing_component(cx, "bien-ban.yaml", "biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng (bien-ban.yaml)", "the minutes of the council's review meeting (bien-ban.yaml)");
            cx.push(
                f.note(msg!("căn cứ: {}", basis; "basis: {}", basis))
                    .on_reading(minutes.reading),
            );
        }
    }
    let reports = rs.map(|r| &r.procedure.reports);
    // A `bao-cao/` linked out of the dossier is not walked: HS020 says so at the link, and
    // "add the reports" would be the wrong advice.
    if reports.is_none_or(|r| r.required)
        && d.report_files.is_empty()
        && !matches!(cx.store.kind("bao-cao"), Kind::OutsideLink)
    {
        // One finding for the missing folder, naming each file it needs: the nominees' own
        // "no report" findings (DS001) would say the same thing once per name.
        let ids: Vec<String> = d
            .to_trinh
            .iter()
            .flat_map(|t| &t.danh_sach)
            .filter_map(|n| n.ma.as_ref().map(|m| format!("bao-cao/{}.yaml", m.v)))
            .collect();
        let mut f = missing_component(
            cx,
            "bao-cao/",
            "báo cáo thành tích (thư mục bao-cao/, mỗi người một tệp <ma>.yaml)",
            "achievement reports (bao-cao/<ma>.yaml, one per nominee)",
        );
        if !ids.is_empty() && !cx.store.received() {
            f.help = Some(
                msg!("thêm báo cáo thành tích của từng người trong danh sách: {}", ids.join(", ");
                               "add the achievement report of each nominee on the list: {}", ids.join(", ")),
            );
        }
        cx.push(f.on_reading(reports.is_some_and(|r| r.reading)));
    }
}

fn form_and_kind(cx: &mut Ctx<'_>, rs: &RuleSet) {
    let Some(h) = cx.d.ho_so.as_ref() else { return };
    let file = cx.ho_so_file().to_owned();
    let Some(ht) = h.hinh_thuc.as_ref() else {
        return;
    };
    let Some(form) = rs.form(&ht.v) else {
        let ids: Vec<&str> = rs.forms.iter().map(|f| f.id.as_str()).collect();
        let mut f = Finding::new(
            Rule::HS009,
            &file,
            Some(ht.at),
            msg!("phong trào {} không có hình thức khen thưởng \"{}\"; các hình thức có: {}", rs.id, ht.v, ids.join(", ");
                 "campaign {} has no award form \"{}\"; its forms: {}", rs.id, ht.v, ids.join(", ")),
        );
        if let Some(s) = did_you_mean(&ht.v, &ids) {
            f = f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s));
        }
        cx.push(f);
        return;
    };
    // The form's kinds are the rule set's list of the Law's cases: read at second hand, each
    // kind says so (`dien_giai`), and a finding on them only warns.
    let reading = form
        .kinds
        .iter()
        .any(|k| rs.award_kind(k).is_some_and(|k| k.reading));
    match (&h.loai_khen, form.kinds.is_empty()) {
        (None, false) => cx.push(
            Finding::new(
                Rule::HS012,
                &file,
                h.anchor,
                msg!("hình thức \"{}\" cần ghi loại khen thưởng \"loai_khen\" ({})", form.ten, form.kinds.join(" hoặc ");
                     "award form \"{}\" needs `loai_khen` ({})", form.ten, form.kinds.join(" or ")),
            )
            .note(msg!("căn cứ: {}", form.can_cu; "basis: {}", form.can_cu))
            .help(msg!("thêm dòng \"loai_khen: {}\"", form.kinds.join("` hoặc `loai_khen: "); "add `loai_khen: {}`", form.kinds.join("` or `loai_khen: ")))
            .on_reading(reading),
        ),
        (Some(k), true) => cx.push(
            Finding::new(
                Rule::HS012,
                &file,
                Some(k.at),
                msg!("hình thức \"{}\" không chia loại khen thưởng; không ghi \"loai_khen\"", form.ten;
                     "award form \"{}\" has no kinds; `loai_khen` does not apply", form.ten),
            )
            .help(msg!("xóa dòng \"loai_khen\""; "remove the `loai_khen` line")),
        ),
        (Some(k), false) if !form.kinds.contains(&k.v) => cx.push(
            Finding::new(
                Rule::HS012,
                &file,
                Some(k.at),
                msg!("loại khen thưởng \"{}\" không có ở hình thức \"{}\"; chỉ được ghi: {}", k.v, form.ten, form.kinds.join(", ");
                     "award kind \"{}\" is not a kind of \"{}\"; allowed: {}", k.v, form.ten, form.kinds.join(", ")),
            )
            .note(msg!("căn cứ: {}", form.can_cu; "basis: {}", form.can_cu))
            .on_reading(reading),
        ),
        _ => {}
    }
}
