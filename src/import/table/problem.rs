//! Why a list file could not be read at all, in both languages, and the limits that refuse a
//! file before it takes the memory it declares.

use std::path::Path;

use super::container::ZipFault;

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
    /// Something written below the last row a list of nominees can use ([`super::MAX_LIST_ROW`]).
    #[error("sheet \"{sheet}\" has something written at {place}, below row {}: longer than any list of nominees a dossier holds", super::MAX_LIST_ROW + 1)]
    TooManyRows {
        /// The sheet.
        sheet: String,
        /// The first cell found below the limit.
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
    /// A file named .xls that is not an Excel 97-2003 workbook (a web page or a CSV file some
    /// system exported under that name, an xlsx renamed).
    #[error("the file is not an Excel 97-2003 workbook, though it is named .xls: open it in Excel or LibreOffice and save it as .xlsx")]
    NotXls,
    /// An Excel 5.0/95 workbook (BIFF5/7), older than the format read.
    #[error("the workbook is in the Excel 5.0/95 format: open it in Excel or LibreOffice and save it as .xlsx")]
    XlsOld,
    /// A workbook protected by a password to open: its cells are encrypted (an xlsx is then an
    /// OLE compound file holding `EncryptionInfo`, an ods a zip whose parts are ciphertext).
    #[error("the workbook is protected by a password to open: open it in Excel or LibreOffice, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password; LibreOffice: File > Save As without a password) and save it again")]
    Encrypted,
    /// An .xls whose structure is damaged: where, and what.
    #[error("the .xls file is damaged{}: {}; open it in Excel or LibreOffice and save it as .xlsx", sheet_en(.sheet), .fault.en())]
    XlsDamaged {
        /// The sheet being read, if the damage is in one.
        sheet: Option<String>,
        /// What is wrong.
        fault: XlsFault,
    },
    /// An old Excel file (xls, an OLE compound file) named .xlsx.
    #[error("the file is an old Excel workbook (.xls) named .xlsx: rename it to .xls, or open it in Excel and save it as .xlsx")]
    XlsNamedXlsx,
    /// An Excel binary workbook: its reader cannot see which rows are hidden, so it is refused
    /// rather than read inexactly.
    #[error("an Excel binary workbook (.xlsb) is not read (its hidden rows cannot be seen): open it in Excel and save it as .xlsx")]
    Xlsb,
    /// A part of a zipped workbook that is missing or is not well-formed XML.
    #[error("part {part} of the workbook cannot be read ({detail}): open the file in Excel or LibreOffice and save it again as .xlsx")]
    BadPart {
        /// The part's name in the zip (`xl/worksheets/sheet1.xml`).
        part: String,
        /// What is wrong, in English (technical).
        detail: String,
    },
    /// A cell or area reference that is no place of a sheet (`A0`, `XFE1`, beyond 1,048,576
    /// rows or 16,384 columns, or not a reference at all).
    #[error("part {part} of the workbook names \"{reference}\", which is no cell of a sheet (Excel has 1,048,576 rows and 16,384 columns): the file is damaged")]
    BadRef {
        /// The part's name in the zip.
        part: String,
        /// The reference as written (shortened).
        reference: String,
    },
    /// A cell whose stored value is not of its declared type (a number cell holding `abc`).
    #[error(
        "cell {place} holds \"{value}\", which is not a value of its type: the file is damaged"
    )]
    BadValue {
        /// The cell (`Danh sách!C12`).
        place: String,
        /// The value as written (shortened).
        value: String,
    },
    /// A cell pointing to a shared string the file does not have.
    #[error("cell {place} refers to shared string {index}, but the workbook has {count}: the file is damaged")]
    SharedString {
        /// The cell.
        place: String,
        /// The index as written.
        index: String,
        /// How many shared strings there are.
        count: usize,
    },
    /// More shared strings, merged areas or hidden spans than any list has.
    #[error("part {part} holds more than {limit} {what}: more than any list of nominees")]
    TooManyItems {
        /// The part's name in the zip.
        part: String,
        /// What there are too many of, in English ("shared strings").
        what: &'static str,
        /// Vietnamese for `what`.
        what_vi: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A CSV file that cannot be split into its fields exactly: where, and what.
    #[error("the CSV file is damaged at {place}: {what}; open it in Excel or LibreOffice and save it again")]
    CsvDamaged {
        /// The cell (`ds.csv!B2`) or the byte.
        place: String,
        /// What is wrong, in English.
        what: &'static str,
        /// What is wrong, in Vietnamese.
        what_vi: &'static str,
    },
    /// Two parts of a zipped workbook with the same name: which one the office program would
    /// read is not known, so neither is.
    #[error("the workbook holds two parts with the same name{}: the file is damaged or was altered; open it in Excel or LibreOffice and save it again", named(.0))]
    DuplicatePart(String),
    /// A zip with more entries than any workbook has: its directory alone would take the
    /// memory and the time (1,250,000 entries in 64 MB took more than 20 s).
    #[error("the workbook holds more than {MAX_ZIP_ENTRIES} parts, more than any list: the file is damaged or is not a list")]
    TooManyParts,
    /// A cell the file gives twice, or inside a row that is not its own: which value, or which
    /// row, the office program shows is not known.
    #[error("cell {place} is given twice in the file, or inside another row ({row}): the file is damaged or was not written by an office program; open it in Excel or LibreOffice and save it again")]
    CellTwice {
        /// The cell (`Danh sách!B2`).
        place: String,
        /// The row it was found in, 1-based.
        row: u64,
    },
    /// A cell that shows something beyond the last row or column a spreadsheet has (1,048,576
    /// rows × 16,384 columns): no office program wrote it, and no office program shows it.
    #[error("sheet \"{sheet}\" has a cell that shows something at {place}, beyond the 1,048,576 rows × 16,384 columns of a spreadsheet: the file is damaged or was not written by an office program")]
    BeyondGrid {
        /// The sheet.
        sheet: String,
        /// The cell (`Danh sách!XFE1`).
        place: String,
    },
    /// The zip around a workbook (xlsx, ods) could be read two ways: which part, and how
    /// ([`super::container`]).
    #[error("the workbook's zip container is damaged or was altered{}: {}; open it in Excel or LibreOffice and save it again", named(.part), .fault.en())]
    ZipDamaged {
        /// The part concerned (empty for the container as a whole).
        part: String,
        /// What is wrong.
        fault: ZipFault,
    },
    /// A cell holding more text than any value of a list ([`super::MAX_CELL_CHARS`]): a file
    /// that is not a list, or one crafted to take the memory (`<text:s text:c="1000000000"/>`).
    #[error("cell {place} holds {}, more than any value of a list of nominees ({} at most): check that the right file was chosen, or shorten the cell", chars.map_or_else(|| format!("more than {} characters", super::MAX_CELL_CHARS), |n| format!("{n} characters")), super::MAX_CELL_CHARS)]
    CellTooLong {
        /// The cell.
        place: String,
        /// How many characters it holds, when counted (a reader that stops at the limit
        /// does not count a billion spaces).
        chars: Option<usize>,
    },
    /// A cell pointing to a cell format (`s=`) the workbook does not have.
    #[error("cell {place} refers to cell format {index}, but the workbook has {count}: the file is damaged; open it in Excel or LibreOffice and save it again")]
    NoSuchStyle {
        /// The cell.
        place: String,
        /// The index as written (shortened).
        index: String,
        /// How many cell formats there are.
        count: usize,
    },
    /// A cell whose format names a number format (`numFmtId`) the workbook does not define.
    #[error("cell {place} is shown in number format {id}, which the workbook does not define: the file is damaged; open it in Excel or LibreOffice and save it again")]
    NoSuchNumberFormat {
        /// The cell.
        place: String,
        /// The number format's id.
        id: u32,
    },
    /// Two merged areas sharing cells: no office program writes them (Excel repairs the file),
    /// and which value the cells show is not known.
    #[error("sheet \"{sheet}\" merges {first} and {second}, which overlap: the file is damaged; open it in Excel or LibreOffice and save it again")]
    MergesOverlap {
        /// The sheet.
        sheet: String,
        /// One area (`A1:B2`).
        first: String,
        /// The other.
        second: String,
    },
}

