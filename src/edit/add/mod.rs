//! `dossier add`: one more nominee in an existing dossier.
//!
//! A nominee appears in three places (the proposal's list, the council's votes, a report of
//! their own) and a clerk adding one by hand forgets one of them, or misspells the id in one.
//! This writes all three at once: an entry appended to `danh_sach` in `to-trinh.yaml`, a vote
//! line appended to `ket_qua` in `bien-ban.yaml` when the dossier has minutes, and a report
//! skeleton `bao-cao/<ma>.yaml` listing the standards of the nominee's kind.
//!
//! The two existing files are edited as text: the new item goes right after the last item of
//! the sequence, indented like the items already there and in their style (block or `{ }`),
//! and every other byte of the file, comments included, stays where it was. The result is
//! parsed again and compared with the original tree before anything is written.
//!
//! The vote counts are placeholders (`tan_thanh: "<<số phiếu tán thành>>"`), which the checker
//! reports as unfilled (HS015) until the clerk writes the numbers: a sample count such as 0 would
//! read as a vote the nominee lost (BB004), which nobody held.

use std::path::{Path, PathBuf};

use super::files::{self, find_yaml, stage_new, stage_replace, Loaded};
use super::init::{form_refuses, kinds_for};
use super::template::{self, Nominee};
use super::text::{dq, line_ending};
use super::{EditError, Field};
use crate::criteria::{Catalog, NomineeType, RuleSet};
use crate::date::Date;
use crate::msg;
use crate::text::{fold_whitespace, to_nfc};
use crate::yaml::tree::{parse, Node, Problem};

mod sequence;
#[cfg(test)]
mod tests;

use sequence::{append_item, ItemField};

/// The nominee to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNominee {
    /// Id: a lowercase ASCII slug, also the report's file name.
    pub ma: String,
    /// Full name, or the collective's name.
    pub ten: String,
    /// `ca_nhan` or `tap_the`.
    pub loai: String,
    /// Kind of nominee: an id of the dossier's rule set; None when not given, which is
    /// answered with the kinds to choose from and what each means.
    pub doi_tuong: Option<String>,
    /// Unit; a placeholder is written when absent.
    pub don_vi: Option<String>,
    /// Position; for an individual a placeholder is written when absent.
    pub chuc_vu: Option<String>,
    /// Position and unit in one text (`chuc_vu_don_vi`): written in place of the placeholders
    /// of both.
    pub chuc_vu_don_vi: Option<String>,
    /// Rank or academic title (`cap_bac`); individuals only.
    pub cap_bac: Option<String>,
}

