"""Read replica with read-your-writes (issue 21 §4, decision 0029 "Read routing").

Covers, with a PostgreSQL primary and a streaming replica the test makes
(initdb, pg_basebackup -R) and instances started with --database-replica:
(a) a write through instance A read at once through instance B, the client
carrying the `dl_wlsn` cookie A set, always sees the write (50 times), while
the replica, delayed on purpose, serves a client without the cookie the old
value; (b) the stale-ok reads of a caught-up replica go to it
(db_reads_total{target="replica"} rises); (c) with the replica stopped, also
under reads in flight, every read still answers 200, from the primary; (d) with the replica's replay
paused and --replica-max-lag 1, reads go to the primary once the lag passes
and see the fresh data.

Why: the replica takes the public catalog's reads off the primary, and a
client must never miss its own write because its next request landed on
another instance before the replica replayed it (GitLab's load balancer
rule: compare the client's last write LSN with the replica's replay LSN).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from catalog_support import make_cast, published_course, unique
from client import Client
from cluster_shared_support import instances, wait_until
from conftest import BACKEND, CLUSTER, free_port

pytestmark = [
    pytest.mark.skipif(BACKEND != "postgresql",
                       reason="read replicas are PostgreSQL streaming replicas; a SQLite file has none"),
    pytest.mark.skipif(CLUSTER, reason="starts its own instances on a primary and replica of its own and reads "
                                       "each one's /metrics; a cluster backend server is three behind haproxy"),
]

PG_BIN = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]) if Path("/usr/lib/postgresql").exists() else None
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
READS = re.compile(r'^db_reads_total\{target="(replica|primary)"\} (\S+)$', re.M)


def pg(tool: str, *args: str) -> str:
    done = subprocess.run([*AS_POSTGRES, str(PG_BIN / tool), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{tool} {' '.join(args)}:\n{done.stdout}{done.stderr}"
    return done.stdout


def sql(port: int, statement: str, database: str = "postgres") -> str:
    return pg("psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
              "-d", database, "-c", statement).strip()


class PgServer:
    """One PostgreSQL server of ours on a free loopback port."""

    def __init__(self, data: Path):
        self.data, self.port = data, free_port()

    def start(self, *settings: str) -> "PgServer":
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data.parent} -c max_connections=200 "
        pg("pg_ctl", "-D", str(self.data), "-l", f"{self.data}.log", "-w", "-t", "60",
           "-o", opts + " ".join(settings), "start")
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture(scope="module")
def primary():
    if PG_BIN is None or not (PG_BIN / "pg_basebackup").exists():
        pytest.skip("no PostgreSQL server binaries in /usr/lib/postgresql")
    root = Path(tempfile.mkdtemp(prefix="dl-replica-test-"))
    if AS_POSTGRES:
        shutil.chown(root, "postgres")
    pg("initdb", "-D", str(root / "primary"), "-U", "postgres", "-A", "trust", "-E", "UTF8")
    server = PgServer(root / "primary").start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def replica(primary):
    """A streaming replica of `primary`, made fresh for the test; replica.start(*settings) starts it."""
    data = primary.data.parent / unique("replica")
    pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D", str(data),
       "-R", "-X", "stream", "-c", "fast")
    server = PgServer(data)
    yield server
    server.stop()
    shutil.rmtree(data, ignore_errors=True)


def replicated_database(primary: PgServer, replica: PgServer) -> str:
    name = unique("dl").replace("-", "_")
    sql(primary.port, f"CREATE DATABASE {name}")
    wait_until(lambda: sql(replica.port, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1", 10,
               "the new database on the replica")
    return name


def two_instances(server_factory, primary, replica, *extra):
    """Instances A and B on the primary, reading the replica, with the shared listing cache off
    (so that every read below reaches a database)."""
    name = replicated_database(primary, replica)
    args = ["--database-replica", replica.url(name), "--shared-cache-ms", "0", *extra]

    class OneDatabase:  # what instances() asks of the `databases` fixture
        @staticmethod
        def create():
            return primary.url(name)

    return instances(server_factory, OneDatabase, 2, args)


def course_through_a(server_factory, primary, replica, cli, *extra):
    """Instances A and B, the catalog's cast, a course the teacher published through A, and an
    anonymous client on B that sees it (through the replica once it replayed it)."""
    a, b = two_instances(server_factory, primary, replica, *extra)
    cast = make_cast(a, cli)
    course = published_course(cast.teacher, cast)
    anonymous = Client(b.base_url)
    wait_until(lambda: anonymous.get(f"/v1/courses/{course['id']}").status_code == 200, 10,
               "the course through B")
    return a, b, cast, course, anonymous


def reads(srv) -> dict[str, float]:
    text = Client(srv.base_url).get("/metrics").text
    return {target: float(value) for target, value in READS.findall(text)}


def title_seen(c: Client, course_id: str) -> str:
    resp = c.get(f"/v1/courses/{course_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()["title"]


def test_a_write_through_one_instance_is_read_through_another_at_once(server_factory, primary, replica, cli):
    # The replica replays 300 ms late, so a read that reached it right after a write would miss it.
    replica.start("-c", "recovery_min_apply_delay=300ms")
    _, b, cast, course, stranger_on_b = course_through_a(server_factory, primary, replica, cli)
    teacher_on_b = Client(b.base_url)
    teacher_on_b.session = cast.teacher.session  # one browser, its cookies, behind a load balancer
    before = reads(b)
    stale_for_stranger = 0
    for n in range(50):
        title = f"Title {n} {unique('t')}"
        resp = cast.teacher.patch(f"/v1/courses/{course['id']}", json={"title": title})
        assert resp.status_code == 200, resp.text
        assert "dl_wlsn=" in resp.headers.get("Set-Cookie", "")
        assert title_seen(teacher_on_b, course["id"]) == title, f"write {n} not seen through B"
        stale_for_stranger += title_seen(stranger_on_b, course["id"]) != title
    # Without the cookie the replica answered, 300 ms behind: the cookie is what kept the writer's reads fresh.
    assert stale_for_stranger > 0
    after = reads(b)
    assert after["replica"] > before.get("replica", 0)


def test_stale_ok_reads_go_to_a_caught_up_replica(server_factory, primary, replica, cli):
    replica.start()
    _, b, cast, course, anonymous = course_through_a(server_factory, primary, replica, cli)
    before = reads(b)
    for _ in range(10):
        assert anonymous.get("/v1/courses", params={"q": course["title"]}).status_code == 200
        assert anonymous.get(f"/v1/courses/{course['id']}").status_code == 200
        assert anonymous.get(f"/v1/courses/{course['id']}/intro").status_code == 200
    after = reads(b)
    assert after["replica"] - before["replica"] >= 30
    # A read not marked stale-ok stays on the primary.
    teacher_on_b = Client(b.base_url).set_token(cast.teacher.token)
    primary_before = reads(b)["primary"]
    assert teacher_on_b.get("/v1/users/me").status_code == 200
    assert reads(b)["primary"] > primary_before


def test_with_the_replica_stopped_reads_answer_from_the_primary(server_factory, primary, replica, cli):
    replica.start()
    _, b, cast, course, anonymous = course_through_a(server_factory, primary, replica, cli)
    assert reads(b)["replica"] > 0  # its pool holds replica connections, which break now
    # Reads keep coming while the replica stops: some of them are under way on it then.
    statuses: list[int] = []
    done = threading.Event()

    def read_on():
        reader = Client(b.base_url)
        while not done.is_set():
            statuses.append(reader.get(f"/v1/courses/{course['id']}").status_code)

    threads = [threading.Thread(target=read_on) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    replica.stop()
    time.sleep(0.5)
    done.set()
    for t in threads:
        t.join()
    assert statuses and set(statuses) == {200}
    primary_before = reads(b)["primary"]
    for n in range(20):
        title = f"After the replica {n}"
        assert cast.teacher.patch(f"/v1/courses/{course['id']}", json={"title": title}).status_code == 200
        assert title_seen(anonymous, course["id"]) == title
        assert anonymous.get("/v1/courses").status_code == 200
    assert reads(b)["primary"] - primary_before >= 40


def test_a_paused_replica_is_skipped_once_it_lags_past_the_limit(server_factory, primary, replica, cli):
    replica.start()
    a, b, cast, course, anonymous = course_through_a(server_factory, primary, replica, cli,
                                                     "--replica-max-lag", "1")
    db = a.database_url.rsplit("/", 1)[1]
    wait_until(lambda: sql(replica.port, f"SELECT count(*) FROM courses WHERE id = '{course['id']}'", db) == "1",
               10, "the course on the replica")
    sql(replica.port, "SELECT pg_wal_replay_pause()")
    title = unique("Fresh title")
    assert cast.teacher.patch(f"/v1/courses/{course['id']}", json={"title": title}).status_code == 200
    time.sleep(1.2)  # the replica now lags more than --replica-max-lag
    assert sql(replica.port, f"SELECT title FROM courses WHERE id = '{course['id']}'", db) != title
    # `anonymous` wrote nothing and has no cookie: only the lag keeps it off the replica.
    primary_before = reads(b)["primary"]
    wait_until(lambda: title_seen(anonymous, course["id"]) == title, 2, "the fresh title through B")
    for _ in range(5):
        assert title_seen(anonymous, course["id"]) == title
    assert reads(b)["primary"] > primary_before
    sql(replica.port, "SELECT pg_wal_replay_resume()")
