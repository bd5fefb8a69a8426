//! The command line: arguments (clap), and one module per subcommand. `main.rs` only calls
//! [`run`] and turns its result into an exit status.

pub mod args_vi;
mod certificates;
mod check;
pub mod console;
mod criteria;
mod draft;
mod edit;
mod explain;
mod export;
mod help_vi;
mod import;
mod interrupt;
mod manual;
pub mod office_mode;
mod pack;
mod review;
mod review_drafts;
mod review_letters;
mod setup;
mod verify;

/// A path as the user should see it, with `/`.
use crate::text::file_name::shown_path as shown;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::Lang;
pub use certificates::CertificatesArgs;
pub use draft::{DraftArgs, DraftFormat};
pub use export::ExportArgs;
pub use import::ImportArgs;
pub use review::ReviewArgs;

/// How the run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: no errors (warnings allowed).
    Clean,
    /// 1: findings at or above the failing level.
    Findings,
    /// 2: the tool could not do its job (bad arguments, unreadable path).
    Trouble,
}

impl Exit {
    /// The numeric status.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Trouble => 2,
        }
    }
}

/// Kiểm tra, soạn và đóng gói hồ sơ đề nghị khen thưởng theo thủ tục đơn giản, theo quy định
/// có hiệu lực vào ngày của hồ sơ. Check, draft and pack commendation proposal dossiers.
//
// `Args` rather than `Parser` is derived so that `CommandFactory::command` can hand the tree to
// `help_vi`, which says clap's own words of the help in Vietnamese too.
#[derive(Debug, clap::Args)]
#[command(name = "dossier", version, about, max_term_width = 100)]
pub struct Cli {
    /// Ngôn ngữ thông báo / message language.
    #[arg(long, value_enum, default_value_t = Lang::Vi, global = true)]
    pub lang: Lang,
    /// Subcommand.
    #[command(subcommand)]
    pub command: Command,
}

impl clap::CommandFactory for Cli {
    fn command() -> clap::Command {
        use clap::Args as _;
        // The name the help and the errors print is the command the clerk types, on Windows
        // too, where clap would otherwise print argv[0] ("dossier.exe") (#23).
        help_vi::localise(Self::augment_args(
            clap::Command::new("dossier").bin_name("dossier"),
        ))
    }

    fn command_for_update() -> clap::Command {
        use clap::Args as _;
        help_vi::localise(Self::augment_args_for_update(
            clap::Command::new("dossier").bin_name("dossier"),
        ))
    }
}

impl Parser for Cli {}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Dễ đọc cho người / for people.
    Human,
    /// Một tài liệu JSON / one JSON document.
    Json,
    /// JUnit XML cho CI / JUnit XML for CI test reports.
    Junit,
    /// SARIF 2.1.0 cho CI / SARIF 2.1.0 for code scanning.
    Sarif,
    /// Chú thích GitHub Actions / GitHub Actions annotations.
    Github,
    /// Trang HTML tự chứa, in được / one self-contained HTML page, printable.
    Html,
}

