#!/usr/bin/env bash
# One instance against three behind haproxy (issue 21, "Tests and
# measurements"): requests/s and per-request server CPU on the uncached catalog
# and on checkouts, on `scripts/cluster` (PostgreSQL 15 primary + streaming
# replica, three `deltalabs serve` instances, haproxy), all on this machine.
#
# Three setups, each against the same databases and data:
#   1 direct   - wrk straight at instance 1 (instances 2 and 3 idle);
#   1 haproxy  - a second haproxy, the cluster's configuration with only
#                instance 1 in its backend, so haproxy's own cost shows;
#   3 haproxy  - the cluster's haproxy, round-robin over the three instances.
# Targets (every instance runs with --shared-cache-ms 0, so no listing cache
# is what is measured; the catalog reads go to the replica, decision 0029):
#   GET /v1/courses/:id over 1,000 course ids in turn (bench/lua/rotate-paths.lua),
#   GET /v1/courses?limit=20,
#   checkout: what bench/checkout.sh does (bench/checkout_fixture.py, then
#   bench/lua/checkout.lua: each wrk connection a learner alternating "add a
#   resource to the cart" and POST /v1/orders; the carts emptied before each
#   load, bench/empty_carts.py); orders counted in the database. Every
#   checkout takes the one resource's stock row, so on PostgreSQL checkouts
#   queue on that row's lock, each held until its commit is flushed.
# Around every load the CPU time of all deltalabs processes, of all haproxy
# processes and of each PostgreSQL server (postmaster and backends) is read
# from /proc (bench/proc_cpu.py); divided by the requests wrk completed, it is
# the server CPU one request costs. On a machine with fewer cores than
# processes this shows the overhead of haproxy and of more processes, not the
# scaling; the per-request CPU is what scaling can be reasoned from.
#
# Data: `seed --scale` with 20k users, 10k courses (9k published), 100k
# enrollments (about 40 s on PostgreSQL), plus the checkout fixture's course,
# resource and learners. --seed "" seeds the full scale data set (~2 min).
#
# Usage: bench/cluster-scale.sh [--duration 10s] [--connections 64] [--buyers 32]
#                               [--seed "--users 20000 --courses 10000 --enrollments 100000"]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=64 buyers=32
seed_args="--users 20000 --courses 10000 --enrollments 100000"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --buyers) buyers=$2; shift 2 ;;
    --seed) seed_args=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of bench/cluster-scale.sh)" >&2; exit 2 ;;
  esac
done
source bench/lib.sh
export_binary
binary=$DELTALABS_BINARY
export CLUSTER_DIR=$bench_work/cluster
trap 'scripts/cluster down >/dev/null 2>&1 || true; bench_cleanup' EXIT
trap 'exit 130' INT TERM  # so the EXIT trap removes the cluster
password="bench password 1"
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

scripts/cluster up -- --shared-cache-ms 0 --auth-rate-limit 0 --sign-in-rate-limit 0 --no-access-log >/dev/null
source "$CLUSTER_DIR/cluster.env"  # primary_port replica_port lb_port stats_port instance_ports database_url
instance_pids=$(cat "$CLUSTER_DIR"/instance-*.pid | paste -sd,)
primary_pid=$(head -n 1 "$CLUSTER_DIR/primary/postmaster.pid")
replica_pid=$(head -n 1 "$CLUSTER_DIR/replica/postmaster.pid")
sql() { psql -X -q -A -t -h 127.0.0.1 -p "$primary_port" -U postgres -d deltalabs -c "$1"; }

echo "cluster-scale: seeding (seed --scale $seed_args)"
# shellcheck disable=SC2086  # the seed flags are words on purpose
"$binary" --database "$database_url" seed --scale $seed_args >"$bench_work/seed.log" 2>&1 \
  || { cat "$bench_work/seed.log" >&2; exit 1; }
seeded=$(grep -o 'in [0-9.]* s: .*' "$bench_work/seed.log" | head -n 1)
"$binary" --database "$database_url" admin create --email admin@bench.test --password "$password" \
  --role super_admin >/dev/null

