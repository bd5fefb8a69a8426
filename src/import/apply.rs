//! Bringing the dossier's YAML in line with the list read: the proposal's `danh_sach`, the
//! minutes' `ket_qua`, a report skeleton per new nominee.
//!
//! The list is the source for what it says (name, type, position, unit, kind, votes); the dossier
//! keeps what the list does not say (an entry's other keys, entries the list lacks, every
//! report). The two sequences are rewritten whole, in the format's own layout, and only when
//! their data differ, so a second import of the same list leaves every byte as it was. The rest
//! of each file (comments, other keys) is kept byte for byte. Files are written as `dossier add`
//! writes them: staged, checked unchanged since read, then renamed into place.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use super::rows::{Listed, Read};
use super::Problem;
use crate::criteria::{AwardKind, Catalog, NomineeType, RuleSet};
use crate::date::Date;
use crate::edit::files::{self, find_yaml, stage_replace, Loaded, Staged};
use crate::edit::template::{self, Nominee};
use crate::edit::{EditError, Field};
use crate::msg;
use crate::text::name_key;
use crate::text::slug::slug;
use crate::yaml::tree::{parse, Node};

use super::sequence::{
    beyond_limits, check_same_elsewhere, dq, entries, render, replace_block, Entry, LIST_ORDER,
    VOTE_ORDER,
};

/// One file's change: its path, its text before (None: a new file) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The file.
    pub path: PathBuf,
    /// Its text as read; None for a new file.
    pub before: Option<String>,
    /// Its new text.
    pub after: String,
}

/// The dossier as import needs it.
pub struct Current {
    /// The rule set `ho-so.yaml` names.
    pub rule_set: RuleSet,
    award: Option<AwardKind>,
    tt: Loaded,
    tt_root: Node,
    bb: Option<(Loaded, Node)>,
    proposal: Option<Date>,
    reports: HashSet<String>,
    /// `--today`, or the clock: the sample dates of a new report are made from it.
    today: Date,
}

fn tree(f: &Loaded) -> Result<Node, EditError> {
    let parsed = parse(f.body());
    if let Some(p) = parsed.problems.first() {
        return Err(EditError::Yaml {
            path: f.path.clone(),
            message: format!("{p:?}"),
        });
    }
    parsed.root.ok_or_else(|| EditError::Yaml {
        path: f.path.clone(),
        message: "the file is empty".to_owned(),
    })
}

impl Current {
    /// The proposal's date, if it has one.
    #[must_use]
    pub fn proposal(&self) -> Option<Date> {
        self.proposal
    }

    /// Read `ho-so.yaml`, the proposal and the minutes, and the rule set.
    pub fn load(dir: &Path, catalog: &Catalog, today: Date) -> Result<Current, EditError> {
        let ho_so_path =
            find_yaml(dir, "ho-so").ok_or_else(|| EditError::NotADossier(dir.into()))?;
        let ho_so = files::read(&ho_so_path)?;
        let ho_so_root = tree(&ho_so)?;
        let written = ho_so_root.text("phong_trao").unwrap_or_default();
        let rule_set = catalog
            .load_named(dir, written)
            .ok_or_else(|| EditError::Unknown {
                what: Field::Campaign,
                value: written.trim().to_owned(),
                known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
            })?;
        let award = ho_so_root
            .text("loai_khen")
            .map(str::trim)
            .and_then(|k| rule_set.award_kind(k))
            .cloned();
        let tt_path = find_yaml(dir, "to-trinh")
            .ok_or_else(|| EditError::Missing(dir.join("to-trinh.yaml")))?;
        let tt = files::read(&tt_path)?;
        let tt_root = tree(&tt)?;
        let bb = match find_yaml(dir, "bien-ban") {
            Some(p) => {
                let loaded = files::read(&p)?;
                let root = tree(&loaded)?;
                Some((loaded, root))
            }
            None => None,
        };
        let proposal = tt_root
            .text("ngay")
            .map(str::trim)
            .and_then(|d| Date::parse(d).ok());
        let reports = std::fs::read_dir(dir.join("bao-cao"))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.strip_suffix(".yaml")
                            .or_else(|| name.strip_suffix(".yml"))
                            .map(str::to_owned)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Current {
            rule_set,
            award,
            tt,
            tt_root,
            bb,
            proposal,
            reports,
            today,
        })
    }
}

