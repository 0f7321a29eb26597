"""The cluster backend of the API tests (DELTALABS_TEST_BACKEND=cluster): no tests here.

A "server" is three `deltalabs serve` processes on one PostgreSQL database
behind a haproxy of its own (config written per server, `balance
roundrobin`, no stickiness, health checks on /health/db), and `base_url` is
haproxy's: the requests of one test, even on one kept-alive connection,
spread over the instances. conftest.py builds it where it would start one
process, so every fixture and support module that starts a server gets a
cluster.

Why: issue 21 §2: the API suite must pass against the load balancer, so
nothing a client sees may depend on which instance answers. Tests that by
nature need one process are skipped here, each with its reason, in
CLUSTER_SKIPS (the one list of them); what may still fail behind haproxy,
and why, is in CLUSTER_XFAILS.
"""

from __future__ import annotations

import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import requests

from client import Client

INSTANCES = 3
# haproxy connects to the instances from this loopback address and only it is
# their trusted proxy, so each instance sees a client's own address (tests
# connect from several 127.x.y.z addresses) through X-Forwarded-For.
PROXY_SOURCE = "127.0.0.254"
# One signing key for every instance of the run: a token one instance issued
# must pass on the others (the binary makes a random one per process otherwise).
JWT_KEYS = f"cluster:{secrets.token_hex(32)}"
STARTUP_TIMEOUT_S = 20

# Tests that need one process by nature, and why; "file.py::test" or "file.py" (every test of it).
CLUSTER_SKIPS = {
    "test_demo_passwords.py::test_serve_accepts_0_0_0_0_once_every_demo_password_changed":
        "subclasses the one-process server to make it listen on 0.0.0.0",
    "test_error_text.py::test_the_access_log_stays_valid_utf8_whatever_the_request_line_holds":
        "reads one process's log file byte for byte",
    "test_foundation.py::test_metrics_succeeds_with_request_counts_by_route_template":
        "counts one process's requests in /metrics",
    # haproxy answers a request it cannot parse with its own 400 page: no instance sees it.
    "test_foundation.py::test_header_flood_fails_with_4xx_problem_and_server_keeps_serving":
        "sends one process's HTTP parser a header flood (haproxy rejects it first)",
    "test_foundation.py::test_single_64kb_header_fails_with_4xx_problem_and_server_keeps_serving":
        "sends one process's HTTP parser a 64 KB header (haproxy rejects it first)",
    "test_foundation.py::test_http_garbage_fails_with_400_and_server_keeps_serving":
        "sends one process's HTTP parser garbage (haproxy rejects it first)",
    "test_foundation.py::test_http_garbage_after_a_head_request_fails_with_a_complete_400_problem":
        "sends one process's HTTP parser garbage (haproxy rejects it first)",
    "test_shutdown_drain.py": "signals one process and talks to its socket directly",
    # These start, stop and kill instances of their own on one database and
    # count what each did; a server here is already three behind a haproxy.
    # They run on the PostgreSQL pass.
    "test_cluster_shared_jobs.py": "starts and stops its own instances and counts each one's lease takeovers",
    "test_cluster_shared_hold_expiry.py": "kills the instance of its own that holds the hold sweeper's lease",
    "test_cluster_shared_limits_and_cache.py": "starts its own instances and talks to each one directly",
    "test_cluster_shared_sessions.py": "starts its own instances and talks to each one directly",
    "test_cluster_shared_stream_restart.py": "streams from one instance, restarts it and resumes on another",
    "test_cluster_instance_lease_freeze.py":
        "freezes one process's lease session and signals that process",
    "test_cluster_robust_database.py":
        "runs one process on a PostgreSQL of its own, which it restarts, stops, freezes and fails over",
}

# Tests expected to fail on a cluster, and why (test id -> (reason, strict)).
# None today: the 413 answers haproxy used to lose when an instance closed
# before reading the body are kept by the server's lingering close.
CLUSTER_XFAILS: dict[str, tuple[str, bool]] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_answering(url: str, proc: subprocess.Popen, timeout_s: float) -> bool:
    """True once GET url answers 200; False if proc ends first or timeout_s passes (then proc is killed)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    return False


def haproxy_config(port: int, instance_ports: list[int]) -> str:
    """A haproxy configuration: round-robin over the instances, each checked on /health/db."""
    servers = "\n".join(f"  server instance-{n} 127.0.0.1:{p}" for n, p in enumerate(instance_ports, 1))
    # Long server timeout: notification streams stay open between heartbeats.
    return f"""global
  maxconn 2000
