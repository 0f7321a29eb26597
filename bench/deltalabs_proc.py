"""Shared pieces of the Python bench scripts (crash-retries.py, fuzz-openapi.py):
finding the newest built binary, fresh databases (a SQLite file, a new
database on a PostgreSQL server, or a throwaway PostgreSQL server started the
way scripts/test starts one), and a `deltalabs serve` process that can be
killed and started again on the same database.

Standard library only, plus Debian's python3-requests.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BUILD_DIRS = ("build", "build-idem", "build-contract")
DEMO_PASSWORD = "deltalabs-demo"  # README: `seed --demo` accounts sign in with it


def newest_binary() -> Path:
    """The most recently linked deltalabs of the build folders (DELTALABS_BINARY wins)."""
    if os.environ.get("DELTALABS_BINARY"):
        return Path(os.environ["DELTALABS_BINARY"])
    found = [ROOT / d / "deltalabs" for d in BUILD_DIRS if (ROOT / d / "deltalabs").is_file()]
    if not found:
        raise SystemExit("bench: no deltalabs binary in " + ", ".join(BUILD_DIRS) + "; run scripts/build")
    return max(found, key=lambda p: p.stat().st_mtime)


def private_copy(binary: Path, workdir: Path) -> Path:
    """A copy of the binary for this run: another build may relink the original meanwhile,
    and a restart must start the same program."""
    copy = workdir / "deltalabs"
    shutil.copy2(binary, copy)
    return copy


def child_env() -> dict:
    """Our environment minus DELTALABS_* settings, so nothing exported changes the run."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DELTALABS_")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(binary: Path, database: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Runs a subcommand of the binary on a database; returns the finished process."""
    return subprocess.run([str(binary), "--database", database, *args], capture_output=True, text=True,
                          timeout=timeout, env=child_env())


# --- databases -------------------------------------------------------------
class ThrowawayPostgres:
    """A PostgreSQL server of our own in a temp folder, as scripts/test's start_postgres
    does: initdb as user postgres (runuser when we are root), trust auth, fsync off
    (it is never killed, only deltalabs is). stop() removes it."""

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: float(p.parent.name))
        if not versions or not (versions[-1] / "initdb").exists():
            raise SystemExit("bench: no PostgreSQL server binaries in /usr/lib/postgresql")
        self.bin = versions[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="deltalabs-bench-pg."))
        self.as_user: list[str] = []
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.port = free_port()

    def start(self) -> str:
        subprocess.run(self.as_user + [str(self.bin / "initdb"), "-D", f"{self.dir}/data", "-U", "postgres",
                                       "-A", "trust", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True)
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run(self.as_user + [str(self.bin / "pg_ctl"), "-D", f"{self.dir}/data", "-l",
                                       f"{self.dir}/server.log", "-w", "-t", "60", "-o", options, "start"],
                       check=True, capture_output=True)
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(self.as_user + [str(self.bin / "pg_ctl"), "-D", f"{self.dir}/data", "-m", "immediate",
                                       "stop"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"psql failed ({sql}): {done.stderr.strip()}")
    return done.stdout


class Database:
    """A fresh database: a SQLite file in `workdir`, or `CREATE DATABASE b_<random>` on
    the PostgreSQL server of `pg_admin_url` (dropped by drop()). `pg_admin_url` may be
    "throwaway" to start a server of our own for the run."""

    def __init__(self, workdir: Path, pg_admin_url: str | None = None):
        self.pg_server: ThrowawayPostgres | None = None
        self.pg_admin_url = pg_admin_url
        name = "b_" + secrets.token_hex(6)
        if not pg_admin_url:
            self.url = f"sqlite:{workdir / (name + '.db')}"
            return
        if pg_admin_url == "throwaway":
            self.pg_server = ThrowawayPostgres()
            self.pg_admin_url = self.pg_server.start()
        psql(self.pg_admin_url, f"CREATE DATABASE {name}")
        parts = urllib.parse.urlsplit(self.pg_admin_url)
        self.url = urllib.parse.urlunsplit(parts._replace(path="/" + name))

    @property
    def backend(self) -> str:
        return "sqlite" if self.url.startswith("sqlite:") else "postgresql"

    def drop(self) -> None:
        if self.backend == "postgresql":
            name = urllib.parse.urlsplit(self.url).path.lstrip("/")
            try:
                psql(self.pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except RuntimeError:
                pass
        if self.pg_server:
            self.pg_server.stop()


# --- the server --------------------------------------------------------------
class Server:
    """`deltalabs serve` on a free loopback port; start() again after kill() reuses the database."""

    def __init__(self, binary: Path, database: str, workdir: Path, extra_args: list[str]):
        self.binary, self.database, self.workdir, self.extra_args = binary, database, workdir, extra_args
        self.log_path = workdir / "server.log"
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> float:
        """Starts the server and waits for GET /health; returns time.monotonic() of readiness."""
        for _ in range(3):  # the free port may be taken between the probe and the bind
            self.port = free_port()
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(
                    [str(self.binary), "--database", self.database, "--listen", f"127.0.0.1:{self.port}",
                     "serve", *self.extra_args],
                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self.workdir,
                    env=child_env())
            ready = self._wait_ready(timeout)
            if ready:
                return ready
        raise RuntimeError(f"deltalabs serve did not become ready; log:\n{self.log_tail()}")

    def _wait_ready(self, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return None
            try:
                if requests.get(self.base_url + "/health", timeout=1).status_code == 200:
                    return time.monotonic()
            except requests.RequestException:
                pass
            time.sleep(0.02)
        self.proc.kill()
        return None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush: what a power cut or the OOM killer does to the process."""
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self) -> int:
        """SIGTERM, a graceful stop; returns the exit status."""
        if not self.alive():
            return self.proc.returncode if self.proc else 0
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def sign_in(base_url: str, email: str, password: str) -> str:
    resp = requests.post(base_url + "/v1/auth/login", json={"email": email, "password": password}, timeout=30)
    resp.raise_for_status()
    return resp.json()["access_token"]


def machine_line() -> str:
    """Cores, CPU model, memory, load: for the report."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               "?")
    mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, load average {load}"
