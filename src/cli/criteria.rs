//! `dossier criteria [ID]`: the rule sets a clerk can choose from, and everything one of them
//! holds (levels, forms and who grants them, kinds of award and of nominee, components, vote
//! thresholds), each with its legal basis, so that she can see on what the checker judges her
//! dossier without reading YAML.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::setup::{self, Start};
use super::{CriteriaArgs, DocFormat, Exit};
use crate::criteria::{Catalog, Requirement, RuleSet, SetKind, Threshold};
use crate::date::Date;
use crate::diag::{Lang, Msg};
use crate::msg;

/// `dossier criteria`.
pub(super) fn run(
    a: &CriteriaArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    // The office's settings are looked for from where the clerk stands, as for a dossier there.
    let Start { today, catalog, .. } =
        match setup::start(&a.settings, std::path::Path::new("."), lang, out, err)? {
            Ok(s) => s,
            Err(exit) => return Ok(exit),
        };
    let Some(id) = &a.id else {
        return list(&catalog, today, a.format, lang, out);
    };
    let Some(rs) = rule_set_or_say(&catalog, id, lang, err)? else {
        return Ok(Exit::Trouble);
    };
    match a.format {
        DocFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &detail_json(rs, today))?;
            writeln!(out)?;
        }
        DocFormat::Human => detail(rs, today, lang, out)?,
    }
    Ok(Exit::Clean)
}

/// The rule set of an id given on the command line; when there is none, says so on `err` with
/// the ids there are (`criteria ID`, `explain --phong-trao ID`).
pub(super) fn rule_set_or_say<'c>(
    catalog: &'c Catalog,
    id: &str,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<&'c RuleSet>> {
    if let Some(rs) = catalog.get(id) {
        return Ok(Some(rs));
    }
    let ids = catalog
        .sets
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let known: Vec<String> = catalog.sets.iter().map(|s| s.id.clone()).collect();
    let m = if id.trim().is_empty() {
        msg!("chưa ghi mã bộ quy tắc (để trống); các bộ có: {ids}"; "no rule-set id given (it is empty); the rule sets: {ids}")
    } else if let Some(n) = crate::edit::near(id, &known) {
        msg!("không có bộ quy tắc \"{id}\". Có phải là \"{n}\"? Các bộ có: {ids}"; "no rule set \"{id}\". Did you mean \"{n}\"? The rule sets: {ids}")
    } else {
        msg!("không có bộ quy tắc \"{id}\"; các bộ có: {ids}"; "no rule set \"{id}\"; the rule sets: {ids}")
    };
    super::say_error(err, lang, &m)?;
    Ok(None)
}

fn in_force(rs: &RuleSet, today: Date) -> bool {
    rs.validity.as_ref().is_some_and(|v| v.contains(today))
}

fn kind_word(k: SetKind, lang: Lang) -> String {
    let m = match k {
        SetKind::ThuTuc => msg!("thủ tục"; "procedure"),
        SetKind::PhongTrao => msg!("phong trào"; "campaign"),
    };
    m.get(lang).to_owned()
}

fn period(rs: &RuleSet, lang: Lang) -> String {
    let m = match &rs.validity {
        None => msg!("không ghi thời hạn"; "no period"),
        Some(v) => v.period(),
    };
    m.get(lang).to_owned()
}

