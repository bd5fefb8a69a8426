//! The explanation of every rule, shown by `dossier explain`: what the rule checks, why it
//! matters and on what legal basis, a failing example and how to fix it, in Vietnamese and
//! English. Kept apart from the registry so the table stays readable, and from the checks so
//! the long texts do not bury the code: one file per rule family, named as in `super::family`.
//! The match in [`docs`] has no wildcard, so a new rule does not compile without its docs, and
//! a test checks that they are complete.

mod attachments;
mod bundle;
mod content;
mod dates;
mod nominees;
mod rule_set;
mod structure;
mod symbols;
mod text;
mod votes;

use super::Rule;
use crate::diag::Msg;

/// The explanation of a rule, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct RuleDocs {
    /// What the rule checks, in Vietnamese.
    pub what_vi: &'static str,
    /// What the rule checks, in English.
    pub what_en: &'static str,
    /// Why it matters, in Vietnamese.
    pub why_vi: &'static str,
    /// Why it matters, in English.
    pub why_en: &'static str,
    /// Legal basis, in Vietnamese.
    pub basis: &'static str,
    /// A short failing example in the dossier format (YAML), first line `# tệp: to-trinh.yaml`
    /// naming the file.
    pub example: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix_vi: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

impl RuleDocs {
    /// What the rule checks.
    #[must_use]
    pub fn what(&self) -> Msg {
        Msg::new(self.what_vi, self.what_en)
    }

    /// Why it matters.
    #[must_use]
    pub fn why(&self) -> Msg {
        Msg::new(self.why_vi, self.why_en)
    }

    /// How to fix it.
    #[must_use]
    pub fn fix(&self) -> Msg {
        Msg::new(self.fix_vi, self.fix_en)
    }
}