/// Output formats of `explain` and `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Dễ đọc cho người / for people.
    Human,
    /// JSON.
    Json,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra hồ sơ / check dossier folders (a folder with ho-so.yaml, or a folder searched for them).
    Check(CheckArgs),
    /// Giải thích một quy tắc / explain a rule: what, why, legal basis, example, fix.
    Explain(ExplainArgs),
    /// Liệt kê các quy tắc / list every rule.
    Rules(RulesArgs),
    /// Các bộ quy tắc (thủ tục, phong trào) và nội dung của từng bộ / the rule sets, and what one holds.
    Criteria(CriteriaArgs),
    /// Đóng gói hồ sơ để gửi / check, then write the submission bundle (zip with cover list and manifest).
    Pack(PackArgs),
    /// Soạn tờ trình, biên bản, báo cáo để in và ký (DOCX, PDF) / draft the documents to sign.
    Draft(DraftArgs),
    /// Đọc danh sách từ Excel (xlsx, xls, ods, csv) vào hồ sơ / read the nominee list into the dossier.
    Import(ImportArgs),
    /// Xuất danh sách ra tệp Excel (một hồ sơ hoặc cả thư mục) / export the nominee list to Excel.
    Export(ExportArgs),
    /// Kiểm tra gói hồ sơ nhận được / verify a received bundle without extracting it.
    Verify(VerifyArgs),
    /// Xem xét các gói và hồ sơ nhận được: chấp nhận, trả lại, trùng lặp, bảng tổng hợp / review what an office received: accepted, returned, duplicates, a summary sheet.
    Review(ReviewArgs),
    /// In giấy khen lên phôi theo quyết định đã ký, ghi vào sổ khen thưởng / print the certificates of a signed decision onto the office's blanks, and record them in the register.
    Certificates(CertificatesArgs),
    /// Tạo hồ sơ mới từ mẫu / write a new dossier from a template, with Vietnamese guidance.
    Init(InitArgs),
    /// Thêm một người vào danh sách, biên bản và báo cáo / add a nominee to the list, the votes and a report.
    Add(AddArgs),
    /// Gỡ một người khỏi hồ sơ: danh sách, biên bản và báo cáo / take a nominee out of the
    /// list, the votes and the reports.
    #[command(alias = "rm")]
    Remove(RemoveArgs),
    /// Sửa tự động những lỗi an toàn (NFC, khoảng trắng, kiểu bỏ dấu) / apply the safe fixes.
    Fix(FixArgs),
    /// In mã tự hoàn thành lệnh cho shell / print shell completions.
    Completions {
        /// bash, zsh, fish, powershell, elvish.
        shell: clap_complete::Shell,
    },
    /// In trang hướng dẫn (man page, định dạng roff) / print the man page.
    Man,
}

/// Arguments of `pack`.
#[derive(Debug, clap::Args)]
pub struct PackArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Nơi ghi gói: thư mục (gói mang tên chuẩn) hoặc đường dẫn tệp [mặc định: thư mục hiện tại] / a folder (the bundle gets its standard name) or a file path [default: the current folder].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Ghi đè gói đã có / replace an existing bundle.
    #[arg(long)]
    pub force: bool,
    /// Có cảnh báo cũng không đóng gói / warnings stop the pack too.
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub settings: Settings,
}

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Thư mục hồ sơ mới / the new dossier's folder.
    pub dir: PathBuf,
    /// Mã bộ quy tắc (phong trào hoặc thủ tục) [mặc định: thủ tục đang áp dụng hôm nay] / rule-set id [default: the procedure in force today].
    #[arg(long)]
    pub phong_trao: Option<String>,
    /// Hình thức khen thưởng [mặc định: hình thức mặc định của bộ quy tắc] / award form id [default: the rule set's default form].
    #[arg(long)]
    pub hinh_thuc: Option<String>,
    /// Loại khen thưởng, nếu hình thức có chia loại (xem `dossier criteria ID`) / kind of award, where the form has kinds.
    #[arg(long)]
    pub loai_khen: Option<String>,
    /// Đối tượng của người được đề nghị ghi làm ví dụ trong hồ sơ mới / kind of the example nominee.
    #[arg(long)]
    pub doi_tuong: Option<String>,
    #[command(flatten)]
    pub settings: Settings,
}

/// Arguments of `add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Mã người được đề nghị (chữ thường, không dấu, nối bằng -); bỏ trống thì lấy từ tên,
    /// ví dụ Lê Văn Bình → le-van-binh / the nominee's id; made from the name when not given.
    #[arg(long)]
    pub ma: Option<String>,
    /// Họ và tên, hoặc tên tập thể / full name, or the collective's name.
    #[arg(long)]
    pub ten: String,
    /// Đối tượng khen thưởng; bỏ trống thì chương trình liệt kê các đối tượng của bộ quy tắc
    /// để chọn / kind of nominee (e.g. ca_nhan); when not given, the kinds are listed.
    #[arg(long)]
    pub doi_tuong: Option<String>,
    /// ca_nhan (cá nhân), tap_the (tập thể) hoặc ho_gia_dinh (hộ gia đình) / individual, collective or household.
    #[arg(long, default_value = "ca_nhan")]
    pub loai: String,
    /// Đơn vị / unit.
    #[arg(long)]
    pub don_vi: Option<String>,
    /// Chức vụ / position.
    #[arg(long)]
    pub chuc_vu: Option<String>,
    /// Chức vụ và đơn vị ghi gộp, như cột "Chức vụ, đơn vị công tác" của danh sách; thay cho
    /// --chuc-vu và --don-vi / position and unit in one text, in place of both.
    #[arg(long)]
    pub chuc_vu_don_vi: Option<String>,
    /// Cấp bậc hoặc học hàm, in trước họ tên, ví dụ "Đại tá" (chỉ cho cá nhân) / a rank or
    /// academic title, printed before the name (individuals only).
    #[arg(long)]
    pub cap_bac: Option<String>,
    #[command(flatten)]
    pub settings: Settings,
}

