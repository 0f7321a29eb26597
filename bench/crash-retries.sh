#!/usr/bin/env bash
# Crash test of idempotent retries: see bench/crash-retries.py (its docstring says
# what and why). Runs it with Debian's python3 (python3-requests).
#   bench/crash-retries.sh [--kills 30] [--postgres URL|throwaway] ...
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/crash-retries.py "$@"