defaults
  mode http
  option forwardfor
  timeout connect 2s
  timeout client 120s
  timeout server 120s
frontend api
  bind 127.0.0.1:{port}
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /health/db
  http-check expect status 200
  default-server check inter 1s fall 2 rise 1 source {PROXY_SOURCE}
{servers}
"""


class ClusterServer:
    """Three instances on one database behind one haproxy; the interface of conftest's ProcessServer.

    `instance_class` (set by conftest) is the one-process server each instance is.
    """

    instance_class: type = None  # conftest.ProcessServer

    def __init__(self, database_url: str, extra_args, workdir: Path, test_defaults: bool = True):
        self.database_url = database_url
        self.extra_args = list(extra_args)
        self.test_defaults = test_defaults
        self.workdir = workdir
        self.host = "127.0.0.1"
        self.port = 0
        self.stopped = False
        self.killed = False
        given = {a.split("=", 1)[0] for a in self.extra_args if a.startswith("--")}
        shared = [] if "--jwt-keys" in given else ["--jwt-keys", JWT_KEYS]
        shared += ["--trusted-proxy", f"{PROXY_SOURCE}/32"]
        self.instances = []
        for n in range(1, INSTANCES + 1):
            (workdir / f"instance-{n}").mkdir(exist_ok=True)
            self.instances.append(self.instance_class(database_url, shared + self.extra_args,
                                                      workdir / f"instance-{n}", test_defaults))
        self.haproxy: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def proc(self) -> subprocess.Popen:
        """The first instance that ended (for its exit code), else the first instance."""
        return next((i.proc for i in self.instances if not i.alive()), self.instances[0].proc)

    def start(self) -> "ClusterServer":
        # The first migrates the new database alone; the others then start side by side.
        self.instances[0].start()
        failed: list[Exception] = []
        threads = [threading.Thread(target=self._start_instance, args=(i, failed)) for i in self.instances[1:]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if failed:
            self.stop()
            raise failed[0]
        for _ in range(3):  # a free port can be taken between our probe and haproxy's bind
            self.port = free_port()
            config = self.workdir / "haproxy.cfg"
            config.write_text(haproxy_config(self.port, [i.port for i in self.instances]))
            with open(self.workdir / "haproxy.log", "ab") as log:
                self.haproxy = subprocess.Popen([shutil.which("haproxy") or "haproxy", "-db", "-f", str(config)],
                                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            if self._wait_ready():
                return self
        self.stop()
        raise RuntimeError("haproxy did not start:\n" + (self.workdir / "haproxy.log").read_text(errors="replace"))

    @staticmethod
    def _start_instance(instance, failed: list[Exception]) -> None:
        try:
            instance.start()
        except Exception as e:  # handed to start(), which stops the others and raises it
            failed.append(e)

    def _wait_ready(self) -> bool:
        """Until haproxy answers /health/db through an instance (or dies)."""
        return wait_answering(self.base_url + "/health/db", self.haproxy, STARTUP_TIMEOUT_S)

    def alive(self) -> bool:
        return self.haproxy is not None and self.haproxy.poll() is None and all(i.alive() for i in self.instances)

    def client(self) -> Client:
        return Client(self.base_url)

    def stop(self, sig=signal.SIGTERM, timeout: float | None = None) -> int | None:
        """Signals every instance and waits; returns 0 when all exited 0, else the first other code (None: killed)."""
        self.stopped = True
        codes = [i.stop(sig, timeout) if timeout is not None else i.stop(sig) for i in self.instances]
        self.killed = any(i.killed for i in self.instances)
        if self.haproxy is not None and self.haproxy.poll() is None:
            self.haproxy.terminate()
            self.haproxy.wait(10)
        return next((c for c in codes if c != 0), 0)

    def log_text(self) -> str:
        return "".join(f"--- instance {n} ---\n{i.log_text()}" for n, i in enumerate(self.instances, 1))

    def log_tail(self, lines: int = 40) -> str:
        each = max(lines // INSTANCES, 5)
        return "\n".join(f"--- instance {n} ---\n{i.log_tail(each)}" for n, i in enumerate(self.instances, 1))

    def new_500_lines(self) -> list[str]:
        return [f"instance {n}: {line}" for n, i in enumerate(self.instances, 1) for line in i.new_500_lines()]

    def contract_problems(self) -> list[str]:
        # Violations are recorded by base URL: haproxy's is this cluster's.
        return self.instance_class.contract_problems(self)

    def problems_after_stop(self) -> list[str]:
        return [f"instance {n}: {p}" for n, i in enumerate(self.instances, 1) for p in i.problems_after_stop()]
