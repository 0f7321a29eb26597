"""The failover drill as a test: a cluster with a synchronous standby loses nothing acknowledged.

`scripts/cluster up --sync` (a PostgreSQL primary, a streaming replica as
its synchronous standby with synchronous_commit = remote_apply, three
instances, haproxy) under a steady load of enrollments through haproxy;
`scripts/cluster failover` SIGKILLs the primary and promotes the replica.
The instances are not restarted: writes succeed again through the same
haproxy, and every enrollment that was answered 201 is there afterwards.
Runs only on the cluster backend (DELTALABS_TEST_BACKEND=cluster, the
"API tests on a 3-instance cluster" stage of scripts/test). The seconds
without a successful write (RTO) are printed, not asserted: speed is
bench/cluster-failover.sh's, recorded in docs/benchmarks.md.

Why: issue 21 §5: failover without a restart, and with the synchronous
standby RPO = 0 (nothing acknowledged may be lost).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from cluster_failover_support import CLUSTER_SCRIPT, cluster_env, prepare, run_drill
from conftest import BINARY, CLUSTER

pytestmark = pytest.mark.skipif(not CLUSTER, reason="the drill runs on the cluster backend only")


@pytest.fixture
def sync_cluster():
    """A cluster of its own with a synchronous standby, removed afterwards; yields its directory."""
    # Under /tmp, not pytest's tmp_path: PostgreSQL runs as the postgres user, which
    # cannot enter the 0700 directories pytest makes for root.
    cluster_dir = Path(tempfile.mkdtemp(prefix="deltalabs-cluster-"))
    env = {**os.environ, "CLUSTER_DIR": str(cluster_dir), "DELTALABS_BINARY": str(BINARY)}
    up = subprocess.run([str(CLUSTER_SCRIPT), "up", "--sync", "--", "--auth-rate-limit", "0",
                         "--sign-in-rate-limit", "0"], capture_output=True, text=True, timeout=300, env=env)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        yield cluster_dir
    finally:
        subprocess.run([str(CLUSTER_SCRIPT), "down"], capture_output=True, timeout=120, env=env)


def test_killing_the_primary_under_load_loses_no_acknowledged_enrollment_with_a_synchronous_standby(
        sync_cluster, cli):
    env = cluster_env(sync_cluster)
    pairs = prepare(env["url"], env["database_url"], cli)
    result = run_drill(sync_cluster, env["url"], pairs)
    print(result.summary())
    assert result.recovered, "no write succeeded after the failover: " + result.summary()
    assert len(result.acknowledged) > 0 and result.failed > 0, result.summary()  # the load did cross the outage
    assert result.missing == [], result.summary()
    # The outage answers 503 (an instance's DATABASE_UNAVAILABLE, or haproxy's own while
    # every instance is out): never a 500, never a hang.
    assert set(result.failures) == {"503"}, result.summary()
    # The instances were not restarted, and the promoted replica is the primary now.
    status = subprocess.run([str(CLUSTER_SCRIPT), "status"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "CLUSTER_DIR": str(sync_cluster)}).stdout
    assert "primary 127.0.0.1" in status and "replica 127.0.0.1" in status and " up, primary" in status, status
    assert status.count("/health/db 200") == 3, status
