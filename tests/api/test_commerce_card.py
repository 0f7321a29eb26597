"""The card processor adapter and its signed webhooks, end to end.

Why: issue 10 asks for a card adapter speaking a Stripe-compatible HTTP API
over libcurl, with signed webhooks (`t=…,v1=HMAC-SHA256(t.payload)`) checked
within a tolerance window, events applied once by id, and late or
out-of-order events handled. The server here talks to a local stand-in
processor (card_standin.py): success, decline, a payment settled only by its
webhook, webhook replay, bad signatures, stale timestamps and a late event
for a payment already settled.
"""

from __future__ import annotations

import time

import pytest

from card_standin import signature
from client import assert_problem
from commerce_support import standin  # noqa: F401 (a fixture)
from commerce_support import (added, card_checkout, card_server, checkout, course_of, deliver, enrollment_in,
                              money, paid_course, resource)
from catalog_support import make_cast, register_student


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, standin):
    """A server configured with the stand-in processor; checked like every module's server."""
    with card_server(databases, tmp_path_factory, standin) as srv:
        yield srv


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def test_card_payment_succeeds_through_the_processor_and_enrolls(server, cast, standin):
    course = paid_course(cast, 4999)
    learner = register_student(server)
    added(learner, "course", course["id"])
    resp = card_checkout(learner)
    assert resp.status_code == 201, resp.text
    order = resp.json()
    assert (order["status"], order["provider"]) == ("paid", "card")
    assert (order["payment"]["method"], order["payment"]["status"]) == ("card", "succeeded")
    intent = standin.intent_of(order["id"])
    assert order["payment"]["provider_reference"] == intent["id"]
    assert (intent["amount"], intent["currency"]) == (4999, "usd")
    sent = [r for r in standin.requests if r["form"].get("metadata[order_id]") == order["id"]][0]
    assert sent["idempotency_key"] == f"order-{order['id']}"
    assert enrollment_in(learner, course["id"])["source"] == "order"


def test_card_decline_cancels_the_order_and_gives_back_stock_and_nothing_is_enrolled(server, cast, standin):
    course = paid_course(cast, 1000)
    kit = resource(cast, course["id"], 500, stock=2)
    learner = register_student(server)
    added(learner, "course", course["id"])
    added(learner, "resource", kit["id"], 2)
    order = card_checkout(learner, "pm_card_chargeDeclined").json()
    assert (order["status"], order["payment"]["status"]) == ("cancelled", "failed")
    assert order["payment"]["provider_reference"] == standin.intent_of(order["id"])["id"]
    assert enrollment_in(learner, course["id"]) is None
    stock = [r for r in cast.teacher.get(f"/v1/courses/{course['id']}/resources").json()["items"]
             if r["id"] == kit["id"]][0]["stock"]
    assert stock == 2


def test_card_checkout_without_payment_method_fails_with_400(server, cast):
    learner = register_student(server)
    added(learner, "course", paid_course(cast)["id"])
    assert_problem(checkout(learner, provider="card"), 400)
    # An empty token is no token: nothing is charged, no order is made.
    problem = assert_problem(checkout(learner, provider="card", payment_method=""), 400)
    assert [d["field"] for d in problem["details"]] == ["payment_method"]
    assert learner.get("/v1/orders").json()["items"] == []


def test_webhook_settles_a_processing_payment_once_and_a_replay_changes_nothing(server, cast, standin):
    course = paid_course(cast, 2500)
    learner = register_student(server)
    added(learner, "course", course["id"])
    order = card_checkout(learner, "pm_card_processing").json()
    assert (order["status"], order["payment"]["status"]) == ("pending", "pending")
    payload = standin.event("payment_intent.succeeded", standin.intent_of(order["id"]))
    resp = deliver(server, payload)
    assert resp.status_code == 200, resp.text
    assert (resp.json()["duplicate"], resp.json()["applied"]) == (False, True)
    paid = learner.get(f"/v1/orders/{order['id']}").json()
    assert (paid["status"], paid["payment"]["status"]) == ("paid", "succeeded")
    assert enrollment_in(learner, course["id"])["status"] == "active"
    again = deliver(server, payload)
    assert (again.status_code, again.json()["duplicate"], again.json()["applied"]) == (200, True, False)
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1


def test_webhook_arriving_late_or_out_of_order_never_moves_a_settled_payment_back(server, cast, standin):
    course = paid_course(cast, 800)
    learner = register_student(server)
    added(learner, "course", course["id"])
    order = card_checkout(learner, "pm_card_processing").json()
    intent = standin.intent_of(order["id"])
    now = int(time.time())
    succeeded = standin.event("payment_intent.succeeded", intent, created=now)
    failed_earlier = standin.event("payment_intent.payment_failed", intent, created=now - 60)
    assert deliver(server, succeeded).json()["applied"] is True
    late = deliver(server, failed_earlier)
    assert (late.status_code, late.json()["applied"], late.json()["duplicate"]) == (200, False, False)
    final = learner.get(f"/v1/orders/{order['id']}").json()
    assert (final["status"], final["payment"]["status"]) == ("paid", "succeeded")


def test_webhook_failure_event_cancels_a_processing_payment(server, cast, standin):
    learner = register_student(server)
    added(learner, "course", paid_course(cast, 300)["id"])
    order = card_checkout(learner, "pm_card_processing").json()
    payload = standin.event("payment_intent.payment_failed", standin.intent_of(order["id"]))
    assert deliver(server, payload).json()["applied"] is True
    assert learner.get(f"/v1/orders/{order['id']}").json()["status"] == "cancelled"


def test_webhook_with_a_bad_or_stale_signature_fails_with_400_and_changes_nothing(server, cast, standin):
    learner = register_student(server)
    added(learner, "course", paid_course(cast, 300)["id"])
    order = card_checkout(learner, "pm_card_processing").json()
    payload = standin.event("payment_intent.succeeded", standin.intent_of(order["id"]))
    for sig in [signature(payload, secret="whsec_wrong"), signature(payload, t=int(time.time()) - 3600),
                "v1=abc", "", signature(payload + " ")]:
        assert_problem(deliver(server, payload, sig), 400, "WEBHOOK_SIGNATURE_INVALID")
    tampered = payload.replace("payment_intent.succeeded", "payment_intent.payment_failed")
    assert_problem(deliver(server, tampered, signature(payload)), 400, "WEBHOOK_SIGNATURE_INVALID")
    assert learner.get(f"/v1/orders/{order['id']}").json()["status"] == "pending"
    assert_problem(deliver(server, "{}"), 400, "WEBHOOK_EVENT_INVALID")


def test_refund_of_a_card_order_goes_through_the_processor(server, cast, standin):
    course = paid_course(cast, 4200)
    learner = register_student(server)
    added(learner, "course", course["id"])
    order = card_checkout(learner).json()
    resp = learner.post(f"/v1/orders/{order['id']}/refund", json={})
    assert resp.status_code == 200, resp.text
    assert resp.json()["refunded"] == money(4200)
    intent = standin.intent_of(order["id"])
    assert [r["amount"] for r in standin.refunds if r["payment_intent"] == intent["id"]] == [4200]
    assert enrollment_in(learner, course["id"])["status"] == "cancelled"
