#!/usr/bin/env bash
# Installs Debian's Chromium when missing: the HTML report's test opens the report in a real
# headless browser. Idempotent; prints what it did.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "[browser-up] $(chromium --version 2>/dev/null | head -n 1) present"
  exit 0
fi
echo "[browser-up] installing Debian's chromium"
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
apt_install chromium
echo "[browser-up] $(chromium --version 2>/dev/null | head -n 1) installed"
