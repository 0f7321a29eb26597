#!/usr/bin/env bash
# Catalog benchmark on the `seed --scale` data set (100k users, 10k courses,
# 1M enrollments): nginx serving a static file versus deltalabs answering
# GET /v1/courses/:id, GET /v1/courses?limit=20 and GET /v1/courses?q=<two
# words>, each rotating over many courses or queries, with the shared listing
# cache on (the default --shared-cache-ms, what visitors get for repeated
# URLs) and off (--shared-cache-ms 0, what every long-tail URL costs), side by
# side in one run with the same wrk settings; then the servers' resident
# memory, sampled during the loads.
#
# Two query sets: 16 selective pairs of topic words (73-201 matches each), and
# 16 broad pairs of the most frequent words of the data set (counted from the
# courses themselves, PostgreSQL's English stop words left out so both
# backends search the same words), each matching thousands of courses. The
# report lists every query with its number of matches.
#
# The data set is seeded once and reused: a SQLite file under build/bench/ by
# default, or the PostgreSQL database given with --database (seeded if empty).
#
# Usage: bench/scale-catalog.sh [--database URL] [--duration 10s] [--connections 64] [--threads 1]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10s connections=64 threads=1  # one wrk thread: on 2 cores a second one competes with the server under test
database=sqlite:build/bench/scale.db
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
binary=${DELTALABS_BINARY:-build/deltalabs}
[ -x "$binary" ] || { echo "build first: scripts/build" >&2; exit 1; }
source bench/lib.sh
mkdir -p build/bench

# Seed once; a database that already holds the data set is reused as it is.
if ! "$binary" --database "$database" seed --scale 2>"$bench_work/seed.err"; then
  grep -q "already holds a scale data set" "$bench_work/seed.err" || { cat "$bench_work/seed.err" >&2; exit 1; }
  echo "reusing the scale data set in $database"
fi
# Apply any migration newer than the data set before two servers start at once.
"$binary" --database "$database" migrate >/dev/null

nginx_port=$(free_port)
start_nginx "$nginx_port"
# Starts a server on a free port with extra options; sets app_port and app_pid.
start_app() {
  app_port=$(free_port)
  "$binary" serve --database "$database" --listen "127.0.0.1:$app_port" --auth-rate-limit 0 "$@" \
    >"$bench_work/app-$app_port.log" 2>&1 &
  app_pid=$!
  bench_pids+=("$app_pid")
  wait_for "http://127.0.0.1:$app_port/health"
}
start_app
cached_port=$app_port cached_pid=$app_pid
start_app --shared-cache-ms 0
uncached_port=$app_port uncached_pid=$app_pid
cached="http://127.0.0.1:$cached_port"
uncached="http://127.0.0.1:$uncached_port"

# Course ids, the query sets, each query's matches, and the first (cold)
# request of each broad query on the uncached server.
/usr/bin/python3 - "$uncached" "$bench_work" <<'PY'
import collections, json, re, sys, time, urllib.parse, urllib.request
base, work = sys.argv[1], sys.argv[2]
def get(path):
    return json.load(urllib.request.urlopen(base + path))
def walk(path, pages=None):
    items, cursor, n = [], None, 0
    while pages is None or n < pages:
        page = get(path + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))
        items += page["items"]
        cursor, n = page.get("next_cursor"), n + 1
        if not cursor:
            break
    return items
courses = walk("/v1/courses?limit=100")
ids = [c["id"] for c in courses[:1000]]
open(f"{work}/course-paths.txt", "w").write("".join(f"/v1/courses/{i}\n" for i in ids))
selective = ["python testing", "data visualization", "machine learning", "rust performance",
             "guitar practice", "marketing strategy", "linux automation", "design patterns",
             "spanish conversation", "cloud architecture", "sql modeling", "physics theory",
             "react projects", "security engineering", "finance fundamentals", "yoga techniques"]
# PostgreSQL's English stop words (tsearch_data/english.stop): both backends then search every word.
stop = set("""i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom this that these
those am is are was were be been being have has had having do does did doing a an the and but if or
because as until while of at by for with about against between into through during before after above
below to from up down in out on off over under again further then once here there when where why how all
any both each few more most other some such no nor not only own same so than too very s t can will just
don should now""".split())
frequency = collections.Counter()
for c in courses:
    words = set(re.findall(r"[a-z0-9]+", " ".join((c["title"], c["subtitle"], c["description"])).lower()))
    frequency.update(w for w in words if w not in stop)
