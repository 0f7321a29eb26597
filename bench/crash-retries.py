#!/usr/bin/python3
"""Crash test: writes in flight, the server SIGKILLed, every cut-off request retried.

What: on a fresh database with the demo data (`seed --demo`), buyers keep
writing through the API from several threads:
  - checkout: add a resource to the cart, then POST /v1/orders;
  - enrollment in a free course, and its cancellation (toggled);
  - a seat in a lab slot, and its cancellation (toggled);
every write but the cart add carries a fresh Idempotency-Key per attempt. At a
random moment the server is killed with SIGKILL (no shutdown), then started
again on the same database; as soon as it answers /health, every request that
was cut off (sent, no answer) is sent again with the SAME Idempotency-Key and
body, as a client that retries on a network error does.

Why: issue 18. A retry after a crash must get the first attempt's answer (or
do the write once), never "409 IDEMPOTENCY_IN_PROGRESS" for a request whose
process is dead, never a second order; an answered write must survive the
kill. Counted and printed:
  kills, requests sent, acknowledged writes (2xx to a keyed write), lost
  (acknowledged, then not in the database after a restart: an order answered
  201 that GET /v1/orders/:id does not find, an enrollment or booking whose
  status is not the one last answered), duplicates (orders nobody's answer
  names, two live bookings of one buyer in one slot), retries answered 409
  IDEMPOTENCY_IN_PROGRESS, retries refusing a write they had done (e.g. 409
  ALREADY_ENROLLED: the answer was lost, the write was not), and 5xx answers.
At the end `deltalabs check` audits the database.

Usage:
  bench/crash-retries.py [--kills 30] [--buyers 24] [--threads 6]
                         [--postgres URL|throwaway] [--binary PATH]
--postgres URL: a server where that user may CREATE DATABASE; "throwaway"
starts one of our own the way scripts/test does. Exit status 1 if anything
was lost, duplicated, answered 5xx or IDEMPOTENCY_IN_PROGRESS, or check failed
(not for retries refusing a write they had done: decision 0025 accepts those).
"""

from __future__ import annotations

import argparse
import datetime
import random
import secrets
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deltalabs_proc import (DEMO_PASSWORD, ROOT, Database, Server, machine_line, newest_binary,  # noqa: E402
                            private_copy, psql, run_cli, sign_in)

JWT_KEYS = "crash:crash-bench-secret-0123456789"  # one key for every restart: tokens stay valid
BUYER_PASSWORD = "crash bench password 1"
RETRY_WITHIN_S = 2.0     # every cut-off request is sent again this soon after the restart
IN_PROGRESS_WAIT_S = 20  # how long a retry keeps asking while it is answered IDEMPOTENCY_IN_PROGRESS
TIMEOUT_S = 30           # per request; a kill resets connections at once


