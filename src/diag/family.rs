//! The families of rules, as a type: an id's two-letter prefix says what a rule looks at, and
//! this is the one place that says so — the registry, SARIF's tags, `verify`'s share of the
//! rules and a newcomer's way from a rule id to the code that fires it all read it from here.

use super::Rule;

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// HS: the structure of the dossier (hồ sơ): components, files, format, the rule set named.
    Structure,
    /// DS: the list of nominees (danh sách) across the documents.
    Nominees,
    /// NG: dates (ngày).
    Dates,
    /// SK: numbers and symbols of documents (số, ký hiệu).
    Symbols,
    /// BB: the council's vote (biên bản).
    Votes,
    /// ND: the content of the reports (nội dung).
    Content,
    /// VB: the text itself (văn bản): encoding, invisible characters, spelling, printability.
    Text,
    /// DK: attachments (đính kèm) and file names.
    Attachments,
    /// TC: the rule set (tiêu chí) itself.
    RuleSet,
    /// GO: the submission bundle (gói) as the receiving office gets it; `verify` only.
    Bundle,
}

impl Family {
    /// Every family, in the registry's order.
    pub const ALL: [Family; 10] = [
        Family::Structure,
        Family::Nominees,
        Family::Dates,
        Family::Symbols,
        Family::Votes,
        Family::Content,
        Family::Text,
        Family::Attachments,
        Family::RuleSet,
        Family::Bundle,
    ];

    /// The two letters every id of the family starts with.
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Structure => "HS",
            Family::Nominees => "DS",
            Family::Dates => "NG",
            Family::Symbols => "SK",
            Family::Votes => "BB",
            Family::Content => "ND",
            Family::Text => "VB",
            Family::Attachments => "DK",
            Family::RuleSet => "TC",
            Family::Bundle => "GO",
        }
    }

    /// Its Vietnamese name.
    #[must_use]
    pub fn name_vi(self) -> &'static str {
        match self {
            Family::Structure => "cấu trúc hồ sơ",
            Family::Nominees => "danh sách người được đề nghị",
            Family::Dates => "ngày tháng",
            Family::Symbols => "số, ký hiệu văn bản",
            Family::Votes => "biểu quyết của Hội đồng",
            Family::Content => "nội dung báo cáo",
            Family::Text => "chữ viết",
            Family::Attachments => "tệp đính kèm",
            Family::RuleSet => "bộ quy tắc",
            Family::Bundle => "gói hồ sơ",
        }
    }

    /// Its English name, also the SARIF tag of its rules.
    #[must_use]
    pub fn name_en(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Nominees => "nominees",
            Family::Dates => "dates",
            Family::Symbols => "symbols",
            Family::Votes => "votes",
            Family::Content => "content",
            Family::Text => "encoding",
            Family::Attachments => "attachments",
            Family::RuleSet => "rule-set",
            Family::Bundle => "bundle",
        }
    }

    /// Where its checks are, from the repository root: a rule id leads here by its prefix.
    #[must_use]
    pub fn modules(self) -> &'static [&'static str] {
        match self {
            Family::Structure => &[
                "src/rules/structure.rs",
                "src/rules/links.rs",
                "src/dossier/reader.rs",
                "src/dossier/load.rs",
                "src/dossier/lint.rs",
                "src/rules/nominees.rs",
                "src/rules/fields.rs",
                "src/rules/signatures.rs",
                "src/rules/addressee.rs",
            ],
            Family::Nominees => &[
                "src/rules/nominees.rs",
                "src/rules/names.rs",
                "src/dossier/reader.rs",
            ],
            Family::Dates => &["src/rules/dates.rs", "src/dossier/reader.rs"],
            Family::Symbols => &["src/rules/symbols.rs"],
            Family::Votes => &["src/rules/votes.rs"],
            Family::Content => &["src/rules/content.rs"],
            Family::Text => &[
                "src/dossier/reader.rs",
                "src/dossier/lint.rs",
                "src/rules/text.rs",
                "src/rules/places.rs",
            ],
            Family::Attachments => &[
                "src/rules/attachments.rs",
                "src/rules/portable.rs",
                "src/rules/scans.rs",
            ],
            Family::RuleSet => &["src/criteria/validate.rs", "src/rules/structure.rs"],
            Family::Bundle => &["src/verify/mod.rs", "src/verify/central.rs"],
        }
    }

    /// The family of an id's prefix.
    #[must_use]
    pub fn of_prefix(prefix: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.prefix() == prefix)
    }
}

impl Rule {
    /// The rule's family, from its id.
    #[must_use]
    pub fn family(self) -> Family {
        let id = self.info().id;
        // Every id starts with a family's prefix: the registry test holds it to that.
        id.get(..2)
            .and_then(Family::of_prefix)
            .unwrap_or(Family::Structure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_in_a_family_whose_modules_exist() {
        for &r in Rule::ALL {
            let id = r.info().id;
            let f = Family::of_prefix(&id[..2]);
            assert!(f.is_some(), "{id} has no family");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for f in Family::ALL {
            assert!(
                Rule::ALL.iter().any(|r| r.family() == f),
                "{f:?} has no rule"
            );
            for m in f.modules() {
                assert!(root.join(m).is_file(), "{f:?}: {m} does not exist");
            }
        }
    }

    /// A newcomer goes from a rule id to its check by the family's modules: each rule is made
    /// (`Rule::XX000`) in one of them.
    #[test]
    fn every_rule_is_made_in_one_of_its_familys_modules() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lost = Vec::new();
        for &r in Rule::ALL {
            let id = r.info().id;
            let made = format!("Rule::{id}");
            let found = r.family().modules().iter().any(|m| {
                std::fs::read_to_string(root.join(m)).is_ok_and(|t| {
                    let code = t.split("#[cfg(test)]").next().unwrap_or("");
                    code.contains(&made)
                })
            });
            if !found {
                lost.push(id);
            }
        }
        assert!(
            lost.is_empty(),
            "not made in their family's modules: {lost:?}"
        );
    }
}