/// What is wrong inside a damaged .xls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsFault {
    /// The compound file around the workbook (sectors, their chains, the directory).
    Container,
    /// A record that runs past the end of the workbook stream, at this byte of it.
    Record(usize),
    /// A record shorter than its kind needs, at this byte.
    Short(usize),
    /// The shared strings end before the number they declare.
    Strings {
        /// How many the table declares.
        declared: u32,
        /// How many it holds.
        found: usize,
    },
    /// A cell that names a shared string the table does not hold.
    StringIndex(String),
    /// A cell that names a cell format the file does not hold.
    FormatIndex(String),
    /// A sheet whose start lies outside the workbook stream, or is not the start of a sheet.
    SheetStart,
    /// More shared strings than cells any list has ([`super::MAX_CELLS`]).
    TooManyStrings,
    /// More sheets than any workbook of a list has ([`MAX_SHEETS`]).
    TooManySheets,
    /// A record going on in more CONTINUE records than any workbook of 64 MB can hold, at
    /// this byte: each would cost memory, whatever it holds.
    Continues(usize),
}

/// Most sheets an .xls list may have: each costs a parse, and a file listing millions would
/// take the memory of their names before any is read.
pub const MAX_SHEETS: usize = 4_096;

/// ` (xl/workbook.xml)` when the part is known.
fn named(part: &str) -> String {
    if part.is_empty() {
        String::new()
    } else {
        format!(" ({part})")
    }
}

