mod cli;
mod props;
mod hostile;
mod cli_util;
mod cli_batch;
mod cli_check;
mod cli_lint;
mod cli_schema;
