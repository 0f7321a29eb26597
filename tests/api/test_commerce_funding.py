"""Coupons, financial aid and sponsorships.

Why: issue 10 lets learners pay less or nothing: a coupon (percent or amount,
a redemption cap exact under concurrent checkouts, a per-user limit, a
validity window), approved financial aid (a discount percent applied at one
checkout only) and a sponsor's approval (a zero-cost paid order and the
enrollment in one transaction). Each decision is made once, by whom it
belongs to.
"""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from commerce_support import added, buy, checkout, course_of, enrollment_in, money, ordered, paid_course
from catalog_support import make_cast, register_student, user_id


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def coupon(cast, **body) -> dict:
    body = {"code": f"C{secrets.token_hex(4)}", "kind": "percent", "percent_off": 10} | body
    body = {k: v for k, v in body.items() if v is not None}
    resp = cast.admin.post("/v1/coupons", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


# --- coupons -----------------------------------------------------------------------------------
def test_coupon_percent_discounts_each_line_and_amount_spreads_over_lines(server, cast):
    a, b = paid_course(cast, 1000), paid_course(cast, 333)
    ten = coupon(cast, code=f"ten{secrets.token_hex(3)}", percent_off=10)
    assert ten["code"] == ten["code"].upper() and ten["redemption_count"] == 0
    learner = register_student(server)
    added(learner, "course", a["id"])
    added(learner, "course", b["id"])
    order = ordered(learner, coupon_code=ten["code"].lower())
    assert (order["subtotal"], order["discount"], order["total"]) == (money(1333), money(133), money(1200))
    assert sorted(i["discount_minor"] for i in order["items"]) == [33, 100]
    assert order["coupon_id"] == ten["id"]
    off = coupon(cast, kind="amount", percent_off=None, amount_off={"amount_minor": 1200, "currency": "USD"})
    other = register_student(server)
    added(other, "course", a["id"])
    added(other, "course", b["id"])
    order = ordered(other, coupon_code=off["code"])
    assert (order["discount"], order["total"]) == (money(1200), money(133))


def test_coupon_fails_when_unknown_expired_in_another_currency_or_used_by_the_same_user(server, cast):
    course = paid_course(cast, 1000)
    learner = register_student(server)
    added(learner, "course", course["id"])
    assert_problem(checkout(learner, coupon_code="NOPE-NOPE"), 422, "COUPON_INVALID")
    old = coupon(cast, valid_from="2020-01-01T00:00:00Z", valid_until="2020-02-01T00:00:00Z")
    assert_problem(checkout(learner, coupon_code=old["code"]), 422, "COUPON_INVALID")
    euro = coupon(cast, kind="amount", percent_off=None, amount_off={"amount_minor": 100, "currency": "EUR"})
    assert_problem(checkout(learner, coupon_code=euro["code"]), 422, "COUPON_INVALID")
    once = coupon(cast)
    ordered(learner, coupon_code=once["code"])
    added(learner, "course", paid_course(cast, 500)["id"])
    assert_problem(checkout(learner, coupon_code=once["code"]), 409, "COUPON_LIMIT_REACHED")
    listed = {c["code"]: c for c in cast.admin.get("/v1/coupons", params={"limit": 100}).json()["items"]}
    assert listed[once["code"]]["redemption_count"] == 1


def test_coupon_creation_needs_coupons_manage_a_unique_code_and_matching_terms(server, cast):
    learner = register_student(server)
    assert_problem(learner.post("/v1/coupons", json={"code": "FREE100", "kind": "percent", "percent_off": 100}), 403)
    assert_problem(learner.get("/v1/coupons"), 403)
    made = coupon(cast)
    assert_problem(cast.admin.post("/v1/coupons", json={"code": made["code"], "kind": "percent", "percent_off": 5}),
                   409, "COUPON_CODE_TAKEN")
    for bad in [{"kind": "percent"}, {"kind": "amount", "percent_off": 5},
                {"kind": "percent", "percent_off": 101}, {"kind": "percent", "percent_off": 5,
                                                          "valid_from": "2030-01-01T00:00:00Z",
                                                          "valid_until": "2029-01-01T00:00:00Z"}]:
        assert_problem(cast.admin.post("/v1/coupons", json={"code": f"B{secrets.token_hex(4)}"} | bad), 400)


def test_coupon_with_10_redemptions_under_50_concurrent_checkouts_discounts_exactly_10(server, cast):
    course = paid_course(cast, 1000)
    capped = coupon(cast, percent_off=50, max_redemptions=10)
    with ThreadPoolExecutor(max_workers=16) as pool:
        buyers = list(pool.map(lambda _: register_student(server), range(50)))
        list(pool.map(lambda c: added(c, "course", course["id"]), buyers))
        answers = list(pool.map(lambda c: checkout(c, coupon_code=capped["code"]), buyers))
    won = [a.json() for a in answers if a.status_code == 201]
    assert len(won) == 10 and all(o["discount"] == money(500) for o in won)
    assert sorted(a.json()["code"] for a in answers if a.status_code != 201) == ["COUPON_EXHAUSTED"] * 40
    listed = {c["id"]: c for c in cast.admin.get("/v1/coupons", params={"limit": 100}).json()["items"]}
    assert listed[capped["id"]]["redemption_count"] == 10


# --- financial aid -----------------------------------------------------------------------------
def test_financial_aid_approved_discounts_the_course_at_one_checkout_only(server, cast):
    course = paid_course(cast, 2000)
    learner = register_student(server)
    resp = learner.post("/v1/financial-aid", json={"course_id": course["id"], "statement": "I am a student."})
    assert resp.status_code == 201, resp.text
    aid = resp.json()
    assert (aid["status"], aid["discount_percent"], aid["user_id"]) == ("submitted", None, user_id(learner))
    assert_problem(learner.post("/v1/financial-aid", json={"course_id": course["id"]}), 409, "FINANCIAL_AID_PENDING")
    assert_problem(learner.patch(f"/v1/financial-aid/{aid['id']}", json={"status": "approved",
                                                                           "discount_percent": 100}), 403)
    assert_problem(cast.admin.patch(f"/v1/financial-aid/{aid['id']}", json={"status": "approved"}), 400)
    resp = cast.admin.patch(f"/v1/financial-aid/{aid['id']}", json={"status": "approved", "discount_percent": 75})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["discount_percent"]) == ("approved", 75)
    assert_problem(cast.admin.patch(f"/v1/financial-aid/{aid['id']}", json={"status": "rejected"}),
                   409, "FINANCIAL_AID_ALREADY_DECIDED")
    order = buy(learner, course["id"])
    assert (order["discount"], order["total"]) == (money(1500), money(500))
    assert order["items"][0]["financial_aid_id"] == aid["id"]
    assert learner.get(f"/v1/financial-aid/{aid['id']}").json()["used_order_id"] == order["id"]
    assert learner.post(f"/v1/orders/{order['id']}/mark-paid").status_code == 403
    # A second purchase of the same course (after a refund) pays full price.
    assert cast.admin.post(f"/v1/orders/{order['id']}/mark-paid").status_code == 200
    assert learner.post(f"/v1/orders/{order['id']}/refund", json={}).status_code == 200
    assert buy(learner, course["id"])["total"] == money(2000)


