//! Tests of `text/legacy.rs`, apart so the module itself stays readable.

use super::*;

#[test]
fn has_word_meets_every_non_ascii_word_in_order() {
    use std::cell::RefCell;
    let mut rng = crate::testing::Rng(0x001E_6AC7);
    let alphabet: Vec<char> =
        "aZ9 ,.-'\"()/\t\nâêôơưđÐ¸µ¶·¹¨©®ª«¬¦§ÒãõøùïéÂạấẫỹǅȯɏ\u{1680}\u{1fbd}\u{17d4}ሀ“”…€ŠЯ\u{300}\u{a0}"
            .chars()
            .collect();
    for _ in 0..20_000 {
        let len = rng.below(16);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let met = RefCell::new(Vec::new());
        let found = has_word(&text, |w| {
            met.borrow_mut().push(w.to_owned());
            false
        });
        assert!(!found);
        let all: Vec<String> = words(&text)
            .map(|(s, e)| text[s..e].to_owned())
            .filter(|w| !w.is_ascii())
            .collect();
        assert_eq!(met.into_inner(), all, "{text:?}");
    }
}

fn guess(s: &str) -> Option<(LegacyEncoding, String)> {
    detect_legacy(s).map(|g| (g.encoding, g.decoded))
}

fn assert_legacy(s: &str, encoding: LegacyEncoding, decoded: &str) {
    assert_eq!(
        guess(s),
        Some((encoding, decoded.to_owned())),
        "{s:?} should read as {}",
        encoding.name()
    );
}

#[test]
fn the_six_examples() {
    assert_legacy("NguyÔn", LegacyEncoding::Tcvn3, "Nguyễn");
    assert_legacy("Tr\u{ad}êng", LegacyEncoding::Tcvn3, "Trường");
    assert_legacy("Héi ®ång", LegacyEncoding::Tcvn3, "Hội đồng");
    assert_legacy("Nguyeãn", LegacyEncoding::Vni, "Nguyễn");
    assert_legacy("Tröôøng", LegacyEncoding::Vni, "Trường");
    assert_legacy("Hoäi ñoàng", LegacyEncoding::Vni, "Hội đồng");
}

#[test]
fn whole_sentences() {
    assert_legacy(
        "Ñoaøn Thanh nieân Coäng saûn Hoà Chí Minh",
        LegacyEncoding::Vni,
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    );
    assert_legacy(
        "Uû ban nh©n d©n x· Tr\u{ad}êng Yªn",
        LegacyEncoding::Tcvn3,
        "Uỷ ban nhân dân xã Trường Yên",
    );
    assert_legacy(
        "Hoa L\u{ad}, ngµy 15 th¸ng 10 n¨m 2021",
        LegacyEncoding::Tcvn3,
        "Hoa Lư, ngày 15 tháng 10 năm 2021",
    );
    assert_legacy(
        "Hoa Lö, ngaøy 15 thaùng 10 naêm 2021",
        LegacyEncoding::Vni,
        "Hoa Lư, ngày 15 tháng 10 năm 2021",
    );
    assert_legacy(
        "Phßng Néi vô huyÖn Hoa L\u{ad}",
        LegacyEncoding::Tcvn3,
        "Phòng Nội vụ huyện Hoa Lư",
    );
    assert_legacy(
        "Sôû Y teá tænh Ninh Bình",
        LegacyEncoding::Vni,
        "Sở Y tế tỉnh Ninh Bình",
    );
}

#[test]
fn names_and_units() {
    assert_legacy("NguyÔn V¨n An", LegacyEncoding::Tcvn3, "Nguyễn Văn An");
    assert_legacy("Lª ThÞ H»ng", LegacyEncoding::Tcvn3, "Lê Thị Hằng");
    assert_legacy("Hµ Néi", LegacyEncoding::Tcvn3, "Hà Nội");
    assert_legacy("Nguyeãn Vaên An", LegacyEncoding::Vni, "Nguyễn Văn An");
    assert_legacy("Leâ Thò Haèng", LegacyEncoding::Vni, "Lê Thị Hằng");
    assert_legacy(
        "UBND x· Ninh H¶i",
        LegacyEncoding::Tcvn3,
        "UBND xã Ninh Hải",
    );
    assert_legacy(
        "UBND xaõ Ninh Haûi",
        LegacyEncoding::Vni,
        "UBND xã Ninh Hải",
    );
    assert_legacy(
        "Héi ®ång Thi ®ua - Khen th\u{ad}ëng H§T§KT",
        LegacyEncoding::Tcvn3,
        "Hội đồng Thi đua - Khen thưởng HĐTĐKT",
    );
}

