"""Paid labs: a booking's payment hold is a commerce order, settled or cancelled with the seat.

Why: issue 11 says paid labs "place a payment hold through commerce that
expires and frees the seat" (decisions 0015, 0017, 0021). Booking a paid lab
opens, in the booking's own transaction, a pending order with one
lab_booking item and a pending bank transfer; an administrator marking it
paid confirms the booking in the payment's transaction; a hold that runs out
(or a booking cancelled before payment) cancels the order, so no money is
taken for a seat that is gone; refunding a paid booking's order cancels the
booking and gives its seat to the waitlist. Money and seats never part.
"""

from __future__ import annotations

import time

import pytest

from client import assert_problem
from labs_support import book, hosted_lab, new_slot, students
from catalog_support import bootstrap

PRICE = {"amount_minor": 1200, "currency": "EUR"}


@pytest.fixture(scope="module")
def admin(server, cli):
    return bootstrap(server, cli, "super_admin", "Ada")


def slot_of(server, lab_id: str) -> dict:
    return server.client().get(f"/v1/labs/{lab_id}/availability").json()["items"][0]


def paid_booking(server, capacity: int = 1, seats: int = 1):
    """A paid lab with one slot, a booker, and the booker's pending booking and order."""
    owner, _, lab = hosted_lab(server, price=PRICE)
    slot = new_slot(owner, lab["id"], 24, 25, capacity=capacity)
    (booker,) = students(server, 1)
    resp = book(booker, lab["id"], slot["slot_start"], seats=seats)
    assert resp.status_code == 201, resp.text
    booking = resp.json()
    order = booker.get(f"/v1/orders/{booking['order_id']}").json()
    return lab, slot, booker, booking, order


def test_booking_a_paid_lab_opens_a_pending_order_for_its_seats_in_the_same_answer(server):
    """The booking answers its order id; the order is the booker's, one lab_booking item for
    price x seats in the lab's currency, paid by a pending bank transfer."""
    _, _, _, booking, order = paid_booking(server, capacity=3, seats=2)
    assert (booking["status"], booking["awaiting_payment"]) == ("pending", True)
    assert booking["order_id"] is not None
    assert (order["status"], order["total"]) == ("pending", {"amount_minor": 2400, "currency": "EUR"})
    assert [(i["item_type"], i["item_id"], i["quantity"], i["unit_price_minor"]) for i in order["items"]] == \
        [("lab_booking", booking["id"], 2, 1200)]
    assert (order["payment"]["method"], order["payment"]["status"]) == ("bank_transfer", "pending")


def test_a_free_lab_booking_has_no_order(server):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 24, 25)
    (booker,) = students(server, 1)
    resp = book(booker, lab["id"], slot["slot_start"])
    assert resp.status_code == 201, resp.text
    assert (resp.json()["status"], resp.json()["order_id"]) == ("confirmed", None)


def test_marking_the_order_paid_confirms_the_booking(server, admin):
    _, _, booker, booking, order = paid_booking(server)
    resp = admin.post(f"/v1/orders/{order['id']}/mark-paid")
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["payment"]["status"]) == ("paid", "succeeded")
    after = booker.get(f"/v1/bookings/{booking['id']}").json()
    assert (after["status"], after["awaiting_payment"], after["order_id"]) == ("confirmed", False, order["id"])
    assert_problem(admin.post(f"/v1/orders/{order['id']}/mark-paid"), 409, "ORDER_NOT_PENDING")


def test_cancelling_an_unpaid_booking_cancels_its_order(server, admin):
    lab, _, booker, booking, order = paid_booking(server)
    resp = booker.post(f"/v1/bookings/{booking['id']}/cancel")
    assert resp.status_code == 200, resp.text
    cancelled = booker.get(f"/v1/orders/{order['id']}").json()
    assert (cancelled["status"], cancelled["payment"]["status"]) == ("cancelled", "failed")
    assert slot_of(server, lab["id"])["seats_free"] == 1
    assert_problem(admin.post(f"/v1/orders/{order['id']}/mark-paid"), 409, "ORDER_NOT_PENDING")


def test_a_paid_booking_is_given_back_by_refunding_its_order_which_frees_the_seat_for_the_waitlist(server, admin):
    """Cancelling a paid booking directly would keep the money without the seat: it answers
    409 BOOKING_PAID. The refund cancels the booking in its transaction and the first in line
    gets the seat, with a payment hold (and an order) of their own."""
    lab, slot, booker, booking, order = paid_booking(server)
    assert admin.post(f"/v1/orders/{order['id']}/mark-paid").status_code == 200
    assert_problem(booker.post(f"/v1/bookings/{booking['id']}/cancel"), 409, "BOOKING_PAID")
    (waiting,) = students(server, 1)
    resp = waiting.post(f"/v1/labs/{lab['id']}/waitlist", json={"slot_start": slot["slot_start"]})
    assert resp.status_code == 201, resp.text
    resp = booker.post(f"/v1/orders/{order['id']}/refund", json={"reason": "cannot come"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "refunded"
    assert booker.get(f"/v1/bookings/{booking['id']}").json()["status"] == "cancelled"
    promoted = waiting.get("/v1/bookings").json()["items"]
    assert [(b["status"], b["awaiting_payment"]) for b in promoted] == [("pending", True)]
    theirs = waiting.get(f"/v1/orders/{promoted[0]['order_id']}").json()
    assert (theirs["status"], theirs["total"]) == ("pending", PRICE)


def test_an_expired_hold_cancels_its_order_frees_the_seat_and_cannot_be_paid(server_factory, cli):
    """A payment that arrives after the hold ran out is refused: the order is cancelled
    (payment failed), never paid for a seat that is someone else's now."""
    srv = server_factory(extra_args=["--lab-hold-seconds", "2"])
    admin = bootstrap(srv, cli, "super_admin", "Ada")
    lab, slot, booker, booking, order = paid_booking(srv)
    (next_one,) = students(srv, 1)
    assert_problem(book(next_one, lab["id"], slot["slot_start"]), 409, "SLOT_UNAVAILABLE")
    time.sleep(2.5)
    assert booker.get(f"/v1/bookings/{booking['id']}").json()["status"] == "expired"
    resp = admin.post(f"/v1/orders/{order['id']}/mark-paid")
    assert resp.status_code == 409, resp.text
    # Either the sweep cancelled the order first, or this payment's own expiry step did.
    assert resp.json()["code"] in ("BOOKING_NOT_PAYABLE", "ORDER_NOT_PENDING"), resp.text
    cancelled = booker.get(f"/v1/orders/{order['id']}").json()
    assert (cancelled["status"], cancelled["payment"]["status"]) == ("cancelled", "failed")
    assert slot_of(srv, lab["id"])["seats_free"] == 1
    resp = book(next_one, lab["id"], slot["slot_start"])
    assert resp.status_code == 201, resp.text
    done = cli("check", database=srv.database_url)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zz_deltalabs_check_is_clean_after_the_lab_payment_tests(server, cli):
    done = cli("check", database=server.database_url)
    assert done.returncode == 0, done.stdout + done.stderr
    for rule in ("a lab booking's order matches it (pending: the hold awaits payment; paid: confirmed or "
                 "awaiting approval, or cancelled once refunded; cancelled: the seats are released)",
                 "a confirmed booking of a paid lab has a paid, unrefunded order"):
        assert f"ok      {rule}" in done.stdout
