//! The SARIF 2.1.0 format, which code-scanning services (GitHub code scanning, Azure DevOps,
//! SonarQube, editors' SARIF viewers) read: a district office can upload one `dossier check`
//! report and browse the findings of every dossier next to the files.
//!
//! One run. `tool.driver.rules` lists every rule of the registry, with its title, what it checks
//! and how to fix it (from `dossier explain`) in the chosen language, its family as a tag and its
//! default level; each result points at its rule by id and index. A result's location is the
//! file as `dossier path/file`, written as a URI (`/` separators, percent-encoded, Vietnamese
//! letters as UTF-8 bytes), with the line and column when the finding has them; columns are
//! counted in characters, which the run states with `columnKind: unicodeCodePoints`. Related
//! places become `relatedLocations`; the finding's own help and notes go in the result's
//! property bag, since SARIF has no field for a per-result hint.
//!
//! Nothing in the document needs to be known before the results, so the results are written as
//! each dossier is checked and a run over thousands of dossiers holds none of them; the
//! envelope around them is written by hand, every object inside it by serde from the typed
//! structs below. The run's property bag at the end counts the dossiers, which the results
//! alone cannot tell (a clean dossier has none).

use std::io::{self, Write};

use serde::Serialize;

use super::{join, Item, Renderer, Style, Summary};
use crate::diag::{Finding, Label, Lang, Msg, Severity};
use crate::rules::docs::docs;
use crate::rules::Rule;

/// The schema the document names; the one GitHub and editors look for.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log.
pub struct Sarif {
    style: Style,
    started: bool,
    first: bool,
}

impl Sarif {
    /// A renderer with these options.
    #[must_use]
    pub fn new(style: Style) -> Self {
        Sarif {
            style,
            started: false,
            first: true,
        }
    }

    /// Everything up to the first result, once.
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let lang = self.style.lang.code();
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":"
        )?;
        serde_json::to_writer(&mut *out, &tool(self.style.lang))?;
        write!(
            out,
            ",\"language\":\"{lang}\",\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(s: impl Into<String>) -> Self {
        Text { text: s.into() }
    }
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleProperties {
    tags: Vec<&'static str>,
    default_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

#[derive(Serialize)]
struct ResultProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The family a rule belongs to, from its id prefix (see `diag/rule.rs`), as a tag that viewers
/// can filter on.
fn family(id: &str) -> Option<&'static str> {
    crate::rules::Family::of_prefix(id.get(..2)?).map(crate::rules::Family::name_en)
}

fn tool(lang: Lang) -> Tool {
    let rules = Rule::ALL
        .iter()
        .map(|&rule| {
            let info = rule.info();
            let d = docs(rule);
            let (title, what, fix) = (Msg::new(info.title_vi, info.title_en), d.what(), d.fix());
            let (title, what, fix) = (title.get(lang), what.get(lang), fix.get(lang));
            let mut tags = vec!["dossier"];
            tags.extend(family(info.id));
            Descriptor {
                id: info.id,
                name: info.name,
                short_description: Text::new(title),
                full_description: Text::new(what),
                help: Text::new(fix),
                default_configuration: Configuration {
                    level: level(info.severity),
                },
                properties: RuleProperties {
                    tags,
                    default_severity: level(info.severity),
                },
            }
        })
        .collect();
    Tool {
        driver: Driver {
            name: "dossier",
            version: env!("CARGO_PKG_VERSION"),
            semantic_version: env!("CARGO_PKG_VERSION"),
            rules,
        },
    }
}

fn location(dossier: &str, label: &Label, id: Option<usize>, lang: Lang) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(&join(dossier, &label.file)),
            },
            region: label.span.map(|s| Region {
                start_line: s.start.line,
                start_column: s.start.column,
            }),
        },
        message: label.note.as_ref().map(|n| Text::new(n.get(lang))),
    }
}

fn result(dossier: &str, f: &Finding, lang: Lang) -> SarifResult {
    let info = f.rule.info();
    let help = f.help.as_ref().map(|h| h.get(lang).to_owned());
    let notes: Vec<String> = f.notes.iter().map(|n| n.get(lang).to_owned()).collect();
    SarifResult {
        rule_id: info.id,
        // The index into `tool.driver.rules`, which lists `Rule::ALL` in order; a rule's
        // discriminant is its place there (a test in `diag/rule.rs` holds to that).
        rule_index: f.rule as usize,
        level: level(f.severity),
        message: Text::new(f.message.get(lang)),
        locations: [location(dossier, &f.primary, None, lang)],
        related_locations: f
            .secondary
            .iter()
            .enumerate()
            .map(|(n, s)| location(dossier, s, Some(n + 1), lang))
            .collect(),
        properties: (help.is_some() || !notes.is_empty())
            .then_some(ResultProperties { help, notes }),
    }
}

