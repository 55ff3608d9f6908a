//! Output generated from definitions: the JSON Schema (from src/model.rs),
//! shell completions and the man page (from the clap definition).

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;
use serde_json::Value;

use super::args::Cli;
use super::inputs::ErrorRecord;
use super::Stdout;

/// The JSON Schema of every line lede writes as JSON: an article's object
/// (`$defs/Analysis`) or the error record of a failed input or record
/// (`$defs/ErrorRecord`), so that a whole JSON Lines stream validates line
/// by line. Every property is required: lede never omits a field (absent
/// values are `null` or `[]`).
pub fn schema_value() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let analysis = generator.subschema_for::<lede::Analysis>().to_value();
    let error = generator.subschema_for::<ErrorRecord>().to_value();
    let mut defs = serde_json::Map::new();
    for (name, mut def) in generator.take_definitions(true) {
        require_all(&mut def);
        defs.insert(name, def);
    }
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": lede::model::SCHEMA,
        "description": "One line of lede's JSON output: an article's object, or an error record.",
        "anyOf": [analysis, error],
        "$defs": defs,
    })
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
