//! Output generated from definitions: the JSON Schema (from src/model.rs),
//! shell completions and the man page (from the clap definition).

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;
use serde_json::Value;

use super::args::Cli;
use super::inputs::ErrorRecord;
use super::Stdout;

/// The JSON Schema of one article's object. Every property is required:
/// lede never omits a field (absent values are `null` or `[]`). The error
/// record of a failed input is described under `$defs/ErrorRecord`.
pub fn schema_value() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.root_schema_for::<lede::Analysis>().to_value();
    let error = generator.subschema_for::<ErrorRecord>().to_value();
    require_all(&mut schema);
    if let Value::Object(root) = &mut schema {
        root.insert("title".into(), Value::String(lede::model::SCHEMA.into()));
        let defs = root
            .entry("$defs")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Value::Object(defs) = defs {
            for (name, def) in generator.take_definitions(true) {
                defs.entry(name).or_insert(def);
            }
            if !defs.contains_key("ErrorRecord") {
                defs.insert("ErrorRecord".into(), error);
            }
            for def in defs.values_mut() {
                require_all(def);
            }
        }
    }
    schema
}

/// Make every property of every object schema required, recursively.
fn require_all(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let names: Vec<Value> = props.keys().cloned().map(Value::String).collect();
                map.insert("required".into(), Value::Array(names));
            }
            for (key, child) in map.iter_mut() {
                if key != "$defs" {
                    require_all(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(require_all),
        _ => {}
    }
}

pub fn schema() -> Result<ExitCode> {
    let mut out = Stdout::new();
    let mut text = serde_json::to_string_pretty(&schema_value())?;
    text.push('\n');
    out.record(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "lede", &mut buf);
    let mut out = Stdout::new();
    out.record(&buf)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The man page of lede, or of one subcommand (`lede-check(1)`).
pub fn man(subcommand: Option<&str>) -> Result<ExitCode> {
    let mut command = Cli::command();
    if let Some(name) = subcommand {
        let Some(sub) = command.find_subcommand(name).cloned() else {
            let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            return Err(super::usage(format!(
                "no subcommand '{name}' (there are: {})",
                names.join(", ")
            )));
        };
        command = sub.name(format!("lede-{name}"));
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(command).render(&mut buf)?;
    let mut out = Stdout::new();
    out.record(&buf)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
