//! Attachments (`dinh_kem`): each must be a regular file inside the dossier folder whose bytes
//! are really a PDF, JPEG or PNG; and every file in the folder should be referenced, since an
//! unreferenced scan is usually a forgotten `dinh_kem` line (or a file that should not travel
//! with personal data).
//!
//! Only the first bytes of each attachment are read: scans can be large.
//!
//! A name that finds no file but looks like one in the folder (other case, other Unicode form, an
//! invisible character, a look-alike letter) is one finding about that name, which also counts
//! the file as referenced: "not found" plus "unreferenced" about one file tells the clerk two
//! things she cannot see the reason for.

use std::path::{Component, Path};

use std::collections::HashMap;

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::files::{normalise_path as normalise, on_disk, shown_name, sniff, Sniffed};
use crate::dossier::{copies, HeldName};
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;
use crate::store::Kind;
use crate::text::file_name::unsafe_name;
use crate::text::suggest::did_you_mean;
use crate::text::to_nfc;

fn escapes(p: &str) -> bool {
    let t = p.trim();
    let b = t.as_bytes();
    let drive = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':';
    t.starts_with('/')
        || t.starts_with('\\')
        || drive
        || Path::new(&t.replace('\\', "/")).components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        })
}

/// Files whose names are equal up to case or Unicode form (DK005): extracted on Windows or
/// macOS, one would overwrite the other.
fn collisions(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let mut seen: HashMap<String, &String> = HashMap::new();
    for f in &d.files {
        let key = to_nfc(f).to_lowercase();
        let Some(first) = seen.get(&key) else {
            seen.insert(key, f);
            continue;
        };
        let (vi, en) = if to_nfc(first) == to_nfc(f) {
            (
                "chỉ khác dạng Unicode (một tên ở dạng tổ hợp NFD)",
                "differ only in Unicode form (one is decomposed, NFD)",
            )
        } else {
            (
                "chỉ khác chữ hoa, chữ thường",
                "differ only in upper and lower case",
            )
        };
        cx.push(
            Finding::new(
                Rule::DK005,
                f,
                None,
                msg!("hai tệp \"{}\" và \"{}\" {}: khi giải nén trên Windows hoặc macOS, tệp này sẽ ghi đè tệp kia", shown_name(first), shown_name(f), vi;
                     "the files \"{}\" and \"{}\" {}: extracted on Windows or macOS, one overwrites the other", shown_name(first), shown_name(f), en),
            )
            .help(msg!("đổi tên một trong hai tệp cho khác hẳn và sửa dinh_kem theo, hoặc xóa tệp thừa";
                       "rename one of them to a clearly different name and correct dinh_kem, or delete the extra one")),
        );
    }
}

pub(crate) fn check(cx: &mut Ctx<'_>) {
    collisions(cx);
    let d = cx.d;
    let mut all: Vec<(String, &Sp<String>)> = Vec::new();
    if let Some(t) = &d.to_trinh {
        let f = cx.to_trinh_file().to_owned();
        all.extend(t.dinh_kem.iter().map(|a| (f.clone(), a)));
    }
    if let Some(b) = &d.bien_ban {
        let f = cx.bien_ban_file().to_owned();
        all.extend(b.dinh_kem.iter().map(|a| (f.clone(), a)));
    }
    for r in &d.reports {
        all.extend(r.dinh_kem.iter().map(|a| (r.file.clone(), a)));
    }
    // A held finding whose name no document hands over (the document could not be read to
    // the end) is given as the reader would have given it.
    for h in &d.held_names {
        if !all.iter().any(|(f, a)| *f == h.file && a.at == h.at) {
            cx.push(h.finding.clone());
        }
    }
    let mut referenced: Vec<String> = Vec::new();
    for (file, a) in &all {
        if let Some(rel) = one(cx, file, a) {
            // A folder named as an attachment: its files are named in that finding, and are
            // not also "unreferenced".
            if matches!(cx.store.kind(&rel), Kind::Dir) {
                let inside = format!("{rel}/");
                referenced.extend(d.files.iter().filter(|f| f.starts_with(&inside)).cloned());
            }
            referenced.push(rel);
        }
    }
    if let Some(p) = d.ho_so.as_ref().and_then(|h| h.phong_trao.as_ref()) {
        referenced.push(normalise(&p.v));
    }
    unreferenced(cx, &referenced);
}

