//! Loading one dossier folder: list its files, read each YAML file once, build the typed
//! documents, and keep the texts so findings can show their source lines.
//!
//! Nothing here writes anywhere: the dossier belongs to the clerk.

use std::path::PathBuf;

use super::documents;
use super::held::HeldName;
use super::model::{BaoCao, BienBan, HoSo, ToTrinh};
use super::reader::Reader;
use crate::diag::Rule;
use crate::diag::{Finding, Sink};
use crate::msg;
use crate::source::{Pos, Span};
use crate::store::Store;
use crate::yaml::decode::{DecodeProblem, MAX_YAML_BYTES};
use crate::yaml::tree::{self, Limit, Problem};

/// A file's text, kept for the snippets of the human output.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path relative to the dossier, `/`-separated.
    pub rel: String,
    /// The text (BOM removed).
    pub text: String,
}

/// One dossier, read.
#[derive(Debug, Default)]
pub struct Dossier {
    /// The folder.
    pub root: PathBuf,
    /// Texts of the YAML files that were read.
    pub sources: Vec<SourceText>,
    /// Every file in the folder (not hidden, not following symlinks), relative, sorted.
    pub files: Vec<String>,
    /// `ho-so.yaml`, when present and readable.
    pub ho_so: Option<HoSo>,
    /// Which file name holds the manifest (`ho-so.yaml` or `.yml`).
    pub ho_so_file: Option<String>,
    /// `to-trinh.yaml`.
    pub to_trinh: Option<ToTrinh>,
    /// Its file name, when the file exists (even if unreadable).
    pub to_trinh_file: Option<String>,
    /// `bien-ban.yaml`.
    pub bien_ban: Option<BienBan>,
    /// Its file name, when the file exists.
    pub bien_ban_file: Option<String>,
    /// The reports that could be read.
    pub reports: Vec<BaoCao>,
    /// Report files that exist, read or not: (file, id from the file name).
    pub report_files: Vec<(String, String)>,
    /// Attachment names written with invisible characters, look-alike letters or decomposed
    /// letters, which the documents hold cleaned.
    pub held_names: Vec<HeldName>,
    /// The files every text of which was read as ASCII or plain Vietnamese: every document's
    /// text comes from its own file's reader, so the font check (VB003) has nothing to find
    /// in them and need not read their texts again.
    pub(crate) prints_whole: Vec<String>,
}

/// Read a dossier. `root` is where it is, for messages. Problems become findings in `sink`.
#[must_use]
pub fn load(store: &dyn Store, root: PathBuf, sink: &mut Sink) -> Dossier {
    let mut d = Dossier {
        root,
        files: store.list(),
        ..Dossier::default()
    };
    let find = |files: &[String], stem: &str| -> Option<String> {
        [format!("{stem}.yaml"), format!("{stem}.yml")]
            .into_iter()
            .find(|c| files.binary_search(c).is_ok())
    };
    d.ho_so_file = find(&d.files, "ho-so");
    d.to_trinh_file = find(&d.files, "to-trinh");
    d.bien_ban_file = find(&d.files, "bien-ban");
    d.report_files = d
        .files
        .iter()
        .filter_map(|f| {
            let name = f.strip_prefix("bao-cao/")?;
            if name.contains('/') {
                return None;
            }
            let ma = name
                .strip_suffix(".yaml")
                .or_else(|| name.strip_suffix(".yml"))?;
            // A copy beside its report is no one's report (the attachment check names it).
            if super::copies::report_original(f, &d.files).is_some() {
                return None;
            }
            Some((f.clone(), ma.to_owned()))
        })
        .collect();

    if let Some(f) = d.ho_so_file.clone() {
        d.ho_so = read(store, &mut d, sink, &f, documents::ho_so);
    }
    if let Some(f) = d.to_trinh_file.clone() {
        d.to_trinh = read(store, &mut d, sink, &f, documents::to_trinh);
    }
    if let Some(f) = d.bien_ban_file.clone() {
        d.bien_ban = read(store, &mut d, sink, &f, documents::bien_ban);
    }
    // The minutes' one vote for the whole list, carried by every listed nominee.
    if let (Some(bb), Some(tt)) = (d.bien_ban.as_mut(), d.to_trinh.as_ref()) {
        bb.carry_common_vote(&tt.danh_sach);
    }
    for (f, ma) in d.report_files.clone() {
        if let Some(rep) = read(store, &mut d, sink, &f, |r, n| {
            documents::bao_cao(r, n, &f, &ma)
        }) {
            d.reports.push(rep);
        }
    }
    d
}