# --- what happened -----------------------------------------------------------
class Tally:
    """Counters and the failures worth a reproducer, shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.n: dict[str, int] = {}
        self.failures: list[str] = []
        self.max_retry_delay = 0.0

    def add(self, name: str, k: int = 1) -> None:
        with self.lock:
            self.n[name] = self.n.get(name, 0) + k

    def fail(self, name: str, text: str) -> None:
        self.add(name)
        with self.lock:
            self.failures.append(f"{name}: {text}")

    def get(self, name: str) -> int:
        return self.n.get(name, 0)


@dataclass
class Attempt:
    """One keyed write as a client makes it; sent again verbatim while it has no answer."""
    kind: str          # order | enroll | unenroll | book | unbook
    buyer: "Buyer"
    path: str
    body: dict
    target: str = ""   # the course of an enrollment, the booking of an unbook
    key: str = field(default_factory=lambda: secrets.token_hex(12))
    retried: bool = False

    def describe(self) -> str:
        return f"POST {self.path} Idempotency-Key: {self.key} body {self.body} as {self.buyer.email}"


@dataclass
class Buyer:
    email: str
    token: str
    orders: dict = field(default_factory=dict)       # order id -> key of the attempt answered with it
    enrollments: dict = field(default_factory=dict)  # course id -> [enrollment id, status last answered]
    booking: list | None = None                      # [booking id, status last answered] in the bench slot


class Cut(Exception):
    """The request got no answer: the server is gone."""


# --- the world the buyers write to ---------------------------------------------
@dataclass
class Fixture:
    resource_id: str
    free_courses: list
    lab_id: str | None
    slot_start: str | None
    notes: list


def get_all(base: str, path: str, token: str) -> list:
    """Every item of a paged list."""
    items, cursor = [], None
    while True:
        params = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        resp = requests.get(base + path, params=params, headers=auth(token), timeout=TIMEOUT_S)
        resp.raise_for_status()
        page = resp.json()
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def auth(token: str) -> dict:
    return {"Authorization": "Bearer " + token} if token else {}


def make_fixture(base: str) -> Fixture:
    """A resource with a million in stock, the free published courses, a free lab slot
    with 10,000 seats: made through the API as the demo admin and lab host."""
    notes = []
    admin = sign_in(base, "admin@deltalabs.local", DEMO_PASSWORD)
    courses = [c for c in get_all(base, "/v1/courses", admin) if c["status"] == "published"]
    free = [c["id"] for c in courses if c["price"]["amount_minor"] == 0]
    resp = requests.post(f"{base}/v1/courses/{courses[0]['id']}/resources", headers=auth(admin), timeout=TIMEOUT_S,
                         json={"title": "Crash bench kit", "mode": "purchase", "stock": 1000000,
                               "price": {"amount_minor": 1500, "currency": courses[0]["price"]["currency"]}})
    resp.raise_for_status()
    lab_id = slot_start = None
    try:
        lab_id, slot_start = make_lab(base)
    except (requests.RequestException, KeyError, StopIteration) as e:
        notes.append(f"no lab bookings: the lab could not be set up ({e})")
    return Fixture(resp.json()["id"], free, lab_id, slot_start, notes)


def make_lab(base: str) -> tuple[str, str]:
    """The demo host (the demo instructor hosts the demo labs) opens a free lab with one slot."""
    hosts = get_all(base, "/v1/hosts", "")
    for email in ("instructor@deltalabs.local", "lab@deltalabs.local"):
        host_token = sign_in(base, email, DEMO_PASSWORD)
        me = requests.get(base + "/v1/users/me", headers=auth(host_token), timeout=TIMEOUT_S).json()["id"]
        host = next((h for h in hosts if h.get("user_id") == me), None)
        if host:
            break
    else:
        raise KeyError("no demo account is a lab host")
    lab = requests.post(base + "/v1/labs", headers=auth(host_token), timeout=TIMEOUT_S,
                        json={"host_id": host["id"], "name": "Crash bench room"})
    lab.raise_for_status()
    start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).replace(
        minute=0, second=0, microsecond=0)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    slot = requests.post(f"{base}/v1/labs/{lab.json()['id']}/availability", headers=auth(host_token),
                         timeout=TIMEOUT_S, json={"slot_start": iso(start),
                                                  "slot_end": iso(start + datetime.timedelta(hours=2)),
                                                  "capacity": 10000})
    slot.raise_for_status()
    return lab.json()["id"], slot.json()["slot_start"]


def register_buyers(base: str, n: int) -> list[Buyer]:
    run = secrets.token_hex(3)

    def one(i: int) -> Buyer:
        email = f"crash{run}-{i}@bench.test"
        resp = requests.post(base + "/v1/auth/register", timeout=TIMEOUT_S,
                             json={"email": email, "password": BUYER_PASSWORD, "first_name": "Crash",
                                   "last_name": f"Buyer {i}"})
        resp.raise_for_status()
        return Buyer(email, sign_in(base, email, BUYER_PASSWORD))

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, range(n)))


# --- sending ---------------------------------------------------------------------
class Crash:
    """The run: the server, the buyers, the tally, and the cut-off attempts to retry."""

    def __init__(self, server: Server, fixture: Fixture, buyers: list[Buyer], threads: int):
        self.server, self.fixture, self.buyers, self.threads = server, fixture, buyers, threads
        self.tally = Tally()
        self.cut: list[Attempt] = []        # cut off, to be sent again after the restart
        self.acked: list[Attempt] = []      # answered 2xx since the last verification
        self.killing = threading.Event()    # set from just before a kill to the restart
        self.killed_at = ""                 # RFC 3339 UTC time of the last kill
        self.lock = threading.Lock()

    # One request; every answer goes through here.
    def post(self, session: requests.Session, buyer: Buyer, path: str, body: dict, key: str | None):
        headers = auth(buyer.token)
        if key:
            headers["Idempotency-Key"] = key
        self.tally.add("requests")
        try:
            resp = session.post(self.server.base_url + path, json=body, headers=headers, timeout=TIMEOUT_S)
        except requests.RequestException as e:
            raise Cut(str(e)) from e
        self.tally.add(f"status {resp.status_code // 100}xx")
        if resp.status_code >= 500:
            self.tally.fail("5xx", f"POST {path} key {key} body {body} as {buyer.email} -> "
                                   f"{resp.status_code} {resp.text[:300]}")
        return resp

    def send(self, session: requests.Session, attempt: Attempt) -> None:
        """Sends a keyed write; a cut-off one is remembered for the retry and raises Cut."""
        try:
            resp = self.post(session, attempt.buyer, attempt.path, attempt.body, attempt.key)
        except Cut:
            self.tally.add("cut off, keyed (retried)")
            with self.lock:
                self.cut.append(attempt)
            raise
        self.settle(session, attempt, resp)

    # What an answer means for the buyer's state.
    def settle(self, session: requests.Session, attempt: Attempt, resp: requests.Response) -> None:
        buyer, body = attempt.buyer, self.json(resp)
        if attempt.retried:
            replayed = " (replayed)" if resp.headers.get("Idempotent-Replayed") == "true" else ""
            self.tally.add(f"retry answered: {attempt.kind} {resp.status_code} {body.get('code', '')}".strip() + replayed)
            if attempt.kind == "order" and resp.status_code == 201 and body.get("created_at", "9") < self.killed_at:
                self.tally.add("retried orders answered with the order made before the kill")
        if 200 <= resp.status_code < 300:
            self.tally.add("acknowledged writes")
            self.tally.add(f"acknowledged: {attempt.kind}")
            if resp.headers.get("Idempotent-Replayed") == "true":
                self.tally.add("retries answered by replay")
            self.apply(attempt, body)
            with self.lock:
                self.acked.append(attempt)
            return
        code = body.get("code", "")
        if attempt.retried and code == "IDEMPOTENCY_IN_PROGRESS":
            return  # the caller asks again
        self.tally.add(f"refused: {attempt.kind} {resp.status_code} {code}")
        # A retry refused with "already done" means the write happened and its answer was lost;
        # a retried checkout finds its order by key (or finds the cart it did not check out).
        done_codes = ("ALREADY_ENROLLED", "ENROLLMENT_ALREADY_CANCELLED", "ALREADY_BOOKED", "BOOKING_NOT_ACTIVE")
        if attempt.retried and (code in done_codes or attempt.kind == "order"):
            self.tally.fail("retry refused a write it had done", f"{attempt.describe()} -> {resp.status_code} "
                                                                 f"{resp.text[:200]}")
        if resp.status_code == 409:
            self.resync(session, buyer)

    def apply(self, attempt: Attempt, body: dict) -> None:
        buyer = attempt.buyer
        if attempt.kind == "order":
            if body["id"] in buyer.orders and buyer.orders[body["id"]] != attempt.key:
                self.tally.fail("duplicates", f"order {body['id']} answered to two attempts: {attempt.describe()}")
            buyer.orders[body["id"]] = attempt.key
        elif attempt.kind in ("enroll", "unenroll"):
            buyer.enrollments[attempt.target] = [body["id"], body["status"]]
        else:
            buyer.booking = [body["id"], body["status"]]

    @staticmethod
    def json(resp: requests.Response) -> dict:
        try:
            value = resp.json()
            return value if isinstance(value, dict) else {}
        except ValueError:
            return {}

    def resync(self, session: requests.Session, buyer: Buyer) -> None:
        """After an unexpected refusal: read the buyer's enrollments and booking back."""
        try:
            base = self.server.base_url
            for e in get_all(base, "/v1/enrollments", buyer.token):
                if e.get("course_id") in self.fixture.free_courses:
                    buyer.enrollments[e["course_id"]] = [e["id"], e["status"]]
            if self.fixture.lab_id:
                live = [b for b in get_all(base, "/v1/bookings", buyer.token) if b["status"] in ("pending", "confirmed")]
                buyer.booking = [live[0]["id"], live[0]["status"]] if live else None
        except requests.RequestException as e:
            raise Cut(str(e)) from e

    # --- the buyers' actions -------------------------------------------------
    def checkout(self, session: requests.Session, buyer: Buyer) -> None:
        try:
            added = self.post(session, buyer, "/v1/cart/items",
                              {"item_type": "resource", "item_id": self.fixture.resource_id, "quantity": 1}, None)
        except Cut:
            self.tally.add("cut off, cart adds (no key, not retried)")
            raise
        if added.status_code != 201:
            code = self.json(added).get("code", "")
            self.tally.add(f"refused: cart add {added.status_code} {code}")
            if code != "ITEM_ALREADY_IN_CART":  # (a cart add cut off by a kill may have been done)
                return
        self.send(session, Attempt("order", buyer, "/v1/orders", {}))

    def toggle_enrollment(self, session: requests.Session, buyer: Buyer) -> None:
        course = random.choice(self.fixture.free_courses)
        known = buyer.enrollments.get(course)
        if known and known[1] == "active":
            self.send(session, Attempt("unenroll", buyer, f"/v1/enrollments/{known[0]}/cancel", {}, course))
        else:
            self.send(session, Attempt("enroll", buyer, "/v1/enrollments", {"course_id": course}, course))

    def toggle_booking(self, session: requests.Session, buyer: Buyer) -> None:
        if buyer.booking and buyer.booking[1] in ("pending", "confirmed"):
            self.send(session, Attempt("unbook", buyer, f"/v1/bookings/{buyer.booking[0]}/cancel", {}))
        else:
            self.send(session, Attempt("book", buyer, f"/v1/labs/{self.fixture.lab_id}/bookings",
                                       {"slot_start": self.fixture.slot_start, "seats": 1}))

    def work(self, buyer: Buyer, stop: threading.Event) -> None:
        actions = [self.checkout, self.checkout]
        if self.fixture.free_courses:
            actions.append(self.toggle_enrollment)
        if self.fixture.lab_id:
            actions.append(self.toggle_booking)
        session = requests.Session()
        try:
            while not stop.is_set():
                random.choice(actions)(session, buyer)
        except Cut as e:
            if not self.killing.is_set():
                self.tally.fail("cut off while the server was up", f"{buyer.email}: {e}")
        finally:
            session.close()

    # --- one round: write, kill, restart, retry, verify ----------------------------
    def round(self, number: int, min_s: float, max_s: float) -> None:
        stop = threading.Event()
        mine = [self.buyers[(number * self.threads + i) % len(self.buyers)] for i in range(self.threads)]
        workers = [threading.Thread(target=self.work, args=(b, stop)) for b in mine]
        for w in workers:
            w.start()
        time.sleep(random.uniform(min_s, max_s))
        self.killing.set()
        self.killed_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")
        self.server.kill()
        self.tally.add("kills")
        stop.set()
        for w in workers:
            w.join()
        ready = self.server.start()
        self.killing.clear()
        self.retry_cut_off(ready)
        self.verify_acknowledged()

    def retry_cut_off(self, ready: float) -> None:
        """Sends every cut-off attempt again at once, same key and body, until it is answered."""
        with self.lock:
            pending, self.cut = self.cut, []
        if not pending:
            return
        with ThreadPoolExecutor(max_workers=max(len(pending), 1)) as pool:
            list(pool.map(lambda a: self.retry(a, ready), pending))

    def retry(self, attempt: Attempt, ready: float) -> None:
        delay = time.monotonic() - ready
        with self.tally.lock:
            self.tally.max_retry_delay = max(self.tally.max_retry_delay, delay)
        if delay > RETRY_WITHIN_S:
            self.tally.add(f"retries sent later than {RETRY_WITHIN_S:g} s after ready")
        attempt.retried = True
        session = requests.Session()
        deadline = time.monotonic() + IN_PROGRESS_WAIT_S
        first = True
        while True:
            self.tally.add("retries sent")
            try:
                resp = self.post(session, attempt.buyer, attempt.path, attempt.body, attempt.key)
            except Cut:
                with self.lock:
                    self.cut.append(attempt)  # the next restart tries again
                return
            in_progress = self.json(resp).get("code") == "IDEMPOTENCY_IN_PROGRESS"
            if in_progress and first:
                self.tally.fail("retries answered 409 IDEMPOTENCY_IN_PROGRESS", attempt.describe())
            elif in_progress:
                self.tally.add("later asks answered IDEMPOTENCY_IN_PROGRESS")
            first = False
            if not in_progress or time.monotonic() > deadline:
                try:
                    self.settle(session, attempt, resp)
                except Cut:
                    pass
                return
            time.sleep(0.25)

    def verify_acknowledged(self) -> None:
        """Reads back what was answered 2xx since the last restart: still there, as answered."""
        with self.lock:
            acked, self.acked = self.acked, []
        for a in acked:
            if a.kind == "order":
                order_id = next((o for o, k in a.buyer.orders.items() if k == a.key), None)
                self.expect(a, f"/v1/orders/{order_id}", None)
        touched = {id(a.buyer): a.buyer for a in acked}.values()
        for buyer in touched:
            for course, (enrollment_id, status) in buyer.enrollments.items():
                self.expect_buyer(buyer, f"/v1/enrollments/{enrollment_id}", status, f"course {course}")
            if buyer.booking:
                self.expect_buyer(buyer, f"/v1/bookings/{buyer.booking[0]}", buyer.booking[1], "booking")

    def expect(self, attempt: Attempt, path: str, status: str | None) -> None:
        self.expect_buyer(attempt.buyer, path, status, attempt.describe())

    def expect_buyer(self, buyer: Buyer, path: str, status: str | None, what: str) -> None:
        self.tally.add("verification reads")
        resp = requests.get(self.server.base_url + path, headers=auth(buyer.token), timeout=TIMEOUT_S)
        if resp.status_code != 200:
            self.tally.fail("lost", f"GET {path} as {buyer.email} -> {resp.status_code} after the kill ({what})")
        elif status is not None and resp.json().get("status") != status:
            self.tally.fail("lost", f"GET {path} as {buyer.email}: status {resp.json().get('status')}, "
                                    f"answered {status} ({what})")

    # --- the end: nothing more, nothing less -----------------------------------------
    def final_audit(self) -> None:
        """Every order of every buyer must be one an attempt was answered with; one live booking at most."""
        base = self.server.base_url
        for buyer in self.buyers:
            stored = {o["id"] for o in get_all(base, "/v1/orders", buyer.token)}
            for order_id in stored - set(buyer.orders):
                self.tally.fail("duplicates", f"order {order_id} of {buyer.email}: no answer named it")
            for order_id in set(buyer.orders) - stored:
                self.tally.fail("lost", f"order {order_id} of {buyer.email} answered 201, not in GET /v1/orders")
            self.tally.add("orders in the database", len(stored))
            if self.fixture.lab_id:
                live = [b for b in get_all(base, "/v1/bookings", buyer.token) if b["status"] in ("pending", "confirmed")]
                if len(live) > 1:
                    self.tally.fail("duplicates", f"{buyer.email} holds {len(live)} live bookings of one slot")
            for e in get_all(base, "/v1/enrollments", buyer.token):
                known = buyer.enrollments.get(e.get("course_id"))
                if known and known[1] != e["status"]:
                    self.tally.fail("lost", f"enrollment {e['id']} of {buyer.email}: {e['status']}, "
                                            f"last answered {known[1]}")


