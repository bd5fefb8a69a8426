//! `dossier draft DIR`: check, then write the documents to sign (PDF and DOCX) beside the
//! dossier, and say where they are.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use super::setup::is_dossier_or_say;
use super::setup::{self, Start};
use super::shown;
use super::{Exit, Settings};
use crate::diag::Lang;
use crate::draft::{self, Formats, Outcome};
use crate::msg;
use crate::render::{human::Human, Item, Renderer, Style};

/// Which files `draft` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// DOCX (Word, LibreOffice).
    Docx,
    /// PDF.
    Pdf,
    /// Cả hai / both.
    Both,
}

/// Arguments of `draft`.
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Thư mục ghi bản dự thảo, ngoài thư mục hồ sơ [mặc định: <hồ sơ>-du-thao bên cạnh hồ sơ] / output folder, outside the dossier [default: <dossier>-du-thao beside it].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Định dạng / format.
    #[arg(long, value_enum, default_value_t = DraftFormat::Both)]
    pub format: DraftFormat,
    /// Ghi đè tệp đã có / replace existing files.
    #[arg(long)]
    pub force: bool,
    /// Hồ sơ còn lỗi vẫn soạn, mỗi trang đóng dấu "DỰ THẢO" / draft a dossier with errors, stamped "DỰ THẢO" on every page.
    #[arg(long)]
    pub draft_anyway: bool,
    #[command(flatten)]
    pub settings: Settings,
}

/// Whether a name ends as a document or archive does: such a name given for the output
/// folder was meant as one file.
fn looks_like_a_file(p: &std::path::Path) -> bool {
    const FILES: &[&str] = &[
        "docx", "doc", "pdf", "odt", "rtf", "txt", "zip", "xlsx", "xls", "ods", "csv", "yaml",
        "yml",
    ];
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| FILES.contains(&e.as_str()))
}

pub(super) fn run(
    a: &DraftArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Start {
        config,
        today,
        catalog,
    } = match setup::start(&a.settings, &a.dir, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    if !is_dossier_or_say(&a.dir, lang, err)? {
        return Ok(Exit::Trouble);
    }
    // Held shared while read: a writer at work finishes first, and one stopped by a kill is
    // finished now (#17).
    let Some(_held) = setup::hold_for_reading(&a.dir, "draft", lang, err)? else {
        return Ok(Exit::Trouble);
    };
    // -o names a folder; a document's name there (out.docx, ban-thao.pdf) means the clerk
    // expected one file, and would find a folder of that name holding several.
    if let Some(o) = a
        .output
        .as_deref()
        .filter(|o| !o.is_dir() && looks_like_a_file(o))
    {
        let (given, folder) = (shown(o), shown(&o.with_extension("")));
        let m = msg!(
            "-o là thư mục để ghi các bản dự thảo (tờ trình, biên bản, từng báo cáo), còn \"{given}\" là tên một tệp; không có tệp nào được ghi. Ghi tên thư mục, ví dụ -o {folder}";
            "-o names the folder for the drafts (the proposal, the minutes, each report), and \"{given}\" is a file's name; nothing was written. Give a folder, e.g. -o {folder}"
        );
        super::say_error(err, lang, &m)?;
        return Ok(Exit::Trouble);
    }
    let opts = draft::Options {
        out: a.output.clone(),
        formats: Formats {
            pdf: a.format != DraftFormat::Docx,
            docx: a.format != DraftFormat::Pdf,
        },
        force: a.force,
        anyway: a.draft_anyway,
        today,
        config,
    };
    super::interrupt::install(
        lang,
        msg!("Đã dừng: không để lại tệp tạm nào; bản dự thảo nào chưa ghi xong thì chưa có trong thư mục.";
             "Stopped: no temporary file was left; drafts not finished were not written."),
    );
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let path = shown(&a.dir);
    match draft::draft(&a.dir, &catalog, &opts) {
        Ok(Outcome::Refused(checked)) => {
            Human::new(style).dossier(
                out,
                &Item {
                    path: &path,
                    checked: &checked,
                },
            )?;
            let m = if checked.fails(false) {
                msg!(
                    "Chưa soạn: hồ sơ còn lỗi. Sửa các lỗi trên, hoặc dùng --draft-anyway để soạn bản có dấu \"DỰ THẢO\".";
                    "Not drafted: the dossier has errors. Fix them, or use --draft-anyway for drafts stamped \"DỰ THẢO\"."
                )
            } else {
                // Only VB008: the dossier checks, but the drafts cannot name its unit.
                msg!(
                    "Chưa soạn: văn bản soạn ra không ghi được tên đơn vị (VB008 ở trên). Ghi tên đó, hoặc dùng --draft-anyway để soạn bản có dấu \"DỰ THẢO\", chỗ tên in \"…\".";
                    "Not drafted: the drafts cannot name the unit (VB008 above). Name it, or use --draft-anyway for drafts stamped \"DỰ THẢO\" with \"…\" in its place."
                )
            };
            writeln!(err, "{}", m.get(lang))?;
            Ok(Exit::Findings)
        }
        Ok(Outcome::Drafted {
            checked,
            out: folder,
            files,
            stamped,
            signing,
        }) => {
            if !checked.findings.is_empty() {
                Human::new(style).dossier(
                    out,
                    &Item {
                        path: &path,
                        checked: &checked,
                    },
                )?;
            }
            let folder = shown(&folder);
            let n = files.len();
            let files_en = super::en_count(n, "file", "files");
            let m = msg!("Đã soạn {n} tệp trong {folder}:"; "Drafted {files_en} in {folder}:");
            writeln!(out, "{}", m.get(lang))?;
            for f in &files {
                writeln!(out, "  {f}")?;
            }
            if let Some(day) = signing {
                let (d, t) = (day.dmy(), opts.today.dmy());
                let m = msg!(
                    "Ghi chú: văn bản ghi ngày {d}, sau hôm nay ({t}): đã soạn để ký vào ngày đó, và kiểm tra hồ sơ như vào ngày đó. Lệnh dossier pack chỉ đóng gói hồ sơ từ ngày {d}.";
                    "Note: the documents are dated {d}, after today ({t}): drafted for signing on that day, and the dossier checked as of that day. dossier pack packs it only from {d} on."
                );
                writeln!(out, "{}", m.get(lang))?;
            }
            if stamped {
                let m = if checked.fails(false) {
                    msg!(
                        "Hồ sơ còn lỗi: mỗi trang có dấu \"DỰ THẢO\"; không ký các bản này.";
                        "The dossier has errors: every page says \"DỰ THẢO\" (draft); do not sign these."
                    )
                } else {
                    msg!(
                        "Bản soạn thiếu tên đơn vị (VB008): mỗi trang có dấu \"DỰ THẢO\"; không ký các bản này.";
                        "The drafts lack the unit's name (VB008): every page says \"DỰ THẢO\" (draft); do not sign these."
                    )
                };
                writeln!(out, "{}", m.get(lang))?;
                return Ok(Exit::Findings);
            }
            Ok(Exit::Clean)
        }
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            Ok(Exit::Trouble)
        }
    }
}