/// Arguments of `remove`.
#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Mã người cần gỡ / the nominee's id.
    #[arg(long)]
    pub ma: String,
}

/// Arguments of `fix`.
#[derive(Debug, clap::Args)]
pub struct FixArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Chỉ hiện thay đổi, không ghi / show the changes only.
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// Tệp gói hồ sơ (.zip) / the bundle.
    pub bundle: PathBuf,
    /// Định dạng kết quả / output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[command(flatten)]
    pub settings: Settings,
}

/// The options every command that reads rule sets, a date or the office's settings shares
/// (all but `remove`, `fix` and `rules`), read by one start-up (`cli/setup.rs`).
#[derive(Debug, clap::Args)]
pub struct Settings {
    /// Thêm bộ tiêu chí từ tệp hoặc thư mục này vào các bộ có sẵn (bộ cùng mã thay bộ có sẵn) / rule sets from this file or folder, added to the built-in ones (one of the same id replaces the built-in).
    #[arg(long, value_name = "PATH")]
    pub criteria: Option<PathBuf>,
    /// Coi hôm nay là ngày này (YYYY-MM-DD) / take this date as today, for reproducible runs.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Tệp cấu hình thay cho .dossier.yaml gần nhất (phía trên hồ sơ hoặc gói) / configuration file instead of the nearest .dossier.yaml (above the dossier or bundle).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Không dùng tệp cấu hình nào / use no configuration file.
    #[arg(long)]
    pub no_config: bool,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Thư mục hồ sơ, hoặc thư mục chứa nhiều hồ sơ / dossier folders or folders holding them.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Định dạng kết quả / output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Cảnh báo cũng làm lệnh thất bại / warnings also fail the run (exit 1).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Tô màu / colour.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Chỉ in hồ sơ có lỗi / print only dossiers with errors.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub settings: Settings,
    /// Ghi báo cáo vào tệp này; dòng tổng kết vẫn in ra màn hình / write the report to this file; the summary still goes to the terminal.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Mã hoặc tên quy tắc / rule id or name (NG002, minutes-after-proposal).
    #[arg(required_unless_present = "all")]
    pub rule: Option<String>,
    /// Giải thích mọi quy tắc / explain every rule.
    #[arg(long)]
    pub all: bool,
    /// Nêu căn cứ theo bộ quy tắc này [mặc định: thủ tục đang áp dụng hôm nay] / quote the basis from this rule set [default: the procedure in force today].
    #[arg(long)]
    pub phong_trao: Option<String>,
    #[command(flatten)]
    pub settings: Settings,
    /// Định dạng / format.
    #[arg(long, value_enum, default_value_t = DocFormat::Human)]
    pub format: DocFormat,
}

/// Arguments of `criteria`.
#[derive(Debug, clap::Args)]
pub struct CriteriaArgs {
    /// Mã bộ quy tắc cần xem chi tiết / the rule set to show in full.
    pub id: Option<String>,
    /// Định dạng / format.
    #[arg(long, value_enum, default_value_t = DocFormat::Human)]
    pub format: DocFormat,
    #[command(flatten)]
    pub settings: Settings,
}

/// Arguments of `rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Định dạng / format.
    #[arg(long, value_enum, default_value_t = DocFormat::Human)]
    pub format: DocFormat,
}

