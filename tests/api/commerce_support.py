"""Helpers shared by the commerce scenario tests (no tests here).

Why a module of its own: carts, checkout, refunds, coupons, sponsorships and
financial aid all start from paid courses and resources built through the
public API, and from a buyer who fills a cart and checks it out with an
Idempotency-Key.
"""

from __future__ import annotations

import secrets

from client import Client
from test_catalog_support import Cast, published_course


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


def enrollment_in(c: Client, course_id: str) -> dict | None:
    resp = c.get("/v1/enrollments", params={"limit": 100})
    assert resp.status_code == 200, resp.text
    found = [e for e in resp.json()["items"] if e["course_id"] == course_id]
    return found[0] if found else None


def course_of(c: Client, course_id: str) -> dict:
    resp = c.get(f"/v1/courses/{course_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def money(amount: int, currency: str = "USD") -> dict:
    return {"amount_minor": amount, "currency": currency}
