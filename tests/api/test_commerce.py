"""Carts, checkout, orders, bank transfers and refunds.

Why: issue 10 makes paid courses enroll through checkout instead of the 402
of POST /v1/enrollments. A cart is one open per user with price snapshots;
checkout prices the cart, writes order, items and payment, takes stock and
(for a zero total, or when a bank transfer is marked paid) enrolls, all in
one transaction, and honours a required Idempotency-Key (replay, 422 for
another body, one order under 100 concurrent retries). Refunds, whole or per
item, reverse enrollments and stock and never give back more than was paid.
"""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from commerce_support import (add, added, buy, checkout, course_of, enrollment_in, money, ordered, paid_course,
                              resource)
from catalog_support import make_cast, published_course, register_student, user_id


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def mark_paid(cast, order_id):
    return cast.admin.post(f"/v1/orders/{order_id}/mark-paid")


def paid_order(server, cast, *courses) -> tuple:
    """A learner who bought `courses` by bank transfer, marked paid by the admin."""
    learner = register_student(server)
    for course in courses:
        added(learner, "course", course["id"])
    order = ordered(learner)
    resp = mark_paid(cast, order["id"])
    assert resp.status_code == 200, resp.text
    return learner, resp.json()


# --- cart --------------------------------------------------------------------------------------
def test_cart_starts_empty_and_adds_courses_and_resources_with_a_price_snapshot(server, cast):
    learner = register_student(server)
    empty = learner.get("/v1/cart").json()
    assert (empty["id"], empty["items"], empty["subtotal"], empty["item_count"]) == (None, [], None, 0)
    course = paid_course(cast, 4999)
    kit = resource(cast, course["id"], 1500, stock=5)
    added(learner, "course", course["id"])
    cart = added(learner, "resource", kit["id"], 2)
    assert [(i["item_type"], i["item_id"], i["quantity"]) for i in cart["items"]] == [
        ("course", course["id"], 1), ("resource", kit["id"], 2)]
    assert cart["items"][1]["unit_price"] == money(1500) and cart["items"][1]["line_total"] == money(3000)
    assert cart["subtotal"] == money(7999) and cart["item_count"] == 2
    assert learner.get("/v1/cart").json() == cart


def test_cart_item_add_fails_for_duplicates_enrolled_courses_stock_and_currency(server, cast):
    learner = register_student(server)
    course = paid_course(cast, 1000)
    added(learner, "course", course["id"])
    assert_problem(add(learner, "course", course["id"]), 409, "ITEM_ALREADY_IN_CART")
    assert_problem(add(learner, "course", course["id"], 2), 400)
    kit = resource(cast, course["id"], stock=1)
    assert_problem(add(learner, "resource", kit["id"], 2), 409, "OUT_OF_STOCK")
    euro = paid_course(cast, 1000, "EUR")
    assert_problem(add(learner, "course", euro["id"]), 409, "MIXED_CURRENCIES")
    assert_problem(add(learner, "course", "0190aaaa-0000-7000-8000-000000000000"), 404, "COURSE_NOT_FOUND")
    assert_problem(add(learner, "resource", "0190aaaa-0000-7000-8000-000000000000"), 404, "RESOURCE_NOT_FOUND")
    assert_problem(add(learner, "seat", course["id"]), 400)
    free = published_course(cast.teacher, cast)
    assert learner.post("/v1/enrollments", json={"course_id": free["id"]}).status_code == 201
    assert_problem(add(learner, "course", free["id"]), 409, "ALREADY_ENROLLED")
    assert_problem(server.client().get("/v1/cart"), 401)


def test_cart_item_delete_removes_only_my_own_lines(server, cast):
    learner, other = register_student(server), register_student(server)
    course = paid_course(cast)
    line = added(learner, "course", course["id"])["items"][0]
    assert_problem(other.delete(f"/v1/cart/items/{line['id']}"), 404, "CART_ITEM_NOT_FOUND")
    resp = learner.delete(f"/v1/cart/items/{line['id']}")
    assert resp.status_code == 200 and resp.json()["items"] == []
    assert_problem(learner.delete(f"/v1/cart/items/{line['id']}"), 404, "CART_ITEM_NOT_FOUND")