#[test]
fn single_words_with_a_telling_trait() {
    assert_legacy("Bïi Kim Nga", LegacyEncoding::Tcvn3, "Bùi Kim Nga");
    assert_legacy("Cao Ngäc Dung", LegacyEncoding::Tcvn3, "Cao Ngọc Dung");
    assert_legacy("Phan Minh LÝnh", LegacyEncoding::Tcvn3, "Phan Minh Lính");
    assert_legacy("Cao Thu YÕn", LegacyEncoding::Tcvn3, "Cao Thu Yến");
    assert_legacy("Ninh Hßa", LegacyEncoding::Tcvn3, "Ninh Hòa");
    assert_legacy("Löu Kim Lan", LegacyEncoding::Vni, "Lưu Kim Lan");
    assert_legacy("Cao Minh Haïnh", LegacyEncoding::Vni, "Cao Minh Hạnh");
    assert_legacy("Buøi Kim Nga", LegacyEncoding::Vni, "Bùi Kim Nga");
    assert_legacy("Cao Vaên Long", LegacyEncoding::Vni, "Cao Văn Long");
    assert_legacy("Vieät Nam", LegacyEncoding::Vni, "Việt Nam");
    assert_legacy("Lyù Thò Myõ", LegacyEncoding::Vni, "Lý Thị Mỹ");
}

#[test]
fn ambiguous_legacy_is_left_alone() {
    // Every word is also valid Unicode, or the only legacy word is weak.
    for s in [
        "Cao Thò Lan",
        "Mai Hoàng Nga",
        "Lª Duy Nam",
        "146/TTr-PGD§T",
    ] {
        assert_eq!(guess(s), None, "{s:?}");
    }
}

