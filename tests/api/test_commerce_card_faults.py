"""Card checkouts and refunds when the processor answers something other than yes or no.

Why: issue 18 §1–2. Run against clients and crashes, the platform answered
201 "pending" to every processor answer but success and decline, replayed
that stale answer to a retry under the same Idempotency-Key without asking
the processor again, let a learner hold two open orders for one course,
acknowledged charge.refunded events without applying them, and called the
processor inside the refund's transaction. Here the stand-in processor
answers 400, 401, 404, 500 or too late on demand (card_standin.py).

Expected:
- 400/404 → 422 PAYMENT_REJECTED with the processor's words; the order is
  cancelled and the cart kept; a new checkout then succeeds.
- 401 → 503 CARD_PROCESSOR_MISCONFIGURED, logged at error with the request id.
- 500 or a timeout → 503 CARD_PROCESSOR_UNAVAILABLE with Retry-After, logged
  at warn; the order stays pending, and a retry with the same key asks the
  processor again (which dedupes it) and answers the order as it stands.
- A second checkout of a course with an open order → 409 ORDER_PENDING naming it.
- charge.refunded applies a refund made at the processor once, whole or per
  item, never more than was paid; an admin's refund is reserved, asked and
  settled, and one whose answer was lost is settled by the webhook.
"""

from __future__ import annotations

import json
import time

import pytest

from client import assert_problem
from commerce_support import standin  # noqa: F401 (a fixture)
from commerce_support import (added, card_checkout, card_server, cart_lines, checkout, deliver, enrollment_in,
                              paid_course, resource)
from catalog_support import make_cast, register_student

TIMEOUT_MS = 1500


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, standin):
    with card_server(databases, tmp_path_factory, standin,
                     extra_args=["--card-api-timeout-ms", str(TIMEOUT_MS)]) as srv:
        yield srv


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def log_lines(server, request_id: str) -> list[dict]:
    lines = []
    for line in server.log_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if request_id in line:
            lines.append(entry)
    return lines