fn read<T>(
    store: &dyn Store,
    d: &mut Dossier,
    sink: &mut Sink,
    rel: &str,
    build: impl FnOnce(&mut Reader<'_>, &tree::Node) -> Option<T>,
) -> Option<T> {
    // A link leading out of the dossier is not followed: what it leads to is not the clerk's
    // dossier and does not travel with it, and nothing outside the given folder is read. The
    // store says so when asked for the text, without a look at the path before every read.
    let read = store.read_text(rel);
    if matches!(read, Err(DecodeProblem::OutsideLink)) {
        // Where it leads is said: the clerk may not know the file is a link at all.
        let to = store
            .outside_link(rel)
            .map_or_else(|| crate::diag::Msg::new("", ""), |l| l.to);
        sink.push(
            Finding::new(
                Rule::HS011,
                rel,
                None,
                msg!("\"{}\" là liên kết trỏ ra ngoài hồ sơ (hoặc trỏ tới chỗ không còn){}{}, không phải tệp nằm trong hồ sơ: chương trình không đọc nơi nó trỏ tới", rel, sep(&to.vi), to.vi;
                     "\"{}\" is a link leading out of the dossier (or to nothing){}{}, not a file inside it: what it leads to is not read", rel, sep(&to.en), to.en),
            )
            .help(msg!("thay liên kết bằng bản thật của tệp {}, đặt trong thư mục hồ sơ", rel;
                       "replace the link with a real copy of {}, inside the dossier folder", rel)),
        );
        return None;
    }
    let text = match read {
        Ok(t) => t,
        Err(p) => {
            sink.push(unreadable(rel, &p));
            return None;
        }
    };
    let mut parsed = tree::parse(&text);
    let mut fatal = false;
    for p in &parsed.problems {
        fatal |= matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. });
        sink.push(problem(rel, &text, &at_the_tab(&text, p)));
    }
    if !fatal && !text.is_ascii() {
        // A key whose colon is followed by a non-breaking space is not a key to YAML; when the
        // file still parses, the line was read as part of another value, which is worse.
        if let Some(d) = super::syntax::foreign_space_after_key(&text) {
            sink.push(Finding::new(Rule::HS002, rel, Some(Span::at(d.at)), d.message).help(d.help));
        }
    }
    let result = if fatal {
        None
    } else if let Some(root) = parsed.root.as_mut() {
        super::lint::characters(rel, &text, root, sink, &mut d.held_names);
        let mut r = Reader {
            file: rel,
            sink,
            held: &mut d.held_names,
            holding: false,
            plain: true,
        };
        let built = build(&mut r, root);
        if r.plain {
            d.prints_whole.push(rel.to_owned());
        }
        built
    } else {
        sink.push(
            Finding::new(
                Rule::HS005,
                rel,
                None,
                msg!("tệp không có nội dung"; "the file is empty"),
            )
            .help(msg!("điền nội dung theo mẫu (xem examples/)"; "fill it in from the template (see examples/)")),
        );
        None
    };
    d.sources.push(SourceText {
        rel: rel.to_owned(),
        text,
    });
    result
}

/// ", " before words that are there.
fn sep(words: &str) -> &'static str {
    if words.is_empty() {
        ""
    } else {
        ", "
    }
}

fn unreadable(rel: &str, p: &DecodeProblem) -> Finding {
    let (span, message, help) = match p {
        DecodeProblem::TooLarge { size } => (
            None,
            msg!("tệp quá lớn ({} byte; giới hạn {} byte) nên không được đọc", size, MAX_YAML_BYTES;
                 "the file is too large ({} bytes; the limit is {} bytes) and was not read", size, MAX_YAML_BYTES),
            msg!("tệp YAML chỉ chứa chữ; bản quét đặt trong dinh-kem/ và ghi đường dẫn vào \"dinh_kem\"";
                 "a YAML file holds text only; put scans in dinh-kem/ and name them under `dinh_kem`"),
        ),
        DecodeProblem::Utf16 { big_endian } => (
            None,
            msg!("tệp được lưu bằng mã UTF-16{} (chế độ \"Unicode\" của Notepad), không phải UTF-8", if *big_endian { " big-endian" } else { "" };
                 "the file is saved as UTF-16{} (Notepad's \"Unicode\"), not UTF-8", if *big_endian { " big-endian" } else { "" }),
            msg!("chạy lệnh dossier fix, hoặc mở tệp bằng Notepad, chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu lại";
                 "run dossier fix, or open it in Notepad, File > Save As, choose Encoding: UTF-8, and save"),
        ),
        DecodeProblem::NotUtf8 { at } => (
            Some(Span::at(*at)),
            msg!("tệp có byte không phải UTF-8 (có thể được lưu bằng bảng mã Windows-1258 hoặc TCVN3)";
                 "the file has bytes that are not UTF-8 (perhaps saved as Windows-1258 or TCVN3)"),
            // fix converts a file Notepad saved as "ANSI" (Windows-1258) when it reads as
            // Vietnamese, and says which files it left: the advice is right either way.
            msg!("chạy lệnh dossier fix (đổi tệp Notepad lưu dạng \"ANSI\", tức Windows-1258, sang UTF-8), hoặc mở tệp bằng Notepad, chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu lại";
                 "run dossier fix (it converts a file Notepad saved as \"ANSI\", Windows-1258, to UTF-8), or open it in Notepad, File > Save As, choose Encoding: UTF-8, and save"),
        ),
        DecodeProblem::Binary { at } => (
            Some(Span::at(*at)),
            msg!("tệp chứa byte nhị phân, không phải văn bản (có thể là bản quét bị đặt nhầm tên .yaml)";
                 "the file holds binary bytes, not text (perhaps a scan saved under a .yaml name)"),
            msg!("đặt bản quét trong dinh-kem/ và khai vào \"dinh_kem\"; tệp .yaml chỉ chứa chữ";
                 "put scans in dinh-kem/ and name them under `dinh_kem`; .yaml files hold text only"),
        ),
        DecodeProblem::NotRegular => (
            None,
            msg!("không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị): chương trình không mở, vì đọc nó sẽ treo";
                 "not a regular file (a pipe, socket or device): not opened, since reading it would hang"),
            msg!("thay bằng một tệp văn bản YAML thật"; "replace it with a real YAML text file"),
        ),
        DecodeProblem::OutsideLink => (
            None,
            msg!("tệp là liên kết trỏ ra ngoài hồ sơ (hoặc trỏ tới tệp không còn): chương trình không đọc tệp ở nơi liên kết trỏ tới, và gói hồ sơ không mang theo được";
                 "the file is a link leading out of the dossier (or to nothing): the file it leads to is not read, and it could not travel in the bundle"),
            msg!("thay liên kết bằng bản sao thật của tệp, đặt trong thư mục hồ sơ";
                 "replace the link with a real copy of the file, inside the dossier folder"),
        ),
        DecodeProblem::Io { message, kind } => (
            None,
            msg!("không đọc được tệp: {}", crate::diag::io_words(&std::io::Error::from(*kind)).0; "cannot read the file: {}", message),
            msg!("kiểm tra quyền đọc tệp"; "check the file's permissions"),
        ),
    };
    Finding::new(Rule::HS011, rel, span, message).help(help)
}

