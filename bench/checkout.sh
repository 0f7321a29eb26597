#!/usr/bin/env bash
# Checkout benchmark on SQLite: each wrk connection is one learner that puts
# a resource in its cart and checks it out (POST /v1/orders with a fresh
# Idempotency-Key), over and over; every checkout is one transaction (stock,
# order, item, payment, cart) plus the idempotency claim and stored answer.
# Prints orders/s (orders committed / duration, counted in the database) and
# the request rows per durability mode, for decision 0016:
#   group  - the default: synchronous=NORMAL, money commits answered after a
#            shared fdatasync of the WAL (durable across power loss);
#   full   - synchronous=FULL, every commit synced (durable, one fsync each);
#   normal - synchronous=NORMAL, no sync (NOT durable across power loss; baseline).
# The bar (issue 10): at least 500 orders per second on SQLite.
#
# Usage: bench/checkout.sh [--duration 10s] [--connections 32] [--modes "group full normal"]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=32 modes="group full normal"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
threads=$connections  # one connection per wrk thread: each learner's requests stay in order
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
source bench/lib.sh
password="bench password 1"
seconds=${duration%s}
summary=""
for mode in $modes; do
  db="sqlite:$bench_work/$mode.db"
  "$binary" --database "$db" admin create --email admin@bench.test --password "$password" \
    --role super_admin >/dev/null
  port=$(free_port)
  level=$mode; [ "$mode" = group ] && level=""
  DELTALABS_SQLITE_SYNCHRONOUS=$level "$binary" serve --database "$db" --listen "127.0.0.1:$port" \
    --auth-rate-limit 0 --no-access-log --jwt-keys "bench:bench-secret-0123456789" \
    >"$bench_work/app-$mode.log" 2>&1 &
  app_pid=$!
  bench_pids+=("$app_pid")
  wait_for "http://127.0.0.1:$port/health"
  mkdir -p "$bench_work/$mode"
  /usr/bin/python3 bench/checkout_fixture.py "$bench_work/$mode" "http://127.0.0.1:$port" \
    admin@bench.test "$password" "$connections"
  rows="$bench_work/rows-$mode.tsv"
  BENCH_DATA=$bench_work/$mode run_wrk "POST cart item + POST /v1/orders, $mode" \
    "http://127.0.0.1:$port" "" bench/lua/checkout.lua >"$rows"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  orders=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from orders').fetchone()[0])" "$bench_work/$mode.db")
  "$binary" --database "$db" check >/dev/null || { echo "bench: deltalabs check failed ($mode)" >&2; exit 1; }
  per_s=$(/usr/bin/python3 -c "print(round($orders / $seconds))")
  summary+="$mode: $orders orders in $duration = $per_s orders/s; requests: $(cut -f2- "$rows" | tr '\t' ' ') (req/s p50ms p99ms non2xx)"$'\n'
done
echo "checkout on SQLite, $connections learners, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s' "$summary"
