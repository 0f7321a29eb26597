#!/usr/bin/env bash
# The most PostgreSQL's uncached catalog reads can reach on this machine
# (issue 21 §7, decision 0032), from three measurements:
#   - outside deltalabs (bench/floor/floor_probe.c): the CPU PostgreSQL's
#     backend and libpq spend per statement of the course by id and of the
#     20-course page, in pipeline batches of 16 (the read pipelines' best
#     case), and SQLite's CPU per statement, in process;
#   - inside: deltalabs's CPU per request on SQLite, uncached, under wrk;
#   - nginx's req/s, the ratios' base.
# A request on PostgreSQL cannot cost less than SQLite's request without its
# statement plus PostgreSQL's statement and libpq's reading of it:
#   floor = request(SQLite) - statement(SQLite) + backend(PostgreSQL) + libpq
# so with the cores the same, PostgreSQL's req/s reach at most
# request(SQLite) / floor of SQLite's, which the report puts against nginx.
#
# Usage: bench/postgres-floor.sh --postgres URL [--sqlite FILE] [--duration 8s] [--connections 64]
# URL: the scale data set on a PostgreSQL server on this machine (the one
# bench/catalog-backends.sh --postgres URL seeds); FILE: the same data set on
# SQLite (default build/bench/scale.db, seeded by bench/scale-catalog.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
postgres=""
sqlite_file=build/bench/scale.db
threads=1 connections=64 duration=8s
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=$2; shift 2 ;;
    --sqlite) sqlite_file=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$postgres" ] || { echo "usage: bench/postgres-floor.sh --postgres URL [--sqlite FILE]" >&2; exit 2; }
[ -f "$sqlite_file" ] || { echo "no $sqlite_file: run bench/scale-catalog.sh first" >&2; exit 2; }
source bench/lib.sh
export_binary

gcc -O2 -Wall -o "$bench_work/floor_probe" bench/floor/floor_probe.c \
  -I"$(pg_config --includedir)" -lpq -lsqlite3
/usr/bin/python3 - "$sqlite_file" >"$bench_work/ids.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for (course_id,) in db.execute("SELECT id FROM courses WHERE status = 'published' ORDER BY id LIMIT 1000"):
    print(course_id)
PY
"$bench_work/floor_probe" "$postgres" "$sqlite_file" "$bench_work/ids.txt" >"$bench_work/probe.tsv"

nginx_port=$(free_port)
start_nginx "$nginx_port"
app_port=$(free_port)
"$DELTALABS_BINARY" serve --database "sqlite:$sqlite_file" --listen "127.0.0.1:$app_port" \
  --auth-rate-limit 0 --shared-cache-ms 0 >"$bench_work/app.log" 2>&1 &
app_pid=$!
bench_pids+=("$app_pid")
wait_for "http://127.0.0.1:$app_port/health"
sed 's|^|/v1/courses/|' "$bench_work/ids.txt" >"$bench_work/paths.txt"
export BENCH_PATHS="$bench_work/paths.txt"

# Prints "target<TAB>req/s<TAB>server CPU µs per request" of a wrk load.
request_cpu() {
  local target=$1 url=$2 script=${3:-} args before after out
  args=(-t"$threads" -c"$connections" -d"$duration" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t1 -c8 -d1s ${script:+-s "$script"} "$url" >/dev/null  # warm
  before=$(/usr/bin/python3 bench/proc_cpu.py "app=$app_pid" | cut -d= -f2)
  out=$(wrk "${args[@]}" "$url")
  after=$(/usr/bin/python3 bench/proc_cpu.py "app=$app_pid" | cut -d= -f2)
  WRK_OUT=$out wrk_fields "$target" | awk -F'\t' -v b="$before" -v a="$after" \
    '{ printf "%s\t%s\t%.1f\n", $1, $2, (a - b) / $6 * 1e6 }'
}
{
  run_wrk "nginx" "http://127.0.0.1:$nginx_port/health.json" | cut -f1-2
  request_cpu by_id "http://127.0.0.1:$app_port" bench/lua/rotate-paths.lua
  request_cpu page "http://127.0.0.1:$app_port/v1/courses?limit=20"
} >"$bench_work/requests.tsv"

out="bench/results/postgres-floor-$(date -u +%Y%m%dT%H%M%SZ).md"
/usr/bin/python3 - "$bench_work/probe.tsv" "$bench_work/requests.tsv" "$out" <<'PY'
import os, sys
probe, requests, out = sys.argv[1:4]
stmt = {}
for line in open(probe):
    target, backend, per_s, engine, client = line.rstrip("\n").split("\t")
    stmt[(target, backend)] = (float(engine), 0.0 if client == "-" else float(client))
rows = [l.rstrip("\n").split("\t") for l in open(requests)]
nginx = float(rows[0][1])
bars = {"by_id": 0.5, "page": 0.3}
lines = ["# PostgreSQL's ceiling for the catalog on this machine", "",
         f"{os.cpu_count()} cores; nginx {nginx:.0f} req/s. Per statement: PostgreSQL in pipeline "
         "batches of 16 (backend CPU, libpq CPU), SQLite in process; per request: deltalabs on "
         "SQLite, uncached. floor = request(SQLite) - statement(SQLite) + backend + libpq; "
         "ceiling = SQLite's req/s x request(SQLite) / floor.", "",
         "| target | SQLite request µs | SQLite statement µs | PostgreSQL backend µs | libpq µs "
         "| floor µs | SQLite req/s, vs nginx | PostgreSQL ceiling req/s, vs nginx | bar |",
         "|---|---|---|---|---|---|---|---|---|"]
for target, rps, request_us in rows[1:]:
    rps, request_us = float(rps), float(request_us)
    sqlite_us = stmt[(target, "sqlite")][0]
    backend_us, libpq_us = stmt[(target, "postgresql")]
    floor = request_us - sqlite_us + backend_us + libpq_us
    ceiling = rps * request_us / floor
    lines.append(f"| {target} | {request_us:.1f} | {sqlite_us:.1f} | {backend_us:.1f} | {libpq_us:.1f} "
                 f"| {floor:.1f} | {rps:.0f}, {rps / nginx:.2f}x | {ceiling:.0f}, {ceiling / nginx:.2f}x "
                 f"| {bars[target]}x |")
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
echo "written to $out"
