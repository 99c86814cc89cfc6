#!/usr/bin/env bash
# Installs Debian's Chromium when missing: the HTML report's test opens the report in a real
# headless browser. Idempotent; prints what it did.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
print_failures_as browser-up
if command -v chromium >/dev/null 2>&1; then
  echo "[browser-up] $(first_line chromium --version) present"
  exit 0
fi
echo "[browser-up] installing Debian's chromium"
apt_install chromium
echo "[browser-up] $(first_line chromium --version) installed"
