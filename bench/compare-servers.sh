#!/usr/bin/env bash
# The measurement behind docs/decisions/0001-http-server.md: nginx, a minimal
# RESTinio 0.6 server and deltalabs (Boost.Beast) answering the same
# {"status":"ok"} at 64 connections, in one run.
#
# Usage: bench/compare-servers.sh [--duration 10s] [--connections 64] [--threads 1]
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
dpkg -s librestinio-dev >/dev/null 2>&1 || apt-get install -y librestinio-dev libasio-dev libhttp-parser-dev >/dev/null
source bench/lib.sh

mkdir -p build/bench
if [ ! -x build/bench/restinio_ping ] || [ bench/servers/restinio_ping.cc -nt build/bench/restinio_ping ]; then
  g++ -std=c++17 -O2 -o build/bench/restinio_ping bench/servers/restinio_ping.cc -lfmt -lhttp_parser -pthread
fi

nginx_port=$(free_port)
restinio_port=$(free_port)
app_port=$(free_port)
start_nginx "$nginx_port"
build/bench/restinio_ping "$restinio_port" 2 >/dev/null 2>&1 &
bench_pids+=($!)
"$binary" serve --database "sqlite:$bench_work/bench.db" --listen "127.0.0.1:$app_port" --threads 2 \
  >"$bench_work/app.log" 2>&1 &
bench_pids+=($!)
wait_for "http://127.0.0.1:$restinio_port/health"
wait_for "http://127.0.0.1:$app_port/health"

rows="$bench_work/rows.tsv"
run_wrk "nginx static /health.json" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"
run_wrk "RESTinio 0.6 minimal, 2 threads" "http://127.0.0.1:$restinio_port/health" >>"$rows"
run_wrk "deltalabs (Beast) GET /health, 2 threads" "http://127.0.0.1:$app_port/health" >>"$rows"
run_wrk "nginx static /health.json (after)" "http://127.0.0.1:$nginx_port/health.json" >>"$rows"

mkdir -p bench/results
out="bench/results/servers-$(date -u +%Y%m%dT%H%M%SZ).md"
report "$rows" "$out" "RESTinio: on_thread_pool(2), default traits, no routing. deltalabs: full pipeline (routing, request id, metrics, access log)."
echo "written to $out"