def test_financial_aid_is_read_by_its_applicant_and_reviewers_only(server, cast):
    course = paid_course(cast, 2000)
    learner, other = register_student(server), register_student(server)
    aid = learner.post("/v1/financial-aid", json={"course_id": course["id"]}).json()
    assert_problem(other.get(f"/v1/financial-aid/{aid['id']}"), 404, "FINANCIAL_AID_NOT_FOUND")
    assert [a["id"] for a in other.get("/v1/financial-aid").json()["items"]] == []
    assert aid["id"] in {a["id"] for a in cast.admin.get("/v1/financial-aid", params={"limit": 100}).json()["items"]}
    rejected = cast.admin.patch(f"/v1/financial-aid/{aid['id']}", json={"status": "rejected"}).json()
    assert rejected["status"] == "rejected" and rejected["discount_percent"] is None
    assert buy(learner, course["id"])["total"] == money(2000)


# --- sponsorships ------------------------------------------------------------------------------
def sponsor_of(server) -> tuple:
    manager = register_student(server)
    resp = manager.post("/v1/sponsors", json={"name": "Acme Foundation", "kind": "organization",
                                              "contact_email": "grants@acme.test"})
    assert resp.status_code == 201, resp.text
    return manager, resp.json()


def test_sponsorship_approval_creates_a_zero_cost_paid_order_and_the_enrollment(server, cast):
    manager, sponsor = sponsor_of(server)
    assert sponsor["manager_id"] == user_id(manager)
    assert sponsor["id"] in {s["id"] for s in register_student(server).get("/v1/sponsors").json()["items"]}
    course = paid_course(cast, 9900)
    learner = register_student(server)
    resp = learner.post("/v1/sponsorship-requests", json={"sponsor_id": sponsor["id"], "course_id": course["id"],
                                                          "message": "Please"})
    assert resp.status_code == 201, resp.text
    request = resp.json()
    assert (request["status"], request["order_id"]) == ("requested", None)
    assert_problem(learner.post("/v1/sponsorship-requests", json={"sponsor_id": sponsor["id"],
                                                                  "course_id": course["id"]}),
                   409, "SPONSORSHIP_ALREADY_REQUESTED")
    assert_problem(learner.post(f"/v1/sponsorship-requests/{request['id']}/approve"), 403)
    assert_problem(register_student(server).post(f"/v1/sponsorship-requests/{request['id']}/approve"), 404)
    resp = manager.post(f"/v1/sponsorship-requests/{request['id']}/approve")
    assert resp.status_code == 200, resp.text
    approved = resp.json()
    assert approved["status"] == "approved" and approved["order_id"] is not None
    order = learner.get(f"/v1/orders/{approved['order_id']}").json()
    assert (order["status"], order["total"], order["subtotal"]) == ("paid", money(0), money(9900))
    assert (order["payment"]["method"], order["sponsorship_request_id"]) == ("sponsored", request["id"])
    e = enrollment_in(learner, course["id"])
    assert (e["source"], e["status"], e["order_id"]) == ("sponsorship", "active", order["id"])
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1
    assert_problem(manager.post(f"/v1/sponsorship-requests/{request['id']}/reject"), 409,
                   "SPONSORSHIP_ALREADY_DECIDED")
    assert {r["id"] for r in manager.get("/v1/sponsorship-requests").json()["items"]} == {request["id"]}


