//! `dossier init`: a new dossier folder from the templates, for one campaign and award form.
//!
//! A clerk starting a dossier should not have to learn the format from the documentation: the
//! files written here say, above every field, what to write there, and hold one example nominee
//! whose report already lists every standard of its kind. The result is a dossier the checker
//! reads without any finding other than the placeholders still to fill (HS015); see the
//! module documentation of [`crate::edit`] for the placeholder convention.

use std::path::{Path, PathBuf};

use super::files::{self, stage_new};
use super::template::{self, Nominee};
use super::{EditError, Field};
use crate::criteria::{Catalog, Form, NomineeKind, NomineeType, RuleSet};
use crate::date::Date;
use crate::diag::Msg;
use crate::msg;

/// What the new dossier is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitOptions {
    /// Rule-set id (`phong_trao`).
    pub campaign: String,
    /// Award form id (`hinh_thuc`).
    pub form: String,
    /// Kind of award (`loai_khen`): required where the form has kinds, refused where it has none.
    pub kind: Option<String>,
    /// Kind of nominee (`doi_tuong`) of the example nominee; by default the first kind the form
    /// may go to that admits individuals (the common case), else the first kind.
    pub nominee_kind: Option<String>,
    /// Today: the sample dates fall on it (kept inside the rule set's period).
    pub today: Date,
}

/// What `dossier init` chose where it was not told.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chosen {
    /// The rule set was the one in force today.
    pub campaign: bool,
    /// The form (and its kind of award) were the rule set's defaults.
    pub form: bool,
    /// The kind of award was the rule set's default, for a form the clerk chose.
    pub kind: bool,
}

/// Fill in what the clerk did not give: the procedure in force `today`, then that rule set's
/// default form and kind of award (`mac_dinh`). A form given without a kind it needs is not
/// guessed: [`init`] names the flag.
pub fn choose(
    catalog: &Catalog,
    campaign: Option<&str>,
    form: Option<&str>,
    kind: Option<&str>,
    today: Date,
) -> Result<(InitOptions, Chosen), EditError> {
    let mut chosen = Chosen::default();
    let campaign = match campaign {
        Some(c) => c.to_owned(),
        None => {
            chosen.campaign = true;
            catalog
                .in_force(today)
                .next()
                .map(|s| s.id.clone())
                .ok_or_else(|| EditError::Required {
                    what: Field::Campaign,
                    known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
                })?
        }
    };
    let (form, kind) = match form {
        // A form without its kind takes the rule set's default kind when that form has it, as
        // `dossier criteria` says ("init chooses by default: …"); otherwise init names the flag.
        Some(f) if kind.is_none() => {
            let default = catalog.get(&campaign).and_then(|rs| {
                let (_, k) = rs.defaults.as_ref()?;
                let k = k.as_ref()?;
                rs.form(f)?.kinds.contains(k).then(|| k.clone())
            });
            chosen.kind = default.is_some();
            (f.to_owned(), default)
        }
        Some(f) => (f.to_owned(), kind.map(str::to_owned)),
        None => {
            let Some(rs) = catalog.get(&campaign) else {
                return Err(EditError::Unknown {
                    what: Field::Campaign,
                    value: campaign,
                    known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
                });
            };
            let Some((f, k)) = &rs.defaults else {
                return Err(EditError::Required {
                    what: Field::Form,
                    known: rs.forms.iter().map(|f| f.id.clone()).collect(),
                });
            };
            chosen.form = true;
            (f.clone(), kind.map(str::to_owned).or_else(|| k.clone()))
        }
    };
    Ok((
        InitOptions {
            campaign,
            form,
            kind,
            nominee_kind: None,
            today,
        },
        chosen,
    ))
}

