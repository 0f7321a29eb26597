#!/usr/bin/env bash
# The web app in the browser on the `seed --scale` data set (10k courses):
# the catalog's first 20 courses on screen after navigation, a search's list
# update after the last keystroke, and Lighthouse scores (mobile and desktop
# presets) of the landing, catalog and course pages, all in Debian's
# chromium. The server runs with the shared listing cache off
# (--shared-cache-ms 0: what the figure must not hide) and then on (the
# default). Measures, never asserts; record the figures in docs/benchmarks.md.
#
# Usage: bench/web-browser.sh [--database URL] [--runs 5] [--no-lighthouse]
# Run after scripts/build (web/dist built). The data set is seeded once and
# reused, as bench/scale-catalog.sh does (build/bench/scale.db by default).
set -euo pipefail
cd "$(dirname "$0")/.."
database=sqlite:build/bench/scale.db runs=5 lighthouse_flag=
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-lighthouse) lighthouse_flag=--no-lighthouse; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
[ -f web/dist/index.html ] || { echo "build the web app first: scripts/build" >&2; exit 1; }
source bench/lib.sh
mkdir -p build/bench

if ! "$binary" --database "$database" seed --scale 2>"$bench_work/seed.err"; then
  grep -q "already holds a scale data set" "$bench_work/seed.err" || { cat "$bench_work/seed.err" >&2; exit 1; }
  echo "reusing the scale data set in $database"
fi
"$binary" --database "$database" migrate >/dev/null

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for cache_ms in 0 1000; do
  port=$(free_port)
  "$binary" --database "$database" --listen "127.0.0.1:$port" --log-level warn --no-access-log \
    --web-dir web/dist --shared-cache-ms "$cache_ms" serve >"$bench_work/server-$cache_ms.log" 2>&1 &
  pid=$!
  bench_pids+=("$pid")
  wait_for "http://127.0.0.1:$port/health"
  echo "== --shared-cache-ms $cache_ms"
  (cd web && node bench/browser-timings.mjs "http://127.0.0.1:$port" "$runs" $lighthouse_flag)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