/// Most entries a zipped workbook may have: Excel writes a dozen parts and one per sheet,
/// image or comment; ten thousand is far beyond any list.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// Refused when the file holds more central-directory signatures than [`MAX_ZIP_ENTRIES`]:
/// every entry of a zip's directory starts with one, so this bounds what the zip library will
/// parse, whatever the end record claims, before it allocates a record per entry. Read in
/// blocks, so a file of 64 MB is not held whole.
pub(super) fn zip_entries_ok(path: &Path) -> Result<(), TableError> {
    use std::io::Read;
    const SIG: &[u8] = b"PK\x01\x02";
    let mut file = std::fs::File::open(path)?;
    let mut block = vec![0u8; 1 << 20];
    // The last three bytes of a block go before the next one, for a signature across both.
    let mut kept = 0usize;
    let mut count = 0usize;
    while let Some(free) = block.get_mut(kept..) {
        let n = match file.read(free) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        let len = kept + n;
        let seen = block.get(..len).unwrap_or_default();
        count += memchr::memmem::find_iter(seen, SIG).count();
        if count > MAX_ZIP_ENTRIES {
            return Err(TableError::TooManyParts);
        }
        kept = len.min(SIG.len() - 1);
        block.copy_within(len - kept..len, 0);
    }
    Ok(())
}

/// Refused when a zip holds two entries of one name (compared as OPC compares them, without
/// case): the office program reads one of them and this reader might read the other.
pub(super) fn unique_names<R: std::io::Read + std::io::Seek>(
    zip: &zip::ZipArchive<R>,
) -> Result<std::collections::HashMap<String, usize>, TableError> {
    let mut names = std::collections::HashMap::new();
    for (i, n) in zip.file_names().enumerate() {
        let Ok(n) = n else { continue };
        if names.insert(n.to_lowercase(), i).is_some() {
            return Err(TableError::DuplicatePart(n.into_owned()));
        }
    }
    if zip.has_duplicate_names() {
        return Err(TableError::DuplicatePart(String::new()));
    }
    Ok(names)
}

fn sheet_en(sheet: &Option<String>) -> String {
    sheet
        .as_ref()
        .map(|s| format!(" in sheet \"{s}\""))
        .unwrap_or_default()
}

impl XlsFault {
    /// In English.
    #[must_use]
    pub fn en(&self) -> String {
        match self {
            XlsFault::Container => "its compound-file structure is broken".to_owned(),
            XlsFault::Record(at) => {
                format!("a record at byte {at} of the workbook runs past its end")
            }
            XlsFault::Short(at) => {
                format!("a record at byte {at} of the workbook is too short for its kind")
            }
            XlsFault::Strings { declared, found } => {
                format!("the shared string table declares {declared} strings and holds {found}")
            }
            XlsFault::StringIndex(place) => {
                format!("cell {place} names a shared string the file does not hold")
            }
            XlsFault::FormatIndex(place) => {
                format!("cell {place} names a cell format the file does not hold")
            }
            XlsFault::SheetStart => "the sheet's start lies outside the workbook".to_owned(),
            XlsFault::TooManyStrings => format!(
                "it holds more than {} different texts, more than any list",
                super::MAX_CELLS
            ),
            XlsFault::TooManySheets => {
                format!("it has more than {MAX_SHEETS} sheets, more than any list")
            }
            XlsFault::Continues(at) => {
                format!("a record at byte {at} of the workbook goes on in more CONTINUE records than any workbook has")
            }
        }
    }