def logged_at(server, request_id: str, level: str, wait_s: float = 5.0) -> bool:
    """True once the request's failure is in the server's log at `level`.

    The server logs through an asynchronous logger (app/logging.cc), so the
    line may land a moment after the response did: look again for a while.
    """
    deadline = time.monotonic() + wait_s
    while True:
        if any(e.get("level", "").startswith(level) and "request failed" in json.dumps(e)
               for e in log_lines(server, request_id)):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def order_of(c, order_id: str) -> dict:
    resp = c.get(f"/v1/orders/{order_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def stock_of(cast, course_id: str, resource_id: str) -> int:
    items = cast.teacher.get(f"/v1/courses/{course_id}/resources").json()["items"]
    return [r for r in items if r["id"] == resource_id][0]["stock"]


# --- checkout ------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [400, 404])
def test_a_request_the_processor_rejects_cancels_the_order_and_keeps_the_cart(server, cast, standin, status):
    course = paid_course(cast, 1200)
    kit = resource(cast, course["id"], 300, stock=3)
    learner = register_student(server)
    added(learner, "course", course["id"])
    added(learner, "resource", kit["id"], 2)
    standin.answer_next(status, {"error": {"type": "invalid_request_error",
                                           "message": "No such PaymentMethod: 'pm_card_visa'"}})
    problem = assert_problem(card_checkout(learner), 422, "PAYMENT_REJECTED")
    assert "No such PaymentMethod" in problem["detail"]
    cancelled = order_of(learner, problem["order_id"])
    assert (cancelled["status"], cancelled["payment"]["status"]) == ("cancelled", "failed")
    assert sorted(cart_lines(learner)) == sorted([("course", course["id"]), ("resource", kit["id"])])
    assert stock_of(cast, course["id"], kit["id"]) == 3
    assert enrollment_in(learner, course["id"]) is None

    paid = card_checkout(learner)
    assert paid.status_code == 201, paid.text
    assert paid.json()["status"] == "paid"
    assert enrollment_in(learner, course["id"])["status"] == "active"


def test_credentials_the_processor_refuses_answer_503_misconfigured_logged_as_an_error(server, cast, standin):
    course = paid_course(cast, 900)
    learner = register_student(server)
    added(learner, "course", course["id"])
    standin.answer_next(401, {"error": {"type": "authentication_error", "message": "Invalid API Key"}})
    resp = card_checkout(learner, key="misconfigured-1")
    problem = assert_problem(resp, 503, "CARD_PROCESSOR_MISCONFIGURED")
    assert logged_at(server, problem["requestId"], "error")
    assert order_of(learner, problem["order_id"])["status"] == "cancelled"
    assert cart_lines(learner) == [("course", course["id"])]
    # Once the key works again, the same attempt goes through: one paid order.
    again = card_checkout(learner, key="misconfigured-1")
    assert again.status_code == 201, again.text
    assert again.json()["status"] == "paid"
    assert [o["status"] for o in learner.get("/v1/orders").json()["items"]] == ["paid", "cancelled"]


@pytest.mark.parametrize("fault", ["500", "timeout"])
def test_no_answer_keeps_the_order_pending_and_a_retry_with_the_same_key_asks_again(server, cast, standin, fault):
    course = paid_course(cast, 2100)
    learner = register_student(server)
    added(learner, "course", course["id"])
    if fault == "500":
        standin.answer_next(500)
    else:
        standin.delay_next(TIMEOUT_MS / 1000 + 1.5)  # charged there, the answer lost on the way
    problem = assert_problem(card_checkout(learner, key=f"no-answer-{fault}"), 503, "CARD_PROCESSOR_UNAVAILABLE")
    assert problem["order_id"]
    first = problem["order_id"]
    assert logged_at(server, problem["requestId"], "warn")
    pending = order_of(learner, first)
    assert (pending["status"], pending["payment"]["status"]) == ("pending", "pending")
    assert enrollment_in(learner, course["id"]) is None

    retry = card_checkout(learner, key=f"no-answer-{fault}")
    assert retry.status_code == 201, retry.text
    assert (retry.json()["id"], retry.json()["status"]) == (first, "paid")
    calls = standin.calls_to("/v1/payment_intents", first)
    assert len(calls) == 2 and {c["idempotency_key"] for c in calls} == {f"order-{first}"}
    assert len([pi for pi in standin.intents.values() if pi["metadata"]["order_id"] == first]) == 1
    assert enrollment_in(learner, course["id"])["status"] == "active"


def test_a_second_checkout_while_an_order_is_open_answers_409_naming_it(server, cast, standin):
    course = paid_course(cast, 700)
    learner = register_student(server)
    added(learner, "course", course["id"])
    first = card_checkout(learner, "pm_card_processing").json()
    assert first["status"] == "pending"
    added(learner, "course", course["id"])
    problem = assert_problem(card_checkout(learner), 409, "ORDER_PENDING")
    assert problem["order_id"] == first["id"]
    # The bank-transfer kind of open order counts the same.
    other = paid_course(cast, 800)
    buyer = register_student(server)
    added(buyer, "course", other["id"])
    transfer = checkout(buyer).json()
    assert (transfer["status"], transfer["payment"]["method"]) == ("pending", "bank_transfer")
    added(buyer, "course", other["id"])
    assert assert_problem(checkout(buyer), 409, "ORDER_PENDING")["order_id"] == transfer["id"]
    # Once the first one is settled, the course may be bought again by someone who lost it.
    assert deliver(server, standin.event("payment_intent.payment_failed",
                                         standin.intent_of(first["id"]))).json()["applied"] is True
    assert card_checkout(learner).json()["status"] == "paid"


def test_a_retry_of_a_payment_pending_at_the_processor_reports_it_as_it_stands(server, cast, standin):
    learner = register_student(server)
    added(learner, "course", paid_course(cast, 650)["id"])
    first = card_checkout(learner, "pm_card_processing", key="processing-1")
    assert (first.status_code, first.json()["status"]) == (201, "pending")
    assert deliver(server, standin.event("payment_intent.succeeded",
                                         standin.intent_of(first.json()["id"]))).json()["applied"] is True
    again = card_checkout(learner, "pm_card_processing", key="processing-1")
    assert (again.status_code, again.json()["id"], again.json()["status"]) == (201, first.json()["id"], "paid")


# --- refunds -------------------------------------------------------------------------------------

def bought(server, cast, standin, course_price: int, kit_price: int | None = None):
    """A learner's paid card order of a course (and one lab kit when priced)."""
    course = paid_course(cast, course_price)
    learner = register_student(server)
    added(learner, "course", course["id"])
    kit = None
    if kit_price is not None:
        kit = resource(cast, course["id"], kit_price, stock=4)
        added(learner, "resource", kit["id"], 1)
    order = card_checkout(learner).json()
    assert order["status"] == "paid", order
    return learner, course, kit, order, standin.intent_of(order["id"])


def test_a_whole_refund_made_at_the_processor_refunds_the_order_once(server, cast, standin):
    learner, course, kit, order, intent = bought(server, cast, standin, 1000, 500)
    standin.refund_at_processor(intent, 1500)
    event = standin.refunded_event(intent)
    resp = deliver(server, event)
    assert (resp.status_code, resp.json()["applied"]) == (200, True), resp.text
    after = order_of(learner, order["id"])
    assert (after["status"], after["refunded"]["amount_minor"]) == ("refunded", 1500)
    assert all(i["refunded"] for i in after["items"])
    assert enrollment_in(learner, course["id"])["status"] == "cancelled"
    assert stock_of(cast, course["id"], kit["id"]) == 4
    assert deliver(server, event).json()["duplicate"] is True
    # The same total reported again under another event id changes nothing.
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is False
    assert order_of(learner, order["id"])["refunded"]["amount_minor"] == 1500


def test_a_partial_refund_at_the_processor_refunds_the_items_it_adds_up_to(server, cast, standin):
    learner, course, kit, order, intent = bought(server, cast, standin, 1000, 500)
    standin.refund_at_processor(intent, 500)
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is True
    after = order_of(learner, order["id"])
    assert after["status"] == "partially_refunded"
    assert {i["item_type"]: i["refunded"] for i in after["items"]} == {"course": False, "resource": True}
    assert enrollment_in(learner, course["id"])["status"] == "active"
    standin.refund_at_processor(intent, 1000)
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is True
    assert order_of(learner, order["id"])["status"] == "refunded"


def test_a_processor_refund_that_matches_no_items_or_exceeds_the_payment_is_not_applied(server, cast, standin):
    learner, course, kit, order, intent = bought(server, cast, standin, 1000, 500)
    standin.refund_at_processor(intent, 300)  # no item costs 300
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is False
    standin.refund_at_processor(intent, 1300)  # 1600 in all: more than was paid
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is False
    after = order_of(learner, order["id"])
    assert (after["status"], after["refunded"]["amount_minor"]) == ("paid", 0)


def test_a_refund_the_processor_does_not_answer_stays_requested_until_a_retry_finishes_it(server, cast, standin):
    learner, course, _, order, intent = bought(server, cast, standin, 4200)
    standin.answer_next(500)
    assert_problem(learner.post(f"/v1/orders/{order['id']}/refund", json={"reason": "changed my mind"}), 503,
                   "CARD_PROCESSOR_UNAVAILABLE")
    waiting = order_of(learner, order["id"])
    assert waiting["status"] == "paid"
    assert [r["status"] for r in waiting["refunds"]] == ["requested"]
    assert enrollment_in(learner, course["id"])["status"] == "active"
    done = learner.post(f"/v1/orders/{order['id']}/refund", json={})
    assert done.status_code == 200, done.text
    assert (done.json()["status"], [r["status"] for r in done.json()["refunds"]]) == ("refunded", ["succeeded"])
    assert [r["amount"] for r in standin.refunds if r["payment_intent"] == intent["id"]] == [4200]
    keys = {c["idempotency_key"] for c in standin.calls_to("/v1/refunds") if c["form"].get("payment_intent") == intent["id"]}
    assert len(keys) == 1
    assert enrollment_in(learner, course["id"])["status"] == "cancelled"


def test_a_refund_whose_answer_was_lost_is_settled_by_the_processors_webhook(server, cast, standin):
    learner, course, _, order, intent = bought(server, cast, standin, 3100)
    standin.delay_next(TIMEOUT_MS / 1000 + 1.5)  # refunded there; the answer never arrives
    assert_problem(learner.post(f"/v1/orders/{order['id']}/refund", json={}), 503, "CARD_PROCESSOR_UNAVAILABLE")
    assert [r["status"] for r in order_of(learner, order["id"])["refunds"]] == ["requested"]
    assert deliver(server, standin.refunded_event(intent)).json()["applied"] is True
    after = order_of(learner, order["id"])
    assert (after["status"], [r["status"] for r in after["refunds"]]) == ("refunded", ["succeeded"])
    assert enrollment_in(learner, course["id"])["status"] == "cancelled"


def test_a_refund_the_processor_refuses_is_released_and_the_order_stays_paid(server, cast, standin):
    learner, course, _, order, _ = bought(server, cast, standin, 2600)
    standin.answer_next(400, {"error": {"type": "invalid_request_error", "message": "Charge already refunded"}})
    problem = assert_problem(learner.post(f"/v1/orders/{order['id']}/refund", json={}), 409, "REFUND_REFUSED")
    assert "Charge already refunded" in problem["detail"]
    after = order_of(learner, order["id"])
    assert (after["status"], after["refunds"]) == ("paid", [])
    assert learner.post(f"/v1/orders/{order['id']}/refund", json={}).json()["status"] == "refunded"
