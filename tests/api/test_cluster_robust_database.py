"""PostgreSQL going away under a running instance: restarts, outages, a frozen server.

A fast restart of PostgreSQL closes every pooled connection; the next
requests succeed without restarting deltalabs, because a connection the
server closed is found dead before it is lent and replaced. While the server
is down, requests answer 503 problem+json DATABASE_UNAVAILABLE with
Retry-After at once, and succeed again once it is back. A server that stops
answering (frozen) costs a request at most the statement deadline
(`--db-timeout-ms`) or the connect timeout, never a hang; the connection it
hung on is dropped. A libpq URL naming several hosts with
`target_session_attrs=read-write` (how the failover drill points at a primary
and its replica) is accepted and finds the writable one; with such a URL, a
primary killed and its streaming replica promoted, the same process answers
503 while no server takes writes and serves reads and writes once the
replica is promoted, without a restart.

These tests run their own throwaway PostgreSQL 15 (they stop and freeze it),
so they run in the PostgreSQL pass only, and skip without Debian's server.

Why: issue 21, "Bad input and faults": the primary down answers 503
DATABASE_UNAVAILABLE with Retry-After, never a hang past the request deadline;
pooled connections broken by a failover are detected and replaced, never
handed to a request twice.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from client import assert_problem
from conftest import BACKEND, free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")

pytestmark = [
    pytest.mark.skipif(BACKEND != "postgresql", reason="PostgreSQL faults: the PostgreSQL pass only"),
    pytest.mark.skipif(not (PG_BIN / "pg_ctl").exists(), reason="needs Debian's postgresql-15"),
]

# Flags of the servers here: no listing cache (a cached page would hide the
# outage) and a short statement deadline for the frozen-server test.
FLAGS = ["--shared-cache-ms", "0", "--db-timeout-ms", "1500"]


class ThrowawayPostgres:
    """A PostgreSQL 15 cluster of its own on a free loopback port (as user postgres when run as root)."""

    def __init__(self, standby_of: "ThrowawayPostgres | None" = None):
        self.dir = Path(tempfile.mkdtemp(prefix="deltalabs-robust-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        if standby_of is None:
            self._as_owner([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"])
        else:  # a streaming replica of `standby_of`, as it is now
            self._as_owner([str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(standby_of.port),
                            "-U", "postgres", "-D", str(self.data), "-R", "-X", "stream", "--checkpoint=fast"])
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _as_owner(self, args: list[str]) -> None:
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=100"
        self._as_owner([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"),
                        "-o", options, "-w", "-t", "60", *args])

    def start(self) -> None:
        self._ctl("start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    def restart(self) -> None:
        self._ctl("-m", "fast", "restart")

    def promote(self) -> None:
        self._as_owner([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "promote"])

    def processes(self) -> list[int]:
        """The postmaster and every process it started."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout
        return [postmaster, *(int(p) for p in children.split())]

    def create_database(self) -> str:
        name = f"t_{os.urandom(6).hex()}"
        done = subprocess.run(["psql", "-X", "-q", "-d", self.url(), "-c", f"CREATE DATABASE {name}"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return self.url(name)

    def remove(self) -> None:
        try:
            self._ctl("-m", "immediate", "stop")
        except AssertionError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def pg():
    cluster = ThrowawayPostgres()
    yield cluster
    cluster.remove()


def statuses(c, path: str, count: int, workers: int = 8) -> list[int]:
    """The statuses of `count` GETs of `path` sent `workers` at a time (so the pool holds several connections)."""
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda _: c.get(path).status_code, range(count)))


def test_requests_succeed_after_postgresql_restarts_without_restarting_deltalabs(server_factory, pg):
    srv = server_factory(extra_args=FLAGS, database=pg.create_database())
    c = srv.client()
    assert statuses(c, "/v1/courses", 24) == [200] * 24  # several pooled connections, now idle
    pg.restart()  # the server closes every one of them
    assert statuses(c, "/v1/courses", 24) == [200] * 24, srv.log_tail()
    assert c.get("/health/db").status_code == 200
    assert srv.alive()


