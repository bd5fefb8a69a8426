//! Why a list file could not be read at all, in both languages, and the limits that refuse a
//! file before it takes the memory it declares.

use std::path::Path;

/// Why the file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Reading failed. Shown in words (`diag::io_words`): the OS's own text is English with an
    /// error number, even under `--lang en` a clerk should not read it.
    #[error("{}", crate::diag::io_words(.0).1)]
    Io(#[from] std::io::Error),
    /// The spreadsheet reader refused the file.
    #[error("{0}")]
    Spreadsheet(String),
    /// A CSV file neither UTF-8 nor UTF-16 with a byte-order mark.
    #[error("the CSV file is not UTF-8 (or UTF-16) text; save it as \"CSV UTF-8\"")]
    NotUtf8,
    /// An extension this reader does not know.
    #[error("unknown file type (expected .xlsx, .xls, .ods or .csv)")]
    UnknownType,
    /// Larger than any list of nominees.
    #[error("the file is {0} bytes, more than the {MAX_LIST_BYTES}-byte limit")]
    TooLarge(u64),
    /// More cells that show something than any list has ([`super::MAX_CELLS`]).
    #[error("sheet \"{sheet}\" holds more than {} cells that show something (at {place}): more than any list of nominees", super::MAX_CELLS)]
    TooManyCells {
        /// The sheet.
        sheet: String,
        /// The cell where the limit was passed.
        place: String,
    },
    /// A zipped spreadsheet that would inflate beyond any list of nominees (a zip bomb named
    /// .xlsx): refused from its directory, before anything is inflated.
    #[error(
        "the spreadsheet would inflate to {0} bytes, more than the {MAX_INFLATED_BYTES}-byte limit"
    )]
    Inflated(u64),
    /// A named pipe, socket or device given as the list: refused by its type, since opening
    /// one blocks until something writes to it (`--danh-sach ds.csv` on a FIFO hung).
    #[error("not a regular file (a pipe, socket or device)")]
    NotRegular,
    /// A password-protected spreadsheet: its parts are ciphertext.
    #[error("the file is protected by a password: open it in LibreOffice or Excel, remove the password (File > Properties > Security, or File > Save As without a password) and save it again")]
    Encrypted,
    /// A cell that shows something beyond the last row or column a spreadsheet has (1,048,576
    /// rows × 16,384 columns): no office program wrote it, and no office program shows it.
    #[error("sheet \"{sheet}\" has a cell that shows something at {place}, beyond the 1,048,576 rows × 16,384 columns of a spreadsheet: the file is damaged or was not written by an office program")]
    BeyondGrid {
        /// The sheet.
        sheet: String,
        /// The cell (`Danh sách!XFE1`).
        place: String,
    },
}

/// Most bytes a zipped spreadsheet (xlsx, ods) may declare once inflated: a list of 100,000
/// nominees is a few tens of megabytes of XML.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// The sum of the sizes a zip-based spreadsheet declares for its parts; an error when it is
/// beyond [`MAX_INFLATED_BYTES`]. A file that is not a zip (xls) passes, for its reader to judge.
pub(super) fn inflated_size_ok(path: &Path) -> Result<(), TableError> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
        if total > MAX_INFLATED_BYTES {
            return Err(TableError::Inflated(total));
        }
    }
    Ok(())
}

impl TableError {
    /// The message in Vietnamese, for the clerk.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            // The caller already says "không đọc được danh sách …": the reason alone, so the
            // clerk does not read "không đọc được" twice.
            TableError::Io(e) => crate::diag::io_words(e).0.to_owned(),
            // The reader's own words are English and technical: the clerk gets what to do.
            TableError::Spreadsheet(_) => "tệp không phải bảng tính đọc được (tệp hỏng, hoặc tệp khác đổi đuôi tên): mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx".to_owned(),
            TableError::NotUtf8 => {
                "tệp CSV không phải văn bản UTF-8 (hay UTF-16); hãy lưu lại dạng \"CSV UTF-8\""
                    .to_owned()
            }
            TableError::UnknownType => {
                "không rõ loại tệp (cần .xlsx, .xls, .ods hoặc .csv)".to_owned()
            }
            TableError::Inflated(n) => {
                format!("bảng tính khai báo {n} byte khi giải nén, quá giới hạn {MAX_INFLATED_BYTES} byte của một danh sách (có thể là tệp nén độc hại): không đọc")
            }
            TableError::TooManyCells { sheet, place } => {
                format!("trang \"{sheet}\" có hơn {} ô có chữ (đến ô {place}): nhiều hơn mọi danh sách; kiểm tra xem có chọn đúng tệp không", super::MAX_CELLS)
            }
            TableError::TooLarge(n) => {
                format!("tệp nặng {n} byte, quá giới hạn {MAX_LIST_BYTES} byte của một danh sách")
            }
            TableError::Encrypted => {
                "tệp có mật khẩu: mở bằng LibreOffice hoặc Excel, bỏ mật khẩu (Tệp > Thuộc tính > Bảo mật, hoặc Lưu thành… không đặt mật khẩu) rồi lưu lại".to_owned()
            }
            TableError::BeyondGrid { sheet, place } => {
                format!("trang \"{sheet}\" có ô có chữ ở {place}, ngoài 1.048.576 dòng × 16.384 cột của một bảng tính: tệp hỏng hoặc không do chương trình văn phòng ghi; không đọc")
            }
            TableError::NotRegular => {
                "không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị): chương trình không mở, vì đọc nó sẽ treo".to_owned()
            }
        }
    }
}

/// The largest list file read: 50,000 nominees with every column take a few megabytes, and a
/// spreadsheet is inflated in memory, so a bigger file is refused rather than read.
pub const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;
