#!/usr/bin/env bash
# Write benchmark: POST /v1/enrollments on SQLite, every request a new
# (learner, course) pair of free published courses, so each one commits a
# real enrollment (seat update, insert, activity event) in one transaction.
# Prints requests/s, p50/p99 and non-2xx (must be 0), plus the server's
# resident memory after the run; writes bench/results/enrollments-<time>.md.
#
# Usage: bench/enrollments.sh [--duration 10s] [--connections 64] [--threads 1]
#        [--courses 200] [--learners 200]   (courses x learners >= requests sent)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=64 threads=1 courses=200 learners=200
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --courses) courses=$2; shift 2 ;;
    --learners) learners=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
source bench/lib.sh

db="sqlite:$bench_work/bench.db"
password="bench password 1"
"$binary" --database "$db" admin create --email admin@bench.test --password "$password" \
  --role super_admin >/dev/null
nginx_port=$(free_port)
app_port=$(free_port)
start_nginx "$nginx_port"
"$binary" serve --database "$db" --listen "127.0.0.1:$app_port" --auth-rate-limit 0 \
  --jwt-keys "bench:bench-secret-0123456789" >"$bench_work/app.log" 2>&1 &
app_pid=$!
bench_pids+=("$app_pid")
wait_for "http://127.0.0.1:$app_port/health"
echo "building $courses courses and $learners learners through the API..." >&2
/usr/bin/python3 bench/enrollment_fixture.py "$bench_work" "http://127.0.0.1:$app_port" \
  admin@bench.test "$password" "$courses" "$learners"

rows="$bench_work/rows.tsv"
run_wrk "nginx static /health.json" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"
BENCH_DATA=$bench_work run_wrk "deltalabs POST /v1/enrollments (new pair each)" \
  "http://127.0.0.1:$app_port/v1/enrollments" "" bench/lua/enroll.lua >>"$rows"
rss_mib=$(($(ps -o rss= -p "$app_pid" | tr -d ' ') / 1024))
enrolled=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from enrollments').fetchone()[0])" "$bench_work/bench.db")
"$binary" --database "$db" check >/dev/null || { echo "bench: deltalabs check failed after the run" >&2; exit 1; }

mkdir -p bench/results
out="bench/results/enrollments-$(date -u +%Y%m%dT%H%M%SZ).md"
report "$rows" "$out" "deltalabs: SQLite, default threads; $enrolled enrollments committed; \`deltalabs check\` clean afterwards; resident memory after the run ${rss_mib} MiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "written to $out"