/// Check one attachment; its normalised path when it is inside the dossier.
fn one(cx: &mut Ctx<'_>, file: &str, a: &Sp<String>) -> Option<String> {
    if a.v.trim().is_empty() {
        return None;
    }
    let d = cx.d;
    let held: Vec<&HeldName> = d
        .held_names
        .iter()
        .filter(|h| h.file == file && h.at == a.at)
        .collect();
    // The name as written: the character check runs before the reader and holds the text as
    // it was before anything was taken out of it, so the first held name is the rawest.
    let raw = held.first().map_or(a.v.as_str(), |h| h.raw.as_str());
    if escapes(&a.v) {
        give_held(cx, &held, &[]);
        cx.push(
            Finding::new(
                Rule::DK002,
                file,
                Some(a.at),
                msg!("tệp đính kèm \"{}\" nằm ngoài thư mục hồ sơ", a.v; "attachment \"{}\" is outside the dossier folder", a.v),
            )
            .help(msg!("chép tệp vào thư mục dinh-kem/ của hồ sơ và ghi đường dẫn tương đối, ví dụ: dinh-kem/to-trinh.pdf";
                       "copy the file into the dossier's dinh-kem/ folder and give a relative path, e.g. dinh-kem/to-trinh.pdf")),
        );
        return None;
    }
    let written = normalise(&a.v);
    // Held findings that one finding about the name replaces.
    let mut replaced: Vec<Rule> = Vec::new();
    let rel = match on_disk(cx.store, &written) {
        Some(found) if found != written => {
            let both = held.iter().any(|h| h.finding.rule == Rule::VB001);
            let f = if both {
                // The document writes the name decomposed too: one finding about both.
                replaced.push(Rule::VB001);
                Finding::new(
                    Rule::VB001,
                    file,
                    Some(a.at),
                    msg!("tên tệp đính kèm \"{}\" ở dạng chữ tổ hợp (NFD, như macOS ghi) cả trong văn bản lẫn trên đĩa: vẫn là một tên, chương trình đã đọc ở dạng dựng sẵn (NFC), và gói hồ sơ lưu tên ở dạng NFC", written;
                         "the attachment's name \"{}\" is in decomposed letters (NFD, as macOS writes) in the document and on disk alike: still the same name, read in precomposed form (NFC), and the bundle stores it in NFC", written),
                )
                .help(msg!("chạy dossier fix để đổi tên tệp và dòng dinh_kem về dạng NFC";
                           "run dossier fix to put the file's name and the dinh_kem line in NFC"))
            } else {
                Finding::new(
                    Rule::VB001,
                    file,
                    Some(a.at),
                    msg!("tên tệp \"{}\" trên đĩa được lưu ở dạng chữ tổ hợp (NFD, như macOS ghi), còn văn bản ghi ở dạng dựng sẵn (NFC): hai cách ghi là một tên; gói hồ sơ lưu tên ở dạng NFC", written;
                         "the file \"{}\" is named on disk in decomposed letters (NFD, as macOS writes), while the document writes it precomposed (NFC): the same name; the bundle stores it in NFC", written),
                )
                .help(msg!("chạy dossier fix để đổi tên tệp về dạng NFC"; "run dossier fix to rename the file to NFC"))
            };
            cx.push(f);
            found
        }
        _ => written.clone(),
    };
    if matches!(cx.store.kind(&rel), Kind::Missing) && d.files.binary_search(&rel).is_ok() {
        // Listed in the folder, yet neither a file nor a folder: a named pipe, a device. It is
        // there under exactly this name, so "not found" and "differs in case" would both be
        // wrong.
        give_held(cx, &held, &[]);
        cx.push(
            Finding::new(
                Rule::DK001,
                file,
                Some(a.at),
                msg!("tệp đính kèm \"{}\" không phải tệp thường (là ống dẫn, thiết bị hoặc một loại mục đặc biệt khác của hệ điều hành): không đọc và không gửi đi được", shown_name(&rel);
                     "attachment \"{}\" is not a regular file (a pipe, a device or another special entry of the system): it cannot be read or sent", shown_name(&rel)),
            )
            .help(msg!("xóa mục này và đặt bản quét thật (tệp PDF, JPEG hoặc PNG) vào đúng đường dẫn đó";
                       "remove this entry and put the real scan (a PDF, JPEG or PNG file) at that path")),
        );
        return Some(rel);
    }
    if matches!(cx.store.kind(&rel), Kind::Missing) {
        // The file on disk may bear an invisible character, a trailing space or a look-alike
        // letter the document's name lacks, or bear it as the document does: one finding
        // about the name, not "not found" and "unreferenced" about one file.
        if let Some(disk) = look_alike_file(cx, &written) {
            let named = super::portable::disk_name(d, file, a, raw, &disk, &written)
                .or_else(|| super::portable::lookalike_disk_name(d, file, a, raw, &disk, &written));
            if let Some((f, in_document)) = named {
                cx.push(f);
                let replaced: &[Rule] = if in_document {
                    &[Rule::VB004, Rule::VB005]
                } else {
                    &[]
                };
                give_held(cx, &held, replaced);
                return Some(disk);
            }
        }
        if let Some(disk) = other_case(cx, &written) {
            give_held(cx, &held, &[]);
            cx.push(case_only(file, a, &disk));
            return Some(disk);
        }
    } else if rel == written
        && matches!(cx.store.kind(&rel), Kind::File(_))
        && held.iter().any(|h| h.finding.rule == Rule::VB001)
    {
        // Decomposed in the document only: the file on disk bears the precomposed name.
        replaced.push(Rule::VB001);
        cx.push(
            Finding::new(
                Rule::VB001,
                file,
                Some(a.at),
                msg!("tên tệp đính kèm \"{}\" trong văn bản ở dạng chữ tổ hợp (NFD, thường do gõ trên máy Mac), còn tên tệp trên đĩa ở dạng dựng sẵn (NFC): hai cách ghi là một tên, chương trình đã đọc theo tên trên đĩa", written;
                     "the attachment's name \"{}\" is in decomposed letters in the document (NFD, usually typed on a Mac), while the file on disk is named precomposed (NFC): the same name, read as the file's", written),
            )
            .help(msg!("chạy dossier fix để đổi dòng dinh_kem về dạng NFC"; "run dossier fix to put the dinh_kem line in NFC")),
        );
    }
    if let Some(h) = held
        .iter()
        .find(|h| h.finding.rule == Rule::VB005)
        .filter(|_| matches!(cx.store.kind(&rel), Kind::File(_)))
    {
        // A look-alike letter in the document only: the file on disk is named in Latin
        // letters, and the checks, reading the letter as Latin, found it.
        if let Some(f) = super::portable::lookalike_in_document(d, file, a, raw, h, &written) {
            replaced.push(Rule::VB005);
            cx.push(f);
        }
    }
    give_held(cx, &held, &replaced);
    match cx.store.kind(&rel) {
        Kind::Missing => {
            cx.push(missing(cx, file, a, &rel));
            return Some(rel);
        }
        Kind::Dir => {
            cx.push(folder(cx, file, a, &rel));
            return Some(rel);
        }
        Kind::OutsideLink => {
            // Reached through a linked folder of the dossier: said once, at the folder (HS020).
            if super::links::said_at_the_folder(cx, &rel) {
                return Some(rel);
            }
            let link = cx.store.outside_link(&rel);
            let (vi, en) = match &link {
                Some(l) if l.rel != rel => (
                    format!(" qua liên kết \"{}\" trỏ ra ngoài hồ sơ (hoặc tới chỗ không còn), {}", l.rel, l.to.vi),
                    format!(" through the link \"{}\", which leads out of the dossier (or to nothing), {}", l.rel, l.to.en),
                ),
                Some(l) => (
                    format!(" là liên kết trỏ ra ngoài hồ sơ (hoặc trỏ tới tệp không còn), {}", l.to.vi),
                    format!(" is a link leading out of the dossier (or to nothing), {}", l.to.en),
                ),
                None => (
                    " là liên kết trỏ ra ngoài hồ sơ (hoặc trỏ tới tệp không còn)".to_owned(),
                    " is a link leading out of the dossier (or to nothing)".to_owned(),
                ),
            };
            let above = link.as_ref().filter(|l| l.rel != rel);
            let (reached_vi, reached_en) = if above.is_some() {
                (" được ghi", " is named")
            } else {
                ("", "")
            };
            let help = match above {
                Some(l) => {
                    msg!("thay liên kết \"{}\" bằng bản sao thật của thư mục nó trỏ tới, trong thư mục hồ sơ", l.rel;
                                "replace the link \"{}\" with a real copy of the folder it leads to, inside the dossier folder", l.rel)
                }
                None => {
                    msg!("thay liên kết bằng bản sao thật của tệp"; "replace the link with a real copy of the file")
                }
            };
            cx.push(
                Finding::new(
                    Rule::DK002,
                    file,
                    Some(a.at),
                    msg!("tệp đính kèm \"{}\"{}{}: chương trình không đọc tệp ở nơi liên kết trỏ tới, và gói hồ sơ không mang theo được", a.v, reached_vi, vi;
                         "attachment \"{}\"{}{}: the file it leads to is not read, and the bundle cannot carry it", a.v, reached_en, en),
                )
                .help(help),
            );
            return Some(rel);
        }
        Kind::File(_) => {}
    }
    let mut head = [0u8; 16];
    let n = cx.store.head(&rel, &mut head);
    let sniffed = sniff(&head[..n]);
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let named = match ext.as_str() {
        "pdf" => Some(Sniffed::Pdf),
        "jpg" | "jpeg" => Some(Sniffed::Jpeg),
        "png" => Some(Sniffed::Png),
        _ => None,
    };
    let kind = |s: Sniffed| match s {
        Sniffed::Pdf => ("tệp PDF", "a PDF", "pdf"),
        Sniffed::Jpeg => ("ảnh JPEG", "a JPEG image", "jpg"),
        Sniffed::Png => ("ảnh PNG", "a PNG image", "png"),
        Sniffed::Other(vi, en) => (vi, en, ""),
    };
    if let Some(named) = named.filter(|&n| !matches!(sniffed, Sniffed::Other(..)) && n != sniffed) {
        let (vi, en, right) = kind(sniffed);
        let (nvi, nen, _) = kind(named);
        cx.push(
            Finding::new(
                Rule::DK007,
                file,
                Some(a.at),
                msg!("tệp đính kèm \"{}\" mang đuôi .{} ({}) nhưng nội dung là {}", a.v, ext, nvi, vi;
                     "attachment \"{}\" is named .{} ({}) but its content is {}", a.v, ext, nen, en),
            )
            .help(msg!("đổi đuôi tệp thành .{} và sửa dinh_kem theo, hoặc chuyển tệp sang đúng loại", right;
                       "rename the file to .{} and correct dinh_kem, or convert the file", right)),
        );
    }
    if let Sniffed::Other(vi, en) = sniffed {
        cx.push(
            Finding::new(
                Rule::DK003,
                file,
                Some(a.at),
                msg!("tệp đính kèm \"{}\" không phải PDF, JPEG hay PNG: nội dung là {}", a.v, vi;
                     "attachment \"{}\" is not a PDF, JPEG or PNG: its content is {}", a.v, en),
            )
            .help(msg!("quét (scan) bản gốc có chữ ký ra PDF, JPEG hoặc PNG; đổi đuôi tên tệp không đổi được nội dung";
                       "scan the signed original to PDF, JPEG or PNG; renaming a file does not change its content")),
        );
    }
    Some(rel)
}

