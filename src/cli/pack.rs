//! `dossier pack DIR`: check, then write the submission bundle, and say where to send it.

use std::io::{self, IsTerminal, Write};

use super::setup::is_dossier_or_say;
use super::setup::{self, Start};
use super::shown;
use super::{say_error, Exit, PackArgs};
use crate::diag::{Lang, Msg};
use crate::msg;
use crate::pack::cover::Recipient;
use crate::pack::{self, Outcome, PackError, Progress, WriteError};
use crate::render::{human::Human, Item, Renderer, Style};

/// A progress bar on the terminal: bytes of the dossier's files read, and files done.
struct Bar {
    bar: indicatif::ProgressBar,
    files: std::sync::atomic::AtomicU64,
    total_files: std::sync::atomic::AtomicU64,
    /// "tệp" or "files", after the count: the bar speaks the report's language.
    files_word: String,
}

impl Progress for Bar {
    fn begin(&self, bytes: u64, files: u64) {
        self.bar.set_length(bytes);
        self.total_files
            .store(files, std::sync::atomic::Ordering::Relaxed);
    }
    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }
    fn file_done(&self) {
        let done = self
            .files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        self.bar.set_message(format!(
            "{done}/{} {}",
            self.total_files.load(std::sync::atomic::Ordering::Relaxed),
            self.files_word
        ));
    }
}

