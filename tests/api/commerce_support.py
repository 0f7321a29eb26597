"""Helpers shared by the commerce scenario tests (no tests here).

Why a module of its own: carts, checkout, refunds, coupons, sponsorships and
financial aid all start from paid courses and resources built through the
public API, and from a buyer who fills a cart and checks it out with an
Idempotency-Key.
"""

from __future__ import annotations

import contextlib
import secrets
import subprocess

import pytest

from card_standin import API_KEY, WEBHOOK_SECRET, CardStandIn, signature
from client import Client
from conftest import BINARY, _fail_if, _start, child_env
from catalog_support import Cast, published_course


@pytest.fixture(scope="module")
def standin():
    """A stand-in card processor for the module (import this fixture to use it)."""
    s = CardStandIn().start()
    yield s
    s.stop()


@contextlib.contextmanager
def card_server(databases, tmp_path_factory, standin: CardStandIn, extra_args=()):
    """A server that charges cards through `standin`; after its run it must
    have logged no 500, kept the contract, and pass `deltalabs check`."""
    srv = _start(databases, tmp_path_factory, extra_args=[
        "--card-api-url", standin.url, "--card-api-key", API_KEY, "--card-webhook-secret", WEBHOOK_SECRET,
        "--card-webhook-tolerance", "300", *extra_args])
    try:
        yield srv
    finally:
        srv.stop()
    problems = srv.problems_after_stop() + srv.contract_problems()
    audit = subprocess.run([str(BINARY), "--database", srv.database_url, "check"], capture_output=True,
                           text=True, timeout=120, env=child_env())
    if audit.returncode != 0:
        problems.append("deltalabs check found violations:\n" + audit.stdout + audit.stderr)
    _fail_if(problems, srv, "the module's server misbehaved")


def paid_course(cast: Cast, amount: int = 4999, currency: str = "USD", **extra) -> dict:
    """A published course of cast.teacher at `amount` minor units."""
    return published_course(cast.teacher, cast, price={"amount_minor": amount, "currency": currency}, **extra)


def resource(cast: Cast, course_id: str, amount: int = 1500, stock: int = 5, currency: str = "USD") -> dict:
    resp = cast.teacher.post(f"/v1/courses/{course_id}/resources",
                             json={"title": "Lab kit", "mode": "purchase", "stock": stock,
                                   "price": {"amount_minor": amount, "currency": currency}})
    assert resp.status_code == 201, resp.text
    return resp.json()


def add(c: Client, item_type: str, item_id: str, quantity: int | None = None):
    body = {"item_type": item_type, "item_id": item_id}
    if quantity is not None:
        body["quantity"] = quantity
    return c.post("/v1/cart/items", json=body)


def added(c: Client, item_type: str, item_id: str, quantity: int | None = None) -> dict:
    resp = add(c, item_type, item_id, quantity)
    assert resp.status_code == 201, resp.text
    return resp.json()


def checkout(c: Client, key: str | None = None, **body):
    headers = {"Idempotency-Key": key or secrets.token_hex(8)}
    return c.post("/v1/orders", json=body, headers=headers)


def ordered(c: Client, key: str | None = None, **body) -> dict:
    resp = checkout(c, key, **body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def buy(c: Client, course_id: str, **body) -> dict:
    """Puts one course in the cart and checks it out."""
    added(c, "course", course_id)
    return ordered(c, **body)


def card_checkout(c: Client, method: str = "pm_card_visa", key: str | None = None, **body):
    return checkout(c, key, provider="card", payment_method=method, **body)


def deliver(server, payload: str, sig: str | None = None):
    """Posts a webhook delivery signed as the processor signs it (unless `sig` is given)."""
    return server.client().post("/v1/payments/webhook", data=payload,
                                headers={"Content-Type": "application/json",
                                         "Stripe-Signature": sig if sig is not None else signature(payload)})


def enrollment_in(c: Client, course_id: str) -> dict | None:
    resp = c.get("/v1/enrollments", params={"limit": 100})
    assert resp.status_code == 200, resp.text
    found = [e for e in resp.json()["items"] if e["course_id"] == course_id]
    return found[0] if found else None


def course_of(c: Client, course_id: str) -> dict:
    resp = c.get(f"/v1/courses/{course_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def cart_lines(c: Client) -> list[tuple[str, str]]:
    resp = c.get("/v1/cart")
    assert resp.status_code == 200, resp.text
    return [(i["item_type"], i["item_id"]) for i in resp.json()["items"]]


def money(amount: int, currency: str = "USD") -> dict:
    return {"amount_minor": amount, "currency": currency}
