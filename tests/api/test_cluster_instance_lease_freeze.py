"""The instance-lease keeper on a frozen PostgreSQL backend: a bounded wait, never a hang.

Covers: an instance's lease (decision 0025) is an advisory lock held by a
session of its own, which a keeper thread pings every 5 s. The test freezes
that one backend with SIGSTOP (the rest of the server keeps answering):
the keeper's ping gets no answer within its 5 s deadline, so the keeper
drops the connection and says "instance lease lost" while the instance
keeps serving requests; once the backend runs again it finds the closed
socket and ends, which frees the lock, and the keeper takes the same lock
again on a new session. SIGTERM while the keeper's ping hangs still ends the
process within the deadline, with exit code 0.

Why: issue 21 (many instances on PostgreSQL; a frozen server costs at most a
deadline, never a hang). Before the deadline, the keeper waited in poll()
for as long as the backend was frozen, and the shutdown, which joins the
keeper, waited with it; and a keeper that logged after `serve` had shut the
logger down crashed the process (exit -11), so the logger now outlives the
application.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from cluster_shared_support import ON_POSTGRESQL_ONLY, wait_until

pytestmark = ON_POSTGRESQL_ONLY

CHECK_EVERY_S = 5  # PostgresInstanceLease::kCheckEvery
ANSWER_WITHIN_S = 5  # kAnswerWithinMs: how long the keeper waits for one answer
LOST = '"msg":"instance lease lost"'
RETAKEN = '"msg":"instance lease retaken"'


def keeper_backend(databases, url: str) -> tuple[int, str]:
    """The pid of the one session holding a one-key advisory lock on the database at `url`
    (the instance's lease; notifications take two-key locks), and the lock's key."""
    name = url.rsplit("/", 1)[1].split("?")[0]
    rows = databases.execute(url, "SELECT l.pid, l.classid, l.objid "
                                  "FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                                  "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                                  f"AND d.datname = '{name}'")
    assert len(rows) == 1, rows
    pid, high, low = (int(v) for v in rows[0])
    return pid, str((high << 32) + low)


def lock_holders(databases, url: str, key: str) -> list[int]:
    # pg_locks splits a one-key lock's bigint into its halves (classid, objid).
    high, low = (int(key) >> 32) & 0xFFFFFFFF, int(key) & 0xFFFFFFFF
    rows = databases.execute(url, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                                  f"AND objsubid = 1 AND classid = {high} AND objid = {low}")
    return [int(r[0]) for r in rows]


def unread_bytes(pid: int) -> int:
    """Bytes waiting, unread, in the TCP sockets of process `pid` (what a frozen backend was sent)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    waiting = 0
    for table in ("tcp", "tcp6"):
        with open(f"/proc/{pid}/net/{table}") as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if fields[9] in inodes:
                    waiting += int(fields[4].split(":")[1], 16)
    return waiting


def freeze(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGSTOP)
    except PermissionError:
        pytest.skip("cannot signal the PostgreSQL backend (run as root or as the server's owner)")


@pytest.fixture
def instance(server_factory, databases):
    srv = server_factory(database=databases.create())
    pid, key = keeper_backend(databases, srv.database_url)
    yield srv, pid, key
    try:
        os.kill(pid, signal.SIGCONT)  # whatever the test did, the backend must be able to end
    except ProcessLookupError:
        pass  # it ran again and ended already


def test_a_frozen_lease_backend_loses_the_lease_within_the_deadline_and_it_is_retaken_once_it_runs_again(
        instance, databases):
    srv, pid, key = instance
    freeze(pid)
    wait_until(lambda: LOST in srv.log_text(), CHECK_EVERY_S + ANSWER_WITHIN_S + 5,
               "the keeper gave up on its frozen session")
    assert srv.alive()
    assert srv.client().get("/health/db").status_code == 200  # the pool's sessions still answer
    assert lock_holders(databases, srv.database_url, key) == [pid]  # frozen, it still holds the lock
    os.kill(pid, signal.SIGCONT)
    # The backend finds its client gone and ends; the keeper's next check takes the lock again.
    holders = wait_until(lambda: [p for p in lock_holders(databases, srv.database_url, key) if p != pid],
                         CHECK_EVERY_S + 5, "the keeper took its lock again on a new session")
    assert len(holders) == 1
    assert RETAKEN in srv.log_text()
    assert srv.stop() == 0


def test_sigterm_while_the_keeper_waits_on_a_frozen_backend_exits_0_within_the_deadline(instance):
    srv, pid, _ = instance
    freeze(pid)
    wait_until(lambda: unread_bytes(pid) > 0, CHECK_EVERY_S + 5, "the keeper sent its frozen session a ping")
    started = time.monotonic()
    srv.proc.terminate()
    try:
        code = srv.proc.wait(ANSWER_WITHIN_S + 5)
    except subprocess.TimeoutExpired:
        pytest.fail("the process did not exit while its lease keeper waited on a frozen backend")
    assert code == 0, srv.log_tail()
    assert time.monotonic() - started < ANSWER_WITHIN_S + 5