def test_the_primary_down_answers_503_database_unavailable_with_retry_after_then_recovers(server_factory, pg):
    srv = server_factory(extra_args=FLAGS, database=pg.create_database())
    c = srv.client()
    assert statuses(c, "/v1/courses", 8) == [200] * 8
    pg.stop()
    try:
        for path in ("/v1/courses", "/v1/courses?limit=3", "/health/db"):
            started = time.monotonic()
            resp = c.get(path)
            assert time.monotonic() - started < 5, "a refused connection must not wait for a deadline"
            assert_problem(resp, 503, "DATABASE_UNAVAILABLE")
            assert int(resp.headers["Retry-After"]) >= 1
        assert c.get("/health").status_code == 200  # the process itself is alive
    finally:
        pg.start()
    assert statuses(c, "/v1/courses", 8) == [200] * 8


def test_a_frozen_server_costs_a_request_the_deadline_not_a_hang(server_factory, pg):
    srv = server_factory(extra_args=FLAGS, database=pg.create_database())
    c = srv.client()
    assert c.get("/v1/courses").status_code == 200  # one pooled connection, idle
    frozen = pg.processes()
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        resp = c.get("/v1/courses", timeout=30)
        waited = time.monotonic() - started
        assert_problem(resp, 503, "DATABASE_UNAVAILABLE")
        assert "Retry-After" in resp.headers
        # The statement deadline (1.5 s) on the pooled connection, or libpq's
        # connect timeout (5 s) on a new one: either way far from a hang.
        assert waited < 9, waited
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    # The connection that hung is not lent again: the next requests get fresh ones.
    assert statuses(c, "/v1/courses", 8) == [200] * 8


def test_a_multi_host_url_with_target_session_attrs_read_write_is_accepted(server_factory, pg):
    url = pg.create_database()
    name = url.rsplit("/", 1)[1]
    nobody = free_port()  # the first host answers nothing: libpq moves on to the next
    multi = (f"postgresql://postgres@127.0.0.1:{nobody},127.0.0.1:{pg.port}/{name}"
             "?target_session_attrs=read-write&connect_timeout=2")
    srv = server_factory(extra_args=FLAGS, database=multi)
    c = srv.client()
    assert statuses(c, "/v1/courses", 8) == [200] * 8
    assert c.get("/health/db").json()["database"] == "postgresql"


def test_a_failover_to_the_promoted_replica_is_survived_without_a_restart(server_factory):
    primary = ThrowawayPostgres()
    replica = None
    try:
        url = primary.create_database()
        name = url.rsplit("/", 1)[1]
        replica = ThrowawayPostgres(standby_of=primary)
        both = (f"postgresql://postgres@127.0.0.1:{primary.port},127.0.0.1:{replica.port}/{name}"
                "?target_session_attrs=read-write")
        srv = server_factory(extra_args=FLAGS, database=both)
        c = srv.client()
        assert statuses(c, "/v1/courses", 8) == [200] * 8
        # The primary's machine is gone: the postmaster and every backend at
        # once (a killed postmaster's backends live on for a moment and would
        # still answer on connections the pool holds).
        for pid in primary.processes():
            os.kill(pid, signal.SIGKILL)
        # No writable server now: 503 at once (the replica refuses read-write sessions).
        for _ in range(3):
            started = time.monotonic()
            assert_problem(c.get("/v1/courses"), 503, "DATABASE_UNAVAILABLE")
            assert time.monotonic() - started < 5
        replica.promote()
        # The same process, its pool refilled on the promoted replica: reads and writes work.
        assert statuses(c, "/v1/courses", 8) == [200] * 8
        registered = c.post("/v1/auth/register", json={"email": f"fo-{os.urandom(4).hex()}@example.test",
                                                       "password": "after the failover", "first_name": "Fail",
                                                       "last_name": "Over"})
        assert registered.status_code == 201, registered.text
    finally:
        if replica is not None:
            replica.remove()
        primary.remove()
