#!/usr/bin/env bash
# The catalog benchmark (bench/scale-catalog.sh) on both backends in one run:
# the SQLite scale data set, then the same data set on PostgreSQL 15 on the
# same machine, one after the other with the same wrk settings, and one report
# that puts the uncached figures of both side by side (issue 21 §7: course by
# id >= 0.5x nginx, 20-course page >= 0.3x, search p99 < 20 ms).
#
# PostgreSQL is the database at --postgres URL (seeded if empty), or by default
# a throwaway server this script starts from Debian's PostgreSQL 15 (initdb in
# a temporary directory, fsync on, Debian defaults, a free port on loopback)
# and removes at the end; seeding it takes about two minutes. deltalabs reaches
# the throwaway server over its Unix socket, as a server on the same machine is
# reached in production (the socket measured 15-18 % more req/s than loopback TCP
# on the course by id and the page, docs/benchmarks.md); --over tcp measures TCP.
#
# Usage: bench/catalog-backends.sh [--postgres URL|throwaway] [--over socket|tcp]
#                                  [--duration 10s] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")/.."
postgres=throwaway
over=socket
passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=$2; shift 2 ;;
    --over)
      over=$2
      [[ $over == socket || $over == tcp ]] || { echo "--over: socket or tcp, not $over" >&2; exit 2; }
      shift 2 ;;
    --duration | --connections) passthrough+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source bench/lib.sh
pg_bin=/usr/lib/postgresql/15/bin

# Starts a throwaway PostgreSQL 15 owned by the postgres user; sets postgres to its URL.
start_throwaway_postgres() {
  local dir port
  dir=$(mktemp -d /tmp/deltalabs-bench-pg.XXXXXX)
  port=$(free_port)
  chown postgres "$dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  # shellcheck disable=SC2064  # the directory is fixed now
  trap "runuser -u postgres -- '$pg_bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null 2>&1; rm -rf '$dir'; bench_cleanup" EXIT
  if [ "$over" = tcp ]; then
    postgres="postgresql://postgres@127.0.0.1:$port/postgres"
  else
    postgres="postgresql://postgres@/postgres?host=$dir&port=$port"
  fi
}
[ "$postgres" = throwaway ] && start_throwaway_postgres

newest() { ls -t bench/results/scale-catalog-*.md | head -1; }
bench/scale-catalog.sh "${passthrough[@]}"
sqlite_report=$(newest)
bench/scale-catalog.sh --database "$postgres" "${passthrough[@]}"
postgres_report=$(newest)

out="bench/results/catalog-backends-$(date -u +%Y%m%dT%H%M%SZ).md"
/usr/bin/python3 - "$sqlite_report" "$postgres_report" "$out" <<'PY'
import re, sys
sqlite_path, postgres_path, out = sys.argv[1:4]
def uncached(path):
    """target -> (req/s, p99 ms, vs nginx) of the uncached server, from a scale-catalog report."""
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 9 and re.match(r"^\d", cells[5]):
            rows[cells[0]] = (cells[5], cells[7], cells[8])
    return rows
sqlite, postgres = uncached(sqlite_path), uncached(postgres_path)
lines = ["# The catalog on SQLite and on PostgreSQL, one run", "",
         f"Uncached (`--shared-cache-ms 0`) figures of `{sqlite_path}` (SQLite) and "
         f"`{postgres_path}` (PostgreSQL 15, same machine); each backend's ratio is against the "
         "nginx runs of its own report. Bars (issue 21 §7, on PostgreSQL): course by id >= 0.5x, "
         "20-course page >= 0.3x, searches p99 < 20 ms.", "",
         "| target | SQLite req/s | p99 ms | vs nginx | PostgreSQL req/s | p99 ms | vs nginx |",
         "|---|---|---|---|---|---|---|"]
for target, (rps, p99, ratio) in sqlite.items():
    if target.startswith(("nginx", "ceiling")):
        continue
    prps, pp99, pratio = postgres.get(target, ("-", "-", "-"))
    lines.append(f"| {target} | {rps} | {p99} | {ratio} | {prps} | {pp99} | {pratio} |")
lines += ["", "## SQLite", "", open(sqlite_path).read(), "## PostgreSQL", "", open(postgres_path).read()]
open(out, "w").write("\n".join(lines))
print("\n".join(lines[:len(sqlite) + 6]))
PY
echo "written to $out"