/// A place beside a dossier folder (for a sheet, a new dossier), written as the clerk would
/// type it from where they stand: `../ds.xlsx` inside the dossier, `../../ds.xlsx` in its `bao-cao/`, the
/// folder's neighbour by its full path otherwise.
pub(super) fn beside(dossier: &Path, name: &str) -> String {
    let here = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    if let Some(rest) = here.as_deref().and_then(|h| h.strip_prefix(dossier).ok()) {
        let ups = "../".repeat(rest.components().count() + 1);
        return format!("{ups}{name}");
    }
    match dossier.parent() {
        Some(p) => {
            let p = here
                .as_deref()
                .and_then(|h| p.strip_prefix(h).ok())
                .map_or_else(|| p.to_path_buf(), Path::to_path_buf);
            if p.as_os_str().is_empty() {
                name.to_owned()
            } else {
                shown(&p.join(name))
            }
        }
        None => name.to_owned(),
    }
}

pub(crate) use crate::diag::en_count;

/// Say on `err` why the command could not do its job, after "lỗi:" / "error:".
pub(crate) fn say_error(err: &mut dyn Write, lang: Lang, m: &crate::diag::Msg) -> io::Result<()> {
    let m = crate::msg!("lỗi: {}", m.vi; "error: {}", m.en);
    writeln!(err, "{}", m.get(lang))
}

/// Run a parsed command line, writing the report to `out` and problems to `err`.
/// The paths a command writes, as given on its command line.
fn outputs(c: &Command) -> Vec<&Path> {
    match c {
        Command::Check(a) => a.output.as_deref().into_iter().collect(),
        Command::Pack(a) => a.output.as_deref().into_iter().collect(),
        Command::Draft(a) => a.output.as_deref().into_iter().collect(),
        Command::Export(a) => vec![a.xlsx.as_path()],
        Command::Review(a) => vec![a.output.as_path()],
        Command::Certificates(a) => std::iter::once(a.output.as_path())
            .chain(a.so_khen_thuong.as_deref())
            .collect(),
        _ => Vec::new(),
    }
}

/// The words the command line takes as a command (with their aliases, and `help`): a folder
/// dropped on the program that is named like one is the command (`office_mode`).
#[must_use]
pub fn command_names() -> Vec<String> {
    let c = <Cli as clap::CommandFactory>::command();
    let mut names: Vec<String> = c
        .get_subcommands()
        .flat_map(|s| std::iter::once(s.get_name()).chain(s.get_all_aliases()))
        .map(str::to_owned)
        .collect();
    names.push("help".to_owned());
    names
}

pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Exit> {
    if let Some(p) = outputs(&cli.command)
        .into_iter()
        .find(|p| crate::text::file_name::device_name(p))
    {
        let t = shown(p);
        say_error(
            err,
            cli.lang,
            &crate::msg!("\"{t}\" mang tên thiết bị dành riêng của Windows (CON, NUL, AUX, PRN, COM1, LPT1…): Windows không ghi được tệp tên này, và không mở được nó nếu nhận từ máy khác; đặt tên khác; không có tệp nào được ghi";
                  "\"{t}\" has a name Windows keeps for a device (CON, NUL, AUX, PRN, COM1, LPT1…): Windows cannot write a file of that name, nor open one made elsewhere; choose another name; nothing was written"),
        )?;
        return Ok(Exit::Trouble);
    }
    match &cli.command {
        Command::Check(a) => check::run(a, cli.lang, out, err),
        Command::Explain(a) => explain::explain(a, cli.lang, out, err),
        Command::Rules(a) => explain::rules(a, cli.lang, out),
        Command::Criteria(a) => criteria::run(a, cli.lang, out, err),
        Command::Pack(a) => pack::run(a, cli.lang, out, err),
        Command::Verify(a) => verify::run(a, cli.lang, out, err),
        Command::Review(a) => review::run(a, cli.lang, out, err),
        Command::Certificates(a) => certificates::run(a, cli.lang, out, err),
        Command::Draft(a) => draft::run(a, cli.lang, out, err),
        Command::Import(a) => import::run(a, cli.lang, out, err),
        Command::Export(a) => export::run(a, cli.lang, out, err),
        Command::Init(a) => edit::init(a, cli.lang, out, err),
        Command::Add(a) => edit::add(a, cli.lang, out, err),
        Command::Fix(a) => edit::fix(a, cli.lang, out, err),
        Command::Remove(a) => edit::remove(a, cli.lang, out, err),
        Command::Completions { shell } => {
            manual::completions(*shell, out);
            Ok(Exit::Clean)
        }
        Command::Man => {
            manual::man(out)?;
            Ok(Exit::Clean)
        }
    }
}
