"""Fixtures of the API scenario tests.

Every test talks HTTP to the REAL `deltalabs serve` binary on a fresh,
empty database, so what passes here is what a client of the service sees.

Backends: SQLite by default (a temp file per server). With
DELTALABS_TEST_BACKEND=postgresql and DELTALABS_TEST_PG=postgresql://user@host:port/db
(a server where that user may CREATE DATABASE; scripts/test starts one), each
server gets its own `CREATE DATABASE t_<random>`, dropped afterwards. With
DELTALABS_TEST_BACKEND=cluster (and DELTALABS_TEST_PG), a server is three
processes on such a database behind a haproxy of its own, and its base_url is
haproxy's (cluster_support.py; issue 21); tests that need one process are
skipped there, each with its reason, listed in cluster_support.CLUSTER_SKIPS;
those that fail only because some state is still per process are marked
xfail there (CLUSTER_XFAILS).

Fixtures:
  server          one server per test module (default flags)
  client          a Client on that server, per test; fails the test if the
                  server answered 500, logged a 500, or died, or if any
                  response broke the served OpenAPI document (contract.py)
  server_factory  start more servers with custom flags or databases:
                  server_factory(extra_args=["--cors-origin", "http://a.example"]);
                  test_defaults=False leaves out DEFAULT_FLAGS (the binary's own defaults)
  databases       fresh database URLs, plus `execute(url, sql)` to poke at them
  cli             run other subcommands: cli("migrate", "--status", database=url)

Every server is stopped with SIGTERM and must exit 0 within 10 s.

Contract: every response any Client receives is checked against the OpenAPI
document its server serves; a violation fails the test that caused it (through
`client`, `server_factory`, or, for tests that only use `server`, the
autouse `contract_guard`), and the run ends with a summary of them all.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import urllib.parse
from pathlib import Path

import pytest

import contract
from client import Client
from cluster_support import CLUSTER_SKIPS, CLUSTER_XFAILS, ClusterServer, free_port, wait_answering

ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = ROOT / os.environ.get("BUILD_DIR", "build")
BINARY = Path(os.environ.get("DELTALABS_BINARY", str(BUILD_DIR / "deltalabs")))
ASSETS_DIR = ROOT / "node_modules" / "swagger-ui-dist"
MODE = os.environ.get("DELTALABS_TEST_BACKEND", "sqlite")
CLUSTER = MODE == "cluster"  # PostgreSQL, each server three instances behind haproxy
BACKEND = "postgresql" if CLUSTER else MODE  # the database engine the tests see
PG_ADMIN_URL = os.environ.get("DELTALABS_TEST_PG", "")

STARTUP_TIMEOUT_S = 20
SHUTDOWN_TIMEOUT_S = 10
# Flags every test server gets unless the test passes its own value: tests sign
# in and register far more often than people do, so the auth limits are off.
DEFAULT_FLAGS = {"--auth-rate-limit": "0", "--sign-in-rate-limit": "0", "--assets-dir": str(ASSETS_DIR)}
STATUS_500 = re.compile(r'"status":\s*500\b')
MAX_VIOLATIONS_SHOWN = 20  # per failing test; the run's summary counts them all
SEEN_VIOLATIONS: list[contract.Violation] = []  # every violation of the run, for the summary


def child_env() -> dict:
    """The environment for the binary: ours minus DELTALABS_* settings, so a
    developer's exported configuration cannot change what the tests see."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DELTALABS_")}


def pytest_configure(config):
    if not BINARY.exists():
        raise pytest.UsageError(f"{BINARY} does not exist; run scripts/build (or set DELTALABS_BINARY)")
    if MODE not in ("sqlite", "postgresql", "cluster"):
        raise pytest.UsageError(f"DELTALABS_TEST_BACKEND must be sqlite, postgresql or cluster, not {MODE!r}")
    if CLUSTER and not shutil.which("haproxy"):
        raise pytest.UsageError("DELTALABS_TEST_BACKEND=cluster needs haproxy (scripts/setup installs it)")
    if BACKEND == "postgresql" and not PG_ADMIN_URL:
        raise pytest.UsageError(f"DELTALABS_TEST_BACKEND={MODE} needs DELTALABS_TEST_PG=postgresql://...")


def pytest_report_header(config):
    return f"deltalabs: {BINARY} on {MODE}" + (f" ({PG_ADMIN_URL})" if BACKEND == "postgresql" else "")


def pytest_collection_modifyitems(config, items):
    if not CLUSTER:
        return
    for item in items:
        test = f"{item.path.name}::{item.originalname}"
        reason = CLUSTER_SKIPS.get(test) or CLUSTER_SKIPS.get(item.path.name)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"one process by nature: {reason}"))
        expected = CLUSTER_XFAILS.get(test) or CLUSTER_XFAILS.get(item.path.name)
        if expected:
            item.add_marker(pytest.mark.xfail(reason=expected[0], strict=expected[1]))


