//! The dossier's own places, read from the bodies it names, to put where a rule set says "cấp
//! xã" or "cấp tỉnh".
//!
//! A rule set is written for every commune and province at once: its forms and receiving
//! offices say "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "Văn phòng Hội đồng nhân dân và
//! Ủy ban nhân dân cấp xã". A clerk signs a document naming her commune, and a bundle goes to a
//! concrete office, so the drafts, the cover list and `pack` fill the level in with the unit
//! the dossier itself names, in the order a reader trusts it: the addressee of the tờ trình (the
//! awarding authority, "Chủ tịch Ủy ban nhân dân xã Minh Long"), then the issuing body and its
//! parent. Nothing is guessed: a level the dossier names no unit of is left unfilled, and the
//! caller says so.

use super::load::Dossier;

/// An administrative level a rule set names generically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Commune, ward, township, special zone ("cấp xã").
    Commune,
    /// District, before 1 July 2025 ("cấp huyện").
    District,
    /// Province or centrally run city ("cấp tỉnh").
    Province,
}

impl Level {
    /// The generic words a rule set writes for the level.
    #[must_use]
    pub fn generic(self) -> &'static str {
        match self {
            Level::Commune => "cấp xã",
            Level::District => "cấp huyện",
            Level::Province => "cấp tỉnh",
        }
    }

    const ALL: [Level; 3] = [Level::Commune, Level::District, Level::Province];
}

/// The words that open a unit's name, by level, longest first so that "thị xã" is not read as
/// "xã". "thành phố" is a province for the centrally run cities, a district otherwise.
const UNIT_WORDS: &[(&str, Level)] = &[
    ("đặc khu", Level::Commune),
    ("thị trấn", Level::Commune),
    ("phường", Level::Commune),
    ("thị xã", Level::District),
    ("huyện", Level::District),
    ("quận", Level::District),
    ("thành phố", Level::District),
    ("tỉnh", Level::Province),
    ("xã", Level::Commune),
];

/// The centrally run cities (Resolution 202/2025/QH15 kept these six).
const CITIES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

/// The units the dossier names, one per level: "xã Minh Long", "tỉnh Quảng Ngãi".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    commune: Option<String>,
    district: Option<String>,
    province: Option<String>,
}

impl Places {
    /// Read from the tờ trình's addressees (each, in order), issuing body and parent body, in
    /// that order.
    #[must_use]
    pub fn of(d: &Dossier) -> Places {
        let mut out = Places::default();
        if let Some(tt) = &d.to_trinh {
            // `kinh_gui_ds` holds `kinh_gui` too; a model built without it (a test) has only
            // the first.
            let addressees = if tt.kinh_gui_ds.is_empty() {
                tt.kinh_gui.iter().collect::<Vec<_>>()
            } else {
                tt.kinh_gui_ds.iter().collect()
            };
            for text in addressees
                .into_iter()
                .chain([&tt.co_quan, &tt.co_quan_cap_tren].into_iter().flatten())
            {
                out.read(&text.v);
            }
        }
        out
    }

    /// Learn the units a text names, keeping those already known.
    pub fn read(&mut self, text: &str) {
        for (level, unit) in units(text) {
            let slot = self.slot(level);
            if slot.is_none() {
                *slot = Some(unit);
            }
        }
    }

    fn slot(&mut self, level: Level) -> &mut Option<String> {
        match level {
            Level::Commune => &mut self.commune,
            Level::District => &mut self.district,
            Level::Province => &mut self.province,
        }
    }

    /// The unit of a level, "xã Minh Long".
    #[must_use]
    pub fn unit(&self, level: Level) -> Option<&str> {
        match level {
            Level::Commune => self.commune.as_deref(),
            Level::District => self.district.as_deref(),
            Level::Province => self.province.as_deref(),
        }
        .filter(|s| !s.is_empty())
    }