def test_sponsorship_rejection_and_requests_for_free_courses(server, cast):
    manager, sponsor = sponsor_of(server)
    learner = register_student(server)
    free = paid_course(cast, 0)
    assert_problem(learner.post("/v1/sponsorship-requests", json={"sponsor_id": sponsor["id"],
                                                                  "course_id": free["id"]}), 409, "COURSE_IS_FREE")
    course = paid_course(cast, 100)
    request = learner.post("/v1/sponsorship-requests", json={"sponsor_id": sponsor["id"],
                                                             "course_id": course["id"]}).json()
    rejected = manager.post(f"/v1/sponsorship-requests/{request['id']}/reject").json()
    assert (rejected["status"], rejected["order_id"]) == ("rejected", None)
    assert enrollment_in(learner, course["id"]) is None


def test_concurrent_approvals_of_one_request_make_one_order(server, cast):
    manager, sponsor = sponsor_of(server)
    learner = register_student(server)
    course = paid_course(cast, 100)
    request = learner.post("/v1/sponsorship-requests", json={"sponsor_id": sponsor["id"],
                                                             "course_id": course["id"]}).json()
    clients = [manager.with_token(manager.token) for _ in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda c: c.post(f"/v1/sponsorship-requests/{request['id']}/approve"), clients))
    assert sorted(a.status_code for a in answers) == [200] + [409] * 19
    assert len(learner.get("/v1/orders").json()["items"]) == 1