/// The writes the import will make.
pub struct Plan {
    dir: PathBuf,
    staged: Vec<(Change, Option<Loaded>)>,
    /// The template's example reports to remove: (path, the text they must still hold).
    remove: Vec<(PathBuf, String)>,
}

impl Plan {
    /// Whether the import changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.staged.is_empty() && self.remove.is_empty()
    }

    /// The changes, for `--dry-run` and the summary: the plan's own texts, moved, not copied
    /// (a 5,000-row list's reports are 27 MB).
    #[must_use]
    pub fn into_changes(self) -> Vec<Change> {
        let mut v: Vec<Change> = self.staged.into_iter().map(|(c, _)| c).collect();
        v.extend(self.remove.into_iter().map(|(path, before)| Change {
            path,
            before: Some(before),
            after: String::new(),
        }));
        v
    }

    /// Write every change as one transaction ([`crate::disk::journal`]): every target is
    /// checked before anything is written (a new report never replaces a file; the proposal
    /// and minutes are replaced only if they still hold what was read and can be written), and
    /// after a refusal, a full disk or a kill the dossier is as before or, once the next
    /// command has finished the journal, as after. Returns the files written and the files
    /// removed.
    pub fn write(&self) -> Result<(Vec<PathBuf>, Vec<PathBuf>), EditError> {
        let mut staged: Vec<Staged> = Vec::with_capacity(self.staged.len());
        for (c, original) in &self.staged {
            staged.push(match original {
                Some(o) => stage_replace(o, &c.after)?,
                None => files::stage_new(&c.path, &c.after)?,
            });
        }
        // The example of the template goes too, but only if it is still the untouched
        // skeleton that was read.
        let delete: Vec<(PathBuf, Vec<u8>)> = self
            .remove
            .iter()
            .filter(|(path, before)| std::fs::read_to_string(path).is_ok_and(|now| now == *before))
            .map(|(path, before)| (path.clone(), before.as_bytes().to_vec()))
            .collect();
        // Each folder of new files looked at once (there is one, `bao-cao/`), not once a file.
        let mut made = Vec::new();
        let mut seen: Vec<&Path> = Vec::new();
        for (c, original) in &self.staged {
            if original.is_none() {
                if let Some(folder) = c.path.parent() {
                    if seen.contains(&folder) {
                        continue;
                    }
                    seen.push(folder);
                    if !folder.exists() {
                        files::create_dir(folder)?;
                        made.push(folder.to_path_buf());
                    }
                }
            }
        }
        let done = files::transaction(&self.dir, "import", staged, &delete)
            .and_then(|tx| Ok(tx.commit()?));
        match done {
            Ok(done) => Ok((done.written, done.removed)),
            Err(e) => {
                // A folder made for the reports goes with them (only while empty).
                for d in made.iter().rev() {
                    let _ = std::fs::remove_dir(d);
                }
                Err(e)
            }
        }
    }
}

fn layout(f: &Loaded, key: &str) -> EditError {
    EditError::Layout {
        path: f.path.clone(),
        why: msg!("\"{}\" có mục không phải nhóm trường đơn giản", key; "`{}` has an item that is not a flat group of fields", key),
    }
}

