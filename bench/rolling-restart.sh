#!/usr/bin/env bash
# Rolling restart under load through haproxy, counting failed requests (issue 21
# item 6): see bench/rolling_restart.py (its docstring says what and why). Runs
# it with Debian's python3 (python3-requests); needs haproxy and PostgreSQL 15.
#   bench/rolling-restart.sh [--postgres URL] [--workers 8] [--grace 10]
#   bench/rolling-restart.sh --lb http://127.0.0.1:PORT --restart 'scripts/cluster restart {i}'
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/rolling_restart.py "$@"