/// The findings the reader held back for this name, but those of the `replaced` rules, which
/// a finding about the whole name says in their place.
fn give_held(cx: &mut Ctx<'_>, held: &[&HeldName], replaced: &[Rule]) {
    for h in held {
        if !replaced.contains(&h.finding.rule) {
            cx.push(h.finding.clone());
        }
    }
}

/// A file of the folder whose name differs from `written` only in upper and lower case (and
/// perhaps in Unicode form).
fn other_case(cx: &Ctx<'_>, written: &str) -> Option<String> {
    let want = to_nfc(written).to_lowercase();
    cx.d.files
        .iter()
        .find(|f| to_nfc(f).to_lowercase() == want)
        .cloned()
}

/// DK001 for an attachment whose file is in the folder under the same name in other case:
/// Windows would open it, the program (and a receiving office on another system) does not.
fn case_only(file: &str, a: &Sp<String>, disk: &str) -> Finding {
    let written = normalise(&a.v);
    Finding::new(
        Rule::DK001,
        file,
        Some(a.at),
        msg!("không tìm thấy tệp đính kèm \"{}\": trong thư mục có tệp \"{}\", tên chỉ khác chữ hoa, chữ thường; tên tệp phải ghi đúng từng chữ, kể cả chữ hoa, chữ thường", written, shown_name(disk);
             "attachment \"{}\" not found: the folder holds \"{}\", a name that differs only in upper and lower case; the name must match exactly, case included", written, shown_name(disk)),
    )
    .help(msg!("có phải là \"{}\"? Sửa dòng dinh_kem thành \"{}\", hoặc đổi tên tệp trên đĩa thành \"{}\"", shown_name(disk), shown_name(disk), written;
               "did you mean \"{}\"? Write \"{}\" in the dinh_kem line, or rename the file on disk to \"{}\"", shown_name(disk), shown_name(disk), written))
}

