#!/usr/bin/env bash
# HTTP benchmark: nginx serving a static JSON file versus deltalabs, on the
# same machine in the same run with the same wrk settings. Prints requests/s
# and p50/p99 for each target with ratios to nginx, and writes the report to
# bench/results/http-<time>.md.
#
# Usage: bench/run-http.sh [--duration 10s] [--connections 64] [--threads 1]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=64 threads=1  # one wrk thread: on 2 cores a second one competes with the server under test
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
source bench/lib.sh

nginx_port=$(free_port)
app_port=$(free_port)
start_nginx "$nginx_port"
"$binary" serve --database "sqlite:$bench_work/bench.db" --listen "127.0.0.1:$app_port" \
  --auth-rate-limit 0 --jwt-keys "bench:bench-secret-0123456789" >"$bench_work/app.log" 2>&1 &
app_pid=$!
bench_pids+=("$app_pid")
wait_for "http://127.0.0.1:$app_port/health"

# A signed-in user for the authenticated routes.
curl -sf -X POST "http://127.0.0.1:$app_port/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password","first_name":"Bench","last_name":"User"}' >/dev/null
token=$(curl -sf -X POST "http://127.0.0.1:$app_port/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password"}' |
  /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

rows="$bench_work/rows.tsv"
run_wrk "nginx static /health.json" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"
run_wrk "deltalabs GET /health" "http://127.0.0.1:$app_port/health" >>"$rows"
run_wrk "deltalabs GET /v1/users/me" "http://127.0.0.1:$app_port/v1/users/me" "Authorization: Bearer $token" >>"$rows"
run_wrk "nginx static /health.json (after)" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"

rss_mib=$(( $(ps -o rss= -p "$app_pid" | tr -d ' ') / 1024 ))
mkdir -p bench/results
out="bench/results/http-$(date -u +%Y%m%dT%H%M%SZ).md"
report "$rows" "$out" "deltalabs: SQLite, default threads, access log on (to a file); resident memory after the run ${rss_mib} MiB."
echo "written to $out"
