#!/usr/bin/env bash
# npm run setup: what the browser tests and the HTML checker need beyond npm
# packages, on Debian (as CI and these machines are): Chromium at
# /usr/bin/chromium (Playwright cannot download its own browser here) and a
# Java runtime for the W3C HTML checker (vnu-jar). Idempotent: each install is
# skipped when its result is already present. Needs root or sudo for apt-get.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "setup: need root (or sudo) to run: $*" >&2; return 1
  fi
}
updated=0
apt_install() {
  if [ "$updated" -eq 0 ]; then as_root apt-get update; updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium: $CHROMIUM_PATH"
elif [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium || echo /usr/bin/chromium)"
else
  echo "setup: installing Debian's chromium"
  apt_install chromium
fi

if command -v java >/dev/null 2>&1; then
  echo "java: $(java -version 2>&1 | head -1)"
else
  echo "setup: installing a Java runtime (default-jre-headless) for the HTML checker"
  apt_install default-jre-headless
fi
