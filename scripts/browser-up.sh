#!/usr/bin/env bash
# Installs Debian's Chromium when missing: the HTML report's test opens the report in a real
# headless browser. Idempotent; prints what it did.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "[browser-up] $(chromium --version 2>/dev/null | head -n 1) present"
  exit 0
fi
echo "[browser-up] installing Debian's chromium"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed apt-get update -qq
DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq chromium >/dev/null
echo "[browser-up] $(chromium --version 2>/dev/null | head -n 1) installed"
