#!/usr/bin/env bash
# The failover drill of issue 21 §5, measured: for each mode (asynchronous
# replica, then --sync: synchronous standby with remote_apply), brings up
# `scripts/cluster` in a directory of its own, runs the drill of
# tests/api/cluster_failover_support.py (steady enrollments through haproxy,
# SIGKILL of the primary, promotion of the replica, instances not restarted)
# --runs times, prints RTO (longest time without an acknowledged write) and
# RPO (acknowledged enrollments missing afterwards), and removes the cluster.
#   bench/cluster-failover.sh [--runs 3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/cluster-failover.sh [--runs N]" >&2; exit 2 ;;
  esac
done

DELTALABS_BINARY=$(realpath "${DELTALABS_BINARY:-${BUILD_DIR:-build}/deltalabs}")
export DELTALABS_BINARY
export PYTHONDONTWRITEBYTECODE=1
trap 'exit 130' INT TERM  # so the EXIT trap below removes the cluster
echo "cluster-failover: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $runs runs per mode"
for mode in async sync; do
  for ((run = 1; run <= runs; run++)); do
    dir=$(mktemp -d /tmp/deltalabs-bench-cluster.XXXXXX)
    export CLUSTER_DIR=$dir
    trap 'scripts/cluster down >/dev/null 2>&1 || true' EXIT
    flags=()
    [[ $mode == sync ]] && flags=(--sync)
    scripts/cluster up "${flags[@]}" -- --auth-rate-limit 0 --sign-in-rate-limit 0 >/dev/null
    figures=$(cd tests/api && /usr/bin/python3 cluster_failover_support.py "$dir" 2>&1 | tail -n 1) \
      || figures="FAILED: $figures"
    scripts/cluster down >/dev/null
    echo "$mode run $run: $figures"
  done
done