    /// In Vietnamese.
    #[must_use]
    pub fn vi(&self) -> String {
        match self {
            XlsFault::Container => "cấu trúc tệp bị vỡ".to_owned(),
            XlsFault::Record(at) => {
                format!("một bản ghi ở byte {at} của bảng tính vượt quá cuối dữ liệu")
            }
            XlsFault::Short(at) => {
                format!("một bản ghi ở byte {at} của bảng tính thiếu dữ liệu")
            }
            XlsFault::Strings { declared, found } => {
                format!("bảng chuỗi dùng chung khai báo {declared} chuỗi nhưng chỉ có {found}")
            }
            XlsFault::StringIndex(place) => {
                format!("ô {place} trỏ tới một chuỗi không có trong tệp")
            }
            XlsFault::FormatIndex(place) => {
                format!("ô {place} trỏ tới một định dạng ô không có trong tệp")
            }
            XlsFault::SheetStart => {
                "vị trí bắt đầu của trang nằm ngoài dữ liệu bảng tính".to_owned()
            }
            XlsFault::TooManyStrings => format!(
                "tệp có hơn {} đoạn chữ khác nhau, nhiều hơn mọi danh sách",
                super::MAX_CELLS
            ),
            XlsFault::TooManySheets => {
                format!("tệp có hơn {MAX_SHEETS} trang, nhiều hơn mọi danh sách")
            }
            XlsFault::Continues(at) => {
                format!("một bản ghi ở byte {at} của bảng tính nối dài qua nhiều bản ghi CONTINUE hơn mọi bảng tính")
            }
        }
    }
}