def keys_in_progress(db: Database) -> int:
    """Idempotency keys still claimed after every retry was answered (should be none)."""
    sql = "SELECT count(*) FROM idempotency_keys WHERE state = 'in_progress'"
    if db.backend == "sqlite":
        with sqlite3.connect(db.url[len("sqlite:"):]) as conn:
            return conn.execute(sql).fetchone()[0]
    return int(psql(db.url, sql).strip())


# --- the report -------------------------------------------------------------------
FIGURES = [
    ("kills", "kills (SIGKILL)"),
    ("requests", "requests sent (retries included)"),
    ("acknowledged writes", "acknowledged writes (2xx to a keyed write)"),
    ("acknowledged: order", "  of which orders"),
    ("acknowledged: enroll", "  enrollments"),
    ("acknowledged: unenroll", "  enrollment cancellations"),
    ("acknowledged: book", "  lab bookings"),
    ("acknowledged: unbook", "  booking cancellations"),
    ("cut off, keyed (retried)", "cut off by a kill, keyed: retried with the same key and body"),
    ("cut off, cart adds (no key, not retried)", "cut off by a kill, cart adds (no key: not retried)"),
    ("retries answered by replay", "answers replayed (Idempotent-Replayed: true)"),
    ("lost", "lost: acknowledged, missing or changed after a restart"),
    ("duplicates", "duplicates"),
    ("retries answered 409 IDEMPOTENCY_IN_PROGRESS", "retries answered 409 IDEMPOTENCY_IN_PROGRESS"),
    ("retry refused a write it had done", "retries refusing a write they had done (409 ALREADY_..., decision 0025)"),
    ("5xx", "5xx answers"),
]
# Not among them: retries refusing a write they had done, the residual risk decision 0025
# accepts (a kill between the write's commit and its stored answer); counted and listed.
BAD = ("lost", "duplicates", "retries answered 409 IDEMPOTENCY_IN_PROGRESS", "5xx")