/// A file of the folder whose name is `written` once invisible characters, look-alike letters
/// and the spaces and dots that end a part of the name are set right, and that differs from
/// `written`.
fn look_alike_file(cx: &Ctx<'_>, written: &str) -> Option<String> {
    let want = plain_name(written);
    let others = || cx.d.files.iter().filter(|f| f.as_str() != written);
    // Failing that, the same up to case too: renaming the file to the document's name, which
    // the finding asks for, sets both right.
    let lower = want.to_lowercase();
    others()
        .find(|f| plain_name(f) == want)
        .or_else(|| others().find(|f| plain_name(f).to_lowercase() == lower))
        .cloned()
}

/// A name as it reads on screen: in NFC, without invisible characters, with look-alike letters
/// written in Latin, without the spaces and dots Windows drops from the end of each part.
pub(super) fn plain_name(name: &str) -> String {
    let visible: String = crate::text::chars::clean(&to_nfc(name))
        .chars()
        .filter(|&c| !crate::text::chars::is_invisible(c))
        .collect();
    visible
        .split('/')
        .map(|seg| seg.trim_end_matches([' ', '.']))
        .collect::<Vec<_>>()
        .join("/")
}

/// An attachment path that names a folder: say so, and name the scans in it, which are what
/// `dinh_kem` should list.
fn folder(cx: &Ctx<'_>, file: &str, a: &Sp<String>, rel: &str) -> Finding {
    let inside = format!("{rel}/");
    let files: Vec<&str> =
        cx.d.files
            .iter()
            .filter(|f| f.starts_with(&inside))
            .map(String::as_str)
            .collect();
    let f = Finding::new(
        Rule::DK001,
        file,
        Some(a.at),
        msg!("tệp đính kèm \"{}\" là thư mục, không phải tệp", a.v;
             "attachment \"{}\" is a folder, not a file", a.v),
    );
    match files.as_slice() {
        [] => f.help(msg!("thư mục này trống: chép bản quét vào thư mục rồi ghi đường dẫn tới từng tệp, mỗi tệp một dòng dưới dinh_kem, ví dụ \"{}/to-trinh.pdf\"", rel;
                          "the folder is empty: put the scans in it and list each file's path on its own line under dinh_kem, e.g. \"{}/to-trinh.pdf\"", rel)),
        _ => {
            let shown = files.iter().take(5).copied().collect::<Vec<_>>().join(", ");
            let more = files.len().saturating_sub(5);
            let (more_vi, more_en) = if more > 0 {
                (format!(" và {more} tệp khác"), format!(" and {more} more"))
            } else {
                (String::new(), String::new())
            };
            f.help(msg!("ghi đường dẫn tới từng tệp, mỗi tệp một dòng dưới dinh_kem; trong thư mục có: {}{}", shown, more_vi;
                        "list each file's path on its own line under dinh_kem; the folder holds: {}{}", shown, more_en))
        }
    }
}

