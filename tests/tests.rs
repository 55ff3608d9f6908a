mod cli;
mod props;