/// Add the nominee to the dossier in `dir`; the files written (the new report first).
///
/// Refuses, before writing anything: an id that is not a slug ([`EditError::BadId`]) or is
/// already used in the list, the votes or as a report file ([`EditError::IdTaken`]); a type,
/// kind or form that do not go together ([`EditError::Unknown`], [`EditError::NotAllowed`]);
/// a list or vote sequence written in a way that cannot be extended safely
/// ([`EditError::Layout`]).
pub fn add(
    dir: &Path,
    n: &NewNominee,
    catalog: &Catalog,
    today: Date,
) -> Result<Vec<PathBuf>, EditError> {
    if !is_slug(&n.ma) {
        return Err(EditError::BadId(n.ma.clone()));
    }
    // The id names the report file (bao-cao/<id>.yaml): a Windows device name (`con`, `aux`…)
    // could not travel in the bundle (DK006).
    if crate::text::file_name::unsafe_name(format!("bao-cao/{}.yaml", n.ma).as_bytes(), false)
        .is_some()
    {
        return Err(EditError::ReservedId(n.ma.clone()));
    }
    let Some(loai) = NomineeType::from_id(&n.loai) else {
        return Err(EditError::Unknown {
            what: Field::NomineeType,
            value: n.loai.clone(),
            known: NomineeType::ALL
                .iter()
                .map(|t| format!("{} ({})", t.id(), t.vi()))
                .collect(),
        });
    };
    let ten = clean(&n.ten);
    if ten.is_empty() {
        return Err(EditError::Empty("ten"));
    }
    let don_vi = n.don_vi.as_deref().map(clean).filter(|s| !s.is_empty());
    let chuc_vu = n.chuc_vu.as_deref().map(clean).filter(|s| !s.is_empty());
    let both = n
        .chuc_vu_don_vi
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty());
    let cap_bac = n.cap_bac.as_deref().map(clean).filter(|s| !s.is_empty());
    if cap_bac.is_some() && loai != NomineeType::Individual {
        // The checker would refuse it (HS018): a rank is a person's.
        return Err(EditError::NotAllowed {
            what: Field::NomineeType,
            value: loai.id().to_owned(),
            why: msg!("cấp bậc (--cap-bac) chỉ dành cho cá nhân, không cho {}", loai.vi();
                      "a rank (--cap-bac) is for individuals only, not for {}", loai.en_a()),
        });
    }

    let ho_so_path = find_yaml(dir, "ho-so").ok_or_else(|| EditError::NotADossier(dir.into()))?;
    let ho_so = files::read(&ho_so_path)?;
    let ho_so_root = tree(&ho_so)?;
    let rs = rule_set(dir, &ho_so_root, catalog)?;
    let form_id = ho_so_root.text("hinh_thuc").unwrap_or_default();
    let form = rs.form(form_id).ok_or_else(|| EditError::Unknown {
        what: Field::Form,
        value: form_id.to_owned(),
        known: rs
            .forms
            .iter()
            .map(|f| format!("{} ({})", f.id, f.ten))
            .collect(),
    })?;
    let award = ho_so_root.text("loai_khen").and_then(|k| rs.award_kind(k));
    // With what each means: the ids alone do not tell a clerk which to choose.
    let known = || -> Vec<String> {
        kinds_for(&rs, form)
            .iter()
            .map(|k| format!("{} ({})", k.id, k.ten))
            .collect()
    };
    let Some(doi_tuong) = n.doi_tuong.as_deref() else {
        return Err(EditError::Required {
            what: Field::NomineeKind,
            known: known(),
        });
    };
    let kind = rs
        .nominee_kind(doi_tuong)
        .ok_or_else(|| EditError::Unknown {
            what: Field::NomineeKind,
            value: doi_tuong.to_owned(),
            known: known(),
        })?;
    if let Some(why) = form_refuses(form, kind) {
        return Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            value: kind.id.clone(),
            why,
        });
    }
    if !kind.admits(loai) {
        let vi: Vec<&str> = kind.types.iter().map(|t| t.vi()).collect();
        let en: Vec<&str> = kind.types.iter().map(|t| t.en_plural()).collect();
        let (vi, en) = (vi.join(", "), en.join(", "));
        return Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            value: kind.id.clone(),
            why: {
                // The clerk usually meant the other type and left --loai out: say how to write it.
                let hint: Vec<&str> = kind.types.iter().map(|t| t.id()).collect();
                let hint = hint.join(" hoặc --loai ");
                msg!("đối tượng \"{}\" chỉ dành cho {}, nhưng người được đề nghị là {}; nếu đúng là {}, thêm --loai {}", kind.ten, vi, loai.vi(), vi, hint;
                     "kind \"{}\" is for {} only, but the nominee is \"{}\"; if it is, add --loai {}", kind.id, en, loai.id(), hint)
            },
        });
    }
    if !form.admits(loai) {
        let vi: Vec<&str> = form.types.iter().map(|t| t.vi()).collect();
        let en: Vec<&str> = form.types.iter().map(|t| t.en_plural()).collect();
        return Err(EditError::NotAllowed {
            what: Field::NomineeType,
            value: loai.id().to_owned(),
            why: msg!("hình thức \"{}\" chỉ tặng cho {}, không cho {}", form.ten, vi.join(", "), loai.vi();
                      "award form \"{}\" goes only to {}, not to a {}", form.id, en.join(", "), loai.en()),
        });
    }

    let tt_path =
        find_yaml(dir, "to-trinh").ok_or_else(|| EditError::Missing(dir.join("to-trinh.yaml")))?;
    let tt = files::read(&tt_path)?;
    let tt_root = tree(&tt)?;
    if ids(&tt_root, "danh_sach").any(|m| m == n.ma) {
        return Err(EditError::IdTaken {
            id: n.ma.clone(),
            file: tt_path,
        });
    }
    let bb = match find_yaml(dir, "bien-ban") {
        Some(p) => {
            let loaded = files::read(&p)?;
            let root = tree(&loaded)?;
            if ids(&root, "ket_qua").any(|m| m == n.ma) {
                return Err(EditError::IdTaken {
                    id: n.ma.clone(),
                    file: p,
                });
            }
            Some((loaded, root))
        }
        None => None,
    };
    let reports = dir.join("bao-cao");
    for ext in ["yaml", "yml"] {
        let p = reports.join(format!("{}.{ext}", n.ma));
        if p.exists() {
            return Err(EditError::IdTaken {
                id: n.ma.clone(),
                file: p,
            });
        }
    }

    let placeholder_don_vi = match loai {
        NomineeType::Individual => "<<Đơn vị công tác>>",
        NomineeType::Collective => "<<Tên đơn vị>>",
        NomineeType::Household => "<<Nơi cư trú>>",
    };
    // Position and unit in one text need no placeholder for either.
    let (don_vi, chuc_vu) = if both.is_some() {
        (don_vi, chuc_vu)
    } else {
        (
            Some(don_vi.unwrap_or_else(|| placeholder_don_vi.to_owned())),
            match (chuc_vu, loai) {
                (Some(c), _) => Some(c),
                (None, NomineeType::Individual) => Some("<<Chức vụ>>".to_owned()),
                (None, _) => None,
            },
        )
    };

    let mut item = vec![
        ItemField::plain("ma", &n.ma),
        ItemField::plain("loai", loai.id()),
        ItemField::text("ten", &ten),
    ];
    if let Some(r) = &cap_bac {
        item.push(ItemField::text("cap_bac", r));
    }
    if let Some(c) = &chuc_vu {
        item.push(ItemField::text("chuc_vu", c));
    }
    if let Some(u) = &don_vi {
        item.push(ItemField::text("don_vi", u));
    }
    if let Some(b) = &both {
        item.push(ItemField::text("chuc_vu_don_vi", b));
    }
    item.push(ItemField::plain("doi_tuong", &kind.id));
    let new_tt = append_item(&tt, &tt_root, "danh_sach", &item)?;

    let new_bb = match &bb {
        Some((loaded, root)) => {
            let vote = [
                ItemField::plain("ma", &n.ma),
                ItemField::text("tan_thanh", "<<số phiếu tán thành>>"),
                ItemField::text("khong_tan_thanh", "<<số phiếu không tán thành>>"),
            ];
            Some(append_item(loaded, root, "ket_qua", &vote)?)
        }
        None => None,
    };

    let proposal = tt_root.text("ngay").and_then(|d| Date::parse(d).ok());
    let dates = template::sample_dates(&rs, proposal, today);
    let nominee = Nominee {
        ma: &n.ma,
        loai,
        ten: dq(&ten),
        chuc_vu: chuc_vu.as_deref().map(dq),
        don_vi: dq(don_vi.as_deref().unwrap_or(placeholder_don_vi)),
        kind,
    };
    let details = template::Details {
        cap_bac: cap_bac.as_deref().map(dq),
        chuc_vu_don_vi: both.as_deref().map(dq),
        ..template::Details::default()
    };
    let mut report = template::report_with(&rs, &nominee, &details, award, &dates);
    // The new report ends its lines like the proposal does: a dossier kept with Windows line
    // endings stays so.
    if line_ending(tt.body()) == "\r\n" {
        report = report.replace('\n', "\r\n");
    }

    files::create_dir(&reports)?;
    let mut staged = vec![stage_new(&reports.join(format!("{}.yaml", n.ma)), &report)?];
    staged.push(stage_replace(&tt, &new_tt)?);
    if let (Some((loaded, _)), Some(text)) = (&bb, &new_bb) {
        staged.push(stage_replace(loaded, text)?);
    }
    files::commit(dir, "add", staged, &[])
}

