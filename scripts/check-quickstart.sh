#!/usr/bin/env bash
# The README's first Quick start command on a fresh clone with only the
# system Node (older than Astro needs) on PATH: `npm install && npm run dev`
# must serve / and /timeline/ with 200, and the install must leave the
# working tree clean (a complete lockfile). Run by .ci/run; loopback only;
# every wait is bounded. Usage: bash scripts/check-quickstart.sh [repo dir]
set -euo pipefail
src=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)
tmp=$(mktemp -d)
log="$tmp/dev.log"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

git clone -q "$src" "$tmp/repo"
cd "$tmp/repo"
# Only the system Node: drop every PATH entry that holds another one (~/.node24, nvm, …).
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '\.node24' -e '\.nvm' -e '/node_modules/' | paste -sd: -)
export PATH
echo "quickstart: $(command -v node) $(node -v) on PATH"

npm install --no-audit --no-fund >"$tmp/install.log" 2>&1 || { tail -20 "$tmp/install.log"; echo "quickstart: npm install failed" >&2; exit 1; }
if [ -n "$(git status --porcelain)" ]; then
  git status --porcelain | head
  echo "quickstart: npm install changed the working tree (the committed lockfile is incomplete)" >&2
  exit 1
fi

setsid bash -c 'exec npm run dev' >"$log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 120); do
  url=$(grep -oE 'http://(localhost|127\.0\.0\.1):[0-9]+/' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "quickstart: npm run dev exited" >&2; exit 1; }
  sleep 1
done
[ -n "$url" ] || { cat "$log"; echo "quickstart: the dev server printed no address in 120 s" >&2; exit 1; }
for path in "" "timeline/"; do
  code=000
  for _ in $(seq 1 90); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$url$path" || true)
    [ "$code" = 200 ] && break
    sleep 1
  done
  [ "$code" = 200 ] || { tail -30 "$log"; echo "quickstart: $url$path answered $code" >&2; exit 1; }
  echo "quickstart: $url$path 200"
done
echo "quickstart: npm install && npm run dev works with $(node -v) on PATH"