fn list(
    catalog: &Catalog,
    today: Date,
    format: DocFormat,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    if format == DocFormat::Json {
        let v: Vec<Value> = catalog
            .sets
            .iter()
            .map(|rs| {
                json!({
                    "id": rs.id,
                    "name": rs.ten,
                    "kind": kind_id(rs.kind),
                    "procedure": rs.base,
                    "from": rs.validity.as_ref().map(|v| v.from.to_string()),
                    "to": rs.validity.as_ref().and_then(|v| v.to.map(|t| t.to_string())),
                    "in_force_today": in_force(rs, today),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(Exit::Clean);
    }
    for rs in &catalog.sets {
        let mark = if in_force(rs, today) {
            msg!("  ← đang áp dụng"; "  ← in force today")
        } else {
            msg!(""; "")
        };
        let over = match &rs.base {
            Some(b) => msg!(", theo {b}"; ", over {b}"),
            None => msg!(""; ""),
        };
        let (mark, over) = (mark.get(lang), over.get(lang));
        writeln!(
            out,
            "{:<22} {}{}, {}{}",
            rs.id,
            kind_word(rs.kind, lang),
            over,
            period(rs, lang),
            mark
        )?;
        writeln!(out, "{:<22} {}", "", rs.ten)?;
    }
    let example = catalog
        .in_force(today)
        .next()
        .or_else(|| catalog.sets.first())
        .map_or("", |rs| rs.id.as_str());
    let m = msg!(
        "\nXem chi tiết một bộ: lệnh dossier criteria, tiếp theo là mã của bộ (ví dụ dossier criteria {example}). Ngày hôm nay: {}.", today.dmy();
        "\nDetails of one: dossier criteria followed by its id (dossier criteria {example}, say). Today: {today}."
    );
    writeln!(out, "{}", m.get(lang))?;
    Ok(Exit::Clean)
}

fn kind_id(k: SetKind) -> &'static str {
    match k {
        SetKind::ThuTuc => "thu_tuc",
        SetKind::PhongTrao => "phong_trao",
    }
}

/// "bắt buộc" / "không bắt buộc", with the reading mark.
fn required(r: &Requirement, lang: Lang) -> String {
    let word = if r.required {
        msg!("bắt buộc"; "required")
    } else {
        msg!("không bắt buộc"; "not required")
    };
    format!("{}{}", word.get(lang), reading(r.reading, lang))
}

fn reading(r: bool, lang: Lang) -> String {
    let m = if r {
        msg!(" (diễn giải của dự án: chỉ cảnh báo)"; " (the project's reading: warnings only)")
    } else {
        msg!(""; "")
    };
    m.get(lang).to_owned()
}

fn threshold(t: &Threshold, what_vi: &str, what_en: &str, lang: Lang) -> String {
    let cmp = if t.ratio.strict {
        msg!("hơn"; "more than")
    } else {
        msg!("ít nhất"; "at least")
    };
    let base = if t.ratio.of_present {
        msg!("số thành viên có mặt"; "of the members present")
    } else {
        msg!("tổng số thành viên"; "of all members")
    };
    let (fraction, reading) = (t.ratio.fraction(), reading(t.reading, lang));
    let m = msg!(
        "{what_vi}: {} {fraction} {}{reading}", cmp.vi, base.vi;
        "{what_en}: {} {fraction} {}{reading}", cmp.en, base.en
    );
    m.get(lang).to_owned()
}

/// A citation of the rule set after its label. Rule sets cite in Vietnamese only: in English the
/// text is quoted and said to be Vietnamese, as `explain` does.
fn cited(label: &Msg, text: &str, lang: Lang) -> String {
    msg!("{}: {text}", label.vi; "{} (in Vietnamese): \"{text}\"", label.en)
        .get(lang)
        .to_owned()
}

fn detail(rs: &RuleSet, today: Date, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} — {}", rs.id, rs.ten)?;
    let over = rs.base.as_ref().map_or_else(String::new, |b| {
        msg!(", theo thủ tục {b}"; ", over procedure {b}")
            .get(lang)
            .to_owned()
    });
    let mark = if in_force(rs, today) {
        msg!(" (đang áp dụng hôm nay)"; " (in force today)")
            .get(lang)
            .to_owned()
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {}{}; {}: {}{}",
        msg!("Loại"; "Kind").get(lang),
        kind_word(rs.kind, lang),
        over,
        msg!("áp dụng"; "applies").get(lang),
        period(rs, lang),
        mark
    )?;
    writeln!(out, "{}", cited(&msg!("Căn cứ"; "Basis"), &rs.can_cu, lang))?;
    if let Some(v) = &rs.validity {
        writeln!(
            out,
            "{}{}",
            cited(
                &msg!("Căn cứ thời hạn"; "Basis of the period"),
                &v.can_cu,
                lang
            ),
            match (v.from_reading, v.to_reading) {
                (true, true) => reading(true, lang),
                (true, false) => msg!(
                    " (ngày bắt đầu là diễn giải của dự án: chỉ cảnh báo)";
                    " (the first day is the project's reading: warnings only)"
                )
                .get(lang)
                .to_owned(),
                (false, true) => msg!(
                    " (ngày kết thúc là diễn giải của dự án: chỉ cảnh báo)";
                    " (the last day is the project's reading: warnings only)"
                )
                .get(lang)
                .to_owned(),
                (false, false) => String::new(),
            }
        )?;
    }
    if let Some(d) = rs.thanh_tich_tu {
        writeln!(
            out,
            "{}: {} — {}",
            msg!("Thành tích tính từ"; "Achievements count from").get(lang),
            Msg::new(d.dmy(), d.to_string()).get(lang),
            {
                let c = &rs.thanh_tich_tu_can_cu;
                msg!("{c}"; "basis (in Vietnamese): \"{c}\"")
                    .get(lang)
                    .to_owned()
            }
        )?;
    }

    writeln!(
        out,
        "\n{}",
        msg!("Thành phần hồ sơ"; "Components").get(lang)
    )?;
    let p = &rs.procedure;
    for (name, r) in [
        (
            msg!("tờ trình kèm danh sách"; "the proposal with its list").get(lang),
            &p.proposal,
        ),
        (
            msg!("biên bản họp Hội đồng"; "the council's minutes").get(lang),
            &p.minutes,
        ),
        (
            msg!("báo cáo thành tích"; "the achievement reports").get(lang),
            &p.reports,
        ),
        (
            msg!("xác nhận của báo cáo"; "the reports' confirmation").get(lang),
            &p.confirmation,
        ),
    ] {
        writeln!(out, "  {name}: {}", required(r, lang))?;
        if !r.can_cu.is_empty() {
            writeln!(
                out,
                "    {}",
                cited(&msg!("căn cứ"; "basis"), &r.can_cu, lang)
            )?;
        }
    }

    writeln!(out, "\n{}", msg!("Cấp khen thưởng"; "Levels").get(lang))?;
    for l in &rs.levels {
        let copies = match l.copies {
            Some(1) => msg!("01 bộ"; "1 copy"),
            Some(n) => msg!("{n:02} bộ"; "{n} copies"),
            None => msg!("lưu tại đơn vị"; "kept by the unit"),
        };
        let copies = copies.get(lang);
        writeln!(
            out,
            "  {:<10} {} — {} → {}{}",
            l.id,
            l.ten,
            copies,
            l.office,
            reading(l.reading, lang)
        )?;
        writeln!(
            out,
            "             {}",
            cited(&msg!("căn cứ"; "basis"), &l.can_cu, lang)
        )?;
    }

    writeln!(
        out,
        "\n{}",
        msg!("Hình thức khen thưởng"; "Award forms").get(lang)
    )?;
    for f in &rs.forms {
        writeln!(out, "  {} — {}", f.id, f.ten)?;
        writeln!(out, "    {}: {}", msg!("cấp"; "level").get(lang), f.level)?;
        if let Some(a) = &f.authority {
            writeln!(
                out,
                "    {}: {}",
                msg!("người quyết định"; "granted by").get(lang),
                a
            )?;
        }
        if !f.kinds.is_empty() {
            writeln!(
                out,
                "    {}: {}",
                msg!("loại khen (--loai-khen)"; "kinds of award (--loai-khen)").get(lang),
                f.kinds.join(", ")
            )?;
        }
        if !f.types.is_empty() {
            let words: Vec<String> = f
                .types
                .iter()
                .map(|x| Msg::new(x.vi(), x.en()).get(lang).to_owned())
                .collect();
            writeln!(
                out,
                "    {}: {}",
                msg!("chỉ tặng cho"; "only to").get(lang),
                words.join(", ")
            )?;
        }
        if !f.nominee_kinds.is_empty() {
            writeln!(
                out,
                "    {}: {}",
                msg!("chỉ cho đối tượng"; "only to kinds").get(lang),
                f.nominee_kinds.join(", ")
            )?;
        }
        writeln!(
            out,
            "    {}",
            cited(&msg!("căn cứ"; "basis"), &f.can_cu, lang)
        )?;
    }

    if !rs.award_kinds.is_empty() {
        writeln!(
            out,
            "\n{}",
            msg!("Loại khen thưởng"; "Kinds of award").get(lang)
        )?;
        for k in &rs.award_kinds {
            let rec = if k.needs_recognition {
                msg!(" (báo cáo phải ghi văn bản ghi nhận, ở trường \"ghi_nhan\")"; " (reports must name the recognising document, under \"ghi_nhan\")").get(lang).to_owned()
            } else {
                String::new()
            };
            writeln!(out, "  {} — {}{}", k.id, k.ten, rec)?;
            writeln!(
                out,
                "    {}",
                cited(&msg!("căn cứ"; "basis"), &k.can_cu, lang)
            )?;
        }
    }

    writeln!(
        out,
        "\n{}",
        msg!("Đối tượng khen thưởng"; "Kinds of nominee").get(lang)
    )?;
    for k in &rs.nominee_kinds {
        let words: Vec<String> = k
            .types
            .iter()
            .map(|x| Msg::new(x.vi(), x.en()).get(lang).to_owned())
            .collect();
        // "Cá nhân (cá nhân)" says nothing twice: the types only where the name does not.
        if words.len() == 1 && k.ten.to_lowercase() == words[0].to_lowercase() {
            writeln!(out, "  {} — {}", k.id, k.ten)?;
        } else {
            writeln!(out, "  {} — {} ({})", k.id, k.ten, words.join(", "))?;
        }
        writeln!(
            out,
            "    {}",
            cited(&msg!("căn cứ"; "basis"), &k.can_cu, lang)
        )?;
        for s in &k.standards {
            let opt = if s.required {
                String::new()
            } else {
                msg!(" (không bắt buộc)"; " (optional)")
                    .get(lang)
                    .to_owned()
            };
            writeln!(
                out,
                "    {}: {}{}{}",
                s.id,
                s.text,
                opt,
                reading(s.reading, lang)
            )?;
            writeln!(
                out,
                "      {}",
                cited(&msg!("căn cứ"; "basis"), &s.can_cu, lang)
            )?;
        }
        if k.standards.is_empty() {
            writeln!(
                out,
                "    {}",
                msg!("không có tiêu chuẩn: báo cáo không cần trường \"tieu_chuan\""; "no standards: reports need no \"tieu_chuan\"").get(lang)
            )?;
        }
    }

    writeln!(
        out,
        "\n{}",
        msg!("Biểu quyết của Hội đồng"; "The council's vote").get(lang)
    )?;
    match (&rs.voting.quorum, &rs.voting.approval) {
        (None, None) => writeln!(
            out,
            "  {}",
            msg!("không có ngưỡng: biên bản (nếu có) chỉ được kiểm tra số có mặt không quá số thành viên, số phiếu không quá số có mặt"; "no thresholds: minutes, when present, are checked only for present <= members and votes <= present").get(lang)
        )?,
        (q, a) => {
            for (th, v, e) in [
                (q, "có mặt", "present"),
                (a, "tán thành", "in favour"),
            ] {
                if let Some(th) = th {
                    writeln!(out, "  {}", threshold(th, v, e, lang))?;
                    writeln!(out, "    {}", cited(&msg!("căn cứ"; "basis"), &th.can_cu, lang))?;
                }
            }
        }
    }
    if let Some((f, k)) = &rs.defaults {
        let k = k.as_deref().map_or_else(String::new, |k| format!(", {k}"));
        writeln!(
            out,
            "\n{}: {f}{k}",
            msg!("Lệnh dossier init mặc định chọn"; "What dossier init chooses by default")
                .get(lang)
        )?;
    }
    Ok(())
}

fn req_json(r: &Requirement) -> Value {
    json!({ "required": r.required, "basis": r.can_cu, "project_reading": r.reading })
}

fn threshold_json(t: Option<&Threshold>) -> Value {
    t.map_or(Value::Null, |t| {
        json!({
            "numerator": t.ratio.num,
            "denominator": t.ratio.den,
            "strict": t.ratio.strict,
            "of": if t.ratio.of_present { "present" } else { "members" },
            "basis": t.can_cu,
            "project_reading": t.reading,
        })
    })
}

fn detail_json(rs: &RuleSet, today: Date) -> Value {
    let p = &rs.procedure;
    json!({
        "id": rs.id,
        "name": rs.ten,
        "kind": kind_id(rs.kind),
        "procedure": rs.base,
        "basis": rs.can_cu,
        "validity": rs.validity.as_ref().map(|v| json!({
            "from": v.from.to_string(),
            "to": v.to.map(|t| t.to_string()),
            "basis": v.can_cu,
            "from_is_project_reading": v.from_reading,
            "to_is_project_reading": v.to_reading,
        })),
        "in_force_today": in_force(rs, today),
        "achievements_from": rs.thanh_tich_tu.map(|d| d.to_string()),
        "components": {
            "to_trinh": req_json(&p.proposal),
            "bien_ban": req_json(&p.minutes),
            "bao_cao": req_json(&p.reports),
            "xac_nhan": req_json(&p.confirmation),
        },
        "levels": rs.levels.iter().map(|l| json!({
            "id": l.id, "name": l.ten, "copies": l.copies, "office": l.office,
            "basis": l.can_cu, "project_reading": l.reading,
        })).collect::<Vec<_>>(),
        "forms": rs.forms.iter().map(|f| json!({
            "id": f.id, "name": f.ten, "level": f.level, "authority": f.authority,
            "award_kinds": f.kinds, "nominee_kinds": f.nominee_kinds,
            "nominee_types": f.types.iter().map(|t| t.id()).collect::<Vec<_>>(),
            "basis": f.can_cu,
        })).collect::<Vec<_>>(),
        "award_kinds": rs.award_kinds.iter().map(|k| json!({
            "id": k.id, "name": k.ten, "needs_recognition": k.needs_recognition, "basis": k.can_cu,
        })).collect::<Vec<_>>(),
        "nominee_kinds": rs.nominee_kinds.iter().map(|k| json!({
            "id": k.id, "name": k.ten,
            "types": k.types.iter().map(|t| t.id()).collect::<Vec<_>>(),
            "basis": k.can_cu,
            "standards": k.standards.iter().map(|s| json!({
                "id": s.id, "text": s.text, "required": s.required, "basis": s.can_cu,
                "project_reading": s.reading,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "voting": {
            "quorum": threshold_json(rs.voting.quorum.as_ref()),
            "approval": threshold_json(rs.voting.approval.as_ref()),
        },
        "defaults": rs.defaults.as_ref().map(|(f, k)| json!({ "form": f, "award_kind": k })),
    })
}