/// A file path as a URI reference: `\` becomes `/`, and every byte but the unreserved ASCII
/// characters and `/` is percent-encoded (so a space is `%20` and `ồ` is `%E1%BB%93`). A `:`
/// is encoded too, so that a relative path is never read as a scheme. Absolute paths become
/// `file:` URIs, which SARIF prefers to a bare absolute path.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let (mut out, rest) = match bytes {
        // A Windows drive, `C:/...`: keep the colon, or the drive would not read as one.
        [d, b':', b'/', ..] if d.is_ascii_alphabetic() => {
            (format!("file:///{}:", char::from(*d)), &path[2..])
        }
        [b'/', ..] => ("file://".to_owned(), path.as_str()),
        _ => (String::new(), path.as_str()),
    };
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Renderer for Sarif {
    fn dossier(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        self.start(out)?;
        for f in &item.checked.findings {
            if !self.first {
                out.write_all(b",")?;
            }
            self.first = false;
            serde_json::to_writer(&mut *out, &result(item.path, f, self.style.lang))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        self.start(out)?;
        #[derive(Serialize)]
        struct RunProperties {
            dossiers: usize,
            #[serde(rename = "dossiersWithErrors")]
            with_errors: usize,
            #[serde(rename = "dossiersWithWarningsOnly")]
            with_warnings: usize,
        }
        write!(out, "],\"properties\":")?;
        serde_json::to_writer(
            &mut *out,
            &RunProperties {
                dossiers: s.dossiers,
                with_errors: s.with_errors,
                with_warnings: s.with_warnings,
            },
        )?;
        writeln!(out, "}}]}}")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::super::github::sample::{render, style};
    use super::*;

    fn log(lang: Lang) -> Value {
        let out = render(&mut Sarif::new(style(lang)));
        assert!(out.ends_with("}]}\n"));
        serde_json::from_str(&out).unwrap()
    }

    /// The pattern of `language` in the official schema, with a stray `]`.
    const BROKEN_LANGUAGE: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    /// What it means, as the SARIF SDK's own copy of the schema has it.
    const LANGUAGE: &str = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$";

    /// Replace the broken pattern wherever it stands (`run.language`, `toolComponent.language`).
    fn fix_language(v: &mut Value) -> usize {
        match v {
            Value::Object(m) => {
                let mut n = 0;
                for (k, x) in m.iter_mut() {
                    if k == "pattern" && x == BROKEN_LANGUAGE {
                        *x = json!(LANGUAGE);
                        n += 1;
                    } else {
                        n += fix_language(x);
                    }
                }
                n
            }
            Value::Array(a) => a.iter_mut().map(fix_language).sum(),
            _ => 0,
        }
    }

    /// The official OASIS schema, with formats (`uri`, `uri-reference`) checked too. With format
    /// checks on, the validator also checks the schema's own patterns as regular expressions,
    /// and refuses the broken `language` pattern (see tests/schemas/README.md); it is replaced
    /// in memory by the pattern it was meant to be, the file itself is kept as published.
    fn validator() -> jsonschema::Validator {
        let text = include_str!("../../tests/schemas/sarif-2.1.0.json");
        let mut schema: Value = serde_json::from_str(text).unwrap();
        assert_eq!(fix_language(&mut schema), 2, "the schema file changed");
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    }

    fn assert_valid(v: &Value) {
        let errors: Vec<String> = validator()
            .iter_errors(v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn valid_against_the_schema() {
        assert_valid(&log(Lang::Vi));
        assert_valid(&log(Lang::En));
    }

    #[test]
    fn empty_run_is_valid() {
        let mut s = Sarif::new(style(Lang::En));
        let mut out = Vec::new();
        s.finish(&mut out, &Summary::default()).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_valid(&v);
        assert_eq!(v["runs"][0]["results"], json!([]));
    }

    #[test]
    fn the_validator_does_catch_mistakes() {
        // Guard against a schema that accepts anything (a bad `$ref`, a wrong draft).
        let mut v = log(Lang::En);
        v["runs"][0]["results"][0]["level"] = json!("fatal");
        assert!(!validator().is_valid(&v));
        let mut v = log(Lang::En);
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
            json!(0);
        assert!(!validator().is_valid(&v));
        let mut v = log(Lang::En);
        v["runs"][0]["tool"]["driver"]["informationUri"] = json!("not a uri");
        assert!(!validator().is_valid(&v));
        // The artifact URIs are checked as URI references: a raw space would not pass.
        let mut v = log(Lang::En);
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
            json!("hồ sơ/a b.yaml");
        assert!(!validator().is_valid(&v));
    }

    #[test]
    fn header_and_rules() {
        let v = log(Lang::Vi);
        assert_eq!(v["$schema"], SCHEMA);
        assert_eq!(v["version"], "2.1.0");
        let runs = v["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run["language"], "vi");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(run["properties"]["dossiers"], 2);
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "dossier");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert!(driver.get("informationUri").is_none());
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Rule::ALL.len());
        for (r, rule) in rules.iter().zip(Rule::ALL) {
            let i = rule.info();
            assert_eq!(r["id"], i.id);
            assert_eq!(r["name"], i.name);
            assert_eq!(r["shortDescription"]["text"], i.title_vi);
            assert_eq!(r["fullDescription"]["text"], docs(*rule).what_vi);
            assert_eq!(r["help"]["text"], docs(*rule).fix_vi);
            assert_eq!(r["defaultConfiguration"]["level"], level(i.severity));
            assert_eq!(r["properties"]["defaultSeverity"], level(i.severity));
            let tags = r["properties"]["tags"].as_array().unwrap();
            assert_eq!(tags.len(), 2, "every id has a known family: {}", i.id);
        }
        let ds007 = &rules[Rule::DS007 as usize];
        assert_eq!(ds007["defaultConfiguration"]["level"], "warning");
        assert_eq!(ds007["properties"]["tags"], json!(["dossier", "nominees"]));
    }

    #[test]
    fn english_texts() {
        let v = log(Lang::En);
        let r = &v["runs"][0]["tool"]["driver"]["rules"][Rule::NG002 as usize];
        assert_eq!(r["shortDescription"]["text"], Rule::NG002.info().title_en);
        assert_eq!(r["help"]["text"], docs(Rule::NG002).fix_en);
    }

    #[test]
    fn results() {
        let v = log(Lang::Vi);
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 4);
        let rules = &v["runs"][0]["tool"]["driver"]["rules"];
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }

        let ng = &results[0];
        assert_eq!(ng["ruleId"], "NG002");
        assert_eq!(ng["level"], "error");
        assert_eq!(
            ng["message"]["text"],
            "Biên bản họp \"ngày 16/11/2021\" lập sau tờ trình <ngày 15/11/2021> & trễ: 1, 2 ngày\ndòng hai\r\nxong"
        );
        assert_eq!(
            ng["locations"],
            json!([{"physicalLocation": {
                "artifactLocation": {"uri": "h%E1%BB%93%20s%C6%A1/x%C3%A3%20Ninh%20Giang/bien-ban.yaml"},
                "region": {"startLine": 3, "startColumn": 7}
            }}])
        );
        assert_eq!(
            ng["relatedLocations"],
            json!([{"id": 1, "physicalLocation": {
                "artifactLocation": {"uri": "h%E1%BB%93%20s%C6%A1/x%C3%A3%20Ninh%20Giang/to-trinh.yaml"},
                "region": {"startLine": 2, "startColumn": 7}
            }, "message": {"text": "tờ trình đề ngày 15/11/2021, ở đây"}}])
        );
        assert_eq!(
            ng["properties"],
            json!({"help": "Sửa ngày biên bản: trước tờ trình"})
        );

        let hs = &results[1];
        assert_eq!(hs["ruleId"], "HS001");
        assert_eq!(
            hs["locations"][0]["physicalLocation"],
            json!({"artifactLocation": {"uri": "h%E1%BB%93%20s%C6%A1/x%C3%A3%20Ninh%20Giang/bao%20c%C3%A1o/ghi%20ch%C3%BA.yaml"}})
        );
        assert!(hs.get("relatedLocations").is_none());
        assert!(hs.get("properties").is_none());

        let ds = &results[2];
        assert_eq!(ds["ruleId"], "DS007");
        assert_eq!(ds["level"], "warning");
        assert_eq!(ds["ruleIndex"], Rule::DS007 as usize);
    }

    #[test]
    fn overridden_severity_shows_in_the_result() {
        let mut f = Finding::new(Rule::DS007, "a.yaml", None, crate::msg!("x"; "x"));
        f.severity = Severity::Error;
        let r = serde_json::to_value(result("d", &f, Lang::En)).unwrap();
        assert_eq!(r["level"], "error");
    }

    #[test]
    fn uris() {
        assert_eq!(uri("d/a b.yaml"), "d/a%20b.yaml");
        assert_eq!(uri("hồ sơ"), "h%E1%BB%93%20s%C6%A1");
        assert_eq!(uri("d\\sub\\a.yaml"), "d/sub/a.yaml");
        assert_eq!(uri("a:b/c#d?e%f"), "a%3Ab/c%23d%3Fe%25f");
        assert_eq!(
            uri("/srv/hồ sơ/a.yaml"),
            "file:///srv/h%E1%BB%93%20s%C6%A1/a.yaml"
        );
        assert_eq!(
            uri("C:\\hồ sơ\\a.yaml"),
            "file:///C:/h%E1%BB%93%20s%C6%A1/a.yaml"
        );
        assert_eq!(uri("../x/./y"), "../x/./y");
    }
}