def report(tally: Tally, header: list[str], check_ok: bool, check_text: str) -> str:
    lines = header + ["", "| figure | count |", "|---|---|"]
    lines += [f"| {label} | {tally.get(name)} |" for name, label in FIGURES]
    lines.append(f"| slowest retry after the restart was ready | {tally.max_retry_delay * 1000:.0f} ms |")
    lines.append(f"| `deltalabs check` at the end | {'clean' if check_ok else 'FAILED'} |")
    others = sorted(k for k in tally.n if k.startswith(("refused:", "status ", "later", "cut off while",
                                                        "retries sent", "orders in", "verification",
                                                        "retry answered", "idempotency keys", "retried orders")))
    lines += ["", "Other counts: " + "; ".join(f"{k} {tally.n[k]}" for k in others)]
    if not check_ok:
        lines += ["", "deltalabs check:", "```", check_text.strip(), "```"]
    if tally.failures:
        lines += ["", f"Failures ({len(tally.failures)}, first 50):"] + [f"- {f}" for f in tally.failures[:50]]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--buyers", type=int, default=24)
    ap.add_argument("--threads", type=int, default=6, help="buyers writing at once in each round")
    ap.add_argument("--min-s", type=float, default=0.3, help="shortest time from round start to the kill")
    ap.add_argument("--max-s", type=float, default=2.0, help="longest time from round start to the kill")
    ap.add_argument("--postgres", metavar="URL", help="a PostgreSQL admin URL, or 'throwaway'")
    ap.add_argument("--binary", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=None, help="random seed, for a repeatable kill schedule")
    args = ap.parse_args()
    random.seed(args.seed)
    binary = args.binary or newest_binary()
    workdir = Path(tempfile.mkdtemp(prefix="deltalabs-crash."))
    program = private_copy(binary, workdir)
    db = Database(workdir, args.postgres)
    server = Server(program, db.url, workdir, ["--auth-rate-limit", "0", "--sign-in-rate-limit", "0",
                                             "--no-access-log", "--jwt-keys", JWT_KEYS])
    started = time.monotonic()
    try:
        seeded = run_cli(program, db.url, "seed", "--demo")
        if seeded.returncode != 0:
            raise SystemExit(f"seed --demo failed: {seeded.stdout}{seeded.stderr}")
        server.start()
        fixture = make_fixture(server.base_url)
        crash = Crash(server, fixture, register_buyers(server.base_url, args.buyers), args.threads)
        load_before = machine_line()
        for number in range(args.kills):
            crash.round(number, args.min_s, args.max_s)
            print(f"round {number + 1}/{args.kills}: {crash.tally.get('acknowledged writes')} acknowledged, "
                  f"{crash.tally.get('cut off, keyed (retried)')} cut off, lost {crash.tally.get('lost')}",
                  file=sys.stderr, flush=True)
        crash.retry_cut_off(time.monotonic())
        crash.final_audit()
        stopped = server.stop()
        crash.tally.add("idempotency keys left in_progress", keys_in_progress(db))
        check = run_cli(program, db.url, "check")
        header = [f"Crash retries on {db.backend}, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
                  f"{time.monotonic() - started:.0f} s",
                  f"Binary: {binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary} "
                  f"(linked {datetime.datetime.fromtimestamp(binary.stat().st_mtime, datetime.timezone.utc):%H:%M} UTC); "
                  f"machine: {load_before}",
                  f"{args.kills} kills, {args.buyers} buyers, {args.threads} writing at once, kill after "
                  f"{args.min_s:g}-{args.max_s:g} s; {len(fixture.free_courses)} free courses; lab slot: "
                  f"{'yes' if fixture.lab_id else 'no'}; final SIGTERM exit status {stopped}"] + fixture.notes
        text = report(crash.tally, header, check.returncode == 0, check.stdout + check.stderr)
        print(text)
        out = ROOT / "bench" / "results"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"crash-retries-{db.backend}-{datetime.datetime.now():%Y%m%d-%H%M%S}.md").write_text(text)
        bad = any(crash.tally.get(b) for b in BAD) or check.returncode != 0
        return 1 if bad else 0
    finally:
        server.kill()
        db.drop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