/// The explanation of a rule.
#[must_use]
pub fn docs(rule: Rule) -> RuleDocs {
    match rule {
        Rule::HS001 => structure::HS001,
        Rule::HS002 => structure::HS002,
        Rule::HS003 => structure::HS003,
        Rule::HS004 => structure::HS004,
        Rule::HS005 => structure::HS005,
        Rule::HS006 => structure::HS006,
        Rule::HS007 => structure::HS007,
        Rule::HS008 => structure::HS008,
        Rule::HS009 => structure::HS009,
        Rule::HS010 => structure::HS010,
        Rule::HS011 => structure::HS011,
        Rule::HS012 => structure::HS012,
        Rule::HS013 => structure::HS013,
        Rule::HS014 => structure::HS014,
        Rule::HS015 => structure::HS015,
        Rule::HS016 => structure::HS016,
        Rule::HS017 => structure::HS017,
        Rule::DS001 => nominees::DS001,
        Rule::DS002 => nominees::DS002,
        Rule::DS003 => nominees::DS003,
        Rule::DS004 => nominees::DS004,
        Rule::DS005 => nominees::DS005,
        Rule::DS006 => nominees::DS006,
        Rule::DS007 => nominees::DS007,
        Rule::DS008 => nominees::DS008,
        Rule::DS009 => nominees::DS009,
        Rule::DS010 => nominees::DS010,
        Rule::DS011 => nominees::DS011,
        Rule::NG001 => dates::NG001,
        Rule::NG002 => dates::NG002,
        Rule::NG003 => dates::NG003,
        Rule::NG004 => dates::NG004,
        Rule::NG005 => dates::NG005,
        Rule::NG006 => dates::NG006,
        Rule::NG007 => dates::NG007,
        Rule::SK001 => symbols::SK001,
        Rule::SK002 => symbols::SK002,
        Rule::BB001 => votes::BB001,
        Rule::BB002 => votes::BB002,
        Rule::BB003 => votes::BB003,
        Rule::BB004 => votes::BB004,
        Rule::ND001 => content::ND001,
        Rule::ND002 => content::ND002,
        Rule::ND003 => content::ND003,
        Rule::ND004 => content::ND004,
        Rule::ND005 => content::ND005,
        Rule::VB001 => text::VB001,
        Rule::VB002 => text::VB002,
        Rule::VB003 => text::VB003,
        Rule::VB004 => text::VB004,
        Rule::VB005 => text::VB005,
        Rule::VB006 => text::VB006,
        Rule::VB007 => text::VB007,
        Rule::DK001 => attachments::DK001,
        Rule::DK002 => attachments::DK002,
        Rule::DK003 => attachments::DK003,
        Rule::DK004 => attachments::DK004,
        Rule::DK005 => attachments::DK005,
        Rule::DK006 => attachments::DK006,
        Rule::DK007 => attachments::DK007,
        Rule::TC001 => rule_set::TC001,
        Rule::GO001 => bundle::GO001,
        Rule::GO002 => bundle::GO002,
        Rule::GO003 => bundle::GO003,
        Rule::GO004 => bundle::GO004,
        Rule::GO005 => bundle::GO005,
        Rule::GO006 => bundle::GO006,
        Rule::GO007 => bundle::GO007,
        Rule::GO008 => bundle::GO008,
        Rule::GO009 => bundle::GO009,
        Rule::GO010 => bundle::GO010,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    /// Rules whose example shows input that is meant not to parse.
    const BROKEN: &[Rule] = &[
        Rule::HS002,
        Rule::HS011,
        Rule::HS013,
        Rule::HS014,
        Rule::GO003,
    ];

    fn texts(d: &RuleDocs) -> [(&'static str, &'static str); 8] {
        [
            ("what_vi", d.what_vi),
            ("what_en", d.what_en),
            ("why_vi", d.why_vi),
            ("why_en", d.why_en),
            ("basis", d.basis),
            ("example", d.example),
            ("fix_vi", d.fix_vi),
            ("fix_en", d.fix_en),
        ]
    }

    #[test]
    fn every_rule_has_complete_docs() {
        for &r in Rule::ALL {
            let id = r.info().id;
            let d = docs(r);
            for (field, text) in texts(&d) {
                assert!(!text.trim().is_empty(), "{id}: empty {field}");
                assert!(is_nfc(text), "{id}: {field} is not NFC");
            }
            assert!(
                d.example.starts_with("# tệp: "),
                "{id}: the example must start with `# tệp: <file>`"
            );
        }
    }

    #[test]
    fn examples_parse_unless_they_show_broken_input() {
        for &r in Rule::ALL {
            let id = r.info().id;
            if BROKEN.contains(&r) {
                continue;
            }
            let parsed = crate::yaml::tree::parse(docs(r).example);
            assert!(
                parsed.problems.is_empty(),
                "{id}: the example does not parse: {:?}",
                parsed.problems
            );
        }
    }

    #[test]
    fn broken_examples_are_really_broken() {
        for r in [Rule::HS002, Rule::HS013] {
            let parsed = crate::yaml::tree::parse(docs(r).example);
            assert!(
                !parsed.problems.is_empty(),
                "{}: the example should not parse",
                r.info().id
            );
        }
    }

    #[test]
    fn bases_cite_only_known_sources() {
        // Every basis names at least one of the sources the rules rest on.
        let known = [
            "Nghị định số 91/2017/NĐ-CP",
            "Luật Thi đua, khen thưởng số 06/2022/QH15",
            "Nghị định số 98/2023/NĐ-CP",
            "Nghị định số 152/2025/NĐ-CP",
            "docs/legal-sources.md",
            "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư",
            "Nghị định số 30/2020/NĐ-CP",
            "Hướng dẫn số 1248/HD-BTĐKT",
            "TCVN 6909:2001",
            "docs/dossier-format.md",
            "docs/rule-set-format.md",
        ];
        for &r in Rule::ALL {
            let b = docs(r).basis;
            assert!(
                known.iter().any(|k| b.contains(k)),
                "{}: basis cites no known source: {b}",
                r.info().id
            );
        }
    }
}