fn missing(cx: &Ctx<'_>, file: &str, a: &Sp<String>, rel: &str) -> Finding {
    let f = Finding::new(
        Rule::DK001,
        file,
        Some(a.at),
        msg!("không tìm thấy tệp đính kèm \"{}\" trong thư mục hồ sơ", a.v; "attachment \"{}\" not found in the dossier folder", a.v),
    );
    // The file the clerk most likely meant: the same name in other case first (Windows does
    // not tell them apart, the bundle's receiver may), else a name one or two typos away.
    let lower = to_nfc(rel).to_lowercase();
    let files: Vec<&str> = cx.d.files.iter().map(String::as_str).collect();
    let near = files
        .iter()
        .find(|f| to_nfc(f).to_lowercase() == lower)
        .copied()
        .or_else(|| did_you_mean(rel, &files));
    match near {
        Some(n) => f.help(msg!("có phải là \"{}\"? Tên tệp phải ghi đúng từng chữ, kể cả chữ hoa, chữ thường", shown_name(n);
                               "did you mean \"{}\"? The name must match exactly, upper and lower case included", shown_name(n))),
        None => f.help(msg!("chép bản quét vào đúng đường dẫn này, hoặc sửa đường dẫn (phân biệt chữ hoa, chữ thường)";
                            "put the scan at this path, or correct the path (case matters)")),
    }
}