pub(super) fn run(
    a: &PackArgs,
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
    let Some(_held) = setup::hold_for_reading(&a.dir, "pack", lang, err)? else {
        return Ok(Exit::Trouble);
    };
    super::interrupt::install(
        lang,
        msg!("Đã dừng: chưa ghi gói hồ sơ, không để lại tệp tạm nào.";
             "Stopped: no bundle was written, and no temporary file was left."),
    );
    let opts = pack::Options {
        out: a.output.clone(),
        force: a.force,
        deny_warnings: a.deny_warnings,
        today,
        config,
    };
    let sizes: Vec<u64> = walkdir::WalkDir::new(&a.dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .collect();
    let total: u64 = sizes.iter().sum();
    // Only for a person watching a long pack: not in pipes, not in CI logs.
    let watched = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let bar = if watched && total > 4 << 20 {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            // Sizes as the summary line and the cover list write them ("150,1 MB"), not
            // indicatif's "143.07 MiB".
            indicatif::ProgressStyle::with_template("{bar:40} {done}/{all} {msg}")
                .map(|s| {
                    s.with_key(
                        "done",
                        |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                            let _ = w.write_str(&pack::cover::human_size(st.pos()));
                        },
                    )
                    .with_key(
                        "all",
                        |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                            let _ = w.write_str(&pack::cover::human_size(st.len().unwrap_or(0)));
                        },
                    )
                })
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let silent = pack::Silent;
    let bar_progress = bar.clone().map(|bar| Bar {
        bar,
        files: std::sync::atomic::AtomicU64::new(0),
        total_files: std::sync::atomic::AtomicU64::new(sizes.len() as u64),
        files_word: msg!("tệp"; "files").get(lang).to_owned(),
    });
    let progress: &dyn Progress = match &bar_progress {
        Some(b) => b,
        None => &silent,
    };
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let result = pack::pack(&a.dir, &catalog, &opts, progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let path = shown(&a.dir);
    match result {
        Ok(Outcome::Refused(checked)) => {
            Human::new(style).dossier(
                out,
                &Item {
                    path: &path,
                    checked: &checked,
                },
            )?;
            // Under --deny-warnings a dossier with warnings only is refused too: "sửa các lỗi"
            // alone sent the clerk looking for errors there were none of.
            let said = if a.deny_warnings {
                msg!("Chưa đóng gói: hồ sơ còn lỗi hoặc cảnh báo. Sửa các lỗi và cảnh báo nêu trên rồi chạy lại.";
                     "Not packed: the dossier has errors or warnings. Fix the errors and warnings above and run again.")
            } else {
                msg!("Chưa đóng gói: hồ sơ còn lỗi. Sửa các lỗi nêu trên rồi chạy lại.";
                     "Not packed: the dossier has errors. Fix the errors above and run again.")
            };
            writeln!(err, "{}", said.get(lang))?;
            Ok(Exit::Findings)
        }
        Ok(Outcome::Packed {
            checked,
            written,
            office,
            copies,
        }) => {
            Human::new(style).dossier(
                out,
                &Item {
                    path: &path,
                    checked: &checked,
                },
            )?;
            let size = crate::pack::cover::human_size(written.size);
            let n = written.entries.len() + 1;
            let bundle = shown(&written.path);
            let copies = copies.map(|c| format!("{c:02}"));
            // Copies and office that the rule set holds only as its own reading are said to be so:
            // the clerk asks the receiving office before sending.
            let reading = checked.rule_set(&catalog).is_some_and(|rs| {
                checked
                    .dossier
                    .ho_so
                    .as_ref()
                    .and_then(|h| h.hinh_thuc.as_ref())
                    .and_then(|f| rs.form(&f.v))
                    .and_then(|f| rs.level(&f.level))
                    .is_some_and(|l| l.reading)
            });
            let mut said = vec![
                msg!("Đã đóng gói hồ sơ: {bundle} ({size}, {n} tệp)."; "Packed: {bundle} ({size}, {n} files)."),
            ];
            said.extend(where_to(&office, copies.as_deref()));
            if matches!(office, Recipient::Configured(_)) {
                let file = opts
                    .config
                    .path
                    .as_deref()
                    .map_or_else(|| crate::config::FILE_NAME.to_owned(), shown);
                said.push(msg!("Nơi nhận theo cài đặt noi_nhan_ho_so trong {file}."; "The receiving office is the one noi_nhan_ho_so names in {file}."));
            }
            if reading && matches!(office, Recipient::Configured(_)) {
                said.push(msg!("Lưu ý: số bộ này là diễn giải của chương trình, chưa đối chiếu được với văn bản; hỏi lại cơ quan nhận trước khi gửi.";
                               "Note: this number of copies is the program's reading, not verified in the legal text; ask the receiving office before sending."));
            } else if reading {
                said.push(msg!("Lưu ý: số bộ và nơi nhận này là diễn giải của chương trình, chưa đối chiếu được với văn bản; hỏi lại cơ quan nhận trước khi gửi.";
                               "Note: these copies and this office are the program's reading, not verified in the legal text; ask the receiving office before sending."));
            }
            for line in &said {
                writeln!(out, "{}", line.get(lang))?;
            }
            Ok(Exit::Clean)
        }
        Err(e) => {
            // A bundle the receiving office would refuse, or a dossier changed while packed, is
            // the dossier's state (exit 1, said as a sentence); any other failure is trouble.
            let findings = match &e {
                PackError::Rejected(again) => {
                    // What the receiving office would be told, then why nothing was written.
                    Human::new(style).dossier(
                        out,
                        &Item {
                            path: &path,
                            checked: again,
                        },
                    )?;
                    true
                }
                PackError::Write(WriteError::Changed(_)) => true,
                _ => false,
            };
            if findings {
                writeln!(err, "{}", e.msg().get(lang))?;
                Ok(Exit::Findings)
            } else {
                say_error(err, lang, &e.msg())?;
                Ok(Exit::Trouble)
            }
        }
    }
}

/// Where the bundle goes, in words: sent to an office, presented by its sender to the
/// addressee (the office is the sender itself), or kept; with a note where the rule set's office
/// could not be named for the dossier's place.
fn where_to(office: &Recipient, copies: Option<&str>) -> Vec<Msg> {
    let mut said = Vec::new();
    // Names come from the dossier and the settings: shown as they print, a control or hidden
    // character as <U+…>, never sent to the terminal.
    let shown = crate::text::file_name::shown;
    let name = shown(office.name());
    match (office, copies) {
        (Recipient::Kept(_), _) | (_, None) => {
            said.push(msg!("Hồ sơ lưu tại: {name}."; "The dossier stays with: {name}."));
        }
        (
            Recipient::Own {
                office: o,
                addressee: Some(a),
            },
            Some(c),
        ) => {
            let (o, a) = (shown(o), shown(a));
            let copies_en = if c == "01" {
                "1 copy".to_owned()
            } else {
                format!("{c} copies")
            };
            said.push(msg!("Trình {c} bộ hồ sơ tới: {a} (người nhận ghi ở Kính gửi của tờ trình)."; "Present {copies_en} to: {a} (the proposal's addressee)."));
            said.push(msg!("Nơi nhận hồ sơ là {o}, cũng là cơ quan ban hành tờ trình: hồ sơ không gửi tới cơ quan nào khác, cơ quan này trình thẳng người có thẩm quyền.";
                           "The receiving office is {o}, which also issued the proposal: the bundle goes to no other office; it presents it to the authority directly."));
        }
        (
            Recipient::Own {
                office: o,
                addressee: None,
            },
            Some(_),
        ) => {
            let o = shown(o);
            said.push(msg!("Hồ sơ lưu tại: {o} (nơi nhận hồ sơ, cũng là cơ quan ban hành tờ trình); tờ trình không ghi Kính gửi nên chưa biết trình ai.";
                           "The dossier stays with: {o} (the receiving office, which also issued the proposal); the proposal names no addressee, so whom to present it to is not known."));
        }
        (_, Some("01")) => {
            said.push(msg!("Gửi 01 bộ hồ sơ tới: {name}."; "Send 1 copy to: {name}."));
        }
        (_, Some(c)) => {
            said.push(msg!("Gửi {c} bộ hồ sơ tới: {name}."; "Send {c} copies to: {name}."));
        }
    }
    if let Recipient::Unfilled { level, .. } = office {
        let (vi, en) = match level {
            crate::dossier::place::Level::Commune => ("xã, phường", "commune or ward"),
            crate::dossier::place::Level::District => ("huyện, quận", "district"),
            crate::dossier::place::Level::Province => ("tỉnh, thành phố", "province or city"),
        };
        let generic = level.generic();
        said.push(msg!("Lưu ý: tờ trình không nêu tên {vi} nào (ở Kính gửi, cơ quan ban hành, cơ quan cấp trên) nên nơi nhận còn ghi chung \"{generic}\": ghi tên đơn vị vào tờ trình, hoặc đặt noi_nhan_ho_so trong .dossier.yaml của văn phòng, rồi đóng gói lại.";
                       "Note: the proposal names no {en} (in its addressee, issuer or parent body), so the receiving office still says \"{generic}\": name the unit in the proposal, or set noi_nhan_ho_so in the office's .dossier.yaml, and pack again."));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bar counted "tệp" under `--lang en` too (#11).
    #[test]
    fn the_progress_bar_counts_files_in_the_reports_language() {
        for (word, want) in [("tệp", "1/3 tệp"), ("files", "1/3 files")] {
            let bar = Bar {
                bar: indicatif::ProgressBar::hidden(),
                files: std::sync::atomic::AtomicU64::new(0),
                total_files: std::sync::atomic::AtomicU64::new(7),
                files_word: word.to_owned(),
            };
            // Told by the pack what travels: 3 files, not the folder's 7.
            bar.begin(100, 3);
            bar.file_done();
            assert_eq!(bar.bar.message(), want);
            assert_eq!(bar.bar.length(), Some(100));
        }
    }

    /// Writing the bundle fails in words: the OS's own text never reaches the clerk.
    #[test]
    fn write_failures_are_said_in_words() {
        let other = io::Error::other("Permission denied (os error 13) at path \".x.partial\"");
        let here = std::path::Path::new("goi.zip");
        assert_eq!(
            crate::diag::write_words(&other, here).vi,
            "hệ điều hành từ chối thao tác này"
        );
        // A folder that takes no new file (/proc) answers "not found" too: not "no folder".
        let not_found = io::Error::from(io::ErrorKind::NotFound);
        let made_not = crate::diag::write_words(&not_found, std::path::Path::new("/proc/goi.zip"));
        assert_eq!(made_not.vi, "không tạo được tệp trong thư mục này");
        let no_folder =
            crate::diag::write_words(&not_found, std::path::Path::new("/khong-co-dau/goi.zip"));
        assert_eq!(no_folder.en, "the folder does not exist");
    }
}
