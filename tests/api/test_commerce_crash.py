"""Checkout survives the server being killed at random moments.

Why: issue 10's crash bar — with checkouts in flight, the server is killed
(SIGKILL, no shutdown) at a random moment, several times, on one database.
After each restart every order that was answered 201 must be in the
database, no order may lack its payment, and no enrollment may exist
without its paid order (`deltalabs check` audits the last two, and the
derived seat counts, after every round).
"""

from __future__ import annotations

import random
import secrets
import signal
import subprocess
import threading
import time

import requests

from client import Client
from conftest import BINARY, child_env
from catalog_support import make_cast, published_course, register_student

ROUNDS = 4
BUYERS = 6
# One signing key for every restart, so the buyers' tokens stay valid.
KEYS = ["--jwt-keys", "crash:crash-test-secret-0123456789"]


def buy_until_killed(base_url: str, token: str, course_ids: list[str], answered: list, stop: threading.Event):
    """Buys one course after another; records (token, order id) of every 201."""
    c = Client(base_url, timeout=5).set_token(token)
    for course_id in course_ids:
        if stop.is_set():
            return
        try:
            added = c.post("/v1/cart/items", json={"item_type": "course", "item_id": course_id})
            if added.status_code != 201:
                continue
            resp = c.post("/v1/orders", json={}, headers={"Idempotency-Key": secrets.token_hex(8)})
            if resp.status_code == 201:
                answered.append((token, resp.json()["id"]))
        except requests.RequestException:
            return  # the server is gone


def test_checkout_loop_with_the_server_killed_keeps_every_answered_order_and_its_payment(server_factory, cli):
    srv = server_factory(extra_args=KEYS)
    database = srv.database_url
    cast = make_cast(srv, cli)
    courses = [published_course(cast.teacher, cast)["id"] for _ in range(12)]
    buyers = [register_student(srv).token for _ in range(BUYERS * ROUNDS)]
    answered: list[tuple[str, str]] = []
    for round_ in range(ROUNDS):
        stop = threading.Event()
        mine = buyers[round_ * BUYERS:(round_ + 1) * BUYERS]
        workers = [threading.Thread(target=buy_until_killed, args=(srv.base_url, t, courses, answered, stop))
                   for t in mine]
        for w in workers:
            w.start()
        time.sleep(random.uniform(0.3, 1.5))
        srv.stop(sig=signal.SIGKILL)
        stop.set()
        for w in workers:
            w.join(timeout=30)
        audit = subprocess.run([str(BINARY), "--database", database, "check"], capture_output=True, text=True,
                               timeout=120, env=child_env())
        assert audit.returncode == 0, audit.stdout + audit.stderr
        srv = server_factory(extra_args=KEYS, database=database)
        for token, order_id in answered:
            resp = Client(srv.base_url).set_token(token).get(f"/v1/orders/{order_id}")
            assert resp.status_code == 200, f"order {order_id} answered 201 is gone after the kill"
            order = resp.json()
            assert order["payment"] is not None and order["status"] == "paid"
    assert len(answered) > 0, "no checkout completed before the kills: the test proved nothing"