/// Match the list with the dossier and prepare the new texts.
pub fn plan(
    dir: &Path,
    cur: &Current,
    read: &Read,
    problems: &mut Vec<Problem>,
) -> Result<Plan, EditError> {
    let mut list =
        entries(&cur.tt_root, "danh_sach").ok_or_else(|| layout(&cur.tt, "danh_sach"))?;
    let old_list = list.clone();
    let mut votes = match &cur.bb {
        Some((f, root)) => Some(entries(root, "ket_qua").ok_or_else(|| layout(f, "ket_qua"))?),
        None => None,
    };
    let remove = drop_examples(dir, &mut list, votes.as_mut(), read, problems);
    let old_votes = votes.clone();
    let mut taken: HashSet<String> = list
        .iter()
        .filter_map(|e| e.get("ma").map(str::to_owned))
        .chain(cur.reports.iter().cloned())
        .collect();
    // Indexes by name key, id and vote id: a list of thousands is matched in linear time.
    let mut seen: HashMap<String, &Listed> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, e) in list.iter().enumerate() {
        if let Some(t) = e.get("ten") {
            by_name.entry(person_key(t)).or_insert(i);
        }
        if let Some(m) = e.get("ma") {
            by_id.entry(m.to_owned()).or_insert(i);
        }
    }
    let mut vote_at: HashMap<String, usize> = HashMap::new();
    if let Some(v) = &votes {
        for (i, e) in v.iter().enumerate() {
            if let Some(m) = e.get("ma") {
                vote_at.entry(m.to_owned()).or_insert(i);
            }
        }
    }
    let mut new_ids: Vec<(String, &Listed)> = Vec::new();
    let mut matched: HashSet<usize> = HashSet::new();
    for row in &read.rows {
        let key = person_key(&row.ten);
        if let Some(first) = seen.get(&key) {
            // On another sheet the row number alone would point at the wrong sheet.
            let sheet_of = |cell: &str| cell.rsplit_once('!').map(|(s, _)| s.to_owned());
            let m = if sheet_of(&first.name_cell) == sheet_of(&row.name_cell) {
                msg!("\"{}\" đã có ở dòng {}", row.ten, first.row; "\"{}\" is already listed on row {}", row.ten, first.row)
            } else {
                msg!("\"{}\" đã có ở ô {}", row.ten, first.name_cell; "\"{}\" is already listed at {}", row.ten, first.name_cell)
            };
            problems.push(Problem::error(row.name_cell.clone(), m));
            continue;
        }
        seen.insert(key.clone(), row);
        let at = row
            .ma
            .as_deref()
            .and_then(|m| by_id.get(m))
            .or_else(|| by_name.get(&key))
            .copied();
        let index = match at {
            Some(i) => i,
            None => {
                // Capped at slug::MAX_LEN: an id is a file name (a 1 MB name once failed the write
                // of its report after the list had been rewritten).
                let base = match &row.ma {
                    Some(m) => slug(m),
                    None => slug(&row.ten),
                }
                .unwrap_or_default();
                if base.is_empty() {
                    problems.push(Problem::error(
                        row.name_cell.clone(),
                        msg!("không tạo được mã từ tên \"{}\" (cần chữ cái Latin hoặc chữ số)", row.ten;
                             "no id can be made from the name \"{}\" (it needs Latin letters or digits)", row.ten),
                    ));
                    continue;
                }
                let mut ma = base.clone();
                let mut n = 2;
                while taken.contains(&ma) {
                    ma = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(ma.clone());
                list.push(Entry {
                    fields: vec![("ma".to_owned(), ma.clone())],
                });
                by_id.insert(ma.clone(), list.len() - 1);
                new_ids.push((ma, row));
                list.len() - 1
            }
        };
        matched.insert(index);
        let e = &mut list[index];
        let was = e.clone();
        let individual = row.loai == NomineeType::Individual;
        e.set("loai", Some(row.loai.id()), LIST_ORDER);
        // The same name written with the other tone placement ("Hòa", "Hoà") or in capitals
        // ("NGUYỄN THỊ HẰNG", as spreadsheets often hold names) keeps the dossier's spelling,
        // which its report shares: the rows were matched by the same key.
        let same_spelling = e
            .get("ten")
            .is_some_and(|t| person_key(t) == person_key(&row.ten));
        if !same_spelling {
            e.set("ten", Some(&row.ten), LIST_ORDER);
        }
        let chuc_vu = if individual {
            row.chuc_vu.as_deref()
        } else {
            None
        };
        if chuc_vu.is_some() || !individual {
            e.set("chuc_vu", chuc_vu, LIST_ORDER);
        }
        if let Some(d) = &row.don_vi {
            e.set("don_vi", Some(d), LIST_ORDER);
        }
        if let Some(cd) = &row.chuc_vu_don_vi {
            e.set("chuc_vu_don_vi", Some(cd), LIST_ORDER);
        }
        if let Some(k) = &row.cap_bac {
            e.set("cap_bac", Some(k), LIST_ORDER);
        }
        e.set("doi_tuong", Some(&row.doi_tuong), LIST_ORDER);
        let ma = e.get("ma").unwrap_or_default().to_owned();
        // An existing nominee's details changed: the report is never touched, so say which
        // report to bring in line (the check will point at it too, DS006).
        if was.fields.len() > 1 && *e != was && cur.reports.contains(&ma) {
            let changed: Vec<&str> = [
                "loai",
                "cap_bac",
                "ten",
                "chuc_vu",
                "don_vi",
                "chuc_vu_don_vi",
                "doi_tuong",
            ]
            .into_iter()
            .filter(|k| e.get(k) != was.get(k))
            .collect();
            problems.push(Problem::note(
                row.name_cell.clone(),
                msg!("đã cập nhật {} của \"{}\" trong tờ trình theo danh sách; báo cáo bao-cao/{}.yaml giữ nguyên, hãy sửa cho khớp", changed.join(", "), row.ten, ma;
                     "updated {} of \"{}\" in the proposal from the list; the report bao-cao/{}.yaml is left as it is: bring it in line", changed.join(", "), row.ten, ma),
            ));
        }
        if let Some(votes) = votes.as_mut() {
            let v = match vote_at.get(&ma) {
                Some(&i) => &mut votes[i],
                None => {
                    vote_at.insert(ma.clone(), votes.len());
                    votes.push(Entry {
                        fields: vec![
                            ("ma".to_owned(), ma.clone()),
                            ("tan_thanh".to_owned(), "0".to_owned()),
                            ("khong_tan_thanh".to_owned(), "0".to_owned()),
                        ],
                    });
                    let last = votes.len() - 1;
                    &mut votes[last]
                }
            };
            if let Some(y) = row.tan_thanh {
                v.set("tan_thanh", Some(&y.to_string()), VOTE_ORDER);
            }
            if let Some(n) = row.khong_tan_thanh {
                v.set("khong_tan_thanh", Some(&n.to_string()), VOTE_ORDER);
            }
        }
    }
    for (i, e) in list.iter().enumerate() {
        if !matched.contains(&i) {
            problems.push(Problem::note(
                crate::text::file_name::shown_path(&cur.tt.path),
                msg!("\"{}\" có trong tờ trình nhưng không có trong danh sách: giữ nguyên", e.get("ten").unwrap_or_default();
                     "\"{}\" is in the proposal but not in the list: kept", e.get("ten").unwrap_or_default()),
            ));
        }
    }
    if cur.bb.is_none() && read.has_votes {
        problems.push(Problem::note(
            read.sheet().to_owned(),
            msg!("hồ sơ không có biên bản: bỏ qua các cột số phiếu"; "the dossier has no minutes: the vote columns are ignored"),
        ));
    }

    let mut staged = Vec::new();
    if list != old_list {
        let eol = if cur.tt.body().contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let after = replace_block(
            &cur.tt,
            &cur.tt_root,
            "danh_sach",
            &render("danh_sach", &list, eol),
        );
        if let Some(m) = beyond_limits(&after, "to-trinh.yaml", &list) {
            // Nothing will be written: the votes and a report per row would only cost time
            // and memory (200,000 report skeletons held a gigabyte and a half).
            problems.push(Problem::error(read.sheet().to_owned(), m));
            return Ok(Plan {
                dir: dir.to_path_buf(),
                staged: Vec::new(),
                remove: Vec::new(),
            });
        }
        check_same_elsewhere(&cur.tt, &cur.tt_root, &after, "danh_sach")?;
        staged.push((
            Change {
                path: cur.tt.path.clone(),
                before: Some(cur.tt.raw.clone()),
                after,
            },
            Some(cur.tt.clone()),
        ));
    }
    if let (Some((f, root)), Some(votes)) = (&cur.bb, &votes) {
        if Some(votes) != old_votes.as_ref() {
            let eol = if f.body().contains("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            let after = replace_block(f, root, "ket_qua", &render("ket_qua", votes, eol));
            if let Some(m) = beyond_limits(&after, "bien-ban.yaml", votes) {
                problems.push(Problem::error(read.sheet().to_owned(), m));
            } else {
                check_same_elsewhere(f, root, &after, "ket_qua")?;
                staged.push((
                    Change {
                        path: f.path.clone(),
                        before: Some(f.raw.clone()),
                        after,
                    },
                    Some(f.clone()),
                ));
            }
        }
    }
    let dates = template::sample_dates(&cur.rule_set, cur.proposal, cur.today);
    let skeletons = template::Reports::new(&cur.rule_set, cur.award.as_ref(), &dates);
    // The reports are written from the rows on both cores, kept in the rows' order: a list of
    // thousands spent half its time here, one report after another (#21).
    let reports: Vec<(Change, Option<Loaded>)> = new_ids
        .par_iter()
        .filter_map(|(ma, row)| {
        if cur.reports.contains(ma) {
            return None;
        }
        let kind = cur.rule_set.nominee_kind(&row.doi_tuong)?;
        // Position and unit in one text stand for both: the skeleton asks for neither.
        let combined = row
            .chuc_vu_don_vi
            .as_ref()
            .filter(|_| row.loai == NomineeType::Individual);
        let don_vi = match (&row.don_vi, combined) {
            (Some(d), _) => d.clone(),
            (None, Some(cd)) => cd.clone(),
            (None, None) => "<<Đơn vị>>".to_owned(),
        };
        let nominee = Nominee {
            ma,
            loai: row.loai,
            ten: dq(&row.ten),
            chuc_vu: match (&row.chuc_vu, row.loai, combined) {
                (Some(c), NomineeType::Individual, _) => Some(dq(c)),
                (None, NomineeType::Individual, None) => Some(dq("<<Chức vụ>>")),
                _ => None,
            },
            don_vi: dq(&don_vi),
            kind,
        };
        // The list's details go where the skeleton has their lines; a combined text stands in
        // for the unit only when the list has no unit column of its own.
        let details = template::Details {
            cap_bac: row
                .cap_bac
                .as_ref()
                .filter(|_| row.loai == NomineeType::Individual)
                .map(|k| dq(k)),
            ngay_sinh: row.ngay_sinh,
            gioi_tinh: row.gioi_tinh,
            chuc_vu_don_vi: combined.filter(|_| row.don_vi.is_none()).map(|c| dq(c)),
        };
        let mut text = skeletons.report(&nominee, &details);
        if let (Some(cd), Some(_)) = (combined, &row.don_vi) {
            let block = format!(
                "# Chức vụ và đơn vị công tác trong một câu, như danh sách ghi.\nchuc_vu_don_vi: {}\n",
                dq(cd)
            );
            text = insert_after_field(&text, &format!("don_vi: {}", dq(&don_vi)), &block);
        }
        Some((
            Change {
                path: dir.join("bao-cao").join(format!("{ma}.yaml")),
                before: None,
                after: text,
            },
            None,
        ))
        })
        .collect();
    staged.extend(reports);
    Ok(Plan {
        dir: dir.to_path_buf(),
        staged,
        remove,
    })
}

/// Where a skeleton's field is: from the first of the comment lines right above `line` to the
/// end of `line`. None when the line is not there.
fn field_at(text: &str, line: &str) -> Option<(usize, usize)> {
    let at = if text.starts_with(&format!("{line}\n")) {
        0
    } else {
        text.find(&format!("\n{line}\n"))? + 1
    };
    let end = at + line.len() + 1;
    let mut start = at;
    // Up over the comment lines right above it.
    while start > 0 {
        let prev = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if !text[prev..start].starts_with('#') {
            break;
        }
        start = prev;
    }
    Some((start, end))
}

/// The skeleton with `block` put after a field, a blank line between.
fn insert_after_field(text: &str, line: &str, block: &str) -> String {
    match field_at(text, line) {
        Some((_, end)) => format!("{}\n{block}{}", &text[..end], &text[end..]),
        None => text.to_owned(),
    }
}

/// The example nominee `dossier init` writes (a name still a placeholder) gives way to the
/// list: its entry and vote line go, and its report too while it is the untouched skeleton
/// (every text a placeholder). Returns the reports to remove, with the text they hold.
fn drop_examples(
    dir: &Path,
    list: &mut Vec<Entry>,
    votes: Option<&mut Vec<Entry>>,
    read: &Read,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, String)> {
    if read.rows.is_empty() {
        return Vec::new();
    }
    let examples: Vec<String> = list
        .iter()
        .filter(|e| e.get("ten").is_some_and(crate::edit::is_placeholder))
        .filter_map(|e| e.get("ma").map(str::to_owned))
        .collect();
    if examples.is_empty() {
        return Vec::new();
    }
    list.retain(|e| !e.get("ma").is_some_and(|m| examples.iter().any(|x| x == m)));
    if let Some(v) = votes {
        v.retain(|e| !e.get("ma").is_some_and(|m| examples.iter().any(|x| x == m)));
    }
    let mut remove = Vec::new();
    for ma in &examples {
        problems.push(Problem::note(
            format!("to-trinh.yaml ({ma})"),
            msg!("bỏ người mẫu \"{}\" của mẫu hồ sơ: danh sách thay cho nó", ma;
                 "the template's example nominee `{}` is dropped: the list replaces it", ma),
        ));
        let path = dir.join("bao-cao").join(format!("{ma}.yaml"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let root = parse(&text).root;
        let untouched = root.as_ref().is_some_and(|r| {
            ["ten", "hanh_dong", "thanh_tich", "cong_trang"]
                .iter()
                .all(|k| {
                    r.text(k)
                        .map(str::trim)
                        .is_none_or(crate::edit::is_placeholder)
                })
        });
        if untouched {
            remove.push((path, text));
        } else {
            problems.push(Problem::note(
                crate::text::file_name::shown_path(&path),
                msg!("báo cáo mẫu đã có nội dung: giữ nguyên, hãy tự xóa nếu không dùng"; "the example report has content: kept, remove it yourself if unused"),
            ));
        }
    }
    remove
}

/// Who a name is, for matching rows: [`name_key`] without case, since spreadsheets often hold a
/// name in capitals ("LÊ VĂN BÌNH") beside the same name written normally.
fn person_key(name: &str) -> String {
    name_key(name).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skeleton_field_is_found_with_its_comment() {
        let t = "ma: x\n\n# Họ và tên.\n# Hai dòng.\nten: \"A\"\n\n# Đơn vị.\ndon_vi: \"B\"\n";
        assert_eq!(
            insert_after_field(t, "don_vi: \"B\"", "chuc_vu_don_vi: \"C\"\n"),
            "ma: x\n\n# Họ và tên.\n# Hai dòng.\nten: \"A\"\n\n# Đơn vị.\ndon_vi: \"B\"\n\nchuc_vu_don_vi: \"C\"\n"
        );
        assert_eq!(insert_after_field(t, "nothing", "x"), t);
    }
}