/// The id for a nominee added without one: made from the name (`Lê Văn Bình` →
/// `le-van-binh`), with `-2`, `-3`… when the dossier already uses it (in the list, the votes or
/// as a report file). None when the name gives no id.
#[must_use]
pub fn derived_id(dir: &Path, ten: &str) -> Option<String> {
    let base = crate::text::slug::slug(ten)?;
    let mut used: Vec<String> = Vec::new();
    for (stem, key) in [("to-trinh", "danh_sach"), ("bien-ban", "ket_qua")] {
        if let Some(root) = find_yaml(dir, stem)
            .and_then(|p| files::read(&p).ok())
            .and_then(|f| parse(f.body()).root)
        {
            used.extend(ids(&root, key));
        }
    }
    let reports = dir.join("bao-cao");
    Some(crate::text::slug::unique(&base, |c| {
        used.iter().any(|u| u == c)
            || reports.join(format!("{c}.yaml")).exists()
            || reports.join(format!("{c}.yml")).exists()
    }))
}

/// A lowercase ASCII slug: `nguyen-thi-hang`, `thon-doai-2`.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A name as the clerk typed it, in NFC with its spaces folded, so the new entries raise no
/// encoding or spacing finding.
fn clean(s: &str) -> String {
    fold_whitespace(&to_nfc(s)).into_owned()
}

/// The tree of a file that must be edited; a file that does not parse cannot be.
fn tree(f: &Loaded) -> Result<Node, EditError> {
    let parsed = parse(f.body());
    for p in &parsed.problems {
        let message = match p {
            Problem::Syntax { at, message } => format!("line {}: {}", at.line, message),
            Problem::TooComplex { at, .. } => {
                format!("line {}: too deeply nested or too large", at.line)
            }
            _ => continue,
        };
        return Err(EditError::Yaml {
            path: f.path.clone(),
            message,
        });
    }
    parsed.root.ok_or_else(|| EditError::Yaml {
        path: f.path.clone(),
        message: "the file is empty".to_owned(),
    })
}

/// The rule set `phong_trao` names: an id of the catalog, or a rule-set file inside the
/// dossier (as the checker accepts).
fn rule_set(dir: &Path, ho_so: &Node, catalog: &Catalog) -> Result<RuleSet, EditError> {
    let written = ho_so.text("phong_trao").unwrap_or_default();
    catalog
        .load_named(dir, written)
        .ok_or_else(|| EditError::Unknown {
            what: Field::Campaign,
            value: written.trim().to_owned(),
            known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
        })
}

/// The `ma` of every item of a sequence of mappings (in NFC, as the checker compares them).
fn ids<'a>(root: &'a Node, key: &str) -> impl Iterator<Item = String> + 'a {
    let items: &[Node] = match root.entry(key) {
        Some((_, Node::Seq(items, _))) => items,
        _ => &[],
    };
    items
        .iter()
        .filter_map(|i| i.text("ma"))
        .map(|m| to_nfc(m.trim()).into_owned())
}
