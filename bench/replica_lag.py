"""The Python half of bench/replica-lag.sh: a fixed-rate checkout load, and
the summary of the replication lag samples taken during a load.

  replica_lag.py pace DIR URL RATE SECONDS
      Checkouts at RATE per second for SECONDS through URL, with the learners
      and resource of bench/checkout_fixture.py in DIR: each checkout puts the
      resource in a learner's cart and posts POST /v1/orders with a fresh
      Idempotency-Key (what bench/lua/checkout.lua does, paced). A checkout is
      due at start + k / RATE; one thread per learner takes the next due one.
      Prints "due ok failed late": late = started more than 100 ms after due
      (the client or the server could not keep the rate).

  replica_lag.py summary NAME PRIMARY_TSV REPLICA_TSV T0 T1 ORDERS MAX_LAG_S
      One markdown row of the samples taken between T0 and T1 (epoch seconds).
      PRIMARY_TSV rows (psql \\watch on the primary, pg_stat_replication):
      epoch, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), write_lag,
      flush_lag, replay_lag (ms; empty when NULL). REPLICA_TSV rows (on the
      replica): epoch, the lag the instances measure (storage/replica_sql.h).
"""

import http.client
import itertools
import sys
import threading
import time
import urllib.parse


def pace(directory, url, rate, seconds):
    tokens = [t for t in open(f"{directory}/tokens.txt").read().split() if t]
    resource = open(f"{directory}/resource.txt").read().strip()
    address = urllib.parse.urlsplit(url)
    start = time.monotonic() + 0.2
    due = int(rate * seconds)
    counter = itertools.count()
    lock = threading.Lock()
    counts = {"ok": 0, "failed": 0, "late": 0}
    run = int(time.time())

    def learner(index):
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        headers = {"Authorization": "Bearer " + tokens[index], "Content-Type": "application/json"}
        while True:
            with lock:
                k = next(counter)
            if k >= due:
                return
            wait = start + k / rate - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            late = wait < -0.1
            ok = True
            for path, body, extra in (
                ("/v1/cart/items", '{"item_type":"resource","item_id":"' + resource + '"}', {}),
                ("/v1/orders", "{}", {"Idempotency-Key": f"pace-{run}-{index}-{k}"}),
            ):
                try:
                    conn.request("POST", path, body, {**headers, **extra})
                    response = conn.getresponse()
                    response.read()
                    ok = ok and response.status < 300
                except (OSError, http.client.HTTPException):
                    conn.close()
                    ok = False
            with lock:
                counts["ok" if ok else "failed"] += 1
                counts["late"] += late

    threads = [threading.Thread(target=learner, args=(i,)) for i in range(len(tokens))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{due} {counts['ok']} {counts['failed']} {counts['late']}")


def rows(path, t0, t1):
    """The rows of a psql \\watch file whose first field lies in [t0, t1]."""
    out = []
    for line in open(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) > 1 and t0 <= float(fields[0]) <= t1:
            out.append([float(f) if f else None for f in fields])
    return out


def stats(values):
    """'p50 / p99 / max' of the values, or '-' when there are none."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return "-"
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    return f"{pick(0.5):,.0f} / {pick(0.99):,.0f} / {values[-1]:,.0f}"


def summary(name, primary_tsv, replica_tsv, t0, t1, orders, max_lag_s):
    t0, t1, limit = float(t0), float(t1), float(max_lag_s) * 1000
    primary = rows(primary_tsv, t0, t1)
    replica = rows(replica_tsv, t0, t1)
    replay = [r[4] for r in primary]
    nulls = sum(v is None for v in replay)
    over = sum(1 for v in replay if v is not None and v > limit) + sum(1 for r in replica if r[1] > limit)
    print(f"| {name} | {int(orders) / (t1 - t0):.0f} | {len(primary)} | {stats(r[1] for r in primary)} | "
          f"{stats(replay)} | {nulls} | {stats(r[2] for r in primary)} | {stats(r[3] for r in primary)} | "
          f"{len(replica)} | {stats(r[1] for r in replica)} | {'yes, ' + str(over) if over else 'no'} |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "pace":
        pace(args[0], args[1], float(args[2]), float(args[3]))
    elif command == "summary":
        summary(*args)
    else:
        raise SystemExit(__doc__)