#[test]
fn capitals() {
    // .VnTimeH: toned capitals typed with the lowercase bytes.
    assert_legacy(
        "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM",
        LegacyEncoding::Tcvn3,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    assert_legacy(
        "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
        LegacyEncoding::Vni,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    assert_legacy("NGUYEÃN", LegacyEncoding::Vni, "NGUYỄN");
}

#[test]
fn nfd_mojibake_is_still_found() {
    // "Héi" decomposed by a Mac after the damage was done.
    assert_legacy("He\u{301}i ®ång", LegacyEncoding::Tcvn3, "Hội đồng");
}

#[test]
fn real_vietnamese_is_not_legacy() {
    let negatives = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ông Nguyễn Văn Ân",
        "Ủy ban nhân dân xã Trường Yên",
        "Uỷ ban nhân dân huyện Hoa Lư",
        "Thủy",
        "Thuỷ",
        "Hoà",
        "Hòa",
        "Quyết",
        "Giữa",
        "Đinh Ô Tô",
        "Ông",
        "Ô",
        "Tô Hoài",
        "Lê Thị Hằng",
        "Bà Trần Thị Ánh Tuyết",
        "Phó Chủ tịch Lưu Quang Minh",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN",
        "Số: 45/TTr-UBND",
        "Hoa Lư, ngày 15 tháng 10 năm 2021",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng",
        "Báo cáo thành tích đề nghị tặng Giấy khen",
        "Sở Y tế tỉnh Ninh Bình; Phòng Nội vụ huyện Hoa Lư",
        "Điều 55 Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
        "HĐTĐKT",
        "Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch COVID-19",
        "không bị phê bình nhắc nhở; không vi phạm",
        "an toàn để sản xuất, sản xuất phải an toàn",
        "vùng xanh",
        "Ninh Hòa, Ninh Vân, Ninh An, Ninh Thắng, Thiên Tôn",
        "Trường Yên, Ninh Hải, Ninh Xuân, Ninh Giang, Ninh Khang, Ninh Mỹ",
        "khỏe, khoẻ, hóa, hoá, tuý, thúy, quý, Quỳnh, Huỳnh",
        "Đắk Lắk, Kon Tum, Buôn Ma Thuột, Gia Lai",
        "Y Moan Êban, H'Hen Niê",
        "ở, ạ, ừ, ấy, ồ, à, á, ô, ê, ý, ú",
        "Tô Ánh Ngọc, Hà Mã, Lý Tú, Võ Thị Sáu",
        "Cà Mau, Đà Lạt, Bà Rịa - Vũng Tàu",
        "diện tích 120 m², nhiệt độ 37,5 °C",
        "Giá 15.000 ₫ × 3 = 45.000 ₫ · đã nộp",
        "« Cả nước đoàn kết »",
        "Nguye\u{302}\u{303}n Va\u{306}n A\u{302}n",
        "Ðoàn Thanh niên",
        "gìa, qúa, hòc (lỗi gõ)",
        "thuở, huơ, khuya, khuỷu, ngoẻo, khuấy, xoong, moóc",
    ];
    for s in negatives {
        assert_eq!(guess(s), None, "{s:?}");
    }
}

#[test]
fn other_languages_are_not_legacy() {
    let negatives = [
        "café",
        "naïve",
        "Ông",
        "où",
        "Je ne sais pas où il est.",
        "Il a dû partir à la fête de Noël.",
        "Loïc",
        "Loïc Dupont",
        "Zoë Saldaña",
        "crème brûlée, déjà vu, résumé, façade, coöperate",
        "Hélène, José, André, Chloé, Thérèse, Anaïs, Maël, Raphaël",
        "L'été à Paris, la tête, la forêt, le château",
        "garçon, leçon, reçu, ça, là, où, goût, août, coût, sûr, île",
        "Müller, Köln, schön, Straße, für, über, Mädchen, Übung, Öl",
        "niño, año, señor, mañana, José María, corazón, también, aquí",
        "São Paulo, não, coração, você, avô, avó, três",
        "più, così, perché, città, già, può",
        "Ångström, smörgåsbord, Søren",
        "the quick brown fox",
        "résumé",
        "naïve café",
        "😀🎉👍",
        "東京都",
        "北京市 上海",
        "Москва",
        "Αθήνα",
        "مرحبا",
        "© 2021 ACME Corp. ® ™",
        "½ + ¼ = ¾",
        "«Bonjour»",
        "« Bonjour »",
        "× · « »",
        "price: 5 € – 10 £ … “quoted” — ok",
        "\u{ad}",
        "a\u{ad}b",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
        "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
        // Found on message catalogs: each once read as legacy by a looser rule.
        "ninguna aún",
        "aún",
        "poäng",
        "meä",
        "Köa stycket [y,n,q,a,d%s,?]? ",
        "Jaén",
        "»%s« gegen »%s«",
        "»%s«",
        "linio %dª: ",
        "Sjølvvald %s·%s",
        "Tâi-oân",
        "Nga e majta në të djathtë",
        "majta-në-të",
        "Meán-Fraincis (ca. 1400-1600)",
        "Mª Luisa",
        "Loïc, toi et moi",
        "2 × 3 · 4",
        "5 µm",
        "¬p",
    ];
    for s in negatives {
        assert_eq!(guess(s), None, "{s:?}");
    }
}

#[test]
fn ascii_fast_path() {
    assert_eq!(detect_legacy(""), None);
    assert_eq!(detect_legacy("Nguyen Van An"), None);
    assert_eq!(detect_legacy("Noi dung: 45/TTr-UBND"), None);
}

#[test]
fn encoding_names() {
    assert_eq!(LegacyEncoding::Tcvn3.name(), "TCVN3 (ABC)");
    assert_eq!(LegacyEncoding::Vni.name(), "VNI");
}

#[test]
fn never_panics_on_random_latin_1() {
    let mut state: u64 = 0x0DD5_EED5_0000_0001;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 16) as usize;
        let s: String = (0..len)
            .map(|_| {
                let code = match next() % 4 {
                    0 => 0x20 + next() % 0x60,
                    1 => 0xA0 + next() % 0x60,
                    2 => 0x80 + next() % 0x20,
                    _ => next() % 0x3000,
                };
                char::from_u32(code as u32).unwrap_or(' ')
            })
            .collect();
        if let Some(g) = detect_legacy(&s) {
            assert!(crate::text::is_nfc(&g.decoded), "{s:?}");
        }
    }
}

