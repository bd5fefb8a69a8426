//! Which rule set a dossier's `phong_trao` names: an id of the catalog, or the path of a
//! rule-set file that travels inside the dossier. One answer for every command (#20): the
//! check, `add` and `import` each had their own path rules before, and a file one accepted
//! another called an unknown campaign.

use std::path::Path;

use super::{Catalog, RuleSet};
use crate::dossier::files::normalise_path;

/// What `phong_trao` names.
#[derive(Debug, Clone)]
pub enum Named<'a> {
    /// A rule set of the catalog, by its id as written.
    Id(&'a RuleSet),
    /// A rule-set file inside the dossier: its path relative to the dossier folder, with
    /// forward slashes and no `.` or empty parts.
    File(String),
    /// A path leading out of the dossier (absolute, or through `..`): a rule set must travel
    /// with the dossier it governs, so it is not read.
    Outside,
    /// Neither an id of the catalog nor written as a path: an unknown campaign.
    Unknown,
}

impl Catalog {
    /// What the value of `phong_trao` names. An id is matched as written; a value with a slash
    /// or a backslash, or ending in `.yaml` or `.yml`, is a path.
    #[must_use]
    pub fn named(&self, value: &str) -> Named<'_> {
        if let Some(rs) = self.get(value) {
            return Named::Id(rs);
        }
        let v = value.trim();
        let looks_like_path =
            v.contains('/') || v.contains('\\') || v.ends_with(".yaml") || v.ends_with(".yml");
        if !looks_like_path {
            return Named::Unknown;
        }
        let written = v.replace('\\', "/");
        if written.starts_with('/') || written.split('/').any(|p| p == "..") {
            return Named::Outside;
        }
        Named::File(normalise_path(v))
    }

    /// The rule set `phong_trao` names for a command that edits the dossier in `dir` (`add`,
    /// `import`): a catalog's set, or the file read from the dossier. None when the value names
    /// nothing that can be read; the check says why in its findings (HS008, TC001).
    #[must_use]
    pub fn load_named(&self, dir: &Path, value: &str) -> Option<RuleSet> {
        match self.named(value) {
            Named::Id(rs) => Some(rs.clone()),
            Named::File(rel) => super::load_file(&dir.join(rel), self).ok(),
            Named::Outside | Named::Unknown => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_a_file_inside_and_a_path_outside_are_told_apart() {
        let c = Catalog::builtin().unwrap();
        assert!(
            matches!(c.named("nd152-2025-don-gian"), Named::Id(rs) if rs.id == "nd152-2025-don-gian")
        );
        assert!(matches!(c.named("quy-tac.yaml"), Named::File(f) if f == "quy-tac.yaml"));
        assert!(matches!(c.named(" ./quy tac/x.yml "), Named::File(f) if f == "quy tac/x.yml"));
        assert!(
            matches!(c.named(r"quy-tac\tinh.yaml"), Named::File(f) if f == "quy-tac/tinh.yaml")
        );
        assert!(matches!(c.named("rules/tinh"), Named::File(f) if f == "rules/tinh"));
        assert!(matches!(c.named("/etc/x.yaml"), Named::Outside));
        assert!(matches!(c.named(r"..\x.yaml"), Named::Outside));
        assert!(matches!(c.named("a/../../x.yaml"), Named::Outside));
        assert!(matches!(c.named("khong-co"), Named::Unknown));
        // An id is matched as written, as the check has always matched it.
        assert!(matches!(c.named(" nd152-2025-don-gian "), Named::Unknown));
    }
}
