"""Helpers of the tests of state shared between instances (test_cluster_shared_*.py; no tests here).

Why a module of its own: every one of those tests starts several
`deltalabs serve` instances on one PostgreSQL database, with one JWT signing
key between them (as a cluster is configured, so a token one instance issued
is good on every other), and skips on SQLite, where one process serves a file.
"""

from __future__ import annotations

import time

import pytest

from conftest import BACKEND, Server
from identity_support import JWT_KID, JWT_SECRET

ON_POSTGRESQL_ONLY = pytest.mark.skipif(
    BACKEND != "postgresql",
    reason="several instances share state only on PostgreSQL; on SQLite one process serves the file "
           "(its in-process counters, cache and jobs are the whole truth)")


def instances(server_factory, databases, count: int, extra_args=()) -> list[Server]:
    """`count` servers on one new database, with the same signing key and flags."""
    url = databases.create()
    args = ["--jwt-keys", f"{JWT_KID}:{JWT_SECRET}", *extra_args]
    return [server_factory(extra_args=args, database=url) for _ in range(count)]


def wait_until(condition, timeout: float, what: str):
    """Polls `condition()` until it returns something true; fails the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout}s: {what}", pytrace=False)
        time.sleep(0.05)
