"""The three bars of issue 11, on whichever backend the suite runs.

Why: overbooking is the classic failure of booking systems (LibreBooking
issue 147): two requests read the same free seat and both take it. Seats
here are taken by one conditional UPDATE under the slot's lock, and a CHECK
keeps seats_taken within capacity; slots of a lab cannot overlap because the
schema refuses it (exclusion constraint on PostgreSQL, triggers under
SQLite's single writer), so racing requests cannot both win; and a payment
hold that runs out gives its seat back to the next booking.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from client import assert_problem
from labs_support import at, book, hosted_lab, new_slot, students


def test_200_concurrent_bookings_for_3_seats_confirm_exactly_3_and_answer_197_with_409(server, databases):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 24, 25, capacity=3)
    crowd = students(server, 200)
    start = threading.Barrier(50)

    def attempt(c):
        try:
            start.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        return book(c, lab["id"], slot["slot_start"])

    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(attempt, crowd))
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] * 3 + [409] * 197, codes
    for r in responses:
        if r.status_code == 409:
            assert_problem(r, 409, "SLOT_UNAVAILABLE")
    assert all(r.json()["status"] in ("confirmed", "pending") for r in responses if r.status_code == 201)
    rows = databases.execute(server.database_url,
                             f"SELECT status, seats FROM lab_bookings WHERE availability_id = '{slot['id']}'")
    assert sorted(rows) == [("confirmed", "1")] * 3
    taken = databases.execute(server.database_url, f"SELECT seats_taken FROM lab_availability WHERE id = '{slot['id']}'")
    assert taken == [("3",)]


def test_racing_overlapping_slots_for_one_lab_give_one_201_and_one_409(server):
    owner, _, lab = hosted_lab(server)
    for round_ in range(8):
        base = 48 + 4 * round_
        bodies = [{"slot_start": at(base), "slot_end": at(base + 2), "capacity": 2},
                  {"slot_start": at(base + 1), "slot_end": at(base + 3), "capacity": 2}]
        gate = threading.Barrier(2)

        def add(body):
            gate.wait(timeout=10)
            return owner.post(f"/v1/labs/{lab['id']}/availability", json=body)

        with ThreadPoolExecutor(max_workers=2) as pool:
            responses = list(pool.map(add, bodies))
        assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
        assert_problem(next(r for r in responses if r.status_code == 409), 409, "SLOT_OVERLAP")
    listed = server.client().get(f"/v1/labs/{lab['id']}/availability", params={"limit": 100}).json()["items"]
    assert len(listed) == 8
    for earlier, later in zip(listed, listed[1:]):
        assert earlier["slot_end"] <= later["slot_start"]


def test_an_expired_payment_hold_frees_its_seat_for_the_next_booking(server_factory):
    srv = server_factory(extra_args=["--lab-hold-seconds", "2"])
    owner, _, lab = hosted_lab(srv, price={"amount_minor": 1200, "currency": "USD"})
    slot = new_slot(owner, lab["id"], 24, 25, capacity=1)
    first, second = students(srv, 2)
    resp = book(first, lab["id"], slot["slot_start"], seats=1)
    assert resp.status_code == 201, resp.text
    held = resp.json()
    assert (held["status"], held["awaiting_payment"], held["amount"]) == \
        ("pending", True, {"amount_minor": 1200, "currency": "USD"})
    assert held["hold_expires_at"] is not None
    assert_problem(book(second, lab["id"], slot["slot_start"]), 409, "SLOT_UNAVAILABLE")
    time.sleep(2.5)
    listed = srv.client().get(f"/v1/labs/{lab['id']}/availability").json()["items"][0]
    assert listed["seats_free"] == 1
    assert first.get(f"/v1/bookings/{held['id']}").json()["status"] == "expired"
    resp = book(second, lab["id"], slot["slot_start"])
    assert resp.status_code == 201, resp.text
    assert resp.json()["status"] == "pending"
    assert first.get(f"/v1/bookings/{held['id']}").json()["status"] == "expired"
    assert_problem(first.post(f"/v1/bookings/{held['id']}/cancel"), 409, "BOOKING_NOT_ACTIVE")


def test_a_run_out_hold_books_the_first_in_line_without_any_further_request(server_factory):
    """The background sweep gives the freed seat to the waitlist and notifies them, so
    a waiting user is not left behind a hold nobody touches again."""
    srv = server_factory(extra_args=["--lab-hold-seconds", "2"])
    owner, _, lab = hosted_lab(srv, price={"amount_minor": 500, "currency": "EUR"})
    slot = new_slot(owner, lab["id"], 30, 31, capacity=1)
    holder, waiting = students(srv, 2)
    assert book(holder, lab["id"], slot["slot_start"]).status_code == 201
    resp = waiting.post(f"/v1/labs/{lab['id']}/waitlist", json={"slot_start": slot["slot_start"]})
    assert resp.status_code == 201, resp.text
    deadline = time.monotonic() + 10
    mine = []
    while time.monotonic() < deadline and not mine:
        time.sleep(0.5)
        mine = waiting.get("/v1/bookings").json()["items"]
    assert [(b["status"], b["awaiting_payment"]) for b in mine] == [("pending", True)]
    kinds = [n["kind"] for n in waiting.get("/v1/notifications").json()["items"]]
    assert "lab_booking.waitlist_promoted" in kinds