/// Most bytes a zipped spreadsheet (xlsx, ods) may declare once inflated: a list of 100,000
/// nominees is a few tens of megabytes of XML. Inflating and parsing costs about 4 ns a byte:
/// at 512 MB, a 1 MB file of 500 MB of empty elements took 2 s of CPU (4.5 s on a loaded
/// machine) to be read at all; at 256 MB, a hostile file is done within a second.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

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
            TableError::TooManyRows { sheet, place } => {
                format!("trang \"{sheet}\" có chữ ở ô {place}, dưới hàng {}: dài hơn mọi danh sách một hồ sơ có thể chứa; kiểm tra xem có chọn đúng tệp hay đúng trang không, hoặc xóa các hàng thừa ở cuối", super::MAX_LIST_ROW + 1)
            }
            TableError::TooManyCells { sheet, place } => {
                format!("trang \"{sheet}\" có hơn {} ô có chữ (đến ô {place}): nhiều hơn mọi danh sách; kiểm tra xem có chọn đúng tệp không", super::MAX_CELLS)
            }
            TableError::TooLarge(n) => {
                format!("tệp nặng {n} byte, quá giới hạn {MAX_LIST_BYTES} byte của một danh sách")
            }
            TableError::NotXls => "tệp không phải bảng tính Excel 97-2003 dù có đuôi .xls (có thể là trang web hay tệp CSV do phần mềm khác xuất ra): mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx".to_owned(),
            TableError::XlsOld => "bảng tính ở định dạng Excel 5.0/95 (cũ hơn Excel 97): mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx".to_owned(),
            TableError::XlsDamaged { sheet, fault } => {
                let at = sheet
                    .as_ref()
                    .map(|s| format!(" ở trang \"{s}\""))
                    .unwrap_or_default();
                format!("tệp .xls bị hỏng{at}: {}; mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx", fault.vi())
            }
            TableError::BeyondGrid { sheet, place } => {
                format!("trang \"{sheet}\" có ô có chữ ở {place}, ngoài 1.048.576 dòng × 16.384 cột của một bảng tính: tệp hỏng hoặc không do chương trình văn phòng ghi; không đọc")
            }
            TableError::NotRegular => {
                "không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị): chương trình không mở, vì đọc nó sẽ treo".to_owned()
            }
            TableError::Encrypted => "tệp có mật khẩu để mở (đã mã hóa), chương trình không đọc được: mở bằng Excel hoặc LibreOffice, gỡ mật khẩu (Excel: Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu; LibreOffice: Lưu thành… không đặt mật khẩu) rồi lưu lại".to_owned(),
            TableError::XlsNamedXlsx => "tệp thực ra là bảng tính Excel cũ (.xls) mang đuôi .xlsx: đổi đuôi tên thành .xls, hoặc mở bằng Excel rồi lưu lại dạng .xlsx".to_owned(),
            TableError::Xlsb => "tệp .xlsb (bảng tính nhị phân của Excel) không đọc được chính xác (không thấy được dòng ẩn): mở bằng Excel rồi lưu lại dạng .xlsx".to_owned(),
            TableError::CellTwice { place, row } => format!("ô {place} được ghi hai lần trong tệp, hoặc nằm trong dòng khác ({row}): tệp bị hỏng hoặc không do chương trình văn phòng ghi; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::TooManyParts => format!("bảng tính có hơn {MAX_ZIP_ENTRIES} phần, nhiều hơn mọi danh sách: tệp bị hỏng hoặc không phải danh sách"),
            TableError::CsvDamaged { place, what_vi, .. } => format!("tệp CSV bị hỏng ở {place}: {what_vi}; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::DuplicatePart(part) => format!("bảng tính có hai phần cùng tên{}: tệp bị hỏng hoặc đã bị sửa; mở bằng Excel hoặc LibreOffice rồi lưu lại", named(part)),
            TableError::BadPart { part, .. } => format!("phần {part} của bảng tính bị hỏng hoặc thiếu: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx"),
            TableError::BadRef { part, reference } => format!("phần {part} của bảng tính ghi ô \"{reference}\", không phải ô nào của một trang (Excel có 1.048.576 dòng và 16.384 cột): tệp bị hỏng"),
            TableError::BadValue { place, value } => format!("ô {place} chứa \"{value}\", không đúng kiểu giá trị của ô: tệp bị hỏng; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::SharedString { place, index, count } => format!("ô {place} trỏ tới chuỗi số {index} nhưng bảng tính chỉ có {count} chuỗi: tệp bị hỏng; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::ZipDamaged { part, fault } => format!("tệp nén của bảng tính bị hỏng hoặc đã bị sửa{}: {}; mở bằng Excel hoặc LibreOffice rồi lưu lại", named(part), fault.vi()),
            TableError::CellTooLong { place, chars } => {
                let n = chars.map_or_else(|| format!("hơn {}", super::MAX_CELL_CHARS), |n| n.to_string());
                format!("ô {place} có {n} ký tự, dài hơn mọi giá trị của một danh sách (tối đa {}): kiểm tra xem có chọn đúng tệp không, hoặc rút ngắn ô này", super::MAX_CELL_CHARS)
            }
            TableError::NoSuchStyle { place, index, count } => format!("ô {place} trỏ tới định dạng ô số {index} nhưng bảng tính chỉ có {count} định dạng: tệp bị hỏng; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::NoSuchNumberFormat { place, id } => format!("ô {place} hiển thị theo định dạng số {id}, mà bảng tính không định nghĩa: tệp bị hỏng; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::MergesOverlap { sheet, first, second } => format!("trang \"{sheet}\" gộp ô {first} và {second}, hai vùng chồng lên nhau: tệp bị hỏng; mở bằng Excel hoặc LibreOffice rồi lưu lại"),
            TableError::TooManyItems { part, what_vi, limit, .. } => format!("phần {part} của bảng tính có hơn {limit} {what_vi}: nhiều hơn mọi danh sách; kiểm tra xem có chọn đúng tệp không"),
        }
    }
}

/// The largest list file read: 50,000 nominees with every column take a few megabytes, and a
/// spreadsheet is inflated in memory, so a bigger file is refused rather than read.
pub const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;