# --- databases ---------------------------------------------------------------
class Databases:
    """Creates fresh databases on the backend under test and removes them at the end."""

    def __init__(self, backend: str, tmpdir: Path, pg_admin_url: str):
        self.backend = backend
        self.tmpdir = tmpdir
        self.pg_admin_url = pg_admin_url
        self.created: list[str] = []

    def create(self) -> str:
        """A URL of a new, empty database."""
        name = "t_" + secrets.token_hex(6)
        if self.backend == "sqlite":
            url = f"sqlite:{self.tmpdir / (name + '.db')}"
        else:
            self._psql(self.pg_admin_url, f"CREATE DATABASE {name}")
            parts = urllib.parse.urlsplit(self.pg_admin_url)
            url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
        self.created.append(url)
        return url

    def execute(self, url: str, sql: str) -> list[tuple]:
        """Runs SQL directly on a database (bypassing the service); returns rows as text tuples."""
        if url.startswith("sqlite:"):
            with sqlite3.connect(url[len("sqlite:"):]) as conn:
                return [tuple(str(v) for v in row) for row in conn.execute(sql).fetchall()]
        out = self._psql(url, sql, tuples=True)
        return [tuple(line.split("|")) for line in out.splitlines() if line]

    def drop_all(self) -> None:
        if self.backend != "postgresql":
            return  # temp files go with the temp dir
        for url in self.created:
            name = urllib.parse.urlsplit(url).path.lstrip("/")
            self._psql(self.pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    @staticmethod
    def _psql(url: str, sql: str, tuples: bool = False) -> str:
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        if tuples:
            args[1:1] = ["-A", "-t"]
        done = subprocess.run(args, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed ({sql}): {done.stderr.strip()}")
        return done.stdout


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    dbs = Databases(BACKEND, tmp_path_factory.mktemp("db"), PG_ADMIN_URL)
    yield dbs
    dbs.drop_all()


# --- servers -----------------------------------------------------------------
class ProcessServer:
    """One `deltalabs serve` process on a free local port."""

    def __init__(self, database_url: str, extra_args, workdir: Path, test_defaults: bool = True):
        self.database_url = database_url
        self.extra_args = list(extra_args)
        self.test_defaults = test_defaults  # False: only --assets-dir of DEFAULT_FLAGS
        self.workdir = workdir
        self.log_path = workdir / "server.log"
        self.host = "127.0.0.1"
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.stopped = False  # stop() was called
        self.killed = False  # it ignored SIGTERM for too long
        self._log_checked = 0  # bytes of the log already scanned for 500s

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def command(self) -> list[str]:
        given = {a.split("=", 1)[0] for a in self.extra_args if a.startswith("--")}
        args = [str(BINARY), "--database", self.database_url, "--listen", f"{self.host}:{self.port}"]
        for flag, value in DEFAULT_FLAGS.items():
            if flag not in given and (self.test_defaults or flag == "--assets-dir"):
                args += [flag, value]
        return args + ["serve"] + self.extra_args

    def start(self) -> "ProcessServer":
        # A free port can be taken between our probe and the bind: retry then.
        for _ in range(3):
            self.port = free_port()
            contract.forget(self.base_url)  # what a server before us on this port left
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, cwd=self.workdir, env=child_env())
            if self._wait_ready():
                return self
            if "Cannot listen" not in self.log_text():
                break
        raise RuntimeError(f"deltalabs serve did not become ready:\n$ {' '.join(self.command())}\n{self.log_tail()}")

    def _wait_ready(self) -> bool:
        return wait_answering(self.base_url + "/health", self.proc, STARTUP_TIMEOUT_S)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def client(self) -> Client:
        return Client(self.base_url)

    def stop(self, sig=signal.SIGTERM, timeout: float = SHUTDOWN_TIMEOUT_S) -> int | None:
        """Signals the process and waits; returns its exit code, or None if it had to be killed."""
        if self.proc is None:
            return None
        self.stopped = True
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.killed = True
        return None if self.killed else self.proc.returncode

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def new_500_lines(self) -> list[str]:
        """Log lines recording a 500 since the last call."""
        text = self.log_text()
        fresh, self._log_checked = text[self._log_checked:], len(text)
        return [line for line in fresh.splitlines() if STATUS_500.search(line)]

    def contract_problems(self) -> list[str]:
        """The contract violations recorded by Clients of this server since the last call, as messages."""
        found = contract.violations_for(self.base_url)
        taken, found[:] = list(found), []
        SEEN_VIOLATIONS.extend(taken)
        if not taken:
            return []
        shown = [f"broke the OpenAPI contract: {v}" for v in taken[:MAX_VIOLATIONS_SHOWN]]
        if len(taken) > MAX_VIOLATIONS_SHOWN:
            shown.append(f"... and {len(taken) - MAX_VIOLATIONS_SHOWN} more contract violations")
        return shown

    def problems_after_stop(self) -> list[str]:
        """Why this server's run counts as a failure (empty when it was fine)."""
        problems = []
        if self.killed:
            problems.append(f"did not exit within {SHUTDOWN_TIMEOUT_S}s of SIGTERM (killed)")
        elif self.proc.returncode != 0:
            problems.append(f"exit code {self.proc.returncode}, expected 0 after SIGTERM")
        problems += [f"logged a 500: {line}" for line in self.new_500_lines()]
        return problems


if CLUSTER:
    class Server(ClusterServer):
        """A test's server on the cluster backend: three ProcessServers behind a haproxy."""
        instance_class = ProcessServer
else:
    Server = ProcessServer  # what fixtures and support modules start


def _fail_if(problems: list[str], server: Server, what: str) -> None:
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems) + f"\n--- server log (tail) ---\n{server.log_tail()}",
                    pytrace=False)


