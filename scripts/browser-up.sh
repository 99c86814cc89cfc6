#!/usr/bin/env bash
# Installs Debian's Chromium when missing: the HTML report's test opens the report in a real
# headless browser. Idempotent; prints what it did.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
print_failures_as browser-up
# Its version from standard output only: Debian's launcher script may print shell warnings on stderr.
chromium_version() { chromium --version 2>/dev/null || echo "chromium (no version printed)"; }
if command -v chromium >/dev/null 2>&1; then
  echo "[browser-up] $(chromium_version) present"
  exit 0
fi
echo "[browser-up] installing Debian's chromium"
apt_install chromium
echo "[browser-up] $(chromium_version) installed"