fn problem(rel: &str, text: &str, p: &Problem) -> Finding {
    match p {
        Problem::Syntax { at, message } => {
            let d = super::syntax::diagnose(text, *at, message);
            Finding::new(Rule::HS002, rel, Some(Span::at(d.at)), d.message).help(d.help)
        }
        Problem::TooComplex { at, what } => {
            let (vi, en) = match what {
                Limit::Depth => ("lồng nhau quá sâu", "nested too deep"),
                Limit::Nodes => ("có quá nhiều phần tử (có thể do bí danh lặp lại)", "has too many elements (perhaps repeated aliases)"),
                Limit::Aliases => ("dùng quá nhiều bí danh (*alias)", "uses too many aliases (*alias)"),
            };
            // The advice fits the cause: nesting comes from brackets, not from aliases.
            let help = match what {
                Limit::Depth => msg!("mỗi trường của mẫu chỉ cần một giá trị chữ hoặc một danh sách đơn giản: ghi giá trị là chữ, bỏ các dấu [ ] {{ }} thừa";
                                     "each field of the format takes text or a plain list: write the value as text and remove the extra [ ] {{ }}"),
                Limit::Nodes | Limit::Aliases => msg!("hồ sơ chỉ cần các trường của mẫu; không dùng bí danh (&, *)"; "a dossier needs only the format's fields; do not use anchors and aliases (&, *)"),
            };
            Finding::new(
                Rule::HS014,
                rel,
                Some(Span::at(*at)),
                msg!("tệp YAML {}; chương trình dừng đọc tệp này", vi; "the YAML {}; reading stopped", en),
            )
            .help(help)
        }
        Problem::ComplexKey { at } => Finding::new(
            Rule::HS005,
            rel,
            Some(*at),
            msg!("tên trường phải là một chữ đơn, không phải danh sách hay nhóm"; "a field name must be plain text, not a list or group"),
        ),
        Problem::DuplicateKey { key, at, first } => Finding::new(
            Rule::HS013,
            rel,
            Some(*at),
            msg!("trường \"{}\" được ghi hai lần; chương trình dùng lần ghi đầu ở dòng {}", key, first.start.line;
                 "field `{}` is written twice; the first, on line {}, is used", key, first.start.line),
        )
        .also(rel, Some(*first), msg!("lần ghi đầu"; "first written here"))
        .help(msg!("xóa một trong hai dòng"; "delete one of the two")),
        Problem::ExtraDocument { at } => Finding::new(
            Rule::HS002,
            rel,
            Some(*at),
            msg!("tệp chứa nhiều hơn một văn bản YAML (dấu \"---\"); chỉ văn bản đầu được đọc"; "the file holds more than one YAML document (`---`); only the first is read"),
        ),
    }
}

/// The parser complains about a Tab just after it; point at the Tab itself, which is what the
/// clerk has to delete.
fn at_the_tab(text: &str, p: &Problem) -> Problem {
    if let Problem::Syntax { at, message } = p {
        let b = at.byte as usize;
        if message.contains("tab") && b > 0 && text.as_bytes().get(b - 1) == Some(&b'\t') {
            let mut at = *at;
            at.byte -= 1;
            at.column = at.column.saturating_sub(1).max(1);
            return Problem::Syntax {
                at,
                message: message.clone(),
            };
        }
    }
    p.clone()
}

/// A position for findings about a whole file.
#[must_use]
pub fn file_start() -> Pos {
    Pos {
        line: 1,
        column: 1,
        byte: 0,
    }
}
