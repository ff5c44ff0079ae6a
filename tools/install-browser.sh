#!/usr/bin/env bash
# Installs a Chromium for the tests. Playwright's own download is the normal path;
# where it cannot reach its CDN (a closed network), Debian's chromium package is
# used instead, which playwright.config.ts then finds at /usr/bin/chromium.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "Using CHROMIUM_PATH=$CHROMIUM_PATH"
  exit 0
fi

if npx playwright install chromium; then
  exit 0
fi

echo "Playwright could not download its Chromium; falling back to the system's." >&2
if command -v chromium >/dev/null 2>&1; then
  echo "Found $(command -v chromium): $(chromium --version 2>/dev/null || true)"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  exit 0
fi
echo "No Chromium available: run 'npx playwright install chromium' with internet access, or install Chromium and set CHROMIUM_PATH." >&2
exit 1