#[test]
fn runs_of_legacy_text_among_unicode() {
    // C11 (#16): the surname typed in Unicode, the rest pasted in TCVN3, whose ê is ờ.
    assert_legacy(
        "Lê ThÞ Hång Nhung",
        LegacyEncoding::Tcvn3,
        "Lê Thị Hồng Nhung",
    );
    // C06: "Hé" is also Unicode, but with a tone mark, before a legacy run: decoded; the soft
    // hyphen is TCVN3's ư.
    assert_legacy(
        "Hé «ng Ph¹m V¨n T\u{ad}",
        LegacyEncoding::Tcvn3,
        "Hộ ông Phạm Văn Tư",
    );
    // One legacy word among words only Unicode can be: settled by them.
    assert_legacy(
        "Trường Tr\u{ad}êng Thượng",
        LegacyEncoding::Tcvn3,
        "Trường Trường Thượng",
    );
    assert_legacy("Nguyễn Vaên Hùng", LegacyEncoding::Vni, "Nguyễn Văn Hùng");
    // A word that reads either way stays between Unicode words ("Lê" is not made "Lờ").
    assert_legacy(
        "Nguyễn Thị Lê, Tr\u{ad}êng Yªn",
        LegacyEncoding::Tcvn3,
        "Nguyễn Thị Lê, Trường Yên",
    );
    // A surname typed in Unicode, though toned, before a TCVN3 or VNI run.
    assert_legacy("Võ ThÞ Hång", LegacyEncoding::Tcvn3, "Võ Thị Hồng");
    assert_legacy("Lò Vaên Nam", LegacyEncoding::Vni, "Lò Văn Nam");
    // A toned word that reads either way ("xã" is TCVN3's "xó") after words kept in Unicode
    // ("Công", not "Cụng"): the text began in Unicode and goes on in it up to the legacy run
    // (session 5's tester, #16).
    assert_legacy(
        "Công an xã Tr\u{ad}êng Yªn",
        LegacyEncoding::Tcvn3,
        "Công an xã Trường Yên",
    );
    assert_legacy(
        "Ủy ban nhân dân xã Tr\u{ad}êng Yªn",
        LegacyEncoding::Tcvn3,
        "Ủy ban nhân dân xã Trường Yên",
    );
    // Inside a legacy run it is decoded: VNI "Thò" is "Thị".
    assert_legacy("Phaïm Thò Haèng", LegacyEncoding::Vni, "Phạm Thị Hằng");
    let g = detect_legacy("Lê ThÞ Hång").unwrap_or_else(|| panic!("none"));
    // The ranges of the words decoded, in the text.
    assert_eq!(g.words, vec![(4, 8), (9, 14)]);
}

#[test]
fn tcvn3_capitals_in_names() {
    // VN3 has no Á: a name typed it with the byte of á.
    assert_legacy("Lª ThÞ ¸nh", LegacyEncoding::Tcvn3, "Lê Thị Ánh");
    assert_legacy("NguyÔn V¨n ¢n", LegacyEncoding::Tcvn3, "Nguyễn Văn Ân");
    // In a sentence it stays as typed.
    assert_legacy(
        "Hoa L\u{ad}, ngµy 15 ë x·",
        LegacyEncoding::Tcvn3,
        "Hoa Lư, ngày 15 ở xã",
    );
}

#[test]
fn windows_1258_read_as_windows_1252() {
    assert_legacy(
        "NguyêÞn Vãn An",
        LegacyEncoding::Windows1258,
        "Nguyễn Văn An",
    );
    assert_legacy(
        "Ðoàn Thanh niên Côòng saÒn",
        LegacyEncoding::Windows1258,
        "Đoàn Thanh niên Cộng sản",
    );
    assert_legacy("TrýõÌng Yên", LegacyEncoding::Windows1258, "Trường Yên");
    // Đ read as Ð alone is a look-alike letter, named by `chars`, not evidence.
    assert_eq!(guess("Ðinh Văn Quý"), None);
    assert_eq!(LegacyEncoding::Windows1258.name(), "Windows-1258");
}

#[test]
fn encoded_text_comes_back() {
    for enc in [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Windows1258,
    ] {
        let text = "Uỷ ban nhân dân xã Trường Yên đề nghị khen thưởng ông Nguyễn Văn Hùng";
        let e = encode(text, enc).unwrap_or_default();
        assert_legacy(&e, enc, text);
    }
}