    /// `text` with every "cấp xã", "cấp huyện", "cấp tỉnh" replaced by the dossier's unit of
    /// that level; `Err` names the first level the dossier names no unit of.
    ///
    /// # Errors
    /// The level whose unit the dossier does not name.
    pub fn fill(&self, text: &str) -> Result<String, Level> {
        let mut out = text.to_owned();
        for level in Level::ALL {
            if !out.contains(level.generic()) {
                continue;
            }
            let unit = self.unit(level).ok_or(level)?;
            out = out.replace(level.generic(), unit);
        }
        Ok(out)
    }
}

/// Every "<unit word> <Name>" in a text: the name runs over capitalised words (or numbers, "phường
/// 7") up to a comma, a bracket or a lower-case word.
fn units(text: &str) -> Vec<(Level, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Word by word, not joined: this runs at every word of every heading of every dossier.
        let found = UNIT_WORDS.iter().find_map(|(w, level)| {
            let n = w.split(' ').count();
            let here = words.get(i..i + n)?;
            here.iter().copied().eq(w.split(' ')).then_some((n, *level))
        });
        let Some((n, mut level)) = found else {
            i += 1;
            continue;
        };
        let mut name: Vec<&str> = Vec::new();
        let mut j = i + n;
        while let Some(w) = words.get(j) {
            let clean = w.trim_end_matches([',', ';', '.', ')', ':']);
            let first = clean.chars().next();
            if clean.is_empty()
                || w.starts_with('(')
                || !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                break;
            }
            name.push(clean);
            j += 1;
            if clean.len() != w.len() {
                break;
            }
        }
        if name.is_empty() {
            i += n;
            continue;
        }
        let name = name.join(" ");
        let word = words[i..i + n].join(" ");
        if word == "thành phố" && CITIES.contains(&name.as_str()) {
            level = Level::Province;
        }
        out.push((level, format!("{word} {name}")));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(texts: &[&str]) -> Places {
        let mut p = Places::default();
        for t in texts {
            p.read(t);
        }
        p
    }

    #[test]
    fn the_addressee_names_the_awarding_unit() {
        let p = places(&[
            "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)",
            "Ủy ban nhân dân xã Minh Long",
        ]);
        assert_eq!(p.unit(Level::Province), Some("tỉnh Quảng Ngãi"));
        assert_eq!(p.unit(Level::Commune), Some("xã Minh Long"));
        assert_eq!(
            p.fill("Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh"),
            Ok("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi".to_owned())
        );
        assert_eq!(
            p.fill("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã"),
            Ok("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Minh Long".to_owned())
        );
        assert_eq!(p.fill("Phòng Nội vụ cấp huyện"), Err(Level::District));
    }

    #[test]
    fn unit_words_are_told_apart() {
        let p = places(&["Ủy ban nhân dân thị xã Kỳ Anh, tỉnh Hà Tĩnh"]);
        assert_eq!(p.unit(Level::District), Some("thị xã Kỳ Anh"));
        assert_eq!(p.unit(Level::Province), Some("tỉnh Hà Tĩnh"));
        assert_eq!(p.unit(Level::Commune), None);
        let p = places(&[
            "Ủy ban nhân dân thành phố Hà Nội",
            "Ủy ban nhân dân phường 7",
        ]);
        assert_eq!(p.unit(Level::Province), Some("thành phố Hà Nội"));
        assert_eq!(p.unit(Level::Commune), Some("phường 7"));
        let p = places(&["Ủy ban nhân dân thành phố Tam Điệp"]);
        assert_eq!(p.unit(Level::District), Some("thành phố Tam Điệp"));
        // "Xã hội" and a word in lower case after the unit word are no unit.
        let p = places(&[
            "Phòng Lao động - Thương binh và Xã hội",
            "các xã trong huyện",
        ]);
        assert_eq!(p, Places::default());
    }

    #[test]
    fn the_first_text_read_wins() {
        let p = places(&[
            "Chủ tịch Ủy ban nhân dân xã Gia Vân",
            "Ủy ban nhân dân xã Gia Hưng",
        ]);
        assert_eq!(p.unit(Level::Commune), Some("xã Gia Vân"));
    }
}
