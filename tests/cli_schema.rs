//! `lede schema`: real output validates against it, and deserialises into
//! the model with unknown fields denied.
//!
//! The validator below covers the JSON Schema keywords the schema uses and
//! fails on any other keyword, so it cannot pass by ignoring something.

use serde_json::{json, Map, Value};

use crate::cli_util::{fixture_dir, lede, lines, run, stdout, ARTICLE};

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$defs", "title", "description", "format"];

struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    fn resolve(&self, reference: &str) -> &Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local $ref: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    /// Errors of `value` against `schema`, at `path`.
    fn check(&self, schema: &Value, value: &Value, path: &str) -> Vec<String> {
        let mut errors = Vec::new();
        let schema = match schema {
            Value::Bool(true) => return errors,
            Value::Bool(false) => return vec![format!("{path}: nothing is allowed here")],
            Value::Object(s) => s,
            other => panic!("schema at {path} is {other}"),
        };
        for (key, rule) in schema {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => {
                    errors.extend(self.check(self.resolve(rule.as_str().unwrap()), value, path))
                }
                "type" => {
                    let types: Vec<&str> = match rule {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("type at {path}"),
                    };
                    if !types.iter().any(|t| has_type(value, t)) {
                        errors.push(format!("{path}: {value} is not {types:?}"));
                    }
                }
                "properties" => {
                    if let Value::Object(fields) = value {
                        for (name, sub) in rule.as_object().unwrap() {
                            if let Some(v) = fields.get(name) {
                                errors.extend(self.check(sub, v, &format!("{path}/{name}")));
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(fields) = value {
                        for name in rule.as_array().unwrap() {
                            let name = name.as_str().unwrap();
                            if !fields.contains_key(name) {
                                errors.push(format!("{path}: missing {name}"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(fields) = value {
                        let known = schema.get("properties").and_then(Value::as_object);
                        for (name, v) in fields {
                            if !known.is_some_and(|k| k.contains_key(name)) {
                                errors.extend(self.check(rule, v, &format!("{path}/{name}")));
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = value {
                        for (i, v) in items.iter().enumerate() {
                            errors.extend(self.check(rule, v, &format!("{path}/{i}")));
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let Value::Array(items) = value {
                        let n = rule.as_u64().unwrap() as usize;
                        let ok = if key == "minItems" {
                            items.len() >= n
                        } else {
                            items.len() <= n
                        };
                        if !ok {
                            errors.push(format!("{path}: {key} {n}, has {}", items.len()));
                        }
                    }
                }
                "minimum" => {
                    if let Some(n) = value.as_f64() {
                        if n < rule.as_f64().unwrap() {
                            errors.push(format!("{path}: {n} < {rule}"));
                        }
                    }
                }
                "const" => {
                    if value != rule {
                        errors.push(format!("{path}: {value} is not {rule}"));
                    }
                }
                "enum" => {
                    if !rule.as_array().unwrap().contains(value) {
                        errors.push(format!("{path}: {value} not in {rule}"));
                    }
                }
                "anyOf" | "oneOf" => {
                    let passing = rule
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| self.check(s, value, path).is_empty())
                        .count();
                    let ok = if key == "anyOf" {
                        passing >= 1
                    } else {
                        passing == 1
                    };
                    if !ok {
                        errors.push(format!("{path}: {value} matches {passing} of {key}"));
                    }
                }
                other => panic!("the test validator does not know keyword {other} (at {path})"),
            }
        }
        errors
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        other => panic!("unknown type {other}"),
    }
}

fn schema() -> Value {
    let out = run(lede().arg("schema"), 0);
    serde_json::from_slice(&out.stdout).expect("schema is JSON")
}

fn validate(schema: &Value, value: &Value) -> Vec<String> {
    Validator { root: schema }.check(schema, value, "")
}

#[test]
fn schema_describes_the_model() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["title"], "lede/1");
    let a = &s["$defs"]["Analysis"];
    assert_eq!(a["additionalProperties"], false);
    assert_eq!(a["properties"]["schema"]["const"], "lede/1");
    let required: Vec<&str> = a["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "schema",
        "source",
        "headline",
        "byline",
        "paragraphs",
        "quotes",
        "warnings",
    ] {
        assert!(required.contains(&field), "{field} is required");
    }
    assert_eq!(s["$defs"]["Span"]["minItems"], 2);
    assert!(s["$defs"]["ErrorRecord"].is_object());
}

#[test]
fn every_fixture_output_validates_and_round_trips_with_unknown_fields_denied() {
    let s = schema();
    let out = run(lede().arg(fixture_dir()).arg("-q"), 0);
    let objects = lines(stdout(&out));
    assert!(objects.len() >= 20);
    for v in objects
        .iter()
        .chain([&serde_json::from_slice(&run(lede().write_stdin(ARTICLE), 0).stdout).unwrap()])
    {
        let errors = validate(&s, v);
        assert!(errors.is_empty(), "{}: {errors:#?}", v["source"]);
        let a: lede::Analysis =
            serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{}: {e}", v["source"]));
        assert_eq!(&serde_json::to_value(&a).unwrap(), v);
    }
}

#[test]
fn error_records_validate_against_the_schema_with_articles() {
    let s = schema();
    // A file batch with a missing file, and a record stream with a bad record:
    // every line, article or error, validates against the one schema.
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let batch = run(lede().arg(&good).arg(tmp.path().join("missing.txt")), 1);
    let records = format!(
        "{}\n{{\"id\": 5, \"text\": 1}}\n",
        json!({"id": "a", "text": ARTICLE})
    );
    let stream = run(
        lede().args(["--input", "jsonl", "-q"]).write_stdin(records),
        0,
    );
    let all: Vec<Value> = lines(stdout(&batch))
        .into_iter()
        .chain(lines(stdout(&stream)))
        .collect();
    assert_eq!(all.len(), 4);
    assert_eq!(all.iter().filter(|v| v.get("error").is_some()).count(), 2);
    for v in &all {
        let errors = validate(&s, v);
        assert!(errors.is_empty(), "{v}: {errors:#?}");
        assert_eq!(v["schema"], "lede/1");
    }
    let error = all.iter().find(|v| v.get("error").is_some()).unwrap();
    let mut wrong = error.clone();
    wrong["schema"] = json!("lede/2");
    assert!(!validate(&s, &wrong).is_empty(), "schema is a const");
    let mut wrong = error.clone();
    wrong["error"]["kind"] = json!("made_up_kind");
    assert!(!validate(&s, &wrong).is_empty(), "error kinds are an enum");
}

#[test]
fn warning_codes_and_error_kinds_are_enums() {
    let s = schema();
    let codes = s["$defs"]["Warning"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap();
    for code in [
        "empty_input",
        "no_body",
        "no_headline",
        "no_byline",
        "unclosed_quote",
    ] {
        assert!(codes.contains(&json!(code)), "{code}");
    }
    let kinds = s["$defs"]["Fault"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap();
    // Every kind in the README's table is in the schema, and the other way round.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = &readme[readme.find("| kind | meaning |").unwrap()..];
    let table = &table[..table.find("\n\n").unwrap()];
    for kind in kinds {
        let k = kind.as_str().unwrap();
        assert!(
            table.contains(&format!("`{k}`")),
            "README error table lacks {k}"
        );
    }
    let mut good: Value = serde_json::from_slice(&run(lede().write_stdin(""), 0).stdout).unwrap();
    assert!(validate(&s, &good).is_empty());
    good["warnings"][0]["code"] = json!("not_a_code");
    assert!(!validate(&s, &good).is_empty());
}

#[test]
fn the_validator_is_not_vacuous() {
    let s = schema();
    let good: Value = serde_json::from_slice(&run(lede().write_stdin(ARTICLE), 0).stdout).unwrap();
    let broken = |f: &dyn Fn(&mut Map<String, Value>)| {
        let mut v = good.clone();
        f(v.as_object_mut().unwrap());
        validate(&s, &v)
    };
    assert!(validate(&s, &good).is_empty());
    assert!(!broken(&|m| {
        m.insert("extra".into(), json!(1));
    })
    .is_empty());
    assert!(!broken(&|m| {
        m.remove("byline");
    })
    .is_empty());
    assert!(!broken(&|m| {
        m.insert("paragraphs".into(), json!([{"text": "x", "span": [1]}]));
    })
    .is_empty());
    assert!(!broken(&|m| {
        m.insert(
            "boilerplate".into(),
            json!([{"kind": "banner", "text": "x", "credit": null, "span": [0, 1]}]),
        );
    })
    .is_empty());
    // Unknown fields are denied by the model too.
    let mut v = good.clone();
    v["stats"]["extra"] = json!(0);
    assert!(serde_json::from_value::<lede::Analysis>(v).is_err());
}