def _start(databases: Databases, tmp_path_factory, extra_args=(), database: str | None = None,
           test_defaults: bool = True) -> Server:
    workdir = tmp_path_factory.mktemp("server")
    return Server(database or databases.create(), extra_args, workdir, test_defaults).start()


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    srv = _start(databases, tmp_path_factory)
    yield srv
    srv.stop()
    problems = srv.problems_after_stop() + srv.contract_problems()  # of module fixtures, say
    # Whatever the module's tests did, the data they left must pass `deltalabs check`
    # (foreign keys, migrations, derived counters such as seats).
    audit = subprocess.run([str(BINARY), "--database", srv.database_url, "check"], capture_output=True,
                           text=True, timeout=120, env=child_env())
    if audit.returncode != 0:
        problems.append("deltalabs check found violations:\n" + audit.stdout + audit.stderr)
    _fail_if(problems, srv, "the module's server misbehaved")


@pytest.fixture
def server_factory(databases, tmp_path_factory):
    """start(extra_args=(), database=None, test_defaults=True) -> a started Server, stopped after the test.

    A test may stop a server itself (server.stop()) to assert on shutdown;
    otherwise it is stopped here and must exit 0 without having logged a 500.
    """
    started: list[Server] = []

    def start(extra_args=(), database: str | None = None, test_defaults: bool = True) -> Server:
        srv = _start(databases, tmp_path_factory, extra_args, database, test_defaults)
        started.append(srv)
        return srv

    yield start
    problems = []
    for srv in started:
        stopped_by_test = srv.stopped
        srv.stop()
        found = srv.problems_after_stop()
        if stopped_by_test:  # the test already judged the exit code
            found = [p for p in found if p.startswith("logged")]
        problems += [f"{srv.base_url}: {p}" for p in found + srv.contract_problems()]
    if problems:
        pytest.fail("a server started by the test misbehaved:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def client(server):
    c = server.client()
    yield c
    c.close()
    problems = list(c.server_errors)
    problems += [f"logged a 500: {line}" for line in server.new_500_lines()]
    problems += server.contract_problems()
    if not server.alive():
        problems.append(f"the server died (exit code {server.proc.returncode})")
    _fail_if(problems, server, "the server failed during this test")


@pytest.fixture(autouse=True)
def contract_guard(request):
    """Fails a test that used the module's server without `client` (Clients
    it made itself, helpers) if a response it caused broke the contract."""
    yield
    if "server" in request.fixturenames:
        try:
            srv = request.getfixturevalue("server")
        except Exception:  # its setup failed: the test already errored with why
            return
        _fail_if(srv.contract_problems(), srv, "a response during this test broke the OpenAPI contract")


def pytest_terminal_summary(terminalreporter):
    """Every contract violation of the run, grouped by kind, operation and status,
    and the error statuses operations answer but cover only with `default`."""
    groups: dict[tuple, list[contract.Violation]] = {}
    for v in SEEN_VIOLATIONS:
        groups.setdefault((v.kind, v.operation or f"{v.method} {v.path}", v.status), []).append(v)
    if groups:
        tr = terminalreporter
        tr.section(f"OpenAPI contract: {len(SEEN_VIOLATIONS)} violations")
        by_kind: dict[str, int] = {}
        for kind, *_ in groups:
            by_kind[kind] = by_kind.get(kind, 0) + 1
        tr.line("distinct (operation, status) per kind: "
                + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
        for (kind, operation, status), seen in sorted(groups.items()):
            tr.line(f"[{kind}] {operation} -> {status} x{len(seen)}: {seen[0].detail}")
    defaulted: dict[tuple, int] = {}
    for note in contract.notes():
        defaulted[(note.operation, note.status)] = defaulted.get((note.operation, note.status), 0) + 1
    if defaulted:
        terminalreporter.section("OpenAPI contract: error statuses answered but covered only by `default`")
        for (operation, status), count in sorted(defaulted.items()):
            terminalreporter.line(f"{operation} -> {status} x{count}")


# --- other subcommands -------------------------------------------------------
@pytest.fixture(scope="session")
def cli():
    """cli(*args, database=URL, timeout=60) -> CompletedProcess of `deltalabs [--database URL] args...`."""

    def run(*args, database: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(BINARY)] + (["--database", database] if database else []) + [str(a) for a in args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=child_env(),
                              stdin=subprocess.DEVNULL)

    return run
