# Shared pieces of the bench scripts: free ports, an nginx ceiling serving a
# static JSON file, wrk runs parsed into TSV rows, and the ratio report.
# Source it; it expects `set -euo pipefail` and sets a cleanup trap.

bench_work=$(mktemp -d)
chmod 755 "$bench_work"  # nginx workers (www-data) read the static file from here
bench_pids=()
bench_cleanup() {
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT

# Sets DELTALABS_BINARY to the absolute path of the binary to measure
# ($DELTALABS_BINARY, else $BUILD_DIR/deltalabs, else build/deltalabs) and
# exports it, for scripts that hand it on (scripts/cluster runs it from there).
export_binary() {
  DELTALABS_BINARY=$(realpath "${DELTALABS_BINARY:-${BUILD_DIR:-build}/deltalabs}")
  [ -x "$DELTALABS_BINARY" ] || { echo "build first: scripts/build" >&2; exit 1; }
  export DELTALABS_BINARY
}

# Prints a free TCP port on 127.0.0.1.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits until a URL answers 2xx (10 s at most).
wait_for() {
  for _ in $(seq 1 200); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "bench: $1 never answered" >&2
  return 1
}

# Starts nginx serving {"status":"ok"} at /health.json on port $1.
start_nginx() {
  local port=$1
  mkdir -p "$bench_work/www" "$bench_work/nginx"
  printf '{"status":"ok"}' >"$bench_work/www/health.json"
  cat >"$bench_work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $bench_work/nginx/nginx.pid;
error_log $bench_work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    root $bench_work/www;
    # Any path answers the static file, so wrk scripts that rotate API paths
    # can be pointed at nginx too (their own cost is then measured alone).
    location / { try_files \$uri /health.json; }
  }
}
CONF
  /usr/sbin/nginx -c "$bench_work/nginx/nginx.conf" -g 'daemon off;' &
  bench_pids+=($!)
  wait_for "http://127.0.0.1:$port/health.json"
}

# Prints "name<TAB>req/s<TAB>p50 ms<TAB>p99 ms<TAB>non-2xx<TAB>requests completed"
# of the wrk output in $WRK_OUT. Usage: WRK_OUT=$out wrk_fields NAME
wrk_fields() {
  /usr/bin/python3 - "$1" <<'PY'
import os, re, sys
text = os.environ["WRK_OUT"]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n * 1000 if u == "s" else n
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
requests = re.search(r"(\d+) requests in", text).group(1)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{sys.argv[1]}\t{rps:.0f}\t{p50:.3f}\t{p99:.3f}\t{errors.group(1) if errors else 0}\t{requests}")
PY
}

# Runs wrk against a URL and prints "name<TAB>req/s<TAB>p50 ms<TAB>p99 ms<TAB>non-2xx".
# Usage: run_wrk NAME URL [HEADER] [LUA_SCRIPT]; settings from $threads $connections $duration.
run_wrk() {
  local name=$1 url=$2 header=${3:-} script=${4:-} out
  local args=(-t"$threads" -c"$connections" -d"$duration" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  [ -n "$script" ] && args+=(-s "$script")
  out=$(wrk "${args[@]}" "$url")
  WRK_OUT=$out wrk_fields "$name" | cut -f1-5
}

# Writes the markdown report of a TSV of run_wrk rows: ratios against the mean
# of the rows whose name starts with "nginx". Usage: report TSV OUT.md NOTE...
report() {
  local tsv=$1 out=$2
  shift 2
  /usr/bin/python3 - "$tsv" "$out" "$threads" "$connections" "$duration" "$*" <<'PY'
import os, platform, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
nginx = [r for r in rows if r[0].startswith("nginx")]
base_rps = sum(float(r[1]) for r in nginx) / len(nginx)
base_p99 = sum(float(r[3]) for r in nginx) / len(nginx)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
lines = [f"Machine: {os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.platform()}.",
         f"wrk: {sys.argv[3]} threads, {sys.argv[4]} connections, {sys.argv[5]} per target, on the same machine; "
         "nginx figures are the mean of its runs in this report.", ""]
if sys.argv[6]:
    lines += [sys.argv[6], ""]
lines += ["| target | req/s | p50 ms | p99 ms | non-2xx | req/s vs nginx | p99 vs nginx |",
          "|---|---|---|---|---|---|---|"]
for name, rps, p50, p99, errs in rows:
    lines.append(f"| {name} | {float(rps):.0f} | {float(p50):.3f} | {float(p99):.3f} | {errs} | "
                 f"{float(rps) / base_rps:.2f}x | {float(p99) / base_p99:.2f}x |")
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w").write(text)
print(text)
PY
}

# Writes the markdown report of a TSV whose rows are "name, then two run_wrk
# results" (req/s, p50, p99, non-2xx each), one column group per setting, with
# ratios against the mean of the rows whose name starts with "nginx".
# Usage: report_side_by_side TSV OUT.md LEFT_TITLE RIGHT_TITLE NOTE...
report_side_by_side() {
  local tsv=$1 out=$2 left=$3 right=$4
  shift 4
  /usr/bin/python3 - "$tsv" "$out" "$threads" "$connections" "$duration" "$left" "$right" "$*" <<'PY'
import os, platform, sys
tsv, out, threads, connections, duration, left, right, note = sys.argv[1:9]
rows = [l.rstrip("\n").split("\t") for l in open(tsv)]
nginx = [r for r in rows if r[0].startswith("nginx")]
base_rps = sum(float(r[1]) for r in nginx) / len(nginx)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
lines = [f"Machine: {os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.platform()}.",
         f"wrk: {threads} threads, {connections} connections, {duration} per target, on the same machine; "
         f"nginx figures are the mean of its runs in this report ({base_rps:.0f} req/s).", ""]
if note:
    lines += [note, ""]
lines += [f"| target | {left}: req/s | p50 ms | p99 ms | vs nginx | {right}: req/s | p50 ms | p99 ms | vs nginx |",
          "|---|---|---|---|---|---|---|---|---|"]
def cells(rps, p50, p99, errs):
    flag = f" ({errs} non-2xx)" if errs != "0" else ""
    return f"{float(rps):.0f}{flag} | {float(p50):.2f} | {float(p99):.2f} | {float(rps) / base_rps:.2f}x"
for r in rows:
    lines.append(f"| {r[0]} | {cells(*r[1:5])} | {cells(*r[5:9])} |")
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
}