/// Write a new dossier into `dir` (created if needed); the files written, in order.
///
/// Refuses, before writing anything, values the catalog does not have ([`EditError::Unknown`],
/// [`EditError::Required`], [`EditError::NotAllowed`]) and any target file that exists, in
/// either `.yaml` or `.yml` spelling ([`EditError::Exists`]).
pub fn init(dir: &Path, opts: &InitOptions, catalog: &Catalog) -> Result<Vec<PathBuf>, EditError> {
    let rs = catalog
        .get(&opts.campaign)
        .ok_or_else(|| EditError::Unknown {
            what: Field::Campaign,
            value: opts.campaign.clone(),
            known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
        })?;
    let form = rs.form(&opts.form).ok_or_else(|| EditError::Unknown {
        what: Field::Form,
        value: opts.form.clone(),
        known: rs.forms.iter().map(|f| f.id.clone()).collect(),
    })?;
    let award = award_kind(rs, form, opts.kind.as_deref())?;
    let kind = nominee_kind(rs, form, opts.nominee_kind.as_deref())?;
    // The first type the kind admits, in the format's order: an individual where it may be.
    let loai = NomineeType::ALL
        .into_iter()
        .find(|t| kind.admits(*t) && form.admits(*t))
        .unwrap_or(NomineeType::Individual);
    let example = Nominee::example(kind, loai);
    let dates = template::sample_dates(rs, None, opts.today);

    let report = PathBuf::from("bao-cao").join(format!("{}.yaml", example.ma));
    let mut plan: Vec<(PathBuf, String)> = vec![
        ("ho-so.yaml".into(), template::ho_so(rs, form, award)),
        (
            "to-trinh.yaml".into(),
            template::to_trinh(rs, form, award, &example, &dates),
        ),
    ];
    if rs.procedure.minutes.required {
        plan.push((
            "bien-ban.yaml".into(),
            template::bien_ban(rs, &example, &dates),
        ));
    }
    plan.push((report, template::report(rs, &example, award, &dates)));

    for (rel, _) in &plan {
        let target = dir.join(rel);
        for twin in [target.with_extension("yaml"), target.with_extension("yml")] {
            if twin.exists() {
                return Err(EditError::Exists(twin));
            }
        }
    }
    if std::fs::symlink_metadata(dir).is_err() {
        return into_new_folder(dir, &plan);
    }
    // Into a folder that exists (empty, or holding the clerk's scans): one transaction; a
    // `bao-cao/` made for it goes if it fails. Held as any writer holds a dossier: two inits
    // there at once overwrote each other's journal, and one left it with its staged files.
    let _held = crate::disk::lock::write(dir, "init", crate::disk::lock::WAIT)?;
    for (rel, _) in &plan {
        let target = dir.join(rel);
        for twin in [target.with_extension("yaml"), target.with_extension("yml")] {
            if twin.exists() {
                return Err(EditError::Exists(twin));
            }
        }
    }
    let reports = dir.join("bao-cao");
    let made = std::fs::symlink_metadata(&reports).is_err();
    files::create_dir(&reports)?;
    let staged = plan
        .iter()
        .map(|(rel, text)| stage_new(&dir.join(rel), text))
        .collect::<Result<Vec<_>, _>>()?;
    files::commit(dir, "init", staged, &[]).inspect_err(|_| {
        if made {
            let _ = std::fs::remove_dir(&reports);
        }
    })
}

