"""Rolling restart under load: restart three `deltalabs serve` instances behind
haproxy one after another while a concurrent client keeps reading and writing
through the load balancer, and count the requests that failed (issue 21 item 6).

What an instance does on SIGTERM (src/app/serve_command.cc, http/server.cc):
it refuses new connections at once, answers a health check already on its way
with 503, finishes the requests in flight within --shutdown-grace, ends open
notification streams with a `retry:` hint, and exits 0. haproxy takes it out
(a refused connection or a failed check) and sends the requests elsewhere
(`retries` with `option redispatch`); once the instance is back and its checks
pass, the next one is restarted.

Modes:
  default     starts its own: a throwaway PostgreSQL (or --postgres URL), three
              instances on fixed loopback ports, and haproxy over them
  --lb URL    an existing load balancer (scripts/cluster's); --restart CMD is
              run for each instance with {i} replaced by 1, 2, 3 and must
              return once that instance is serving again

A failed request is an exception (connection refused, reset, timeout) or a
5xx status. Exit status 1 when any request failed.

Standard library only, plus Debian's python3-requests.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

from deltalabs_proc import Database, Server, free_port, newest_binary, private_copy

HAPROXY_CFG = """global
  maxconn 4096
  stats socket {stats_socket}
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A connection refused or reset before the request went out (an instance
  # that has just stopped accepting) is retried on another instance; nothing
  # an instance may have run is ever sent twice.
  retries 3
  option redispatch 1
  retry-on conn-failure
frontend api
  bind 127.0.0.1:{lb_port}
  default_backend deltalabs
backend deltalabs
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  default-server inter 300ms fall 1 rise 2
{servers}
"""


class FixedPortServer(Server):
    """A Server that comes back on the port haproxy knows."""

    def __init__(self, binary: Path, database: str, workdir: Path, extra_args: list[str], port: int):
        super().__init__(binary, database, workdir, extra_args)
        self.fixed_port = port

    def start(self, timeout: float = 30) -> float:
        with open(self.log_path, "ab") as log:
            self.port = self.fixed_port
            self.proc = subprocess.Popen(
                [str(self.binary), "--database", self.database, "--listen", f"127.0.0.1:{self.port}",
                 "serve", *self.extra_args],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self.workdir)
        ready = self._wait_ready(timeout)
        if not ready:
            raise RuntimeError(f"instance on {self.port} did not become ready:\n{self.log_tail()}")
        return ready


class Load:
    """Worker threads sending a mix of reads and writes through the load balancer."""

    def __init__(self, base_url: str, workers: int, write_share: int):
        self.base_url = base_url
        self.workers = workers
        self.write_share = write_share  # one request in `write_share` registers an account
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.ok = 0
        self.failures: Counter = Counter()
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(workers)]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def finish(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join()

    def _one(self, session: requests.Session, n: int) -> str | None:
        """None when the request succeeded, else what went wrong."""
        try:
            if n % self.write_share == 0:
                email = f"rr-{uuid.uuid4().hex[:12]}@example.test"
                resp = session.post(self.base_url + "/v1/auth/register", timeout=30,
                                    json={"email": email, "password": "rolling restart 1",
                                          "first_name": "Roll", "last_name": "Ing"})
                expected = 201
            else:
                resp = session.get(self.base_url + "/v1/courses?limit=5", timeout=30)
                expected = 200
        except requests.RequestException as e:
            return type(e).__name__
        if resp.status_code != expected:
            code = resp.json().get("code", "") if "json" in resp.headers.get("Content-Type", "") else ""
            return f"{resp.request.method} {resp.status_code} {code}".strip()
        return None

    def _run(self, index: int) -> None:
        session = requests.Session()
        n = index
        while not self.stop.is_set():
            failure = self._one(session, n)
            n += self.workers
            with self.lock:
                if failure is None:
                    self.ok += 1
                else:
                    self.failures[failure] += 1


def own_cluster(args, workdir: Path):
    """Starts PostgreSQL (or uses --postgres), three instances and haproxy; returns
    (lb_url, restart(i), cleanup())."""
    binary = private_copy(args.binary or newest_binary(), workdir)
    db = Database(workdir, args.postgres or "throwaway")
    flags = ["--auth-rate-limit", "0", "--sign-in-rate-limit", "0", "--shutdown-grace",
             str(args.grace), "--threads", "4", "--db-pool", "6"]
    servers = []
    for i in range(3):
        folder = workdir / f"instance{i + 1}"
        folder.mkdir()
        servers.append(FixedPortServer(binary, db.url, folder, flags, free_port()))
        servers[-1].start()  # one after another: the first one migrates
    lb_port = free_port()
    lines = "\n".join(f"  server i{i + 1} 127.0.0.1:{s.port} check" for i, s in enumerate(servers))
    cfg = workdir / "haproxy.cfg"
    stats_socket = workdir / "haproxy.sock"
    cfg.write_text(HAPROXY_CFG.format(lb_port=lb_port, servers=lines, stats_socket=stats_socket))
    haproxy = subprocess.Popen(["haproxy", "-f", str(cfg), "-db"], stdout=open(workdir / "haproxy.log", "wb"),
                               stderr=subprocess.STDOUT)
    lb_url = f"http://127.0.0.1:{lb_port}"
    for _ in range(100):
        try:
            if requests.get(lb_url + "/health", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.1)

    def restart(i: int) -> dict:
        s = servers[i - 1]
        started = time.monotonic()
        code = s.stop()
        stopped = time.monotonic()
        s.start()
        time.sleep(1.0)  # `rise 2` checks 300 ms apart: haproxy sends it requests again
        return {"exit": code, "stop_s": stopped - started, "back_s": time.monotonic() - stopped}

    def retried() -> str:
        """What haproxy did for the client: retries and redispatches of the backend."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(stats_socket))
            sock.sendall(b"show stat\n")
            text = b""
            while chunk := sock.recv(65536):
                text += chunk
        rows = list(csv.DictReader(io.StringIO(text.decode().lstrip("# "))))
        backend = next(r for r in rows if r["pxname"] == "deltalabs" and r["svname"] == "BACKEND")
        return f"haproxy retried {backend['wretr']} and redispatched {backend['wredis']} requests"

    def cleanup() -> None:
        print(retried())
        haproxy.terminate()
        haproxy.wait()
        for s in servers:
            s.stop()
        db.drop()

    return lb_url, restart, cleanup


def external_cluster(args):
    def restart(i: int) -> dict:
        started = time.monotonic()
        done = subprocess.run(args.restart.replace("{i}", str(i)), shell=True)
        return {"exit": done.returncode, "stop_s": 0.0, "back_s": time.monotonic() - started}

    return args.lb.rstrip("/"), restart, lambda: None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lb", help="URL of an existing load balancer (needs --restart)")
    ap.add_argument("--restart", help="command restarting instance {i} of the existing cluster")
    ap.add_argument("--postgres", help="PostgreSQL admin URL for the own cluster (default: a throwaway server)")
    ap.add_argument("--binary", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--write-share", type=int, default=10, help="one request in N is a write (a registration)")
    ap.add_argument("--grace", type=int, default=10, help="--shutdown-grace of the own instances")
    ap.add_argument("--settle", type=float, default=3.0, help="seconds of load before and after the restarts")
    args = ap.parse_args()
    if args.lb and not args.restart:
        ap.error("--lb needs --restart")

    workdir = Path(tempfile.mkdtemp(prefix="deltalabs-rolling."))
    lb_url, restart, cleanup = external_cluster(args) if args.lb else own_cluster(args, workdir)
    try:
        load = Load(lb_url, args.workers, args.write_share)
        load.start()
        time.sleep(args.settle)
        began = time.monotonic()
        for i in (1, 2, 3):
            r = restart(i)
            print(f"instance {i}: exit {r['exit']}, stopped in {r['stop_s']:.2f} s, "
                  f"serving again {r['back_s']:.2f} s later")
        restarts_s = time.monotonic() - began
        time.sleep(args.settle)
        load.finish()
    finally:
        cleanup()
    failed = sum(load.failures.values())
    total = load.ok + failed
    print(f"requests: {total} in {restarts_s + 2 * args.settle:.1f} s ({args.workers} workers, "
          f"1 in {args.write_share} a write); restarts took {restarts_s:.1f} s")
    print(f"failed: {failed}" + "".join(f"\n  {n} x {what}" for what, n in load.failures.most_common()))
    if failed == 0:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"logs kept in {workdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
