#!/usr/bin/env bash
# Replica lag under write load (issue 21, "Tests and measurements"): on
# `scripts/cluster up` (PostgreSQL 15 primary, asynchronous streaming replica,
# three instances, haproxy), checkouts through haproxy, first as fast as they
# go (wrk with bench/lua/checkout.lua, one learner per connection), then at a
# fixed rate (bench/replica_lag.py pace), while the replica's lag is sampled
# every 100 ms (psql \watch 0.1) on both servers:
#   primary: pg_stat_replication's write_lag, flush_lag, replay_lag, and the
#            bytes not yet replayed, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn);
#   replica: the lag the instances measure to decide whether to read there
#            (storage/replica_sql.h: 0 when it replayed all it received, else
#            the age of the last commit it replayed).
# Reports p50 / p99 / max of each, checkouts per second (orders committed,
# counted in the database; each checkout is two writes: cart item, order), and
# whether any sample passed the instances' --replica-max-lag (10 s).
# --sync repeats it all on `scripts/cluster up --sync` (synchronous standby,
# synchronous_commit = remote_apply).
#
# Usage: bench/replica-lag.sh [--duration 30s] [--rate 50] [--buyers 16] [--sync]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=30s rate=50 buyers=16 modes=async
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --buyers) buyers=$2; shift 2 ;;
    --sync) modes="async sync"; shift ;;
    *) echo "unknown option $1 (see the top of bench/replica-lag.sh)" >&2; exit 2 ;;
  esac
done
source bench/lib.sh
export_binary
binary=$DELTALABS_BINARY
trap 'for d in "$bench_work"/cluster-*; do CLUSTER_DIR=$d scripts/cluster down >/dev/null 2>&1 || true; done
      bench_cleanup' EXIT
trap 'exit 130' INT TERM  # so the EXIT trap removes the clusters
password="bench password 1"
seconds=${duration%s}
max_lag_s=10  # the instances' --replica-max-lag (its default)
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table="$bench_work/table.md"
notes="$bench_work/notes.md"

psql_at() { psql -X -q -A -t -F $'\t' -h 127.0.0.1 -p "$1" -U postgres -d deltalabs "${@:2}"; }
# Starts the two samplers (psql \watch 0.1) writing to $1-primary.tsv and $1-replica.tsv.
start_samplers() {
  echo "SELECT extract(epoch FROM clock_timestamp()), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),
      extract(epoch FROM write_lag) * 1000, extract(epoch FROM flush_lag) * 1000,
      extract(epoch FROM replay_lag) * 1000 FROM pg_stat_replication \\watch 0.1" \
    | psql_at "$primary_port" >"$1-primary.tsv" 2>&1 &
  sampler_pids=($!)
  # The expression of kSelectReplicaStatus (storage/replica_sql.h): no commit
  # replayed yet counts as lagging without end, as the instances count it.
  echo "SELECT extract(epoch FROM clock_timestamp()),
      CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
      ELSE COALESCE(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000, 2147483647) END
      \\watch 0.1" \
    | psql_at "$replica_port" >"$1-replica.tsv" 2>&1 &
  sampler_pids+=($!)
  bench_pids+=("${sampler_pids[@]}")
  sleep 0.5
}
stop_samplers() {
  sleep 0.3
  kill "${sampler_pids[@]}" 2>/dev/null || true
  wait "${sampler_pids[@]}" 2>/dev/null || true
}
orders() { psql_at "$primary_port" -c "SELECT count(*) FROM orders"; }
# Runs one load ($2...) between the samplers and adds its row to the table.
measure() {
  local name=$1 samples="$bench_work/$mode-$RANDOM" before t0 t1
  shift
  /usr/bin/python3 bench/empty_carts.py "$shop" "$url"
  start_samplers "$samples"
  before=$(orders)
  t0=$(date +%s.%N)
  "$@" >"$samples.load"
  t1=$(date +%s.%N)
  stop_samplers
  sleep 1  # wrk does not wait for the requests in flight at its end; the servers finish them now
  /usr/bin/python3 bench/replica_lag.py summary "$name" "$samples-primary.tsv" "$samples-replica.tsv" \
    "$t0" "$t1" "$(($(orders) - before))" "$max_lag_s" >>"$table"
  echo "replica-lag: $(tail -n 1 "$table")" >&2
  if grep -q 'requests in' "$samples.load"; then
    echo "- $name: wrk $(grep -E 'requests in|Requests/sec|Non-2xx|^ +(50|99)%' "$samples.load" \
      | tr -s ' ' | paste -sd';')" >>"$notes"
  else
    echo "- $name: due, ok, failed, late by > 100 ms: $(cat "$samples.load")" >>"$notes"
  fi
}
wrk_checkouts() {
  BENCH_DATA=$shop wrk -t"$buyers" -c"$buyers" -d"$duration" --timeout 10s --latency -s bench/lua/checkout.lua "$url"
}
paced_checkouts() { /usr/bin/python3 bench/replica_lag.py pace "$shop" "$url" "$rate" "$seconds"; }

for mode in $modes; do
  export CLUSTER_DIR=$bench_work/cluster-$mode
  flags=()
  [ "$mode" = sync ] && flags=(--sync)
  scripts/cluster up "${flags[@]}" -- --auth-rate-limit 0 --sign-in-rate-limit 0 --no-access-log >/dev/null
  source "$CLUSTER_DIR/cluster.env"  # primary_port replica_port lb_port database_url
  url="http://127.0.0.1:$lb_port"
  "$binary" --database "$database_url" admin create --email admin@bench.test --password "$password" \
    --role super_admin >/dev/null
  shop="$bench_work/shop-$mode"
  mkdir -p "$shop"
  /usr/bin/python3 bench/checkout_fixture.py "$shop" "$url" admin@bench.test "$password" "$buyers"
  measure "$mode, as fast as it goes (wrk, $buyers learners)" wrk_checkouts
  measure "$mode, fixed rate $rate checkouts/s" paced_checkouts
  scripts/cluster down >/dev/null
done

out="bench/results/replica-lag-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results
{
  echo "Machine: $(nproc) cores, $(uname -sr); $started, load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other work runs meanwhile)."
  echo "Cluster: \`scripts/cluster up\` (3 instances behind haproxy, --no-access-log, rate limits off); \
checkouts through haproxy, $duration per load; lag sampled every 100 ms. Figures are p50 / p99 / max; \
lag in ms, distance in bytes of WAL. replay_lag is NULL once the replica has caught up and no WAL comes."
  echo
  echo "| load | checkouts/s | samples (primary) | bytes not replayed | replay_lag ms | replay_lag NULL | write_lag ms | flush_lag ms | samples (replica) | lag the instances see, ms | over --replica-max-lag ${max_lag_s} s |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$table"
  echo
  echo "The loads:"
  cat "$notes"
} >"$out"
cat "$out"
echo "written to $out"