# The second haproxy: the cluster's own configuration, instance 1 alone, ports of its own.
one_port=$(free_port)
sed -e '/server instance-[2-9]/d' -e "s/bind 127.0.0.1:$lb_port\$/bind 127.0.0.1:$one_port/" \
  -e "s/bind 127.0.0.1:$stats_port\$/bind 127.0.0.1:$(free_port)/" "$CLUSTER_DIR/haproxy.cfg" \
  >"$bench_work/haproxy-one.cfg"
haproxy -db -f "$bench_work/haproxy-one.cfg" >"$bench_work/haproxy-one.log" 2>&1 &
one_haproxy_pid=$!
bench_pids+=("$one_haproxy_pid")
direct="http://127.0.0.1:${instance_ports[0]}"
one="http://127.0.0.1:$one_port"
three="http://127.0.0.1:$lb_port"
wait_for "$one/health/db"
haproxy_pids="$(cat "$CLUSTER_DIR/haproxy.pid"),$one_haproxy_pid"

# The replica replays the seed before any catalog read is measured (a replica
# further behind than --replica-max-lag would send the reads to the primary).
for _ in $(seq 1 600); do
  [ "$(sql "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication")" = 0 ] && break
  sleep 0.1
done
/usr/bin/python3 - "$direct" "$bench_work/course-paths.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
base, out = sys.argv[1:3]
ids, cursor = [], None
while len(ids) < 1000:
    page = json.load(urllib.request.urlopen(
        base + "/v1/courses?limit=100" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")))
    ids += [c["id"] for c in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
open(out, "w").write("".join(f"/v1/courses/{i}\n" for i in ids[:1000]))
PY
mkdir -p "$bench_work/shop"
/usr/bin/python3 bench/checkout_fixture.py "$bench_work/shop" "$three" admin@bench.test "$password" "$buyers"

cpu() {
  /usr/bin/python3 bench/proc_cpu.py "deltalabs=$instance_pids" "haproxy=$haproxy_pids" \
    "pg_primary=$primary_pid" "pg_replica=$replica_pid"
}
rows="$bench_work/rows.tsv"
# Runs wrk (settings from $threads $connections $duration; a 10 s timeout, as a
# cut-off checkout would leave its learner's cart out of step) with a Lua script,
# the servers' CPU read before and after, the orders in the database counted
# too; appends "target, setup, req/s, p50, p99, non-2xx, requests, orders,
# cpu before, cpu after, load average" to the rows.
load() {
  local target=$1 setup=$2 url=$3 script=$4 before after out orders0 orders1
  orders0=$(sql "SELECT count(*) FROM orders")
  before=$(cpu)
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$script" "$url")
  sleep 1  # wrk does not wait for the requests in flight at its end; the servers finish them now
  after=$(cpu)
  orders1=$(sql "SELECT count(*) FROM orders")
  printf '%s\t%s\t%s\t%s\t%s\n' "$(WRK_OUT=$out wrk_fields "$target"$'\t'"$setup")" \
    "$((orders1 - orders0))" "$before" "$after" "$(cut -d' ' -f1 /proc/loadavg)" >>"$rows"
  echo "cluster-scale: $target, $setup: $(tail -n 1 "$rows" | cut -f3)" >&2
}
# Each target against the three setups in turn, so a change in the machine's
# other load falls on all three alike.
threads=1  # on 2 cores a second wrk thread competes with the servers under test
export BENCH_PATHS=$bench_work/course-paths.txt
for setup in "1 direct:$direct" "1 haproxy:$one" "3 haproxy:$three"; do
  load "GET /v1/courses/:id (1,000 ids)" "${setup%%:*}" "${setup#*:}" bench/lua/rotate-paths.lua
done
echo "/v1/courses?limit=20" >"$bench_work/page-path.txt"
for setup in "1 direct:$direct" "1 haproxy:$one" "3 haproxy:$three"; do
  BENCH_PATHS=$bench_work/page-path.txt load "GET /v1/courses?limit=20" "${setup%%:*}" "${setup#*:}" \
    bench/lua/rotate-paths.lua
done
catalog_connections=$connections
connections=$buyers threads=$buyers  # one connection per wrk thread: each learner's requests stay in order
export BENCH_DATA=$bench_work/shop
for setup in "1 direct:$direct" "1 haproxy:$one" "3 haproxy:$three"; do
  /usr/bin/python3 bench/empty_carts.py "$BENCH_DATA" "$three"
  load "checkout (cart item + POST /v1/orders)" "${setup%%:*}" "${setup#*:}" bench/lua/checkout.lua
done
"$binary" --database "$database_url" check >/dev/null || { echo "bench: deltalabs check failed" >&2; exit 1; }

out="bench/results/cluster-scale-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results
/usr/bin/python3 - "$rows" "$out" "$duration" "$catalog_connections" "$buyers" "$started" "$load_before" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$seeded" <<'PY'
import os, platform, sys
tsv, out, duration, catalog_conns, buyers, started, load_before, load_after, seeded = sys.argv[1:10]
seconds = float(duration.rstrip("s"))
cores = os.cpu_count()
cpu_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
def groups(text):
    return {k: float(v) for k, v in (kv.split("=") for kv in text.split())}
lines = [
    f"Machine: {cores} cores ({cpu_name}), {platform.platform()}; {started}, load average "
    f"before {load_before}, after {load_after} (a shared machine: other work runs meanwhile).",
    f"Cluster: `scripts/cluster up` (PostgreSQL 15 primary + asynchronous streaming replica, 3 instances, "
    f"haproxy), every instance with --shared-cache-ms 0 --no-access-log, rate limits off; catalog reads "
    f"on the replica (decision 0029). Data: scale data set {seeded}; checkout fixture: one resource, "
    f"{buyers} learners.",
    f"wrk on the same machine, {duration} per row: catalog 1 thread and {catalog_conns} connections; "
    f"checkout {buyers} threads, one connection (one learner) each.",
    "",
    "Server CPU per request: CPU seconds used during the run (from /proc/<pid>/stat, children included) "
    "divided by the requests wrk completed, in microseconds; `deltalabs` is all three instances "
    "(idle ones still answer haproxy's health checks), `haproxy` both load balancers, `pg` each "
    "server's postmaster and backends. Cores busy = all of it divided by the run's length.",
    "",
    "| target | setup | req/s | p50 ms | p99 ms | non-2xx | orders/s | deltalabs µs/req | haproxy µs/req "
    "| pg primary µs/req | pg replica µs/req | server µs/req | cores busy | load |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]
for r in (l.rstrip("\n").split("\t") for l in open(tsv)):
    target, setup, rps, p50, p99, errs, requests, orders, before, after, load = r
    a, b = groups(before), groups(after)
    used = {k: b[k] - a[k] for k in a}
    per = {k: v / int(requests) * 1e6 for k, v in used.items()}
    total = sum(per.values())
    order_cell = f"{int(orders) / seconds:.0f}" if target.startswith("checkout") else "-"
    lines.append(f"| {target} | {setup} | {float(rps):.0f} | {float(p50):.2f} | {float(p99):.2f} | {errs} | "
                 f"{order_cell} | {per['deltalabs']:.0f} | {per['haproxy']:.0f} | {per['pg_primary']:.0f} | "
                 f"{per['pg_replica']:.0f} | {total:.0f} | {sum(used.values()) / seconds:.2f} | {load} |")
lines += ["", f"On {cores} cores, three instances, two PostgreSQL servers, haproxy and wrk share the same "
          "cores: the rows show what haproxy and more processes cost, not how the cluster scales. "
          "Scaling is read from the µs/req columns: on machines of their own, the instances' part "
          "grows with instances; the PostgreSQL primary's (writes) and replica's (catalog reads) "
          "parts are what one server of each must carry for every request of the whole cluster."]
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
echo "written to $out"