/// A dossier in a folder that does not exist yet: built whole in a hidden folder beside it
/// (`.dossier-init-…`), made durable, then renamed to its name in one step. A full disk or a
/// kill leaves no half dossier under the clerk's name, only the hidden folder, which the next
/// `init` there removes.
fn into_new_folder(dir: &Path, plan: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, EditError> {
    let io = |p: &Path| {
        let path = p.to_path_buf();
        move |source| EditError::Io { path, source }
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The folders above it that init makes go too if it fails (only while empty).
    let mut made = Vec::new();
    let mut up = parent.as_path();
    while std::fs::symlink_metadata(up).is_err() {
        made.push(up.to_path_buf());
        match up.parent() {
            Some(p) if !p.as_os_str().is_empty() => up = p,
            _ => break,
        }
    }
    match std::fs::metadata(&parent) {
        Ok(m) if !m.is_dir() => {
            return Err(EditError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotADirectory),
            })
        }
        Ok(_) => {}
        Err(_) => files::create_dir(&parent)?,
    }
    clean_stale_builds(&parent);
    let staging = parent.join(format!(
        ".dossier-init-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    ));
    crate::disk::cleanup::register(&staging, crate::disk::cleanup::Made::Tree);
    let built = (|| {
        std::fs::create_dir(&staging).map_err(io(&parent))?;
        // Held while building: a later init that can lock it knows its builder is gone.
        let lock = crate::disk::lock::write(&staging, "init", std::time::Duration::ZERO)?;
        std::fs::create_dir(staging.join("bao-cao")).map_err(io(dir))?;
        for (rel, text) in plan {
            let mut f = std::fs::File::create_new(staging.join(rel)).map_err(io(&dir.join(rel)))?;
            std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io(&dir.join(rel)))?;
            f.sync_all().map_err(io(&dir.join(rel)))?;
        }
        for d in [staging.join("bao-cao"), staging.clone()] {
            if let Ok(f) = std::fs::File::open(d) {
                let _ = f.sync_all();
            }
        }
        crate::disk::journal::stop_here_in_tests(0);
        if std::fs::symlink_metadata(dir).is_ok() {
            return Err(EditError::Exists(dir.to_path_buf()));
        }
        lock.drop_owner_note();
        // Held through the rename on Unix, so no other init takes the build folder for a dead
        // one in between; released first on Windows, which renames no folder holding an open
        // file.
        let mut lock = Some(lock);
        if cfg!(windows) {
            lock.take();
        }
        std::fs::rename(&staging, dir).map_err(io(dir))?;
        drop(lock);
        if let Ok(f) = std::fs::File::open(&parent) {
            let _ = f.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = built {
        crate::disk::cleanup::discard(&staging);
        for d in &made {
            let _ = std::fs::remove_dir(d);
        }
        return Err(e);
    }
    crate::disk::cleanup::forget(&staging);
    Ok(plan.iter().map(|(rel, _)| dir.join(rel)).collect())
}

/// Remove the hidden build folders of inits that were killed (their lock is free), in the
/// folder where a new dossier is being made.
fn clean_stale_builds(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let is_build = name
            .to_str()
            .is_some_and(|n| n.starts_with(".dossier-init-"));
        if !is_build || !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let free = crate::disk::lock::write(&e.path(), "init", std::time::Duration::ZERO).is_ok();
        if free {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn award_kind<'a>(
    rs: &'a RuleSet,
    form: &Form,
    kind: Option<&str>,
) -> Result<Option<&'a crate::criteria::AwardKind>, EditError> {
    match (kind, form.kinds.is_empty()) {
        (None, true) => Ok(None),
        (None, false) => Err(EditError::Required {
            what: Field::AwardKind,
            known: form
                .kinds
                .iter()
                .map(|k| match rs.award_kind(k) {
                    Some(a) => format!("{k} ({})", a.ten),
                    None => k.clone(),
                })
                .collect(),
        }),
        (Some(k), true) => Err(EditError::NotAllowed {
            what: Field::AwardKind,
            value: k.to_owned(),
            why: msg!("hình thức \"{}\" không chia loại khen thưởng; bỏ loại khen thưởng đi", form.ten;
                      "award form \"{}\" has no kinds of award; give none", form.id),
        }),
        (Some(k), false) => {
            if !form.kinds.iter().any(|f| f == k) {
                return Err(EditError::Unknown {
                    what: Field::AwardKind,
                    value: k.to_owned(),
                    known: form.kinds.clone(),
                });
            }
            // A validated rule set defines every kind its forms name.
            rs.award_kind(k)
                .map(Some)
                .ok_or_else(|| EditError::Unknown {
                    what: Field::AwardKind,
                    value: k.to_owned(),
                    known: rs.award_kinds.iter().map(|a| a.id.clone()).collect(),
                })
        }
    }
}

/// The kinds of nominee a form may go to (all, when it names none), less those whose types
/// (individual, collective, household) the form never goes to.
pub(crate) fn kinds_for<'a>(rs: &'a RuleSet, form: &Form) -> Vec<&'a NomineeKind> {
    rs.nominee_kinds
        .iter()
        .filter(|k| form_refuses(form, k).is_none())
        .collect()
}

/// Why a kind of nominee cannot go with this form, if it cannot.
pub(crate) fn form_refuses(form: &Form, kind: &NomineeKind) -> Option<Msg> {
    if !form.nominee_kinds.is_empty() && !form.nominee_kinds.contains(&kind.id) {
        return Some(
            msg!("hình thức \"{}\" không áp dụng cho đối tượng \"{}\"; chỉ cho: {}", form.ten, kind.ten, form.nominee_kinds.join(", ");
             "award form \"{}\" does not go to kind \"{}\"; only to: {}", form.id, kind.id, form.nominee_kinds.join(", ")),
        );
    }
    if !kind.types.iter().any(|t| form.admits(*t)) {
        let vi: Vec<&str> = form.types.iter().map(|t| t.vi()).collect();
        let en: Vec<&str> = form.types.iter().map(|t| t.en_plural()).collect();
        return Some(
            msg!("hình thức \"{}\" chỉ tặng cho {}, không cho đối tượng \"{}\"", form.ten, vi.join(", "), kind.ten;
                         "award form \"{}\" goes only to {}, not to kind \"{}\"", form.id, en.join(", "), kind.id),
        );
    }
    None
}

fn nominee_kind<'a>(
    rs: &'a RuleSet,
    form: &Form,
    id: Option<&str>,
) -> Result<&'a NomineeKind, EditError> {
    let allowed = kinds_for(rs, form);
    let known = || allowed.iter().map(|k| k.id.clone()).collect::<Vec<_>>();
    let Some(id) = id else {
        return allowed
            .iter()
            .find(|k| k.admits(NomineeType::Individual))
            .or_else(|| allowed.first())
            .copied()
            .ok_or_else(|| EditError::Required {
                what: Field::NomineeKind,
                known: known(),
            });
    };
    let kind = rs.nominee_kind(id).ok_or_else(|| EditError::Unknown {
        what: Field::NomineeKind,
        value: id.to_owned(),
        known: known(),
    })?;
    match form_refuses(form, kind) {
        Some(why) => Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            value: id.to_owned(),
            why,
        }),
        None => Ok(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;
    use crate::rules::check::{check_dossier, Against};
    use crate::rules::Rule;
    use crate::yaml::tree::parse;

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    fn opts(campaign: &str, form: &str, kind: Option<&str>, nk: Option<&str>) -> InitOptions {
        InitOptions {
            campaign: campaign.into(),
            form: form.into(),
            kind: kind.map(Into::into),
            nominee_kind: nk.map(Into::into),
            today: today(),
        }
    }

    /// The line of the file a finding points at.
    fn line_of(dir: &Path, f: &Finding) -> String {
        let text = std::fs::read_to_string(dir.join(&f.primary.file)).unwrap_or_default();
        let n = f.primary.span.map_or(0, |s| s.start.line as usize);
        text.lines()
            .nth(n.saturating_sub(1))
            .unwrap_or("")
            .to_owned()
    }

    fn today() -> Date {
        Date::parse("2030-01-01").unwrap()
    }

    /// Every finding is a placeholder left to fill (a `<<...>>` mark or the sample number 00),
    /// on a line that shows one.
    fn only_placeholders(dir: &Path) -> usize {
        let checked = check_dossier(dir, &Against::new(&catalog(), today()));
        for f in &checked.findings {
            let line = line_of(dir, f);
            assert!(
                f.rule == Rule::HS015 && (line.contains("<<") || line.contains("\"00/")),
                "{:?} {}:{:?}: {} | {}",
                f.rule,
                f.primary.file,
                f.primary.span.map(|s| s.start.line),
                f.message.en,
                line
            );
        }
        checked.findings.len()
    }

    #[test]
    fn every_form_kind_and_nominee_kind_gives_a_dossier_with_only_placeholders_left() {
        let cat = catalog();
        let mut tried = 0;
        for rs in &cat.sets {
            for form in &rs.forms {
                let kinds: Vec<Option<String>> = if form.kinds.is_empty() {
                    vec![None]
                } else {
                    form.kinds.iter().cloned().map(Some).collect()
                };
                for kind in kinds {
                    for nk in kinds_for(rs, form) {
                        let dir = tempfile::tempdir().unwrap();
                        let o = InitOptions {
                            campaign: rs.id.clone(),
                            form: form.id.clone(),
                            kind: kind.clone(),
                            nominee_kind: Some(nk.id.clone()),
                            today: today(),
                        };
                        let written = init(dir.path(), &o, &cat).unwrap();
                        assert_eq!(
                            written.len(),
                            if rs.procedure.minutes.required { 4 } else { 3 }
                        );
                        let n = only_placeholders(dir.path());
                        assert!(n > 5, "placeholders are reported ({n})");
                        // No district in the examples of a rule set without districts (from
                        // 1 July 2025; the clerk's C12 read "huyện Hoa Lư" in a 2026 template).
                        if !rs.levels.iter().any(|l| l.id == "huyen") {
                            for p in &written {
                                let text = std::fs::read_to_string(p).unwrap();
                                assert!(
                                    !text.contains("huyện Hoa Lư"),
                                    "{}: {}",
                                    rs.id,
                                    p.display()
                                );
                            }
                        }
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 20, "{tried}");
    }

    #[test]
    fn writes_the_expected_files_with_comments_and_standards() {
        let dir = tempfile::tempdir().unwrap();
        let o = opts(
            "covid19-hoa-lu-2021",
            "giay_khen_chu_tich_huyen",
            Some("dot_xuat"),
            Some("tuyen_dau"),
        );
        let written = init(dir.path(), &o, &catalog()).unwrap();
        let names: Vec<String> = written
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            names,
            [
                "ho-so.yaml",
                "to-trinh.yaml",
                "bien-ban.yaml",
                "bao-cao/vi-du-ca-nhan.yaml"
            ]
        );
        let tt = std::fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
        assert!(tt.contains("# Số, ký hiệu của tờ trình, ví dụ \"45/TTr-UBND\""));
        assert!(tt.contains("co_quan: \"<<Tên cơ quan ban hành tờ trình>>\""));
        assert!(tt.contains("Phòng Nội vụ huyện Hoa Lư (01 bộ)"));
        assert!(!tt.contains("{{"), "{tt}");
        let rep = std::fs::read_to_string(dir.path().join("bao-cao/vi-du-ca-nhan.yaml")).unwrap();
        for id in [
            "tan_tam_sang_tao",
            "hoan_thanh_xuat_sac",
            "khong_bi_phe_binh",
        ] {
            assert!(rep.contains(&format!("\n  {id}: true\n")), "{id}");
        }
        assert!(rep.contains("  # Hoàn thành xuất sắc nhiệm vụ được giao"));
        assert!(
            rep.contains("ghi_nhan: \"<<"),
            "dot_xuat needs a recognition"
        );
        let hs = std::fs::read_to_string(dir.path().join("ho-so.yaml")).unwrap();
        assert!(hs.contains("loai_khen: dot_xuat\n"));
        // Each file parses, and every key but the first has a comment on the line above.
        for f in &written {
            let text = std::fs::read_to_string(f).unwrap();
            assert!(!text.contains("{{"), "{}", f.display());
            assert!(parse(&text).problems.is_empty(), "{}", f.display());
            let lines: Vec<&str> = text.lines().collect();
            for (i, l) in lines.iter().enumerate().skip(1) {
                let t = l.trim_start();
                let is_key = !t.starts_with('#')
                    && t.split_once(':').is_some_and(|(k, _)| {
                        k.trim_start_matches("- ")
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_')
                    });
                let in_block = lines[..i].last().is_some_and(|p| p.ends_with(": |"));
                let standard = l.ends_with(": true");
                if is_key && !in_block && !standard && !t.starts_with("- ") {
                    let prev = lines[i - 1].trim_start();
                    let parent = prev.ends_with(':') && !prev.starts_with('#');
                    assert!(
                        prev.starts_with('#') || parent,
                        "{}: no comment above {l:?}",
                        f.display()
                    );
                }
            }
        }
    }

    #[test]
    fn a_collective_kind_gives_a_collective_example() {
        let dir = tempfile::tempdir().unwrap();
        let o = opts(
            "covid19-hoa-lu-2021",
            "giay_khen_chu_tich_huyen",
            Some("chuyen_de"),
            Some("thon_xom"),
        );
        init(dir.path(), &o, &catalog()).unwrap();
        let rep = std::fs::read_to_string(dir.path().join("bao-cao/vi-du-tap-the.yaml")).unwrap();
        assert!(rep.contains("loai: tap_the"));
        assert!(!rep.contains("ngay_sinh"));
        assert!(!rep.contains("ghi_nhan:"), "chuyen_de needs no recognition");
        assert!(only_placeholders(dir.path()) > 0);
    }

    #[test]
    fn minutes_are_written_only_where_the_procedure_requires_them() {
        let dir = tempfile::tempdir().unwrap();
        let cat = catalog();
        let rs = cat.get("nd91-dieu55").unwrap();
        let o = opts("nd91-dieu55", &rs.forms[0].id, None, None);
        let o = InitOptions {
            kind: rs.forms[0].kinds.first().cloned(),
            ..o
        };
        init(dir.path(), &o, &cat).unwrap();
        assert!(!dir.path().join("bien-ban.yaml").exists());
        let hs = std::fs::read_to_string(dir.path().join("ho-so.yaml")).unwrap();
        assert!(!hs.contains("bien-ban.yaml"));
        only_placeholders(dir.path());
    }

    #[test]
    fn refuses_unknown_values_before_writing() {
        let cat = catalog();
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (opts("khong-co", "x", None, None), Field::Campaign),
            (opts("covid19-hoa-lu-2021", "x", None, None), Field::Form),
            (
                opts(
                    "covid19-hoa-lu-2021",
                    "giay_khen_chu_tich_huyen",
                    Some("x"),
                    None,
                ),
                Field::AwardKind,
            ),
            (
                opts(
                    "covid19-hoa-lu-2021",
                    "giay_khen_chu_tich_huyen",
                    Some("dot_xuat"),
                    Some("x"),
                ),
                Field::NomineeKind,
            ),
        ];
        for (o, field) in cases {
            match init(dir.path(), &o, &cat) {
                Err(EditError::Unknown { what, known, .. }) => {
                    assert_eq!(what, field);
                    assert!(!known.is_empty());
                }
                other => panic!("{o:?}: {other:?}"),
            }
        }
        assert!(matches!(
            init(
                dir.path(),
                &opts(
                    "covid19-hoa-lu-2021",
                    "giay_khen_chu_tich_huyen",
                    None,
                    None
                ),
                &cat
            ),
            Err(EditError::Required {
                what: Field::AwardKind,
                ..
            })
        ));
        assert!(matches!(
            init(
                dir.path(),
                &opts(
                    "covid19-hoa-lu-2021",
                    "bang_khen_chu_tich_tinh",
                    Some("dot_xuat"),
                    None
                ),
                &cat
            ),
            Err(EditError::NotAllowed {
                what: Field::AwardKind,
                ..
            })
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn never_overwrites() {
        let cat = catalog();
        let dir = tempfile::tempdir().unwrap();
        let o = opts(
            "covid19-hoa-lu-2021",
            "bang_khen_chu_tich_tinh",
            None,
            Some("tuyen_dau"),
        );
        std::fs::write(dir.path().join("bien-ban.yml"), "mine\n").unwrap();
        match init(dir.path(), &o, &cat) {
            Err(EditError::Exists(p)) => assert!(p.ends_with("bien-ban.yml")),
            other => panic!("{other:?}"),
        }
        assert!(!dir.path().join("ho-so.yaml").exists());
        std::fs::remove_file(dir.path().join("bien-ban.yml")).unwrap();
        init(dir.path(), &o, &cat).unwrap();
        assert!(matches!(
            init(dir.path(), &o, &cat),
            Err(EditError::Exists(_))
        ));
    }

    #[test]
    fn creates_a_missing_folder() {
        let cat = catalog();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("ho-so-moi").join("xa-ninh-hai");
        let o = opts("covid19-hoa-lu-2021", "giay_khen_thu_truong", None, None);
        init(&target, &o, &cat).unwrap();
        assert!(target.join("bao-cao/vi-du-ca-nhan.yaml").is_file());
    }
}