fn unreferenced(cx: &mut Ctx<'_>, referenced: &[String]) {
    let d = cx.d;
    // A YAML file that could not be read may well name the files that look unreferenced;
    // saying so would send the clerk after the wrong problem.
    // So may a proposal that is missing: it names most scans, and without it every one of them
    // would look unreferenced besides the HS001 that says it is missing.
    let proposal_missing =
        d.to_trinh_file.is_none() && cx.rs.is_none_or(|r| r.procedure.proposal.required);
    let unread = proposal_missing
        || (d.to_trinh_file.is_some() && d.to_trinh.is_none())
        || (d.bien_ban_file.is_some() && d.bien_ban.is_none())
        || d.reports.len() < d.report_files.len()
        // Reports behind a `bao-cao/` linked out are not read either (HS020 says so).
        || matches!(cx.store.kind("bao-cao"), Kind::OutsideLink);
    // A component under another name ("Copy of to-trinh.yaml") was not read either, and
    // HS001 already says to rename it.
    let present = |name: &str| match name {
        "ho-so.yaml" => d.ho_so_file.is_some(),
        "to-trinh.yaml" => d.to_trinh_file.is_some(),
        _ => d.bien_ban_file.is_some(),
    };
    let stood_in = ["to-trinh.yaml", "bien-ban.yaml"]
        .iter()
        .any(|c| !present(c) && copies::stand_in(&d.files, c).is_some());
    if unread || stood_in {
        return;
    }
    for f in &d.files {
        if let Some(m) = copies::meant(f) {
            if present(m.name) && !copies::case_only(f, m.name) {
                cx.push(spare_copy(f, m.name, m.copy));
            }
            continue;
        }
        if let Some(original) = copies::report_original(f, &d.files) {
            cx.push(spare_copy(f, &original, true));
            continue;
        }
        let component = matches!(
            f.as_str(),
            "ho-so.yaml"
                | "ho-so.yml"
                | "to-trinh.yaml"
                | "to-trinh.yml"
                | "bien-ban.yaml"
                | "bien-ban.yml"
        ) || d.report_files.iter().any(|(r, _)| r == f);
        let readme = !f.contains('/') && f.to_ascii_lowercase().starts_with("readme");
        if component || readme || referenced.iter().any(|r| r == f) {
            continue;
        }
        // A link out of the dossier is HS020's, an error whether or not anything names it.
        if matches!(cx.store.kind(f), Kind::OutsideLink) {
            continue;
        }
        if let Some(finding) = not_a_file(cx, f) {
            cx.push(finding);
            continue;
        }
        if let Some((vi, en)) = unsafe_name(f.as_bytes(), false) {
            // `pack` leaves the file behind, so this is no error yet; but the clerk's likely
            // next step, naming it under dinh_kem, would meet DK006: say both at once.
            cx.push(
                Finding::new(
                    Rule::DK004,
                    f,
                    None,
                    msg!("tệp \"{}\" nằm trong hồ sơ nhưng không văn bản nào nhắc tới (\"dinh_kem\"), và tên tệp không gửi đi được: {}", shown_name(f), vi;
                         "file \"{}\" is in the dossier but no document refers to it (\"dinh_kem\"), and its name cannot travel: {}", shown_name(f), en),
                )
                .help(msg!("nếu tệp cần gửi kèm, đổi tên tệp, chỉ dùng chữ, số, dấu cách và dấu gạch ngang (ví dụ \"dinh-kem/quyet-dinh.pdf\"), rồi ghi tên mới vào \"dinh_kem\" của văn bản tương ứng; nếu không, chuyển tệp ra khỏi thư mục hồ sơ";
                           "if the file is to be sent, rename it using letters, digits, spaces and hyphens (e.g. \"dinh-kem/quyet-dinh.pdf\") and name it under the right document's \"dinh_kem\"; if not, move it out of the dossier folder")),
            );
            continue;
        }
        cx.push(
            Finding::new(
                Rule::DK004,
                f,
                None,
                msg!("tệp \"{}\" nằm trong hồ sơ nhưng không văn bản nào nhắc tới (\"dinh_kem\")", f;
                     "file \"{}\" is in the dossier but no document refers to it (\"dinh_kem\")", f),
            )
            .help(if cx.store.received() {
                msg!("đề nghị nơi gửi ghi tệp vào \"dinh_kem\" của văn bản tương ứng, hoặc bỏ tệp ra khỏi gói, rồi đóng gói lại bằng lệnh dossier pack";
                     "ask the sender to name it under the right document's \"dinh_kem\", or to leave it out of the bundle, and to pack the dossier again with dossier pack")
            } else {
                msg!("ghi tệp vào \"dinh_kem\" của văn bản tương ứng, hoặc chuyển tệp ra khỏi thư mục hồ sơ (hồ sơ có thông tin cá nhân, không gửi kèm tệp thừa)";
                     "name it under the right document's \"dinh_kem\", or move it out of the dossier folder (dossiers carry personal data; send nothing extra)")
            }),
        );
    }
}