# --- checkout ----------------------------------------------------------------------------------
def test_direct_enrollment_in_a_paid_course_still_fails_with_402_pointing_to_checkout(server, cast):
    course = paid_course(cast)
    problem = assert_problem(register_student(server).post("/v1/enrollments", json={"course_id": course["id"]}),
                             402, "PAYMENT_REQUIRED")
    assert "/v1/cart/items" in problem["detail"] and "/v1/orders" in problem["detail"]


def test_checkout_of_a_zero_total_pays_at_once_and_enrolls_with_the_order_as_source(server, cast):
    learner = register_student(server)
    course = published_course(cast.teacher, cast)  # free
    order = buy(learner, course["id"])
    assert (order["status"], order["total"], order["provider"]) == ("paid", money(0), "offline")
    assert order["payment"]["method"] == "free" and order["payment"]["status"] == "succeeded"
    e = enrollment_in(learner, course["id"])
    assert (e["source"], e["status"], e["order_id"]) == ("order", "active", order["id"])
    assert order["items"][0]["enrollment_id"] == e["id"]
    assert learner.get("/v1/cart").json()["items"] == []


def test_checkout_of_a_paid_course_waits_as_a_bank_transfer_until_an_admin_marks_it_paid(server, cast):
    learner = register_student(server)
    course = paid_course(cast, 4999)
    added(learner, "course", course["id"])
    resp = checkout(learner)
    assert resp.status_code == 201, resp.text
    order = resp.json()
    assert resp.headers["Location"] == f"/v1/orders/{order['id']}"
    assert order["number"].startswith("DL-") and order["user_id"] == user_id(learner)
    assert (order["status"], order["subtotal"], order["total"]) == ("pending", money(4999), money(4999))
    assert (order["payment"]["method"], order["payment"]["status"]) == ("bank_transfer", "pending")
    assert enrollment_in(learner, course["id"]) is None
    assert_problem(learner.post(f"/v1/orders/{order['id']}/mark-paid"), 403)
    resp = mark_paid(cast, order["id"])
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["payment"]["status"]) == ("paid", "succeeded")
    assert resp.json()["paid_at"] is not None
    assert enrollment_in(learner, course["id"])["source"] == "order"
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1
    assert_problem(mark_paid(cast, order["id"]), 409, "ORDER_NOT_PENDING")
    assert learner.get(f"/v1/orders/{order['id']}").json() == resp.json()
    mine = learner.get("/v1/orders").json()["items"]
    assert [o["id"] for o in mine] == [order["id"]]


def test_checkout_takes_resource_stock_and_fails_with_409_when_it_ran_out_meanwhile(server, cast):
    course = paid_course(cast)
    kit = resource(cast, course["id"], 1500, stock=3)
    first, second = register_student(server), register_student(server)
    added(first, "resource", kit["id"], 2)
    added(second, "resource", kit["id"], 2)
    ordered(first)
    assert_problem(checkout(second), 409, "OUT_OF_STOCK")
    stock = [r for r in cast.teacher.get(f"/v1/courses/{course['id']}/resources").json()["items"]
             if r["id"] == kit["id"]][0]["stock"]
    assert stock == 1
    assert len(second.get("/v1/cart").json()["items"]) == 1  # a failed checkout keeps the cart


def test_checkout_fails_without_idempotency_key_with_an_empty_cart_and_with_bad_bodies(server, cast):
    learner = register_student(server)
    assert_problem(learner.post("/v1/orders", json={}), 400, "IDEMPOTENCY_KEY_REQUIRED")
    assert_problem(checkout(learner), 409, "CART_EMPTY")
    assert_problem(checkout(learner, provider="cash"), 400)
    assert_problem(checkout(learner, surprise=1), 400)


def test_checkout_replays_the_first_answer_for_the_same_key_and_fails_with_422_for_another_body(server, cast):
    learner = register_student(server)
    added(learner, "course", paid_course(cast)["id"])
    key = secrets.token_hex(8)
    first = checkout(learner, key)
    assert first.status_code == 201, first.text
    again = checkout(learner, key)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert_problem(checkout(learner, key, coupon_code="OTHER"), 422, "IDEMPOTENCY_KEY_REUSED")
    assert len(learner.get("/v1/orders").json()["items"]) == 1