top = [w for w, _ in sorted(frequency.items(), key=lambda kv: (-kv[1], kv[0]))[:24]]  # ties by word
# The 16 most frequent words each paired with the next, then with the one eight further down.
broad = [f"{top[i]} {top[i + 1]}" for i in range(0, 16, 2)] + [f"{top[i]} {top[i + 8]}" for i in range(8)]
for name, queries in (("selective", selective), ("broad", broad)):
    open(f"{work}/{name}-paths.txt", "w").write(
        "".join(f"/v1/courses?q={urllib.parse.quote(q)}\n" for q in queries))
cold = []
for q in broad:
    start = time.perf_counter()
    get("/v1/courses?q=" + urllib.parse.quote(q))
    cold.append((time.perf_counter() - start) * 1000)
counts = {q: len(walk("/v1/courses?limit=100&q=" + urllib.parse.quote(q)))
          for q in selective + broad}
with open(f"{work}/queries.md", "w") as out:
    out.write("Selective queries (matches): " + ", ".join(f"{q} ({counts[q]})" for q in selective) + ".\n\n")
    out.write("Broad queries (matches): " + ", ".join(f"{q} ({counts[q]})" for q in broad) + ".\n\n")
    out.write(f"First request of each broad query on the uncached server, the first search after it "
              f"started (it builds the catalog's index and the query's word lists): "
              f"{max(cold):.1f} ms at most, {sorted(cold)[len(cold) // 2]:.1f} ms median.\n")
print(f"{len(ids)} course ids; broad query matches {min(counts[q] for q in broad)}-"
      f"{max(counts[q] for q in broad)}")
PY

# Resident memory of both servers, sampled twice a second while the loads run.
( while kill -0 "$uncached_pid" 2>/dev/null; do
    ps -o rss= -p "$cached_pid" -p "$uncached_pid" | paste -sd' ' || true; sleep 0.5
  done ) >"$bench_work/rss.txt" 2>/dev/null &
bench_pids+=($!)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows="$bench_work/rows.tsv"
# Runs one target against both servers, cached first: "name<TAB>cached...<TAB>uncached...".
both() {
  local name=$1 path=$2 paths=${3:-} script=""
  [ -n "$paths" ] && script=bench/lua/rotate-paths.lua
  local a b
  a=$(BENCH_PATHS=$paths run_wrk "$name" "$cached$path" "" "$script")
  b=$(BENCH_PATHS=$paths run_wrk "$name" "$uncached$path" "" "$script")
  printf '%s\t%s\n' "$a" "$(cut -f2- <<<"$b")"
}
nginx_row() { local r; r=$(run_wrk "$1" "http://127.0.0.1:$nginx_port/health.json"); printf '%s\t%s\n' "$r" "$(cut -f2- <<<"$r")"; }
nginx_row "nginx static /health.json" >>"$rows"
both "GET /v1/courses/:id (1,000 ids)" "" "$bench_work/course-paths.txt" >>"$rows"
both "GET /v1/courses?limit=20" "/v1/courses?limit=20" >>"$rows"
both "GET /v1/courses?q=<two words>, 16 selective" "" "$bench_work/selective-paths.txt" >>"$rows"
both "GET /v1/courses?q=<two words>, 16 broad" "" "$bench_work/broad-paths.txt" >>"$rows"
nginx_row "nginx static /health.json (after)" >>"$rows"
# What wrk itself can send when a Lua script picks every path: the ceiling of
# the rotated rows above (not part of the nginx baseline).
ceiling=$(BENCH_PATHS="$bench_work/course-paths.txt" run_wrk "ceiling: nginx static through rotate-paths.lua" \
  "http://127.0.0.1:$nginx_port" "" bench/lua/rotate-paths.lua)
printf '%s\t%s\n' "$ceiling" "$(cut -f2- <<<"$ceiling")" >>"$rows"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

rss_max_mib=$(awk '{for (i = 1; i <= NF; i++) if ($i > m) m = $i} END {print int(m / 1024)}' "$bench_work/rss.txt")
out="bench/results/scale-catalog-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results
report_side_by_side "$rows" "$out" "cached: default --shared-cache-ms" "uncached: --shared-cache-ms 0" \
  "deltalabs: ${database%%:*} scale data set (100k users, 10k courses, 1M enrollments), default threads, \
access log on (to a file), --auth-rate-limit 0; two servers on the same database, one with the shared \
listing cache (decision 0010) and one without. Resident memory: at most ${rss_max_mib} MiB per server during \
the loads (bar: < 300 MB). Load average before: ${load_before}; after: ${load_after}. Bars (uncached, issue 8): \
/v1/courses/:id >= 0.5x; ?limit=20 >= 0.3x; ?q= p99 < 20 ms for any two-word query.

$(cat "$bench_work/queries.md")"
echo "written to $out"