/// An entry of the folder that is no file of the dossier: a link to a folder, a named pipe, a
/// device. "Name it under dinh_kem" would be wrong advice: it holds nothing that can be sent,
/// and `pack` would refuse it. Removing it loses nothing. (A link leading out is HS020's.)
fn not_a_file(cx: &Ctx<'_>, f: &str) -> Option<Finding> {
    let shown = shown_name(f);
    let kind = cx.store.kind(f);
    let (vi, en) = match kind {
        Kind::File(_) | Kind::OutsideLink => return None,
        Kind::Dir => (
            "là liên kết tới một thư mục, không phải tệp",
            "is a link to a folder, not a file",
        ),
        Kind::Missing => (
            "không phải tệp thường (là ống dẫn, thiết bị hoặc một loại mục đặc biệt khác của hệ điều hành) nên không gửi đi được",
            "is not a regular file (a pipe, a device or another special entry of the system), so it cannot be sent",
        ),
    };
    Some(
        Finding::new(
            Rule::DK004,
            f,
            None,
            msg!("\"{}\" {}", shown, vi; "\"{}\" {}", shown, en),
        )
        .help(if matches!(kind, Kind::Missing) {
            msg!("xóa mục này khỏi thư mục hồ sơ; nếu cần gửi kèm một tệp, chép tệp thật vào thư mục dinh-kem rồi ghi vào \"dinh_kem\"";
                 "remove this entry from the dossier folder; to send a file, copy the real file into dinh-kem and name it under \"dinh_kem\"")
        } else {
            msg!("xóa liên kết này khỏi thư mục hồ sơ (xóa liên kết không xóa thứ mà nó trỏ tới); nếu cần gửi kèm một tệp, chép bản thật của tệp vào thư mục dinh-kem rồi ghi vào \"dinh_kem\"";
                 "remove this link from the dossier folder (removing a link does not remove what it leads to); to send a file, copy the real file into dinh-kem and name it under \"dinh_kem\"")
        }),
    )
}

/// A second `to-trinh.yaml` under a copy's name: not an attachment to list, but a spare the
/// program does not read. It may hold edits the clerk meant to keep, so the advice is to carry
/// them over before the copy goes.
fn spare_copy(f: &str, original: &str, copy: bool) -> Finding {
    let shown = shown_name(f);
    let (vi, en) = if copy {
        ("là bản sao của", "is a copy of")
    } else {
        ("có tên gần giống", "has a name close to")
    };
    Finding::new(
        Rule::DK004,
        f,
        None,
        msg!("tệp \"{}\" {} {}; chương trình chỉ đọc {}, không đọc tệp này", shown, vi, original, original;
             "file \"{}\" {} {}; only {} is read, not this file", shown, en, original, original),
    )
    .help(msg!("nếu tệp này có nội dung cần giữ, chép phần đó vào {}; rồi xóa tệp này hoặc chuyển ra khỏi thư mục hồ sơ", original;
               "if this file holds anything to keep, copy it into {}; then delete this file or move it out of the dossier folder", original))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder() {
        for p in [
            "../x.pdf",
            "/etc/passwd",
            "C:\\scan.pdf",
            "dinh-kem/../../x.pdf",
            "\\\\server\\x.pdf",
        ] {
            assert!(escapes(p), "{p}");
        }
        for p in [
            "dinh-kem/x.pdf",
            "./dinh-kem/x.pdf",
            "dinh-kem\\x.pdf",
            "x..pdf",
        ] {
            assert!(!escapes(p), "{p}");
        }
        assert_eq!(normalise("./dinh-kem\\a.pdf"), "dinh-kem/a.pdf");
    }
}