def test_checkout_retry_whose_stored_answer_was_lost_finds_the_order_instead_of_buying_again(server, cast,
                                                                                               databases):
    """A crash between the order's commit and the stored answer loses only the answer: the order keeps its key."""
    learner = register_student(server)
    added(learner, "course", paid_course(cast)["id"])
    key = secrets.token_hex(8)
    first = ordered(learner, key)
    databases.execute(server.database_url, f"DELETE FROM idempotency_keys WHERE scope LIKE '% {key}'")
    again = checkout(learner, key)
    assert again.status_code == 201, again.text
    assert again.json()["id"] == first["id"]
    assert len(learner.get("/v1/orders").json()["items"]) == 1


def test_checkout_under_100_concurrent_requests_with_one_key_makes_one_order_and_one_payment(server, cast):
    learner = register_student(server)
    course = published_course(cast.teacher, cast)
    kit = resource(cast, course["id"], 0, stock=1)
    added(learner, "course", course["id"])
    added(learner, "resource", kit["id"])
    key = secrets.token_hex(8)
    clients = [learner.with_token(learner.token) for _ in range(100)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(lambda c: checkout(c, key), clients))
    unexpected = [(a.status_code, a.text[:300]) for a in answers if a.status_code not in (201, 409)]
    assert not unexpected, unexpected
    ids = {a.json()["id"] for a in answers if a.status_code == 201}
    assert len(ids) == 1
    for a in answers:
        if a.status_code == 409:
            assert a.json()["code"] == "IDEMPOTENCY_IN_PROGRESS"
    orders = learner.get("/v1/orders").json()["items"]
    assert [o["id"] for o in orders] == list(ids)
    assert orders[0]["status"] == "paid" and orders[0]["payment"]["status"] == "succeeded"
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1


def test_orders_of_others_fail_with_404_and_admins_read_them(server, cast):
    learner, other = register_student(server), register_student(server)
    order = buy(learner, paid_course(cast)["id"])
    assert_problem(other.get(f"/v1/orders/{order['id']}"), 404, "ORDER_NOT_FOUND")
    assert_problem(other.post(f"/v1/orders/{order['id']}/refund", json={}), 404, "ORDER_NOT_FOUND")
    assert cast.admin.get(f"/v1/orders/{order['id']}").json()["id"] == order["id"]
    assert_problem(learner.get("/v1/orders/not-a-uuid"), 404)


# --- refunds -----------------------------------------------------------------------------------
def test_refund_of_a_whole_order_cancels_enrollments_frees_seats_and_returns_stock(server, cast):
    course = paid_course(cast, 3000)
    kit = resource(cast, course["id"], 1000, stock=4)
    learner = register_student(server)
    added(learner, "course", course["id"])
    added(learner, "resource", kit["id"], 3)
    order = ordered(learner)
    order = mark_paid(cast, order["id"]).json()
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1
    resp = learner.post(f"/v1/orders/{order['id']}/refund", json={"reason": "changed my mind"})
    assert resp.status_code == 200, resp.text
    done = resp.json()
    assert (done["status"], done["refunded"]) == ("refunded", money(6000))
    assert all(i["refunded"] for i in done["items"])
    assert sorted(r["amount"]["amount_minor"] for r in done["refunds"]) == [3000, 3000]
    assert enrollment_in(learner, course["id"])["status"] == "cancelled"
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 0
    stock = [r for r in cast.teacher.get(f"/v1/courses/{course['id']}/resources").json()["items"]
             if r["id"] == kit["id"]][0]["stock"]
    assert stock == 4
    assert_problem(learner.post(f"/v1/orders/{order['id']}/refund", json={}), 409, "ORDER_NOT_REFUNDABLE")


