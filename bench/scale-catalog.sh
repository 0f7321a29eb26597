#!/usr/bin/env bash
# Catalog benchmark on the `seed --scale` data set (100k users, 10k courses,
# 1M enrollments): nginx serving a static file versus deltalabs answering
# GET /v1/courses/:id, GET /v1/courses?limit=20 and GET /v1/courses?q=<two
# words>, each rotating over many courses or queries, in one run with the same
# wrk settings; then the server's resident memory, sampled during the loads.
# The data set is seeded once and reused: a SQLite file under build/bench/ by
# default, or the PostgreSQL database given with --database (seeded if empty).
#
# Usage: bench/scale-catalog.sh [--database URL] [--duration 10s] [--connections 64] [--threads 1]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=64 threads=1  # one wrk thread: on 2 cores a second one competes with the server under test
database=sqlite:build/bench/scale.db
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
source bench/lib.sh
mkdir -p build/bench

# Seed once; a database that already holds the data set is reused as it is.
if ! "$binary" --database "$database" seed --scale 2>"$bench_work/seed.err"; then
  grep -q "already holds a scale data set" "$bench_work/seed.err" || { cat "$bench_work/seed.err" >&2; exit 1; }
  echo "reusing the scale data set in $database"
fi

nginx_port=$(free_port)
app_port=$(free_port)
start_nginx "$nginx_port"
"$binary" serve --database "$database" --listen "127.0.0.1:$app_port" --auth-rate-limit 0 \
  >"$bench_work/app.log" 2>&1 &
app_pid=$!
bench_pids+=("$app_pid")
wait_for "http://127.0.0.1:$app_port/health"

# 1,000 published course ids (ten pages of the listing) and two-word queries.
/usr/bin/python3 - "http://127.0.0.1:$app_port" "$bench_work" <<'PY'
import json, sys, urllib.parse, urllib.request
base, work = sys.argv[1], sys.argv[2]
ids, cursor = [], None
while len(ids) < 1000:
    url = base + "/v1/courses?limit=100" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    ids += [c["id"] for c in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
open(f"{work}/course-paths.txt", "w").write("".join(f"/v1/courses/{i}\n" for i in ids))
queries = ["python testing", "data visualization", "machine learning", "rust performance",
           "guitar practice", "marketing strategy", "linux automation", "design patterns",
           "spanish conversation", "cloud architecture", "sql modeling", "physics theory",
           "react projects", "security engineering", "finance fundamentals", "yoga techniques"]
open(f"{work}/query-paths.txt", "w").write(
    "".join(f"/v1/courses?q={urllib.parse.quote(q)}\n" for q in queries))
print(f"{len(ids)} course ids, {len(queries)} queries")
PY

# Resident memory of the server, sampled twice a second while the loads run.
( while kill -0 "$app_pid" 2>/dev/null; do ps -o rss= -p "$app_pid" || true; sleep 0.5; done ) \
  >"$bench_work/rss.txt" 2>/dev/null &
bench_pids+=($!)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows="$bench_work/rows.tsv"
app="http://127.0.0.1:$app_port"
run_wrk "nginx static /health.json" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"
BENCH_PATHS="$bench_work/course-paths.txt" \
  run_wrk "GET /v1/courses/:id (1,000 ids)" "$app" "" bench/lua/rotate-paths.lua >>"$rows"
run_wrk "GET /v1/courses?limit=20" "$app/v1/courses?limit=20" >>"$rows"
BENCH_PATHS="$bench_work/query-paths.txt" \
  run_wrk "GET /v1/courses?q=<two words> (16 queries)" "$app" "" bench/lua/rotate-paths.lua >>"$rows"
run_wrk "nginx static /health.json (after)" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"
# What wrk itself can send when a Lua script picks every path: the ceiling of
# the two rotated rows above (not part of the nginx baseline).
BENCH_PATHS="$bench_work/course-paths.txt" run_wrk "ceiling: nginx static through rotate-paths.lua" \
  "http://127.0.0.1:$nginx_port" "" bench/lua/rotate-paths.lua >>"$rows"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

rss_max_mib=$(( $(sort -n "$bench_work/rss.txt" | tail -n 1 | tr -d ' ') / 1024 ))
rss_end_mib=$(( $(ps -o rss= -p "$app_pid" | tr -d ' ') / 1024 ))
out="bench/results/scale-catalog-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results
report "$rows" "$out" "deltalabs: ${database%%:*} scale data set (100k users, 10k courses, 1M enrollments), \
default threads, access log on (to a file), --auth-rate-limit 0. Resident memory: at most ${rss_max_mib} MiB \
during the loads, ${rss_end_mib} MiB after (bar: < 300 MB). Load average before: ${load_before}; after: \
${load_after}. Bars: /v1/courses/:id >= 0.5x and p99 < 20 ms; ?limit=20 >= 0.3x and p99 < 20 ms; ?q= p99 < 30 ms."
echo "written to $out"
