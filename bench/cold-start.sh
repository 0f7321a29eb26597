#!/usr/bin/env bash
# Cold start: time from launching `deltalabs serve` on a new SQLite file
# (every migration applied) until /health answers; five runs, worst reported.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${DELTALABS_BINARY:-build/deltalabs}
source bench/lib.sh
port=$(free_port)
worst=0
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$binary" serve --database "sqlite:$bench_work/db$i.sqlite" --listen "127.0.0.1:$port" --no-access-log \
    >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.005; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"
  wait "$pid" || true
  echo "run $i: ${ms} ms"
  if [ "$ms" -gt "$worst" ]; then worst=$ms; fi
done
echo "cold start (new SQLite file, migrations included), worst of 5: ${worst} ms"