def test_refund_per_item_is_partial_and_never_refunds_an_item_twice(server, cast):
    first, second = paid_course(cast, 2000), paid_course(cast, 500)
    learner, order = paid_order(server, cast, first, second)
    item = [i for i in order["items"] if i["item_id"] == first["id"]][0]
    resp = learner.post(f"/v1/orders/{order['id']}/refund", json={"item_ids": [item["id"]]})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["refunded"]) == ("partially_refunded", money(2000))
    assert enrollment_in(learner, first["id"])["status"] == "cancelled"
    assert enrollment_in(learner, second["id"])["status"] == "active"
    assert_problem(learner.post(f"/v1/orders/{order['id']}/refund", json={"item_ids": [item["id"]]}),
                   409, "ALREADY_REFUNDED")
    assert_problem(learner.post(f"/v1/orders/{order['id']}/refund",
                                json={"item_ids": ["0190aaaa-0000-7000-8000-000000000000"]}),
                   422, "ORDER_ITEM_UNKNOWN")
    rest = learner.post(f"/v1/orders/{order['id']}/refund", json={})
    assert (rest.json()["status"], rest.json()["refunded"]) == ("refunded", money(2500))


def test_refund_of_a_pending_order_fails_with_409_and_a_learner_can_buy_again_after_a_refund(server, cast):
    course = paid_course(cast, 700)
    learner = register_student(server)
    pending = buy(learner, course["id"])
    assert_problem(learner.post(f"/v1/orders/{pending['id']}/refund", json={}), 409, "ORDER_NOT_REFUNDABLE")
    paid = mark_paid(cast, pending["id"]).json()
    assert learner.post(f"/v1/orders/{paid['id']}/refund", json={}).status_code == 200
    again = buy(learner, course["id"])
    assert mark_paid(cast, again["id"]).status_code == 200
    e = enrollment_in(learner, course["id"])
    assert e["status"] == "active"


def test_concurrent_refunds_of_one_order_give_the_money_back_once(server, cast):
    course = paid_course(cast, 900)
    learner, order = paid_order(server, cast, course)
    clients = [learner.with_token(learner.token) for _ in range(10)]
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda c: c.post(f"/v1/orders/{order['id']}/refund", json={}), clients))
    assert sorted(a.status_code for a in answers) == [200] + [409] * 9
    final = learner.get(f"/v1/orders/{order['id']}").json()
    assert final["refunded"] == money(900) and len(final["refunds"]) == 1


# --- demo data and the audit -------------------------------------------------------------------
def test_seed_demo_loads_commerce_twice_without_change_and_check_passes(databases, cli):
    url = databases.create()
    for _ in range(2):
        done = cli("seed", "--demo", database=url, timeout=180)
        assert done.returncode == 0, done.stderr
    counts = databases.execute(url, "SELECT (SELECT count(*) FROM orders WHERE status = 'paid'), "
                                    "(SELECT count(*) FROM orders WHERE status = 'partially_refunded'), "
                                    "(SELECT count(*) FROM refunds), (SELECT count(*) FROM sponsors), "
                                    "(SELECT count(*) FROM sponsorship_requests), "
                                    "(SELECT count(*) FROM financial_aid_applications), "
                                    "(SELECT count(*) FROM cart_items i JOIN carts c ON c.id = i.cart_id "
                                    "WHERE c.status = 'open'), (SELECT count(*) FROM coupons)")
    assert tuple(int(v) for v in counts[0]) == (2, 1, 1, 1, 2, 1, 1, 1)
    audit = cli("check", database=url, timeout=120)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "every order has one payment" in audit.stdout


def test_check_reports_an_order_whose_refunds_disagree_with_its_refunded_amount(server, cast, databases, cli):
    course = paid_course(cast, 1200)
    learner, order = paid_order(server, cast, course)
    learner.post(f"/v1/orders/{order['id']}/refund", json={})
    databases.execute(server.database_url, f"UPDATE orders SET refunded_minor = 100 WHERE id = '{order['id']}'")
    try:
        audit = cli("check", database=server.database_url, timeout=120)
        assert audit.returncode == 1 and "FAILED  orders.refunded_minor" in audit.stdout, audit.stdout
    finally:
        databases.execute(server.database_url, f"UPDATE orders SET refunded_minor = 1200 WHERE id = '{order['id']}'")
