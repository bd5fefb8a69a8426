//! The bundle's file name: ASCII only, from the proposal's number and the proposing body, so it
//! survives every mail system and file share (`45-TTr-UBND_xa-truong-yen.zip`).

/// ASCII slug of Vietnamese text: marks dropped, `đ` as `d`, anything else as `-`.
#[must_use]
pub fn slug(text: &str, keep_case: bool) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut dash = false;
    for c in text.nfd() {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(if keep_case { c } else { c.to_ascii_lowercase() });
        } else {
            dash = true;
        }
    }
    out
}

/// `45/TTr-UBND` + `Ủy ban nhân dân xã Trường Yên` → `45-TTr-UBND_xa-truong-yen.zip`.
#[must_use]
pub fn bundle_name(symbol: &str, body: &str) -> String {
    let body = body.trim();
    // "Ủy ban nhân dân" is on every commune's name; the place is what tells bundles apart.
    let short = ["Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "]
        .iter()
        .find_map(|p| body.strip_prefix(p))
        .unwrap_or(body);
    let (a, b) = (slug(symbol, true), slug(short, false));
    match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a}_{b}.zip"),
        (false, true) => format!("{a}.zip"),
        (true, false) => format!("{b}.zip"),
        (true, true) => "ho-so.zip".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ascii() {
        assert_eq!(
            bundle_name("45/TTr-UBND", "Ủy ban nhân dân xã Trường Yên"),
            "45-TTr-UBND_xa-truong-yen.zip"
        );
        assert_eq!(
            bundle_name("12/TTr-HĐTĐKT", "Trung tâm Y tế huyện Hoa Lư"),
            "12-TTr-HDTDKT_trung-tam-y-te-huyen-hoa-lu.zip"
        );
        assert_eq!(bundle_name("", ""), "ho-so.zip");
        assert!(bundle_name("../../x", "a/b\\c").is_ascii());
        assert!(!bundle_name("../../x", "a/b").contains('/'));
    }
}
