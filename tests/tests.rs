mod cli;
mod props;
mod hostile;
