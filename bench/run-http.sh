#!/usr/bin/env bash
# HTTP benchmark: nginx serving a static JSON file versus deltalabs on the same
# machine, in the same run, with the same wrk settings. Prints requests/s and
# p50/p99 latency for each target and the ratios to nginx, and writes them to
# bench/results/http-<time>.md (scripts/bench-report folds the latest into
# docs/benchmarks.md).
#
# Usage: bench/run-http.sh [--duration 10s] [--connections 64] [--threads 2]
set -euo pipefail

cd "$(dirname "$0")/.."
duration=10s
connections=64
threads=2
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
command -v wrk >/dev/null || { echo "wrk is missing: scripts/setup installs it" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing: scripts/setup installs it" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
nginx_port=$(free_port)
app_port=$(free_port)

# nginx: the local ceiling, serving the same body /health returns.
mkdir -p "$work/www" "$work/nginx"
printf '{"status":"ok"}' > "$work/www/health.json"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

"$binary" serve --database "sqlite:$work/bench.db" --listen "127.0.0.1:$app_port" \
  --auth-rate-limit 0 --jwt-keys "bench:bench-secret-0123456789" > "$work/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$nginx_port/health.json" >/dev/null 2>&1 && break
  sleep 0.1
done

# A signed-in user for the authenticated routes.
curl -sf -X POST "http://127.0.0.1:$app_port/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password","first_name":"Bench","last_name":"User"}' >/dev/null
token=$(curl -sf -X POST "http://127.0.0.1:$app_port/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password"}' | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

run_wrk() {  # name url [header]
  local name=$1 url=$2 header=${3:-}
  local out
  if [ -n "$header" ]; then
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$header" "$url")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")
  fi
  /usr/bin/python3 - "$name" <<PY
import re, sys
text = """$out"""
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n * 1000 if u == "s" else n
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{sys.argv[1]}\t{rps:.0f}\t{p50:.3f}\t{p99:.3f}\t{errors.group(1) if errors else 0}")
PY
}

results="$work/results.tsv"
run_wrk "nginx static /health.json" "http://127.0.0.1:$nginx_port/health.json" >> "$results"
run_wrk "deltalabs GET /health" "http://127.0.0.1:$app_port/health" >> "$results"
run_wrk "deltalabs GET /v1/users/me" "http://127.0.0.1:$app_port/v1/users/me" "Authorization: Bearer $token" >> "$results"
run_wrk "nginx static /health.json (again)" "http://127.0.0.1:$nginx_port/health.json" >> "$results"

rss_kb=$(ps -o rss= -p "${pids[1]}" | tr -d ' ')
mkdir -p bench/results
report="bench/results/http-$(date -u +%Y%m%dT%H%M%SZ).md"
/usr/bin/python3 - "$results" "$report" "$connections" "$duration" "$threads" "$rss_kb" <<'PY'
import sys, platform, os, subprocess
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
nginx = [r for r in rows if r[0].startswith("nginx")]
base_rps = sum(float(r[1]) for r in nginx) / len(nginx)
base_p50 = sum(float(r[2]) for r in nginx) / len(nginx)
base_p99 = sum(float(r[3]) for r in nginx) / len(nginx)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
lines = [
    f"Machine: {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.platform()}",
    f"wrk: {sys.argv[5]} threads, {sys.argv[3]} connections, {sys.argv[4]} per target; nginx figures are the mean of a run before and after deltalabs.",
    f"deltalabs resident memory after the run: {int(sys.argv[6]) // 1024} MiB",
    "",
    "| target | req/s | p50 ms | p99 ms | non-2xx | req/s vs nginx | p99 vs nginx |",
    "|---|---|---|---|---|---|---|",
]
for name, rps, p50, p99, errs in rows:
    lines.append(f"| {name} | {float(rps):.0f} | {float(p50):.3f} | {float(p99):.3f} | {errs} | "
                 f"{float(rps) / base_rps:.2f}x | {float(p99) / base_p99:.2f}x |")
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w").write(text)
print(text)
PY
echo "written to $report"
