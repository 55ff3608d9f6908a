#!/usr/bin/env bash
# Install headless Chromium (Debian's `chromium` package) for the report-page
# test (tests/cli_formats.rs: html_report_renders_in_headless_chromium), when
# it is missing. Idempotent: does nothing when a chromium is on PATH.
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "chromium: $("$name" --version 2>/dev/null | head -n 1)"
    exit 0
  fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not installed and no apt-get here; install Chromium by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "chromium: installing Debian's chromium package"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
chromium --version
