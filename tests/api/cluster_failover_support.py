"""The failover drill (issue 21 §5), shared by test_cluster_failover.py and bench/cluster-failover.sh.

Under a steady load of enrollments through haproxy, `scripts/cluster
failover` SIGKILLs the primary and promotes the replica; the instances are
not restarted. Measured: RTO, the longest time without a successful write
(from the last enrollment acknowledged before the kill to the first one
after), and RPO, the acknowledged enrollments (201) that cannot be read
afterwards. Run as a script on a cluster that is up, it prints the figures:

    python3 tests/api/cluster_failover_support.py CLUSTER_DIR
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import requests

from catalog_support import make_cast, published_course, register_student
from client import Client

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_SCRIPT = ROOT / "scripts" / "cluster"
COURSES = 20
LEARNERS = 40  # 800 enrollments: 16 s of load at the pace below
PACE_S = 0.02  # at most 50 writes/s: a steady load that leaves the 2 cores room for the failover
LOAD_BEFORE_S = 3.0  # steady load before the kill
LOAD_AFTER_S = 3.0  # steady load once writes succeed again
GIVE_UP_S = 120.0  # no successful write this long after the kill: the drill failed
WRITE_TIMEOUT_S = 10.0


@dataclass
class DrillResult:
    """What one drill measured."""
    acknowledged: list[tuple[str, str]] = field(default_factory=list)  # (learner token, enrollment id)
    failed: int = 0  # writes answered otherwise than 201 (or not at all)
    failures: dict[str, int] = field(default_factory=dict)  # how they failed: status code, or "no answer"
    rto_s: float = 0.0
    missing: list[str] = field(default_factory=list)  # acknowledged enrollment ids not readable afterwards
    recovered: bool = False

    def summary(self) -> str:
        how = ", ".join(f"{k} x{v}" for k, v in sorted(self.failures.items()))
        return (f"writes acknowledged {len(self.acknowledged)}, failed {self.failed} ({how}); "
                f"RTO {self.rto_s:.2f} s without a successful write; "
                f"RPO {len(self.missing)} acknowledged writes missing")


def cluster_env(cluster_dir: Path) -> dict[str, str]:
    """`scripts/cluster env` as a dict: url, database_url, ..."""
    out = subprocess.run([str(CLUSTER_SCRIPT), "env"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "CLUSTER_DIR": str(cluster_dir)}, check=True).stdout
    pairs = (line.split(" ", 1)[0].split("=", 1) for line in out.splitlines() if "=" in line)
    return {k: v.strip("'") for k, v in pairs}


def prepare(url: str, database_url: str, cli) -> list[tuple[str, str]]:
    """Courses and learners through the API: every (learner token, course id) pair the load will enroll."""
    cluster = SimpleNamespace(client=lambda: Client(url), database_url=database_url)
    cast = make_cast(cluster, cli)
    courses = [published_course(cast.teacher, cast)["id"] for _ in range(COURSES)]
    tokens = [register_student(cluster).token for _ in range(LEARNERS)]
    return [(t, c) for c in courses for t in tokens]


def _load(url: str, pairs: list, result: DrillResult, successes: list[float], stop: threading.Event) -> None:
    """Enrolls pair after pair (each once, never retried) until told to stop or out of pairs."""
    session = requests.Session()
    for token, course in pairs:
        if stop.is_set():
            return
        started = time.monotonic()
        try:
            resp = session.post(url + "/v1/enrollments", json={"course_id": course}, timeout=WRITE_TIMEOUT_S,
                                headers={"Authorization": f"Bearer {token}"})
        except requests.RequestException:
            resp = None
        if resp is not None and resp.status_code == 201:
            result.acknowledged.append((token, resp.json()["id"]))
            successes.append(time.monotonic())
        else:
            result.failed += 1
            how = "no answer" if resp is None else str(resp.status_code)
            result.failures[how] = result.failures.get(how, 0) + 1
        time.sleep(max(0.0, PACE_S - (time.monotonic() - started)))


def run_drill(cluster_dir: Path, url: str, pairs: list) -> DrillResult:
    """Steady enrollments, `scripts/cluster failover` meanwhile, then every acknowledged one read back."""
    result, successes, stop = DrillResult(), [], threading.Event()
    loader = threading.Thread(target=_load, args=(url, pairs, result, successes, stop))
    loader.start()
    time.sleep(LOAD_BEFORE_S)
    subprocess.run([str(CLUSTER_SCRIPT), "failover"], check=True, timeout=120,
                   env={**os.environ, "CLUSTER_DIR": str(cluster_dir)})
    promoted_at = time.monotonic()
    while time.monotonic() - promoted_at < GIVE_UP_S and loader.is_alive():
        after = [t for t in successes if t > promoted_at]
        if after and time.monotonic() - after[0] >= LOAD_AFTER_S:
            break
        time.sleep(0.1)
    stop.set()
    loader.join()
    result.recovered = any(t > promoted_at for t in successes)
    # The kill happens inside `scripts/cluster failover`: the longest gap between
    # two acknowledged writes is the outage, whenever exactly it began.
    result.rto_s = max((b - a for a, b in zip(successes, successes[1:])), default=0.0)
    session = requests.Session()
    for token, enrollment in result.acknowledged:
        resp = session.get(f"{url}/v1/enrollments/{enrollment}", headers={"Authorization": f"Bearer {token}"},
                           timeout=WRITE_TIMEOUT_S)
        if resp.status_code != 200:
            result.missing.append(enrollment)
    return result


def main(cluster_dir: str) -> int:
    env = cluster_env(Path(cluster_dir))
    binary = os.environ.get("DELTALABS_BINARY", str(ROOT / os.environ.get("BUILD_DIR", "build") / "deltalabs"))

    def cli(*args, database=None, timeout=60):
        return subprocess.run([binary, "--database", database, *map(str, args)], capture_output=True, text=True,
                              timeout=timeout)

    pairs = prepare(env["url"], env["database_url"], cli)
    result = run_drill(Path(cluster_dir), env["url"], pairs)
    print(("" if result.recovered else "NOT RECOVERED: ") + result.summary())
    return 0 if result.recovered else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
